/// JSON types a schema may allow; `nullable: true` (3.0) and `type: [T, "null"]` (3.1) both add `.null`.
public struct JSONTypes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let null = JSONTypes(rawValue: 1 << 0)
    public static let boolean = JSONTypes(rawValue: 1 << 1)
    public static let object = JSONTypes(rawValue: 1 << 2)
    public static let array = JSONTypes(rawValue: 1 << 3)
    public static let number = JSONTypes(rawValue: 1 << 4)
    public static let integer = JSONTypes(rawValue: 1 << 5)
    public static let string = JSONTypes(rawValue: 1 << 6)

    public static let names: [(String, JSONTypes)] = [
        ("null", .null), ("boolean", .boolean), ("object", .object), ("array", .array),
        ("number", .number), ("integer", .integer), ("string", .string),
    ]

    public init?(name: String) {
        guard let match = JSONTypes.names.first(where: { $0.0 == name }) else { return nil }
        self = match.1
    }

    /// Type names in canonical order, e.g. `["string", "null"]`.
    public var typeNames: [String] { JSONTypes.names.filter { contains($0.1) }.map(\.0) }
}

/// A number written in the spec, kept as text so decimals (`0.1`) and big integers survive exactly.
public struct NumberLiteral: Hashable, Sendable, CustomStringConvertible {
    public var text: String
    public var value: Double
    public var description: String { text }
}

/// `$ref` in a schema: the text as written and the schema it resolved to (`nil` when it did not resolve).
public struct SchemaReference: Sendable {
    public var text: String
    public var target: SchemaID?
    /// The component name when the target is `#/components/schemas/Name` (in any file).
    public var componentName: String?
}

/// `additionalProperties`, `unevaluatedProperties` and the like: a boolean or a schema.
public enum SchemaOrBool: Sendable {
    case bool(Bool)
    case schema(SchemaID)
}

public struct Discriminator: Sendable {
    public var propertyName: String
    /// Mapping values as written and the schemas they name.
    public var mapping: [(value: String, ref: String, target: SchemaID?)] = []
    public var extensions: Extensions = [:]
}

/// One schema object: every keyword of OAS 3.0 and the 3.1 / 2020-12 keywords that affect validation or types,
/// normalised to one representation (3.0 `nullable` and boolean exclusive bounds are translated).
///
/// A class so the table of (often tens of thousands of) schemas is an array of references: a struct of this
/// many keywords made every append and read a large copy. Only `DocumentBuilder` mutates a schema, before the
/// `Document` holding it is returned; after that it is never changed, which is what makes it `Sendable`.
/// For the same reason its keywords skip Swift's dynamic exclusivity checks: a builder writing ~20 keywords per
/// schema paid a runtime access record for each (7.5% of loading OpenAI's spec).
public final class Schema: @unchecked Sendable {
    /// The node the schema was read from (for pointers and raw access).
    public let node: Node
    public var location: SourceLocation { node.location }
    /// `true`/`false` schemas (3.1): accept everything / nothing.
    @exclusivity(unchecked) public internal(set) var booleanValue: Bool?
    @exclusivity(unchecked) public internal(set) var ref: SchemaReference?

    @exclusivity(unchecked) public internal(set) var types: JSONTypes?
    @exclusivity(unchecked) public internal(set) var format: String?
    @exclusivity(unchecked) public internal(set) var title: String?
    @exclusivity(unchecked) public internal(set) var description: String?

    @exclusivity(unchecked) public internal(set) var enumValues: [Node]?
    @exclusivity(unchecked) public internal(set) var const: Node?
    @exclusivity(unchecked) public internal(set) var defaultValue: Node?
    @exclusivity(unchecked) public internal(set) var examples: [Node] = []

    @exclusivity(unchecked) public internal(set) var multipleOf: NumberLiteral?
    @exclusivity(unchecked) public internal(set) var maximum: NumberLiteral?
    @exclusivity(unchecked) public internal(set) var minimum: NumberLiteral?
    /// Exclusive bounds as numbers (3.1 form); 3.0 `exclusiveMaximum: true` moves `maximum` here.
    @exclusivity(unchecked) public internal(set) var exclusiveMaximum: NumberLiteral?
    @exclusivity(unchecked) public internal(set) var exclusiveMinimum: NumberLiteral?

    @exclusivity(unchecked) public internal(set) var maxLength: Int?
    @exclusivity(unchecked) public internal(set) var minLength: Int?
    @exclusivity(unchecked) public internal(set) var pattern: String?
    /// Where the `pattern` keyword's value stands (for diagnostics about the expression).
    public var patternLocation: SourceLocation? { node["pattern"]?.location }

    @exclusivity(unchecked) public internal(set) var maxItems: Int?
    @exclusivity(unchecked) public internal(set) var minItems: Int?
    @exclusivity(unchecked) public internal(set) var uniqueItems: Bool = false
    @exclusivity(unchecked) public internal(set) var items: SchemaID?
    @exclusivity(unchecked) public internal(set) var prefixItems: [SchemaID] = []
    @exclusivity(unchecked) public internal(set) var contains: SchemaID?
    @exclusivity(unchecked) public internal(set) var minContains: Int?
    @exclusivity(unchecked) public internal(set) var maxContains: Int?
    @exclusivity(unchecked) public internal(set) var unevaluatedItems: SchemaOrBool?

    @exclusivity(unchecked) public internal(set) var maxProperties: Int?
    @exclusivity(unchecked) public internal(set) var minProperties: Int?
    @exclusivity(unchecked) public internal(set) var required: [String] = []
    @exclusivity(unchecked) public internal(set) var properties: [(name: String, schema: SchemaID)] = []
    @exclusivity(unchecked) public internal(set) var additionalProperties: SchemaOrBool?
    @exclusivity(unchecked) public internal(set) var patternProperties: [(pattern: String, schema: SchemaID)] = []
    @exclusivity(unchecked) public internal(set) var propertyNames: SchemaID?
    @exclusivity(unchecked) public internal(set) var dependentRequired: [(name: String, required: [String])] = []
    @exclusivity(unchecked) public internal(set) var dependentSchemas: [(name: String, schema: SchemaID)] = []
    @exclusivity(unchecked) public internal(set) var unevaluatedProperties: SchemaOrBool?

    @exclusivity(unchecked) public internal(set) var allOf: [SchemaID] = []
    @exclusivity(unchecked) public internal(set) var anyOf: [SchemaID] = []
    @exclusivity(unchecked) public internal(set) var oneOf: [SchemaID] = []
    @exclusivity(unchecked) public internal(set) var not: SchemaID?
    @exclusivity(unchecked) public internal(set) var ifSchema: SchemaID?
    @exclusivity(unchecked) public internal(set) var thenSchema: SchemaID?
    @exclusivity(unchecked) public internal(set) var elseSchema: SchemaID?
    @exclusivity(unchecked) public internal(set) var discriminator: Discriminator?

    @exclusivity(unchecked) public internal(set) var readOnly: Bool = false
    @exclusivity(unchecked) public internal(set) var writeOnly: Bool = false
    @exclusivity(unchecked) public internal(set) var deprecated: Bool = false
    @exclusivity(unchecked) public internal(set) var defs: [(name: String, schema: SchemaID)] = []
    @exclusivity(unchecked) public internal(set) var anchor: String?
    @exclusivity(unchecked) public internal(set) var extensions: Extensions = [:]

    init(node: Node) {
        self.node = node
    }

    /// 3.0 `nullable: true` beside a `$ref` or composition (no `type`): null is accepted in addition to
    /// what the reference or composition allows. With a `type`, nullability is `.null` in `types`.
    @exclusivity(unchecked) public internal(set) var nullableComposition: Bool = false

    /// True when null is allowed by this schema's own keywords.
    public var isNullable: Bool { nullableComposition || (types?.contains(.null) ?? false) }
}
