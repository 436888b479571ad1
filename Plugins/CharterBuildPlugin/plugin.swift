import Foundation
import PackagePlugin

/// Generates Swift from the target's `openapi.yaml` (or `.yml`/`.json`) at build time, configured by an optional
/// `charter.yaml` beside it. The module name is the target's; the output is always the same five files
/// (`--fixed-layout`), so the declared outputs match what the generator writes for any spec and mode.
@main
struct CharterBuildPlugin: BuildToolPlugin {
    static let specNames = ["openapi.yaml", "openapi.yml", "openapi.json"]

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let files = target.sourceFiles.map(\.url)
        let specs = files.filter { Self.specNames.contains($0.lastPathComponent) }
        guard let spec = specs.first else {
            Diagnostics.error("\(target.name): the Charter plugin needs an openapi.yaml, openapi.yml or openapi.json in the target")
            return []
        }
        if specs.count > 1 {
            Diagnostics.error("\(target.name): more than one OpenAPI spec (\(specs.map(\.lastPathComponent).joined(separator: ", "))); keep one")
            return []
        }
        let config = files.first { $0.lastPathComponent == "charter.yaml" }
        let output = context.pluginWorkDirectoryURL.appending(path: "Generated")
        var arguments = [spec.path(percentEncoded: false), "--output", output.path(percentEncoded: false),
                         "--module-name", target.moduleName, "--fixed-layout"]
        if let config { arguments += ["--config", config.path(percentEncoded: false)] }
        // Other YAML/JSON files of the target may be `$ref`ed by the spec: a change to any of them regenerates.
        let inputs = files.filter { ["yaml", "yml", "json"].contains($0.pathExtension) }
        return [
            .buildCommand(
                displayName: "Charter: generating \(target.moduleName) from \(spec.lastPathComponent)",
                executable: try context.tool(named: "generate").url,
                arguments: arguments,
                inputFiles: inputs,
                outputFiles: ["Models.swift", "Schemas.swift", "Operations.swift", "Server.swift", "Client.swift"].map { output.appending(path: $0) }
            )
        ]
    }
}
