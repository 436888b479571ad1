/// Fills in `default` values of absent properties (after validation), so handlers see what the contract
/// promises. Returns nil when nothing changed, so an unchanged body is never re-encoded.
struct Defaults {
    let schemas: [SchemaNode]
    /// Where defaults can be reached from, worked out once per set of schemas (`Defaults.reach`).
    let reach: Reach

    init(schemas: [SchemaNode], reach: Reach) {
        self.schemas = schemas
        self.reach = reach
    }

    /// Per schema: whether a default can be reached from it (`reaches`), and the properties worth looking up in a
    /// value it validates (`watched`: those with a default of their own or one below them). A request then looks up
    /// only those members, not every declared property.
    struct Reach: Sendable {
        let reaches: [Bool]
        let watched: [[(name: String, schema: SchemaIndex, hasDefault: Bool)]]
    }

    /// Per schema: whether filling in `default`s could change a value it validates — a property declared
    /// there (directly, through `$ref` or `allOf`) has a default, or a schema below it does. Most request
    /// schemas have none, and the per-request search for absent defaulted properties is then skipped.
    static func reach(_ nodes: [SchemaNode]) -> Reach {
        let finder = Defaults(schemas: nodes, reach: Reach(reaches: [], watched: []))
        let reaches = finder.reachingSchemas()
        let watched = nodes.indices.map { i in
            reaches[i] ? finder.allProperties(i, depth: 0).compactMap { p -> (name: String, schema: SchemaIndex, hasDefault: Bool)? in
                let own = finder.defaultValue(p.schema, depth: 0) != nil
                return own || (reaches.indices.contains(p.schema) && reaches[p.schema]) ? (p.name, p.schema, own) : nil
            } : []
        }
        return Reach(reaches: reaches, watched: watched)
    }

    private func reachingSchemas() -> [Bool] {
        let nodes = schemas, n = nodes.count
        var reach = Array(repeating: false, count: n)
        var parents: [[Int]] = Array(repeating: [], count: n)
        for (i, node) in nodes.enumerated() {
            var children = node.properties.map(\.schema) + node.allOf
            if let r = node.ref { children.append(r) }
            if case .schema(let items)? = node.items { children.append(items) }
            for c in children where c >= 0 && c < n { parents[c].append(i) }
            if node.properties.contains(where: { defaultValue($0.schema, depth: 0) != nil }) { reach[i] = true }
        }
        // A schema reaches defaults when a child does: propagate up the reversed edges (cycles are fine).
        var work = (0..<n).filter { reach[$0] }
        while let c = work.popLast() {
            for p in parents[c] where !reach[p] {
                reach[p] = true
                work.append(p)
            }
        }
        return reach
    }

    func apply(_ value: JSONValue, _ index: SchemaIndex, depth: Int = 0) -> JSONValue? {
        guard depth < 64 else { return nil }
        let s = schemas[index]
        switch value {
        case .object(var object):
            var changed = false
            for (name, schema) in allProperties(index, depth: 0) {
                if let present = object[name] {
                    if let updated = apply(present, schema, depth: depth + 1) {
                        object[name] = updated
                        changed = true
                    }
                } else if let d = defaultValue(schema, depth: 0) {
                    object.entries.append((name, d))
                    changed = true
                }
            }
            return changed ? .object(object) : nil
        case .array(var elements):
            guard let items = itemSchema(s) else { return nil }
            var changed = false
            for i in elements.indices {
                if let updated = apply(elements[i], items, depth: depth + 1) {
                    elements[i] = updated
                    changed = true
                }
            }
            return changed ? .array(elements) : nil
        default:
            return nil
        }
    }

    /// Whether applying defaults would change `r` (checked on the parsed document, without building values).
    func wouldApply<D: JSONDocument>(_ document: D, _ r: D.Ref, _ index: SchemaIndex, depth: Int = 0) -> Bool {
        guard depth < 64, reach.reaches.indices.contains(index), reach.reaches[index] else { return false }
        switch document.kind(r) {
        case .object:
            for (name, schema, hasDefault) in reach.watched[index] {
                if let child = document.member(r, name) {
                    if wouldApply(document, child, schema, depth: depth + 1) { return true }
                } else if hasDefault {
                    return true
                }
            }
            return false
        case .array:
            guard let items = itemSchema(schemas[index]) else { return false }
            return document.elements(r).contains { wouldApply(document, $0, items, depth: depth + 1) }
        default:
            return false
        }
    }

    private func itemSchema(_ s: SchemaNode) -> SchemaIndex? {
        if case .schema(let i)? = s.items { return i }
        if let r = s.ref { return itemSchema(schemas[r]) }
        return nil
    }

    /// A schema's default, following `$ref` (the one rule for "this property has a default": reach, watch, apply).
    fileprivate func defaultValue(_ index: SchemaIndex, depth: Int) -> JSONValue? {
        guard depth < 16, schemas.indices.contains(index) else { return nil }
        let s = schemas[index]
        if let d = s.defaultValue { return d }
        return s.ref.flatMap { defaultValue($0, depth: depth + 1) }
    }

    /// Properties declared directly, through `$ref` and through `allOf` members.
    fileprivate func allProperties(_ index: SchemaIndex, depth: Int) -> [(name: String, schema: SchemaIndex)] {
        guard depth < 16, schemas.indices.contains(index) else { return [] }
        let s = schemas[index]
        var result = s.properties
        if let r = s.ref { result += allProperties(r, depth: depth + 1) }
        for member in s.allOf { result += allProperties(member, depth: depth + 1) }
        return result
    }
}
