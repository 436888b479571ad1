public enum ParameterLocation: String, Sendable, CaseIterable {
    case path, query, header, cookie
    /// 3.2: the whole query string as one value, described by the parameter's `content`.
    case querystring
}


public struct Parameter: Sendable {
    public var name: String
    public var location: ParameterLocation
    public var description: String?
    public var required: Bool
    public var deprecated: Bool = false
    public var allowEmptyValue: Bool = false
    /// The explicit style, or the default for the location (form for query/cookie, simple for path/header).
    public var style: ParameterStyle
    public var explode: Bool
    public var allowReserved: Bool = false
    public var schema: SchemaID?
    /// Content-based parameters (`content: {application/json: …}`) instead of `schema`.
    public var content: [MediaType] = []
    public var example: Node?
    public var examples: [(name: String, value: Example)] = []
    public var componentName: String?
    public var extensions: Extensions = [:]
    public var sourceLocation: SourceLocation
    /// A path parameter the spec did not declare, which the loader assumed from the path template.
    public var isAssumed = false

    /// Header names compare case-insensitively; others exactly.
    public var matchKey: String {
        location == .header ? "header:" + name.lowercased() : location.rawValue + ":" + name
    }
}

public struct RequestBody: Sendable {
    public var description: String?
    public var content: [MediaType] = []
    public var required: Bool = false
    public var componentName: String?
    public var extensions: Extensions = [:]
    public var location: SourceLocation
}

public struct Response: Sendable {
    /// "200", "2XX" or "default".
    public var statusCode: String
    /// 3.2: a short summary of the response (its `description` may then be omitted).
    public var summary: String?
    public var description: String
    public var headers: [(name: String, value: Header)] = []
    public var content: [MediaType] = []
    public var links: [(name: String, value: Link)] = []
    public var componentName: String?
    public var extensions: Extensions = [:]
    public var location: SourceLocation

    /// The numeric status code, when it is one (not a range or `default`).
    public var status: Int? { Int(statusCode) }
}

public struct Header: Sendable {
    public var description: String?
    public var required: Bool = false
    public var deprecated: Bool = false
    public var style: ParameterStyle = .simple
    public var explode: Bool = false
    public var schema: SchemaID?
    public var content: [MediaType] = []
    public var example: Node?
    public var examples: [(name: String, value: Example)] = []
    public var componentName: String?
    public var extensions: Extensions = [:]
    public var location: SourceLocation
}

public struct MediaType: Sendable {
    /// The media type range as written (`application/json`, `image/*`).
    public var mediaType: String
    public var schema: SchemaID?
    /// OpenAPI 3.2: the schema of each item of a sequential media type (an event, a JSON line).
    public var itemSchema: SchemaID?
    public var example: Node?
    public var examples: [(name: String, value: Example)] = []
    public var encoding: [(name: String, value: Encoding)] = []
    /// 3.2, for positional multipart (`multipart/mixed` and the like): how each item, or each leading part, is encoded.
    public var itemEncoding: Encoding?
    public var prefixEncoding: [Encoding] = []
    public var extensions: Extensions = [:]
    public var location: SourceLocation
}

public struct Encoding: Sendable {
    public var contentType: String?
    public var headers: [(name: String, value: Header)] = []
    public var style: ParameterStyle?
    public var explode: Bool?
    public var allowReserved: Bool = false
    /// 3.2: a part that is itself multipart is described like a media type (kept as lists: a struct cannot
    /// hold itself directly).
    public var encoding: [(name: String, value: Encoding)] = []
    public var itemEncoding: [Encoding] = []
    public var prefixEncoding: [Encoding] = []
    public var extensions: Extensions = [:]
}

public struct Example: Sendable {
    public var summary: String?
    public var description: String?
    /// The example's data: `value`, or 3.2's `dataValue`, or what a `serializedValue` holds for a JSON media type
    /// (read as JSON) or a text one (the text itself).
    public var value: Node?
    /// 3.2: the example as it is sent (a string node), when the spec gives it.
    public var serializedValue: Node?
    public var externalValue: String?
    public var componentName: String?
    public var extensions: Extensions = [:]
    public var location: SourceLocation
}

public struct Link: Sendable {
    public var operationRef: String?
    public var operationId: String?
    public var parameters: [(name: String, value: Node)] = []
    public var requestBody: Node?
    public var description: String?
    public var server: Server?
    public var componentName: String?
    public var extensions: Extensions = [:]
    public var location: SourceLocation
}
