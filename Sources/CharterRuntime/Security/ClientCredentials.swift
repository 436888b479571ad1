import Foundation
import HTTPTypes

/// What a generated client sends to satisfy operations' security: a bearer token (bearer, OAuth 2.0 and OpenID
/// Connect schemes), HTTP Basic's user and password, API keys by scheme name. For each call the client takes the
/// first alternative of the operation's requirement it holds every credential for, and sends those — and nothing to
/// operations that need none, so a key is not handed to endpoints that do not ask for it.
public struct ClientCredentials: Sendable {
    /// Sent as `Authorization: Bearer <token>` where a bearer, OAuth 2.0 or OpenID Connect scheme is required.
    public var bearerToken: String?
    /// Sent as `Authorization: Basic …` where a Basic scheme is required.
    public var basic: Basic?
    /// API keys by the scheme's name in `components.securitySchemes`; each goes where its scheme says (header,
    /// query parameter or cookie).
    public var apiKeys: [String: String]

    /// HTTP Basic credentials.
    public struct Basic: Sendable, Hashable {
        /// The user name.
        public var user: String
        /// The password.
        public var password: String
        /// Basic credentials for `user`.
        public init(user: String, password: String) {
            self.user = user
            self.password = password
        }
    }

    /// Credentials; give those the API's schemes need.
    public init(bearerToken: String? = nil, basic: Basic? = nil, apiKeys: [String: String] = [:]) {
        self.bearerToken = bearerToken
        self.basic = basic
        self.apiKeys = apiKeys
    }

    /// Adds to `request` the credentials for the first alternative of `requirement` that these satisfy; leaves it
    /// as it is when the operation needs none, or when no alternative can be satisfied (the server answers 401).
    func apply(to request: inout HTTPRequest, requirement: [SecurityRequirement], schemes: [String: SecuritySchemeContract]) {
        guard requirement.contains(where: { !$0.isEmpty }) else { return }
        for alternative in requirement where !alternative.isEmpty {
            let found = alternative.schemes.map { use in schemes[use.name].flatMap { scheme in credential(for: scheme).map { (scheme, $0) } } }
            guard found.allSatisfy({ $0 != nil }) else { continue }
            for case let (scheme, value)? in found { Self.add(value, for: scheme, to: &request) }
            return
        }
    }

    /// The value sent for `scheme`, when these credentials hold one.
    private func credential(for scheme: SecuritySchemeContract) -> String? {
        switch scheme.kind {
        case .bearer, .oauth2, .openIdConnect: return bearerToken.map { "Bearer " + $0 }
        case .basic: return basic.map { "Basic " + Data("\($0.user):\($0.password)".utf8).base64EncodedString() }
        case .apiKey: return apiKeys[scheme.name]
        case .http, .mutualTLS: return nil
        }
    }

    private static func add(_ value: String, for scheme: SecuritySchemeContract, to request: inout HTTPRequest) {
        switch scheme.kind {
        case .apiKey(let name, .header):
            if let field = HTTPField.Name(name) { request.headerFields[field] = value }
        case .apiKey(let name, .query):
            let item = PercentEncoding.query([(name, PercentEncoding.encode(value))])
            let path = request.path ?? "/"
            request.path = path + (path.contains("?") ? "&" : "?") + item
        case .apiKey(let name, .cookie):
            let cookie = name + "=" + PercentEncoding.encode(value)
            request.headerFields[.cookie] = request.headerFields[.cookie].map { $0 + "; " + cookie } ?? cookie
        case .apiKey:
            break
        default:
            request.headerFields[.authorization] = value
        }
    }
}
