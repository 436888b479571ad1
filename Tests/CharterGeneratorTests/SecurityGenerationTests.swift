import CharterGenerator
import CharterSpec
import CharterTestSupport
import Testing

/// The server's `<API>SecurityHandler`: one method per scheme the routed operations name, shaped by the scheme's
/// kind, and a `registerHandlers` that requires a handler only when some operation needs credentials.
@Suite("Security in generated servers")
struct SecurityGenerationTests {
    func server(_ security: String, schemes: String) throws -> String {
        let spec = """
        openapi: 3.1.0
        info: {title: t, version: '1'}
        \(security)
        paths:
          /a:
            get:
              operationId: getA
              responses: {'204': {description: ok}}
          /b:
            get:
              operationId: getB
              security: []
              responses: {'204': {description: ok}}
        components:
          securitySchemes:
        \(schemes)
        """
        let result = load(spec)
        let document = try #require(result.document, "\(result.diagnostics)")
        let (files, _) = Generator.generate(document, specName: "spec.yaml", options: GeneratorOptions(moduleName: "Shop"))
        return try #require(files.first { $0.name == "Server.swift" }).contents
    }

    @Test func eachKindOfSchemeGetsItsMethod() throws {
        let text = try server("""
        security:
          - {session: [], digest: []}
          - {tls: []}
          - {sso: [openid]}
        """, schemes: """
            session: {type: apiKey, in: cookie, name: sid}
            digest: {type: http, scheme: Digest}
            tls: {type: mutualTLS}
            sso: {type: openIdConnect, openIdConnectUrl: 'https://id.example.com/.well-known/openid-configuration'}
            unused: {type: http, scheme: basic}
        """)
        #expect(text.contains("public protocol ShopSecurityHandler: SecurityHandler {"))
        #expect(text.contains("func session(key: String) async throws -> Principal?"))
        #expect(text.contains("func digest(credentials: String) async throws -> Principal?"))
        #expect(text.contains("func tls(headerFields: HTTPFields) async throws -> Principal?"))
        #expect(text.contains("func sso(token: String) async throws -> Principal?"))
        // A scheme no operation names asks nothing of the application.
        #expect(!text.contains("func unused("))
        #expect(text.contains(#"case ("session", .apiKey(let key)): return try await self.session(key: key)"#))
        #expect(text.contains(#"SecuritySchemeContract(name: "session", kind: .apiKey(name: "sid", location: .cookie))"#))
        // Mutual TLS names HTTPFields, so the file imports HTTPTypes.
        #expect(text.contains("import HTTPTypes\n"))
        #expect(text.contains("registerHandlers(on transport: any ServerTransport, serverURL: URL? = nil, security: any SecurityHandler, "))
    }

    @Test func withoutSecurityThereIsNothingToImplement() throws {
        let text = try server("", schemes: "    key: {type: apiKey, in: header, name: X-Key}")
        #expect(!text.contains("SecurityHandler"))
        #expect(!text.contains("security:"))
        #expect(!text.contains("import HTTPTypes"))
    }

    /// A scheme named like the dispatch method, or like another scheme once made a Swift name, stays distinct.
    @Test func methodNamesDoNotCollide() throws {
        let text = try server("security: [{authenticate: []}, {api-key: []}, {api_key: []}]", schemes: """
            authenticate: {type: http, scheme: bearer}
            api-key: {type: apiKey, in: header, name: X-A}
            api_key: {type: apiKey, in: query, name: k}
        """)
        #expect(text.contains("func authenticate2(token: String)"))
        #expect(text.contains("func apiKey(key: String)") && text.contains("func apiKey2(key: String)"))
    }

    /// A client-only module carries the schemes table itself, and its client takes credentials.
    @Test func aClientOnlyModuleKnowsTheSchemesToo() throws {
        let spec = """
        openapi: 3.1.0
        info: {title: t, version: '1'}
        security: [{key: []}]
        paths:
          /a:
            get:
              operationId: getA
              responses: {'204': {description: ok}}
        components:
          securitySchemes:
            key: {type: apiKey, in: query, name: api_key}
        """
        let document = try #require(load(spec).document)
        let (files, _) = Generator.generate(document, specName: "spec.yaml",
                                            options: GeneratorOptions(moduleName: "Shop", parts: [.models, .validators, .client]))
        let client = try #require(files.first { $0.name == "Client.swift" }).contents
        #expect(!files.contains { $0.name == "Server.swift" })
        #expect(client.contains(#"SecuritySchemeContract(name: "key", kind: .apiKey(name: "api_key", location: .query)),"#))
        #expect(client.contains("retries: RetryPolicy = RetryPolicy(), credentials: ClientCredentials? = nil) {"))
        #expect(client.contains("credentials: credentials, securitySchemes: APIOperations.securitySchemes)"))
    }
}
