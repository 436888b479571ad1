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
    /// The input the tape points into.
    public let bytes: [UInt8]
    var nodes: [TapeNode]
    var strings: [String]

    /// Parses `bytes` (strict RFC 8259, duplicate keys rejected, depth bounded).
    public init(parsing bytes: [UInt8], limits: JSONParseLimits = JSONParseLimits()) throws(JSONSyntaxError) {
        self.bytes = bytes
        let result: Result<([TapeNode], [String]), JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = TapeParser(bytes: buffer, limits: limits)
            defer { parser.release() }
            do throws(JSONSyntaxError) {
                try parser.parseDocument()
                return .success((Array(parser.nodes.buffer), parser.strings))
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
    /// An open container: its node, members so far, and the enclosing container's key summary.
    struct Open {
        var node: Int32
        var members: Int32
        var isObject: Bool
        var outerSummary: UInt64
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let limits: JSONParseLimits
    var pos = 0
    var nodes: GrowableBuffer<TapeNode>
    var strings: [String] = []
    /// Open containers, innermost last; the innermost one's fields live in the variables below.
    var open: GrowableBuffer<Open>
    /// The innermost open container (-1 at the top level), its member count, and whether it is an object.
    var current: Int32 = -1
    var members: Int32 = 0
    var inObject = false
    /// The innermost object's 64-bit summary of its keys (length, first and last byte): a key whose bit is
    /// not set yet cannot repeat an earlier key, so most keys skip the comparison scan.
    var summary: UInt64 = 0
    /// Key sets for duplicate detection in objects past 16 members, by object node.
    var keySets: [Int: Set<String>] = [:]
    var core: Parser

    init(bytes: UnsafeBufferPointer<UInt8>, limits: JSONParseLimits) {
        self.bytes = bytes
        self.limits = limits
        core = Parser(bytes: bytes, limits: limits)
        // About one node per 5 bytes in typical bodies; growth doubles past that.
        nodes = GrowableBuffer(capacity: 16 + bytes.count / 5)
        open = GrowableBuffer(capacity: 16)
    }

    func release() {
        nodes.release()
        open.release()
    }

    func error(_ message: String, at offset: Int? = nil) -> JSONSyntaxError { core.error(message, at: offset ?? pos) }

    @inline(__always) mutating func skipWhitespace() {
        while pos < bytes.count {
            let b = bytes[pos]
            // Every JSON whitespace byte is at most a space: one comparison ends the usual call (a token follows).
            if b > 0x20 { return }
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { pos += 1 } else { return }
        }
    }

    mutating func parseDocument() throws(JSONSyntaxError) {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { pos = 3 }
        skipWhitespace()
        try parseValue()
        while current >= 0 {
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

    func describe() -> String { core.scanner.describe(at: pos) }

    mutating func push(isObject: Bool) {
        open.append(Open(node: current, members: members, isObject: inObject, outerSummary: summary))
        current = Int32(nodes.count)
        members = 0
        inObject = isObject
        summary = 0
        nodes.append(TapeNode(kind: isObject ? .object : .array, flag: false, offset: 0, length: 0, payload: 0))
    }

    mutating func close() {
        nodes[Int(current)].offset = members
        nodes[Int(current)].length = Int32(nodes.count)
        if inObject && members > 16 { keySets[Int(current)] = nil }
        let outer = open.removeLast()
        current = outer.node
        members = outer.members
        inObject = outer.isObject
        summary = outer.outerSummary
    }

    /// Counts a new member or element in the innermost container.
    @inline(__always) mutating func attach() {
        members &+= 1
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
    @inline(__always) mutating func checkDuplicateKey(at offset: Int) throws(JSONSyntaxError) {
        let newKey = nodes.count - 1
        let n = nodes[newKey]
        let bit: UInt64
        if !n.flag, n.length > 0, let base = bytes.baseAddress {
            bit = Self.keyBit(count: Int(n.length), first: base[Int(n.offset)], last: base[Int(n.offset + n.length) - 1])
        } else {
            bit = summaryBit(newKey)
        }
        // Most keys: a bit not seen yet in a small object cannot repeat an earlier key.
        if summary & bit == 0 && members <= 16 {
            summary |= bit
            return
        }
        try checkDuplicateKeySlowly(at: offset, bit: bit)
    }

    @inline(never) mutating func checkDuplicateKeySlowly(at offset: Int, bit: UInt64) throws(JSONSyntaxError) {
        let object = Int(current)
        let newKey = nodes.count - 1
        let members = Int(self.members) // members before this key (values attach after their key)
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
        if n.flag {
            let text = strings[Int(n.payload)].utf8
            return Self.keyBit(count: text.count, first: text.first ?? 0, last: text.last ?? 0)
        }
        guard n.length > 0, let base = bytes.baseAddress else { return Self.keyBit(count: 0, first: 0, last: 0) }
        return Self.keyBit(count: Int(n.length), first: base[Int(n.offset)], last: base[Int(n.offset + n.length) - 1])
    }

    @inline(__always) static func keyBit(count: Int, first: UInt8, last: UInt8) -> UInt64 {
        let mix = (UInt64(truncatingIfNeeded: count) << 16 | UInt64(first) << 8 | UInt64(last)) &* 0x9E37_79B9_7F4A_7C15
        return 1 << (mix >> 58)
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
            push(isObject: isObject)
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
        core.scanner.pos = pos
        do { try core.scanner.literal(word) } catch { throw core.error(error) }
        pos = core.scanner.pos
    }

    /// An Int64 when the literal is an integer that fits, else the Double (the text stays in the input for
    /// exact bounds and `multipleOf`).
    mutating func parseNumber() throws(JSONSyntaxError) {
        let start = pos
        core.scanner.pos = pos
        let scan: JSONNumberScan
        do { scan = try core.scanner.scanNumber() } catch { throw core.error(error) }
        pos = core.scanner.pos
        if let i = scan.int64 {
            nodes.append(TapeNode(kind: .number, flag: true, offset: Int32(start), length: Int32(pos - start), payload: i))
            return
        }
        let double = scan.fastDouble ?? Self.slowDouble(UnsafeBufferPointer(rebasing: bytes[scan.range]), negative: scan.negative)
        nodes.append(TapeNode(kind: .number, flag: false, offset: Int32(start), length: Int32(pos - start), payload: Int64(bitPattern: double.bitPattern)))
    }

    /// Long mantissas and exponents: the standard library's correctly rounded conversion; huge exponents
    /// become ±infinity.
    static func slowDouble(_ text: UnsafeBufferPointer<UInt8>, negative: Bool) -> Double {
        Double(String(decoding: text, as: UTF8.self)) ?? (negative ? -.infinity : .infinity)
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
                let n = JSONScanner.utf8Length(in: bytes, at: pos)
                guard n > 0 else { throw error("invalid UTF-8 byte 0x\(String(b, radix: 16, uppercase: true)) in a string") }
                pos += n
                continue
            }
            pos += 1
        }
        guard pos < bytes.count else { throw error("unterminated string", at: quote) }
        var out = [UInt8](UnsafeBufferPointer(rebasing: bytes[start..<pos]))
        core.scanner.pos = pos
        do { try core.scanner.decodeString(into: &out, quote: quote, maxLength: limits.maxStringLength) } catch { throw core.error(error) }
        pos = core.scanner.pos
        let decoded = String(decoding: out, as: UTF8.self)
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
