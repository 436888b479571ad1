@testable import CharterRuntime
import CharterValidation
import Foundation
import HTTPTypes
import OpenAPIRuntime
import CharterTestSupport
import Testing

/// What the validation middleware hands the handler after it read a JSON body: the very bytes it checked, or —
/// when it filled in defaults — the new bytes with their true length.
@Suite("Validation middleware hand-off")
struct MiddlewareHandOffTests {
    let spec = try? SpecValidator.load(path: TestPaths.packageRoot.appendingPathComponent("Specs/ml-predict.yaml").path)

    /// Sends `body` through the middleware; returns the body and Content-Length the handler saw.
    func handOff(_ body: String, applyDefaults: Bool = true) async throws -> (body: [UInt8], length: String?) {
        let spec = try #require(spec)
        let middleware = spec.middleware(options: ValidationOptions(responseValidation: .off, applyDefaults: applyDefaults))
        var request = HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/models/m1/predict")
        request.headerFields[.contentType] = "application/json"
        request.headerFields[.contentLength] = String(body.utf8.count)
        let seen = Seen()
        _ = try await middleware.intercept(request, body: HTTPBody(body), metadata: ServerRequestMetadata(pathParameters: ["modelId": "m1"]),
                                           operationID: "predict") { request, body, _ in
            await seen.set(try await [UInt8](collecting: body ?? HTTPBody(), upTo: 1 << 20), request.headerFields[.contentLength])
            return (HTTPResponse(status: .ok), nil)
        }
        return await (seen.body, seen.length)
    }

    actor Seen {
        var body: [UInt8] = []
        var length: String?
        func set(_ body: [UInt8], _ length: String?) { self.body = body; self.length = length }
    }

    static let complete = #"{"features": [1,2,3,4,5,6,7,8,9,10], "model_version": "v1.0", "threshold": 0.7}"#

    @Test func aCompleteBodyIsHandedOnAsItCame() async throws {
        let (body, length) = try await handOff(Self.complete)
        #expect(body == Array(Self.complete.utf8))
        #expect(length == String(Self.complete.utf8.count))
    }

    @Test func filledInDefaultsMeanNewBytesWithTheirLength() async throws {
        let sparse = #"{"features": [1,2,3,4,5,6,7,8,9,10]}"#
        let (body, length) = try await handOff(sparse)
        let text = String(decoding: body, as: UTF8.self)
        #expect(text.contains("threshold") && text.contains("model_version"))
        #expect(length == String(body.count))
        let (unfilled, _) = try await handOff(sparse, applyDefaults: false)
        #expect(unfilled == Array(sparse.utf8))
    }
}
