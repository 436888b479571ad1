/// Reads a Swagger 2.0 document as the OpenAPI 3.0 document it describes: a new tree in memory, built from the
/// 2.0 tree, in which every node keeps the line and column it came from. Everything downstream (the model,
/// lint, generation, diff, validation) then has one shape to read, and a 2.0 → 3.0 migration diffs like any
/// other change.
///
/// What moves: `definitions`, `parameters`, `responses` and `securityDefinitions` into `components`; `host`,
/// `basePath` and `schemes` into `servers`; `body` and `formData` parameters into request bodies, one media
/// type per `consumes` entry; response `schema` and `examples` into content, one per `produces` entry;
/// parameters' inline type keywords into schemas (`collectionFormat` into style and explode); `type: file`
/// into binary strings; `x-nullable` into `nullable`; string discriminators into discriminator objects.
/// Pointers into the converted tree still use 2.0 names (`#/definitions/Pet`): `pointer(_:)` maps them.
struct Swagger2Converter {
    let source: SpecTree
    let root: Node
    /// The raw (2.0) node a `$ref` to another file names, for what conversion must know about it: whether a
    /// shared parameter is a body or form parameter.
    let lookup: (_ ref: String, _ at: Node) -> Node?
    var diagnostics: [Diagnostic] = []
    /// The document's `consumes` and `produces` (an operation's own replace them).
    var consumes: [String] = ["application/json"]
    var produces: [String] = ["application/json"]
    /// `scheme://host/basePath` for each of the document's schemes (empty when the document names no host).
    var serverURLs: [String] = []
    var host: String?
    var basePath = ""

    /// The tree converted, or `nil` when `tree` is not a Swagger 2.0 document.
    static func convert(_ tree: SpecTree, limits: TreeLimits,
                        lookup: @escaping (String, Node) -> Node?) -> (tree: SpecTree, diagnostics: [Diagnostic])? {
        guard let root = tree.root, root.kind == .mapping, let version = root["swagger"], root["openapi"] == nil,
              version.text == "2.0" else { return nil }
        var converter = Swagger2Converter(source: tree, root: root, lookup: lookup)
        var writer = TreeWriter(path: tree.path, limits: limits, capacityHint: tree.nodeCount + tree.nodeCount / 4)
        do {
            try converter.document(version: version, into: &writer)
        } catch let error as TreeError {
            return (tree, [error.diagnostic])
        } catch {
            return (tree, [Diagnostic(.error, "\(error)", at: version.location)])
        }
        let note = Diagnostic(.note, "Swagger 2.0 document: read as the OpenAPI 3.0 document it describes (locations are this file's)", at: version.location)
        return (writer.finish(Swagger2Origin(consumes: converter.consumes, produces: converter.produces)), [note] + converter.diagnostics)
    }

    /// One 2.0 object in a file that is not a 2.0 document (`parameters.json#/limit`), converted for a document
    /// that refers to it: `kind` is the components section it is used as. Locations are the file's own.
    static func fragment(_ node: Node, kind: String, origin: Swagger2Origin, limits: TreeLimits,
                         lookup: @escaping (String, Node) -> Node?) -> (node: Node, diagnostics: [Diagnostic])? {
        guard let root = node.tree.root, node.kind == .mapping else { return nil }
        var converter = Swagger2Converter(source: node.tree, root: root, lookup: lookup)
        converter.consumes = origin.consumes
        converter.produces = origin.produces
        var writer = TreeWriter(path: node.tree.path, limits: limits, capacityHint: 64)
        do {
            switch kind {
            case "parameters": try converter.parameter(node, into: &writer)
            case "responses": try converter.response(node, produces: origin.produces, into: &writer)
            case "requestBodies": try converter.requestBodyValue([node], consumes: origin.consumes, into: &writer)
            case "pathItems": try converter.pathItem(node, into: &writer)
            default: return nil
            }
        } catch let error as TreeError {
            return (node, [error.diagnostic])
        } catch {
            return nil
        }
        var fragmentOrigin = origin
        fragmentOrigin.isFragment = true
        return writer.finish(fragmentOrigin).root.map { ($0, converter.diagnostics) }
    }

    /// Where a pointer written against the 2.0 layout lands in `tree`, a converted document. A shared body
    /// parameter became a request body, so `/parameters/X` lands in `requestBodies` when it is not a parameter.
    static func pointer(_ tokens: [String], in tree: SpecTree) -> [String] {
        guard let first = tokens.first else { return tokens }
        let moved: [String: [String]] = [
            "definitions": ["components", "schemas"], "parameters": ["components", "parameters"],
            "responses": ["components", "responses"], "securityDefinitions": ["components", "securitySchemes"],
        ]
        guard var prefix = moved[first] else { return tokens }
        if first == "parameters", tokens.count > 1, tree.root?["components"]?["parameters"]?[tokens[1]] == nil,
           tree.root?["components"]?["requestBodies"]?[tokens[1]] != nil {
            prefix = ["components", "requestBodies"]
        }
        return prefix + tokens.dropFirst()
    }

    mutating func warn(_ message: String, at node: Node) {
        diagnostics.append(Diagnostic(.warning, message, at: node.location))
    }

    static func strings(_ node: Node?) -> [String]? {
        guard let node, node.kind == .sequence else { return nil }
        return node.elements.compactMap(\.string)
    }

    // MARK: The document

    private mutating func document(version: Node, into out: inout TreeWriter) throws {
        if let list = Self.strings(root["consumes"]), !list.isEmpty { consumes = list }
        if let list = Self.strings(root["produces"]), !list.isEmpty { produces = list }
        host = root["host"]?.string
        if let written = host, let range = written.range(of: "://") {
            // `host: https://api.example.com` (a URL where a host name belongs): its host is meant.
            let meant = String(written[range.upperBound...].prefix { $0 != "/" })
            diagnostics.append(Diagnostic(.error, "'host' must be a host name (and port), not a URL", at: root["host"]?.location,
                                          assumption: "'\(meant)'"))
            host = meant
        }
        basePath = root["basePath"]?.string ?? ""
        let schemes = Self.strings(root["schemes"]) ?? []
        serverURLs = urls(schemes: schemes)
        try out.mapping(at: root) { w in
            try w.entry("openapi", "3.0.3", at: version)
            for e in root.entries {
                switch e.key {
                case "swagger", "host", "basePath", "schemes", "consumes", "produces",
                     "definitions", "parameters", "responses", "securityDefinitions":
                    continue
                case "paths":
                    try w.string("paths", at: e.keyNode)
                    try paths(e.value, into: &w)
                default:
                    try w.entry(e.key, copying: e.value, keyAt: e.keyNode)
                }
            }
            if !serverURLs.isEmpty || root["basePath"] != nil {
                let at = root["host"] ?? root["basePath"] ?? root
                try w.string("servers", at: at)
                try w.sequence(at: at) { w in
                    for url in serverURLs.isEmpty ? [basePath] : serverURLs {
                        try w.mapping(at: at) { try $0.entry("url", url, at: at) }
                    }
                }
            }
            try components(into: &w)
        }
    }

    /// `scheme://host/basePath` for each scheme; https when the document names a host but no scheme.
    func urls(schemes: [String]) -> [String] {
        guard let host else { return [] }
        return (schemes.isEmpty ? ["https"] : schemes).map { "\($0)://\(host)\(basePath)" }
    }

    private mutating func components(into w: inout TreeWriter) throws {
        let sections = ["definitions", "parameters", "responses", "securityDefinitions"].compactMap { key in
            root.entries.first { $0.keyNode.hasText(key) }
        }
        guard let first = sections.first else { return }
        let bodies = root["parameters"].map { $0.entries.filter { $0.value["in"]?.string == "body" } } ?? []
        try w.string("components", at: first.keyNode)
        try w.mapping(at: first.keyNode) { w in
            // Shared body parameters become shared request bodies (operations refer to them as such).
            if let section = root.entries.first(where: { $0.keyNode.hasText("parameters") }), !bodies.isEmpty {
                try w.string("requestBodies", at: section.keyNode)
                try w.mapping(at: section.value) { w in
                    for e in bodies {
                        try w.string(e.key, at: e.keyNode)
                        try requestBodyValue([e.value], consumes: consumes, into: &w)
                    }
                }
            }
            for section in sections where section.value.kind == .mapping {
                switch section.key {
                case "definitions":
                    try w.string("schemas", at: section.keyNode)
                    try w.mapping(at: section.value) { w in
                        for e in section.value.entries {
                            try w.string(e.key, at: e.keyNode)
                            try schema(e.value, into: &w)
                        }
                    }
                case "parameters":
                    // Form parameters join the form body of each operation that lists them.
                    let plain = section.value.entries.filter { !isBodyOrForm($0.value) }
                    try w.string("parameters", at: section.keyNode)
                    try w.mapping(at: section.value) { w in
                        for e in plain {
                            try w.string(e.key, at: e.keyNode)
                            try parameter(e.value, into: &w)
                        }
                    }
                case "responses":
                    try w.string("responses", at: section.keyNode)
                    try w.mapping(at: section.value) { w in
                        for e in section.value.entries {
                            try w.string(e.key, at: e.keyNode)
                            try response(e.value, produces: produces, into: &w)
                        }
                    }
                default:
                    try w.string("securitySchemes", at: section.keyNode)
                    try w.mapping(at: section.value) { w in
                        for e in section.value.entries {
                            try w.string(e.key, at: e.keyNode)
                            try securityScheme(e.value, into: &w)
                        }
                    }
                }
            }
        }
    }

    // MARK: Paths and operations

    static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch"]

    private mutating func paths(_ node: Node, into w: inout TreeWriter) throws {
        guard node.kind == .mapping else { return try w.copy(node) }
        try w.mapping(at: node) { w in
            for e in node.entries {
                try w.string(e.key, at: e.keyNode)
                try pathItem(e.value, into: &w)
            }
        }
    }

    mutating func pathItem(_ item: Node, into w: inout TreeWriter) throws {
        guard item.kind == .mapping else { return try w.copy(item) }
        // Shared body or form parameters move down into each operation (3.0 path items have no bodies).
        let shared = item["parameters"].map { Array($0.elements) } ?? []
        let sharedPlain = shared.filter { !isBodyOrForm($0) }
        let sharedBodies = shared.filter { isBodyOrForm($0) }
        try w.mapping(at: item) { w in
            for e in item.entries {
                if e.keyNode.hasText("parameters") {
                    guard !sharedPlain.isEmpty else { continue }
                    try w.string("parameters", at: e.keyNode)
                    try w.sequence(at: e.value) { w in
                        for p in sharedPlain { try parameter(p, into: &w) }
                    }
                } else if Self.methods.contains(e.key), e.value.kind == .mapping {
                    try w.string(e.key, at: e.keyNode)
                    try operation(e.value, inherited: sharedBodies, into: &w)
                } else {
                    try w.entry(e.key, copying: e.value, keyAt: e.keyNode)
                }
            }
        }
    }

    private mutating func operation(_ op: Node, inherited: [Node], into w: inout TreeWriter) throws {
        let consumes = Self.strings(op["consumes"]).flatMap { $0.isEmpty ? nil : $0 } ?? self.consumes
        let produces = Self.strings(op["produces"]).flatMap { $0.isEmpty ? nil : $0 } ?? self.produces
        let own = op["parameters"].map { Array($0.elements) } ?? []
        // An operation's parameter replaces a shared one with the same name and location.
        let ownKeys = Set(own.compactMap { key(of: $0) })
        let all = inherited.filter { key(of: $0).map { !ownKeys.contains($0) } ?? true } + own
        let plain = own.filter { !isBodyOrForm($0) }
        let bodies = all.filter { isBodyOrForm($0) }
        try w.mapping(at: op) { w in
            for e in op.entries {
                switch e.key {
                case "consumes", "produces": continue
                case "parameters":
                    guard !plain.isEmpty else { continue }
                    try w.string("parameters", at: e.keyNode)
                    try w.sequence(at: e.value) { w in
                        for p in plain { try parameter(p, into: &w) }
                    }
                case "responses":
                    try w.string("responses", at: e.keyNode)
                    guard e.value.kind == .mapping else { try w.copy(e.value); continue }
                    try w.mapping(at: e.value) { w in
                        for r in e.value.entries {
                            try w.string(r.key, at: r.keyNode)
                            try response(r.value, produces: produces, into: &w)
                        }
                    }
                case "schemes":
                    // Schemes of its own give the operation servers of its own.
                    let urls = urls(schemes: Self.strings(e.value) ?? [])
                    guard !urls.isEmpty, urls != serverURLs else { continue }
                    try w.string("servers", at: e.keyNode)
                    try w.sequence(at: e.value) { w in
                        for url in urls { try w.mapping(at: e.value) { try $0.entry("url", url, at: e.value) } }
                    }
                default:
                    try w.entry(e.key, copying: e.value, keyAt: e.keyNode)
                }
            }
            if let first = bodies.first {
                try w.string("requestBody", at: first)
                try requestBody(bodies, consumes: consumes, into: &w)
            }
        }
    }

    /// `name` + `in` of a parameter (looked up through a local `$ref`), to match overrides.
    private func key(of parameter: Node) -> String? {
        let p = definition(of: parameter)
        guard let name = p["name"]?.string, let location = p["in"]?.string else { return nil }
        return location + " " + name
    }

    /// The parameter a `$ref` names (or the node itself), in this file or another, as written.
    func definition(of parameter: Node) -> Node {
        guard let ref = parameter["$ref"]?.string else { return parameter }
        return lookup(ref, parameter) ?? parameter
    }

    func isBodyOrForm(_ parameter: Node) -> Bool {
        let location = definition(of: parameter)["in"]?.string
        return location == "body" || location == "formData"
    }
}

/// Where a tree converted from Swagger 2.0 came from.
struct Swagger2Origin: Sendable {
    /// The document's default media types: a fragment reached from it (a parameter or response in a file of
    /// its own) is converted with them.
    var consumes: [String]
    var produces: [String]
    /// One object from a file that is not itself a 2.0 document (`parameters.json#/limit`), converted where a
    /// 2.0 document refers to it; pointers into such a file name its own layout, so they are not mapped.
    var isFragment = false
}
