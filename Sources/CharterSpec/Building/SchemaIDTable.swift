/// Schema ids by the node they were read from. Node ids are dense per tree, so each tree gets a flat array:
/// a lookup is an index, where a `[Node: SchemaID]` dictionary hashed tree and id on every schema and `$ref`.
struct SchemaIDTable {
    /// Held strongly: a table is only valid while its tree lives.
    private var trees: [SpecTree] = []
    private var tables: [[Int32]] = []
    /// Where each tree's table is: a tree of thousands of files must not cost a scan per lookup.
    private var positions: [ObjectIdentifier: Int] = [:]
    /// The tree of the previous lookup (almost every lookup is in the same file as the one before).
    private var last = -1

    private mutating func table(for tree: SpecTree) -> Int {
        if last >= 0 && trees[last] === tree { return last }
        if let found = positions[ObjectIdentifier(tree)] {
            last = found
            return found
        }
        positions[ObjectIdentifier(tree)] = trees.count
        trees.append(tree)
        tables.append([Int32](repeating: -1, count: tree.nodeCount))
        last = trees.count - 1
        return last
    }

    subscript(node: Node) -> SchemaID? {
        mutating get {
            let t = table(for: node.tree)
            let value = tables[t][Int(node.id)]
            return value < 0 ? nil : SchemaID(Int(value))
        }
        set {
            let t = table(for: node.tree)
            tables[t][Int(node.id)] = newValue.map { Int32(clamping: $0.index) } ?? -1
        }
    }
}
