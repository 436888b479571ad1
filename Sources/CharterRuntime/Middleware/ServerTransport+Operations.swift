import HTTPTypes
import OpenAPIRuntime

/// A request handler in swift-openapi-runtime's raw form.
public typealias RawHandler = @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)

extension ServerTransport {
    /// Registers `handler` for one operation behind `middlewares` (the first is outermost), the way
    /// generated servers do, so a hand-written handler gets the same validation.
    public func register(operationID: String, method: HTTPRequest.Method, path: String,
                         middlewares: [any ServerMiddleware], handler: @escaping RawHandler) throws {
        let chained = middlewares.reversed().reduce(handler) { next, middleware in
            { @Sendable request, body, metadata in
                try await middleware.intercept(request, body: body, metadata: metadata, operationID: operationID, next: next)
            }
        }
        try register(chained, method: method, path: path)
    }
}
