import Foundation
import CharterTestSupport
import Testing

/// `generate diff` as CI runs it: formats, exit codes, levels, ignore files.
@Suite("generate diff")
struct DiffCommandTests {
    let v1 = "Specs/users-v1.yaml", v2 = "Specs/users-v2.yaml"

    @Test func breakingChangesExitOneWithASummary() throws {
        let r = try runGenerate(["diff", v1, v2])
        #expect(r.status == 1)
        #expect(r.stdout.contains("GET /users/{user_id}\n  error [response-required-property-removed] 'is_active' was removed from the response (every response carried it)\n    was Specs/users-v1.yaml:"))
        #expect(r.stdout.hasSuffix("28 changes: 5 breaking, 4 warnings, 19 info\n"))
        #expect(!r.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
        #expect(try runGenerate(["diff", v1, v1]).stdout == "0 changes: 0 breaking, 0 warnings, 0 info\n")
        #expect(try runGenerate(["diff", v1, v1]).status == 0)
    }

    @Test func failOnAndLevelChooseWhatCountsAndWhatShows() throws {
        #expect(try runGenerate(["diff", v1, v2, "--fail-on", "never"]).status == 0)
        let onlyErrors = try runGenerate(["diff", v1, v2, "--level", "error"])
        #expect(!onlyErrors.stdout.contains("info [") && !onlyErrors.stdout.contains("warning ["))
        #expect(onlyErrors.stdout.hasSuffix("5 changes: 5 breaking, 0 warnings, 0 info\n"))
        // v2 → v1 adds is_active back (info) but removes account_status and email_verified from responses (error).
        #expect(try runGenerate(["diff", v2, v1]).status == 1)
    }

    @Test func machineFormatsCarryIdsLocationsAndFingerprints() throws {
        let json = try runGenerate(["diff", v1, v2, "--format", "json", "--level", "error"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary["breaking"] == 5 && summary["ignored"] == 0)
        let first = try #require((object["findings"] as? [[String: Any]])?.first)
        #expect(first["id"] as? String == "response-required-property-removed")
        #expect(first["operation"] as? String == "GET /users")
        #expect((first["fingerprint"] as? String)?.count == 16)
        #expect(((first["locations"] as? [String: Any])?["old"] as? String)?.hasPrefix("Specs/users-v1.yaml:") == true)

        let github = try runGenerate(["diff", v1, v2, "--format", "github", "--level", "error"])
        // Annotations go on the new file (the one a pull request changes), even for removals.
        #expect(github.stdout.hasPrefix("::error file=Specs/users-v2.yaml,line="))
        #expect(github.stdout.contains(",title=response-required-property-removed::GET /users: 'items[].is_active' was removed from the response"))

        let junit = try runGenerate(["diff", v1, v2, "--format", "junit"])
        #expect(junit.stdout.contains("<testsuite name=\"charter-diff\" tests=\"28\" failures=\"5\">"))
        let markdown = try runGenerate(["diff", v1, v2, "--format", "markdown", "--level", "warning"])
        #expect(markdown.stdout.hasPrefix("**9 changes: 5 breaking, 4 warnings, 0 info**"))
        #expect(markdown.stdout.contains("| error | `response-required-property-removed` | `GET /users` |"))
    }

    @Test func levelFilesFiltersAndReleaseNotes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("charter-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // A team's levels replace the defaults: a removed response property is only a warning, an added optional
        // request property is not reported at all.
        let levels = dir.appendingPathComponent("levels.txt")
        try "response-required-property-removed warning  # v2 is a new major version\nnew-optional-request-property none\n"
            .write(to: levels, atomically: true, encoding: .utf8)
        let relaxed = try runGenerate(["diff", v1, v2, "--severity-levels", levels.path])
        #expect(relaxed.status == 0)
        #expect(relaxed.stdout.hasSuffix("25 changes: 0 breaking, 9 warnings, 16 info\n"))
        #expect(relaxed.stdout.contains("warning [response-required-property-removed]"))
        #expect(!relaxed.stdout.contains("new-optional-request-property"))
        try "response-required-property-removed fatal\nno-such-rule error\n".write(to: levels, atomically: true, encoding: .utf8)
        let bad = try runGenerate(["diff", v1, v2, "--severity-levels", levels.path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("levels.txt:1:1: error: unknown level 'fatal'"))
        #expect(bad.stderr.contains("levels.txt:2:1: error: unknown rule 'no-such-rule'"))

        let breaking = try runGenerate(["diff", v1, v2, "--breaking-only"])
        #expect(breaking.stdout.hasSuffix("9 changes: 5 breaking, 4 warnings, 0 info\n"))
        // Path and tag filters choose the operations compared.
        let single = try runGenerate(["diff", v1, v2, "--match-path", "^/users/\\{", "--exclude-path", "zzz"])
        #expect(single.stdout.contains("GET /users/{user_id}") && !single.stdout.contains("GET /users\n"))
        let untagged = try runGenerate(["diff", v1, v2, "--tag", "no-such-tag"])
        #expect(untagged.stdout == "0 changes: 0 breaking, 0 warnings, 0 info\n" && untagged.status == 0)
        #expect(try runGenerate(["diff", v1, v2, "--match-path", "(("]).status == 2)

        let notes = try runGenerate(["diff", v1, v2, "--format", "changelog"])
        #expect(notes.stdout.hasPrefix("# API changelog\n\n28 changes: 5 breaking, 4 warnings, 19 info\n\n## GET /users\n\n- **breaking** 'items[].is_active'"))
        let page = try runGenerate(["diff", v1, v2, "--format", "html"])
        #expect(page.stdout.hasPrefix("<!DOCTYPE html>") && page.stdout.contains("<h2><span class=\"method patch\">PATCH</span><code class=\"path\">/users/{user_id}</code></h2>"))
        // Breaking changes come first.
        let firstBreaking = try #require(page.stdout.range(of: "class=\"change error\""))
        let firstInfo = try #require(page.stdout.range(of: "class=\"change info\""))
        #expect(firstBreaking.lowerBound < firstInfo.lowerBound)
        // Self-contained: nothing to run, nothing fetched.
        #expect(!page.stdout.contains("<script") && !page.stdout.contains("http://") && !page.stdout.contains("https://") && !page.stdout.contains("<link"))
    }

    @Test func ignoredFindingsAreCountedNotFailed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("charter-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let ignore = dir.appendingPathComponent("ignore.txt")
        try "response-required-property-removed  # v2 is a new major version\n".write(to: ignore, atomically: true, encoding: .utf8)
        let r = try runGenerate(["diff", v1, v2, "--ignore", ignore.path])
        #expect(r.status == 0)
        #expect(r.stdout.hasSuffix("23 changes: 0 breaking, 4 warnings, 19 info (5 ignored)\n"))
        try "response-required-property-removed\nno-such-rule GET /users\n".write(to: ignore, atomically: true, encoding: .utf8)
        let bad = try runGenerate(["diff", v1, v2, "--ignore", ignore.path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("ignore.txt:2:1: error: unknown rule 'no-such-rule'"))
    }

    @Test func usageAndLoadErrorsExitTwo() throws {
        #expect(try runGenerate(["diff", v1]).status == 2)
        #expect(try runGenerate(["diff", v1, v2, "--format", "yaml"]).status == 2)
        let broken = try runGenerate(["diff", v1, "Tests/CharterSpecTests/Fixtures/malformed/missing-ref.yaml"])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("missing-ref.yaml:12:23: error: reference '#/components/schemas/Usr' does not resolve"))
        let rules = try runGenerate(["diff", "--list-rules"])
        #expect(rules.status == 0)
        #expect(rules.stdout.contains("response-required-property-removed"))
        #expect(rules.stdout.split(separator: "\n").count >= 70)
    }
}

@Suite("diff rules document")
struct DiffRulesDocumentTests {
    @Test func theCommittedRuleTableIsTheCatalogue() throws {
        let committed = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("docs/diff-rules.md"), encoding: .utf8)
        let rendered = try runGenerate(["diff", "--list-rules", "--format", "markdown"])
        #expect(rendered.stdout == committed, "regenerate: swift run generate diff --list-rules --format markdown > docs/diff-rules.md")
    }
}
