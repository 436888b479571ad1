import CharterCommands
import ArgumentParser
import CharterSpec
import CharterValidation


/// `generate lint <spec>`: load the spec, print every diagnostic, exit 0 / 1 / 2.
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a spec and print every problem as file:line:col: severity: message.",
        discussion: """
        Exit status: 0 when the spec is clean or has warnings only, 1 when it has errors,
        2 when the file cannot be read or the arguments are wrong.

        Examples:
          swift run generate lint Specs/airline.yaml
          swift run generate lint api.json --quiet-warnings
        """
    )

    @Argument(help: "The spec: Swagger 2.0 or OpenAPI 3.0–3.2 (YAML or JSON, one file or the root of a tree).")
    var spec: String

    @Flag(name: .customLong("quiet-warnings"), help: "Print errors only.")
    var quietWarnings = false

    @OptionGroup var references: ReferenceOptions

    func run() throws {
        let options = references.loadOptions
        let result = SpecLoader(options: options).load(path: spec)
        if result.document == nil && result.diagnostics.allSatisfy({ $0.location == nil }) {
            // The file itself could not be read: a usage problem (exit 2), not a finding (exit 1).
            for diagnostic in result.diagnostics { printToStandardError("\(diagnostic)") }
            throw ExitCode(2)
        }
        var diagnostics = result.diagnostics
        if let document = result.document, !result.hasErrors {
            // The runtime's view: patterns it cannot run in linear time, defaults and examples it would reject.
            let validator = SpecValidator(document: document)
            diagnostics = (diagnostics + validator.diagnostics + validator.exampleDiagnostics()).sortedByLocation()
        }
        let shown = quietWarnings ? diagnostics.filter { $0.severity == .error } : diagnostics
        for diagnostic in shown {
            print(diagnostic)
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        print("\(spec): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        if errors > 0 { throw ExitCode(1) }
    }
}
