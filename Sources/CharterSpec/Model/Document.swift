/// A loaded OpenAPI 3.0/3.1 document with every `$ref` resolved.
///
/// Non-schema objects referenced with `$ref` are inlined (with `componentName` kept). Schemas live in one
/// table (`schemas`) addressed by `SchemaID`, so recursive schemas are plain cycles of ids.
public struct Document: Sendable {
    public enum Version: Sendable, Hashable {
        case v3_0, v3_1, v3_2
    }

    /// The `openapi` field as written (e.g. "3.0.3").
    public var openapi: String
    public var version: Version
    public var info: Info
    public var jsonSchemaDialect: String?
    /// 3.2 `$self`: the document's own URI, the base its relative references are written against.
    public var selfURI: String?
    public var servers: [Server] = []
    /// Paths in source order.
    public var paths: [PathItem] = []
    /// 3.1 webhooks, by name.
    public var webhooks: [(name: String, item: PathItem)] = []
    public var components: Components = Components()
    public var security: [SecurityRequirement]?
    public var tags: [Tag] = []
    public var externalDocs: ExternalDocs?
    public var extensions: Extensions = [:]
    /// Every schema of the document and of files it references.
    public var schemas: [Schema] = []
    public var location: SourceLocation

    public subscript(id: SchemaID) -> Schema { schemas[id.index] }

    /// The schema's `allOf` members that constrain the value. The others only describe it
    /// (`allOf: [{$ref: X}, {description: …}]`, 3.0's way to describe a reference) and leave the composition X.
    public func constrainingAllOf(_ s: Schema) -> [SchemaID] {
        s.allOf.filter { !self[$0].assertsNothing }
    }

    /// Follows `$ref` chains from `id` to the schema that holds keywords (bounded: a ref loop stops).
    public func resolved(_ id: SchemaID) -> SchemaID { Self.resolved(id, in: schemas) }

    /// `resolved(_:)` over a schema table alone (for callers that keep the table, not the document).
    public static func resolved(_ id: SchemaID, in schemas: [Schema]) -> SchemaID {
        var current = id
        for _ in 0..<64 {
            guard let target = schemas[current.index].ref?.target else { return current }
            current = target
        }
        return current
    }

    /// Every operation with its path and method, in source order (paths, then methods in `HTTPMethod` order).
    public var operations: [(path: PathItem, operation: Operation)] {
        paths.flatMap { item in item.operations.map { (item, $0) } }
    }

    /// Every operation of every path operation's callbacks: the operation that registers the callback, the
    /// callback's name, its expression (the key, a runtime expression for the URL) and the operation the API sends.
    public var callbackOperations: [(parent: Operation, name: String, expression: String, operation: Operation)] {
        paths.flatMap { item in
            item.operations.flatMap { parent in
                parent.callbacks.flatMap { callback in
                    callback.value.expressions.flatMap { expression in
                        expression.operations.map { (parent, callback.name, expression.path, $0) }
                    }
                }
            }
        }
    }
}

/// Index of a schema in `Document.schemas`.
public struct SchemaID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let index: Int
    init(_ index: Int) { self.index = index }
    public static func < (lhs: SchemaID, rhs: SchemaID) -> Bool { lhs.index < rhs.index }
    public var description: String { "#\(index)" }
}

/// `x-` extensions, kept with their located values.
public typealias Extensions = [String: Node]

public struct Components: Sendable {
    public var schemas: [(name: String, id: SchemaID)] = []
    public var responses: [(name: String, value: Response)] = []
    public var parameters: [(name: String, value: Parameter)] = []
    public var examples: [(name: String, value: Example)] = []
    public var requestBodies: [(name: String, value: RequestBody)] = []
    public var headers: [(name: String, value: Header)] = []
    public var securitySchemes: [(name: String, value: SecurityScheme)] = []
    public var links: [(name: String, value: Link)] = []
    public var callbacks: [(name: String, value: Callback)] = []
    public var pathItems: [(name: String, value: PathItem)] = []
    /// 3.2: reusable Media Type Objects (`mediaType` empty: the `content` entry that refers to one names it).
    public var mediaTypes: [(name: String, value: MediaType)] = []
    public var extensions: Extensions = [:]

    public init() {}

    /// The id of the component schema named `name`.
    public func schema(named name: String) -> SchemaID? {
        schemas.first { $0.name == name }?.id
    }
}
