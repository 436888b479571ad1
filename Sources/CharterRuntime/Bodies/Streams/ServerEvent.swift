/// One server-sent event (`text/event-stream`) with a typed payload: `data` decoded from the event's data
/// (JSON, or the text itself when the payload is a `String`), and the event's own `event`, `id` and `retry`
/// fields as this event carried them.
public struct ServerEvent<Payload: Sendable>: Sendable {
    /// The event type (`event:` field); nil when the event has none (a browser calls it `message`).
    public var event: String?
    /// The event's `data`, decoded (JSON payloads) or as sent (text).
    public var data: Payload
    /// The `id:` field this event carried.
    public var id: String?
    /// The reconnection time in milliseconds (`retry:` field).
    public var retry: Int?

    /// An event to send.
    public init(data: Payload, event: String? = nil, id: String? = nil, retry: Int? = nil) {
        self.data = data
        self.event = event
        self.id = id
        self.retry = retry
    }
}

extension ServerEvent: Equatable where Payload: Equatable {}
extension ServerEvent: Hashable where Payload: Hashable {}

/// An event as the wire carries it, before its data is decoded.
struct RawEvent: Sendable, Equatable {
    var event: String?
    var data: String
    var id: String?
    var retry: Int?
}

/// Splits `text/event-stream` bytes into events (the WHATWG HTML parsing rules): lines end in CR, LF or CRLF;
/// `data:` lines join with LF; `:` lines are comments; an event is dispatched at a blank line when it has data;
/// unknown fields are ignored; a `retry` that is not all digits is ignored. Lines and events past `maxSize`
/// bytes throw rather than grow without bound.
struct SSEFramer {
    let maxSize: Int
    private var line: [UInt8] = []
    private var data: [UInt8] = []
    private var hasData = false
    private var event: String?
    private var id: String?
    private var retry: Int?
    /// A CR ended the last line: an LF right after it belongs to it.
    private var afterCR = false
    private var atStart = true

    init(maxSize: Int) {
        self.maxSize = maxSize
    }

    mutating func feed(_ chunk: ArraySlice<UInt8>) throws(StreamItemTooLarge) -> [RawEvent] {
        var out: [RawEvent] = []
        var bytes = chunk
        if atStart {
            if bytes.isEmpty { return [] }
            atStart = false
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        }
        for b in bytes {
            if afterCR {
                afterCR = false
                if b == 0x0A { continue }
            }
            if b == 0x0D || b == 0x0A {
                afterCR = b == 0x0D
                if let event = try endLine() { out.append(event) }
                continue
            }
            line.append(b)
            if line.count > maxSize { throw StreamItemTooLarge(limit: maxSize) }
        }
        return out
    }

    /// Processes one complete line; an event when the line was blank and data was given.
    private mutating func endLine() throws(StreamItemTooLarge) -> RawEvent? {
        defer { line.removeAll(keepingCapacity: true) }
        if line.isEmpty {
            defer {
                data.removeAll(keepingCapacity: true)
                hasData = false
                event = nil
                id = nil
                retry = nil
            }
            guard hasData else { return nil }
            return RawEvent(event: event, data: String(decoding: data, as: UTF8.self), id: id, retry: retry)
        }
        if line[0] == UInt8(ascii: ":") { return nil }
        let colon = line.firstIndex(of: UInt8(ascii: ":"))
        let name = line[..<(colon ?? line.endIndex)]
        var value = colon.map { line[line.index(after: $0)...] } ?? []
        if value.first == 0x20 { value = value.dropFirst() }
        switch String(decoding: name, as: UTF8.self) {
        case "data":
            if hasData { data.append(0x0A) }
            data.append(contentsOf: value)
            hasData = true
            if data.count > maxSize { throw StreamItemTooLarge(limit: maxSize) }
        case "event":
            event = String(decoding: value, as: UTF8.self)
        case "id":
            if !value.contains(0) { id = String(decoding: value, as: UTF8.self) }
        case "retry":
            if !value.isEmpty, value.count < 18, value.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { retry = Int(String(decoding: value, as: UTF8.self)) }
        default:
            break
        }
        return nil
    }

    /// The wire form of one event: fields, `data:` once per line of the data, a blank line.
    static func encode(_ event: RawEvent) -> [UInt8] {
        var out: [UInt8] = []
        func field(_ name: String, _ value: String) {
            // A line break inside a single-line field would end it early: such values are cut there.
            let cut = value.prefix { $0 != "\n" && $0 != "\r" && $0 != "\0" }
            out.append(contentsOf: name.utf8)
            out.append(contentsOf: ": ".utf8)
            out.append(contentsOf: cut.utf8)
            out.append(0x0A)
        }
        if let event = event.event { field("event", event) }
        if let id = event.id { field("id", id) }
        if let retry = event.retry { field("retry", String(retry)) }
        var start = event.data.utf8.startIndex
        let utf8 = event.data.utf8
        var i = start
        func emitLine(_ end: String.UTF8View.Index) {
            out.append(contentsOf: "data: ".utf8)
            out.append(contentsOf: utf8[start..<end])
            out.append(0x0A)
        }
        while i < utf8.endIndex {
            let b = utf8[i]
            if b == 0x0A || b == 0x0D {
                emitLine(i)
                var next = utf8.index(after: i)
                if b == 0x0D, next < utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
                start = next
                i = next
                continue
            }
            i = utf8.index(after: i)
        }
        emitLine(utf8.endIndex)
        out.append(0x0A)
        return out
    }
}

/// Splits bytes into records at a separator byte: LF for JSON Lines (a CR before it is dropped), RS (0x1E)
/// for JSON text sequences (RFC 7464). Blank records are skipped.
struct RecordFramer {
    let separator: UInt8
    let maxSize: Int
    private var record: [UInt8] = []

    init(separator: UInt8, maxSize: Int) {
        self.separator = separator
        self.maxSize = maxSize
    }

    mutating func feed(_ chunk: ArraySlice<UInt8>) throws(StreamItemTooLarge) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var rest = chunk
        while let at = rest.firstIndex(of: separator) {
            record.append(contentsOf: rest[..<at])
            if let item = take() { out.append(item) }
            rest = rest[rest.index(after: at)...]
        }
        record.append(contentsOf: rest)
        if record.count > maxSize { throw StreamItemTooLarge(limit: maxSize) }
        return out
    }

    /// What is left at the end of the stream (a last line without its LF).
    mutating func finish() -> [UInt8]? { take() }

    private mutating func take() -> [UInt8]? {
        defer { record.removeAll(keepingCapacity: true) }
        var slice = record[...]
        while let f = slice.first, f == 0x20 || f == 0x09 || f == 0x0D || f == 0x0A { slice = slice.dropFirst() }
        while let l = slice.last, l == 0x20 || l == 0x09 || l == 0x0D || l == 0x0A { slice = slice.dropLast() }
        return slice.isEmpty ? nil : Array(slice)
    }
}

/// An event or record longer than the stream's item limit.
struct StreamItemTooLarge: Error, Sendable {
    var limit: Int
}
