import CharterRuntime
import Hummingbird

/// Answers requests no route matches with the API's JSON error envelope (404 `RESOURCE_NOT_FOUND`, with `X-Request-ID`)
/// instead of Hummingbird's empty 404, so a client reads every refusal the same way. Add it to the router after
/// the operations are registered: Hummingbird applies it to the not-found answer, not to the routes.
public struct JSONNotFound<Context: RequestContext>: RouterMiddleware {
    /// The middleware; add it after the routes.
    public init() {}

    /// Passes the request on; a 404 from the router becomes the envelope.
    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let requestID = RequestID.incoming(request.headers) ?? RequestID.generate()
            let path = String(request.uri.path)
            let (head, bytes) = APIError.notFound(path: path).response(format: .charter, requestID: requestID, instance: path)
            return Response(status: head.status, headers: head.headerFields, body: .init(byteBuffer: .init(bytes: bytes)))
        }
    }
}
