/// Release notes from findings: grouped by operation, breaking changes first (both in the groups' order and
/// inside each group), as Markdown (the HTML page, in the docs site's style, is CharterDocs' `DiffPage`).
public enum Changelog {
    /// Operations with their findings, those with breaking changes first, then by the order found.
    public static func groups(_ findings: [Finding]) -> [(operation: String, findings: [Finding])] {
        var order: [String] = []
        var byOperation: [String: [Finding]] = [:]
        for f in findings {
            if byOperation[f.operation] == nil { order.append(f.operation) }
            byOperation[f.operation, default: []].append(f)
        }
        let groups = order.map { op in (operation: op, findings: (byOperation[op] ?? []).enumerated().sorted { a, b in
            a.element.level != b.element.level ? a.element.level > b.element.level : a.offset < b.offset
        }.map(\.element)) }
        return groups.enumerated().sorted { a, b in
            let (x, y) = (a.element.findings.first?.level ?? .info, b.element.findings.first?.level ?? .info)
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
    }

    /// The word a reader sees for a level: breaking, warning or info.
    public static func label(_ level: Level) -> String {
        switch level {
        case .error: "breaking"
        case .warning: "warning"
        case .info: "info"
        }
    }

    /// Release notes as Markdown: a heading per operation, breaking changes first.
    public static func markdown(_ findings: [Finding], ignoredCount: Int = 0) -> String {
        var out = "# API changelog\n\n\(DiffReport.summary(findings, ignoredCount: ignoredCount))\n"
        for (operation, group) in groups(findings) {
            out += "\n## \(operation)\n\n"
            for f in group {
                out += "- **\(label(f.level))** \(f.message) (`\(f.ruleID)`)\n"
            }
        }
        return out
    }
}
