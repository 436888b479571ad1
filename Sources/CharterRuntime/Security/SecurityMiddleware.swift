import HTTPTypes
import OpenAPIRuntime

/// The generated server's security check as a `ServerMiddleware`, for servers that validate with the spec-driven
/// `ValidationMiddleware` (or hand-written handlers) instead of generated code: each operation's requirement is
/// applied with `handler` before the next middleware runs — 401 or 403 in the error envelope, else the rest of the
/// chain runs with `Principal.current` set. Put it before the validation middleware.
public struct SecurityMiddleware: ServerMiddleware {
    let contracts: [String: OperationContract]
    let gate: SecurityGate
    let errorFormat: ErrorFormat

    /// Enforces `contracts`' requirements over `schemes` with `handler`.
    public init(contracts: [OperationContract], schemes: [SecuritySchemeContract], handler: any SecurityHandler,
                errorFormat: ErrorFormat = .charter) {
        self.contracts = Dictionary(contracts.map { ($0.operationID, $0) }, uniquingKeysWith: { first, _ in first })
        gate = SecurityGate(schemes: schemes, handler: handler)
        self.errorFormat = errorFormat
    }

    /// Refuses the request, or passes it on as its principal.
    public func intercept(_ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
                          next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)) async throws -> (HTTPResponse, HTTPBody?) {
        guard let contract = contracts[operationID], !contract.security.isEmpty else { return try await next(request, body, metadata) }
        let refusal: APIError
        switch try await gate.admit(contract, request, body: body) {
        case .allowed(let principal): return try await Principal.$current.withValue(principal) { try await next(request, body, metadata) }
        case .refused(let error): refusal = error
        }
        let requestID = RequestID.incoming(request.headerFields) ?? RequestID.generate()
        let (head, bytes) = refusal.response(format: errorFormat, requestID: requestID, instance: APIError.instance(of: request))
        return (head, HTTPBody(bytes))
    }
}
