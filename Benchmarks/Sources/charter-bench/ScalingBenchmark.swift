import CharterGenerator
import CharterSpec
import Foundation

// Scaling: load + generate (every part) for synthetic specs of 100, 1k and 10k schemas, each schema an object
// with scalar, enum, array and `$ref` properties (refs chain through the whole set), one GET and one POST per
// ten schemas. Time per schema should stay flat if the pipeline is near-linear.
func syntheticSpec(schemas n: Int) -> String {
    var out = "openapi: 3.0.3\ninfo: {title: Synthetic, version: '1'}\npaths:\n"
    for i in stride(from: 0, to: n, by: 10) {
        out += "  /things\(i)/{id}:\n"
        out += "    get:\n      operationId: getThing\(i)\n"
        out += "      parameters: [{name: id, in: path, required: true, schema: {type: integer, minimum: 1}}, {name: limit, in: query, schema: {type: integer, maximum: 100}}]\n"
        out += "      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Thing\(i)'}}}}, '404': {description: missing}}\n"
        out += "    post:\n      operationId: putThing\(i)\n"
        out += "      parameters: [{name: id, in: path, required: true, schema: {type: integer}}]\n"
        out += "      requestBody: {required: true, content: {application/json: {schema: {$ref: '#/components/schemas/Thing\(i)'}}}}\n"
        out += "      responses: {'201': {description: created}}\n"
    }
    out += "components:\n  schemas:\n"
    for i in 0..<n {
        out += "    Thing\(i):\n      type: object\n      required: [id, name]\n      properties:\n"
        out += "        id: {type: integer, format: int64}\n        name: {type: string, minLength: 1, maxLength: 80}\n"
        out += "        kind: {type: string, enum: [small, medium, large]}\n        score: {type: number, minimum: 0, maximum: 1}\n"
        out += "        tags: {type: array, items: {type: string, pattern: '^[a-z]+$'}, maxItems: 10}\n"
        out += "        next: {$ref: '#/components/schemas/Thing\((i + 1) % n)'}\n"
        out += "        created_at: {type: string, format: date-time}\n"
    }
    return out
}

func runScalingBenchmarks() {
    print("| synthetic spec | size | load | generate (all parts) | per schema | Swift written |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for n in [100, 1_000, 10_000] {
        let bytes = Array(syntheticSpec(schemas: n).utf8)
        let iterations = n >= 10_000 ? 3 : 5
        let load = measure("load", iterations: iterations) { _ = SpecLoader().load(bytes: bytes, path: "synthetic.yaml") }
        guard let document = SpecLoader().load(bytes: bytes, path: "synthetic.yaml").document else { continue }
        var written = 0
        let generate = measure("generate", iterations: iterations) {
            written = Generator.generate(document, specName: "synthetic.yaml", options: GeneratorOptions(moduleName: "Synthetic")).files.reduce(0) { $0 + $1.contents.utf8.count }
        }
        let total = load.best + generate.best
        print("| \(n) schemas, \(n / 5) operations | \(bytes.count / 1024) KB | \(ms(load.best)) | \(ms(generate.best)) | \(String(format: "%.1f µs", total / Double(n) * 1e6)) | \(written / 1024) KB |")
    }
    print("\nBest of 5 runs (3 for 10k); release build. Per schema = (load + generate) / schemas.")
}
