import CharterMock
import CharterRuntime
import CharterValidation
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTPTypes
import Hummingbird
import Logging
import OpenAPIHummingbird
import OpenAPIRuntime
import ServiceLifecycle

/// A real Hummingbird server on 127.0.0.1 (port chosen by the OS) for the duration of `body`, hosted the way the
/// mock is (`RunningMock.start`: stopped by graceful shutdown, never by cancelling its task, which NIO traps on).
public func withServer(_ router: Router<BasicRequestContext>, _ body: @Sendable (URL) async throws -> Void) async throws {
    var logger = Logger(label: "test-server")
    logger.logLevel = .critical
    let running = try await RunningMock.start(router, logger: logger)
    do {
        try await body(running.url)
    } catch {
        await running.stop()
        throw error
    }
    await running.stop()
}

/// One HTTP exchange as the test sees it.
public struct Exchange: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data
    public var json: JSONValue? { try? JSONParser.parse(Array(body)) }
    public func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
}

public func send(_ base: URL, _ method: String, _ path: String, headers: [String: String] = [:], body: Data? = nil) async throws -> Exchange {
    var request = URLRequest(url: URL(string: base.absoluteString + path)!)
    request.httpMethod = method
    for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
    request.httpBody = body
    let (data, response) = try await URLSession.shared.data(for: request)
    let http = response as! HTTPURLResponse
    var fields: [String: String] = [:]
    for (k, v) in http.allHeaderFields { fields["\(k)"] = "\(v)" }
    return Exchange(status: http.statusCode, headers: fields, body: data)
}

public func sendJSON(_ base: URL, _ method: String, _ path: String, _ json: String, headers: [String: String] = [:]) async throws -> Exchange {
    var h = headers
    if h["Content-Type"] == nil { h["Content-Type"] = "application/json" }
    return try await send(base, method, path, headers: h, body: Data(json.utf8))
}

/// Registers a handler for every operation of `spec` that `handlers` names, behind the validation middleware.
/// With `security`, the spec's security middleware runs first.
public func router(for spec: String, options: ValidationOptions, security: (any SecurityHandler)? = nil,
                   handlers: [String: RawHandler]) throws -> Router<BasicRequestContext> {
    let validator = try SpecValidator.load(path: TestPaths.packageRoot.appendingPathComponent("Specs/\(spec)").path)
    let middlewares: [any ServerMiddleware] = (security.map { [validator.securityMiddleware(handler: $0)] } ?? []) + [validator.middleware(options: options)]
    let router = Router()
    for contract in validator.contracts {
        guard let handler = handlers[contract.operationID] else { continue }
        try router.register(operationID: contract.operationID, method: HTTPRequest.Method(contract.method)!,
                            path: contract.path, middlewares: middlewares, handler: handler)
    }
    return router
}

/// A handler answering `status` with a JSON body.
public func respond(_ status: Int, _ json: String, headers: [String: String] = [:]) -> RawHandler {
    { _, _, _ in
        var response = HTTPResponse(status: .init(code: status))
        response.headerFields[.contentType] = "application/json"
        for (k, v) in headers { response.headerFields[HTTPField.Name(k)!] = v }
        return (response, HTTPBody(json))
    }
}

/// A failure a test throws where `#require` does not fit (inside a handler or a closure).
public struct TestFailure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// A thread-safe count, for handlers and middlewares called from server tasks.
public final class Counter: @unchecked Sendable {
    private var count = 0
    private let lock = NSLock()
    public init() {}
    public func increment() { lock.lock(); count += 1; lock.unlock() }
    public var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}

/// Thread-safe lines in arrival order, for what handlers, loggers and closures called from server tasks saw.
public final class Recorded: @unchecked Sendable {
    private var lines: [String] = []
    private let lock = NSLock()
    public init() {}
    public func add(_ line: String) { lock.withLock { lines.append(line) } }
    public var all: [String] { lock.withLock { lines } }
}

extension JSONValue {
    /// The elements when the value is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }
}

/// Work that stays unfinished until the test opens the gate: lets a test assert that a caller returned *before*
/// some work ended (an ordering), instead of comparing wall-clock times, which a loaded 2-core host can stretch by
/// tens of seconds. A fallback opens it after `fallback` seconds so that a broken implementation fails, not hangs.
/// The fallback is long because the whole suite shares two cooperative threads: on a slow host its CPU-bound
/// synchronous tests (the corpus sweeps) held both for over two minutes, so no timer could fire and a 120 s
/// fallback opened the gate before the timeout under test ran (2026-12-05, a host three times slower than usual).
public final class Gate: @unchecked Sendable {
    private let lock = NSLock()
    private var opened = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    public init(fallback seconds: Double = 900) {
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [self] in open() }
    }

    /// Whether the gate has been opened (by the test or the fallback).
    public var isOpen: Bool { lock.lock(); defer { lock.unlock() }; return opened }

    /// Lets every waiter go on.
    public func open() {
        lock.lock()
        opened = true
        let ready = waiters
        waiters = []
        lock.unlock()
        for w in ready { w.resume() }
    }

    /// Waits, ignoring cancellation (as a badly behaved transport would), until the gate opens.
    public func wait() async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            lock.lock()
            if opened { lock.unlock(); c.resume(); return }
            waiters.append(c)
            lock.unlock()
        }
    }
}
