public struct SecurityScheme: Sendable {
    public enum Kind: Sendable {
        case apiKey(name: String, location: ParameterLocation)
        case http(scheme: String, bearerFormat: String?)
        case oauth2(flows: [OAuthFlow])
        case openIdConnect(url: String)
        case mutualTLS
    }

    public var kind: Kind
    public var description: String?
    /// 3.2: the scheme is on its way out; clients should move to another the operation accepts.
    public var deprecated = false
    /// 3.2: OAuth 2.0 authorization server metadata (RFC 8414) for an oauth2 scheme.
    public var oauth2MetadataUrl: String?
    public var componentName: String?
    public var extensions: Extensions = [:]
    public var location: SourceLocation
}

public struct OAuthFlow: Sendable {
    public enum Kind: String, Sendable {
        case implicit, password, clientCredentials, authorizationCode, deviceAuthorization
    }

    public var kind: Kind
    public var authorizationUrl: String?
    public var tokenUrl: String?
    /// 3.2 device authorization flow (RFC 8628): where a device asks for its user code.
    public var deviceAuthorizationUrl: String?
    public var refreshUrl: String?
    public var scopes: [(name: String, description: String)] = []
    public var extensions: Extensions = [:]
}

/// One alternative of a security requirement list: every named scheme (with scopes) must be satisfied.
public struct SecurityRequirement: Sendable {
    public var schemes: [(name: String, scopes: [String])]
    public var location: SourceLocation
}
