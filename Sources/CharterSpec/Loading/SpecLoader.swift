/// The result of loading a spec: the model (when the file could be read as OpenAPI) and every diagnostic.
public struct LoadResult: Sendable {
    /// `nil` when the root file could not be parsed or is not OpenAPI 3; may be non-nil with errors.
    public var document: Document?
    /// Every problem found, in reading order.
    public var diagnostics: [Diagnostic]
    /// Paths of every file read (the root and `$ref` targets).
    public var files: [String]

    /// Whether lint finds errors (of either kind).
    public var hasErrors: Bool { diagnostics.hasErrors }

    /// The diagnostics as `diff`, `validate`, `mock` and client generation report them: a problem whose meaning is
    /// clear is a warning saying what was assumed (the document already reflects the assumption); `strict` keeps it
    /// an error, as `lint` does.
    public func diagnostics(strict: Bool) -> [Diagnostic] { diagnostics.tolerated(strict: strict) }

    /// Whether a tool that tolerates understood problems can use the document: there is one, and no error is left
    /// once understood problems are tolerated (none at all when `strict`).
    public func isUsable(strict: Bool) -> Bool { document != nil && !diagnostics(strict: strict).hasErrors }
}

/// Loads a Swagger 2.0 or OpenAPI 3.0–3.2 document from a YAML or JSON file, following `$ref`s into other files.
public struct SpecLoader: Sendable {
    public var options: LoadOptions

    public init(options: LoadOptions = LoadOptions()) {
        self.options = options
    }

    /// Loads and resolves `path`, then runs the semantic checks of `SpecLint`.
    public func load(path: String) -> LoadResult {
        let files = SpecFiles(rootPath: path, options: options)
        let (loaded, failure) = files.tree(at: path)
        guard let tree = loaded else {
            return LoadResult(document: nil, diagnostics: (files.diagnostics + [failure].compactMap { $0 }).sortedByLocation(), files: [path])
        }
        files.prefetch(from: tree)
        return build(tree, files: files)
    }

    /// Loads a document from bytes in memory (references to other files resolve relative to `path`).
    public func load(bytes: [UInt8], path: String) -> LoadResult {
        let (raw, diagnostics) = SpecFileReader.parse(bytes: bytes, path: path, options: options)
        guard let raw else { return LoadResult(document: nil, diagnostics: diagnostics, files: [path]) }
        let files = SpecFiles(rootPath: path, options: options)
        let tree = files.adopt(raw)
        files.prefetch(from: tree)
        var result = build(tree, files: files)
        result.diagnostics = (diagnostics + result.diagnostics).sortedByLocation()
        return result
    }

    /// Loads a bare JSON Schema (not an OpenAPI document), e.g. a JSON Schema Test Suite case.
    /// `version` picks keyword semantics: `.v3_0` reads draft-4 idioms (boolean exclusive bounds, `$ref`
    /// siblings ignored by consumers), `.v3_1` reads 2020-12. The schema is the document's only root schema.
    /// `dialect` overrides the version's default where the schema has no `$schema` (e.g. `.draft4` for the draft 4
    /// suite, where a `$ref` replaces its siblings and `hostname` is ASCII).
    public func loadSchema(bytes: [UInt8], path: String, version: Document.Version, dialect: SchemaDialect? = nil) -> (document: Document?, root: SchemaID?, diagnostics: [Diagnostic]) {
        let (tree, diagnostics) = SpecFileReader.parse(bytes: bytes, path: path, options: options)
        guard let tree, let rootNode = tree.root else { return (nil, nil, diagnostics) }
        let builder = DocumentBuilder(files: SpecFiles(rootPath: path, options: options))
        builder.version = version
        builder.defaultDialect = dialect ?? SchemaDialect.default(for: version)
        builder.dialect = builder.defaultDialect
        let root = builder.schema(rootNode)
        builder.drainSchemaQueue()
        builder.assignDynamicScopes()
        var document = Document(openapi: version == .v3_0 ? "3.0.3" : "3.1.0", version: version,
                                info: Info(title: "", version: "", location: rootNode.location), location: rootNode.location)
        document.schemas = builder.schemas
        return (document, root, (diagnostics + builder.diagnostics).sortedByLocation())
    }

    private func build(_ tree: SpecTree, files: SpecFiles) -> LoadResult {
        let builder = DocumentBuilder(files: files)
        let document = builder.buildDocument(tree)
        var diagnostics = files.diagnostics + builder.diagnostics
        if let document {
            diagnostics += SpecLint.check(document)
        }

        return LoadResult(document: document, diagnostics: Self.unique(diagnostics).sortedByLocation(), files: files.paths)
    }

    /// A shared object reached twice reports its problems once.
    private static func unique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen: Set<Diagnostic> = []
        return diagnostics.filter { seen.insert($0).inserted }
    }
}
