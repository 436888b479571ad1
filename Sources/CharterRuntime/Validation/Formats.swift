import CharterBase

/// The `format` values Charter checks. Unknown formats are annotations only (JSON Schema's default).
public enum StringFormat: String, Sendable, CaseIterable {
    case dateTime = "date-time"
    case date
    case time
    case email
    case uuid
    case uri
    case uriReference = "uri-reference"
    case ipv4
    case ipv6
    case hostname
    /// `hostname` in OpenAPI 3.0's draft-4-derived dialect: RFC 1123, where `ab--cd` is a name (2020-12 reserves
    /// hyphens in the third and fourth place for IDNA).
    case hostnameRFC1123 = "hostname (RFC 1123)"
    case byte
    case idnHostname = "idn-hostname"
    case idnEmail = "idn-email"
    case iri
    case iriReference = "iri-reference"
    case uriTemplate = "uri-template"
    case jsonPointer = "json-pointer"
    case relativeJSONPointer = "relative-json-pointer"
    case duration
    case regex

    /// Whether `value` conforms. Every check is ASCII-only and linear in the input.
    public func isValid(_ value: String) -> Bool {
        if let result = value.utf8.withContiguousStorageIfAvailable({ check($0[...]) }) { return result }
        return Array(value.utf8).withUnsafeBufferPointer { check($0[...]) }
    }

    /// Whether the UTF-8 bytes of a string conform.
    public func isValid(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        check(bytes[...])
    }

    private func check(_ bytes: ByteSlice) -> Bool {
        switch self {
        case .dateTime: return Formats.isDateTime(bytes)
        case .date: return Formats.isDate(bytes)
        case .time: return Formats.isTime(bytes)
        case .email: return Formats.isEmail(bytes)
        case .uuid: return Formats.isUUID(bytes)
        case .uri: return Formats.isURI(bytes, requireScheme: true)
        case .uriReference: return Formats.isURI(bytes, requireScheme: false)
        case .ipv4: return Formats.isIPv4(bytes)
        case .ipv6: return Formats.isIPv6(bytes)
        case .hostname: return Formats.isHostname(bytes)
        case .hostnameRFC1123: return Formats.isHostname(bytes, idnaHyphens: false)
        case .byte: return Formats.isBase64(bytes)
        case .idnHostname: return Formats.isIDNHostname(bytes)
        case .idnEmail: return Formats.isEmail(bytes, unicode: true)
        case .iri: return Formats.isURI(bytes, requireScheme: true, unicode: true)
        case .iriReference: return Formats.isURI(bytes, requireScheme: false, unicode: true)
        case .uriTemplate: return Formats.isURITemplate(bytes)
        case .jsonPointer: return Formats.isJSONPointer(bytes)
        case .relativeJSONPointer: return Formats.isRelativeJSONPointer(bytes)
        case .duration: return Formats.isDuration(bytes)
        case .regex: return Formats.isRegex(bytes)
        }
    }

    /// A human description for messages ("Must be a valid date-time (RFC 3339)").
    public var explanation: String {
        switch self {
        case .dateTime: "a date-time (RFC 3339, e.g. 2026-01-31T12:00:00Z)"
        case .date: "a date (YYYY-MM-DD)"
        case .time: "a time (RFC 3339, e.g. 12:00:00Z)"
        case .email: "an email address"
        case .uuid: "a UUID"
        case .uri: "an absolute URI"
        case .uriReference: "a URI reference"
        case .ipv4: "an IPv4 address"
        case .ipv6: "an IPv6 address"
        case .hostname, .hostnameRFC1123: "a hostname"
        case .byte: "base64-encoded data"
        case .idnHostname: "an internationalised hostname"
        case .idnEmail: "an internationalised email address"
        case .iri: "an absolute IRI"
        case .iriReference: "an IRI reference"
        case .uriTemplate: "a URI template (RFC 6570)"
        case .jsonPointer: "a JSON pointer (RFC 6901)"
        case .relativeJSONPointer: "a relative JSON pointer"
        case .duration: "a duration (ISO 8601, e.g. P1DT12H)"
        case .regex: "an ECMA-262 regular expression"
        }
    }
}

/// A view of a string's UTF-8 bytes, sliced without copying.
typealias ByteSlice = Slice<UnsafeBufferPointer<UInt8>>

enum Formats {
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { b | 0x20 >= 97 && b | 0x20 <= 122 }

    static func number(_ b: ByteSlice, _ from: Int, _ count: Int) -> Int? {
        guard from + count <= b.endIndex else { return nil }
        var v = 0
        for i in from..<from + count {
            guard isDigit(b[i]) else { return nil }
            v = v * 10 + Int(b[i] - 48)
        }
        return v
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func isDate(_ b: ByteSlice) -> Bool {
        let s = b.startIndex
        guard b.count == 10, b[s + 4] == UInt8(ascii: "-"), b[s + 7] == UInt8(ascii: "-"),
              let year = number(b, s, 4), let month = number(b, s + 5, 2), let day = number(b, s + 8, 2)
        else { return false }
        return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month: month, year: year)
    }

    /// `HH:MM:SS[.frac](Z|±HH:MM)`; a leap second is valid only where it falls on 23:59:60 UTC.
    static func isTime(_ b: ByteSlice) -> Bool {
        let s = b.startIndex
        guard b.count >= 9, b[s + 2] == UInt8(ascii: ":"), b[s + 5] == UInt8(ascii: ":"),
              let hour = number(b, s, 2), let minute = number(b, s + 3, 2), let second = number(b, s + 6, 2)
        else { return false }
        var i = s + 8
        if i < b.endIndex, b[i] == UInt8(ascii: ".") {
            i += 1
            let fracStart = i
            while i < b.endIndex, isDigit(b[i]) { i += 1 }
            if i == fracStart { return false }
        }
        guard i < b.endIndex else { return false }
        var offsetMinutes = 0
        if b[i] | 0x20 == UInt8(ascii: "z") {
            guard i + 1 == b.endIndex else { return false }
        } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            guard b.endIndex - i == 6, b[i + 3] == UInt8(ascii: ":"),
                  let oh = number(b, i + 1, 2), let om = number(b, i + 4, 2), oh <= 23, om <= 59
            else { return false }
            offsetMinutes = (oh * 60 + om) * (b[i] == UInt8(ascii: "+") ? 1 : -1)
        } else {
            return false
        }
        guard hour <= 23, minute <= 59, second <= 60 else { return false }
        if second == 60 {
            let utc = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }

    static func isDateTime(_ bytes: ByteSlice) -> Bool {
        guard bytes.count >= 20, bytes[10] | 0x20 == UInt8(ascii: "t") else { return false }
        return isDate(bytes[0..<10]) && isTime(bytes[11...])
    }

    static func isUUID(_ b: ByteSlice) -> Bool { UUIDText.uuid(b) != nil }

    static func isIPv4(_ b: ByteSlice) -> Bool {
        var parts = 0
        var i = b.startIndex
        while true {
            let start = i
            var value = 0
            while i < b.endIndex, isDigit(b[i]), i - start < 3 {
                value = value * 10 + Int(b[i] - 48)
                i += 1
            }
            let length = i - start
            guard length > 0, value <= 255, !(length > 1 && b[start] == UInt8(ascii: "0")) else { return false }
            parts += 1
            if i == b.endIndex { return parts == 4 }
            guard b[i] == UInt8(ascii: "."), parts < 4 else { return false }
            i += 1
        }
    }

    static func isIPv6(_ b: ByteSlice) -> Bool {
        guard b.count >= 2, b.count <= 45 else { return false }
        var groups = 0
        var sawDoubleColon = false
        var i = b.startIndex
        if b[i] == UInt8(ascii: ":") {
            guard b[i + 1] == UInt8(ascii: ":") else { return false }
            sawDoubleColon = true
            i += 2
            if i == b.endIndex { return true }
        }
        while i < b.endIndex {
            let start = i
            while i < b.endIndex, HexDigit.isDigit(b[i]), i - start < 5 { i += 1 }
            if i < b.endIndex, b[i] == UInt8(ascii: ".") {
                // Embedded IPv4 ends the address and counts as two groups.
                guard isIPv4(b[start...]) else { return false }
                groups += 2
                i = b.endIndex
                break
            }
            let length = i - start
            guard length >= 1, length <= 4 else { return false }
            groups += 1
            if i == b.endIndex { break }
            guard b[i] == UInt8(ascii: ":") else { return false }
            i += 1
            if i < b.endIndex, b[i] == UInt8(ascii: ":") {
                guard !sawDoubleColon else { return false }
                sawDoubleColon = true
                i += 1
                if i == b.endIndex { break }
            } else if i == b.endIndex {
                return false
            }
        }
        return sawDoubleColon ? groups <= 7 : groups == 8
    }

    /// `local@domain`: a dot-atom or quoted local part, and a hostname or bracketed IP literal.
    /// RFC 5322 `atext` punctuation: ! # $ % & ' * + - / = ? ^ _ ` { | } ~ (a bit set, so no per-call table).
    @inline(__always) static func isAtextSpecial(_ c: UInt8) -> Bool {
        // Bits for 0x20–0x3F and 0x40–0x7F, precomputed from the characters above.
        if c < 0x20 || c >= 0x80 { return false }
        if c < 0x40 { return (0xA000_ACFA as UInt32) >> UInt32(c - 0x20) & 1 != 0 }
        if c < 0x60 { return c == 0x5E || c == 0x5F }
        return c == 0x60 || c == 0x7B || c == 0x7C || c == 0x7D || c == 0x7E
    }

    static func isEmail(_ b: ByteSlice, unicode: Bool = false) -> Bool {
        guard let at = b.lastIndex(of: UInt8(ascii: "@")), at > 0, at < b.count - 1, b.count <= 320 else { return false }
        let local = b[..<at], domain = b[(at + 1)...]
        if local.first == UInt8(ascii: "\"") {
            guard local.count >= 2, local.last == UInt8(ascii: "\"") else { return false }
            var escaped = false
            for c in local.dropFirst().dropLast() {
                if escaped { escaped = false; continue }
                if c == UInt8(ascii: "\\") { escaped = true; continue }
                if c == UInt8(ascii: "\"") || c < 0x20 || (c >= 0x7F && !(unicode && c >= 0x80)) { return false }
            }
        } else {
            var previous: UInt8 = UInt8(ascii: ".")
            for c in local {
                if c == UInt8(ascii: ".") {
                    if previous == UInt8(ascii: ".") { return false }
                } else if !(isAlpha(c) || isDigit(c) || isAtextSpecial(c) || (unicode && c >= 0x80)) {
                    return false
                }
                previous = c
            }
            if previous == UInt8(ascii: ".") { return false }
        }
        if domain.first == UInt8(ascii: "["), domain.last == UInt8(ascii: "]") {
            let inner = domain.dropFirst().dropLast()
            if inner.starts(with: "IPv6:".utf8) { return isIPv6(inner.dropFirst(5)) }
            return isIPv4(inner)
        }
        return unicode ? isIDNHostname(domain) : isHostname(domain)
    }

    static func isBase64(_ b: ByteSlice) -> Bool {
        guard b.count % 4 == 0 else { return false }
        var padding = 0
        for (i, c) in b.enumerated() {
            if c == UInt8(ascii: "=") {
                guard i >= b.count - 2 else { return false }
                padding += 1
            } else {
                guard padding == 0, isAlpha(c) || isDigit(c) || c == UInt8(ascii: "+") || c == UInt8(ascii: "/") else { return false }
            }
        }
        return true
    }

    /// RFC 3986 URI (scheme required) or URI reference.
    /// With `unicode`, an IRI (RFC 3987): any non-ASCII character counts as unreserved.
    static func isURI(_ b: ByteSlice, requireScheme: Bool, unicode: Bool = false) -> Bool {
        var i = 0
        // Scheme: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
        var hasScheme = false
        if let colon = b.firstIndex(of: UInt8(ascii: ":")), colon > 0 {
            let candidate = b[..<colon]
            let firstSlash = b.firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) ?? b.count
            if colon < firstSlash {
                guard isAlpha(candidate[0]), candidate.allSatisfy({ isAlpha($0) || isDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }) else {
                    return false
                }
                hasScheme = true
                i = colon + 1
            }
        }
        if requireScheme && !hasScheme { return false }
        // Authority
        if i + 1 < b.count, b[i] == UInt8(ascii: "/"), b[i + 1] == UInt8(ascii: "/") {
            i += 2
            let end = b[i...].firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) ?? b.count
            guard isAuthority(b[i..<end], unicode: unicode) else { return false }
            i = end
        }
        // Path, query, fragment: pchar / "/" / "?" plus '#' once.
        var sawFragment = false
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "%") {
                guard i + 2 < b.count, HexDigit.isDigit(b[i + 1]), HexDigit.isDigit(b[i + 2]) else { return false }
                i += 3
                continue
            }
            if c == UInt8(ascii: "#") {
                if sawFragment { return false }
                sawFragment = true
            } else if !(isUnreserved(c) || isSubDelim(c) || c == UInt8(ascii: ":") || c == UInt8(ascii: "@") || c == UInt8(ascii: "/") || c == UInt8(ascii: "?") || (unicode && c >= 0x80)) {
                return false
            }
            i += 1
        }
        return true
    }

    static func isUnreserved(_ c: UInt8) -> Bool {
        isAlpha(c) || isDigit(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: ".") || c == UInt8(ascii: "_") || c == UInt8(ascii: "~")
    }

    static func isSubDelim(_ c: UInt8) -> Bool {
        "!$&'()*+,;=".utf8.contains(c)
    }

    private static func isAuthority(_ b: ByteSlice, unicode: Bool) -> Bool {
        var host = b
        if let at = b.lastIndex(of: UInt8(ascii: "@")) {
            let userinfo = b[..<at]
            guard isPercentEncoded(userinfo, allowing: { isUnreserved($0) || isSubDelim($0) || $0 == UInt8(ascii: ":") || (unicode && $0 >= 0x80) }) else { return false }
            host = b[(at + 1)...]
        }
        if host.first == UInt8(ascii: "[") {
            guard let close = host.firstIndex(of: UInt8(ascii: "]")) else { return false }
            let literal = host[(host.startIndex + 1)..<close]
            guard isIPv6(literal) || isIPvFuture(literal) else { return false }
            let rest = host[(close + 1)...]
            if rest.isEmpty { return true }
            guard rest.first == UInt8(ascii: ":") else { return false }
            return rest.dropFirst().allSatisfy(isDigit)
        }
        if let colon = host.lastIndex(of: UInt8(ascii: ":")) {
            guard host[(colon + 1)...].allSatisfy(isDigit) else { return false }
            host = host[..<colon]
        }
        return isPercentEncoded(host, allowing: { isUnreserved($0) || isSubDelim($0) || (unicode && $0 >= 0x80) })
    }

    /// `v1.fe`: an IP literal of a future version (RFC 3986 §3.2.2).
    private static func isIPvFuture(_ b: ByteSlice) -> Bool {
        guard b.first.map({ $0 | 0x20 == UInt8(ascii: "v") }) == true, let dot = b.firstIndex(of: UInt8(ascii: ".")) else { return false }
        let version = b[(b.startIndex + 1)..<dot], rest = b[(dot + 1)...]
        return !version.isEmpty && version.allSatisfy(HexDigit.isDigit) && !rest.isEmpty
            && rest.allSatisfy { isUnreserved($0) || isSubDelim($0) || $0 == UInt8(ascii: ":") }
    }

    private static func isPercentEncoded(_ b: ByteSlice, allowing allowed: (UInt8) -> Bool) -> Bool {
        var i = b.startIndex
        while i < b.endIndex {
            if b[i] == UInt8(ascii: "%") {
                guard i + 2 < b.endIndex, HexDigit.isDigit(b[i + 1]), HexDigit.isDigit(b[i + 2]) else { return false }
                i += 3
            } else {
                guard allowed(b[i]) else { return false }
                i += 1
            }
        }
        return true
    }
}
