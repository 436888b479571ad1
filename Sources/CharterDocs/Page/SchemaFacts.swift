import CharterBase
import CharterRuntime
import CharterSpec
import CharterValidation

/// What a page says about one schema: a short type label and every constraint the validator enforces on it, as
/// words. One place decides them, for parameter tables and schema trees alike.
struct SchemaFacts {
    let document: Document

    /// `string`, `integer | null`, `array of Booking`, `Booking` (a reference shows its component's name).
    func typeLabel(_ id: SchemaID, depth: Int = 0) -> String {
        let schema = document[id]
        if let ref = schema.ref {
            if let name = ref.componentName { return name + (schema.isNullable ? " | null" : "") }
            if let target = ref.target, depth < 8 { return typeLabel(target, depth: depth + 1) }
            return "any"
        }
        if let boolean = schema.booleanValue { return boolean ? "any" : "nothing" }
        // `null` last: `string | null` reads as "a string, or nothing".
        var names = schema.types.map { types in (JSONTypeSet.names.dropFirst() + JSONTypeSet.names.prefix(1)).filter { types.contains($0.1) }.map(\.0) } ?? []
        if names.contains("array"), let items = schema.items, depth < 8 {
            names = names.map { $0 == "array" ? "array of " + typeLabel(items, depth: depth + 1) : $0 }
        }
        if names.isEmpty {
            // A composition of one member is that member (Stripe wraps nullable references so).
            if schema.oneOf.count == 1, depth < 8 { names = [typeLabel(schema.oneOf[0], depth: depth + 1)] }
            else if schema.anyOf.count == 1, depth < 8 { names = [typeLabel(schema.anyOf[0], depth: depth + 1)] }
            else if !schema.oneOf.isEmpty { names = ["one of \(schema.oneOf.count)"] }
            else if !schema.anyOf.isEmpty { names = ["any of \(schema.anyOf.count)"] }
            else if !schema.allOf.isEmpty {
                // Members that only describe (`allOf: [{$ref: X}, {description: …}]`) leave the label X's.
                let members = document.constrainingAllOf(schema)
                if members.count == 1, depth < 8 { names = [typeLabel(members[0], depth: depth + 1)] }
                else { names = [members.isEmpty ? "any" : "all of \(members.count)"] }
            }
            else if !schema.properties.isEmpty { names = ["object"] }
            else if schema.enumValues != nil || schema.const != nil { names = ["value"] }
            else { names = ["any"] }
        }
        if schema.nullableComposition, !names.contains("null") { names.append("null") }
        return names.joined(separator: " | ")
    }

    /// Every constraint of the schema's own keywords, in words (`≥ 1`, `pattern ^[A-Z]{3}$`, `read-only`).
    func constraints(_ id: SchemaID) -> [String] {
        let s = document[id]
        var out: [String] = []
        if let format = s.format { out.append("format: \(format)") }
        if let values = s.enumValues { out.append("one of: " + values.map(literal).joined(separator: ", ")) }
        if let constant = s.const { out.append("equals: " + literal(constant)) }
        if let v = s.minimum { out.append("≥ \(v)") }
        if let v = s.exclusiveMinimum { out.append("> \(v)") }
        if let v = s.maximum { out.append("≤ \(v)") }
        if let v = s.exclusiveMaximum { out.append("< \(v)") }
        if let v = s.multipleOf { out.append("multiple of \(v)") }
        switch (s.minLength, s.maxLength) {
        case let (min?, max?) where min == max: out.append("exactly \(min) characters")
        case let (min?, max?): out.append("\(min)–\(max) characters")
        case let (min?, nil): out.append("at least \(min) characters")
        case let (nil, max?): out.append("at most \(max) characters")
        default: break
        }
        if let pattern = s.pattern { out.append("pattern: \(pattern)") }
        switch (s.minItems, s.maxItems) {
        case let (min?, max?): out.append("\(min)–\(max) items")
        case let (min?, nil): out.append("at least \(min) items")
        case let (nil, max?): out.append("at most \(max) items")
        default: break
        }
        if s.uniqueItems { out.append("items unique") }
        if s.contains != nil {
            let range = [s.minContains.map { "at least \($0)" }, s.maxContains.map { "at most \($0)" }].compactMap { $0 }
            out.append("contains " + (range.isEmpty ? "a matching item" : range.joined(separator: ", ") + " matching items"))
        }
        switch (s.minProperties, s.maxProperties) {
        case let (min?, max?): out.append("\(min)–\(max) properties")
        case let (min?, nil): out.append("at least \(min) properties")
        case let (nil, max?): out.append("at most \(max) properties")
        default: break
        }
        if case .bool(false)? = s.additionalProperties { out.append("no other properties") }
        if case .bool(false)? = s.unevaluatedProperties { out.append("no unevaluated properties") }
        for (name, required) in s.dependentRequired { out.append("with \(name): requires \(required.joined(separator: ", "))") }
        if s.propertyNames != nil { out.append("property names constrained") }
        if let media = s.contentMediaType { out.append("content: \(media)") }
        if let encoding = s.contentEncoding { out.append("encoding: \(encoding)") }
        if let value = s.defaultValue { out.append("default: " + literal(value)) }
        if s.isNullable, s.ref == nil, s.types == nil { out.append("nullable") }
        if s.readOnly { out.append("read-only") }
        if s.writeOnly { out.append("write-only") }
        if s.deprecated { out.append("deprecated") }
        return out
    }

    /// A node as the compact JSON text a reader would write (`"EUR"`, `20`, `[1,2]`).
    func literal(_ node: Node) -> String {
        let text = JSONValue(node).jsonText
        return text.count > 120 ? String(text.prefix(117)) + "…" : text
    }
}
