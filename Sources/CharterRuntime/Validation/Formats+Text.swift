import CharterBase

/// Formats whose grammar is text structure: JSON pointers (RFC 6901 and the relative form JSON Schema 2020-12
/// names), URI templates (RFC 6570), durations (RFC 3339 appendix A) and regular expressions (ECMA-262, as the
/// `pattern` keyword reads them). Each is one linear pass over the bytes.
extension Formats {
    /// `""` or `/`-separated tokens in which `~` is always `~0` or `~1`.
    static func isJSONPointer(_ b: ByteSlice) -> Bool {
        if b.isEmpty { return true }
        guard b.first == UInt8(ascii: "/") else { return false }
        return hasValidTildes(b)
    }

    private static func hasValidTildes(_ b: ByteSlice) -> Bool {
        var i = b.startIndex
        while i < b.endIndex {
            if b[i] == UInt8(ascii: "~") {
                guard i + 1 < b.endIndex, b[i + 1] == UInt8(ascii: "0") || b[i + 1] == UInt8(ascii: "1") else { return false }
                i += 1
            }
            i += 1
        }
        return true
    }

    /// `0`, `1/foo`, `2#`, `0+1/x`: a non-negative integer (no leading zero), an optional index step, then `#` or
    /// a JSON pointer.
    static func isRelativeJSONPointer(_ b: ByteSlice) -> Bool {
        var i = b.startIndex
        guard let end = integerEnd(b, from: i) else { return false }
        i = end
        if i < b.endIndex, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            guard let stepEnd = integerEnd(b, from: i + 1), b[i + 1] != UInt8(ascii: "0") else { return false }
            i = stepEnd
        }
        let rest = b[i...]
        if rest.count == 1, rest.first == UInt8(ascii: "#") { return true }
        return isJSONPointer(rest)
    }

    /// The end of `0` or `[1-9][0-9]*` starting at `from`.
    private static func integerEnd(_ b: ByteSlice, from: Int) -> Int? {
        guard from < b.endIndex, isDigit(b[from]) else { return nil }
        if b[from] == UInt8(ascii: "0") { return from + 1 }
        var i = from
        while i < b.endIndex, isDigit(b[i]) { i += 1 }
        return i
    }

    /// RFC 6570: literals and `{[op]varspec,…}` expressions, varspecs `name[:1-9999]` or `name*`.
    static func isURITemplate(_ b: ByteSlice) -> Bool {
        var i = b.startIndex
        while i < b.endIndex {
            let c = b[i]
            if c == UInt8(ascii: "{") {
                guard let close = b[i...].firstIndex(of: UInt8(ascii: "}")), isExpression(b[(i + 1)..<close]) else { return false }
                i = close + 1
                continue
            }
            if c == UInt8(ascii: "%") {
                guard i + 2 < b.endIndex, HexDigit.isDigit(b[i + 1]), HexDigit.isDigit(b[i + 2]) else { return false }
                i += 3
                continue
            }
            // CTL, space, DQUOTE, <, >, \, ^, `, |, } are not literals.
            if c < 0x21 || c == 0x7F || "\"<>\\^`|}".utf8.contains(c) { return false }
            i += 1
        }
        return true
    }

    private static func isExpression(_ b: ByteSlice) -> Bool {
        var body = b
        if let first = body.first, "+#./;?&".utf8.contains(first) { body = body.dropFirst() }
        guard !body.isEmpty else { return false }
        return body.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).allSatisfy(isVarspec)
    }

    private static func isVarspec(_ b: ByteSlice) -> Bool {
        var name = b
        if b.last == UInt8(ascii: "*") {
            name = b.dropLast()
        } else if let colon = b.firstIndex(of: UInt8(ascii: ":")) {
            let length = b[(colon + 1)...]
            guard (1...4).contains(length.count), length.allSatisfy(isDigit), length.first != UInt8(ascii: "0") else { return false }
            name = b[..<colon]
        }
        guard !name.isEmpty, name.first != UInt8(ascii: "."), name.last != UInt8(ascii: ".") else { return false }
        var i = name.startIndex
        var previousDot = false
        while i < name.endIndex {
            let c = name[i]
            if c == UInt8(ascii: "%") {
                guard i + 2 < name.endIndex, HexDigit.isDigit(name[i + 1]), HexDigit.isDigit(name[i + 2]) else { return false }
                i += 3
                previousDot = false
                continue
            }
            if c == UInt8(ascii: ".") {
                if previousDot { return false }
                previousDot = true
            } else {
                guard isAlpha(c) || isDigit(c) || c == UInt8(ascii: "_") else { return false }
                previousDot = false
            }
            i += 1
        }
        return true
    }

    /// `P[nY][nM][nD][T[nH][nM][nS]]` with the present units contiguous, or `PnW` alone; ASCII digits only.
    static func isDuration(_ b: ByteSlice) -> Bool {
        guard b.first == UInt8(ascii: "P"), b.count > 1 else { return false }
        var i = b.startIndex + 1
        func components(_ units: [UInt8]) -> [Int]? {
            var found: [Int] = []
            while i < b.endIndex, b[i] != UInt8(ascii: "T") {
                let start = i
                while i < b.endIndex, isDigit(b[i]) { i += 1 }
                guard i > start, i < b.endIndex, let unit = units.firstIndex(of: b[i]) else { return nil }
                found.append(unit)
                i += 1
            }
            return found
        }
        /// Units in order with none skipped between the first and the last (`P1Y2D` skips the month).
        func contiguous(_ found: [Int]) -> Bool {
            zip(found, found.dropFirst()).allSatisfy { $1 == $0 + 1 }
        }
        guard let date = components(Array("YMDW".utf8)) else { return false }
        if date.contains(3) { return date == [3] && i == b.endIndex }
        guard contiguous(date) else { return false }
        if i == b.endIndex { return !date.isEmpty }
        i += 1  // "T"
        guard let time = components(Array("HMS".utf8)), i == b.endIndex else { return false }
        return !time.isEmpty && contiguous(time)
    }

    /// ECMA-262 syntax as the pattern parser reads it; a valid construct Charter does not run (lookaround,
    /// backreferences) is still a regular expression.
    static func isRegex(_ b: ByteSlice) -> Bool {
        Pattern.syntaxError(in: String(decoding: b, as: UTF8.self)) == nil
    }
}
