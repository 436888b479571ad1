import CharterBase

/// YAML 1.2 core-schema resolution of plain scalars: `yes`, `on` and timestamps stay strings.
enum ScalarResolution {
    static func resolvePlain(_ b: UnsafeBufferPointer<UInt8>) -> ScalarType {
        guard let first = b.first else { return .null }
        switch first {
        case UInt8(ascii: "~"):
            return b.count == 1 ? .null : .string
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            return matches(b, ["null", "Null", "NULL"]) ? .null : .string
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            return matches(b, ["true", "True", "TRUE"]) ? .bool : .string
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return matches(b, ["false", "False", "FALSE"]) ? .bool : .string
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            return number(b) ?? .string
        default:
            return .string
        }
    }

    private static func matches(_ b: UnsafeBufferPointer<UInt8>, _ words: [StaticString]) -> Bool {
        for word in words where word.utf8CodeUnitCount == b.count {
            if memcmp(word.utf8Start, b.baseAddress!, b.count) == 0 { return true }
        }
        return false
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    /// `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`, `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`,
    /// `[-+]?\.(inf|Inf|INF)`, `\.(nan|NaN|NAN)`.
    private static func number(_ b: UnsafeBufferPointer<UInt8>) -> ScalarType? {
        let n = b.count
        if n > 2, b[0] == UInt8(ascii: "0"), b[1] == UInt8(ascii: "o") {
            return b[2...].allSatisfy { $0 >= 48 && $0 <= 55 } ? .integer : nil
        }
        if n > 2, b[0] == UInt8(ascii: "0"), b[1] == UInt8(ascii: "x") {
            return b[2...].allSatisfy(HexDigit.isDigit) ? .integer : nil
        }
        var i = 0
        if b[0] == UInt8(ascii: "+") || b[0] == UInt8(ascii: "-") { i = 1 }
        if i < n, b[i] == UInt8(ascii: ".") {
            let rest = UnsafeBufferPointer(rebasing: b[(i + 1)...])
            if matchesWord(rest, ["inf", "Inf", "INF"]) { return .float }
            if i == 0, matchesWord(rest, ["nan", "NaN", "NAN"]) { return .float }
        }
        var intDigits = 0
        while i < n, isDigit(b[i]) { i += 1; intDigits += 1 }
        var isFloat = false
        var fracDigits = 0
        if i < n, b[i] == UInt8(ascii: ".") {
            isFloat = true
            i += 1
            while i < n, isDigit(b[i]) { i += 1; fracDigits += 1 }
        }
        if intDigits == 0 && fracDigits == 0 { return nil }
        if i < n, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            isFloat = true
            i += 1
            if i < n, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            var expDigits = 0
            while i < n, isDigit(b[i]) { i += 1; expDigits += 1 }
            if expDigits == 0 { return nil }
        }
        guard i == n else { return nil }
        return isFloat ? .float : .integer
    }

    private static func matchesWord(_ b: UnsafeBufferPointer<UInt8>, _ words: [StaticString]) -> Bool {
        b.count == 3 && matches(b, words)
    }

    static func integerValue(_ text: String) -> Int? {
        if text.hasPrefix("0x") { return Int(text.dropFirst(2), radix: 16) }
        if text.hasPrefix("0o") { return Int(text.dropFirst(2), radix: 8) }
        if text.hasPrefix("+") { return Int(text.dropFirst()) }
        return Int(text)
    }

    static func doubleValue(_ text: String) -> Double? {
        switch text.lowercased() {
        case ".inf", "+.inf": return .infinity
        case "-.inf": return -.infinity
        case ".nan": return .nan
        default: break
        }
        if let i = integerValue(text), text.hasPrefix("0x") || text.hasPrefix("0o") { return Double(i) }
        return Double(text.hasPrefix("+") ? String(text.dropFirst()) : text)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
