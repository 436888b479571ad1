/// A fatal problem that stops reading a file (syntax errors, limits); carries its located diagnostic.
struct TreeError: Error {
    var diagnostic: Diagnostic
}

/// Limits that keep hostile input from costing unbounded time or memory.
public struct TreeLimits: Sendable {
    /// Deepest nesting of mappings and sequences accepted.
    public var maxDepth: Int = 512
    /// Most nodes a consumer may visit when walking through aliases, as a multiple of the file's own nodes
    /// (with a floor), so a "billion laughs" document is an error rather than an exponential walk.
    public var aliasExpansionFactor: Int = 16
    public var aliasExpansionFloor: Int = 1_000_000

    public init() {}
}

/// Builds a `SpecTree` from a stream of events; shared by the YAML (libyaml) and JSON readers so both
/// produce the same tree, the same locations and the same duplicate-key and limit errors.
struct TreeBuilder {
    private let path: String
    private let limits: TreeLimits
    private var records: [NodeRecord] = []
    private var children: [Int32] = []
    private var text = ScalarText()
    /// Expanded size of each node (aliases counted in full), saturating. Kept only once the file has used an
    /// alias: without one a node's expanded size is its own subtree, which cannot exceed the limit.
    private var weights: [Int] = []
    private var tracksWeights = false
    /// Open containers: the node and where its pending children start in `pending`.
    private var frames: [(node: Int32, pendingStart: Int)] = []
    private var pending: [Int32] = []
    private var anchors: [String: Int32] = [:]
    /// Scratch hash table for `keysAreDistinctWithoutMerge` (all -1 between uses).
    private var keySlots: [Int32] = []
    private var root: Int32?
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String, limits: TreeLimits, capacityHint: Int = 0) {
        self.path = path
        self.limits = limits
        records.reserveCapacity(capacityHint)
        children.reserveCapacity(capacityHint)
        text.reserve(capacityHint * 16)
    }

    func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }

    /// True when the next node will be a mapping key (keys always resolve to strings).
    var expectsKey: Bool {
        guard let top = frames.last else { return false }
        return records[Int(top.node)].kind == .mapping && (pending.count - top.pendingStart) % 2 == 0
    }

    /// A scalar whose UTF-8 text is `bytes` (copied into the tree's text buffer).
    mutating func scalar(bytes: UnsafeBufferPointer<UInt8>, type: ScalarType, line: Int, column: Int, anchor: String?) throws {
        guard let (start, count) = text.append(bytes) else {
            throw TreeError(diagnostic: Diagnostic(.error, "the file's text exceeds 2 GB; not read", at: location(line, column)))
        }
        let id = Int32(records.count)
        records.append(NodeRecord(kind: .scalar, scalarType: expectsKey ? .string : type,
                                  line: Int32(clamping: line), column: Int32(clamping: column),
                                  start: start, count: count, parent: frames.last?.node ?? -1))
        if tracksWeights { weights.append(1) }
        if let anchor { anchors[anchor] = id }
        try attach(id)
    }

    mutating func begin(_ kind: NodeKind, line: Int, column: Int, anchor: String?) throws {
        if expectsKey {
            throw TreeError(diagnostic: Diagnostic(.error, "mapping keys must be scalars; found \(kind == .mapping ? "a mapping" : "a sequence") used as a key", at: location(line, column)))
        }
        if frames.count >= limits.maxDepth {
            throw TreeError(diagnostic: Diagnostic(.error, "nesting is deeper than \(limits.maxDepth) levels", at: location(line, column)))
        }
        let id = Int32(records.count)
        records.append(NodeRecord(kind: kind, scalarType: .null, line: Int32(clamping: line), column: Int32(clamping: column),
                                  start: 0, count: -1, parent: frames.last?.node ?? -1))
        if tracksWeights { weights.append(1) }
        if let anchor { anchors[anchor] = id }
        frames.append((id, pending.count))
        deepest = max(deepest, frames.count)
    }

    /// Most containers open at once so far (a part of a file read alone is nested inside its parents).
    private(set) var deepest = 0

    mutating func end() throws {
        guard let frame = frames.popLast() else { return }
        let node = Int(frame.node)
        let first = frame.pendingStart
        // Children move from `pending` straight into `children`; only a mapping with a merge key or a repeated
        // key (rare) goes through a rebuilt list (a copy per container was 5% of reading a large file).
        if records[node].kind == .mapping
            && !Self.keysAreDistinctWithoutMerge(pending, from: first, records: records, text: text, keySlots: &keySlots) {
            let merged = try mergeAndCheckKeys(Array(pending[first...]))
            pending.removeSubrange(first...)
            pending.append(contentsOf: merged)
        }
        if tracksWeights {
            var weight = 1
            for child in pending[first...] {
                weight = weight.addingReportingOverflow(weights[Int(child)]).partialValue
                if weight < 0 { weight = .max }
            }
            weights[node] = weight
            let limit = max(limits.aliasExpansionFloor, records.count.multipliedReportingOverflow(by: limits.aliasExpansionFactor).partialValue)
            if weight > limit {
                let r = records[node]
                throw TreeError(diagnostic: Diagnostic(.error, "aliases expand this node to more than \(limit) nodes; refusing a possible alias bomb", at: location(Int(r.line), Int(r.column))))
            }
        }
        records[node].start = Int32(children.count)
        records[node].count = Int32(pending.count - first)
        pending.withUnsafeBufferPointer { children.append(contentsOf: UnsafeBufferPointer(rebasing: $0[first...])) }
        pending.removeLast(pending.count - first)
        try attach(frame.node)
    }

    /// True for a mapping with no `<<` key and no repeated key: the common case, checked on the key bytes.
    /// Up to 8 keys are compared pairwise; larger mappings go through a hash table of key slots. `false` sends
    /// the mapping to `mergeAndCheckKeys`, which also reports the repeats. The mapping's slots are
    /// `slots[first...]` (key, value, key, value …); `keySlots` is scratch, all -1 before and after. A file read in
    /// parts checks the mappings its parts continue with it too.
    @inline(__always)
    static func keysAreDistinctWithoutMerge(_ slots: [Int32], from first: Int, records: [NodeRecord], text: ScalarText,
                                            keySlots: inout [Int32]) -> Bool {
        let count = slots.count - first
        var i = first
        while i < slots.count {
            if text.equals(records[Int(slots[i])], "<<") { return false }
            i += 2
        }
        if count <= 16 {
            i = first
            while i < slots.count {
                var j = first
                while j < i {
                    if text.equal(records[Int(slots[j])], records[Int(slots[i])]) { return false }
                    j += 2
                }
                i += 2
            }
            return true
        }
        var capacity = 64
        while capacity < count * 2 { capacity *= 2 }
        let mask = capacity - 1
        if keySlots.count < capacity { keySlots = [Int32](repeating: -1, count: capacity) }
        var used: [Int] = []
        used.reserveCapacity(count / 2)
        defer { for slot in used { keySlots[slot] = -1 } }
        i = first
        while i < slots.count {
            let key = slots[i]
            var slot = text.hash(records[Int(key)]) & mask
            var probes = 0
            while keySlots[slot] >= 0 {
                // A repeat, or keys crafted to collide: either way the seeded `Set` of the slow path decides.
                if text.equal(records[Int(keySlots[slot])], records[Int(key)]) || probes == 32 { return false }
                slot = (slot + 1) & mask
                probes += 1
            }
            keySlots[slot] = key
            used.append(slot)
            i += 2
        }
        return true
    }

    mutating func alias(_ name: String, line: Int, column: Int) throws {
        guard let target = anchors[name] else {
            throw TreeError(diagnostic: Diagnostic(.error, "alias '*\(name)' refers to no anchor defined before it", at: location(line, column)))
        }
        if records[Int(target)].count < 0 && records[Int(target)].kind != .scalar {
            throw TreeError(diagnostic: Diagnostic(.error, "alias '*\(name)' refers to a node that contains it (a recursive alias)", at: location(line, column)))
        }
        if expectsKey && records[Int(target)].kind != .scalar {
            throw TreeError(diagnostic: Diagnostic(.error, "mapping keys must be scalars; alias '*\(name)' is not", at: location(line, column)))
        }
        if !tracksWeights { startTrackingWeights() }
        try attach(target)
    }

    /// Weights of the nodes read before the first alias: each closed container's subtree size. Children have
    /// higher ids than their parent (no alias has been seen yet), so one pass from the last node back suffices;
    /// open containers get theirs when they close.
    private mutating func startTrackingWeights() {
        tracksWeights = true
        weights = [Int](repeating: 1, count: records.count)
        var id = records.count - 1
        while id >= 0 {
            let r = records[id]
            if r.kind != .scalar && r.count >= 0 {
                var weight = 1
                for slot in Int(r.start)..<Int(r.start) + Int(r.count) { weight += weights[Int(children[slot])] }
                weights[id] = weight
            }
            id -= 1
        }
    }

    private mutating func attach(_ id: Int32) throws {
        lastCompleted = id
        if frames.isEmpty {
            root = id
        } else {
            pending.append(id)
        }
    }

    /// Reports duplicate keys at the second occurrence and applies YAML merge keys (`<<: *base`).
    private mutating func mergeAndCheckKeys(_ slots: [Int32]) throws -> [Int32] {
        var seen: Set<String> = []
        seen.reserveCapacity(slots.count / 2)
        var explicit: [Int32] = []
        explicit.reserveCapacity(slots.count)
        var merged: [Int32] = []
        var i = 0
        while i + 1 < slots.count {
            let key = slots[i], value = slots[i + 1]
            let keyText = text.string(records[Int(key)])
            if keyText == "<<" && records[Int(value)].kind != .scalar {
                merged.append(value)
            } else if !seen.insert(keyText).inserted {
                let r = records[Int(key)]
                diagnostics.append(Diagnostic(.error, "duplicate key '\(keyText)' in mapping", at: location(Int(r.line), Int(r.column))))
            } else {
                explicit.append(key)
                explicit.append(value)
            }
            i += 2
        }
        guard !merged.isEmpty else { return explicit }
        var sources: [Int32] = []
        for m in merged {
            let r = records[Int(m)]
            if r.kind == .mapping {
                sources.append(m)
            } else {
                sources.append(contentsOf: children[Int(r.start)..<Int(r.start + r.count)].filter { records[Int($0)].kind == .mapping })
            }
        }
        for source in sources {
            let r = records[Int(source)]
            var j = Int(r.start)
            while j + 1 < Int(r.start + r.count) {
                let key = children[j]
                if seen.insert(text.string(records[Int(key)])).inserted {
                    explicit.append(key)
                    explicit.append(children[j + 1])
                }
                j += 2
            }
        }
        return explicit
    }

    var isComplete: Bool { frames.isEmpty }

    /// What a part of a file read on its own hands to `YAMLPartsReader`: the arrays `finish` would wrap, and what the
    /// join checks (problems, anchors — an alias needs one —, depth).
    func part(lines: Int) -> TreePart {
        TreePart(records: records, children: children, text: text, root: root, lines: lines,
                 clean: diagnostics.isEmpty && anchors.isEmpty, deepest: deepest)
    }

    /// The kind of the innermost open container.
    var openKind: NodeKind? { frames.last.map { records[Int($0.node)].kind } }

    func finish(swagger2: Swagger2Origin? = nil) -> SpecTree {
        SpecTree(path: path, records: records, children: children, text: text, root: root, swagger2: swagger2)
    }

    /// A scalar with the given text (for trees made in memory rather than read).
    mutating func scalar(_ value: String, type: ScalarType, line: Int, column: Int) throws {
        var value = value
        try value.withUTF8 { try scalar(bytes: $0, type: type, line: line, column: column, anchor: nil) }
    }

    /// The id of the node most recently completed (a scalar, or a container at its `end()`).
    private(set) var lastCompleted: Int32?

    /// Attaches a complete node made earlier again, sharing it as an alias does (the tree is a DAG).
    mutating func reattach(_ id: Int32) throws {
        if expectsKey && records[Int(id)].kind != .scalar {
            throw TreeError(diagnostic: Diagnostic(.error, "mapping keys must be scalars", at: nil))
        }
        if !tracksWeights { startTrackingWeights() }
        try attach(id)
    }
}
