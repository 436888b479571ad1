/// The top level: version detection, info, servers, tags, components and paths.
extension DocumentBuilder {
    /// The minor version of an OpenAPI `3.x` or `3.x.y` later than 3.2, or `nil`.
    static func laterMinorVersion(_ text: String) -> Int? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts[0] == "3", let minor = Int(parts[1]), minor > 2,
              parts.count == 2 || parts[2].allSatisfy(\.isNumber) || parts[2].contains("-") else { return nil }
        return minor
    }

    func buildDocument(_ tree: SpecTree) -> Document? {
        guard let root = tree.root else {
            diagnostics.append(Diagnostic(.error, "the file is empty; expected an OpenAPI document", at: SourceLocation(file: tree.path, line: 1, column: 1)))
            return nil
        }
        guard let root = mapping(root, "an OpenAPI document") else { return nil }
        swagger2Origin = tree.swagger2
        if let swagger = root["swagger"], root["openapi"] == nil {
            error("Swagger \(swagger.text ?? "") documents are not read; Charter reads Swagger 2.0 and OpenAPI 3.0, 3.1 and 3.2", at: swagger)
            return nil
        }
        guard let openapiNode = root["openapi"] else {
            error("not an OpenAPI document: the top-level field 'openapi' (e.g. \"3.1.0\") is missing", at: root)
            return nil
        }
        guard let openapi = string(openapiNode, "'openapi'") else { return nil }
        if openapi.hasPrefix("3.0.") || openapi == "3.0" {
            version = .v3_0
        } else if openapi.hasPrefix("3.1.") || openapi == "3.1" {
            version = .v3_1
        } else if openapi.hasPrefix("3.2.") || openapi == "3.2" {
            version = .v3_2
        } else if let minor = Self.laterMinorVersion(openapi) {
            // A later 3.x keeps 3.2's meaning for everything 3.2 defines (minor versions only add).
            version = .v3_2
            warning("OpenAPI \(openapi) is newer than this Charter knows (3.2); read as 3.2, and fields 3.\(minor) added are reported as unknown", at: openapiNode)
        } else {
            error("unsupported OpenAPI version '\(openapi)'; Charter reads Swagger 2.0 and OpenAPI 3.0.x, 3.1.x and 3.2.x", at: openapiNode)
            return nil
        }

        var document = Document(openapi: openapi, version: version,
                                info: Info(title: "", version: "", location: root.location), location: root.location)
        defaultDialect = SchemaDialect.default(for: version)
        dialect = defaultDialect
        var pathsNode: Node?
        var webhooksNode: Node?
        var xWebhooksNode: Node?
        var securityNode: Node?
        for entry in root.entries {
            let value = entry.value
            switch entry.key {
            case "openapi": break
            case "info": if let info = buildInfo(value) { document.info = info }
            case "jsonSchemaDialect" where version != .v3_0:
                document.jsonSchemaDialect = string(value, "jsonSchemaDialect")
                if let uri = document.jsonSchemaDialect {
                    if let named = SchemaDialect(uri: uri) {
                        defaultDialect = named
                        dialect = named
                    } else {
                        warning("unknown JSON Schema dialect '\(uri)'; schemas are read as \(defaultDialect.name)", at: value)
                    }
                }
            case "$self" where version == .v3_2: document.selfURI = string(value, "$self")
            case "servers": document.servers = buildServers(value)
            case "paths": pathsNode = value
            case "webhooks": webhooksNode = value
            case "components": break
            case "security": securityNode = value
            case "tags": document.tags = buildTags(value)
            case "externalDocs": document.externalDocs = buildExternalDocs(value)
            case "x-webhooks":
                xWebhooksNode = value
                other(entry, in: "the document", into: &document.extensions)
            default: other(entry, in: "the document", into: &document.extensions)
            }
        }
        if root["info"] == nil { invalid("the document is missing required field 'info'", assumed: "an empty title and version", at: root) }
        if version == .v3_0 && pathsNode == nil { invalid("the document is missing required field 'paths'", assumed: "no paths", at: root) }
        if version != .v3_0 && pathsNode == nil && webhooksNode == nil && root["components"] == nil {
            invalid("the document needs at least one of 'paths', 'webhooks' or 'components'", assumed: "an empty API", at: root)
        }
        if let webhooksNode, version == .v3_0 {
            warning("'webhooks' is an OpenAPI 3.1 field; read anyway", at: webhooksNode)
        }
        // Components first, so component schemas get the lowest ids in declaration order.
        if let components = root["components"] { document.components = buildComponents(components) }
        // After the components, so a 3.2 requirement naming a scheme by URI finds the component it means.
        schemeComponents = Dictionary(document.components.securitySchemes.map { ($0.value.location, $0.name) }, uniquingKeysWith: { a, _ in a })
        if let securityNode { document.security = buildSecurityRequirements(securityNode) }
        if let pathsNode { document.paths = buildPaths(pathsNode) }
        if let webhooksNode {
            var ignored: Extensions = [:]
            for entry in namedEntries(webhooksNode, "webhooks", extensions: &ignored) {
                if let item = buildPathItemResolving(entry.value, path: entry.key) { document.webhooks.append((entry.key, item)) }
            }
        }
        if let xWebhooksNode { readXWebhooks(xWebhooksNode, into: &document) }
        drainSchemaQueue()
        assignDynamicScopes()
        renameDuplicateOperationIds(&document)
        document.components.securitySchemes += schemesByURI
        checkSecurityUses(document.components)
        document.schemas = schemas
        return document
    }

    private func buildInfo(_ node: Node) -> Info? {
        guard let node = mapping(node, "info") else { return nil }
        var info = Info(title: "", version: "", location: node.location)
        for entry in node.entries {
            let v = entry.value
            switch entry.key {
            case "title": info.title = string(v, "info.title") ?? ""
            case "version": info.version = string(v, "info.version") ?? ""
            case "summary": info.summary = string(v, "info.summary")
            case "description": info.description = string(v, "info.description")
            case "termsOfService": info.termsOfService = string(v, "info.termsOfService")
            case "contact":
                guard let v = mapping(v, "info.contact") else { continue }
                var contact = Contact()
                for e in v.entries {
                    switch e.key {
                    case "name": contact.name = string(e.value, "contact.name")
                    case "url": contact.url = string(e.value, "contact.url")
                    case "email": contact.email = string(e.value, "contact.email")
                    default: other(e, in: "info.contact", into: &contact.extensions)
                    }
                }
                info.contact = contact
            case "license":
                guard let v = mapping(v, "info.license") else { continue }
                var license = License(name: "")
                for e in v.entries {
                    switch e.key {
                    case "name": license.name = string(e.value, "license.name") ?? ""
                    case "identifier": license.identifier = string(e.value, "license.identifier")
                    case "url": license.url = string(e.value, "license.url")
                    default: other(e, in: "info.license", into: &license.extensions)
                    }
                }
                require(["name"], in: v, "info.license")
                info.license = license
            default: other(entry, in: "info", into: &info.extensions)
            }
        }
        require(["title", "version"], in: node, "info")
        return info
    }

    func buildServers(_ node: Node) -> [Server] {
        guard let node = sequence(node, "servers") else { return [] }
        return node.elements.compactMap(buildServer)
    }

    func buildServer(_ element: Node) -> Server? {
            guard let element = mapping(element, "a server") else { return nil }
            var server = Server(url: "", location: element.location)
            for entry in element.entries {
                switch entry.key {
                case "url": server.url = string(entry.value, "server.url") ?? ""
                case "name" where version == .v3_2: server.name = string(entry.value, "server.name")
                case "description": server.description = string(entry.value, "server.description")
                case "variables":
                    for variable in namedEntries(entry.value, "server.variables") {
                        guard let value = mapping(variable.value, "a server variable") else { continue }
                        var sv = ServerVariable(defaultValue: "")
                        for e in value.entries {
                            switch e.key {
                            case "default": sv.defaultValue = string(e.value, "server variable default") ?? ""
                            case "enum": sv.enumValues = strings(e.value, "server variable enum")
                            case "description": sv.description = string(e.value, "server variable description")
                            default: other(e, in: "a server variable", into: &sv.extensions)
                            }
                        }
                        require(["default"], in: value, "server variable '\(variable.key)'")
                        server.variables.append((variable.key, sv))
                    }
                default: other(entry, in: "a server", into: &server.extensions)
                }
            }
            require(["url"], in: element, "a server")
            return server
    }

    private func buildTags(_ node: Node) -> [Tag] {
        guard let node = sequence(node, "tags") else { return [] }
        var tags = node.elements.compactMap { element -> Tag? in
            guard let element = mapping(element, "a tag") else { return nil }
            var tag = Tag(name: "", location: element.location)
            for entry in element.entries {
                switch entry.key {
                case "name": tag.name = string(entry.value, "tag.name") ?? ""
                case "description": tag.description = string(entry.value, "tag.description")
                case "externalDocs": tag.externalDocs = buildExternalDocs(entry.value)
                case "summary" where version == .v3_2: tag.summary = string(entry.value, "tag.summary")
                case "parent" where version == .v3_2: tag.parent = string(entry.value, "tag.parent")
                case "kind" where version == .v3_2: tag.kind = string(entry.value, "tag.kind")
                default: other(entry, in: "a tag", into: &tag.extensions)
                }
            }
            require(["name"], in: element, "a tag")
            return tag
        }
        checkTagParents(&tags, node)
        return tags
    }

    /// 3.2 tag `parent`s must name a declared tag and must not loop; either way the tag is read as top-level.
    private func checkTagParents(_ tags: inout [Tag], _ node: Node) {
        let index = Dictionary(tags.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { first, _ in first })
        for i in tags.indices {
            guard let parent = tags[i].parent else { continue }
            let at = tags.count == node.elements.count ? (node.elements[i]["parent"] ?? node.elements[i]) : node
            guard index[parent] != nil else {
                invalid("tag '\(tags[i].name)' names parent '\(parent)', which no tag declares", assumed: "a top-level tag", at: at)
                tags[i].parent = nil
                continue
            }
            var seen: Set<String> = [tags[i].name]
            var current = parent
            while let j = index[current], let next = tags[j].parent, seen.insert(current).inserted {
                current = next
            }
            if current == tags[i].name {
                invalid("tag '\(tags[i].name)' is its own ancestor through 'parent'", assumed: "a top-level tag", at: at)
                tags[i].parent = nil
            }
        }
    }

    func buildExternalDocs(_ node: Node) -> ExternalDocs? {
        guard let node = mapping(node, "externalDocs") else { return nil }
        var docs = ExternalDocs(url: "")
        for entry in node.entries {
            switch entry.key {
            case "url": docs.url = string(entry.value, "externalDocs.url") ?? ""
            case "description": docs.description = string(entry.value, "externalDocs.description")
            default: other(entry, in: "externalDocs", into: &docs.extensions)
            }
        }
        require(["url"], in: node, "externalDocs")
        return docs
    }

    private func buildComponents(_ node: Node) -> Components {
        var components = Components()
        guard let node = mapping(node, "components") else { return components }
        for entry in node.entries {
            let section = entry.value
            switch entry.key {
            case "schemas":
                for e in namedEntries(section, "components.schemas") {
                    checkComponentName(e)
                    components.schemas.append((e.key, schema(e.value)))
                }
            case "responses":
                components.responses = named(section, "components.responses", kind: "responses", "response") { buildResponse($0, statusCode: "") }
            case "parameters":
                components.parameters = named(section, "components.parameters", kind: "parameters", "parameter", build: buildParameter)
            case "examples":
                components.examples = named(section, "components.examples", kind: "examples", "example", build: buildExample)
            case "requestBodies":
                components.requestBodies = named(section, "components.requestBodies", kind: "requestBodies", "request body", build: buildRequestBody)
            case "headers":
                components.headers = named(section, "components.headers", kind: "headers", "header", build: buildHeader)
            case "securitySchemes":
                components.securitySchemes = named(section, "components.securitySchemes", kind: "securitySchemes", "security scheme", build: buildSecurityScheme)
            case "links":
                components.links = named(section, "components.links", kind: "links", "link", build: buildLink)
            case "callbacks":
                components.callbacks = named(section, "components.callbacks", kind: "callbacks", "callback", build: buildCallback)
            case "pathItems":
                for e in namedEntries(section, "components.pathItems") {
                    checkComponentName(e)
                    if var item = buildPathItemResolving(e.value, path: e.key) {
                        item.componentName = e.key
                        components.pathItems.append((e.key, item))
                    }
                }
            case "mediaTypes" where version == .v3_2:
                for e in namedEntries(section, "components.mediaTypes") {
                    checkComponentName(e)
                    if let media = buildMediaType(e.value, mediaType: nil) { components.mediaTypes.append((e.key, media)) }
                }
            default: other(entry, in: "components", into: &components.extensions)
            }
        }
        return components
    }

    /// Builds each entry of a components section through the shared `$ref` mechanism.
    private func named<T>(_ section: Node, _ what: String, kind: String, _ noun: String, build: (Node) -> T?) -> [(name: String, value: T)] {
        var result: [(name: String, value: T)] = []
        for e in namedEntries(section, what) {
            checkComponentName(e)
            if let (value, _) = resolved(e.value, kind: kind, noun, build: build) {
                result.append((e.key, value))
            }
        }
        return result
    }

    private func checkComponentName(_ entry: MappingEntry) {
        // On bytes: the allowed set is ASCII (Unicode properties per scalar were 1% of a large spec's load).
        let allowed = entry.key.utf8.allSatisfy { b in
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"): true
            default: false
            }
        }
        if !allowed {
            warning("component name '\(entry.key)' should match ^[a-zA-Z0-9.\\-_]+$", at: entry.keyNode)
        }
    }

    private func buildPaths(_ node: Node) -> [PathItem] {
        // `paths: {$ref: other.yaml}` appears in real specs, though the standard does not allow it.
        guard let pathsNode = mapping(node, "paths") else { return [] }
        var items: [PathItem] = []
        for entry in pathsNode.entries {
            if entry.isExtension { continue }
            var path = entry.key
            if !path.hasPrefix("/") {
                invalid("path '\(path)' must start with '/'", assumed: "'/\(path)'", at: entry.keyNode)
                path = "/" + path
            }
            if var item = buildPathItemResolving(entry.value, path: path) {
                // Only `paths` keys are templates (callbacks and webhooks are keyed by expressions and names).
                let template = SpecLint.templateParameters(path)
                for i in item.operations.indices where !template.isEmpty || item.operations[i].parameters.contains(where: { $0.location == .path }) {
                    repairPathParameters(&item.operations[i], template: template, path: path)
                }
                items.append(item)
            }
        }
        return items
    }
}
