import CharterSpec

/// oneOf/anyOf alternatives, allOf members, not, and discriminators.
extension DiffRun {
    mutating func compareComposition(_ o: Schema, _ n: Schema, _ context: SchemaContext, _ at: Spot, depth: Int) {
        // Members match by the component they reference, else by position.
        func identity(_ document: SchemaTable, _ id: SchemaID, _ index: Int) -> String {
            document[id].ref?.componentName ?? "#\(index)"
        }
        let members = context.place == .parameter ? SchemaSubject.Place.parameter : context.nestedPlace
        for (keyword, ob, nb, added, removed) in [("oneOf", o.oneOf, n.oneOf, SchemaRule.oneOfAdded, SchemaRule.oneOfRemoved),
                                                  ("anyOf", o.anyOf, n.anyOf, .anyOfAdded, .anyOfRemoved)] {
            guard !ob.isEmpty || !nb.isEmpty else { continue }
            let oldKeys = ob.enumerated().map { identity(oldTable, $1, $0) }, newKeys = nb.enumerated().map { identity(newTable, $1, $0) }
            for (i, k) in oldKeys.enumerated() where !newKeys.contains(k) {
                report(removed, context, "lost the \(keyword) alternative \(k)", (ob[i], at.1), pointer: "/\(keyword)/\(i)")
            }
            for (i, k) in newKeys.enumerated() where !oldKeys.contains(k) {
                report(added, context, "gained the \(keyword) alternative \(k)", (at.0, nb[i]), pointer: "/\(keyword)/\(i)")
            }
            for (i, k) in oldKeys.enumerated() {
                guard let j = newKeys.firstIndex(of: k) else { continue }
                compareSchema(ob[i], nb[j], context.member("/\(keyword)/\(j)", place: members), depth: depth + 1)
            }
        }
        // Only a composition that existed before gains or loses a member: turning inline keywords into an `allOf`
        // (or moving them into a component) changes no constraint, and the folded views compare what it holds.
        if !o.allOf.isEmpty && !n.allOf.isEmpty {
            let oldKeys = o.allOf.enumerated().map { identity(oldTable, $1, $0) }, newKeys = n.allOf.enumerated().map { identity(newTable, $1, $0) }
            for (i, k) in newKeys.enumerated() where !oldKeys.contains(k) {
                report(.allOfAdded, context, "must also satisfy the allOf member \(k)", (at.0, n.allOf[i]), pointer: "/allOf/\(i)")
            }
            for (i, k) in oldKeys.enumerated() where !newKeys.contains(k) {
                report(.allOfRemoved, context, "no longer has the allOf member \(k)", (o.allOf[i], at.1), pointer: "/allOf/\(i)")
            }
        }
        switch (o.not, n.not) {
        case (nil, _?): report(.notAdded, context, "gained a not schema", at, pointer: "/not")
        case (_?, nil): report(.notRemoved, context, "lost its not schema", at, pointer: "/not")
        default: break
        }
        compareDiscriminators(o.discriminator, n.discriminator, context, at)
    }

    private mutating func compareDiscriminators(_ o: Discriminator?, _ n: Discriminator?, _ context: SchemaContext, _ at: Spot) {
        switch (o, n) {
        case (nil, let d?):
            report(.discriminatorAdded, context, "gained the discriminator \(d.propertyName)", at, pointer: "/discriminator")
        case (let d?, nil):
            report(.discriminatorRemoved, context, "lost the discriminator \(d.propertyName)", at, pointer: "/discriminator")
        case (let a?, let b?):
            if a.propertyName != b.propertyName {
                report(.discriminatorPropertyNameChanged, context, "discriminator property changed from \(a.propertyName) to \(b.propertyName)", at,
                       pointer: "/discriminator/propertyName")
            }
            // Mapping targets compared by the component they name (a moved file is not a change).
            func target(_ m: (value: String, ref: String, target: SchemaID?)) -> String {
                m.ref.split(separator: "/").last.map(String.init) ?? m.ref
            }
            let after = Dictionary(b.mapping.map { ($0.value, target($0)) }, uniquingKeysWith: { x, _ in x })
            let beforeValues = Set(a.mapping.map(\.value))
            for m in a.mapping {
                guard let t = after[m.value] else {
                    report(.discriminatorMappingDeleted, context, "discriminator value \(m.value) is no longer mapped", at, pointer: "/discriminator/mapping")
                    continue
                }
                if t != target(m) {
                    report(.discriminatorMappingChanged, context, "discriminator value \(m.value) now maps to \(t) instead of \(target(m))", at,
                           pointer: "/discriminator/mapping")
                }
            }
            for m in b.mapping where !beforeValues.contains(m.value) {
                report(.discriminatorMappingAdded, context, "discriminator value \(m.value) was mapped to \(target(m))", at, pointer: "/discriminator/mapping")
            }
        default:
            break
        }
    }
}
