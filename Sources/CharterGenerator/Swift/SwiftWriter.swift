/// Lines of Swift with indentation and doc comments: the low-level half of the renderers.
///
/// Writes into one string as it goes: rendering Stripe's models and operations appends a few million lines, and
/// splitting every line by `Character` (grapheme breaking) or keeping an array of lines to join later was most
/// of the generator's time. Lines are split on the newline byte, which for text without `\r` is exactly where a
/// `Character` split would cut (a line feed is always a grapheme of its own).
struct SwiftWriter {
    private var buffer = ""
    var depth = 0

    /// Indentation strings for the usual depths, made once.
    private static let indents: [String] = (0..<24).map { String(repeating: "    ", count: $0) }

    private mutating func append(_ part: Substring) {
        if !part.isEmpty {
            buffer += depth < Self.indents.count ? Self.indents[depth] : String(repeating: "    ", count: depth)
            buffer += part
        }
        buffer += "\n"
    }

    mutating func line(_ text: String) {
        // Multi-line text (a pre-rendered expression) is indented as a block.
        Self.forEachLine(of: text) { append($0) }
    }

    /// The lines of `text` (split at `\n`, empty lines kept), without a `Character` walk where the text has no `\r`.
    static func forEachLine(of text: String, _ body: (Substring) -> Void) {
        let breaks = text.utf8.withContiguousStorageIfAvailable(Self.lineBreaks) ?? Array(text.utf8).withUnsafeBufferPointer(Self.lineBreaks)
        if breaks == 0 { return body(text[...]) }
        guard breaks & 2 == 0 else {
            // `\r\n` is one `Character`, never split: keep that meaning for the rare text that has one.
            for part in text.split(separator: "\n", omittingEmptySubsequences: false) { body(part) }
            return
        }
        let utf8 = text.utf8
        var start = utf8.startIndex
        while let newline = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) {
            body(text[start..<newline])
            start = utf8.index(after: newline)
        }
        body(text[start...])
    }

    /// Bit 0: the text has a `\n`; bit 1: it has a `\r`. One pass over contiguous bytes.
    private static func lineBreaks(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var found = 0
        for byte in bytes where byte <= 13 {
            if byte == 10 { found |= 1 } else if byte == 13 { found |= 2 }
        }
        return found
    }

    mutating func blank() { buffer += "\n" }

    mutating func doc(_ text: String?) {
        guard let text, !text.isEmpty else { return }
        // Any line break (\n, \r\n, \r, U+2028 …) starts a new comment line. Plain ASCII text breaks only at `\n`
        // (the other ASCII breaks are control bytes), so only other text needs the `Character` walk.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x80 || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\t") }) {
            return Self.forEachLine(of: text) { comment($0) }
        }
        for l in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) { comment(l) }
    }

    private mutating func comment(_ l: Substring) {
        let trimmed = l.trimmingTrailingSpaces()
        line(trimmed.isEmpty ? "///" : "/// " + trimmed)
    }

    /// `open { body }` with the body indented.
    mutating func block(_ open: String, close: String = "}", _ body: (inout SwiftWriter) -> Void) {
        line(open)
        depth += 1
        body(&self)
        depth -= 1
        line(close)
    }

    /// Lines one level deeper (a `case` body).
    mutating func indented(_ body: (inout SwiftWriter) -> Void) {
        depth += 1
        body(&self)
        depth -= 1
    }

    /// Every line written, each ending in a newline (a writer that wrote nothing gives one empty line).
    var text: String { buffer.isEmpty ? "\n" : buffer }
}
