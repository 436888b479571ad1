import Airline
import Catalog
import CharterRuntime
import ExampleServers
import Foundation
import HTTPTypes
import Hummingbird
import OpenAPIAsyncHTTPClient
import OpenAPIRuntime
import PetsSwagger2
import CharterTestSupport
import Testing

/// The spec's security, enforced by the generated server with the application's `SecurityHandler`, on real ports:
/// `getItem` in `Specs/catalog-3.2.yaml` needs an OAuth token granting `catalog:read`, or the legacy API key.
@Suite("Security from the spec")
struct SecurityTests {
    typealias CatalogTests = CatalogEndToEndTests

    @Test func noCredentialIs401WithAChallengePerScheme() async throws {
        try await CatalogTests().withCatalog { url, _, seen in
            let none = try await send(url, "GET", "/items/b1", headers: ["X-Request-ID": "req-401"])
            #expect(none.status == 401)
            #expect(none.json?["error"]?["code"]?.stringValue == "UNAUTHORIZED")
            #expect(none.json?["error"]?["request_id"]?.stringValue == "req-401")
            let message = none.json?["error"]?["message"]?.stringValue ?? ""
            #expect(message.contains("Authorization: Bearer <token>") && message.contains("X-Legacy-Key: <key>"), "\(message)")
            let challenges = none.header("WWW-Authenticate") ?? ""
            #expect(challenges.contains(#"Bearer realm="api""#) && challenges.contains(#"APIKey realm="api", name="X-Legacy-Key", in="header""#), "\(challenges)")
            // A token nobody issued is not the same as none.
            let wrong = try await send(url, "GET", "/items/b1", headers: ["Authorization": "Bearer forged"])
            #expect(wrong.status == 401)
            #expect(wrong.json?["error"]?["code"]?.stringValue == "INVALID_CREDENTIALS")
            #expect(wrong.header("WWW-Authenticate")?.contains(#"error="invalid_token""#) == true)
            // Neither reached the handler.
            #expect(await seen.inputs.isEmpty)
        }
    }

    @Test func aPrincipalWithoutTheScopeIs403() async throws {
        try await CatalogTests().withCatalog { url, _, seen in
            let guest = try await send(url, "GET", "/items/b1", headers: ["Authorization": "Bearer n0ne"])
            #expect(guest.status == 403)
            #expect(guest.json?["error"]?["code"]?.stringValue == "FORBIDDEN")
            #expect(guest.json?["error"]?["details"]?[0]?["field"]?.stringValue == "oauth")
            #expect(guest.json?["error"]?["details"]?[0]?["value"]?.stringValue == "catalog:read")
            #expect(guest.header("WWW-Authenticate")?.contains(#"error="insufficient_scope", scope="catalog:read""#) == true)
            #expect(await seen.inputs.isEmpty)
        }
    }

    @Test func eitherAlternativeLetsTheCallerInAndTheHandlerSeesWho() async throws {
        try await CatalogTests().withCatalog { url, _, seen in
            let byToken = try await send(url, "GET", "/items/b1", headers: ["Authorization": "bearer r3ad"])
            let byKey = try await send(url, "GET", "/items/b1", headers: ["X-Legacy-Key": "0ld"])
            // A wrong key beside a good token: the token's alternative is satisfied.
            let both = try await send(url, "GET", "/items/b2", headers: ["X-Legacy-Key": "bad", "Authorization": "Bearer r3ad"])
            #expect(byToken.status == 200 && byKey.status == 200 && both.status == 404)
            #expect(await seen.inputs == ["get b1 by reader [\"catalog:read\"]", "get b1 by legacy []", "get b2 by reader [\"catalog:read\"]"])
        }
    }

    @Test func theGeneratedClientSendsCredentialsThroughItsMiddleware() async throws {
        try await CatalogTests().withCatalog { url, _, _ in
            let reader = CatalogClient(serverURL: url, middlewares: [Bearer(token: "r3ad")])
            guard case .ok = try await reader.getItem(id: "b1") else { Issue.record("expected 200 with the token"); return }
            let guest = CatalogClient(serverURL: url, middlewares: [Bearer(token: "n0ne")])
            guard case .undocumented(let status, let body) = try await guest.getItem(id: "b1") else { Issue.record("expected 403"); return }
            #expect(status == 403)
            // The spec does not document 403 here; the envelope still reads as a typed value.
            let envelope = try #require(ErrorEnvelope(body: body))
            #expect(envelope.code == "FORBIDDEN" && envelope.requestID != nil)
            #expect(envelope.details.map(\.field) == ["oauth"] && envelope.details.first?.constraint == "scope")
        }
    }

    /// The spec-driven path: `SpecValidator.securityMiddleware(handler:)` before the validation middleware decides the
    /// same way, and the raw handler sees the principal.
    @Test func theSpecDrivenMiddlewareEnforcesTheSameRequirement() async throws {
        let router = try CharterTestSupport.router(for: "catalog-3.2.yaml", options: ValidationOptions(), security: CatalogTests.Keys(),
                                                   handlers: ["getItem": { _, _, _ in
            var response = HTTPResponse(status: .ok)
            response.headerFields[.contentType] = "application/json"
            let who = Principal.current?.subject ?? "nobody"
            return (response, HTTPBody(#"{"id": "b1", "name": "\#(who)", "kind": "book", "isbn": "1"}"#))
        }])
        try await withServer(router) { url in
            #expect(try await send(url, "GET", "/items/b1").status == 401)
            #expect(try await send(url, "GET", "/items/b1", headers: ["Authorization": "Bearer n0ne"]).status == 403)
            let ok = try await send(url, "GET", "/items/b1", headers: ["Authorization": "Bearer r3ad"])
            #expect(ok.status == 200 && ok.json?["name"]?.stringValue == "reader")
        }
    }

    /// `ClientCredentials` on the generated client: each operation gets the credential its requirement names, and
    /// operations without security get none.
    @Test func theGeneratedClientSendsItsCredentialsOnlyWhereAsked() async throws {
        let seen = AuthorizationRecorder()
        let router = Router()
        try CatalogTests.Service(seen: .init()).registerHandlers(on: router, security: CatalogTests.Keys(), middlewares: [seen])
        try await withServer(router) { url in
            let reader = CatalogClient(serverURL: url, credentials: ClientCredentials(bearerToken: "r3ad"))
            guard case .ok = try await reader.getItem(id: "b1") else { Issue.record("expected 200 with the token"); return }
            _ = try await reader.searchItems(search: nil)
            let legacy = CatalogClient(serverURL: url, credentials: ClientCredentials(apiKeys: ["legacyKey": "0ld"]))
            guard case .ok = try await legacy.getItem(id: "b1") else { Issue.record("expected 200 with the key"); return }
            #expect(seen.calls == ["getItem Bearer r3ad -", "searchItems - -", "getItem - 0ld"])
        }
    }

    /// HTTP Basic (a Swagger 2.0 `type: basic`): decoded to user and password; a value that is not base64 is a
    /// credential no handler accepts, not a crash or a 500.
    @Test func basicCredentialsAreDecoded() async throws {
        struct Users: PetsSwagger2SecurityHandler {
            func basic(user: String, password: String) async throws -> Principal? {
                user == "ana" && password == "s3:cret" ? Principal(subject: user) : nil
            }
            func key(key: String) async throws -> Principal? { nil }
            func oauth(token: String) async throws -> Principal? { nil }
        }
        let router = Router()
        try Swagger2EndToEndTests.Service(seen: .init()).registerHandlers(on: router, security: Users())
        try await withServer(router) { url in
            // AsyncHTTPClient, not URLSession: Foundation's URLSession answers a Basic challenge itself (and waits).
            let transport = AsyncHTTPClientTransport()
            func delete(_ authorization: String) async throws -> (Int, JSONValue?) {
                var request = HTTPRequest(method: .delete, scheme: nil, authority: nil, path: "/pets/1")
                request.headerFields[.authorization] = authorization
                let (response, body) = try await transport.send(request, body: nil, baseURL: url, operationID: "deletePet")
                var bytes: [UInt8] = []
                if let body { bytes = try await [UInt8](collecting: body, upTo: 1 << 16) }
                return (response.status.code, try? JSONParser.parse(bytes))
            }
            #expect(try await delete("Basic " + Data("ana:s3:cret".utf8).base64EncodedString()).0 == 204)
            #expect(try await delete("Basic " + Data("ana:nope".utf8).base64EncodedString()).0 == 401)
            let (status, json) = try await delete("Basic %%%")
            #expect(status == 401 && json?["error"]?["code"]?.stringValue == "INVALID_CREDENTIALS")
        }
    }

    /// A refused request's body is read to the end (up to a bound) before the 401 goes out: a client still sending
    /// when an early 401 head arrives may stop mid-body and fail with a transport error instead of the 401.
    @Test func aRefusedUploadStillGetsItsAnswer() async throws {
        let router = Router()
        try AirlineService().registerHandlers(on: router, security: AirlineSecurity(TokenBook(["t0k3n"])))
        try await withServer(router) { url in
            let big = Data(repeating: 0x20, count: 512 * 1024)
            let refused = try await send(url, "POST", "/bookings", headers: ["Content-Type": "application/json", "Idempotency-Key": UUID().uuidString], body: big)
            #expect(refused.status == 401)
            #expect(refused.json?["error"]?["code"]?.stringValue == "UNAUTHORIZED")
        }
    }
}

/// Sends `Authorization: Bearer <token>`.
struct Bearer: ClientMiddleware {
    let token: String
    func intercept(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
                   next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)) async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        request.headerFields[.authorization] = "Bearer \(token)"
        return try await next(request, body, baseURL)
    }
}

/// Records, per operation, the `Authorization` and `X-Legacy-Key` a request arrived with.
final class AuthorizationRecorder: ServerMiddleware, @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [String] = []
    var calls: [String] { lock.withLock { seen } }

    func intercept(_ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
                   next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)) async throws -> (HTTPResponse, HTTPBody?) {
        let line = "\(operationID) \(request.headerFields[.authorization] ?? "-") \(request.headerFields[HTTPField.Name("X-Legacy-Key")!] ?? "-")"
        lock.withLock { seen.append(line) }
        return try await next(request, body, metadata)
    }
}
