@_spi(Generated) import CharterRuntime
import CharterValidation
import Foundation
import HTTPTypes
import OpenAPIRuntime

// Webhooks delivered to one URL (OpenAI's 16 events at `/webhooks`), told apart by their bodies: the request path of a
// receiver with all of them registered at one path, against the same request to a receiver with only the event's own
// webhook there (the baseline: one validation, no choosing). In process, through OperationServer's registration, as
// `serve-path` measures the airline operations.

/// `webhooks [corpus]`: OpenAI's webhooks, the last registered event delivered among all of them and alone.
func runWebhookDispatchBenchmarks(_ arguments: ArraySlice<String>) async {
    let path = (arguments.first ?? "../../shared/corpus") + "/openai/openapi.yaml"
    guard let validator = try? SpecValidator.load(path: path) else { print("skipped: \(path) not found"); return }
    let names = Set(validator.document.webhooks.map(\.name))
    let webhooks = validator.contracts.filter { $0.sentByAPI && names.contains($0.path) }
    guard let target = webhooks.last, let schema = target.requestBody?.content.first?.schema else { print("skipped: no webhooks"); return }
    var synthesizer = ValueSynthesizer(schemas: validator.schemas, seed: 7, direction: .response)
    guard let event = synthesizer.value(for: schema) else { print("skipped: no event could be drawn"); return }
    let body = event.encoded()

    func handler(serving contracts: [OperationContract]) -> RawHandler {
        let transport = CapturingTransport()
        let server = OperationServer(transport: transport, serverURL: OperationServer.rootURL, schemas: validator.schemas, contracts: contracts,
                                     options: ValidationOptions(responseValidation: .off), middlewares: [])
        for var contract in contracts {
            contract.path = "/webhooks"
            guard (try? server.register(contract: contract, toldApartByBody: true, respond: { _, writer in writer.status = 200 })) != nil else {
                fatalError("registration failed") // driver only
            }
        }
        guard let first = transport.handlers.first else { fatalError("nothing registered") } // driver only
        return first
    }
    var request = HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/webhooks")
    request.headerFields[.contentType] = "application/json"
    func perCall(_ handler: @escaping RawHandler) async -> Double {
        let n = 5_000
        var best = Double.infinity
        for round in 0..<4 {
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<n {
                let answer = try? await handler(request, HTTPBody(body), ServerRequestMetadata(pathParameters: [:]))
                guard answer?.0.status.code == 200 else { fatalError("the event was refused: \(answer.map { "\($0.0.status)" } ?? "threw")") } // driver only
            }
            if round > 0 { best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / Double(n)) }
        }
        return best / 1000
    }
    let shared = handler(serving: webhooks), alone = handler(serving: [target])
    var best = (shared: Double.infinity, alone: Double.infinity)
    for _ in 0..<3 {
        best.shared = min(best.shared, await perCall(shared))
        best.alone = min(best.alone, await perCall(alone))
    }
    let f = { (v: Double) in String(format: "%.2f", v) }
    print("| webhook delivery, in process | µs per request | ratio |")
    print("| --- | ---: | ---: |")
    print("| `\(target.operationID)` (\(body.count)-byte event) with only its webhook at the path (baseline) | \(f(best.alone)) | 1.00× |")
    print("| the same event among all \(webhooks.count) of OpenAI's webhooks at one path | \(f(best.shared)) | \(String(format: "%.2f×", best.shared / best.alone)) |")
    print("")
    print("Best of 3 × 3 interleaved rounds of 5000 deliveries (a warm-up round each); release build.")
}
