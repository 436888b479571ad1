import CharterHummingbird
@_spi(Generated) import CharterRuntime
import CharterSpec
import CharterValidation
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import OpenAPIRuntime
import ServiceLifecycle

/// A mock server for any spec the loader reads, with no code generation: every operation answers from the
/// spec's examples or with values synthesised from its schemas, and is guarded exactly like a generated server —
/// requests validated (400/413/415/406 listing every violation, 405 with `Allow`, unknown paths 404, all in the
/// JSON error envelope with `X-Request-ID`), credentials required where the spec requires them (any credential
/// is accepted unless `MockOptions.credentials` names the accepted ones), and every answer validated before it
/// leaves.
///
/// From a test, start it on a free port and point a client at it:
///
///     let mock = try MockServer.load(path: "openapi.yaml")
///     try await mock.withRunning { serverURL in
///         let client = AirlineClient(serverURL: serverURL)
///         _ = try await client.listFlights(.init(query: .init(from: "LHR")))
///     }
///
/// Callers choose answers with `Prefer`: `code=404` (a documented status), `example=name` (a named example),
/// `dynamic=true` (fresh values).
public struct MockServer: Sendable {
    /// The spec, compiled.
    public let validator: SpecValidator
    /// How answers are made.
    public let options: MockOptions
    /// Loading warnings, then examples that break their schema (not served) and routes that could not be made.
    public let diagnostics: [Diagnostic]
    let catalog: MockCatalog

    /// A mock of the spec `validator` holds.
    public init(validator: SpecValidator, options: MockOptions = MockOptions()) {
        self.validator = validator
        self.options = options
        catalog = MockCatalog(validator: validator)
        var notes = validator.diagnostics.filter { $0.severity == .warning } + catalog.diagnostics
        if options.webhookURL != nil, catalog.webhooks.isEmpty {
            notes.append(Diagnostic(.warning, "a webhook URL was given, but the spec declares no webhooks (OpenAPI 3.1 `webhooks`): the mock sends none", at: nil))
        }
        diagnostics = notes
    }

    /// Loads the spec at `path` (tolerated problems become warnings in `diagnostics`) and makes its mock.
    public static func load(path: String, options: MockOptions = MockOptions(), loadOptions: LoadOptions = LoadOptions()) throws(SpecLoadError) -> MockServer {
        MockServer(validator: try SpecValidator.load(path: path, options: loadOptions), options: options)
    }

    /// Each route the mock answers, as `GET /v2/flights/{id}`.
    public var routes: [String] { catalog.routes.map { "\($0.contract.method) \($0.prefix)\($0.contract.path)" } }

    /// With `MockOptions.webhookURL`, the route that sends each webhook there (`POST /__charter/webhooks/petAdopted`);
    /// otherwise empty.
    public var webhookTriggers: [String] {
        guard options.webhookURL != nil else { return [] }
        return catalog.webhooks.map { "POST \(MockWebhooks.root)/\($0.name)" + ($0.contract.method == "POST" ? "" : "?method=\($0.contract.method)") }
    }

    /// The path of the spec's first server URL (`/v2`), where its operations are served; "" for the root.
    public var basePath: String { validator.document.servers.first.map(MockCatalog.pathPrefix) ?? "" }

    /// Registers every operation (and 405 answers for undeclared methods of declared paths) on `transport`.
    public func register(on transport: any ServerTransport, logger: Logger = Logger(label: "charter.mock")) throws {
        let values = MockValues(schemas: validator.schemas,
                                keepSeeds: options.dynamic ? [] : Set((0..<UInt64(options.streamLength)).map { options.seed &+ $0 }))
        let contracts = catalog.routes.map(\.contract)
        let schemes = validator.securitySchemes
        let shaper = MockErrorShaper(contracts: Dictionary(contracts.map { ($0.operationID, $0) }, uniquingKeysWith: { first, _ in first }),
                                     validator: validator.validator, values: values, seed: options.seed)
        let sender = MockSender(values: values, validator: validator.contractValidator(options: options.validation))
        let callbacks = options.sendsCallbacks ? MockCallbacks(sender: sender, logger: logger) : nil
        // One server per path prefix: operations and path items may name their own servers.
        for prefix in Set(catalog.routes.map(\.prefix)).sorted() {
            let server = OperationServer(transport: transport, serverURL: URL(string: prefix.isEmpty ? "/" : prefix) ?? OperationServer.rootURL,
                                         schemas: validator.schemas, contracts: contracts, options: options.validation, middlewares: [shaper],
                                         securitySchemes: schemes, security: MockSecurity(accepted: options.credentials), logger: logger)
            let routes = catalog.routes.filter { $0.prefix == prefix }
            for route in routes {
                let responder = MockResponder(route: route, values: values, options: options, callbacks: callbacks)
                try server.register(contract: route.contract) { reader, writer in try await responder.respond(reader, &writer) }
            }
            try server.registerMethodNotAllowed(for: routes.map(\.contract))
        }
        if let url = options.webhookURL {
            try MockWebhooks(webhooks: catalog.webhooks, url: url, sender: sender, options: options, logger: logger)
                .register(on: transport, schemas: validator.schemas)
        }
    }

    /// A Hummingbird router answering this spec: the operations (through `HummingbirdTransport`, small responses in
    /// one write), then the JSON 404 for everything else.
    public func router(logger: Logger = Logger(label: "charter.mock")) throws -> Router<BasicRequestContext> {
        let router = Router()
        try register(on: HummingbirdTransport(router), logger: logger)
        router.add(middleware: JSONNotFound())
        return router
    }
}

extension MockServer {
    /// Serves on `host:port` until the process receives SIGINT or SIGTERM (then finishes the requests in flight).
    /// `onRunning` learns the bound port (0 picks a free one).
    public func run(host: String = "127.0.0.1", port: Int = 4010, logger: Logger = Logger(label: "charter.mock"),
                    onRunning: (@Sendable (Int) async -> Void)? = nil) async throws {
        let app = Application(router: try router(logger: logger), configuration: .init(address: .hostname(host, port: port), serverName: "charter-mock"),
                              onServerRunning: { channel in await onRunning?(channel.localAddress?.port ?? port) }, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    /// Starts the mock on 127.0.0.1 at a free port (for tests); stop it with `RunningMock.stop()`.
    public func start(logger: Logger? = nil) async throws -> RunningMock {
        var quiet = Logger(label: "charter.mock")
        quiet.logLevel = .critical
        let logger = logger ?? quiet
        return try await RunningMock.start(try router(logger: logger), basePath: basePath, logger: logger)
    }

    /// Runs `body` with the mock serving on a free port of 127.0.0.1, passing the server URL the spec's paths
    /// live under (`http://127.0.0.1:54321/v2`), and stops the mock afterwards, also when `body` throws.
    public func withRunning<T: Sendable>(_ body: (URL) async throws -> T) async throws -> T {
        let running = try await start()
        do {
            let result = try await body(running.serverURL)
            await running.stop()
            return result
        } catch {
            await running.stop()
            throw error
        }
    }
}

/// A mock serving on a port, from `MockServer.start()`.
public final class RunningMock: Sendable {
    /// The bound port.
    public let port: Int
    /// `http://127.0.0.1:<port>`.
    public let url: URL
    /// `url` plus the spec's base path: what a generated client takes as its `serverURL`.
    public let serverURL: URL
    let group: ServiceGroup
    let task: Task<Void, any Error>

    /// Serves `router` on 127.0.0.1 at a free port until `stop()` (the mock's hosting; tests host their own routers
    /// with it too). It stops by graceful shutdown, never by cancelling its task: cancelling drops connections the
    /// server accepted but has not taken up, and NIO traps on those (swift-nio#2813).
    public static func start(_ router: Router<BasicRequestContext>, basePath: String = "", logger: Logger) async throws -> RunningMock {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "charter-mock"),
                              onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0); continuation.finish() }, logger: logger)
        var configuration = ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: [], cancellationSignals: [], logger: logger)
        // A connection that never finishes must not hold a test run: after this long, shutdown escalates to cancellation.
        configuration.maximumGracefulShutdownDuration = .seconds(10)
        let group = ServiceGroup(configuration: configuration)
        let task = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            await group.triggerGracefulShutdown()
            _ = try? await task.value
            throw MockStartError()
        }
        return RunningMock(port: port, basePath: basePath, group: group, task: task)
    }

    init(port: Int, basePath: String, group: ServiceGroup, task: Task<Void, any Error>) {
        self.port = port
        url = URL(string: "http://127.0.0.1:\(port)") ?? URL(fileURLWithPath: "/")
        serverURL = URL(string: "http://127.0.0.1:\(port)\(basePath)") ?? url
        self.group = group
        self.task = task
    }

    /// Stops accepting connections, finishes those in flight (cancelling after 10 s) and returns when the server is down.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }
}

/// The server did not report a bound port.
public struct MockStartError: Error, CustomStringConvertible {
    public var description: String { "the mock server did not start listening" }
}
