import CharterRuntime
import CharterValidation
import Foundation
import HTTPTypes
import OpenAPIRuntime
import CharterTestSupport
import Testing

/// The client middleware: invalid requests never leave, broken responses are caught.
@Suite("Client middleware")
struct ClientMiddlewareTests {
    let base = URL(string: "http://127.0.0.1:1/v2")!

    func middleware(_ mode: ResponseValidationMode) throws -> ValidatingClientMiddleware {
        let validator = try SpecValidator.load(path: TestPaths.packageRoot.appendingPathComponent("Specs/ml-predict.yaml").path)
        return validator.clientMiddleware(options: ValidationOptions(responseValidation: mode))
    }

    func request(_ path: String) -> HTTPRequest {
        var r = HTTPRequest(method: .post, scheme: nil, authority: nil, path: path)
        r.headerFields[.contentType] = "application/json"
        return r
    }

    @Test func invalidRequestsThrowBeforeTheTransportIsCalled() async throws {
        let called = Counter()
        let error = await #expect(throws: ContractViolation.self) {
            _ = try await self.middleware(.enforce).intercept(self.request("/v2/models/BAD/predict"), body: HTTPBody(#"{"features": [1]}"#),
                                                              baseURL: self.base, operationID: "predict") { _, _, _ in
                called.increment()
                return (HTTPResponse(status: .ok), nil)
            }
        }
        #expect(called.value == 0)
        #expect(error?.phase == .request)
        #expect(error?.issues.map(\.field) == ["modelId", "features"])
    }

    @Test func brokenResponsesThrowInEnforceModeAndPassInReportMode() async throws {
        let valid = #"{"features": [1,2,3,4,5,6,7,8,9,10]}"#
        let next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?) = { _, _, _ in
            var response = HTTPResponse(status: .ok)
            response.headerFields[.contentType] = "application/json"
            return (response, HTTPBody(#"{"prediction": "positive", "confidence": 1.5, "model_version": "v2.0"}"#))
        }
        let error = await #expect(throws: ContractViolation.self) {
            _ = try await self.middleware(.enforce).intercept(self.request("/v2/models/m1/predict"), body: HTTPBody(valid),
                                                              baseURL: self.base, operationID: "predict", next: next)
        }
        #expect(error?.phase == .response)
        #expect(error?.issues.first?.message == "Must be at most 1")
        let (response, body) = try await middleware(.report).intercept(request("/v2/models/m1/predict"), body: HTTPBody(valid),
                                                                       baseURL: base, operationID: "predict", next: next)
        #expect(response.status == .ok)
        let bytes = try await [UInt8](collecting: try #require(body), upTo: 1 << 16)
        #expect(try JSONParser.parse(bytes)["confidence"] == .number(JSONNumber(1.5)))
    }
}


@Suite("Per-operation body limit")
struct BodyLimitTests {
    @Test func operationExtensionOverridesTheServerLimit() throws {
        let validator = try SpecValidator.load(path: TestPaths.fixtures.appendingPathComponent("lint/body-limit.yaml").path)
        #expect(validator.contracts.first?.maxBodySize == 16)
    }
}
