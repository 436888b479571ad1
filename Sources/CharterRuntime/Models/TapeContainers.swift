/// The keyed and unkeyed containers of `TapeValueDecoder`. Members are found by comparing key bytes in
/// place (objects in bodies are small: a scan beats building a dictionary per object).
struct TapeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let reader: TapeReader
    let object: Int32
    let codingPath: [any CodingKey]

    var allKeys: [Key] {
        var keys: [Key] = []
        var child = object + 1
        for _ in 0..<reader.count(object) {
            if let key = Key(stringValue: reader.text(child)) { keys.append(key) }
            child = reader.skip(child + 1)
        }
        return keys
    }

    func contains(_ key: Key) -> Bool { reader.member(key.stringValue, in: object) != nil }

    private func value(_ key: Key) throws -> Int32 {
        guard let node = reader.member(key.stringValue, in: object) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
        }
        return node
    }

    /// The member's node unless it is absent or null (what `decodeIfPresent` means), found in one scan.
    private func presentValue(_ key: Key) -> Int32? {
        guard let node = reader.member(key.stringValue, in: object), reader.kind(node) != .null else { return nil }
        return node
    }

    private func path(_ key: Key) -> [any CodingKey] { codingPath + [key] }

    func decodeNil(forKey key: Key) throws -> Bool { reader.kind(try value(key)) == .null }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try reader.bool(try value(key), path(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try reader.string(try value(key), path(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try reader.double(try value(key), path(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try reader.float(try value(key), path(key)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try reader.integer(Int.self, try value(key), path(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try reader.integer(Int8.self, try value(key), path(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try reader.integer(Int16.self, try value(key), path(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try reader.integer(Int32.self, try value(key), path(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try reader.integer(Int64.self, try value(key), path(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try reader.integer(UInt.self, try value(key), path(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try reader.integer(UInt8.self, try value(key), path(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try reader.integer(UInt16.self, try value(key), path(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try reader.integer(UInt32.self, try value(key), path(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try reader.integer(UInt64.self, try value(key), path(key)) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try reader.decode(T.self, at: try value(key), path: path(key)) }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try presentValue(key).map { try reader.bool($0, path(key)) } }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try presentValue(key).map { try reader.string($0, path(key)) } }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try presentValue(key).map { try reader.double($0, path(key)) } }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try presentValue(key).map { try reader.float($0, path(key)) } }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try presentValue(key).map { try reader.integer(Int.self, $0, path(key)) } }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try presentValue(key).map { try reader.integer(Int8.self, $0, path(key)) } }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try presentValue(key).map { try reader.integer(Int16.self, $0, path(key)) } }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try presentValue(key).map { try reader.integer(Int32.self, $0, path(key)) } }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try presentValue(key).map { try reader.integer(Int64.self, $0, path(key)) } }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try presentValue(key).map { try reader.integer(UInt.self, $0, path(key)) } }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try presentValue(key).map { try reader.integer(UInt8.self, $0, path(key)) } }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try presentValue(key).map { try reader.integer(UInt16.self, $0, path(key)) } }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try presentValue(key).map { try reader.integer(UInt32.self, $0, path(key)) } }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try presentValue(key).map { try reader.integer(UInt64.self, $0, path(key)) } }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try presentValue(key).map { try reader.decode(T.self, at: $0, path: path(key)) }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try TapeValueDecoder(reader: reader, node: try value(key), codingPath: path(key)).container(keyedBy: NestedKey.self)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try TapeValueDecoder(reader: reader, node: try value(key), codingPath: path(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { try superDecoder(forKey: AnyCodingKey("super")) }

    func superDecoder(forKey key: Key) throws -> any Decoder { try superDecoder(forKey: AnyCodingKey(key.stringValue)) }

    private func superDecoder(forKey key: AnyCodingKey) throws -> any Decoder {
        guard let node = reader.member(key.stringValue, in: object) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "No value associated with key \(key.stringValue)."))
        }
        return TapeValueDecoder(reader: reader, node: node, codingPath: codingPath + [key])
    }
}

struct TapeUnkeyedContainer: UnkeyedDecodingContainer {
    let reader: TapeReader
    let codingPath: [any CodingKey]
    let count: Int?
    private(set) var currentIndex = 0
    /// The next element's node.
    private var next: Int32

    init(reader: TapeReader, array: Int32, codingPath: [any CodingKey]) {
        self.reader = reader
        self.codingPath = codingPath
        count = reader.count(array)
        next = array + 1
    }

    var isAtEnd: Bool { currentIndex >= (count ?? 0) }

    private var path: [any CodingKey] { codingPath + [IndexCodingKey(currentIndex)] }

    /// The next element's node, moving past it; throws at the end like JSONDecoder.
    private mutating func take(_ type: Any.Type) throws -> Int32 {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(codingPath: path, debugDescription: "Unkeyed container is at end."))
        }
        let node = next
        next = reader.skip(node)
        currentIndex += 1
        return node
    }

    /// Reads the next element with `read`; the index moves on only when it succeeds (as in JSONDecoder).
    private mutating func read<T>(_ type: Any.Type, _ read: (TapeReader, Int32, () -> [any CodingKey]) throws -> T) throws -> T {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(codingPath: path, debugDescription: "Unkeyed container is at end."))
        }
        let index = currentIndex, codingPath = codingPath
        let value = try read(reader, next, { codingPath + [IndexCodingKey(index)] })
        next = reader.skip(next)
        currentIndex += 1
        return value
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, reader.kind(next) == .null else { return false }
        _ = try take(Never.self)
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try read(type) { try $0.bool($1, $2()) } }
    mutating func decode(_ type: String.Type) throws -> String { try read(type) { try $0.string($1, $2()) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try read(type) { try $0.double($1, $2()) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try read(type) { try $0.float($1, $2()) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try read(type) { try $0.integer(Int.self, $1, $2()) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try read(type) { try $0.integer(Int8.self, $1, $2()) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try read(type) { try $0.integer(Int16.self, $1, $2()) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try read(type) { try $0.integer(Int32.self, $1, $2()) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try read(type) { try $0.integer(Int64.self, $1, $2()) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try read(type) { try $0.integer(UInt.self, $1, $2()) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try read(type) { try $0.integer(UInt8.self, $1, $2()) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try read(type) { try $0.integer(UInt16.self, $1, $2()) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try read(type) { try $0.integer(UInt32.self, $1, $2()) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try read(type) { try $0.integer(UInt64.self, $1, $2()) } }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try read(type) { try $0.decode(T.self, at: $1, path: $2()) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try read(type) { try TapeValueDecoder(reader: $0, node: $1, codingPath: $2()).container(keyedBy: NestedKey.self) }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try read(Any.self) { try TapeValueDecoder(reader: $0, node: $1, codingPath: $2()).unkeyedContainer() }
    }

    mutating func superDecoder() throws -> any Decoder {
        try read(Any.self) { TapeValueDecoder(reader: $0, node: $1, codingPath: $2()) }
    }
}

/// An array position in a coding path (`intValue` set, as JSONDecoder's are, so paths render as `items[3]`).
struct IndexCodingKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}
