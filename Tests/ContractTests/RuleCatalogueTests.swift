import CharterContractTesting
import CharterDiff
import CharterSpec
import Foundation
import XCTest

/// Every rule of the catalogue, with a case where it must fire and one where it must not.
final class RuleCatalogueTests: XCTestCase {
    struct FixtureError: Error {}

    func load(_ yaml: String, _ name: String) throws -> Document {
        let result = SpecLoader().load(bytes: Array(yaml.utf8), path: name)
        // Fixtures may break a rule whose meaning is clear (an undeclared path parameter): the diff compares them.
        guard let document = result.document, result.isUsable(strict: false) else {
            XCTFail("fixture \(name) does not load: \(result.diagnostics)\n\(yaml)")
            throw FixtureError()
        }
        return document
    }

    func testEveryRuleHasAPositiveAndANegativeCase() {
        for rule in RuleCatalogue.all {
            XCTAssertTrue(ruleCases.contains { $0.rule == rule.ruleID && $0.fires }, "no positive case for \(rule.id)")
            XCTAssertTrue(ruleCases.contains { $0.rule == rule.ruleID && !$0.fires }, "no negative case for \(rule.id)")
        }
        XCTAssertEqual(Set(ruleCases.map(\.rule.id)), Set(RuleCatalogue.all.map(\.id)), "cases for rules the catalogue does not have")
    }

    func testEachRuleFiresExactlyWhereItShould() throws {
        for c in ruleCases {
            let old = try load(c.old.yaml, "old.yaml"), new = try load(c.new.yaml, "new.yaml")
            var options = DiffOptions(today: "2026-11-25")
            options.deprecationDays = c.days
            let findings = SpecDiff.report(old: old, new: new, options: options).findings
            let hits = findings.filter { $0.kind == c.rule }
            if c.fires {
                XCTAssertFalse(hits.isEmpty, "\(c.rule.id) did not fire; found \(findings.map(\.ruleID))\nold:\n\(c.old.yaml)\nnew:\n\(c.new.yaml)")
                for hit in hits {
                    XCTAssertEqual(hit.level, RuleCatalogue.rule(c.rule.id)?.level, "\(c.rule.id) level")
                    XCTAssertTrue(hit.oldLocation != nil || hit.newLocation != nil, "\(c.rule.id) has no location")
                    XCTAssertFalse(hit.message.isEmpty)
                }
            } else {
                XCTAssertTrue(hits.isEmpty, "\(c.rule.id) fired where it must not: \(hits.map(\.message))\nold:\n\(c.old.yaml)\nnew:\n\(c.new.yaml)")
            }
        }
    }

    func testASpecComparedWithItselfHasNoFindings() throws {
        for c in ruleCases {
            let document = try load(c.old.yaml, "same.yaml")
            XCTAssertEqual(SpecDiff.compare(old: document, new: document).map(\.ruleID), [])
        }
    }

    func testRuleIDsAreStableKebabCaseAndUnique() {
        XCTAssertEqual(Set(RuleCatalogue.all.map(\.id)).count, RuleCatalogue.all.count)
        for rule in RuleCatalogue.all {
            XCTAssertTrue(rule.id.allSatisfy { $0.isLowercase || $0 == "-" }, rule.id)
            XCTAssertFalse(rule.description.isEmpty)
        }
    }
}

/// The catalogue against the reference tool's, read from `../shared/oasdiff-rules.tsv` (skipped without it):
/// a rule marked as the reference's has its id and default level there; a rule marked Charter's is not there.
final class ReferenceCatalogueTests: XCTestCase {
    func testRulesMarkedAsTheReferencesHaveItsIdAndLevel() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/oasdiff-rules.tsv").standardized
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { throw XCTSkip("../shared/oasdiff-rules.tsv is not here") }
        var reference: [String: Level] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("id\t") {
            let columns = line.split(separator: "\t")
            guard columns.count >= 2 else { continue }
            reference[String(columns[0])] = ["ERR": .error, "WARN": .warning, "INFO": .info][String(columns[1])]
        }
        XCTAssertGreaterThan(reference.count, 400)
        for rule in RuleCatalogue.all {
            if rule.inReference {
                XCTAssertEqual(reference[rule.id], rule.level, "\(rule.id): the reference's level differs or it has no such rule")
            } else {
                XCTAssertNil(reference[rule.id], "\(rule.id) is the reference's: mark it so")
            }
        }
        // How much of the reference's breaking and warning catalogue Charter covers (printed for the notes).
        let strict = reference.filter { $0.value != .info }.keys
        let covered = strict.filter { RuleCatalogue.rule($0) != nil }
        print("reference error/warning rules covered: \(covered.count) of \(strict.count); all: \(RuleCatalogue.all.filter(\.inReference).count) of \(reference.count)")
        XCTAssertGreaterThanOrEqual(Double(covered.count) / Double(strict.count), 0.95)
    }
}
