import HTTPTypes
import Hummingbird
import OpenAPIRuntime

/// Hosts a generated server on a Hummingbird router (or route group): pass it where `registerHandlers(on:)` asks for
/// a `ServerTransport`.
///
/// ```swift
/// let router = Router()
/// try BookingService().registerHandlers(on: HummingbirdTransport(router), security: Tokens())
/// ```
///
/// What it does differently from passing the router itself (swift-openapi-hummingbird's conformance): a response
/// whose length is known and at most `bufferedResponseLimit` bytes — nearly every JSON response — is collected and
/// handed to Hummingbird as one buffer, so the head and the body leave in one write. Streaming every body, as that
/// conformance does, costs a second write system call and an asynchronous body writer per response (about a tenth of
/// the server's CPU for a small JSON page under load). Longer bodies, and bodies of unknown length (event streams,
/// downloads), are streamed as they are produced.
public struct HummingbirdTransport<Routes: RouterMethods>: ServerTransport {
    /// Where the operations are registered.
    public let routes: Routes
    /// The longest response body (in bytes, with a known length) sent as one buffer; longer ones are streamed.
    public var bufferedResponseLimit: Int

    /// A transport registering operations on `routes`.
    public init(_ routes: Routes, bufferedResponseLimit: Int = 256 * 1024) {
        self.routes = routes
        self.bufferedResponseLimit = bufferedResponseLimit
    }

    /// Registers `handler` for `method` requests to `path` (an OpenAPI path template: `/bookings/{bookingId}`).
    public func register(_ handler: @Sendable @escaping (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?),
                         method: HTTPRequest.Method, path: String) throws {
        let limit = bufferedResponseLimit
        routes.on(RouterPath(path), method: method) { request, context in
            let (response, body) = try await handler(request.head, Self.body(of: request), Self.metadata(context))
            return try await Self.response(response, body: body, bufferingUpTo: limit)
        }
    }

    /// The request's body as the runtime reads it: its length from `Content-Length` when the client sent one.
    static func body(of request: Request) -> HTTPBody {
        let length: HTTPBody.Length = request.headers[.contentLength].flatMap { Int64($0) }.map { .known($0) } ?? .unknown
        return HTTPBody(request.body.map { ArraySlice($0.readableBytesView) }, length: length, iterationBehavior: .single)
    }

    /// The path's parameters by name (the first value of a name that appears twice).
    static func metadata(_ context: some RequestContext) -> ServerRequestMetadata {
        var parameters: [String: Substring] = [:]
        for (name, value) in context.parameters where parameters[String(name)] == nil { parameters[String(name)] = value }
        return ServerRequestMetadata(pathParameters: parameters)
    }

    static func response(_ response: HTTPResponse, body: HTTPBody?, bufferingUpTo limit: Int) async throws -> Response {
        guard let body else { return Response(status: response.status, headers: response.headerFields, body: ResponseBody()) }
        switch body.length {
        case .known(let length) where length <= Int64(limit):
            let bytes = try await ArraySlice(collecting: body, upTo: Int(length))
            return Response(status: response.status, headers: response.headerFields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        case .known(let length):
            return Response(status: response.status, headers: response.headerFields, body: ResponseBody(contentLength: Int(length)) { writer in
                for try await chunk in body { try await writer.write(ByteBuffer(bytes: chunk)) }
                try await writer.finish(nil)
            })
        case .unknown:
            return Response(status: response.status, headers: response.headerFields,
                            body: ResponseBody(asyncSequence: body.map { ByteBuffer(bytes: $0) }))
        }
    }
}
