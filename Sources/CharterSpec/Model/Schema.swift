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


public struct Discriminator: Sendable {
    public var propertyName: String
    /// Mapping values as written and the schemas they name.
    public var mapping: [(value: String, ref: String, target: SchemaID?)] = []
    /// 3.2 `defaultMapping`: the schema for a payload whose property is absent or maps to nothing.
    public var defaultMapping: (ref: String, target: SchemaID?)?
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

    /// The JSON Schema dialect the schema is written in (see `SchemaDialect`).
    @exclusivity(unchecked) public internal(set) var dialect: SchemaDialect = .draft2020_12
    @exclusivity(unchecked) public internal(set) var types: JSONTypeSet?
    @exclusivity(unchecked) public internal(set) var format: String?
    /// Texts made on access from their nodes: most loads (diff, lint, validation) never read them, and a
    /// string each was a third of the strings a Stripe load made.
    public var title: String? { titleNode?.text }
    public var description: String? { descriptionNode?.text }
    @exclusivity(unchecked) var titleNode: Node?
    @exclusivity(unchecked) var descriptionNode: Node?

    @exclusivity(unchecked) public internal(set) var enumValues: [Node]?
    public internal(set) var const: Node? { get { rare?.const } set { rareKeywords().const = newValue } }
    @exclusivity(unchecked) public internal(set) var defaultValue: Node?
    @exclusivity(unchecked) public internal(set) var examples: [Node] = []

    public internal(set) var multipleOf: NumberLiteral? { get { rare?.multipleOf } set { rareKeywords().multipleOf = newValue } }
    public internal(set) var maximum: NumberLiteral? { get { rare?.maximum } set { rareKeywords().maximum = newValue } }
    public internal(set) var minimum: NumberLiteral? { get { rare?.minimum } set { rareKeywords().minimum = newValue } }
    /// Exclusive bounds as numbers (3.1 form); 3.0 `exclusiveMaximum: true` moves `maximum` here.
    public internal(set) var exclusiveMaximum: NumberLiteral? { get { rare?.exclusiveMaximum } set { rareKeywords().exclusiveMaximum = newValue } }
    public internal(set) var exclusiveMinimum: NumberLiteral? { get { rare?.exclusiveMinimum } set { rareKeywords().exclusiveMinimum = newValue } }

    @exclusivity(unchecked) public internal(set) var maxLength: Int?
    public internal(set) var minLength: Int? { get { rare?.minLength } set { rareKeywords().minLength = newValue } }
    public internal(set) var pattern: String? { get { rare?.pattern } set { rareKeywords().pattern = newValue } }
    /// Where the `pattern` keyword's value stands (for diagnostics about the expression).
    public var patternLocation: SourceLocation? { node["pattern"]?.location }

    public internal(set) var maxItems: Int? { get { rare?.maxItems } set { rareKeywords().maxItems = newValue } }
    public internal(set) var minItems: Int? { get { rare?.minItems } set { rareKeywords().minItems = newValue } }
    public internal(set) var uniqueItems: Bool { get { rare?.uniqueItems ?? false } set { rareKeywords().uniqueItems = newValue } }
    @exclusivity(unchecked) public internal(set) var items: SchemaID?
    public internal(set) var prefixItems: [SchemaID] { get { rare?.prefixItems ?? [] } set { rareKeywords().prefixItems = newValue } }
    public internal(set) var contains: SchemaID? { get { rare?.contains } set { rareKeywords().contains = newValue } }
    public internal(set) var minContains: Int? { get { rare?.minContains } set { rareKeywords().minContains = newValue } }
    public internal(set) var maxContains: Int? { get { rare?.maxContains } set { rareKeywords().maxContains = newValue } }
    public internal(set) var unevaluatedItems: SchemaOrBool<SchemaID>? { get { rare?.unevaluatedItems } set { rareKeywords().unevaluatedItems = newValue } }

    public internal(set) var maxProperties: Int? { get { rare?.maxProperties } set { rareKeywords().maxProperties = newValue } }
    public internal(set) var minProperties: Int? { get { rare?.minProperties } set { rareKeywords().minProperties = newValue } }
    @exclusivity(unchecked) public internal(set) var required: [String] = []
    @exclusivity(unchecked) public internal(set) var properties: [(name: String, schema: SchemaID)] = []
    @exclusivity(unchecked) public internal(set) var additionalProperties: SchemaOrBool<SchemaID>?
    public internal(set) var patternProperties: [(pattern: String, schema: SchemaID)] { get { rare?.patternProperties ?? [] } set { rareKeywords().patternProperties = newValue } }
    public internal(set) var propertyNames: SchemaID? { get { rare?.propertyNames } set { rareKeywords().propertyNames = newValue } }
    public internal(set) var dependentRequired: [(name: String, required: [String])] { get { rare?.dependentRequired ?? [] } set { rareKeywords().dependentRequired = newValue } }
    public internal(set) var dependentSchemas: [(name: String, schema: SchemaID)] { get { rare?.dependentSchemas ?? [] } set { rareKeywords().dependentSchemas = newValue } }
    public internal(set) var unevaluatedProperties: SchemaOrBool<SchemaID>? { get { rare?.unevaluatedProperties } set { rareKeywords().unevaluatedProperties = newValue } }

    @exclusivity(unchecked) public internal(set) var allOf: [SchemaID] = []
    @exclusivity(unchecked) public internal(set) var anyOf: [SchemaID] = []
    @exclusivity(unchecked) public internal(set) var oneOf: [SchemaID] = []
    public internal(set) var not: SchemaID? { get { rare?.not } set { rareKeywords().not = newValue } }
    public internal(set) var ifSchema: SchemaID? { get { rare?.ifSchema } set { rareKeywords().ifSchema = newValue } }
    public internal(set) var thenSchema: SchemaID? { get { rare?.thenSchema } set { rareKeywords().thenSchema = newValue } }
    public internal(set) var elseSchema: SchemaID? { get { rare?.elseSchema } set { rareKeywords().elseSchema = newValue } }
    public internal(set) var discriminator: Discriminator? { get { rare?.discriminator } set { rareKeywords().discriminator = newValue } }

    @exclusivity(unchecked) public internal(set) var readOnly: Bool = false
    @exclusivity(unchecked) public internal(set) var writeOnly: Bool = false
    @exclusivity(unchecked) public internal(set) var deprecated: Bool = false
    public internal(set) var defs: [(name: String, schema: SchemaID)] { get { rare?.defs ?? [] } set { rareKeywords().defs = newValue } }
    public internal(set) var anchor: String? { get { rare?.anchor } set { rareKeywords().anchor = newValue } }
    /// `$dynamicRef` whose initial target declares `$dynamicAnchor` of this name: at validation the outermost
    /// schema resource in the dynamic scope that declares the anchor is used instead (`ref` is the initial target).
    public internal(set) var dynamicRefName: String? { get { rare?.dynamicRefName } set { rareKeywords().dynamicRefName = newValue } }
    /// The schema starting the resource (`$id`, or the file) this schema belongs to, when the document uses
    /// `$dynamicRef` (the validator tracks resources entered only then).
    public internal(set) var resourceRoot: SchemaID? { get { rare?.resourceRoot } set { rareKeywords().resourceRoot = newValue } }
    /// On a resource's root: the `$dynamicAnchor`s its schemas declare.
    public internal(set) var dynamicAnchors: [(name: String, schema: SchemaID)] { get { rare?.dynamicAnchors ?? [] } set { rareKeywords().dynamicAnchors = newValue } }
    /// The media type of a string's content (`image/png`, `application/json`): a binary string in 3.1's idiom.
    public internal(set) var contentMediaType: String? { get { rare?.contentMediaType } set { rareKeywords().contentMediaType = newValue } }
    /// How a string's content is encoded (`base64`).
    public internal(set) var contentEncoding: String? { get { rare?.contentEncoding } set { rareKeywords().contentEncoding = newValue } }
    /// The schema of a string's content once decoded (with a JSON `contentMediaType`).
    public internal(set) var contentSchema: SchemaID? { get { rare?.contentSchema } set { rareKeywords().contentSchema = newValue } }
    /// OpenAPI's `xml` object: names and placement in XML bodies.
    public internal(set) var xml: XMLNaming? { get { rare?.xml } set { rareKeywords().xml = newValue } }
    @exclusivity(unchecked) public internal(set) var extensions: Extensions = [:]

    /// The keywords few schemas use (bounds beyond lengths, tuple and object-shape keywords, conditionals),
    /// allocated for the first schema that sets one. A schema of the common kind (type, properties, required,
    /// a description) then stays about a third of the size (~300 of ~800 bytes of fields), which Stripe's tens of
    /// thousands of schemas pay to fill and free on every load (L1 read misses −12%, last-level write misses −28%).
    @exclusivity(unchecked) private var rare: SchemaRareKeywords?

    private func rareKeywords() -> SchemaRareKeywords {
        if let rare { return rare }
        let made = SchemaRareKeywords()
        rare = made
        return made
    }

    init(node: Node) {
        self.node = node
    }

    /// 3.0 `nullable: true` beside a `$ref` or composition (no `type`): null is accepted in addition to
    /// what the reference or composition allows. With a `type`, nullability is `.null` in `types`.
    @exclusivity(unchecked) public internal(set) var nullableComposition: Bool = false

    /// True when null is allowed by this schema's own keywords.
    public var isNullable: Bool { nullableComposition || (types?.contains(.null) ?? false) }

    /// True when the schema constrains nothing and only describes: `true`, `{}`, or a mapping of annotations
    /// (`description`, `default`, `deprecated`, a lone `nullable`, extensions …). Such an `allOf` member —
    /// `allOf: [{$ref: X}, {description: …}]`, the 3.0 way to describe a reference — leaves the composition X.
    public var assertsNothing: Bool {
        if let b = booleanValue { return b }
        guard node.kind == .mapping else { return false }
        for entry in node.entries where !entry.isExtension {
            guard let word = entry.keyNode.word(in: SchemaKeyword.table), word.isAnnotation else { return false }
        }
        return true
    }
}

/// Storage for `Schema`'s rarely used keywords; see `Schema.rare`.
final class SchemaRareKeywords {
    var const: Node?
    var multipleOf: NumberLiteral?
    var maximum: NumberLiteral?
    var minimum: NumberLiteral?
    var exclusiveMaximum: NumberLiteral?
    var exclusiveMinimum: NumberLiteral?
    var minLength: Int?
    var pattern: String?
    var maxItems: Int?
    var minItems: Int?
    var uniqueItems: Bool = false
    var prefixItems: [SchemaID] = []
    var contains: SchemaID?
    var minContains: Int?
    var maxContains: Int?
    var unevaluatedItems: SchemaOrBool<SchemaID>?
    var maxProperties: Int?
    var minProperties: Int?
    var patternProperties: [(pattern: String, schema: SchemaID)] = []
    var propertyNames: SchemaID?
    var dependentRequired: [(name: String, required: [String])] = []
    var dependentSchemas: [(name: String, schema: SchemaID)] = []
    var unevaluatedProperties: SchemaOrBool<SchemaID>?
    var not: SchemaID?
    var ifSchema: SchemaID?
    var thenSchema: SchemaID?
    var elseSchema: SchemaID?
    var discriminator: Discriminator?
    var defs: [(name: String, schema: SchemaID)] = []
    var anchor: String?
    var dynamicRefName: String?
    var resourceRoot: SchemaID?
    var dynamicAnchors: [(name: String, schema: SchemaID)] = []
    var contentMediaType: String?
    var contentEncoding: String?
    var contentSchema: SchemaID?
    var xml: XMLNaming?
}
