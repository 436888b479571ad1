import Foundation

/// Typed values ↔ JSON values, for parameters and headers (bodies are decoded from their tape by `TapeDecoding`).
///
/// Parameters arrive as strings and are first shaped into JSON by their schema (the step validation uses),
/// so one Codable path serves every style: the JSON value is decoded with the same tape decoder as bodies,
/// and dates, UUIDs and tolerant enums behave identically in both places. Plain strings, integers and
/// booleans skip the round trip.
enum ValueCoding {
    /// Responses are the server's to size (the client caps the whole body): no per-string cap beyond it.
    static let responseLimits: JSONParseLimits = {
        var limits = JSONParseLimits()
        limits.maxStringLength = .max
        return limits
    }()

    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        switch value {
        case .string(let s):
            if let v = s as? T { return v }
            // Generated string enums decode as their `init(rawValue:)` (unknown values included); skipping the
            // JSON round trip saves a tape per enum parameter.
            if let enumType = T.self as? any RawRepresentable<String>.Type, let v = enumType.init(rawValue: s) as? T { return v }
        case .bool(let b): if let v = b as? T { return v }
        case .number(let n): if let i = n.integer, let v = Int(exactly: i) as? T { return v }
        default: break
        }
        return try TapeDecoding.decode(T.self, from: value.encoded())
    }

    static func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        switch value {
        case let s as String: return .string(s)
        case let b as Bool: return .bool(b)
        case let i as Int: return .number(JSONNumber(i))
        default: return try JSONParser.parse(JSONByteEncoding.encode(value))
        }
    }
}
