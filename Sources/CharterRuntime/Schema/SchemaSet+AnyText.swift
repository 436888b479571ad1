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
