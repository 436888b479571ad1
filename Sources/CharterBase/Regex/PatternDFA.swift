/// A DFA over ASCII built ahead of time from the NFA (subset construction), so the common case — a
/// spec's pattern against an ASCII string — is one table lookup per byte with no allocation. Input with
/// non-ASCII bytes, and patterns the DFA cannot express (word boundaries) or that need too many states,
/// use the Pike VM; both are linear.
struct PatternDFA: Sendable {
    /// `transitions[state * 128 + byte]`: the next state.
    let transitions: [Int32]
    /// The one state in which a match has been found (every matched state is collapsed into it, and the search
    /// stops there), or -1 when no input can reach it. One comparison per byte instead of a table lookup.
    let accepting: Int32
    /// A match is found if the input ends in this state (patterns ending in `$`).
    let acceptsAtEnd: [Bool]
    let start: Int32

    static let maxStates = 512

    init?(_ program: PatternProgram) {
        let instructions = program.instructions
        if instructions.contains(where: { if case .wordBoundary = $0 { return true } else { return false } }) { return nil }
        let n = instructions.count

        /// The epsilon closure of `seeds` (jumps, splits, and ^/$ as the position allows).
        func closure(_ seeds: [Int], atStart: Bool, atEnd: Bool) -> (pcs: [Int], match: Bool) {
            var seen = [Bool](repeating: false, count: n)
            var stack = seeds
            var out: [Int] = []
            var match = false
            while let pc = stack.popLast() {
                if seen[pc] { continue }
                seen[pc] = true
                switch instructions[pc] {
                case .jump(let t): stack.append(t)
                case .split(let a, let b): stack.append(b); stack.append(a)
                case .assertStart: if atStart { stack.append(pc + 1) }
                case .assertEnd:
                    out.append(pc) // kept so "would the input ending here match?" can be asked later
                    if atEnd { stack.append(pc + 1) }
                case .match: match = true
                case .scalar, .set, .any: out.append(pc)
                case .wordBoundary: break
                }
            }
            return (out.sorted(), match)
        }

        let restart = program.anchoredAtStart ? [] : [0]
        var states: [[Int]] = []
        var index: [[Int]: Int32] = [:]
        var acceptsAtEnd: [Bool] = []
        var transitions: [Int32] = []

        func intern(_ pcs: [Int], match: Bool) -> Int32? {
            // A state that has matched stays matched: collapse them all into one absorbing state.
            let key = match ? [-1] : pcs
            if let existing = index[key] { return existing }
            guard states.count < Self.maxStates else { return nil }
            let id = Int32(states.count)
            states.append(key)
            index[key] = id
            let endPCs = pcs.filter { if case .assertEnd = instructions[$0] { return true } else { return false } }.map { $0 + 1 }
            acceptsAtEnd.append(match || closure(endPCs, atStart: false, atEnd: true).match)
            return id
        }

        let first = closure([0], atStart: true, atEnd: false)
        guard let startState = intern(first.pcs, match: first.match) else { return nil }
        var next = 0
        while next < states.count {
            let pcs = states[next]
            next += 1
            var row = [Int32](repeating: 0, count: 128)
            // Most of a state's 128 bytes step to the same few instruction sets (often none but the restart): each
            // distinct set's closure and state are worked out once per state, not once per byte.
            var targets: [[Int]: Int32] = [:]
            let absorbing = pcs == [-1]
            for byte in 0..<128 {
                if absorbing { row[byte] = Int32(next - 1); continue }
                let scalar = Unicode.Scalar(UInt8(byte))
                var stepped: [Int] = []
                for pc in pcs {
                    let advance: Bool
                    switch instructions[pc] {
                    case .scalar(let s): advance = s == scalar
                    case .set(let i): advance = program.sets[i].contains(scalar)
                    case .any: advance = byte != 0x0A && byte != 0x0D
                    default: advance = false
                    }
                    if advance { stepped.append(pc + 1) }
                }
                if let known = targets[stepped] {
                    row[byte] = known
                    continue
                }
                let c = closure(stepped + restart, atStart: false, atEnd: false)
                guard let target = intern(c.pcs, match: c.match) else { return nil }
                targets[stepped] = target
                row[byte] = target
            }
            transitions += row
        }
        self.transitions = transitions
        accepting = index[[-1]] ?? -1
        self.acceptsAtEnd = acceptsAtEnd
        self.start = startState
    }

    /// nil when the text is not ASCII (the caller falls back to the Pike VM).
    func search(_ text: String) -> Bool? {
        var text = text
        return text.withUTF8 { search($0) }
    }

    func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        transitions.withUnsafeBufferPointer { table in
            // Every entry of the table is a state below `acceptsAtEnd.count` (built so), hence the unchecked steps.
            guard let next = table.baseAddress else { return nil }
            var state = start
            if state == accepting { return true }
            for byte in bytes {
                if byte >= 0x80 { return nil }
                state = next[Int(state) &* 128 &+ Int(byte)]
                if state == accepting { return true }
            }
            return acceptsAtEnd[Int(state)]
        }
    }
}
