@testable import CharterRuntime
import Foundation
import HTTPTypes
import Testing

/// How one requirement is decided: alternatives in order, every scheme of one alternative, scopes per scheme,
/// `{}` for anonymous access, and which refusal (401 or 403) wins.
@Suite("Security requirements")
struct SecurityGateTests {
    /// Keys `k-admin` (roles admin), `k-user`; tokens `t-write` (scope write), `t-read` (read).
    struct Book: SecurityHandler {
        func authenticate(_ credential: Credential, for scheme: SecuritySchemeContract) async throws -> Principal? {
            switch credential {
            case .apiKey("k-admin"): Principal(subject: "admin", scopes: ["admin"])
            case .apiKey("k-user"): Principal(subject: "user")
            case .token("t-write"): Principal(subject: "writer", scopes: ["write"], attributes: ["tenant": "a"])
            case .token("t-read"): Principal(subject: "reader", scopes: ["read"])
            default: nil
            }
        }
    }

    let gate = SecurityGate(schemes: [
        SecuritySchemeContract(name: "key", kind: .apiKey(name: "key", location: .query)),
        SecuritySchemeContract(name: "session", kind: .apiKey(name: "sid", location: .cookie)),
        SecuritySchemeContract(name: "oauth", kind: .oauth2),
    ], handler: Book())

    func check(_ security: [SecurityRequirement], path: String = "/x", headers: [HTTPField.Name: String] = [:]) async throws -> SecurityGate.Outcome {
        var request = HTTPRequest(method: .get, scheme: nil, authority: nil, path: path)
        for (name, value) in headers { request.headerFields[name] = value }
        return try await gate.check(OperationContract(operationID: "op", method: "GET", path: "/x", security: security), request)
    }

    func status(_ outcome: SecurityGate.Outcome) -> Int {
        if case .refused(let error) = outcome { return error.status }
        return 200
    }

    /// Both schemes of one alternative must be satisfied (a key *and* a token), each with its own scopes.
    @Test func anAlternativeNeedsEverySchemeItNames() async throws {
        let both: [SecurityRequirement] = [["key": ["admin"], "oauth": ["write"]]]
        #expect(status(try await check(both, path: "/x?key=k-admin", headers: [.authorization: "Bearer t-write"])) == 200)
        #expect(status(try await check(both, path: "/x?key=k-admin")) == 401)
        #expect(status(try await check(both, headers: [.authorization: "Bearer t-write"])) == 401)
        // Authenticated twice, but the key's principal lacks the role: 403 naming it.
        guard case .refused(let error) = try await check(both, path: "/x?key=k-user", headers: [.authorization: "Bearer t-write"]) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(error.status == 403 && error.details.map(\.field) == ["key"] && error.message.contains("'admin'"))
        // The principal merges both: the first scheme's subject, every scope and attribute.
        guard case .allowed(let principal) = try await check(both, path: "/x?key=k-admin", headers: [.authorization: "Bearer t-write"]) else { return }
        #expect(principal?.subject == "admin" && principal?.scopes == ["admin", "write"] && principal?.attributes["tenant"] == "a")
    }

    @Test func alternativesAreTriedInOrderAndAnyOneSuffices() async throws {
        let either: [SecurityRequirement] = [["oauth": ["write"]], ["session": []]]
        guard case .allowed(let bySession) = try await check(either, headers: [.cookie: "theme=dark; sid=k-user"]) else {
            Issue.record("the cookie's alternative should let it in")
            return
        }
        #expect(bySession?.subject == "user")
        // A token without the scope, and no cookie: 403 (someone known, not allowed), not 401.
        #expect(status(try await check(either, headers: [.authorization: "Bearer t-read"])) == 403)
        // Nothing: 401, with a challenge per scheme that has one.
        guard case .refused(let none) = try await check(either) else { return }
        #expect(none.status == 401 && none.code == "UNAUTHORIZED")
        #expect(none.headers[values: .wwwAuthenticate] == [#"Bearer realm="api""#, #"APIKey realm="api", name="sid", in="cookie""#])
    }

    /// `{}` makes credentials optional: none is fine, a valid one is still read (the handler sees who called).
    @Test func anEmptyAlternativeAdmitsAnonymousCallers() async throws {
        let optional: [SecurityRequirement] = [["oauth": []], [:]]
        guard case .allowed(nil) = try await check(optional) else { Issue.record("expected anonymous access"); return }
        guard case .allowed(let known) = try await check(optional, headers: [.authorization: "Bearer t-read"]) else { return }
        #expect(known?.subject == "reader")
        // No requirement at all: nothing is checked.
        guard case .allowed(nil) = try await check([]) else { Issue.record("expected open access"); return }
    }

    /// A scheme the document does not declare can never be satisfied; without a handler nothing can.
    @Test func undeclaredSchemesAndAMissingHandlerRefuse() async throws {
        #expect(status(try await check([["ghost": []]], headers: [.authorization: "Bearer t-write"])) == 401)
        let closed = SecurityGate(schemes: [SecuritySchemeContract(name: "oauth", kind: .oauth2)], handler: nil)
        var request = HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/x")
        request.headerFields[.authorization] = "Bearer t-write"
        let outcome = try await closed.check(OperationContract(operationID: "op", method: "GET", path: "/x", security: [["oauth": []]]), request)
        #expect(status(outcome) == 401)
    }
}
