/// A light structural check of a literal value (a default or example) against a schema: types, enum,
/// const, bounds, lengths, sizes, required and nested properties/items. Depth-bounded.
struct SchemaConformance {
    let document: Document
    let maxDepth = 32

    func firstViolation(of value: Node, against id: SchemaID) -> String? {
        violation(value, id, path: "", depth: 0)
    }

    private func jsonType(_ node: Node) -> JSONTypes {
        switch node.kind {
        case .mapping: return .object
        case .sequence: return .array
        case .scalar:
            switch node.scalarType ?? .string {
            case .null: return .null
            case .bool: return .boolean
            case .integer: return [.integer, .number]
            case .float:
                if let d = node.double, d == d.rounded(), d.isFinite { return [.integer, .number] }
                return .number
            case .string: return .string
            }
        }
    }

    private func violation(_ value: Node, _ start: SchemaID, path: String, depth: Int) -> String? {
        guard depth < maxDepth else { return nil }
        let type = jsonType(value)
        // `nullable: true` beside a $ref allows null whatever the target says.
        var current = document[start]
        for _ in 0..<64 {
            if type == .null && current.isNullable { return nil }
            guard let next = current.ref?.target else { break }
            current = document[next]
        }
        let schema = current
        let at = path.isEmpty ? "" : " at \(path)"
        if schema.booleanValue == false { return "no value is allowed\(at)" }
        if let types = schema.types, types.intersection(type).isEmpty {
            return "expected \(types.typeNames.joined(separator: " or ")), found \(value.kindDescription)\(at)"
        }
        if let values = schema.enumValues, !values.contains(where: { Self.equal($0, value) }) {
            return "\(value.kindDescription) is not one of the enum values\(at)"
        }
        if let c = schema.const, !Self.equal(c, value) { return "\(value.kindDescription) is not the const value\(at)" }
        if let d = value.double, value.scalarType == .integer || value.scalarType == .float {
            if let m = schema.minimum, d < m.value { return "\(value.text ?? "") is less than minimum \(m)\(at)" }
            if let m = schema.maximum, d > m.value { return "\(value.text ?? "") is greater than maximum \(m)\(at)" }
            if let m = schema.exclusiveMinimum, d <= m.value { return "\(value.text ?? "") is not greater than \(m)\(at)" }
            if let m = schema.exclusiveMaximum, d >= m.value { return "\(value.text ?? "") is not less than \(m)\(at)" }
        }
        if value.scalarType == .string, let s = value.text {
            let n = s.unicodeScalars.count
            if let m = schema.minLength, n < m { return "string is shorter than minLength \(m)\(at)" }
            if let m = schema.maxLength, n > m { return "string is longer than maxLength \(m)\(at)" }
        }
        if value.kind == .sequence {
            let n = value.elements.count
            if let m = schema.minItems, n < m { return "array has fewer than \(m) items\(at)" }
            if let m = schema.maxItems, n > m { return "array has more than \(m) items\(at)" }
            if let items = schema.items {
                for (i, element) in value.elements.enumerated().dropFirst(schema.prefixItems.count) {
                    if let v = violation(element, items, path: "\(path)[\(i)]", depth: depth + 1) { return v }
                }
            }
        }
        if value.kind == .mapping {
            for name in schema.required where value[name] == nil { return "required property '\(name)' is missing\(at)" }
            for (name, sub) in schema.properties {
                if let child = value[name], let v = violation(child, sub, path: path.isEmpty ? name : "\(path).\(name)", depth: depth + 1) { return v }
            }
            if case .bool(false) = schema.additionalProperties, schema.patternProperties.isEmpty {
                let known = Set(schema.properties.map(\.name))
                if let extra = value.entries.first(where: { !known.contains($0.key) }) {
                    return "property '\(extra.key)' is not allowed\(at)"
                }
            }
        }
        for member in schema.allOf {
            if let v = violation(value, member, path: path, depth: depth + 1) { return v }
        }
        return nil
    }

    /// JSON equality of two literal nodes (numbers by value, mappings unordered).
    static func equal(_ a: Node, _ b: Node) -> Bool {
        switch (a.kind, b.kind) {
        case (.scalar, .scalar):
            let ta = a.scalarType ?? .string, tb = b.scalarType ?? .string
            let numeric: Set<ScalarType> = [.integer, .float]
            if numeric.contains(ta) && numeric.contains(tb) { return a.double == b.double }
            return ta == tb && a.text == b.text
        case (.sequence, .sequence):
            return a.elements.count == b.elements.count && zip(a.elements, b.elements).allSatisfy { equal($0, $1) }
        case (.mapping, .mapping):
            return a.entries.count == b.entries.count && a.entries.allSatisfy { e in b[e.key].map { equal(e.value, $0) } ?? false }
        default:
            return false
        }
    }
}
