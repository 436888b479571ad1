import CharterDiff
import CharterSpec
import XCTest

/// The deprecation policy (`--deprecation-days`, `--deprecation-days-beta`) and the stability levels that
/// promise nothing (draft, alpha).
final class DeprecationPolicyTests: XCTestCase {
    func document(_ variant: Variant) throws -> Document {
        try XCTUnwrap(SpecLoader().load(bytes: Array(variant.yaml.utf8), path: "spec.yaml").document)
    }

    func ids(_ old: Variant, _ new: Variant, days: Int = 0, beta: Int? = nil) throws -> [String] {
        var options = DiffOptions(today: "2026-11-25")
        options.deprecationDays = days
        options.deprecationDaysBeta = beta
        return SpecDiff.report(old: try document(old), new: try document(new), options: options).findings.map { "\($0.ruleID) \($0.level.rawValue)" }
    }

    func variant(stability: String?, deprecated: Bool = false, sunset: String? = nil) -> Variant {
        var v = Variant()
        v.deprecated = deprecated
        v.extensions = [stability.map { "x-stability-level: \($0)" }, sunset.map { "x-sunset: '\($0)'" }].compactMap { $0 }
        return v
    }

    func testBetaOperationsHaveTheirOwnDaysAndAlphaNone() throws {
        // Deprecated with a sunset 20 days ahead: too soon for a 30-day stable policy, enough for a 10-day beta one.
        for (stability, expected) in [("stable", "api-sunset-date-too-small error"), ("beta", nil), ("alpha", nil)] as [(String, String?)] {
            let found = try ids(variant(stability: stability), variant(stability: stability, deprecated: true, sunset: "2026-12-15"), days: 30, beta: 10)
            XCTAssertEqual(found.contains("api-sunset-date-too-small error"), expected != nil, "\(stability): \(found)")
            XCTAssertTrue(found.contains("endpoint-deprecated-with-sunset info"), "\(stability): \(found)")
        }
        // Without a policy nothing is required.
        XCTAssertEqual(try ids(variant(stability: nil), variant(stability: nil, deprecated: true)), ["endpoint-deprecated info"])
        XCTAssertEqual(try ids(variant(stability: nil), variant(stability: nil, deprecated: true), days: 1), ["endpoint-deprecated info", "api-deprecated-sunset-missing error"])
    }

    func testDraftAndAlphaOperationsPromiseNothing() throws {
        var old = variant(stability: "alpha"), new = variant(stability: "alpha")
        new.body = "{required: true, content: {application/json: {schema: {type: object, required: [name], properties: {name: {type: string}}}}}}"
        let found = try ids(old, new)
        XCTAssertEqual(found, ["request-property-became-required info"])
        old.extensions = ["x-stability-level: stable"]
        new.extensions = ["x-stability-level: stable"]
        XCTAssertEqual(try ids(old, new), ["request-property-became-required error"])
    }
}
