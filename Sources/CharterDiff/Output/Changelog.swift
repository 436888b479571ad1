/// Release notes from findings: grouped by operation, breaking changes first (both in the groups' order and
/// inside each group), as Markdown or as one self-contained HTML page (no scripts, no network).
public enum Changelog {
    /// Operations with their findings, those with breaking changes first, then by the order found.
    static func groups(_ findings: [Finding]) -> [(operation: String, findings: [Finding])] {
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

    static func label(_ level: Level) -> String {
        switch level {
        case .error: "breaking"
        case .warning: "warning"
        case .info: "info"
        }
    }

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

    public static func html(_ findings: [Finding], ignoredCount: Int = 0) -> String {
        let escape = DiffReport.markup
        var out = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>API changelog</title>
        <style>
        :root { color-scheme: light dark; --error: #c62828; --warning: #b26a00; --info: #1565c0; }
        body { font: 15px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
        h2 { font: 600 1rem ui-monospace, monospace; margin: 1.6rem 0 .4rem; }
        ul { list-style: none; padding: 0; margin: 0; }
        li { padding: .35rem 0; border-bottom: 1px solid color-mix(in srgb, currentColor 12%, transparent); }
        .level { display: inline-block; min-width: 5.5rem; font-weight: 600; }
        .error .level { color: var(--error); } .warning .level { color: var(--warning); } .info .level { color: var(--info); }
        code { font-size: .85em; opacity: .75; }
        </style></head><body>
        <h1>API changelog</h1>
        <p>\(escape(DiffReport.summary(findings, ignoredCount: ignoredCount)))</p>

        """
        for (operation, group) in groups(findings) {
            out += "<section><h2>\(escape(operation))</h2><ul>\n"
            for f in group {
                out += "<li class=\"\(f.level.rawValue)\"><span class=\"level\">\(label(f.level))</span> \(escape(f.message)) <code>\(escape(f.ruleID))</code></li>\n"
            }
            out += "</ul></section>\n"
        }
        return out + "</body></html>\n"
    }
}
