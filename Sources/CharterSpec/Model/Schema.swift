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
public struct Schema: Sendable {
    public var location: SourceLocation
    /// The node the schema was read from (for pointers and raw access).
    public var node: Node
    /// `true`/`false` schemas (3.1): accept everything / nothing.
    public var booleanValue: Bool?
    public var ref: SchemaReference?

    public var types: JSONTypes?
    public var format: String?
    public var title: String?
    public var description: String?

    public var enumValues: [Node]?
    public var const: Node?
    public var defaultValue: Node?
    public var examples: [Node] = []

    public var multipleOf: NumberLiteral?
    public var maximum: NumberLiteral?
    public var minimum: NumberLiteral?
    /// Exclusive bounds as numbers (3.1 form); 3.0 `exclusiveMaximum: true` moves `maximum` here.
    public var exclusiveMaximum: NumberLiteral?
    public var exclusiveMinimum: NumberLiteral?

    public var maxLength: Int?
    public var minLength: Int?
    public var pattern: String?
    public var patternLocation: SourceLocation?

    public var maxItems: Int?
    public var minItems: Int?
    public var uniqueItems: Bool = false
    public var items: SchemaID?
    public var prefixItems: [SchemaID] = []
    public var contains: SchemaID?
    public var minContains: Int?
    public var maxContains: Int?
    public var unevaluatedItems: SchemaOrBool?

    public var maxProperties: Int?
    public var minProperties: Int?
    public var required: [String] = []
    public var properties: [(name: String, schema: SchemaID)] = []
    public var additionalProperties: SchemaOrBool?
    public var patternProperties: [(pattern: String, schema: SchemaID)] = []
    public var propertyNames: SchemaID?
    public var dependentRequired: [(name: String, required: [String])] = []
    public var dependentSchemas: [(name: String, schema: SchemaID)] = []
    public var unevaluatedProperties: SchemaOrBool?

    public var allOf: [SchemaID] = []
    public var anyOf: [SchemaID] = []
    public var oneOf: [SchemaID] = []
    public var not: SchemaID?
    public var ifSchema: SchemaID?
    public var thenSchema: SchemaID?
    public var elseSchema: SchemaID?
    public var discriminator: Discriminator?

    public var readOnly: Bool = false
    public var writeOnly: Bool = false
    public var deprecated: Bool = false
    public var defs: [(name: String, schema: SchemaID)] = []
    public var anchor: String?
    public var extensions: Extensions = [:]

    init(node: Node) {
        self.node = node
        self.location = node.location
    }

    /// 3.0 `nullable: true` beside a `$ref` or composition (no `type`): null is accepted in addition to
    /// what the reference or composition allows. With a `type`, nullability is `.null` in `types`.
    public var nullableComposition: Bool = false

    /// True when null is allowed by this schema's own keywords.
    public var isNullable: Bool { nullableComposition || (types?.contains(.null) ?? false) }
}
