@_spi(Generated) import CharterRuntime
import Foundation
import HTTPTypes
import Logging
import OpenAPIRuntime

/// Sends an operation's callbacks after the mock has answered it, as the API would: to the URL each callback's key
/// reads from the request, with a body drawn from the callback's schema (valid by construction, `readOnly` fields
/// included: the request is the API's message), and logs what the receiver answered, checked against the
/// callback's documented responses. A receiver that cannot be reached, or answers outside its contract, is a
/// warning in the log; the subscribing call has been answered by then and is not affected.
struct MockCallbacks: Sendable {
    let transport: any ClientTransport
    let values: MockValues
    let validator: ContractValidator
    let logger: Logger

    /// Reads each callback's URL from `reader` now (the request is gone once answered) and sends them in the
    /// background, in the spec's order.
    func schedule(_ callbacks: [MockCatalog.Callback], after reader: ServerRequestReader, seed: UInt64) {
        var targets: [(MockCatalog.Callback, URL)] = []
        for callback in callbacks {
            do {
                targets.append((callback, try reader.callbackURL(callback.template)))
            } catch {
                logger.warning("callback \(callback.name) of \(reader.contract.method) \(reader.contract.path) not sent: \(error)")
            }
        }
        guard !targets.isEmpty else { return }
        Task {
            // After the answer has left: a receiver may look the subscription up when the callback arrives.
            try? await Task.sleep(nanoseconds: 50_000_000)
            for (callback, url) in targets { await send(callback, to: url, seed: seed) }
        }
    }

    /// Everything but RFC 3986's unreserved characters percent-encoded.
    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")) ?? text
    }

    private func send(_ callback: MockCatalog.Callback, to url: URL, seed: UInt64) async {
        let contract = callback.contract
        let label = "callback \(callback.name) (\(contract.method) \(url.absoluteString))"
        do {
            var fields = HTTPFields()
            var query: [String] = []
            for p in contract.parameters where p.required {
                let value = try p.schema.map { try values.value(for: $0, seed: seed, what: "parameter '\(p.name)'") } ?? .string("mock")
                let text = value.stringValue ?? value.jsonText
                switch p.location {
                case .header: if let name = HTTPField.Name(p.name) { fields[name] = text }
                case .query: query.append(Self.encoded(p.name) + "=" + Self.encoded(text))
                default: break
                }
            }
            var body: HTTPBody?
            if let media = contract.requestBody?.content.first {
                let value = try media.schema.map { try values.value(for: $0, seed: seed, what: "\(media.mediaType) body") } ?? .object(JSONObject())
                fields[.contentType] = media.mediaType
                body = HTTPBody(value.encoded())
            }
            let target = OperationClient.webhookTarget(url, query: query.isEmpty ? nil : query.joined(separator: "&"))
            let request = HTTPRequest(method: HTTPRequest.Method(contract.method) ?? .post, scheme: nil, authority: nil, path: target.path, headerFields: fields)
            let (response, responseBody) = try await transport.send(request, body: body, baseURL: target.base, operationID: contract.operationID)
            var bytes: [UInt8]?
            if let responseBody { bytes = try await [UInt8](collecting: responseBody, upTo: validator.options.maxBodySize) }
            let issues = validator.checkResponse(response, body: bytes, contract: contract)
            if issues.isEmpty {
                logger.notice("\(label): \(response.status.code)")
            } else {
                let listed = issues.prefix(3).map { ($0.field.isEmpty ? "" : "\($0.field): ") + $0.message }.joined(separator: "; ")
                logger.warning("\(label): \(response.status.code), outside the callback's contract: \(listed)")
            }
        } catch {
            logger.warning("\(label) failed: \(error)")
        }
    }
}
