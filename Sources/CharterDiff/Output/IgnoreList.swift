import CharterSpec
import Foundation

/// Findings a team has accepted, one per line:
///
///     # rule id (or *), then optionally an operation (METHOD /path, or *), then optionally a JSON-pointer prefix
///     response-property-enum-value-added  GET /users/{id}              # clients decode enums tolerantly
///     request-property-removed            *  /paths/~1legacy          # nobody sends it any more
///     *                                   DELETE /users/{id}          # endpoint retired with notice
///
/// Path templates match with parameter names ignored; everything after `#` is the reason.
public struct IgnoreList: Sendable {
    public struct Entry: Sendable, Hashable {
        public var ruleID: String?
        /// `GET /users/{}` (parameter names normalised) or nil for any operation.
        public var operation: String?
        public var pathPrefix: String?
        public var reason: String
    }

    public var entries: [Entry] = []

    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    /// Parses an ignore file; malformed lines are located errors.
    public static func parse(_ text: String, file: String) -> (list: IgnoreList, diagnostics: [Diagnostic]) {
        var list = IgnoreList()
        var diagnostics: [Diagnostic] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let hash = raw.firstIndex(of: "#")
            let body = hash.map { raw[..<$0] } ?? raw[...]
            let reason = hash.map { raw[raw.index(after: $0)...].trimmingCharacters(in: .whitespaces) } ?? ""
            var tokens = body.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if tokens.isEmpty { continue }
            let location = SourceLocation(file: file, line: number + 1, column: 1)
            let id = tokens.removeFirst()
            if id != "*" && RuleCatalogue.rule(id) == nil {
                diagnostics.append(Diagnostic(.error, "unknown rule '\(id)' (see `generate diff --list-rules`)", at: location))
                continue
            }
            var entry = Entry(ruleID: id == "*" ? nil : id, operation: nil, pathPrefix: nil, reason: reason)
            if let first = tokens.first {
                if first == "*" {
                    tokens.removeFirst()
                } else if first == first.uppercased(), first.allSatisfy(\.isLetter), tokens.count >= 2 {
                    entry.operation = first + " " + PathKey.normalized(tokens[1])
                    tokens.removeFirst(2)
                }
            }
            if let prefix = tokens.first {
                guard prefix.hasPrefix("/"), tokens.count == 1 else {
                    diagnostics.append(Diagnostic(.error, "expected: rule-id [METHOD /path | *] [/json/pointer/prefix] [# reason]", at: location))
                    continue
                }
                entry.pathPrefix = prefix
            }
            list.entries.append(entry)
        }
        return (list, diagnostics)
    }

    public func matches(_ finding: Finding) -> Bool {
        entries.contains { e in
            if let id = e.ruleID, id != finding.ruleID { return false }
            if let op = e.operation {
                let parts = finding.operation.split(separator: " ", maxSplits: 1).map(String.init)
                guard parts.count == 2, op == parts[0] + " " + PathKey.normalized(parts[1]) else { return false }
            }
            if let prefix = e.pathPrefix, !PathKey.normalized(finding.path).hasPrefix(PathKey.normalized(prefix)) { return false }
            return true
        }
    }

    /// The findings split into those kept and those ignored.
    public func filter(_ findings: [Finding]) -> (kept: [Finding], ignored: [Finding]) {
        var kept: [Finding] = [], ignored: [Finding] = []
        for f in findings { if matches(f) { ignored.append(f) } else { kept.append(f) } }
        return (kept, ignored)
    }
}
