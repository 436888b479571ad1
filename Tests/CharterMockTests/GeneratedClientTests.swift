import Airline
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
        var synthesizer = ValueSynthesizer(schemas: mock.validator.schemas, seed: 2, direction: .request)
        func pathValue(_ contract: OperationContract, _ name: String) throws -> String {
            let schema = try #require(contract.parameters.first { $0.name == name }?.schema)
            guard case .string(let value)? = synthesizer.value(for: schema) else { throw TestFailure("no value for \(name)") }
            return value
        }
        let bookingSchema = try #require(mock.validator.schemaIndex("BookingRequest"))
        let drawn = synthesizer.value(for: bookingSchema)
        let bookingJSON = try #require(drawn)
        let booking = try JSONDecoder().decode(BookingRequest.self, from: Data(bookingJSON.encoded()))
        let flightID = try pathValue(GetFlight.contract, "flight_id")
        let bookingID = try pathValue(GetBooking.contract, "booking_id")

        try await mock.withRunning { serverURL in
            let client = AirlineClient(serverURL: serverURL, middlewares: [PreferCode()], retries: .none,
                                       credentials: ClientCredentials(bearerToken: "t0k3n"))
            let calls: [(OperationContract, () async throws -> String)] = [
                (SearchFlights.contract, { "\(try await client.searchFlights(origin: "LHR", destination: "JFK", departureDate: "2026-12-24"))" }),
                (ListAirports.contract, { "\(try await client.listAirports())" }),
                (GetFlight.contract, { "\(try await client.getFlight(flightID: flightID))" }),
                (ListSeats.contract, { "\(try await client.listSeats(flightID: flightID))" }),
                (CreateBooking.contract, { "\(try await client.createBooking(body: booking))" }),
                (ListBookings.contract, { "\(try await client.listBookings())" }),
                (GetBooking.contract, { "\(try await client.getBooking(bookingID: bookingID))" }),
                (CancelBooking.contract, { "\(try await client.cancelBooking(bookingID: bookingID))" }),
            ]
            var decoded = 0
            for (contract, call) in calls {
                for response in contract.responses {
                    guard let code = Int(response.status) else { continue }
                    let output = try await PreferCode.$code.withValue(code) { try await call() }
                    #expect(!output.hasPrefix("undocumented"), "\(contract.operationID) \(code): \(output.prefix(300))")
                    decoded += 1
                }
            }
            #expect(decoded >= 20)
        }
    }
}
