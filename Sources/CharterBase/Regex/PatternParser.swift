/// The syntax tree of a pattern.
indirect enum PatternNode: Sendable {
    case empty
    case scalar(Unicode.Scalar)
    case set(CharacterSet)
    case any // `.`: anything but a line terminator
    case start, end, wordBoundary(Bool)
    case concat([PatternNode])
    case alternation([PatternNode])
    case repeatNode(PatternNode, min: Int, max: Int?) // max nil = unbounded
    /// A capturing group (numbered from 1), for backreferences.
    case group(PatternNode, index: Int)
    /// `(?=…)`, `(?!…)`, `(?<=…)`, `(?<!…)`.
    case look(PatternNode, ahead: Bool, negative: Bool)
    /// `\1`, `\k<name>`: the text group `index` captured.
    case backreference(Int)

    /// Whether matching needs the backtracking engine (lookaround or backreferences).
    var needsBacktracking: Bool {
        switch self {
        case .look, .backreference: true
        case .group(let inner, _), .repeatNode(let inner, _, _): inner.needsBacktracking
        case .concat(let items), .alternation(let items): items.contains { $0.needsBacktracking }
        default: false
        }
    }
}

/// A set of Unicode scalars: ranges plus named predicates, optionally negated.
struct CharacterSet: Sendable {
    enum Predicate: Sendable {
        case category(Set<Unicode.GeneralCategory>)
        case whitespace
        case any
    }

    var ranges: [ClosedRange<UInt32>] = []
    var predicates: [Predicate] = []
    /// Negated escapes inside a class (`[\W\d]`): a scalar matches if any of them contains it.
    var negatedMembers: [CharacterSet] = []
    var negated = false

    func contains(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        var hit = false
        for r in ranges where r.contains(v) { hit = true; break }
        if !hit {
            for p in predicates {
                switch p {
                case .category(let cats): hit = cats.contains(s.properties.generalCategory)
                case .whitespace: hit = CharacterSet.isECMAWhitespace(v)
                case .any: hit = true
                }
                if hit { break }
            }
        }
        if !hit {
            for member in negatedMembers where member.contains(s) { hit = true; break }
        }
        return hit != negated
    }

    static func isECMAWhitespace(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: true
        default: false
        }
    }

    static let digits = CharacterSet(ranges: [48...57])
    static let word = CharacterSet(ranges: [48...57, 65...90, 95...95, 97...122])
    static let space = CharacterSet(predicates: [.whitespace])

    func inverted() -> CharacterSet {
        var copy = self
        copy.negated.toggle()
        return copy
    }
}

/// Recursive-descent parser for the ECMA-262 pattern grammar (Unicode-aware, as JSON Schema recommends).
struct PatternParser {
    private let scalars: [Unicode.Scalar]
    private var pos = 0
    private var depth = 0
    /// Capturing groups in source order, and the names of named ones (known before parsing, so a backreference
    /// may come before its group, as ECMA-262 allows).
    private let groupCount: Int
    private let groupNames: [String: Int]
    private var nextGroup = 1

    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
        (groupCount, groupNames) = Self.scanGroups(scalars)
    }

    /// Counts capturing groups: `(` not escaped, outside a class, not followed by `?` (unless `?<name>`).
    private static func scanGroups(_ s: [Unicode.Scalar]) -> (Int, [String: Int]) {
        var count = 0
        var names: [String: Int] = [:]
        var i = 0
        var inClass = false
        while i < s.count {
            let c = s[i]
            if c == "\\" { i += 2; continue }
            if inClass { if c == "]" { inClass = false }; i += 1; continue }
            if c == "[" { inClass = true } else if c == "(" {
                if i + 1 < s.count, s[i + 1] == "?" {
                    if i + 2 < s.count, s[i + 2] == "<", i + 3 < s.count, s[i + 3] != "=", s[i + 3] != "!" {
                        count += 1
                        var j = i + 3
                        var name = ""
                        while j < s.count, s[j] != ">" { name.unicodeScalars.append(s[j]); j += 1 }
                        names[name] = names[name] ?? count
                    }
                } else {
                    count += 1
                }
            }
            i += 1
        }
        return (count, names)
    }

    mutating func parse() throws(PatternError) -> PatternNode {
        let node = try parseAlternation()
        if pos < scalars.count {
            throw .syntax("unmatched ')'", offset: pos)
        }
        return node
    }

    private var current: Unicode.Scalar? { pos < scalars.count ? scalars[pos] : nil }

    private mutating func parseAlternation() throws(PatternError) -> PatternNode {
        depth += 1
        defer { depth -= 1 }
        if depth > 100 { throw .unsupported("groups nest deeper than 100 levels") }
        var branches = [try parseConcat()]
        while current == "|" {
            pos += 1
            branches.append(try parseConcat())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseConcat() throws(PatternError) -> PatternNode {
        var items: [PatternNode] = []
        while let c = current, c != "|", c != ")" {
            let atomStart = pos
            var atom = try parseAtom()
            if let quantified = try parseQuantifier(atom, atomStart: atomStart) { atom = quantified }
            items.append(atom)
        }
        if items.isEmpty { return .empty }
        return items.count == 1 ? items[0] : .concat(items)
    }

    private mutating func parseQuantifier(_ atom: PatternNode, atomStart: Int) throws(PatternError) -> PatternNode? {
        guard let c = current else { return nil }
        var min = 0, max: Int? = nil
        switch c {
        case "*": pos += 1
        case "+": pos += 1; min = 1
        case "?": pos += 1; max = 1
        case "{":
            guard let (lo, hi) = try parseBraces() else { return nil }
            min = lo
            max = hi
        default: return nil
        }
        switch atom {
        case .start, .end, .wordBoundary, .look:
            throw .syntax("nothing to repeat", offset: atomStart)
        default: break
        }
        if current == "?" { pos += 1 } // lazy: same set of matches for a yes/no answer
        if let max, max < min { throw .syntax("numbers out of order in {} quantifier", offset: atomStart) }
        return .repeatNode(atom, min: min, max: max)
    }

    /// `{n}`, `{n,}`, `{n,m}`; nil when the brace is a literal (`a{` or `{x}`), as Annex B allows.
    private mutating func parseBraces() throws(PatternError) -> (Int, Int?)? {
        let save = pos
        pos += 1
        guard let lo = parseInt() else { pos = save; return nil }
        var hi: Int? = lo
        if current == "," {
            pos += 1
            hi = parseInt()
        }
        guard current == "}" else { pos = save; return nil }
        pos += 1
        return (lo, hi)
    }

    private mutating func parseInt() -> Int? {
        var value = 0
        var digits = 0
        while let c = current, let d = c.properties.numericType != nil ? Int(String(c)) : nil, c.isASCII {
            value = min(value * 10 + d, 1_000_000)
            digits += 1
            pos += 1
        }
        return digits > 0 ? value : nil
    }

    private mutating func parseAtom() throws(PatternError) -> PatternNode {
        guard let c = current else { throw .syntax("unexpected end of pattern", offset: pos) }
        switch c {
        case "^": pos += 1; return .start
        case "$": pos += 1; return .end
        case ".": pos += 1; return .any
        case "(":
            pos += 1
            var capture: Int? = nil
            var look: (ahead: Bool, negative: Bool)? = nil
            if current == "?" {
                pos += 1
                switch current {
                case ":": pos += 1
                case "=", "!":
                    look = (true, current == "!")
                    pos += 1
                case "<":
                    if pos + 1 < scalars.count, scalars[pos + 1] == "=" || scalars[pos + 1] == "!" {
                        look = (false, scalars[pos + 1] == "!")
                        pos += 2
                    } else {
                        pos += 1
                        let nameStart = pos
                        while let n = current, n != ">" { pos += 1 }
                        guard current == ">", pos > nameStart else { throw .syntax("unterminated group name", offset: pos) }
                        pos += 1
                        capture = nextGroup
                        nextGroup += 1
                    }
                default: throw .syntax("invalid group", offset: pos)
                }
            } else {
                capture = nextGroup
                nextGroup += 1
            }
            let inner = try parseAlternation()
            guard current == ")" else { throw .syntax("missing ')'", offset: pos) }
            pos += 1
            if let look { return .look(inner, ahead: look.ahead, negative: look.negative) }
            if let capture { return .group(inner, index: capture) }
            return inner
        case ")": throw .syntax("unmatched ')'", offset: pos)
        case "[": return .set(try parseClass())
        case "\\": return try parseEscape(inClass: false)
        case "*", "+", "?": throw .syntax("nothing to repeat", offset: pos)
        case "{":
            if let _ = try parseBraces() { throw .syntax("nothing to repeat", offset: pos) }
            pos += 1
            return .scalar("{")
        default:
            pos += 1
            return .scalar(c)
        }
    }

    private mutating func parseClass() throws(PatternError) -> CharacterSet {
        let open = pos
        pos += 1
        var set = CharacterSet()
        if current == "^" { set.negated = true; pos += 1 }
        while let c = current, c != "]" {
            let lower = try parseClassAtom()
            if current == "-", pos + 1 < scalars.count, scalars[pos + 1] != "]" {
                pos += 1
                let upper = try parseClassAtom()
                guard case .scalar(let a) = lower, case .scalar(let b) = upper else {
                    throw .syntax("invalid character class range", offset: pos)
                }
                guard a.value <= b.value else { throw .syntax("range out of order in character class", offset: pos) }
                set.ranges.append(a.value...b.value)
            } else {
                switch lower {
                case .scalar(let s): set.ranges.append(s.value...s.value)
                case .set(let inner): set.merge(inner)
                default: break
                }
            }
        }
        guard current == "]" else { throw .syntax("missing ']'", offset: open) }
        pos += 1
        return set
    }

    private mutating func parseClassAtom() throws(PatternError) -> PatternNode {
        guard let c = current else { throw .syntax("missing ']'", offset: pos) }
        if c == "\\" {
            if pos + 1 < scalars.count, scalars[pos + 1] == "b" { pos += 2; return .scalar("\u{8}") }
            return try parseEscape(inClass: true)
        }
        pos += 1
        return .scalar(c)
    }

    private mutating func parseEscape(inClass: Bool) throws(PatternError) -> PatternNode {
        pos += 1
        guard let c = current else { throw .syntax("\\ at end of pattern", offset: pos - 1) }
        pos += 1
        switch c {
        case "d": return .set(.digits)
        case "D": return .set(CharacterSet.digits.inverted())
        case "w": return .set(.word)
        case "W": return .set(CharacterSet.word.inverted())
        case "s": return .set(.space)
        case "S": return .set(CharacterSet.space.inverted())
        case "b": return .wordBoundary(true)
        case "B": return .wordBoundary(false)
        case "t": return .scalar("\t")
        case "n": return .scalar("\n")
        case "r": return .scalar("\r")
        case "v": return .scalar("\u{B}")
        case "f": return .scalar("\u{C}")
        case "0":
            if let n = current, n.properties.numericType != nil, n.isASCII { throw .unsupported("octal escapes are not supported") }
            return .scalar("\u{0}")
        case "1"..."9":
            var number = Int(c.value - 48)
            while let d = current, d >= "0" && d <= "9", number <= groupCount { number = number * 10 + Int(d.value - 48); pos += 1 }
            guard !inClass, number <= groupCount else { throw .syntax("\\\(number) refers to no capturing group", offset: pos - 2) }
            return .backreference(number)
        case "x":
            guard let v = hexValue(count: 2) else { throw .syntax("invalid \\x escape", offset: pos) }
            return .scalar(Unicode.Scalar(v)!)
        case "u":
            if current == "{" {
                pos += 1
                var v: UInt32 = 0
                var digits = 0
                while let h = current, let d = h.hexDigitValue { v = v &* 16 &+ UInt32(d); digits += 1; pos += 1; if digits > 6 { break } }
                guard current == "}", digits > 0, let s = Unicode.Scalar(v) else { throw .syntax("invalid \\u{…} escape", offset: pos) }
                pos += 1
                return .scalar(s)
            }
            guard let v = hexValue(count: 4) else { throw .syntax("invalid \\u escape", offset: pos) }
            if v >= 0xD800 && v < 0xDC00, current == "\\", pos + 1 < scalars.count, scalars[pos + 1] == "u" {
                let save = pos
                pos += 2
                if let low = hexValue(count: 4), low >= 0xDC00 && low < 0xE000, let s = Unicode.Scalar(0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)) {
                    return .scalar(s)
                }
                pos = save
            }
            guard let s = Unicode.Scalar(v) else { throw .unsupported("lone surrogate escapes cannot match Unicode text") }
            return .scalar(s)
        case "c":
            guard let l = current, l.isASCII, l.properties.isAlphabetic else { return .scalar("\\") }
            pos += 1
            return .scalar(Unicode.Scalar(l.value % 32)!)
        case "p", "P":
            guard current == "{" else { throw .syntax("invalid \\\(c) escape", offset: pos) }
            pos += 1
            var name = ""
            while let n = current, n != "}" { name.unicodeScalars.append(n); pos += 1 }
            guard current == "}" else { throw .syntax("unterminated \\\(c){…}", offset: pos) }
            pos += 1
            guard let set = CharacterSet.property(name) else { throw .unsupported("Unicode property '\(name)' is not supported") }
            return .set(c == "P" ? set.inverted() : set)
        case "k":
            guard current == "<" else { throw .syntax("invalid \\k escape", offset: pos) }
            pos += 1
            var name = ""
            while let n = current, n != ">" { name.unicodeScalars.append(n); pos += 1 }
            guard current == ">", let index = groupNames[name] else { throw .syntax("\\k<\(name)> names no group", offset: pos) }
            pos += 1
            return .backreference(index)
        default:
            // Identity escapes: \. \* \/ \- and any other non-alphanumeric character.
            if c.properties.isAlphabetic && c.isASCII { throw .syntax("invalid escape \\\(c)", offset: pos - 2) }
            return .scalar(c)
        }
    }

    private mutating func hexValue(count: Int) -> UInt32? {
        guard pos + count <= scalars.count else { return nil }
        var v: UInt32 = 0
        for i in 0..<count {
            guard let d = scalars[pos + i].hexDigitValue else { return nil }
            v = v * 16 + UInt32(d)
        }
        pos += count
        return v
    }
}

extension Unicode.Scalar {
    var hexDigitValue: Int? {
        switch value {
        case 48...57: Int(value - 48)
        case 65...70: Int(value - 55)
        case 97...102: Int(value - 87)
        default: nil
        }
    }
}

extension CharacterSet {
    mutating func merge(_ other: CharacterSet) {
        if other.negated {
            negatedMembers.append(other)
        } else {
            ranges += other.ranges
            predicates += other.predicates
        }
    }

    /// `\p{…}` general categories by short or long name.
    static func property(_ name: String) -> CharacterSet? {
        let table: [String: Set<Unicode.GeneralCategory>] = [
            "L": [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter],
            "Letter": [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter],
            "Lu": [.uppercaseLetter], "Uppercase_Letter": [.uppercaseLetter],
            "Ll": [.lowercaseLetter], "Lowercase_Letter": [.lowercaseLetter],
            "Lt": [.titlecaseLetter], "Lm": [.modifierLetter], "Lo": [.otherLetter],
            "N": [.decimalNumber, .letterNumber, .otherNumber], "Number": [.decimalNumber, .letterNumber, .otherNumber],
            "Nd": [.decimalNumber], "Decimal_Number": [.decimalNumber], "digit": [.decimalNumber],
            "P": [.connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation],
            "Punctuation": [.connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation],
            "S": [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol], "Symbol": [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol],
            "Z": [.spaceSeparator, .lineSeparator, .paragraphSeparator], "Separator": [.spaceSeparator, .lineSeparator, .paragraphSeparator],
            "M": [.nonspacingMark, .spacingMark, .enclosingMark], "Mark": [.nonspacingMark, .spacingMark, .enclosingMark],
        ]
        guard let cats = table[name] else { return nil }
        return CharacterSet(predicates: [.category(cats)])
    }
}
