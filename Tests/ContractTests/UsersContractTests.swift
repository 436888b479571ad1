import CharterContractTesting
import CharterDiff
import CharterSpec
import XCTest

/// The seed's story: v2 of the user service replaces `is_active` with `account_status`. Every client reading
/// `is_active` breaks; the diff must say so, operation by operation, located in both files.
final class UsersContractTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let v1 = root.appendingPathComponent("Specs/users-v1.yaml").path
    static let v2 = root.appendingPathComponent("Specs/users-v2.yaml").path

    func testV2BreaksClientsOfV1ExactlyHere() {
        let findings = diffFindings(from: Self.v1, to: Self.v2)
        let breaking = findings.filter { $0.level == .error }.map { "\($0.operation) \($0.ruleID) \($0.path)" }
        let schema = "/responses/200/content/application~1json/schema"
        XCTAssertEqual(breaking, [
            "GET /users response-required-property-removed /paths/~1users/get\(schema)/properties/items/items/properties/is_active",
            "POST /users response-required-property-removed /paths/~1users/post/responses/201/content/application~1json/schema/properties/is_active",
            "GET /users/{user_id} response-required-property-removed /paths/~1users~1{user_id}/get\(schema)/properties/is_active",
            "PUT /users/{user_id} response-required-property-removed /paths/~1users~1{user_id}/put\(schema)/properties/is_active",
            "PATCH /users/{user_id} response-required-property-removed /paths/~1users~1{user_id}/patch\(schema)/properties/is_active",
        ])
        // Added fields are not breaking: email_verified and account_status are info for every response.
        let added = Set(findings.filter { $0.level == .info && $0.ruleID == "response-required-property-added" }.map { $0.path.split(separator: "/").last.map(String.init) ?? "" })
        XCTAssertEqual(added, ["email_verified", "account_status"])
        let removedParameter = findings.first { $0.ruleID == "request-parameter-removed" }
        XCTAssertEqual(removedParameter?.level, .warning)
        XCTAssertEqual(removedParameter?.message, "query parameter 'is_active' was removed")
        let isActive = findings.first { $0.ruleID == "response-required-property-removed" }
        XCTAssertEqual(isActive?.oldLocation?.description.hasPrefix(Self.v1 + ":"), true)
        // In v2: the schema that no longer has it.
        XCTAssertEqual(isActive?.newLocation?.description.hasPrefix(Self.v2 + ":"), true)
    }

    func testAVersionIsCompatibleWithItself() {
        assertNoBreakingChanges(from: Self.v1, to: Self.v1)
        XCTAssertTrue(diffFindings(from: Self.v2, to: Self.v2).isEmpty)
    }

    func testAcceptedFindingsCanBeIgnored() {
        let (list, diagnostics) = IgnoreList.parse("""
        # v2 is a new major version: is_active is gone on purpose
        response-required-property-removed * /paths/~1users   # announced in the v2 migration guide
        """, file: "ignore.txt")
        XCTAssertEqual(diagnostics.count, 0)
        assertNoBreakingChanges(from: Self.v1, to: Self.v2, ignoring: list)
    }
}
