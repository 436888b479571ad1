import CharterDiff
import CharterSpec
import Foundation
import XCTest

/// Robustness on real specs (skipped when ../shared/corpus is absent): a spec against itself, a YAML spec
/// against its JSON twin, and two releases of the same vendor's API.
final class CorpusDiffTests: XCTestCase {
    static let corpus = UsersContractTests.root.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    func files() throws -> [String] {
        let manifest = Self.corpus.appendingPathComponent("manifest.jsonl")
        guard let text = try? String(contentsOf: manifest, encoding: .utf8) else { throw XCTSkip("../shared/corpus is absent") }
        return text.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["file"] as? String
        }
    }

    func load(_ file: String) -> Document? {
        SpecLoader().load(path: Self.corpus.appendingPathComponent(file).path).document
    }

    func testEverySpecAgainstItselfHasNoFindings() throws {
        // Every spec, Swagger 2.0 and the imperfect ones included (Xero's paths that differ only in parameter
        // names must pair with themselves, not with each other).
        for file in try files() {
            guard let document = load(file) else {
                XCTFail("\(file) does not load")
                continue
            }
            let findings = SpecDiff.compare(old: document, new: document)
            XCTAssertTrue(findings.isEmpty, "\(file): \(findings.prefix(3).map(\.message))")
        }
    }

    func testPathsThatDifferOnlyInParameterNamesPairWithThemselves() throws {
        func spec(_ paths: String) throws -> Document {
            let yaml = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n" + paths
            let result = SpecLoader().load(bytes: Array(yaml.utf8), path: "p.yaml")
            return try XCTUnwrap(result.document, "\(result.diagnostics)")
        }
        let both = try spec("""
              /journals/{JournalID}:
                get: {parameters: [{name: JournalID, in: path, required: true, schema: {type: string}}], responses: {'200': {description: ok}}}
              /journals/{JournalNumber}:
                get: {parameters: [{name: JournalNumber, in: path, required: true, schema: {type: integer}}], responses: {'200': {description: ok}}}

            """)
        XCTAssertEqual(SpecDiff.compare(old: both, new: both).map(\.ruleID), [])
        // A renamed path parameter is still the same endpoint (paired by template), its type change still seen.
        let renamed = try spec("""
              /journals/{id}:
                get: {parameters: [{name: id, in: path, required: true, schema: {type: integer}}], responses: {'200': {description: ok}}}

            """)
        let first = try spec("""
              /journals/{JournalID}:
                get: {parameters: [{name: JournalID, in: path, required: true, schema: {type: string}}], responses: {'200': {description: ok}}}

            """)
        XCTAssertEqual(SpecDiff.compare(old: first, new: renamed).map(\.ruleID), ["request-parameter-type-changed"])
    }

    func testYAMLAndJSONTwinsAreTheSameAPI() throws {
        let all = Set(try files())
        let twins = all.filter { $0.hasSuffix(".yaml") && all.contains(String($0.dropLast(5)) + ".json") }.sorted()
        XCTAssertGreaterThanOrEqual(twins.count, 6)
        for yaml in twins {
            let json = String(yaml.dropLast(5)) + ".json"
            guard let a = load(yaml), let b = load(json) else {
                XCTFail("\(yaml) or its twin does not load")
                continue
            }
            XCTAssertEqual(SpecDiff.compare(old: a, new: b).map { "\($0.ruleID) \($0.path)" }, [], yaml)
        }
    }

    func testTwoReleasesOfBoxDiffWithoutTrouble() throws {
        _ = try files()
        guard let old = load("box/openapi-v2025.0.json"), let new = load("box/openapi-v2026.0.json") else {
            throw XCTSkip("box specs absent")
        }
        let findings = SpecDiff.compare(old: old, new: new, today: "2026-11-25")
        // Every finding is located, carries a catalogue rule and a message; the report renders in every format.
        XCTAssertFalse(findings.isEmpty)
        for f in findings {
            XCTAssertNotNil(RuleCatalogue.rule(f.ruleID), f.ruleID)
            XCTAssertTrue(f.oldLocation != nil || f.newLocation != nil, f.message)
        }
        for format in DiffReport.Format.allCases {
            XCTAssertFalse(DiffReport.render(findings, format: format).isEmpty)
        }
        // Comparing the other way round reports the mirror image: additions become removals.
        let reverse = SpecDiff.compare(old: new, new: old, today: "2026-11-25")
        XCTAssertEqual(findings.filter { $0.ruleID == "endpoint-added" }.count,
                       reverse.filter { $0.ruleID.hasPrefix("api-removed") || $0.ruleID.hasPrefix("api-path-removed") }.count)
    }
}

/// Every sample spec (the ones `Generated/specs.txt` lists) against itself: no finding, and no note but the
/// callbacks it does not compare.
final class SampleSpecsDiffTests: XCTestCase {
    func testEverySampleSpecAgainstItselfHasNoFindings() throws {
        let root = UsersContractTests.root
        let list = try String(contentsOf: root.appendingPathComponent("Generated/specs.txt"), encoding: .utf8)
        let specs = list.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { $0.split(separator: " ").first.map(String.init) }
        XCTAssertGreaterThanOrEqual(specs.count, 10)
        for spec in specs {
            let path = root.appendingPathComponent(spec).path
            let report = try SpecDiff.report(oldPath: path, newPath: path)
            XCTAssertEqual(report.findings.map(\.message), [], spec)
            XCTAssertTrue(report.notes.allSatisfy { $0.message.hasPrefix("callback") }, "\(spec): \(report.notes)")
        }
    }
}
