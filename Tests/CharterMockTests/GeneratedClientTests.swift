import Airline
import Documents
import Streams
@testable import CharterMock
import CharterRuntime
import CharterTestSupport
import CharterValidation
import Foundation
import HTTPTypes
import OpenAPIRuntime
import Testing

/// Asks the mock for one status (`Prefer: code=`) on every call the client makes inside `withCode`.
struct PreferCode: ClientMiddleware {
    @TaskLocal static var code: Int?

    func intercept(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
                   next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)) async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        if let code = Self.code { request.headerFields[HTTPField.Name("Prefer")!] = "code=\(code)" }
        return try await next(request, body, baseURL)
    }
}

@Suite("generate mock: a generated client against the mock")
struct GeneratedClientTests {
    /// The generated airline client calls the mock of its own spec and decodes every documented response of every
    /// operation into its typed case (none falls through to `.undocumented`).
    @Test func theAirlineClientDecodesEveryDocumentedResponse() async throws {
        let mock = try MockServer.load(path: sample("airline.yaml"))
        let booking = try drawnBody(BookingRequest.self, CreateBooking.contract, from: mock)
        let flightID = try drawnParameter(String.self, "flight_id", GetFlight.contract, from: mock)
        let bookingID = try drawnParameter(String.self, "booking_id", GetBooking.contract, from: mock)

        try await mock.withRunning { serverURL in
            let client = AirlineClient(serverURL: serverURL, middlewares: [PreferCode()], retries: .none,
                                       credentials: ClientCredentials(bearerToken: "t0k3n"))
            let asked = try await expectEveryDocumentedResponse([
                (SearchFlights.contract, { "\(try await client.searchFlights(origin: "LHR", destination: "JFK", departureDate: "2026-12-24"))" }),
                (ListAirports.contract, { "\(try await client.listAirports())" }),
                (GetFlight.contract, { "\(try await client.getFlight(flightID: flightID))" }),
                (ListSeats.contract, { "\(try await client.listSeats(flightID: flightID))" }),
                (CreateBooking.contract, { "\(try await client.createBooking(body: booking))" }),
                (ListBookings.contract, { "\(try await client.listBookings())" }),
                (GetBooking.contract, { "\(try await client.getBooking(bookingID: bookingID))" }),
                (CancelBooking.contract, { "\(try await client.cancelBooking(bookingID: bookingID))" }),
            ])
            #expect(asked >= 20)
        }
    }
}

extension GeneratedClientTests {
    /// Every body kind the documents sample speaks — JSON, a form, text, bytes, JSON Lines and server-sent events —
    /// comes back from the mock typed, streams read to their end.
    @Test func theDocumentsClientReadsEveryBodyKind() async throws {
        let mock = try MockServer.load(path: sample("documents.yaml"), options: MockOptions(streamLength: 4))
        let token = try drawn(Documents.TokenRequest.self, "TokenRequest", from: mock)
        let note = try drawn(Documents.NewNote.self, "NewNote", from: mock)
        try await mock.withRunning { serverURL in
            let client = DocumentsClient(serverURL: serverURL, middlewares: [PreferCode()], retries: .none, credentials: ClientCredentials(bearerToken: "t0k3n"))
            guard case .ok = try await client.createToken(body: token) else { throw TestFailure("createToken") }
            guard case .ok(let list) = try await client.listDocuments() else { throw TestFailure("listDocuments") }
            #expect("\(list)".contains("items"))
            guard case .ok(let document) = try await client.getDocument(documentID: "DOC123456") else { throw TestFailure("getDocument") }
            #expect(!document.documentID.isEmpty)
            guard case .ok(let bytes, _) = try await client.downloadDocument(documentID: "DOC123456") else { throw TestFailure("downloadDocument") }
            #expect(!(try await [UInt8](collecting: bytes, upTo: 1 << 20)).isEmpty)
            guard case .ok(let summary) = try await client.summarizeDocument(documentID: "DOC123456") else { throw TestFailure("summarizeDocument") }
            #expect(!summary.isEmpty)
            guard case .created = try await client.addNote(documentID: "DOC123456", body: .form(note)) else { throw TestFailure("addNote") }
            guard case .ok(let lines) = try await client.exportDocuments() else { throw TestFailure("exportDocuments") }
            var exported = 0
            for try await _ in lines { exported += 1 }
            #expect(exported == 4)
            guard case .ok(let events) = try await client.streamEvents() else { throw TestFailure("streamEvents") }
            var received = 0
            for try await _ in events { received += 1 }
            #expect(received == 4)
            // Asked for, the documented errors come back typed too.
            guard case .unauthorized = try await PreferCode.$code.withValue(401, operation: { try await client.getDocument(documentID: "DOC123456") }) else {
                throw TestFailure("401 not typed")
            }
        }
    }

    /// The streams sample (OpenAPI 3.2 `itemSchema`): typed events, text events, JSON Lines, bytes, a JSON body under */*.
    @Test func theStreamsClientReadsTypedEventsAndLines() async throws {
        let mock = try MockServer.load(path: sample("streams-3.2.yaml"), options: MockOptions(streamLength: 5))
        let tick = try drawn(Streams.Tick.self, "Tick", from: mock)
        try await mock.withRunning { serverURL in
            let client = StreamsClient(serverURL: serverURL, middlewares: [PreferCode()], retries: .none)
            guard case .ok(let ticks) = try await client.streamTicks() else { throw TestFailure("streamTicks") }
            var count = 0
            for try await event in ticks { #expect(event.data.sequence >= 1); count += 1 }
            #expect(count == 5)
            guard case .ok(let log) = try await client.streamLog() else { throw TestFailure("streamLog") }
            var logLines = 0
            for try await _ in log { logLines += 1 }
            #expect(logLines == 5)
            guard case .ok(let sequence) = try await client.tickSequence() else { throw TestFailure("tickSequence") }
            var items = 0
            for try await _ in sequence { items += 1 }
            #expect(items == 5)
            guard case .ok(let echoed) = try await client.echo(body: tick) else { throw TestFailure("echo") }
            #expect(echoed.sequence >= 1)
            guard case .notFound = try await PreferCode.$code.withValue(404, operation: { try await client.getImage(name: "sunset") }) else { throw TestFailure("getImage 404") }
        }
    }
}
