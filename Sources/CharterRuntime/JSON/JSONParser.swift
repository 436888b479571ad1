/// Limits for parsing untrusted JSON.
public struct JSONParseLimits: Sendable {
    /// Deepest nesting of arrays and objects (deeper input is an error, never a stack overflow).
    public var maxDepth: Int = 128
    /// Longest string, in bytes.
    public var maxStringLength: Int = 8 << 20

    public init(maxDepth: Int = 128) {
        self.maxDepth = maxDepth
    }
}

/// Why a body is not valid JSON, and where (byte offset, 1-based line and column).
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var offset: Int
    public var line: Int
    public var column: Int

    public var description: String { "\(message) at line \(line), column \(column)" }
}

/// Parsing JSON into a `JSONValue`: RFC 8259 strict (no trailing commas, comments, NaN, or invalid UTF-8),
/// duplicate keys rejected (two parsers reading one body differently is a security bug), depth bounded.
/// The work is done by `JSONTape`; this builds the value tree from it.
public enum JSONParser {
    public static func parse(_ bytes: some Collection<UInt8>, limits: JSONParseLimits = JSONParseLimits()) throws(JSONSyntaxError) -> JSONValue {
        try JSONTape(parsing: Array(bytes), limits: limits).value
    }

    public static func parse(_ text: String, limits: JSONParseLimits = JSONParseLimits()) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8), limits: limits)
    }
}

/// The scalar-level scanner shared by the tape parser: literals, numbers, strings, UTF-8, error positions.
struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    let limits: JSONParseLimits
    var pos = 0

    init(bytes: UnsafeBufferPointer<UInt8>, limits: JSONParseLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    func error(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
        let at = min(offset ?? pos, bytes.count)
        var line = 1, column = 1
        for i in 0..<at {
            if bytes[i] == 10 { line += 1; column = 1 } else if bytes[i] & 0xC0 != 0x80 { column += 1 }
        }
        return JSONSyntaxError(message: message, offset: at, line: line, column: column)
    }

    func describeCurrent() -> String {
        guard pos < bytes.count else { return "end of input" }
        let b = bytes[pos]
        if b >= 0x20 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x\(String(b, radix: 16, uppercase: true))"
    }

    mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let n = word.utf8CodeUnitCount
        guard pos + n <= bytes.count else { throw error("unexpected \(describeCurrent()), expected a value") }
        let w = word.utf8Start
        for i in 0..<n where bytes[pos + i] != w[i] {
            throw error("unexpected \(describeCurrent()), expected a value")
        }
        pos += n
    }

    @inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    static let powersOfTen: [Double] = (0...22).map { (0..<$0).reduce(1.0) { value, _ in value * 10 } }

    mutating func parseNumber() throws(JSONSyntaxError) -> JSONNumber {
        let start = pos
        var negative = false
        if bytes[pos] == UInt8(ascii: "-") { negative = true; pos += 1 }
        guard pos < bytes.count, isDigit(bytes[pos]) else { throw error("invalid number", at: start) }
        var magnitude: UInt64 = 0
        var overflow = false
        if bytes[pos] == UInt8(ascii: "0") {
            pos += 1
            if pos < bytes.count, isDigit(bytes[pos]) { throw error("numbers must not have leading zeros", at: start) }
        } else {
            while pos < bytes.count, isDigit(bytes[pos]) {
                let (m, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(UInt64(bytes[pos] - 48))
                overflow = overflow || o1 || o2
                magnitude = s
                pos += 1
            }
        }
        var isInteger = true
        // Digits of the whole literal as one integer, while it stays exact in a Double (≤ 15 digits).
        var mantissa = overflow || magnitude >= 1 << 53 ? UInt64.max : magnitude
        var fractionDigits = 0
        if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
            isInteger = false
            pos += 1
            guard pos < bytes.count, isDigit(bytes[pos]) else { throw error("expected a digit after the decimal point") }
            while pos < bytes.count, isDigit(bytes[pos]) {
                if mantissa < 100_000_000_000_000 {
                    mantissa = mantissa * 10 + UInt64(bytes[pos] - 48)
                    fractionDigits += 1
                } else {
                    mantissa = UInt64.max
                }
                pos += 1
            }
        }
        var hasExponent = false
        if pos < bytes.count, bytes[pos] | 0x20 == UInt8(ascii: "e") {
            hasExponent = true
            isInteger = false
            pos += 1
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") { pos += 1 }
            guard pos < bytes.count, isDigit(bytes[pos]) else { throw error("expected a digit in the exponent") }
            while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
        }
        if isInteger && !overflow && (magnitude <= UInt64(Int64.max) || (negative && magnitude == UInt64(Int64.max) + 1)) {
            let value = negative ? (magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)) : Int64(magnitude)
            return JSONNumber(value)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
        let double: Double
        if !hasExponent && mantissa != UInt64.max {
            // Exact integer ÷ exact power of ten: one correctly rounded division, the same Double strtod gives
            // (the Clinger fast path), without strtod's cost for the common `1249.50`.
            let value = Double(mantissa) / Self.powersOfTen[fractionDigits]
            double = negative ? -value : value
        } else {
            // Huge exponents become ±infinity; the literal stays exact for bounds and multipleOf.
            double = Double(text) ?? (negative ? -.infinity : .infinity)
        }
        var integral: Int64?
        if !isInteger, double == double.rounded(), abs(double) < 9.2e18 { integral = Int64(double) }
        return JSONNumber(literal: text, double: double, integer: integral)
    }

    mutating func parseStringSlow(start: Int, quote: Int) throws(JSONSyntaxError) -> String {
        var out = [UInt8](UnsafeBufferPointer(rebasing: bytes[start..<pos]))
        while true {
            guard pos < bytes.count else { throw error("unterminated string", at: quote) }
            if out.count > limits.maxStringLength { throw error("string longer than \(limits.maxStringLength) bytes") }
            let b = bytes[pos]
            switch b {
            case UInt8(ascii: "\""):
                pos += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                pos += 1
                guard pos < bytes.count else { throw error("unterminated string", at: quote) }
                let e = bytes[pos]
                pos += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"): try appendUnicodeEscape(&out)
                default: throw error("invalid escape sequence", at: pos - 2)
                }
            case 0..<0x20:
                throw error("control character in a string; it must be escaped")
            case 0x80...:
                let n = utf8Length(at: pos)
                guard n > 0 else { throw error("invalid UTF-8") }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pos..<pos + n]))
                pos += n
            default:
                out.append(b)
                pos += 1
            }
        }
    }

    mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard pos + 4 <= bytes.count else { throw error("incomplete \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[pos]
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - 48)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - 87)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - 55)
            default: throw error("invalid hex digit in \\u escape")
            }
            v = v << 4 | d
            pos += 1
        }
        return v
    }

    mutating func appendUnicodeEscape(_ out: inout [UInt8]) throws(JSONSyntaxError) {
        var code = try hex4()
        if code >= 0xD800 && code < 0xDC00 {
            guard pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") else {
                throw error("unpaired UTF-16 surrogate in \\u escape")
            }
            pos += 2
            let low = try hex4()
            guard low >= 0xDC00 && low < 0xE000 else { throw error("unpaired UTF-16 surrogate in \\u escape") }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        } else if code >= 0xDC00 && code < 0xE000 {
            throw error("unpaired UTF-16 surrogate in \\u escape")
        }
        guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape") }
        UTF8.encode(scalar) { out.append($0) }
    }

    /// Length of the valid UTF-8 sequence at `i`, 0 when invalid (overlongs and surrogates rejected).
    func utf8Length(at i: Int) -> Int {
        let b0 = bytes[i]
        let n: Int
        let minValue: UInt32
        var value: UInt32
        switch b0 {
        case 0xC2...0xDF: n = 2; minValue = 0x80; value = UInt32(b0 & 0x1F)
        case 0xE0...0xEF: n = 3; minValue = 0x800; value = UInt32(b0 & 0x0F)
        case 0xF0...0xF4: n = 4; minValue = 0x10000; value = UInt32(b0 & 0x07)
        default: return 0
        }
        guard i + n <= bytes.count else { return 0 }
        for k in 1..<n {
            let b = bytes[i + k]
            guard b & 0xC0 == 0x80 else { return 0 }
            value = value << 6 | UInt32(b & 0x3F)
        }
        guard value >= minValue, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return 0 }
        return n
    }
}
