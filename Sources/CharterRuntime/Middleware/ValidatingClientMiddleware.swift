import Foundation
import HTTPTypes
import Logging
import OpenAPIRuntime

/// A contract violation seen by a client: a request it was about to send, or a response it received.
public struct ContractViolation: Error, Sendable, CustomStringConvertible {
    /// Whether the client's request or the server's response broke the contract.
    public enum Phase: Sendable { case request, response }
    /// Which message was checked.
    public var phase: Phase
    /// The operation called.
    public var operationID: String
    /// Every violation found.
    public var issues: [ValidationIssue]
    /// The server's `X-Request-ID` for a response that broke the contract (to find the request in its logs).
    public var requestID: String?

    public var description: String {
        "\(operationID) \(phase == .request ? "request" : "response") breaks the contract: "
            + issues.map { "\($0.field.isEmpty ? $0.location.rawValue : $0.field): \($0.message)" }.joined(separator: "; ")
    }
}

/// A swift-openapi-runtime `ClientMiddleware`: refuses to send requests that break the contract (throws
/// `ContractViolation`) and checks responses (throws in `.enforce`, logs in `.report`).
public struct ValidatingClientMiddleware: ClientMiddleware {
    /// The contracts calls are checked against.
    public let validator: ContractValidator
    /// When false only responses are checked.
    public let checksRequests: Bool
    let logger: Logger

    /// A client middleware checking responses (and requests when `checksRequests`) against `validator`'s contracts.
    public init(validator: ContractValidator, checksRequests: Bool = true, logger: Logger = Logger(label: "charter.client-validation")) {
        self.validator = validator
        self.checksRequests = checksRequests
        self.logger = logger
    }

    /// Checks the outgoing request, sends it through `next`, then checks the response; throws `ContractViolation` on a violation.
    public func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard let contract = validator.contracts[operationID] else { return try await next(request, body, baseURL) }
        var forwarded = body
        if checksRequests {
            // Requests are read (to validate them) only when asked to: an unchecked one goes out as it is.
            let basePath = baseURL.path.hasSuffix("/") ? String(baseURL.path.dropLast()) : baseURL.path
            let pathParameters = PathTemplate.match(contract.path, requestPath: request.path ?? "", basePath: basePath) ?? [:]
            switch try await validator.inspectRequest(request, body: body, pathParameters: pathParameters, contract: contract, logger: logger) {
            case .failure(let error):
                throw ContractViolation(phase: .request, operationID: operationID, issues: error.details.isEmpty
                    ? [ValidationIssue(field: "", pointer: "", location: .body, constraint: error.code, value: nil, message: error.message)]
                    : error.details)
            case .success(let checked):
                forwarded = checked
            }
        }
        let (response, responseBody) = try await next(request, forwarded, baseURL)
        guard validator.options.responseValidation != .off else { return (response, responseBody) }
        let inspected = try await validator.inspectResponse(response, body: responseBody, contract: contract, logger: logger)
        if inspected.tooLarge {
            throw ContractViolation(phase: .response, operationID: operationID, issues: [
                ValidationIssue(field: "", pointer: "", location: .body, constraint: "PAYLOAD_TOO_LARGE", value: nil,
                                message: "Response body is larger than \(validator.options.maxResponseBodySize) bytes; not validated"),
            ])
        }
        if !inspected.issues.isEmpty {
            let violation = ContractViolation(phase: .response, operationID: operationID, issues: inspected.issues)
            if validator.options.responseValidation == .enforce { throw violation }
            logger.warning("\(violation.description)")
        }
        return (response, inspected.body)
    }
}
