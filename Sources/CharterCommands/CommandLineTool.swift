import ArgumentParser
import Foundation

/// Running a command the way every Charter tool does: usage errors exit 2 (not ArgumentParser's 64) with one
/// line, so scripts can tell them from findings (1).
public enum CommandLineTool {
    /// Parses the process's arguments with `Root` and runs the chosen command (async commands included).
    public static func main<Root: ParsableCommand>(_ root: Root.Type) async {
        do {
            var command = try Root.parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = Root.exitCode(for: error)
            if code == .validationFailure {
                // One line: what is wrong and where to read more (the full usage is one `--help` away).
                let message = Root.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid usage"
                printToStandardError("error: \(message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message) (see '\(Root.configuration.commandName ?? "generate") help')")
                Foundation.exit(2)
            }
            Root.exit(withError: error)
        }
    }
}

/// Writes a line to standard error (diagnostics that are not findings: unreadable files, usage).
public func printToStandardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
