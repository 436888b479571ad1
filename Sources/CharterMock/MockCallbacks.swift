@_spi(Generated) import CharterRuntime
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTPTypes
import Logging

/// Sends an operation's callbacks after the mock has answered it, as the API would: to the URL each callback's key
/// reads from the request, with a body drawn from the callback's schema (valid by construction, `readOnly` fields
/// included: the request is the API's message), and logs what the receiver answered, checked against the
/// callback's documented responses. A receiver that cannot be reached, or answers outside its contract, is a
/// warning in the log; the subscribing call has been answered by then and is not affected.
///
/// Sent with Foundation's URLSession: `generate` then needs no HTTP client package of its own (AsyncHTTPClient would
/// bring SwiftNIO's TLS, compiled again for every release build of the tool).
struct MockCallbacks: Sendable {
    /// How long a receiver may take to answer before it is reported.
    static let timeout: TimeInterval = 10
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
                case .query: query.append(PercentEncoding.encode(p.name) + "=" + PercentEncoding.encode(text))
                default: break
                }
            }
            var body: Data?
            if let media = contract.requestBody?.content.first {
                let value = try media.schema.map { try values.value(for: $0, seed: seed, what: "\(media.mediaType) body") } ?? .object(JSONObject())
                fields[.contentType] = media.mediaType
                body = Data(value.encoded())
            }
            var request = URLRequest(url: url, timeoutInterval: Self.timeout)
            request.httpMethod = contract.method.uppercased()
            if !query.isEmpty, var components = URLComponents(url: url, resolvingAgainstBaseURL: true) {
                components.percentEncodedQuery = [components.percentEncodedQuery, query.joined(separator: "&")].compactMap { $0 }.joined(separator: "&")
                if let withQuery = components.url { request.url = withQuery }
            }
            for field in fields { request.setValue(field.value, forHTTPHeaderField: field.name.rawName) }
            request.httpBody = body
            let (data, answer) = try await BoundedExchange.send(request, limit: validator.options.maxBodySize)
            guard let http = answer as? HTTPURLResponse else { throw CallbackNotHTTP() }
            var response = HTTPResponse(status: .init(code: http.statusCode))
            for case (let name as String, let value as String) in http.allHeaderFields {
                if let field = HTTPField.Name(name) { response.headerFields.append(HTTPField(name: field, value: value)) }
            }
            let bytes: [UInt8]? = data.isEmpty ? nil : Array(data)
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

/// A callback's answer that was not HTTP.
struct CallbackNotHTTP: Error, CustomStringConvertible {
    var description: String { "the answer was not an HTTP response" }
}

/// One URLSession exchange whose answer is read up to `limit` bytes: a receiver sending more is cut off and
/// reported, never held in memory whole (`data(for:)` reads without a bound).
final class BoundedExchange: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let limit: Int
    private var data = Data()
    private var response: URLResponse?
    private var overLimit = false
    private var continuation: CheckedContinuation<(Data, URLResponse), any Error>?

    private init(limit: Int) { self.limit = limit }

    static func send(_ request: URLRequest, limit: Int) async throws -> (Data, URLResponse) {
        let exchange = BoundedExchange(limit: limit)
        // The delegate's calls arrive one at a time on this queue, so its state needs no lock.
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let session = URLSession(configuration: .ephemeral, delegate: exchange, delegateQueue: queue)
        defer { session.finishTasksAndInvalidate() }
        return try await withCheckedThrowingContinuation { continuation in
            queue.addOperation {
                exchange.continuation = continuation
                session.dataTask(with: request).resume()
            }
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        self.response = response
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        guard !overLimit else { return }
        if self.data.count + data.count > limit {
            overLimit = true
            dataTask.cancel()
        } else {
            self.data.append(data)
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let continuation else { return }
        self.continuation = nil
        if overLimit {
            continuation.resume(throwing: CallbackAnswerTooLarge(limit: limit))
        } else if let error {
            continuation.resume(throwing: error)
        } else if let response {
            continuation.resume(returning: (data, response))
        } else {
            continuation.resume(throwing: CallbackNotHTTP())
        }
    }
}

/// A callback's receiver answered with more than the body-size limit.
struct CallbackAnswerTooLarge: Error, CustomStringConvertible {
    var limit: Int
    var description: String { "the answer was over \(limit) bytes and was not read" }
}
