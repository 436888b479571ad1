/// The HTTP methods an OpenAPI path item can hold, in the order operations are listed.
public enum HTTPMethod: String, Sendable, CaseIterable, Comparable {
    case get, put, post, delete, options, head, patch, trace, query

    public static func < (lhs: HTTPMethod, rhs: HTTPMethod) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

public struct PathItem: Sendable {
    /// The path template (`/users/{user_id}`); for webhooks and callbacks, the entry's key.
    public var path: String
    public var summary: String?
    public var description: String?
    public var servers: [Server] = []
    /// Path-level parameters (already merged into each operation's `parameters`).
    public var parameters: [Parameter] = []
    public var operations: [Operation] = []
    public var componentName: String?
    public var extensions: Extensions = [:]
    public var location: SourceLocation
}

public struct Operation: Sendable {
    public var method: HTTPMethod
    public var path: String
    /// The spec's operationId, or a stable one synthesised from method and path (see `operationIdSynthesized`).
    public var operationId: String
    public var operationIdSynthesized: Bool
    public var summary: String?
    public var description: String?
    public var tags: [String] = []
    /// Path-level parameters merged in, overridden by operation-level ones with the same name and location.
    public var parameters: [Parameter] = []
    public var requestBody: RequestBody?
    /// Responses in source order, keyed by status code, range (`2XX`) or `default`.
    public var responses: [Response] = []
    public var callbacks: [(name: String, value: Callback)] = []
    public var deprecated: Bool = false
    /// `nil` inherits the document's requirements; `[]` means explicitly none.
    public var security: [SecurityRequirement]?
    public var servers: [Server] = []
    public var externalDocs: ExternalDocs?
    public var extensions: Extensions = [:]
    public var location: SourceLocation

    /// "GET /users/{user_id}", the way people name an operation.
    public var displayName: String { "\(method.rawValue.uppercased()) \(path)" }
}

/// A callback: runtime-expression keys to path items.
public struct Callback: Sendable {
    public var expressions: [PathItem] = []
    public var componentName: String?
    public var extensions: Extensions = [:]
    public var location: SourceLocation
}
