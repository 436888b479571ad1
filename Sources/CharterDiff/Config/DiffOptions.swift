import CharterSpec
import Foundation

/// How a diff is run: the date sunsets are compared with, the deprecation policy, which operations to compare
/// and the team's level for each rule.
public struct DiffOptions: Sendable {
    /// `YYYY-MM-DD`, for `x-sunset` dates (default: the current UTC date).
    public var today: String?
    /// The least number of days between an operation's (or parameter's, or property's) deprecation and its
    /// `x-sunset`. 0 (the default) asks for no sunset; above 0, a deprecation without one, or with one sooner,
    /// is an error.
    public var deprecationDays: Int = 0
    /// The same for operations marked `x-stability-level: beta` (nil: `deprecationDays`). Draft and alpha
    /// operations promise nothing and need no sunset.
    public var deprecationDaysBeta: Int?
    /// Only operations whose path matches this regular expression (`^/v2/`) are compared.
    public var matchPath: String?
    /// Operations whose path matches this regular expression are not compared.
    public var excludePath: String?
    /// Only operations with one of these tags (in either version) are compared; empty: all.
    public var tags: Set<String> = []
    /// Levels a team gives rules instead of their defaults (`none` drops the rule's findings).
    public var levels = LevelOverrides()

    public init(today: String? = nil) {
        self.today = today
    }

    /// The least number of days for an operation of this stability (`x-stability-level`; none is stable).
    func deprecationDays(_ stability: Stability?) -> Int {
        switch stability {
        case .draft?, .alpha?: 0
        case .beta?: deprecationDaysBeta ?? deprecationDays
        default: deprecationDays
        }
    }
}

/// A rule id → level map read from a file, one rule per line (`request-property-enum-value-added error`);
/// the levels are `error`, `warning`, `info` or `none` (oasdiff's `ERR`, `WARN`, `INFO`, `NONE` too), `#` starts a comment.
public struct LevelOverrides: Sendable {
    /// nil: the rule's findings are dropped.
    public var levels: [RuleID: Level?] = [:]

    public init(levels: [RuleID: Level?] = [:]) {
        self.levels = levels
    }

    /// Parses a level file; an unknown rule or level is a located error.
    public static func parse(_ text: String, file: String) -> (LevelOverrides, [Diagnostic]) {
        var overrides = LevelOverrides()
        var problems: [Diagnostic] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == ":" }).map(String.init)
            if tokens.isEmpty { continue }
            let at = SourceLocation(file: file, line: number + 1, column: 1)
            guard tokens.count == 2 else {
                problems.append(Diagnostic(.error, "expected a rule id and a level (error, warning, info or none)", at: at))
                continue
            }
            guard let id = RuleID(id: tokens[0]) else {
                problems.append(Diagnostic(.error, "unknown rule '\(tokens[0])' (see `generate diff --list-rules`)", at: at))
                continue
            }
            switch tokens[1].lowercased() {
            case "error", "err": overrides.levels[id] = .some(.error)
            case "warning", "warn": overrides.levels[id] = .some(.warning)
            case "info": overrides.levels[id] = .some(.info)
            case "none", "off": overrides.levels[id] = .some(nil)
            default: problems.append(Diagnostic(.error, "unknown level '\(tokens[1])' (error, warning, info or none)", at: at))
            }
        }
        return (overrides, problems)
    }

    /// The findings with the team's levels; those set to `none` dropped.
    public func apply(_ findings: [Finding]) -> [Finding] {
        guard !levels.isEmpty else { return findings }
        return findings.compactMap { f in
            guard let override = levels[f.kind] else { return f }
            guard let level = override else { return nil }
            var g = f
            g.level = level
            return g
        }
    }
}
