/// Why a JSON scalar could not be read, and the byte offset it concerns. Each reader turns it into its own
/// located error (the spec reader's `file:line:col` diagnostic, the runtime's `JSONSyntaxError`).
package struct JSONLexError: Error, Sendable {
    package var message: String
    package var offset: Int

    @inlinable package init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }
}

/// One number literal as scanned: where it is, and what the single pass over its digits learned, so a reader can
/// take the value without reading the digits again (`value` does the conversion every reader needs).
package struct JSONNumberScan: Sendable {
    package var range: Range<Int>
    package var negative: Bool
    /// The integer part's magnitude; meaningless when `overflow`.
    package var magnitude: UInt64
    package var overflow: Bool
    /// No fraction and no exponent.
    package var isInteger: Bool
    package var hasExponent: Bool
    /// Every digit of the literal as one integer while it stays exact in a Double (at most 15 digits after the
    /// integer part fits); `UInt64.max` once it does not.
    package var mantissa: UInt64
    package var fractionDigits: Int

    /// The value as an Int64 when the literal is an integer that fits.
    @inlinable package var int64: Int64? {
        guard isInteger, !overflow else { return nil }
        if magnitude <= UInt64(Int64.max) { return negative ? -Int64(magnitude) : Int64(magnitude) }
        return negative && magnitude == UInt64(Int64.max) + 1 ? Int64.min : nil
    }

    /// The value as a Double when one exact division gives the correctly rounded result (the Clinger fast
    /// path: an exact integer over an exact power of ten); `nil` when the text must go through `Double(_:)`.
    @inlinable package var fastDouble: Double? {
        // Leading fraction zeros keep the mantissa small while the digit count grows: past 10^22 the division
        // would no longer be exact.
        guard !hasExponent, mantissa != UInt64.max, fractionDigits <= 22 else { return nil }
        let value = Double(mantissa) / JSONScanner.powerOfTen(fractionDigits)
        return negative ? -value : value
    }
}

/// The scalar grammar of RFC 8259 that the spec reader (`CharterSpec`) and the runtime's tape parser share:
/// numbers, string escapes (surrogate pairs included) and UTF-8 validation. Structure (brackets, commas, depth)
/// stays with each reader: they build different trees and report positions differently.
package struct JSONScanner {
    package let bytes: UnsafeBufferPointer<UInt8>
    package var pos: Int

    @inlinable package init(bytes: UnsafeBufferPointer<UInt8>, pos: Int = 0) {
        self.bytes = bytes
        self.pos = pos
    }

    /// 10^n for n in 0...22, the powers a Double holds exactly; a literal table rather than a global array so
    /// code in other modules reads it without a once-initialisation check.
    @inlinable @inline(__always) static func powerOfTen(_ n: Int) -> Double {
        switch n {
        case 0: 1e0; case 1: 1e1; case 2: 1e2; case 3: 1e3; case 4: 1e4; case 5: 1e5; case 6: 1e6; case 7: 1e7
        case 8: 1e8; case 9: 1e9; case 10: 1e10; case 11: 1e11; case 12: 1e12; case 13: 1e13; case 14: 1e14
        case 15: 1e15; case 16: 1e16; case 17: 1e17; case 18: 1e18; case 19: 1e19; case 20: 1e20; case 21: 1e21
        default: 1e22
        }
    }

    @inlinable @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    /// Consumes `word` (`true`, `false`, `null`).
    @inlinable package mutating func literal(_ word: StaticString) throws(JSONLexError) {
        let n = word.utf8CodeUnitCount
        guard pos + n <= bytes.count else { throw JSONLexError("unexpected \(describe(at: pos)), expected a value", at: pos) }
        let w = word.utf8Start
        for i in 0..<n where bytes[pos + i] != w[i] {
            throw JSONLexError("unexpected \(describe(at: pos)), expected a value", at: pos)
        }
        pos += n
    }

    /// How an error names the byte at `offset`: the character when printable ASCII, else its value.
    package func describe(at offset: Int) -> String {
        guard offset < bytes.count else { return "end of input" }
        let b = bytes[offset]
        if b >= 0x20 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x\(String(b, radix: 16, uppercase: true))"
    }

    /// Scans the number at `pos` (a `-` or a digit) and leaves `pos` after it.
    @inlinable package mutating func scanNumber() throws(JSONLexError) -> JSONNumberScan {
        let start = pos
        var negative = false
        if bytes[pos] == UInt8(ascii: "-") { negative = true; pos += 1 }
        guard pos < bytes.count, Self.isDigit(bytes[pos]) else { throw JSONLexError("invalid number", at: start) }
        var magnitude: UInt64 = 0
        var overflow = false
        if bytes[pos] == UInt8(ascii: "0") {
            pos += 1
            if pos < bytes.count, Self.isDigit(bytes[pos]) { throw JSONLexError("numbers must not have leading zeros", at: start) }
        } else {
            while pos < bytes.count, Self.isDigit(bytes[pos]) {
                let (m, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(UInt64(bytes[pos] &- 48))
                overflow = overflow || o1 || o2
                magnitude = s
                pos += 1
            }
        }
        var isInteger = true
        var mantissa = overflow || magnitude >= 1 << 53 ? UInt64.max : magnitude
        var fractionDigits = 0
        if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
            isInteger = false
            pos += 1
            guard pos < bytes.count, Self.isDigit(bytes[pos]) else { throw JSONLexError("expected a digit after the decimal point", at: pos) }
            while pos < bytes.count, Self.isDigit(bytes[pos]) {
                if mantissa < 100_000_000_000_000 {
                    mantissa = mantissa * 10 + UInt64(bytes[pos] &- 48)
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
            guard pos < bytes.count, Self.isDigit(bytes[pos]) else { throw JSONLexError("expected a digit in the exponent", at: pos) }
            while pos < bytes.count, Self.isDigit(bytes[pos]) { pos += 1 }
        }
        return JSONNumberScan(
            range: start..<pos, negative: negative, magnitude: magnitude, overflow: overflow, isInteger: isInteger,
            hasExponent: hasExponent, mantissa: mantissa, fractionDigits: fractionDigits
        )
    }

    /// Decodes the rest of a string whose bytes from `start` to `pos` were already checked (plain ASCII or valid
    /// UTF-8, no escape) and copied into `out`: escapes are decoded and UTF-8 validated up to the closing quote,
    /// which `pos` ends after. `quote` is the opening quote's offset, for "unterminated string".
    package mutating func decodeString(into out: inout [UInt8], quote: Int, maxLength: Int = .max) throws(JSONLexError) {
        while true {
            guard pos < bytes.count else { throw JSONLexError("unterminated string", at: quote) }
            if out.count > maxLength { throw JSONLexError("string longer than \(maxLength) bytes", at: pos) }
            let b = bytes[pos]
            switch b {
            case UInt8(ascii: "\""):
                pos += 1
                return
            case UInt8(ascii: "\\"):
                pos += 1
                guard pos < bytes.count else { throw JSONLexError("unterminated string", at: quote) }
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
                case UInt8(ascii: "u"): try appendUnicodeEscape(to: &out)
                default: throw JSONLexError("invalid escape '\\\(Character(Unicode.Scalar(e)))'", at: pos - 2)
                }
            case 0..<0x20:
                throw JSONLexError("control character in a string; it must be escaped", at: pos)
            case 0x80...:
                let n = Self.utf8Length(in: bytes, at: pos)
                guard n > 0 else { throw JSONLexError("invalid UTF-8 byte 0x\(String(b, radix: 16, uppercase: true)) in a string", at: pos) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pos..<pos + n]))
                pos += n
            default:
                out.append(b)
                pos += 1
            }
        }
    }

    /// Four hex digits of a `\u` escape.
    package mutating func hex4() throws(JSONLexError) -> UInt32 {
        guard pos + 4 <= bytes.count else { throw JSONLexError("incomplete \\u escape", at: pos) }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[pos]
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - 48)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - 87)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - 55)
            default: throw JSONLexError("invalid hex digit in \\u escape", at: pos)
            }
            v = v << 4 | d
            pos += 1
        }
        return v
    }

    /// Decodes a `\u` escape after its `u` (a surrogate pair included) onto `out` as UTF-8.
    package mutating func appendUnicodeEscape(to out: inout [UInt8]) throws(JSONLexError) {
        var code = try hex4()
        if code >= 0xD800 && code < 0xDC00 {
            // A high surrogate must be followed by an escaped low surrogate.
            guard pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") else {
                throw JSONLexError("unpaired UTF-16 surrogate in \\u escape", at: pos)
            }
            pos += 2
            let low = try hex4()
            guard low >= 0xDC00 && low < 0xE000 else { throw JSONLexError("unpaired UTF-16 surrogate in \\u escape", at: pos) }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        } else if code >= 0xDC00 && code < 0xE000 {
            throw JSONLexError("unpaired UTF-16 surrogate in \\u escape", at: pos)
        }
        guard let scalar = Unicode.Scalar(code) else { throw JSONLexError("invalid \\u escape", at: pos) }
        UTF8.encode(scalar) { out.append($0) }
    }

    /// Length of the valid UTF-8 sequence at `i`, 0 when it is invalid (overlongs and surrogates included).
    @inlinable package static func utf8Length(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
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
