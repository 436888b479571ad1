/// Turns parameter strings from the wire into JSON values shaped by the parameter's schema, so the same
/// validator (and the same error items) serve parameters and bodies.
struct ParameterDecoding {
    let schemas: [SchemaNode]
    /// `expectedTypes` of every schema, worked out once for a validator that lives as long as the server (every
    /// parameter of every request asked it, walking `$ref`s and `allOf`s each time); nil for the short-lived
    /// decodings of one XML body, which ask about a few schemas only.
    private let typeTable: [JSONTypeSet]?

    init(schemas: [SchemaNode], tabulated: Bool = false) {
        self.schemas = schemas
        typeTable = tabulated ? Self.typeTable(schemas) : nil
    }

    /// The types a schema (following `$ref` and `allOf`) expects, to decide how to read a string.
    func expectedTypes(_ index: SchemaIndex?) -> JSONTypeSet {
        guard let index, index >= 0, index < schemas.count else { return [] }
        if let typeTable { return typeTable[index] }
        var memo: [Int: JSONTypeSet] = [:], visiting: Set<Int> = []
        return Self.types(of: index, in: schemas, depth: 0, memo: &memo, visiting: &visiting).types
    }

    /// What `expectedTypes` answers for every schema.
    static func typeTable(_ schemas: [SchemaNode]) -> [JSONTypeSet] {
        var memo: [Int: JSONTypeSet] = [:], visiting: Set<Int> = []
        return schemas.indices.map { types(of: $0, in: schemas, depth: 0, memo: &memo, visiting: &visiting).types }
    }

    /// A schema's types and whether they are final: a walk cut short by a cycle (a schema already being walked) or
    /// by the depth bound is not, and is not remembered, so a schema inside a cycle gets its own answer when asked.
    private static func types(of index: Int, in schemas: [SchemaNode], depth: Int, memo: inout [Int: JSONTypeSet],
                              visiting: inout Set<Int>) -> (types: JSONTypeSet, final: Bool) {
        if let known = memo[index] { return (known, true) }
        guard index >= 0, index < schemas.count, depth < 16, !visiting.contains(index) else { return ([], false) }
        let s = schemas[index]
        if let t = s.types { return (t, true) }
        visiting.insert(index)
        defer { visiting.remove(index) }
        var result: JSONTypeSet = []
        var final = true
        for member in (s.ref.map { [$0] } ?? []) + s.allOf + s.oneOf + s.anyOf {
            let (types, memberFinal) = Self.types(of: member, in: schemas, depth: depth + 1, memo: &memo, visiting: &visiting)
            result.formUnion(types)
            final = final && memberFinal
        }
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
        if final { memo[index] = result }
        return (result, final)
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

    /// Whether `p` is an object sent as its members (`?status=a&limit=5`, a cookie each): exploded `form` or 3.2
    /// `cookie` style, a schema that is an object and not also a list or a string.
    func isExplodedObject(_ p: borrowing ParameterContract) -> Bool {
        guard p.explode, !p.isJSONContent, p.style == .form || p.style == .cookie else { return false }
        let types = expectedTypes(p.schema)
        return types.contains(.object) && !types.contains(.array) && !types.contains(.string)
    }

    /// Whether a query item or cookie named `name` is a member of the exploded object `p` as the server reads it:
    /// not `p`'s own name, not another of the operation's parameters in the same location, and a member `p`'s
    /// schema admits (below). One rule for the value the handler gets and for announcing a deprecated `p`.
    func explodedMember(named name: String, of p: borrowing ParameterContract,
                        among parameters: UnsafeBufferPointer<ParameterContract>) -> (isMember: Bool, schema: SchemaIndex?) {
        if name == p.name || parameters.contains(where: { $0.location == p.location && $0.name == name }) { return (false, nil) }
        return explodedMember(p.schema, name)
    }

    /// Whether a query item or cookie named `name` is a member of an exploded object parameter (`?status=a&limit=5`
    /// for `filter`), and the member's schema: a property the schema declares, else its `additionalProperties`
    /// schema; a schema that declares no properties and allows others takes any name (a free-form filter).
    func explodedMember(_ index: SchemaIndex?, _ name: String) -> (isMember: Bool, schema: SchemaIndex?) {
        if let member = propertySchema(index, name) { return (true, member) }
        guard let index, index >= 0, index < schemas.count else { return (true, nil) }
        return (!declaresProperties(index) && !forbidsOthers(index), nil)
    }

    private func declaresProperties(_ index: SchemaIndex, depth: Int = 0) -> Bool {
        guard depth < 16 else { return false }
        let s = schemas[index]
        if !s.properties.isEmpty { return true }
        if let r = s.ref, declaresProperties(r, depth: depth + 1) { return true }
        return s.allOf.contains { declaresProperties($0, depth: depth + 1) }
    }

    private func forbidsOthers(_ index: SchemaIndex, depth: Int = 0) -> Bool {
        guard depth < 16 else { return false }
        let s = schemas[index]
        if case .bool(false)? = s.additionalProperties { return true }
        if let r = s.ref, forbidsOthers(r, depth: depth + 1) { return true }
        return s.allOf.contains { forbidsOthers($0, depth: depth + 1) }
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
        if let whole = wholeNumber(raw.utf8) { return JSONNumber(whole) }
        guard case .number(let n)? = try? JSONParser.parse(raw) else { return nil }
        return n
    }

    /// The common case of a number parameter (`limit=20`, `offset=-5`) read without the JSON parser: an optional
    /// `-` and up to 18 digits, no leading zero. Anything else (fractions, exponents, `-0`, `007`) is the parser's.
    static func wholeNumber(_ text: String.UTF8View) -> Int64? {
        var value: Int64 = 0, digits = 0, negative = false
        for byte in text {
            if digits == 0 && !negative && byte == UInt8(ascii: "-") { negative = true; continue }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 18 else { return nil }
            if digits == 1 && value == 0 { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            digits += 1
        }
        guard digits > 0, !(negative && value == 0) else { return nil }
        return negative ? -value : value
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
    /// Exploded matrix items named otherwise than the parameter are an object's members, kept as `key=value`.
    static func stripPathPrefix(_ raw: String, style: ParameterStyle, explode: Bool, name: String) -> [String] {
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
                    if explode {
                        values.append(kv[0] == name ? String(kv[1]) : String(part))
                    } else {
                        values += kv[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                    }
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

    /// A value sent once: a scalar is read straight from its string; anything else (arrays, objects, JSON content,
    /// label and matrix paths) as `value(from:encoded:_:)` reads it.
    func value(single raw: String, encoded: Substring?, _ p: ParameterContract) -> JSONValue {
        let types = expectedTypes(p.schema)
        if !p.isJSONContent, !types.contains(.array), !types.contains(.object), p.location != .path || (p.style != .label && p.style != .matrix) {
            return scalar(raw, p.schema)
        }
        return value(from: [raw], encoded: encoded.map { [$0] }, p)
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
            if splitEncoded, let first = encoded?.first { return decoded(Self.stripPathPrefix(String(first), style: p.style, explode: p.explode, name: p.name)) }
            return raws.first.map { Self.stripPathPrefix($0, style: p.style, explode: p.explode, name: p.name) } ?? []
        }
        func delimited() -> [String] {
            if splitEncoded, let encoded { return decoded(encoded.flatMap { Self.split(String($0), style: p.style) }) }
            return raws.flatMap { Self.split($0, style: p.style) }
        }
        if types.contains(.array) {
            var parts: [String]
            if p.location == .path {
                parts = pathParts()
            } else if p.explode && (p.style == .form || p.style == .cookie || p.location == .query) {
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
            raw = Self.stripPathPrefix(raw, style: p.style, explode: p.explode, name: p.name).first ?? ""
        }
        return scalar(raw, p.schema)
    }
}

/// Query strings and cookies, split and percent-decoded.
enum WireStrings {
    /// One `name=value` of a query string.
    struct QueryItem {
        var name: String
        var value: String
        /// The value as sent (a slice of the query, not a copy), for splitting lists before decoding.
        var raw: Substring
    }

    /// `a=1&b=2&a=3` → [("a","1"),("b","2"),("a","3")]; `+` is a space (form encoding). One pass over the query's
    /// stored bytes: splitting the UTF-8 view into slices and searching each for `=` was a tenth of a served GET.
    static func queryItems(_ query: Substring) -> [QueryItem] {
        var contiguous = query
        let utf8 = query.utf8
        return contiguous.withUTF8 { bytes in
            var items: [QueryItem] = []
            items.reserveCapacity(bytes.reduce(1) { $0 + ($1 == UInt8(ascii: "&") ? 1 : 0) })
            scanQuery(bytes) { name, value in
                let decodedName = decode(UnsafeBufferPointer(rebasing: bytes[name]), plusIsSpace: true)
                guard let value else {
                    items.append(QueryItem(name: decodedName, value: "", raw: ""))
                    return true
                }
                // `=` and `&` are ASCII, so these offsets fall on character boundaries of the query.
                let rawStart = utf8.index(utf8.startIndex, offsetBy: value.lowerBound), rawEnd = utf8.index(utf8.startIndex, offsetBy: value.upperBound)
                items.append(QueryItem(name: decodedName, value: decode(UnsafeBufferPointer(rebasing: bytes[value]), plusIsSpace: true),
                                       raw: query[rawStart..<rawEnd]))
                return true
            }
            return items
        }
    }

    /// Whether some item of `query` has a (decoded) name that `matches`; values are not decoded, nothing is kept.
    static func anyQueryName(in query: Substring, _ matches: (String) -> Bool) -> Bool {
        var contiguous = query
        return contiguous.withUTF8 { bytes in
            var found = false
            scanQuery(bytes) { name, _ in
                found = matches(decode(UnsafeBufferPointer(rebasing: bytes[name]), plusIsSpace: true))
                return !found
            }
            return found
        }
    }

    /// The byte ranges of each non-empty `name=value` item of a query (value nil when the item has no `=`), in order,
    /// until `body` returns false.
    private static func scanQuery(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, Range<Int>?) -> Bool) {
        var start = 0
        while start < bytes.count {
            var end = start, equals: Int?
            while end < bytes.count, bytes[end] != UInt8(ascii: "&") {
                if equals == nil, bytes[end] == UInt8(ascii: "=") { equals = end }
                end += 1
            }
            if end > start {
                let more = equals.map { body(start..<$0, ($0 + 1)..<end) } ?? body(start..<end, nil)
                if !more { return }
            }
            start = end + 1
        }
    }

    /// `Cookie: a=1; b=2`, the values percent-decoded.
    static func cookies(_ header: String) -> [(name: String, value: String)] {
        rawCookies(header).map { ($0.name, percentDecode($0.value[...], plusIsSpace: false)) }
    }

    /// `Cookie: a=1; b=2`, the values as sent (3.2's `cookie` style sends them without percent-encoding).
    static func rawCookies(_ header: String) -> [(name: String, value: String)] {
        header.split(separator: ";").compactMap { item in
            let kv = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard kv.count == 2 else { return nil }
            return (String(kv[0].trimmingSpaces()), String(kv[1].trimmingSpaces()))
        }
    }

    /// Percent-decoding; invalid escapes are kept as written, invalid UTF-8 becomes U+FFFD (then fails
    /// any pattern or format that excludes it rather than crashing).
    static func percentDecode(_ s: Substring, plusIsSpace: Bool) -> String {
        var s = s
        return s.withUTF8 { decode($0, plusIsSpace: plusIsSpace) }
    }

    static func decode(_ text: UnsafeBufferPointer<UInt8>, plusIsSpace: Bool) -> String {
        guard text.contains(where: { $0 == UInt8(ascii: "%") || (plusIsSpace && $0 == UInt8(ascii: "+")) }) else {
            return String(decoding: text, as: UTF8.self)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count)
        var i = 0
        while i < text.count {
            let b = text[i]
            i += 1
            if b == UInt8(ascii: "%"), i + 1 < text.count, let hi = hex(text[i]), let lo = hex(text[i + 1]) {
                bytes.append(hi << 4 | lo)
                i += 2
                continue
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
