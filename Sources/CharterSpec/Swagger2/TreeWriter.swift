/// Writes a tree in memory whose every node carries the location of the source node it was made from, so a
/// document converted from another shape still reports problems at the line and column the author wrote.
struct TreeWriter {
    private(set) var builder: TreeBuilder
    /// Source node → the node already written for it verbatim: a node reached twice (YAML aliases, shared
    /// subtrees) is written once and shared, so copying cannot expand an alias bomb.
    private var written: [WrittenKey: Int32] = [:]
    /// While set, everything written is located here: content brought in from another file cannot carry that
    /// file's name in this tree, so it is placed at the `$ref` that brought it.
    var pin: Node?

    private struct WrittenKey: Hashable {
        var tree: ObjectIdentifier
        var node: Int32
        var purpose: Int
        var pinned: Bool
    }

    private func at(_ source: Node) -> SourceLocation { (pin ?? source).location }

    init(path: String, limits: TreeLimits, capacityHint: Int) {
        builder = TreeBuilder(path: path, limits: limits, capacityHint: capacityHint)
    }

    mutating func mapping(at source: Node, _ body: (inout TreeWriter) throws -> Void) throws {
        let l = at(source)
        try builder.begin(.mapping, line: l.line, column: l.column, anchor: nil)
        try body(&self)
        try builder.end()
    }

    mutating func sequence(at source: Node, _ body: (inout TreeWriter) throws -> Void) throws {
        let l = at(source)
        try builder.begin(.sequence, line: l.line, column: l.column, anchor: nil)
        try body(&self)
        try builder.end()
    }

    /// A string scalar (keys included) located at `source`.
    mutating func string(_ value: String, at source: Node) throws {
        let l = at(source)
        try builder.scalar(value, type: .string, line: l.line, column: l.column)
    }

    mutating func bool(_ value: Bool, at source: Node) throws {
        let l = at(source)
        try builder.scalar(value ? "true" : "false", type: .bool, line: l.line, column: l.column)
    }

    /// `key: <string>` in the open mapping.
    mutating func entry(_ key: String, _ value: String, at source: Node) throws {
        try string(key, at: source)
        try string(value, at: source)
    }

    /// `key:` then the source node's value copied as it stands.
    mutating func entry(_ key: String, copying value: Node, keyAt keyNode: Node? = nil) throws {
        try string(key, at: keyNode ?? value)
        try copy(value)
    }

    /// Writes what `write` makes of the container `source` once per (source, purpose); later calls share it.
    mutating func once(_ source: Node, purpose: Int, _ write: (inout TreeWriter) throws -> Void) throws {
        let key = WrittenKey(tree: ObjectIdentifier(source.tree), node: source.id, purpose: purpose, pinned: pin != nil)
        if source.kind != .scalar, let done = written[key] { return try builder.reattach(done) }
        try write(&self)
        if source.kind != .scalar, let id = builder.lastCompleted { written[key] = id }
    }

    /// The source node and everything under it, unchanged.
    mutating func copy(_ node: Node) throws {
        try once(node, purpose: 0) { try $0.copyAnew(node) }
    }

    private mutating func copyAnew(_ node: Node) throws {
        let l = at(node)
        switch node.kind {
        case .scalar:
            try builder.scalar(node.text ?? "", type: node.scalarType ?? .string, line: l.line, column: l.column)
        case .mapping:
            try builder.begin(.mapping, line: l.line, column: l.column, anchor: nil)
            for e in node.entries {
                try copy(e.keyNode)
                try copy(e.value)
            }
            try builder.end()
        case .sequence:
            try builder.begin(.sequence, line: l.line, column: l.column, anchor: nil)
            for element in node.elements { try copy(element) }
            try builder.end()
        }
    }

    func finish(_ origin: Swagger2Origin) -> SpecTree { builder.finish(swagger2: origin) }
}
