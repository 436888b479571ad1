import Foundation

public struct Info: Sendable {
    public var title: String
    public var version: String
    public var summary: String?
    public var description: String?
    public var termsOfService: String?
    public var contact: Contact?
    public var license: License?
    public var extensions: Extensions = [:]
    public var location: SourceLocation
}

public struct Contact: Sendable {
    public var name: String?
    public var url: String?
    public var email: String?
    public var extensions: Extensions = [:]
}

public struct License: Sendable {
    public var name: String
    public var identifier: String?
    public var url: String?
    public var extensions: Extensions = [:]
}

public struct Server: Sendable {
    public var url: String
    /// 3.2: a name to refer to the server by (`production`).
    public var name: String?
    public var description: String?
    public var variables: [(name: String, value: ServerVariable)] = []
    public var extensions: Extensions = [:]
    public var location: SourceLocation
}

extension Server {
    /// The URL with every variable at its default (`https://{region}.example.com` → `https://eu.example.com`).
    public var urlWithDefaults: String {
        var url = self.url
        for (name, variable) in variables { url = url.replacingOccurrences(of: "{\(name)}", with: variable.defaultValue) }
        return url
    }
}

public struct ServerVariable: Sendable {
    public var defaultValue: String
    public var enumValues: [String]?
    public var description: String?
    public var extensions: Extensions = [:]
}

public struct Tag: Sendable {
    public var name: String
    /// 3.2: a short title for the tag (navigation labels).
    public var summary: String?
    public var description: String?
    /// 3.2: the name of the tag this one nests under.
    public var parent: String?
    /// 3.2: what the tag is for (`nav`, `badge`, `audience` or a value of the spec's own).
    public var kind: String?
    public var externalDocs: ExternalDocs?
    public var extensions: Extensions = [:]
    public var location: SourceLocation
}

public struct ExternalDocs: Sendable {
    public var url: String
    public var description: String?
    public var extensions: Extensions = [:]
}
