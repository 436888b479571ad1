/// JSON types a schema allows (its `type`). One type for the spec model, the compiled validator and the
/// generated tables; `nullable: true` (3.0) and `type: [T, "null"]` (3.1) both add `.null`.
public struct JSONTypeSet: OptionSet, Sendable, Hashable {
    /// One bit per type.
    public let rawValue: UInt8
    @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// `null`.
    @inlinable public static var null: JSONTypeSet { JSONTypeSet(rawValue: 1 << 0) }
    /// `boolean`.
    @inlinable public static var boolean: JSONTypeSet { JSONTypeSet(rawValue: 1 << 1) }
    /// `object`.
    @inlinable public static var object: JSONTypeSet { JSONTypeSet(rawValue: 1 << 2) }
    /// `array`.
    @inlinable public static var array: JSONTypeSet { JSONTypeSet(rawValue: 1 << 3) }
    /// `number` (integers included).
    @inlinable public static var number: JSONTypeSet { JSONTypeSet(rawValue: 1 << 4) }
    /// `integer`: a number with no fractional part (`1.0` included).
    @inlinable public static var integer: JSONTypeSet { JSONTypeSet(rawValue: 1 << 5) }
    /// `string`.
    @inlinable public static var string: JSONTypeSet { JSONTypeSet(rawValue: 1 << 6) }

    /// The type names JSON Schema defines, in canonical order.
    public static let names: [(String, JSONTypeSet)] = [
        ("null", .null), ("boolean", .boolean), ("object", .object), ("array", .array),
        ("number", .number), ("integer", .integer), ("string", .string),
    ]

    /// The type `name` names (`"integer"`); `nil` for anything else.
    public init?(name: String) {
        guard let match = JSONTypeSet.names.first(where: { $0.0 == name }) else { return nil }
        self = match.1
    }

    /// The JSON type a misspelt type name clearly means: a programming language's name for it (`int`, `long`,
    /// `double`, `bool`, `str`, as specs written from code say) or a JSON type in another case (`String`).
    /// `nil` when the meaning is not clear.
    public init?(nearMiss name: String) {
        let lower = name.lowercased()
        if let exact = JSONTypeSet(name: lower) { self = exact; return }
        switch lower {
        case "int", "int8", "int16", "int32", "int64", "long", "short", "uint", "uint32", "uint64": self = .integer
        case "float", "double", "decimal", "float32", "float64": self = .number
        case "bool": self = .boolean
        case "str", "text": self = .string
        case "map", "dict", "dictionary": self = .object
        case "list": self = .array
        default: return nil
        }
    }

    /// Type names in canonical order, e.g. `["string", "null"]`.
    public var typeNames: [String] { JSONTypeSet.names.filter { contains($0.1) }.map(\.0) }

    /// Type names as a validation message lists them: the common ones first, `integer` left out when `number`
    /// (which includes it) is there.
    package var messageNames: [String] {
        let order: [(JSONTypeSet, String)] = [
            (.string, "string"), (.number, "number"), (.integer, "integer"), (.boolean, "boolean"),
            (.object, "object"), (.array, "array"), (.null, "null"),
        ]
        return order.filter { contains($0.0) && !($0.0 == .integer && contains(.number)) }.map(\.1)
    }
}

/// A keyword that is a boolean or a schema (`additionalProperties`, `unevaluatedProperties`, `items: false`…),
/// over however a stage names a schema: the spec model by `SchemaID`, compiled sets by index.
public enum SchemaOrBool<Schema: Hashable & Sendable>: Sendable, Hashable {
    case bool(Bool)
    case schema(Schema)
}

/// How a parameter is serialized (OpenAPI `style`).
public enum ParameterStyle: String, Sendable, CaseIterable {
    case matrix, label, form, simple, spaceDelimited, pipeDelimited, deepObject
    /// 3.2, cookies only: as `form`, but pairs separated as in a `Cookie` header (`R=100; G=200`) and values sent
    /// as they are, without percent-encoding.
    case cookie

    /// Whether arrays and objects are exploded when the spec does not say: for `form` and `cookie`.
    public var explodesByDefault: Bool { self == .form || self == .cookie }
}
