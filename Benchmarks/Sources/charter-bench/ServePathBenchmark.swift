import CharterRuntime
import CharterValidation
import Foundation
import HTTPTypes
import OpenAPIRuntime

// The request path of a generated server without the network: the booking POST through the very
// `OperationServer` registration generated servers use (validation middleware, body collection, the reader's
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
    struct Created: Encodable, Sendable { var booking_id: String, status: String, passengers: Int }
    static var contract: OperationContract {
        guard let c = benchAirline.contracts.first(where: { $0.operationID == "createBooking" }) else { fatalError("no createBooking") }
        return c
    }
    static func decodeInput(from request: ServerRequestReader) throws -> BookingBody { try request.requiredJSONBody() }
    static func encodeOutput(_ output: Created, to response: inout ServerResponseWriter) throws {
        response.status = 201
        try response.json(output)
    }
    static func encodeInput(_ input: BookingBody, to request: inout ClientRequestWriter) throws {}
    static func decodeOutput(from response: ClientResponseReader) throws -> Created { Created(booking_id: "", status: "", passengers: 0) }
}

/// A transport that keeps the handler it is given.
final class CapturingTransport: ServerTransport, @unchecked Sendable {
    var handlers: [RawHandler] = []
    func register(_ handler: @escaping RawHandler, method: HTTPRequest.Method, path: String) throws { handlers.append(handler) }
}

func servePathHandler(validating: Bool) -> RawHandler {
    let transport = CapturingTransport()
    let server = OperationServer(transport: transport, serverURL: OperationServer.rootURL, schemas: benchAirline.schemas,
                                 contracts: benchAirline.contracts,
                                 options: ValidationOptions(responseValidation: .off, requestValidation: validating), middlewares: [])
    guard (try? server.register(BenchCreateBooking.self, handler: { input in
        .init(booking_id: "BK00000001", status: "confirmed", passengers: input.passengers.count)
    })) != nil, let handler = transport.handlers.first else { fatalError("registration failed") }
    return handler
}

let servePathRequest: HTTPRequest = {
    var request = HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/bookings")
    request.headerFields[.contentType] = "application/json"
    request.headerFields[.authorization] = "Bearer t0k3n"
    if let key = HTTPField.Name("Idempotency-Key") { request.headerFields[key] = "6f1c2a7e-8d4b-4b1e-9a53-2f0c1d9e7b10" }
    if let id = HTTPField.Name("X-Request-ID") { request.headerFields[id] = "bench-1" }
    return request
}()

/// `--profile-serve on|off N`: N requests of one configuration, nothing printed (for perf).
func profileServePath(validating: Bool, n: Int) async {
    let handler = servePathHandler(validating: validating), body = Array(bookingValid.utf8)
    for _ in 0..<n { _ = try? await handler(servePathRequest, HTTPBody(body), ServerRequestMetadata(pathParameters: [:])) }
}

func runServePathBenchmarks() async {
    let body = Array(bookingValid.utf8)
    func perCall(_ handler: RawHandler) async -> Double {
        let n = 50_000
        var best = Double.infinity
        for round in 0..<6 {
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<n {
                guard let (head, _) = try? await handler(servePathRequest, HTTPBody(body), ServerRequestMetadata(pathParameters: [:])),
                      head.status == .created else { fatalError("the booking was refused") } // driver only: the fixture is valid
            }
            if round > 0 { best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / Double(n)) }
        }
        return best / 1000
    }
    let offHandler = servePathHandler(validating: false), onHandler = servePathHandler(validating: true)
    // Interleaved, twice, best of each: a drift in the machine's speed hits both configurations.
    var off = Double.infinity, on = Double.infinity
    for _ in 0..<2 {
        off = min(off, await perCall(offHandler))
        on = min(on, await perCall(onHandler))
    }
    print("| POST /bookings (751-byte body) through a generated server's registration, in process | µs per request | vs validation off |")
    print("| --- | ---: | ---: |")
    print("| request validation off (body collected, decoded from a tape, handler, response written) | \(String(format: "%.2f", off)) | 1.00× |")
    print("| request validated (parameters, content type, body), the validated tape decoded | \(String(format: "%.2f", on)) | \(String(format: "%.2f×", on / off)) |")
    print("")
    print("Best of 2 × 5 interleaved rounds of 50000 requests (a warm-up round each); release build. Validation adds \(String(format: "%.2f", on - off)) µs a request.")
}
