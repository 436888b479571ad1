@_spi(Generated) import CharterRuntime
import CharterValidation
import Foundation

// What a generated module's schema table costs when its validator is first used: the table is JSON lines in string
// literals (`SchemaTableCoding`), decoded into keywords, then compiled into the `SchemaSet` — the second step is
// what the Swift statements the table used to be ended in too, so it is the baseline.
func runTableBenchmarks(_ arguments: ArraySlice<String>) {
    let corpus = arguments.first ?? "../../shared/corpus"
    print("| spec | schemas | table text | decode (first use) | SchemaSet from the keywords (baseline) | ratio |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for spec in ["stripe/spec3.v524.yaml", "openai/openapi.yaml", "box/openapi-v2025.0.json"] {
        guard let validator = try? SpecValidator.load(path: corpus + "/" + spec) else {
            print("| \(spec) | missing | | | | |")
            continue
        }
        let set = validator.schemas
        let lines = (0..<set.count).map { SchemaTableCoding.line(set[$0]) }
        let chunks = stride(from: 0, to: lines.count, by: 1_000).map { "[\n" + lines[$0..<min($0 + 1_000, lines.count)].joined(separator: ",\n") + "\n]" }
        var decoded: [SchemaKeywords] = []
        var sink = 0
        var decode = Double.infinity, build = Double.infinity
        for _ in 0..<5 {
            let start = DispatchTime.now().uptimeNanoseconds
            decoded = SchemaTableCoding.decode(chunks)
            let middle = DispatchTime.now().uptimeNanoseconds
            sink &+= SchemaSet(decoded).count
            let end = DispatchTime.now().uptimeNanoseconds
            decode = min(decode, Double(middle - start) / 1e6)
            build = min(build, Double(end - middle) / 1e6)
        }
        precondition(decoded.count == set.count && !decoded.contains { $0.booleanSchema == false && $0.name?.contains("damaged") == true },
                     "\(spec): the table did not decode")
        let bytes = chunks.reduce(0) { $0 + $1.utf8.count }
        print("| \(spec) | \(set.count) | \(bytes / 1024) KB | \(String(format: "%.1f ms", decode)) | \(String(format: "%.1f ms", build)) | \(String(format: "%.2f×", decode / build)) |")
        _ = sink
    }
    print("")
    print("Best of 5; release build.")
}
