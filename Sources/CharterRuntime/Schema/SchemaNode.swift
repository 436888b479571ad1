/// Index of a schema in a `SchemaSet`.
public typealias SchemaIndex = Int

extension JSONTypeSet {
    /// Whether `value` has one of these types (an integral number is an integer; every number is a number).
    public func admits(_ value: JSONValue) -> Bool {
        switch value {
        case .null: contains(.null)
        case .bool: contains(.boolean)
        case .string: contains(.string)
        case .array: contains(.array)
        case .object: contains(.object)
        case .number(let n): contains(.number) || (contains(.integer) && n.isIntegral)
        }
    }
}

/// A numeric bound with the text the spec wrote, so messages say "at most 1.0" as the spec did.
public struct NumericBound: Sendable, Hashable {
    public var value: JSONNumber
    public var text: String
    public init(_ value: JSONNumber, text: String? = nil) {
        self.value = value
        self.text = text ?? value.description
    }
}


/// Integer formats whose range is checked.
public enum IntegerFormat: String, Sendable {
    case int32, int64
}

/// Every validation keyword of one schema, compiled: references are indices into the same `SchemaSet`.
public struct SchemaKeywords: Sendable {
    /// A readable name (the component name) for messages about composition.
    public var name: String?
    /// `true`/`false` schemas.
    public var booleanSchema: Bool?
    /// `$ref`: validated as well as the sibling keywords (3.1 semantics; 3.0 refs have no siblings).
    public var ref: SchemaIndex?
    public var types: JSONTypeSet?
    /// Null accepted in addition to what `ref`/composition allow (3.0 `nullable` beside `$ref`).
    public var nullable = false
    public var enumValues: [JSONValue]?
    public var constValue: JSONValue?
    public var minimum: NumericBound?
    public var maximum: NumericBound?
    public var exclusiveMinimum: NumericBound?
    public var exclusiveMaximum: NumericBound?
    public var multipleOf: NumericBound?
    public var minLength: Int?
    public var maxLength: Int?
    public var pattern: Pattern?
    public var format: StringFormat?
    public var integerFormat: IntegerFormat?
    public var minItems: Int?
    public var maxItems: Int?
    public var uniqueItems = false
    public var items: SchemaOrBool<SchemaIndex>?
    public var prefixItems: [SchemaIndex] = []
    public var contains: SchemaIndex?
    public var minContains: Int?
    public var maxContains: Int?
    public var unevaluatedItems: SchemaOrBool<SchemaIndex>?
    public var minProperties: Int?
    public var maxProperties: Int?
    public var required: [String] = []
    /// Declared properties in order (for defaults and messages) and by name (for lookup).
    public var properties: [(name: String, schema: SchemaIndex)] = []
    public var additionalProperties: SchemaOrBool<SchemaIndex>?
    public var patternProperties: [(pattern: Pattern, schema: SchemaIndex)] = []
    public var propertyNames: SchemaIndex?
    public var dependentRequired: [(name: String, required: [String])] = []
    public var dependentSchemas: [(name: String, schema: SchemaIndex)] = []
    public var unevaluatedProperties: SchemaOrBool<SchemaIndex>?
    public var allOf: [SchemaIndex] = []
    public var anyOf: [SchemaIndex] = []
    public var oneOf: [SchemaIndex] = []
    public var not: SchemaIndex?
    public var ifSchema: SchemaIndex?
    public var thenSchema: SchemaIndex?
    public var elseSchema: SchemaIndex?
    public var discriminator: Discriminator?
    public var readOnly = false
    public var writeOnly = false
    public var defaultValue: JSONValue?
    /// `$dynamicRef` to this anchor name: the outermost resource in the dynamic scope declaring it wins over
    /// `ref` (the initial target).
    public var dynamicRef: String?
    /// The root schema of the resource this schema belongs to (set only for sets that use `dynamicRef`).
    public var resource: SchemaIndex?
    /// On a resource's root: its `$dynamicAnchor`s.
    public var dynamicAnchors: [(name: String, schema: SchemaIndex)] = []

    public struct Discriminator: Sendable {
        public var propertyName: String
        /// Discriminator values to the schema each selects (explicit mapping plus implicit component names).
        public var mapping: [(value: String, schema: SchemaIndex)]
        /// OpenAPI 3.2 `defaultMapping`: the schema for a value the mapping does not name, or no value at all.
        public var defaultSchema: SchemaIndex?
        public init(propertyName: String, mapping: [(value: String, schema: SchemaIndex)], defaultSchema: SchemaIndex? = nil) {
            self.propertyName = propertyName
            self.mapping = mapping
            self.defaultSchema = defaultSchema
        }
    }

    public init() {}
}

/// A compiled schema: the keywords of `SchemaKeywords`, frozen. A class with constant fields so the validator
/// reads keywords through one reference (a struct this size was copied, with every array retained, on
/// each visit).
public final class SchemaNode: @unchecked Sendable {
    // Hot keywords first: a visit mostly reads these, and they then share cache lines.
    public let booleanSchema: Bool?
    public let ref: SchemaIndex?
    public let types: JSONTypeSet?
    public let nullable: Bool
    public let readOnly: Bool
    public let writeOnly: Bool
    public let enumValues: [JSONValue]?
    public let constValue: JSONValue?
    public let minimum: NumericBound?
    public let maximum: NumericBound?
    public let minLength: Int?
    public let maxLength: Int?
    public let pattern: Pattern?
    public let format: StringFormat?
    public let required: [String]
    public let properties: [(name: String, schema: SchemaIndex)]
    public let additionalProperties: SchemaOrBool<SchemaIndex>?
    public let items: SchemaOrBool<SchemaIndex>?
    public let allOf: [SchemaIndex]
    public let anyOf: [SchemaIndex]
    public let oneOf: [SchemaIndex]
    public let discriminator: SchemaKeywords.Discriminator?
    public let name: String?
    public let exclusiveMinimum: NumericBound?
    public let exclusiveMaximum: NumericBound?
    public let multipleOf: NumericBound?
    public let integerFormat: IntegerFormat?
    public let minItems: Int?
    public let maxItems: Int?
    public let uniqueItems: Bool
    public let prefixItems: [SchemaIndex]
    public let contains: SchemaIndex?
    public let minContains: Int?
    public let maxContains: Int?
    public let unevaluatedItems: SchemaOrBool<SchemaIndex>?
    public let minProperties: Int?
    public let maxProperties: Int?
    public let patternProperties: [(pattern: Pattern, schema: SchemaIndex)]
    public let propertyNames: SchemaIndex?
    public let dependentRequired: [(name: String, required: [String])]
    public let dependentSchemas: [(name: String, schema: SchemaIndex)]
    public let unevaluatedProperties: SchemaOrBool<SchemaIndex>?
    public let not: SchemaIndex?
    public let ifSchema: SchemaIndex?
    public let thenSchema: SchemaIndex?
    public let elseSchema: SchemaIndex?
    public let defaultValue: JSONValue?
    public let dynamicRef: String?
    public let resource: SchemaIndex?
    public let dynamicAnchors: [(name: String, schema: SchemaIndex)]
    /// Any composition keyword (allOf, anyOf, oneOf, not, if, discriminator), tested once per visit.
    let composes: Bool
    /// For each `required` name, its index in `properties` (-1 when not declared there).
    let requiredProperty: [Int]
    /// Per declared property: 1 = readOnly, 2 = writeOnly (so a parent need not visit the child to know).
    /// Set once while the `SchemaSet` is built, never after (hence `@unchecked Sendable`).
    fileprivate(set) var propertyAccess: [UInt8] = []
    /// Messages that depend only on the schema, worded once here rather than at every violation.
    let enumMessage: String?
    let patternMessage: String?
    let formatMessage: String?
    /// The numeric keywords as plain values (nil when there are none).
    let numberRules: NumberRules?
    /// Declared properties by raw key bytes.
    let propertyLookup: PropertyLookup
    /// Bits (by property index) of the required properties, and whether that mask covers all of `required`
    /// (every required name declared among the first 64 properties).
    let requiredMask: UInt64
    let requiredMaskIsComplete: Bool

    public init(_ k: SchemaKeywords) {
        name = k.name
        booleanSchema = k.booleanSchema
        ref = k.ref
        types = k.types
        nullable = k.nullable
        enumValues = k.enumValues
        constValue = k.constValue
        minimum = k.minimum
        maximum = k.maximum
        exclusiveMinimum = k.exclusiveMinimum
        exclusiveMaximum = k.exclusiveMaximum
        multipleOf = k.multipleOf
        minLength = k.minLength
        maxLength = k.maxLength
        pattern = k.pattern
        format = k.format
        integerFormat = k.integerFormat
        minItems = k.minItems
        maxItems = k.maxItems
        uniqueItems = k.uniqueItems
        items = k.items
        prefixItems = k.prefixItems
        contains = k.contains
        minContains = k.minContains
        maxContains = k.maxContains
        unevaluatedItems = k.unevaluatedItems
        minProperties = k.minProperties
        maxProperties = k.maxProperties
        required = k.required
        properties = k.properties
        additionalProperties = k.additionalProperties
        patternProperties = k.patternProperties
        propertyNames = k.propertyNames
        dependentRequired = k.dependentRequired
        dependentSchemas = k.dependentSchemas
        unevaluatedProperties = k.unevaluatedProperties
        allOf = k.allOf
        anyOf = k.anyOf
        oneOf = k.oneOf
        not = k.not
        ifSchema = k.ifSchema
        thenSchema = k.thenSchema
        elseSchema = k.elseSchema
        dynamicRef = k.dynamicRef
        resource = k.resource
        dynamicAnchors = k.dynamicAnchors
        discriminator = k.discriminator
        readOnly = k.readOnly
        writeOnly = k.writeOnly
        defaultValue = k.defaultValue
        enumMessage = k.enumValues.map(Messages.enumeration)
        patternMessage = k.pattern.map { "Must match the pattern \($0.source)" }
        formatMessage = k.format.map { "Must be \($0.explanation)" }
        numberRules = NumberRules(k)
        propertyLookup = PropertyLookup(k.properties.map(\.name))
        composes = !k.allOf.isEmpty || !k.anyOf.isEmpty || !k.oneOf.isEmpty || k.not != nil || k.ifSchema != nil || k.discriminator != nil
        requiredProperty = k.required.map { name in k.properties.firstIndex { $0.name == name } ?? -1 }
        requiredMask = requiredProperty.reduce(0) { $1 >= 0 && $1 < 64 ? $0 | 1 << UInt64($1) : $0 }
        requiredMaskIsComplete = requiredProperty.allSatisfy { $0 >= 0 && $0 < 64 }
    }

    deinit { propertyLookup.deallocate() }

    /// The schema for property `name`, if declared (found by its UTF-8 bytes, as the validator finds keys).
    @inline(__always) func property(_ name: String) -> SchemaIndex? {
        var name = name
        let position = name.withUTF8 { propertyLookup.find($0) }
        return position >= 0 ? properties[position].schema : nil
    }
}


/// A compiled, immutable set of schemas that reference each other by index.
public struct SchemaSet: Sendable {
    public let schemas: [SchemaNode]
    /// The same nodes, for the validator's hot path: reading a class reference out of an array retains it,
    /// and at one retain/release pair per checked value that was ~6% of a validation. `schemas` keeps
    /// every node alive for as long as this set exists.
    let unretained: [Unmanaged<SchemaNode>]
    /// Whether some schema has a dynamic `$dynamicRef` (the validator then tracks the resources it enters).
    let tracksDynamicScope: Bool

    public init(_ schemas: [SchemaKeywords]) {
        let nodes = schemas.map(SchemaNode.init)
        tracksDynamicScope = nodes.contains { $0.dynamicRef != nil }
        // readOnly/writeOnly of each property, following a $ref to where the flag usually sits.
        for node in nodes {
            node.propertyAccess = node.properties.map { p in
                var target = nodes[p.schema]
                var flags: UInt8 = (target.readOnly ? 1 : 0) | (target.writeOnly ? 2 : 0)
                var hops = 0
                while flags == 0, let r = target.ref, hops < 8 { target = nodes[r]; hops += 1; flags = (target.readOnly ? 1 : 0) | (target.writeOnly ? 2 : 0) }
                return flags
            }
        }
        self.schemas = nodes
        unretained = nodes.map { Unmanaged.passUnretained($0) }
    }

    public subscript(index: SchemaIndex) -> SchemaNode { schemas[index] }
    public var count: Int { schemas.count }
}
