/// Prints `SwiftOperation`s: each operation's namespace (Input, Output, contract, wire coding), the server
/// protocol with its handler registration, and the client.
struct OperationRenderer {
    let access: String
    /// The API's name stem (`Airline` → `AirlineAPIProtocol`, `AirlineClient`).
    let apiName: String
    /// Doc lines for the protocol and client (title, version, description).
    let apiDoc: String

    // MARK: Operation namespaces

    func namespace(_ op: SwiftOperation) -> String {
        var w = SwiftWriter()
        w.doc(op.doc.joined(separator: "\n"))
        w.block("\(access) enum \(op.typeName): APIOperation {") { w in
            input(op, &w)
            w.blank()
            output(op, &w)
            for s in op.headerStructs {
                w.blank()
                w.line(indented(SwiftRenderer.render([.structType(s)], access: access)))
            }
            if !op.nested.isEmpty {
                w.blank()
                w.line(indented(SwiftRenderer.render(op.nested, access: access)))
            }
            w.blank()
            w.line("\(access) static let contract = \(op.contract)")
            w.blank()
            decodeInput(op, &w)
            w.blank()
            encodeOutput(op, &w)
            w.blank()
            encodeInput(op, &w)
            w.blank()
            decodeOutput(op, &w)
        }
        return w.text
    }

    /// Rendered declarations end with a newline; `SwiftWriter.line` indents each of their lines.
    private func indented(_ text: String) -> String {
        text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    /// `name: Type = default, …`; outside the namespace (`outside`), its nested types are qualified.
    private func parameterList(_ inputs: [SwiftInput], outside op: SwiftOperation? = nil) -> String {
        inputs.map { i in
            let fallback = i.defaultValue.map { " = \($0)" } ?? (i.declaredType.hasSuffix("?") ? " = nil" : "")
            let type = op.map { qualified(i.declaredType, in: $0) } ?? i.declaredType
            return "\(i.name): \(type)\(fallback)"
        }.joined(separator: ", ")
    }

    /// `[Sort]?` → `[SearchFlights.Sort]?`: names of types nested in the operation, prefixed with it.
    private func qualified(_ type: String, in op: SwiftOperation) -> String {
        let nestedNames = Set(op.nested.map(\.name) + op.headerStructs.map(\.name))
        var out = ""
        var word = ""
        func flush() {
            // A word right after a dot is a member of something else (`Foo.Sort`), not ours.
            if nestedNames.contains(word) && out.last != "." { out += op.typeName + "." }
            out += word
            word = ""
        }
        for c in type {
            if c.isLetter || c.isNumber || c == "_" {
                word.append(c)
            } else {
                flush()
                out.append(c)
            }
        }
        flush()
        return out
    }

    private func input(_ op: SwiftOperation, _ w: inout SwiftWriter) {
        w.block("\(access) struct Input: Sendable, Hashable {") { w in
            for i in op.inputs {
                w.doc(i.doc)
                w.line("\(access) var \(i.name): \(i.declaredType)")
            }
            if !op.inputs.isEmpty { w.blank() }
            if op.inputs.isEmpty {
                w.line("\(access) init() {}")
            } else {
                w.block("\(access) init(\(parameterList(op.inputs))) {") { w in
                    for i in op.inputs { w.line("self.\(SwiftNames.bare(i.name)) = \(i.name)") }
                }
            }
        }
    }

    /// What an output case carries, in order. The case declaration, the server's switch pattern and the
    /// client's constructor all walk this one list.
    private enum CasePart {
        case statusCode
        /// The raw body of an undocumented status.
        case rawBody
        case body(type: String, json: Bool)
        case headers(typeName: String, fields: [(wireName: String, name: String, type: String, required: Bool)])
    }

    private func parts(_ c: SwiftOutputCase) -> [CasePart] {
        var parts: [CasePart] = []
        switch c.status {
        case .range, .default, .undocumented: parts.append(.statusCode)
        case .code: break
        }
        if c.status == .undocumented { parts.append(.rawBody) }
        if let body = c.body { parts.append(.body(type: body.type, json: body.json)) }
        if let headers = c.headers { parts.append(.headers(typeName: headers.typeName, fields: headers.fields)) }
        return parts
    }

    private func associatedValues(_ c: SwiftOutputCase) -> [String] {
        parts(c).map { part in
            switch part {
            case .statusCode: "statusCode: Int"
            case .rawBody: "body: Data"
            case .body(let type, _): type
            case .headers(let typeName, let fields):
                "headers: \(typeName)" + (fields.allSatisfy { !$0.required } ? " = \(typeName)()" : "")
            }
        }
    }

    private func output(_ op: SwiftOperation, _ w: inout SwiftWriter) {
        w.block("\(access) enum Output: Sendable, Hashable {") { w in
            for c in op.cases {
                w.doc(c.doc)
                let values = associatedValues(c)
                w.line("case \(c.name)" + (values.isEmpty ? "" : "(" + values.joined(separator: ", ") + ")"))
            }
        }
    }

    // MARK: Server side

    private func decodeInput(_ op: SwiftOperation, _ w: inout SwiftWriter) {
        w.block("\(access) static func decodeInput(from request: ServerRequestReader) throws -> Input {") { w in
            if op.inputs.isEmpty {
                w.line("Input()")
                return
            }
            w.block("try Input(", close: ")") { w in
                for (n, i) in op.inputs.enumerated() {
                    let comma = n == op.inputs.count - 1 ? "" : ","
                    let read: String
                    switch i.source {
                    case .parameter(let name, let location):
                        let call = i.required ? "requiredParameter" : "parameter"
                        read = "request.\(call)(\(SwiftNames.literal(name)), in: .\(location))" + (i.defaultValue.map { " ?? \($0)" } ?? "")
                    case .body(_, let json):
                        read = json ? (i.required ? "request.requiredJSONBody()" : "request.jsonBody()")
                            : (i.required ? "request.requiredRawBody()" : "request.rawBody()")
                    }
                    w.line("\(i.name): \(read)\(comma)")
                }
            }
        }
    }

    private func pattern(_ c: SwiftOutputCase) -> String {
        let names = parts(c).map { part in
            switch part {
            case .statusCode: "let statusCode"
            case .rawBody, .body: "let body"
            case .headers: "let headers"
            }
        }
        return ".\(SwiftNames.bare(c.name))" + (names.isEmpty ? "" : "(" + names.joined(separator: ", ") + ")")
    }

    private func statusExpression(_ c: SwiftOutputCase) -> String {
        switch c.status {
        case .code(let n): "\(n)"
        case .range, .default, .undocumented: "statusCode"
        }
    }

    private func encodeOutput(_ op: SwiftOperation, _ w: inout SwiftWriter) {
        w.block("\(access) static func encodeOutput(_ output: Output, to response: inout ServerResponseWriter) throws {") { w in
            w.line("switch output {")
            for c in op.cases {
                w.line("case \(pattern(c)):")
                w.indented { w in
                    w.line("response.status = \(statusExpression(c))")
                    for h in c.headers?.fields ?? [] {
                        w.line("try response.header(\(SwiftNames.literal(h.wireName)), headers.\(h.name))")
                    }
                    if c.status == .undocumented {
                        w.line("response.raw(body, contentType: nil)")
                    } else if let body = c.body {
                        if body.json {
                            w.line("try response.json(body" + (body.contentType == "application/json" ? ")" : ", contentType: \(SwiftNames.literal(body.contentType)))"))
                        } else {
                            w.line("response.raw(body, contentType: \(SwiftNames.literal(body.contentType)))")
                        }
                    }
                }
            }
            w.line("}")
        }
    }

    // MARK: Client side

    private func encodeInput(_ op: SwiftOperation, _ w: inout SwiftWriter) {
        let signature = "\(access) static func encodeInput(_ input: Input, to request: inout ClientRequestWriter) throws {"
        w.block(signature) { w in
            for i in op.inputs {
                switch i.source {
                case .parameter(let name, let location):
                    w.line("try request.parameter(\(SwiftNames.literal(name)), in: .\(location), input.\(i.name))")
                case .body(let contentType, let json):
                    let value = i.declaredType.hasSuffix("?") ? "body" : "input.\(i.name)"
                    let write = json
                        ? "try request.json(\(value)" + (contentType == "application/json" ? ")" : ", contentType: \(SwiftNames.literal(contentType)))")
                        : "request.raw(\(value), contentType: \(SwiftNames.literal(contentType)))"
                    if i.declaredType.hasSuffix("?") {
                        w.block("if let body = input.\(i.name) {") { w in w.line(write) }
                    } else {
                        w.line(write)
                    }
                }
            }
        }
    }

    private func decodeOutput(_ op: SwiftOperation, _ w: inout SwiftWriter) {
        w.block("\(access) static func decodeOutput(from response: ClientResponseReader) throws -> Output {") { w in
            w.line("switch response.statusCode {")
            // Exact codes first, then ranges, then `default` (which makes `undocumented` unreachable).
            let exact = op.cases.filter { if case .code = $0.status { return true } else { return false } }
            let ranges = op.cases.filter { if case .range = $0.status { return true } else { return false } }
            let fallback = op.cases.first { $0.status == .default } ?? op.cases.first { $0.status == .undocumented }
            for c in exact + ranges {
                let label: String = switch c.status {
                case .code(let n): "\(n)"
                case .range(let d): "\(d * 100)...\(d * 100 + 99)"
                default: ""
                }
                w.line("case \(label):")
                w.indented { w in w.line("return " + construct(c)) }
            }
            if let fallback {
                w.line("default:")
                w.indented { w in w.line("return " + construct(fallback)) }
            }
            w.line("}")
        }
    }

    /// `.created(response.json(), headers: CreatedHeaders(location: response.requiredHeader("Location")))`, with `try`.
    private func construct(_ c: SwiftOutputCase) -> String {
        let values = parts(c).map { part in
            switch part {
            case .statusCode: "statusCode: response.statusCode"
            case .rawBody: "body: response.data"
            case .body(_, let json): json ? "response.json()" : "response.data"
            case .headers(let typeName, let fields):
                "headers: \(typeName)(" + fields.map { h in
                    "\(SwiftNames.bare(h.name)): response.\(h.required ? "requiredHeader" : "header")(\(SwiftNames.literal(h.wireName)))"
                }.joined(separator: ", ") + ")"
            }
        }
        let call = ".\(SwiftNames.bare(c.name))" + (values.isEmpty ? "" : "(" + values.joined(separator: ", ") + ")")
        let throwing = c.body?.json == true || c.headers != nil
        return (throwing ? "try " : "") + call
    }

    // MARK: Server protocol and client

    func server(_ ops: [SwiftOperation]) -> String {
        var w = SwiftWriter()
        w.doc(apiDoc)
        w.block("\(access) protocol \(apiName)APIProtocol: Sendable {") { w in
            for (n, op) in ops.enumerated() {
                if n > 0 { w.blank() }
                w.doc(op.doc.joined(separator: "\n"))
                w.line("func \(op.methodName)(_ input: \(op.typeName).Input) async throws -> \(op.typeName).Output")
            }
        }
        w.blank()
        w.block("extension \(apiName)APIProtocol {") { w in
            w.doc("""
            Registers every operation on `transport` (Hummingbird, Vapor, …). Each request is validated against the
            spec before its handler runs; a violation is answered 400 with every issue listed, and responses are
            checked as `options.responseValidation` says.
            - Parameters:
              - serverURL: its path prefixes every route (`https://api.example.com/v2` serves `/v2/...`).
              - middlewares: run before validation, outermost first (authentication, logging).
            """)
            w.block("\(access) func registerHandlers(on transport: any ServerTransport, serverURL: URL = OperationServer.rootURL, options: ValidationOptions = ValidationOptions(), middlewares: [any ServerMiddleware] = []) throws {") { w in
                w.line("let server = OperationServer(transport: transport, serverURL: serverURL, schemas: APISchemas.set, contracts: APIOperations.contracts, options: options, middlewares: middlewares)")
                for op in ops {
                    w.line("try server.register(\(op.typeName).self) { try await self.\(SwiftNames.bare(op.methodName))($0) }")
                }
                w.line("try server.registerMethodNotAllowed(for: APIOperations.contracts)")
            }
        }
        w.blank()
        w.line("/// Every operation's contract, for validation.")
        w.block("\(access) enum APIOperations {") { w in
            w.line("\(access) static let contracts: [OperationContract] = [" + ops.map { "\($0.typeName).contract" }.joined(separator: ", ") + "]")
        }
        return w.text
    }

    func client(_ ops: [SwiftOperation]) -> String {
        var w = SwiftWriter()
        w.doc(apiDoc)
        w.block("\(access) struct \(apiName)Client: Sendable {") { w in
            w.line("let client: OperationClient")
            w.blank()
            w.line("/// The base URL requests go to.")
            w.line("\(access) var serverURL: URL { client.serverURL }")
            w.blank()
            w.doc("""
            - Parameters:
              - serverURL: the server's base URL (its path prefixes every operation's path).
              - transport: AsyncHTTPClient, URLSession or any other `ClientTransport`.
              - middlewares: run in order around every request (authentication, retries, logging).
              - validation: requests are checked before sending (default: debug builds); responses as `validation.responses` says.
            """)
            w.block("\(access) init(serverURL: URL, transport: any ClientTransport, middlewares: [any ClientMiddleware] = [], validation: ClientValidation = ClientValidation()) {") { w in
                w.line("client = OperationClient(serverURL: serverURL, transport: transport, middlewares: middlewares, schemas: APISchemas.set, contracts: APIOperations.contracts, validation: validation)")
            }
            for op in ops {
                w.blank()
                w.doc(op.doc.joined(separator: "\n"))
                if op.deprecated { w.line("@available(*, deprecated)") }
                w.block("\(access) func \(op.methodName)(_ input: \(op.typeName).Input) async throws -> \(op.typeName).Output {") { w in
                    w.line("try await client.send(\(op.typeName).self, input)")
                }
                guard !op.inputs.isEmpty else { continue }
                w.blank()
                w.doc(op.doc.first)
                if op.deprecated { w.line("@available(*, deprecated)") }
                w.block("\(access) func \(op.methodName)(\(parameterList(op.inputs, outside: op))) async throws -> \(op.typeName).Output {") { w in
                    let arguments = op.inputs.map { "\(SwiftNames.bare($0.name)): \($0.name)" }.joined(separator: ", ")
                    w.line("try await self.\(SwiftNames.bare(op.methodName))(\(op.typeName).Input(\(arguments)))")
                }
            }
        }
        w.blank()
        w.line("#if canImport(OpenAPIAsyncHTTPClient)")
        w.block("extension \(apiName)Client {") { w in
            w.line("/// A client on AsyncHTTPClient (the shared `HTTPClient`).")
            w.block("\(access) init(serverURL: URL, middlewares: [any ClientMiddleware] = [], validation: ClientValidation = ClientValidation()) {") { w in
                w.line("self.init(serverURL: serverURL, transport: AsyncHTTPClientTransport(), middlewares: middlewares, validation: validation)")
            }
        }
        w.line("#endif")
        return w.text
    }
}
