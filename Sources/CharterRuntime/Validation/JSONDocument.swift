/// Read access to a parsed JSON document, so one validator serves both `JSONValue` trees (API callers,
/// tools) and tapes (request bodies, where speed matters). Specialised per conformance; no boxing.
protocol JSONDocument {
    associatedtype Ref
    associatedtype Key
    associatedtype Elements: Sequence where Elements.Element == Ref
    associatedtype Members: Sequence where Members.Element == (key: Key, value: Ref)

    func kind(_ r: Ref) -> JSONKind
    func bool(_ r: Ref) -> Bool
    func isIntegral(_ r: Ref) -> Bool
    func number(_ r: Ref) -> JSONNumber
    /// The number in the form the fast comparisons use (no strings).
    func sample(_ r: Ref) -> NumberRules.Value
    /// The number as mantissa × 10^-scale, when its literal has no exponent and at most 18 digits.
    func scaled(_ r: Ref) -> (mantissa: Int64, scale: Int)?
    func withUTF8<T>(_ r: Ref, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T
    func keyUTF8<T>(_ k: Key, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T
    func keyString(_ k: Key) -> String
    func count(_ r: Ref) -> Int
    func elements(_ r: Ref) -> Elements
    func members(_ r: Ref) -> Members
    /// The value as a `JSONValue` (for issue reports and container comparisons).
    func value(_ r: Ref) -> JSONValue
}

extension JSONDocument {
    /// The member named `name` (exact code points).
    func member(_ r: Ref, _ name: String) -> Ref? {
        for (key, value) in members(r) where keyEquals(key, name) { return value }
        return nil
    }

    @inline(__always) func keyEquals(_ key: Key, _ name: String) -> Bool {
        keyUTF8(key) { bytes in Bytes.equal(bytes, name) }
    }

    /// JSON equality with a literal from the spec (enum, const), without materialising scalars.
    func equals(_ r: Ref, _ literal: JSONValue) -> Bool {
        switch (kind(r), literal) {
        case (.null, .null): return true
        case (.bool, .bool(let b)): return bool(r) == b
        case (.number, .number(let n)): return number(r) == n
        case (.string, .string(let s)): return withUTF8(r) { Bytes.equal($0, s) }
        case (.array, .array), (.object, .object): return value(r) == literal
        default: return false
        }
    }

    /// JSON equality of two values of the same document (uniqueItems).
    func equal(_ a: Ref, _ b: Ref) -> Bool {
        let k = kind(a)
        guard k == kind(b) else { return false }
        switch k {
        case .null: return true
        case .bool: return bool(a) == bool(b)
        case .number: return number(a) == number(b)
        case .string: return withUTF8(a) { x in withUTF8(b) { y in Bytes.equal(x, y) } }
        case .array, .object: return value(a) == value(b)
        }
    }
}

enum Bytes {
    @inline(__always) static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }

    @inline(__always) static func equal(_ a: UnsafeBufferPointer<UInt8>, _ s: String) -> Bool {
        let utf8 = s.utf8
        guard utf8.count == a.count else { return false }
        return utf8.withContiguousStorageIfAvailable { equal(a, $0) } ?? a.elementsEqual(utf8)
    }

    /// Unicode scalars in UTF-8 bytes: the bytes that are not continuation bytes.
    @inline(__always) static func codePointCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        for b in bytes where b & 0xC0 != 0x80 { n &+= 1 }
        return n
    }
}

/// `JSONValue` trees as a document.
struct ValueDocument: JSONDocument {
    func kind(_ r: JSONValue) -> JSONKind {
        switch r {
        case .null: .null
        case .bool: .bool
        case .number: .number
        case .string: .string
        case .array: .array
        case .object: .object
        }
    }

    func bool(_ r: JSONValue) -> Bool { if case .bool(let b) = r { return b } else { return false } }
    func isIntegral(_ r: JSONValue) -> Bool { if case .number(let n) = r { return n.isIntegral } else { return false } }
    func number(_ r: JSONValue) -> JSONNumber { if case .number(let n) = r { return n } else { return JSONNumber(0) } }
    func sample(_ r: JSONValue) -> NumberRules.Value { NumberRules.Value(number(r)) }
    func scaled(_ r: JSONValue) -> (mantissa: Int64, scale: Int)? { NumberMath.scaled(number(r)) }

    func withUTF8<T>(_ r: JSONValue, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        guard case .string(var s) = r else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return s.withUTF8(body)
    }

    func keyUTF8<T>(_ k: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        var k = k
        return k.withUTF8(body)
    }

    func keyString(_ k: String) -> String { k }

    func count(_ r: JSONValue) -> Int {
        switch r {
        case .array(let a): a.count
        case .object(let o): o.count
        default: 0
        }
    }

    func elements(_ r: JSONValue) -> [JSONValue] { if case .array(let a) = r { return a } else { return [] } }
    func members(_ r: JSONValue) -> [(key: String, value: JSONValue)] { if case .object(let o) = r { return o.entries } else { return [] } }
    func value(_ r: JSONValue) -> JSONValue { r }
}

/// Tapes as a document: references are node indices.
extension TapeView: JSONDocument {
    func kind(_ r: Int32) -> JSONKind { nodes[Int(r)].kind }
    func bool(_ r: Int32) -> Bool { nodes[Int(r)].payload != 0 }
    func isIntegral(_ r: Int32) -> Bool {
        let n = nodes[Int(r)]
        if n.flag { return true }
        let d = Double(bitPattern: UInt64(bitPattern: n.payload))
        return d.isFinite && d == d.rounded()
    }

    func sample(_ r: Int32) -> NumberRules.Value {
        let n = nodes[Int(r)]
        if n.flag { return NumberRules.Value(integer: n.payload, double: Double(n.payload), exact: n.payload.magnitude <= 1 << 53) }
        return NumberRules.Value(integer: nil, double: Double(bitPattern: UInt64(bitPattern: n.payload)), exact: false)
    }

    func scaled(_ r: Int32) -> (mantissa: Int64, scale: Int)? {
        let n = nodes[Int(r)]
        if n.flag { return (n.payload, 0) }
        return NumberMath.scaled(UnsafeBufferPointer(rebasing: bytes[Int(n.offset)..<Int(n.offset + n.length)]))
    }

    func withUTF8<T>(_ r: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        let n = nodes[Int(r)]
        if n.flag {
            var s = strings[Int(n.payload)]
            return s.withUTF8(body)
        }
        return body(UnsafeBufferPointer(start: bytes.baseAddress.map { $0 + Int(n.offset) }, count: Int(n.length)))
    }

    func keyUTF8<T>(_ k: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T { withUTF8(k, body) }
    func keyString(_ k: Int32) -> String { text(k) }
    func count(_ r: Int32) -> Int { Int(nodes[Int(r)].offset) }
    func elements(_ r: Int32) -> TapeElements { TapeElements(view: self, next: r + 1, remaining: nodes[Int(r)].offset) }
    func members(_ r: Int32) -> TapeMembers { TapeMembers(view: self, next: r + 1, remaining: nodes[Int(r)].offset) }
}

struct TapeElements: Sequence, IteratorProtocol {
    let view: TapeView
    var cursor: Int32
    var remaining: Int32

    init(view: TapeView, next: Int32, remaining: Int32) {
        self.view = view
        cursor = next
        self.remaining = remaining
    }

    mutating func next() -> Int32? {
        guard remaining > 0 else { return nil }
        remaining -= 1
        let current = cursor
        cursor = view.skip(current)
        return current
    }
}

struct TapeMembers: Sequence, IteratorProtocol {
    let view: TapeView
    var cursor: Int32
    var remaining: Int32

    init(view: TapeView, next: Int32, remaining: Int32) {
        self.view = view
        cursor = next
        self.remaining = remaining
    }

    mutating func next() -> (key: Int32, value: Int32)? {
        guard remaining > 0 else { return nil }
        remaining -= 1
        let key = cursor
        cursor = view.skip(key + 1)
        return (key, key + 1)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
