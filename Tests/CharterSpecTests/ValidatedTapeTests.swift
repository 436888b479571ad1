@testable import CharterRuntime
import CharterValidation
import Foundation
import HTTPTypes
import OpenAPIRuntime
import Testing

/// The validation middleware hands the parse it validated to the handler it calls, so a generated server
/// decodes what was validated instead of parsing again — and only when those are the bytes the handler gets.
@Suite("Validated tape hand-off")
struct ValidatedTapeTests {
    let spec = try? SpecValidator.load(path: TestPaths.packageRoot.appendingPathComponent("Specs/ml-predict.yaml").path)

    /// Sends `body` through the middleware; returns what the handler saw: its body and the task-local tape.
    func handOff(_ body: String, applyDefaults: Bool = true) async throws -> (body: [UInt8], tape: JSONTape?) {
        let spec = try #require(spec)
        let middleware = spec.middleware(options: ValidationOptions(responseValidation: .off, applyDefaults: applyDefaults))
        var request = HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/models/m1/predict")
        request.headerFields[.contentType] = "application/json"
        let seen = Seen()
        _ = try await middleware.intercept(request, body: HTTPBody(body), metadata: ServerRequestMetadata(pathParameters: ["modelId": "m1"]),
                                           operationID: "predict") { _, body, _ in
            await seen.set(try await [UInt8](collecting: body ?? HTTPBody(), upTo: 1 << 20), ValidatedBody.tape)
            return (HTTPResponse(status: .ok), nil)
        }
        return await (seen.body, seen.tape)
    }

    actor Seen {
        var body: [UInt8] = []
        var tape: JSONTape?
        func set(_ body: [UInt8], _ tape: JSONTape?) { self.body = body; self.tape = tape }
    }

    static let complete = #"{"features": [1,2,3,4,5,6,7,8,9,10], "model_version": "v1.0", "threshold": 0.7}"#

    @Test func theHandlerGetsTheValidatedParseOfItsOwnBytes() async throws {
        let (body, tape) = try await handOff(Self.complete)
        let handed = try #require(tape)
        #expect(ValidatedBody.same(handed.bytes, body))
        #expect(body == Array(Self.complete.utf8))
    }

    @Test func filledInDefaultsMeanNewBytesAndNoStaleTape() async throws {
        let (body, tape) = try await handOff(#"{"features": [1,2,3,4,5,6,7,8,9,10]}"#)
        #expect(tape == nil, "the tape is of the bytes before defaults were added")
        let text = String(decoding: body, as: UTF8.self)
        #expect(text.contains("threshold") && text.contains("model_version"))
        let (unfilled, kept) = try await handOff(#"{"features": [1,2,3,4,5,6,7,8,9,10]}"#, applyDefaults: false)
        #expect(kept.map { ValidatedBody.same($0.bytes, unfilled) } == true)
    }

    @Test func outsideAValidatedCallThereIsNoTape() {
        #expect(ValidatedBody.tape == nil)
        #expect(!ValidatedBody.same(Array("{}".utf8), Array("[]".utf8)))
        #expect(!ValidatedBody.same(Array("{}".utf8), Array("{} ".utf8)))
    }
}
