import CharterCommands
import ArgumentParser
import CharterDiff
import CharterDocs
import CharterSpec
import Foundation

/// `generate diff <old> <new>`: breaking changes between two versions of a spec.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Report what changed between two versions of a spec, and whether it breaks clients.",
        discussion: """
        Every finding has a stable rule id (oasdiff's where it has the same rule), a level (error: breaking,
        warning: possibly breaking, info), the operation, a JSON pointer and both files' locations.
        Exit status: 0 when nothing reaches --fail-on, 1 when something does, 2 for usage or load errors.

        Examples:
          swift run generate diff Specs/users-v1.yaml Specs/users-v2.yaml
          swift run generate diff old.yaml new.yaml --format github --fail-on warning
          swift run generate diff old.yaml new.yaml --ignore .charter-ignore --level warning
          swift run generate diff --list-rules
        """
    )

    @Argument(help: "The spec clients were written against.")
    var old: String?

    @Argument(help: "The new version.")
    var new: String?

    @Option(help: "text, json, markdown, github, junit, changelog (Markdown release notes) or html (a self-contained changelog page).")
    var format: String = "text"

    @Flag(help: "Show only breaking changes and warnings (as --level warning).")
    var breakingOnly = false

    @Option(help: "A file of rule levels (`rule-id error|warning|info|none` per line) that replace the defaults.")
    var severityLevels: String?

    @Option(name: [.customLong("deprecation-days"), .customLong("deprecation-days-stable")],
            help: "Least number of days between a deprecation and its x-sunset (0: no sunset required).")
    var deprecationDays: Int = 0

    @Option(help: "The same for operations marked x-stability-level: beta (default: --deprecation-days).")
    var deprecationDaysBeta: Int?

    @Option(help: "Compare only operations whose path matches this regular expression.")
    var matchPath: String?

    @Option(help: "Skip operations whose path matches this regular expression.")
    var excludePath: String?

    @Option(name: .customLong("tag"), help: "Compare only operations with this tag (repeatable).")
    var tags: [String] = []

    @Option(help: "Exit 1 when a finding reaches this level: error, warning or never.")
    var failOn: String = "error"

    @Option(help: "Show findings at this level and above: info, warning or error.")
    var level: String = "info"

    @Option(help: "A file of accepted findings (rule id, operation, JSON-pointer prefix, # reason per line).")
    var ignore: String?

    @Flag(help: "Print the rule catalogue and exit.")
    var listRules = false

    @Flag(help: "Refuse a spec with any lint error, even one whose meaning is clear (by default such problems are warnings saying what was assumed).")
    var strict = false

    @OptionGroup var references: ReferenceOptions

    func validate() throws {
        guard DiffReport.Format(rawValue: format) != nil || format == "html" else {
            throw ValidationError("--format must be one of: \((DiffReport.Format.allCases.map(\.rawValue) + ["html"]).joined(separator: ", "))")
        }
        guard failOn == "never" || Level(rawValue: failOn) != nil else { throw ValidationError("--fail-on must be error, warning or never") }
        guard Level(rawValue: level) != nil else { throw ValidationError("--level must be info, warning or error") }
        if !listRules && (old == nil || new == nil) { throw ValidationError("give the old and the new spec: generate diff <old> <new>") }
    }

    func run() throws {
        if listRules {
            print(format == "markdown" ? DiffReport.rulesMarkdown() : DiffReport.rules(), terminator: "")
            return
        }
        guard let old, let new, var minimum = Level(rawValue: level) else { throw ExitCode(2) }
        if breakingOnly { minimum = max(minimum, .warning) }
        var diffOptions = DiffOptions()
        diffOptions.deprecationDays = deprecationDays
        diffOptions.deprecationDaysBeta = deprecationDaysBeta
        diffOptions.matchPath = matchPath
        diffOptions.excludePath = excludePath
        diffOptions.tags = Set(tags)
        for pattern in [matchPath, excludePath].compactMap({ $0 }) where (try? NSRegularExpression(pattern: pattern)) == nil {
            printToStandardError("error: '\(pattern)' is not a regular expression")
            throw ExitCode(2)
        }
        if let severityLevels {
            guard let text = try? String(contentsOfFile: severityLevels, encoding: .utf8) else {
                printToStandardError("\(severityLevels): error: cannot read the level file")
                throw ExitCode(2)
            }
            let (overrides, problems) = LevelOverrides.parse(text, file: severityLevels)
            for d in problems { printToStandardError("\(d)") }
            if !problems.isEmpty { throw ExitCode(2) }
            diffOptions.levels = overrides
        }
        var ignoreList = IgnoreList()
        if let ignore {
            guard let text = try? String(contentsOfFile: ignore, encoding: .utf8) else {
                printToStandardError("\(ignore): error: cannot read the ignore file")
                throw ExitCode(2)
            }
            let (list, diagnostics) = IgnoreList.parse(text, file: ignore)
            for d in diagnostics { printToStandardError("\(d)") }
            if !diagnostics.isEmpty { throw ExitCode(2) }
            ignoreList = list
        }
        let findings: [Finding]
        let loadOptions = references.loadOptions
        do throws(DiffLoadError) {
            let report = try SpecDiff.report(oldPath: old, newPath: new, loadOptions: loadOptions, strict: strict, options: diffOptions)
            findings = report.findings
            for note in report.notes { printToStandardError("\(note)") }
        } catch {
            for d in error.diagnostics where d.severity == .error { printToStandardError("\(d)") }
            throw ExitCode(2)
        }
        let (kept, ignored) = ignoreList.filter(findings)
        let shown = kept.filter { $0.level >= minimum }
        let failLevel = Level(rawValue: failOn)
        if let format = DiffReport.Format(rawValue: format) {
            let color = format == .text && isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            print(DiffReport.render(shown, format: format, ignoredCount: ignored.count, failOn: failLevel, color: color), terminator: "")
        } else {
            // The HTML page shares the docs site's style, so it is built where the site is.
            print(DiffPage.html(shown, old: old, new: new, ignoredCount: ignored.count), terminator: "")
        }
        if let failLevel, kept.contains(where: { $0.level >= failLevel }) { throw ExitCode(1) }
    }
}
