import Foundation
import CharterTestSupport
import Testing

/// Runs the real `generate` executable, as a user or CI would.
@Suite("generate lint")
struct LintCommandTests {
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try runGenerate(arguments)
    }

    @Test func cleanSpecExitsZero() throws {
        let r = try Self.run(["lint", "Specs/airline.yaml"])
        #expect(r.status == 0)
        #expect(r.stdout == "Specs/airline.yaml: 0 errors, 0 warnings\n")
    }

    @Test func warningsOnlyExitZeroAndErrorsExitOne() throws {
        let warnings = try Self.run(["lint", "Tests/CharterSpecTests/Fixtures/malformed/unknown-fields.yaml"])
        #expect(warnings.status == 0)
        #expect(warnings.stdout.contains("unknown-fields.yaml:6:7: warning: unknown field 'summry' in operation GET /a; ignored"))
        let errors = try Self.run(["lint", "Tests/CharterSpecTests/Fixtures/malformed/duplicate-key.yaml"])
        #expect(errors.status == 1)
        #expect(errors.stdout.hasPrefix("Tests/CharterSpecTests/Fixtures/malformed/duplicate-key.yaml:5:3: error: duplicate key 'title' in mapping\n"))
    }

    @Test func unreadableFileAndBadUsageExitTwo() throws {
        let missing = try Self.run(["lint", "Specs/no-such-spec.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "error: no such file 'Specs/no-such-spec.yaml'\n")
        let usage = try Self.run(["lint", "--no-such-option", "Specs/airline.yaml"])
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("Unknown option '--no-such-option'"))
    }

    @Test func everySampleSpecIsClean() throws {
        let specs = try FileManager.default.contentsOfDirectory(atPath: TestPaths.packageRoot.appendingPathComponent("Specs").path)
            .filter { $0.hasSuffix(".yaml") }
        #expect(specs.count >= 5)
        for spec in specs {
            let r = try Self.run(["lint", "Specs/\(spec)"])
            #expect(r.status == 0 && r.stdout.hasSuffix(": 0 errors, 0 warnings\n"), "\(spec): \(r.stdout)")
        }
    }

    /// A vendor spec naming its shared schemas by URL: `--map-url` reads them from a folder (a mapped document's
    /// own relative refs resolve against its URL); without it the reference is a located error, never a fetch.
    @Test func mappedURLsAreReadFromAFolder() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let vendor = dir.appendingPathComponent("vendor")
        try FileManager.default.createDirectory(at: vendor.appendingPathComponent("common"), withIntermediateDirectories: true)
        try """
        Pet: {type: object, required: [id], properties: {id: {$ref: 'common/id.yaml'}}}
        """.write(to: vendor.appendingPathComponent("pet.yaml"), atomically: true, encoding: .utf8)
        try "{type: string, pattern: '^p_[0-9]+$'}".write(to: vendor.appendingPathComponent("common/id.yaml"), atomically: true, encoding: .utf8)
        let spec = dir.appendingPathComponent("openapi.yaml")
        try """
        openapi: 3.1.0
        info: {title: t, version: '1'}
        paths:
          /pets:
            get:
              operationId: listPets
              responses:
                '200':
                  description: ok
                  content: {application/json: {schema: {$ref: 'https://schemas.example.com/v1/pet.yaml#/Pet'}}}
        """.write(to: spec, atomically: true, encoding: .utf8)
        let mapped = try Self.run(["lint", spec.path, "--map-url", "https://schemas.example.com/v1/=\(vendor.path)"])
        #expect(mapped.status == 0 && mapped.stdout.hasSuffix(": 0 errors, 0 warnings\n"), "\(mapped.stdout)\(mapped.stderr)")
        let payload = dir.appendingPathComponent("pet.json")
        try #"{"status": 200, "headers": {"content-type": "application/json"}, "body": {"id": "cat"}}"#.write(to: payload, atomically: true, encoding: .utf8)
        let checked = try Self.run(["validate", spec.path, "--map-url", "https://schemas.example.com/v1/=\(vendor.path)",
                                    "--operation", "listPets", "--response", payload.path])
        #expect(checked.status == 1 && checked.stdout.contains("pattern"), "\(checked.stdout)\(checked.stderr)")
        let unmapped = try Self.run(["lint", spec.path])
        #expect(unmapped.status == 1)
        #expect(unmapped.stdout.contains("openapi.yaml:10:55: error: remote reference 'https://schemas.example.com/v1/pet.yaml#/Pet' is not fetched"), "\(unmapped.stdout)")
        #expect(try Self.run(["lint", spec.path, "--map-url", "nonsense"]).status == 2)
    }

    /// Lookahead is enforced like any pattern (no "not validated" warning): the default that has no digit is
    /// reported by the runtime validator lint runs over defaults.
    @Test func lookaheadPatternsAreEnforced() throws {
        let r = try Self.run(["lint", "Tests/CharterSpecTests/Fixtures/lint/lookahead-pattern.yaml"])
        #expect(r.status == 0)
        #expect(!r.stdout.contains("not validated"))
        #expect(r.stdout.hasPrefix("Tests/CharterSpecTests/Fixtures/lint/lookahead-pattern.yaml:9:16: warning: default value does not match its schema"), "\(r.stdout)")
    }

    @Test func defaultsAndExamplesAreCheckedByTheRuntimeValidator() throws {
        let r = try Self.run(["lint", "Tests/CharterSpecTests/Fixtures/lint/default-violates-schema.yaml"])
        #expect(r.status == 0)
        let prefix = "Tests/CharterSpecTests/Fixtures/lint/default-violates-schema.yaml:"
        #expect(r.stdout == """
        \(prefix)13:20: warning: default value does not match its schema: Must be at most 5
        \(prefix)17:20: warning: default value does not match its schema: Value must be one of: fast, safe
        \(prefix)21:20: warning: example does not match its schema: Must be at most 3 characters long
        Tests/CharterSpecTests/Fixtures/lint/default-violates-schema.yaml: 0 errors, 3 warnings

        """)
    }
}
