import Foundation
import PackagePlugin

/// Generates Swift from the target's `openapi.yaml` (or `.yml`/`.json`) at build time, configured by an optional
/// `charter.yaml` beside it. The API is named after the target unless `charter.yaml` sets `module-name`; the output
/// is always the same five files (`--fixed-layout`), so the declared outputs match what the generator writes for any
/// spec and mode.
@main
struct CharterBuildPlugin: BuildToolPlugin {
    static let specNames = ["openapi.yaml", "openapi.yml", "openapi.json"]

    /// A Swift file the command plugin generated: in a `Generated/` folder beside the spec (the target's folder).
    static func isCommittedOutput(_ file: URL, besides spec: URL) -> Bool {
        guard file.pathExtension == "swift", file.deletingLastPathComponent().lastPathComponent == "Generated" else { return false }
        return file.deletingLastPathComponent().deletingLastPathComponent().standardizedFileURL.path
            == spec.deletingLastPathComponent().standardizedFileURL.path
    }

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
        // Code the command plugin wrote into the target (`Generated/Models.swift` …) would declare every type a second
        // time, and SwiftPM would refuse the two producers of one file name with no hint of why: say so, with the fix.
        let committed = files.filter { Self.isCommittedOutput($0, besides: spec) }
        if !committed.isEmpty {
            Diagnostics.error("""
            \(target.name): Generated/ already holds Charter's code (\(committed.map(\.lastPathComponent).sorted().joined(separator: ", ")), \
            written by `swift package generate-code`), and the CharterBuildPlugin generates the same at build time. \
            Use one: delete \(target.name)'s Generated/ folder to keep the build plugin, or remove \
            `plugins: [.plugin(name: "CharterBuildPlugin", …)]` from the target to keep committed code.
            """)
            return []
        }
        let config = files.first { $0.lastPathComponent == "charter.yaml" }
        let output = context.pluginWorkDirectoryURL.appending(path: "Generated")
        var arguments = [spec.path(percentEncoded: false), "--output", output.path(percentEncoded: false),
                         "--default-module-name", target.moduleName, "--fixed-layout",
                         "--regenerate-hint", "the CharterBuildPlugin regenerates it from \(spec.lastPathComponent) at every build"]
        if let config { arguments += ["--config", config.path(percentEncoded: false)] }
        // Other YAML/JSON files of the target may be `$ref`ed by the spec: a change to any of them regenerates.
        let inputs = files.filter { ["yaml", "yml", "json"].contains($0.pathExtension) }
        return [
            .buildCommand(
                displayName: "Charter: generating \(target.moduleName) from \(spec.lastPathComponent)",
                executable: try context.tool(named: "charter-codegen").url,
                arguments: arguments,
                inputFiles: inputs,
                outputFiles: ["Models.swift", "Schemas.swift", "Operations.swift", "Server.swift", "Client.swift"].map { output.appending(path: $0) }
            )
        ]
    }
}
