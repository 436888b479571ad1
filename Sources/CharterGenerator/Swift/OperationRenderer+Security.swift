import CharterRuntime

/// The server's security: a `<API>SecurityHandler` protocol with one method per scheme the routed operations
/// name, whose default `authenticate` dispatches each credential to its scheme's method.
extension OperationRenderer {
    var securityProtocolName: String { (apiName.isEmpty ? "API" : apiName) + "SecurityHandler" }

    func securityHandler(_ schemes: [SwiftSecurityScheme]) -> String {
        var w = SwiftWriter()
        w.doc("""
        Resolves the credentials requests carry for the spec's security schemes to principals: one method per scheme,
        returning nil for a credential that is not valid. Pass an implementation to `registerHandlers(on:security:)`;
        the server then applies each operation's requirement before validation and the handler (401 with
        `WWW-Authenticate` without an acceptable credential, 403 when a required scope is missing), and the handler
        reads the caller as `Principal.current`.
        """)
        w.block("\(access) protocol \(securityProtocolName): SecurityHandler {") { w in
            for (n, scheme) in schemes.enumerated() {
                if n > 0 { w.blank() }
                var doc = "`\(scheme.contract.name)`: " + Self.credentialDoc(scheme.contract.kind)
                if let more = scheme.doc { doc += "\n\n" + more }
                w.doc(doc)
                w.line("func \(scheme.methodName)(\(Self.parameters(scheme.contract.kind))) async throws -> Principal?")
            }
        }
        w.blank()
        w.block("extension \(securityProtocolName) {") { w in
            w.line("/// Hands each credential to its scheme's method.")
            w.block("\(access) func authenticate(_ credential: Credential, for scheme: SecuritySchemeContract) async throws -> Principal? {") { w in
                w.line("switch (scheme.name, credential) {")
                for scheme in schemes {
                    let (pattern, arguments) = Self.dispatch(scheme.contract.kind)
                    w.line("case (\(SwiftNames.literal(scheme.contract.name)), \(pattern)): return try await self.\(SwiftNames.bare(scheme.methodName))(\(arguments))")
                }
                w.line("default: return nil")
                w.line("}")
            }
        }
        return w.text
    }

    private static func credentialDoc(_ kind: SecuritySchemeContract.Kind) -> String {
        switch kind {
        case .bearer: "the token of `Authorization: Bearer <token>`."
        case .oauth2: "an OAuth 2.0 access token (`Authorization: Bearer <token>`); the principal's scopes are checked against each operation's."
        case .openIdConnect: "an OpenID Connect token (`Authorization: Bearer <token>`)."
        case .basic: "the user and password of `Authorization: Basic`."
        case .http(let scheme): "the credentials of `Authorization: \(scheme) …`, as sent."
        case .apiKey(let name, let location): "the key in the \(location.rawValue) `\(name)`."
        case .mutualTLS: "mutual TLS. The transport does not pass the client certificate on; decide from the header fields (those of a TLS-terminating proxy, say)."
        }
    }

    private static func parameters(_ kind: SecuritySchemeContract.Kind) -> String {
        switch kind {
        case .bearer, .oauth2, .openIdConnect: "token: String"
        case .basic: "user: String, password: String"
        case .http: "credentials: String"
        case .apiKey: "key: String"
        case .mutualTLS: "headerFields: HTTPFields"
        }
    }

    private static func dispatch(_ kind: SecuritySchemeContract.Kind) -> (pattern: String, arguments: String) {
        switch kind {
        case .bearer, .oauth2, .openIdConnect: (".token(let token)", "token: token")
        case .basic: (".basic(let user, let password)", "user: user, password: password")
        case .http: (".http(_, let credentials)", "credentials: credentials")
        case .apiKey: (".apiKey(let key)", "key: key")
        case .mutualTLS: (".clientCertificate(let fields)", "headerFields: fields")
        }
    }
}
