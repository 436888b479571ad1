import CharterSpec

/// The rules of one schema pair: types and formats, null, enums, const and default here; bounds, properties,
/// compositions and the 2020-12 structure keywords in their own files. Each reports through `report`, which
/// picks the id for the context's place and drops a change that does not matter in its direction.
/// The schemas a finding is located at (old, new): their locations are made only for a finding.
typealias Spot = (old: SchemaID, new: SchemaID)

extension DiffRun {
    mutating func compareKeywords(_ oldID: SchemaID, _ newID: SchemaID, _ context: SchemaContext, depth: Int) {
        let o = view(oldID, old: true), n = view(newID, old: false)
        let locations: Spot = (oldID, newID)
        if let member = wrappingMember(oldID, o, n) {
            // What the body was is now one alternative of a union: compared with that alternative, not the union.
            report(.wrappedInOneOf, context, "became a oneOf of \(n.schema.oneOf.count) alternatives, one of them what it was", locations)
            if let i = n.schema.oneOf.firstIndex(of: member) {
                compareSchema(oldID, member, context.member("/oneOf/\(i)", place: context.place), depth: depth + 1)
            }
            return
        }
        compareTypes(o, n, context, locations)
        compareNullability(o, n, context, locations)
        compareEnums(o, n, context, locations)
        compareValues(o.schema, n.schema, context, locations)
        compareBounds(o.schema, n.schema, context, locations)
        compareProperties(o, n, context, depth: depth)
        compareComposition(o.schema, n.schema, context, locations, depth: depth)
        compareStructure(o.schema, n.schema, context, locations, depth: depth)
        compareSchema(o.items, n.items, context.nested("/items", field: "[]", place: context.place == .parameter ? .parameter : nil), depth: depth + 1)
    }

    /// The member of a new `oneOf` that holds what the old schema was (a reference to the same component), when
    /// the old schema was no union and the new one is only the union.
    private func wrappingMember(_ oldID: SchemaID, _ o: SchemaView, _ n: SchemaView) -> SchemaID? {
        let old = o.schema, new = n.schema
        guard old.oneOf.isEmpty, old.anyOf.isEmpty, new.oneOf.count > 1, new.types == nil, new.properties.isEmpty, new.allOf.isEmpty
        else { return nil }
        guard let component = oldTable[oldID].ref?.componentName ?? componentName(of: o.id) else { return nil }
        return new.oneOf.first { newTable[$0].ref?.componentName == component }
    }

    /// The component an (already resolved) old schema is, when it is one.
    private func componentName(of id: SchemaID) -> String? {
        self.old.components.schemas.first { oldTable.resolved($0.id) == id }?.name
    }

    /// Reports `rule` at `context` with a message about its field, unless the rule has no level in the context's
    /// direction.
    mutating func report(_ rule: SchemaRule, _ context: SchemaContext, _ detail: String, _ locations: Spot, pointer: String = "") {
        let subject = SchemaSubject(context.direction, context.place).reporting(rule)
        guard rule.level(subject.direction, place: subject.place) != nil else { return }
        let field = context.field
        emit(.schema(rule, subject), context.path + pointer, Finding.subject(field) + " " + detail, field: field, detail: detail,
             old: oldTable[locations.0].location, new: newTable[locations.1].location)
    }

    // MARK: Types and formats

    private mutating func compareTypes(_ o: SchemaView, _ n: SchemaView, _ context: SchemaContext, _ at: Spot) {
        let request = context.direction == .request
        if let ot = o.valueTypes, let nt = n.valueTypes, ot != nt {
            let text = "type changed from \(ot.typeNamesWithoutImplied.joined(separator: "|")) to \(nt.typeNamesWithoutImplied.joined(separator: "|"))"
            let list = o.typeCount > 1 || n.typeCount > 1
            let widened = ot.isSubset(of: nt), narrowed = nt.isSubset(of: ot)
            if request {
                if widened { report(list ? .listOfTypesWidened : .typeGeneralized, context, text, at) }
                else if narrowed && !list && context.place == .parameterProperty { report(.typeSpecialized, context, text, at) }
                else { report(list && narrowed ? .listOfTypesNarrowed : .typeChanged, context, text, at) }
            } else {
                if narrowed { report(list ? .listOfTypesNarrowed : .typeSpecialized, context, text, at) }
                else if widened { report(list ? .listOfTypesWidened : .typeGeneralized, context, text, at) }
                else { report(.typeChanged, context, text, at) }
            }
            return
        }
        let of = o.schema.format, nf = n.schema.format
        guard of != nf else { return }
        let text = "format changed from \(of ?? "none") to \(nf ?? "none")"
        switch Self.formatChange(of, nf) {
        case .widened: report(.typeGeneralized, context, text, at)
        case .narrowed: report(request ? .typeChanged : .typeSpecialized, context, text, at)
        case .unrelated: report(.typeChanged, context, text, at)
        }
    }

    enum FormatChange { case widened, narrowed, unrelated }

    /// A format dropped, or one whose values include the old one's (int32 → int64, float → double), widens.
    static func formatChange(_ o: String?, _ n: String?) -> FormatChange {
        let wider: [String: String] = ["int32": "int64", "float": "double"]
        switch (o, n) {
        case (_?, nil): return .widened
        case (nil, _?): return .narrowed
        case (let a?, let b?):
            if wider[a] == b { return .widened }
            if wider[b] == a { return .narrowed }
            return .unrelated
        default: return .unrelated
        }
    }

    private mutating func compareNullability(_ o: SchemaView, _ n: SchemaView, _ context: SchemaContext, _ at: Spot) {
        if o.nullable && !n.nullable {
            report(.becameNotNullable, context, "no longer accepts null", at)
        } else if !o.nullable && n.nullable {
            report(.becameNullable, context, "may now be null", at)
        }
    }

    // MARK: Enums, const, default

    private mutating func compareEnums(_ o: SchemaView, _ n: SchemaView, _ context: SchemaContext, _ at: Spot) {
        let request = context.direction == .request
        switch (o.enumValues, n.enumValues) {
        case (let ov?, let nv?):
            let removed = ov.filter { !nv.contains($0) }, added = nv.filter { !ov.contains($0) }
            if !removed.isEmpty {
                let detail = "no longer \(request ? "accepts" : "returns") \(removed.joined(separator: ", "))"
                if !request && context.place == .body {
                    // The reference tool names this one for the media type.
                    let field = context.field
                    emit(.body(.responseMediatypeEnumValueRemoved), context.path, Finding.subject(field) + " " + detail, field: field, detail: detail,
                         old: oldTable[at.old].location, new: newTable[at.new].location)
                } else {
                    report(.enumValueRemoved, context, detail, at)
                }
            }
            if !added.isEmpty {
                report(.enumValueAdded, context, "\(request ? "accepts" : "may return") \(added.joined(separator: ", "))", at)
            }
        case (nil, let nv?):
            report(.becameEnum, context, "now accepts only \(nv.joined(separator: ", "))", at)
        case (_?, nil) where !request:
            report(.enumValueAdded, context, "is no longer limited to its enum values", at)
        default:
            break
        }
        let oe = Self.extensibleEnum(o.schema), ne = Self.extensibleEnum(n.schema)
        if let oe, let ne {
            let removed = oe.filter { !ne.contains($0) }
            if !removed.isEmpty { report(.xExtensibleEnumValueRemoved, context, "no longer lists x-extensible-enum value \(removed.joined(separator: ", "))", at) }
        }
    }

    static func extensibleEnum(_ s: Schema) -> [String]? {
        guard !s.extensions.isEmpty, let node = s.extensions["x-extensible-enum"], node.kind == .sequence else { return nil }
        return node.elements.map { canonical($0) }
    }

    private mutating func compareValues(_ o: Schema, _ n: Schema, _ context: SchemaContext, _ at: Spot) {
        switch (o.const.map { canonical($0) }, n.const.map { canonical($0) }) {
        case (nil, let b?): report(.constAdded, context, "must now be \(b)", at)
        case (let a?, nil): report(.constRemoved, context, "is no longer always \(a)", at)
        case (let a?, let b?) where a != b: report(.constChanged, context, "const changed from \(a) to \(b)", at)
        default: break
        }
        switch (o.defaultValue.map { canonical($0) }, n.defaultValue.map { canonical($0) }) {
        case (nil, let b?): report(.defaultValueAdded, context, "gained the default \(b)", at)
        case (let a?, nil): report(.defaultValueRemoved, context, "lost its default \(a)", at)
        case (let a?, let b?) where a != b: report(.defaultValueChanged, context, "default changed from \(a) to \(b)", at)
        default: break
        }
    }
}

extension JSONTypeSet {
    /// Type names with the integer that `number` implies left out (`number`, not `integer|number`).
    var typeNamesWithoutImplied: [String] {
        var t = self
        if t.contains(.number) { t.remove(.integer) }
        return t.typeNames
    }
}
