import CharterRuntime
import CharterValidation
import Foundation
import HTTPTypes
import OpenAPIRuntime
import CharterTestSupport
import Testing

/// Request and response validation through a real Hummingbird server on 127.0.0.1.
@Suite("Validation over HTTP", .serialized)
struct ServerValidationTests {
    static let prediction = #"{"prediction": "positive", "confidence": 0.93, "model_version": "v2.0"}"#
    static let validBody = #"{"features": [0.1, 0.5, 1.2, 3.4, 0.0, 2.2, 1.1, 0.9, 4.2, 0.3], "model_version": "v2.0", "threshold": 0.7}"#

    /// Echoes the body the handler received (to observe defaults) inside a valid prediction.
    static let echo: RawHandler = { _, body, _ in
        let bytes = try await [UInt8](collecting: body ?? HTTPBody(), upTo: 1 << 20)
        let received = try JSONParser.parse(bytes)
        let reply: JSONValue = ["prediction": "positive", "confidence": received["threshold"] ?? 0, "model_version": "v1.0"]
        var response = HTTPResponse(status: .ok)
        response.headerFields[.contentType] = "application/json"
        return (response, HTTPBody(reply.encoded()))
    }

    func mlServer(_ options: ValidationOptions = ValidationOptions(responseValidation: .enforce), handler: @escaping RawHandler = echo,
                  _ body: @Sendable (URL) async throws -> Void) async throws {
        try await withServer(try router(for: "ml-predict.yaml", options: options, handlers: ["predict": handler]), body)
    }

    @Test func validRequestReachesTheHandlerWithDefaultsApplied() async throws {
        try await mlServer { base in
            let r = try await sendJSON(base, "POST", "/models/churn-risk/predict", #"{"features": [1,2,3,4,5,6,7,8,9,10]}"#)
            #expect(r.status == 200)
            // threshold defaulted to 0.5 before the handler saw the body.
            #expect(r.json?["confidence"] == .number(JSONNumber(0.5)))
        }
    }

    @Test func everyViolationIsListedInOne400() async throws {
        try await mlServer { base in
            let r = try await sendJSON(base, "POST", "/models/Churn_Risk/predict",
                                       #"{"features": [0.1, 0.5, "x"], "model_version": "v3", "threshold": 1.5, "extra": true}"#,
                                       headers: ["X-Request-ID": "req-42"])
            #expect(r.status == 400)
            #expect(r.header("Content-Type") == "application/json")
            #expect(r.header("X-Request-ID") == "req-42")
            let error = try #require(r.json?["error"])
            #expect(error["code"] == "VALIDATION_ERROR")
            #expect(error["message"] == "Request validation failed")
            #expect(error["request_id"] == "req-42")
            guard case .array(let details)? = error["details"] else { Issue.record("no details"); return }
            let summary = details.map { d in "\(d["in"]?.stringValue ?? "") \(d["field"]?.stringValue ?? "") \(d["constraint"]?.stringValue ?? ""): \(d["message"]?.stringValue ?? "")" }
            #expect(summary == [
                "path modelId pattern: Must match the pattern ^[a-z0-9-]+$",
                "body features minItems: Array must contain 10 items, found 3",
                "body features[2] type: Must be a number",
                "body model_version enum: Value must be one of: v1.0, v1.1, v2.0",
                "body threshold maximum: Must be at most 1",
                "body extra additionalProperties: Property is not allowed",
            ])
            #expect(details[2]["pointer"] == "/features/2")
            #expect(details[2]["value"] == "x")
            #expect(details[0]["value"] == "Churn_Risk")
        }
    }

    @Test func malformedJSONIsA400WithItsPlace() async throws {
        try await mlServer { base in
            let r = try await sendJSON(base, "POST", "/models/m1/predict", "{\n  \"features\": [1, 2,]\n}")
            #expect(r.status == 400)
            let detail = r.json?["error"]?["details"]?[0]
            #expect(detail?["constraint"] == "syntax")
            #expect(detail?["message"] == "Invalid JSON at line 2, column 21 (offset 22): trailing comma before ']'")
        }
    }

    @Test func contentTypeAcceptAndEmptyBodies() async throws {
        try await mlServer { base in
            let text = try await send(base, "POST", "/models/m1/predict", headers: ["Content-Type": "text/plain"], body: Data(Self.validBody.utf8))
            #expect(text.status == 415)
            #expect(text.json?["error"]?["code"] == "UNSUPPORTED_MEDIA_TYPE")
            let charset = try await sendJSON(base, "POST", "/models/m1/predict", Self.validBody, headers: ["Content-Type": "application/json; charset=utf-8"])
            #expect(charset.status == 200)
            let html = try await sendJSON(base, "POST", "/models/m1/predict", Self.validBody, headers: ["Accept": "text/html"])
            #expect(html.status == 406)
            #expect(html.json?["error"]?["code"] == "NOT_ACCEPTABLE")
            let empty = try await send(base, "POST", "/models/m1/predict", headers: ["Content-Type": "application/json"])
            #expect(empty.status == 400)
            #expect(empty.json?["error"]?["details"]?[0]?["message"] == "Request body is required")
        }
    }

    @Test func bodiesOverTheLimitAre413() async throws {
        try await mlServer(ValidationOptions(maxBodySize: 64)) { base in
            let r = try await sendJSON(base, "POST", "/models/m1/predict", Self.validBody)
            #expect(r.status == 413)
            #expect(r.json?["error"]?["code"] == "PAYLOAD_TOO_LARGE")
            #expect(r.json?["error"]?["message"] == "Request body is larger than the 64-byte limit")
        }
    }

    @Test func problemDetailsFormatIsSelectable() async throws {
        try await mlServer(ValidationOptions(errorFormat: .problemDetails)) { base in
            let r = try await sendJSON(base, "POST", "/models/m1/predict", #"{"features": []}"#)
            #expect(r.status == 400)
            #expect(r.header("Content-Type") == "application/problem+json")
            let p = try #require(r.json)
            #expect(p["status"] == 400)
            #expect(p["title"] == "Request validation failed")
            #expect(p["type"] == "urn:problem-type:charter:validation-error")
            #expect(p["instance"] == "/models/m1/predict")
            #expect(p["errors"]?[0]?["pointer"] == "/features")
            #expect(p["detail"] == "1 violation: features: Array must contain 10 items, found 0")
        }
    }

    @Test func responsesAreEnforcedReportedOrIgnored() async throws {
        let broken = respond(200, #"{"prediction": "maybe", "confidence": 2.0}"#)
        try await mlServer(ValidationOptions(responseValidation: .enforce), handler: broken) { base in
            let r = try await sendJSON(base, "POST", "/models/m1/predict", Self.validBody)
            #expect(r.status == 500)
            #expect(r.json?["error"]?["code"] == "RESPONSE_VALIDATION_ERROR")
            let fields = (r.json?["error"]?["details"]).flatMap { v -> [String]? in
                guard case .array(let a) = v else { return nil }
                return a.map { "\($0["field"]?.stringValue ?? ""):\($0["constraint"]?.stringValue ?? "")" }
            }
            #expect(fields == ["model_version:required", "prediction:enum", "confidence:maximum"])
        }
        try await mlServer(ValidationOptions(responseValidation: .report), handler: broken) { base in
            let r = try await sendJSON(base, "POST", "/models/m1/predict", Self.validBody)
            #expect(r.status == 200)
            #expect(r.json?["prediction"] == "maybe")
        }
    }

    @Test func requestIDIsGeneratedWhenAbsent() async throws {
        try await mlServer { base in
            let r = try await sendJSON(base, "POST", "/models/m1/predict", Self.validBody)
            let id = try #require(r.header("X-Request-ID"))
            #expect(id.count == 36)
            // Version 4 layout: 8-4-4-4-12 lowercase hex, version nibble 4, variant 8–b; and no two alike.
            let shape = try Regex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
            #expect(id.wholeMatch(of: shape) != nil, "\(id)")
            let many = Set((0..<1000).map { _ in RequestID.generate() })
            #expect(many.count == 1000 && many.allSatisfy { $0.wholeMatch(of: shape) != nil })
            let bad = try await sendJSON(base, "POST", "/models/m1/predict", "{}")
            #expect(bad.json?["error"]?["request_id"]?.stringValue == bad.header("X-Request-ID"))
        }
    }

    @Test func queryHeaderAndPathParametersAreConvertedAndValidated() async throws {
        let handlers: [String: RawHandler] = [
            "searchFlights": respond(200, #"{"items": []}"#),
            "createBooking": respond(201, "{}"),
        ]
        try await withServer(try router(for: "airline.yaml", options: ValidationOptions(responseValidation: .off), handlers: handlers)) { base in
            let ok = try await send(base, "GET", "/flights?origin=LHR&destination=JFK&departure_date=2026-12-01&passengers=2&sort=-price")
            #expect(ok.status == 200)
            let bad = try await send(base, "GET", "/flights?origin=lhr&departure_date=2026-02-30&passengers=abc&max_price=0", headers: ["X-Request-ID": "t"])
            #expect(bad.status == 400)
            guard case .array(let details)? = bad.json?["error"]?["details"] else { Issue.record("no details"); return }
            let summary = details.map { "\($0["in"]?.stringValue ?? "") \($0["field"]?.stringValue ?? "") \($0["constraint"]?.stringValue ?? "")" }
            #expect(summary == [
                "query origin pattern", "query destination required", "query departure_date format",
                "query passengers type", "query max_price exclusiveMinimum",
            ])
            #expect(details[3]["message"] == "Must be an integer")
            #expect(details[3]["value"] == "abc")
            let header = try await sendJSON(base, "POST", "/bookings", "{}", headers: ["Idempotency-Key": "not-a-uuid"])
            #expect(header.status == 400)
            #expect(header.json?["error"]?["details"]?[0]?["in"] == "header")
            #expect(header.json?["error"]?["details"]?[0]?["field"] == "Idempotency-Key")
        }
    }

    @Test func aNonIntegerPathParameterIsA400NamingIt() async throws {
        try await withServer(try router(for: "users-v1.yaml", options: ValidationOptions(), handlers: ["getUser": respond(200, "{}")])) { base in
            let r = try await send(base, "GET", "/users/abc")
            #expect(r.status == 400)
            #expect(r.json?["error"]?["details"]?[0]?["field"] == "user_id")
            #expect(r.json?["error"]?["details"]?[0]?["in"] == "path")
            #expect(r.json?["error"]?["details"]?[0]?["message"] == "Must be an integer")
        }
    }

    @Test func undeclaredMethodsAre405WithTheEnvelope() async throws {
        let validator = try SpecValidator.load(path: TestPaths.packageRoot.appendingPathComponent("Specs/users-v1.yaml").path)
        let router = try CharterTestSupport.router(for: "users-v1.yaml", options: ValidationOptions(), handlers: ["getUser": respond(200, "{}")])
        try router.registerMethodNotAllowed(for: validator.contracts)
        try await withServer(router) { base in
            let r = try await send(base, "POST", "/users/7", headers: ["X-Request-ID": "m-1"])
            #expect(r.status == 405)
            #expect(r.header("Allow") == "DELETE, GET, PATCH, PUT")
            #expect(r.json?["error"]?["code"] == "METHOD_NOT_ALLOWED")
            #expect(r.json?["error"]?["request_id"] == "m-1")
        }
    }
}
