/// Turns parameter strings from the wire into JSON values shaped by the parameter's schema, so the same
/// validator (and the same error items) serve parameters and bodies.
struct ParameterDecoding {
    let schemas: [SchemaNode]

    /// The types a schema (following `$ref` and `allOf`) expects, to decide how to read a string.
    func expectedTypes(_ index: SchemaIndex?, depth: Int = 0) -> JSONTypeSet {
        guard let index, depth < 16 else { return [] }
        let s = schemas[index]
        if let t = s.types { return t }
        var result: JSONTypeSet = []
        if let r = s.ref { result.formUnion(expectedTypes(r, depth: depth + 1)) }
        for member in s.allOf + s.oneOf + s.anyOf { result.formUnion(expectedTypes(member, depth: depth + 1)) }
        if result.isEmpty && !s.properties.isEmpty { result = .object }
        if result.isEmpty && s.enumValues != nil {
            for v in s.enumValues ?? [] {
                switch v {
                case .number: result.insert(.number)
                case .bool: result.insert(.boolean)
                default: result.insert(.string)
                }
            }
        }
        return result
    }

    func itemSchema(_ index: SchemaIndex?, depth: Int = 0) -> SchemaIndex? {
        guard let index, depth < 16 else { return nil }
        let s = schemas[index]
        if case .schema(let items)? = s.items { return items }
        if let r = s.ref { return itemSchema(r, depth: depth + 1) }
        for member in s.allOf { if let i = itemSchema(member, depth: depth + 1) { return i } }
        return nil
    }

    /// The properties a schema requires, following `$ref` and `allOf`.
    func requiredProperties(_ index: SchemaIndex?, depth: Int = 0) -> [String] {
        guard let index, depth < 16 else { return [] }
        let s = schemas[index]
        var names = s.required
        if let r = s.ref { names += requiredProperties(r, depth: depth + 1) }
        for member in s.allOf { names += requiredProperties(member, depth: depth + 1) }
        return names
    }

    func propertySchema(_ index: SchemaIndex?, _ name: String, depth: Int = 0) -> SchemaIndex? {
        guard let index, depth < 16 else { return nil }
        let s = schemas[index]
        if let p = s.property(name) { return p }
        if let r = s.ref { return propertySchema(r, name, depth: depth + 1) }
        for member in s.allOf + s.oneOf + s.anyOf { if let p = propertySchema(member, name, depth: depth + 1) { return p } }
        if case .schema(let extra)? = s.additionalProperties { return extra }
        return nil
    }

    /// A scalar string read as the schema's type; left a string when it does not parse (the validator
    /// then reports "Must be an integer" with the value the client sent).
    func scalar(_ raw: String, _ schema: SchemaIndex?) -> JSONValue {
        let types = expectedTypes(schema)
        if types.contains(.integer) || types.contains(.number), let n = Self.number(raw) {
            return .number(n)
        }
        if types.contains(.boolean) {
            if raw == "true" { return .bool(true) }
            if raw == "false" { return .bool(false) }
        }
        if types.contains(.null) && raw == "null" && !types.contains(.string) { return .null }
        return .string(raw)
    }

    /// JSON number syntax only (no `0x`, `inf`, leading `+`).
    static func number(_ raw: String) -> JSONNumber? {
        guard let first = raw.utf8.first, first == UInt8(ascii: "-") || (first >= 48 && first <= 57) else { return nil }
        guard case .number(let n)? = try? JSONParser.parse(raw) else { return nil }
        return n
    }

    /// Splits a serialized array or object by the style's delimiter.
    static func split(_ raw: String, style: ParameterStyle) -> [String] {
        let delimiter: Character
        switch style {
        case .spaceDelimited: delimiter = " "
        case .pipeDelimited: delimiter = "|"
        default: delimiter = ","
        }
        return raw.split(separator: delimiter, omittingEmptySubsequences: false).map(String.init)
    }

    /// Path parameters may carry label (`.a.b`) or matrix (`;id=5`) prefixes.
    static func stripPathPrefix(_ raw: String, style: ParameterStyle, explode: Bool) -> [String] {
        switch style {
        case .label:
            let body = raw.hasPrefix(".") ? String(raw.dropFirst()) : raw
            return body.split(separator: explode ? "." : ",", omittingEmptySubsequences: false).map(String.init)
        case .matrix:
            // ;id=3,4,5 (explode false) or ;id=3;id=4 (explode true)
            var values: [String] = []
            for part in raw.split(separator: ";") {
                let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                if kv.count == 2 {
                    values += explode ? [String(kv[1])] : kv[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                } else if kv.count == 1 && !explode {
                    values.append(String(kv[0]))
                }
            }
            return values
        default:
            return raw.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// An array or object from its parts: pairs `k1,v1,k2,v2` (explode false) or `k1=v1` items (explode true).
    func objectValue(_ parts: [String], schema: SchemaIndex?, explode: Bool) -> JSONValue {
        var object = JSONObject()
        if explode {
            for part in parts {
                let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let key = String(kv[0])
                object[key] = scalar(kv.count > 1 ? String(kv[1]) : "", propertySchema(schema, key))
            }
        } else {
            var i = 0
            while i + 1 < parts.count {
                object[parts[i]] = scalar(parts[i + 1], propertySchema(schema, parts[i]))
                i += 2
            }
            if parts.count % 2 == 1 { return .string(parts.joined(separator: ",")) }
        }
        return .object(object)
    }

    /// One value from its wire strings (several for exploded arrays), shaped by the schema's type.
    ///
    /// `encoded`: the same strings as sent, still percent-encoded (query and path). Comma-separated arrays and
    /// objects are split on these and each piece decoded after, so `a%2Cb,c` is the two items `a,b` and `c`:
    /// splitting the decoded text would make three.
    func value(from raws: [String], encoded: [Substring]? = nil, _ p: ParameterContract) -> JSONValue {
        if p.isJSONContent {
            guard let raw = raws.first else { return .null }
            return (try? JSONParser.parse(raw)) ?? .string(raw)
        }
        let types = expectedTypes(p.schema)
        // Only commas are split before decoding: spaces and pipes (`spaceDelimited`, `pipeDelimited`) are sent
        // encoded themselves.
        let splitEncoded = encoded != nil && p.style != .spaceDelimited && p.style != .pipeDelimited
        func decoded(_ pieces: [String]) -> [String] {
            pieces.map { WireStrings.percentDecode($0[...], plusIsSpace: p.location == .query) }
        }
        func pathParts() -> [String] {
            if splitEncoded, let first = encoded?.first { return decoded(Self.stripPathPrefix(String(first), style: p.style, explode: p.explode)) }
            return raws.first.map { Self.stripPathPrefix($0, style: p.style, explode: p.explode) } ?? []
        }
        func delimited() -> [String] {
            if splitEncoded, let encoded { return decoded(encoded.flatMap { Self.split(String($0), style: p.style) }) }
            return raws.flatMap { Self.split($0, style: p.style) }
        }
        if types.contains(.array) {
            var parts: [String]
            if p.location == .path {
                parts = pathParts()
            } else if p.explode && (p.style == .form || p.location == .query) {
                parts = raws
            } else {
                parts = delimited()
            }
            if parts == [""] { parts = [] }
            let item = itemSchema(p.schema)
            return .array(parts.map { scalar($0, item) })
        }
        if types.contains(.object) && !types.contains(.string) {
            let parts = p.location == .path ? pathParts() : delimited()
            return objectValue(parts, schema: p.schema, explode: p.explode)
        }
        // A single-valued query parameter sent several times is ambiguous: read as the array it is, which the schema
        // refuses (taking the first silently accepted `limit=5&limit=[]`).
        if p.location == .query, raws.count > 1 { return .array(raws.map { scalar($0, p.schema) }) }
        var raw = raws.first ?? ""
        if p.location == .path && (p.style == .label || p.style == .matrix) {
            raw = Self.stripPathPrefix(raw, style: p.style, explode: p.explode).first ?? ""
        }
        return scalar(raw, p.schema)
    }
}

/// Query strings and cookies, split and percent-decoded.
enum WireStrings {
    /// `a=1&b=2&a=3` → [("a","1"),("b","2"),("a","3")]; `+` is a space (form encoding). Works on the UTF-8
    /// bytes: splitting on `Character`s and Foundation's `contains` cost a fifth of a served GET.
    /// `raw` is the value as sent (a slice of the query, not a copy), for splitting lists before decoding.
    static func queryItems(_ query: Substring) -> [(name: String, value: String, raw: Substring)] {
        query.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true).map { item in
            guard let equals = item.firstIndex(of: UInt8(ascii: "=")) else { return (decode(item, plusIsSpace: true), "", "") }
            let value = item[item.index(after: equals)...]
            return (decode(item[..<equals], plusIsSpace: true), decode(value, plusIsSpace: true), Substring(value))
        }
    }

    /// `Cookie: a=1; b=2`.
    static func cookies(_ header: String) -> [(name: String, value: String)] {
        header.split(separator: ";").compactMap { item in
            let kv = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard kv.count == 2 else { return nil }
            return (String(kv[0].trimmingSpaces()), percentDecode(kv[1].trimmingSpaces(), plusIsSpace: false))
        }
    }

    /// Percent-decoding; invalid escapes are kept as written, invalid UTF-8 becomes U+FFFD (then fails
    /// any pattern or format that excludes it rather than crashing).
    static func percentDecode(_ s: Substring, plusIsSpace: Bool) -> String {
        decode(s.utf8, plusIsSpace: plusIsSpace)
    }

    static func decode(_ text: Substring.UTF8View, plusIsSpace: Bool) -> String {
        guard text.contains(where: { $0 == UInt8(ascii: "%") || (plusIsSpace && $0 == UInt8(ascii: "+")) }) else {
            return String(decoding: text, as: UTF8.self)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count)
        var i = text.startIndex
        while i < text.endIndex {
            let b = text[i]
            text.formIndex(after: &i)
            if b == UInt8(ascii: "%"), i < text.endIndex, let hi = hex(text[i]) {
                let next = text.index(after: i)
                if next < text.endIndex, let lo = hex(text[next]) {
                    bytes.append(hi << 4 | lo)
                    i = text.index(after: next)
                    continue
                }
            }
            bytes.append(b == UInt8(ascii: "+") && plusIsSpace ? 0x20 : b)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The value of a hexadecimal digit, nil for any other byte.
    static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case 48...57: b - 48
        case 65...70: b - 55
        case 97...102: b - 87
        default: nil
        }
    }
}
