import CharterMock
import CharterRuntime
import CharterTestSupport
import CharterValidation
import Foundation
import HTTPTypes
import Hummingbird
import Testing

/// `generate mock --webhook-url`: each of the spec's webhooks is sent, over the network, when a trigger route asks,
/// and the trigger answers with what the receiver said.
@Suite("generate mock: webhooks")
struct MockWebhookTests {
    static let spec = """
        openapi: 3.1.0
        info: {title: Hooks, version: '1'}
        paths: {}
        webhooks:
          orderShipped:
            post:
              operationId: orderShipped
              parameters:
                - name: Webhook-Signature
                  in: header
                  required: true
                  schema: {type: string, pattern: '^v1=[0-9a-f]{8}$'}
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Shipment'}
                    examples:
                      express: {value: {id: sh_1, order_id: 42, carrier: dhl}}
                      broken: {value: {id: sh_2}}
              responses:
                '204': {description: Accepted.}
          ping:
            put:
              responses:
                '200': {description: Alive.}
        components:
          schemas:
            Shipment:
              type: object
              required: [id, order_id, carrier]
              properties:
                id: {type: string, readOnly: true}
                order_id: {type: integer, minimum: 1}
                carrier: {type: string, enum: [dhl, ups]}
        """

    /// A receiver on a real port recording what arrives, and the mock of `spec` sending webhooks to `path` on it.
    func withReceiverAndMock(path: String = "/hooks", url: URL? = nil, spec: String = spec,
                             _ body: @Sendable (_ mock: MockServer, _ root: URL, _ received: Recorded) async throws -> Void) async throws {
        let received = Recorded()
        let router = Router()
        router.on("/hooks", method: .post) { request, _ -> HTTPResponse.Status in
            let bytes = try await request.body.collect(upTo: 1 << 20)
            received.add("POST \(request.uri) \(request.headers[HTTPField.Name("Webhook-Signature")!] ?? "-") \(String(buffer: bytes))")
            return .noContent
        }
        router.on("/hooks", method: .put) { request, _ -> HTTPResponse.Status in
            received.add("PUT \(request.uri)")
            return .ok
        }
        router.post("/refuses") { _, _ -> HTTPResponse.Status in .internalServerError }
        try await withServer(router) { receiver in
            let folder = try scratchDirectory()
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("openapi.yaml").path
            try spec.write(toFile: file, atomically: true, encoding: .utf8)
            let target = url ?? receiver.appendingPathComponent(String(path.dropFirst()))
            let mock = try MockServer.load(path: file, options: MockOptions(webhookURL: target))
            let running = try await mock.start()
            do {
                try await body(mock, running.url, received)
            } catch {
                await running.stop()
                throw error
            }
            await running.stop()
        }
    }

    func trigger(_ root: URL, _ name: String, headers: [String: String] = [:], event: String? = nil) async throws -> (status: Int, body: JSONValue) {
        var headers = headers
        if event != nil { headers["Content-Type"] = "application/json" }
        let answer = try await exchange(root, "POST", "/__charter/webhooks/\(name)", headers: headers, body: event.map { Data($0.utf8) })
        return (answer.status, try JSONParser.parse(answer.body))
    }

    func items(_ value: JSONValue?) -> [JSONValue]? {
        if case .array(let items)? = value { return items }
        return nil
    }

    @Test func aTriggeredWebhookArrivesWithTheSpecsExampleAndItsRequiredHeader() async throws {
        try await withReceiverAndMock { mock, root, received in
            // The example that breaks its schema is reported at start-up and never sent.
            #expect(mock.diagnostics.contains { $0.message.contains("example 'broken' of webhook orderShipped") }, "\(mock.diagnostics)")
            #expect(mock.webhookTriggers == ["POST /__charter/webhooks/orderShipped", "POST /__charter/webhooks/ping?method=PUT"])

            let (status, answer) = try await trigger(root, "orderShipped")
            #expect(status == 200, "\(answer)")
            let got = try #require(received.all.first)
            let parts = got.split(separator: " ", maxSplits: 3).map(String.init)
            #expect(parts.prefix(2) == ["POST", "/hooks"])
            #expect(parts[2].wholeMatch(of: /v1=[0-9a-f]{8}/) != nil, "signature drawn from its pattern: \(got)")
            let sent = try JSONParser.parse(parts[3])
            #expect(sent == ["id": "sh_1", "order_id": 42, "carrier": "dhl"])
            #expect(answer["webhook"] == "orderShipped")
            #expect(answer["status"] == 204)
            #expect(answer["problems"] == [])
            #expect(answer["sent"] == sent)
        }
    }

    @Test func preferChoosesAnExampleOrFreshValues() async throws {
        try await withReceiverAndMock { mock, root, received in
            let broken = try await trigger(root, "orderShipped", headers: ["Prefer": "example=broken"])
            #expect(broken.status == 404)
            #expect(broken.body["error"]?["message"]?.stringValue?.contains("has no example 'broken'; it has: express") == true, "\(broken.body)")

            let fresh = try await trigger(root, "orderShipped", headers: ["Prefer": "dynamic=true"])
            #expect(fresh.status == 200)
            let sent = try #require(fresh.body["sent"])
            #expect(sent != ["id": "sh_1", "order_id": 42, "carrier": "dhl"])
            #expect(mock.validator.validate(sent, schema: "Shipment", direction: .response) == [], "a drawn event its schema accepts: \(sent)")
            #expect(received.all.count == 1)
        }
    }

    @Test func aGivenEventIsCheckedThenSentAsItIs() async throws {
        try await withReceiverAndMock { _, root, received in
            let event = #"{"id":"sh_9","order_id":7,"carrier":"ups"}"#
            let sent = try await trigger(root, "orderShipped", event: event)
            #expect(sent.status == 200)
            #expect(received.all.first?.hasSuffix(" " + event) == true, "\(received.all)")

            // An event its webhook may not send is refused with every violation, and nothing leaves.
            let refused = try await trigger(root, "orderShipped", event: #"{"id":"sh_9","order_id":0,"carrier":"fedex"}"#)
            #expect(refused.status == 400)
            let fields = items(refused.body["error"]?["details"])?.compactMap { $0["field"]?.stringValue }
            #expect(fields == ["order_id", "carrier"], "\(refused.body)")
            #expect(received.all.count == 1)
        }
    }

    @Test func theReceiversAnswerIsCheckedAndAnUnreachableOneIsA502() async throws {
        try await withReceiverAndMock(path: "/refuses") { _, root, _ in
            let (status, answer) = try await trigger(root, "orderShipped")
            #expect(status == 200)
            #expect(answer["status"] == 500)
            #expect(answer["problems"]?[0]?["message"]?.stringValue?.contains("Status 500 is not declared") == true, "\(answer)")
        }
        try await withReceiverAndMock(url: URL(string: "http://127.0.0.1:9/nobody")) { _, root, _ in
            let (status, answer) = try await trigger(root, "orderShipped")
            #expect(status == 502)
            #expect(answer["error"]?["code"] == "WEBHOOK_NOT_DELIVERED", "\(answer)")
            #expect(answer["error"]?["message"]?.stringValue?.contains("was not delivered to http://127.0.0.1:9/nobody: ") == true, "\(answer)")
        }
    }

    @Test func webhooksAreListedAndFoundByNameOrMethod() async throws {
        try await withReceiverAndMock { _, root, received in
            let list = try await exchange(root, "GET", "/__charter/webhooks")
            let listed = items(try JSONParser.parse(list.body)["webhooks"])?.map { "\($0["method"]?.stringValue ?? "") \($0["name"]?.stringValue ?? "")" }
            #expect(listed == ["POST orderShipped", "PUT ping"])

            let ping = try await trigger(root, "ping")
            #expect(ping.status == 200 && ping.body["status"] == 200, "\(ping.body)")
            #expect(received.all == ["PUT /hooks"])
            let wrongMethod = try await exchange(root, "POST", "/__charter/webhooks/ping?method=POST")
            #expect(wrongMethod.status == 404)
            let unknown = try await trigger(root, "orderCancelled")
            #expect(unknown.status == 404)
            #expect(unknown.body["error"]?["message"] == "The spec has no webhook 'orderCancelled'; it has: orderShipped, ping")
        }
    }

    @Test func withoutAURLThereAreNoTriggerRoutes() async throws {
        try await withMock(of: Self.spec) { mock in
            #expect(mock.webhookTriggers.isEmpty)
            try await mock.withRunning { serverURL in
                let answer = try await exchange(root(serverURL), "POST", "/__charter/webhooks/orderShipped")
                #expect(answer.status == 404)
            }
        }
        // A URL for a spec that has no webhooks is a warning, not silence.
        let mock = try MockServer.load(path: sample("airline.yaml"), options: MockOptions(webhookURL: URL(string: "http://127.0.0.1:9/hooks")))
        #expect(mock.diagnostics.contains { $0.message.contains("the spec declares no webhooks") })
    }
}
