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
    public var componentName: String?
    public var extensions: Extensions = [:]
    public var location: SourceLocation
}

public struct OAuthFlow: Sendable {
    public enum Kind: String, Sendable {
        case implicit, password, clientCredentials, authorizationCode
    }

    public var kind: Kind
    public var authorizationUrl: String?
    public var tokenUrl: String?
    public var refreshUrl: String?
    public var scopes: [(name: String, description: String)] = []
    public var extensions: Extensions = [:]
}

/// One alternative of a security requirement list: every named scheme (with scopes) must be satisfied.
public struct SecurityRequirement: Sendable {
    public var schemes: [(name: String, scopes: [String])]
    public var location: SourceLocation
}
