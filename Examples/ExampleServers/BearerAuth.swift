import CharterRuntime
import HTTPTypes
import OpenAPIRuntime

/// A stand-in for real authentication: an operation whose contract requires credentials (the spec's
/// `security`, operation-level or inherited) needs `Authorization: Bearer <token>` with one of `tokens`.
/// Without a token the answer is 401 `UNAUTHORIZED`, with an unknown one 401 `INVALID_TOKEN` (both with
/// `WWW-Authenticate` and the standard error envelope), before validation or the handler run.
public struct BearerAuthMiddleware: ServerMiddleware {
    let protected: Set<String>
    let tokens: Set<String>

    public init(contracts: [OperationContract], tokens: Set<String>) {
        protected = Set(contracts.filter { !$0.allowsAnonymous }.map(\.operationID))
        self.tokens = tokens
    }

    public func intercept(_ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
                          next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)) async throws -> (HTTPResponse, HTTPBody?) {
        guard protected.contains(operationID) else { return try await next(request, body, metadata) }
        let value = request.headerFields[.authorization] ?? ""
        let token = value.hasPrefix("Bearer ") ? String(value.dropFirst(7).trimmingPrefix(while: { $0 == " " })) : ""
        if tokens.contains(token) { return try await next(request, body, metadata) }
        await HTTPBody.discard(body)
        let error = token.isEmpty
            ? APIError(status: 401, code: "UNAUTHORIZED", message: "Send a bearer token: Authorization: Bearer <token>")
            : APIError(status: 401, code: "INVALID_TOKEN", message: "The bearer token is not valid")
        let requestID = RequestID.incoming(request.headerFields) ?? RequestID.generate()
        var (head, bytes) = error.response(format: .charter, requestID: requestID, instance: request.path.map { String($0.prefix { $0 != "?" }) })
        head.headerFields[.wwwAuthenticate] = token.isEmpty ? "Bearer" : #"Bearer error="invalid_token""#
        head.headerFields[RequestID.headerName] = requestID
        return (head, HTTPBody(bytes))
    }
}
