import CharterRuntime
import CharterSpec
import CharterValidation

/// Translates the document's operations into `SwiftOperation`s: an `Input` struct of parameters and body,
/// an `Output` enum with one case per documented status, and the contract the runtime validates against.
/// Types come from `ModelTranslator`, so a parameter or body that references a component uses its model,
/// and inline shapes become types nested in the operation's namespace.
struct OperationTranslator {
    let document: Document
    let included: Set<String>?
    let excluded: Set<String>
    var diagnostics: [Diagnostic] = []

    /// Header names that carry an idempotency key (lower case).
    static let idempotencyHeaders: Set<String> = ["idempotency-key", "x-idempotency-key"]

    init(document: Document, included: Set<String>? = nil, excluded: Set<String> = []) {
        self.document = document
        self.included = included
        self.excluded = excluded
    }

    mutating func translate(models: inout ModelTranslator, contracts: [String: OperationContract]) -> [SwiftOperation] {
        // Paths' operations, then webhooks' and callbacks' (the spec builder names those without an operationId
        // for what they are: OpenAI's `batch_completed`, not `postBatchCompleted`).
        typealias Entry = (operation: Operation, webhook: String?, title: String?, callback: (parent: String, template: String)?)
        let all: [Entry] = document.operations.map { ($0.operation, nil, nil, nil) }
            + document.webhooks.flatMap { name, item in
                item.operations.map { op in (op, name, "Webhook `\(name)` (`\(op.method.wireName)`)", nil) }
            }
            + document.callbackOperations.map { entry in
                (entry.operation, entry.name,
                 "Callback `\(entry.name)` of `\(entry.parent.displayName)` (`\(entry.operation.method.wireName)` to `\(entry.expression)`)",
                 (entry.parent.operationId, entry.expression))
            }
        let known = Set(all.map(\.operation.operationId))
        for id in (included ?? []).union(excluded).subtracting(known).sorted() {
            diagnostics.append(Diagnostic(.warning, "operations: the spec has no operation '\(id)'", at: nil))
        }
        let selected = all.filter { (included?.contains($0.operation.operationId) ?? true) && !excluded.contains($0.operation.operationId) }
        let operations = selected.map(\.operation)
        let typeNames = SwiftNames.uniqued(operations.map { op in
            let name = SwiftNames.typeName(op.operationId)
            return models.isComponentTypeName(name) ? name + "Operation" : name
        })
        let methodNames = SwiftNames.uniqued(operations.map { SwiftNames.memberName($0.operationId) })
        let typeNameByID = Dictionary(zip(operations.map(\.operationId), typeNames), uniquingKeysWith: { a, _ in a })
        var result: [SwiftOperation] = []
        for (i, op) in operations.enumerated() {
            guard let contract = contracts[op.operationId] else { continue }
            var swift = translate(op, webhook: selected[i].webhook, title: selected[i].title, typeName: typeNames[i], methodName: methodNames[i], contract: contract, models: &models)
            // A callback's URL is read from its subscribing operation's input, when that operation is generated too.
            if let callback = selected[i].callback, let parent = typeNameByID[callback.parent] {
                swift.callback = (parent, callback.template)
            }
            for name in contract.security.flatMap({ $0.schemes.map(\.name) }) where !swift.securitySchemes.contains(name) {
                swift.securitySchemes.append(name)
            }
            result.append(swift)
        }
        return result
    }

    private mutating func translate(_ op: Operation, webhook: String?, title: String?, typeName: String, methodName: String, contract: OperationContract,
                                    models: inout ModelTranslator) -> SwiftOperation {
        var nested: [SwiftDecl] = []
        for (name, callback) in op.callbacks where webhook != nil {
            // A path operation's callbacks are translated beside it; a callback's own callbacks are not.
            diagnostics.append(Diagnostic(.warning, "callback '\(name)' of \(op.displayName) gets no generated code", at: callback.location))
        }

        // Input: parameters in spec order, then the body.
        var inputs: [SwiftInput] = []
        let parameterNames = SwiftNames.uniqued(op.parameters.map { SwiftNames.memberName($0.name) } + ["body", "accept"])
        for (p, name) in zip(op.parameters, parameterNames) {
            let schema = p.schema ?? p.content.first?.schema
            let type = schema.map { models.operationType($0, hint: SwiftNames.typeName(p.name, nested: true), scope: typeName, nested: &nested) } ?? .string
            let location = switch p.location {
            case .path: "path"
            case .query: "query"
            case .header: "header"
            case .cookie: "cookie"
            case .querystring: "querystring"
            }
            let defaultValue = p.required ? nil : schema.flatMap { models.defaultLiteral($0) }
            let doc = p.deprecated ? (p.description.map { $0 + "\n\n" } ?? "") + "Deprecated." : p.description
            var input = SwiftInput(name: name, type: type, doc: doc, source: .parameter(name: p.name, location: location),
                                   required: p.required, defaultValue: defaultValue,
                                   deprecation: p.deprecated ? DeprecationMessage.of(extensions: p.extensions, description: p.description) : nil)
            if p.required, p.location == .header, Self.idempotencyHeaders.contains(p.name.lowercased()) {
                // A required idempotency key defaults to a new one per call; the client's retries reuse it.
                input.freshDefault = type == .uuid ? "UUID()" : type == .string ? "UUID().uuidString" : nil
                if input.freshDefault != nil {
                    input.doc = (doc.map { $0 + "\n\n" } ?? "") + "A new key for each call unless given; retries of the call send the same one."
                }
            }
            inputs.append(input)
        }
        if let requestBody = op.requestBody, !requestBody.content.isEmpty {
            let body = self.body(requestBody.content, stem: "", scope: typeName, models: &models, nested: &nested)
            inputs.append(SwiftInput(name: parameterNames[parameterNames.count - 2], type: body.type, doc: requestBody.description,
                                     source: .body(body), required: requestBody.required))
        }
        if op.responses.contains(where: { $0.content.count > 1 }) {
            // The handler picks among a response's media types by what the request accepts; a client may ask.
            inputs.append(SwiftInput(name: parameterNames[parameterNames.count - 1], type: .acceptHeader,
                                     doc: "The media types the response may have (`Accept`); none: any the operation declares.",
                                     source: .accept, required: false, defaultValue: "AcceptHeader()"))
        }

        // Output: one case per documented status, then `undocumented`.
        var cases: [SwiftOutputCase] = []
        var headerStructs: [SwiftStruct] = []
        let caseNames = SwiftNames.uniqued(op.responses.map { Self.caseName($0.statusCode) } + ["undocumented"])
        for (response, caseName) in zip(op.responses, caseNames) {
            let typeStem = caseName == "ok" ? "OK" : SwiftNames.typeName(SwiftNames.bare(caseName))
            var outputCase = SwiftOutputCase(name: caseName, status: Self.status(response.statusCode),
                                             doc: response.description.isEmpty ? response.summary : response.description)
            if !response.content.isEmpty {
                outputCase.body = body(response.content, stem: typeStem, scope: typeName, models: &models, nested: &nested)
            }
            let headers = response.headers.filter { $0.name.lowercased() != "content-type" }
            if !headers.isEmpty {
                let structName = typeStem + "Headers"
                let names = SwiftNames.uniqued(headers.map { SwiftNames.memberName($0.name) })
                var fields: [SwiftHeaders.Field] = []
                var properties: [SwiftProperty] = []
                for (header, name) in zip(headers, names) {
                    let schema = header.value.schema ?? header.value.content.first?.schema
                    let type = schema.map { models.operationType($0, hint: SwiftNames.typeName(header.name, nested: true), scope: typeName, nested: &nested) } ?? .string
                    let declared = header.value.required ? type : type.optional
                    fields.append(SwiftHeaders.Field(wireName: header.name, name: name, type: declared, required: header.value.required))
                    properties.append(SwiftProperty(name: name, key: header.name, type: declared, doc: header.value.description))
                }
                headerStructs.append(SwiftStruct(name: structName, doc: "Headers of the \(response.statusCode) response.", properties: properties, isCodable: false))
                outputCase.headers = SwiftHeaders(typeName: structName, fields: fields)
            }
            cases.append(outputCase)
        }
        cases.append(SwiftOutputCase(name: caseNames.last ?? "undocumented", status: .undocumented,
                                     doc: "A status the spec does not document, with the raw body.", body: nil))

        var doc = [(title ?? "`\(op.displayName)`") + (op.summary.map { " — \($0)" } ?? "")]
        // A block scalar's description ends with a line break, which was an empty comment line above the declaration.
        if let description = op.description.map({ String($0.reversed().drop(while: \.isNewline).reversed()) }), !description.isEmpty, description != op.summary {
            doc += [""] + description.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        if op.deprecated { doc += ["", "Deprecated."] }
        if let security = securityDoc(op, isWebhook: webhook != nil) { doc += ["", security] }
        var swift = SwiftOperation(typeName: typeName, methodName: methodName, doc: doc,
                                   deprecation: op.deprecated ? DeprecationMessage.of(extensions: op.extensions, description: op.description ?? op.summary) : nil,
                                   inputs: inputs,
                                   cases: cases, nested: nested, headerStructs: headerStructs, contract: contract, path: op.path,
                                   operationID: op.operationId)
        if let webhook {
            swift.webhook = webhook
            return swift
        }
        let (pagination, note) = self.pagination(op, methodName: methodName, inputs: inputs, cases: cases, models: models)
        // The closure walking the pages names its position `position`: an input of that name would be hidden.
        if let pagination, !inputs.contains(where: { $0.name == "position" || $0.name == "maxPages" }) {
            swift.pagination = pagination
            if let note { diagnostics.append(note) }
        } else if pagination == nil, let note {
            diagnostics.append(note)
        }
        return swift
    }

    /// Which credentials the operation accepts (any one requirement), marking schemes 3.2 deprecates so a
    /// caller sees at the call site that it should move to another.
    private func securityDoc(_ op: Operation, isWebhook: Bool) -> String? {
        // A webhook has only its own security (see `ContractBuilder.contract`).
        guard let requirements = op.security ?? (isWebhook ? nil : document.security), !requirements.isEmpty else { return nil }
        let schemes = Dictionary(document.components.securitySchemes.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        let alternatives = requirements.map { requirement -> String in
            if requirement.schemes.isEmpty { return "none" }
            return requirement.schemes.map { scheme in
                var text = "`\(scheme.name)`"
                if !scheme.scopes.isEmpty { text += " (\(scheme.scopes.joined(separator: ", ")))" }
                if schemes[scheme.name]?.deprecated == true { text += " (deprecated scheme)" }
                return text
            }.joined(separator: " and ")
        }
        return "Security: " + alternatives.joined(separator: " or ") + "."
    }

    /// A body's contents typed by their codings; several get an enum (`Body`, `OKBody`) over them.
    private mutating func body(_ content: [MediaType], stem: String, scope: String, models: inout ModelTranslator,
                               nested: inout [SwiftDecl]) -> SwiftBody {
        let caseNames = SwiftNames.uniqued(content.map { Self.contentCaseName($0.mediaType, coding: ContentRules.coding($0, in: document)) })
        let enumName = content.count > 1 ? models.reserveOperationName(stem + "Body", scope: scope) : nil
        var contents: [SwiftContent] = []
        for (media, caseName) in zip(content, caseNames) {
            let hint = enumName.map { $0 + SwiftNames.typeName(SwiftNames.bare(caseName)) } ?? stem + "Body"
            contents.append(self.content(media, caseName: caseName, hint: hint, stem: stem, scope: scope, models: &models, nested: &nested))
        }
        let type = enumName.map { SwiftType.named([scope, $0]) } ?? contents[0].type
        return SwiftBody(contents: contents, enumName: enumName, type: type, functionStem: stem + "Body")
    }

    /// One media type: its Swift type by its coding (the schema's model for JSON and forms, a struct of parts for
    /// multipart, `String` for text, a stream for binary and sequential bodies).
    private mutating func content(_ media: MediaType, caseName: String, hint: String, stem: String, scope: String,
                                  models: inout ModelTranslator, nested: inout [SwiftDecl]) -> SwiftContent {
        let coding = ContentRules.coding(media, in: document)
        if media.itemEncoding != nil || !media.prefixEncoding.isEmpty {
            diagnostics.append(Diagnostic(.warning, "\(media.mediaType): itemEncoding and prefixEncoding (positional multipart parts) are read but not generated; the body is \(coding == .multipart ? "sent and read by part name" : "carried as bytes")", at: media.location))
        }
        func model(_ schema: SchemaID?, _ hint: String) -> SwiftType {
            schema.map { models.operationType($0, hint: hint, scope: scope, nested: &nested) } ?? .jsonValue
        }
        var result = SwiftContent(mediaType: media.mediaType, coding: coding, caseName: caseName, type: .jsonValue, parts: [])
        switch coding {
        case .json, .form:
            result.type = model(media.schema, hint)
        case .multipart:
            let type = model(media.schema, hint)
            if let decl = models.structDecl(type) {
                result.type = type
                result.parts = decl.properties.map { p in
                    let kind: SwiftPart.Kind = p.type.unwrapped == .binaryFile ? .file : p.type.unwrapped == .array(.binaryFile) ? .files : .value
                    return SwiftPart(wireName: p.key, propertyName: p.name, kind: kind, optional: p.isOptional, defaultValue: p.defaultValue)
                }
            } else {
                result.type = .multipartForm
            }
        case .text:
            result.type = .string
        case .xml:
            // A structured schema gives the document a model (read and written as OpenAPI's XML object lays it
            // out, as forms are by their encoding); otherwise the document is handed over as text.
            result.type = ContentRules.isStructured(media.schema, in: document) ? model(media.schema, hint) : .string
        case .binary:
            result.type = MediaTypes.isConcrete(media.mediaType) ? .httpBody : .binaryFile
        case .eventStream:
            let items = ContentRules.items(media, in: document)
            let payload = items.payload.map { model($0, stem + "Event") } ?? (items.eventDataIsJSON ? .jsonValue : .string)
            result.type = .eventStream(of: .serverEvent(of: payload))
        case .jsonLines, .jsonSequence:
            result.type = .eventStream(of: ContentRules.items(media, in: document).payload.map { model($0, stem + "Item") } ?? .jsonValue)
        }
        return result
    }

    /// An enum case for a media type: `json`, `form`, `multipart`, `eventStream`, `plainText`, `csv`, `pdf`, `png` …
    static func contentCaseName(_ mediaType: String, coding: BodyCoding) -> String {
        let essence = (mediaType.split(separator: ";").first.map(String.init) ?? "").filter { $0 != " " && $0 != "\t" }.lowercased()
        switch (coding, essence) {
        case (.json, "application/json"), (.form, _), (.multipart, "multipart/form-data"), (.eventStream, _), (.jsonLines, _), (.jsonSequence, _):
            return SwiftNames.memberName(coding.rawValue)
        case (.text, "text/plain"): return "plainText"
        case (.binary, "application/octet-stream"): return "binary"
        case (.binary, "*/*"): return "any"
        default:
            let parts = essence.split(separator: "/")
            let subtype = parts.count == 2 ? (parts[1] == "*" ? String(parts[0]) : String(parts[1])) : essence
            return SwiftNames.memberName(subtype)
        }
    }

    static func status(_ code: String) -> SwiftOutputCase.Status {
        if let n = Int(code) { return .code(n) }
        if code.count == 3, code.uppercased().hasSuffix("XX"), let digit = code.first?.wholeNumberValue { return .range(digit) }
        return .default
    }

    /// `200` → `ok`, `404` → `notFound`, `4XX` → `clientError`, `default` → `` `default` ``.
    static func caseName(_ code: String) -> String {
        switch status(code) {
        case .code(let n): return statusNames[n] ?? "status\(n)"
        case .range(let d): return ["informational", "success", "redirection", "clientError", "serverError"][safe: d - 1] ?? "status\(d)XX"
        case .default, .undocumented: return "`default`"
        }
    }

    static let statusNames: [Int: String] = [
        100: "continue", 101: "switchingProtocols", 200: "ok", 201: "created", 202: "accepted", 203: "nonAuthoritativeInformation",
        204: "noContent", 205: "resetContent", 206: "partialContent", 207: "multiStatus", 300: "multipleChoices",
        301: "movedPermanently", 302: "found", 303: "seeOther", 304: "notModified", 307: "temporaryRedirect",
        308: "permanentRedirect", 400: "badRequest", 401: "unauthorized", 402: "paymentRequired", 403: "forbidden",
        404: "notFound", 405: "methodNotAllowed", 406: "notAcceptable", 407: "proxyAuthenticationRequired",
        408: "requestTimeout", 409: "conflict", 410: "gone", 411: "lengthRequired", 412: "preconditionFailed",
        413: "contentTooLarge", 414: "uriTooLong", 415: "unsupportedMediaType", 416: "rangeNotSatisfiable",
        417: "expectationFailed", 418: "imATeapot", 421: "misdirectedRequest", 422: "unprocessableContent", 423: "locked",
        424: "failedDependency", 425: "tooEarly", 426: "upgradeRequired", 428: "preconditionRequired",
        429: "tooManyRequests", 431: "requestHeaderFieldsTooLarge", 451: "unavailableForLegalReasons",
        500: "internalServerError", 501: "notImplemented", 502: "badGateway", 503: "serviceUnavailable",
        504: "gatewayTimeout", 505: "httpVersionNotSupported", 507: "insufficientStorage", 508: "loopDetected",
        511: "networkAuthenticationRequired",
    ]
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
