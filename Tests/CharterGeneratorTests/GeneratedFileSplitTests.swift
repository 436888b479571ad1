import CharterGenerator
import CharterSpec
import CharterTestSupport
import Testing

/// Large specs are written as several files of bounded length, so the compiler driver can give each core a
/// similar share (it hands each core a run of consecutive files); splitting must not change the code.
@Suite("Generated file split")
struct GeneratedFileSplitTests {
    /// `schemas` objects of three properties and `operations` GET operations returning them.
    static func spec(schemas: Int, operations: Int) -> String {
        var text = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n"
        for i in 0..<operations {
            text += "  /things\(i):\n    get:\n      operationId: getThing\(i)\n      responses:\n"
            text += "        '200':\n          description: ok\n          content:\n            application/json:\n"
            text += "              schema: {$ref: '#/components/schemas/Thing\(i % max(schemas, 1))'}\n"
        }
        text += "components:\n  schemas:\n"
        for i in 0..<schemas {
            text += "    Thing\(i):\n      type: object\n      required: [id]\n      properties:\n"
            text += "        id: {type: string}\n        count: {type: integer}\n        tags: {type: array, items: {type: string}}\n"
        }
        return text
    }

    func files(_ options: GeneratorOptions, schemas: Int = 120, operations: Int = 50) throws -> [GeneratedFile] {
        let result = SpecLoader().load(bytes: Array(Self.spec(schemas: schemas, operations: operations).utf8), path: "big.yaml")
        let document = try #require(result.document, "\(result.diagnostics)")
        return Generator.generate(document, specName: "big.yaml", options: options).files
    }

    static func lines(_ text: String) -> Int { text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 } }

    /// The body after the header (the generated-by line, a blank line, the imports and a blank line).
    static func body(_ file: GeneratedFile) -> String {
        file.contents.components(separatedBy: "\n\n").dropFirst(2).joined(separator: "\n\n")
    }

    @Test func modelsAndOperationsAreSplitIntoBoundedFilesThatJoinToTheUnsplitCode() throws {
        var split = GeneratorOptions(moduleName: "Big")
        split.modelLinesPerFile = 200
        split.operationLinesPerFile = 300
        var whole = split
        whole.modelLinesPerFile = .max
        whole.operationLinesPerFile = .max
        let parts = try files(split), single = try files(whole)

        for (prefix, budget) in [("Models", 200), ("Operations", 300)] {
            let chunks = parts.filter { $0.name.hasPrefix(prefix) }.sorted { $0.name.compare($1.name, options: .numeric) == .orderedAscending }
            #expect(chunks.count >= 3, "\(prefix): \(chunks.map(\.name))")
            #expect(chunks.map(\.name) == (1...chunks.count).map { "\(prefix)\($0).swift" })
            for chunk in chunks { #expect(Self.lines(Self.body(chunk)) <= budget, "\(chunk.name)") }
            let unsplit = try #require(single.first { $0.name == "\(prefix).swift" })
            #expect(chunks.map(Self.body).joined(separator: "\n") == Self.body(unsplit))
        }
        // Everything else is the same file for file.
        let others = parts.filter { !$0.name.hasPrefix("Models") && !$0.name.hasPrefix("Operations") }
        #expect(others == single.filter { !$0.name.hasPrefix("Models") && !$0.name.hasPrefix("Operations") })
    }

    @Test func aDeclarationLongerThanTheBudgetIsAFileOfItsOwnNotCut() throws {
        var options = GeneratorOptions(moduleName: "Big")
        options.modelLinesPerFile = 5
        let models = try files(options, schemas: 3, operations: 1).filter { $0.name.hasPrefix("Models") }
        #expect(models.count == 3)
        for model in models { #expect(Self.body(model).hasPrefix("public struct Thing")) }
    }

    @Test func aSmallSpecKeepsOneFilePerPart() throws {
        let names = try files(GeneratorOptions(moduleName: "Big"), schemas: 5, operations: 3).map(\.name)
        #expect(names.sorted() == ["Client.swift", "Models.swift", "Operations.swift", "SchemaTable1.swift", "Schemas.swift", "Server.swift"])
    }
}
