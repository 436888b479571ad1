@_spi(Generated) import CharterRuntime
import CharterValidation
import Foundation
import HTTPTypes
import OpenAPIRuntime

// The request path of a generated server without the network: the booking POST through the very
// `OperationServer` registration generated servers use (body read by its coding, parameters and body validated, the reader's
// decoding, the handler, the response writer), captured from a transport that only records the handler. What is
// timed is everything Charter does for a request, in process, with request validation on and off, so the figure
// for what validation adds does not depend on how wrk and the server shared the machine's two cores (the network
// and Hummingbird's share is in peers/serve_peers.sh and serve_cpu.py).

let benchAirline: SpecValidator = {
    let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    let spec = here.appendingPathComponent("../../../Specs/airline.yaml").standardizedFileURL.path
    guard let validator = try? SpecValidator.load(path: spec) else { fatalError("cannot load \(spec)") } // driver only
    return validator
}()

/// `createBooking` as a generated namespace would declare it, with the benchmark's own Decodable body.
enum BenchCreateBooking: APIOperation {
    /// A `Booking` as the spec declares it, so that the answer passes response validation.
    struct Created: Encodable, Sendable {
        var booking_id: String, status: String, flight_id: String, passengers: [BookingBody.Passenger], total: BookingBody.Money, created_at: String
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: AnyCodingKey.self)
            try container.encode(booking_id, forKey: "booking_id")
            try container.encode(status, forKey: "status")
            try container.encode(flight_id, forKey: "flight_id")
            try container.encode(passengers, forKey: "passengers")
            try container.encode(total, forKey: "total")
            try container.encode(created_at, forKey: "created_at")
        }
    }
    static var contract: OperationContract {
        guard let c = benchAirline.contracts.first(where: { $0.operationID == "createBooking" }) else { fatalError("no createBooking") }
        return c
    }
    static func decodeInput(from request: ServerRequestReader) throws -> BookingBody { try request.requiredBody().json() }
    static func encodeOutput(_ output: Created, to response: inout ServerResponseWriter) throws {
        response.status = 201
        try response.header("Location", "/bookings/\(output.booking_id)")
        try response.json(output)
    }
    static func encodeInput(_ input: BookingBody, to request: inout ClientRequestWriter) throws {}
    static func decodeOutput(from response: ClientResponseReader) throws -> Created { throw CancellationError() } // never called
}

/// `searchFlights` with the eight query parameters the wrk benchmark sends, read as a generated server reads them.
enum BenchSearchFlights: APIOperation {
    struct Input: Sendable { var origin, destination, departureDate: String, passengers: Int, cabin: String?, sort: String?, limit: Int, offset: Int }
    /// A `FlightPage` as the spec declares it (two flights, as the served benchmark's search finds).
    struct Flight: Encodable, Sendable {
        var flight_id, origin, destination, departure_time, arrival_time, cabin: String, price: BookingBody.Money, seats_left: Int
        // Written out as the generator writes a model's coding (keys by `AnyCodingKey`), not synthesised.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: AnyCodingKey.self)
            try container.encode(flight_id, forKey: "flight_id")
            try container.encode(origin, forKey: "origin")
            try container.encode(destination, forKey: "destination")
            try container.encode(departure_time, forKey: "departure_time")
            try container.encode(arrival_time, forKey: "arrival_time")
            try container.encode(cabin, forKey: "cabin")
            try container.encode(price, forKey: "price")
            try container.encode(seats_left, forKey: "seats_left")
        }
    }
    struct Page: Encodable, Sendable {
        var items: [Flight], total: Int
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: AnyCodingKey.self)
            try container.encode(items, forKey: "items")
            try container.encode(total, forKey: "total")
        }
    }
    static var contract: OperationContract {
        guard let c = benchAirline.contracts.first(where: { $0.operationID == "searchFlights" }) else { fatalError("no searchFlights") }
        return c
    }
    static func decodeInput(from request: ServerRequestReader) throws -> Input {
        try Input(origin: request.requiredParameter("origin", in: .query), destination: request.requiredParameter("destination", in: .query),
                  departureDate: request.requiredParameter("departure_date", in: .query),
                  passengers: request.parameter("passengers", in: .query) ?? 1, cabin: request.parameter("cabin", in: .query),
                  sort: request.parameter("sort", in: .query), limit: request.parameter("limit", in: .query) ?? 20,
                  offset: request.parameter("offset", in: .query) ?? 0)
    }
    static func encodeOutput(_ output: Page, to response: inout ServerResponseWriter) throws {
        response.status = 200
        try response.json(output)
    }
    static func encodeInput(_ input: Input, to request: inout ClientRequestWriter) throws {}
    static func decodeOutput(from response: ClientResponseReader) throws -> Page { throw CancellationError() } // never called
}

/// A transport that keeps the handler it is given.
final class CapturingTransport: ServerTransport, @unchecked Sendable {
    var handlers: [RawHandler] = []
    func register(_ handler: @escaping RawHandler, method: HTTPRequest.Method, path: String) throws { handlers.append(handler) }
}

/// The registered handlers of both operations: [createBooking, searchFlights]; `responses`: answers validated too.
func servePathHandlers(validating: Bool, responses: Bool = false) -> [RawHandler] {
    let transport = CapturingTransport()
    let server = OperationServer(transport: transport, serverURL: OperationServer.rootURL, schemas: benchAirline.schemas,
                                 contracts: benchAirline.contracts,
                                 options: ValidationOptions(responseValidation: responses ? .enforce : .off, requestValidation: validating), middlewares: [],
                                 // createBooking needs a bearer token: checked, as the served benchmarks check it.
                                 securitySchemes: benchAirline.securitySchemes, security: AcceptAnyCredential())
    guard (try? server.register(BenchCreateBooking.self, handler: { input in
        .init(booking_id: "BK00000001", status: "confirmed", flight_id: input.flight_id, passengers: input.passengers,
              total: input.payment.amount, created_at: "2026-11-30T12:00:00Z")
    })) != nil, (try? server.register(BenchSearchFlights.self, handler: { input in
        let price = BookingBody.Money(amount: 489, currency: "EUR")
        let flights = [("BA177", "16:10", "00:10", 3), ("BA117", "08:30", "16:30", 400)].map { number, out, back, seats in
            BenchSearchFlights.Flight(flight_id: "\(number)-20261201", origin: input.origin, destination: input.destination,
                                      departure_time: "\(input.departureDate)T\(out):00Z", arrival_time: "2026-12-02T\(back):00Z",
                                      cabin: input.cabin ?? "economy", price: price, seats_left: seats)
        }
        return .init(items: flights, total: flights.count)
    })) != nil, transport.handlers.count == 2 else { fatalError("registration failed") }
    return transport.handlers
}

let servePathSearch = HTTPRequest(method: .get, scheme: nil, authority: nil,
                                  path: "/flights?origin=LHR&destination=JFK&departure_date=2026-12-01&passengers=2&cabin=economy&sort=price&limit=10&offset=0")

let servePathRequest: HTTPRequest = {
    var request = HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/bookings")
    request.headerFields[.contentType] = "application/json"
    request.headerFields[.authorization] = "Bearer t0k3n"
    if let key = HTTPField.Name("Idempotency-Key") { request.headerFields[key] = "6f1c2a7e-8d4b-4b1e-9a53-2f0c1d9e7b10" }
    if let id = HTTPField.Name("X-Request-ID") { request.headerFields[id] = "bench-1" }
    return request
}()

/// `--profile-serve on|off|both N`: N requests of one configuration, nothing printed (for perf).
func profileServePath(validating: Bool, responses: Bool = false, n: Int, search: Bool = false) async {
    let handlers = servePathHandlers(validating: validating, responses: responses), body = Array(bookingValid.utf8)
    for _ in 0..<n {
        if search {
            _ = try? await handlers[1](servePathSearch, nil, ServerRequestMetadata(pathParameters: [:]))
        } else {
            _ = try? await handlers[0](servePathRequest, HTTPBody(body), ServerRequestMetadata(pathParameters: [:]))
        }
    }
}

func runServePathBenchmarks() async {
    let body = Array(bookingValid.utf8)
    func perCall(_ handler: RawHandler, search: Bool) async -> Double {
        let n = 50_000
        var best = Double.infinity
        for round in 0..<6 {
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<n {
                let answer = search ? try? await handler(servePathSearch, nil, ServerRequestMetadata(pathParameters: [:]))
                    : try? await handler(servePathRequest, HTTPBody(body), ServerRequestMetadata(pathParameters: [:]))
                guard let (head, _) = answer, head.status.kind == .successful else { fatalError("the request was refused: \(answer.map { "\($0.0.status)" } ?? "threw")") } // driver only: the fixture is valid
            }
            if round > 0 { best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / Double(n)) }
        }
        return best / 1000
    }
    // Three configurations: validation off, requests validated, requests and answers validated.
    let configurations = [servePathHandlers(validating: false), servePathHandlers(validating: true),
                          servePathHandlers(validating: true, responses: true)]
    // Interleaved, twice, best of each: a drift in the machine's speed hits every configuration.
    var best = Array(repeating: [Double.infinity, .infinity], count: configurations.count)
    for _ in 0..<2 {
        for call in 0..<2 {
            for (c, handlers) in configurations.enumerated() {
                best[c][call] = min(best[c][call], await perCall(handlers[call], search: call == 1))
            }
        }
    }
    let f = { (v: Double) in String(format: "%.2f", v) }
    func added(_ c: Int, _ call: Int) -> String {
        "\(f(best[c][call] - best[0][call])) µs (\(String(format: "%.2f×", best[c][call] / best[0][call])))"
    }
    print("| a generated server's registration, in process (no network) | POST /bookings (751-byte body, 201 with the booking) | GET /flights (8 query parameters, a page of 2 flights) |")
    print("| --- | ---: | ---: |")
    print("| request validation off: parameters and body read into the typed input, handler, response written | \(f(best[0][0])) µs | \(f(best[0][1])) µs |")
    print("| request validated (parameters, content type, body), the validated tape decoded | \(f(best[1][0])) µs | \(f(best[1][1])) µs |")
    print("| what request validation adds | \(added(1, 0)) | \(added(1, 1)) |")
    print("| requests and responses validated (status, headers, content type, the body re-read and checked) | \(f(best[2][0])) µs | \(f(best[2][1])) µs |")
    print("| what validating both adds | \(added(2, 0)) | \(added(2, 1)) |")
    print("")
    print("Best of 2 × 5 interleaved rounds of 50000 requests (a warm-up round each); release build.")
}
