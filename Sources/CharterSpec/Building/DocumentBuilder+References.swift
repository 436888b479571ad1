/// `$ref` resolution: one mechanism for every kind of object, in this file or another.
extension DocumentBuilder {
    /// The node a `$ref` names, with the pointer's tokens; diagnoses (at the `$ref`) anything that fails.
    func target(ofReference text: String, at refNode: Node) -> (node: Node, tokens: [String])? {
        // Real specs repeat the same few refs thousands of times: resolve each (file, text) once.
        let resolvesAsURI = schemaResources.hasIdentifiers(refNode.tree) || schemaResources.isMapped(refNode.tree)
        let base = resolvesAsURI ? schemaResources.base(of: refNode) : nil
        let key = ReferenceKey(tree: ObjectIdentifier(refNode.tree), text: text, base: base)
        if let cached = resolvedReferences[key] { return cached }
        let before = diagnostics.count
        let result: (node: Node, tokens: [String])?
        switch resolveByURI(text, base: base, at: refNode) {
        case .found(let node, let tokens): result = (node, tokens)
        case .failed: result = nil
        case .notURI: result = resolveReference(text, at: refNode)
        }
        // Failures are not cached so that each bad $ref is reported at its own location.
        if result != nil || diagnostics.count == before { resolvedReferences[key] = result }
        return result
    }

    enum URIResolution {
        case found(Node, tokens: [String])
        /// An error was reported.
        case failed
        /// The file-and-pointer reading applies: no `$id` moved the base and the text is no URL.
        case notURI
    }

    /// A reference resolved as a URI against the base URI in force (2020-12 `$id` semantics, mapped URLs).
    private func resolveByURI(_ text: String, base: String?, at refNode: Node) -> URIResolution {
        let isURL = URIReference.scheme(text[...]).map { $0 != "file" } ?? false
        guard base != nil || isURL else { return .notURI }
        let fileBase = schemaResources.base(of: refNode.tree)
        let absolute = URIReference.resolve(text, against: base ?? fileBase)
        let (uri, fragment) = URIReference.split(absolute)
        var resource = schemaResources.resources[uri]
        if resource == nil, let path = files.options.localPath(for: uri) {
            let (loaded, failure) = files.tree(at: path)
            guard let tree = loaded else {
                error("cannot load '\(uri)' (mapped to \(path)): \(failure?.message ?? "it has syntax errors (reported in that file)")", at: refNode)
                return .failed
            }
            schemaResources.setBase(uri, of: tree)
            _ = schemaResources.hasIdentifiers(tree)
            resource = schemaResources.resources[uri]
        }
        guard let resource else {
            // A relative file reference where no `$id` moved the base: the file-and-pointer reading.
            if !isURL && (base == nil || base == fileBase || uri.hasPrefix("file://")) { return .notURI }
            if isURL {
                error("remote reference '\(text)' is not fetched; download the file and refer to it by a relative path, or map its URL to a folder (--map-url, LoadOptions.urlMappings)", at: refNode)
                return .failed
            }
            error("reference '\(text)' (\(absolute)) names no schema here: no schema has that $id, and Charter does not fetch URLs (map them to a folder with --map-url or LoadOptions.urlMappings)", at: refNode)
            return .failed
        }
        if fragment.isEmpty { return .found(resource, tokens: []) }
        if !fragment.hasPrefix("/") {
            guard let anchored = schemaResources.anchors[uri + "#" + fragment] else {
                error("reference '\(text)': no schema in \(uri) declares $anchor '\(fragment)'", at: refNode)
                return .failed
            }
            return .found(anchored, tokens: [])
        }
        guard let tokens = JSONPointer.tokens(of: fragment) else {
            error("malformed JSON pointer in reference '\(text)'", at: refNode)
            return .failed
        }
        var current = resource
        for token in tokens {
            guard let next = files.child(of: current, token) else {
                error("reference '\(text)' does not resolve: no '\(token)' in \(uri)#\(fragment)", at: refNode)
                return .failed
            }
            current = next
        }
        return .found(current, tokens: tokens)
    }

    private func resolveReference(_ text: String, at refNode: Node) -> (node: Node, tokens: [String])? {
        let (filePart, fragment) = SpecFiles.split(text)
        var tree = refNode.tree
        switch files.target(of: filePart, from: refNode.tree) {
        case .sameFile: break
        case .remote:
            error("remote reference '\(text)' is not fetched; download the file and refer to it by a relative path", at: refNode)
            return nil
        case .malformed:
            error("malformed reference '\(text)'", at: refNode)
            return nil
        case .outsideRoot:
            error("reference '\(text)' leaves the root spec's folder; refused (--allow-outside-refs, or LoadOptions.allowRefsOutsideRoot, allows it)", at: refNode)
            return nil
        case .file(let path, let key):
            let (loaded, failure) = files.tree(at: path, key: key)
            guard let other = loaded else {
                let reason = failure?.message ?? "it has syntax errors (reported in that file)"
                error("cannot load '\(filePart)' referenced here: \(reason)", at: refNode)
                return nil
            }
            tree = other
        }
        guard let root = tree.root else {
            error("reference '\(text)' points into an empty file", at: refNode)
            return nil
        }
        if !fragment.isEmpty && !fragment.hasPrefix("/") {
            guard let anchored = anchor(fragment, in: tree) else {
                error("reference '\(text)': no schema declares $anchor '\(fragment)'", at: refNode)
                return nil
            }
            return (anchored, [])
        }
        guard var tokens = JSONPointer.tokens(of: fragment) else {
            error("malformed JSON pointer in reference '\(text)'", at: refNode)
            return nil
        }
        // A 2.0 document's pointers name 2.0 places; the tree holds them where 3.0 does.
        let written = tokens
        if tree.isConvertedSwagger2 { tokens = Swagger2Converter.pointer(tokens, in: tree) }
        let shift = tokens.count - written.count
        var current = root
        var hops = 0
        for (i, token) in tokens.enumerated() {
            // A pointer may pass through another reference (`…/items/allOf/0` where `items` is a `$ref`):
            // follow it, as resolvers elsewhere do, unless the reference object itself holds the token.
            var child = files.child(of: current, token)
            while child == nil, current.kind == .mapping, let refNode = current["$ref"], let refText = refNode.text, hops < 32 {
                hops += 1
                guard let (through, _) = target(ofReference: refText, at: refNode) else { return nil }
                current = through
                child = files.child(of: current, token)
            }
            guard let found = child else {
                // Said in the pointer's own terms (2.0 names for a 2.0 document).
                let j = max(0, i - shift)
                let parent = "/" + written[..<j].map(JSONPointer.escape).joined(separator: "/")
                error("reference '\(text)' does not resolve: no '\(written[min(j, written.count - 1)])' in \(j == 0 ? "the document root" : parent)", at: refNode)
                return nil
            }
            current = found
        }
        return (current, tokens)
    }

    private func anchor(_ name: String, in tree: SpecTree) -> Node? {
        // Anchors are rare; a scan of the records is cheaper than indexing every file.
        for (i, record) in tree.records.enumerated() where record.kind == .mapping {
            let node = Node(tree: tree, id: Int32(i))
            if node["$anchor"]?.string == name || node["$dynamicAnchor"]?.string == name { return node }
        }
        return nil
    }

    /// Follows `$ref` chains from `node`, then builds (once per target) the object it lands on.
    /// `kind` is the components section (`parameters`, `responses` …) used to name shared objects.
    func resolved<T>(_ node: Node, kind: String, _ what: String, build: (Node) -> T?) -> (value: T, componentName: String?)? {
        var current = node
        var componentName: String?
        var hops = 0
        while current.kind == .mapping, let refNode = current["$ref"] {
            hops += 1
            if hops > 32 {
                error("reference cycle: following $ref from here never reaches a \(what)", at: node)
                return nil
            }
            guard let text = string(refNode, "$ref"), let (target, tokens) = target(ofReference: text, at: refNode) else { return nil }
            if tokens.count == 3 && tokens[0] == "components" && tokens[1] == kind { componentName = tokens[2] }
            current = target
        }
        // A 2.0 document's shared parameter, response or path item kept in a file of its own is 2.0 too.
        if let origin = swagger2Origin, current.tree.swagger2 == nil,
           let converted = files.swagger2Fragment(current, kind: kind, origin: origin) {
            current = converted
        }
        let key = ObjectKey(node: current, kind: kind)
        if let cached = objectCache[key] {
            return (cached as? T).map { ($0, componentName) }
        }
        guard !inProgress.contains(key) else {
            error("reference cycle: this \(what) contains itself through $ref", at: node)
            return nil
        }
        inProgress.insert(key)
        let built = build(current)
        inProgress.remove(key)
        if let built { objectCache[key] = built }
        return built.map { ($0, componentName) }
    }
}
