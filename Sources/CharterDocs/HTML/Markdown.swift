/// CommonMark as vendors write it in descriptions, rendered to HTML that cannot run anything: paragraphs,
/// headings, lists (nested), block quotes, fenced and indented code, GitHub tables, emphasis, code spans, links
/// and the inline HTML many specs use (`<p>`, `<code>`, `<a href>` in Stripe's). HTML tags outside a short list
/// of text-formatting elements, and every attribute but a link's checked `href`/`title`, are shown as text, so a
/// `<script>` or `onerror=` in a spec is visible and inert.
enum Markdown {
    /// `source` as HTML.
    static func html(_ source: String) -> String {
        // Most descriptions are one paragraph of plain words: escaped and wrapped, with no parsing.
        if isPlain(source) { return "<p>" + HTMLText.escaped(source.trimmingWhitespace()) + "</p>" }
        var out = ""
        // Lines split by scalars: as Characters, "\r\n" is one grapheme and "\n" would not split it.
        var lines = source.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(String.UnicodeScalarView(line.last == "\r" ? line.dropLast() : line))
        }
        lines = resolvingReferenceLinks(lines)
        render(lines: lines, into: &out, depth: 0)
        return out
    }

    /// One line of text (a summary, a title) with inline formatting only.
    static func inlineHTML(_ source: String) -> String { isPlain(source) ? HTMLText.escaped(source) : inline(source) }

    /// One line with no character that Markdown or HTML gives a meaning to: no emphasis, code, link, tag or entity
    /// anywhere, and no block marker (list, heading, quote, fence, rule) at its start.
    private static func isPlain(_ source: String) -> Bool {
        var first = true
        for byte in source.utf8 {
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "["),
                 UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "\\"):
                return false
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                continue
            default:
                if first {
                    if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { return false }
                    if "-+=#>~|".utf8.contains(byte) { return false }
                    first = false
                }
            }
        }
        return !first
    }

    // MARK: Reference links

    /// `[text][label]` and `[label][]` written as inline links from the `[label]: url "title"` lines that define
    /// them (which are dropped); text without definitions is returned as it was.
    private static func resolvingReferenceLinks(_ lines: [String]) -> [String] {
        var definitions: [String: String] = [:]
        var kept: [String] = []
        for line in lines {
            let t = line.trimmingWhitespace()
            if t.hasPrefix("["), let close = t.firstIndex(of: "]"),
               t[t.index(after: close)...].hasPrefix(":") {
                let label = t[t.index(after: t.startIndex)..<close].lowercased()
                let target = String(t[t.index(close, offsetBy: 2)...]).trimmingWhitespace()
                if !label.isEmpty, !target.isEmpty, !label.contains("]") {
                    definitions[label] = target
                    continue
                }
            }
            kept.append(line)
        }
        guard !definitions.isEmpty else { return lines }
        return kept.map { line in
            guard line.contains("][") else { return line }
            var out = ""
            var rest = Substring(line)
            while let open = rest.range(of: "][") {
                guard let start = rest[..<open.lowerBound].lastIndex(of: "["), let end = rest[open.upperBound...].firstIndex(of: "]") else {
                    out += rest[..<open.upperBound]
                    rest = rest[open.upperBound...]
                    continue
                }
                let text = rest[rest.index(after: start)..<open.lowerBound]
                let written = rest[open.upperBound..<end]
                let label = (written.isEmpty ? text : written).lowercased()
                if let target = definitions[label] {
                    out += rest[..<start] + "[" + text + "](" + target + ")"
                } else {
                    out += rest[...end]
                }
                rest = rest[rest.index(after: end)...]
            }
            return out + rest
        }
    }

    // MARK: Blocks

    private static let maxDepth = 12

    private static func render(lines: [String], into out: inout String, depth: Int) {
        guard depth < maxDepth else {
            out += "<p>" + HTMLText.escaped(lines.joined(separator: "\n")) + "</p>"
            return
        }
        var i = 0
        var paragraph: [String] = []
        func flush() {
            guard !paragraph.isEmpty else { return }
            let text = paragraph.map { $0.trimmingWhitespace() }.joined(separator: "\n")
            paragraph = []
            // A block that starts with a block-level HTML element is that element, not a paragraph around it.
            if let tag = leadingTag(text), blockTags.contains(tag) {
                out += inline(text)
            } else {
                out += "<p>" + inline(text) + "</p>"
            }
        }
        while i < lines.count {
            let line = lines[i]
            let trimmed = line.trimmingWhitespace()
            let indent = leadingSpaces(line)
            if trimmed.isEmpty { flush(); i += 1; continue }
            // Fenced code.
            if indent < 4, let fence = fenceOpening(trimmed) {
                flush()
                var code: [String] = []
                i += 1
                while i < lines.count, !lines[i].trimmingWhitespace().hasPrefix(fence) {
                    code.append(dropIndent(lines[i], upTo: indent))
                    i += 1
                }
                i += 1
                out += "<pre><code>" + HTMLText.escaped(code.joined(separator: "\n")) + "</code></pre>"
                continue
            }
            // Indented code (not inside a paragraph, where indentation is a continuation).
            if indent >= 4, paragraph.isEmpty {
                var code: [String] = []
                while i < lines.count, leadingSpaces(lines[i]) >= 4 || lines[i].trimmingWhitespace().isEmpty {
                    code.append(dropIndent(lines[i], upTo: 4))
                    i += 1
                }
                while code.last?.trimmingWhitespace().isEmpty == true { code.removeLast() }
                out += "<pre><code>" + HTMLText.escaped(code.joined(separator: "\n")) + "</code></pre>"
                continue
            }
            // ATX heading, one level below the page's own headings.
            if indent < 4, let (level, text) = heading(trimmed) {
                flush()
                let h = min(6, level + 3)
                out += "<h\(h)>" + inline(text) + "</h\(h)>"
                i += 1
                continue
            }
            // Thematic break.
            if indent < 4, isBreak(trimmed) {
                flush()
                out += "<hr>"
                i += 1
                continue
            }
            // Block quote.
            if indent < 4, trimmed.hasPrefix(">") {
                flush()
                var quoted: [String] = []
                while i < lines.count {
                    let t = lines[i].trimmingWhitespace()
                    guard t.hasPrefix(">") else { break }
                    var rest = t.dropFirst()
                    if rest.hasPrefix(" ") { rest = rest.dropFirst() }
                    quoted.append(String(rest))
                    i += 1
                }
                out += "<blockquote>"
                render(lines: quoted, into: &out, depth: depth + 1)
                out += "</blockquote>"
                continue
            }
            // Table: a row of pipes over a delimiter row.
            if trimmed.contains("|"), i + 1 < lines.count, isDelimiterRow(lines[i + 1]) {
                flush()
                let header = cells(trimmed)
                out += "<table><thead><tr>" + header.map { "<th>" + inline($0) + "</th>" }.joined() + "</tr></thead><tbody>"
                i += 2
                while i < lines.count, lines[i].contains("|"), !lines[i].trimmingWhitespace().isEmpty {
                    out += "<tr>" + cells(lines[i].trimmingWhitespace()).map { "<td>" + inline($0) + "</td>" }.joined() + "</tr>"
                    i += 1
                }
                out += "</tbody></table>"
                continue
            }
            // List.
            if indent < 4, let first = listMarker(line), paragraph.isEmpty || first.ordered == false || first.start == 1 {
                flush()
                var items: [[String]] = []
                while i < lines.count {
                    let l = lines[i]
                    if let marker = listMarker(l), marker.ordered == first.ordered, leadingSpaces(l) < first.contentIndent {
                        items.append([String(l.dropFirst(min(marker.contentIndent, l.count)))])
                        i += 1
                        continue
                    }
                    let t = l.trimmingWhitespace()
                    if t.isEmpty {
                        // A blank line continues the list only if indented content follows.
                        if i + 1 < lines.count, leadingSpaces(lines[i + 1]) >= first.contentIndent, !items.isEmpty {
                            items[items.count - 1].append("")
                            i += 1
                            continue
                        }
                        break
                    }
                    if leadingSpaces(l) >= first.contentIndent, !items.isEmpty {
                        items[items.count - 1].append(dropIndent(l, upTo: first.contentIndent))
                        i += 1
                        continue
                    }
                    // A lazy continuation line of the item's paragraph.
                    if !items.isEmpty, listMarker(l) == nil, heading(t) == nil, !t.hasPrefix(">"), items[items.count - 1].last?.isEmpty == false {
                        items[items.count - 1].append(t)
                        i += 1
                        continue
                    }
                    break
                }
                let tag = first.ordered ? "ol" : "ul"
                out += first.ordered && first.start != 1 ? "<ol start=\"\(first.start)\">" : "<\(tag)>"
                for item in items {
                    var inner = ""
                    render(lines: item, into: &inner, depth: depth + 1)
                    // In a tight list (no blank line inside an item) the item's first paragraph shows without its <p>.
                    if !items.contains(where: { $0.contains { $0.trimmingWhitespace().isEmpty } }),
                       inner.hasPrefix("<p>"), let close = inner.range(of: "</p>") {
                        inner = String(inner[inner.index(inner.startIndex, offsetBy: 3)..<close.lowerBound]) + String(inner[close.upperBound...])
                    }
                    out += "<li>" + inner + "</li>"
                }
                out += "</\(tag)>"
                continue
            }
            // Setext heading underline.
            if !paragraph.isEmpty, indent < 4, !trimmed.isEmpty, trimmed.allSatisfy({ $0 == "=" }) || (trimmed.allSatisfy({ $0 == "-" }) && trimmed.count >= 2) {
                let text = paragraph.map { $0.trimmingWhitespace() }.joined(separator: " ")
                paragraph = []
                let h = trimmed.first == "=" ? 4 : 5
                out += "<h\(h)>" + inline(text) + "</h\(h)>"
                i += 1
                continue
            }
            paragraph.append(line)
            i += 1
        }
        flush()
    }

    private static func leadingSpaces(_ line: String) -> Int {
        var n = 0
        for c in line {
            if c == " " { n += 1 } else if c == "\t" { n += 4 - n % 4 } else { break }
        }
        return n
    }

    private static func dropIndent(_ line: String, upTo count: Int) -> String {
        var dropped = 0
        var index = line.startIndex
        while index < line.endIndex, dropped < count, line[index] == " " || line[index] == "\t" {
            dropped += line[index] == "\t" ? 4 - dropped % 4 : 1
            index = line.index(after: index)
        }
        return String(line[index...])
    }

    private static func fenceOpening(_ trimmed: String) -> String? {
        for mark in ["```", "~~~"] where trimmed.hasPrefix(mark) {
            let run = trimmed.prefix { $0 == mark.first }
            return String(run)
        }
        return nil
    }

    private static func heading(_ trimmed: String) -> (Int, String)? {
        let hashes = trimmed.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = trimmed.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = String(rest).trimmingWhitespace()
        while text.hasSuffix("#") { text.removeLast() }
        return (hashes, text.trimmingWhitespace())
    }

    private static func isBreak(_ trimmed: String) -> Bool {
        let chars = trimmed.filter { $0 != " " }
        guard chars.count >= 3, let first = chars.first, "-*_".contains(first) else { return false }
        return chars.allSatisfy { $0 == first }
    }

    private static func isDelimiterRow(_ line: String) -> Bool {
        let t = line.trimmingWhitespace()
        guard t.contains("-"), t.contains("|") || t.contains(":") else { return false }
        return t.allSatisfy { "|-: \t".contains($0) }
    }

    private static func cells(_ row: String) -> [String] {
        var r = Substring(row)
        if r.hasPrefix("|") { r = r.dropFirst() }
        if r.hasSuffix("|") { r = r.dropLast() }
        // `\|` is a pipe inside a cell.
        var cells: [String] = []
        var current = ""
        var escaped = false
        for c in r {
            if escaped { current.append(c); escaped = false; continue }
            if c == "\\" { escaped = true; current.append(c); continue }
            if c == "|" { cells.append(current.trimmingWhitespace()); current = ""; continue }
            current.append(c)
        }
        cells.append(current.trimmingWhitespace())
        return cells.map { $0.replacingOccurrences(of: "\\|", with: "|") }
    }

    private struct ListMarker: Equatable {
        var ordered: Bool
        var start: Int
        /// Columns before the item's content (marker, its indent and one space).
        var contentIndent: Int
    }

    private static func listMarker(_ line: String) -> ListMarker? {
        let indent = leadingSpaces(line)
        guard indent < 4 else { return nil }
        let t = Array(line.drop { $0 == " " || $0 == "\t" })
        guard let c = t.first else { return nil }
        if "-*+".contains(c) {
            guard t.count == 1 || t[1] == " " || t[1] == "\t" else { return nil }
            if isBreak(String(t)) { return nil }
            return ListMarker(ordered: false, start: 1, contentIndent: indent + 2)
        }
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        guard (1...9).contains(digits.count), digits.count < t.count, ".)".contains(t[digits.count]) else { return nil }
        let after = digits.count + 1
        guard after == t.count || t[after] == " " || t[after] == "\t" else { return nil }
        return ListMarker(ordered: true, start: Int(String(digits)) ?? 1, contentIndent: indent + after + 1)
    }

    // MARK: Inline

    /// Elements a description may use; written back bare (attributes dropped), so none can carry a handler.
    private static let inlineTags: Set<String> = ["b", "strong", "i", "em", "code", "br", "span", "sup", "sub", "kbd", "s", "del", "small", "u", "mark", "abbr", "var", "samp", "q", "cite", "tt"]
    private static let blockTags: Set<String> = ["p", "ul", "ol", "li", "pre", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "div", "dl", "dt", "dd", "hr", "section", "details", "summary", "caption"]

    private static func leadingTag(_ text: String) -> String? {
        guard text.hasPrefix("<") else { return nil }
        let name = text.dropFirst().prefix { $0.isLetter || $0.isNumber }
        return name.isEmpty ? nil : name.lowercased()
    }

    private static func inline(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        let chars = Self.characters(text)
        var i = 0
        var open: [String] = []   // emphasis opened and not yet closed, innermost last
        func closeAll() {
            while let tag = open.popLast() { out += "</\(tag)>" }
        }
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\\" where i + 1 < chars.count && chars[i + 1] == "\n":
                out += "<br>"
                i += 2
            case "\\" where i + 1 < chars.count && chars[i + 1].isASCII && chars[i + 1].isPunctuation || i + 1 < chars.count && "`*_{}[]()#+-.!|<>~".contains(chars[i + 1]):
                out += HTMLText.escaped(String(chars[i + 1]))
                i += 2
            case "`":
                let run = count(chars, from: i, of: "`")
                if let end = findRun(chars, from: i + run, of: "`", length: run) {
                    var code = String(chars[(i + run)..<end]).replacingOccurrences(of: "\n", with: " ")
                    if code.hasPrefix(" "), code.hasSuffix(" "), code.count > 2 { code = String(code.dropFirst().dropLast()) }
                    out += "<code>" + HTMLText.escaped(code) + "</code>"
                    i = end + run
                } else {
                    out += String(repeating: "`", count: run)
                    i += run
                }
            case "*", "_":
                let run = min(count(chars, from: i, of: c), 3)
                let before: Character? = i > 0 ? chars[i - 1] : nil
                let after: Character? = i + run < chars.count ? chars[i + run] : nil
                let tags = run == 3 ? ["strong", "em"] : run == 2 ? ["strong"] : ["em"]
                let closes = tags.allSatisfy { open.contains(emphasisKey($0, c)) } && before.map { !$0.isWhitespace } == true
                let opens = after.map { !$0.isWhitespace } == true && (c == "*" || before.map { !$0.isLetter && !$0.isNumber } ?? true)
                if closes {
                    for tag in tags.reversed() {
                        let key = emphasisKey(tag, c)
                        while let last = open.popLast() {
                            out += "</\(tagName(last))>"
                            if last == key { break }
                        }
                    }
                } else if opens, hasCloser(chars, from: i + run, c, run) {
                    for tag in tags {
                        open.append(emphasisKey(tag, c))
                        out += "<\(tag)>"
                    }
                } else {
                    out += String(repeating: c, count: run)
                }
                i += run
            case "!" where i + 1 < chars.count && chars[i + 1] == "[":
                // An image would be fetched at view time; the page stays offline, so it is a link to the image.
                if let (label, url, title, end) = link(chars, from: i + 1) {
                    out += anchor(label: label.isEmpty ? url : label, url: url, title: title)
                    i = end
                } else {
                    out += "!"
                    i += 1
                }
            case "[":
                if let (label, url, title, end) = link(chars, from: i) {
                    out += anchor(label: label, url: url, title: title)
                    i = end
                } else {
                    out += "["
                    i += 1
                }
            case "<":
                if let (markup, end) = tag(chars, from: i) {
                    out += markup
                    i = end
                } else {
                    out += "&lt;"
                    i += 1
                }
            case "&":
                if let end = entityEnd(chars, from: i) {
                    out += String(chars[i..<end])
                    i = end
                } else {
                    out += "&amp;"
                    i += 1
                }
            case ">": out += "&gt;"; i += 1
            case "\n":
                // Two trailing spaces before a newline break the line.
                if out.hasSuffix("  ") {
                    while out.hasSuffix(" ") { out.removeLast() }
                    out += "<br>"
                } else {
                    out += "\n"
                }
                i += 1
            default:
                out.append(c)
                i += 1
            }
        }
        closeAll()
        return out
    }

    /// One `Character` per Unicode scalar: every delimiter is ASCII, and splitting by scalars skips the grapheme
    /// breaking `Array(text)` pays for (the scalars join again when appended to the output).
    private static func characters(_ text: String) -> [Character] { text.unicodeScalars.map(Character.init) }

    private static func emphasisKey(_ tag: String, _ c: Character) -> String { "\(tag)\(c)" }
    private static func tagName(_ key: String) -> String { String(key.dropLast()) }

    private static func count(_ chars: [Character], from i: Int, of c: Character) -> Int {
        var n = 0
        while i + n < chars.count, chars[i + n] == c { n += 1 }
        return n
    }

    private static func findRun(_ chars: [Character], from start: Int, of c: Character, length: Int) -> Int? {
        var i = start
        while i < chars.count {
            if chars[i] == c {
                let n = count(chars, from: i, of: c)
                if n == length { return i }
                i += n
            } else {
                i += 1
            }
        }
        return nil
    }

    /// Whether a matching closing run follows (so a lone `*` in `5 * 3` stays a star).
    private static func hasCloser(_ chars: [Character], from start: Int, _ c: Character, _ run: Int) -> Bool {
        var i = start
        while i < chars.count {
            if chars[i] == c, i > 0, !chars[i - 1].isWhitespace, count(chars, from: i, of: c) >= run { return true }
            if chars[i] == "\n", i + 1 < chars.count, chars[i + 1] == "\n" { return false }
            i += 1
        }
        return false
    }

    /// `[label](url "title")` from `start` (at the `[`): label, url, title and the index after it.
    private static func link(_ chars: [Character], from start: Int) -> (String, String, String?, Int)? {
        var depth = 0
        var i = start
        var close: Int?
        while i < chars.count {
            if chars[i] == "\\" { i += 2; continue }
            if chars[i] == "[" { depth += 1 }
            if chars[i] == "]" { depth -= 1; if depth == 0 { close = i; break } }
            i += 1
        }
        guard let close, close + 1 < chars.count, chars[close + 1] == "(" else { return nil }
        var j = close + 2
        var parens = 1
        while j < chars.count {
            if chars[j] == "(" { parens += 1 }
            if chars[j] == ")" { parens -= 1; if parens == 0 { break } }
            if chars[j] == "\n" { return nil }
            j += 1
        }
        guard j < chars.count else { return nil }
        let inside = String(chars[(close + 2)..<j]).trimmingWhitespace()
        var url = inside
        var title: String?
        if let space = inside.firstIndex(of: " ") {
            url = String(inside[..<space])
            let rest = String(inside[space...]).trimmingWhitespace()
            if rest.count >= 2, let q = rest.first, "\"'".contains(q), rest.last == q { title = String(rest.dropFirst().dropLast()) }
        }
        if url.hasPrefix("<"), url.hasSuffix(">") { url = String(url.dropFirst().dropLast()) }
        return (String(chars[(start + 1)..<close]), url, title, j + 1)
    }

    private static func anchor(label: String, url: String, title: String?) -> String {
        let text = inline(label)
        guard let safe = HTMLText.safeURL(url) else { return text }
        let titleAttribute = title.map { " title=\"\(HTMLText.attribute($0))\"" } ?? ""
        return "<a href=\"\(HTMLText.attribute(safe))\"\(titleAttribute) rel=\"noopener noreferrer\">" + text + "</a>"
    }

    /// An HTML tag or autolink at `start` (`<`), written back safely: allowed elements bare, `<a>` with a checked
    /// `href`, `<https://…>` as a link. Anything else is nil (escaped by the caller).
    private static func tag(_ chars: [Character], from start: Int) -> (String, Int)? {
        // A comment: nothing shown, up to its `-->` (it may hold `<` and `>`, as Redoc's `ReDoc-Inject` comments do).
        if chars[start...].starts(with: ["<", "!", "-", "-"]) {
            var i = start + 4
            while i + 2 < chars.count {
                if chars[i] == "-", chars[i + 1] == "-", chars[i + 2] == ">" { return ("", i + 3) }
                i += 1
            }
            return nil
        }
        guard let end = chars[start...].firstIndex(of: ">") else { return nil }
        let inner = String(chars[(start + 1)..<end])
        guard !inner.contains("<"), !inner.isEmpty else { return nil }
        // Autolink.
        if !inner.contains(" "), inner.lowercased().hasPrefix("http://") || inner.lowercased().hasPrefix("https://") || inner.lowercased().hasPrefix("mailto:") {
            return (anchor(label: inner, url: inner, title: nil), end + 1)
        }
        let closing = inner.hasPrefix("/")
        let body = closing ? inner.dropFirst() : Substring(inner)
        let name = body.prefix { $0.isLetter || $0.isNumber }.lowercased()
        guard !name.isEmpty else { return nil }
        let rest = body.dropFirst(name.count)
        guard rest.isEmpty || rest.first == " " || rest.first == "/" || rest.first == "\n" || rest.first == "\t" else { return nil }
        if name == "a" {
            if closing { return ("</a>", end + 1) }
            let attributes = parseAttributes(String(rest))
            guard let href = attributes["href"], let safe = HTMLText.safeURL(href) else { return ("<a>", end + 1) }
            let title = attributes["title"].map { " title=\"\(HTMLText.attribute($0))\"" } ?? ""
            return ("<a href=\"\(HTMLText.attribute(safe))\"\(title) rel=\"noopener noreferrer\">", end + 1)
        }
        guard inlineTags.contains(name) || blockTags.contains(name) else { return nil }
        if name == "br" || name == "hr" { return (closing ? "" : "<\(name)>", end + 1) }
        return (closing ? "</\(name)>" : "<\(name)>", end + 1)
    }

    private static func parseAttributes(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        let chars = Self.characters(text)
        var i = 0
        while i < chars.count {
            while i < chars.count, chars[i].isWhitespace || chars[i] == "/" { i += 1 }
            let nameStart = i
            while i < chars.count, !chars[i].isWhitespace, chars[i] != "=", chars[i] != "/" { i += 1 }
            let name = String(chars[nameStart..<i]).lowercased()
            guard !name.isEmpty else { break }
            while i < chars.count, chars[i].isWhitespace { i += 1 }
            guard i < chars.count, chars[i] == "=" else { result[name] = ""; continue }
            i += 1
            while i < chars.count, chars[i].isWhitespace { i += 1 }
            var value = ""
            if i < chars.count, chars[i] == "\"" || chars[i] == "'" {
                let quote = chars[i]
                i += 1
                let valueStart = i
                while i < chars.count, chars[i] != quote { i += 1 }
                value = String(chars[valueStart..<min(i, chars.count)])
                i += 1
            } else {
                let valueStart = i
                while i < chars.count, !chars[i].isWhitespace { i += 1 }
                value = String(chars[valueStart..<i])
            }
            result[name] = decodeEntities(value)
        }
        return result
    }

    /// `&amp;` and friends in an attribute value, so the URL check sees what the browser would.
    private static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = text
        for (entity, value) in [("&amp;", "&"), ("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&colon;", ":"), ("&Tab;", "\t"), ("&NewLine;", "\n")] {
            out = out.replacingOccurrences(of: entity, with: value)
        }
        // Numeric references (`&#106;avascript:`) are decoded too, or they would hide a scheme from the check.
        var decoded = ""
        let chars = Self.characters(out)
        var i = 0
        while i < chars.count {
            if chars[i] == "&", i + 2 < chars.count, chars[i + 1] == "#", let end = entityEnd(chars, from: i) {
                let digits = String(chars[(i + 2)..<(end - 1)])
                let value = digits.lowercased().hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                if let value, let scalar = Unicode.Scalar(value) {
                    decoded.unicodeScalars.append(scalar)
                    i = end
                    continue
                }
            }
            decoded.append(chars[i])
            i += 1
        }
        return decoded
    }

    /// The end of a character reference (`&amp;`, `&#123;`, `&#x1F;`) at `start`, or nil when `&` starts none.
    private static func entityEnd(_ chars: [Character], from start: Int) -> Int? {
        var i = start + 1
        if i < chars.count, chars[i] == "#" {
            i += 1
            if i < chars.count, chars[i] == "x" || chars[i] == "X" { i += 1 }
            let digitsStart = i
            while i < chars.count, chars[i].isHexDigit, i - digitsStart < 8 { i += 1 }
            guard i > digitsStart else { return nil }
        } else {
            let nameStart = i
            while i < chars.count, chars[i].isASCII, chars[i].isLetter || chars[i].isNumber, i - nameStart < 32 { i += 1 }
            guard i > nameStart else { return nil }
        }
        guard i < chars.count, chars[i] == ";" else { return nil }
        return i + 1
    }
}

/// Rendered descriptions by their source: large specs repeat the same texts hundreds of times (Stripe's
/// "Specifies which fields in the response should be expanded." on every operation).
final class MarkdownCache {
    private var rendered: [String: String] = [:]
    private var renderedInline: [String: String] = [:]

    func html(_ source: String) -> String {
        if let hit = rendered[source] { return hit }
        let html = Markdown.html(source)
        rendered[source] = html
        return html
    }

    func inlineHTML(_ source: String) -> String {
        if let hit = renderedInline[source] { return hit }
        let html = Markdown.inlineHTML(source)
        renderedInline[source] = html
        return html
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks (no Foundation bridging).
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
