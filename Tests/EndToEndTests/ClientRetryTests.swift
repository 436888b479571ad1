import Airline
@testable import CharterRuntime
import ExampleServers
import Foundation
import HTTPTypes
import Hummingbird
import OpenAPIHummingbird
import OpenAPIAsyncHTTPClient
import OpenAPIRuntime
import CharterTestSupport
import Testing

/// Answers the first `failures` requests of `operation` with `status` (and `Retry-After` when given) before the
/// handler sees them, and records every attempt's idempotency key: a server that is briefly overloaded.
final class Flaky: ServerMiddleware, @unchecked Sendable {
    let operation: String
    let failures: Int
    let status: Int
    let retryAfter: String?
    private let lock = NSLock()
    private var seen: [String?] = []

    init(_ operation: String, failures: Int, status: Int = 503, retryAfter: String? = nil) {
        self.operation = operation
        self.failures = failures
        self.status = status
        self.retryAfter = retryAfter
    }

    private func record(_ key: String?) -> Int {
        lock.withLock {
            seen.append(key)
            return seen.count
        }
    }

    /// The `Idempotency-Key` of each attempt, in order.
    var keys: [String?] { lock.lock(); defer { lock.unlock() }; return seen }

    func intercept(_ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
                   next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)) async throws -> (HTTPResponse, HTTPBody?) {
        guard operationID == operation else { return try await next(request, body, metadata) }
        let attempt = record(request.headerFields[HTTPField.Name("Idempotency-Key")!])
        guard attempt <= failures else { return try await next(request, body, metadata) }
        var response = HTTPResponse(status: .init(code: status))
        if let retryAfter { response.headerFields[.retryAfter] = retryAfter }
        response.headerFields[.contentType] = "application/json"
        return (response, HTTPBody(#"{"error": {"code": "UNAVAILABLE", "message": "try again later"}}"#))
    }
}

/// The generated client's retries against the generated Airline server on a real port.
@Suite("Client retries and idempotency keys")
struct ClientRetryTests {
    func withAirline(_ flaky: Flaky, retries: RetryPolicy,
                     _ body: @Sendable (AirlineClient) async throws -> Void) async throws {
        let router = Router()
        try AirlineService().registerHandlers(on: router, security: AirlineSecurity(TokenBook(["t0k3n"])), middlewares: [flaky])
        try await withServer(router) { url in
            try await body(AirlineClient(serverURL: url, middlewares: [BearerToken()], retries: retries))
        }
    }

    @Test func aPostWithAnIdempotencyKeyIsRetriedAfterRetryAfterWithTheSameKeyAndCreatesOneBooking() async throws {
        let flaky = Flaky("createBooking", failures: 2, retryAfter: "1")
        let started = ContinuousClock.now
        try await withAirline(flaky, retries: RetryPolicy()) { client in
            // No key passed: the generated client makes one for the call.
            guard case .created(let booking, _) = try await client.createBooking(body: AirlineEndToEndTests.booking()) else {
                Issue.record("expected 201 after two 503s")
                return
            }
            guard case .ok(let page) = try await client.listBookings() else {
                Issue.record("expected 200")
                return
            }
            #expect(page.items.map(\.bookingID) == [booking.bookingID])
        }
        let keys = flaky.keys
        #expect(keys.count == 3)
        #expect(Set(keys).count == 1 && keys.first??.isEmpty == false, "\(keys)")
        // Two waits of the server's one second.
        #expect(ContinuousClock.now - started >= .seconds(2))
    }

    @Test func aPostWithoutAnIdempotencyKeyIsSentOnce() async throws {
        // The policy names another header, so this POST carries no key it recognises.
        let flaky = Flaky("createBooking", failures: 1, retryAfter: "0")
        try await withAirline(flaky, retries: RetryPolicy(idempotencyHeader: "X-Other-Key")) { client in
            guard case .undocumented(let status, _) = try await client.createBooking(body: AirlineEndToEndTests.booking()) else {
                Issue.record("expected the 503 itself")
                return
            }
            #expect(status == 503)
        }
        #expect(flaky.keys.count == 1)
    }

    @Test func aGetIsRetriedWithBackoffAndGivesUpAfterMaxAttempts() async throws {
        let recovering = Flaky("getFlight", failures: 1, status: 502)
        try await withAirline(recovering, retries: RetryPolicy(initialDelay: .milliseconds(20))) { client in
            guard case .ok(let flight) = try await client.getFlight(flightID: "BA117-20261201") else {
                Issue.record("expected 200 after one 502")
                return
            }
            #expect(flight.flightID == "BA117-20261201")
        }
        #expect(recovering.keys.count == 2)

        let down = Flaky("getFlight", failures: 100, status: 503)
        try await withAirline(down, retries: RetryPolicy(maxAttempts: 4, initialDelay: .milliseconds(10))) { client in
            guard case .undocumented(let status, _) = try await client.getFlight(flightID: "BA117-20261201") else {
                Issue.record("expected the last 503")
                return
            }
            #expect(status == 503)
        }
        #expect(down.keys.count == 4)

        // A 4xx is the client's to fix: never retried.
        let refusing = Flaky("getFlight", failures: 100, status: 404)
        try await withAirline(refusing, retries: RetryPolicy(initialDelay: .milliseconds(10))) { client in
            _ = try await client.getFlight(flightID: "BA117-20261201")
        }
        #expect(refusing.keys.count == 1)
    }

    @Test func aRetryAfterLongerThanTheLimitEndsTheRetries() async throws {
        let flaky = Flaky("getFlight", failures: 5, status: 429, retryAfter: "3600")
        try await withAirline(flaky, retries: RetryPolicy(maxDelay: .seconds(5))) { client in
            _ = try await client.getFlight(flightID: "BA117-20261201")
        }
        #expect(flaky.keys.count == 1)
    }

    /// The real transport, but the first connection fails (as a dropped connection does).
    final class FailsFirst: ClientTransport, @unchecked Sendable {
        let base: any ClientTransport
        private let lock = NSLock()
        private var calls = 0
        init(_ base: any ClientTransport) { self.base = base }
        var count: Int { lock.withLock { calls } }
        func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (HTTPResponse, HTTPBody?) {
            let call = lock.withLock { calls += 1; return calls }
            if call == 1 { throw URLError(.networkConnectionLost) }
            return try await base.send(request, body: body, baseURL: baseURL, operationID: operationID)
        }
    }

    @Test func aConnectionErrorIsRetriedUnlessThePolicySaysNot() async throws {
        let router = Router()
        try AirlineService().registerHandlers(on: router, security: AirlineSecurity(TokenBook(["t0k3n"])))
        try await withServer(router) { url in
            let transport = FailsFirst(AsyncHTTPClientTransport())
            let client = AirlineClient(serverURL: url, transport: transport, middlewares: [BearerToken()], retries: RetryPolicy(initialDelay: .milliseconds(10)))
            guard case .ok = try await client.getFlight(flightID: "BA117-20261201") else {
                Issue.record("expected 200 on the second attempt")
                return
            }
            #expect(transport.count == 2)
            let once = FailsFirst(AsyncHTTPClientTransport())
            let strict = AirlineClient(serverURL: url, transport: once, middlewares: [BearerToken()], retries: .none)
            await #expect(throws: URLError.self) { _ = try await strict.getFlight(flightID: "BA117-20261201") }
            #expect(once.count == 1)
        }
    }

    @Test func attemptsAndCallsAreBoundedInTime() async throws {
        let router = Router()
        let calls = Counter()
        let stall = Gate()
        let firstAnswered = Counter()
        // Stall the first answer until the test opens the gate: a stalled attempt, then a quick one.
        router.get("/flights/{flight_id}") { _, _ -> Response in
            calls.increment()
            if calls.value == 1 { await stall.wait(); firstAnswered.increment() }
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            headers[.retryAfter] = "5"
            return Response(status: .serviceUnavailable, headers: headers, body: .init(byteBuffer: .init(string: "{}")))
        }
        try await withServer(router) { url in
            // Whatever happens below, the stalled handler must end before the server can stop (it ignores
            // cancellation, as a badly behaved one would): without this a failure here held the run for 15 minutes.
            defer { stall.open() }
            // Generous for the second attempt on a loaded host (the whole test suite runs beside it); the stalled
            // first attempt is abandoned after it all the same.
            let client = AirlineClient(serverURL: url, retries: RetryPolicy(maxAttempts: 2, initialDelay: .milliseconds(10),
                                                                            attemptTimeout: .seconds(2)))
            // (A timed-out attempt has no Retry-After: it waits the short backoff.)
            // The stalled attempt is abandoned and retried; the second answers (503, the last attempt's answer).
            guard case .undocumented(let status, _) = try await client.getFlight(flightID: "BA117-20261201") else {
                Issue.record("expected the second attempt's 503")
                return
            }
            #expect(status == 503 && calls.value == 2)
            // The call came back while the first attempt was still stalled: the client did not wait for it. (An
            // ordering, not a wall-clock bound: a loaded CI host can hold every timer in the process for seconds.)
            #expect(firstAnswered.value == 0 && !stall.isOpen)
            stall.open()

            // The whole call's limit stops the waits between attempts too (here the server's Retry-After: 5): the
            // call ends in a timeout after one attempt, not with the second attempt's 503.
            let impatient = AirlineClient(serverURL: url, retries: RetryPolicy(maxDelay: .seconds(10), timeout: .milliseconds(400)))
            await #expect(throws: ClientTimeout.self) { _ = try await impatient.getFlight(flightID: "BA117-20261201") }
            #expect(calls.value <= 3, "no attempt after the wait the limit cut short")
        }
    }

    /// A transport that ignores cancellation must not hold the caller past the limit.
    @Test func aTimeoutDoesNotWaitForWorkThatIgnoresCancellation() async throws {
        let limit = ClientTimeout(operationID: "op", limit: .milliseconds(200), wholeCall: false)
        let work = Gate()
        let finished = Counter()
        await #expect(throws: ClientTimeout.self) {
            try await ClientTimeout.race(.milliseconds(200), limit) {
                await work.wait()
                finished.increment()
                return 1
            }
        }
        // The race ended while the work was still waiting at the gate (which only the test, or a 900 s fallback,
        // opens): the timeout did not await the abandoned work.
        #expect(finished.value == 0 && !work.isOpen)
        work.open()
        // And a result in time is the result.
        #expect(try await ClientTimeout.race(.seconds(5), limit) { 7 } == 7)
    }

    @Test func retryAfterIsReadAsSecondsOrAnHTTPDate() throws {
        let now = try #require(RetryPolicy.httpDate("Wed, 02 Dec 2026 10:00:00 GMT"))
        #expect(RetryPolicy.parseRetryAfter("120", now: now) == .seconds(120))
        #expect(RetryPolicy.parseRetryAfter("Wed, 02 Dec 2026 10:00:30 GMT", now: now) == .seconds(30))
        #expect(RetryPolicy.parseRetryAfter("Wed, 02 Dec 2026 09:00:00 GMT", now: now) == .zero)
        #expect(RetryPolicy.parseRetryAfter("soon", now: now) == nil)
        #expect(RetryPolicy.parseRetryAfter("-1", now: now) == nil)
        // Without Retry-After: full jitter under a doubling ceiling.
        let policy = RetryPolicy(initialDelay: .milliseconds(100), maxDelay: .milliseconds(250))
        for _ in 0..<50 {
            let first = try #require(policy.delay(beforeRetry: 1, retryAfter: nil))
            let third = try #require(policy.delay(beforeRetry: 3, retryAfter: nil))
            #expect(first >= .zero && first <= .milliseconds(100))
            #expect(third <= .milliseconds(250))
        }
    }
}
