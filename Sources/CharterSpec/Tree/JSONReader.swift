import CharterBase

/// A JSON reader producing the same located `SpecTree` as the YAML path.
///
/// Why not libyaml: libyaml 0.2.5 rejects valid JSON with surrogate-pair escapes (`"\ud83d\udc4d"`) and is
/// slower than a byte-level JSON parser.
struct JSONReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var pos = 0
    private var line = 1
    private var lineStart = 0
    // Column cache: columns count Unicode scalars, found by counting forward from the last position asked.
    private var columnAt = 0
    private var columnValue = 1
    private var builder: TreeBuilder
    /// A string with escapes, decoded (reused: most strings have none and are handed on from `bytes` directly).
    private var decoded: [UInt8] = []

    static func read(_ data: [UInt8], path: String, limits: TreeLimits) throws -> (SpecTree, [Diagnostic]) {
        try data.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(bytes: buffer, builder: TreeBuilder(path: path, limits: limits, capacityHint: buffer.count / 24))
            try reader.parseDocument()
            return (reader.builder.finish(), reader.builder.diagnostics)
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, builder: TreeBuilder) {
        self.bytes = bytes
        self.builder = builder
    }

    // MARK: Positions and errors

    private mutating func column(at offset: Int) -> Int {
        if columnAt < lineStart || columnAt > offset {
            columnAt = lineStart
            columnValue = 1
        }
        while columnAt < offset {
            if bytes[columnAt] & 0xC0 != 0x80 { columnValue += 1 }
            columnAt += 1
        }
        // A continuation byte at `offset` itself would belong to the previous scalar; specs never start nodes there.
        return columnValue
    }

    private mutating func fail(_ message: String, at offset: Int? = nil) -> TreeError {
        let at = min(offset ?? pos, bytes.count)
        let col = column(at: at)
        return TreeError(diagnostic: Diagnostic(.error, "JSON syntax error: \(message)", at: builder.location(line, col)))
    }

    private var current: String {
        guard pos < bytes.count else { return "end of file" }
        let b = bytes[pos]
        if b >= 0x20 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x\(String(b, radix: 16, uppercase: true))"
    }

    private mutating func skipWhitespace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x20, 0x09, 0x0D: pos += 1
            case 0x0A:
                pos += 1
                line += 1
                lineStart = pos
            default: return
            }
        }
    }

    // MARK: Grammar

    private mutating func parseDocument() throws {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { pos = 3; lineStart = 3 }
        skipWhitespace()
        if pos == bytes.count { return }
        try parseValue()
        // Containers are closed iteratively so nesting depth never touches the call stack.
        while !builder.isComplete {
            skipWhitespace()
            guard pos < bytes.count else { throw fail("unexpected end of file inside \(builder.expectsKey ? "an object" : "a container")") }
            let b = bytes[pos]
            if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") {
                guard openKindMatches(b) else { throw fail("unexpected \(current)") }
                pos += 1
                try builder.end()
                continue
            }
            guard b == UInt8(ascii: ",") else { throw fail("expected ',' or a closing bracket, found \(current)") }
            pos += 1
            skipWhitespace()
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") || bytes[pos] == UInt8(ascii: "]") {
                throw fail("trailing comma before \(current); JSON does not allow one")
            }
            if openIsMapping { try parseKey() }
            try parseValue()
        }
        skipWhitespace()
        if pos < bytes.count { throw fail("unexpected \(current) after the top-level value") }
    }

    private var openIsMapping: Bool { builder.openKind == .mapping }
    private func openKindMatches(_ closer: UInt8) -> Bool {
        closer == UInt8(ascii: "}") ? builder.openKind == .mapping : builder.openKind == .sequence
    }

    private mutating func parseKey() throws {
        guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else { throw fail("expected a string key, found \(current)") }
        let l = line, c = column(at: pos)
        try stringScalar(line: l, column: c)
        skipWhitespace()
        guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else { throw fail("expected ':' after an object key, found \(current)") }
        pos += 1
        skipWhitespace()
    }

    /// Parses one value; an opening bracket only opens the container (the caller's loop fills it).
    private mutating func parseValue() throws {
        while true {
            skipWhitespace()
            guard pos < bytes.count else { throw fail("unexpected end of file, expected a value") }
            let l = line, c = column(at: pos)
            switch bytes[pos] {
            case UInt8(ascii: "{"):
                try builder.begin(.mapping, line: l, column: c, anchor: nil)
                pos += 1
                skipWhitespace()
                if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") {
                    pos += 1
                    try builder.end()
                    return
                }
                try parseKey()
                continue
            case UInt8(ascii: "["):
                try builder.begin(.sequence, line: l, column: c, anchor: nil)
                pos += 1
                skipWhitespace()
                if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") {
                    pos += 1
                    try builder.end()
                    return
                }
                continue
            case UInt8(ascii: "\""):
                try stringScalar(line: l, column: c)
            case UInt8(ascii: "t"):
                let word = try literal("true")
                try builder.scalar(bytes: UnsafeBufferPointer(rebasing: bytes[word]), type: .bool, line: l, column: c, anchor: nil)
            case UInt8(ascii: "f"):
                let word = try literal("false")
                try builder.scalar(bytes: UnsafeBufferPointer(rebasing: bytes[word]), type: .bool, line: l, column: c, anchor: nil)
            case UInt8(ascii: "n"):
                let word = try literal("null")
                try builder.scalar(bytes: UnsafeBufferPointer(rebasing: bytes[word]), type: .null, line: l, column: c, anchor: nil)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let (text, isFloat) = try parseNumber()
                try builder.scalar(bytes: UnsafeBufferPointer(rebasing: bytes[text]), type: isFloat ? .float : .integer, line: l, column: c, anchor: nil)
            default:
                throw fail("unexpected \(current), expected a value")
            }
            return
        }
    }

    /// Consumes `word` (`true`, `false`, `null`); its range in `bytes`.
    private mutating func literal(_ word: StaticString) throws -> Range<Int> {
        var scanner = JSONScanner(bytes: bytes, pos: pos)
        do { try scanner.literal(word) } catch { throw fail(error.message, at: error.offset) }
        defer { pos = scanner.pos }
        return pos..<scanner.pos
    }

    /// The number's text (its range in `bytes`) and whether it has a fraction or exponent.
    private mutating func parseNumber() throws -> (Range<Int>, Bool) {
        var scanner = JSONScanner(bytes: bytes, pos: pos)
        let scan: JSONNumberScan
        do { scan = try scanner.scanNumber() } catch { throw fail(error.message, at: error.offset) }
        pos = scanner.pos
        return (scan.range, !scan.isInteger)
    }

    /// A string scalar, its bytes handed to the tree without an intermediate `String`.
    private mutating func stringScalar(line: Int, column: Int) throws {
        if let range = try parseString() {
            try builder.scalar(bytes: UnsafeBufferPointer(rebasing: bytes[range]), type: .string, line: line, column: column, anchor: nil)
        } else {
            try decoded.withUnsafeBufferPointer { try builder.scalar(bytes: $0, type: .string, line: line, column: column, anchor: nil) }
        }
    }

    /// Parses a string starting at the opening quote, validating UTF-8 and decoding escapes. Returns the range of
    /// `bytes` it spans when it has no escapes and is ASCII; otherwise its decoded bytes are in `decoded` (`nil`).
    private mutating func parseString() throws -> Range<Int>? {
        pos += 1
        let start = pos
        // Fast path: no escapes and ASCII or valid UTF-8.
        var needsSlowPath = false
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") { break }
            if b == UInt8(ascii: "\\") || b >= 0x80 { needsSlowPath = true; break }
            if b < 0x20 { throw fail("control character in a string; it must be escaped") }
            pos += 1
        }
        if !needsSlowPath {
            guard pos < bytes.count else { throw fail("unterminated string", at: start - 1) }
            pos += 1
            return start..<pos - 1
        }
        decoded.removeAll(keepingCapacity: true)
        decoded.append(contentsOf: bytes[start..<pos])
        var scanner = JSONScanner(bytes: bytes, pos: pos)
        do { try scanner.decodeString(into: &decoded, quote: start - 1) } catch { throw fail(error.message, at: error.offset) }
        // Strings span no newlines (a raw one is a control character), so the line bookkeeping holds.
        pos = scanner.pos
        return nil
    }
}

