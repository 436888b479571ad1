/// Lines of Swift with indentation and doc comments: the low-level half of the renderers.
struct SwiftWriter {
    private(set) var lines: [String] = []
    var depth = 0

    mutating func line(_ text: String) {
        // Multi-line text (a pre-rendered expression) is indented as a block.
        for part in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(part.isEmpty ? "" : String(repeating: "    ", count: depth) + part)
        }
    }

    mutating func blank() { lines.append("") }

    mutating func doc(_ text: String?) {
        guard let text, !text.isEmpty else { return }
        // Any line break (\n, \r\n, \r, U+2028 …) starts a new comment line.
        for l in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let trimmed = l.trimmingTrailingSpaces()
            line(trimmed.isEmpty ? "///" : "/// " + trimmed)
        }
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

    var text: String { lines.joined(separator: "\n") + "\n" }
}
