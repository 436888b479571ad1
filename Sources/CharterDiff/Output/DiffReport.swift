import CharterSpec
import Foundation

/// Findings rendered for people and for CI: text, JSON, Markdown, GitHub annotations, JUnit XML.
public enum DiffReport {
    public enum Format: String, Sendable, CaseIterable {
        case text, json, markdown, github, junit, changelog
    }

    public static func render(_ findings: [Finding], format: Format, ignoredCount: Int = 0, failOn: Level? = .error, color: Bool = false) -> String {
        switch format {
        case .text: text(findings, ignoredCount: ignoredCount, color: color)
        case .json: json(findings, ignoredCount: ignoredCount)
        case .markdown: markdown(findings, ignoredCount: ignoredCount)
        case .github: github(findings, ignoredCount: ignoredCount)
        case .junit: junit(findings, failOn: failOn)
        case .changelog: Changelog.markdown(findings, ignoredCount: ignoredCount)
        }
    }

    /// "3 changes: 1 breaking, 1 warning, 1 info (2 ignored)".
    public static func summary(_ findings: [Finding], ignoredCount: Int = 0) -> String {
        let errors = findings.filter { $0.level == .error }.count
        let warnings = findings.filter { $0.level == .warning }.count
        let infos = findings.count - errors - warnings
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(findings.count, "change")): \(errors) breaking, \(plural(warnings, "warning")), \(infos) info"
            + (ignoredCount > 0 ? " (\(ignoredCount) ignored)" : "")
    }

    static func locations(_ f: Finding) -> String {
        [f.oldLocation.map { "was \($0)" }, f.newLocation.map { "now \($0)" }].compactMap { $0 }.joined(separator: ", ")
    }

    /// Grouped by operation, in the order found.
    public static func text(_ findings: [Finding], ignoredCount: Int = 0, color: Bool = false) -> String {
        func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        var out = ""
        var order: [String] = []
        var groups: [String: [Finding]] = [:]
        for f in findings {
            if groups[f.operation] == nil { order.append(f.operation) }
            groups[f.operation, default: []].append(f)
        }
        for operation in order {
            out += paint(operation, "1") + "\n"
            for f in groups[operation] ?? [] {
                let label = switch f.level {
                case .error: paint("error", "31")
                case .warning: paint("warning", "33")
                case .info: paint("info", "36")
                }
                out += "  \(label) [\(f.ruleID)] \(f.message)\n"
                let where_ = locations(f)
                if !where_.isEmpty { out += "    \(where_)\n" }
            }
        }
        return out + summary(findings, ignoredCount: ignoredCount) + "\n"
    }

    /// A stable schema: `{"summary": {...}, "findings": [{id, level, operation, path, message, locations: {old, new}, fingerprint}]}`.
    public static func json(_ findings: [Finding], ignoredCount: Int = 0) -> String {
        func quoted(_ s: String) -> String {
            var out = "\""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        }
        func location(_ l: SourceLocation?) -> String { l.map { quoted($0.description) } ?? "null" }
        let errors = findings.filter { $0.level == .error }.count, warnings = findings.filter { $0.level == .warning }.count
        var out = "{\"summary\": {\"changes\": \(findings.count), \"breaking\": \(errors), \"warnings\": \(warnings), \"info\": \(findings.count - errors - warnings), \"ignored\": \(ignoredCount)},\n \"findings\": ["
        out += findings.map { f in
            "\n  {\"id\": \(quoted(f.ruleID)), \"level\": \(quoted(f.level.rawValue)), \"operation\": \(quoted(f.operation)), \"path\": \(quoted(f.path)), "
                + "\"message\": \(quoted(f.message)), \"locations\": {\"old\": \(location(f.oldLocation)), \"new\": \(location(f.newLocation))}, "
                + "\"fingerprint\": \(quoted(f.fingerprint))}"
        }.joined(separator: ",")
        return out + (findings.isEmpty ? "]}\n" : "\n]}\n")
    }

    public static func markdown(_ findings: [Finding], ignoredCount: Int = 0) -> String {
        func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        var out = "**\(summary(findings, ignoredCount: ignoredCount))**\n\n"
        guard !findings.isEmpty else { return out }
        out += "| level | rule | operation | change | where |\n| --- | --- | --- | --- | --- |\n"
        for f in findings {
            out += "| \(f.level.rawValue) | `\(f.ruleID)` | `\(cell(f.operation))` | \(cell(f.message)) | \(cell(locations(f))) |\n"
        }
        return out
    }

    /// GitHub Actions workflow commands: an annotation on the new file (the old one for removals).
    public static func github(_ findings: [Finding], ignoredCount: Int = 0) -> String {
        func escape(_ s: String) -> String { s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A") }
        func property(_ s: String) -> String { escape(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C") }
        var out = ""
        for f in findings {
            let command = f.level == .error ? "error" : f.level == .warning ? "warning" : "notice"
            var properties: [String] = []
            if let at = f.newLocation ?? f.oldLocation {
                properties += ["file=\(property(at.file))", "line=\(at.line)", "col=\(at.column)"]
            }
            properties.append("title=\(property(f.ruleID))")
            out += "::\(command) \(properties.joined(separator: ","))::\(escape(f.operation + ": " + f.message))\n"
        }
        return out + summary(findings, ignoredCount: ignoredCount) + "\n"
    }

    /// One testcase per finding; those at `failOn` or above fail.
    public static func junit(_ findings: [Finding], failOn: Level?) -> String {
        let xml = markup
        let failing = findings.filter { f in failOn.map { f.level >= $0 } ?? false }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuite name=\"charter-diff\" tests=\"\(findings.count)\" failures=\"\(failing.count)\">\n"
        for f in findings {
            let name = xml("\(f.operation) \(f.ruleID) \(f.path)")
            out += "  <testcase classname=\"\(xml(f.operation))\" name=\"\(name)\">"
            if failOn.map({ f.level >= $0 }) ?? false {
                out += "\n    <failure type=\"\(f.ruleID)\" message=\"\(xml(f.message))\">\(xml(f.level.rawValue + ": " + f.message + " (" + locations(f) + ")"))</failure>\n  "
            }
            out += "</testcase>\n"
        }
        return out + "</testsuite>\n"
    }

    /// Text made safe inside XML or HTML elements and attribute values (JUnit, the changelog page).
    static func markup(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// The catalogue as a Markdown table (the committed `docs/diff-rules.md` is this, regenerated).
    public static func rulesMarkdown() -> String {
        let shared = RuleCatalogue.all.filter(\.inReference).count
        var out = "# Diff rules\n\nGenerated by `swift run generate diff --list-rules --format markdown` from `RuleCatalogue`; do not edit.\n"
        out += "Levels: error = breaking, warning = possibly breaking, info = not breaking (a level file changes them: `--severity-levels`).\n"
        out += "\(RuleCatalogue.all.count) rules; \(shared) carry the id and default level of the reference tool, oasdiff (its id is"
        out += " in the last column), the other \(RuleCatalogue.all.count - shared) are Charter's.\n\n"
        out += "| rule | level | direction | meaning | oasdiff |\n| --- | --- | --- | --- | --- |\n"
        for r in RuleCatalogue.all {
            out += "| `\(r.id)` | \(r.level.rawValue) | \(r.direction.rawValue) | \(r.description) | \(r.inReference ? "`\(r.id)`" : "—") |\n"
        }
        return out
    }

    /// The catalogue, one rule per line (for `--list-rules`).
    public static func rules() -> String {
        let width = RuleCatalogue.all.map(\.id.count).max() ?? 0
        return RuleCatalogue.all.map { r in
            r.id + String(repeating: " ", count: width - r.id.count) + "  " + r.level.rawValue.padding(7) + " " + r.direction.rawValue.padding(9) + " " + r.description
        }.joined(separator: "\n") + "\n"
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }

}
