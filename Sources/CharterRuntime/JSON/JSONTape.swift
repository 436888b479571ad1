/// The JSON value kinds.
public enum JSONKind: UInt8, Sendable {
    case null, bool, number, string, array, object
}

/// One node of a tape: scalars point into the input bytes; containers know how many members they have and
/// where their subtree ends, so siblings are reached without recursion.
struct TapeNode: Sendable {
    var kind: JSONKind
    /// Strings: the text had escapes and lives decoded in `strings[payload]`. Numbers: the value is an Int64.
    var flag: Bool
    /// Strings and numbers: byte offset of the text. Containers: number of elements (object: members).
    var offset: Int32
    /// Strings and numbers: byte length. Containers: index of the first node after the subtree.
    var length: Int32
    /// Integers: the value. Other numbers: the Double's bit pattern. Booleans: 1 for true. Escaped strings:
    /// index into `strings`.
    var payload: Int64
}

/// A parsed JSON document as a flat array of nodes over the input bytes (a "tape").
///
/// Parsing allocates two arrays, whatever the document: no per-object arrays, no copied strings. The
/// validator reads the tape directly; `value` builds a `JSONValue` when a caller wants one.
public struct JSONTape: Sendable {
    public let bytes: [UInt8]
    var nodes: [TapeNode]
    var strings: [String]

    /// Parses `bytes` (strict RFC 8259, duplicate keys rejected, depth bounded).
    public init(parsing bytes: [UInt8], limits: JSONParseLimits = JSONParseLimits()) throws(JSONSyntaxError) {
        self.bytes = bytes
        let result: Result<([TapeNode], [String]), JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = TapeParser(bytes: buffer, limits: limits)
            do throws(JSONSyntaxError) {
                try parser.parseDocument()
                return .success((parser.nodes, parser.strings))
            } catch {
                return .failure(error)
            }
        }
        (nodes, strings) = try result.get()
    }

    /// The document as a `JSONValue`.
    public var value: JSONValue {
        withView { view in view.value(0) }
    }

    /// Runs `body` with a pointer-based view of the tape (no reference counting while it reads).
    func withView<T>(_ body: (TapeView) -> T) -> T {
        nodes.withUnsafeBufferPointer { n in
            bytes.withUnsafeBufferPointer { b in
                strings.withUnsafeBufferPointer { s in
                    body(TapeView(nodes: n, bytes: b, strings: s))
                }
            }
        }
    }
}

/// The tape parser: iterative (open containers on an explicit stack), so nesting never touches the call stack.
struct TapeParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let limits: JSONParseLimits
    var pos = 0
    var nodes: [TapeNode] = []
    var strings: [String] = []
    /// Open containers (node indices), innermost last.
    var open: [Int] = []
    /// Per open container, a 64-bit summary of its keys (length, first and last byte): a key whose bit is
    /// not set yet cannot repeat an earlier key, so most keys skip the comparison scan.
    var keySummaries: [UInt64] = []
    /// The innermost open container's summary (the stack above holds the enclosing ones').
    var summary: UInt64 = 0
    /// Whether the innermost open container is an object.
    var inObject = false
    /// Key sets for duplicate detection in objects past 16 members, by object node.
    var keySets: [Int: Set<String>] = [:]
    var core: Parser

    init(bytes: UnsafeBufferPointer<UInt8>, limits: JSONParseLimits) {
        self.bytes = bytes
        self.limits = limits
        core = Parser(bytes: bytes, limits: limits)
        nodes.reserveCapacity(max(16, bytes.count / 8))
    }

    func error(_ message: String, at offset: Int? = nil) -> JSONSyntaxError { core.error(message, at: offset ?? pos) }

    mutating func skipWhitespace() {
        while pos < bytes.count {
            let b = bytes[pos]
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { pos += 1 } else { return }
        }
    }

    mutating func parseDocument() throws(JSONSyntaxError) {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { pos = 3 }
        skipWhitespace()
        try parseValue()
        while !open.isEmpty {
            skipWhitespace()
            guard pos < bytes.count else { throw error("unexpected end of input inside \(inObject ? "an object" : "an array")") }
            let b = bytes[pos]
            if b == (inObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                pos += 1
                close()
                continue
            }
            guard b == UInt8(ascii: ",") else {
                throw error(inObject ? "expected ',' or '}' in an object, found \(describe())" : "expected ',' or ']' in an array, found \(describe())")
            }
            pos += 1
            skipWhitespace()
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") || bytes[pos] == UInt8(ascii: "]") {
                throw error("trailing comma before '\(Character(Unicode.Scalar(bytes[pos])))'")
            }
            if inObject { try parseKey() }
            try parseValue()
        }
        skipWhitespace()
        if pos < bytes.count { throw error("unexpected \(describe()) after the JSON value") }
    }

    func describe() -> String {
        var c = core
        c.pos = pos
        return c.describeCurrent()
    }

    mutating func close() {
        let node = open.removeLast()
        summary = keySummaries.removeLast()
        nodes[node].length = Int32(nodes.count)
        if nodes[node].kind == .object && nodes[node].offset > 16 { keySets[node] = nil }
        inObject = open.last.map { nodes[$0].kind == .object } ?? false
    }

    /// Counts a new member or element in the innermost container.
    @inline(__always) mutating func attach() {
        if let top = open.last { nodes[top].offset += 1 }
    }

    mutating func parseKey() throws(JSONSyntaxError) {
        guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else { throw error("expected a string key, found \(describe())") }
        let keyOffset = pos
        try parseString(isKey: true)
        try checkDuplicateKey(at: keyOffset)
        skipWhitespace()
        guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else { throw error("expected ':' after an object key, found \(describe())") }
        pos += 1
        skipWhitespace()
    }

    /// Compares the key just parsed with the object's earlier keys (a set once the object is large).
    mutating func checkDuplicateKey(at offset: Int) throws(JSONSyntaxError) {
        let object = open[open.count - 1]
        let newKey = nodes.count - 1
        let members = Int(nodes[object].offset) // members before this key (values attach after their key)
        let bit = summaryBit(newKey)
        defer { summary |= bit }
        // Once a large object has its key set, every key goes into it (the set must stay complete).
        if members > 16, keySets[object] != nil {
            let text = keyText(newKey)
            if keySets[object]?.insert(text).inserted == false { throw error("duplicate key '\(text)'", at: offset) }
            return
        }
        if summary & bit == 0 { return }
        if members > 16 {
            var set = Set<String>()
            var child = object + 1
            for _ in 0..<members {
                set.insert(keyText(child))
                child = skip(child + 1)
            }
            let text = keyText(newKey)
            if !set.insert(text).inserted { throw error("duplicate key '\(text)'", at: offset) }
            keySets[object] = set
            return
        }
        var child = object + 1
        for _ in 0..<members {
            if keysEqual(child, newKey) { throw error("duplicate key '\(keyText(newKey))'", at: offset) }
            child = skip(child + 1)
        }
    }

    /// The summary bit of a key, from its decoded text (escaped keys are compared by what they spell).
    func summaryBit(_ key: Int) -> UInt64 {
        let n = nodes[key]
        let (count, first, last): (Int, UInt8, UInt8)
        if n.flag {
            let text = strings[Int(n.payload)].utf8
            (count, first, last) = (text.count, text.first ?? 0, text.last ?? 0)
        } else if n.length > 0 {
            (count, first, last) = (Int(n.length), bytes[Int(n.offset)], bytes[Int(n.offset + n.length) - 1])
        } else {
            (count, first, last) = (0, 0, 0)
        }
        let mix = UInt64(count) &* 0x9E37_79B9 ^ UInt64(first) &* 31 ^ UInt64(last) &* 0x85EB_CA6B
        return 1 << ((mix ^ (mix >> 17)) & 63)
    }

    func skip(_ node: Int) -> Int {
        let n = nodes[node]
        return n.kind == .array || n.kind == .object ? Int(n.length) : node + 1
    }

    func keyText(_ node: Int) -> String {
        let n = nodes[node]
        if n.flag { return strings[Int(n.payload)] }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(n.offset)..<Int(n.offset + n.length)]), as: UTF8.self)
    }

    @inline(__always) func keysEqual(_ a: Int, _ b: Int) -> Bool {
        let x = nodes[a], y = nodes[b]
        if x.flag || y.flag { return sameCodePoints(keyText(a), keyText(b)) }
        guard x.length == y.length else { return false }
        // Keys are short: a byte loop beats a memcmp call.
        var i = Int(x.offset), j = Int(y.offset)
        let end = i + Int(x.length)
        while i < end {
            if bytes[i] != bytes[j] { return false }
            i += 1
            j += 1
        }
        return true
    }

    mutating func parseValue() throws(JSONSyntaxError) {
        guard pos < bytes.count else { throw error("unexpected end of input, expected a value") }
        switch bytes[pos] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let isObject = bytes[pos] == UInt8(ascii: "{")
            if open.count >= limits.maxDepth { throw error("nesting is deeper than \(limits.maxDepth) levels") }
            attach()
            open.append(nodes.count)
            keySummaries.append(summary)
            summary = 0
            inObject = isObject
            nodes.append(TapeNode(kind: isObject ? .object : .array, flag: false, offset: 0, length: 0, payload: 0))
            pos += 1
            skipWhitespace()
            if pos < bytes.count, bytes[pos] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                pos += 1
                close()
                return
            }
            if isObject { try parseKey() }
            try parseValue()
        case UInt8(ascii: "\""):
            attach()
            try parseString(isKey: false)
        case UInt8(ascii: "t"):
            try literal("true")
            attach()
            nodes.append(TapeNode(kind: .bool, flag: false, offset: 0, length: 0, payload: 1))
        case UInt8(ascii: "f"):
            try literal("false")
            attach()
            nodes.append(TapeNode(kind: .bool, flag: false, offset: 0, length: 0, payload: 0))
        case UInt8(ascii: "n"):
            try literal("null")
            attach()
            nodes.append(TapeNode(kind: .null, flag: false, offset: 0, length: 0, payload: 0))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            attach()
            try parseNumber()
        default:
            throw error("unexpected \(describe()), expected a value")
        }
    }

    mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        core.pos = pos
        try core.literal(word)
        pos = core.pos
    }

    mutating func parseNumber() throws(JSONSyntaxError) {
        let start = pos
        core.pos = pos
        let number = try core.parseNumber()
        pos = core.pos
        if let i = number.integer, number.literal == nil {
            nodes.append(TapeNode(kind: .number, flag: true, offset: Int32(start), length: Int32(pos - start), payload: i))
        } else {
            nodes.append(TapeNode(kind: .number, flag: false, offset: Int32(start), length: Int32(pos - start), payload: Int64(bitPattern: number.double.bitPattern)))
        }
    }

    /// A flag (0x80) at the first of the 8 bytes that is `"`, `\\`, below 0x20 or at/above 0x80, or 0 when
    /// there is none (SWAR: no branch per byte). Bytes after the first flagged one may be flagged wrongly
    /// (borrows), so callers use only the lowest flag.
    @inline(__always) static func specialBytes(_ x: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func zeroBytes(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let quote = zeroBytes(x ^ (ones &* 0x22))
        let backslash = zeroBytes(x ^ (ones &* 0x5C))
        let control = (x &- ones &* 0x20) & ~x & highs
        return quote | backslash | control | (x & highs)
    }

    /// Strings without escapes stay in the input; others are decoded into `strings`.
    mutating func parseString(isKey: Bool) throws(JSONSyntaxError) {
        let quote = pos
        pos += 1
        let start = pos
        // Eight bytes at a time while none is a quote, a backslash, a control character or non-ASCII.
        if let base = bytes.baseAddress {
            while pos + 8 <= bytes.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + pos).loadUnaligned(as: UInt64.self))
                let special = Self.specialBytes(word)
                if special == 0 { pos += 8; continue }
                pos += special.trailingZeroBitCount >> 3 // straight to the byte that needs a look
                break
            }
        }
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") {
                nodes.append(TapeNode(kind: .string, flag: false, offset: Int32(start), length: Int32(pos - start), payload: 0))
                pos += 1
                return
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw error("control character in a string; it must be escaped") }
            if b >= 0x80 {
                let n = core.utf8Length(at: pos)
                guard n > 0 else { throw error("invalid UTF-8") }
                pos += n
                continue
            }
            pos += 1
        }
        guard pos < bytes.count else { throw error("unterminated string", at: quote) }
        core.pos = pos
        let decoded = try core.parseStringSlow(start: start, quote: quote)
        pos = core.pos
        nodes.append(TapeNode(kind: .string, flag: true, offset: Int32(start), length: Int32(pos - 1 - start), payload: Int64(strings.count)))
        strings.append(decoded)
    }
}

/// A read-only, pointer-based view of a tape, used while validating.
struct TapeView {
    let nodes: UnsafeBufferPointer<TapeNode>
    let bytes: UnsafeBufferPointer<UInt8>
    let strings: UnsafeBufferPointer<String>

    @inline(__always) func skip(_ node: Int32) -> Int32 {
        let n = nodes[Int(node)]
        return n.kind == .array || n.kind == .object ? n.length : node + 1
    }

    func text(_ node: Int32) -> String {
        let n = nodes[Int(node)]
        if n.flag { return strings[Int(n.payload)] }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(n.offset)..<Int(n.offset + n.length)]), as: UTF8.self)
    }

    func number(_ node: Int32) -> JSONNumber {
        let n = nodes[Int(node)]
        if n.flag { return JSONNumber(n.payload) }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(n.offset)..<Int(n.offset + n.length)]), as: UTF8.self)
        let d = Double(bitPattern: UInt64(bitPattern: n.payload))
        let integral: Int64? = (d.isFinite && d == d.rounded() && abs(d) < 9.2e18) ? Int64(d) : nil
        return JSONNumber(literal: text, double: d, integer: integral)
    }

    func value(_ node: Int32) -> JSONValue {
        let n = nodes[Int(node)]
        switch n.kind {
        case .null: return .null
        case .bool: return .bool(n.payload != 0)
        case .number: return .number(number(node))
        case .string: return .string(text(node))
        case .array:
            var elements: [JSONValue] = []
            elements.reserveCapacity(Int(n.offset))
            var child = node + 1
            for _ in 0..<n.offset {
                elements.append(value(child))
                child = skip(child)
            }
            return .array(elements)
        case .object:
            var entries: [(key: String, value: JSONValue)] = []
            entries.reserveCapacity(Int(n.offset))
            var child = node + 1
            for _ in 0..<n.offset {
                entries.append((text(child), value(child + 1)))
                child = skip(child + 1)
            }
            return .object(JSONObject(entries))
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
