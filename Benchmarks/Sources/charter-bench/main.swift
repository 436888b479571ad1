import CYAMLLoop
import CharterSpec
import Foundation

// charter-bench [load|validate|diff|scaling|serve-path|bodies|encode|docs|tables|all] [corpus-folder]
//   --profile FILE N        only the full load of FILE, N times (for perf/callgrind)
//   --profile-tree FILE N   only the tree read of FILE, N times
//   --profile-libyaml FILE N  only the bare libyaml event loop over FILE, N times
//   --profile-validate N    only booking validation, N times
//   --profile-form N        only the customer form's parse + validate, N times
//   --profile-synthetic SCHEMAS N  only the load of the scaling benchmark's synthetic spec, N times
//   --write-tree SCHEMAS FOLDER   the tree benchmark's multi-file spec (FOLDER/openapi.yaml), to profile with --profile
let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "--profile", "--profile-tree", "--profile-libyaml":
    // One stage over FILE, N times: the full load, the tree read alone, or the bare libyaml loop.
    if arguments.count >= 3, let n = Int(arguments[arguments.startIndex + 2]) {
        let path = arguments[arguments.startIndex + 1]
        let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
        let stage: () -> Void
        switch arguments.first {
        case "--profile-tree": stage = { _ = SpecFileReader.parse(bytes: bytes, path: path) }
        case "--profile-libyaml": stage = { _ = bytes.withUnsafeBufferPointer { cyaml_count_events($0.baseAddress, $0.count) } }
        default: stage = { _ = SpecLoader().load(bytes: bytes, path: path) }
        }
        for _ in 0..<n { stage() }
    }
case "--profile-synthetic":
    let schemas = Int(arguments.dropFirst().first ?? "") ?? 1_000
    let bytes = Array(syntheticSpec(schemas: schemas).utf8)
    for _ in 0..<(Int(arguments.dropFirst(2).first ?? "") ?? 1) { _ = SpecLoader().load(bytes: bytes, path: "synthetic.yaml") }
case "--write-tree":
    let schemas = Int(arguments.dropFirst().first ?? "") ?? 1_000
    let folder = URL(fileURLWithPath: arguments.dropFirst(2).first ?? "charter-tree")
    do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        print("\(try writeSyntheticTree(schemas: schemas, in: folder)) files in \(folder.path)")
    } catch {
        print("could not write the tree: \(error)")
    }
case "--profile-serve":
    // --profile-serve on|off|both N [search]   (both: requests and responses validated)
    let mode = arguments.dropFirst().first
    await profileServePath(validating: mode == "on" || mode == "both", responses: mode == "both", n: Int(arguments.dropFirst(2).first ?? "") ?? 10_000,
                           search: arguments.dropFirst(3).first == "search")
case "--profile-form":
    profileForm(Int(arguments.dropFirst().first ?? "") ?? 100_000)
case "--profile-validate":
    runValidationProfile(Int(arguments.dropFirst().first ?? "") ?? 1_000_000)
case "load":
    runLoadBenchmarks(arguments.dropFirst())
case "validate":
    runValidationBenchmarks()
case "diff":
    runDiffBenchmarks(arguments.dropFirst())
case "scaling":
    runScalingBenchmarks()
case "tree":
    runTreeBenchmarks()
case "serve-path":
    await runServePathBenchmarks()
case "bodies":
    runBodyBenchmarks()
case "encode":
    runEncodeBenchmarks()
case "docs":
    runDocsBenchmarks(arguments.dropFirst())
case "tables":
    runTableBenchmarks(arguments.dropFirst())
case "webhooks":
    await runWebhookDispatchBenchmarks(arguments.dropFirst())
default:
    runLoadBenchmarks(arguments.first == "all" ? arguments.dropFirst() : arguments)
    print("")
    runValidationBenchmarks()
    print("")
    runDiffBenchmarks(arguments.first == "all" ? arguments.dropFirst() : arguments)
    print("")
    runScalingBenchmarks()
    print("")
    runTreeBenchmarks()
    print("")
    await runServePathBenchmarks()
    print("")
    runBodyBenchmarks()
    print("")
    runEncodeBenchmarks()
    print("")
    runDocsBenchmarks(arguments.first == "all" ? arguments.dropFirst() : arguments)
    print("")
    runTableBenchmarks(arguments.first == "all" ? arguments.dropFirst() : arguments)
}
