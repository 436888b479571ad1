import CharterSpec

/// The JSON Schema 2020-12 structure keywords: additionalProperties, prefixItems, if/then/else, contains,
/// dependentRequired, dependentSchemas, patternProperties, propertyNames, unevaluated*, content*.
/// Each keyword added restricts (breaking for requests), removed loosens (breaking for responses); the
/// subschemas of keywords both versions have are compared in turn.
extension DiffRun {
    mutating func compareStructure(_ o: Schema, _ n: Schema, _ context: SchemaContext, _ at: Spot, depth: Int) {
        compareAdditionalProperties(o, n, context, at, depth: depth)
        presence(o.ifSchema, n.ifSchema, "if", context, at, added: .ifAdded, removed: .ifRemoved)
        presence(o.thenSchema, n.thenSchema, "then", context, at, added: .thenAdded, removed: .thenRemoved)
        presence(o.elseSchema, n.elseSchema, "else", context, at, added: .elseAdded, removed: .elseRemoved)
        if o.ifSchema != nil && n.ifSchema != nil {
            compareSchema(o.thenSchema, n.thenSchema, context.member("/then", place: context.place), depth: depth + 1)
            compareSchema(o.elseSchema, n.elseSchema, context.member("/else", place: context.place), depth: depth + 1)
        }
        compareArrayStructure(o, n, context, at, depth: depth)
        compareObjectStructure(o, n, context, at, depth: depth)
        presence(o.contentSchema, n.contentSchema, "contentSchema", context, at, added: .contentSchemaAdded, removed: .contentSchemaRemoved)
        compareSchema(o.contentSchema, n.contentSchema, context.nested("/contentSchema", field: "(content)"), depth: depth + 1)
        if o.contentMediaType != n.contentMediaType {
            report(.contentMediaTypeChanged, context, "contentMediaType changed from \(o.contentMediaType ?? "none") to \(n.contentMediaType ?? "none")", at)
        }
        if o.contentEncoding != n.contentEncoding {
            report(.contentEncodingChanged, context, "contentEncoding changed from \(o.contentEncoding ?? "none") to \(n.contentEncoding ?? "none")", at)
        }
    }

    private mutating func presence(_ o: SchemaID?, _ n: SchemaID?, _ keyword: String, _ context: SchemaContext, _ at: Spot,
                                   added: SchemaRule, removed: SchemaRule) {
        if o == nil, n != nil { report(added, context, "gained \(keyword)", at, pointer: "/" + keyword) }
        if o != nil, n == nil { report(removed, context, "lost \(keyword)", at, pointer: "/" + keyword) }
    }

    /// A schema that accepts anything: absent, `true` or `{}`.
    private func isOpen(_ value: SchemaOrBool<SchemaID>?, in document: SchemaTable) -> Bool {
        switch value {
        case nil, .bool(true)?: return true
        case .bool(false)?: return false
        case .schema(let id)?: return document.acceptsAnything(id)
        }
    }

    private mutating func compareAdditionalProperties(_ o: Schema, _ n: Schema, _ context: SchemaContext, _ at: Spot, depth: Int) {
        let wasOpen = isOpen(o.additionalProperties, in: oldTable), isNowOpen = isOpen(n.additionalProperties, in: newTable)
        if case .schema(let a)? = o.additionalProperties, case .schema(let b)? = n.additionalProperties {
            compareSchema(a, b, context.nested("/additionalProperties", field: "*"), depth: depth + 1)
        } else if wasOpen && !isNowOpen {
            report(.additionalPropertiesDisallowed, context, "no longer accepts any undeclared property", at, pointer: "/additionalProperties")
        } else if !wasOpen && isNowOpen {
            report(.additionalPropertiesAllowed, context, "may carry undeclared properties", at, pointer: "/additionalProperties")
        } else if case .bool(false)? = o.additionalProperties, case .schema = n.additionalProperties {
            report(.additionalPropertiesAllowed, context, "may carry undeclared properties", at, pointer: "/additionalProperties")
        }
        presenceOf(o.unevaluatedProperties, n.unevaluatedProperties, "unevaluatedProperties", context, at,
                   added: .unevaluatedPropertiesAdded, removed: .unevaluatedPropertiesRemoved)
    }

    /// unevaluated*: `true` says nothing, so it counts as absent.
    private mutating func presenceOf(_ o: SchemaOrBool<SchemaID>?, _ n: SchemaOrBool<SchemaID>?, _ keyword: String, _ context: SchemaContext, _ at: Spot,
                                     added: SchemaRule, removed: SchemaRule) {
        let had = !isOpen(o, in: oldTable), has = !isOpen(n, in: newTable)
        if !had && has { report(added, context, "gained \(keyword)", at, pointer: "/" + keyword) }
        if had && !has { report(removed, context, "lost \(keyword)", at, pointer: "/" + keyword) }
    }

    private mutating func compareArrayStructure(_ o: Schema, _ n: Schema, _ context: SchemaContext, _ at: Spot, depth: Int) {
        if n.prefixItems.count > o.prefixItems.count {
            report(.prefixItemsAdded, context, "prefixItems grew from \(o.prefixItems.count) to \(n.prefixItems.count) positions", at, pointer: "/prefixItems")
        } else if n.prefixItems.count < o.prefixItems.count {
            report(.prefixItemsRemoved, context, "prefixItems shrank from \(o.prefixItems.count) to \(n.prefixItems.count) positions", at, pointer: "/prefixItems")
        }
        for (i, (a, b)) in zip(o.prefixItems, n.prefixItems).enumerated() {
            compareSchema(a, b, context.nested("/prefixItems/\(i)", field: "[\(i)]"), depth: depth + 1)
        }
        let itemsFalse = n.items.map { newTable[$0].booleanValue == false } ?? false
        let wasFalse = o.items.map { oldTable[$0].booleanValue == false } ?? false
        if itemsFalse && !wasFalse { report(.itemsBecameFalse, context, "no longer accepts items beyond its prefixItems", at, pointer: "/items") }
        presence(o.contains, n.contains, "contains", context, at, added: .containsAdded, removed: .containsRemoved)
        if o.contains != nil && n.contains != nil {
            compareSchema(o.contains, n.contains, context.nested("/contains", field: "[contains]"), depth: depth + 1)
            let (a, b) = (o.minContains ?? 1, n.minContains ?? 1)
            if b > a { report(.minContainsIncreased, context, "minContains went from \(a) to \(b)", at) }
            if b < a { report(.minContainsDecreased, context, "minContains went from \(a) to \(b)", at) }
            switch (o.maxContains, n.maxContains) {
            case (nil, let y?): report(.maxContainsDecreased, context, "maxContains was set to \(y)", at)
            case (let x?, nil): report(.maxContainsIncreased, context, "maxContains \(x) was removed", at)
            case (let x?, let y?) where y < x: report(.maxContainsDecreased, context, "maxContains went from \(x) to \(y)", at)
            case (let x?, let y?) where y > x: report(.maxContainsIncreased, context, "maxContains went from \(x) to \(y)", at)
            default: break
            }
        }
        presenceOf(o.unevaluatedItems, n.unevaluatedItems, "unevaluatedItems", context, at, added: .unevaluatedItemsAdded, removed: .unevaluatedItemsRemoved)
    }

    private mutating func compareObjectStructure(_ o: Schema, _ n: Schema, _ context: SchemaContext, _ at: Spot, depth: Int) {
        let requiredAfter = Dictionary(n.dependentRequired.map { ($0.name, Set($0.required)) }, uniquingKeysWith: { a, _ in a })
        for (name, list) in o.dependentRequired {
            guard let after = requiredAfter[name] else {
                report(.dependentRequiredRemoved, context, "no longer requires \(list.joined(separator: ", ")) with \(name)", at, pointer: "/dependentRequired")
                continue
            }
            if after != Set(list) {
                report(.dependentRequiredChanged, context, "with \(name) now requires \(after.sorted().joined(separator: ", ")) instead of \(list.joined(separator: ", "))",
                       at, pointer: "/dependentRequired")
            }
        }
        for (name, list) in n.dependentRequired where !o.dependentRequired.contains(where: { $0.name == name }) {
            report(.dependentRequiredAdded, context, "with \(name) now requires \(list.joined(separator: ", "))", at, pointer: "/dependentRequired")
        }
        keyed(o.dependentSchemas, n.dependentSchemas, "dependentSchemas", context, at, depth: depth, added: .dependentSchemaAdded, removed: .dependentSchemaRemoved)
        keyed(o.patternProperties.map { ($0.pattern, $0.schema) }, n.patternProperties.map { ($0.pattern, $0.schema) }, "patternProperties",
              context, at, depth: depth, added: .patternPropertyAdded, removed: .patternPropertyRemoved)
        presence(o.propertyNames, n.propertyNames, "propertyNames", context, at, added: .propertyNamesAdded, removed: .propertyNamesRemoved)
        compareSchema(o.propertyNames, n.propertyNames, context.nested("/propertyNames", field: "(names)"), depth: depth + 1)
    }

    /// Keyword entries matched by key; those in both compared.
    private mutating func keyed(_ o: [(name: String, schema: SchemaID)], _ n: [(name: String, schema: SchemaID)], _ keyword: String,
                                _ context: SchemaContext, _ at: Spot, depth: Int, added: SchemaRule, removed: SchemaRule) {
        let after = Dictionary(n.map { ($0.name, $0.schema) }, uniquingKeysWith: { a, _ in a })
        for (key, a) in o {
            guard let b = after[key] else {
                report(removed, context, "lost the \(keyword) entry \(key)", at, pointer: "/" + keyword)
                continue
            }
            compareSchema(a, b, context.nested("/\(keyword)/" + pointerToken(key), field: key), depth: depth + 1)
        }
        for (key, _) in n where !o.contains(where: { $0.name == key }) {
            report(added, context, "gained the \(keyword) entry \(key)", at, pointer: "/" + keyword)
        }
    }
}
