import ArgumentParser
import CharterSpec

import Foundation

@main
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Charter: OpenAPI tooling for Swift (Swagger 2.0, OpenAPI 3.0, 3.1 and 3.2).",
        discussion: """
        Examples:
          swift run generate Specs/airline.yaml --output Generated/Airline
          swift run generate lint Specs/airline.yaml
          swift run generate validate Specs/airline.yaml --schema BookingRequest booking.json
          swift run generate diff Specs/users-v1.yaml Specs/users-v2.yaml
          swift run generate init Orders --server vapor --client
        """,
        subcommands: [Code.self, Lint.self, Validate.self, Diff.self, Init.self],
        defaultSubcommand: Code.self
    )

    /// Usage errors exit 2 (not ArgumentParser's 64) so scripts can tell them from findings (1).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                // One line: what is wrong and where to read more (the full usage is one `--help` away).
                let message = message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid usage"
                printToStandardError("error: \(message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message) (see 'generate help')")
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Writes a line to standard error (diagnostics that are not findings: unreadable files, usage).
func printToStandardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
