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
    private var texts: [String] = []
    private var parents: [Int32] = []
    /// Expanded size of each node (aliases counted in full), saturating.
    private var weights: [Int] = []
    /// Open containers: the node and where its pending children start in `pending`.
    private var frames: [(node: Int32, pendingStart: Int)] = []
    private var pending: [Int32] = []
    private var anchors: [String: Int32] = [:]
    private var root: Int32?
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String, limits: TreeLimits, capacityHint: Int = 0) {
        self.path = path
        self.limits = limits
        records.reserveCapacity(capacityHint)
        parents.reserveCapacity(capacityHint)
        weights.reserveCapacity(capacityHint)
        children.reserveCapacity(capacityHint)
        texts.reserveCapacity(capacityHint / 2)
    }

    func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }

    /// True when the next node will be a mapping key (keys always resolve to strings).
    var expectsKey: Bool {
        guard let top = frames.last else { return false }
        return records[Int(top.node)].kind == .mapping && (pending.count - top.pendingStart) % 2 == 0
    }

    mutating func scalar(_ text: String, type: ScalarType, line: Int, column: Int, anchor: String?) throws {
        let id = Int32(records.count)
        records.append(NodeRecord(kind: .scalar, scalarType: expectsKey ? .string : type,
                                  line: Int32(clamping: line), column: Int32(clamping: column),
                                  start: Int32(texts.count), count: 0))
        texts.append(text)
        parents.append(-1)
        weights.append(1)
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
        records.append(NodeRecord(kind: kind, scalarType: .null, line: Int32(clamping: line), column: Int32(clamping: column), start: 0, count: -1))
        parents.append(-1)
        weights.append(1)
        if let anchor { anchors[anchor] = id }
        frames.append((id, pending.count))
    }

    mutating func end() throws {
        guard let frame = frames.popLast() else { return }
        let node = Int(frame.node)
        let first = frame.pendingStart
        // Children move from `pending` straight into `children`; only a mapping with a merge key or a repeated
        // key (rare) goes through a rebuilt list (a copy per container was 5% of reading a large file).
        if records[node].kind == .mapping && !keysAreDistinctWithoutMerge(from: first) {
            let merged = try mergeAndCheckKeys(Array(pending[first...]))
            pending.removeSubrange(first...)
            pending.append(contentsOf: merged)
        }
        var weight = 1
        var i = first
        while i < pending.count {
            let child = pending[i]
            weight = weight.addingReportingOverflow(weights[Int(child)]).partialValue
            if weight < 0 { weight = .max }
            if parents[Int(child)] < 0 && child != frame.node { parents[Int(child)] = frame.node }
            i += 1
        }
        weights[node] = weight
        let limit = max(limits.aliasExpansionFloor, records.count.multipliedReportingOverflow(by: limits.aliasExpansionFactor).partialValue)
        if weight > limit {
            let r = records[node]
            throw TreeError(diagnostic: Diagnostic(.error, "aliases expand this node to more than \(limit) nodes; refusing a possible alias bomb", at: location(Int(r.line), Int(r.column))))
        }
        records[node].start = Int32(children.count)
        records[node].count = Int32(pending.count - first)
        children.append(contentsOf: pending[first...])
        pending.removeSubrange(first...)
        try attach(frame.node)
    }

    /// True for a small mapping (≤ 8 keys, compared pairwise without hashing) with no `<<` and no repeated key.
    private func keysAreDistinctWithoutMerge(from first: Int) -> Bool {
        let count = pending.count - first
        guard count <= 16 else { return false }
        var i = first
        while i < pending.count {
            let text = texts[Int(records[Int(pending[i])].start)]
            if text == "<<" { return false }
            var j = first
            while j < i {
                if texts[Int(records[Int(pending[j])].start)] == text { return false }
                j += 2
            }
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
        try attach(target)
    }

    private mutating func attach(_ id: Int32) throws {
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
            let text = texts[Int(records[Int(key)].start)]
            if text == "<<" && records[Int(value)].kind != .scalar {
                merged.append(value)
            } else if !seen.insert(text).inserted {
                let r = records[Int(key)]
                diagnostics.append(Diagnostic(.error, "duplicate key '\(text)' in mapping", at: location(Int(r.line), Int(r.column))))
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
                if seen.insert(texts[Int(records[Int(key)].start)]).inserted {
                    explicit.append(key)
                    explicit.append(children[j + 1])
                }
                j += 2
            }
        }
        return explicit
    }

    var isComplete: Bool { frames.isEmpty }

    /// The kind of the innermost open container.
    var openKind: NodeKind? { frames.last.map { records[Int($0.node)].kind } }

    func finish() -> SpecTree {
        SpecTree(path: path, records: records, children: children, texts: texts, parents: parents, root: root)
    }
}
