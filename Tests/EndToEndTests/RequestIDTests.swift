import Airline
import CharterRuntime
import ExampleServers
import Foundation
import HTTPTypes
import Hummingbird
import OpenAPIRuntime
import CharterTestSupport
import Testing

/// Records each request's `X-Request-ID` before passing it on.
final class RequestIDRecorder: ServerMiddleware, @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [String?] = []
    var ids: [String?] { lock.withLock { seen } }

    func intercept(_ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
                   next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)) async throws -> (HTTPResponse, HTTPBody?) {
        let id = request.headerFields[RequestID.headerName]
        lock.withLock { seen.append(id) }
        return try await next(request, body, metadata)
    }
}

/// A front service whose `getFlight` asks a back service through the generated client; the rest is the example.
struct Relay: AirlineAPIProtocol {
    let back: AirlineClient
    let base = AirlineService()
    func searchFlights(_ input: SearchFlights.Input) async throws -> SearchFlights.Output { try await base.searchFlights(input) }
    func getFlight(_ input: GetFlight.Input) async throws -> GetFlight.Output { try await back.getFlight(input) }
    func listAirports(_ input: ListAirports.Input) async throws -> ListAirports.Output { try await base.listAirports(input) }
    func listSeats(_ input: ListSeats.Input) async throws -> ListSeats.Output { try await base.listSeats(input) }
    func createBooking(_ input: CreateBooking.Input) async throws -> CreateBooking.Output { try await base.createBooking(input) }
    func listBookings(_ input: ListBookings.Input) async throws -> ListBookings.Output { try await base.listBookings(input) }
    func getBooking(_ input: GetBooking.Input) async throws -> GetBooking.Output { try await base.getBooking(input) }
    func cancelBooking(_ input: CancelBooking.Input) async throws -> CancelBooking.Output { try await base.cancelBooking(input) }
}

/// `X-Request-ID` threads through services: the client sends one (the caller's, the request being served, or
/// a new one), the generated server makes it the handler's `RequestID.current`, and errors carry the server's.
@Suite("Request ids across services")
struct RequestIDTests {
    @Test func oneIDFollowsACallThroughTwoServices() async throws {
        let backRouter = Router()
        let backSeen = RequestIDRecorder()
        try AirlineService().registerHandlers(on: backRouter, security: AirlineSecurity(TokenBook(["t0k3n"])), middlewares: [backSeen])
        try await withServer(backRouter) { backURL in
            let frontRouter = Router()
            let frontSeen = RequestIDRecorder()
            try Relay(back: AirlineClient(serverURL: backURL)).registerHandlers(on: frontRouter, security: AirlineSecurity(TokenBook(["t0k3n"])), middlewares: [frontSeen])
            try await withServer(frontRouter) { frontURL in
                let client = AirlineClient(serverURL: frontURL)
                // The caller's own context.
                let output = try await RequestID.$current.withValue("trace-7") { try await client.getFlight(flightID: "BA117-20261201") }
                guard case .ok = output else { Issue.record("expected 200 through the relay"); return }
                #expect(frontSeen.ids == ["trace-7"] && backSeen.ids == ["trace-7"])
                // No context: the client makes one, and the relay passes that one on.
                _ = try await client.getFlight(flightID: "BA117-20261201")
                let made = try #require(frontSeen.ids.last ?? nil)
                #expect(made.count == 36 && backSeen.ids.last == made)
            }
        }
    }

    @Test func aResponseTheClientCannotReadNamesTheServersRequestID() async throws {
        let router = Router()
        // A 200 whose body is not the Flight the contract promises.
        router.get("/flights/{flight_id}") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            headers[RequestID.headerName] = "srv-42"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: .init(string: "[1, 2]")))
        }
        try await withServer(router) { url in
            let client = AirlineClient(serverURL: url, validation: ClientValidation(responses: .enforce))
            do {
                _ = try await client.getFlight(flightID: "BA117-20261201")
                Issue.record("expected the malformed response to throw")
            } catch let violation as ContractViolation {
                #expect(violation.requestID == "srv-42")
            } catch let error as UnexpectedResponse {
                #expect(error.requestID == "srv-42" && error.description.hasSuffix("(request srv-42)"))
            }
        }
    }
}
