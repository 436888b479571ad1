/// Schema objects: OAS 3.0 and 3.1 keywords into one representation.
extension DocumentBuilder {
    /// The id of the schema at `node`, building it on first sight.
    func schema(_ node: Node) -> SchemaID {
        if let id = schemaIDs[node] { return id }
        let id = reserveSchema(node)
        schemaDepth += 1
        defer { schemaDepth -= 1 }
        if schemaDepth > files.options.maxSchemaDepth {
            error("schemas nest deeper than \(files.options.maxSchemaDepth) levels here; not read further", at: node)
            return id
        }
        fillSchema(id, node)
        return id
    }

    private func reserveSchema(_ node: Node) -> SchemaID {
        let id = SchemaID(schemas.count)
        schemas.append(Schema(node: node))
        schemaIDs[node] = id
        return id
    }

    /// A `$ref` target: reserved now, built when the queue drains (keeps recursion shallow and cycles finite).
    private func schemaLater(_ node: Node) -> SchemaID {
        if let id = schemaIDs[node] { return id }
        let id = reserveSchema(node)
        queuedSchemas.append((id, node))
        return id
    }

    func drainSchemaQueue() {
        while let (id, node) = queuedSchemas.popLast() {
            let saved = schemaDepth
            schemaDepth = 0
            fillSchema(id, node)
            schemaDepth = saved
        }
    }

    private func fillSchema(_ id: SchemaID, _ node: Node) {
        let s = schemas[id.index]
        let enclosingDialect = dialect
        let mentions = mentions(node.tree)
        dialect = dialect(at: node, in: mentions)
        s.dialect = dialect
        defer { dialect = enclosingDialect }
        // `$recursiveRef: "#"` / `$dynamicRef: "#name"` name the enclosing schema that declared the anchor.
        // Charter resolves them lexically (to the nearest enclosing declaration), which is what specs mean
        // by them in practice (a recursive filter or tree type).
        let dynamicAnchor = mentions.anchor ? dynamicAnchorName(node) : nil
        if let dynamicAnchor { dynamicScopes.append((dynamicAnchor, id)) }
        defer { if dynamicAnchor != nil { dynamicScopes.removeLast() } }
        if let b = node.bool {
            if !dialect.hasBooleanSchemas { warning("boolean schemas are not part of \(dialect.name); read anyway", at: node) }
            s.booleanValue = b
            return
        }
        guard isMapping(node, "a schema") else { return }
        var nullable = false
        var exclusiveMinimumFlag = false
        var exclusiveMaximumFlag = false
        var additionalItems: Node?
        // A schema in a file a Swagger 2.0 document refers to is written in 2.0 idioms (its own file was not
        // converted): `x-nullable`, `type: file`, a discriminator that is a property name.
        let swagger2Idioms = swagger2Origin != nil && node.tree.swagger2 == nil
        for entry in node.entries {
            let v = entry.value
            switch entry.keyNode.word(in: SchemaKeyword.table) {
            case .ref:
                guard let text = string(v, "$ref") else { continue }
                var reference = SchemaReference(text: text)
                if let (target, tokens) = target(ofReference: text, at: v) {
                    reference.target = schemaLater(target)
                    if tokens.count == 3 && tokens[0] == "components" && tokens[1] == "schemas" { reference.componentName = tokens[2] }
                }
                s.ref = reference
            case .type where swagger2Idioms && v.hasText("file"):
                s.types = .string
                if node["format"] == nil { s.format = "binary" }
            case .type: s.types = types(v)
            case .format: s.format = string(v, "format")
            case .title: s.titleNode = stringNode(v, "title")
            case .description: s.descriptionNode = stringNode(v, "description")
            case .enumValues:
                if isSequence(v, "enum") {
                    s.enumValues = Array(v.elements)
                    if v.elements.isEmpty { warning("'enum' is empty: no value can match", at: v) }
                }
            case .constValue: s.const = v
            case .defaultValue: s.defaultValue = v
            case .example: s.examples.append(v)
            case .examples:
                if v.kind == .sequence { s.examples += v.elements } else { warning("schema 'examples' must be a sequence (a 3.1 keyword)", at: v) }
            case .nullable:
                nullable = bool(v, "nullable") ?? false
                if version != .v3_0 { warning("'nullable' is an OpenAPI 3.0 keyword; in 3.1 write type: [T, \"null\"]. Read as 3.0", at: entry.keyNode) }
            case .multipleOf:
                s.multipleOf = number(v, "multipleOf")
                if let m = s.multipleOf, m.value <= 0 {
                    invalid("multipleOf must be greater than 0", assumed: "no multipleOf", at: v)
                    s.multipleOf = nil
                }
            case .maximum: s.maximum = number(v, "maximum")
            case .minimum: s.minimum = number(v, "minimum")
            case .exclusiveMaximum:
                if let b = v.bool {
                    exclusiveMaximumFlag = b
                    if !dialect.hasBooleanExclusiveBounds { warning("boolean 'exclusiveMaximum' is the draft 4 / OpenAPI 3.0 form; in \(dialect.name) it is a number. Read as draft 4", at: v) }
                } else {
                    s.exclusiveMaximum = number(v, "exclusiveMaximum")
                }
            case .exclusiveMinimum:
                if let b = v.bool {
                    exclusiveMinimumFlag = b
                    if !dialect.hasBooleanExclusiveBounds { warning("boolean 'exclusiveMinimum' is the draft 4 / OpenAPI 3.0 form; in \(dialect.name) it is a number. Read as draft 4", at: v) }
                } else {
                    s.exclusiveMinimum = number(v, "exclusiveMinimum")
                }
            case .maxLength: s.maxLength = nonNegativeInt(v, "maxLength")
            case .minLength: s.minLength = nonNegativeInt(v, "minLength")
            case .pattern:
                s.pattern = string(v, "pattern")
            case .maxItems: s.maxItems = nonNegativeInt(v, "maxItems")
            case .minItems: s.minItems = nonNegativeInt(v, "minItems")
            case .uniqueItems: s.uniqueItems = bool(v, "uniqueItems") ?? false
            case .items:
                if v.kind == .sequence {
                    // Draft 4 tuple form; 2020-12 calls it prefixItems.
                    s.prefixItems = v.elements.map(schema)
                } else {
                    s.items = schema(v)
                }
            case .additionalItems: additionalItems = v
            case .prefixItems:
                if isSequence(v, "prefixItems") { s.prefixItems = v.elements.map(schema) }
            case .containsSchema: s.contains = schema(v)
            case .minContains: s.minContains = nonNegativeInt(v, "minContains")
            case .maxContains: s.maxContains = nonNegativeInt(v, "maxContains")
            case .unevaluatedItems: s.unevaluatedItems = schemaOrBool(v)
            case .maxProperties: s.maxProperties = nonNegativeInt(v, "maxProperties")
            case .minProperties: s.minProperties = nonNegativeInt(v, "minProperties")
            case .requiredList:
                if v.kind == .sequence {
                    s.required = strings(v, "required")
                } else if v.bool != nil {
                    invalid("'required' in a schema is a list of property names, not a boolean (that form belongs to parameters)", assumed: "it is not there", at: v)
                } else {
                    _ = isSequence(v, "required")
                }
            case .properties:
                s.properties = namedSchemas(v, "properties")
            case .additionalProperties: s.additionalProperties = schemaOrBool(v)
            case .patternProperties: s.patternProperties = namedSchemas(v, "patternProperties").map { ($0.name, $0.schema) }
            case .propertyNames: s.propertyNames = schema(v)
            case .dependentRequired:
                for e in namedEntries(v, "dependentRequired") { s.dependentRequired.append((e.key, strings(e.value, "dependentRequired '\(e.key)'"))) }
            case .dependentSchemas: s.dependentSchemas = namedSchemas(v, "dependentSchemas")
            case .dependencies:
                // Draft 4: a list means dependentRequired, a schema means dependentSchemas.
                for e in namedEntries(v, "dependencies") {
                    if e.value.kind == .sequence {
                        s.dependentRequired.append((e.key, strings(e.value, "dependencies '\(e.key)'")))
                    } else {
                        s.dependentSchemas.append((e.key, schema(e.value)))
                    }
                }
            case .unevaluatedProperties: s.unevaluatedProperties = schemaOrBool(v)
            case .allOf: s.allOf = schemaList(v, "allOf")
            case .anyOf: s.anyOf = schemaList(v, "anyOf")
            case .oneOf: s.oneOf = schemaList(v, "oneOf")
            case .notSchema: s.not = schema(v)
            case .ifSchema: s.ifSchema = schema(v)
            case .thenSchema: s.thenSchema = schema(v)
            case .elseSchema: s.elseSchema = schema(v)
            case .discriminator where swagger2Idioms && v.kind == .scalar:
                s.discriminator = string(v, "discriminator").map { Discriminator(propertyName: $0) }
            case .discriminator: s.discriminator = discriminator(v)
            case .readOnly: s.readOnly = bool(v, "readOnly") ?? false
            case .writeOnly: s.writeOnly = bool(v, "writeOnly") ?? false
            case .deprecated: s.deprecated = bool(v, "deprecated") ?? false
            case .defs, .definitions: s.defs = namedSchemas(v, entry.key)
            case .anchor: s.anchor = string(v, "$anchor")
            case .xml: s.xml = xmlNaming(v)
            case .externalDocs, .comment, .schemaURI:
                break // documentation: no effect on types or validation
            case .contentMediaType: s.contentMediaType = string(v, "contentMediaType")
            case .contentEncoding: s.contentEncoding = string(v, "contentEncoding")
            case .contentSchema: s.contentSchema = schema(v)
            case .id:
                break // a resource's base URI: `SchemaResources` resolves references against it
            case .recursiveAnchor, .dynamicAnchor: break // handled above
            case .recursiveRef, .dynamicRef:
                guard let text = string(v, entry.key) else { continue }
                // 2020-12 `$dynamicRef`: resolved like `$ref`; when the target declares the anchor the fragment
                // names, the validator looks for it in the dynamic scope first. Else the lexical reading below.
                if version != .v3_0, !entry.keyNode.hasText("$recursiveRef"), let (target, name) = staticDynamicTarget(text, at: v) {
                    s.ref = SchemaReference(text: text, target: schemaLater(target))
                    if let name, target["$dynamicAnchor"]?.string == name {
                        s.dynamicRefName = name
                        usesDynamicScope = true
                    }
                    continue
                }
                let name = entry.keyNode.hasText("$recursiveRef") ? "" : String(text.drop(while: { $0 != "#" }).dropFirst())
                if let scope = dynamicScopes.last(where: { $0.name == name }) {
                    s.ref = SchemaReference(text: text, target: scope.id)
                } else if let (target, _) = target(ofReference: text, at: v) {
                    s.ref = SchemaReference(text: text, target: schemaLater(target))
                } else {
                    s.ref = SchemaReference(text: text)
                }
            case .vocabulary:
                warning("'\(entry.key)' is not supported; ignored", at: entry.keyNode)
            case nil where swagger2Idioms && entry.keyNode.hasText("x-nullable"):
                nullable = bool(v, "x-nullable") ?? false
            case nil:
                other(entry, in: "a schema", into: &s.extensions)
            }
        }
        if let additionalItems, !s.prefixItems.isEmpty {
            switch schemaOrBool(additionalItems) {
            case .schema(let id): s.items = id
            case .bool(false): s.items = falseSchema(at: additionalItems)
            default: break
            }
        }
        // 3.0 boolean exclusive bounds become 3.1 numeric ones: one representation for both.
        if exclusiveMinimumFlag, let m = s.minimum { s.exclusiveMinimum = m; s.minimum = nil }
        if exclusiveMaximumFlag, let m = s.maximum { s.exclusiveMaximum = m; s.maximum = nil }
        if !nullable, let key = nullableDescribingMember(of: s) {
            warning("'nullable: true' in an allOf member without a 'type' allows nothing by itself (the other members still reject null); read as the whole allOf accepting null", at: key)
            nullable = true
        }
        if nullable {
            // Without `type` a schema accepts null anyway, unless a $ref or composition says otherwise.
            if s.types != nil { s.types?.insert(.null) } else { s.nullableComposition = true }
        }
        let unsatisfiable = "the bounds as written (no value can meet both)"
        if let min = s.minLength, let max = s.maxLength, min > max { invalid("minLength \(min) is greater than maxLength \(max)", assumed: unsatisfiable, at: node) }
        if let min = s.minItems, let max = s.maxItems, min > max { invalid("minItems \(min) is greater than maxItems \(max)", assumed: unsatisfiable, at: node) }
        if let min = s.minimum, let max = s.maximum, min.value > max.value { invalid("minimum \(min) is greater than maximum \(max)", assumed: unsatisfiable, at: node) }
    }

    /// The anchor a schema declares for `$recursiveRef` ("") or `$dynamicRef` (its name), if any. Both keys
    /// start with `$`, so the scan looks up only such keys (a schema's other keys are the common case).
    private func dynamicAnchorName(_ node: Node) -> String? {
        var dynamic: String?
        for entry in node.entries where entry.keyNode.firstByte == UInt8(ascii: "$") {
            switch entry.keyNode.word(in: SchemaKeyword.table) {
            case .recursiveAnchor: if entry.value.bool == true { return "" }
            case .dynamicAnchor: dynamic = dynamic ?? entry.value.string
            default: break
            }
        }
        return dynamic
    }

    /// A `$dynamicRef`'s initial target, resolved as a `$ref` (no diagnostics: a failure falls back to the
    /// lexical reading), and the anchor name its fragment gives (`nil` for a pointer or no fragment).
    private func staticDynamicTarget(_ text: String, at refNode: Node) -> (Node, String?)? {
        let before = diagnostics.count
        guard let (target, _) = target(ofReference: text, at: refNode) else {
            diagnostics.removeSubrange(before...)
            return nil
        }
        let fragment = URIReference.split(text).fragment
        return (target, fragment.isEmpty || fragment.hasPrefix("/") ? nil : fragment)
    }

    /// After every schema is built, when some `$dynamicRef` is dynamic: each schema's resource root and each
    /// root's `$dynamicAnchor`s, which the validator needs to follow the dynamic scope.
    func assignDynamicScopes() {
        guard usesDynamicScope else { return }
        var rootOf: [String: SchemaID] = [:]
        for (i, schema) in schemas.enumerated() {
            let node = schema.node
            guard node.kind == .mapping else { continue }
            let base = schemaResources.hasIdentifiers(node.tree) ? schemaResources.base(of: node) : schemaResources.base(of: node.tree)
            let root: SchemaID
            if let known = rootOf[base] {
                root = known
            } else if let rootNode = schemaResources.resources[base] ?? node.tree.root, let id = schemaIDs[rootNode] {
                root = id
                rootOf[base] = id
            } else {
                continue
            }
            schema.resourceRoot = root
            if let name = node["$dynamicAnchor"]?.string { schemas[root.index].dynamicAnchors.append((name, SchemaID(i))) }
        }
    }

    private func falseSchema(at node: Node) -> SchemaID {
        let id = SchemaID(schemas.count)
        let s = Schema(node: node)
        s.booleanValue = false
        schemas.append(s)
        return id
    }

    private func types(_ node: Node) -> JSONTypeSet? {
        if node.kind == .sequence {
            if dialect == .openAPI30 { warning("a list of types is an OpenAPI 3.1 feature; read anyway", at: node) }
            var set: JSONTypeSet = []
            for element in node.elements {
                guard stringNode(element, "type") != nil, let t = element.word(in: JSONTypeSet.table) else {
                    if let meant = nearMissType(element) { set.insert(meant); continue }
                    invalid("unknown type \(element.kindDescription); expected one of \(JSONTypeSet.names.map(\.0).joined(separator: ", "))", assumed: "it is not in the list", at: element)
                    continue
                }
                set.insert(t)
            }
            return set
        }
        guard stringNode(node, "type") != nil else { return nil }
        guard let t = node.word(in: JSONTypeSet.table) else {
            if let meant = nearMissType(node) { return meant }
            invalid("unknown type '\(node.text ?? "")'; expected one of \(JSONTypeSet.names.map(\.0).joined(separator: ", "))", assumed: "no type", at: node)
            return nil
        }
        if t == .null && dialect == .openAPI30 { warning("type 'null' is an OpenAPI 3.1 feature; in 3.0 use nullable: true", at: node) }
        return t
    }

    /// A type name whose meaning is clear though it is not a JSON type (`int`, `String`): an understood problem,
    /// read as the type it names.
    private func nearMissType(_ node: Node) -> JSONTypeSet? {
        guard let text = node.text, let meant = JSONTypeSet(nearMiss: text) else { return nil }
        let name = meant.typeNames.first ?? "string"
        invalid("unknown type '\(text)'; expected one of \(JSONTypeSet.names.map(\.0).joined(separator: ", "))", assumed: "'\(name)'", at: node)
        return meant
    }

    private func schemaOrBool(_ node: Node) -> SchemaOrBool<SchemaID> {
        if let b = node.bool { return .bool(b) }
        return .schema(schema(node))
    }

    private func schemaList(_ node: Node, _ what: String) -> [SchemaID] {
        guard isSequence(node, what) else { return [] }
        if node.elements.isEmpty { invalid("'\(what)' must not be empty", assumed: "no '\(what)'", at: node) }
        return node.elements.map(schema)
    }

    private func namedSchemas(_ node: Node, _ what: String) -> [(name: String, schema: SchemaID)] {
        guard isMapping(node, what) else { return [] }
        return node.entries.map { ($0.key, schema($0.value)) }
    }

    /// The schema a discriminator mapping value names: a bare name means a component schema; anything with
    /// '#' or '/' is a reference.
    private func mappedSchema(_ text: String, at node: Node) -> SchemaID? {
        let refText = text.utf8.contains(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "/") }) ? text : "#/components/schemas/\(text)"
        return target(ofReference: refText, at: node).map { schemaLater($0.node) }
    }

    private func discriminator(_ node: Node) -> Discriminator? {
        guard isMapping(node, "discriminator") else { return nil }
        guard let nameNode = node["propertyName"], let name = string(nameNode, "propertyName") else {
            invalid("discriminator is missing required field 'propertyName'", assumed: "no discriminator", at: node)
            return nil
        }
        var result = Discriminator(propertyName: name)
        for entry in node.entries {
            switch entry.key {
            case "propertyName": break
            case "mapping":
                for e in namedEntries(entry.value, "discriminator mapping") {
                    guard let text = string(e.value, "discriminator mapping value") else { continue }
                    result.mapping.append((e.key, text, mappedSchema(text, at: e.value)))
                }
            case "defaultMapping" where version == .v3_2:
                guard let text = string(entry.value, "discriminator defaultMapping") else { continue }
                result.defaultMapping = (text, mappedSchema(text, at: entry.value))
            default: other(entry, in: "discriminator", into: &result.extensions)
            }
        }
        return result
    }
}

extension DocumentBuilder {
    /// The dialect in force at `node`: the nearest enclosing schema's `$schema`, else the document's default.
    /// Only files whose text contains `$schema` are walked (`mentions`, the node's file's, which the caller has).
    func dialect(at node: Node, in mentions: TreeMentions) -> SchemaDialect {
        guard mentions.schema else { return defaultDialect }
        var current = node.id
        var steps = 0
        while current >= 0, steps < 10_000 {
            let ancestor = Node(tree: node.tree, id: current)
            if ancestor.kind == .mapping, let value = ancestor["$schema"], let uri = value.string {
                if let named = SchemaDialect(uri: uri) { return named }
                if reportedDialects.insert(value).inserted {
                    warning("unknown JSON Schema dialect '\(uri)'; read as \(defaultDialect.name)", at: value)
                }
                return defaultDialect
            }
            current = node.tree.records[Int(current)].parent
            steps += 1
        }
        return defaultDialect
    }
}

extension DocumentBuilder {
    /// OpenAPI's XML object; unknown node types are reported and read as elements.
    func xmlNaming(_ node: Node) -> XMLNaming? {
        guard let node = mapping(node, "xml") else { return nil }
        var naming = XMLNaming()
        for entry in node.entries {
            let v = entry.value
            switch entry.key {
            case "name": naming.name = string(v, "xml.name")
            case "namespace": naming.namespace = string(v, "xml.namespace")
            case "prefix": naming.prefix = string(v, "xml.prefix")
            case "wrapped": naming.wrapped = bool(v, "xml.wrapped") ?? false
            case "attribute": if bool(v, "xml.attribute") == true { naming.nodeType = .attribute }
            case "nodeType":
                guard let text = string(v, "xml.nodeType") else { continue }
                if let type = XMLNaming.NodeType(rawValue: text) {
                    naming.nodeType = type
                } else {
                    invalid("xml.nodeType must be element, attribute, text, cdata or none, found '\(text)'", assumed: "element", at: v)
                }
            default: break
            }
        }
        return naming
    }

    /// The `nullable` key of an `allOf` member that only describes and says `nullable: true` — OpenAI's
    /// `allOf: [{$ref: X}, {nullable: true}]`, whose author means "X or null". Inline members are built by now
    /// (`schemaList` builds them in place), so their own reading of `nullable` is asked, not the nodes again.
    private func nullableDescribingMember(of s: Schema) -> Node? {
        for id in s.allOf {
            let member = schemas[id.index]
            guard member.nullableComposition, member.assertsNothing else { continue }
            return member.node.entries.first { $0.keyNode.hasText("nullable") }?.keyNode
        }
        return nil
    }
}
