/// Escaping for text that comes from a spec: every string a spec author wrote reaches the page through one of
/// these, so no description, name or example can open an element or an attribute of its own.
enum HTMLText {
    /// `text` for element content: `<`, `>` and `&` escaped.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for c in text.unicodeScalars {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// `text` for a double-quoted attribute value: quotes escaped as well.
    static func attribute(_ text: String) -> String {
        escaped(text).replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }

    /// JSON text placed inside `<script type="application/json">`: `<` only ever occurs inside JSON strings,
    /// where `\u003c` means the same, so `</script>` and `<!--` in a spec cannot end or comment out the element.
    static func scriptJSON(_ json: String) -> String {
        json.replacingOccurrences(of: "<", with: "\\u003c")
    }

    /// A URL a link may point to: http(s), mailto, a fragment or a relative path; `javascript:`, `data:` and
    /// other schemes give nil (the link text is shown without a link).
    static func safeURL(_ raw: String) -> String? {
        let url = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !url.isEmpty else { return nil }
        // Control characters and spaces inside a scheme are how `java\tscript:` slips past naive checks.
        if url.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return nil }
        let lower = url.lowercased()
        if let colon = lower.firstIndex(of: ":") {
            let scheme = lower[..<colon]
            // A colon after a slash, `?` or `#` is part of a relative path, not a scheme.
            if !scheme.contains(where: { "/?#".contains($0) }) {
                return ["http", "https", "mailto"].contains(String(scheme)) ? url : nil
            }
        }
        return url
    }
}

/// HTML built by appending: elements and attributes are written by this type, text always escaped, so markup
/// comes from Charter and content from the spec.
struct HTMLWriter {
    private(set) var html = ""

    init() { html.reserveCapacity(1 << 16) }

    /// `<name attr="value" …>`; attributes with a nil value are left out.
    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:]) {
        html += "<" + name
        for (key, value) in attributes {
            guard let value else { continue }
            html += " \(key)=\"\(HTMLText.attribute(value))\""
        }
        html += ">"
    }

    mutating func close(_ name: String) { html += "</\(name)>" }

    /// An element holding escaped `text`.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], text: String) {
        open(name, attributes)
        html += HTMLText.escaped(text)
        close(name)
    }

    /// An element whose content `body` writes.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], _ body: (inout HTMLWriter) -> Void) {
        open(name, attributes)
        body(&self)
        close(name)
    }

    mutating func text(_ text: String) { html += HTMLText.escaped(text) }

    /// Markup Charter produced itself (rendered Markdown, which escapes what it was given).
    mutating func trusted(_ markup: String) { html += markup }
}
