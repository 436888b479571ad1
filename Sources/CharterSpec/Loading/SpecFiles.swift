import Foundation

/// The files of one multi-file spec: the root and every file reached through `$ref`, each read once.
final class SpecFiles {
    /// The rule for where references may lead: the root's folder, the working directory, the load's options. Made
    /// once (the build asks it for every reference).
    let scope: ReferenceScope
    var options: LoadOptions { scope.options }
    /// The folder the root spec lives in; refs may not leave it unless allowed.
    var rootDirectory: String { scope.rootDirectory }
    private var trees: [String: SpecTree?] = [:]
    /// Files as written, before a Swagger 2.0 document among them is converted (conversion looks into them).
    private(set) var rawTrees: [String: SpecTree?] = [:]
    /// 2.0 objects in files that are not 2.0 documents, converted once per use (see `swagger2Fragment`).
    private var fragments: [FragmentKey: Node] = [:]

    private struct FragmentKey: Hashable {
        var node: Node
        var kind: String
    }
    private(set) var diagnostics: [Diagnostic] = []
    /// Files read ahead on several cores (see `prefetch`), each with its reading's problems, until first asked for.
    var prefetched: [String: (tree: SpecTree?, diagnostics: [Diagnostic])] = [:]
    /// Key lookup indexes for large mappings, built on first use by pointer resolution.
    private var mappingIndexes: [Node: [String: Node]] = [:]

    /// The process's current directory when the load began: relative paths are made absolute against it.
    var workingDirectory: String { scope.workingDirectory }

    init(rootPath: String, options: LoadOptions) {
        let workingDirectory = FileManager.default.currentDirectoryPath
        scope = ReferenceScope(rootDirectory: PathUtilities.directory(of: PathUtilities.absolute(rootPath, from: workingDirectory)),
                               workingDirectory: workingDirectory, options: options)
    }

    /// `path` as an absolute, normal path: the key files are known by.
    func absolute(_ path: String) -> String { PathUtilities.absolute(path, from: workingDirectory) }

    /// The tree for `path`, read on first use. Problems inside the file are kept in `diagnostics`; when the
    /// file cannot be read at all, `failure` says why (the caller reports it where the file was named).
    func tree(at path: String) -> (tree: SpecTree?, failure: Diagnostic?) {
        tree(at: path, key: absolute(path))
    }

    /// As `tree(at:)`, for a path whose key (`absolute(path)`) is already known.
    func tree(at path: String, key: String) -> (tree: SpecTree?, failure: Diagnostic?) {
        if let cached = trees[key] { return (cached, cached == nil ? Diagnostic(.error, "it could not be read", at: nil) : nil) }
        let (raw, diagnostics) = rawTreeReading(path, key: key)
        self.diagnostics += diagnostics.filter { $0.location != nil }
        guard let raw else {
            trees[key] = .some(nil)
            return (nil, diagnostics.first { $0.location == nil })
        }
        return (adopt(raw, key: key), diagnostics.first { $0.location == nil })
    }

    /// A tree read from `path` (or given in memory for it) as Charter reads it: a Swagger 2.0 document becomes
    /// the OpenAPI 3.0 document it describes, at its own locations.
    func adopt(_ raw: SpecTree) -> SpecTree { adopt(raw, key: absolute(raw.path)) }

    private func adopt(_ raw: SpecTree, key: String) -> SpecTree {
        if rawTrees[key] == nil { rawTrees[key] = .some(raw) }
        guard let converted = Swagger2Converter.convert(raw, limits: options.limits, lookup: { [unowned self] in self.rawTarget($0, at: $1) }) else {
            trees[key] = .some(raw)
            return raw
        }
        diagnostics += converted.diagnostics
        trees[key] = .some(converted.tree)
        return converted.tree
    }

    private func rawTreeReading(_ path: String, key: String) -> (SpecTree?, [Diagnostic]) {
        if let cached = rawTrees[key] { return (cached, []) }
        if let read = prefetched.removeValue(forKey: key) {
            rawTrees[key] = .some(read.tree)
            return read
        }
        let (tree, diagnostics) = SpecFileReader.read(path: path, options: options)
        rawTrees[key] = .some(tree)
        return (tree, diagnostics)
    }

    /// The node a `$ref` names in the files as written, or nil (problems are reported when the converted
    /// document resolves the same reference).
    func rawTarget(_ text: String, at refNode: Node) -> Node? {
        let (filePart, fragment) = Self.split(text)
        var tree = refNode.tree
        switch target(of: filePart, from: refNode.tree) {
        case .sameFile: break
        case .file(let path, let key):
            guard let other = rawTreeReading(path, key: key).0 else { return nil }
            tree = other
        case .remote, .malformed, .outsideRoot: return nil
        }
        guard var current = tree.root, let tokens = JSONPointer.tokens(of: fragment) else { return nil }
        for token in tokens {
            guard let next = child(of: current, token) else { return nil }
            current = next
        }
        return current
    }

    /// A `$ref`'s file part and its fragment (after `#`; empty when there is none).
    static func split(_ reference: String) -> (file: String, fragment: String) {
        // On the UTF-8 view (`#` is one byte): every reference of a multi-file tree is split here.
        guard let hash = reference.utf8.firstIndex(of: UInt8(ascii: "#")) else { return (reference, "") }
        return (String(reference[..<hash]), String(reference[reference.utf8.index(after: hash)...]))
    }

    /// One step of a JSON pointer: a mapping's value for the token, or a sequence's element at it.
    func child(of node: Node, _ token: String) -> Node? {
        switch node.kind {
        case .mapping: return value(in: node, forKey: token)
        case .sequence:
            guard let index = Int(token), index >= 0, index < node.elements.count else { return nil }
            return node.elements[index]
        case .scalar: return nil
        }
    }

    /// `node` — a 2.0 parameter, response, body parameter or path item in a file that is not a 2.0 document —
    /// converted for the document `origin` describes, once per node and use.
    func swagger2Fragment(_ node: Node, kind: String, origin: Swagger2Origin) -> Node? {
        let key = FragmentKey(node: node, kind: kind)
        if let done = fragments[key] { return done }
        guard let (converted, problems) = Swagger2Converter.fragment(node, kind: kind, origin: origin, limits: options.limits,
                                                                      lookup: { [unowned self] in self.rawTarget($0, at: $1) }) else { return nil }
        diagnostics += problems
        fragments[key] = converted
        return converted
    }

    /// All the files read so far (for reporting).
    var paths: [String] { trees.keys.sorted() }

    /// Where a `$ref`'s file part leads from `tree` (against the folder the tree keeps, not one worked out again
    /// from its path per reference). Kept per folder and text, the answers cost more to look up than to work out
    /// on a tree of 5,202 files, whose references name different files.
    func target(of filePart: String, from tree: SpecTree) -> ReferenceScope.Target {
        scope.target(of: filePart, inDirectory: tree.directory)
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
        return absolute(path, from: FileManager.default.currentDirectoryPath)
    }

    /// `path` made absolute against `workingDirectory` (asked of the system once per load: a spec loaded by a
    /// relative path asked `getcwd` several times per reference, 12,608 times for a tree of 1,302 files).
    static func absolute(_ path: String, from workingDirectory: String) -> String {
        normalize(path.hasPrefix("/") ? path : workingDirectory + "/" + path)
    }

    static func directory(of path: String) -> String {
        // On the bytes: `/` is one byte, and a tree of thousands of files asks this for every reference (the
        // UTF-8 view's generic `lastIndex(of:)` stepped one index at a time).
        var path = path
        return path.withUTF8 { bytes in
            guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return "." }
            return slash == 0 ? "/" : String(decoding: UnsafeBufferPointer(rebasing: bytes[..<slash]), as: UTF8.self)
        }
    }

    /// Whether the absolute path `absolute` is `directory` or lies under it.
    static func isInside(_ absolute: String, directory: String) -> Bool {
        // On the bytes, as the file system compares names (and without building `directory + "/"` per reference).
        let path = absolute.utf8, folder = directory.utf8
        guard path.starts(with: folder) else { return false }
        if path.count == folder.count || folder.last == UInt8(ascii: "/") { return true }
        return path[path.index(path.startIndex, offsetBy: folder.count)] == UInt8(ascii: "/")
    }

    /// Whether `text` holds `://` (a URL), checked on the bytes.
    static func hasScheme(_ text: String) -> Bool {
        var state = 0
        for byte in text.utf8 {
            switch (state, byte) {
            case (_, UInt8(ascii: ":")): state = 1
            case (1, UInt8(ascii: "/")): state = 2
            case (2, UInt8(ascii: "/")): return true
            default: state = 0
            }
        }
        return false
    }

    /// `base/../x/./y` → `x/y`; keeps a relative path relative (leading `..` kept).
    static func normalize(_ path: String) -> String {
        // Most paths are already normal; a tree of thousands of files asks for each several times, and the rest
        // (`folder/../schemas/x.yaml`, every relative reference) are rewritten on the bytes: splitting into
        // substrings and joining them was most of resolving a reference.
        var copy = path
        return copy.withUTF8 { isNormal($0) ? nil : normalized($0) } ?? path
    }

    /// `bytes` (not normal) with empty and `.` segments dropped and each `..` taking the segment before it away
    /// (kept at the start of a relative path, dropped at the root of an absolute one).
    private static func normalized(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        let isAbsolute = bytes.first == slash
        func isParent(_ segment: Range<Int>) -> Bool { segment.count == 2 && bytes[segment.lowerBound] == dot && bytes[segment.lowerBound + 1] == dot }
        var kept: [Range<Int>] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == slash { i += 1; continue }
            var end = i
            while end < bytes.count && bytes[end] != slash { end += 1 }
            let segment = i..<end
            i = end
            if segment.count == 1 && bytes[segment.lowerBound] == dot { continue }
            if isParent(segment) {
                if let last = kept.last, !isParent(last) { kept.removeLast(); continue }
                if isAbsolute { continue }
            }
            kept.append(segment)
        }
        if kept.isEmpty { return isAbsolute ? "/" : "." }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 1)
        for segment in kept {
            if isAbsolute || !out.isEmpty { out.append(slash) }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segment]))
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isNormal(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var segmentLength = 0
        var dots = 0
        var first = true
        for byte in bytes {
            if byte == UInt8(ascii: "/") {
                // An empty segment is fine only as the root's leading slash.
                if (segmentLength == 0 && !first) || (segmentLength > 0 && dots == segmentLength && dots <= 2) { return false }
                segmentLength = 0
                dots = 0
            } else {
                segmentLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
            first = false
        }
        return segmentLength > 0 && !(dots == segmentLength && dots <= 2)
    }

    /// Resolves `relative` against the folder of the file `from`.
    static func resolve(_ relative: String, from file: String) -> String {
        resolve(relative, inDirectory: directory(of: file))
    }

    /// Resolves `relative` against `dir` (a folder as `directory(of:)` gives it).
    static func resolve(_ relative: String, inDirectory dir: String) -> String {
        if relative.hasPrefix("/") { return normalize(relative) }
        return normalize(dir == "." ? relative : dir + "/" + relative)
    }
}
