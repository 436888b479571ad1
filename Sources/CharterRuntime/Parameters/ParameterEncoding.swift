/// JSON values → wire strings by the parameter's style and explode (the inverse of `ParameterDecoding`),
/// for clients sending parameters and servers sending response headers.
package enum ParameterEncoding {
    /// A scalar as text: strings as they are, numbers in JSON syntax, booleans `true`/`false`, null empty.
    /// (A value described by JSON `content` is written as its `jsonText` instead, strings quoted: as plain text, the
    /// string `"123"` would arrive as the number 123.)
    static func text(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): s
        case .null: ""
        case .bool(let b): b ? "true" : "false"
        case .number(let n): n.description
        case .array, .object: value.jsonText
        }
    }

    /// Array items or object pairs as texts (`explode` objects become `k=v`), encoded by `encode`.
    private static func parts(_ value: JSONValue, explode: Bool, _ encode: (String) -> String) -> [String] {
        switch value {
        case .array(let items): return items.map { encode(text($0)) }
        case .object(let object):
            return explode
                ? object.entries.map { encode($0.key) + "=" + encode(text($0.value)) }
                : object.entries.flatMap { [encode($0.key), encode(text($0.value))] }
        default: return [encode(text(value))]
        }
    }

    /// The text that replaces `{name}` in the path, percent-encoded.
    package static func pathSegment(_ value: JSONValue, _ p: ParameterContract) -> String {
        let encode = { PercentEncoding.encode($0) }
        if p.isJSONContent { return encode(value.jsonText) }
        switch p.style {
        case .label:
            let items = parts(value, explode: p.explode, encode)
            return "." + items.joined(separator: p.explode ? "." : ",")
        case .matrix:
            let name = encode(p.name)
            switch value {
            case .array(let items) where p.explode: return items.map { ";\(name)=" + encode(text($0)) }.joined()
            case .object(let object) where p.explode: return object.entries.map { ";" + encode($0.key) + "=" + encode(text($0.value)) }.joined()
            default: return ";\(name)=" + parts(value, explode: false, encode).joined(separator: ",")
            }
        default:
            return parts(value, explode: p.explode, encode).joined(separator: ",")
        }
    }

    /// Query items `(name, value)`, each value percent-encoded item by item: the delimiters between list items
    /// and object members stay literal, so a comma inside an item (`%2C`) is told from the one between items.
    package static func queryItems(_ value: JSONValue, _ p: ParameterContract) -> [(name: String, value: String)] {
        let encode = { (s: String) in PercentEncoding.encode(s) }
        if p.isJSONContent { return [(p.name, encode(value.jsonText))] }
        switch (p.style, value) {
        case (.deepObject, .object(let object)):
            return object.entries.map { ("\(p.name)[\($0.key)]", encode(text($0.value))) }
        case (.form, .array(let items)) where p.explode:
            return items.map { (p.name, encode(text($0))) }
        case (.form, .object(let object)) where p.explode:
            return object.entries.map { ($0.key, encode(text($0.value))) }
        case (.spaceDelimited, .array), (.spaceDelimited, .object):
            return [(p.name, parts(value, explode: false, encode).joined(separator: "%20"))]
        case (.pipeDelimited, .array), (.pipeDelimited, .object):
            return [(p.name, parts(value, explode: false, encode).joined(separator: "%7C"))]
        default:
            return [(p.name, parts(value, explode: false, encode).joined(separator: ","))]
        }
    }

    /// A header value (style `simple`).
    package static func header(_ value: JSONValue, _ p: ParameterContract) -> String {
        if p.isJSONContent { return value.jsonText }
        return parts(value, explode: p.explode, { $0 }).joined(separator: ",")
    }

    /// The `name=value` pairs of a cookie parameter, joined with `; ` into the `Cookie` field: exploded, an array
    /// is a pair per item and an object a pair per member (`R=100; G=200`), else one pair of comma-separated
    /// parts. Style `form` percent-encodes values; 3.2's `cookie` style sends them as they are.
    package static func cookie(_ value: JSONValue, _ p: ParameterContract) -> [String] {
        if p.isJSONContent { return [p.name + "=" + PercentEncoding.encode(value.jsonText)] }
        let encode: (String) -> String = p.style == .cookie ? { $0 } : { PercentEncoding.encode($0) }
        switch value {
        case .array(let items) where p.explode: return items.map { p.name + "=" + encode(text($0)) }
        case .object(let object) where p.explode: return object.entries.map { $0.key + "=" + encode(text($0.value)) }
        default: return [p.name + "=" + parts(value, explode: false, encode).joined(separator: ",")]
        }
    }
}

/// Percent-encoding of everything but RFC 3986's unreserved characters.
@_spi(Generated) public enum PercentEncoding {
    /// `s` with every byte but the unreserved ones written `%XX` (the mock's callback queries use it too).
    public static func encode(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            if (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x7E {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                let hex = Array("0123456789ABCDEF".utf8)
                out += "%" + String(decoding: [hex[Int(b >> 4)], hex[Int(b & 15)]], as: UTF8.self)
            }
        }
        return out
    }

    /// `a=1&b=x%20y` from names as they are and values encoded already (see `ParameterEncoding.queryItems`).
    static func query(_ items: [(name: String, value: String)]) -> String {
        items.map { encode($0.name) + "=" + $0.value }.joined(separator: "&")
    }
}
