@_spi(Generated) import CharterRuntime
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTPTypes

/// Sends a request the API itself sends — a callback or a webhook — as its contract describes it: required header
/// and query parameters drawn from their schemas, the body given or drawn from the schema (`readOnly` fields
/// included: the request is the API's message), and checks the receiver's answer against the documented responses.
///
/// Sent with Foundation's URLSession: `generate` then needs no HTTP client package of its own (AsyncHTTPClient would
/// bring SwiftNIO's TLS, compiled again for every release build of the tool).
struct MockSender: Sendable {
    /// How long a receiver may take to answer before it is reported.
    static let timeout: TimeInterval = 10
    let values: MockValues
    let validator: ContractValidator

    /// A request ready to leave, and its head as the contract checks it.
    struct Outgoing: Sendable {
        var request: URLRequest
        var head: HTTPRequest
        var body: [UInt8]?
        /// The body as a value, before it was written (given or drawn).
        var value: JSONValue?
    }

    /// What came of one sending.
    struct Delivery: Sendable {
        var url: URL
        /// The receiver's status; nil when no answer came.
        var status: Int?
        /// How the answer breaks the documented responses (a status or body they do not allow).
        var problems: [ValidationIssue] = []
        /// Why no answer came: unreachable, timed out, over the body-size limit.
        var failure: String?
    }

    /// The request `contract` describes, to `url`, with `body` (drawn from the first media type's schema when nil).
    func outgoing(_ contract: OperationContract, to url: URL, body given: JSONValue? = nil, seed: UInt64) throws -> Outgoing {
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
        var body: [UInt8]?
        var value: JSONValue?
        if let media = contract.requestBody?.content.first {
            let event = try given ?? media.schema.map { try values.value(for: $0, seed: seed, what: "\(media.mediaType) body") } ?? .object(JSONObject())
            fields[.contentType] = media.mediaType
            body = event.encoded()
            value = event
        }
        var target = url
        if !query.isEmpty, var components = URLComponents(url: url, resolvingAgainstBaseURL: true) {
            components.percentEncodedQuery = [components.percentEncodedQuery, query.joined(separator: "&")].compactMap { $0 }.joined(separator: "&")
            if let withQuery = components.url { target = withQuery }
        }
        var request = URLRequest(url: target, timeoutInterval: Self.timeout)
        request.httpMethod = contract.method.uppercased()
        for field in fields { request.setValue(field.value, forHTTPHeaderField: field.name.rawName) }
        request.httpBody = body.map { Data($0) }
        let path = (target.path.isEmpty ? "/" : target.path) + (target.query.map { "?" + $0 } ?? "")
        let head = HTTPRequest(method: HTTPRequest.Method(contract.method.uppercased()) ?? .post, scheme: target.scheme,
                               authority: target.host, path: path, headerFields: fields)
        return Outgoing(request: request, head: head, body: body, value: value)
    }

    /// Sends `outgoing` and checks the answer against `contract`'s responses.
    func deliver(_ outgoing: Outgoing, contract: OperationContract) async -> Delivery {
        let url = outgoing.request.url ?? URL(fileURLWithPath: "/")
        do {
            let (data, answer) = try await BoundedExchange.send(outgoing.request, limit: validator.options.maxBodySize)
            guard let http = answer as? HTTPURLResponse else { throw AnswerNotHTTP() }
            var response = HTTPResponse(status: .init(code: http.statusCode))
            for case (let name as String, let value as String) in http.allHeaderFields {
                if let field = HTTPField.Name(name) { response.headerFields.append(HTTPField(name: field, value: value)) }
            }
            let bytes: [UInt8]? = data.isEmpty ? nil : Array(data)
            return Delivery(url: url, status: http.statusCode, problems: validator.checkResponse(response, body: bytes, contract: contract))
        } catch {
            return Delivery(url: url, failure: Self.describe(error))
        }
    }

    /// Why an exchange failed, in a sentence (Foundation's URL errors print as a dump of their user info).
    static func describe(_ error: any Error) -> String {
        if let error = error as? URLError {
            return error.code == .timedOut ? "no answer within \(Int(timeout)) s" : error.localizedDescription
        }
        return "\(error)"
    }
}

extension [ValidationIssue] {
    /// The first few problems in one line, for a log.
    var summary: String {
        prefix(3).map { ($0.field.isEmpty ? "" : "\($0.field): ") + $0.message }.joined(separator: "; ")
    }
}

/// An answer that was not HTTP.
struct AnswerNotHTTP: Error, CustomStringConvertible {
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
            continuation.resume(throwing: AnswerTooLarge(limit: limit))
        } else if let error {
            continuation.resume(throwing: error)
        } else if let response {
            continuation.resume(returning: (data, response))
        } else {
            continuation.resume(throwing: AnswerNotHTTP())
        }
    }
}

/// A receiver answered with more than the body-size limit.
struct AnswerTooLarge: Error, CustomStringConvertible {
    var limit: Int
    var description: String { "the answer was over \(limit) bytes and was not read" }
}
