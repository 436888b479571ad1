import CharterRuntime
import CharterSpec

/// Translates the document's operations into `SwiftOperation`s: an `Input` struct of parameters and body,
/// an `Output` enum with one case per documented status, and the contract the runtime validates against.
/// Types come from `ModelTranslator`, so a parameter or body that references a component uses its model,
/// and inline shapes become types nested in the operation's namespace.
struct OperationTranslator {
    let document: Document
    let included: Set<String>?
    let excluded: Set<String>
    var diagnostics: [Diagnostic] = []

    init(document: Document, included: Set<String>? = nil, excluded: Set<String> = []) {
        self.document = document
        self.included = included
        self.excluded = excluded
    }

    mutating func translate(models: inout ModelTranslator, contracts: [String: OperationContract]) -> [SwiftOperation] {
        let all = document.operations.map(\.operation)
        let known = Set(all.map(\.operationId))
        for id in (included ?? []).union(excluded).subtracting(known).sorted() {
            diagnostics.append(Diagnostic(.warning, "operations: the spec has no operation '\(id)'", at: nil))
        }
        let operations = all.filter { (included?.contains($0.operationId) ?? true) && !excluded.contains($0.operationId) }
        let typeNames = SwiftNames.uniqued(operations.map { op in
            let name = SwiftNames.typeName(op.operationId)
            return models.isComponentTypeName(name) ? name + "Operation" : name
        })
        let methodNames = SwiftNames.uniqued(operations.map { SwiftNames.memberName($0.operationId) })
        var result: [SwiftOperation] = []
        for (i, op) in operations.enumerated() {
            guard let contract = contracts[op.operationId] else { continue }
            result.append(translate(op, typeName: typeNames[i], methodName: methodNames[i], contract: contract, models: &models))
        }
        for (name, item) in document.webhooks {
            diagnostics.append(Diagnostic(.warning, "webhook '\(name)' is validated by SpecValidator but gets no generated server or client code", at: item.location))
        }
        return result
    }

    private mutating func translate(_ op: Operation, typeName: String, methodName: String, contract: OperationContract,
                                    models: inout ModelTranslator) -> SwiftOperation {
        var nested: [SwiftDecl] = []
        for (name, callback) in op.callbacks {
            diagnostics.append(Diagnostic(.warning, "callback '\(name)' of \(op.displayName) gets no generated code", at: callback.location))
        }

        // Input: parameters in spec order, then the body.
        var inputs: [SwiftInput] = []
        let parameterNames = SwiftNames.uniqued(op.parameters.map { SwiftNames.memberName($0.name) } + ["body"])
        for (p, name) in zip(op.parameters, parameterNames) {
            let schema = p.schema ?? p.content.first?.schema
            let type = schema.map { models.operationType($0, hint: SwiftNames.typeName(p.name, nested: true), scope: typeName, nested: &nested) } ?? "String"
            let location = switch p.location {
            case .path: "path"
            case .query: "query"
            case .header: "header"
            case .cookie: "cookie"
            }
            let defaultValue = p.required ? nil : schema.flatMap { models.defaultLiteral($0, type: type) }
            let doc = p.deprecated ? (p.description.map { $0 + "\n\n" } ?? "") + "Deprecated." : p.description
            inputs.append(SwiftInput(name: name, type: type, doc: doc, source: .parameter(name: p.name, location: location),
                                     required: p.required, defaultValue: defaultValue, deprecated: p.deprecated))
        }
        if let body = op.requestBody, let chosen = preferredMedia(body.content, of: "request body of \(op.displayName)", at: body.location) {
            let json = MediaTypes.isJSON(chosen.mediaType.lowercased()[...])
            let type = json
                ? chosen.schema.map { models.operationType($0, hint: "Body", scope: typeName, nested: &nested) } ?? "JSONValue"
                : "Data"
            inputs.append(SwiftInput(name: parameterNames.last ?? "body", type: type, doc: body.description,
                                     source: .body(contentType: chosen.mediaType, json: json), required: body.required))
        }

        // Output: one case per documented status, then `undocumented`.
        var cases: [SwiftOutputCase] = []
        var headerStructs: [SwiftStruct] = []
        let caseNames = SwiftNames.uniqued(op.responses.map { Self.caseName($0.statusCode) } + ["undocumented"])
        for (response, caseName) in zip(op.responses, caseNames) {
            let typeStem = caseName == "ok" ? "OK" : SwiftNames.typeName(SwiftNames.bare(caseName))
            var outputCase = SwiftOutputCase(name: caseName, status: Self.status(response.statusCode), doc: response.description)
            if let chosen = preferredMedia(response.content, of: "\(response.statusCode) response of \(op.displayName)", at: response.location) {
                let json = MediaTypes.isJSON(chosen.mediaType.lowercased()[...])
                let type = json
                    ? chosen.schema.map { models.operationType($0, hint: typeStem + "Body", scope: typeName, nested: &nested) } ?? "JSONValue"
                    : "Data"
                outputCase.body = (type, chosen.mediaType, json)
            }
            let headers = response.headers.filter { $0.name.lowercased() != "content-type" }
            if !headers.isEmpty {
                let structName = typeStem + "Headers"
                let names = SwiftNames.uniqued(headers.map { SwiftNames.memberName($0.name) })
                var fields: [(wireName: String, name: String, type: String, required: Bool)] = []
                var properties: [SwiftProperty] = []
                for (header, name) in zip(headers, names) {
                    let schema = header.value.schema ?? header.value.content.first?.schema
                    let type = schema.map { models.operationType($0, hint: SwiftNames.typeName(header.name, nested: true), scope: typeName, nested: &nested) } ?? "String"
                    let declared = header.value.required || type.hasSuffix("?") ? type : type + "?"
                    fields.append((header.name, name, declared, header.value.required))
                    properties.append(SwiftProperty(name: name, key: header.name, type: declared, doc: header.value.description))
                }
                headerStructs.append(SwiftStruct(name: structName, doc: "Headers of the \(response.statusCode) response.", properties: properties, isCodable: false))
                outputCase.headers = (structName, fields)
            }
            cases.append(outputCase)
        }
        cases.append(SwiftOutputCase(name: caseNames.last ?? "undocumented", status: .undocumented,
                                     doc: "A status the spec does not document, with the raw body.", body: nil))

        var doc = ["`\(op.displayName)`" + (op.summary.map { " — \($0)" } ?? "")]
        if let description = op.description, description != op.summary { doc += [""] + description.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        if op.deprecated { doc += ["", "Deprecated."] }
        return SwiftOperation(typeName: typeName, methodName: methodName, doc: doc, deprecated: op.deprecated, inputs: inputs,
                              cases: cases, nested: nested, headerStructs: headerStructs, contract: ContractEmitter.expression(contract))
    }

    /// The media type generated code speaks: the first JSON one, else the first; the others are still
    /// accepted by validation, and a warning says they get no typed code.
    private mutating func preferredMedia(_ content: [MediaType], of what: String, at location: SourceLocation) -> MediaType? {
        guard let chosen = content.first(where: { MediaTypes.isJSON($0.mediaType.lowercased()[...]) }) ?? content.first else { return nil }
        let others = content.filter { $0.mediaType != chosen.mediaType }.map(\.mediaType)
        if !others.isEmpty {
            diagnostics.append(Diagnostic(.warning, "\(what): generated code uses \(chosen.mediaType); \(others.joined(separator: ", ")) is validated but has no typed code", at: location))
        }
        return chosen
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
