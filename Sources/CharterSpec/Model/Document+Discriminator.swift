/// The values a discriminator property takes and the branch each selects: one answer for the validator and the
/// generated decoders.
extension Document {
    /// Where a discriminator value came from.
    public enum DiscriminatorTagSource: Sendable {
        /// The discriminator's `mapping`.
        case mapping
        /// The branch's component name (OpenAPI's implicit mapping).
        case componentName
        /// The branch's own property admits exactly this value (`const` or a one-value `enum`), as real specs
        /// write discriminators without a mapping (OpenAI: `type: {enum: [error]}` on `ModerationErrorBody`).
        case propertyValue
    }

    /// Every discriminator value of the `oneOf`/`anyOf` schema `id`, with the branch (a member of the list) it
    /// selects: the explicit mapping first, then component names, then values a branch's property admits alone
    /// (when no earlier rule claimed them).
    public func discriminatorTags(of id: SchemaID) -> [(value: String, branch: SchemaID, source: DiscriminatorTagSource)] {
        discriminatorTags(of: self[id])
    }

    /// `discriminatorTags(of:)` for a schema of this document.
    public func discriminatorTags(of s: Schema) -> [(value: String, branch: SchemaID, source: DiscriminatorTagSource)] {
        guard let d = s.discriminator else { return [] }
        let branches = s.oneOf + s.anyOf
        // Sets and a table rather than searches of the lists: OpenAI's unions have dozens of branches, and every
        // load and generation asks for each union's tags.
        var branchOf: [SchemaID: SchemaID] = [:]
        for member in branches {
            let target = resolved(member)
            if branchOf[target] == nil { branchOf[target] = member }
        }
        var tags: [(value: String, branch: SchemaID, source: DiscriminatorTagSource)] = []
        var taken: Set<String> = []
        var mapped: Set<SchemaID> = []
        for entry in d.mapping {
            guard let target = entry.target else { continue }
            let landing = resolved(target)
            mapped.insert(landing)
            tags.append((entry.value, branchOf[landing] ?? target, .mapping))
            taken.insert(entry.value)
        }
        for member in branches {
            guard let name = self[member].ref?.componentName, !taken.contains(name), !mapped.contains(resolved(member)) else { continue }
            tags.append((name, member, .componentName))
            taken.insert(name)
        }
        for member in branches {
            guard let value = onlyValue(ofProperty: d.propertyName, in: resolved(member), depth: 0), !taken.contains(value) else { continue }
            tags.append((value, member, .propertyValue))
            taken.insert(value)
        }
        return tags
    }

    /// The single string a schema's property admits (`const: x` or `enum: [x]`), looking through `allOf`.
    private func onlyValue(ofProperty name: String, in id: SchemaID, depth: Int) -> String? {
        guard depth < 8 else { return nil }
        let s = self[id]
        if let property = s.properties.first(where: { $0.name == name }) {
            let p = self[resolved(property.schema)]
            if let c = p.const, let text = c.string { return text }
            if let values = p.enumValues, values.count == 1, let text = values[0].string { return text }
            return nil
        }
        for member in s.allOf {
            if let value = onlyValue(ofProperty: name, in: resolved(member), depth: depth + 1) { return value }
        }
        return nil
    }
}
