import CharterRuntime
import CharterSpec
import CharterValidation

/// Example values for bodies and parameters: the spec's own when it gives one, otherwise one drawn from the schema
/// by the synthesiser the mock server answers with (so a page's example is a value the server accepts).
struct ExampleValues {
    private var requests: ValueSynthesizer
    private var responses: ValueSynthesizer
    private var minimalRequests: ValueSynthesizer
    private var drawn: [Int: JSONValue?] = [:]

    init(validator: SpecValidator) {
        requests = ValueSynthesizer(schemas: validator.schemas, seed: 1, direction: .request)
        responses = ValueSynthesizer(schemas: validator.schemas, seed: 1, direction: .response)
        // Shallow values read better on a page than the mock's deeper ones, and keep large specs' pages small.
        requests.maxDepth = 3
        responses.maxDepth = 3
        minimalRequests = ValueSynthesizer(schemas: validator.schemas, seed: 1, direction: .request)
        minimalRequests.includesOptionalProperties = false
    }

    /// The smallest request body the schema accepts (required members only), for a call a reader copies; the
    /// media type's own example when it has one.
    mutating func minimalRequest(for media: MediaType, document: Document) -> JSONValue? {
        if let example = media.example { return JSONValue(example) }
        if let named = media.examples.first?.value.value { return JSONValue(named) }
        guard let schema = media.schema ?? media.itemSchema else { return nil }
        return minimalRequests.value(for: schema.index) ?? requests.value(for: schema.index)
    }

    /// The example of a media type (its `example`, first named example, the schema's first example) or a drawn
    /// one; nil when neither exists.
    mutating func value(for media: MediaType, document: Document, request: Bool) -> (value: JSONValue, drawn: Bool)? {
        if let example = media.example { return (JSONValue(example), false) }
        if let named = media.examples.first?.value.value { return (JSONValue(named), false) }
        guard let schema = media.schema ?? media.itemSchema else { return nil }
        return value(for: schema, document: document, request: request)
    }

    /// The schema's own example, else a drawn value (drawn once per schema and direction: a shared error body is
    /// drawn for its first operation and reused).
    mutating func value(for schema: SchemaID, document: Document, request: Bool) -> (value: JSONValue, drawn: Bool)? {
        let target = document.resolved(schema)
        if let example = document[target].examples.first { return (JSONValue(example), false) }
        let key = target.index * 2 + (request ? 1 : 0)
        if let known = drawn[key] { return known.map { ($0, true) } }
        let value = request ? requests.value(for: schema.index) : responses.value(for: schema.index)
        drawn[key] = .some(value)
        return value.map { ($0, true) }
    }
}

/// JSON written for people: two-space indentation, one member per line.
enum ExampleText {
    static func pretty(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out, indent: 0)
        return out
    }

    private static func write(_ value: JSONValue, into out: inout String, indent: Int) {
        guard indent < 64 else { out += "…"; return }
        let pad = String(repeating: "  ", count: indent + 1)
        switch value {
        case .array(let items) where !items.isEmpty:
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += pad
                write(item, into: &out, indent: indent + 1)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "]"
        case .object(let object) where object.count > 0:
            out += "{\n"
            for (i, entry) in object.entries.enumerated() {
                out += pad + JSONValue.string(entry.key).jsonText + ": "
                write(entry.value, into: &out, indent: indent + 1)
                out += i == object.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "}"
        default:
            out += value.jsonText
        }
    }
}
