import CharterRuntime

/// Writes a compiled `SchemaSet` back out as Swift that rebuilds it, so generated code validates with the
/// same engine and the same compiled schemas as `SpecValidator` (one mechanism, no second validator).
enum SchemaTableEmitter {
    /// Statements building one `SchemaKeywords` value `k` (only non-default keywords are written).
    static func statements(_ s: SchemaNode) -> [String] {
        var out: [String] = []
        func set(_ field: String, _ value: String) { out.append("k.\(field) = \(value)") }
        if let v = s.name { set("name", SwiftNames.literal(v)) }
        if let v = s.dynamicRef { set("dynamicRef", SwiftNames.literal(v)) }
        if let v = s.resource { set("resource", "\(v)") }
        if !s.dynamicAnchors.isEmpty { set("dynamicAnchors", "[" + s.dynamicAnchors.map { "(\(SwiftNames.literal($0.name)), \($0.schema))" }.joined(separator: ", ") + "]") }
        if let v = s.booleanSchema { set("booleanSchema", "\(v)") }
        if let v = s.ref { set("ref", "\(v)") }
        if let v = s.types { set("types", "JSONTypeSet(rawValue: \(v.rawValue))") }
        if s.nullable { set("nullable", "true") }
        if let v = s.enumValues { set("enumValues", "[" + v.map(literal).joined(separator: ", ") + "]") }
        if let v = s.constValue { set("constValue", literal(v)) }
        if let v = s.minimum { set("minimum", bound(v)) }
        if let v = s.maximum { set("maximum", bound(v)) }
        if let v = s.exclusiveMinimum { set("exclusiveMinimum", bound(v)) }
        if let v = s.exclusiveMaximum { set("exclusiveMaximum", bound(v)) }
        if let v = s.multipleOf { set("multipleOf", bound(v)) }
        if let v = s.minLength { set("minLength", "\(v)") }
        if let v = s.maxLength { set("maxLength", "\(v)") }
        if let v = s.pattern { set("pattern", "try? Pattern(\(SwiftNames.literal(v.source)))") }
        if let v = s.format { set("format", "StringFormat(rawValue: \(SwiftNames.literal(v.rawValue)))") }
        if let v = s.integerFormat { set("integerFormat", "IntegerFormat(rawValue: \(SwiftNames.literal(v.rawValue)))") }
        if let v = s.minItems { set("minItems", "\(v)") }
        if let v = s.maxItems { set("maxItems", "\(v)") }
        if s.uniqueItems { set("uniqueItems", "true") }
        if let v = s.items { set("items", schemaOrBool(v)) }
        if !s.prefixItems.isEmpty { set("prefixItems", "\(s.prefixItems)") }
        if let v = s.contains { set("contains", "\(v)") }
        if let v = s.minContains { set("minContains", "\(v)") }
        if let v = s.maxContains { set("maxContains", "\(v)") }
        if let v = s.unevaluatedItems { set("unevaluatedItems", schemaOrBool(v)) }
        if let v = s.minProperties { set("minProperties", "\(v)") }
        if let v = s.maxProperties { set("maxProperties", "\(v)") }
        if !s.required.isEmpty { set("required", "[" + s.required.map(SwiftNames.literal).joined(separator: ", ") + "]") }
        if !s.properties.isEmpty { set("properties", "[" + s.properties.map { "(\(SwiftNames.literal($0.name)), \($0.schema))" }.joined(separator: ", ") + "]") }
        if let v = s.additionalProperties { set("additionalProperties", schemaOrBool(v)) }
        if !s.patternProperties.isEmpty {
            out.append("k.setPatternProperties([" + s.patternProperties.map { "(\(SwiftNames.literal($0.pattern.source)), \($0.schema))" }.joined(separator: ", ") + "])")
        }
        if let v = s.propertyNames { set("propertyNames", "\(v)") }
        if !s.dependentRequired.isEmpty {
            set("dependentRequired", "[" + s.dependentRequired.map { "(\(SwiftNames.literal($0.name)), [\($0.required.map(SwiftNames.literal).joined(separator: ", "))])" }.joined(separator: ", ") + "]")
        }
        if !s.dependentSchemas.isEmpty { set("dependentSchemas", "[" + s.dependentSchemas.map { "(\(SwiftNames.literal($0.name)), \($0.schema))" }.joined(separator: ", ") + "]") }
        if let v = s.unevaluatedProperties { set("unevaluatedProperties", schemaOrBool(v)) }
        if !s.allOf.isEmpty { set("allOf", "\(s.allOf)") }
        if !s.anyOf.isEmpty { set("anyOf", "\(s.anyOf)") }
        if !s.oneOf.isEmpty { set("oneOf", "\(s.oneOf)") }
        if let v = s.not { set("not", "\(v)") }
        if let v = s.ifSchema { set("ifSchema", "\(v)") }
        if let v = s.thenSchema { set("thenSchema", "\(v)") }
        if let v = s.elseSchema { set("elseSchema", "\(v)") }
        if let d = s.discriminator {
            let fallback = d.defaultSchema.map { ", defaultSchema: \($0)" } ?? ""
            set("discriminator", "SchemaKeywords.Discriminator(propertyName: \(SwiftNames.literal(d.propertyName)), mapping: [" + d.mapping.map { "(\(SwiftNames.literal($0.value)), \($0.schema))" }.joined(separator: ", ") + "]\(fallback))")
        }
        if s.readOnly { set("readOnly", "true") }
        if s.writeOnly { set("writeOnly", "true") }
        if let v = s.defaultValue { set("defaultValue", literal(v)) }
        if let v = s.xml { set("xml", xmlNaming(v)) }
        return out
    }

    static func xmlNaming(_ v: XMLNaming) -> String {
        var arguments: [String] = []
        if let name = v.name { arguments.append("name: \(SwiftNames.literal(name))") }
        if let namespace = v.namespace { arguments.append("namespace: \(SwiftNames.literal(namespace))") }
        if let prefix = v.prefix { arguments.append("prefix: \(SwiftNames.literal(prefix))") }
        if let nodeType = v.nodeType { arguments.append("nodeType: .\(nodeType.rawValue)") }
        if v.wrapped { arguments.append("wrapped: true") }
        return "XMLNaming(" + arguments.joined(separator: ", ") + ")"
    }

    static func schemaOrBool(_ v: SchemaOrBool<SchemaIndex>) -> String {
        switch v {
        case .bool(let b): ".bool(\(b))"
        case .schema(let i): ".schema(\(i))"
        }
    }

    static func number(_ n: JSONNumber) -> String {
        if let i = n.integer, n.literal == nil { return "JSONNumber(Int64(\(i)))" }
        let double = n.double.isFinite ? "\(n.double)" : (n.double > 0 ? ".infinity" : "-.infinity")
        let integer = n.integer.map { "\($0)" } ?? "nil"
        return "JSONNumber(literal: \(SwiftNames.literal(n.literal ?? n.description)), double: \(double), integer: \(integer))"
    }

    static func bound(_ b: NumericBound) -> String {
        "NumericBound(\(number(b.value)), text: \(SwiftNames.literal(b.text)))"
    }

    static func literal(_ v: JSONValue) -> String {
        switch v {
        case .null: ".null"
        case .bool(let b): ".bool(\(b))"
        case .number(let n): ".number(\(number(n)))"
        case .string(let s): ".string(\(SwiftNames.literal(s)))"
        case .array(let a): ".array([" + a.map(literal).joined(separator: ", ") + "])"
        case .object(let o): ".object(JSONObject([" + o.entries.map { "(\(SwiftNames.literal($0.key)), \(literal($0.value)))" }.joined(separator: ", ") + "]))"
        }
    }

    /// The schema table as files: `Schemas.swift` declares the namespace and the set; the tables themselves
    /// go into `SchemaTable<N>.swift` files of `perFile` schemas each, so large specs compile in parallel.
    static func files(_ set: SchemaSet, access: String, header: String, perFile: Int = 800, perFunction: Int = 400) -> [(name: String, body: String)] {
        let chunks = stride(from: 0, to: set.count, by: perFunction).map { $0..<min($0 + perFunction, set.count) }
        var main: [String] = []
        main.append("/// The spec's schemas, compiled for validation (the same tables `SpecValidator` builds from the spec).")
        main.append("\(access) enum APISchemas {")
        main.append("    \(access) static let set = SchemaSet(keywords())")
        main.append("    \(access) static let validator = Validator(schemas: set)")
        main.append("")
        main.append("    static func keywords() -> [SchemaKeywords] {")
        main.append("        var all: [SchemaKeywords] = []")
        main.append("        all.reserveCapacity(\(set.count))")
        for i in chunks.indices { main.append("        part\(i)(&all)") }
        main.append("        return all")
        main.append("    }")
        main.append("}")
        var files = [(name: "Schemas.swift", body: header + main.joined(separator: "\n") + "\n")]
        let functionsPerFile = max(1, perFile / perFunction)
        for fileIndex in stride(from: 0, to: chunks.count, by: functionsPerFile) {
            var lines: [String] = ["extension APISchemas {"]
            for i in fileIndex..<min(fileIndex + functionsPerFile, chunks.count) {
                if i > fileIndex { lines.append("") }
                lines.append("    static func part\(i)(_ all: inout [SchemaKeywords]) {")
                lines.append("        var k = SchemaKeywords()")
                for index in chunks[i] {
                    lines.append("        // #\(index)")
                    lines.append("        k = SchemaKeywords()")
                    for statement in statements(set[index]) { lines.append("        " + statement) }
                    lines.append("        all.append(k)")
                }
                lines.append("    }")
            }
            lines.append("}")
            files.append((name: "SchemaTable\(fileIndex / functionsPerFile + 1).swift", body: header + lines.joined(separator: "\n") + "\n"))
        }
        return files
    }
}
