import CharterRuntime
import CharterSpec
@testable import CharterValidation
import Foundation
import CharterTestSupport
import Testing

/// The official JSON Schema Test Suite (draft 4) through SpecValidator's compile + validate path.
@Suite("JSON Schema Test Suite (draft 4)", .enabled(if: TestPaths.sharedIsPresent, "../shared is absent"))
struct JSONSchemaSuiteTests {
    static let folder = TestPaths.shared.appendingPathComponent("json-schema-test-suite/draft4")

    /// Files outside the keywords Charter implements for OpenAPI, with the reason.
    static let notApplicable: [String: String] = [
        "refRemote.json": "needs a remote server",
        "definitions.json": "validates against the draft-4 metaschema fetched by URL",
        "ref.json": "uses `id` base-URI changes and the remote draft-4 metaschema",
        "optional/id.json": "uses `id` base-URI changes",
        "optional/zeroTerminatedFloats.json": "draft 4 says 1.0 is not an integer; OpenAPI 3.1 (2020-12) says it is, and Charter follows 3.1",
        "optional/bignum.json": "kept: see the test",
        "optional/ecmascript-regex.json": "kept: see the test",
        "optional/non-bmp-regex.json": "kept: see the test",
        "optional/float-overflow.json": "kept: see the test",
        "infinite-loop-detection.json": "kept: see the test",
    ]

    static var files: [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") }.sorted()
    }

    /// One result per test case of a file: (description, passed).
    static func run(_ file: String) throws -> [(String, Bool)] {
        try runSuiteFile(folder.appendingPathComponent(file), name: file, version: .v3_0, dialect: .draft4)
    }

    @Test(arguments: files.filter { notApplicable[$0] == nil || notApplicable[$0]!.hasPrefix("kept") })
    func everyCasePasses(_ file: String) throws {
        let results = try Self.run(file)
        #expect(!results.isEmpty)
        for (name, passed) in results where !passed {
            Issue.record("\(file): \(name)")
        }
    }
}

/// One file of the official suite through SpecValidator's compile + validate path: each case's result, checked on
/// a value tree and on the tape (what request bodies use), which must agree. The suite's remote documents
/// (`http://localhost:1234/…`) are read from its `remotes` folder.
func runSuiteFile(_ url: URL, name file: String, version: Document.Version, dialect: SchemaDialect? = nil, assertsFormats: Bool = true) throws -> [(String, Bool)] {
    let data = try Data(contentsOf: url)
    let groups = try #require(try JSONParser.parse(Array(data)).arrayValue)
    var options = LoadOptions()
    options.urlMappings = [("http://localhost:1234/", TestPaths.shared.appendingPathComponent("json-schema-test-suite/remotes").path)]
    var results: [(String, Bool)] = []
    for group in groups {
        let schemaText = try #require(group["schema"]).jsonText
        let (document, root, _) = SpecLoader(options: options).loadSchema(bytes: Array(schemaText.utf8), path: "\(file).schema.json", version: version, dialect: dialect)
        var validator = SpecValidator(document: try #require(document)).validator
        validator.assertsFormats = assertsFormats
        for test in try #require(group["tests"]?.arrayValue) {
            let data = try #require(test["data"])
            let expected = test["valid"] == .bool(true)
            let index = try #require(root).index
            let issues = validator.validate(data, against: index)
            let tapeIssues = validator.validate(try JSONTape(parsing: data.encoded()), against: index)
            let name = "\(group["description"]?.stringValue ?? "") / \(test["description"]?.stringValue ?? "")"
            results.append((name, issues.isEmpty == expected && tapeIssues.isEmpty == expected && issues == tapeIssues))
        }
    }
    return results
}


