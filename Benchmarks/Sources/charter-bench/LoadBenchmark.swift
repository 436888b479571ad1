import CYAMLLoop
import CharterSpec
import Foundation

// Load benchmarks: each spec's full load (tree + model + refs + lint) and tree-only read, against a bare
// libyaml event loop over the same bytes, measured in the same run so the ratio survives a noisy machine.

struct Measurement {
    var name: String
    var seconds: [Double]
    var median: Double { seconds.sorted()[seconds.count / 2] }
    var best: Double { seconds.min() ?? 0 }
}

func measure(_ name: String, iterations: Int, _ body: () -> Void) -> Measurement {
    body() // warm-up
    var times: [Double] = []
    for _ in 0..<iterations {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return Measurement(name: name, seconds: times)
}

/// `iterations` rounds, each running every body once in order, after one warm-up round: seconds per round and body.
func interleaved(iterations: Int, _ bodies: [() -> Void]) -> [[Double]] {
    for body in bodies { body() }
    return (0..<iterations).map { _ in
        bodies.map { body in
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
    }
}

func ms(_ s: Double) -> String { String(format: "%.1f ms", s * 1000) }

func runLoadBenchmarks(_ arguments: ArraySlice<String>) {
let corpus = arguments.first ?? "../../shared/corpus"

let iterations = Int(ProcessInfo.processInfo.environment["ITERATIONS"] ?? "") ?? 7
let specs = [
    "stripe/spec3.v524.yaml",
    "openai/openapi.yaml",
    "kubernetes/appsv1spec.json",
    "jira/software-swagger.v3.json",
]

print("| spec | size | libyaml event loop | tree only | ratio | full load (model, refs, lint) | ratio |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
for spec in specs {
    let path = corpus + "/" + spec
    guard let data = FileManager.default.contents(atPath: path) else {
        print("| \(spec) | missing | | | | | |")
        continue
    }
    let bytes = [UInt8](data)
    var events = 0
    var nodes = 0
    var diagnostics = 0
    // Rounds interleave the three so each round's ratios compare runs seconds apart: on a shared host the
    // machine's speed drifts by ±50% over a minute, which separate blocks of runs turned into ratio noise.
    let rounds = interleaved(iterations: iterations, [
        { events = bytes.withUnsafeBufferPointer { cyaml_count_events($0.baseAddress, $0.count) } },
        { nodes = SpecFileReader.parse(bytes: bytes, path: path).tree?.nodeCount ?? -1 },
        {
            let result = SpecLoader().load(bytes: bytes, path: path)
            diagnostics = result.diagnostics.count
            precondition(result.document != nil, "\(spec) did not load")
        },
    ])
    let loop = Measurement(name: "libyaml", seconds: rounds.map { $0[0] })
    let tree = Measurement(name: "tree", seconds: rounds.map { $0[1] })
    let full = Measurement(name: "load", seconds: rounds.map { $0[2] })
    let treeRatio = Measurement(name: "tree ratio", seconds: rounds.map { $0[1] / $0[0] }).median
    let fullRatio = Measurement(name: "full ratio", seconds: rounds.map { $0[2] / $0[0] }).median
    _ = (events, nodes, diagnostics)
    let size = String(format: "%.1f MB", Double(bytes.count) / 1e6)
    print("| \(spec) | \(size) | \(ms(loop.median)) | \(ms(tree.median)) | \(String(format: "%.2f×", treeRatio)) | \(ms(full.median)) | \(String(format: "%.2f×", fullRatio)) |")
}
print("")
print("Medians of \(iterations) interleaved rounds (libyaml loop, tree, full load) after one warm-up; each ratio is the median of the")
print("rounds' own ratios; release build (-Ounchecked for the bench driver only).")
}
