/// Webhooks (OpenAPI 3.1 `webhooks`) and callbacks: requests the API sends to URLs its users give it. They have no
/// path in the spec, so the receiver chooses where it listens and the sender is told where to send each one;
/// otherwise each is an operation like any other (its namespace, contract and wire coding are printed the same way).
extension OperationRenderer {
    var webhooksProtocolName: String { Self.webhooksProtocolName(apiName) }
    /// `PetsWebhooksProtocol` for the API stem `Pets` (the docs page names it too).
    static func webhooksProtocolName(_ apiName: String) -> String { (apiName.isEmpty ? "API" : apiName) + "WebhooksProtocol" }
    var webhookSenderName: String { (apiName.isEmpty ? "API" : apiName) + "WebhookSender" }

    /// `<API>WebhooksProtocol`, one method per webhook and callback, and `registerWebhookHandlers(on:path:…)`.
    func webhookReceiver(_ webhooks: [SwiftOperation], secured: Bool) -> String {
        var w = SwiftWriter()
        w.doc("""
        The webhooks and callbacks of \(apiDoc.split(separator: "\n").first ?? ""): requests the API sends to a URL you give it.
        Implement this protocol and register it with `registerWebhookHandlers(on:path:)` to receive them, checked against
        the spec.
        """)
        w.block("\(access) protocol \(webhooksProtocolName): Sendable {") { w in
            for (n, op) in webhooks.enumerated() {
                if n > 0 { w.blank() }
                w.doc(op.doc.joined(separator: "\n"))
                w.line("func \(op.methodName)(_ input: \(op.typeName).Input) async throws -> \(op.typeName).Output")
            }
        }
        w.blank()
        w.block("extension \(webhooksProtocolName) {") { w in
            w.doc("""
            Receives every webhook at `path` on `transport` (the URL you give the sender ends with it). The sender
            delivers every event to that one URL: each request goes to the first webhook whose contract its body
            satisfies (else to the closest, whose 400 lists every issue), is validated as an operation's request is, and
            the answer is checked as `options.responseValidation` says.
            - Parameters:
              - path: where the webhooks are received (`/webhooks` unless given).
            """ + (secured ? """

              - security: resolves the credentials webhooks carry to principals (implement `\(securityProtocolName)`).
            """ : "") + """

              - middlewares: run first, outermost first (signature checks, logging).
            """)
            let securityParameter = secured ? "security: any SecurityHandler, " : ""
            w.block("\(access) func registerWebhookHandlers(on transport: any ServerTransport, path: String = \"/webhooks\", \(securityParameter)options: ValidationOptions = ValidationOptions(), middlewares: [any ServerMiddleware] = []) throws {") { w in
                let securityArguments = secured ? ", securitySchemes: APIOperations.securitySchemes, security: security" : ""
                w.line("let server = OperationServer(transport: transport, serverURL: OperationServer.rootURL, schemas: APISchemas.set, contracts: APIOperations.webhooks, options: options, middlewares: middlewares\(securityArguments))")
                for op in webhooks {
                    w.line("try server.register(webhook: \(op.typeName).self, at: path) { try await self.\(SwiftNames.bare(op.methodName))($0) }")
                }
                w.line("try server.registerMethodNotAllowed(webhooks: APIOperations.webhooks, at: path)")
            }
        }
        return w.text
    }

    /// `<API>WebhookSender`: sends each webhook to a URL given per call, as a service implementing the API does (and
    /// as a receiver's tests may).
    func webhookSender(_ webhooks: [SwiftOperation], secured: Bool) -> String {
        var w = SwiftWriter()
        w.doc("""
        Sends the webhooks and callbacks of \(apiDoc.split(separator: "\n").first ?? "") to the URLs their receivers give: each
        call is checked against the spec before it is sent (default: debug builds) and retried as `retries` says.
        """)
        w.block("\(access) struct \(webhookSenderName): Sendable {") { w in
            w.line("let client: OperationClient")
            w.blank()
            w.doc("""
            - Parameters:
              - transport: AsyncHTTPClient, URLSession or any other `ClientTransport`.
              - middlewares: run in order around every attempt of a request (signing, logging).
              - validation: requests are checked before sending (default: debug builds); answers as `validation.responses` says.
              - retries: which deliveries are sent again after a connection error, 429 or 5xx, and how long to wait.
            """ + (secured ? """

              - credentials: sent to the webhooks whose security asks for them.
            """ : ""))
            let credentials = secured ? ", credentials: ClientCredentials? = nil" : ""
            w.block("\(access) init(transport: any ClientTransport, middlewares: [any ClientMiddleware] = [], validation: ClientValidation = ClientValidation(), retries: RetryPolicy = RetryPolicy()\(credentials)) {") { w in
                let passed = secured ? ", credentials: credentials, securitySchemes: APIOperations.securitySchemes" : ""
                w.line("client = OperationClient(serverURL: OperationServer.rootURL, transport: transport, middlewares: middlewares, schemas: APISchemas.set, contracts: APIOperations.webhooks, validation: validation, retries: retries\(passed))")
            }
            for op in webhooks {
                callMethods(op, send: "client.send(webhook: \(op.typeName).self, input, to: webhookURL)", trailing: ("to webhookURL: URL", "to: webhookURL"), &w)
            }
        }
        asyncHTTPClientInit(webhookSenderName, what: "A sender", leading: ("", ""), secured: secured, &w)
        return w.text
    }
}
