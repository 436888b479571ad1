/// Matching for patterns the linear-time engine cannot run: lookahead, lookbehind and backreferences
/// (`^(?![0-9]+$)[a-z0-9_-]+$`, "a slug that is not all digits").
///
/// A backtracking search can take exponential time, and patterns come from specs while inputs come from anyone,
/// so every search has a budget: at most `stepLimit` steps and `depthLimit` nested attempts. A search that runs
/// out answers "undecided", and the validator refuses the value ("could not be checked") rather than let a
/// pattern stall a server or let unchecked data through. Repetitions of a single character class are walked
/// in a loop, so ordinary patterns stay far inside both limits whatever the input's length.
struct PatternBacktracker: Sendable {
    let root: PatternNode
    let groups: Int
    let anchoredAtStart: Bool
    static let stepLimit = 200_000
    static let depthLimit = 1_000

    init(_ root: PatternNode) {
        self.root = root
        groups = Self.maxGroup(root)
        anchoredAtStart = Self.startsAnchored(root)
    }

    /// Whether the pattern matches somewhere in `text`; `nil` when the budget ran out first.
    func search(_ text: [Unicode.Scalar]) -> Bool? {
        let run = Run(input: text, groups: groups)
        let starts = anchoredAtStart ? 0...0 : 0...text.count
        for start in starts {
            run.captures = Array(repeating: -1, count: 2 * (groups + 1))
            if run.match(root, start, { _ in true }) { return true }
            if run.exhausted { return nil }
        }
        return false
    }

    private static func maxGroup(_ node: PatternNode) -> Int {
        switch node {
        case .group(let inner, let index): max(index, maxGroup(inner))
        case .repeatNode(let inner, _, _), .look(let inner, _, _): maxGroup(inner)
        case .concat(let items), .alternation(let items): items.map(maxGroup).max() ?? 0
        default: 0
        }
    }

    private static func startsAnchored(_ node: PatternNode) -> Bool {
        switch node {
        case .start: true
        case .concat(let items): items.first.map(startsAnchored) ?? false
        case .group(let inner, _): startsAnchored(inner)
        case .alternation(let branches): branches.allSatisfy(startsAnchored)
        default: false
        }
    }

    /// One search: the input, the captures so far and what the budget has left.
    final class Run {
        let input: [Unicode.Scalar]
        var captures: [Int]
        var steps = 0
        var depth = 0
        var exhausted = false

        init(input: [Unicode.Scalar], groups: Int) {
            self.input = input
            captures = Array(repeating: -1, count: 2 * (groups + 1))
        }

        /// Matches `node` at `i`, then the rest of the pattern through `next` (false backtracks).
        func match(_ node: PatternNode, _ i: Int, _ next: (Int) -> Bool) -> Bool {
            steps += 1
            depth += 1
            defer { depth -= 1 }
            if steps > PatternBacktracker.stepLimit || depth > PatternBacktracker.depthLimit { exhausted = true }
            if exhausted { return false }
            switch node {
            case .empty:
                return next(i)
            case .scalar, .set, .any:
                return i < input.count && accepts(node, input[i]) && next(i + 1)
            case .start:
                return i == 0 && next(i)
            case .end:
                return i == input.count && next(i)
            case .wordBoundary(let expected):
                return (isWord(i - 1) != isWord(i)) == expected && next(i)
            case .concat(let items):
                return sequence(items[...], i, next)
            case .alternation(let branches):
                for branch in branches {
                    if match(branch, i, next) { return true }
                    if exhausted { return false }
                }
                return false
            case .group(let inner, let index):
                let saved = (captures[2 * index], captures[2 * index + 1])
                if match(inner, i, { end in
                    let before = (self.captures[2 * index], self.captures[2 * index + 1])
                    self.captures[2 * index] = i
                    self.captures[2 * index + 1] = end
                    if next(end) { return true }
                    (self.captures[2 * index], self.captures[2 * index + 1]) = before
                    return false
                }) { return true }
                (captures[2 * index], captures[2 * index + 1]) = saved
                return false
            case .look(let inner, let ahead, let negative):
                let saved = captures
                let found = ahead ? match(inner, i, { _ in true }) : matchesEndingAt(inner, i)
                if exhausted { return false }
                if negative {
                    captures = saved
                    return !found && next(i)
                }
                if found && next(i) { return true }
                captures = saved
                return false
            case .backreference(let index):
                let start = captures[2 * index], end = captures[2 * index + 1]
                guard start >= 0, end >= start else { return next(i) }  // an unset group matches the empty string
                let length = end - start
                guard i + length <= input.count else { return false }
                for k in 0..<length where input[start + k] != input[i + k] { return false }
                return next(i + length)
            case .repeatNode(let inner, let min, let max):
                if isSingleCharacter(inner) { return repeatCharacter(inner, min, max, i, next) }
                return repetition(inner, min, max, count: 0, i, next)
            }
        }

        private func sequence(_ items: ArraySlice<PatternNode>, _ i: Int, _ next: (Int) -> Bool) -> Bool {
            guard let first = items.first else { return next(i) }
            return match(first, i) { j in self.sequence(items.dropFirst(), j, next) }
        }

        /// Greedy repetition of a subpattern; an iteration that consumes nothing ends the loop (as ECMA-262 does).
        private func repetition(_ inner: PatternNode, _ min: Int, _ max: Int?, count: Int, _ i: Int, _ next: (Int) -> Bool) -> Bool {
            if count < min {
                return match(inner, i) { j in self.repetition(inner, min, max, count: count + 1, j, next) }
            }
            if max.map({ count < $0 }) ?? true {
                if match(inner, i, { j in j != i && self.repetition(inner, min, max, count: count + 1, j, next) }) { return true }
                if exhausted { return false }
            }
            return next(i)
        }

        /// `[a-z]+` and the like: consume as many as allowed in a loop, then give them back one by one.
        private func repeatCharacter(_ inner: PatternNode, _ min: Int, _ max: Int?, _ i: Int, _ next: (Int) -> Bool) -> Bool {
            var end = i
            let limit = max.map { Swift.min(input.count, i + $0) } ?? input.count
            while end < limit, accepts(inner, input[end]) { end += 1 }
            guard end - i >= min else { return false }
            var j = end
            while j >= i + min {
                steps += 1
                if steps > PatternBacktracker.stepLimit { exhausted = true; return false }
                if next(j) { return true }
                if exhausted { return false }
                j -= 1
            }
            return false
        }

        /// Lookbehind: some match of `inner` that ends exactly at `i`.
        private func matchesEndingAt(_ inner: PatternNode, _ i: Int) -> Bool {
            var start = i
            while start >= 0 {
                if match(inner, start, { $0 == i }) { return true }
                if exhausted { return false }
                start -= 1
            }
            return false
        }

        private func isSingleCharacter(_ node: PatternNode) -> Bool {
            switch node {
            case .scalar, .set, .any: true
            default: false
            }
        }

        private func accepts(_ node: PatternNode, _ s: Unicode.Scalar) -> Bool {
            switch node {
            case .scalar(let c): s == c
            case .set(let set): set.contains(s)
            case .any: !(s == "\n" || s == "\r" || s == "\u{2028}" || s == "\u{2029}")
            default: false
            }
        }

        private func isWord(_ i: Int) -> Bool {
            guard i >= 0, i < input.count else { return false }
            let s = input[i]
            return (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") || s == "_"
        }
    }
}
