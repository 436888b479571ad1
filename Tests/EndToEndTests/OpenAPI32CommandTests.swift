import CharterTestSupport
import Foundation
import Testing

@Suite("OpenAPI 3.2 through the command line")
struct OpenAPI32CommandTests {
    static let spec = "Specs/catalog-3.2.yaml"

    @Test func diffNamesACustomMethodWhereTheSpecHoldsIt() throws {
        #expect(try runGenerate(["diff", Self.spec, Self.spec]).stdout.contains("0 changes"))
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent(Self.spec), encoding: .utf8)
        let cut = try #require(text.range(of: "    additionalOperations:"))
        let edited = dir.appendingPathComponent("no-copy.yaml")
        try String(text[..<cut.lowerBound]).write(to: edited, atomically: true, encoding: .utf8)
        let run = try runGenerate(["diff", Self.spec, edited.path, "--format", "json"])
        #expect(run.status == 1)
        #expect(run.stdout.contains(#""operation": "COPY /items/{id}", "path": "/paths/~1items~1{id}/additionalOperations/COPY""#), "\(run.stdout)")
    }
}
