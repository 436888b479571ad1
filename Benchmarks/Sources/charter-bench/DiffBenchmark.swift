import CharterDiff
import CharterSpec
import Foundation

// Diff benchmarks: comparing two loaded versions of a large spec, against loading one of them (the baseline,
// measured in the same run). "renamed" changes one property of Stripe's `customer`, a schema 468 operations
// reach, so the change is reported (and must be found) once per operation.
func runDiffBenchmarks(_ arguments: ArraySlice<String>) {
    let corpus = arguments.first ?? "../../shared/corpus"
    let iterations = Int(ProcessInfo.processInfo.environment["ITERATIONS"] ?? "") ?? 5
    print("| spec pair | load one (baseline) | diff | ratio | findings |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for file in ["stripe/spec3.v524.yaml", "openai/openapi.yaml"] {
        let path = corpus + "/" + file
        guard let bytes = FileManager.default.contents(atPath: path).map(Array.init) else { continue }
        let load = measure("load", iterations: iterations) { _ = SpecLoader().load(bytes: bytes, path: path) }
        guard let old = SpecLoader().load(bytes: bytes, path: path).document else { continue }
        var pairs: [(String, Document)] = [("\(file) against itself", old)]
        let text = String(decoding: bytes, as: UTF8.self)
        if file.hasPrefix("stripe"), let renamed = SpecLoader().load(bytes: Array(text.replacingOccurrences(of: "\n        invoice_prefix:", with: "\n        invoice_prefix_v2:").utf8), path: path).document {
            pairs.append(("\(file), customer.invoice_prefix renamed", renamed))
        }
        for (name, new) in pairs {
            var count = 0
            let diff = measure("diff", iterations: iterations) { count = SpecDiff.compare(old: old, new: new, today: "2026-11-25").count }
            print("| \(name) | \(ms(load.best)) | \(ms(diff.best)) | \(String(format: "%.2f×", diff.best / load.best)) | \(count) |")
        }
    }
    print("\nBest of \(iterations) runs each; release build.")
}
