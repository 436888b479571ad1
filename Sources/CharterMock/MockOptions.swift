import CharterRuntime
import Foundation

/// How a mock server answers.
public struct MockOptions: Sendable {
    /// Seeds every synthesised value: the same seed gives the same answers, run after run.
    public var seed: UInt64
    /// Fresh values on every call (examples are then used only when a request names one with `Prefer: example=`).
    public var dynamic: Bool
    /// Added before every answer, in milliseconds (to exercise clients' timeouts and spinners).
    public var latencyMilliseconds: Int
    /// How many events or lines a streamed response (SSE, JSON Lines, JSON sequences) carries before it ends.
    public var streamLength: Int
    /// The credentials the mock accepts — bearer tokens, API keys, `user:password` for Basic — so a client's
    /// handling of a refused credential can be tested; empty (the default): any credential that is present.
    public var credentials: Set<String>
    /// After answering an operation that has callbacks with a success, send each callback to the URL its key reads
    /// from the request (`{$request.body#/callbackUrl}`), with a body from its schema, and log what the receiver
    /// answered. Off by default: a mock reached by test tools must not call out to every URL they invent.
    public var sendsCallbacks: Bool
    /// Where the spec's webhooks go, each when asked: `POST /__charter/webhooks/<name>` sends one there and answers
    /// with the receiver's reply (`GET /__charter/webhooks` lists them). Nil (the default): no such routes.
    public var webhookURL: URL?
    /// Request checks, body limits and error format, as a generated server takes them. Responses are always
    /// validated in enforce mode: the mock never sends an answer its spec does not allow.
    public var validation: ValidationOptions

    /// Options with the given seed, static answers, no latency, three items per stream, any credential, no callbacks
    /// or webhooks.
    public init(seed: UInt64 = 1, dynamic: Bool = false, latencyMilliseconds: Int = 0, streamLength: Int = 3,
                credentials: Set<String> = [], sendsCallbacks: Bool = false, webhookURL: URL? = nil,
                validation: ValidationOptions = ValidationOptions()) {
        self.webhookURL = webhookURL
        self.credentials = credentials
        self.sendsCallbacks = sendsCallbacks
        self.seed = seed
        self.dynamic = dynamic
        self.latencyMilliseconds = max(0, latencyMilliseconds)
        self.streamLength = max(1, streamLength)
        self.validation = validation
        self.validation.responseValidation = .enforce
    }
}
