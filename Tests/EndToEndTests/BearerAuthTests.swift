import Airline
import ExampleServers
import HTTPTypes
import OpenAPIRuntime
import Synchronization
import CharterTestSupport
import Testing

/// The example auth middleware refuses a protected operation only after reading the request body: a client
/// still sending it when an early 401 head arrives may stop mid-body and fail the request with a transport
/// error (AsyncHTTPClient: `bodyLengthMismatch`) instead of returning the 401 — seen as a flaky end-to-end test.
@Suite("Bearer auth middleware")
struct BearerAuthTests {
    final class Counter: Sendable { let pulled = Mutex(0) }

    func intercept(_ body: HTTPBody?, authorization: String?) async throws -> HTTPResponse {
        let middleware = BearerAuthMiddleware(contracts: Airline.APIOperations.contracts, tokens: ["t0k3n"])
        var request = HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/bookings")
        if let authorization { request.headerFields[.authorization] = authorization }
        let (response, _) = try await middleware.intercept(request, body: body, metadata: ServerRequestMetadata(),
                                                           operationID: "createBooking") { _, body, _ in
            (HTTPResponse(status: .created), body)
        }
        return response
    }

    @Test(arguments: [nil, "Bearer wrong"])
    func aRefusedRequestsBodyIsReadToTheEndFirst(authorization: String?) async throws {
        let counter = Counter()
        let body = HTTPBody(Counted(parts: 5, counter: counter), length: .known(500), iterationBehavior: .single)
        let response = try await intercept(body, authorization: authorization)
        #expect(response.status.code == 401)
        #expect(counter.pulled.withLock { $0 } == 500)
    }

    @Test func anAcceptedRequestsBodyIsLeftToTheHandler() async throws {
        let counter = Counter()
        let body = HTTPBody(Counted(parts: 5, counter: counter), length: .known(500), iterationBehavior: .single)
        let response = try await intercept(body, authorization: "Bearer t0k3n")
        #expect(response.status.code == 201)
        #expect(counter.pulled.withLock { $0 } == 0)
    }

    @Test func aBodyOverTheLimitIsNotRead() async throws {
        let counter = Counter()
        let body = HTTPBody(Counted(parts: 5, counter: counter), length: .known(Int64(1 << 21)), iterationBehavior: .single)
        let response = try await intercept(body, authorization: nil)
        #expect(response.status.code == 401)
        #expect(counter.pulled.withLock { $0 } == 0)
    }
}

/// `parts` chunks of 100 bytes, counting in `counter` what the consumer pulled.
struct Counted: AsyncSequence, Sendable {
    let parts: Int
    let counter: BearerAuthTests.Counter
    struct Iterator: AsyncIteratorProtocol {
        let parts: Int
        let counter: BearerAuthTests.Counter
        var index = 0
        mutating func next() async -> ArraySlice<UInt8>? {
            guard index < parts else { return nil }
            index += 1
            counter.pulled.withLock { $0 += 100 }
            return ArraySlice(repeating: 0x20, count: 100)
        }
    }
    func makeAsyncIterator() -> Iterator { Iterator(parts: parts, counter: counter) }
}
