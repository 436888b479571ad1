import CharterRuntime
import HTTPTypes
import OpenAPIRuntime

/// A stand-in for real authentication: operations the spec secures with `bearerAuth` need an
/// `Authorization: Bearer <token>` header (any non-empty token); without one the answer is 401 with the
/// standard error envelope, before validation or the handler run.
public struct BearerAuthMiddleware: ServerMiddleware {
    /// operationIds that need no token.
    let publicOperations: Set<String>

    public init(publicOperations: Set<String> = []) {
        self.publicOperations = publicOperations
    }

    public func intercept(_ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
                          next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)) async throws -> (HTTPResponse, HTTPBody?) {
        guard !publicOperations.contains(operationID) else { return try await next(request, body, metadata) }
        let value = request.headerFields[.authorization] ?? ""
        let token = value.hasPrefix("Bearer ") ? value.dropFirst(7).trimmingPrefix(while: { $0 == " " }) : ""
        guard token.isEmpty else { return try await next(request, body, metadata) }
        let requestID = RequestID.incoming(request.headerFields) ?? RequestID.generate()
        let error = APIError(status: 401, code: "UNAUTHORIZED", message: "Send a bearer token: Authorization: Bearer <token>")
        var (head, bytes) = error.response(format: .charter, requestID: requestID, instance: request.path)
        head.headerFields[.wwwAuthenticate] = "Bearer"
        head.headerFields[RequestID.headerName] = requestID
        return (head, HTTPBody(bytes))
    }
}
