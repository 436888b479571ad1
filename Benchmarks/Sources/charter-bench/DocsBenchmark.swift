import CharterDocs
import CharterGenerator
import CharterSpec
import CharterValidation
import Foundation

// `generate docs` on the largest corpus specs: the site built from a loaded spec, against generating every Swift
// part from the same document in the same run (the work a user already waits for), and the load both need.
func runDocsBenchmarks(_ arguments: ArraySlice<String>) {
    let corpus = arguments.first ?? "../../shared/corpus"
    print("| spec | load + compile | docs site | generate (all parts) | docs / generate | index.html |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for spec in ["stripe/spec3.v524.yaml", "openai/openapi.yaml", "box/openapi-v2025.0.json"] {
        let path = corpus + "/" + spec
        guard FileManager.default.fileExists(atPath: path) else { continue }
        let load = measure("load", iterations: 3) { _ = try? SpecValidator.load(path: path) }
        guard let validator = try? SpecValidator.load(path: path) else { continue }
        var size = 0
        let docs = measure("docs", iterations: 3) {
            size = DocsSite(validator: validator, moduleName: "API").files.first { $0.name == "index.html" }?.contents.utf8.count ?? 0
        }
        let generate = measure("generate", iterations: 3) {
            _ = Generator.generate(validator.document, specName: spec, options: GeneratorOptions(moduleName: "API"))
        }
        print("| \(spec) | \(ms(load.best)) | \(ms(docs.best)) | \(ms(generate.best)) | \(String(format: "%.2f×", docs.best / generate.best)) | \(size / 1024) KB |")
    }
    print("\nBest of 3; release build. Docs site = every page file built in memory from the loaded document (writing is the command's).")
}
