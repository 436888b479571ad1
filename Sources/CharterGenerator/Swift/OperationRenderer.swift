import CharterRuntime

/// Prints `SwiftOperation`s: each operation's namespace (Input, Output, contract, wire coding), the server
/// protocol with its handler registration, and the client.
struct OperationRenderer {
    let access: String
    let equality: GeneratedEquality
    /// The API's stem (`Airline`, or empty for a module named `API`): `AirlineAPIProtocol`, `AirlineClient`.
    let apiName: String
    var protocolName: String { apiName + "APIProtocol" }
    /// The wire functions implement `APIOperation`'s `@_spi(Generated)` requirements: public ones are SPI too,
    /// so a user of the module sees the operation's types, not its plumbing.
    var wireAccess: String { access == "public" ? "@_spi(Generated) public" : access }
    var clientName: String { (apiName.isEmpty ? "API" : apiName) + "Client" }
    /// Doc lines for the protocol and client (title, version, description).
    let apiDoc: String

    // MARK: Operation namespaces

    func namespace(_ op: SwiftOperation) -> String {
        var w = SwiftWriter()
        let scope = [op.typeName]
        w.doc(op.doc.joined(separator: "\n"))
        w.block("\(access) enum \(op.typeName): APIOperation {") { w in
            input(op, &w)
            w.blank()
            output(op, &w)
            for s in op.headerStructs {
                w.blank()
                SwiftRenderer.render([.structType(s)], access: access, equality: equality, scope: scope, into: &w)
            }
            for body in op.bodyEnums {
                w.blank()
                SwiftRenderer.render([.enumType(bodyEnum(body))], access: access, equality: equality, scope: scope, into: &w)
            }
            if !op.nested.isEmpty {
                w.blank()
                SwiftRenderer.render(op.nested, access: access, equality: equality, scope: scope, into: &w)
            }
            if let callback = op.callback {
                w.blank()
                w.doc("""
                The URL to send this callback to, read from the `\(callback.parentTypeName)` request that subscribed \
                (`\(callback.template)`).
                - Throws: `CallbackURLError` when the request does not hold what the expression reads.
                """)
                w.block("\(access) static func url(for request: \(callback.parentTypeName).Input) throws -> URL {") { w in
                    w.line("try callbackURL(\(SwiftNames.literal(callback.template)), for: request, of: \(callback.parentTypeName).self)")
                }
            }
            w.blank()
            w.line("\(access) static let contract = \(ContractEmitter.expression(op.contract))")
            w.blank()
            decodeInput(op, &w)
            w.blank()
            encodeOutput(op, &w)
            w.blank()
            encodeInput(op, &w)
            w.blank()
            decodeOutput(op, &w)
            for body in op.bodyEnums {
                w.blank()
                bodyReader(body, scope: scope, &w)
                w.blank()
                bodyWriter(body, scope: scope, &w)
            }
        }
        return w.text
    }

    /// `name: Type = default, …`, types named from `scope`.
    func parameterList(_ inputs: [SwiftInput], scope: [String]) -> String {
        inputs.map { i in
            let fallback = (i.defaultValue ?? i.freshDefault).map { " = \($0)" } ?? (i.declaredType.isOptional ? " = nil" : "")
            return "\(i.name): \(i.declaredType.rendered(in: scope))\(fallback)"
        }.joined(separator: ", ")
    }

    private func input(_ op: SwiftOperation, _ w: inout SwiftWriter) {
        let scope = [op.typeName, "Input"]
        w.block("\(access) struct Input: \(equality.conformances(["Sendable"])) {") { w in
            for i in op.inputs {
                w.doc(i.doc)
                w.line("\(access) var \(i.name): \(i.declaredType.rendered(in: scope))")
            }
            if !op.inputs.isEmpty { w.blank() }
            if op.inputs.isEmpty {
                w.line("\(access) init() {}")
            } else {
                w.block("\(access) init(\(parameterList(op.inputs, scope: scope))) {") { w in
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
        case body(SwiftBody)
        case headers(SwiftHeaders)
    }

    private func parts(_ c: SwiftOutputCase) -> [CasePart] {
        var parts: [CasePart] = []
        switch c.status {
        case .range, .default, .undocumented: parts.append(.statusCode)
        case .code: break
        }
        if c.status == .undocumented { parts.append(.rawBody) }
        if let body = c.body { parts.append(.body(body)) }
        if let headers = c.headers { parts.append(.headers(headers)) }
        return parts
    }

    private func output(_ op: SwiftOperation, _ w: inout SwiftWriter) {
        let scope = [op.typeName, "Output"]
        w.block("\(access) enum Output: \(equality.conformances(["Sendable"])) {") { w in
            for c in op.cases {
                w.doc(c.doc)
                let values = parts(c).map { part in
                    switch part {
                    case .statusCode: "statusCode: Int"
                    case .rawBody: "body: Data"
                    case .body(let body): body.type.rendered(in: scope)
                    case .headers(let headers):
                        "headers: \(headers.typeName)" + (headers.fields.allSatisfy { !$0.required } ? " = \(headers.typeName)()" : "")
                    }
                }
                w.line("case \(c.name)" + (values.isEmpty ? "" : "(" + values.joined(separator: ", ") + ")"))
            }
        }
    }

    private func bodyEnum(_ body: SwiftBody) -> SwiftEnum {
        SwiftEnum(name: body.enumName ?? "Body", doc: "The body, by its media type.",
                  kind: .choice(cases: body.contents.map { ($0.caseName, $0.type) }))
    }

    // MARK: Bodies

    /// An expression reading `content` (a `ReceivedBody`) as `c`'s coding.
    private func read(_ c: SwiftContent, from content: String, scope: [String]) -> String {
        switch c.coding {
        case .json: return "\(content).json()"
        case .form: return "\(content).form()"
        case .text: return "\(content).text()"
        case .xml: return c.type == .string ? "\(content).text()" : "\(content).xml()"
        case .binary: return MediaTypes.isConcrete(c.mediaType) ? "\(content).binary()" : "\(content).file()"
        case .eventStream: return "\(content).eventStream()"
        case .jsonLines: return "\(content).jsonLines()"
        case .jsonSequence: return "\(content).jsonSequence()"
        case .multipart:
            guard c.type != .multipartForm else { return "\(content).multipartForm()" }
            let arguments = c.parts.map { p -> String in
                let name = SwiftNames.literal(p.wireName)
                let read = switch (p.kind, p.optional || p.defaultValue != nil) {
                case (.value, false): "parts.required(\(name))"
                case (.value, true): "parts.value(\(name))"
                case (.file, false): "parts.requiredFile(\(name))"
                case (.file, true): "parts.file(\(name))"
                case (.files, false): "parts.requiredFiles(\(name))"
                case (.files, true): "parts.files(\(name))"
                }
                return "\(SwiftNames.bare(p.propertyName)): \(read)" + (p.defaultValue.map { " ?? \($0)" } ?? "")
            }
            let parameter = c.parts.isEmpty ? "_" : "parts"
            return "\(content).multipart { \(parameter) in\n    try \(c.type.rendered(in: scope))(\(arguments.joined(separator: ", ")))\n}"
        }
    }

    /// Statements writing `value` as `c`'s coding through `writer` (a `BodyWriter`).
    private func write(_ c: SwiftContent, _ value: String, to writer: String) -> [String] {
        /// The Content-Type argument: none for the method's default; a range (`*/*`) is sent as that default.
        func type(_ fallback: String, first: Bool = false) -> String {
            c.mediaType == fallback || !MediaTypes.isConcrete(c.mediaType) ? "" : (first ? "contentType: " : ", contentType: ") + SwiftNames.literal(c.mediaType)
        }
        switch c.coding {
        case .json: return ["try \(writer).json(\(value)\(type("application/json")))"]
        case .form: return ["try \(writer).form(\(value)\(type("application/x-www-form-urlencoded")))"]
        case .text: return ["\(writer).text(\(value)\(type("text/plain")))"]
        case .xml: return [(c.type == .string ? "" : "try ") + "\(writer).xml(\(value)\(type("application/xml")))"]
        case .binary:
            if MediaTypes.isConcrete(c.mediaType) { return ["\(writer).binary(\(value)\(type("application/octet-stream")))"] }
            return ["\(writer).file(\(value), range: \(SwiftNames.literal(c.mediaType)))"]
        case .eventStream: return ["\(writer).eventStream(\(value)\(type("text/event-stream")))"]
        case .jsonLines: return ["\(writer).jsonLines(\(value)\(type("application/jsonl")))"]
        case .jsonSequence: return ["\(writer).jsonSequence(\(value)\(type("application/json-seq")))"]
        case .multipart:
            if c.type == .multipartForm { return ["\(writer).multipartForm(\(value)\(type("multipart/form-data")))"] }
            let open = type("multipart/form-data", first: true)
            let call = "try \(writer).multipart" + (open.isEmpty ? "" : "(\(open))")
            guard !c.parts.isEmpty else { return [call + " { _ in }"] }
            var lines = [call + " { parts in"]
            for p in c.parts {
                let name = SwiftNames.literal(p.wireName)
                let property = "\(value).\(SwiftNames.bare(p.propertyName))"
                switch p.kind {
                case .value: lines.append("    try parts.value(\(name), \(property))")
                case .file: lines.append("    parts.file(\(name), \(property))")
                case .files: lines.append("    parts.files(\(name), \(property))")
                }
            }
            return lines + ["}"]
        }
    }

    /// The reader of a body with several media types: the case its media type names.
    private func bodyReader(_ body: SwiftBody, scope: [String], _ w: inout SwiftWriter) {
        let type = body.type.rendered(in: scope)
        w.block("private static func read\(body.functionStem)(_ content: ReceivedBody) throws -> \(type) {") { w in
            w.line("switch content.mediaType {")
            for c in body.contents {
                w.line("case \(SwiftNames.literal(c.mediaType)):")
                w.indented { w in w.line("return try .\(SwiftNames.bare(c.caseName))(\(read(c, from: "content", scope: scope)))") }
            }
            w.line("default:")
            w.indented { w in w.line("throw content.unexpectedMediaType()") }
            w.line("}")
        }
    }

    /// The writer of a body with several media types: each case as its media type.
    private func bodyWriter(_ body: SwiftBody, scope: [String], _ w: inout SwiftWriter) {
        let type = body.type.rendered(in: scope)
        w.block("private static func write\(body.functionStem)(_ body: \(type), to writer: inout some BodyWriter) throws {") { w in
            w.line("switch body {")
            for c in body.contents {
                w.line("case .\(SwiftNames.bare(c.caseName))(let value):")
                w.indented { w in for line in write(c, "value", to: "writer") { w.line(line) } }
            }
            w.line("}")
        }
    }

    /// An expression reading a body from `content` (a `ReceivedBody`, or an optional one with `optional`).
    private func readBody(_ body: SwiftBody, from content: String, optional: Bool, scope: [String]) -> String {
        if body.enumName != nil { return optional ? "\(content).map(read\(body.functionStem))" : "read\(body.functionStem)(\(content))" }
        return (optional ? content + "?" : content).appending(read(body.contents[0], from: "", scope: scope))
    }

    /// Statements writing `value` (a body) through `writer`.
    private func writeBody(_ body: SwiftBody, _ value: String, to writer: String) -> [String] {
        if body.enumName != nil { return ["try write\(body.functionStem)(\(value), to: &\(writer))"] }
        return write(body.contents[0], value, to: writer)
    }

    // MARK: Server side

    private func decodeInput(_ op: SwiftOperation, _ w: inout SwiftWriter) {
        let scope = [op.typeName]
        w.block("\(wireAccess) static func decodeInput(from request: ServerRequestReader) throws -> Input {") { w in
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
                    case .body(let body):
                        read = i.required ? readBody(body, from: "request.requiredBody()", optional: false, scope: scope)
                            : readBody(body, from: "request.body", optional: true, scope: scope)
                    case .accept:
                        read = "request.accept()"
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
        w.block("\(wireAccess) static func encodeOutput(_ output: Output, to response: inout ServerResponseWriter) throws {") { w in
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
                        for line in writeBody(body, "body", to: "response") { w.line(line) }
                    }
                }
            }
            w.line("}")
        }
    }

    // MARK: Client side

    private func encodeInput(_ op: SwiftOperation, _ w: inout SwiftWriter) {
        let signature = "\(wireAccess) static func encodeInput(_ input: Input, to request: inout ClientRequestWriter) throws {"
        w.block(signature) { w in
            for i in op.inputs {
                switch i.source {
                case .parameter(let name, let location):
                    w.line("try request.parameter(\(SwiftNames.literal(name)), in: .\(location), input.\(i.name))")
                case .body(let body):
                    if i.declaredType.isOptional {
                        w.block("if let body = input.\(i.name) {") { w in for line in writeBody(body, "body", to: "request") { w.line(line) } }
                    } else {
                        for line in writeBody(body, "input.\(i.name)", to: "request") { w.line(line) }
                    }
                case .accept:
                    w.line("request.accept(input.\(i.name))")
                }
            }
        }
    }

    private func decodeOutput(_ op: SwiftOperation, _ w: inout SwiftWriter) {
        w.block("\(wireAccess) static func decodeOutput(from response: ClientResponseReader) throws -> Output {") { w in
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
                w.indented { w in w.line("return " + construct(c, scope: [op.typeName])) }
            }
            if let fallback {
                w.line("default:")
                w.indented { w in w.line("return " + construct(fallback, scope: [op.typeName])) }
            }
            w.line("}")
        }
    }

    /// `.created(response.requiredBody().json(), headers: CreatedHeaders(location: response.requiredHeader("Location")))`, with `try`.
    private func construct(_ c: SwiftOutputCase, scope: [String]) -> String {
        let values = parts(c).map { part in
            switch part {
            case .statusCode: "statusCode: response.statusCode"
            case .rawBody: "body: response.data"
            case .body(let body): readBody(body, from: "response.requiredBody()", optional: false, scope: scope)
            case .headers(let headers):
                "headers: \(headers.typeName)(" + headers.fields.map { h in
                    "\(SwiftNames.bare(h.name)): response.\(h.required ? "requiredHeader" : "header")(\(SwiftNames.literal(h.wireName)))"
                }.joined(separator: ", ") + ")"
            }
        }
        let call = ".\(SwiftNames.bare(c.name))" + (values.isEmpty ? "" : "(" + values.joined(separator: ", ") + ")")
        let throwing = c.body != nil || c.headers != nil
        return (throwing ? "try " : "") + call
    }

    // MARK: Server protocol and client

    func server(_ all: [SwiftOperation], schemes: [SwiftSecurityScheme] = []) -> String {
        let ops = all.filter(\.isServed)
        var w = SwiftWriter()
        w.doc(apiDoc)
        w.block("\(access) protocol \(protocolName): Sendable {") { w in
            for (n, op) in ops.enumerated() {
                if n > 0 { w.blank() }
                w.doc(op.doc.joined(separator: "\n"))
                w.line("func \(op.methodName)(_ input: \(op.typeName).Input) async throws -> \(op.typeName).Output")
            }
        }
        w.blank()
        let secured = !schemes.isEmpty
        w.block("extension \(protocolName) {") { w in
            w.doc("""
            Registers every operation on `transport` (Hummingbird, Vapor, …). Each request is validated against the
            spec before its handler runs; a violation is answered 400 with every issue listed, and responses are
            checked as `options.responseValidation` says.
            - Parameters:
              - serverURL: its path prefixes every route (`https://api.example.com/v2` serves `/v2/...`); `nil`
                serves them at the root.
            """ + (secured ? """

              - security: resolves credentials to principals (implement `\(securityProtocolName)`); each operation's
                requirement is applied before validation: 401 or 403 in the error envelope.
            """ : "") + """

              - middlewares: run first, outermost first (logging, rate limits).
            """)
            let securityParameter = secured ? "security: any SecurityHandler, " : ""
            w.block("\(access) func registerHandlers(on transport: any ServerTransport, serverURL: URL? = nil, \(securityParameter)options: ValidationOptions = ValidationOptions(), middlewares: [any ServerMiddleware] = []) throws {") { w in
                let securityArguments = secured ? ", securitySchemes: APIOperations.securitySchemes, security: security" : ""
                w.line("let server = OperationServer(transport: transport, serverURL: serverURL ?? OperationServer.rootURL, schemas: APISchemas.set, contracts: APIOperations.contracts, options: options, middlewares: middlewares\(securityArguments))")
                for op in ops {
                    w.line("try server.register(\(op.typeName).self) { try await self.\(SwiftNames.bare(op.methodName))($0) }")
                }
                w.line("try server.registerMethodNotAllowed(for: APIOperations.contracts)")
            }
        }
        if secured {
            w.blank()
            w.line(securityHandler(schemes).trimmingCharacters(in: .newlines))
        }
        let webhooks = all.filter(\.isWebhook)
        if !webhooks.isEmpty {
            w.blank()
            w.line(webhookReceiver(webhooks, secured: secured && webhooks.contains { !$0.securitySchemes.isEmpty }).trimmingCharacters(in: .newlines))
        }
        return w.text
    }

    /// `APIOperations`: every routed operation's contract, which the server and the client both use. It goes with
    /// the server when there is one, else with the client (a client-only module has no Server.swift).
    func operationsTable(_ all: [SwiftOperation], schemes: [SecuritySchemeContract] = []) -> String {
        var w = SwiftWriter()
        w.line("/// Every operation's contract, for validation.")
        w.block("\(access) enum APIOperations {") { w in
            w.line("\(access) static let contracts: [OperationContract] = [" + all.filter(\.isServed).map { "\($0.typeName).contract" }.joined(separator: ", ") + "]")
            let webhooks = all.filter(\.isWebhook)
            if !webhooks.isEmpty {
                w.line("/// The webhooks' contracts: what the API sends to its users' URLs.")
                w.line("\(access) static let webhooks: [OperationContract] = [" + webhooks.map { "\($0.typeName).contract" }.joined(separator: ", ") + "]")
            }
            if !schemes.isEmpty {
                w.line("/// The security schemes the operations name: how the server reads credentials and the client sends them.")
                w.line("\(access) static let securitySchemes: [SecuritySchemeContract] = [")
                for scheme in schemes { w.line("    " + ContractEmitter.scheme(scheme) + ",") }
                w.line("]")
            }
        }
        return w.text
    }

    /// The initializer on AsyncHTTPClient's shared client, where that transport is linked; `leading` is a first
    /// parameter and the argument that passes it on.
    func asyncHTTPClientInit(_ typeName: String, what: String, leading: (parameter: String, argument: String), secured: Bool, _ w: inout SwiftWriter) {
        w.blank()
        w.line("#if canImport(OpenAPIAsyncHTTPClient)")
        w.block("extension \(typeName) {") { w in
            w.line("/// \(what) on AsyncHTTPClient (the shared `HTTPClient`).")
            let credentials = secured ? ", credentials: ClientCredentials? = nil" : ""
            w.block("\(access) init(\(leading.parameter)middlewares: [any ClientMiddleware] = [], validation: ClientValidation = ClientValidation(), retries: RetryPolicy = RetryPolicy()\(credentials)) {") { w in
                w.line("self.init(\(leading.argument)transport: AsyncHTTPClientTransport(), middlewares: middlewares, validation: validation, retries: retries\(secured ? ", credentials: credentials" : ""))")
            }
        }
        w.line("#endif")
    }

    /// The two methods that call `op`: one taking its `Input` (and sending it with `send`), one taking the inputs as
    /// arguments. `trailing` adds a last parameter to both (the sender's `to webhookURL: URL`), which the second
    /// passes on as `argument` (`to: webhookURL`).
    func callMethods(_ op: SwiftOperation, send: String, trailing: (parameter: String, argument: String)?, _ w: inout SwiftWriter) {
        let extra = trailing.map { ", " + $0.parameter } ?? ""
        let passed = trailing.map { ", " + $0.argument } ?? ""
        w.blank()
        w.doc(op.doc.joined(separator: "\n"))
        if let message = op.deprecation { w.line("@available(*, deprecated, message: \(SwiftNames.literal(message)))") }
        let fallback = op.inputs.isEmpty ? " = \(op.typeName).Input()" : ""
        w.block("\(access) func \(op.methodName)(_ input: \(op.typeName).Input\(fallback)\(extra)) async throws -> \(op.typeName).Output {") { w in
            w.line("try await " + send)
        }
        guard !op.inputs.isEmpty else { return }
        w.blank()
        w.doc(op.doc.first)
        if let message = op.deprecation { w.line("@available(*, deprecated, message: \(SwiftNames.literal(message)))") }
        w.block("\(access) func \(op.methodName)(\(parameterList(op.inputs, scope: []))\(extra)) async throws -> \(op.typeName).Output {") { w in
            let arguments = op.inputs.map { "\(SwiftNames.bare($0.name)): \($0.name)" }.joined(separator: ", ")
            w.line("try await self.\(SwiftNames.bare(op.methodName))(\(op.typeName).Input(\(arguments))\(passed))")
        }
    }

    /// `<method>Pages(…)`: the operation's items across pages, as a `PageSequence`.
    private func pageSequence(_ op: SwiftOperation, _ p: SwiftPagination, _ w: inout SwiftWriter) {
        let others = p.style == .link ? op.inputs : op.inputs.filter { $0.name != p.parameter }
        let method = SwiftNames.bare(op.methodName)
        w.blank()
        w.doc("""
        Every item of `\(op.path)`, page after page (\(p.style == .link ? "following the `Link` header's next page" : "by " + p.style.rawValue)), \
        each page fetched when the previous one is used up; at most `maxPages` pages.
        """)
        if let message = op.deprecation { w.line("@available(*, deprecated, message: \(SwiftNames.literal(message)))") }
        let parameters = (others.isEmpty ? "" : parameterList(others, scope: []) + ", ") + "maxPages: Int = 1000"
        w.block("\(access) func \(method)Pages(\(parameters)) -> PageSequence<\(p.itemType.rendered(in: []))> {") { w in
            w.block("PageSequence(maxPages: maxPages) { position in", close: "}") { w in
                // Offsets and page numbers start where the operation's default says (else 0 and 1).
                let argument: String
                switch p.style {
                case .cursor:
                    argument = p.parameterOptional ? "position.cursor" : "position.cursor ?? \(p.parameterDefault ?? "\"\"")"
                case .offset:
                    w.line("let first = position.offset ?? \(p.parameterDefault ?? "0")")
                    argument = "first"
                case .page:
                    w.line("let number = position.page ?? \(p.parameterDefault ?? "1")")
                    argument = "number"
                case .link:
                    argument = ""
                }
                let arguments = op.inputs.map { "\(SwiftNames.bare($0.name)): " + ($0.name == p.parameter ? argument : $0.name) }.joined(separator: ", ")
                if p.style == .link {
                    // (The page is `received`: an input may be named `page`.) The first page as the caller asked; then the URL the server links as next, as it is.
                    w.line("let output = try await client.send(\(op.typeName).self, \(op.typeName).Input(\(arguments)), following: position.link)")
                } else {
                    w.line("let output = try await self.\(method)(\(op.typeName).Input(\(arguments)))")
                }
                let headers = p.style == .link ? ", let headers" : (p.caseHasHeaders ? ", _" : "")
                w.line("guard case .\(p.caseName)(let received\(headers)) = output else { throw UnexpectedPage(operationID: \(SwiftNames.literal(op.methodName)), output: output) }")
                let items = p.items.isEmpty ? "received" : "received.\(p.items)" + (p.itemsOptional ? " ?? []" : "")
                switch p.style {
                case .cursor:
                    let next = p.next.map { "received.\($0.name)" } ?? "nil"
                    w.line("return (\(items), \(next).flatMap { $0.isEmpty ? nil : PagePosition.cursor($0) })")
                case .offset:
                    w.line("let items = \(items)")
                    w.line("let next = first + items.count")
                    if let total = p.total {
                        w.line("return (items, next < received.\(total.name)\(total.optional ? " ?? .max" : "") ? PagePosition.offset(next) : nil)")
                    } else {
                        w.line("return (items, PagePosition.offset(next))")
                    }
                case .page:
                    w.line("return (\(items), PagePosition.page(number + 1))")
                case .link:
                    w.line("return (\(items), PagePosition.nextLink(in: headers.\(p.linkHeader ?? "link")))")
                }
            }
        }
    }

    func client(_ ops: [SwiftOperation], secured: Bool = false) -> String {
        var w = SwiftWriter()
        w.doc(apiDoc)
        w.block("\(access) struct \(clientName): Sendable {") { w in
            w.line("let client: OperationClient")
            w.blank()
            w.line("/// The base URL requests go to.")
            w.line("\(access) var serverURL: URL { client.serverURL }")
            w.blank()
            w.doc("""
            - Parameters:
              - serverURL: the server's base URL (its path prefixes every operation's path).
              - transport: AsyncHTTPClient, URLSession or any other `ClientTransport`.
              - middlewares: run in order around every attempt of a request (authentication, logging).
              - validation: requests are checked before sending (default: debug builds); responses as `validation.responses` says.
              - retries: which calls are sent again after a connection error, 429 or 5xx, and how long to wait
                (default: idempotent methods and calls with an idempotency key, three attempts).
            """ + (secured ? """

              - credentials: a bearer token, Basic credentials or API keys (by scheme name), each sent only to the
                operations whose security asks for it.
            """ : ""))
            let credentials = secured ? ", credentials: ClientCredentials? = nil" : ""
            w.block("\(access) init(serverURL: URL, transport: any ClientTransport, middlewares: [any ClientMiddleware] = [], validation: ClientValidation = ClientValidation(), retries: RetryPolicy = RetryPolicy()\(credentials)) {") { w in
                let passed = secured ? ", credentials: credentials, securitySchemes: APIOperations.securitySchemes" : ""
                w.line("client = OperationClient(serverURL: serverURL, transport: transport, middlewares: middlewares, schemas: APISchemas.set, contracts: APIOperations.contracts, validation: validation, retries: retries\(passed))")
            }
            for op in ops where !op.isWebhook {
                callMethods(op, send: "client.send(\(op.typeName).self, input)", trailing: nil, &w)
                if let pages = op.pagination { pageSequence(op, pages, &w) }
            }
        }
        asyncHTTPClientInit(clientName, what: "A client", leading: ("serverURL: URL, ", "serverURL: serverURL, "), secured: secured, &w)
        let webhooks = ops.filter(\.isWebhook)
        if !webhooks.isEmpty {
            w.blank()
            w.line(webhookSender(webhooks, secured: secured && webhooks.contains { !$0.securitySchemes.isEmpty }).trimmingCharacters(in: .newlines))
        }
        return w.text
    }
}
