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

extension ServerTransport {
    /// Registers a 405 `METHOD_NOT_ALLOWED` answer (with `Allow`) for every method a declared path does not
    /// support, so clients get the same error envelope as for validation errors. (An unknown path's 404 is the
    /// transport's own: `ServerTransport` has no catch-all route.)
    public func registerMethodNotAllowed(for contracts: [OperationContract], format: ErrorFormat = .charter) throws {
        var methodsByPath: [String: Set<String>] = [:]
        for c in contracts { methodsByPath[c.path, default: []].insert(c.method) }
        // QUERY (an IETF draft: a safe method with a body) too: clients and fuzzers send it and it deserves a 405.
        let all: [HTTPRequest.Method] = [.get, .put, .post, .delete, .patch, .head, .options, .trace] + [HTTPRequest.Method("QUERY")].compactMap { $0 }
        for (path, declared) in methodsByPath.sorted(by: { $0.key < $1.key }) {
            let allowed = declared.sorted()
            for method in all where !declared.contains(method.rawValue) && !(method == .head && declared.contains("GET")) {
                try register({ request, _, _ in
                    let requestID = RequestID.incoming(request.headerFields) ?? RequestID.generate()
                    var (head, bytes) = APIError.methodNotAllowed(method.rawValue, allowed: allowed)
                        .response(format: format, requestID: requestID, instance: APIError.instance(of: request))
                    head.headerFields[.allow] = allowed.joined(separator: ", ")
                    return (head, HTTPBody(bytes))
                }, method: method, path: path)
            }
        }
    }
}
