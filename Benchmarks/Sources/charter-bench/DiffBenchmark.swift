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
    scriptedStripeEdits(corpus: corpus)
}

/// Breaking edits applied to Stripe's text, each with the rule and field the diff must report for it.
func scriptedStripeEdits(corpus: String) {
    let path = corpus + "/stripe/spec3.v524.yaml"
    guard let data = FileManager.default.contents(atPath: path) else { return }
    var text = String(decoding: data, as: UTF8.self)
    let edits: [(what: String, from: String, to: String, rule: String, field: String)] = [
        ("coupon.times_redeemed: integer → string",
         "          description: Number of times this coupon has been applied to a customer.\n          type: integer",
         "          description: Number of times this coupon has been applied to a customer.\n          type: string",
         "response-property-type-changed", "times_redeemed"),
        ("coupon.valid no longer required", "        - times_redeemed\n        - valid\n      title: Coupon",
         "        - times_redeemed\n      title: Coupon", "response-property-became-optional", "valid"),
        ("customer.invoice_prefix renamed", "\n        invoice_prefix:", "\n        invoice_prefix_v2:",
         "response-optional-property-removed", "invoice_prefix"),
    ]
    var applied: [(what: String, rule: String, field: String)] = []
    for e in edits where text.contains(e.from) {
        text = text.replacingOccurrences(of: e.from, with: e.to)
        applied.append((e.what, e.rule, e.field))
    }
    guard let old = SpecLoader().load(bytes: Array(data), path: path).document,
          let new = SpecLoader().load(bytes: Array(text.utf8), path: path).document else { return }
    var findings: [Finding] = []
    let diff = measure("diff", iterations: 3) { findings = SpecDiff.compare(old: old, new: new, today: "2026-11-25") }
    // What `generate diff old.yaml new.yaml` does: both files loaded (in parallel) and compared, against
    // loading one version, in the same run.
    let edited = FileManager.default.temporaryDirectory.appendingPathComponent("charter-bench-stripe-edited.yaml").path
    FileManager.default.createFile(atPath: edited, contents: Data(text.utf8))
    defer { try? FileManager.default.removeItem(atPath: edited) }
    let loadOne = measure("load", iterations: 5) { _ = SpecLoader().load(path: path) }
    let whole = measure("files", iterations: 5) { _ = try? SpecDiff.report(oldPath: path, newPath: edited, options: DiffOptions(today: "2026-11-25")) }
    print("\n| two versions of stripe/spec3.v524.yaml, from files | load one (baseline) | load both + diff | ratio |")
    print("| --- | ---: | ---: | ---: |")
    print("| scripted edits below | \(ms(loadOne.best)) | \(ms(whole.best)) | \(String(format: "%.2f×", whole.best / loadOne.best)) |")
    print("\nScripted breaking edits on stripe/spec3.v524.yaml (\(applied.count) of \(edits.count) applied), diff \(ms(diff.best)), \(findings.count) findings:\n")
    print("| edit | expected rule | operations reporting it |")
    print("| --- | --- | ---: |")
    for e in applied {
        let hits = Set(findings.filter { $0.ruleID == e.rule && ($0.field == e.field || $0.field.hasSuffix("." + e.field)) }.map(\.operation))
        print("| \(e.what) | `\(e.rule)` | \(hits.count)\(hits.isEmpty ? " — MISSED" : "") |")
    }
}
