extension SchemaSet {
    /// Whether the schema at `index` lets any non-empty text through: no type other than string (or none), no enum,
    /// const, pattern, format or length beyond one character, no composition. Operations whose paths route alike
    /// try first those whose path parameters say more (Xero's `/Contacts/{ContactID}`, a uuid, before
    /// `/Contacts/{ContactNumber}`, any string), so a catch-all parameter never hides a narrower one.
    /// Unsure answers (a composition, a dynamic reference) are "no": such a parameter counts as narrowing.
    func acceptsAnyText(_ index: SchemaIndex) -> Bool {
        var current: SchemaIndex? = index
        var hops = 0
        while let i = current, schemas.indices.contains(i), hops < 16 {
            let node = schemas[i]
            if node.booleanSchema == false { return false }
            if let types = node.types, !types.isEmpty, !types.contains(.string) { return false }
            if node.enumValues != nil || node.constValue != nil || node.pattern != nil || node.format != nil
                || (node.minLength ?? 0) > 1 || node.maxLength != nil || node.composes || node.dynamicRef != nil {
                return false
            }
            current = node.ref
            hops += 1
        }
        return current == nil
    }
}

extension SchemaSet {
    /// The required properties of the object schema at `index` that admit exactly one value (`const`, a one-value
    /// `enum`), with that value: an event's `type: {const: batch.completed}`. Webhooks delivered to one URL are told
    /// apart by them before any is validated (`RouteTable`). Follows references and `allOf` members, depth-bounded.
    func fixedProperties(_ index: SchemaIndex) -> [(name: String, value: JSONValue)] {
        var required: Set<String> = []
        var properties: [(String, SchemaIndex)] = []
        var pending: [(SchemaIndex, Int)] = [(index, 0)]
        while let (i, depth) = pending.popLast() {
            guard schemas.indices.contains(i), depth < 16 else { continue }
            let node = schemas[i]
            required.formUnion(node.required)
            properties += node.properties.map { ($0.name, $0.schema) }
            if let ref = node.ref { pending.append((ref, depth + 1)) }
            pending += node.allOf.map { ($0, depth + 1) }
        }
        var fixed: [(name: String, value: JSONValue)] = []
        for (name, schema) in properties where required.contains(name) && !fixed.contains(where: { $0.name == name }) {
            if let value = onlyValue(schema) { fixed.append((name, value)) }
        }
        return fixed
    }

    /// The one value the schema at `index` admits by `const` or a one-value `enum` (following references).
    private func onlyValue(_ index: SchemaIndex) -> JSONValue? {
        var current: SchemaIndex? = index
        var hops = 0
        while let i = current, schemas.indices.contains(i), hops < 16 {
            let node = schemas[i]
            if let value = node.constValue { return value }
            if let values = node.enumValues, values.count == 1 { return values[0] }
            current = node.ref
            hops += 1
        }
        return nil
    }
}
