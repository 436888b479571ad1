/// `unevaluatedProperties` and `unevaluatedItems` as JSON Schema 2020-12 defines them: through the annotations
/// that the schema's other keywords, and the subschemas applied in place (`allOf`, `anyOf`, `oneOf`, `if`/`then`/
/// `else`, `dependentSchemas`, `$ref`) that *validated*, produce at the same instance location. A schema without
/// these keywords never reaches this file, so annotation tracking costs nothing elsewhere.
extension ValidationRun {
    /// Properties (by name) or items (by index) that some keyword evaluated; `all` once one keyword took every
    /// remaining member (`additionalProperties`, `items`, a nested `unevaluated*`).
    struct Evaluated {
        var all = false
        /// Members (by position in the object) or items (by index): the first 64 as bits, the rest in a set, so
        /// no key becomes a `String` and small objects allocate nothing.
        private var low: UInt64 = 0
        private var high: Set<Int> = []

        mutating func insert(_ i: Int) {
            if i < 64 { low |= 1 << UInt64(i) } else { high.insert(i) }
        }

        func contains(_ i: Int) -> Bool {
            i < 64 ? low & (1 << UInt64(i)) != 0 : high.contains(i)
        }
    }

    mutating func checkUnevaluatedProperties(_ value: Ref, _ s: SchemaNode, _ unevaluated: SchemaOrBool<SchemaIndex>, depth: Int) {
        var seen = Evaluated()
        collectProperties(value, s, into: &seen, depth: depth, ownUnevaluated: false)
        if seen.all { return }
        for (i, (key, child)) in document.members(value).enumerated() {
            if seen.contains(i) { continue }
            path.append(.key(key))
            switch unevaluated {
            case .bool(false): report("unevaluatedProperties", "Property is not allowed", value: child)
            case .bool(true): break
            case .schema(let schema): check(child, schema, depth: depth + 1)
            }
            path.removeLast()
            if done { return }
        }
    }

    mutating func checkUnevaluatedItems(_ value: Ref, _ s: SchemaNode, _ unevaluated: SchemaOrBool<SchemaIndex>, count: Int, depth: Int) {
        var seen = Evaluated()
        collectItems(value, s, into: &seen, depth: depth, ownUnevaluated: false)
        if seen.all { return }
        var i = 0
        for element in document.elements(value) {
            defer { i += 1 }
            if seen.contains(i) { continue }
            path.append(.index(i))
            switch unevaluated {
            case .bool(false): report("unevaluatedItems", "Item \(i) is not allowed (no keyword of the schema accepts it)", value: element)
            case .bool(true): break
            case .schema(let schema): check(element, schema, depth: depth + 1)
            }
            path.removeLast()
            if done { return }
        }
    }

    /// Whether `value` validates against schema `index` (annotations come only from subschemas that do).
    mutating func validates(_ value: Ref, _ index: SchemaIndex, depth: Int) -> Bool {
        trial(value, index, depth: depth, stopAtFirst: true).isEmpty
    }

    /// The subschemas applied in place to the same value whose annotations count: every `allOf` member and
    /// `$ref` (the schema is taken as valid, as the caller reports its failures), `anyOf`/`oneOf` members and
    /// `if`/`then`/`else` branches that validated, `dependentSchemas` of present properties.
    mutating func inPlaceApplicators(_ value: Ref, _ s: SchemaNode, depth: Int) -> [SchemaIndex] {
        var applied: [SchemaIndex] = []
        if let ref = s.ref { applied.append(s.dynamicRef.flatMap(dynamicTarget) ?? ref) }
        applied += s.allOf
        for member in s.anyOf where validates(value, member, depth: depth + 1) { applied.append(member) }
        for member in s.oneOf where validates(value, member, depth: depth + 1) { applied.append(member) }
        if let condition = s.ifSchema {
            if validates(value, condition, depth: depth + 1) {
                applied.append(condition)
                if let then = s.thenSchema { applied.append(then) }
            } else if let otherwise = s.elseSchema, validates(value, otherwise, depth: depth + 1) {
                applied.append(otherwise)
            }
        }
        if document.kind(value) == .object {
            for (name, schema) in s.dependentSchemas where document.member(value, name) != nil { applied.append(schema) }
        }
        return applied
    }

    mutating func collectProperties(_ value: Ref, _ s: SchemaNode, into seen: inout Evaluated, depth: Int, ownUnevaluated: Bool = true) {
        guard depth < maxDepth, !seen.all, s.booleanSchema == nil else { return }
        if s.additionalProperties != nil || (ownUnevaluated && s.unevaluatedProperties != nil) {
            seen.all = true
            return
        }
        if !s.properties.isEmpty || !s.patternProperties.isEmpty {
            for (i, (key, _)) in document.members(value).enumerated() {
                if (!s.properties.isEmpty && Self.propertyPosition(s, key, in: document) >= 0)
                    || s.patternProperties.contains(where: { p in document.keyUTF8(key) { p.pattern.matches(utf8: $0) } }) {
                    seen.insert(i)
                }
            }
        }
        for applied in inPlaceApplicators(value, s, depth: depth) {
            unretained[applied]._withUnsafeGuaranteedRef { collectProperties(value, $0, into: &seen, depth: depth + 1) }
            if seen.all { return }
        }
    }

    mutating func collectItems(_ value: Ref, _ s: SchemaNode, into seen: inout Evaluated, depth: Int, ownUnevaluated: Bool = true) {
        guard depth < maxDepth, !seen.all, s.booleanSchema == nil else { return }
        if s.items != nil || (ownUnevaluated && s.unevaluatedItems != nil) {
            seen.all = true
            return
        }
        let count = document.count(value)
        for i in 0..<min(count, s.prefixItems.count) { seen.insert(i) }
        if let contains = s.contains {
            var i = 0
            for element in document.elements(value) {
                if validates(element, contains, depth: depth + 1) { seen.insert(i) }
                i += 1
            }
        }
        for applied in inPlaceApplicators(value, s, depth: depth) {
            unretained[applied]._withUnsafeGuaranteedRef { collectItems(value, $0, into: &seen, depth: depth + 1) }
            if seen.all { return }
        }
    }
}
