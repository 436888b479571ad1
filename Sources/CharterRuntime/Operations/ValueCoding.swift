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
        // The common scalar types by metatype identity: a dynamic cast per parameter was 4% of a served GET.
        // (`unsafeBitCast` between a type and itself, proven equal by the comparison.)
        switch value {
        case .string(let s): if T.self == String.self { return unsafeBitCast(s, to: T.self) }
        case .bool(let b): if T.self == Bool.self { return unsafeBitCast(b, to: T.self) }
        case .number(let n):
            if T.self == Int.self, let i = n.integer, let v = Int(exactly: i) { return unsafeBitCast(v, to: T.self) }
            if T.self == Double.self, n.double.isFinite { return unsafeBitCast(n.double, to: T.self) }
        default: break
        }
        return try TapeDecoding.decode(T.self, from: value.encoded())
    }

    /// A string enum (what generated code declares for a string `enum`): its `init(rawValue:)`, which is what its
    /// `Decodable` does, without the JSON round trip. Overload resolution picks this for enum parameters.
    static func decode<T: Decodable & RawRepresentable>(_ type: T.Type, from value: JSONValue) throws -> T where T.RawValue == String {
        if case .string(let s) = value, let v = T(rawValue: s) { return v }
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
