import Logging
import OpenAPIRuntime

/// One item of a sequential body: a JSON record (JSON Lines, JSON text sequences) or a server-sent event.
enum StreamItem: Sendable {
    case json([UInt8])
    case event(RawEvent)
}

/// How each item of a stream is checked as it passes, and what a violation does: on a server reading a request,
/// a 400 (thrown into the handler, which hands it back); on a client reading a response or a server sending
/// one, what the response validation mode says (`.enforce`: the stream fails — or, server side, ends before the
/// item; `.report`: the item passes and the violation is logged); on a client sending one, the request fails.
struct ItemCheck: Sendable {
    let validator: Validator
    let media: MediaTypeContract
    let direction: MessageDirection
    /// Whether items are validated at all (a sent item is still framed; a received one still parsed and decoded).
    let enabled: Bool
    /// Violations stop the stream (rather than being logged).
    let enforce: Bool
    let jsonLimits: JSONParseLimits
    let maxItemSize: Int
    /// A server (reading requests, sending responses), or a client.
    let isServer: Bool
    let failure: BodyFailure
    let operationID: String
    let logger: Logger

    /// The violations of item number `index` (its data parsed once, here), and its data when it is JSON.
    func issues(of item: StreamItem, index: Int) -> (issues: [ValidationIssue], tape: JSONTape?, syntax: String?) {
        let base = "[\(index)]"
        switch item {
        case .json(let bytes):
            let tape: JSONTape
            do {
                tape = try JSONTape(parsing: bytes, limits: jsonLimits)
            } catch {
                return ([Self.issue(base, "syntax", "Item \(index) is not valid JSON: \(error)")], nil, "\(error)")
            }
            guard enabled, let schema = media.schema else { return ([], tape, nil) }
            return (validator.validate(tape, against: schema, direction: direction, base: base), tape, nil)
        case .event(let event):
            var tape: JSONTape?
            var issues: [ValidationIssue] = []
            var syntax: String?
            if media.eventDataIsJSON {
                do {
                    tape = try JSONTape(parsing: Array(event.data.utf8), limits: jsonLimits)
                } catch {
                    syntax = "\(error)"
                    if media.schema != nil || media.eventSchema != nil {
                        issues.append(Self.issue(base + ".data", "syntax", "Event \(index)'s data is not valid JSON: \(error)"))
                    }
                }
            }
            guard enabled else { return (issues, tape, syntax) }
            if let tape, let schema = media.schema {
                issues += validator.validate(tape, against: schema, direction: direction, base: base + ".data")
            }
            if let schema = media.eventSchema {
                var object = JSONObject()
                if let name = event.event { object.entries.append(("event", .string(name))) }
                // Data with a schema of its own (`contentSchema`) is a string to the event's schema; otherwise
                // JSON data is the parsed value (`data: {$ref: Tick}`).
                object.entries.append(("data", media.schema == nil ? (tape?.value ?? .string(event.data)) : .string(event.data)))
                if let id = event.id { object.entries.append(("id", .string(id))) }
                if let retry = event.retry { object.entries.append(("retry", .number(JSONNumber(retry)))) }
                issues += validator.validate(.object(object), against: schema, direction: direction, base: base)
            }
            return (issues, tape, syntax)
        }
    }

    /// What a violation of a received item does: throws (request side, or `.enforce`), or logs.
    func received(_ issues: [ValidationIssue]) throws {
        guard !issues.isEmpty else { return }
        if isServer { throw APIError.validation(issues) }
        let violation = ContractViolation(phase: .response, operationID: operationID, issues: issues)
        if enforce { throw violation }
        logger.warning("\(violation.description)")
    }

    static func issue(_ field: String, _ constraint: String, _ message: String) -> ValidationIssue {
        ValidationIssue(field: field, pointer: "", location: .body, constraint: constraint, value: nil, message: message)
    }
}

// MARK: Reading

/// The items of a received sequential body, framed as the bytes arrive.
final class RawItemIterator: AnyIterator<StreamItem> {
    private var body: HTTPBody.Iterator
    private let coding: BodyCoding
    private var sse: SSEFramer
    private var records: RecordFramer
    private var pending: [StreamItem] = []
    private var ended = false
    private let failure: BodyFailure

    init(_ body: HTTPBody, coding: BodyCoding, maxItemSize: Int, failure: BodyFailure) {
        self.body = body.makeAsyncIterator()
        self.coding = coding
        sse = SSEFramer(maxSize: maxItemSize)
        records = RecordFramer(separator: coding == .jsonSequence ? 0x1E : 0x0A, maxSize: maxItemSize)
        self.failure = failure
    }

    override func next() async throws -> StreamItem? {
        while pending.isEmpty {
            if ended { return nil }
            do {
                guard let chunk = try await body.next() else {
                    ended = true
                    if coding != .eventStream, let last = records.finish() { pending.append(.json(last)) }
                    break
                }
                if coding == .eventStream {
                    pending = try sse.feed(chunk).map(StreamItem.event)
                } else {
                    pending = try records.feed(chunk).map(StreamItem.json)
                }
            } catch let error as StreamItemTooLarge {
                throw failure.error(field: "", "A streamed item is larger than the \(ByteCountText.describe(error.limit)) limit")
            }
        }
        return pending.isEmpty ? nil : pending.removeFirst()
    }
}

/// Received items, each checked and decoded by `decode` (nil ends the stream).
final class DecodedItems<Element>: AnyIterator<Element> {
    private let items: AnyIterator<StreamItem>
    private let decode: (StreamItem, Int) throws -> Element?
    private var index = 0

    init(_ items: AnyIterator<StreamItem>, decode: @escaping (StreamItem, Int) throws -> Element?) {
        self.items = items
        self.decode = decode
    }

    override func next() async throws -> Element? {
        guard let item = try await items.next() else { return nil }
        defer { index += 1 }
        return try decode(item, index)
    }
}

extension ItemCheck {
    /// A JSON record (JSON Lines, JSON text sequences) checked and decoded into `T`.
    func record<T: Decodable>(_ item: StreamItem, index: Int) throws -> T {
        let (issues, tape, syntax) = self.issues(of: item, index: index)
        try received(issues)
        guard let tape else { throw failure.error(field: "[\(index)]", "Not valid JSON: \(syntax ?? "")") }
        do {
            return try TapeDecoding.decode(T.self, from: tape)
        } catch {
            throw failure.error(field: "[\(index)]", "Cannot be read as \(T.self): \(InputDecodingError.describe(error))")
        }
    }

    /// An event checked and its data decoded into `T`; nil for `data: [DONE]` when data is JSON, which ends the
    /// stream: a convention (OpenAI's and others') that no spec declares but every client of such an API needs.
    func event<T: Decodable & Sendable>(_ item: StreamItem, index: Int) throws -> ServerEvent<T>? {
        guard case .event(let event) = item else { return nil }
        if media.eventDataIsJSON && event.data == "[DONE]" { return nil }
        let (issues, tape, _) = self.issues(of: item, index: index)
        try received(issues)
        do {
            let data: T
            if let tape, T.self != String.self {
                data = try TapeDecoding.decode(T.self, from: tape)
            } else {
                data = try ValueCoding.decode(T.self, from: .string(event.data))
            }
            return ServerEvent(data: data, event: event.event, id: event.id, retry: event.retry)
        } catch {
            throw failure.error(field: "[\(index)].data", "Cannot be read as \(T.self): \(InputDecodingError.describe(error))")
        }
    }
}

// MARK: Sending

/// Items going out as bytes: each framed for its coding and checked first when the check is enabled.
struct OutgoingItemBytes: AsyncSequence, Sendable {
    typealias Element = ArraySlice<UInt8>
    let items: EventStream<StreamItem>
    let check: ItemCheck

    func makeAsyncIterator() -> Iterator { Iterator(items: items.makeAsyncIterator(), check: check) }

    struct Iterator: AsyncIteratorProtocol {
        var items: EventStream<StreamItem>.Iterator
        let check: ItemCheck
        var index = 0
        var stopped = false

        mutating func next() async throws -> ArraySlice<UInt8>? {
            guard !stopped, let item = try await items.next() else { return nil }
            defer { index += 1 }
            if check.enabled {
                let issues = check.issues(of: item, index: index).issues
                if !issues.isEmpty {
                    let violation = ContractViolation(phase: check.isServer ? .response : .request,
                                                      operationID: check.operationID, issues: issues)
                    // A client sending a stream: the request fails.
                    guard check.isServer else { throw violation }
                    // A server sending one: the status is gone already; stop before the item, or log it.
                    if check.enforce {
                        check.logger.error("stream ended: \(violation.description)")
                        stopped = true
                        return nil
                    }
                    check.logger.warning("\(violation.description)")
                }
            }
            switch item {
            case .event(let event): return SSEFramer.encode(event)[...]
            case .json(let bytes):
                var out = bytes
                if check.media.coding == .jsonSequence { out.insert(0x1E, at: 0) }
                out.append(0x0A)
                return out[...]
            }
        }
    }
}

// MARK: Passing through

/// A stream's bytes passed on unchanged while its items are framed and checked as they go by (validation
/// middlewares, which see bytes rather than typed items). A violation does what `ItemCheck.received` says.
struct CheckedItemBytes: AsyncSequence, Sendable {
    typealias Element = ArraySlice<UInt8>
    let base: HTTPBody
    let check: ItemCheck

    func makeAsyncIterator() -> Iterator {
        Iterator(base: base.makeAsyncIterator(), check: check, sse: SSEFramer(maxSize: check.maxItemSize),
                 records: RecordFramer(separator: check.media.coding == .jsonSequence ? 0x1E : 0x0A, maxSize: check.maxItemSize))
    }

    struct Iterator: AsyncIteratorProtocol {
        var base: HTTPBody.Iterator
        let check: ItemCheck
        var sse: SSEFramer
        var records: RecordFramer
        var index = 0
        var finished = false

        mutating func next() async throws -> ArraySlice<UInt8>? {
            guard let chunk = try await base.next() else {
                if !finished, check.media.coding != .eventStream, let last = records.finish() { try checkItems([.json(last)]) }
                return nil
            }
            guard !finished else { return chunk }
            do {
                let items = check.media.coding == .eventStream ? try sse.feed(chunk).map(StreamItem.event) : try records.feed(chunk).map(StreamItem.json)
                try checkItems(items)
            } catch let error as StreamItemTooLarge {
                try check.received([ItemCheck.issue("", "maxLength", "A streamed item is larger than the \(ByteCountText.describe(error.limit)) limit")])
                finished = true
            }
            return chunk
        }

        private mutating func checkItems(_ items: [StreamItem]) throws {
            for item in items {
                if check.media.eventDataIsJSON, case .event(let event) = item, event.data == "[DONE]" {
                    finished = true
                    return
                }
                try check.received(check.issues(of: item, index: index).issues)
                index += 1
            }
        }
    }
}
