@_spi(Generated) import CharterRuntime
import Foundation
import Logging
import OpenAPIRuntime

/// The spec's webhooks, sent when asked (`MockOptions.webhookURL`). A webhook has no subscription in the spec — a
/// dashboard or an API call outside it registers the receiver — so the mock is told where to send, and a test or
/// a person says when: `POST /__charter/webhooks/<name>` sends that webhook's event (the trigger's JSON body,
/// checked against the webhook's schema first; else a valid example, `Prefer: example=<name>` choosing; else one
/// drawn from the schema) and answers with what the receiver said, checked against the webhook's responses.
/// `GET /__charter/webhooks` lists them. The routes live outside the spec's paths, at the root, whatever its
/// server URL.
struct MockWebhooks: Sendable {
    static let root = "/__charter/webhooks"
    let webhooks: [MockCatalog.Webhook]
    let url: URL
    let sender: MockSender
    let options: MockOptions
    let logger: Logger

    /// Any JSON: the control routes' bodies are the mock's own, not the spec's.
    private static let anyJSON = [MediaTypeContract(mediaType: "application/json", schema: nil)]
    static let list = OperationContract(operationID: "charterMockListWebhooks", method: "GET", path: root,
                                        responses: [ResponseContract(status: "200", content: anyJSON)])
    static let send = OperationContract(
        operationID: "charterMockSendWebhook", method: "POST", path: root + "/{name}",
        parameters: [ParameterContract(name: "name", location: .path, required: true, schema: nil),
                     ParameterContract(name: "method", location: .query, schema: nil)],
        requestBody: RequestBodyContract(required: false, content: anyJSON),
        responses: [ResponseContract(status: "200", content: anyJSON), ResponseContract(status: "default", content: anyJSON)])

    func register(on transport: any ServerTransport, schemas: SchemaSet) throws {
        let server = OperationServer(transport: transport, serverURL: OperationServer.rootURL, schemas: schemas, contracts: [Self.list, Self.send],
                                     options: options.validation, middlewares: [], logger: logger)
        try server.register(contract: Self.list) { _, writer in
            let listed: [JSONValue] = webhooks.map { ["name": .string($0.name), "method": .string($0.contract.method), "operationId": .string($0.contract.operationID)] }
            writer.status = 200
            writer.raw(Data(JSONValue.object(JSONObject([("url", .string(url.absoluteString)), ("webhooks", .array(listed))])).encoded()),
                       contentType: "application/json")
        }
        try server.register(contract: Self.send) { reader, writer in try await trigger(reader, &writer) }
    }

    private func trigger(_ reader: ServerRequestReader, _ writer: inout ServerResponseWriter) async throws {
        let name: String = try reader.requiredParameter("name", in: .path)
        let method: String? = try reader.parameter("method", in: .query)
        let named = webhooks.filter { $0.name == name || $0.contract.operationID == name }
        let chosen = method.map { wanted in named.filter { $0.contract.method.uppercased() == wanted.uppercased() } } ?? named
        guard let webhook = chosen.first else {
            let known = webhooks.map(\.name).joined(separator: ", ")
            throw APIError(status: 404, code: "NOT_FOUND",
                           message: "The spec has no webhook '\(name)'\(method.map { " sent with \($0)" } ?? "")" + (known.isEmpty ? "" : "; it has: \(known)"))
        }
        let preferences = MockPreferences(reader.request.headerFields)
        let dynamic = preferences.dynamic ?? options.dynamic
        let seed = dynamic ? UInt64.random(in: 1...UInt64.max) : options.seed
        var event: JSONValue?
        if let given = reader.body {
            guard let media = webhook.contract.requestBody?.content.first else {
                throw APIError(status: 400, code: "VALIDATION_ERROR", message: "Webhook \(webhook.name) has no body: send the trigger none")
            }
            guard media.coding == .json else {
                throw APIError(status: 400, code: "VALIDATION_ERROR",
                               message: "Webhook \(webhook.name) is sent as \(media.mediaType), not JSON: send the trigger no body, and the mock draws one from its schema")
            }
            event = try given.json(JSONValue.self)
        } else if let wanted = preferences.example {
            guard let example = webhook.examples.first(where: { $0.name == wanted }) else {
                let known = webhook.examples.compactMap(\.name).joined(separator: ", ")
                throw APIError(status: 404, code: "NOT_FOUND", message: "Webhook \(webhook.name) has no example '\(wanted)'" + (known.isEmpty ? "" : "; it has: \(known)"))
            }
            event = example.value
        } else if !dynamic {
            event = webhook.examples.first?.value
        }
        let outgoing = try sender.outgoing(webhook.contract, to: url, body: event, seed: seed)
        // The mock never sends what its spec does not allow, an event it was handed included.
        if reader.body != nil, case .rejected(let error) = sender.validator.checkRequest(outgoing.head, pathParameters: [:], body: outgoing.body, contract: webhook.contract) {
            throw APIError(status: 400, code: error.code, message: "The event is not one webhook \(webhook.name) may send; nothing was sent", details: error.details)
        }
        let delivery = await sender.deliver(outgoing, contract: webhook.contract)
        logger.log(delivery, label: "webhook \(webhook.name) (\(webhook.contract.method) \(delivery.url.absoluteString))", contract: "the webhook's contract")
        if let failure = delivery.failure {
            throw APIError(status: 502, code: "WEBHOOK_NOT_DELIVERED", message: "Webhook \(webhook.name) was not delivered to \(delivery.url.absoluteString): \(failure)")
        }
        let problems: [JSONValue] = delivery.problems.map { ["field": .string($0.field), "message": .string($0.message)] }
        let answer = JSONObject([("webhook", .string(webhook.name)), ("method", .string(webhook.contract.method)),
                                 ("url", .string(delivery.url.absoluteString)), ("status", .number(JSONNumber(delivery.status ?? 0))),
                                 ("problems", .array(problems)), ("sent", outgoing.value ?? .null)])
        writer.status = 200
        writer.raw(Data(JSONValue.object(answer).encoded()), contentType: "application/json")
    }
}
