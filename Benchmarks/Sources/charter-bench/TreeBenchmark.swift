import CharterSpec
import Foundation

// Multi-file trees: the synthetic spec of the scaling rows kept the way vendors keep large specs — a file per
// schema, per path item and per operation, gathered by index files — against the same content bundled into one
// file (the scaling rows' text). Both are loaded from disk in full (tree, model, refs, lint). The goal: the tree
// costs at most 2× the bundle.

/// Writes the tree for `n` schemas under `directory`; returns the number of files.
func writeSyntheticTree(schemas n: Int, in directory: URL) throws -> Int {
    let fm = FileManager.default
    for folder in ["schemas", "paths", "operations"] {
        try fm.createDirectory(at: directory.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    var files = 0
    func write(_ path: String, _ text: String) throws {
        try text.write(to: directory.appendingPathComponent(path), atomically: false, encoding: .utf8)
        files += 1
    }
    var root = "openapi: 3.0.3\ninfo: {title: Synthetic, version: '1'}\npaths:\n"
    for i in stride(from: 0, to: n, by: 10) {
        root += "  /things\(i)/{id}:\n    $ref: paths/things\(i).yaml\n"
        try write("paths/things\(i).yaml", "get:\n  $ref: ../operations/getThing\(i).yaml\npost:\n  $ref: ../operations/putThing\(i).yaml\n")
        try write("operations/getThing\(i).yaml", """
            operationId: getThing\(i)
            parameters: [{name: id, in: path, required: true, schema: {type: integer, minimum: 1}}, {name: limit, in: query, schema: {type: integer, maximum: 100}}]
            responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '../schemas/Thing\(i).yaml'}}}}, '404': {description: missing}}

            """)
        try write("operations/putThing\(i).yaml", """
            operationId: putThing\(i)
            parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
            requestBody: {required: true, content: {application/json: {schema: {$ref: '../schemas/Thing\(i).yaml'}}}}
            responses: {'201': {description: created}}

            """)
    }
    root += "components:\n  schemas:\n    $ref: schemas/_index.yaml\n"
    try write("openapi.yaml", root)
    var index = ""
    for i in 0..<n {
        index += "Thing\(i):\n  $ref: Thing\(i).yaml\n"
        try write("schemas/Thing\(i).yaml", """
            type: object
            required: [id, name]
            properties:
              id: {type: integer, format: int64}
              name: {type: string, minLength: 1, maxLength: 80}
              kind: {type: string, enum: [small, medium, large]}
              score: {type: number, minimum: 0, maximum: 1}
              tags: {type: array, items: {type: string, pattern: '^[a-z]+$'}, maxItems: 10}
              next: {$ref: 'Thing\((i + 1) % n).yaml'}
              created_at: {type: string, format: date-time}

            """)
    }
    try write("schemas/_index.yaml", index)
    return files
}

func runTreeBenchmarks() {
    print("| layout | schemas | files | bundled (one file) | tree | ratio |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    let iterations = Int(ProcessInfo.processInfo.environment["ITERATIONS"] ?? "") ?? 7
    for n in [1_000, 4_000] {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("charter-tree-bench-\(n)-\(getpid())")
        defer { try? FileManager.default.removeItem(at: base) }
        let treeDirectory = base.appendingPathComponent("tree")
        let bundle = base.appendingPathComponent("bundled.yaml")
        let files: Int
        do {
            try FileManager.default.createDirectory(at: treeDirectory, withIntermediateDirectories: true)
            files = try writeSyntheticTree(schemas: n, in: treeDirectory)
            try syntheticSpec(schemas: n).write(to: bundle, atomically: false, encoding: .utf8)
        } catch {
            print("| tree of \(n) schemas | could not be written: \(error) |")
            continue
        }
        let rootPath = treeDirectory.appendingPathComponent("openapi.yaml").path
        // Both must load cleanly and describe the same API, or the comparison means nothing.
        let bundled = SpecLoader().load(path: bundle.path), tree = SpecLoader().load(path: rootPath)
        guard !bundled.hasErrors, !tree.hasErrors, bundled.document?.operations.count == tree.document?.operations.count,
              bundled.document?.components.schemas.count == tree.document?.components.schemas.count else {
            print("| tree of \(n) schemas | loads differ: \(tree.diagnostics.prefix(2)) |")
            continue
        }
        let rounds = interleaved(iterations: iterations, [
            { _ = SpecLoader().load(path: bundle.path) },
            { _ = SpecLoader().load(path: rootPath) },
        ])
        let one = Measurement(name: "bundled", seconds: rounds.map { $0[0] })
        let many = Measurement(name: "tree", seconds: rounds.map { $0[1] })
        let ratio = Measurement(name: "ratio", seconds: rounds.map { $0[1] / $0[0] }).median
        print("| file per schema, path item and operation | \(n) | \(files) | \(ms(one.median)) | \(ms(many.median)) | \(String(format: "%.2f×", ratio)) |")
    }
    print("\nMedians of \(iterations) interleaved rounds after one warm-up; the ratio is the median of the rounds' own ratios; release build; files on the local disk (page cache warm).")
}
