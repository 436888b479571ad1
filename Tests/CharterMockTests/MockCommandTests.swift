import CharterTestSupport
import Foundation
import Testing

/// `generate mock` as a user runs it: the real executable, a real port, stopped by SIGTERM.
@Suite("generate mock: the command")
struct MockCommandTests {
    /// The built `generate` with `arguments`, from the package root; its standard output is piped back.
    func launch(_ arguments: [String]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = try #require(generateBinary)
        process.arguments = arguments
        process.currentDirectoryURL = TestPaths.packageRoot
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        return (process, out)
    }

    /// What `pipe` carries up to the first appearance of `marker` (or its end).
    func read(_ pipe: Pipe, until marker: String) -> String {
        var printed = ""
        let reader = pipe.fileHandleForReading
        while !printed.contains(marker) {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            printed += String(decoding: chunk, as: UTF8.self)
        }
        return printed
    }

    @Test func servesUntilTerminatedAndPrintsWhereItListens() async throws {
        let (process, out) = try launch(["mock", "Specs/airline.yaml", "--port", "0", "--seed", "9"])
        defer { if process.isRunning { process.terminate() } }

        // The first line names the bound port: "Mock of Airline Booking API: 8 operations on http://127.0.0.1:PORT/v2".
        let printed = read(out, until: "\n")
        let line = try #require(printed.split(separator: "\n").first.map(String.init))
        #expect(line.hasPrefix("Mock of Airline Booking API: 8 operations on http://127.0.0.1:"), "\(line)")
        let url = try #require(line.split(separator: " ").last.flatMap { URL(string: String($0)) })
        #expect(url.path == "/v2")

        let answer = try await exchange(root(url), "GET", "/v2/airports")
        #expect(answer.status == 200)
        #expect(answer.json?.arrayValue?.isEmpty == false)

        process.terminate()  // SIGTERM: a graceful stop
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func aBrokenSpecIsALocatedErrorAndExitStatusOne() throws {
        let folder = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("broken.yaml").path
        try "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get: [\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try runGenerate(["mock", path, "--port", "0"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("broken.yaml:"), "\(result.stderr)")
        let usage = try runGenerate(["mock", "Specs/airline.yaml", "--port", "70000"])
        #expect(usage.status == 2)
        let notHTTP = try runGenerate(["mock", "Specs/pets-3.1.yaml", "--webhook-url", "ftp://example.com/hooks"])
        #expect(notHTTP.status == 2)
        #expect(notHTTP.stderr.contains("--webhook-url must be an absolute http or https URL"), "\(notHTTP.stderr)")
    }

    /// With `--webhook-url`, the start-up lines name each webhook's trigger route after the operations.
    @Test func printsEachWebhooksTrigger() throws {
        let (process, out) = try launch(["mock", "Specs/pets-3.1.yaml", "--port", "0", "--webhook-url", "http://127.0.0.1:9/hooks"])
        defer { if process.isRunning { process.terminate() } }
        let printed = read(out, until: "petReturned\n")
        #expect(printed.contains("""
            Webhooks, each sent to http://127.0.0.1:9/hooks when asked:
              POST /__charter/webhooks/petAdopted
              POST /__charter/webhooks/petReturned
            """), "\(printed)")
        process.terminate()
        process.waitUntilExit()
    }
}
