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
    /// The bound's value.
    public var value: JSONNumber
    /// The bound as the spec wrote it.
    public var text: String
    /// A bound of `value`, written `text` (its shortest form when `nil`).
    public init(_ value: JSONNumber, text: String? = nil) {
        self.value = value
        self.text = text ?? value.description
    }
}


/// Integer formats whose range is checked.
public enum IntegerFormat: String, Sendable {
    /// -2³¹ … 2³¹-1.
    case int32
    /// -2⁶³ … 2⁶³-1.
    case int64
}

/// Every validation keyword of one schema, compiled: references are indices into the same `SchemaSet`.
public struct SchemaKeywords: Sendable {
    /// A readable name (the component name) for messages about composition.
    public var name: String?
    /// `true`/`false` schemas.
    public var booleanSchema: Bool?
    /// `$ref`: validated as well as the sibling keywords (3.1 semantics; 3.0 refs have no siblings).
    public var ref: SchemaIndex?
    /// `type`: the JSON types allowed (`nil`: any).
    public var types: JSONTypeSet?
    /// Null accepted in addition to what `ref`/composition allow (3.0 `nullable` beside `$ref`).
    public var nullable = false
    /// `enum`: the only values allowed.
    public var enumValues: [JSONValue]?
    /// `const`: the one value allowed.
    public var constValue: JSONValue?
    /// `minimum`: inclusive lower bound.
    public var minimum: NumericBound?
    /// `maximum`: inclusive upper bound.
    public var maximum: NumericBound?
    /// `exclusiveMinimum`: exclusive lower bound (3.0 boolean forms are compiled to this).
    public var exclusiveMinimum: NumericBound?
    /// `exclusiveMaximum`: exclusive upper bound (3.0 boolean forms are compiled to this).
    public var exclusiveMaximum: NumericBound?
    /// `multipleOf`: checked exactly on the decimal text.
    public var multipleOf: NumericBound?
    /// `minLength`, in Unicode code points.
    public var minLength: Int?
    /// `maxLength`, in Unicode code points.
    public var maxLength: Int?
    /// `pattern`, an ECMA-262 regular expression (unanchored).
    public var pattern: Pattern?
    /// `format` of a string, where Charter checks it.
    public var format: StringFormat?
    /// `format: int32` / `int64`: the integer must fit.
    public var integerFormat: IntegerFormat?
    /// `minItems`.
    public var minItems: Int?
    /// `maxItems`.
    public var maxItems: Int?
    /// `uniqueItems`: no two elements equal as JSON values.
    public var uniqueItems = false
    /// `items`: the schema every element after `prefixItems` must match, or `false` for none allowed.
    public var items: SchemaOrBool<SchemaIndex>?
    /// `prefixItems`: a schema per leading element.
    public var prefixItems: [SchemaIndex] = []
    /// `contains`: at least one element (between `minContains` and `maxContains`) must match.
    public var contains: SchemaIndex?
    /// `minContains` (default 1 when `contains` is set).
    public var minContains: Int?
    /// `maxContains`.
    public var maxContains: Int?
    /// `unevaluatedItems`: elements no other keyword evaluated must match (annotation-based).
    public var unevaluatedItems: SchemaOrBool<SchemaIndex>?
    /// `minProperties`.
    public var minProperties: Int?
    /// `maxProperties`.
    public var maxProperties: Int?
    /// `required`: property names that must be present.
    public var required: [String] = []
    /// Declared properties in order (for defaults and messages) and by name (for lookup).
    public var properties: [(name: String, schema: SchemaIndex)] = []
    /// `additionalProperties`: members neither `properties` nor `patternProperties` names.
    public var additionalProperties: SchemaOrBool<SchemaIndex>?
    /// `patternProperties`: members whose name matches a pattern must match its schema.
    public var patternProperties: [(pattern: Pattern, schema: SchemaIndex)] = []
    /// `propertyNames`: every member name must match.
    public var propertyNames: SchemaIndex?
    /// `dependentRequired`: when the named property is present, these must be too.
    public var dependentRequired: [(name: String, required: [String])] = []
    /// `dependentSchemas`: when the named property is present, the object must match the schema.
    public var dependentSchemas: [(name: String, schema: SchemaIndex)] = []
    /// `unevaluatedProperties`: members no other keyword evaluated must match (annotation-based).
    public var unevaluatedProperties: SchemaOrBool<SchemaIndex>?
    /// `allOf`: every schema must match.
    public var allOf: [SchemaIndex] = []
    /// `anyOf`: at least one schema must match.
    public var anyOf: [SchemaIndex] = []
    /// `oneOf`: exactly one schema must match (or the discriminator picks it).
    public var oneOf: [SchemaIndex] = []
    /// `not`: the schema must not match.
    public var not: SchemaIndex?
    /// `if`: chooses `thenSchema` when it matches, `elseSchema` when not.
    public var ifSchema: SchemaIndex?
    /// `then`.
    public var thenSchema: SchemaIndex?
    /// `else`.
    public var elseSchema: SchemaIndex?
    /// OpenAPI `discriminator`: picks the `oneOf`/`anyOf` branch by a property value.
    public var discriminator: Discriminator?
    /// `readOnly`: refused in requests.
    public var readOnly = false
    /// `writeOnly`: refused in responses.
    public var writeOnly = false
    /// `default` (an annotation; reported by lint when it violates the schema).
    public var defaultValue: JSONValue?
    /// `$dynamicRef` to this anchor name: the outermost resource in the dynamic scope declaring it wins over
    /// `ref` (the initial target).
    public var dynamicRef: String?
    /// The root schema of the resource this schema belongs to (set only for sets that use `dynamicRef`).
    public var resource: SchemaIndex?
    /// On a resource's root: its `$dynamicAnchor`s.
    public var dynamicAnchors: [(name: String, schema: SchemaIndex)] = []
    /// OpenAPI's `xml` object: how the value is named and placed in XML bodies (no effect on validation).
    public var xml: XMLNaming?

    /// A compiled `discriminator`: the property and the schema each value selects.
    public struct Discriminator: Sendable {
        /// The property whose value picks the branch.
        public var propertyName: String
        /// Discriminator values to the schema each selects (explicit mapping plus implicit component names).
        public var mapping: [(value: String, schema: SchemaIndex)]
        /// OpenAPI 3.2 `defaultMapping`: the schema for a value the mapping does not name, or no value at all.
        public var defaultSchema: SchemaIndex?
        /// A discriminator over `propertyName`.
        public init(propertyName: String, mapping: [(value: String, schema: SchemaIndex)], defaultSchema: SchemaIndex? = nil) {
            self.propertyName = propertyName
            self.mapping = mapping
            self.defaultSchema = defaultSchema
        }
    }

    /// A schema with no keywords (accepts everything).
    public init() {}
}

/// A compiled schema: the keywords of `SchemaKeywords`, frozen. A class with constant fields so the validator
/// reads keywords through one reference (a struct this size was copied, with every array retained, on
/// each visit).
public final class SchemaNode: @unchecked Sendable {
    // Hot keywords first: a visit mostly reads these, and they then share cache lines.
    package let booleanSchema: Bool?
    package let ref: SchemaIndex?
    package let types: JSONTypeSet?
    package let nullable: Bool
    package let readOnly: Bool
    package let writeOnly: Bool
    package let enumValues: [JSONValue]?
    package let constValue: JSONValue?
    package let minimum: NumericBound?
    package let maximum: NumericBound?
    package let minLength: Int?
    package let maxLength: Int?
    package let pattern: Pattern?
    package let format: StringFormat?
    package let required: [String]
    package let properties: [(name: String, schema: SchemaIndex)]
    package let additionalProperties: SchemaOrBool<SchemaIndex>?
    package let items: SchemaOrBool<SchemaIndex>?
    package let allOf: [SchemaIndex]
    package let anyOf: [SchemaIndex]
    package let oneOf: [SchemaIndex]
    package let discriminator: SchemaKeywords.Discriminator?
    package let name: String?
    package let exclusiveMinimum: NumericBound?
    package let exclusiveMaximum: NumericBound?
    package let multipleOf: NumericBound?
    package let integerFormat: IntegerFormat?
    package let minItems: Int?
    package let maxItems: Int?
    package let uniqueItems: Bool
    package let prefixItems: [SchemaIndex]
    package let contains: SchemaIndex?
    package let minContains: Int?
    package let maxContains: Int?
    package let unevaluatedItems: SchemaOrBool<SchemaIndex>?
    package let minProperties: Int?
    package let maxProperties: Int?
    package let patternProperties: [(pattern: Pattern, schema: SchemaIndex)]
    package let propertyNames: SchemaIndex?
    package let dependentRequired: [(name: String, required: [String])]
    package let dependentSchemas: [(name: String, schema: SchemaIndex)]
    package let unevaluatedProperties: SchemaOrBool<SchemaIndex>?
    package let not: SchemaIndex?
    package let ifSchema: SchemaIndex?
    package let thenSchema: SchemaIndex?
    package let elseSchema: SchemaIndex?
    package let defaultValue: JSONValue?
    package let dynamicRef: String?
    package let resource: SchemaIndex?
    package let dynamicAnchors: [(name: String, schema: SchemaIndex)]
    package let xml: XMLNaming?
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
    /// The bounds' messages, worded once: `[minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf,
    /// minLength, maxLength]` (an empty string where the keyword is absent). A message built at each violation
    /// was most of the cost of reporting one.
    let boundMessages: [String]
    /// The numeric keywords as plain values (nil when there are none).
    let numberRules: NumberRules?
    /// Declared properties by raw key bytes.
    let propertyLookup: PropertyLookup
    /// Bits (by property index) of the required properties, and whether that mask covers all of `required`
    /// (every required name declared among the first 64 properties).
    let requiredMask: UInt64
    let requiredMaskIsComplete: Bool
    /// An object schema the validator can check in one pass over the members: declared properties, `required`
    /// within the mask, `additionalProperties` absent or boolean, and none of the keywords that look at members by
    /// name or pattern (`patternProperties`, `propertyNames`, `dependent*`, `unevaluatedProperties`). Most
    /// schemas of real APIs are this shape.
    package let isPlainObject: Bool
    /// `minLength`, `maxLength` or `pattern` is set (with `format`, whether a string's bytes need a look at all).
    let checksStringText: Bool

    /// Positions in `boundMessages`.
    enum Bound: Int {
        case minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, minLength, maxLength
    }

    /// The message for a violated bound (worded at init; only asked for when the keyword is present).
    func message(_ bound: Bound) -> String {
        boundMessages.indices.contains(bound.rawValue) ? boundMessages[bound.rawValue] : ""
    }

    /// Freezes `k`.
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
        xml = k.xml
        discriminator = k.discriminator
        readOnly = k.readOnly
        writeOnly = k.writeOnly
        defaultValue = k.defaultValue
        enumMessage = k.enumValues.map(Messages.enumeration)
        patternMessage = k.pattern.map { "Must match the pattern \($0.source)" }
        formatMessage = k.format.map { "Must be \($0.explanation)" }
        let characters = { (m: Int) in "\(m) character\(m == 1 ? "" : "s") long" }
        let bounds: [String?] = [
            k.minimum.map { "Must be at least \($0.text)" }, k.maximum.map { "Must be at most \($0.text)" },
            k.exclusiveMinimum.map { "Must be greater than \($0.text)" }, k.exclusiveMaximum.map { "Must be less than \($0.text)" },
            k.multipleOf.map { "Must be a multiple of \($0.text)" },
            k.minLength.map { "Must be at least " + characters($0) }, k.maxLength.map { "Must be at most " + characters($0) },
        ]
        boundMessages = bounds.contains { $0 != nil } ? bounds.map { $0 ?? "" } : []
        numberRules = NumberRules(k)
        propertyLookup = PropertyLookup(k.properties.map(\.name))
        composes = !k.allOf.isEmpty || !k.anyOf.isEmpty || !k.oneOf.isEmpty || k.not != nil || k.ifSchema != nil || k.discriminator != nil
        requiredProperty = k.required.map { name in k.properties.firstIndex { $0.name == name } ?? -1 }
        requiredMask = requiredProperty.reduce(0) { $1 >= 0 && $1 < 64 ? $0 | 1 << UInt64($1) : $0 }
        requiredMaskIsComplete = requiredProperty.allSatisfy { $0 >= 0 && $0 < 64 }
        checksStringText = k.minLength != nil || k.maxLength != nil || k.pattern != nil
        let booleanExtras: Bool
        switch k.additionalProperties {
        case nil, .bool?: booleanExtras = true
        case .schema?: booleanExtras = false
        }
        isPlainObject = requiredMaskIsComplete && booleanExtras && k.patternProperties.isEmpty && k.propertyNames == nil
            && k.dependentRequired.isEmpty && k.dependentSchemas.isEmpty && k.unevaluatedProperties == nil
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
    /// The schemas, by index.
    public let schemas: [SchemaNode]
    /// The same nodes, for the validator's hot path: reading a class reference out of an array retains it,
    /// and at one retain/release pair per checked value that was ~6% of a validation. `schemas` keeps
    /// every node alive for as long as this set exists.
    let unretained: [Unmanaged<SchemaNode>]
    /// Whether some schema has a dynamic `$dynamicRef` (the validator then tracks the resources it enters).
    let tracksDynamicScope: Bool

    /// A set of `schemas`, whose references are indices into the same array.
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

    /// The schema at `index`.
    public subscript(index: SchemaIndex) -> SchemaNode { schemas[index] }
    /// How many schemas the set holds.
    public var count: Int { schemas.count }
}
