/// Strings drawn from a pattern: what a mock or a test-data generator puts where a schema says `pattern`.
extension Pattern {
    /// A string the pattern matches, drawn with `random`, within `lengths` (in characters) when given; nil when a
    /// few draws found none (lookarounds and anchors are not steered, only checked; an empty class has no member).
    /// Repetitions stay short: a few past their minimum, or as many as `lengths` asks for.
    public func sample(using random: inout some RandomNumberGenerator, lengths: ClosedRange<Int>? = nil) -> String? {
        let extra = Swift.max(4, lengths?.lowerBound ?? 0)
        for attempt in 0..<32 {
            var drawer = PatternDrawer(extraRepeats: attempt < 16 ? extra : extra * 2)
            var out = String.UnicodeScalarView()
            guard drawer.draw(ast, into: &out, random: &random) else { continue }
            let text = String(out)
            if let lengths, !lengths.contains(text.count) { continue }
            if matches(text) { return text }
        }
        return nil
    }
}

/// One draw through a pattern's syntax tree.
struct PatternDrawer {
    let extraRepeats: Int
    var captures: [Int: String.UnicodeScalarView] = [:]
    /// Printable ASCII first, then a few letters beyond it: where a class's member is looked for when it is not
    /// given by ranges (negated classes, `\s`, Unicode categories).
    static let pool: [Unicode.Scalar] = (0x20...0x7E).compactMap(Unicode.Scalar.init) + ["é", "ß", "Ω", "中", "\t"]

    init(extraRepeats: Int) { self.extraRepeats = extraRepeats }

    mutating func draw(_ node: PatternNode, into out: inout String.UnicodeScalarView, random: inout some RandomNumberGenerator) -> Bool {
        switch node {
        case .empty, .start, .end, .wordBoundary, .look:
            return true
        case .scalar(let s):
            out.append(s)
            return true
        case .any:
            out.append(Unicode.Scalar(UInt8.random(in: 0x21...0x7E, using: &random)))
            return true
        case .set(let set):
            guard let s = Self.member(of: set, random: &random) else { return false }
            out.append(s)
            return true
        case .concat(let items):
            for item in items where !draw(item, into: &out, random: &random) { return false }
            return true
        case .alternation(let branches):
            guard !branches.isEmpty else { return true }
            return draw(branches[Int.random(in: 0..<branches.count, using: &random)], into: &out, random: &random)
        case .repeatNode(let inner, let min, let max):
            let upper = Swift.min(max ?? (min + extraRepeats), min + extraRepeats)
            let count = Int.random(in: min...Swift.max(min, upper), using: &random)
            for _ in 0..<count where !draw(inner, into: &out, random: &random) { return false }
            return true
        case .group(let inner, let index):
            var part = String.UnicodeScalarView()
            guard draw(inner, into: &part, random: &random) else { return false }
            captures[index] = part
            out.append(contentsOf: part)
            return true
        case .backreference(let index):
            out.append(contentsOf: captures[index] ?? String.UnicodeScalarView())
            return true
        }
    }

    /// A member of `set`: from its ranges when it is a plain union of them, else the first of a shuffled pool.
    static func member(of set: CharacterSet, random: inout some RandomNumberGenerator) -> Unicode.Scalar? {
        if !set.negated, set.predicates.isEmpty, set.negatedMembers.isEmpty, !set.ranges.isEmpty {
            for _ in 0..<8 {
                let range = set.ranges[Int.random(in: 0..<set.ranges.count, using: &random)]
                // Within a wide range (a Unicode block) stay near its start, where characters are assigned.
                let upper = Swift.min(range.upperBound, range.lowerBound + 0x5F)
                if let s = Unicode.Scalar(UInt32.random(in: range.lowerBound...upper, using: &random)) { return s }
            }
        }
        return pool.shuffled(using: &random).first { set.contains($0) }
    }
}
