/// Path items, operations, parameters, bodies, responses and the objects they hold.
extension DocumentBuilder {
    func buildPathItemResolving(_ node: Node, path: String) -> PathItem? {
        guard case (var item, let name)? = resolved(node, kind: "pathItems", "path item", build: { buildPathItem($0, path: path) }) else { return nil }
        item.path = path
        item.componentName = name
        for i in item.operations.indices { item.operations[i].path = path }
        return item
    }

    private func buildPathItem(_ node: Node, path: String) -> PathItem? {
        guard let node = mapping(node, "a path item") else { return nil }
        var item = PathItem(path: path, location: node.location)
        var operationNodes: [(HTTPMethod, MappingEntry)] = []
        for entry in node.entries {
            if let method = HTTPMethod(rawValue: entry.key), method != .query || version == .v3_2 {
                operationNodes.append((method, entry))
                continue
            }
            switch entry.key {
            case "summary": item.summary = string(entry.value, "path item summary")
            case "description": item.description = string(entry.value, "path item description")
            case "servers": item.servers = buildServers(entry.value)
            case "parameters": item.parameters = buildParameterList(entry.value)
            case "additionalOperations" where version == .v3_2:
                for (method, operation) in additionalOperations(entry.value) { operationNodes.append((method, operation)) }
            default: other(entry, in: "path item '\(path)'", into: &item.extensions)
            }
        }
        for (method, entry) in operationNodes {
            if let operation = buildOperation(entry.value, method: method, path: path, inherited: item.parameters) {
                item.operations.append(operation)
            }
        }
        return item
    }

    /// 3.2 `additionalOperations`: methods the fixed fields do not name. A standard method here (in any case) is
    /// an error, since the fixed field is where it belongs and two operations would claim it.
    private func additionalOperations(_ node: Node) -> [(HTTPMethod, MappingEntry)] {
        guard let node = mapping(node, "additionalOperations") else { return [] }
        var result: [(HTTPMethod, MappingEntry)] = []
        for entry in node.entries {
            let name = entry.key
            if HTTPMethod(rawValue: name.lowercased()) != nil {
                invalid("'\(name)' is a standard method; write it as the path item's '\(name.lowercased())' field, not under additionalOperations",
                        assumed: "this operation is left out", at: entry.keyNode)
            } else if name.isEmpty || !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "!#$%&'*+-.^_`|~".contains($0)) }) {
                invalid("'\(name)' is not an HTTP method name (a token of letters, digits and !#$%&'*+-.^_`|~)",
                        assumed: "this operation is left out", at: entry.keyNode)
            } else {
                result.append((HTTPMethod(custom: name), entry))
            }
        }
        return result
    }

    private func buildOperation(_ node: Node, method: HTTPMethod, path: String, inherited: [Parameter]) -> Operation? {
        guard let node = mapping(node, "operation \(method.wireName) \(path)") else { return nil }
        // The synthesized id is filled in after the loop, and only when the operation declares none.
        var operation = Operation(method: method, path: path, operationId: "", operationIdSynthesized: true, location: node.location)
        var own: [Parameter] = []
        for entry in node.entries {
            let v = entry.value
            switch entry.key {
            case "operationId":
                if let id = string(v, "operationId") {
                    operation.operationId = id
                    operation.operationIdSynthesized = false
                }
            case "summary": operation.summary = string(v, "operation summary")
            case "description": operation.description = string(v, "operation description")
            case "tags": operation.tags = strings(v, "operation tags")
            case "parameters": own = buildParameterList(v)
            case "requestBody":
                if let (body, name) = resolved(v, kind: "requestBodies", "request body", build: buildRequestBody) {
                    operation.requestBody = body
                    operation.requestBody?.componentName = name
                }
            case "responses": operation.responses = buildResponses(v)
            case "callbacks":
                for e in namedEntries(v, "callbacks") {
                    if let (callback, name) = resolved(e.value, kind: "callbacks", "callback", build: buildCallback) {
                        var c = callback
                        c.componentName = name
                        operation.callbacks.append((e.key, c))
                    }
                }
            case "deprecated": operation.deprecated = bool(v, "deprecated") ?? false
            case "security": operation.security = buildSecurityRequirements(v)
            case "servers": operation.servers = buildServers(v)
            case "externalDocs": operation.externalDocs = buildExternalDocs(v)
            default: other(entry, in: "operation \(method.wireName) \(path)", into: &operation.extensions)
            }
        }
        if operation.operationIdSynthesized {
            operation.operationId = Self.synthesizedOperationId(method: method, path: path)
        }
        if node["responses"] == nil && version == .v3_0 {
            invalid("operation \(operation.displayName) is missing required field 'responses'",
                    assumed: "no documented response (every status is undocumented)", at: node)
        }
        // Operation-level parameters override path-level ones with the same name and location.
        let overridden = Set(own.map(\.matchKey))
        operation.parameters = inherited.filter { !overridden.contains($0.matchKey) } + own
        let whole = operation.parameters.filter { $0.location == .querystring }
        if whole.count > 1 {
            invalid("\(operation.displayName) has \(whole.count) querystring parameters; the query string is one value",
                    assumed: "the first, '\(whole[0].name)'", at: node)
            let extra = Set(whole.dropFirst().map(\.matchKey))
            operation.parameters.removeAll { extra.contains($0.matchKey) }
        }
        if !whole.isEmpty, let query = operation.parameters.first(where: { $0.location == .query }) {
            invalid("\(operation.displayName) has a querystring parameter and query parameter '\(query.name)'; 3.2 allows one or the other",
                    assumed: "both are read from the same query string", at: node)
        }
        return operation
    }

    /// A stable operationId from method and path: `GET /users/{user_id}` → `getUsersByUserId`.
    static func synthesizedOperationId(method: HTTPMethod, path: String) -> String {
        var id = method.rawValue.lowercased().filter { $0.isLetter || $0.isNumber }
        for segment in path.split(separator: "/") {
            var words = segment.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            if segment.hasPrefix("{") { words.insert("by", at: 0) }
            for word in words {
                id += word.prefix(1).uppercased() + word.dropFirst()
            }
        }
        return id
    }

    private func buildParameterList(_ node: Node) -> [Parameter] {
        guard let node = sequence(node, "parameters") else { return [] }
        var result: [Parameter] = []
        var seen: [String: Node] = [:]
        for element in node.elements {
            guard let (parameter, name) = resolved(element, kind: "parameters", "parameter", build: buildParameter) else { continue }
            if seen[parameter.matchKey] != nil {
                invalid("duplicate parameter '\(parameter.name)' in \(parameter.location.rawValue)", assumed: "the first one", at: element)
                continue
            }
            seen[parameter.matchKey] = element
            var p = parameter
            p.componentName = name
            result.append(p)
        }
        return result
    }

    func buildParameter(_ node: Node) -> Parameter? {
        guard let node = mapping(node, "a parameter") else { return nil }
        guard let nameNode = node["name"], let name = string(nameNode, "parameter name") else {
            error("a parameter is missing required field 'name'", at: node)
            return nil
        }
        guard let inNode = node["in"], let inText = string(inNode, "parameter 'in'") else {
            error("parameter '\(name)' is missing required field 'in'", at: node)
            return nil
        }
        guard let location = ParameterLocation(rawValue: inText), location != .querystring || version == .v3_2 else {
            error("parameter '\(name)': 'in' must be one of path, query, header, cookie\(version == .v3_2 ? ", querystring" : ""); found '\(inText)'", at: inNode)
            return nil
        }
        let defaultStyle: ParameterStyle = (location == .query || location == .cookie) ? .form : .simple
        var parameter = Parameter(name: name, location: location, required: false, style: defaultStyle,
                                  explode: defaultStyle == .form, sourceLocation: node.location)
        var explicitExplode: Bool?
        for entry in node.entries {
            let v = entry.value
            switch entry.key {
            case "name", "in": break
            case "description": parameter.description = string(v, "parameter description")
            case "required": parameter.required = bool(v, "required") ?? false
            case "deprecated": parameter.deprecated = bool(v, "deprecated") ?? false
            case "allowEmptyValue": parameter.allowEmptyValue = bool(v, "allowEmptyValue") ?? false
            case "style":
                guard let text = string(v, "style") else { continue }
                guard let style = ParameterStyle(rawValue: text) else {
                    invalid("parameter '\(name)': unknown style '\(text)'", assumed: "'\(defaultStyle.rawValue)', the default for \(location.rawValue) parameters", at: v)
                    continue
                }
                let allowed = Self.allowedStyles(location, version: version)
                if !allowed.contains(style) {
                    invalid("parameter '\(name)': style '\(text)' is not allowed for \(location.rawValue) parameters (allowed: \(allowed.map(\.rawValue).joined(separator: ", ")))",
                            assumed: "'\(defaultStyle.rawValue)', the default for \(location.rawValue) parameters", at: v)
                    continue
                }
                parameter.style = style
            case "explode": explicitExplode = bool(v, "explode")
            case "allowReserved": parameter.allowReserved = bool(v, "allowReserved") ?? false
            case "schema": parameter.schema = schema(v)
            case "content": parameter.content = buildContent(v)
            case "example": parameter.example = v
            case "examples": parameter.examples = buildExamples(v)
            default: other(entry, in: "parameter '\(name)'", into: &parameter.extensions)
            }
        }
        parameter.explode = explicitExplode ?? parameter.style.explodesByDefault
        if node["schema"] != nil && node["content"] != nil {
            invalid("parameter '\(name)' has both 'schema' and 'content'; use one", assumed: "the schema", at: node)
            parameter.content = []
        } else if node["schema"] == nil && node["content"] == nil {
            warning("parameter '\(name)' has neither 'schema' nor 'content'; treated as a string", at: node)
        }
        if location == .querystring, parameter.content.isEmpty, let schema = parameter.schema {
            invalid("querystring parameter '\(name)' must be described by 'content', not 'schema'",
                    assumed: "application/x-www-form-urlencoded content with that schema", at: node["schema"] ?? node)
            parameter.content = [MediaType(mediaType: "application/x-www-form-urlencoded", schema: schema, location: node.location)]
            parameter.schema = nil
        }
        if let content = node["content"], content.entries.count != 1, !parameter.content.isEmpty {
            invalid("parameter '\(name)': 'content' must hold exactly one media type", assumed: "the first, \(parameter.content[0].mediaType)", at: content)
            parameter.content = [parameter.content[0]]
        }
        return parameter
    }

    static func allowedStyles(_ location: ParameterLocation, version: Document.Version) -> [ParameterStyle] {
        switch location {
        case .path: [.matrix, .label, .simple]
        case .query: [.form, .spaceDelimited, .pipeDelimited, .deepObject]
        case .header: [.simple]
        case .cookie: version == .v3_2 ? [.form, .cookie] : [.form]
        case .querystring: []
        }
    }

    func buildRequestBody(_ node: Node) -> RequestBody? {
        guard let node = mapping(node, "a request body") else { return nil }
        var body = RequestBody(location: node.location)
        for entry in node.entries {
            switch entry.key {
            case "description": body.description = string(entry.value, "request body description")
            case "content": body.content = buildContent(entry.value)
            case "required": body.required = bool(entry.value, "required") ?? false
            default: other(entry, in: "a request body", into: &body.extensions)
            }
        }
        require(["content"], in: node, "a request body")
        return body
    }

    private func buildResponses(_ node: Node) -> [Response] {
        guard let node = mapping(node, "responses") else { return [] }
        var result: [Response] = []
        for entry in node.entries {
            if entry.isExtension { continue }
            if !Self.isValidStatusKey(entry.key) {
                invalid("response key '\(entry.key)' is not a status code (100–599), a range like '2XX', or 'default'", assumed: "the response is not there", at: entry.keyNode)
                continue
            }
            if let (response, name) = resolved(entry.value, kind: "responses", "response", build: { buildResponse($0, statusCode: entry.key) }) {
                var r = response
                r.statusCode = entry.key
                r.componentName = name
                result.append(r)
            }
        }
        if result.isEmpty && node.entries.isEmpty {
            invalid("'responses' must declare at least one response", assumed: "no documented response (every status is undocumented)", at: node)
        }
        return result
    }

    static func isValidStatusKey(_ key: String) -> Bool {
        if key == "default" { return true }
        let chars = Array(key.utf8)
        guard chars.count == 3, chars[0] >= UInt8(ascii: "1"), chars[0] <= UInt8(ascii: "5") else { return false }
        let isDigits = chars[1...].allSatisfy { $0 >= 48 && $0 <= 57 }
        let isRange = chars[1] == UInt8(ascii: "X") && chars[2] == UInt8(ascii: "X")
        return isDigits || isRange
    }

    func buildResponse(_ node: Node, statusCode: String) -> Response? {
        guard let node = mapping(node, "a response") else { return nil }
        var response = Response(statusCode: statusCode, description: "", location: node.location)
        for entry in node.entries {
            let v = entry.value
            switch entry.key {
            case "description": response.description = string(v, "response description") ?? ""
            case "headers":
                for e in namedEntries(v, "response headers") {
                    if e.key.lowercased() == "content-type" { continue } // ignored by the standard
                    if let (header, name) = resolved(e.value, kind: "headers", "header", build: buildHeader) {
                        var h = header
                        h.componentName = name
                        response.headers.append((e.key, h))
                    }
                }
            case "content": response.content = buildContent(v)
            case "links":
                for e in namedEntries(v, "response links") {
                    if let (link, name) = resolved(e.value, kind: "links", "link", build: buildLink) {
                        var l = link
                        l.componentName = name
                        response.links.append((e.key, l))
                    }
                }
            case "summary" where version == .v3_2: response.summary = string(v, "response summary")
            default: other(entry, in: "response", into: &response.extensions)
            }
        }
        if node["description"] == nil && version != .v3_2 {
            invalid("a response is missing required field 'description'", assumed: "an empty description", at: node)
        }
        return response
    }

    func buildHeader(_ node: Node) -> Header? {
        guard let node = mapping(node, "a header") else { return nil }
        var header = Header(location: node.location)
        for entry in node.entries {
            let v = entry.value
            switch entry.key {
            case "description": header.description = string(v, "header description")
            case "required": header.required = bool(v, "required") ?? false
            case "deprecated": header.deprecated = bool(v, "deprecated") ?? false
            case "style":
                if let s = string(v, "style"), s != "simple" { invalid("header style must be 'simple', found '\(s)'", assumed: "'simple'", at: v) }
            case "explode": header.explode = bool(v, "explode") ?? false
            case "schema": header.schema = schema(v)
            case "content": header.content = buildContent(v)
            case "example": header.example = v
            case "examples": header.examples = buildExamples(v)
            case "name", "in":
                invalid("a header object must not have '\(entry.key)' (its name is the key it is listed under)", assumed: "it is not there", at: entry.keyNode)
            default: other(entry, in: "a header", into: &header.extensions)
            }
        }
        return header
    }

    func buildContent(_ node: Node) -> [MediaType] {
        var ignored: Extensions = [:]
        return namedEntries(node, "content", extensions: &ignored).compactMap { entry in
            if !entry.key.utf8.contains(UInt8(ascii: "/")) {
                warning("'\(entry.key)' is not a media type (type/subtype)", at: entry.keyNode)
            }
            return buildMediaType(entry.value, mediaType: entry.key)
        }
    }

    /// A Media Type Object: a `content` entry's (`mediaType` its key), or a 3.2 `components.mediaTypes` entry's
    /// (`mediaType` nil: the content entries referring to it name it, and are built each with their own).
    func buildMediaType(_ node: Node, mediaType: String?) -> MediaType? {
        guard let value = mapping(node, mediaType.map { "media type '\($0)'" } ?? "a media type") else { return nil }
        // A shared one is named alike from every place that builds it, so its warnings are said once.
        let what = value == node ? mediaType.map { "media type '\($0)'" } ?? "a media type" : "a media type"
        var media = MediaType(mediaType: mediaType ?? "", location: value.location)
        for e in value.entries {
            switch e.key {
            case "schema": media.schema = schema(e.value)
            case "example": media.example = e.value
            case "examples":
                let examples = buildExamples(e.value)
                media.examples = mediaType.map { type in examples.map { ($0.name, withSerializedData($0.value, mediaType: type)) } } ?? examples
            case "encoding":
                for enc in namedEntries(e.value, "encoding") {
                    if let encoding = buildEncoding(enc.value) { media.encoding.append((enc.key, encoding)) }
                }
            case "itemSchema" where version == .v3_2: media.itemSchema = schema(e.value)
            case "itemEncoding" where version == .v3_2: media.itemEncoding = buildEncoding(e.value)
            case "prefixEncoding" where version == .v3_2:
                media.prefixEncoding = sequence(e.value, "prefixEncoding")?.elements.compactMap(buildEncoding) ?? []
            default: other(e, in: what, into: &media.extensions)
            }
        }
        return media
    }

    private func buildEncoding(_ node: Node) -> Encoding? {
        guard let node = mapping(node, "an encoding") else { return nil }
        var encoding = Encoding()
        for entry in node.entries {
            let v = entry.value
            switch entry.key {
            case "contentType": encoding.contentType = string(v, "contentType")
            case "headers":
                for e in namedEntries(v, "encoding headers") {
                    if let (header, _) = resolved(e.value, kind: "headers", "header", build: buildHeader) { encoding.headers.append((e.key, header)) }
                }
            case "style": encoding.style = string(v, "style").flatMap(ParameterStyle.init(rawValue:))
            case "explode": encoding.explode = bool(v, "explode")
            case "allowReserved": encoding.allowReserved = bool(v, "allowReserved") ?? false
            // 3.2: nested multipart parts are encoded like the media types that hold them.
            case "encoding" where version == .v3_2:
                for e in namedEntries(v, "encoding") {
                    if let nested = buildEncoding(e.value) { encoding.encoding.append((e.key, nested)) }
                }
            case "itemEncoding" where version == .v3_2: encoding.itemEncoding = buildEncoding(v).map { [$0] } ?? []
            case "prefixEncoding" where version == .v3_2:
                encoding.prefixEncoding = sequence(v, "prefixEncoding")?.elements.compactMap(buildEncoding) ?? []
            default: other(entry, in: "an encoding", into: &encoding.extensions)
            }
        }
        return encoding
    }

    private func buildExamples(_ node: Node) -> [(name: String, value: Example)] {
        namedEntries(node, "examples").compactMap { entry in
            guard let (example, name) = resolved(entry.value, kind: "examples", "example", build: buildExample) else { return nil }
            var e = example
            e.componentName = name
            return (entry.key, e)
        }
    }

    func buildExample(_ node: Node) -> Example? {
        guard let node = mapping(node, "an example") else { return nil }
        var example = Example(location: node.location)
        for entry in node.entries {
            switch entry.key {
            case "summary": example.summary = string(entry.value, "example summary")
            case "description": example.description = string(entry.value, "example description")
            case "value": example.value = entry.value
            case "externalValue": example.externalValue = string(entry.value, "externalValue")
            case "dataValue" where version == .v3_2:
                if node["value"] == nil { example.value = entry.value }
            case "serializedValue" where version == .v3_2:
                if string(entry.value, "serializedValue") != nil { example.serializedValue = entry.value }
            default: other(entry, in: "an example", into: &example.extensions)
            }
        }
        if node["value"] != nil && node["externalValue"] != nil {
            invalid("an example has both 'value' and 'externalValue'; use one", assumed: "the value", at: node)
        }
        if version == .v3_2, node["value"] != nil, let other = node["dataValue"] ?? node["serializedValue"] {
            invalid("an example has 'value' beside 'dataValue' or 'serializedValue', which replace it in 3.2; use those", assumed: "'value'", at: other)
        }
        return example
    }

    /// `example` as an example of `mediaType`: with no data of its own, a 3.2 `serializedValue` gives it — read as
    /// JSON for a JSON media type (a located warning when it is not), as the text itself for a text one; other
    /// serialisations (forms, XML) are kept only as written.
    func withSerializedData(_ example: Example, mediaType: String) -> Example {
        guard example.value == nil, let serialized = example.serializedValue, let text = serialized.text else { return example }
        let type = mediaType.split(separator: ";").first.map { String($0).lowercased().filter { $0 != " " } } ?? ""
        var example = example
        if type == "application/json" || type.hasSuffix("+json") {
            let (node, problem) = EmbeddedJSON.read(text, at: serialized.location)
            if let problem {
                diagnostics.append(Diagnostic(.warning, "the serializedValue of an example of \(mediaType) is not JSON (\(problem.message)); the example has no data", at: problem.location))
            }
            example.value = node
        } else if type.hasPrefix("text/") {
            example.value = serialized
        }
        return example
    }

    func buildLink(_ node: Node) -> Link? {
        guard let node = mapping(node, "a link") else { return nil }
        var link = Link(location: node.location)
        for entry in node.entries {
            let v = entry.value
            switch entry.key {
            case "operationRef": link.operationRef = string(v, "operationRef")
            case "operationId": link.operationId = string(v, "operationId")
            case "parameters":
                if let v = mapping(v, "link parameters") { link.parameters = v.entries.map { ($0.key, $0.value) } }
            case "requestBody": link.requestBody = v
            case "description": link.description = string(v, "link description")
            case "server": link.server = buildServer(v)
            default: other(entry, in: "a link", into: &link.extensions)
            }
        }
        if link.operationRef != nil && link.operationId != nil {
            invalid("a link has both 'operationRef' and 'operationId'; use one", assumed: "the operationId", at: node)
        }
        return link
    }

    func buildCallback(_ node: Node) -> Callback? {
        guard let node = mapping(node, "a callback") else { return nil }
        var callback = Callback(location: node.location)
        for entry in node.entries {
            if entry.isExtension {
                callback.extensions[entry.key] = entry.value
            } else if let item = buildPathItemResolving(entry.value, path: entry.key) {
                callback.expressions.append(item)
            }
        }
        return callback
    }
}
