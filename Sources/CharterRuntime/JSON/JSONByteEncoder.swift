import Foundation

/// Encodable values straight to compact JSON bytes: the writing counterpart of `TapeDecoding`.
///
/// Foundation's `JSONEncoder` first builds a tree of boxed values and then serialises it; in the serving profile
/// that was the largest single cost of a JSON response (issue 24). This encoder writes each value as the type
/// hands it over. The rules are `JSONCoding.encoder()`'s: `Date` as RFC 3339, `Data` as base64, `URL` as its
/// absolute string, non-finite numbers an error. Properties come out in the order the type encodes them — a
/// generated model's declaration order, which is the spec's — and a `[String: V]` map's keys sorted, so the
/// output is deterministic without sorting every object.
///
/// Encoder containers have no "close" call, so an object or array is closed when the code that opened it
/// returns to its parent (or when its parent writes again). Code that writes into a container after its
/// parent has moved on cannot be served that way; the encoder notices and the value is encoded again by
/// `JSONEncoder`, so the result is always right.
public enum JSONByteEncoding {
    /// `value` as compact JSON (UTF-8).
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let sink = JSONByteSink()
        try sink.encodeValue(value)
        sink.closeLevels(downTo: 0)
        if sink.failed { return Array(try JSONCoding.encoder().encode(value)) }
        return sink.bytes
    }

    /// The key type `Dictionary<String, V>` encodes with (internal to the standard library, so learnt once by
    /// encoding a one-entry map): containers keyed by it are maps, whose keys are written sorted.
    static let dictionaryKeyType: ObjectIdentifier? = {
        let probe = JSONByteSink()
        probe.probing = true
        try? probe.encodeValue(["k": 0])
        return probe.probedKeyType
    }()
}

/// The output buffer and the stack of open containers, shared by every encoder and container of one call.
final class JSONByteSink {
    enum Kind { case object, array }
    struct Level {
        var kind: Kind
        var count = 0
        /// For maps: each entry's key and where its `"key":value` starts, to sort the entries when closing.
        var entries: [(key: String, start: Int)]?
    }

    // One encode call owns its sink and runs on one thread, so the runtime's exclusivity checks on these
    // properties (a thread-local access set touched on every append: a fifth of the encoding time) buy nothing.
    @exclusivity(unchecked) var bytes: [UInt8] = []
    @exclusivity(unchecked) var levels: [Level] = []
    /// Set when a container was used out of order; the caller re-encodes with `JSONEncoder`.
    var failed = false
    var probing = false
    var probedKeyType: ObjectIdentifier?
    /// Where the value being written sits: pushed and popped around each nested value, turned into a
    /// `codingPath` only when someone asks (an error, a type's own `encode(to:)` reading it).
    @exclusivity(unchecked) var path: [PathComponent] = []

    enum PathComponent {
        case key(any CodingKey)
        case index(Int)
    }

    func codingPath(_ depth: Int) -> [any CodingKey] {
        path.prefix(depth).map { component in
            switch component {
            case .key(let key): key
            case .index(let i): AnyCodingKey(String(i))
            }
        }
    }

    /// Writes `value` as the child at `component` of the container being written.
    func encodeChild<T: Encodable>(_ value: T, at component: PathComponent) throws {
        path.append(component)
        defer { path.removeLast() }
        try encodeValue(value)
    }
    /// Generated values are finite, but a hand-built chain of `Indirect` boxes could be deep enough to
    /// exhaust the stack.
    static let maxDepth = 512

    init() { bytes.reserveCapacity(512) }

    // MARK: Containers

    /// Closes containers above `level` (they were finished when their parent went on writing).
    func closeLevels(downTo level: Int) {
        while levels.count > level {
            let top = levels.removeLast()
            if let entries = top.entries { sortEntries(entries) }
            bytes.append(top.kind == .object ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        }
    }

    /// Opens (or continues) the container of the value being written at `level`.
    func open(_ kind: Kind, at level: Int, sorted: Bool = false) {
        if levels.count > level {
            closeLevels(downTo: level + 1)
            if levels[level].kind != kind { failed = true }
            return
        }
        guard levels.count == level else { failed = true; return }
        bytes.append(kind == .object ? UInt8(ascii: "{") : UInt8(ascii: "["))
        levels.append(Level(kind: kind, entries: sorted ? [] : nil))
    }

    /// Readies the container at `level` for its next element: closes finished children, writes the comma.
    func beginElement(at level: Int) {
        guard levels.count > level else { failed = true; return }
        closeLevels(downTo: level + 1)
        if levels[level].count > 0 { bytes.append(UInt8(ascii: ",")) }
        levels[level].count += 1
    }

    func beginEntry(_ key: String, at level: Int) {
        beginElement(at: level)
        if levels.count > level, levels[level].entries != nil { levels[level].entries?.append((key, bytes.count)) }
        appendString(key)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Rewrites a map's entries (written since its `{`) in key order.
    private func sortEntries(_ entries: [(key: String, start: Int)]) {
        guard entries.count > 1 else { return }
        var ordered = true
        for i in 1..<entries.count where entries[i - 1].key.utf8.lexicographicallyPrecedes(entries[i].key.utf8) == false {
            ordered = false
            break
        }
        if ordered { return }
        let first = entries[0].start
        // Entry i runs from its start to the comma before entry i + 1 (or to the end for the last).
        var segments: [(key: String, range: Range<Int>)] = []
        segments.reserveCapacity(entries.count)
        for (i, entry) in entries.enumerated() {
            let end = i + 1 < entries.count ? entries[i + 1].start - 1 : bytes.count
            segments.append((entry.key, entry.start..<end))
        }
        segments.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        var rewritten: [UInt8] = []
        rewritten.reserveCapacity(bytes.count - first)
        for (i, segment) in segments.enumerated() {
            if i > 0 { rewritten.append(UInt8(ascii: ",")) }
            rewritten.append(contentsOf: bytes[segment.range])
        }
        bytes.replaceSubrange(first..<bytes.count, with: rewritten)
    }

    // MARK: Values

    /// Writes one value in the slot its parent has readied.
    func encodeValue<T: Encodable>(_ value: T) throws {
        // Scalars arrive here from arrays and generic code; a metatype comparison is cheap enough to try first.
        if T.self == String.self, let s = value as? String { return appendString(s) }
        if T.self == Int.self, let i = value as? Int { return appendInteger(Int64(i)) }
        if T.self == Double.self, let d = value as? Double { return try appendDouble(d) }
        if T.self == Bool.self, let b = value as? Bool { return appendBool(b) }
        if T.self == Date.self, let date = value as? Date { return appendDate(date) }
        if T.self == Data.self, let data = value as? Data { return appendString(data.base64EncodedString()) }
        if T.self == URL.self, let url = value as? URL { return appendString(url.absoluteString) }
        if T.self == UUID.self, let uuid = value as? UUID { return appendString(UUIDText.text(uuid)) }
        guard path.count < Self.maxDepth else {
            throw EncodingError.invalidValue(value, EncodingError.Context(codingPath: codingPath(path.count), debugDescription: "Nested deeper than \(Self.maxDepth) levels"))
        }
        let level = levels.count
        let start = bytes.count
        try value.encode(to: JSONByteEncoder(sink: self, level: level, depth: path.count))
        closeLevels(downTo: level)
        // A value that opened no container and wrote nothing is an empty object, as JSONEncoder writes it.
        if bytes.count == start { bytes.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")]) }
    }

    func appendNull() { bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }

    func appendBool(_ b: Bool) {
        if b { bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65]) } else { bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65]) }
    }

    // Concrete for the two widest types, and every integer type converted to one of them where it is encoded: a
    // generic `BinaryInteger` body ran unspecialised from the containers (generic over their key type), each `%`
    // and `/` a witness call.
    func appendInteger(_ value: Int64) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            appendInteger(value.magnitude)  // Int64.min's magnitude fits in UInt64
        } else {
            appendInteger(UInt64(value))
        }
    }

    func appendInteger(_ value: UInt64) {
        if value < 10 { bytes.append(UInt8(ascii: "0") + UInt8(value)); return }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for UInt64.max's 20 digits
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest != 0 {
                buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                count += 1
                rest /= 10
            }
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[i]) }
        }
    }

    /// The path of an error in the value at `component` of the container being written (nil: the value itself).
    func errorPath(_ component: PathComponent?) -> [any CodingKey] {
        guard let component else { return codingPath(path.count) }
        path.append(component)
        defer { path.removeLast() }
        return codingPath(path.count)
    }

    func appendDouble(_ d: Double, at component: PathComponent? = nil) throws {
        try appendFloatingPoint(d, wholeBelow: 1e15, at: component)
    }

    func appendFloat(_ f: Float, at component: PathComponent? = nil) throws {
        try appendFloatingPoint(f, wholeBelow: 1e7, at: component)
    }

    /// Whole numbers below `limit` (where the type holds every integer exactly) as integers — `489`, not `489.0`, as
    /// JSONEncoder writes them; others by their shortest round-tripping description.
    private func appendFloatingPoint<F: BinaryFloatingPoint & CustomStringConvertible>(_ x: F, wholeBelow limit: F, at component: PathComponent?) throws {
        guard x.isFinite else {
            throw EncodingError.invalidValue(x, EncodingError.Context(codingPath: errorPath(component), debugDescription: "Unable to encode \(x) directly in JSON."))
        }
        if x.rounded(.towardZero) == x, abs(x) < limit {
            if x == 0, x.sign == .minus { bytes.append(contentsOf: [UInt8(ascii: "-"), UInt8(ascii: "0")]); return }
            return appendInteger(Int64(x))
        }
        bytes.append(contentsOf: x.description.utf8)
    }

    func appendDate(_ date: Date) {
        bytes.append(UInt8(ascii: "\""))
        RFC3339.append(date, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    func appendString(_ s: String) {
        JSONValue.appendQuoted(s, to: &bytes)
    }
}

/// The `Encoder` handed to one value: where its container sits on the sink's stack.
struct JSONByteEncoder: Encoder {
    let sink: JSONByteSink
    let level: Int
    /// How many path components lead to this value.
    let depth: Int
    var codingPath: [any CodingKey] { sink.codingPath(depth) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if sink.probing { sink.probedKeyType = ObjectIdentifier(Key.self) }
        let sorted = !sink.probing && ObjectIdentifier(Key.self) == JSONByteEncoding.dictionaryKeyType
        sink.open(.object, at: level, sorted: sorted)
        return KeyedEncodingContainer(JSONByteKeyedContainer<Key>(sink: sink, level: level, depth: depth))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        sink.open(.array, at: level)
        return JSONByteUnkeyedContainer(sink: sink, level: level, depth: depth)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONByteSingleValueContainer(sink: sink, level: level, depth: depth)
    }
}

struct JSONByteKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: JSONByteSink
    let level: Int
    let depth: Int
    var codingPath: [any CodingKey] { sink.codingPath(depth) }

    mutating func encodeNil(forKey key: Key) throws {
        sink.beginEntry(key.stringValue, at: level)
        sink.appendNull()
    }
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        sink.beginEntry(key.stringValue, at: level)
        sink.appendBool(value)
    }
    mutating func encode(_ value: String, forKey key: Key) throws {
        sink.beginEntry(key.stringValue, at: level)
        sink.appendString(value)
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        sink.beginEntry(key.stringValue, at: level)
        try sink.appendDouble(value, at: .key(key))
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        sink.beginEntry(key.stringValue, at: level)
        try sink.appendFloat(value, at: .key(key))
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { integer(Int64(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { integer(Int64(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { integer(Int64(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { integer(Int64(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { integer(UInt64(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { integer(UInt64(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { integer(UInt64(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { integer(UInt64(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { integer(value, key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        sink.beginEntry(key.stringValue, at: level)
        try sink.encodeChild(value, at: .key(key))
    }

    private func integer(_ value: Int64, _ key: Key) {
        sink.beginEntry(key.stringValue, at: level)
        sink.appendInteger(value)
    }
    private func integer(_ value: UInt64, _ key: Key) {
        sink.beginEntry(key.stringValue, at: level)
        sink.appendInteger(value)
    }

    // Nested containers are written as they are used; their path is the parent's (only errors read it).
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        sink.beginEntry(key.stringValue, at: level)
        return JSONByteEncoder(sink: sink, level: level + 1, depth: depth).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        sink.beginEntry(key.stringValue, at: level)
        return JSONByteEncoder(sink: sink, level: level + 1, depth: depth).unkeyedContainer()
    }
    // A super encoder may be written to after this container moves on; the stack cannot serve that.
    mutating func superEncoder() -> any Encoder { sink.failed = true; return JSONByteEncoder(sink: JSONByteSink(), level: 0, depth: 0) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder() }
}

struct JSONByteUnkeyedContainer: UnkeyedEncodingContainer {
    let sink: JSONByteSink
    let level: Int
    let depth: Int
    var codingPath: [any CodingKey] { sink.codingPath(depth) }
    var count: Int { sink.levels.count > level ? sink.levels[level].count : 0 }

    mutating func encodeNil() throws {
        sink.beginElement(at: level)
        sink.appendNull()
    }
    mutating func encode(_ value: Bool) throws {
        sink.beginElement(at: level)
        sink.appendBool(value)
    }
    mutating func encode(_ value: String) throws {
        sink.beginElement(at: level)
        sink.appendString(value)
    }
    mutating func encode(_ value: Double) throws { try element(value) }
    mutating func encode(_ value: Float) throws { try element(value) }
    mutating func encode(_ value: Int) throws { integer(Int64(value)) }
    mutating func encode(_ value: Int8) throws { integer(Int64(value)) }
    mutating func encode(_ value: Int16) throws { integer(Int64(value)) }
    mutating func encode(_ value: Int32) throws { integer(Int64(value)) }
    mutating func encode(_ value: Int64) throws { integer(value) }
    mutating func encode(_ value: UInt) throws { integer(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { integer(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { integer(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { integer(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { integer(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try element(value) }

    private func element<T: Encodable>(_ value: T) throws {
        let index = count
        sink.beginElement(at: level)
        try sink.encodeChild(value, at: .index(index))
    }

    private func integer(_ value: Int64) {
        sink.beginElement(at: level)
        sink.appendInteger(value)
    }
    private func integer(_ value: UInt64) {
        sink.beginElement(at: level)
        sink.appendInteger(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        sink.beginElement(at: level)
        return JSONByteEncoder(sink: sink, level: level + 1, depth: depth).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        sink.beginElement(at: level)
        return JSONByteEncoder(sink: sink, level: level + 1, depth: depth).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { sink.failed = true; return JSONByteEncoder(sink: JSONByteSink(), level: 0, depth: 0) }
}

struct JSONByteSingleValueContainer: SingleValueEncodingContainer {
    let sink: JSONByteSink
    let level: Int
    let depth: Int
    var codingPath: [any CodingKey] { sink.codingPath(depth) }

    /// The value's slot was readied by its parent; a single value opens nothing and must be written once.
    private func slot() {
        if sink.levels.count > level { sink.failed = true }
    }

    mutating func encodeNil() throws { slot(); sink.appendNull() }
    mutating func encode(_ value: Bool) throws { slot(); sink.appendBool(value) }
    mutating func encode(_ value: String) throws { slot(); sink.appendString(value) }
    mutating func encode(_ value: Double) throws { slot(); try sink.appendDouble(value) }
    mutating func encode(_ value: Float) throws { slot(); try sink.appendFloat(value) }
    mutating func encode(_ value: Int) throws { slot(); sink.appendInteger(Int64(value)) }
    mutating func encode(_ value: Int8) throws { slot(); sink.appendInteger(Int64(value)) }
    mutating func encode(_ value: Int16) throws { slot(); sink.appendInteger(Int64(value)) }
    mutating func encode(_ value: Int32) throws { slot(); sink.appendInteger(Int64(value)) }
    mutating func encode(_ value: Int64) throws { slot(); sink.appendInteger(value) }
    mutating func encode(_ value: UInt) throws { slot(); sink.appendInteger(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { slot(); sink.appendInteger(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { slot(); sink.appendInteger(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { slot(); sink.appendInteger(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { slot(); sink.appendInteger(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { slot(); try sink.encodeValue(value) }
}
