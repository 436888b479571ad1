import Foundation
import CharterTestSupport
import Testing
@testable import CharterSpec

/// Every file in Fixtures/malformed has a `.expected` file beside it listing its exact diagnostics.
@Suite("Malformed specs")
struct MalformedSpecTests {
    static let folder = TestPaths.fixtures.appendingPathComponent("malformed")
    static let cases: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { !$0.hasSuffix(".expected") }
        .sorted()

    @Test func everyFixtureHasAnExpectation() {
        #expect(Self.cases.count >= 25)
        for name in Self.cases {
            #expect(FileManager.default.fileExists(atPath: Self.folder.appendingPathComponent(name + ".expected").path), "\(name)")
        }
    }

    @Test(arguments: cases)
    func diagnosticsMatchExactly(_ name: String) throws {
        let path = Self.folder.appendingPathComponent(name).path
        let expected = try String(contentsOfFile: path + ".expected", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let result = SpecLoader().load(path: path)
        #expect(rendered(result.diagnostics) == expected)
        #expect(result.diagnostics.allSatisfy { $0.location?.file == path })
    }
}
