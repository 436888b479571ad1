import CharterDiff
import CharterSpec
import XCTest

/// Fails the current test when `new` breaks clients written against `old`: every finding at `failOn` or above
/// is listed in the failure message, located in both files. Load errors fail the test too.
///
///     func testUserServiceStaysCompatible() {
///         assertNoBreakingChanges(from: "Specs/users-v1.yaml", to: "Specs/users-v2.yaml")
///     }
public func assertNoBreakingChanges(from oldPath: String, to newPath: String, failOn: Level = .error,
                                    ignoring ignore: IgnoreList = IgnoreList(), file: StaticString = #filePath, line: UInt = #line) {
    do {
        let findings = try SpecDiff.compare(oldPath: oldPath, newPath: newPath)
        let blocking = ignore.filter(findings).kept.filter { $0.level >= failOn }
        guard !blocking.isEmpty else { return }
        XCTFail("\(newPath) breaks clients of \(oldPath):\n" + DiffReport.text(blocking, color: false), file: file, line: line)
    } catch {
        XCTFail("cannot compare \(oldPath) and \(newPath):\n\(error)", file: file, line: line)
    }
}

/// The findings between two specs, for tests that assert exactly which changes a version makes.
public func diffFindings(from oldPath: String, to newPath: String, file: StaticString = #filePath, line: UInt = #line) -> [Finding] {
    do {
        return try SpecDiff.compare(oldPath: oldPath, newPath: newPath)
    } catch {
        XCTFail("cannot compare \(oldPath) and \(newPath):\n\(error)", file: file, line: line)
        return []
    }
}
