import CharterRuntime
import CharterSpec
@testable import CharterValidation
import Foundation
import CharterTestSupport
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

    /// One result per test case of a file. The keyword file `format.json` tests 2020-12's default, formats as
    /// annotations; `optional/format` tests assertion.
    static func run(_ file: String) throws -> [(String, Bool)] {
        try runSuiteFile(folder.appendingPathComponent(file), name: file, version: .v3_1, assertsFormats: file != "format.json")
    }

    /// Cases Charter does not pass, with the reason; every other case must pass.
    static let knownMisses: [String: String] = [
        "defs.json: validate definition against metaschema / invalid definition schema":
            "validates a schema against the 2020-12 meta-schema, which Charter does not bundle (no network)",
        "ref.json: remote ref, containing refs itself / remote ref invalid":
            "refers to the 2020-12 meta-schema by its URL, which Charter does not bundle (no network)",
        "vocabulary.json: schema that uses custom metaschema with with no validation vocabulary / no validation: invalid number, but it still validates":
            "$vocabulary is not supported: the validation vocabulary is always on",
    ]

    @Test(arguments: files)
    func everyCasePasses(_ file: String) throws {
        let results = try Self.run(file)
        #expect(!results.isEmpty)
        for (name, passed) in results where !passed && Self.knownMisses["\(file): \(name)"] == nil {
            Issue.record("\(file): \(name)")
        }
        for (name, passed) in results where passed && Self.knownMisses["\(file): \(name)"] != nil {
            Issue.record("\(file): \(name) passes now: take it off knownMisses")
        }
    }

    /// The keyword files and `optional/format` together pass at 99% or more (the issue's bar).
    @Test func atLeastNinetyNinePercentPass() throws {
        var passed = 0, total = 0
        for file in Self.files {
            let results = try Self.run(file)
            passed += results.filter(\.1).count
            total += results.count
        }
        #expect(total > 1_900)
        #expect(Double(passed) / Double(total) >= 0.99, "\(passed) of \(total)")
    }
}
