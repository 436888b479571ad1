import CharterMock
import CharterRuntime
import CharterTestSupport
import CharterValidation
import Foundation
import Hummingbird
import Logging
import Testing

/// `generate mock --send-callbacks`: a subscription the mock answers with a success is followed by its callbacks,
/// sent over the network to the URL the request named, and what the receiver answered is logged.
@Suite("generate mock: callbacks")
struct MockCallbackTests {
    /// Keeps the mock's log lines.
    struct Capture: LogHandler {
        let record: Recorded
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info
        subscript(metadataKey key: String) -> Logger.Metadata.Value? { get { metadata[key] } set { metadata[key] = newValue } }
        func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String, function: String, line: UInt) {
            record.add("\(level) \(message)")
        }
    }

    /// Polls `condition` for up to five seconds (the callback leaves after the answer, in the background).
    func eventually(_ condition: () -> Bool) async throws -> Bool {
        for _ in 0..<100 {
            if condition() { return true }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        return condition()
    }

    static let watchers = "/api/pets/6f1c2a9e-3b1d-4c55-9e0a-1b2c3d4e5f60/watchers"

    func withReceiverAndMock(_ options: MockOptions, _ body: @Sendable (_ receiver: URL, _ mock: URL, _ received: Recorded, _ log: Recorded) async throws -> Void) async throws {
        let received = Recorded()
        let router = Router()
        router.post("/hooks") { request, _ -> HTTPResponse.Status in
            let bytes = try await request.body.collect(upTo: 1 << 20)
            received.add("\(request.uri) \(request.headers[.contentType] ?? "-") \(String(buffer: bytes))")
            return .noContent
        }
        router.post("/refuses") { _, _ -> HTTPResponse.Status in .internalServerError }
        router.post("/big") { _, _ -> Response in
            Response(status: .ok, body: .init(byteBuffer: .init(string: String(repeating: "x", count: 4096))))
        }
        try await withServer(router) { receiver in
            let log = Recorded()
            let mock = try MockServer.load(path: sample("pets-3.1.yaml"), options: options)
            let running = try await mock.start(logger: Logger(label: "mock") { _ in Capture(record: log) })
            do {
                try await body(receiver, running.url, received, log)
            } catch {
                await running.stop()
                throw error
            }
            await running.stop()
        }
    }

    func watch(_ mock: URL, _ callbackURL: String) async throws -> Int {
        try await exchange(mock, "POST", Self.watchers, headers: ["Content-Type": "application/json"],
                           body: Data(#"{"callback_url": "\#(callbackURL)"}"#.utf8)).status
    }

    @Test func aSuccessfulSubscriptionIsFollowedByItsCallbackAtTheURLTheRequestNamed() async throws {
        try await withReceiverAndMock(MockOptions(sendsCallbacks: true)) { receiver, mock, received, log in
            #expect(try await watch(mock, receiver.absoluteString + "/hooks?w=1") == 201)
            #expect(try await eventually { received.all.count == 1 }, "no callback arrived")
            let got = try #require(received.all.first)
            #expect(got.hasPrefix("/hooks?w=1 application/json {"), "\(got)")
            // The body is one the callback's schema accepts (drawn from it, read-only fields allowed).
            let body = try JSONParser.parse(String(got.drop { $0 != "{" }))
            let validator = try SpecValidator.load(path: sample("pets-3.1.yaml"))
            #expect(validator.validate(body, schema: "StatusChange", direction: .response) == [])
            #expect(try await eventually { log.all.contains { $0.hasPrefix("notice callback statusChanged (POST \(receiver.absoluteString)/hooks?w=1): 204") } },
                    "\(log.all)")

            // A receiver answering outside the callback's responses is a warning; the subscription was answered.
            #expect(try await watch(mock, receiver.absoluteString + "/refuses") == 201)
            #expect(try await eventually { log.all.contains { $0.contains("/refuses): 500, outside the callback's contract: Status 500 is not declared") } },
                    "\(log.all)")
            // A refused subscription (400) sends nothing.
            #expect(try await watch(mock, "not a url") == 400)
            try await Task.sleep(nanoseconds: 300_000_000)
            #expect(received.all.count == 1)
        }
    }

    /// An answer over the body-size limit is cut off, not read whole; a receiver no one listens at is reported.
    @Test func anAnswerOverTheLimitAndAnUnreachableReceiverAreWarnings() async throws {
        var options = MockOptions(sendsCallbacks: true)
        options.validation.maxBodySize = 1024
        try await withReceiverAndMock(options) { receiver, mock, _, log in
            let big = try await watch(mock, receiver.absoluteString + "/big")
            let cutOff = try await eventually { log.all.contains { $0.contains("/big) failed: the answer was over 1024 bytes and was not read") } }
            #expect(big == 201 && cutOff, "\(log.all)")
            let nobody = try await watch(mock, "http://127.0.0.1:9/nobody")
            let reported = try await eventually { log.all.contains { $0.hasPrefix("warning callback statusChanged (POST http://127.0.0.1:9/nobody) failed: ") } }
            #expect(nobody == 201 && reported, "\(log.all)")
        }
    }

    @Test func withoutTheOptionNothingIsSent() async throws {
        try await withReceiverAndMock(MockOptions()) { receiver, mock, received, log in
            #expect(try await watch(mock, receiver.absoluteString + "/hooks") == 201)
            try await Task.sleep(nanoseconds: 300_000_000)
            #expect(received.all.isEmpty)
            #expect(!log.all.contains { $0.contains("callback") })
        }
    }
}
