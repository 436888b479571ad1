import ArgumentParser
import CharterCommands
import CharterDocs
import CharterGenerator
import CharterValidation
import Foundation

/// `generate docs <spec> --output <dir>`: a static, offline reference site.
struct Docs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "Write a reference site for the spec: one index.html with its stylesheet and script, no network needed.",
        discussion: """
        The page lists operations by tag (3.2 tag hierarchies nest) with their parameters, bodies, responses,
        headers, security and deprecation; schemas as trees with every constraint the validator enforces;
        examples from the spec or drawn from the schema; a curl line and the generated Swift client call per
        operation; search, deep links (index.html#operation/<operationId>, #schema/<Name>) and light and dark themes.
        Open it from disk: it loads nothing from the network. Files whose contents did not change are not rewritten.

        Examples:
          swift run generate docs Specs/airline.yaml --output api-docs/airline
          swift run generate docs openapi.yaml --output site --module-name Payments
        """
    )

    @Argument(help: "The spec: Swagger 2.0 or OpenAPI 3.0–3.2 (YAML or JSON, one file or the root of a tree).")
    var spec: String

    @Option(help: "The folder to write index.html and its assets into (created if needed).")
    var output: String

    @Option(help: "The module of the generated client the Swift samples call (<Name>Client). Default: from the spec's title.")
    var moduleName: String?

    @OptionGroup var references: ReferenceOptions

    func run() throws {
        let validator: SpecValidator
        do {
            validator = try SpecValidator.load(path: spec, options: references.loadOptions)
        } catch {
            for d in error.diagnostics where d.severity == .error { printToStandardError("\(d)") }
            throw ExitCode(error.diagnostics.allSatisfy { $0.location == nil } ? 2 : 1)
        }
        for d in validator.diagnostics { printToStandardError("\(d)") }
        let name = moduleName ?? SwiftNames.typeName(validator.document.info.title)
        let site = DocsSite(validator: validator, moduleName: name.isEmpty ? "API" : name)
        for d in site.diagnostics { printToStandardError("\(d)") }
        let folder = URL(fileURLWithPath: output)
        do {
            let written = try site.write(to: folder)
            print("\(output)/index.html: \(written.isEmpty ? "unchanged" : "wrote " + written.joined(separator: ", "))")
        } catch {
            printToStandardError("error: cannot write \(output): \(error.localizedDescription)")
            throw ExitCode(1)
        }
    }
}
