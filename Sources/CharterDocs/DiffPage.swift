import CharterDiff
import CharterSpec

/// What changed between two versions of a spec, as one self-contained page in the docs site's style: breaking
/// changes first, by operation, each with its rule id and where it is in both files. No script, no network.
public enum DiffPage {
    /// The page for `findings` (already filtered); `old` and `new` name the two specs in its title.
    public static func html(_ findings: [Finding], old: String, new: String, ignoredCount: Int = 0) -> String {
        var w = HTMLWriter()
        // One file with its style inline, and nothing that runs.
        w.startDocument(title: "API changes: \(old) → \(new)", policy: "style-src 'unsafe-inline'")
        w.element("style") { $0.trusted(DocsAssets.style + DocsAssets.diffStyle) }
        w.close("head")
        w.open("body", ["class": "diff"])
        w.element("header", ["class": "topbar"]) { w in
            w.element("span", ["class": "brand"], text: "API changes")
            w.element("span", ["class": "version"], text: "\(old) → \(new)")
        }
        w.open("main", ["class": "diff-main"])
        w.element("h1", text: "What changed")
        w.element("p", ["class": "lead"], text: DiffReport.summary(findings, ignoredCount: ignoredCount))
        let counts = Dictionary(grouping: findings, by: \.level).mapValues(\.count)
        w.element("div", ["class": "totals"]) { w in
            for level in [Level.error, .warning, .info] {
                w.element("span", ["class": "total \(level.rawValue)"], text: "\(counts[level] ?? 0) \(Changelog.label(level))")
            }
        }
        if findings.isEmpty { w.element("p", text: "No changes that the rules look for.") }
        for (operation, group) in Changelog.groups(findings) {
            w.open("section", ["class": "change-group"])
            w.element("h2") { w in
                let parts = operation.split(separator: " ", maxSplits: 1).map(String.init)
                if parts.count == 2, parts[0].uppercased() == parts[0], parts[0].allSatisfy(\.isLetter) {
                    w.element("span", ["class": "method \(parts[0].lowercased())"], text: parts[0])
                    w.element("code", ["class": "path"], text: parts[1])
                } else {
                    w.text(operation)
                }
            }
            w.open("ul", ["class": "changes"])
            for f in group {
                w.element("li", ["class": "change \(f.level.rawValue)"]) { w in
                    w.element("span", ["class": "level \(f.level.rawValue)"], text: Changelog.label(f.level))
                    w.element("span", ["class": "message"], text: f.message)
                    w.element("div", ["class": "where"]) { w in
                        w.element("code", ["class": "rule"], text: f.ruleID)
                        if !f.path.isEmpty { w.element("code", text: f.path) }
                        if let location = f.oldLocation { w.element("span", ["class": "loc"], text: "was \(location)") }
                        if let location = f.newLocation { w.element("span", ["class": "loc"], text: "now \(location)") }
                    }
                }
            }
            w.close("ul")
            w.close("section")
        }
        w.close("main")
        w.close("body")
        w.close("html")
        return w.html + "\n"
    }
}

extension DocsAssets {
    /// What only the changes page adds to the shared style.
    static let diffStyle = #"""
.diff-main { max-width: 980px; margin: 0 auto; }
.totals { display: flex; gap: 10px; margin: 8px 0 16px; }
.total { padding: 2px 10px; border-radius: 12px; font-weight: 600; font-size: 0.9em; border: 1px solid var(--line); }
.total.error, .level.error { color: var(--err); }
.total.warning, .level.warning { color: var(--warn-fg); }
.total.info, .level.info { color: var(--accent); }
.change-group { border-top: 1px solid var(--line); margin-top: 18px; }
.change-group h2 { font-size: 1.05em; display: flex; gap: 8px; align-items: center; }
ul.changes { list-style: none; padding: 0; margin: 0; }
li.change { padding: 8px 0 8px 12px; border-bottom: 1px solid var(--line); border-left: 3px solid var(--line); margin: 4px 0; }
li.change.error { border-left-color: var(--err); }
li.change.warning { border-left-color: var(--warn-fg); }
.level { display: inline-block; min-width: 7.5em; font-weight: 700; font-size: 0.85em; text-transform: uppercase; letter-spacing: 0.03em; }
.where { margin-top: 3px; font-size: 0.85em; color: var(--muted); display: flex; flex-wrap: wrap; gap: 8px; }
"""#
}
