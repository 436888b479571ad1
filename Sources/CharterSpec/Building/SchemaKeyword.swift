/// The keys of a schema object Charter reads (anything else is an extension or an unknown key), looked up
/// on the key's bytes by `DocumentBuilder.fillSchema`. Keys that are Swift keywords or start with `$` (and `contains`,
/// `required`, which read as members) get a case name of their own.
enum SchemaKeyword: String, CaseIterable, Sendable {
    case type, format, title, description, example, examples, nullable, multipleOf, maximum, minimum
    case exclusiveMaximum, exclusiveMinimum, maxLength, minLength, pattern, maxItems, minItems, uniqueItems, items
    case additionalItems, prefixItems, minContains, maxContains, unevaluatedItems, maxProperties, minProperties
    case properties, additionalProperties, patternProperties, propertyNames, dependentRequired, dependentSchemas
    case dependencies, unevaluatedProperties, allOf, anyOf, oneOf, discriminator, readOnly, writeOnly, deprecated
    case definitions, xml, externalDocs, contentMediaType, contentEncoding, contentSchema
    case ref = "$ref"
    case enumValues = "enum"
    case constValue = "const"
    case defaultValue = "default"
    case containsSchema = "contains"
    case requiredList = "required"
    case notSchema = "not"
    case ifSchema = "if"
    case thenSchema = "then"
    case elseSchema = "else"
    case defs = "$defs"
    case anchor = "$anchor"
    case comment = "$comment"
    case schemaURI = "$schema"
    case id = "$id"
    case recursiveAnchor = "$recursiveAnchor"
    case dynamicAnchor = "$dynamicAnchor"
    case recursiveRef = "$recursiveRef"
    case dynamicRef = "$dynamicRef"
    case vocabulary = "$vocabulary"

    static let table = WordTable(allCases.map { ($0.rawValue, $0) })

    /// Keywords that describe a value without constraining it. `nullable` is one of them on its own: in OpenAPI
    /// 3.0 it widens a `type` in the same object, and without one it adds nothing.
    var isAnnotation: Bool {
        switch self {
        case .title, .description, .example, .examples, .defaultValue, .readOnly, .writeOnly, .deprecated, .xml,
             .externalDocs, .comment, .nullable: true
        default: false
        }
    }
}

extension JSONTypeSet {
    /// Type names looked up on a node's bytes (`type:` is the most common key of all).
    static let table = WordTable(names)
}
