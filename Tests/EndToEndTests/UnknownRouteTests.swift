import Airline
import CharterRuntime
import CharterMock
import ExampleServers
import Foundation
import Hummingbird
import CharterTestSupport
import Testing

/// Requests no operation serves get the API's JSON envelope, not the transport's empty 404.
@Suite("Unknown routes")
struct UnknownRouteTests {
    @Test func anUnknownPathIsA404InTheErrorEnvelopeWithTheRequestID() async throws {
        let router = Router()
        try AirlineService().registerHandlers(on: router, security: AirlineSecurity(TokenBook(["t0k3n"])))
        router.add(middleware: JSONNotFound())
        try await withServer(router) { url in
            let missing = try await send(url, "GET", "/nowhere/at/all", headers: ["X-Request-ID": "trace-404"])
            #expect(missing.status == 404)
            #expect(missing.header("Content-Type") == "application/json")
            #expect(missing.header("X-Request-ID") == "trace-404")
            #expect(missing.json?["error"]?["code"] == "RESOURCE_NOT_FOUND", "\(String(decoding: missing.body, as: UTF8.self))")
            // Known routes are untouched, and a known path with another method is still a 405.
            #expect(try await send(url, "GET", "/flights/BA117-20261201").status == 200)
            #expect(try await send(url, "PATCH", "/flights/BA117-20261201").status == 405)
        }
    }
}
