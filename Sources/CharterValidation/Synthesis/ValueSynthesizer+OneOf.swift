import CharterRuntime

extension ValueSynthesizer {
    /// A value drawn for one `oneOf` branch that another branch accepts too — open objects overlap (Vonage's `SMS` and
    /// `Error` each accept the other's values; ReadMe's error variants differ only in an enum) — changed so that the
    /// other branch refuses it while `chosen` still accepts it: a property the other requires and `chosen` does not
    /// is left out, a property the other constrains and `chosen` does not declare gets a value the other refuses, or
    /// the same is done inside a property (or the first item) both declare. Nil when no such change was found.
    mutating func distinguished(_ value: JSONValue, keep chosen: SchemaIndex, from other: SchemaIndex, depth: Int = 0) -> JSONValue? {
        guard depth < 6 else { return nil }
        func separates(_ candidate: JSONValue) -> Bool {
            validator.validate(candidate, against: chosen, direction: direction).isEmpty
                && !validator.validate(candidate, against: other, direction: direction).isEmpty
        }
        switch value {
        case .object(let object):
            let mine = declared(chosen), theirs = declared(other)
            let required = requiredNames(chosen)
            for name in requiredNames(other).sorted() where object[name] != nil && !required.contains(name) {
                var candidate = object
                candidate[name] = nil
                if separates(.object(candidate)) { return .object(candidate) }
            }
            for (name, schema) in theirs where mine[name] == nil {
                for wrong in refusedValues(schema) {
                    var candidate = object
                    candidate[name] = wrong
                    if separates(.object(candidate)) { return .object(candidate) }
                }
            }
            for (name, member) in object.entries {
                guard let a = mine[name], let b = theirs[name], let changed = distinguished(member, keep: a, from: b, depth: depth + 1) else { continue }
                var candidate = object
                candidate[name] = changed
                if separates(.object(candidate)) { return .object(candidate) }
            }
            return nil
        case .array(var items):
            guard !items.isEmpty, let a = itemSchema(of: chosen), let b = itemSchema(of: other),
                  let changed = distinguished(items[0], keep: a, from: b, depth: depth + 1) else { return nil }
            items[0] = changed
            return separates(.array(items)) ? .array(items) : nil
        default:
            return nil
        }
    }

    /// The schemas `index` and what it references or combines with `allOf` (their properties apply together).
    private func layers(_ index: SchemaIndex) -> [SchemaNode] {
        var result: [SchemaNode] = []
        var pending = [index]
        var seen = Set<SchemaIndex>()
        while let next = pending.popLast(), result.count < 32 {
            guard next >= 0, next < schemas.count, seen.insert(next).inserted else { continue }
            let node = schemas[next]
            result.append(node)
            pending += node.allOf + [node.ref].compactMap { $0 }
        }
        return result
    }

    private func declared(_ index: SchemaIndex) -> [String: SchemaIndex] {
        var result: [String: SchemaIndex] = [:]
        for node in layers(index) {
            for (name, schema) in node.properties where result[name] == nil { result[name] = schema }
        }
        return result
    }

    private func requiredNames(_ index: SchemaIndex) -> Set<String> {
        Set(layers(index).flatMap(\.required))
    }

    private func itemSchema(of index: SchemaIndex) -> SchemaIndex? {
        for node in layers(index) { if case .schema(let items)? = node.items { return items } }
        return nil
    }

    /// Values the schema refuses: of a type it does not allow, or a string outside its enum.
    private func refusedValues(_ index: SchemaIndex) -> [JSONValue] {
        var types: JSONTypeSet = []
        var enumerated = false
        for node in layers(index) {
            if let t = node.types { types.formUnion(t) }
            if node.enumValues != nil { enumerated = true }
        }
        var result: [JSONValue] = []
        if enumerated { result.append(.string("charter-mock-other")) }
        guard !types.isEmpty else { return result }
        let candidates: [(JSONTypeSet, JSONValue)] = [
            (.string, .string("x")), (.integer, .number(JSONNumber(7))), (.boolean, .bool(true)), (.object, .object(JSONObject())),
            (.array, .array([])),
        ]
        for (type, value) in candidates where !types.contains(type) && !(type == .integer && types.contains(.number)) {
            result.append(value)
        }
        return result
    }
}
