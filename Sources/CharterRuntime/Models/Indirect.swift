/// Stores a value out of line so a struct can contain itself (`parent: Node?` in a `Node`), which Swift
/// structs cannot do directly. Generated models use it only on properties that close a cycle.
@propertyWrapper
public struct Indirect<Value: Sendable>: Sendable {
    private final class Box: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    /// Boxes `wrappedValue`.
    public init(wrappedValue: Value) {
        box = Box(wrappedValue)
    }

    /// The boxed value (copy-on-write).
    public var wrappedValue: Value {
        get { box.value }
        set { box = Box(newValue) }
    }
}

extension Indirect: Equatable where Value: Equatable {
    public static func == (lhs: Indirect, rhs: Indirect) -> Bool { lhs.wrappedValue == rhs.wrappedValue }
}

extension Indirect: Hashable where Value: Hashable {
    public func hash(into hasher: inout Hasher) { hasher.combine(wrappedValue) }
}

extension Indirect: Codable where Value: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(wrappedValue: try Value(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try wrappedValue.encode(to: encoder)
    }
}

extension KeyedDecodingContainer {
    /// An absent optional property wrapped in `Indirect` decodes as nil (not as a missing key).
    public func decode<T>(_ type: Indirect<T?>.Type, forKey key: Key) throws -> Indirect<T?> where T: Decodable {
        Indirect(wrappedValue: try decodeIfPresent(T.self, forKey: key))
    }
}

extension KeyedEncodingContainer {
    /// Leaves the key out when the boxed optional is nil, as `encodeIfPresent` does for plain optionals.
    public mutating func encode<T>(_ value: Indirect<T?>, forKey key: Key) throws where T: Encodable {
        try encodeIfPresent(value.wrappedValue, forKey: key)
    }
}
