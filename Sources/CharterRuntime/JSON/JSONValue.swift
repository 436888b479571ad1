/// A JSON value as the runtime validates it: numbers keep enough to be exact for int64 and decimal literals.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The JSON type name used in messages and `type` checks ("integer" only when the number is integral).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number(let n): n.isIntegral ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// The member `key` of an object; nil for other values or a missing key.
    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// The element at `index` of an array; nil for other values or out of range.
    public subscript(index: Int) -> JSONValue? {
        if case .array(let a) = self, index >= 0, index < a.count { return a[index] }
        return nil
    }

    /// The text of a string value; nil for other values.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// JSON equality: strings by code points (Swift's `==` would equate "é" and "e\u{301}"), numbers by
    /// value (1 == 1.0), objects regardless of key order.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return sameCodePoints(a, b)
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a == b
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(b)
        case .number(let n): hasher.combine(n)
        case .string(let s): hasher.combine(s) // canonically equal strings hash alike: still consistent with ==
        case .array(let a): hasher.combine(a)
        case .object(let o): hasher.combine(o)
        }
    }
}

/// A JSON number: its `Double` value, the exact `Int64` when the literal is an integer that fits, and the
/// literal text otherwise (decimals, exponents, integers beyond 64 bits) for exact decimal arithmetic.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The value as a Double (rounded for literals a Double cannot hold).
    public let double: Double
    /// The value when it is an integer that fits in Int64.
    public let integer: Int64?
    /// The number as written, when it is not an Int64 (exact bounds and `multipleOf` use it).
    public let literal: String?

    /// An integer.
    public init(_ value: Int64) {
        double = Double(value)
        integer = value
        literal = nil
    }

    /// An integer.
    public init(_ value: Int) { self.init(Int64(value)) }

    /// A number (integral values are stored as integers).
    public init(_ value: Double) {
        double = value
        if value == value.rounded(), abs(value) < 9.2e18 { integer = Int64(value) } else { integer = nil }
        literal = nil
    }

    /// From a literal already known to be valid JSON number syntax.
    public init(literal text: String, double: Double, integer: Int64?) {
        self.double = double
        self.integer = integer
        self.literal = integer == nil ? text : nil
    }

    /// Integral in value (2020-12 semantics: `1.0` is an integer).
    public var isIntegral: Bool { integer != nil || (double.isFinite && double == double.rounded()) }

    public var description: String {
        if let integer { return String(integer) }
        if let literal { return literal }
        return double.isFinite ? "\(double)" : "null"
    }

    // Numbers compare by value: 1 == 1.0.
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        if let a = lhs.integer, let b = rhs.integer { return a == b }
        return lhs.double == rhs.double
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(double)
    }
}

/// A JSON object with its keys in document order.
public struct JSONObject: Sendable, Hashable, Sequence {
    /// The members in document order.
    public var entries: [(key: String, value: JSONValue)]

    /// An object of `entries` (keys are expected to be distinct).
    public init(_ entries: [(key: String, value: JSONValue)] = []) {
        self.entries = entries
    }

    /// The number of members.
    public var count: Int { entries.count }
    /// Whether the object has no members.
    public var isEmpty: Bool { entries.isEmpty }
    public func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> { entries.makeIterator() }

    /// Lookup by exact key (code points, not Unicode canonical equivalence).
    public subscript(key: String) -> JSONValue? {
        get {
            for entry in entries where sameCodePoints(entry.key, key) { return entry.value }
            return nil
        }
        set {
            if let i = entries.firstIndex(where: { sameCodePoints($0.key, key) }) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    /// Objects are equal when they hold the same keys with equal values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (key, value) in lhs.entries {
            guard let other = rhs[key], other == value else { return false }
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        // Order-independent: combine per-entry hashes commutatively.
        var sum = 0
        for (key, value) in entries {
            var h = Hasher()
            h.combine(key)
            h.combine(value)
            sum = sum &+ h.finalize()
        }
        hasher.combine(count)
        hasher.combine(sum)
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(JSONNumber(value)) }
    public init(floatLiteral value: Double) { self = .number(JSONNumber(value)) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements.map { (key: $0.0, value: $0.1) }))
    }
}

/// Code-point equality of two strings (Swift's `==` is Unicode canonical equivalence), by comparing UTF-8 bytes.
@inline(__always)
func sameCodePoints(_ a: String, _ b: String) -> Bool {
    let au = a.utf8, bu = b.utf8
    guard au.count == bu.count else { return false }
    if let r = au.withContiguousStorageIfAvailable({ x in
        bu.withContiguousStorageIfAvailable { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
    }), let result = r {
        return result
    }
    return au.elementsEqual(bu)
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
