import Foundation
import PackagePlugin

/// `swift package generate-code [--target T …]`: writes the generated Swift into `<target>/Generated/` in the
/// source tree, for teams that commit generated code. Same spec and `charter.yaml` discovery as the build plugin.
/// A target that also uses the build plugin cannot build with both (the build plugin stops with the fix).
@main
struct CharterCommandPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let names = extractor.extractOption(named: "target")
        let targets = try context.package.targets(named: names.isEmpty ? context.package.targets.map(\.name) : names)
        let tool = try context.tool(named: "charter-codegen").url
        var generated = 0
        for case let target as SourceModuleTarget in targets {
            let files = target.sourceFiles.map(\.url)
            guard let spec = files.first(where: { ["openapi.yaml", "openapi.yml", "openapi.json"].contains($0.lastPathComponent) }) else { continue }
            // Beside the spec (the target's folder): where the build plugin looks for committed code. (The target's
            // `directoryURL` needs tools 6.1, and the Path form warns in every user's build.)
            let output = spec.deletingLastPathComponent().appending(path: "Generated")
            var arguments = [spec.path(percentEncoded: false), "--output", output.path(percentEncoded: false), "--default-module-name", target.moduleName,
                             "--regenerate-hint", "regenerate with `swift package --allow-writing-to-package-directory generate-code --target \(target.name)`"]
            if let config = files.first(where: { $0.lastPathComponent == "charter.yaml" }) { arguments += ["--config", config.path(percentEncoded: false)] }
            let process = Process()
            process.executableURL = tool
            process.arguments = arguments
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                Diagnostics.error("generate failed for \(target.name) (exit \(process.terminationStatus)); see the diagnostics above")
                return
            }
            print("\(target.name): wrote \(output.path(percentEncoded: false))")
            generated += 1
        }
        if generated == 0 { Diagnostics.warning("no target has an openapi.yaml, openapi.yml or openapi.json") }
    }
}
