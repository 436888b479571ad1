import Foundation
import HTTPTypes
import Logging
import OpenAPIRuntime

/// How a generated client checks what it sends and receives.
public struct ClientValidation: Sendable {
    /// Refuse to send a request that breaks the contract (throws `ContractViolation` before any I/O).
    /// On by default in debug builds.
    public var validateRequests: Bool
    /// What to do with a response that breaks the contract.
    public var responses: ResponseValidationMode

    /// What a generated client checks: its own requests (debug builds by default) and the server's responses.
    public init(validateRequests: Bool = ClientValidation.isDebugBuild, responses: ResponseValidationMode = .report) {
        self.validateRequests = validateRequests
        self.responses = responses
    }

    /// Whether this is a debug build (requests are then checked before they leave).
    public static var isDebugBuild: Bool {
        #if DEBUG
        true
        #else
        false
        #endif
    }
}

/// Sends generated operations through a swift-openapi-runtime `ClientTransport` (AsyncHTTPClient,
/// URLSession) behind the caller's middlewares, validating as `ClientValidation` says: a request is checked
/// before anything is sent (a streamed request body item by item as it goes), a response's body is read once, by
/// its media type's coding, and checked on the way (a streamed one item by item as the caller reads it).
@_spi(Generated) public struct OperationClient: Sendable {
    public let serverURL: URL
    /// Bodies read whole (JSON, forms, text, undocumented statuses) are read up to this size.
    public static let maxResponseBodySize = 64 << 20
    let transport: any ClientTransport
    let middlewares: [any ClientMiddleware]
    let validation: ClientValidation
    let validator: ContractValidator
    let logger: Logger
    let retries: RetryPolicy
    let credentials: ClientCredentials?
    let securitySchemes: [String: SecuritySchemeContract]

    /// - Parameters:
    ///   - credentials: sent to operations whose security asks for them (see `ClientCredentials`).
    ///   - securitySchemes: the spec's schemes, which contracts' `security` names.
    public init(serverURL: URL, transport: any ClientTransport, middlewares: [any ClientMiddleware], schemas: SchemaSet,
                contracts: [OperationContract], validation: ClientValidation, retries: RetryPolicy = RetryPolicy(),
                credentials: ClientCredentials? = nil, securitySchemes: [SecuritySchemeContract] = []) {
        self.retries = retries
        self.credentials = credentials
        self.securitySchemes = Dictionary(securitySchemes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.serverURL = serverURL
        self.transport = transport
        self.middlewares = middlewares
        self.validation = validation
        var options = ValidationOptions(responseValidation: validation.responses)
        options.applyDefaults = false
        validator = ContractValidator(schemas: schemas, contracts: contracts, options: options)
        logger = Logger(label: "charter.client")
    }

    /// Sends `input` as `Op` and reads the answer into its `Output`.
    /// - Throws: `ContractViolation` for a request that breaks the contract (nothing is sent) or, with
    ///   `.enforce`, a response that does; `UnexpectedResponse` for a response that cannot be read as declared;
    ///   whatever the transport throws.
    /// - Parameter link: a next-page URL from a `Link` header: sent to instead of the input's path and query
    ///   (headers and body still come from `input`); relative to the server URL, or absolute.
    public func send<Op: APIOperation>(_ operation: Op.Type, _ input: Op.Input, following link: String? = nil) async throws -> Op.Output {
        let limit = retries.timeout
        return try await ClientTimeout.race(limit, limit.map { ClientTimeout(operationID: Op.contract.operationID, limit: $0, wholeCall: true) }) {
            try await self.sendOnce(operation, input, following: link, destination: nil)
        }
    }

    /// Sends the webhook `Op` to `url`, the receiver's whole URL (a webhook has no path in the spec), with the
    /// same validation, credentials and retries as any call; `serverURL` is not used. The URL's own query is kept,
    /// with any query parameters of the webhook after it.
    public func send<Op: APIOperation>(webhook operation: Op.Type, _ input: Op.Input, to url: URL) async throws -> Op.Output {
        let limit = retries.timeout
        return try await ClientTimeout.race(limit, limit.map { ClientTimeout(operationID: Op.contract.operationID, limit: $0, wholeCall: true) }) {
            try await self.sendOnce(operation, input, following: nil, destination: url)
        }
    }

    /// The base URL and request path (with query) for a webhook sent to `url`, with the query its parameters make:
    /// the transports join the two and take the query from the path alone, so the URL's query moves into the path.
    /// (A webhook's contract path is its name, a callback's its URL expression: neither is part of the request.)
    @_spi(Generated) public static func webhookTarget(_ url: URL, query written: String?) -> (base: URL, path: String) {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: true) else { return (url, "") }
        let ownQuery = components.percentEncodedQuery
        components.percentEncodedQuery = nil
        components.fragment = nil
        guard let base = components.url else { return (url, "") }
        let query = [ownQuery, written].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: "&")
        return (base, query.isEmpty ? "" : "?" + query)
    }

    /// Where a followed link goes: the base URL and the request path (with query) under it. Only links on the
    /// server's own origin are followed: a header naming another host must not receive the client's credentials.
    private func target(of link: String) -> (base: URL, path: String)? {
        guard let url = URL(string: link, relativeTo: serverURL)?.absoluteURL, url.scheme == serverURL.scheme,
              url.host == serverURL.host, url.port == serverURL.port, let scheme = url.scheme, let host = url.host else { return nil }
        let query = url.query.map { "?" + $0 } ?? ""
        let server = serverURL.absoluteString.hasSuffix("/") ? String(serverURL.absoluteString.dropLast()) : serverURL.absoluteString
        let full = url.absoluteString
        if full.hasPrefix(server + "/") || full.hasPrefix(server + "?") { return (serverURL, String(full.dropFirst(server.count))) }
        guard let origin = URL(string: "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")) else { return nil }
        return (origin, (url.path.isEmpty ? "/" : url.path) + query)
    }

    private func sendOnce<Op: APIOperation>(_ operation: Op.Type, _ input: Op.Input, following link: String?, destination: URL?) async throws -> Op.Output {
        let contract = Op.contract
        var writer = ClientRequestWriter(contract: contract)
        try Op.encodeInput(input, to: &writer)
        var request = writer.request
        var baseURL = serverURL
        if let link {
            guard let target = target(of: link) else { throw UnexpectedLink(operationID: contract.operationID, link: link) }
            (baseURL, request.path) = (target.base, target.path)
        }
        if let destination { (baseURL, request.path) = Self.webhookTarget(destination, query: writer.queryText) }
        // An operation declaring an idempotency key the caller left out gets one: every attempt of this call
        // carries it, so the server can tell a retry from a new request.
        if let name = HTTPField.Name(retries.idempotencyHeader), request.headerFields[name] == nil,
           contract.parameters.contains(where: { $0.location == .header && $0.name.caseInsensitiveCompare(retries.idempotencyHeader) == .orderedSame }) {
            request.headerFields[name] = UUIDText.text(UUID())
        }
        credentials?.apply(to: &request, requirement: contract.security, schemes: securitySchemes)
        // One id for every attempt: the caller's, else the request being served (a handler calling on), else new.
        if RequestID.incoming(request.headerFields) == nil {
            request.headerFields[RequestID.headerName] = RequestID.current ?? RequestID.generate()
        }
        let sender = BodyParty(isServer: false, contract: contract, validate: validation.validateRequests, enforce: true, logger: logger)
        if validation.validateRequests, case .bytes(let bytes, _)? = writer.draft.payload {
            // The limit a validating server would answer 413 for, refused before anything is checked or sent.
            let limit = contract.maxBodySize ?? validator.options.maxBodySize
            if bytes.count > limit {
                let error = APIError.payloadTooLarge(limit: limit)
                throw ContractViolation(phase: .request, operationID: contract.operationID, issues: [
                    ValidationIssue(field: "", pointer: "", location: .body, constraint: error.code, value: nil, message: error.message),
                ])
            }
        }
        let (body, bodyIssues) = validator.outgoing(writer.draft, sender: sender)
        if validation.validateRequests, link == nil {
            var issues = validator.checkParameters(request, pathParameters: writer.pathValues.mapValues { Substring($0) }, contract: contract) + bodyIssues
            if contract.requestBody?.required == true, writer.draft.payload == nil { issues.append(ContractValidator.bodyRequired) }
            if !issues.isEmpty { throw ContractViolation(phase: .request, operationID: contract.operationID, issues: issues) }
        }

        let operationID = contract.operationID
        let transport = transport
        let chained = middlewares.reversed().reduce({ @Sendable (request: HTTPRequest, body: HTTPBody?, url: URL) in
            // Marked so the retry loop tells a failed connection from a middleware's refusal.
            do { return try await transport.send(request, body: body, baseURL: url, operationID: operationID) } catch { throw TransportFailure(underlying: error) }
        }) { next, middleware in
            { @Sendable request, body, url in
                try await middleware.intercept(request, body: body, baseURL: url, operationID: operationID, next: next)
            }
        }
        var retry = RetryState(policy: retries, mayRetry: retries.allowsRetry(of: request))
        if retry.mayRetry, let body, body.iterationBehavior == .single {
            // A streamed body is gone once sent: the call is sent once whatever the policy says.
            retry.mayRetry = false
            logger.debug("not retried: its body is a stream that cannot be sent again", metadata: ["operation": "\(operationID)"])
        }
        while true {
            let response: HTTPResponse, responseBody: HTTPBody?
            do {
                let attempt = retries.attemptTimeout
                let attemptRequest = request, serverURL = baseURL
                (response, responseBody) = try await ClientTimeout.race(attempt, attempt.map {
                    ClientTimeout(operationID: operationID, limit: $0, wholeCall: false)
                }) { try await chained(attemptRequest, body, serverURL) }
            } catch let failure as TransportFailure {
                guard retries.retriesTransportErrors, let wait = retry.next(retryAfter: nil) else { throw failure.underlying }
                logger.debug("retrying after a transport error", metadata: ["operation": "\(operationID)", "error": "\(failure.underlying)"])
                try await Task.sleep(for: wait)
                continue
            } catch let timeout as ClientTimeout where !timeout.wholeCall {
                // An attempt that took too long is retried as a lost connection is.
                guard retries.retriesTransportErrors, let wait = retry.next(retryAfter: nil) else { throw timeout }
                logger.debug("retrying after an attempt timed out", metadata: ["operation": "\(operationID)"])
                try await Task.sleep(for: wait)
                continue
            }
            if retries.retryableStatuses.contains(response.status.code), let wait = retry.next(retryAfter: response.headerFields.value(.retryAfter)) {
                // The refused attempt's body is read off the connection (a little of it at most) and dropped.
                _ = try? await BodyCollection.collect(responseBody, limit: 64 << 10)
                logger.debug("retrying", metadata: ["operation": "\(operationID)", "status": "\(response.status.code)", "attempt": "\(retry.attempt)"])
                try await Task.sleep(for: wait)
                continue
            }
            do {
                return try Op.decodeOutput(from: try await read(response, responseBody, contract: contract))
            } catch var error as UnexpectedResponse {
                error.requestID = RequestID.incoming(response.headerFields)
                throw error
            } catch var violation as ContractViolation {
                violation.requestID = RequestID.incoming(response.headerFields)
                throw violation
            }
        }
    }

    /// A `ClientTransport` failure, as the retry loop sees it.
    private struct TransportFailure: Error {
        var underlying: any Error
    }

    /// One call's attempts and the time spent waiting between them.
    private struct RetryState {
        let policy: RetryPolicy
        var mayRetry: Bool
        var attempt = 1
        var waited: Duration = .zero

        /// The wait before the next attempt, counted; nil when the call must not be sent again.
        mutating func next(retryAfter: String?) -> Duration? {
            guard mayRetry, attempt < policy.maxAttempts, !Task.isCancelled,
                  let wait = policy.delay(beforeRetry: attempt, retryAfter: retryAfter), waited + wait <= policy.maxTotalDelay else { return nil }
            attempt += 1
            waited += wait
            return wait
        }
    }

    /// The response with its body read as its status declares, checked as `validation.responses` says.
    private func read(_ response: HTTPResponse, _ body: HTTPBody?, contract: OperationContract) async throws -> ClientResponseReader {
        let status = response.status.code
        let mode = validation.responses
        guard let declared = contract.response(for: status), !declared.content.isEmpty else {
            // An undocumented status (or one declaring no body): the bytes, for `.undocumented`.
            let raw: [UInt8]
            do {
                raw = try await BodyCollection.collect(body, limit: Self.maxResponseBodySize) ?? []
            } catch is BodyCollection.TooLarge {
                throw UnexpectedResponse(statusCode: status, body: [], reason: "body larger than \(Self.maxResponseBodySize >> 20) MiB")
            }
            if mode != .off { try checked(validator.checkResponseHead(response, hasBody: !raw.isEmpty, contract: contract).issues, contract) }
            return ClientResponseReader(response: response, body: nil, raw: raw, declared: contract.response(for: status), decoding: validator.decoding)
        }
        let reader = BodyParty(isServer: false, contract: contract, statusCode: status, validate: mode != .off,
                                enforce: mode == .enforce, logger: logger)
        let reception: ContractValidator.Reception?
        switch try await IncomingBody.read(body, contentType: response.headerFields.value(.contentType), declared: declared.content,
                                           validator: validator, limit: Self.maxResponseBodySize, reader: reader) {
        case .failure(let error): throw UnexpectedResponse(statusCode: status, body: [], reason: error.message)
        case .success(let r): reception = r
        }
        if mode != .off {
            try checked(validator.checkResponseHead(response, hasBody: reception != nil, contract: contract).issues + (reception?.issues ?? []), contract)
        }
        return ClientResponseReader(response: response, body: reception?.body, declared: declared, decoding: validator.decoding)
    }

    private func checked(_ issues: [ValidationIssue], _ contract: OperationContract) throws {
        guard !issues.isEmpty else { return }
        let violation = ContractViolation(phase: .response, operationID: contract.operationID, issues: issues)
        if validation.responses == .enforce { throw violation }
        logger.warning("\(violation.description)")
    }
}

/// A next-page link the client will not follow: not a URL, or on another origin than the server's.
public struct UnexpectedLink: Error, Sendable, CustomStringConvertible {
    /// The paginated operation.
    public var operationID: String
    /// The link as the server sent it.
    public var link: String
    public var description: String { "\(operationID): the next-page link '\(link)' is not a URL on the server's origin; not followed" }
}
