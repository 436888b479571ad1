import CharterGenerator
import CharterRuntime
import CharterSpec
import CharterValidation

extension DocsPage {
    /// An operation's article. A webhook or callback passes its own anchor, its name (the heading when it has no
    /// summary) and what stands where a path would (`webhook name`, a callback's URL expression); it has no client
    /// call or curl line but the generated receiver's sample.
    mutating func operation(_ op: Operation, anchor: String? = nil, title: String? = nil, label: String? = nil, _ w: inout HTMLWriter) {
        let id = anchor ?? Self.operationAnchor(op)
        searchEntries.append(.array([.string(op.method.wireName), .string(label ?? op.path), .string(id),
                                     .string(op.summary ?? title ?? ""), .string(op.operationId)]))
        w.open("article", ["class": "operation" + (op.deprecated ? " is-deprecated" : ""), "id": id])
        w.element("h3") { w in
            w.element("a", ["class": "anchor", "href": "#" + id], text: op.summary ?? title ?? op.operationId)
            if op.deprecated { w.element("span", ["class": "badge deprecated"], text: "deprecated") }
        }
        w.element("div", ["class": "endpoint"]) { w in
            w.element("span", ["class": "method \(op.method.rawValue.lowercased())"], text: op.method.wireName)
            w.element("code", ["class": "path"], text: label ?? op.path)
            w.element("span", ["class": "operation-id"], text: op.operationId)
        }
        if op.deprecated {
            var notice = "Deprecated: clients should move off this operation."
            if let sunset = op.extensions["x-sunset"]?.text { notice += " It is removed after \(sunset)." }
            w.element("p", ["class": "notice deprecated"], text: notice)
        }
        if let d = op.description { w.element("div", ["class": "md"]) { $0.trusted(markdown.html(d)) } }
        // A webhook has only its own security: the document's is how callers reach the API (ContractBuilder).
        security(op, inherited: anchor == nil ? document.security : nil, &w)
        parameters(op, &w)
        if let body = op.requestBody { requestBody(body, &w) }
        responses(op, &w)
        if anchor == nil { samples(op, &w) } else { receiverSample(op, &w) }
        if anchor == nil { callbacks(op, &w) }
        w.close("article")
    }

    static func callbackAnchor(_ parent: Operation, _ name: String, _ position: Int, _ op: Operation) -> String {
        "callback/\(parent.operationId)/\(name)/\(position)/\(op.method.rawValue)"
    }

    /// The requests an operation makes the API send later, to the URL its expression reads from the request
    /// (`{$request.body#/callbackUrl}`): each shown as a webhook is, inside the operation that subscribes to it.
    /// (A callback's own callbacks are not shown: nothing generates code for them either.)
    private mutating func callbacks(_ op: Operation, _ w: inout HTMLWriter) {
        guard !op.callbacks.isEmpty else { return }
        w.open("section", ["class": "callbacks"])
        w.element("h4", text: "Callbacks")
        w.element("p", ["class": "lead"], text: "Requests this API sends later to the URL the request gives; your server answers them.")
        for (name, callback) in op.callbacks {
            for (position, expression) in callback.expressions.enumerated() {
                for callbackOperation in expression.operations {
                    operation(callbackOperation, anchor: Self.callbackAnchor(op, name, position, callbackOperation), title: name,
                              label: expression.path, &w)
                }
            }
        }
        w.close("section")
    }

    private func security(_ op: Operation, inherited: [CharterSpec.SecurityRequirement]?, _ w: inout HTMLWriter) {
        guard let requirements = op.security ?? inherited else { return }
        w.element("p", ["class": "security"]) { w in
            w.element("strong", text: "Authentication: ")
            if requirements.isEmpty || requirements.contains(where: { $0.schemes.isEmpty }) && requirements.count == 1 {
                w.text("none")
                return
            }
            for (i, requirement) in requirements.enumerated() {
                if i > 0 { w.text(" or ") }
                if requirement.schemes.isEmpty { w.text("none"); continue }
                for (j, scheme) in requirement.schemes.enumerated() {
                    if j > 0 { w.text(" and ") }
                    w.element("code", text: scheme.name)
                    if !scheme.scopes.isEmpty { w.text(" (" + scheme.scopes.joined(separator: ", ") + ")") }
                }
            }
        }
    }

    private func parameters(_ op: Operation, _ w: inout HTMLWriter) {
        guard !op.parameters.isEmpty else { return }
        w.element("h4", text: "Parameters")
        w.open("table", ["class": "params"])
        w.trusted("<thead><tr><th>Name</th><th>In</th><th>Type</th><th>Description</th></tr></thead><tbody>")
        for p in op.parameters {
            w.open("tr", ["class": p.deprecated ? "deprecated" : nil])
            w.element("td") { w in
                w.element("code", text: p.name)
                if p.required { w.element("span", ["class": "required", "title": "required"], text: "required") }
                if p.deprecated { w.element("span", ["class": "badge deprecated"], text: "deprecated") }
            }
            w.element("td", text: p.location.rawValue)
            let schema = p.schema ?? p.content.first?.schema
            w.element("td") { w in
                w.element("span", ["class": "type"], text: schema.map { facts.typeLabel($0) } ?? "string")
                var notes = schema.map { facts.constraints($0) } ?? []
                if let media = p.content.first?.mediaType { notes.insert("as \(media)", at: 0) }
                if let style = Self.styleNote(p) { notes.append(style) }
                if p.allowEmptyValue { notes.append("may be empty") }
                for note in notes { w.element("span", ["class": "constraint"], text: note) }
            }
            w.element("td") { w in if let d = p.description { w.trusted(markdown.html(d)) } }
            w.close("tr")
        }
        w.trusted("</tbody>")
        w.close("table")
    }

    /// A body value as its media type carries it, by the coding the validator gives the media type: an XML body as the
    /// document its schema lays out (a string is the document itself), text as itself, anything else as JSON.
    func bodyText(_ value: JSONValue, for media: MediaType, pretty: Bool) -> String {
        switch ContentRules.coding(media, in: document) {
        case .xml:
            if case .string(let text) = value { return text }
            return XMLWriting(schemas: validator.schemas.schemas).document(value, schema: media.schema?.index)
        case .text:
            return Self.plainText(value)
        default:
            return pretty ? ExampleText.pretty(value) : value.jsonText
        }
    }

    /// The serialisation when it is not the location's default (`style: deepObject`, `explode: false`).
    static func styleNote(_ p: Parameter) -> String? {
        let defaultStyle: ParameterStyle = p.location == .query || p.location == .cookie ? .form : .simple
        let defaultExplode = p.style == .form
        var parts: [String] = []
        if p.style != defaultStyle { parts.append("style: \(p.style.rawValue)") }
        if p.explode != defaultExplode { parts.append("explode: \(p.explode)") }
        if p.allowReserved { parts.append("reserved characters allowed") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    private mutating func requestBody(_ body: RequestBody, _ w: inout HTMLWriter) {
        w.element("h4") { w in
            w.text("Request body")
            w.element("span", ["class": body.required ? "required" : "optional"], text: body.required ? "required" : "optional")
        }
        if let d = body.description { w.element("div", ["class": "md"]) { $0.trusted(markdown.html(d)) } }
        for media in body.content { content(media, request: true, &w) }
    }

    private mutating func responses(_ op: Operation, _ w: inout HTMLWriter) {
        guard !op.responses.isEmpty else { return }
        w.element("h4", text: "Responses")
        for response in op.responses {
            let kind = response.statusCode.first.map { "s\($0)" } ?? "sd"
            w.open("div", ["class": "response \(response.statusCode == "default" ? "sd" : kind)"])
            w.element("div", ["class": "status"]) { w in
                w.element("span", ["class": "code"], text: response.statusCode)
                w.trusted(markdown.inlineHTML(response.summary ?? response.description))
            }
            if response.summary != nil, !response.description.isEmpty { w.element("div", ["class": "md"]) { $0.trusted(markdown.html(response.description)) } }
            if !response.headers.isEmpty {
                w.open("table", ["class": "params headers"])
                w.trusted("<thead><tr><th>Header</th><th>Type</th><th>Description</th></tr></thead><tbody>")
                for (name, header) in response.headers {
                    w.element("tr") { w in
                        w.element("td") { w in
                            w.element("code", text: name)
                            if header.required { w.element("span", ["class": "required"], text: "required") }
                        }
                        let schema = header.schema ?? header.content.first?.schema
                        w.element("td") { w in
                            w.element("span", ["class": "type"], text: schema.map { facts.typeLabel($0) } ?? "string")
                            for note in schema.map({ facts.constraints($0) }) ?? [] { w.element("span", ["class": "constraint"], text: note) }
                        }
                        w.element("td") { w in if let d = header.description { w.trusted(markdown.html(d)) } }
                    }
                }
                w.trusted("</tbody>")
                w.close("table")
            }
            for media in response.content { content(media, request: false, &w) }
            w.close("div")
        }
    }

    private mutating func content(_ media: MediaType, request: Bool, _ w: inout HTMLWriter) {
        w.open("div", ["class": "media"])
        w.element("div", ["class": "media-type"]) { w in
            w.element("code", text: media.mediaType)
            if let schema = media.schema { w.element("span", ["class": "type"], text: facts.typeLabel(schema)) }
            if media.itemSchema != nil { w.element("span", ["class": "constraint"], text: "a sequence of items") }
        }
        if let schema = media.schema ?? media.itemSchema {
            let index = catalog.include(schema)
            w.element("div", ["class": "tree", "data-schema": String(index)]) { _ in }
        }
        if let (value, drawn) = examples.value(for: media, document: document, request: request) {
            let slot = exampleSlot(text: bodyText(value, for: media, pretty: true))
            w.element("details", ["class": "example", "data-example": String(slot)]) { w in
                w.element("summary", text: drawn ? "Example (drawn from the schema)" : "Example")
            }
        }
        w.close("div")
    }
}
