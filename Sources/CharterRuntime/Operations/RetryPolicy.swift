import Foundation
import HTTPTypes

/// When a generated client sends a call again, and how long it waits first.
///
/// A call is retried only when sending it twice cannot do harm: its method is idempotent (GET, HEAD, PUT,
/// DELETE, OPTIONS, TRACE) or it carries an idempotency key (the operation declares `Idempotency-Key`; the
/// client then sends one key for every attempt of the call), and its body can be sent again (a streamed body
/// cannot: such calls are sent once). It is retried after a connection error or a 408, 429, 500, 502, 503 or
/// 504, waiting the server's `Retry-After` (seconds or an HTTP date) when it sends one, else an exponential
/// backoff with full jitter; never more than `maxAttempts` attempts or past `maxTotalDelay` of waiting, and
/// never once the calling task is cancelled. `attemptTimeout` and `timeout` bound one attempt and the whole call.
///
///     let client = AirlineClient(serverURL: url, retries: RetryPolicy(maxAttempts: 5))
///     let once = AirlineClient(serverURL: url, retries: .none)
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included (1: never retry).
    public var maxAttempts: Int
    /// The backoff ceiling before the first retry; it doubles for each further one, up to `maxDelay`.
    public var initialDelay: Duration
    /// The longest wait before one retry (a longer `Retry-After` ends the retries instead).
    public var maxDelay: Duration
    /// The most time spent waiting between attempts over one call.
    public var maxTotalDelay: Duration
    /// The statuses that mean "try again later".
    public var retryableStatuses: Set<Int>
    /// Whether a call whose connection failed (the transport threw) is retried.
    public var retriesTransportErrors: Bool
    /// The request header that makes a POST or PATCH safe to repeat.
    public var idempotencyHeader: String
    /// The longest one attempt may take to get a response head; one that takes longer is abandoned as a
    /// connection error is (and retried as one). Nil: no limit but the transport's.
    public var attemptTimeout: Duration?
    /// The longest a whole call may take, waits and retries included; then it throws `ClientTimeout`.
    public var timeout: Duration?

    /// A policy; the defaults retry twice, waiting up to 0.5 s and then 1 s (or what `Retry-After` says).
    public init(maxAttempts: Int = 3, initialDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(30),
                maxTotalDelay: Duration = .seconds(60), retryableStatuses: Set<Int> = [408, 429, 500, 502, 503, 504],
                retriesTransportErrors: Bool = true, idempotencyHeader: String = "Idempotency-Key",
                attemptTimeout: Duration? = nil, timeout: Duration? = nil) {
        self.attemptTimeout = attemptTimeout
        self.timeout = timeout
        self.maxAttempts = max(1, maxAttempts)
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.maxTotalDelay = maxTotalDelay
        self.retryableStatuses = retryableStatuses
        self.retriesTransportErrors = retriesTransportErrors
        self.idempotencyHeader = idempotencyHeader
    }

    /// Every call is sent once.
    public static let none = RetryPolicy(maxAttempts: 1)

    static let idempotentMethods: Set<HTTPRequest.Method> = [.get, .head, .put, .delete, .options, .trace]

    /// Whether `request` may be sent again: an idempotent method, or a key in the idempotency header.
    func allowsRetry(of request: HTTPRequest) -> Bool {
        guard maxAttempts > 1 else { return false }
        if Self.idempotentMethods.contains(request.method) { return true }
        guard let name = HTTPField.Name(idempotencyHeader) else { return false }
        return request.headerFields[name].map { !$0.isEmpty } ?? false
    }

    /// The wait before retry number `retry` (1 for the first): the server's `Retry-After` when given and not
    /// longer than `maxDelay` (nil: give up), else a random time up to the exponential ceiling.
    func delay(beforeRetry retry: Int, retryAfter: String?, now: Date = Date()) -> Duration? {
        if let retryAfter, let asked = Self.parseRetryAfter(retryAfter, now: now) {
            return asked <= maxDelay ? asked : nil
        }
        let ceiling = min(maxDelay, initialDelay * (1 << min(retry - 1, 30)))
        let nanoseconds = ceiling.components.seconds * 1_000_000_000 + ceiling.components.attoseconds / 1_000_000_000
        return .nanoseconds(Int64.random(in: 0...max(0, nanoseconds)))
    }

    /// `Retry-After` as delay-seconds or an HTTP date (RFC 9110 §10.2.3); a date in the past is no wait.
    static func parseRetryAfter(_ value: String, now: Date) -> Duration? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            return text.count <= 9 ? .seconds(Int(text) ?? 0) : nil
        }
        guard let date = httpDate(text) else { return nil }
        let seconds = date.timeIntervalSince(now)
        return .milliseconds(Int64(max(0, seconds) * 1000))
    }

    /// An IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the form servers send.
    static func httpDate(_ text: String) -> Date? { HTTPDate.parse(text) }
}

/// A call or one of its attempts took longer than the client's `RetryPolicy` allows.
public struct ClientTimeout: Error, Sendable, CustomStringConvertible {
    /// The operation called.
    public var operationID: String
    /// The limit that ran out.
    public var limit: Duration
    /// Whether it was the whole call's limit (`timeout`) rather than one attempt's (`attemptTimeout`).
    public var wholeCall: Bool

    public var description: String {
        "\(operationID): \(wholeCall ? "the call" : "an attempt") took longer than \(limit)"
    }

    /// `body`'s result, or `error` once `limit` has passed. The timed-out `body` is cancelled and left to wind
    /// down on its own: waiting for it (as a task group does for its children) would hold the caller as long as
    /// a transport takes to notice the cancellation.
    static func race<T: Sendable>(_ limit: Duration?, _ error: ClientTimeout?, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        guard let limit, let error else { return try await body() }
        let outcome = Outcome<T>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                outcome.start(continuation)
                let work = Task {
                    do { outcome.finish(.success(try await body())) } catch { outcome.finish(.failure(error)) }
                }
                let timer = Task {
                    try await Task.sleep(for: limit)
                    outcome.finish(.failure(error))
                }
                outcome.onFinish { work.cancel(); timer.cancel() }
            }
        } onCancel: {
            outcome.finish(.failure(CancellationError()))
        }
    }
}

/// The first of several results to arrive resumes the waiting caller; later ones are dropped. Then the racers
/// are cancelled: the work when it lost, the timer when it did.
private final class Outcome<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?
    private var early: Result<T, any Error>?
    private var done = false
    private var cleanup: (@Sendable () -> Void)?

    func start(_ continuation: CheckedContinuation<T, any Error>) {
        lock.lock()
        if let early {
            lock.unlock()
            continuation.resume(with: early)
            return
        }
        self.continuation = continuation
        lock.unlock()
    }

    func onFinish(_ action: @escaping @Sendable () -> Void) {
        lock.lock()
        let finished = done
        cleanup = action
        lock.unlock()
        if finished { action() }
    }

    func finish(_ result: Result<T, any Error>) {
        lock.lock()
        guard !done else { lock.unlock(); return }
        done = true
        let waiting = continuation
        continuation = nil
        if waiting == nil { early = result }
        let action = cleanup
        lock.unlock()
        waiting?.resume(with: result)
        // Cancelling a racer that already finished is harmless.
        action?()
    }
}