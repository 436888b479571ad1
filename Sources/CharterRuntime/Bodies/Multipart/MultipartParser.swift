#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a `multipart/form-data` byte stream (RFC 7578, RFC 2046 framing) into parts, chunk by chunk, holding at
/// most one chunk plus a delimiter's length of body bytes: a part's content is handed on as it arrives, so a large
/// file never sits in memory whole. Structure errors (no opening delimiter, a header block too long, a stream that
/// ends inside a part) throw `MultipartSyntaxError`.
struct MultipartParser {
    enum Event {
        /// A part begins, with its header fields (names lower-cased).
        case partStart([(name: String, value: String)])
        /// Bytes of the current part's content.
        case content(ArraySlice<UInt8>)
        case partEnd
    }

    private enum State {
        case preamble, headers, content, epilogue
    }

    /// `\r\n--boundary`: what ends a part's content.
    private let delimiter: [UInt8]
    private let maxHeaderBytes: Int
    private var state = State.preamble
    private var buffer: [UInt8] = []
    private var offset = 0

    init(boundary: String, maxHeaderBytes: Int = 16 << 10) {
        delimiter = Array("\r\n--\(boundary)".utf8)
        self.maxHeaderBytes = maxHeaderBytes
    }

    var isFinished: Bool { state == .epilogue }

    /// The events `chunk` completes.
    mutating func feed(_ chunk: ArraySlice<UInt8>) throws(MultipartSyntaxError) -> [Event] {
        if state == .epilogue { return [] }
        if offset > 0 && offset >= buffer.count / 2 {
            buffer.removeFirst(offset)
            offset = 0
        }
        buffer.append(contentsOf: chunk)
        return try parse()
    }

    /// Called at the end of the stream: a stream that stops before the closing delimiter is truncated.
    func finish() throws(MultipartSyntaxError) {
        switch state {
        case .epilogue: return
        case .preamble: throw MultipartSyntaxError("No part found: the body does not start with the boundary delimiter")
        case .headers, .content: throw MultipartSyntaxError("The body ends inside a part (truncated): the closing delimiter is missing")
        }
    }

    private mutating func parse() throws(MultipartSyntaxError) -> [Event] {
        var events: [Event] = []
        while true {
            switch state {
            case .preamble:
                // The first delimiter may start the body (no CRLF before it) or follow a preamble.
                let dashBoundary = delimiter[2...]
                var at: Int?
                if buffer.count - offset >= dashBoundary.count, buffer[offset..<(offset + dashBoundary.count)].elementsEqual(dashBoundary) {
                    at = offset - 2
                } else {
                    at = find(delimiter[...], from: offset)
                }
                guard let found = at else {
                    // Keep only what could still begin a delimiter; a preamble is discarded unread.
                    if buffer.count - offset > delimiter.count { offset = buffer.count - delimiter.count }
                    return events
                }
                switch try delimiterLine(after: found + delimiter.count) {
                case .needMore: return events
                case .notDelimiter: offset = found + 3
                case .close(let end): offset = end; state = .epilogue; return events
                case .part(let end): offset = end; state = .headers
                }
            case .headers:
                guard let end = find(Self.headerEnd[...], from: offset) else {
                    if buffer.count - offset > maxHeaderBytes { throw MultipartSyntaxError("A part's headers are longer than \(maxHeaderBytes) bytes") }
                    return events
                }
                guard end - offset <= maxHeaderBytes else { throw MultipartSyntaxError("A part's headers are longer than \(maxHeaderBytes) bytes") }
                let fields = try Self.headerFields(buffer[offset..<end])
                offset = end + Self.headerEnd.count
                events.append(.partStart(fields))
                state = .content
            case .content:
                var from = offset
                var found: Int?
                var line = Line.needMore
                while let at = find(delimiter[...], from: from) {
                    line = try delimiterLine(after: at + delimiter.count)
                    if case .notDelimiter = line { from = at + 1; continue }
                    found = at
                    break
                }
                guard let at = found else {
                    // Everything but a possible start of the delimiter is content.
                    let safe = max(offset, buffer.count - (delimiter.count - 1))
                    if safe > offset {
                        events.append(.content(buffer[offset..<safe]))
                        offset = safe
                    }
                    return events
                }
                if at > offset { events.append(.content(buffer[offset..<at])) }
                offset = at
                switch line {
                case .needMore, .notDelimiter: return events // the delimiter is complete, not what follows it
                case .close(let end):
                    events.append(.partEnd)
                    offset = end
                    state = .epilogue
                    return events
                case .part(let end):
                    events.append(.partEnd)
                    offset = end
                    state = .headers
                }
            case .epilogue:
                return events
            }
        }
    }

    private enum Line {
        case needMore
        /// The boundary is only the start of other text (`--boundaryX`): content, not a delimiter.
        case notDelimiter
        /// `--` closes the body; the index after it.
        case close(Int)
        /// Transport padding and CRLF: a part follows at the index given.
        case part(Int)
    }

    /// What follows a delimiter ending just before `start`.
    private func delimiterLine(after start: Int) throws(MultipartSyntaxError) -> Line {
        guard start + 2 <= buffer.count else { return .needMore }
        if buffer[start] == UInt8(ascii: "-") && buffer[start + 1] == UInt8(ascii: "-") { return .close(buffer.count) }
        var i = start
        while i < buffer.count && (buffer[i] == 0x20 || buffer[i] == 0x09) {
            i += 1
            if i - start > 256 { throw MultipartSyntaxError("Malformed delimiter line") }
        }
        guard i + 2 <= buffer.count else { return .needMore }
        if buffer[i] == 0x0D && buffer[i + 1] == 0x0A { return .part(i + 2) }
        return .notDelimiter
    }

    private static let headerEnd: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A]

    /// The first index at or after `start` where `pattern` begins, found with memchr on its first byte.
    private func find(_ pattern: ArraySlice<UInt8>, from start: Int) -> Int? {
        guard let first = pattern.first, buffer.count - start >= pattern.count else { return nil }
        return buffer.withUnsafeBufferPointer { b -> Int? in
            guard let base = b.baseAddress else { return nil }
            var i = start
            let last = b.count - pattern.count
            while i <= last {
                guard let hit = memchr(base + i, Int32(first), last - i + 1) else { return nil }
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if pattern.withUnsafeBufferPointer({ p in p.baseAddress.map { memcmp(base + at, $0, pattern.count) == 0 } ?? false }) { return at }
                i = at + 1
            }
            return nil
        }
    }

    /// `Name: value` lines (RFC 5322 style, no folding), names lower-cased.
    private static func headerFields(_ block: ArraySlice<UInt8>) throws(MultipartSyntaxError) -> [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = []
        var lines = block.split(separator: 0x0A, omittingEmptySubsequences: false)[...]
        if block.isEmpty { lines = [] }
        for var line in lines {
            if line.last == 0x0D { line = line.dropLast() }
            if line.isEmpty { continue }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { throw MultipartSyntaxError("Malformed part header line (no colon)") }
            let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
            var value = line[line.index(after: colon)...]
            while let f = value.first, f == 0x20 || f == 0x09 { value = value.dropFirst() }
            while let l = value.last, l == 0x20 || l == 0x09 { value = value.dropLast() }
            fields.append((name, String(decoding: value, as: UTF8.self)))
            if fields.count > 64 { throw MultipartSyntaxError("A part has more than 64 header fields") }
        }
        return fields
    }
}

/// A multipart body that does not follow the framing rules.
struct MultipartSyntaxError: Error, Sendable {
    var message: String
    init(_ message: String) { self.message = message }
}
