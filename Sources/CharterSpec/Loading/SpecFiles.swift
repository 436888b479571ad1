import Foundation

/// The files of one multi-file spec: the root and every file reached through `$ref`, each read once.
final class SpecFiles {
    let options: LoadOptions
    /// The folder the root spec lives in; refs may not leave it unless allowed.
    let rootDirectory: String
    private var trees: [String: SpecTree?] = [:]
    private(set) var diagnostics: [Diagnostic] = []
    /// Key lookup indexes for large mappings, built on first use by pointer resolution.
    private var mappingIndexes: [Node: [String: Node]] = [:]

    init(rootPath: String, options: LoadOptions) {
        self.options = options
        self.rootDirectory = PathUtilities.directory(of: PathUtilities.absolute(rootPath))
    }

    /// The tree for `path`, read on first use. Problems inside the file are kept in `diagnostics`; when the
    /// file cannot be read at all, `failure` says why (the caller reports it where the file was named).
    func tree(at path: String) -> (tree: SpecTree?, failure: Diagnostic?) {
        let key = PathUtilities.absolute(path)
        if let cached = trees[key] { return (cached, cached == nil ? Diagnostic(.error, "it could not be read", at: nil) : nil) }
        let (tree, diagnostics) = SpecFileReader.read(path: path, options: options)
        self.diagnostics += diagnostics.filter { $0.location != nil }
        trees[key] = .some(tree)
        return (tree, diagnostics.first { $0.location == nil })
    }

    /// All the files read so far (for reporting).
    var paths: [String] { trees.keys.sorted() }

    /// Whether `path` lies inside the root spec's folder tree.
    func isInsideRoot(_ path: String) -> Bool {
        let absolute = PathUtilities.absolute(path)
        return absolute == rootDirectory || absolute.hasPrefix(rootDirectory.hasSuffix("/") ? rootDirectory : rootDirectory + "/")
    }

    /// `mapping[key]`, through an index for mappings large enough that scanning would add up.
    func value(in mapping: Node, forKey key: String) -> Node? {
        let entries = mapping.entries
        if entries.count < 16 { return mapping[key] }
        if let index = mappingIndexes[mapping] { return index[key] }
        var index: [String: Node] = [:]
        index.reserveCapacity(entries.count)
        for entry in entries where index[entry.key] == nil { index[entry.key] = entry.value }
        mappingIndexes[mapping] = index
        return index[key]
    }
}

/// Path arithmetic without touching the file system (symlinks are not resolved: display paths stay as written).
enum PathUtilities {
    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return normalize(path) }
        return normalize(FileManager.default.currentDirectoryPath + "/" + path)
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `base/../x/./y` → `x/y`; keeps a relative path relative (leading `..` kept).
    static func normalize(_ path: String) -> String {
        let isAbsolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == ".." && isAbsolute {
                continue
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if isAbsolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// Resolves `relative` against the folder of the file `from`.
    static func resolve(_ relative: String, from file: String) -> String {
        if relative.hasPrefix("/") { return normalize(relative) }
        let dir = directory(of: file)
        return normalize(dir == "." ? relative : dir + "/" + relative)
    }
}
