@_spi(Generated) @testable import CharterRuntime
import Foundation
import Testing

/// A callback's URL read from the request that subscribed, by the runtime expressions of its key, as generated
/// `url(for:)` functions read it (Generated/Pets' `WatchPetStatusChanged.url(for:)` runs end to end in
/// WebhooksEndToEndTests).
@Suite("Callback URLs")
struct CallbackURLTests {
    /// An operation written by hand as generated code writes one: a path, a query and a header parameter, a JSON body.
    enum Subscribe: APIOperation {
        struct Input: Sendable {
            var account: String
            var mode: String?
            var tenant: String?
            var body: JSONValue
        }
        typealias Output = Int
        static let contract = OperationContract(
            operationID: "subscribe", method: "POST", path: "/accounts/{account}/subscriptions",
            parameters: [
                ParameterContract(name: "account", location: .path, required: true, schema: nil),
                ParameterContract(name: "mode", location: .query, schema: nil),
                ParameterContract(name: "X-Tenant", location: .header, schema: nil),
            ],
            requestBody: RequestBodyContract(required: true, content: [MediaTypeContract(mediaType: "application/json", schema: nil)]))
        static func decodeInput(from request: ServerRequestReader) throws -> Input { throw CallbackURLError(template: "", reason: "unused") }
        static func encodeOutput(_ output: Int, to response: inout ServerResponseWriter) throws {}
        static func encodeInput(_ input: Input, to request: inout ClientRequestWriter) throws {
            try request.parameter("account", in: .path, input.account)
            try request.parameter("mode", in: .query, input.mode)
            try request.parameter("X-Tenant", in: .header, input.tenant)
            try request.json(input.body)
        }
        static func decodeOutput(from response: ClientResponseReader) throws -> Int { 0 }
    }

    static let input = Subscribe.Input(
        account: "acme corp", mode: "a&b", tenant: "t-1",
        body: ["callbackUrl": "https://hooks.example.com/in?token=1", "id": 42, "email": "a+b@example.com",
               "nested": ["urls": ["https://first.example.com/", "https://second.example.com/x"]], "a/b": "slash"])

    func url(_ template: String) throws -> String {
        try Subscribe.callbackURL(template, for: Self.input, of: Subscribe.self).absoluteString
    }

    @Test func theKeyOpeningWithAValueTakesItAsTheBaseURL() throws {
        #expect(try url("{$request.body#/callbackUrl}") == "https://hooks.example.com/in?token=1")
        #expect(try url("{$request.body#/nested/urls/1}/events") == "https://second.example.com/x/events")
    }

    @Test func valuesFurtherInArePercentEncodedParts() throws {
        // The OpenAPI specification's own example of an embedded expression, and each source the input answers.
        #expect(try url("https://notify.example.com?transactionId={$request.body#/id}&email={$request.body#/email}")
                == "https://notify.example.com?transactionId=42&email=a%2Bb%40example.com")
        #expect(try url("https://h.example.com/{$request.path.account}/{$method}?mode={$request.query.mode}&t={$request.header.X-Tenant}")
                == "https://h.example.com/acme%20corp/POST?mode=a%26b&t=t-1")
        #expect(try url("https://h.example.com/{$request.body#/a~1b}") == "https://h.example.com/slash")   // RFC 6901's ~1
        #expect(try url("https://h.example.com/raw?body={$request.body#/nested}")
                == "https://h.example.com/raw?body=%7B%22urls%22%3A%5B%22https%3A%2F%2Ffirst.example.com%2F%22%2C%22https%3A%2F%2Fsecond.example.com%2Fx%22%5D%7D")
    }

    @Test func whatTheRequestCannotAnswerIsAnError() throws {
        func reason(_ template: String) -> String {
            do { return "no error: " + (try url(template)) } catch let error as CallbackURLError { return error.reason } catch { return "\(error)" }
        }
        #expect(reason("{$url}") == "'$url' is not read from the request (only $request.… and $method are)")
        #expect(reason("{$response.body#/url}") == "'$response.body#/url' is not read from the request (only $request.… and $method are)")
        #expect(reason("{$request.body#/missing}") == "the request has no field at '/missing' in its body")
        #expect(reason("https://h.example.com/{$request.query.other}") == "the request has no query parameter 'other'")
        #expect(reason("https://h.example.com/{$request.cookie.c}") == "'$request.cookie.c' is not a runtime expression")
        #expect(reason("{$request.body#/id}") == "'42' is not an absolute URL")
        var noMode = Self.input
        noMode.mode = nil
        #expect(throws: CallbackURLError.self) { try Subscribe.callbackURL("https://h.example.com/{$request.query.mode}", for: noMode, of: Subscribe.self) }
    }
}
