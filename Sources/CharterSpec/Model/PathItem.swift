/// An operation's HTTP method: one of the fixed fields of a path item, or (3.2) a method named under
/// `additionalOperations` (`COPY`, `LINK`, …), kept as the spec spells it because that is what is sent.
public struct HTTPMethod: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The path-item field name for a standard method (`get`); the spelling sent for a custom one.
    public let rawValue: String
    /// Whether this is one of the path item's fixed fields.
    public let isStandard: Bool

    private init(standard name: String) {
        rawValue = name
        isStandard = true
    }

    /// A standard method from its path-item field name (`get`, `query` …), or `nil`.
    public init?(rawValue: String) {
        guard let known = Self.standard.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = known
    }

    /// A method named under 3.2 `additionalOperations`.
    public init(custom name: String) {
        rawValue = name
        isStandard = false
    }

    public static let get = HTTPMethod(standard: "get"), put = HTTPMethod(standard: "put"), post = HTTPMethod(standard: "post")
    public static let delete = HTTPMethod(standard: "delete"), options = HTTPMethod(standard: "options")
    public static let head = HTTPMethod(standard: "head"), patch = HTTPMethod(standard: "patch")
    public static let trace = HTTPMethod(standard: "trace"), query = HTTPMethod(standard: "query")
    /// The path item's fixed fields, in the order operations are listed.
    public static let standard: [HTTPMethod] = [.get, .put, .post, .delete, .options, .head, .patch, .trace, .query]

    /// The method as sent on the wire (`GET`; a custom method as written).
    public var wireName: String { isStandard ? rawValue.uppercased() : rawValue }
    public var description: String { wireName }

    /// Standard methods in field order, then custom ones by name.
    public static func < (lhs: HTTPMethod, rhs: HTTPMethod) -> Bool {
        let l = standard.firstIndex(of: lhs) ?? standard.count, r = standard.firstIndex(of: rhs) ?? standard.count
        return l != r ? l < r : lhs.rawValue < rhs.rawValue
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
    public var displayName: String { "\(method.wireName) \(path)" }
}

/// A callback: runtime-expression keys to path items.
public struct Callback: Sendable {
    public var expressions: [PathItem] = []
    public var componentName: String?
    public var extensions: Extensions = [:]
    public var location: SourceLocation
}
