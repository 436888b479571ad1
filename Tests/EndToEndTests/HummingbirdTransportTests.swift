import CharterHummingbird
import CharterTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import OpenAPIRuntime
import Testing

/// `HummingbirdTransport` on a real port: what a handler receives (path parameters, the request body and whether
/// its length is known) and what a client receives for each way a response leaves (one buffer, streamed with a
/// known length, streamed with none). The airline end-to-end suite runs every operation through it as well.
@Suite("Hummingbird transport")
struct HummingbirdTransportTests {
    /// `size` bytes of a repeating pattern (so a dropped or repeated chunk shows).
    static func payload(_ size: Int) -> [UInt8] { (0..<size).map { UInt8(truncatingIfNeeded: $0 % 251) } }

    /// POST /echo/{mode}/{size}: answers `size` bytes (`known`: a body of known length; `stream`: chunks of unknown
    /// length) and reports in `X-Received` the request body's byte count, its length, and the `mode` parameter.
    static func withEcho(bufferedResponseLimit: Int = 256 * 1024, _ body: @Sendable (URL) async throws -> Void) async throws {
        let router = Router()
        try HummingbirdTransport(router, bufferedResponseLimit: bufferedResponseLimit).register({ _, requestBody, metadata in
            var received: [UInt8] = []
            if let requestBody { received = try await [UInt8](collecting: requestBody, upTo: 1 << 20) }
            let length = switch requestBody?.length {
            case .known(let n)?: "known \(n)"
            case .unknown?: "unknown"
            case nil: "none"
            }
            var response = HTTPResponse(status: .ok)
            response.headerFields[HTTPField.Name("X-Received")!] = "\(received.count) \(length) \(metadata.pathParameters["mode"] ?? "-")"
            let size = Int(metadata.pathParameters["size"] ?? "") ?? 0
            let bytes = payload(size)
            guard metadata.pathParameters["mode"] == "stream" else { return (response, HTTPBody(bytes)) }
            let chunks = stride(from: 0, to: size, by: 1000).map { ArraySlice(bytes[$0..<min($0 + 1000, size)]) }
            let stream = AsyncStream<ArraySlice<UInt8>> { continuation in
                for chunk in chunks { continuation.yield(chunk) }
                continuation.finish()
            }
            return (response, HTTPBody(stream, length: .unknown))
        }, method: .post, path: "/echo/{mode}/{size}")
        try await withServer(router, body)
    }

    @Test func aSmallResponseArrivesWholeWithItsLength() async throws {
        try await Self.withEcho { url in
            let exchange = try await send(url, "POST", "/echo/known/5000", body: Data("hello".utf8))
            #expect(exchange.status == 200)
            #expect(exchange.header("X-Received") == "5 known 5 known")
            #expect(exchange.header("Content-Length") == "5000")
            #expect(Array(exchange.body) == Self.payload(5000))
        }
    }

    @Test func aResponseOverTheLimitIsStreamedWithItsLength() async throws {
        try await Self.withEcho(bufferedResponseLimit: 1024) { url in
            let exchange = try await send(url, "POST", "/echo/known/70000", body: Data("abc".utf8))
            #expect(exchange.status == 200)
            #expect(exchange.header("Content-Length") == "70000")
            #expect(Array(exchange.body) == Self.payload(70000))
        }
    }

    @Test func aResponseOfUnknownLengthIsStreamedInChunks() async throws {
        try await Self.withEcho { url in
            let exchange = try await send(url, "POST", "/echo/stream/300000")
            #expect(exchange.status == 200)
            #expect(exchange.header("X-Received") == "0 known 0 stream")
            #expect(exchange.header("Content-Length") == nil)
            #expect(Array(exchange.body) == Self.payload(300_000))
        }
    }

    @Test func anEmptyResponseHasLengthZero() async throws {
        try await Self.withEcho { url in
            let exchange = try await send(url, "POST", "/echo/known/0")
            #expect(exchange.status == 200)
            #expect(exchange.header("Content-Length") == "0")
            #expect(exchange.body.isEmpty)
        }
    }
}
