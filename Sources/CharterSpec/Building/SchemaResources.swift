/// Schema resources and anchors by absolute URI, as JSON Schema 2020-12 identifies them: a schema with `$id`
/// starts a resource whose URI is that `$id` resolved against the enclosing one (the file's URI at the top);
/// `$anchor` and `$dynamicAnchor` name a schema within its resource. A `$ref` resolves against the base URI of
/// the schema holding it. Files without any of these keywords are never walked (the scan for them is a byte
/// search), so ordinary specs resolve references by file and pointer as before.
final class SchemaResources {
    private(set) var resources: [String: Node] = [:]
    private(set) var anchors: [String: Node] = [:]
    /// Schemas with `$id`, by node: the base URI they set.
    private var bases: [Node: String] = [:]
    private var treeBases: [ObjectIdentifier: String] = [:]
    /// Makes a tree's path absolute as the load's file keys are (against the directory the load began in).
    private let files: SpecFiles
    /// Trees looked at, and whether each has identifiers.
    private var scanned: [ObjectIdentifier: Bool] = [:]

    /// The URI a file is known by: a URL it was mapped from, else `file://` and its absolute path.
    func base(of tree: SpecTree) -> String {
        treeBases[ObjectIdentifier(tree)] ?? "file://" + files.absolute(tree.path)
    }

    init(files: SpecFiles) {
        self.files = files
    }

    /// Records that `tree` was read for `url` (a mapped remote document): its URI is the URL.
    func setBase(_ url: String, of tree: SpecTree) {
        treeBases[ObjectIdentifier(tree)] = url
        resources[url] = tree.root
    }

    /// Whether `tree` was read for a mapped URL (its relative references resolve against that URL).
    func isMapped(_ tree: SpecTree) -> Bool {
        treeBases[ObjectIdentifier(tree)] != nil
    }

    /// Whether `tree` declares `$id`, `$anchor` or `$dynamicAnchor`; indexes it the first time it is asked.
    func hasIdentifiers(_ tree: SpecTree) -> Bool {
        let key = ObjectIdentifier(tree)
        if let known = scanned[key] { return known }
        let found = tree.text.contains("$id") || tree.text.contains("$anchor") || tree.text.contains("$dynamicAnchor")
        scanned[key] = found
        if found, let root = tree.root {
            let base = base(of: tree)
            resources[base] = resources[base] ?? root
            if isDocument(root) { walkDocument(root, base: base, depth: 0) } else { walkSchema(root, base: base, depth: 0) }
        }
        return found
    }

    /// The base URI in force at `node`: the nearest enclosing schema with `$id`, else the file's.
    func base(of node: Node) -> String {
        var current = node.id
        var steps = 0
        while current >= 0, steps < 10_000 {
            if let b = bases[Node(tree: node.tree, id: current)] { return b }
            current = node.tree.records[Int(current)].parent
            steps += 1
        }
        return base(of: node.tree)
    }

    private func isDocument(_ root: Node) -> Bool {
        root["openapi"] != nil || root["swagger"] != nil || root["paths"] != nil || root["components"] != nil
    }

    private static let maxDepth = 256

    /// An OpenAPI document: schemas sit under `schema` keys and in `components.schemas`.
    private func walkDocument(_ node: Node, base: String, depth: Int) {
        guard depth < Self.maxDepth else { return }
        switch node.kind {
        case .mapping:
            for entry in node.entries {
                if entry.keyNode.hasText("schema") {
                    walkSchema(entry.value, base: base, depth: depth + 1)
                } else if entry.keyNode.hasText("schemas"), entry.value.kind == .mapping {
                    for schema in entry.value.entries { walkSchema(schema.value, base: base, depth: depth + 1) }
                } else if !entry.keyNode.hasText("example") && !entry.keyNode.hasText("examples") {
                    walkDocument(entry.value, base: base, depth: depth + 1)
                }
            }
        case .sequence:
            for element in node.elements { walkDocument(element, base: base, depth: depth + 1) }
        case .scalar:
            break
        }
    }

    private static let schemaValued: Set<String> = [
        "additionalProperties", "unevaluatedProperties", "unevaluatedItems", "items", "additionalItems", "contains",
        "not", "if", "then", "else", "propertyNames", "contentSchema",
    ]
    private static let schemaListed: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems", "items"]
    private static let schemaMapped: Set<String> = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]

    private func walkSchema(_ node: Node, base: String, depth: Int) {
        guard depth < Self.maxDepth, node.kind == .mapping else { return }
        var base = base
        if let id = node["$id"]?.string {
            let resolved = URIReference.resolve(id, against: base)
            let (uri, fragment) = URIReference.split(resolved)
            if uri.isEmpty || (!fragment.isEmpty && !fragment.hasPrefix("/") && id.hasPrefix("#")) {
                // `$id: "#name"` is an anchor in the drafts before 2019-09.
                anchors[base + "#" + fragment] = node
            } else {
                base = uri
                bases[node] = uri
                resources[uri] = node
            }
        }
        for key in ["$anchor", "$dynamicAnchor"] {
            if let name = node[key]?.string { anchors[base + "#" + name] = anchors[base + "#" + name] ?? node }
        }
        for entry in node.entries {
            let key = entry.key
            let value = entry.value
            if value.kind == .sequence, Self.schemaListed.contains(key) {
                for element in value.elements { walkSchema(element, base: base, depth: depth + 1) }
            } else if value.kind == .mapping, Self.schemaMapped.contains(key) {
                for member in value.entries { walkSchema(member.value, base: base, depth: depth + 1) }
            } else if Self.schemaValued.contains(key) {
                walkSchema(value, base: base, depth: depth + 1)
            }
        }
    }
}
