import CharterGenerator
import CharterRuntime
import CharterSpec
import CharterValidation

/// Per operation: the `curl` line that makes the call, the same call through the generated Swift client, and the
/// spec's own samples.
extension DocsPage {
    mutating func samples(_ op: Operation, _ w: inout HTMLWriter) {
        var parameterValues: [String: JSONValue] = [:]
        for p in op.parameters where p.required {
            if let example = p.example ?? p.examples.first?.value.value {
                parameterValues[p.matchKey] = JSONValue(example)
            } else if let schema = p.schema, let drawn = examples.value(for: schema, document: document, request: true) {
                parameterValues[p.matchKey] = drawn.value
            }
        }
        var body: (media: MediaType, value: JSONValue)?
        if let media = op.requestBody?.content.first, let value = examples.minimalRequest(for: media, document: document) {
            body = (media, value)
        }
        let vendor = vendorSamples(op)
        w.element("div", ["class": "samples"]) { w in
            w.element("div", ["class": "sample"]) { w in
                w.element("div", ["class": "sample-title"], text: "curl")
                w.element("pre") { w in w.element("code", text: curl(op, parameterValues, body)) }
            }
            if let call = calls[op.operationId] {
                w.element("div", ["class": "sample"]) { w in
                    w.element("div", ["class": "sample-title"], text: "Swift (generated client)")
                    w.element("pre") { w in w.element("code", text: swift(call, op, parameterValues)) }
                }
            }
            for sample in vendor {
                w.element("div", ["class": "sample"]) { w in
                    w.element("div", ["class": "sample-title"], text: sample.title)
                    w.element("pre") { w in w.element("code", text: sample.source) }
                }
            }
        }
    }

    /// The spec's own samples, as Redoc reads them: `x-codeSamples` (or the older `x-code-samples`), a list of
    /// `{lang, label, source}`, each shown under its label or language. An entry without a text `source` is a
    /// located warning, not a silent gap.
    mutating func vendorSamples(_ op: Operation) -> [(title: String, source: String)] {
        guard let (key, node) = ["x-codeSamples", "x-code-samples"].lazy.compactMap({ key in op.extensions[key].map { (key, $0) } }).first else { return [] }
        guard node.kind == .sequence else {
            diagnostics.append(Diagnostic(.warning, "\(key) of \(op.displayName) is not a list of samples; not shown", at: node.location))
            return []
        }
        return node.elements.compactMap { entry in
            guard let source = entry["source"]?.text, let title = entry["label"]?.text ?? entry["lang"]?.text else {
                diagnostics.append(Diagnostic(.warning, "a sample in \(key) of \(op.displayName) has no text 'source' and 'lang' or 'label'; not shown",
                                              at: entry.location))
                return nil
            }
            return (title, source)
        }
    }

    /// Per webhook or callback: how the generated receiver takes it, in Swift.
    func receiverSample(_ op: Operation, _ w: inout HTMLWriter) {
        guard let call = calls[op.operationId], let receiver = call.receiver else { return }
        let answer = call.outputCases.first { $0.status != nil }.map { ".\($0.name)" + ($0.hasBody ? "(…)" : "") } ?? ".undocumented(statusCode: 204, body: Data())"
        let lines = [
            "struct Receiver: \(receiver) {",
            "    func \(call.methodName)(_ input: \(call.typeName).Input) async throws -> \(call.typeName).Output {",
            call.arguments.contains(where: \.isBody) ? "        let event = input.body" : "        _ = input",
            "        return \(answer)",
            "    }",
            "}",
            "try Receiver().registerWebhookHandlers(on: router, path: \"/webhooks\")",
        ]
        w.element("div", ["class": "samples"]) { w in
            w.element("div", ["class": "sample"]) { w in
                w.element("div", ["class": "sample-title"], text: "Swift (generated receiver)")
                w.element("pre") { w in w.element("code", text: lines.joined(separator: "\n")) }
            }
        }
    }

    // MARK: curl

    private func curl(_ op: Operation, _ values: [String: JSONValue], _ body: (media: MediaType, value: JSONValue)?) -> String {
        let base = document.servers.first?.urlWithDefaults ?? "http://localhost:8080"
        var path = op.path
        var query: [String] = []
        var lines: [String] = []
        for p in op.parameters where p.required {
            // A value is written as the generated client writes it (style, explode, encoding): the runtime's own code.
            if let value = values[p.matchKey] {
                let wire = ContractBuilder.parameter(p)
                switch p.location {
                case .path: path = path.replacingOccurrences(of: "{\(p.name)}", with: ParameterEncoding.pathSegment(value, wire))
                case .query: query += ParameterEncoding.queryItems(value, wire).map { Self.percentEncoded($0.name) + "=" + $0.value }
                case .header: lines.append("-H " + Self.shellQuoted("\(p.name): " + ParameterEncoding.header(value, wire)))
                case .cookie: lines.append("-b " + Self.shellQuoted(ParameterEncoding.cookie(value, wire).joined(separator: "; ")))
                case .querystring: break
                }
                continue
            }
            let text = "…"
            switch p.location {
            case .path: path = path.replacingOccurrences(of: "{\(p.name)}", with: Self.percentEncoded(text))
            case .query: query.append(Self.percentEncoded(p.name) + "=" + Self.percentEncoded(text))
            case .header: lines.append("-H " + Self.shellQuoted("\(p.name): \(text)"))
            case .cookie: lines.append("-b " + Self.shellQuoted("\(p.name)=\(text)"))
            case .querystring: break
            }
        }
        for scheme in firstRequirement(op) {
            guard let declared = document.components.securitySchemes.first(where: { $0.name == scheme })?.value else { continue }
            switch declared.kind {
            case .apiKey(let name, .query): query.append(Self.percentEncoded(name) + "=$API_KEY")
            case .apiKey(let name, .cookie): lines.append("-b \"\(name)=$API_KEY\"")
            case .apiKey(let name, _): lines.append("-H \"\(name): $API_KEY\"")
            case .http(let s, _) where s.lowercased() == "basic": lines.append("-u \"$USERNAME:$PASSWORD\"")
            case .http, .oauth2, .openIdConnect: lines.append("-H \"Authorization: Bearer $TOKEN\"")
            case .mutualTLS: lines.append("--cert client.pem --key client-key.pem")
            }
        }
        if let body {
            // The coding the validator gives the media type decides how the body is written, as it decides how it is read.
            let contentType = "-H " + Self.shellQuoted("Content-Type: \(body.media.mediaType)")
            switch ContentRules.coding(body.media, in: document) {
            case .form:
                for (name, value) in Self.flatFields(body.value) { lines.append("--data-urlencode " + Self.shellQuoted("\(name)=\(value)")) }
            case .multipart:
                for (name, value) in Self.flatFields(body.value) { lines.append("-F " + Self.shellQuoted("\(name)=\(value)")) }
            case .json, .text, .xml, .jsonLines, .jsonSequence:
                lines.append(contentType)
                lines.append("--data " + Self.shellQuoted(bodyText(body.value, for: body.media, pretty: false)))
            case .binary, .eventStream:
                lines.append(contentType)
                lines.append("--data-binary @file")
            }
        }
        let url = base.trimmingSuffix("/") + path + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
        let method = op.method == .get ? "" : " -X \(op.method.wireName)"
        return (["curl\(method) \(Self.shellQuoted(url))"] + lines).joined(separator: " \\\n  ")
    }

    private func firstRequirement(_ op: Operation) -> [String] {
        (op.security ?? document.security)?.first?.schemes.map(\.name) ?? []
    }

    static func plainText(_ value: JSONValue) -> String {
        if case .string(let s) = value { return s }
        if case .array(let items) = value { return items.map(plainText).joined(separator: ",") }
        return value.jsonText
    }

    /// Top-level members as form fields (`name=value`); nested values as their JSON text.
    static func flatFields(_ value: JSONValue) -> [(String, String)] {
        guard case .object(let object) = value else { return [("value", plainText(value))] }
        return object.entries.flatMap { entry -> [(String, String)] in
            if case .array(let items) = entry.value { return items.map { (entry.key, plainText($0)) } }
            return [(entry.key, plainText(entry.value))]
        }
    }

    static func shellQuoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if c.isASCII, c.isLetter || c.isNumber || "-._~".contains(c) { out.append(c) } else { out += String(format: "%%%02X", byte) }
        }
        return out
    }

    // MARK: Swift

    private func swift(_ call: ClientCall, _ op: Operation, _ values: [String: JSONValue]) -> String {
        let server = document.servers.first?.urlWithDefaults ?? "http://localhost:8080"
        var lines = ["let client = \(clientName)(serverURL: URL(string: \(JSONValue.string(server).jsonText))!)"]
        let parameters = op.parameters
        let arguments = call.arguments.filter(\.isRequired).map { argument -> String in
            if argument.isBody { return "\(argument.label): \(Self.placeholder(argument.type))" }
            let parameter = parameters.first { SwiftNames.memberName($0.name) == argument.label }
            let value = parameter.flatMap { values[$0.matchKey] }
            return "\(argument.label): \(value.flatMap { Self.swiftLiteral($0, type: argument.type) } ?? Self.placeholder(argument.type))"
        }
        lines.append("switch try await client.\(call.methodName)(\(arguments.joined(separator: ", "))) {")
        for c in call.outputCases where c.status != nil {
            let binding = c.hasBody ? "(let body)" : ""
            lines.append("case .\(c.name)\(binding):  // \(c.status ?? "")")
            lines.append("    break")
        }
        lines.append("default:")
        lines.append("    break")
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    /// A literal for simple types (`"FL123"`, `20`, `true`); nil for anything a literal would not spell.
    static func swiftLiteral(_ value: JSONValue, type: String) -> String? {
        switch (value, type) {
        case (.string(let s), "String"): JSONValue.string(s).jsonText
        case (.number(let n), "Int"), (.number(let n), "Int32"), (.number(let n), "Int64"), (.number(let n), "Double"), (.number(let n), "Float"): n.description
        case (.bool(let b), "Bool"): b ? "true" : "false"
        default: nil
        }
    }

    /// What the caller passes for a value of `type` (`BookingRequest(…)`, `.init(…)` for an enum of bodies).
    static func placeholder(_ type: String) -> String {
        type.hasPrefix("[") ? "[…]" : type.contains(".") ? ".init(…)" : "\(type)(…)"
    }
}

private extension String {
    func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
