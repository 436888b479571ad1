import HTTPTypes

/// A credential as the request carried it, for a `SecurityHandler` to check.
public enum Credential: Sendable, Hashable {
    /// A bearer token (bearer, OAuth 2.0 and OpenID Connect schemes).
    case token(String)
    /// HTTP Basic's user and password.
    case basic(user: String, password: String)
    /// An API key from its header, query parameter or cookie.
    case apiKey(String)
    /// Another `Authorization` scheme's credentials, as sent.
    case http(scheme: String, credentials: String)
    /// A mutual-TLS scheme: the certificate is not in the HTTP message; decide from the request's header fields
    /// (the TLS-terminating proxy's, say).
    case clientCertificate(HTTPFields)
    /// An `Authorization: Basic` value that does not decode: present but never valid.
    case malformed(String)
}

/// Who made a request, as a `SecurityHandler` established it, and what they may do.
public struct Principal: Sendable, Hashable {
    /// The user, client or service the credential belongs to.
    public var subject: String
    /// The scopes (OAuth) or roles the credential grants.
    public var scopes: Set<String>
    /// Anything else handlers want to know (tenant, token id, …).
    public var attributes: [String: String]
    /// Grants every scope: for development servers and mocks that take any credential.
    public var grantsEveryScope: Bool

    /// A principal holding `scopes`.
    public init(subject: String, scopes: Set<String> = [], attributes: [String: String] = [:], grantsEveryScope: Bool = false) {
        self.subject = subject
        self.scopes = scopes
        self.attributes = attributes
        self.grantsEveryScope = grantsEveryScope
    }

    /// Whether the principal may act with `scope`.
    public func grants(_ scope: String) -> Bool { grantsEveryScope || scopes.contains(scope) }

    /// The principal of the request being handled: set by the generated server around each handler of an operation
    /// with security, from the alternative the request satisfied; nil for anonymous access.
    @TaskLocal public static var current: Principal?
}

/// Resolves credentials to principals: the one piece of authentication the application writes. Generated servers
/// declare a refinement with one method per security scheme of the spec (`<API>SecurityHandler`); implement that,
/// and the server applies each operation's requirement (alternatives, combinations, scopes) before validation and
/// the handler: 401 with `WWW-Authenticate` when no acceptable credential came, 403 when the principal lacks a scope.
public protocol SecurityHandler: Sendable {
    /// The principal `credential` (read for `scheme`) belongs to, or nil when it is not valid. Throwing answers 500;
    /// throw an `APIError` to answer otherwise.
    func authenticate(_ credential: Credential, for scheme: SecuritySchemeContract) async throws -> Principal?
}

/// Accepts any credential that is present, as a principal granting every scope: for mocks and local development,
/// where requests must carry *a* credential of the right kind but nobody checks it.
public struct AcceptAnyCredential: SecurityHandler {
    /// A handler that accepts whatever credential arrives.
    public init() {}

    /// Any credential but a malformed one: a principal named after the scheme, granting every scope.
    public func authenticate(_ credential: Credential, for scheme: SecuritySchemeContract) async throws -> Principal? {
        if case .malformed = credential { return nil }
        return Principal(subject: scheme.name, grantsEveryScope: true)
    }
}
