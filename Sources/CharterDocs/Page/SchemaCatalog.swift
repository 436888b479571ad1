import CharterRuntime
import CharterSpec

/// The schemas a page shows, as data its script turns into trees when a reader opens them: each schema once,
/// children by index, so recursive schemas are plain cycles and a 4 MB spec does not become a page of every
/// expansion. Only schemas reachable from the page's roots are written.
struct SchemaCatalog {
    let document: Document
    let facts: SchemaFacts
    let markdown: MarkdownCache
    private(set) var entries: [Int: JSONValue] = [:]
    private var pending: [SchemaID] = []

    init(document: Document, markdown: MarkdownCache) {
        self.document = document
        self.markdown = markdown
        facts = SchemaFacts(document: document)
    }

    /// Makes `id` (and what it reaches) part of the catalogue; returns the index a tree mount names.
    @discardableResult
    mutating func include(_ id: SchemaID) -> Int {
        if entries[id.index] == nil { pending.append(id) }
        drain()
        return id.index
    }

    private mutating func drain() {
        while let id = pending.popLast() {
            guard entries[id.index] == nil else { continue }
            entries[id.index] = entry(id)
        }
    }

    private mutating func child(_ id: SchemaID) -> JSONValue {
        if entries[id.index] == nil { pending.append(id) }
        return .number(JSONNumber(Int64(id.index)))
    }

    private mutating func entry(_ id: SchemaID) -> JSONValue {
        let s = document[id]
        var fields: [(key: String, value: JSONValue)] = []
        func add(_ key: String, _ value: JSONValue) { fields.append((key, value)) }
        add("t", .string(facts.typeLabel(id)))
        if let ref = s.ref, let target = ref.target {
            add("r", child(target))
            if let name = ref.componentName { add("rn", .string(name)) }
        }
        if let title = s.title { add("ti", .string(title)) }
        if let description = s.description, !description.isEmpty { add("d", .string(markdown.html(description))) }
        let constraints = facts.constraints(id)
        if !constraints.isEmpty { add("c", .array(constraints.map { .string($0) })) }
        if !s.properties.isEmpty {
            let required = Set(s.required)
            add("p", .array(s.properties.map { name, schema in
                .array([.string(name), child(schema), .bool(required.contains(name))])
            }))
        }
        // Required names that no property of this schema declares (they constrain an allOf member's properties).
        let undeclared = s.required.filter { name in !s.properties.contains { $0.name == name } }
        if !undeclared.isEmpty { add("rq", .array(undeclared.map { .string($0) })) }
        switch s.additionalProperties {
        case .schema(let schema)?: add("ap", child(schema))
        default: break
        }
        if !s.patternProperties.isEmpty {
            add("pp", .array(s.patternProperties.map { .array([.string($0.pattern), child($0.schema)]) }))
        }
        if let items = s.items { add("it", child(items)) }
        if !s.prefixItems.isEmpty { add("px", .array(s.prefixItems.map { child($0) })) }
        if !s.allOf.isEmpty { add("all", .array(s.allOf.map { child($0) })) }
        if !s.oneOf.isEmpty { add("one", .array(s.oneOf.map { child($0) })) }
        if !s.anyOf.isEmpty { add("any", .array(s.anyOf.map { child($0) })) }
        if let not = s.not { add("not", child(not)) }
        if let discriminator = s.discriminator {
            add("disc", .array([.string(discriminator.propertyName), .array(discriminator.mapping.map { mapping in
                .array([.string(mapping.value), mapping.target.map { child($0) } ?? .null])
            })]))
        }
        if let example = s.examples.first { add("ex", .string(ExampleText.pretty(JSONValue(example)))) }
        return .object(JSONObject(fields))
    }

    /// The catalogue as JSON text (object keyed by schema index, in index order for a deterministic page).
    func json() -> String {
        JSONValue.object(JSONObject(entries.keys.sorted().map { (key: String($0), value: entries[$0] ?? .null) })).jsonText
    }
}
