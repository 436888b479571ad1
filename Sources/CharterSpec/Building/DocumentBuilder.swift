/// Turns located trees into the OpenAPI model, resolving `$ref`s and reporting every problem it meets.
///
/// One instance builds one document. Schemas are built into `schemas`; a `$ref` to a schema reserves the
/// target's id and queues it, so recursion depth follows the file's nesting, never the length of ref chains.
final class DocumentBuilder {
    let files: SpecFiles
    // The builder runs on one thread and never holds an access to one of these across a call that touches
    // the same property, so Swift's dynamic exclusivity checks (an access record per read or write of a class
    // property: 1.5% of a Stripe load) are switched off for them.
    @exclusivity(unchecked) var diagnostics: [Diagnostic] = []
    @exclusivity(unchecked) var version: Document.Version = .v3_0
    /// Set when the document was converted from Swagger 2.0: objects it reaches in other files are 2.0 too.
    var swagger2Origin: Swagger2Origin?
    @exclusivity(unchecked) var schemas: [Schema] = []
    @exclusivity(unchecked) var schemaIDs = SchemaIDTable()
    @exclusivity(unchecked) var queuedSchemas: [(SchemaID, Node)] = []
    @exclusivity(unchecked) var schemaDepth = 0
    /// Enclosing schemas that declared `$recursiveAnchor: true` (name "") or `$dynamicAnchor: name`.
    @exclusivity(unchecked) var dynamicScopes: [(name: String, id: SchemaID)] = []
    @exclusivity(unchecked) var objectCache: [ObjectKey: Any] = [:]
    @exclusivity(unchecked) var inProgress: Set<ObjectKey> = []
    /// Security scheme names used by requirements, checked once components are known.
    var securityUses: [(name: String, node: Node)] = []
    /// Component security schemes by where they are written, for 3.2 requirements that name one by URI.
    var schemeComponents: [SourceLocation: String] = [:]
    /// Schemes 3.2 requirements name by URI in other files, added to the components under a name of their own.
    var schemesByURI: [(name: String, value: SecurityScheme)] = []
    /// Requirement URIs that did not resolve (each reported where it is written, once).
    var unresolvedSchemeURIs: Set<String> = []

    @exclusivity(unchecked) var resolvedReferences: [ReferenceKey: (node: Node, tokens: [String])] = [:]
    let schemaResources: SchemaResources
    /// Set when a `$dynamicRef` resolves dynamically (see `assignDynamicScopes`).
    var usesDynamicScope = false
    /// The dialect of schemas that do not name one (`jsonSchemaDialect`, else by `openapi` version), and of
    /// the schema being filled now.
    var defaultDialect: SchemaDialect = .openAPI30
    @exclusivity(unchecked) var dialect: SchemaDialect = .openAPI30
    /// What each tree's text mentions at all: a tree without `$schema` is never walked for it, and one without
    /// `$dynamicAnchor` or `$recursiveAnchor` never has its schemas' keys scanned for them.
    var treeMentions: [ObjectIdentifier: TreeMentions] = [:]
    /// The last tree asked about and its answer: every schema asks, almost always about the tree the one before
    /// was in (a dictionary lookup per schema was 2% of loading Stripe).
    @exclusivity(unchecked) private var lastMentions: (tree: ObjectIdentifier, mentions: TreeMentions)?
    /// `$schema` nodes already reported as unknown.
    var reportedDialects: Set<Node> = []

    struct TreeMentions {
        var schema: Bool
        var anchor: Bool
    }

    /// `tree`'s mentions, worked out on first use.
    func mentions(_ tree: SpecTree) -> TreeMentions {
        let key = ObjectIdentifier(tree)
        if let last = lastMentions, last.tree == key { return last.mentions }
        let found = treeMentions[key] ?? TreeMentions(schema: tree.text.contains("$schema"),
                                                      anchor: tree.text.contains("$dynamicAnchor") || tree.text.contains("$recursiveAnchor"))
        treeMentions[key] = found
        lastMentions = (key, found)
        return found
    }

    struct ReferenceKey: Hashable {
        let tree: ObjectIdentifier
        let text: String
        /// The base URI the text resolves against, in a file with `$id`s (the same text means different schemas
        /// in different resources); `nil` elsewhere.
        var base: String?
    }

    struct ObjectKey: Hashable {
        let node: Node
        let kind: String
        // The node alone decides the bucket: a node is built as one kind almost always, and hashing the kind's
        // text too was most of the key's cost (equality still compares both).
        func hash(into hasher: inout Hasher) { hasher.combine(node) }
    }

    init(files: SpecFiles) {
        self.files = files
        schemaResources = SchemaResources(files: files)
    }

    // MARK: Diagnostics

    func error(_ message: String, at node: Node) {
        diagnostics.append(Diagnostic(.error, message, at: node.location))
    }

    /// A problem whose meaning is clear: an error for `lint`, a warning saying what was `assumed` for tools that
    /// go on (the model is built as assumed).
    func invalid(_ message: String, assumed: String, at node: Node) {
        diagnostics.append(Diagnostic(.error, message, at: node.location, assumption: assumed))
    }

    func warning(_ message: String, at node: Node) {
        diagnostics.append(Diagnostic(.warning, message, at: node.location))
    }

    func note(_ message: String, at node: Node) {
        diagnostics.append(Diagnostic(.note, message, at: node.location))
    }

    // MARK: Typed reads

    /// The node, with `$ref` followed when it is a reference: how a `$ref` works in any position that is not a
    /// schema (whole operations, component maps, parameter lists, headers — the layouts vendors' multi-file trees
    /// use). Sibling keys of such a `$ref` are ignored, as the standard says; a chain that never ends is an error.
    func dereferenced(_ node: Node) -> Node? {
        guard node.kind == .mapping, node["$ref"] != nil else { return node }
        var current = node
        var hops = 0
        while current.kind == .mapping, let refNode = current["$ref"] {
            hops += 1
            if hops > 32 {
                error("reference cycle: following $ref from here never reaches a value", at: node)
                return nil
            }
            guard let text = refNode.text, refNode.scalarType == .string,
                  let (target, _) = target(ofReference: text, at: refNode) else {
                if refNode.scalarType != .string { error("'$ref' must be a string, found \(refNode.kindDescription)", at: refNode) }
                return nil
            }
            current = target
        }
        return current
    }

    /// The node (a `$ref` followed) when it is a mapping; otherwise an error and nil.
    func mapping(_ node: Node, _ what: @autoclosure () -> String) -> Node? {
        guard let node = dereferenced(node) else { return nil }
        return isMapping(node, what()) ? node : nil
    }

    /// The node (a `$ref` followed) when it is a sequence; otherwise an error and nil.
    func sequence(_ node: Node, _ what: @autoclosure () -> String) -> Node? {
        guard let node = dereferenced(node) else { return nil }
        return isSequence(node, what()) ? node : nil
    }

    func isMapping(_ node: Node, _ what: @autoclosure () -> String) -> Bool {
        if node.kind == .mapping { return true }
        if absentAsNull(node, what(), "a mapping") { return false }
        error("\(what()) must be a mapping, found \(node.kindDescription)", at: node)
        return false
    }

    func isSequence(_ node: Node, _ what: @autoclosure () -> String) -> Bool {
        if node.kind == .sequence { return true }
        if absentAsNull(node, what(), "a sequence") { return false }
        error("\(what()) must be a sequence, found \(node.kindDescription)", at: node)
        return false
    }

    /// A string field; other scalars are accepted with a warning (`version: 1.0` is common and harmless).
    func string(_ node: Node, _ what: @autoclosure () -> String) -> String? {
        stringNode(node, what())?.text
    }

    /// `string` without making the string: the node when it holds one.
    func stringNode(_ node: Node, _ what: @autoclosure () -> String) -> Node? {
        var node = node
        if node.kind == .mapping, node["$ref"] != nil {
            // `description: {$ref: 'texts.yml#/intro'}`: not standard, but its meaning is plain.
            guard let target = dereferenced(node) else { return nil }
            note("\(what()) is given by a $ref (not standard OpenAPI); its target was read", at: node)
            node = target
        }
        guard let type = node.scalarType, type != .null else {
            if node.scalarType == .null {
                // `title: null`, `description: ~`: plainly nothing.
                invalid("\(what()) must be a string, found null", assumed: "it is not there", at: node)
            } else {
                error("\(what()) must be a string, found \(node.kindDescription)", at: node)
            }
            return nil
        }
        if type != .string {
            warning("\(what()) should be a string, found \(node.kindDescription); quote it", at: node)
        }
        return node
    }

    /// `required: null`, `tags: ~`, `maxLength: null`: a value written as null plainly says nothing (a common
    /// export of generators that serialise unset fields); read as absent, with the assumption reported.
    func absentAsNull(_ node: Node, _ what: String, _ expected: String) -> Bool {
        guard node.scalarType == .null else { return false }
        invalid("\(what) must be \(expected), found null", assumed: "it is not there", at: node)
        return true
    }

    func bool(_ node: Node, _ what: @autoclosure () -> String) -> Bool? {
        if let b = node.bool { return b }
        if absentAsNull(node, what(), "a boolean") { return nil }
        if node.scalarType == .string, let text = node.text, text == "true" || text == "false" {
            invalid("\(what()) must be a boolean, found the string '\(text)'", assumed: text, at: node)
            return text == "true"
        }
        error("\(what()) must be a boolean, found \(node.kindDescription)", at: node)
        return nil
    }

    func nonNegativeInt(_ node: Node, _ what: @autoclosure () -> String) -> Int? {
        if let i = node.int, i >= 0 { return i }
        if let d = node.double, d >= 0, d == d.rounded(), d < 1e15 { return Int(d) }
        if node.scalarType == .string, let text = node.text, let i = Int(text), i >= 0 {
            invalid("\(what()) must be a non-negative integer, found the string '\(text)'", assumed: text, at: node)
            return i
        }
        if absentAsNull(node, what(), "a non-negative integer") { return nil }
        error("\(what()) must be a non-negative integer, found \(node.kindDescription)", at: node)
        return nil
    }

    func number(_ node: Node, _ what: @autoclosure () -> String) -> NumberLiteral? {
        if let d = node.double, let text = node.text, d.isFinite { return NumberLiteral(text: text, value: d) }
        if node.scalarType == .string, let text = node.text, let d = Double(text), d.isFinite {
            invalid("\(what()) must be a number, found the string '\(text)'", assumed: text, at: node)
            return NumberLiteral(text: text, value: d)
        }
        if absentAsNull(node, what(), "a number") { return nil }
        error("\(what()) must be a number, found \(node.kindDescription)", at: node)
        return nil
    }

    func strings(_ node: Node, _ what: @autoclosure () -> String) -> [String] {
        guard let node = sequence(node, what()) else { return [] }
        return node.elements.compactMap { string($0, "an entry of \(what())") }
    }

    /// `x-` keys go to extensions; anything else is unknown and ignored with a warning naming it.
    func other(_ entry: MappingEntry, in what: @autoclosure () -> String, into extensions: inout Extensions) {
        if entry.isExtension {
            extensions[entry.key] = entry.value
        } else {
            warning("unknown field '\(entry.key)' in \(what()); ignored", at: entry.keyNode)
        }
    }

    /// Reports required fields that a mapping lacks.
    func require(_ keys: [String], in node: Node, _ what: String) {
        for key in keys where node[key] == nil {
            invalid("\(what) is missing required field '\(key)'", assumed: "an empty '\(key)'", at: node)
        }
    }

    /// Named entries of a mapping (`x-` keys skipped into extensions).
    func namedEntries(_ node: Node, _ what: @autoclosure () -> String, extensions: inout Extensions) -> [MappingEntry] {
        guard let node = mapping(node, what()) else { return [] }
        var result: [MappingEntry] = []
        for entry in node.entries {
            if entry.isExtension { extensions[entry.key] = entry.value } else { result.append(entry) }
        }
        return result
    }

    func namedEntries(_ node: Node, _ what: @autoclosure () -> String) -> [MappingEntry] {
        var ignored: Extensions = [:]
        return namedEntries(node, what(), extensions: &ignored)
    }
}
