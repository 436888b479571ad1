import Airline
@testable import CharterRuntime
import CharterValidation
import HTTPTypes
import ExampleServers
import Foundation
import Hummingbird
import CharterTestSupport
import Testing

/// A deprecated operation announces itself on every response (RFC 9745 `Deprecation`, RFC 8594 `Sunset`, `Link`),
/// from the generated server and from the spec-driven middleware alike; other operations do not.
@Suite("Deprecation headers")
struct DeprecationTests {
    // airline.yaml: listSeats is deprecated with x-deprecated-at 2026-01-15, x-sunset 2026-06-30 and a link.
    static let since = "@1768435200"
    static let sunset = "Tue, 30 Jun 2026 00:00:00 GMT"
    static let link = "<https://developer.example.com/airline/deprecations#seat-map>; rel=\"deprecation\", <https://developer.example.com/airline/deprecations#seat-map>; rel=\"sunset\""

    func expectAnnounced(_ exchange: Exchange) {
        #expect(exchange.header("Deprecation") == Self.since)
        #expect(exchange.header("Sunset") == Self.sunset)
        #expect(exchange.header("Link") == Self.link)
    }

    @Test func theGeneratedServerAnnouncesOnEveryAnswerOfADeprecatedOperation() async throws {
        let router = Router()
        try AirlineService().registerHandlers(on: router, security: AirlineSecurity(TokenBook(["t0k3n"])))
        try await withServer(router) { url in
            let seats = try await send(url, "GET", "/flights/BA117-20261201/seats")
            #expect(seats.status == 200)
            expectAnnounced(seats)
            // Refusals too: the caller learns of the deprecation whatever it sent.
            let invalid = try await send(url, "GET", "/flights/x/seats")
            #expect(invalid.status == 400)
            expectAnnounced(invalid)
            let current = try await send(url, "GET", "/flights/BA117-20261201")
            #expect(current.status == 200)
            #expect(current.header("Deprecation") == nil && current.header("Sunset") == nil)
        }
    }

    /// A deprecated parameter (`nonstop` on searchFlights, sunset 2027-06-30) is announced to callers that send it.
    @Test func aDeprecatedParameterIsAnnouncedWhenItIsSent() async throws {
        let router = Router()
        try AirlineService().registerHandlers(on: router, security: AirlineSecurity(TokenBook(["t0k3n"])))
        try await withServer(router) { url in
            let search = "/flights?origin=LHR&destination=JFK&departure_date=2026-12-01"
            let old = try await send(url, "GET", search + "&nonstop=true")
            #expect(old.status == 200)
            #expect(old.header("Deprecation")?.hasPrefix("@") == true)
            #expect(old.header("Sunset") == "Wed, 30 Jun 2027 00:00:00 GMT")
            #expect(old.header("Link")?.contains("<https://api.example-air.com/docs/changes#max-stops>; rel=\"deprecation\"") == true)
            let plain = try await send(url, "GET", search)
            #expect(plain.status == 200 && plain.header("Deprecation") == nil && plain.header("Sunset") == nil)
            // The name escaped is the same parameter; a name that only contains it is not.
            let escaped = try await send(url, "GET", search + "&non%73top=true")
            #expect(escaped.status == 200 && escaped.header("Sunset") == "Wed, 30 Jun 2027 00:00:00 GMT")
            let other = try await send(url, "GET", search + "&cabin=economy&xnonstop=1")
            #expect(other.header("Deprecation") == nil)
        }
        // The spec-driven middleware reads the same contract.
        let middleware = try CharterTestSupport.router(for: "airline.yaml", options: ValidationOptions(),
                                                       handlers: ["searchFlights": respond(200, #"{"flights": [], "total": 0}"#)])
        try await withServer(middleware) { url in
            let old = try await send(url, "GET", "/flights?origin=LHR&destination=JFK&departure_date=2026-12-01&nonstop=false")
            #expect(old.header("Sunset") == "Wed, 30 Jun 2027 00:00:00 GMT")
        }
    }

    /// A deprecated object sent as its members (`?status=open`, the default for an object in the query) has no item
    /// of its own name: it is announced when a member is sent, and not for items that are other parameters or that
    /// its schema does not declare.
    @Test func aDeprecatedObjectIsSentByItsMembers() throws {
        let result = load("""
        openapi: 3.1.0
        info: {title: t, version: '1'}
        paths:
          /orders:
            get:
              operationId: listOrders
              parameters:
                - {name: filter, in: query, deprecated: true, x-sunset: '2027-03-01', schema: {type: object, additionalProperties: false, properties: {status: {type: string}, since: {type: string}}}}
                - {name: page, in: query, schema: {type: integer}}
                - {name: prefs, in: cookie, deprecated: true, x-sunset: '2027-04-01', schema: {type: object, properties: {lang: {type: string}}}}
              responses: {'204': {description: ok}}
          /labels:
            get:
              operationId: listLabels
              parameters:
                - {name: labels, in: query, deprecated: true, x-sunset: '2027-05-01', schema: {type: object, additionalProperties: {type: string}}}
                - {name: page, in: query, schema: {type: integer}}
              responses: {'204': {description: ok}}
        """)
        let validator = SpecValidator(document: try #require(result.document)).contractValidator()
        let listOrders = try #require(validator.contracts["listOrders"])
        let labels = try #require(validator.contracts["listLabels"])
        func sunset(_ path: String, cookie: String? = nil, of contract: OperationContract? = nil) -> String? {
            var request = HTTPRequest(method: .get, scheme: nil, authority: nil, path: path)
            if let cookie { request.headerFields[.cookie] = cookie }
            var fields = HTTPFields()
            (contract ?? listOrders).deprecation(for: request, decoding: validator.decoding, defaults: DeprecationNotice())?.announce(in: &fields)
            return fields[HTTPField.Name("Sunset")!]
        }
        #expect(sunset("/orders?status=open&page=2") == "Mon, 01 Mar 2027 00:00:00 GMT")
        #expect(sunset("/orders?st%61tus=open") == "Mon, 01 Mar 2027 00:00:00 GMT")
        #expect(sunset("/orders?page=2") == nil)
        #expect(sunset("/orders?page=2&unknown=1") == nil)
        #expect(sunset("/orders?filter=x") == nil)
        #expect(sunset("/orders", cookie: "lang=en") == "Thu, 01 Apr 2027 00:00:00 GMT")
        #expect(sunset("/orders", cookie: "session=1") == nil)
        // A free-form object takes any item but the operation's other parameters.
        #expect(sunset("/labels?env=dev", of: labels) == "Sat, 01 May 2027 00:00:00 GMT")
        #expect(sunset("/labels?page=2", of: labels) == nil)
    }

    /// A deprecation the spec gives no sunset or link (pets-swagger2's deletePet) takes the server's configured ones;
    /// the spec's own win where it has them (airline's listSeats).
    @Test func configuredDefaultsFillWhatTheSpecLeavesOut() async throws {
        var options = ValidationOptions()
        options.deprecationDefaults = DeprecationNotice(sunset: Date(timeIntervalSince1970: 1_830_297_600), link: "https://example.com/policy")
        let router = Router()
        try Swagger2EndToEndTests.Service(seen: .init()).registerHandlers(on: router, security: AcceptAnyCredential(), options: options)
        try await withServer(router) { url in
            let gone = try await send(url, "DELETE", "/pets/1", headers: ["Authorization": "Basic " + Data("a:b".utf8).base64EncodedString()])
            #expect(gone.status == 204)
            #expect(gone.header("Sunset") == "Sat, 01 Jan 2028 00:00:00 GMT")
            #expect(gone.header("Link") == #"<https://example.com/policy>; rel="deprecation", <https://example.com/policy>; rel="sunset""#)
        }
        let airline = Router()
        try AirlineService().registerHandlers(on: airline, security: AirlineSecurity(TokenBook(["t0k3n"])), options: options)
        try await withServer(airline) { url in
            expectAnnounced(try await send(url, "GET", "/flights/BA117-20261201/seats"))
        }
    }

    @Test func theSpecDrivenMiddlewareAnnouncesToo() async throws {
        let router = try CharterTestSupport.router(for: "airline.yaml", options: ValidationOptions(),
                                                   handlers: ["listSeats": respond(200, #"["12C"]"#), "getFlight": respond(404, "{}")])
        try await withServer(router) { url in
            expectAnnounced(try await send(url, "GET", "/flights/BA117-20261201/seats"))
        }
    }

    @Test func withoutADateTheResponseTimeIsSentAndLintSaysWhatItCouldNotRead() throws {
        var notice = DeprecationNotice()
        var fields = HTTPFields()
        notice.announce(in: &fields, now: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(fields[HTTPField.Name("Deprecation")!] == "@1800000000")
        #expect(fields[HTTPField.Name("Sunset")!] == nil && fields[HTTPField.Name("Link")!] == nil)
        notice.link = "https://example.com/v2"
        fields = HTTPFields()
        notice.announce(in: &fields)
        #expect(fields[HTTPField.Name("Link")!] == "<https://example.com/v2>; rel=\"deprecation\"")

        let result = load("""
        openapi: 3.1.0
        info: {title: t, version: '1'}
        paths:
          /a:
            get:
              deprecated: true
              x-sunset: next spring
              responses: {'200': {description: ok}}
          /b:
            get:
              x-sunset: '2027-01-01'
              responses: {'200': {description: ok}}
        """)
        #expect(rendered(result.diagnostics) == [
            "7:17: warning: 'x-sunset' must be a date (2026-12-31) or an RFC 3339 date-time; ignored",
            "11:17: warning: the operation is not marked 'deprecated: true'; its deprecation dates are not announced",
        ], "\(rendered(result.diagnostics))")
    }
}
