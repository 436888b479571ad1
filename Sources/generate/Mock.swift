import ArgumentParser
import CharterCommands
import CharterMock
import CharterRuntime
import CharterSpec
import Foundation
import Logging

/// `generate mock <spec>`: serve the spec as a mock server.
struct Mock: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mock",
        abstract: "Serve a mock of the spec: examples or synthesised values, requests and answers validated.",
        discussion: """
        Every operation answers with the status the caller prefers or its first documented success, and a body
        from the spec's examples or synthesised from its schema (the same for the same --seed). Requests are
        checked as a generated server checks them (400 listing every violation, 401 without credentials, 405,
        404 in the JSON error envelope); every answer is validated before it is sent. Examples that break their
        schema are reported at start-up and not served. Runs until interrupted.

        Callers choose with the Prefer header: 'Prefer: code=404', 'Prefer: example=<name>', 'Prefer: dynamic=true'.

        Examples:
          swift run generate mock Specs/airline.yaml
          swift run generate mock openapi.yaml --port 4010 --seed 7 --latency 200
          swift run generate mock openapi.yaml --credential t0k3n --credential user:secret
          swift run generate mock openapi.yaml --send-callbacks   # callbacks go to the URLs requests name
          swift run generate mock openapi.yaml --webhook-url http://127.0.0.1:9000/hooks
            then: curl -X POST localhost:4010/__charter/webhooks/<name>   # sends that webhook's event there
        """
    )

    @Argument(help: "The spec: Swagger 2.0 or OpenAPI 3.0–3.2 (YAML or JSON, one file or the root of a tree).")
    var spec: String

    @Option(help: "Port to listen on (0 picks a free one).")
    var port: Int = 4010

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "Seed of the synthesised values: the same seed gives the same answers.")
    var seed: UInt64 = 1

    @Flag(help: "Fresh synthesised values on every call (examples only when a request names one).")
    var dynamic = false

    @Option(help: "Delay before every answer, in milliseconds.")
    var latency: Int = 0

    @Option(help: "Events or lines in each streamed answer (SSE, JSON Lines).")
    var streamLength: Int = 3

    @Option(help: "A credential the mock accepts (repeatable): a bearer token, an API key, or user:password for Basic. Default: any credential that is present.")
    var credential: [String] = []

    @Flag(help: "After answering an operation that has callbacks, send each to the URL its key reads from the request (a body from its schema) and log the receiver's answer.")
    var sendCallbacks = false

    @Option(help: ArgumentHelp("Where to send the spec's webhooks: 'POST /__charter/webhooks/<name>' (with the event as JSON, or none: an example or one drawn from the schema) sends one there and answers with the receiver's reply; 'GET /__charter/webhooks' lists them.", valueName: "url"))
    var webhookURL: String?

    @OptionGroup var references: ReferenceOptions

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0…65535") }
        guard latency >= 0 else { throw ValidationError("--latency must not be negative") }
        guard (1...10_000).contains(streamLength) else { throw ValidationError("--stream-length must be 1…10000") }
        if let webhookURL, Self.receiverURL(webhookURL) == nil {
            throw ValidationError("--webhook-url must be an absolute http or https URL, such as http://127.0.0.1:9000/hooks")
        }
    }

    /// An absolute http(s) URL with a host.
    static func receiverURL(_ text: String) -> URL? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty else { return nil }
        return url
    }

    func run() async throws {
        let mock: MockServer
        do {
            mock = try MockServer.load(path: spec, options: MockOptions(seed: seed, dynamic: dynamic, latencyMilliseconds: latency, streamLength: streamLength,
                                                                     credentials: Set(credential), sendsCallbacks: sendCallbacks,
                                                                     webhookURL: webhookURL.flatMap(Self.receiverURL)),
                                       loadOptions: references.loadOptions)
        } catch {
            for d in error.diagnostics where d.severity == .error { printToStandardError("\(d)") }
            throw ExitCode(error.diagnostics.allSatisfy { $0.location == nil } ? 2 : 1)
        }
        for d in mock.diagnostics { printToStandardError("\(d)") }
        var logger = Logger(label: "charter.mock")
        logger.logLevel = .notice
        let title = mock.validator.document.info.title
        let routes = mock.routes
        let triggers = mock.webhookTriggers.isEmpty ? [] : ["Webhooks, each sent to \(webhookURL ?? "") when asked:"] + mock.webhookTriggers.map { "  \($0)" }
        let host = host
        try await mock.run(host: host, port: port, logger: logger) { bound in
            // Written at once and unbuffered, so a script waiting for this line sees it while the mock runs.
            let lines = ["Mock of \(title): \(routes.count) operations on http://\(host):\(bound)\(mock.basePath)"] + routes.map { "  \($0)" } + triggers
            FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
    }
}
