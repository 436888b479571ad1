import ArgumentParser
import CharterMock
import CharterRuntime
import Foundation
import Hummingbird
import Logging
import CharterHummingbird

/// Command-line options shared by the example servers.
public struct ServerOptions: ParsableArguments {
    @Option(help: "Address to listen on.")
    public var host: String = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one).")
    public var port: Int = 8080

    @Option(help: "Response validation: enforce (500 on a broken response), report (log it) or off.")
    public var responseValidation: String = "enforce"

    @Option(help: "A bearer token the server accepts (repeatable); 'token=scope scope' grants scopes.")
    public var token: [String] = ["t0k3n"]

    @Option(help: "Request validation: on, or off (only what decoding needs; for measuring its cost).")
    public var requestValidation: String = "on"

    public init() {}

    public var validationOptions: ValidationOptions {
        let mode: ResponseValidationMode = switch responseValidation {
        case "report": .report
        case "off": .off
        default: .enforce
        }
        return ValidationOptions(responseValidation: mode, requestValidation: requestValidation != "off")
    }
}

/// Hosting a generated API on Hummingbird: `register` puts the operations on the router through Charter's
/// `HummingbirdTransport` (small responses in one write); `onRunning` learns the bound port (tests use port 0).
public enum ExampleServer {
    public static func run(name: String, host: String, port: Int,
                           register: (HummingbirdTransport<Router<BasicRequestContext>>) throws -> Void,
                           onRunning: (@Sendable (Int) async -> Void)? = nil) async throws {
        let router = Router()
        try register(HummingbirdTransport(router))
        // After the routes: it answers what none of them matches, in the API's error envelope.
        router.add(middleware: JSONNotFound())
        var logger = Logger(label: name)
        logger.logLevel = .info
        let app = Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: name),
                              onServerRunning: { channel in await onRunning?(channel.localAddress?.port ?? port) }, logger: logger)
        try await app.runService()
    }
}
