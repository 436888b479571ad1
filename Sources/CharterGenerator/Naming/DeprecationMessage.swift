import CharterSpec

/// The message of a generated `@available(*, deprecated, message:)`: what a caller sees at the call site, so it
/// should say what to use instead when the spec says so.
enum DeprecationMessage {
    /// `x-deprecated-message` when the spec gives one; else the description's sentence that speaks of the
    /// deprecation or a replacement ("Use listOrdersV2 instead."), else its first sentence; else a plain default.
    static func of(extensions: Extensions, description: String?) -> String {
        if let text = extensions["x-deprecated-message"]?.string?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
            return clipped(text)
        }
        let sentences = sentences(of: description ?? "")
        let telling = sentences.first { sentence in
            let lower = sentence.lowercased()
            return lower.contains("deprecat") || lower.contains("instead") || lower.contains("use ") || lower.contains("replaced")
        }
        return clipped(telling ?? sentences.first ?? "deprecated by the API")
    }

    /// Sentences of a description: split at a full stop, `!` or `?` followed by whitespace, and at blank lines;
    /// Markdown emphasis markers and line breaks inside a sentence are dropped.
    static func sentences(of text: String) -> [String] {
        var result: [String] = []
        var current = ""
        let scalars = Array(text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "`", with: "").unicodeScalars)
        var i = 0
        func flush() {
            let sentence = current.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if !sentence.isEmpty { result.append(sentence) }
            current = ""
        }
        while i < scalars.count {
            let c = scalars[i]
            if c == "\n", i + 1 < scalars.count, scalars[i + 1] == "\n" {
                flush()
                i += 2
                continue
            }
            current.unicodeScalars.append(c)
            if c == "." || c == "!" || c == "?", i + 1 == scalars.count || scalars[i + 1].properties.isWhitespace { flush() }
            i += 1
        }
        flush()
        return result
    }

    /// Long sentences are cut at a word boundary: a compiler warning is one line.
    private static func clipped(_ text: String) -> String {
        let oneLine = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard oneLine.count > 160 else { return oneLine }
        let prefix = oneLine.prefix(160)
        let cut = prefix.lastIndex(of: " ").map { prefix[..<$0] } ?? prefix
        return cut + "…"
    }
}
