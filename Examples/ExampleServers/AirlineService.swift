import Airline
import CharterRuntime
import Foundation

/// An in-memory airline: a few seeded flights, bookings kept in an actor. Enough behaviour to answer every
/// documented status of `Specs/airline.yaml` (idempotent retries, taken seats, cancelled bookings).
public struct AirlineService: AirlineAPIProtocol {
    let store = Store()

    public init() {}

    actor Store {
        var flights: [Flight] = AirlineService.seedFlights
        var takenSeats: [String: Set<String>] = ["BA117-20261201": ["1A", "1B"]]
        var bookings: [Booking] = []
        /// Idempotency-Key → (request, booking): a retry with the same body gets the same booking.
        var attempts: [UUID: (BookingRequest, Booking)] = [:]

        func book(_ request: BookingRequest, key: UUID) -> CreateBooking.Output {
            if let (previous, booking) = attempts[key] {
                return previous == request
                    ? .created(booking, headers: .init(location: "/bookings/\(booking.bookingID)"))
                    : .conflict(AirlineService.error("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used with a different booking"))
            }
            guard let index = flights.firstIndex(where: { $0.flightID == request.flightID }) else {
                return .unprocessableContent(AirlineService.error("FLIGHT_NOT_BOOKABLE", "No flight \(request.flightID) to book"))
            }
            guard flights[index].seatsLeft >= request.passengers.count else {
                return .unprocessableContent(AirlineService.error("SOLD_OUT", "Only \(flights[index].seatsLeft) seats left"))
            }
            let seats = request.passengers.compactMap(\.seat)
            if let taken = seats.first(where: { takenSeats[request.flightID, default: []].contains($0) }) {
                return .conflict(AirlineService.error("SEAT_TAKEN", "Seat \(taken) is already taken"))
            }
            takenSeats[request.flightID, default: []].formUnion(seats)
            flights[index].seatsLeft -= request.passengers.count
            let price = flights[index].price
            let booking = Booking(bookingID: String(format: "BK%08d", bookings.count + 1), status: .confirmed, flightID: request.flightID,
                                  passengers: request.passengers,
                                  // Whole cents: 612.40 × 3 in binary floating point is 1837.1999999999998, which the
                                  // spec's `multipleOf: 0.01` rightly refuses (response validation found it).
                                  total: Money(amount: (price.amount * 100 * Double(request.passengers.count)).rounded() / 100, currency: price.currency),
                                  createdAt: Date(timeIntervalSince1970: 1_795_000_000 + Double(bookings.count)))
            bookings.append(booking)
            attempts[key] = (request, booking)
            return .created(booking, headers: .init(location: "/bookings/\(booking.bookingID)"))
        }

        func cancel(_ id: String) -> CancelBooking.Output {
            guard let index = bookings.firstIndex(where: { $0.bookingID == id }) else {
                return .notFound(AirlineService.error("BOOKING_NOT_FOUND", "No booking \(id)"))
            }
            guard bookings[index].status != .cancelled else {
                return .conflict(AirlineService.error("ALREADY_CANCELLED", "Booking \(id) is already cancelled"))
            }
            bookings[index].status = .cancelled
            return .noContent
        }

        func seats(_ flightID: String) -> [String]? {
            guard flights.contains(where: { $0.flightID == flightID }) else { return nil }
            let all = (1...3).flatMap { row in ["A", "B", "C", "D"].map { "\(row)\($0)" } }
            return all.filter { !takenSeats[flightID, default: []].contains($0) }
        }
    }

    static func error(_ code: String, _ message: String) -> ErrorResponse {
        ErrorResponse(error: .init(code: code, message: message))
    }

    static let seedFlights: [Flight] = [
        flight("BA117-20261201", "LHR", "JFK", "2026-12-01T08:30:00Z", hours: 8, price: 612.40, seats: 400, cabin: .economy),
        flight("BA177-20261201", "LHR", "JFK", "2026-12-01T16:10:00Z", hours: 8, price: 489.00, seats: 3, cabin: .economy),
        flight("BA1-20261201", "LHR", "JFK", "2026-12-01T10:00:00Z", hours: 7, price: 2890.00, seats: 8, cabin: .business),
        flight("AF1080-20261202", "CDG", "LHR", "2026-12-02T07:15:00Z", hours: 1, price: 98.50, seats: 40, cabin: .economy),
    ]

    static func flight(_ id: String, _ origin: String, _ destination: String, _ departure: String, hours: Double, price: Double,
                       seats: Int, cabin: Cabin) -> Flight {
        let departs = RFC3339Date.parse(departure)
        return Flight(flightID: id, origin: origin, destination: destination, departureTime: departs,
                      arrivalTime: departs.addingTimeInterval(hours * 3600), cabin: cabin,
                      price: Money(amount: price, currency: "EUR"), seatsLeft: seats, aircraft: nil)
    }

    // MARK: Operations

    public func searchFlights(_ input: SearchFlights.Input) async throws -> SearchFlights.Output {
        var matches = await store.flights.filter { f in
            f.origin == input.origin && f.destination == input.destination
                && RFC3339Date.day(f.departureTime) == input.departureDate
                && f.seatsLeft >= input.passengers
                && (input.cabin == nil || f.cabin == input.cabin)
                && (input.maxPrice.map { f.price.amount <= $0 } ?? true)
        }
        switch input.sort {
        case .price: matches.sort { $0.price.amount < $1.price.amount }
        case .minusPrice: matches.sort { $0.price.amount > $1.price.amount }
        case .departureTime: matches.sort { $0.departureTime < $1.departureTime }
        case .minusDepartureTime: matches.sort { $0.departureTime > $1.departureTime }
        case .duration: matches.sort { $0.arrivalTime.timeIntervalSince($0.departureTime) < $1.arrivalTime.timeIntervalSince($1.departureTime) }
        case .unknown: break
        }
        // The cursor (the spec: "replaces offset") is the previous page's `offset:N`.
        let offset = input.cursor.flatMap { $0.hasPrefix("offset:") ? Int($0.dropFirst(7)) : nil }.map { max(0, $0) } ?? input.offset
        let page = Array(matches.dropFirst(offset).prefix(input.limit))
        let next = offset + page.count < matches.count ? "offset:\(offset + page.count)" : nil
        return .ok(FlightPage(items: page, total: matches.count, nextCursor: next), headers: .init(xRequestID: input.xRequestID))
    }

    /// Every airport served: 60 of them, `AAA` … (generated names are enough for paging).
    public static let airports: [Airport] = (0..<60).map { n in
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let code = String([letters[n / 26 % 26], letters[(n / 3) % 26], letters[n % 26]])
        return Airport(code: code, city: "City \(n + 1)")
    }

    public func listAirports(_ input: ListAirports.Input) async throws -> ListAirports.Output {
        let all = Self.airports
        let pages = max(1, (all.count + input.perPage - 1) / input.perPage)
        // A page far past the end is empty, not an overflow (`page` has no maximum).
        let (product, overflow) = (input.page - 1).multipliedReportingOverflow(by: input.perPage)
        let start = overflow ? Int.max : product
        let page = start < all.count ? Array(all[start..<min(all.count, start + input.perPage)]) : []
        // RFC 8288 links, as GitHub-style APIs send them: the next page while there is one, and the last.
        func link(_ page: Int, _ rel: String) -> String { "</airports?page=\(page)&per_page=\(input.perPage)>; rel=\"\(rel)\"" }
        let links = (input.page < pages ? [link(input.page + 1, "next")] : []) + [link(pages, "last")]
        return .ok(page, headers: .init(link: links.joined(separator: ", "), xRequestID: input.xRequestID))
    }

    public func getFlight(_ input: GetFlight.Input) async throws -> GetFlight.Output {
        guard let flight = await store.flights.first(where: { $0.flightID == input.flightID }) else {
            return .notFound(Self.error("FLIGHT_NOT_FOUND", "No flight \(input.flightID)"))
        }
        return .ok(flight)
    }

    public func listSeats(_ input: ListSeats.Input) async throws -> ListSeats.Output {
        guard let seats = await store.seats(input.flightID) else {
            return .notFound(Self.error("FLIGHT_NOT_FOUND", "No flight \(input.flightID)"))
        }
        return .ok(seats)
    }

    public func createBooking(_ input: CreateBooking.Input) async throws -> CreateBooking.Output {
        await store.book(input.body, key: input.idempotencyKey)
    }

    public func listBookings(_ input: ListBookings.Input) async throws -> ListBookings.Output {
        let all = await store.bookings.filter { input.status?.contains($0.status) ?? true }
        return .ok(BookingPage(items: Array(all.dropFirst(input.offset).prefix(input.limit)), total: all.count))
    }

    public func getBooking(_ input: GetBooking.Input) async throws -> GetBooking.Output {
        guard let booking = await store.bookings.first(where: { $0.bookingID == input.bookingID }) else {
            return .notFound(Self.error("BOOKING_NOT_FOUND", "No booking \(input.bookingID)"))
        }
        return .ok(booking)
    }

    public func cancelBooking(_ input: CancelBooking.Input) async throws -> CancelBooking.Output {
        await store.cancel(input.bookingID)
    }
}

/// Fixed dates for the seed data (UTC), without locale surprises.
enum RFC3339Date {
    static func parse(_ text: String) -> Date {
        (try? Date.ISO8601FormatStyle().parse(text)) ?? Date(timeIntervalSince1970: 0)
    }

    /// The UTC day of `date` (`2026-12-01`), compared with the search's `departure_date` for every flight:
    /// the runtime's RFC 3339 writer (a format style cost microseconds per flight, more than the request's parsing).
    static func day(_ date: Date) -> String {
        String(RFC3339.string(from: date).prefix(10))
    }
}
