/// The schema table as generated code carries it: a JSON array with one object per schema, each keyword under its
/// `SchemaKeywords` name and only when set (`{"types":4,"required":["id"],"properties":[["id",12]]}`).
///
/// Data rather than Swift: written as statements (`k.required = ["id"]`), Stripe's 18,000 schemas were 88,000
/// lines that every build type-checked and lowered; a string literal costs the compiler next to nothing, and
/// decoding it when the validator is first used takes milliseconds. Encoder and decoder live side by side so they
/// cannot drift; a round trip is tested against the spec's own compilation (`SchemaNode.fingerprint`).
@_spi(Generated) public enum SchemaTableCoding {
    /// One schema's line of the table.
    public static func line(_ s: SchemaNode) -> String {
        var o: [(key: String, value: JSONValue)] = []
        func int(_ v: Int) -> JSONValue { .number(JSONNumber(v)) }
        func ints(_ v: [Int]) -> JSONValue { .array(v.map(int)) }
        func strings(_ v: [String]) -> JSONValue { .array(v.map(JSONValue.string)) }
        func pairs(_ v: [(String, Int)]) -> JSONValue { .array(v.map { .array([.string($0.0), int($0.1)]) }) }
        func either(_ v: SchemaOrBool<SchemaIndex>) -> JSONValue {
            switch v {
            case .bool(let b): .bool(b)
            case .schema(let i): int(i)
            }
        }
        // A bound written as the spec wrote it keeps its text only when that is not the number's own.
        func bound(_ b: NumericBound) -> JSONValue {
            b.text == b.value.description ? .number(b.value) : .array([.number(b.value), .string(b.text)])
        }
        func set(_ key: String, _ value: JSONValue?) { if let value { o.append((key, value)) } }
        set("name", s.name.map(JSONValue.string))
        set("dynamicRef", s.dynamicRef.map(JSONValue.string))
        set("resource", s.resource.map(int))
        if !s.dynamicAnchors.isEmpty { set("dynamicAnchors", pairs(s.dynamicAnchors.map { ($0.name, $0.schema) })) }
        set("booleanSchema", s.booleanSchema.map(JSONValue.bool))
        set("ref", s.ref.map(int))
        set("types", s.types.map { int(Int($0.rawValue)) })
        if s.nullable { set("nullable", .bool(true)) }
        set("enumValues", s.enumValues.map(JSONValue.array))
        set("constValue", s.constValue)
        set("minimum", s.minimum.map(bound))
        set("maximum", s.maximum.map(bound))
        set("exclusiveMinimum", s.exclusiveMinimum.map(bound))
        set("exclusiveMaximum", s.exclusiveMaximum.map(bound))
        set("multipleOf", s.multipleOf.map(bound))
        set("minLength", s.minLength.map(int))
        set("maxLength", s.maxLength.map(int))
        set("pattern", s.pattern.map { .string($0.source) })
        set("format", s.format.map { .string($0.rawValue) })
        set("integerFormat", s.integerFormat.map { .string($0.rawValue) })
        set("minItems", s.minItems.map(int))
        set("maxItems", s.maxItems.map(int))
        if s.uniqueItems { set("uniqueItems", .bool(true)) }
        set("items", s.items.map(either))
        if !s.prefixItems.isEmpty { set("prefixItems", ints(s.prefixItems)) }
        set("contains", s.contains.map(int))
        set("minContains", s.minContains.map(int))
        set("maxContains", s.maxContains.map(int))
        set("unevaluatedItems", s.unevaluatedItems.map(either))
        set("minProperties", s.minProperties.map(int))
        set("maxProperties", s.maxProperties.map(int))
        if !s.required.isEmpty { set("required", strings(s.required)) }
        if !s.properties.isEmpty { set("properties", pairs(s.properties.map { ($0.name, $0.schema) })) }
        set("additionalProperties", s.additionalProperties.map(either))
        if !s.patternProperties.isEmpty { set("patternProperties", pairs(s.patternProperties.map { ($0.pattern.source, $0.schema) })) }
        set("propertyNames", s.propertyNames.map(int))
        if !s.dependentRequired.isEmpty {
            set("dependentRequired", .array(s.dependentRequired.map { .array([.string($0.name), strings($0.required)]) }))
        }
        if !s.dependentSchemas.isEmpty { set("dependentSchemas", pairs(s.dependentSchemas.map { ($0.name, $0.schema) })) }
        set("unevaluatedProperties", s.unevaluatedProperties.map(either))
        if !s.allOf.isEmpty { set("allOf", ints(s.allOf)) }
        if !s.anyOf.isEmpty { set("anyOf", ints(s.anyOf)) }
        if !s.oneOf.isEmpty { set("oneOf", ints(s.oneOf)) }
        set("not", s.not.map(int))
        set("ifSchema", s.ifSchema.map(int))
        set("thenSchema", s.thenSchema.map(int))
        set("elseSchema", s.elseSchema.map(int))
        if let d = s.discriminator {
            var entries: [(key: String, value: JSONValue)] = [("propertyName", .string(d.propertyName)), ("mapping", pairs(d.mapping.map { ($0.value, $0.schema) }))]
            if let fallback = d.defaultSchema { entries.append(("defaultSchema", int(fallback))) }
            set("discriminator", .object(JSONObject(entries)))
        }
        if s.readOnly { set("readOnly", .bool(true)) }
        if s.writeOnly { set("writeOnly", .bool(true)) }
        set("defaultValue", s.defaultValue)
        if let x = s.xml {
            var entries: [(key: String, value: JSONValue)] = []
            if let name = x.name { entries.append(("name", .string(name))) }
            if let namespace = x.namespace { entries.append(("namespace", .string(namespace))) }
            if let prefix = x.prefix { entries.append(("prefix", .string(prefix))) }
            if let nodeType = x.nodeType { entries.append(("nodeType", .string(nodeType.rawValue))) }
            if x.wrapped { entries.append(("wrapped", .bool(true))) }
            set("xml", .object(JSONObject(entries)))
        }
        return JSONValue.object(JSONObject(o)).jsonText
    }

    /// The keywords of every schema in `chunks` (each a JSON array of schema objects), in order.
    ///
    /// Generated tables always decode; a chunk or an entry that does not (a generated file edited by hand) becomes
    /// schemas that refuse every value, so validation fails closed and says why rather than passing silently.
    public static func decode(_ chunks: [String]) -> [SchemaKeywords] {
        var all: [SchemaKeywords] = []
        var limits = JSONParseLimits(maxDepth: 1_024)
        limits.maxStringLength = Int(Int32.max)
        for chunk in chunks {
            guard let tape = try? JSONTape(parsing: Array(chunk.utf8), limits: limits), case .array(let entries) = tape.value else {
                all.append(damaged)
                continue
            }
            for entry in entries { all.append(keywords(entry) ?? damaged) }
        }
        return all
    }

    /// What an entry that does not decode stands for.
    static var damaged: SchemaKeywords {
        var k = SchemaKeywords()
        k.name = "a damaged entry of the generated schema table (regenerate the code)"
        k.booleanSchema = false
        return k
    }

    static func keywords(_ value: JSONValue) -> SchemaKeywords? {
        guard case .object(let object) = value else { return nil }
        var k = SchemaKeywords()
        for (key, v) in object.entries {
            switch key {
            case "name": guard let x = string(v) else { return nil }; k.name = x
            case "dynamicRef": guard let x = string(v) else { return nil }; k.dynamicRef = x
            case "resource": guard let x = int(v) else { return nil }; k.resource = x
            case "dynamicAnchors": guard let x = pairs(v) else { return nil }; k.dynamicAnchors = x.map { ($0.0, $0.1) }
            case "booleanSchema": guard case .bool(let x) = v else { return nil }; k.booleanSchema = x
            case "ref": guard let x = int(v) else { return nil }; k.ref = x
            case "types": guard let x = int(v), let raw = UInt8(exactly: x) else { return nil }; k.types = JSONTypeSet(rawValue: raw)
            case "nullable": guard case .bool(let x) = v else { return nil }; k.nullable = x
            case "enumValues": guard case .array(let x) = v else { return nil }; k.enumValues = x
            case "constValue": k.constValue = v
            case "minimum": guard let x = bound(v) else { return nil }; k.minimum = x
            case "maximum": guard let x = bound(v) else { return nil }; k.maximum = x
            case "exclusiveMinimum": guard let x = bound(v) else { return nil }; k.exclusiveMinimum = x
            case "exclusiveMaximum": guard let x = bound(v) else { return nil }; k.exclusiveMaximum = x
            case "multipleOf": guard let x = bound(v) else { return nil }; k.multipleOf = x
            case "minLength": guard let x = int(v) else { return nil }; k.minLength = x
            case "maxLength": guard let x = int(v) else { return nil }; k.maxLength = x
            case "pattern": guard let x = string(v), let p = try? Pattern(x) else { return nil }; k.pattern = p
            case "format": guard let x = string(v), let f = StringFormat(rawValue: x) else { return nil }; k.format = f
            case "integerFormat": guard let x = string(v), let f = IntegerFormat(rawValue: x) else { return nil }; k.integerFormat = f
            case "minItems": guard let x = int(v) else { return nil }; k.minItems = x
            case "maxItems": guard let x = int(v) else { return nil }; k.maxItems = x
            case "uniqueItems": guard case .bool(let x) = v else { return nil }; k.uniqueItems = x
            case "items": guard let x = either(v) else { return nil }; k.items = x
            case "prefixItems": guard let x = ints(v) else { return nil }; k.prefixItems = x
            case "contains": guard let x = int(v) else { return nil }; k.contains = x
            case "minContains": guard let x = int(v) else { return nil }; k.minContains = x
            case "maxContains": guard let x = int(v) else { return nil }; k.maxContains = x
            case "unevaluatedItems": guard let x = either(v) else { return nil }; k.unevaluatedItems = x
            case "minProperties": guard let x = int(v) else { return nil }; k.minProperties = x
            case "maxProperties": guard let x = int(v) else { return nil }; k.maxProperties = x
            case "required": guard let x = strings(v) else { return nil }; k.required = x
            case "properties": guard let x = pairs(v) else { return nil }; k.properties = x.map { ($0.0, $0.1) }
            case "additionalProperties": guard let x = either(v) else { return nil }; k.additionalProperties = x
            case "patternProperties":
                guard let x = pairs(v) else { return nil }
                var compiled: [(pattern: Pattern, schema: SchemaIndex)] = []
                for (source, schema) in x {
                    guard let p = try? Pattern(source) else { return nil }
                    compiled.append((p, schema))
                }
                k.patternProperties = compiled
            case "propertyNames": guard let x = int(v) else { return nil }; k.propertyNames = x
            case "dependentRequired":
                let entries = list(v) { item -> (name: String, required: [String])? in
                    guard case .array(let pair) = item, pair.count == 2, let name = string(pair[0]), let names = strings(pair[1]) else { return nil }
                    return (name, names)
                }
                guard let entries else { return nil }
                k.dependentRequired = entries
            case "dependentSchemas": guard let x = pairs(v) else { return nil }; k.dependentSchemas = x.map { ($0.0, $0.1) }
            case "unevaluatedProperties": guard let x = either(v) else { return nil }; k.unevaluatedProperties = x
            case "allOf": guard let x = ints(v) else { return nil }; k.allOf = x
            case "anyOf": guard let x = ints(v) else { return nil }; k.anyOf = x
            case "oneOf": guard let x = ints(v) else { return nil }; k.oneOf = x
            case "not": guard let x = int(v) else { return nil }; k.not = x
            case "ifSchema": guard let x = int(v) else { return nil }; k.ifSchema = x
            case "thenSchema": guard let x = int(v) else { return nil }; k.thenSchema = x
            case "elseSchema": guard let x = int(v) else { return nil }; k.elseSchema = x
            case "discriminator": guard let x = discriminator(v) else { return nil }; k.discriminator = x
            case "readOnly": guard case .bool(let x) = v else { return nil }; k.readOnly = x
            case "writeOnly": guard case .bool(let x) = v else { return nil }; k.writeOnly = x
            case "defaultValue": k.defaultValue = v
            case "xml": guard let x = xml(v) else { return nil }; k.xml = x
            default: return nil
            }
        }
        return k
    }

    private static func string(_ v: JSONValue) -> String? {
        if case .string(let s) = v { s } else { nil }
    }

    private static func int(_ v: JSONValue) -> Int? {
        if case .number(let n) = v, let i = n.integer, n.literal == nil { Int(exactly: i) } else { nil }
    }

    /// Every element of an array through `element`; nil when `v` is no array or any element does not decode.
    private static func list<T>(_ v: JSONValue, _ element: (JSONValue) -> T?) -> [T]? {
        guard case .array(let items) = v else { return nil }
        var out: [T] = []
        out.reserveCapacity(items.count)
        for item in items {
            guard let decoded = element(item) else { return nil }
            out.append(decoded)
        }
        return out
    }

    private static func ints(_ v: JSONValue) -> [Int]? { list(v, int) }

    private static func strings(_ v: JSONValue) -> [String]? { list(v, string) }

    /// `[["name", 3], …]`.
    private static func pairs(_ v: JSONValue) -> [(String, Int)]? {
        list(v) { item in
            guard case .array(let pair) = item, pair.count == 2, let name = string(pair[0]), let index = int(pair[1]) else { return nil }
            return (name, index)
        }
    }

    private static func either(_ v: JSONValue) -> SchemaOrBool<SchemaIndex>? {
        if case .bool(let b) = v { return .bool(b) }
        return int(v).map { .schema($0) }
    }

    private static func bound(_ v: JSONValue) -> NumericBound? {
        switch v {
        case .number(let n): return NumericBound(n)
        case .array(let pair):
            guard pair.count == 2, case .number(let n) = pair[0], let text = string(pair[1]) else { return nil }
            return NumericBound(n, text: text)
        default: return nil
        }
    }

    private static func discriminator(_ v: JSONValue) -> SchemaKeywords.Discriminator? {
        guard case .object(let o) = v, let name = o["propertyName"].flatMap(string), let mapping = o["mapping"].flatMap(pairs) else { return nil }
        var fallback: SchemaIndex?
        if let d = o["defaultSchema"] {
            guard let i = int(d) else { return nil }
            fallback = i
        }
        return SchemaKeywords.Discriminator(propertyName: name, mapping: mapping.map { ($0.0, $0.1) }, defaultSchema: fallback)
    }

    private static func xml(_ v: JSONValue) -> XMLNaming? {
        guard case .object(let o) = v else { return nil }
        var x = XMLNaming()
        for (key, value) in o.entries {
            switch key {
            case "name": guard let s = string(value) else { return nil }; x.name = s
            case "namespace": guard let s = string(value) else { return nil }; x.namespace = s
            case "prefix": guard let s = string(value) else { return nil }; x.prefix = s
            case "nodeType": guard let s = string(value), let t = XMLNaming.NodeType(rawValue: s) else { return nil }; x.nodeType = t
            case "wrapped": guard case .bool(let b) = value else { return nil }; x.wrapped = b
            default: return nil
            }
        }
        return x
    }
}
