/// A JSON object → `application/x-www-form-urlencoded` fields (the inverse of `FormDecoding`).
///
/// Each property follows its encoding object (`style`, `explode`; default `form`, exploded). Nested objects and
/// arrays of objects are written with brackets (`metadata[order_id]=7`, `items[0][price]=3`) whatever the style:
/// plain `form` style would spill an object's keys into the top level, which no server framework reads back.
/// Nulls are left out (absent), as a form cannot say null.
enum FormEncoding {
    /// The fields, not yet percent-encoded.
    static func fields(_ value: JSONValue, parts: [PartContract]) -> [(name: String, value: String)] {
        guard case .object(let object) = value else { return [] }
        var out: [(name: String, value: String)] = []
        for (key, member) in object.entries {
            let part = parts.first { $0.name == key }
            let style = part?.style ?? .form
            let explode = part?.explode ?? (style == .form || style == .deepObject)
            switch member {
            case .null:
                continue
            case .array(let items) where style == .deepObject:
                for (i, item) in items.enumerated() { nested(item, name: "\(key)[\(i)]", into: &out) }
            case .array(let items) where !explode && items.allSatisfy(\.isScalar):
                let separator = style == .spaceDelimited ? " " : style == .pipeDelimited ? "|" : ","
                out.append((key, items.map(ParameterEncoding.text).joined(separator: separator)))
            case .array(let items):
                for (i, item) in items.enumerated() {
                    if item.isScalar { out.append((key, ParameterEncoding.text(item))) } else { nested(item, name: "\(key)[\(i)]", into: &out) }
                }
            case .object(let fields) where style == .form && part?.style != nil && explode:
                for (k, v) in fields.entries where v.isScalar { out.append((k, ParameterEncoding.text(v))) }
            case .object(let fields) where style == .form && part?.style != nil && !explode:
                out.append((key, fields.entries.flatMap { [$0.key, ParameterEncoding.text($0.value)] }.joined(separator: ",")))
            default:
                nested(member, name: key, into: &out)
            }
        }
        return out
    }

    /// `name[key][0]=…` for every scalar inside `value`.
    private static func nested(_ value: JSONValue, name: String, into out: inout [(name: String, value: String)]) {
        switch value {
        case .null: break
        case .array(let items):
            for (i, item) in items.enumerated() { nested(item, name: "\(name)[\(i)]", into: &out) }
        case .object(let object):
            for (key, member) in object.entries { nested(member, name: "\(name)[\(key)]", into: &out) }
        default:
            out.append((name, ParameterEncoding.text(value)))
        }
    }

    /// `a=1&b=x+y` (spaces as `+`, everything but unreserved characters percent-encoded).
    static func body(_ fields: [(name: String, value: String)]) -> [UInt8] {
        var out: [UInt8] = []
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(UInt8(ascii: "&")) }
            append(field.name, to: &out)
            out.append(UInt8(ascii: "="))
            append(field.value, to: &out)
        }
        return out
    }

    private static func append(_ text: String, to out: inout [UInt8]) {
        let hex = Array("0123456789ABCDEF".utf8)
        for b in text.utf8 {
            if (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x7E {
                out.append(b)
            } else if b == 0x20 {
                out.append(UInt8(ascii: "+"))
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 15)])
            }
        }
    }
}

extension JSONValue {
    /// Not an array or object.
    var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }
}
