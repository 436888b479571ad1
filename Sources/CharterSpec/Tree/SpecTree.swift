/// The shape of a node in a spec file.
public enum NodeKind: UInt8, Sendable {
    case scalar, mapping, sequence
}

/// What a scalar resolved to under the YAML 1.2 core schema (JSON values map onto the same types).
public enum ScalarType: UInt8, Sendable {
    case null, bool, integer, float, string
}

/// One node of a loaded file, stored flat so a 4 MB spec is a few arrays rather than 200k objects.
struct NodeRecord: Sendable {
    var kind: NodeKind
    var scalarType: ScalarType
    var line: Int32
    var column: Int32
    /// Scalar: byte offset of its text in the tree's `ScalarText`. Container: first slot in `children`.
    var start: Int32
    /// Scalar: length of its text in bytes. Container: number of child slots (a mapping holds key, value,
    /// key, value …); -1 while still open.
    var count: Int32
    /// First parent (-1 for the root); aliases keep the parent where the anchor stood.
    var parent: Int32
}

/// A whole YAML or JSON file as a located tree: every node knows its line and column.
///
/// Aliases share the anchored node (the tree is a DAG), so expansion costs nothing; the builder bounds
/// the expanded size so a consumer walking it cannot be made to do exponential work.
public final class SpecTree: Sendable {
    /// The path used in diagnostics.
    public let path: String
    /// The folder `path` names (`PathUtilities.directory(of:)`): relative references are resolved against it.
    let directory: String
    let records: [NodeRecord]
    let children: [Int32]
    let text: ScalarText
    let rootID: Int32?
    /// Set on a tree made in memory from Swagger 2.0 (see `Swagger2Origin`).
    let swagger2: Swagger2Origin?

    init(path: String, records: [NodeRecord], children: [Int32], text: ScalarText, root: Int32?, swagger2: Swagger2Origin? = nil) {
        self.path = path
        directory = PathUtilities.directory(of: path)
        self.records = records
        self.children = children
        self.text = text
        self.rootID = root
        self.swagger2 = swagger2
    }

    /// A whole Swagger 2.0 document converted to 3.0: pointers into it name 2.0 places (`#/definitions/Pet`),
    /// which `Swagger2Converter.pointer` maps to where the tree holds them.
    var isConvertedSwagger2: Bool { swagger2.map { !$0.isFragment } ?? false }

    /// The document's root node, or `nil` for an empty file.
    public var root: Node? { rootID.map { Node(tree: self, id: $0) } }

    /// Number of nodes (keys included): a measure of the file's size.
    public var nodeCount: Int { records.count }
}
