/// A typed stream of items (server-sent events, JSON lines, JSON text sequences): what generated code hands a
/// client for a streamed response and takes from a server handler for one.
///
/// A client reads it as the bytes arrive, each item validated and decoded on the way:
///
///     for try await event in stream { print(event.data.delta) }
///
/// A server handler returns one made from any async sequence (`AsyncStream`, a mapped sequence …) or an array;
/// each item is encoded and checked as it is sent. Two streams are equal when they are the same stream.
public struct EventStream<Element: Sendable>: AsyncSequence, Sendable, Hashable {
    private let source: Source

    /// Items produced by `sequence`, iterated when the stream is.
    public init<S: AsyncSequence & Sendable>(_ sequence: S) where S.Element == Element {
        source = Source { IteratorBox(sequence.makeAsyncIterator()) }
    }

    /// A stream of the given items.
    public init(_ items: [Element]) {
        source = Source { IteratorBox(items.async.makeAsyncIterator()) }
    }

    /// A stream made from an iterator factory (the runtime's readers).
    init(makeIterator: @escaping @Sendable () -> AnyIterator<Element>) {
        source = Source(make: makeIterator)
    }

    public func makeAsyncIterator() -> Iterator { Iterator(box: source.make()) }

    /// Yields the stream's items in order; throws what the source throws (a violation, a broken connection).
    public struct Iterator: AsyncIteratorProtocol {
        let box: AnyIterator<Element>
        public mutating func next() async throws -> Element? { try await box.next() }
    }

    /// Each item transformed by `transform`, lazily.
    func mapItems<T: Sendable>(_ transform: @escaping @Sendable (Element) throws -> T) -> EventStream<T> {
        let source = source
        return EventStream<T> { MapIterator(base: source.make(), transform: transform) }
    }

    public static func == (a: EventStream, b: EventStream) -> Bool { a.source === b.source }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(source)) }

    private final class Source: Sendable {
        let make: @Sendable () -> AnyIterator<Element>
        init(make: @escaping @Sendable () -> AnyIterator<Element>) { self.make = make }
    }
}

/// A type-erased async iterator (a class: iterators are used by one task at a time and never shared).
class AnyIterator<Element> {
    func next() async throws -> Element? { nil }
}

private final class IteratorBox<Base: AsyncIteratorProtocol>: AnyIterator<Base.Element> {
    var base: Base
    init(_ base: Base) { self.base = base }
    override func next() async throws -> Base.Element? { try await base.next() }
}

private final class MapIterator<In, Out>: AnyIterator<Out> {
    let base: AnyIterator<In>
    let transform: (In) throws -> Out
    init(base: AnyIterator<In>, transform: @escaping (In) throws -> Out) {
        self.base = base
        self.transform = transform
    }

    override func next() async throws -> Out? {
        guard let item = try await base.next() else { return nil }
        return try transform(item)
    }
}

extension Array where Element: Sendable {
    /// The elements as an async sequence.
    var async: ArrayItems<Element> { ArrayItems(items: self) }
}

struct ArrayItems<Element: Sendable>: AsyncSequence, Sendable {
    let items: [Element]
    struct AsyncIterator: AsyncIteratorProtocol {
        var rest: ArraySlice<Element>
        mutating func next() async -> Element? { rest.popFirst() }
    }
    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(rest: items[...]) }
}
