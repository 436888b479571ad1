// The airline API's two benchmarked operations (Specs/airline.yaml: searchFlights, createBooking) written by hand
// on Hummingbird, as a careful person would without a generator: Codable structs typed by hand, Foundation's
// JSONDecoder/JSONEncoder, query parameters read from the URI, the same in-memory behaviour and bearer check as
// Charter's airline-server and the peer, and no validation. The yardstick of issue 24: what the work costs at
// the limit. Other operations answer 501. `handwritten-airline-server [port]` listens on 127.0.0.1.
import Foundation
import HTTPTypes
import Hummingbird
import Logging

struct Money: Codable, Hashable, Sendable { var amount: Double; var currency: String }

struct Flight: Codable, Sendable {
    var flightID: String, origin: String, destination: String
    var departureTime: Date, arrivalTime: Date
    var cabin: String
    var price: Money
    var seatsLeft: Int
    enum CodingKeys: String, CodingKey {
        case flightID = "flight_id", origin, destination, departureTime = "departure_time", arrivalTime = "arrival_time", cabin, price
        case seatsLeft = "seats_left"
    }
}

struct Passenger: Codable, Hashable, Sendable {
    var firstName: String, lastName: String, email: String
    var age: Int?, seat: String?, loyaltyNumber: String?
    enum CodingKeys: String, CodingKey {
        case firstName = "first_name", lastName = "last_name", email, age, seat, loyaltyNumber = "loyalty_number"
    }
}

struct Card: Codable, Hashable, Sendable { var token: String; var last4: String; var expiry: String? }
struct Payment: Codable, Hashable, Sendable { var method: String; var amount: Money; var card: Card?; var paypalEmail: String?; var voucherCode: String?
    enum CodingKeys: String, CodingKey { case method, amount, card, paypalEmail = "paypal_email", voucherCode = "voucher_code" }
}
struct Notifications: Codable, Hashable, Sendable { var email: Bool?; var sms: Bool?; var phone: String? }

struct BookingRequest: Codable, Hashable, Sendable {
    var flightID: String
    var passengers: [Passenger]
    var payment: Payment
    var notifications: Notifications?
    var specialRequests: [String]?
    enum CodingKeys: String, CodingKey {
        case flightID = "flight_id", passengers, payment, notifications, specialRequests = "special_requests"
    }
}

struct Booking: Codable, Sendable {
    var bookingID: String, status: String, flightID: String
    var passengers: [Passenger]
    var total: Money
    var createdAt: Date
    enum CodingKeys: String, CodingKey {
        case bookingID = "booking_id", status, flightID = "flight_id", passengers, total, createdAt = "created_at"
    }
}

struct FlightPage: Codable, Sendable {
    var items: [Flight]
    var total: Int
    var nextCursor: String?
    enum CodingKeys: String, CodingKey { case items, total, nextCursor = "next_cursor" }
}

struct ErrorBody: Codable, Sendable {
    struct Detail: Codable, Sendable { var code: String; var message: String }
    var error: Detail
    init(_ code: String, _ message: String) { error = Detail(code: code, message: message) }
}

actor Store {
    var flights: [(flight: Flight, day: String)] = seedFlights
    var takenSeats: [String: Set<String>] = ["BA117-20261201": ["1A", "1B"]]
    var bookings: [Booking] = []
    var attempts: [String: (BookingRequest, Booking)] = [:]

    enum Outcome { case created(Booking), failed(HTTPResponse.Status, ErrorBody) }

    func book(_ request: BookingRequest, key: String) -> Outcome {
        if let (previous, booking) = attempts[key] {
            return previous == request ? .created(booking) : .failed(.conflict, ErrorBody("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used with a different booking"))
        }
        guard let index = flights.firstIndex(where: { $0.flight.flightID == request.flightID }) else {
            return .failed(.unprocessableContent, ErrorBody("FLIGHT_NOT_BOOKABLE", "No flight \(request.flightID) to book"))
        }
        guard flights[index].flight.seatsLeft >= request.passengers.count else {
            return .failed(.unprocessableContent, ErrorBody("SOLD_OUT", "Only \(flights[index].flight.seatsLeft) seats left"))
        }
        let seats = request.passengers.compactMap(\.seat)
        if let taken = seats.first(where: { takenSeats[request.flightID, default: []].contains($0) }) {
            return .failed(.conflict, ErrorBody("SEAT_TAKEN", "Seat \(taken) is already taken"))
        }
        takenSeats[request.flightID, default: []].formUnion(seats)
        flights[index].flight.seatsLeft -= request.passengers.count
        let price = flights[index].flight.price
        let booking = Booking(bookingID: String(format: "BK%08d", bookings.count + 1), status: "confirmed", flightID: request.flightID,
                              passengers: request.passengers,
                              total: Money(amount: (price.amount * 100 * Double(request.passengers.count)).rounded() / 100, currency: price.currency),
                              createdAt: Date(timeIntervalSince1970: 1_795_000_000 + Double(bookings.count)))
        bookings.append(booking)
        attempts[key] = (request, booking)
        return .created(booking)
    }

    func search(origin: String, destination: String, day: String, passengers: Int, cabin: String?, maxPrice: Double?) -> [Flight] {
        flights.filter { f, d in
            f.origin == origin && f.destination == destination && d == day && f.seatsLeft >= passengers
                && (cabin == nil || f.cabin == cabin) && (maxPrice.map { f.price.amount <= $0 } ?? true)
        }.map(\.flight)
    }
}

let seedFlights: [(flight: Flight, day: String)] = [
    flight("BA117-20261201", "LHR", "JFK", "2026-12-01T08:30:00Z", hours: 8, price: 612.40, seats: 120, cabin: "economy"),
    flight("BA177-20261201", "LHR", "JFK", "2026-12-01T16:10:00Z", hours: 8, price: 489.00, seats: 3, cabin: "economy"),
    flight("BA1-20261201", "LHR", "JFK", "2026-12-01T10:00:00Z", hours: 7, price: 2890.00, seats: 8, cabin: "business"),
    flight("AF1080-20261202", "CDG", "LHR", "2026-12-02T07:15:00Z", hours: 1, price: 98.50, seats: 40, cabin: "economy"),
]

func flight(_ id: String, _ origin: String, _ destination: String, _ departure: String, hours: Double, price: Double,
            seats: Int, cabin: String) -> (flight: Flight, day: String) {
    let departs = ISO8601DateFormatter().date(from: departure) ?? Date(timeIntervalSince1970: 0)
    return (Flight(flightID: id, origin: origin, destination: destination, departureTime: departs, arrivalTime: departs.addingTimeInterval(hours * 3600),
                   cabin: cabin, price: Money(amount: price, currency: "EUR"), seatsLeft: seats), String(departure.prefix(10)))
}

let store = Store()
// Constant names, known valid.
let requestIDField = HTTPField.Name("X-Request-ID")!
let idempotencyKeyField = HTTPField.Name("Idempotency-Key")!
let tokens: Set<String> = ["t0k3n"]

/// JSON the way the API writes it: ISO 8601 dates.
func json<T: Encodable>(_ value: T, status: HTTPResponse.Status, headers: HTTPFields = [:]) throws -> Response {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    var fields = headers
    fields[.contentType] = "application/json"
    return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
}

func problem(_ status: HTTPResponse.Status, _ code: String, _ message: String) throws -> Response {
    try json(ErrorBody(code, message), status: status)
}

let router = Router()
router.get("/flights") { request, _ -> Response in
    let q = request.uri.queryParameters
    guard let origin = q["origin"].map(String.init), let destination = q["destination"].map(String.init),
          let day = q["departure_date"].map(String.init) else {
        return try problem(.badRequest, "VALIDATION_ERROR", "origin, destination and departure_date are required")
    }
    guard let passengers = Int(q["passengers"].map(String.init) ?? "1"), let limit = Int(q["limit"].map(String.init) ?? "20"),
          let offset = Int(q["offset"].map(String.init) ?? "0") else {
        return try problem(.badRequest, "VALIDATION_ERROR", "passengers, limit and offset are integers")
    }
    let maxPrice = q["max_price"].flatMap { Double(String($0)) }
    var matches = await store.search(origin: origin, destination: destination, day: day, passengers: passengers,
                                     cabin: q["cabin"].map(String.init), maxPrice: maxPrice)
    switch q["sort"].map(String.init) ?? "price" {
    case "-price": matches.sort { $0.price.amount > $1.price.amount }
    case "departure_time": matches.sort { $0.departureTime < $1.departureTime }
    case "-departure_time": matches.sort { $0.departureTime > $1.departureTime }
    case "duration": matches.sort { $0.arrivalTime.timeIntervalSince($0.departureTime) < $1.arrivalTime.timeIntervalSince($1.departureTime) }
    default: matches.sort { $0.price.amount < $1.price.amount }
    }
    let page = Array(matches.dropFirst(offset).prefix(limit))
    let next = offset + page.count < matches.count ? "offset:\(offset + page.count)" : nil
    var headers = HTTPFields()
    if let id = request.headers[requestIDField] { headers[requestIDField] = id }
    return try json(FlightPage(items: page, total: matches.count, nextCursor: next), status: .ok, headers: headers)
}
router.post("/bookings") { request, context -> Response in
    guard let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer "), tokens.contains(String(authorization.dropFirst(7))) else {
        return try problem(.unauthorized, "UNAUTHORIZED", "Missing bearer token")
    }
    guard let key = request.headers[idempotencyKeyField] else {
        return try problem(.badRequest, "VALIDATION_ERROR", "Idempotency-Key is required")
    }
    let body = try await request.body.collect(upTo: 1 << 20)
    let decoder = JSONDecoder()
    guard let booking = try? decoder.decode(BookingRequest.self, from: Data(buffer: body)) else {
        return try problem(.badRequest, "VALIDATION_ERROR", "The body is not a booking request")
    }
    var headers = HTTPFields()
    if let id = request.headers[requestIDField] { headers[requestIDField] = id }
    switch await store.book(booking, key: key) {
    case .created(let made):
        headers[.location] = "/bookings/\(made.bookingID)"
        return try json(made, status: .created, headers: headers)
    case .failed(let status, let error):
        return try json(error, status: status, headers: headers)
    }
}
for path in ["/flights/{id}", "/flights/{id}/seats", "/bookings/{id}"] {
    router.get(RouterPath(path)) { _, _ in Response(status: .notImplemented) }
}

let port = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 8082
var logger = Logger(label: "handwritten-airline-server")
logger.logLevel = .info
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "handwritten-airline-server"), logger: logger)
try await app.runService()
