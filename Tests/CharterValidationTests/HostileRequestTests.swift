import CharterRuntime
import CharterValidation
import Foundation
import HTTPTypes
import Hummingbird
import OpenAPIRuntime
import CharterTestSupport
import Testing

/// Hostile bodies, parameters, headers and cookies through a real server on 127.0.0.1: each answer is the
/// expected status and error code, the handler never runs for an invalid request, and the server keeps
/// answering afterwards (no crash). Times are not asserted here (benchmarks measure speed); a case that hung
/// or blew the stack would fail the run.
@Suite("Hostile requests", .serialized)
struct HostileRequestTests {
    actor Calls {
        var count = 0
        func record() { count += 1 }
    }

    func withEcho(_ body: @Sendable (URL, Calls) async throws -> Void) async throws {
        let spec = TestPaths.packageRoot.appendingPathComponent("Tests/CharterSpecTests/Fixtures/hostile/echo.yaml").path
        let validator = try SpecValidator.load(path: spec)
        let calls = Calls()
        let router = Router()
        for contract in validator.contracts {
            try router.register(operationID: contract.operationID, method: .post, path: contract.path,
                                middlewares: [validator.middleware(options: ValidationOptions(maxBodySize: 1 << 20, responseValidation: .enforce))]) { _, _, _ in
                await calls.record()
                var response = HTTPResponse(status: .ok)
                response.headerFields[.contentType] = "application/json"
                return (response, HTTPBody("{}"))
            }
        }
        try await withServer(router) { url in try await body(url, calls) }
    }

    /// status, error code, and `constraint|message` of the first detail.
    func post(_ url: URL, _ body: Data, path: String = "/echo/1", headers: [String: String] = [:]) async throws -> (Int, String, String) {
        var h = headers
        h["Content-Type"] = h["Content-Type"] ?? "application/json"
        let r = try await send(url, "POST", path, headers: h, body: body)
        let detail = r.json?["error"]?["details"]?[0]
        let constraint = detail?["constraint"].flatMap { if case .string(let s) = $0 { s } else { nil } } ?? ""
        let message = detail?["message"].flatMap { if case .string(let s) = $0 { s } else { nil } } ?? ""
        let code = r.json?["error"]?["code"].flatMap { if case .string(let s) = $0 { s } else { nil } } ?? ""
        return (r.status, code, constraint.isEmpty ? "" : "\(constraint)|\(message)")
    }

    @Test func malformedBodiesAre400WithTheirPlace() async throws {
        try await withEcho { url, calls in
            let deep = Data((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)
            let (s1, c1, d1) = try await post(url, deep)
            #expect(s1 == 400 && c1 == "VALIDATION_ERROR" && d1.hasPrefix("syntax|") && d1.contains("nesting is deeper than 128 levels"))

            let invalidUTF8 = Data([0x7B, 0x22, 0x77, 0x6F, 0x72, 0x64, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D]) // {"word":"\xFF\xFE"}
            let (s2, _, d2) = try await post(url, invalidUTF8)
            #expect(s2 == 400 && d2.hasPrefix("syntax|") && d2.contains("invalid UTF-8"))

            for literal in ["NaN", "Infinity", "-Infinity", "1.", "01", "0x10"] {
                let (s, _, d) = try await post(url, Data(#"{"ratio": \#(literal)}"#.utf8))
                #expect(s == 400 && d.hasPrefix("syntax|"), "\(literal): \(s) \(d)")
            }
            // Duplicate keys are refused, not resolved first-wins or last-wins (two parsers reading one body
            // differently is how request smuggling starts).
            let (s3, _, d3) = try await post(url, Data(#"{"count": 1, "count": 2}"#.utf8))
            #expect(s3 == 400 && d3.hasPrefix("syntax|Invalid JSON at line 1, column 14") && d3.hasSuffix("duplicate key 'count'"), "\(d3)")
            #expect(await calls.count == 0)
        }
    }

    @Test func hostileValuesAreValidatedInBoundedWork() async throws {
        try await withEcho { url, calls in
            // A huge exponent is valid JSON; as a number it is beyond every bound.
            let (s1, _, d1) = try await post(url, Data(#"{"ratio": 1e400}"#.utf8))
            #expect(s1 == 400 && d1 == "maximum|Must be at most 1.0e300")
            // Beyond int64 for an int64 field, in the body and in the path.
            let (s2, _, d2) = try await post(url, Data(#"{"count": 9223372036854775808}"#.utf8))
            #expect(s2 == 400 && d2 == "format|Must fit in a 64-bit integer")
            let (s3, _, d3) = try await post(url, Data("{}".utf8), path: "/echo/99999999999999999999")
            #expect(s3 == 400 && d3 == "format|Must fit in a 64-bit integer")
            // 10,000 equal items against uniqueItems: found by hashing, not by comparing every pair.
            let tags = "[" + Array(repeating: "7", count: 10_000).joined(separator: ",") + "]"
            let (s4, _, d4) = try await post(url, Data(#"{"tags": \#(tags)}"#.utf8))
            #expect(s4 == 400 && d4 == "uniqueItems|Array items must be unique; items 0 and 1 are equal")
            // The classic catastrophic-backtracking pattern against 50,000 characters: a linear-time engine.
            let word = String(repeating: "a", count: 50_000) + "!"
            let (s5, _, d5) = try await post(url, Data(#"{"word": "\#(word)"}"#.utf8))
            #expect(s5 == 400 && d5 == "pattern|Must match the pattern ^(a+)+$")
            #expect(await calls.count == 0)
            let (ok, _, _) = try await post(url, Data(#"{"word": "\#(String(repeating: "a", count: 50_000))", "count": 9223372036854775807}"#.utf8))
            let after = await calls.count
            #expect(ok == 200 && after == 1)
        }
    }

    @Test func oddHeadersAndCookiesAreReadThenValidated() async throws {
        try await withEcho { url, calls in
            let (s1, _, d1) = try await post(url, Data("{}".utf8), headers: ["X-Trace": "UPPER CASE"])
            #expect(s1 == 400 && d1 == "pattern|Must match the pattern ^[a-z0-9-]{1,32}$")
            // A malformed percent-escape in a cookie is kept as written, then validated (maxLength here).
            let (s2, _, d2) = try await post(url, Data("{}".utf8), headers: ["Cookie": "session=%zz%E9" + String(repeating: "x", count: 20)])
            #expect(s2 == 400 && d2 == "maxLength|Must be at most 16 characters long")
            let (s3, _, _) = try await post(url, Data("{}".utf8), headers: ["Cookie": "other=1; session=abc; session=def", "X-Trace": "ok-1"])
            #expect(s3 == 200)
            #expect(await calls.count == 1)
        }
    }
}
