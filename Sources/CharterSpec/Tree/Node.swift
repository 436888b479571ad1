/// A view of one node of a `SpecTree`: cheap to copy, hashable by identity (tree + node).
public struct Node: Sendable, Hashable {
    public let tree: SpecTree
    let id: Int32

    init(tree: SpecTree, id: Int32) {
        self.tree = tree
        self.id = id
    }

    public static func == (lhs: Node, rhs: Node) -> Bool { lhs.id == rhs.id && lhs.tree === rhs.tree }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(tree))
        hasher.combine(id)
    }

    var record: NodeRecord { tree.records[Int(id)] }

    public var kind: NodeKind { record.kind }
    public var location: SourceLocation {
        let r = record
        return SourceLocation(file: tree.path, line: Int(r.line), column: Int(r.column))
    }

    // MARK: Scalars

    /// The resolved type of a scalar; `nil` for mappings and sequences.
    public var scalarType: ScalarType? { record.kind == .scalar ? record.scalarType : nil }

    /// The scalar's source text (numbers keep their exact spelling); `nil` for containers.
    public var text: String? {
        let r = record
        return r.kind == .scalar ? tree.text.string(r) : nil
    }

    /// Whether this is a scalar whose text is exactly `value` (compared as bytes; no string is made).
    public func hasText(_ value: String) -> Bool {
        let r = record
        return r.kind == .scalar && tree.text.equals(r, value)
    }

    /// The text of a scalar that resolved to a string.
    public var string: String? { scalarType == .string ? text : nil }
    public var isNull: Bool { scalarType == .null }

    public var bool: Bool? {
        let r = record
        guard r.kind == .scalar, r.scalarType == .bool, let first = tree.text.firstByte(r) else { return nil }
        return first == UInt8(ascii: "t") || first == UInt8(ascii: "T")
    }

    /// An integer scalar as `Int`, if it fits (hex and octal YAML forms included).
    public var int: Int? {
        guard scalarType == .integer, let t = text else { return nil }
        return ScalarResolution.integerValue(t)
    }

    /// Any numeric scalar as `Double` (`.inf`/`.nan` forms included).
    public var double: Double? {
        guard let type = scalarType, type == .integer || type == .float, let t = text else { return nil }
        return ScalarResolution.doubleValue(t)
    }

    // MARK: Containers

    /// A mapping's entries in source order; empty for other kinds.
    public var entries: MappingEntries {
        let r = record
        return MappingEntries(tree: tree, start: Int(r.start), count: r.kind == .mapping ? Int(r.count) / 2 : 0)
    }

    /// A sequence's elements in order; empty for other kinds.
    public var elements: SequenceElements {
        let r = record
        return SequenceElements(tree: tree, start: Int(r.start), count: r.kind == .sequence ? Int(r.count) : 0)
    }

    /// The value for `key` in a mapping (first match), or `nil`.
    public subscript(key: String) -> Node? {
        let r = record
        guard r.kind == .mapping else { return nil }
        var slot = Int(r.start)
        let end = slot + Int(r.count)
        while slot < end {
            if tree.text.equals(tree.records[Int(tree.children[slot])], key) { return Node(tree: tree, id: tree.children[slot + 1]) }
            slot += 2
        }
        return nil
    }

    /// A short name for the node's kind, for messages ("a mapping", "the string 'x'", "the integer 3").
    public var kindDescription: String {
        switch record.kind {
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        case .scalar:
            let t = text ?? ""
            let shown = t.count > 40 ? String(t.prefix(40)) + "…" : t
            switch record.scalarType {
            case .null: return "null"
            case .bool: return "the boolean \(shown)"
            case .integer: return "the integer \(shown)"
            case .float: return "the number \(shown)"
            case .string: return "the string '\(shown)'"
            }
        }
    }

    // MARK: Position in the file

    /// The JSON Pointer of this node within its file (`/paths/~1users/get`), via its first parent.
    public var pointer: String {
        var segments: [String] = []
        var current = id
        var guardCount = 0
        while guardCount < 100_000 {
            guardCount += 1
            let parent = tree.records[Int(current)].parent
            if parent < 0 { break }
            let p = tree.records[Int(parent)]
            let slots = tree.children[Int(p.start)..<Int(p.start) + Int(p.count)]
            if p.kind == .mapping {
                var i = slots.startIndex
                while i < slots.endIndex {
                    if slots[i + 1] == current { segments.append(JSONPointer.escape(tree.text.string(tree.records[Int(slots[i])]))); break }
                    i += 2
                }
            } else if let index = slots.firstIndex(of: current) {
                segments.append(String(index - slots.startIndex))
            }
            current = parent
        }
        return segments.reversed().reduce(into: "") { $0 += "/" + $1 }
    }
}

/// One `key: value` pair of a mapping.
public struct MappingEntry: Sendable {
    public let keyNode: Node
    public let value: Node
    /// The key's text (made on each use: where only a comparison is needed, `keyNode.hasText` avoids it).
    public var key: String { keyNode.tree.text.string(keyNode.record) }
    /// An `x-` key: a specification extension.
    public var isExtension: Bool { keyNode.tree.text.hasPrefix(keyNode.record, "x-") }
}

public struct MappingEntries: RandomAccessCollection, Sendable {
    let tree: SpecTree
    let start: Int
    public let count: Int
    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
    public subscript(i: Int) -> MappingEntry {
        let k = tree.children[start + 2 * i]
        let v = tree.children[start + 2 * i + 1]
        return MappingEntry(keyNode: Node(tree: tree, id: k), value: Node(tree: tree, id: v))
    }
}

public struct SequenceElements: RandomAccessCollection, Sendable {
    let tree: SpecTree
    let start: Int
    public let count: Int
    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
    public subscript(i: Int) -> Node { Node(tree: tree, id: tree.children[start + i]) }
}
