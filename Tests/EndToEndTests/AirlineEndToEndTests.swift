import Airline
import CharterHummingbird
import CharterRuntime
import ExampleServers
import Foundation
import HTTPTypes
import Hummingbird
import OpenAPIHummingbird
import OpenAPIRuntime
import CharterTestSupport
import Testing

/// Adds `Authorization: Bearer <token>` to every request (what a real client middleware would do).
struct BearerToken: ClientMiddleware {
    var token = "t0k3n"
    func intercept(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
                   next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)) async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        request.headerFields[.authorization] = "Bearer \(token)"
        return try await next(request, body, baseURL)
    }
}

/// A client that sends whatever it is given (the server must do the rejecting) and enforces responses.
let serverSideOnly = ClientValidation(validateRequests: false, responses: .enforce)

/// `field|in|constraint|message` of each detail, the way the tests compare 400 bodies.
func items(_ error: Airline.ErrorResponse) -> [String] {
    (error.error.details ?? []).map { "\($0.field)|\($0.in?.rawValue ?? "")|\($0.constraint)|\($0.message)" }
}

/// The generated Airline server (in-memory example implementation) on a real port, driven through the
/// generated client over AsyncHTTPClient: every operation, every documented status, and invalid input.
@Suite("Airline end to end")
struct AirlineEndToEndTests {
    func withAirline(_ options: ValidationOptions = ValidationOptions(responseValidation: .enforce),
                     _ body: @Sendable (AirlineClient, AirlineClient) async throws -> Void) async throws {
        // Through Charter's transport (the example server's): every case below checks it end to end.
        let router = Router()
        try AirlineService().registerHandlers(on: HummingbirdTransport(router), security: AirlineSecurity(TokenBook(["t0k3n"])),
                                              options: options)
        try await withServer(router) { url in
            let client = AirlineClient(serverURL: url, middlewares: [BearerToken()], validation: serverSideOnly)
            let anonymous = AirlineClient(serverURL: url, validation: serverSideOnly)
            try await body(client, anonymous)
        }
    }

    static func booking(seat: String? = "12C", flight: String = "BA117-20261201") -> BookingRequest {
        BookingRequest(flightID: flight,
                       passengers: [Passenger(firstName: "Ada", lastName: "Lovelace", email: "ada@example.com", age: 36, seat: seat)],
                       payment: Payment(method: .card, amount: Money(amount: 612.40, currency: "EUR"),
                                        card: .init(token: "tok_4f9a8b7c6d5e4f3a", last4: "4242")))
    }

    @Test func searchFlightsFiltersSortsAndEchoesTheRequestID() async throws {
        try await withAirline { client, _ in
            guard case .ok(let page, let headers) = try await client.searchFlights(origin: "LHR", destination: "JFK", departureDate: "2026-12-01",
                                                                                 passengers: 2, xRequestID: "trace-42") else {
                Issue.record("expected 200")
                return
            }
            #expect(page.items.map(\.flightID) == ["BA177-20261201", "BA117-20261201", "BA1-20261201"])
            #expect(page.total == 3)
            #expect(headers.xRequestID == "trace-42")

            guard case .ok(let descending, _) = try await client.searchFlights(origin: "LHR", destination: "JFK", departureDate: "2026-12-01",
                                                                             sort: .minusPrice, limit: 2) else {
                Issue.record("expected 200")
                return
            }
            #expect(descending.items.map(\.flightID) == ["BA1-20261201", "BA117-20261201"])
            #expect(descending.nextCursor == "offset:2")

            guard case .ok(let business, _) = try await client.searchFlights(origin: "LHR", destination: "JFK", departureDate: "2026-12-01",
                                                                           cabin: .business) else {
                Issue.record("expected 200")
                return
            }
            #expect(business.items.map(\.cabin) == [.business])

            // A number parameter reaches the handler as the Double sent (612.40 is not exact in binary).
            guard case .ok(let cheap, _) = try await client.searchFlights(origin: "LHR", destination: "JFK", departureDate: "2026-12-01",
                                                                        maxPrice: 612.40) else {
                Issue.record("expected 200")
                return
            }
            #expect(cheap.items.map(\.flightID) == ["BA177-20261201", "BA117-20261201"])
        }
    }

    @Test func invalidQueryParametersAreOne400ListingEach() async throws {
        try await withAirline { client, _ in
            let output = try await client.searchFlights(origin: "lhr", destination: "JFK", departureDate: "2026-13-01", passengers: 0, maxPrice: 0)
            guard case .badRequest(let error) = output else {
                Issue.record("expected 400, got \(output)")
                return
            }
            #expect(error.error.code == "VALIDATION_ERROR")
            #expect(items(error) == [
                "origin|query|pattern|Must match the pattern ^[A-Z]{3}$",
                "departure_date|query|format|Must be a date (YYYY-MM-DD)",
                "passengers|query|minimum|Must be at least 1",
                "max_price|query|exclusiveMinimum|Must be greater than 0",
            ])
        }
    }

    @Test func flightsAndSeatsAnswer200Or404() async throws {
        // A 16 KB body limit: the over-limit body below (64 KB) fits in the loopback socket buffers, so the client has
        // sent all of it before the early 413 arrives (a body larger than those buffers races the answer).
        try await withAirline(ValidationOptions(maxBodySize: 16 << 10, responseValidation: .enforce)) { client, _ in
            let lenient = AirlineClient(serverURL: client.serverURL, validation: ClientValidation(validateRequests: false, responses: .report))
            guard case .ok(let flight) = try await client.getFlight(flightID: "BA1-20261201") else {
                Issue.record("expected 200")
                return
            }
            #expect(flight.cabin == .business && flight.price == Money(amount: 2890, currency: "EUR"))
            guard case .notFound(let missing) = try await client.getFlight(flightID: "ZZ999-20261201") else {
                Issue.record("expected 404")
                return
            }
            #expect(missing.error.code == "FLIGHT_NOT_FOUND")
            guard case .badRequest(let bad) = try await lenient.getFlight(flightID: "not-a-flight") else {
                Issue.record("expected 400")
                return
            }
            #expect(items(bad) == [#"flight_id|path|pattern|Must match the pattern ^[A-Z0-9]{2}[0-9]{1,4}-[0-9]{8}$"#])

            // createBooking documents no 413: the answer to a body over the limit arrives as `undocumented` (a client
            // enforcing responses throws instead).
            let lenientWithToken = AirlineClient(serverURL: client.serverURL, middlewares: [BearerToken()],
                                                 validation: ClientValidation(validateRequests: false, responses: .report))
            var big = Self.booking()
            big.passengers[0].firstName = String(repeating: "a", count: 64 << 10)
            guard case .undocumented(413, let raw) = try await lenientWithToken.createBooking(idempotencyKey: UUID(), body: big) else {
                Issue.record("expected an undocumented 413")
                return
            }
            let tooLarge = try JSONDecoder().decode(Airline.ErrorResponse.self, from: raw)
            #expect(tooLarge.error.code == "PAYLOAD_TOO_LARGE")
            await #expect(throws: ContractViolation.self) { _ = try await client.createBooking(idempotencyKey: UUID(), body: big) }
            // A client checking its requests refuses a body over its own limit (8 MiB) before sending it, saying why.
            var huge = Self.booking()
            huge.passengers[0].firstName = String(repeating: "a", count: 9 << 20)
            let strict = AirlineClient(serverURL: client.serverURL, middlewares: [BearerToken()],
                                       validation: ClientValidation(validateRequests: true, responses: .enforce))
            do {
                _ = try await strict.createBooking(idempotencyKey: UUID(), body: huge)
                Issue.record("expected the client to refuse the body")
            } catch let violation as ContractViolation {
                #expect(violation.phase == .request && violation.issues.map(\.constraint) == ["PAYLOAD_TOO_LARGE"])
            }

            guard case .ok(let seats) = try await client.listSeats(flightID: "BA117-20261201") else {
                Issue.record("expected 200")
                return
            }
            #expect(seats.first == "1C" && !seats.contains("1A") && seats.count == 10)
            guard case .notFound = try await client.listSeats(flightID: "ZZ999-20261201") else {
                Issue.record("expected 404")
                return
            }
        }
    }

    @Test func bookingIsCreatedOnceAndRetriedSafely() async throws {
        try await withAirline { client, anonymous in
            let key = UUID()
            guard case .created(let booking, let headers) = try await client.createBooking(idempotencyKey: key, body: Self.booking()) else {
                Issue.record("expected 201")
                return
            }
            #expect(booking.bookingID == "BK00000001" && booking.status == .confirmed)
            #expect(headers.location == "/bookings/BK00000001")
            #expect(booking.total == Money(amount: 612.40, currency: "EUR"))

            // The same key and body: the original booking, not a second one.
            guard case .created(let replay, _) = try await client.createBooking(idempotencyKey: key, body: Self.booking()) else {
                Issue.record("expected 201 on retry")
                return
            }
            #expect(replay == booking)
            // The same key with another body, a taken seat, an unknown flight, no token.
            guard case .conflict(let reused) = try await client.createBooking(idempotencyKey: key, body: Self.booking(seat: "14A")) else {
                Issue.record("expected 409")
                return
            }
            #expect(reused.error.code == "IDEMPOTENCY_KEY_REUSED")
            guard case .conflict(let taken) = try await client.createBooking(idempotencyKey: UUID(), body: Self.booking(seat: "12C")) else {
                Issue.record("expected 409")
                return
            }
            #expect(taken.error.code == "SEAT_TAKEN")
            guard case .unprocessableContent(let unknown) = try await client.createBooking(idempotencyKey: UUID(), body: Self.booking(flight: "ZZ999-20261201")) else {
                Issue.record("expected 422")
                return
            }
            #expect(unknown.error.code == "FLIGHT_NOT_BOOKABLE")
            guard case .unauthorized(let denied) = try await anonymous.createBooking(idempotencyKey: UUID(), body: Self.booking(seat: nil)) else {
                Issue.record("expected 401")
                return
            }
            #expect(denied.error.code == "UNAUTHORIZED")
        }
    }

    @Test func anInvalidBookingComesBackWithEveryViolation() async throws {
        try await withAirline { client, _ in
            var body = Self.booking(seat: "99Z")
            body.passengers[0].email = "ada-at-example.com"
            body.passengers[0].age = 130
            body.passengers.append(Passenger(firstName: "", lastName: "Babbage", email: "charles@example.com", age: 79))
            body.payment.method = .unknown("cash")
            let output = try await client.createBooking(idempotencyKey: UUID(), body: body)
            guard case .badRequest(let error) = output else {
                Issue.record("expected 400, got \(output)")
                return
            }
            // In the body's order: the client writes properties in the spec's order, so `email` comes before `age`.
            #expect(items(error) == [
                "passengers[0].email|body|format|Must be an email address",
                "passengers[0].age|body|maximum|Must be at most 120",
                "passengers[0].seat|body|pattern|Must match the pattern ^[0-9]{1,2}[A-K]$",
                "passengers[1].first_name|body|minLength|Must be at least 1 character long",
                "payment.method|body|enum|Value must be one of: card, paypal, voucher",
            ])
            #expect(error.error.details?[1].value == .number(JSONNumber(130)))
            #expect(error.error.details?[1].pointer == "/passengers/0/age")
            // The handler never ran: no booking exists.
            guard case .ok(let page) = try await client.listBookings() else {
                Issue.record("expected 200")
                return
            }
            #expect(page.total == 0)
        }
    }

    @Test func bookingsAreListedFetchedAndCancelledOnce() async throws {
        try await withAirline { client, anonymous in
            guard case .created(let booking, _) = try await client.createBooking(idempotencyKey: UUID(), body: Self.booking()) else {
                Issue.record("expected 201")
                return
            }
            guard case .ok(let page) = try await client.listBookings(status: [.confirmed, .pending]) else {
                Issue.record("expected 200")
                return
            }
            #expect(page.items == [booking] && page.total == 1)
            guard case .ok(let none) = try await client.listBookings(status: [.cancelled]) else {
                Issue.record("expected 200")
                return
            }
            #expect(none.items.isEmpty)
            guard case .unauthorized = try await anonymous.listBookings() else {
                Issue.record("expected 401")
                return
            }
            guard case .ok(let fetched) = try await client.getBooking(bookingID: booking.bookingID) else {
                Issue.record("expected 200")
                return
            }
            #expect(fetched == booking)
            guard case .notFound = try await client.getBooking(bookingID: "BK99999999") else {
                Issue.record("expected 404")
                return
            }
            #expect(try await client.cancelBooking(bookingID: booking.bookingID) == .noContent)
            guard case .conflict(let again) = try await client.cancelBooking(bookingID: booking.bookingID) else {
                Issue.record("expected 409")
                return
            }
            #expect(again.error.code == "ALREADY_CANCELLED")
            guard case .notFound = try await client.cancelBooking(bookingID: "BK99999999") else {
                Issue.record("expected 404")
                return
            }
        }
    }

    /// What schemathesis found against this server: the spec's `security` decides which operations need a token
    /// (not a list in the server), an unknown token is refused, `status=` is an empty array, and TRACE is a 405.
    @Test func securityComesFromTheContractAndEdgesOfTheWireAreAnswered() async throws {
        let contracts = Dictionary(uniqueKeysWithValues: Airline.APIOperations.contracts.map { ($0.operationID, $0) })
        #expect(contracts["searchFlights"]?.allowsAnonymous == true && contracts["searchFlights"]?.security == [])
        #expect(contracts["createBooking"]?.security == [["bearerAuth": []]] && contracts["createBooking"]?.allowsAnonymous == false)
        try await withAirline { _, anonymous in
            guard case .ok = try await anonymous.getFlight(flightID: "BA117-20261201") else {
                Issue.record("expected 200 without a token")
                return
            }
        }
        let router = Router()
        try AirlineService().registerHandlers(on: router, security: AirlineSecurity(TokenBook(["t0k3n"])),
                                              options: ValidationOptions(responseValidation: .enforce))
        try await withServer(router) { url in
            let invalid = try await send(url, "GET", "/bookings", headers: ["Authorization": "Bearer nope"])
            #expect(invalid.status == 401)
            #expect(invalid.json?["error"]?["code"] == .string("INVALID_CREDENTIALS"))
            #expect(invalid.header("WWW-Authenticate") == #"Bearer realm="api", error="invalid_token""#)
            let missing = try await send(url, "DELETE", "/bookings/BK00000001")
            #expect(missing.status == 401 && missing.json?["error"]?["code"] == .string("UNAUTHORIZED"))
            // `status=` is the empty array (how the client writes one), so `minItems` speaks, not "must not be empty".
            let empty = try await send(url, "GET", "/bookings?status=&limit=5", headers: ["Authorization": "Bearer t0k3n"])
            #expect(empty.status == 400 && empty.json?["error"]?["details"]?[0]?["constraint"] == .string("minItems"),
                    "\(String(decoding: empty.body, as: UTF8.self))")
            let notEmpty = try await send(url, "GET", "/bookings?limit=", headers: ["Authorization": "Bearer t0k3n"])
            #expect(notEmpty.status == 400 && notEmpty.json?["error"]?["details"]?[0]?["constraint"] == .string("allowEmptyValue"))
            let trace = try await send(url, "TRACE", "/bookings")
            #expect(trace.status == 405 && trace.header("Allow") == "GET, POST")
        }
    }

    @Test func theClientRefusesToSendAnInvalidRequestWhenAskedTo() async throws {
        // No server needed: the request never leaves.
        let client = AirlineClient(serverURL: URL(string: "http://127.0.0.1:9")!, middlewares: [BearerToken()],
                                   validation: ClientValidation(validateRequests: true, responses: .enforce))
        var body = Self.booking()
        body.passengers[0].age = 130
        await #expect(throws: ContractViolation.self) {
            _ = try await client.createBooking(idempotencyKey: UUID(), body: body)
        }
        do {
            _ = try await client.createBooking(idempotencyKey: UUID(), body: body)
        } catch let violation as ContractViolation {
            #expect(violation.phase == .request)
            #expect(violation.issues.map(\.field) == ["passengers[0].age"])
        }
    }
}
