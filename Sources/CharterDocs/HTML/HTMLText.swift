/// Escaping for text that comes from a spec: every string a spec author wrote reaches the page through one of
/// these, so no description, name or example can open an element or an attribute of its own.
enum HTMLText {
    /// `text` for element content: `<`, `>` and `&` escaped.
    static func escaped(_ text: String) -> String { escape(text, quotes: false) }

    /// `text` for a double-quoted attribute value: quotes escaped as well.
    static func attribute(_ text: String) -> String { escape(text, quotes: true) }

    private static func escape(_ text: String, quotes: Bool) -> String {
        // Most texts need nothing: one scan of the bytes, no copy.
        guard text.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || quotes && ($0 == 0x22 || $0 == 0x27) }) else { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x3C: out += Array("&lt;".utf8)
            case 0x3E: out += Array("&gt;".utf8)
            case 0x26: out += Array("&amp;".utf8)
            case 0x22 where quotes: out += Array("&quot;".utf8)
            case 0x27 where quotes: out += Array("&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// JSON text placed inside `<script type="application/json">`: `<` only ever occurs inside JSON strings,
    /// where `\u003c` means the same, so `</script>` and `<!--` in a spec cannot end or comment out the element.
    static func scriptJSON(_ json: String) -> String {
        guard json.utf8.contains(0x3C) else { return json }
        var out = [UInt8]()
        out.reserveCapacity(json.utf8.count + 1024)
        for byte in json.utf8 {
            if byte == 0x3C { out += Array("\\u003c".utf8) } else { out.append(byte) }
        }
        return String(decoding: out, as: UTF8.self)
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

    /// The doctype, `<html>` and the start of `<head>`: charset, viewport, a Content-Security-Policy that refuses
    /// everything `policy` does not allow (forms, `<base>` and plugins always), and the title. `<head>` stays open.
    mutating func startDocument(title: String, policy: String) {
        html += "<!DOCTYPE html>\n"
        open("html", ["lang": "en"])
        open("head")
        html += "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        open("meta", ["http-equiv": "Content-Security-Policy", "content": "default-src 'none'; \(policy); base-uri 'none'; form-action 'none'"])
        element("title", text: title)
    }

    /// Markup Charter produced itself (rendered Markdown, which escapes what it was given).
    mutating func trusted(_ markup: String) { html += markup }
}
