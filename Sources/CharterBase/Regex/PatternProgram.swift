/// The compiled NFA: a list of instructions run by a Pike VM (every thread advanced in lock-step).
struct PatternProgram: Sendable {
    enum Instruction: Sendable {
        case scalar(Unicode.Scalar)
        case set(Int) // index into `sets`
        case any
        case split(Int, Int)
        case jump(Int)
        case assertStart, assertEnd
        case wordBoundary(Bool)
        case match
    }

    var instructions: [Instruction] = []
    var sets: [CharacterSet] = []
    /// True when the pattern starts with `^` in every branch: no need to retry at later positions.
    var anchoredAtStart = false

    /// Whether the pattern matches somewhere in `text`. O(instructions × scalars).
    func search(_ text: String) -> Bool {
        let input = Array(text.unicodeScalars)
        let n = instructions.count
        var current = ThreadList(capacity: n)
        var next = ThreadList(capacity: n)
        var stack: [Int] = []
        stack.reserveCapacity(8)
        var position = 0
        addThread(0, at: 0, input: input, to: &current, stack: &stack)
        while true {
            if current.containsMatch { return true }
            if position == input.count { return false }
            let scalar = input[position]
            next.clear()
            for pc in current.dense[0..<current.count] {
                let advance: Bool
                switch instructions[pc] {
                case .scalar(let s): advance = s == scalar
                case .set(let i): advance = sets[i].contains(scalar)
                case .any: advance = !(scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}")
                default: advance = false
                }
                if advance { addThread(pc + 1, at: position + 1, input: input, to: &next, stack: &stack) }
            }
            position += 1
            // Unanchored search: a new attempt may start at every position.
            if !anchoredAtStart { addThread(0, at: position, input: input, to: &next, stack: &stack) }
            swap(&current, &next)
            if current.count == 0 && anchoredAtStart { return false }
        }
    }

    /// Follows jumps, splits and assertions from `pc` (iteratively), adding the scalar-consuming states reached.
    private func addThread(_ start: Int, at position: Int, input: [Unicode.Scalar], to list: inout ThreadList, stack: inout [Int]) {
        stack.append(start)
        while let pc = stack.popLast() {
            guard list.insert(pc) else { continue }
            switch instructions[pc] {
            case .jump(let target): stack.append(target)
            case .split(let a, let b):
                stack.append(b)
                stack.append(a)
            case .assertStart: if position == 0 { stack.append(pc + 1) }
            case .assertEnd: if position == input.count { stack.append(pc + 1) }
            case .wordBoundary(let want):
                let before = position > 0 && Self.isWord(input[position - 1])
                let after = position < input.count && Self.isWord(input[position])
                if (before != after) == want { stack.append(pc + 1) }
            case .match: list.containsMatch = true
            case .scalar, .set, .any: break
            }
        }
    }

    private static func isWord(_ s: Unicode.Scalar) -> Bool {
        CharacterSet.word.contains(s)
    }
}

/// A sparse set of program counters (constant-time insert, membership and clear).
struct ThreadList {
    var dense: [Int]
    var sparse: [Int]
    var count = 0
    var containsMatch = false

    init(capacity: Int) {
        dense = Array(repeating: 0, count: capacity)
        sparse = Array(repeating: 0, count: capacity)
    }

    mutating func insert(_ pc: Int) -> Bool {
        let i = sparse[pc]
        if i < count && dense[i] == pc { return false }
        sparse[pc] = count
        dense[count] = pc
        count += 1
        return true
    }

    mutating func clear() {
        count = 0
        containsMatch = false
    }
}

/// Compiles a pattern's syntax tree into a `PatternProgram`.
enum PatternCompiler {
    /// Counted repetition copies its operand, so `(a{1000}){1000}` could explode: cap the program.
    static let maxInstructions = 20_000

    static func compile(_ node: PatternNode) throws(PatternError) -> PatternProgram {
        var program = PatternProgram()
        try emit(node, into: &program)
        program.instructions.append(.match)
        program.anchoredAtStart = startsAnchored(node)
        return program
    }

    private static func startsAnchored(_ node: PatternNode) -> Bool {
        switch node {
        case .start: true
        case .concat(let items): items.first.map(startsAnchored) ?? false
        case .alternation(let branches): branches.allSatisfy(startsAnchored)
        default: false
        }
    }

    private static func emit(_ node: PatternNode, into p: inout PatternProgram) throws(PatternError) {
        if p.instructions.count > maxInstructions {
            throw .unsupported("pattern expands to more than \(maxInstructions) states; simplify its counted repetitions")
        }
        switch node {
        case .empty: break
        case .scalar(let s): p.instructions.append(.scalar(s))
        case .set(let set):
            p.sets.append(set)
            p.instructions.append(.set(p.sets.count - 1))
        case .any: p.instructions.append(.any)
        case .start: p.instructions.append(.assertStart)
        case .end: p.instructions.append(.assertEnd)
        case .wordBoundary(let b): p.instructions.append(.wordBoundary(b))
        case .concat(let items):
            for item in items { try emit(item, into: &p) }
        case .alternation(let branches):
            // split L1, next; L1: branch0; jump end; next: split L2, … ; last branch
            var jumpsToEnd: [Int] = []
            for (i, branch) in branches.enumerated() {
                if i < branches.count - 1 {
                    let split = p.instructions.count
                    p.instructions.append(.split(split + 1, -1))
                    try emit(branch, into: &p)
                    jumpsToEnd.append(p.instructions.count)
                    p.instructions.append(.jump(-1))
                    p.instructions[split] = .split(split + 1, p.instructions.count)
                } else {
                    try emit(branch, into: &p)
                }
            }
            let end = p.instructions.count
            for j in jumpsToEnd { p.instructions[j] = .jump(end) }
        case .repeatNode(let inner, let min, let max):
            for _ in 0..<min { try emit(inner, into: &p) }
            if let max {
                // Optional copies: split body, end — nested so each may be skipped.
                var splits: [Int] = []
                for _ in 0..<(max - min) {
                    splits.append(p.instructions.count)
                    p.instructions.append(.split(-1, -1))
                    try emit(inner, into: &p)
                    if p.instructions.count > maxInstructions { break }
                }
                let end = p.instructions.count
                for s in splits { p.instructions[s] = .split(s + 1, end) }
            } else {
                // Star: L: split body, end; body; jump L.
                let loop = p.instructions.count
                p.instructions.append(.split(-1, -1))
                try emit(inner, into: &p)
                p.instructions.append(.jump(loop))
                p.instructions[loop] = .split(loop + 1, p.instructions.count)
            }
        case .group(let inner, _):
            try emit(inner, into: &p)
        case .look, .backreference:
            throw .unsupported("lookaround and backreferences are matched by the backtracking engine")
        }
    }
}
