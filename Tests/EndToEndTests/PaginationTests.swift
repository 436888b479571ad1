import Airline
import CharterRuntime
import ExampleServers
import Foundation
import Hummingbird
import CharterTestSupport
import Testing

/// The generated client's page sequences against the generated Airline server on a real port.
@Suite("Pagination")
struct PaginationTests {
    @Test func offsetPagesCoverEveryItemOnceAndStopAtTheTotal() async throws {
        let router = Router()
        let seen = RequestIDRecorder()
        try AirlineService().registerHandlers(on: router, security: AirlineSecurity(TokenBook(["t0k3n"])), middlewares: [seen])
        try await withServer(router) { url in
            let client = AirlineClient(serverURL: url, middlewares: [BearerToken()])
            var created: [String] = []
            for _ in 0..<230 {
                guard case .created(let booking, _) = try await client.createBooking(body: AirlineEndToEndTests.booking(seat: nil)) else {
                    Issue.record("expected 201")
                    return
                }
                created.append(booking.bookingID)
            }
            let before = seen.ids.count
            var walked: [String] = []
            for try await booking in client.listBookingsPages(limit: 20) { walked.append(booking.bookingID) }
            #expect(walked.count == 230 && Set(walked) == Set(created))
            // 12 pages of 20 (the last of 10), and no request past the total.
            #expect(seen.ids.count - before == 12)

            // Bounded: the walk stops after maxPages, having asked for no more.
            let start = seen.ids.count
            var bounded = 0
            for try await _ in client.listBookingsPages(limit: 50, maxPages: 2) { bounded += 1 }
            #expect(bounded == 100 && seen.ids.count - start == 2)

            // Lazy: breaking out after the first item fetches one page only.
            let lazyStart = seen.ids.count
            for try await _ in client.listBookingsPages(limit: 5) { break }
            #expect(seen.ids.count - lazyStart == 1)
        }
    }

    /// `Link: <…>; rel="next"` pagination: the client follows the server's next URL as it is, to the last page.
    @Test func linkedPagesAreFollowedToTheLast() async throws {
        let router = Router()
        let seen = RequestIDRecorder()
        try AirlineService().registerHandlers(on: router, security: AirlineSecurity(TokenBook(["t0k3n"])), middlewares: [seen])
        try await withServer(router) { url in
            let client = AirlineClient(serverURL: url)
            var codes: [String] = []
            for try await airport in client.listAirportsPages(perPage: 7) { codes.append(airport.code) }
            #expect(codes == AirlineService.airports.map(\.code))
            // 60 airports in pages of 7: 9 requests, the last page without rel="next".
            #expect(seen.ids.count == 9)
            // Starting mid-way: the first request is the caller's, then the links.
            var tail = 0
            for try await _ in client.listAirportsPages(page: 8, perPage: 7) { tail += 1 }
            #expect(tail == 60 - 7 * 7)
        }
    }

    @Test func linkHeadersAreReadAsRFC8288Says() {
        #expect(PagePosition.nextLink(in: #"</a?page=2>; rel="next", </a?page=9>; rel="last""#) == .link("/a?page=2"))
        #expect(PagePosition.nextLink(in: #"<https://x.test/a?page=9>; rel="last", <https://x.test/a?page=3>; rel=next"#) == .link("https://x.test/a?page=3"))
        // A relation list; a comma inside a quoted parameter is not a separator.
        #expect(PagePosition.nextLink(in: #"</p1>; title="a, b"; rel="prev", </p3>; rel="next last""#) == .link("/p3"))
        #expect(PagePosition.nextLink(in: #"</a?page=9>; rel="last""#) == nil)
        #expect(PagePosition.nextLink(in: nil) == nil && PagePosition.nextLink(in: "garbage") == nil && PagePosition.nextLink(in: "<unclosed") == nil)
    }

    @Test func cursorPagesFollowTheNextCursorToTheEnd() async throws {
        let router = Router()
        try AirlineService().registerHandlers(on: router, security: AirlineSecurity(TokenBook(["t0k3n"])))
        try await withServer(router) { url in
            let client = AirlineClient(serverURL: url)
            var flights: [String] = []
            for try await flight in client.searchFlightsPages(origin: "LHR", destination: "JFK", departureDate: "2026-12-01", limit: 1) {
                flights.append(flight.flightID)
            }
            guard case .ok(let all, _) = try await client.searchFlights(origin: "LHR", destination: "JFK", departureDate: "2026-12-01") else {
                Issue.record("expected 200")
                return
            }
            #expect(flights == all.items.map(\.flightID) && flights.count == 3)
            // A forged cursor is read as the start, never trusted as a negative offset.
            guard case .ok(let forged, _) = try await client.searchFlights(origin: "LHR", destination: "JFK", departureDate: "2026-12-01",
                                                                          cursor: "offset:-5") else {
                Issue.record("expected 200 for a forged cursor")
                return
            }
            #expect(forged.items.count == 3)
        }
    }

    @Test func anErrorPageEndsTheWalkWithAnError() async throws {
        let router = Router()
        try AirlineService().registerHandlers(on: router, security: AirlineSecurity(TokenBook(["t0k3n"])))
        try await withServer(router) { url in
            // No bearer token: the first page is a 401.
            let client = AirlineClient(serverURL: url, retries: .none)
            await #expect(throws: UnexpectedPage.self) {
                for try await _ in client.listBookingsPages() {}
            }
        }
    }
}
