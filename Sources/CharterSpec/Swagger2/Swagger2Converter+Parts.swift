/// Parameters, bodies, responses, schemas and security schemes: the 2.0 objects whose shape changed in 3.0.
extension Swagger2Converter {
    /// The keywords a 2.0 non-body parameter, header or items object writes inline; 3.0 puts them in a schema.
    static let inlineSchemaKeys: Set<String> = [
        "type", "format", "items", "default", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
        "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "enum", "multipleOf",
    ]
    /// Deeper schemas are copied as written (bounds the converter's recursion; the model bounds its own).
    static let maxSchemaDepth = 128

    static let formTypes = ["application/x-www-form-urlencoded", "multipart/form-data"]

    // MARK: Parameters

    mutating func parameter(_ p: Node, into w: inout TreeWriter) throws {
        guard p.kind == .mapping, p["$ref"] == nil else { return try w.copy(p) }
        let location = p["in"]?.string ?? ""
        try w.mapping(at: p) { w in
            for e in p.entries where !Self.inlineSchemaKeys.contains(e.key) && !e.keyNode.hasText("collectionFormat") {
                if e.keyNode.hasText("schema") { try w.string("schema", at: e.keyNode); try schema(e.value, into: &w); continue }
                try w.entry(e.key, copying: e.value, keyAt: e.keyNode)
            }
            if p["schema"] == nil, let type = p["type"] {
                try w.string("schema", at: type)
                try inlineSchema(p, into: &w)
            }
            if p["type"]?.string == "array" {
                try style(collectionFormat: p["collectionFormat"], in: location, at: p, into: &w)
            }
        }
    }

    /// 3.0's `style` and `explode` for a 2.0 `collectionFormat` (csv when absent) of an array parameter.
    private mutating func style(collectionFormat node: Node?, in location: String, at p: Node, into w: inout TreeWriter) throws {
        guard location == "query" else {
            // Path and header arrays are comma-separated in both versions (3.0's `simple`, not exploded).
            if let format = node?.string, format != "csv" {
                warn("collectionFormat '\(format)' in \(location) has no OpenAPI 3 equivalent; read as 'csv'", at: node ?? p)
            }
            return
        }
        try writeStyle(collectionFormat: node, at: p, into: &w)
    }

    /// `style` and `explode` entries for the `collectionFormat` (csv when absent) of a query or form array: one
    /// mapping for parameters and form fields alike.
    private mutating func writeStyle(collectionFormat node: Node?, at fallback: Node, into w: inout TreeWriter) throws {
        let format = node?.string ?? "csv"
        let at = node ?? fallback
        let style: String, explode: Bool
        switch format {
        case "multi": (style, explode) = ("form", true)
        case "ssv": (style, explode) = ("spaceDelimited", false)
        case "pipes": (style, explode) = ("pipeDelimited", false)
        default:
            if format != "csv" { warn("collectionFormat '\(format)' has no OpenAPI 3 equivalent; read as 'csv'", at: at) }
            (style, explode) = ("form", false)
        }
        try w.entry("style", style, at: at)
        try w.string("explode", at: at)
        try w.bool(explode, at: at)
    }

    /// A schema made of the inline type keywords of a parameter, header or items object (plus `extra` keys).
    mutating func inlineSchema(_ node: Node, extra: Set<String> = [], into w: inout TreeWriter) throws {
        try w.mapping(at: node["type"] ?? node) { w in
            for e in node.entries where Self.inlineSchemaKeys.contains(e.key) || extra.contains(e.key) {
                if e.keyNode.hasText("type"), e.value.hasText("file") {
                    try w.entry("type", "string", at: e.value)
                    if node["format"] == nil { try w.entry("format", "binary", at: e.value) }
                } else if e.keyNode.hasText("items"), e.value.kind == .mapping {
                    try w.string("items", at: e.keyNode)
                    try inlineSchema(e.value, into: &w)
                } else {
                    try w.entry(e.key, copying: e.value, keyAt: e.keyNode)
                }
            }
        }
    }

    // MARK: Request bodies

    /// The operation's request body: a shared body parameter by reference when the media types allow, else
    /// written out.
    mutating func requestBody(_ parameters: [Node], consumes: [String], into w: inout TreeWriter) throws {
        if let shared = parameters.first(where: { $0["$ref"] != nil && definition(of: $0)["in"]?.string == "body" }),
           let ref = shared["$ref"], let text = ref.string {
            let local = text.hasPrefix("#")
            if consumes == self.consumes || !local {
                if consumes != self.consumes {
                    warn("this operation's 'consumes' is not applied to a body parameter shared from another file; its media types are the document's", at: ref)
                }
                return try w.mapping(at: shared) { try $0.entry("$ref", text, at: ref) }
            }
        }
        try requestBodyValue(parameters, consumes: consumes, into: &w)
    }

    /// A request body written out from a body parameter or from form parameters (those from another file are
    /// located at the `$ref` that names them).
    mutating func requestBodyValue(_ parameters: [Node], consumes: [String], into w: inout TreeWriter) throws {
        let resolved = parameters.map { definition(of: $0) }
        if resolved.contains(where: { $0.tree !== source }), let first = parameters.first { w.pin = first }
        defer { w.pin = nil }
        let bodies = resolved.filter { $0["in"]?.string == "body" }
        let fields = resolved.filter { $0["in"]?.string == "formData" }
        if let body = bodies.first {
            for extra in bodies.dropFirst() { warn("a second body parameter; only the first is the request body", at: extra) }
            for field in fields { warn("a form parameter beside a body parameter; the body parameter is the request body", at: field) }
            try w.mapping(at: body) { w in
                for e in body.entries where e.keyNode.hasText("description") || e.keyNode.hasText("required") || e.isExtension {
                    try w.entry(e.key, copying: e.value, keyAt: e.keyNode)
                }
                try w.string("content", at: body)
                try w.mapping(at: body) { w in
                    for type in consumes {
                        try w.string(type, at: body)
                        try w.mapping(at: body) { w in
                            if let schema = body["schema"] {
                                try w.string("schema", at: schema)
                                try self.schema(schema, into: &w)
                            }
                        }
                    }
                }
            }
            return
        }
        guard let first = fields.first else { return }
        let hasFile = fields.contains { $0["type"]?.hasText("file") == true }
        var types = consumes.filter { Self.formTypes.contains($0) }
        if types.isEmpty {
            types = [hasFile ? "multipart/form-data" : "application/x-www-form-urlencoded"]
            if consumes != ["application/json"] {
                warn("form parameters, but 'consumes' names no form media type; read as \(types[0])", at: first)
            }
        } else if hasFile && types.contains("multipart/form-data") {
            types = ["multipart/form-data"] + types.filter { $0 != "multipart/form-data" }
        } else if hasFile {
            diagnostics.append(Diagnostic(.error, "a file parameter needs 'consumes: [multipart/form-data]'; a url-encoded form cannot carry a file",
                                          at: first.location, assumption: "multipart/form-data"))
            types = ["multipart/form-data"]
        }
        try w.mapping(at: first) { w in
            if fields.contains(where: { $0["required"]?.bool == true }) {
                try w.string("required", at: first); try w.bool(true, at: first)
            }
            try w.string("content", at: first)
            try w.mapping(at: first) { w in
                for type in types {
                    try w.string(type, at: first)
                    try w.mapping(at: first) { w in
                        try w.string("schema", at: first)
                        try formSchema(fields, into: &w)
                        try formEncoding(fields, into: &w)
                    }
                }
            }
        }
    }

    private mutating func formSchema(_ fields: [Node], into w: inout TreeWriter) throws {
        let first = fields[0]
        try w.mapping(at: first) { w in
            try w.entry("type", "object", at: first)
            try w.string("properties", at: first)
            try w.mapping(at: first) { w in
                for field in fields {
                    guard let name = field["name"] else { continue }
                    try w.string(name.text ?? "", at: name)
                    try inlineSchema(field, extra: ["description"], into: &w)
                }
            }
            let required = fields.filter { $0["required"]?.bool == true }.compactMap { $0["name"] }
            if !required.isEmpty {
                try w.string("required", at: required[0])
                try w.sequence(at: required[0]) { w in for name in required { try w.copy(name) } }
            }
        }
    }

    /// 2.0 form arrays are comma-separated unless `multi`; 3.0 form fields explode unless told not to.
    private mutating func formEncoding(_ fields: [Node], into w: inout TreeWriter) throws {
        let arrays = fields.filter { $0["type"]?.string == "array" && $0["name"]?.string != nil }
        let encoded = arrays.filter { $0["collectionFormat"]?.string != "multi" }
        guard !encoded.isEmpty else { return }
        try w.string("encoding", at: encoded[0])
        try w.mapping(at: encoded[0]) { w in
            for field in encoded {
                try w.string(field["name"]?.string ?? "", at: field)
                try w.mapping(at: field["collectionFormat"] ?? field) { w in
                    try writeStyle(collectionFormat: field["collectionFormat"], at: field, into: &w)
                }
            }
        }
    }

    // MARK: Responses

    mutating func response(_ r: Node, produces: [String], into w: inout TreeWriter) throws {
        guard r.kind == .mapping, r["$ref"] == nil else { return try w.copy(r) }
        try w.mapping(at: r) { w in
            for e in r.entries {
                switch e.key {
                case "schema", "examples": continue
                case "headers" where e.value.kind == .mapping:
                    try w.string("headers", at: e.keyNode)
                    try w.mapping(at: e.value) { w in
                        for h in e.value.entries {
                            try w.string(h.key, at: h.keyNode)
                            try header(h.value, into: &w)
                        }
                    }
                default:
                    try w.entry(e.key, copying: e.value, keyAt: e.keyNode)
                }
            }
            let schema = r["schema"]
            let examples = r["examples"].flatMap { $0.kind == .mapping ? $0 : nil }
            guard schema != nil || examples != nil else { return }
            var types = schema != nil ? produces : []
            for e in examples.map({ Array($0.entries) }) ?? [] where !types.contains(e.key) { types.append(e.key) }
            try w.string("content", at: schema ?? r)
            try w.mapping(at: schema ?? r) { w in
                for type in types {
                    try w.string(type, at: schema ?? r)
                    try w.mapping(at: schema ?? r) { w in
                        if let schema {
                            try w.string("schema", at: schema)
                            try self.schema(schema, into: &w)
                        }
                        if let example = examples?[type] { try w.entry("example", copying: example) }
                    }
                }
            }
        }
    }

    private mutating func header(_ h: Node, into w: inout TreeWriter) throws {
        guard h.kind == .mapping, h["$ref"] == nil else { return try w.copy(h) }
        try w.mapping(at: h) { w in
            for e in h.entries where e.keyNode.hasText("description") || e.isExtension {
                try w.entry(e.key, copying: e.value, keyAt: e.keyNode)
            }
            if let format = h["collectionFormat"]?.string, format != "csv" {
                warn("collectionFormat '\(format)' in a header has no OpenAPI 3 equivalent; read as 'csv'", at: h)
            }
            try w.string("schema", at: h["type"] ?? h)
            try inlineSchema(h, into: &w)
        }
    }

    // MARK: Schemas

    mutating func schema(_ s: Node, depth: Int = 0, into w: inout TreeWriter) throws {
        guard s.kind == .mapping, depth < Self.maxSchemaDepth else { return try w.copy(s) }
        try w.once(s, purpose: 1) { w in
            try w.mapping(at: s) { w in
                for e in s.entries {
                    let key = e.key
                    switch key {
                    case "$ref" where isBareDefinitionName(e.value):
                        // `$ref: Pet`, the Swagger 1.2 habit some 2.0 specs kept: the definition of that name.
                        let name = e.value.text ?? ""
                        diagnostics.append(Diagnostic(.error, "'$ref: \(name)' is not a reference (a JSON pointer or a file)", at: e.value.location,
                                                      assumption: "'#/definitions/\(name)'"))
                        try w.entry("$ref", "#/definitions/" + JSONPointer.escape(name), at: e.value)
                    case "x-nullable":
                        guard e.value.bool == true, s["nullable"] == nil else { continue }
                        try w.entry("nullable", copying: e.value, keyAt: e.keyNode)
                    case "type" where e.value.hasText("file"):
                        try w.entry("type", "string", at: e.value)
                        if s["format"] == nil { try w.entry("format", "binary", at: e.value) }
                    case "discriminator" where e.value.kind == .scalar:
                        try w.string("discriminator", at: e.keyNode)
                        try w.mapping(at: e.value) { try $0.entry("propertyName", copying: e.value) }
                    case "properties" where e.value.kind == .mapping:
                        try w.string(key, at: e.keyNode)
                        try w.mapping(at: e.value) { w in
                            for p in e.value.entries {
                                try w.string(p.key, at: p.keyNode)
                                try schema(p.value, depth: depth + 1, into: &w)
                            }
                        }
                    case "items", "additionalProperties", "not":
                        try w.string(key, at: e.keyNode)
                        try schema(e.value, depth: depth + 1, into: &w)
                    case "allOf" where e.value.kind == .sequence, "anyOf" where e.value.kind == .sequence,
                         "oneOf" where e.value.kind == .sequence:
                        try w.string(key, at: e.keyNode)
                        try w.sequence(at: e.value) { w in
                            for member in e.value.elements { try schema(member, depth: depth + 1, into: &w) }
                        }
                    default:
                        try w.entry(key, copying: e.value, keyAt: e.keyNode)
                    }
                }
            }
        }
    }

    /// A `$ref` that is only the name of one of this document's definitions (no `#`, `/` or file extension).
    private func isBareDefinitionName(_ node: Node) -> Bool {
        guard let text = node.string, !text.isEmpty, !text.contains(where: { $0 == "#" || $0 == "/" || $0 == "." }) else { return false }
        return root["definitions"]?[text] != nil
    }

    // MARK: Security

    mutating func securityScheme(_ s: Node, into w: inout TreeWriter) throws {
        guard s.kind == .mapping, let type = s["type"]?.string, type == "basic" || type == "oauth2" else { return try w.copy(s) }
        let flowNames = ["implicit": "implicit", "password": "password", "application": "clientCredentials",
                         "accessCode": "authorizationCode"]
        try w.mapping(at: s) { w in
            for e in s.entries where e.keyNode.hasText("description") || e.isExtension {
                try w.entry(e.key, copying: e.value, keyAt: e.keyNode)
            }
            let typeNode = s["type"] ?? s
            if type == "basic" {
                try w.entry("type", "http", at: typeNode)
                try w.entry("scheme", "basic", at: typeNode)
                return
            }
            try w.entry("type", "oauth2", at: typeNode)
            let flow = s["flow"]?.string ?? ""
            guard let name = flowNames[flow] else {
                warn("oauth2 flow '\(flow)' is not one of implicit, password, application, accessCode; read as implicit", at: s["flow"] ?? s)
                return try oauthFlows("implicit", s, into: &w)
            }
            try oauthFlows(name, s, into: &w)
        }
    }

    private func oauthFlows(_ name: String, _ s: Node, into w: inout TreeWriter) throws {
        try w.string("flows", at: s["flow"] ?? s)
        try w.mapping(at: s) { w in
            try w.string(name, at: s["flow"] ?? s)
            try w.mapping(at: s) { w in
                for key in ["authorizationUrl", "tokenUrl"] {
                    if let value = s[key] { try w.entry(key, copying: value) }
                }
                if let scopes = s["scopes"] { try w.entry("scopes", copying: scopes) } else {
                    try w.string("scopes", at: s); try w.mapping(at: s) { _ in }
                }
            }
        }
    }
}
