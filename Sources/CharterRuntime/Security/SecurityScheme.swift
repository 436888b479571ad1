import Foundation
import HTTPTypes

/// One of the spec's security schemes (`components.securitySchemes`), as the server reads a credential for it.
public struct SecuritySchemeContract: Sendable, Hashable {
    /// Where a scheme's credential travels and what it looks like.
    public enum Kind: Sendable, Hashable {
        /// `Authorization: Bearer <token>` (`type: http, scheme: bearer`).
        case bearer
        /// `Authorization: Basic base64(user:password)`.
        case basic
        /// Another `Authorization` scheme (Digest, HOBA, a vendor's own): its credentials as sent.
        case http(scheme: String)
        /// A key in a header, query parameter or cookie of this name.
        case apiKey(name: String, location: IssueLocation)
        /// An OAuth 2.0 access token, sent as a bearer token; requirements name the scopes it must grant.
        case oauth2
        /// An OpenID Connect token, sent as a bearer token.
        case openIdConnect
        /// A client certificate. HTTP transports do not hand it to the application, so the handler decides from
        /// the request (for instance a header set by the TLS-terminating proxy).
        case mutualTLS
    }

    /// The scheme's name in `components.securitySchemes`.
    public var name: String
    /// How its credential is carried.
    public var kind: Kind

    /// A scheme named `name`.
    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }

    /// The credential this scheme finds in `request`, or nil when the request carries none for it.
    func credential(in request: HTTPRequest) -> Credential? {
        switch kind {
        case .bearer, .oauth2, .openIdConnect:
            guard let (scheme, value) = Self.authorization(request), scheme == "bearer", !value.isEmpty else { return nil }
            return .token(value)
        case .basic:
            guard let (scheme, value) = Self.authorization(request), scheme == "basic" else { return nil }
            // A malformed value is still a credential, one no handler accepts: it answers 401 as invalid.
            guard let decoded = Data(base64Encoded: value), let text = String(data: decoded, encoding: .utf8),
                  let colon = text.firstIndex(of: ":") else { return .malformed(value) }
            return .basic(user: String(text[..<colon]), password: String(text[text.index(after: colon)...]))
        case .http(let expected):
            guard let (scheme, value) = Self.authorization(request), scheme == expected.lowercased() else { return nil }
            return .http(scheme: expected, credentials: value)
        case .apiKey(let name, let location):
            let value: String?
            switch location {
            case .header: value = HTTPField.Name(name).flatMap { request.headerFields[$0] }
            case .query: value = request.queryString.flatMap { WireStrings.queryItems($0).first { $0.name == name }?.value }
            case .cookie: value = request.headerFields[values: .cookie].flatMap(WireStrings.cookies).first { $0.name == name }?.value
            default: value = nil
            }
            guard let value, !value.isEmpty else { return nil }
            return .apiKey(value)
        case .mutualTLS:
            return .clientCertificate(request.headerFields)
        }
    }

    /// `Authorization`'s scheme (lower-cased) and the rest, leading spaces trimmed.
    /// Cut on the UTF-8 bytes: walking the header by `Character` (grapheme breaking) was most of a bearer check.
    private static func authorization(_ request: HTTPRequest) -> (String, String)? {
        guard let header = request.headerFields.value(.authorization) else { return nil }
        let utf8 = header.utf8
        let space = utf8.firstIndex(of: UInt8(ascii: " ")) ?? utf8.endIndex
        var rest = space
        while rest < utf8.endIndex && utf8[rest] == UInt8(ascii: " ") { rest = utf8.index(after: rest) }
        return (header[..<space].lowercased(), String(header[rest...]))
    }

    /// The `WWW-Authenticate` challenge that asks for this scheme's credential; nil for client certificates.
    func challenge(error: String? = nil, scopes: [String] = []) -> String? {
        var parameters = [#"realm="api""#]
        if let error { parameters.append(#"error="\#(error)""#) }
        if !scopes.isEmpty { parameters.append(#"scope="\#(scopes.joined(separator: " "))""#) }
        switch kind {
        case .bearer, .oauth2, .openIdConnect: return "Bearer " + parameters.joined(separator: ", ")
        case .basic: return #"Basic realm="api", charset="UTF-8""#
        case .http(let scheme): return scheme + #" realm="api""#
        case .apiKey(let name, let location): return #"APIKey realm="api", name="\#(name)", in="\#(location.rawValue)""#
        case .mutualTLS: return nil
        }
    }

    /// How a person sends this scheme's credential, for the 401 message.
    var instruction: String {
        switch kind {
        case .bearer, .oauth2, .openIdConnect: "Authorization: Bearer <token>"
        case .basic: "Authorization: Basic <credentials>"
        case .http(let scheme): "Authorization: \(scheme) <credentials>"
        case .apiKey(let name, let location): location == .header ? "\(name): <key>" : "the \(location.rawValue) '\(name)'"
        case .mutualTLS: "a client certificate"
        }
    }
}

/// One alternative of an operation's security: every scheme named must be satisfied, each principal granting the
/// scopes listed for it. Written as a dictionary literal in generated code: `["oauth": ["catalog:read"], "key": []]`.
public struct SecurityRequirement: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    /// The schemes, in the spec's order, with the scopes (OAuth) or roles (other schemes, OpenAPI 3.1) each needs.
    public var schemes: [Scheme]

    /// One scheme of a requirement and what it must grant.
    public struct Scheme: Sendable, Hashable {
        /// The scheme's name in `components.securitySchemes`.
        public var name: String
        /// Scopes the principal must hold.
        public var scopes: [String]
        /// A scheme use.
        public init(name: String, scopes: [String]) {
            self.name = name
            self.scopes = scopes
        }
    }

    /// A requirement from its schemes.
    public init(_ schemes: [Scheme]) { self.schemes = schemes }

    public init(dictionaryLiteral elements: (String, [String])...) {
        schemes = elements.map { Scheme(name: $0.0, scopes: $0.1) }
    }

    /// The anonymous alternative (`{}`): no credential needed.
    public var isEmpty: Bool { schemes.isEmpty }
}
