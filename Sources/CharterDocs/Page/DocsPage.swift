import CharterGenerator
import CharterRuntime
import CharterSpec
import CharterValidation

/// The reference page of one document: overview, operations grouped by tag, schemas, and the data its script
/// renders on demand (schema trees, examples, the search index).
struct DocsPage {
    let document: Document
    let validator: SpecValidator
    let clientName: String
    let calls: [String: ClientCall]
    var catalog: SchemaCatalog
    var examples: ExampleValues
    var exampleTexts: [String] = []
    /// Where each distinct example text is in `exampleTexts` (a shared error body is stored once).
    var exampleSlots: [String: Int] = [:]
    let markdown = MarkdownCache()
    var searchEntries: [JSONValue] = []
    /// What the page could not show (a vendor extension it reads but whose entry is malformed).
    var diagnostics: [Diagnostic] = []
    /// Type labels and constraints: the catalogue's, one for the whole page.
    var facts: SchemaFacts { catalog.facts }

    init(validator: SpecValidator, moduleName: String) {
        document = validator.document
        self.validator = validator
        var options = GeneratorOptions()
        options.moduleName = moduleName
        let translated = Generator.clientCalls(validator.document, options: options)
        clientName = translated.clientName
        calls = Dictionary(translated.calls.map { ($0.operationID, $0) }, uniquingKeysWith: { a, _ in a })
        catalog = SchemaCatalog(document: validator.document, markdown: markdown)
        examples = ExampleValues(validator: validator)
    }

    static func operationAnchor(_ op: Operation) -> String { "operation/" + op.operationId }
    static func schemaAnchor(_ name: String) -> String { "schema/" + name }
    static func tagAnchor(_ tag: String) -> String { "tag/" + (tag.isEmpty ? "untagged" : tag) }

    mutating func render() -> String {
        let outline = TagOutline(document: document)
        diagnostics += outline.diagnostics
        let groups = outline.groups
        var w = HTMLWriter()
        // Nothing but the page's own files runs or loads: an injected inline script or handler is refused even if
        // something got past the Markdown renderer's escaping.
        w.startDocument(title: "\(document.info.title) \(document.info.version) — API reference",
                        policy: "script-src 'self'; style-src 'self'; img-src 'self' data:")
        w.open("link", ["rel": "stylesheet", "href": DocsSite.styleFile])
        w.open("script", ["src": DocsSite.scriptFile, "defer": ""]); w.close("script")
        w.close("head")
        w.open("body")
        header(&w)
        w.open("div", ["class": "layout"])
        navigation(groups, &w)
        w.open("main", ["id": "content"])
        overview(&w)
        for group in groups { section(group, &w) }
        webhooks(&w)
        schemas(&w)
        w.close("main")
        w.close("div")
        let data = "{\"schemas\":" + catalog.json()
            + ",\"examples\":" + JSONValue.array(exampleTexts.map { .string($0) }).jsonText
            + ",\"search\":" + JSONValue.array(searchEntries).jsonText + "}"
        w.trusted("<script type=\"application/json\" id=\"charter-data\">" + HTMLText.scriptJSON(data) + "</script>")
        w.close("body")
        w.close("html")
        return w.html + "\n"
    }

    // MARK: Frame

    private func header(_ w: inout HTMLWriter) {
        w.element("header", ["class": "topbar"]) { w in
            w.element("button", ["class": "menu", "type": "button", "aria-label": "Show navigation"], text: "☰")
            w.element("a", ["class": "brand", "href": "#overview"]) { w in
                w.text(document.info.title)
                w.element("span", ["class": "version"], text: document.info.version)
            }
            w.open("input", ["id": "search", "type": "search", "placeholder": "Search operations and schemas", "autocomplete": "off", "aria-label": "Search"])
            w.element("button", ["id": "theme", "type": "button", "aria-label": "Switch between light and dark"], text: "◐")
        }
        w.element("div", ["id": "search-results", "hidden": ""]) { _ in }
    }

    private mutating func navigation(_ groups: [TagOutline.Group], _ w: inout HTMLWriter) {
        w.open("nav", ["class": "sidebar", "id": "sidebar"])
        w.element("a", ["class": "nav-top", "href": "#overview"], text: "Overview")
        for group in groups {
            if let heading = group.heading { w.element("div", ["class": "nav-heading"], text: heading) }
            w.open("div", ["class": "nav-group depth-\(min(group.depth, 3))"])
            w.element("a", ["class": "nav-tag", "href": "#" + Self.tagAnchor(group.tag)], text: group.title)
            if !group.operations.isEmpty {
                w.element("ul") { w in
                    for op in group.operations {
                        w.element("li") { w in
                            w.element("a", ["href": "#" + Self.operationAnchor(op), "class": op.deprecated ? "deprecated" : nil]) { w in
                                w.element("span", ["class": "method \(op.method.rawValue.lowercased())"], text: op.method.wireName)
                                w.text(op.summary ?? op.path)
                            }
                        }
                    }
                }
            }
            w.close("div")
        }
        if !document.webhooks.isEmpty {
            w.open("div", ["class": "nav-group"])
            w.element("a", ["class": "nav-tag", "href": "#webhooks"], text: "Webhooks")
            w.open("ul")
            for (name, item) in document.webhooks {
                for op in item.operations {
                    w.element("li") { w in
                        w.element("a", ["href": "#" + Self.webhookAnchor(name, op)]) { w in
                            w.element("span", ["class": "method \(op.method.rawValue.lowercased())"], text: op.method.wireName)
                            w.text(op.summary ?? name)
                        }
                    }
                }
            }
            w.close("ul")
            w.close("div")
        }
        if !document.components.schemas.isEmpty {
            w.open("div", ["class": "nav-group"])
            w.element("a", ["class": "nav-tag", "href": "#schemas"], text: "Schemas")
            w.open("ul")
            for (name, _) in document.components.schemas {
                w.element("li") { w in w.element("a", ["href": "#" + Self.schemaAnchor(name)], text: name) }
            }
            w.close("ul")
            w.close("div")
        }
        w.close("nav")
    }

    private mutating func overview(_ w: inout HTMLWriter) {
        w.element("section", ["class": "overview", "id": "overview"]) { w in
            w.element("h1") { w in
                w.text(document.info.title)
                w.element("span", ["class": "version"], text: document.info.version)
            }
            if let summary = document.info.summary { w.element("p", ["class": "lead"], text: summary) }
            // Redoc lets the overview place the security schemes with a comment; otherwise they follow the servers.
            let schemesPlaced = document.info.description.map { prose($0, at: document.info.location, &w, securitySchemes: true) } ?? false
            if !document.servers.isEmpty {
                w.element("h2", text: "Servers")
                w.element("ul", ["class": "servers"]) { w in
                    for server in document.servers {
                        w.element("li") { w in
                            w.element("code", text: server.url)
                            if let d = server.description { w.text(" — "); w.trusted(markdown.inlineHTML(d)) }
                        }
                    }
                }
            }
            if !schemesPlaced && !document.components.securitySchemes.isEmpty {
                w.element("h2", text: "Authentication")
                securitySchemes(&w)
            }
        }
    }

    func securitySchemes(_ w: inout HTMLWriter) {
        guard !document.components.securitySchemes.isEmpty else { return }
        w.element("dl", ["class": "schemes"]) { w in
            for (name, scheme) in document.components.securitySchemes {
                w.element("dt") { w in
                    w.element("code", text: name)
                    if scheme.deprecated { w.element("span", ["class": "badge deprecated"], text: "deprecated") }
                }
                w.element("dd") { w in
                    w.text(Self.schemeSummary(scheme))
                    if let d = scheme.description { w.element("div", ["class": "md"]) { $0.trusted(markdown.html(d)) } }
                }
            }
        }
    }

    static func schemeSummary(_ scheme: SecurityScheme) -> String {
        switch scheme.kind {
        case .apiKey(let name, let location): "API key in the \(location.rawValue) \(location == .header ? "field" : "parameter") \(name)"
        case .http(let s, let format): s.lowercased() == "bearer" ? "Bearer token" + (format.map { " (\($0))" } ?? "") + " in the Authorization header" : "HTTP \(s) authentication"
        case .oauth2(let flows): "OAuth 2.0 (\(flows.count) flow\(flows.count == 1 ? "" : "s"))"
        case .openIdConnect(let url): "OpenID Connect (\(url))"
        case .mutualTLS: "Mutual TLS: a client certificate"
        }
    }

    // MARK: Sections

    private mutating func section(_ group: TagOutline.Group, _ w: inout HTMLWriter) {
        w.open("section", ["class": "tag depth-\(min(group.depth, 3))", "id": Self.tagAnchor(group.tag)])
        w.element("h2", text: group.title)
        if let d = group.description { prose(d, at: group.location, &w) }
        for op in group.operations { operation(op, &w) }
        w.close("section")
    }

    /// The index of `value`'s text in the page's examples, added once.
    mutating func exampleSlot(_ value: JSONValue) -> Int { exampleSlot(text: ExampleText.pretty(value)) }

    /// The index of an example already written as text (an XML document).
    mutating func exampleSlot(text: String) -> Int {
        if let slot = exampleSlots[text] { return slot }
        exampleTexts.append(text)
        exampleSlots[text] = exampleTexts.count - 1
        return exampleTexts.count - 1
    }

    static func webhookAnchor(_ name: String, _ op: Operation) -> String { "webhook/\(name)/\(op.method.rawValue)" }

    /// 3.1 webhooks: requests the API sends to its users' servers, shown as operations without client samples.
    private mutating func webhooks(_ w: inout HTMLWriter) {
        guard !document.webhooks.isEmpty else { return }
        w.open("section", ["class": "tag", "id": "webhooks"])
        w.element("h2", text: "Webhooks")
        w.element("p", ["class": "lead"], text: "Requests this API sends to a server of yours; your server answers them.")
        for (name, item) in document.webhooks {
            for op in item.operations { operation(op, anchor: Self.webhookAnchor(name, op), title: name, label: "webhook \(name)", &w) }
        }
        w.close("section")
    }

    private mutating func schemas(_ w: inout HTMLWriter) {
        guard !document.components.schemas.isEmpty else { return }
        w.open("section", ["class": "schemas", "id": "schemas"])
        w.element("h2", text: "Schemas")
        for (name, id) in document.components.schemas {
            let index = catalog.include(id)
            searchEntries.append(.array([.string("schema"), .string(name), .string(Self.schemaAnchor(name)), .string(document[id].title ?? "")]))
            w.element("article", ["class": "schema", "id": Self.schemaAnchor(name)]) { w in
                w.element("h3") { w in
                    w.element("a", ["class": "anchor", "href": "#" + Self.schemaAnchor(name)], text: name)
                    w.element("span", ["class": "type"], text: facts.typeLabel(id))
                }
                w.element("div", ["class": "tree", "data-schema": String(index), "data-open": "1"]) { _ in }
                // The schema's own example is in its tree; one is drawn where it has none.
                if document[document.resolved(id)].examples.isEmpty, let (value, _) = examples.value(for: id, document: document, request: false) {
                    let slot = exampleSlot(value)
                    w.element("details", ["class": "example", "data-example": String(slot)]) { w in
                        w.element("summary", text: "Example (drawn from the schema)")
                    }
                }
            }
        }
        w.close("section")
    }
}
