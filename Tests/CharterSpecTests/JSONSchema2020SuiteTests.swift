import CharterRuntime
import CharterSpec
@testable import CharterValidation
import Foundation
import Testing

/// The official JSON Schema Test Suite (draft 2020-12, the dialect of OpenAPI 3.1 schemas) through SpecValidator's
/// compile + validate path: the keyword files and the `optional/format` files.
@Suite("JSON Schema Test Suite (draft 2020-12)", .enabled(if: TestPaths.sharedIsPresent, "../shared is absent"))
struct JSONSchema2020SuiteTests {
    static let folder = TestPaths.shared.appendingPathComponent("json-schema-test-suite/draft2020-12")

    static var files: [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        return enumerator.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".json") && (!$0.hasPrefix("optional/") || $0.hasPrefix("optional/format/")) }
            .sorted()
    }

    /// One result per test case of a file: (description, passed).
    static func run(_ file: String) throws -> [(String, Bool)] {
        let data = try Data(contentsOf: folder.appendingPathComponent(file))
        let groups = try #require(try JSONParser.parse(Array(data)).arrayValue)
        var results: [(String, Bool)] = []
        for group in groups {
            let schemaText = try #require(group["schema"]).jsonText
            // The suite's remote documents live under http://localhost:1234/, served here from its remotes folder.
            var options = LoadOptions()
            options.urlMappings = [("http://localhost:1234/", TestPaths.shared.appendingPathComponent("json-schema-test-suite/remotes").path)]
            let (document, root, _) = SpecLoader(options: options).loadSchema(bytes: Array(schemaText.utf8), path: "\(file).schema.json", version: .v3_1)
            var validator = SpecValidator(document: try #require(document)).validator
            // The keyword file tests 2020-12's default, formats as annotations; optional/format tests assertion.
            validator.assertsFormats = file != "format.json"
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

    @Test(arguments: files)
    func everyCasePasses(_ file: String) throws {
        let results = try Self.run(file)
        #expect(!results.isEmpty)
        print("SUITE2020 \(file) \(results.filter(\.1).count)/\(results.count)")
        for (name, passed) in results where !passed {
            print("FAIL2020 \(file): \(name)")
            Issue.record("\(file): \(name)")
        }
    }
}
