import Foundation

/// Decodes `Decodable` values straight from a parsed `JSONTape`: how generated servers read request bodies and
/// generated clients read responses.
///
/// Why not `JSONDecoder`: it parsed every body a second time (after the validator's tape), at six times the
/// cost of parse + validate together, and a second parser is a second opinion on what the bytes say. Reading
/// the same strict tape keeps one answer (duplicate keys, depth, UTF-8) for validation and decoding.
/// Semantics follow `JSONCoding.decoder()`: `Date` is RFC 3339 (fraction optional), `Data` is base64, `URL`
/// and `Decimal` come from strings and numbers; integers accept exact integral numbers (`1.0`, `1e2`), as
/// JSON Schema's `integer` does. `JSONValue` is copied from the tape, keeping number literals exact.
public enum TapeDecoding {
    /// Parses `bytes` and decodes a `T`; syntax errors surface as `DecodingError.dataCorrupted`.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], limits: JSONParseLimits = JSONParseLimits()) throws -> T {
        let tape: JSONTape
        do {
            tape = try JSONTape(parsing: bytes, limits: limits)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "Not valid JSON: \(error)", underlyingError: error))
        }
        return try decode(T.self, from: tape)
    }

    /// Decodes a `T` from an already parsed (and perhaps validated) tape.
    public static func decode<T: Decodable>(_ type: T.Type, from tape: JSONTape) throws -> T {
        try TapeReader(tape).decode(T.self, at: 0, path: [])
    }
}

/// The tape and the typed reads every container shares. A class so containers hold one reference, not three arrays.
final class TapeReader {
    let nodes: [TapeNode]
    let bytes: [UInt8]
    let strings: [String]

    init(_ tape: JSONTape) {
        nodes = tape.nodes
        bytes = tape.bytes
        strings = tape.strings
    }

    @inline(__always) func kind(_ node: Int32) -> JSONKind { nodes[Int(node)].kind }

    /// The node after `node`'s subtree.
    @inline(__always) func skip(_ node: Int32) -> Int32 {
        let n = nodes[Int(node)]
        return n.kind == .array || n.kind == .object ? n.length : node + 1
    }

    /// Number of elements (array) or members (object).
    @inline(__always) func count(_ node: Int32) -> Int { Int(nodes[Int(node)].offset) }

    /// A string's text (escapes decoded), or a number's literal. For numbers `flag` means "payload is an Int64",
    /// not "decoded text stored aside": their text is always in place.
    func text(_ node: Int32) -> String {
        let n = nodes[Int(node)]
        if n.flag && n.kind == .string { return strings[Int(n.payload)] }
        return bytes.withUnsafeBufferPointer { b in
            String(decoding: UnsafeBufferPointer(rebasing: b[Int(n.offset)..<Int(n.offset + n.length)]), as: UTF8.self)
        }
    }

    /// Whether the key string at `node` spells `key` (byte comparison: keys are code-point exact, like the validator's).
    func keyEquals(_ node: Int32, _ key: String) -> Bool {
        let n = nodes[Int(node)]
        // Keys are strings: `flag` means their decoded text is stored aside.
        if n.flag { return strings[Int(n.payload)] == key }
        return bytes.withUnsafeBufferPointer { b in
            Bytes.equal(UnsafeBufferPointer(rebasing: b[Int(n.offset)..<Int(n.offset + n.length)]), key)
        }
    }

    /// The value node of `key` in the object at `object`, or nil.
    func member(_ key: String, in object: Int32) -> Int32? {
        var child = object + 1
        for _ in 0..<count(object) {
            if keyEquals(child, key) { return child + 1 }
            child = skip(child + 1)
        }
        return nil
    }

    // MARK: Errors worded as JSONDecoder's, so messages read the same as before

    func mismatch(_ type: Any.Type, _ node: Int32, _ path: () -> [any CodingKey]) -> DecodingError {
        let k = kind(node)
        if k == .null {
            return .valueNotFound(type, .init(codingPath: path(), debugDescription: "Cannot get value of type \(type) -- found null value instead"))
        }
        let found = switch k {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "a dictionary"
        }
        return .typeMismatch(type, .init(codingPath: path(), debugDescription: "Expected to decode \(type) but found \(found) instead."))
    }

    func corrupted(_ message: String, _ path: () -> [any CodingKey]) -> DecodingError {
        .dataCorrupted(.init(codingPath: path(), debugDescription: message))
    }

    // MARK: Scalars

    func string(_ node: Int32, _ path: @autoclosure () -> [any CodingKey]) throws -> String {
        guard kind(node) == .string else { throw mismatch(String.self, node, path) }
        return text(node)
    }

    func bool(_ node: Int32, _ path: @autoclosure () -> [any CodingKey]) throws -> Bool {
        let n = nodes[Int(node)]
        guard n.kind == .bool else { throw mismatch(Bool.self, node, path) }
        return n.payload != 0
    }

    func double(_ node: Int32, _ path: @autoclosure () -> [any CodingKey]) throws -> Double {
        let n = nodes[Int(node)]
        guard n.kind == .number else { throw mismatch(Double.self, node, path) }
        return n.flag ? Double(n.payload) : Double(bitPattern: UInt64(bitPattern: n.payload))
    }

    func float(_ node: Int32, _ path: @autoclosure () -> [any CodingKey]) throws -> Float {
        let d = try double(node, path())
        guard abs(d) <= Double(Float.greatestFiniteMagnitude) else {
            throw corrupted("Number \(text(node)) does not fit in Float.", path)
        }
        return Float(d)
    }

    func integer<I: FixedWidthInteger>(_ type: I.Type, _ node: Int32, _ path: @autoclosure () -> [any CodingKey]) throws -> I {
        let n = nodes[Int(node)]
        guard n.kind == .number else { throw mismatch(I.self, node, path) }
        if n.flag, let v = I(exactly: n.payload) { return v }
        if !n.flag {
            // Beyond Int64 (a UInt64) or written with a fraction or exponent (`1.0`, `1e2`).
            if let v = I(text(node)) { return v }
            let d = Double(bitPattern: UInt64(bitPattern: n.payload))
            if d.isFinite, d == d.rounded(), abs(d) < 9.2e18, let v = I(exactly: Int64(d)) { return v }
        }
        throw corrupted("Number \(text(node)) is not representable in Swift.", path)
    }

    // MARK: Any Decodable

    func decode<T: Decodable>(_ type: T.Type, at node: Int32, path: @autoclosure () -> [any CodingKey]) throws -> T {
        // The common leaf types skip building a decoder; the special ones follow JSONCoding's strategies.
        if T.self == String.self, let v = try string(node, path()) as? T { return v }
        if T.self == Int.self, let v = try integer(Int.self, node, path()) as? T { return v }
        if T.self == Double.self, let v = try double(node, path()) as? T { return v }
        if T.self == Bool.self, let v = try bool(node, path()) as? T { return v }
        if T.self == JSONValue.self, let v = jsonValue(node) as? T { return v }
        if T.self == Date.self {
            let s = try string(node, path())
            guard let date = RFC3339.date(from: s) else { throw corrupted("Not an RFC 3339 date-time: '\(s)'", path) }
            if let v = date as? T { return v }
        }
        if T.self == UUID.self, kind(node) == .string, let uuid = UUIDText.uuid(try string(node, path())), let v = uuid as? T { return v }
        if T.self == Data.self {
            let s = try string(node, path())
            guard let data = Data(base64Encoded: s) else { throw corrupted("Encountered Data is not valid Base64.", path) }
            if let v = data as? T { return v }
        }
        if T.self == URL.self {
            let s = try string(node, path())
            guard let url = URL(string: s) else { throw corrupted("Invalid URL string.", path) }
            if let v = url as? T { return v }
        }
        if T.self == Decimal.self {
            guard kind(node) == .number, let decimal = Decimal(string: text(node), locale: Locale(identifier: "en_US_POSIX")) else {
                throw mismatch(Decimal.self, node, path)
            }
            if let v = decimal as? T { return v }
        }
        return try T(from: TapeValueDecoder(reader: self, node: node, codingPath: path()))
    }

    func jsonValue(_ node: Int32) -> JSONValue {
        nodes.withUnsafeBufferPointer { n in
            bytes.withUnsafeBufferPointer { b in
                strings.withUnsafeBufferPointer { s in
                    TapeView(nodes: n, bytes: b, strings: s).value(node)
                }
            }
        }
    }
}

/// A decoder positioned at one node; also its own single-value container.
struct TapeValueDecoder: Decoder, SingleValueDecodingContainer {
    let reader: TapeReader
    let node: Int32
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard reader.kind(node) == .object else { throw reader.mismatch([String: Any].self, node, { codingPath }) }
        return KeyedDecodingContainer(TapeKeyedContainer<Key>(reader: reader, object: node, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard reader.kind(node) == .array else { throw reader.mismatch([Any].self, node, { codingPath }) }
        return TapeUnkeyedContainer(reader: reader, array: node, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func decodeNil() -> Bool { reader.kind(node) == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try reader.bool(node, codingPath) }
    func decode(_ type: String.Type) throws -> String { try reader.string(node, codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try reader.double(node, codingPath) }
    func decode(_ type: Float.Type) throws -> Float { try reader.float(node, codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try reader.integer(Int.self, node, codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try reader.integer(Int8.self, node, codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try reader.integer(Int16.self, node, codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try reader.integer(Int32.self, node, codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try reader.integer(Int64.self, node, codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try reader.integer(UInt.self, node, codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try reader.integer(UInt8.self, node, codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try reader.integer(UInt16.self, node, codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try reader.integer(UInt32.self, node, codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try reader.integer(UInt64.self, node, codingPath) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try reader.decode(T.self, at: node, path: codingPath) }
}
