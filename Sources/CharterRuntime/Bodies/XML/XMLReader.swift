/// A small, strict XML 1.0 reader for request and response bodies: elements, attributes, text, CDATA, the five
/// predefined entities and character references; comments and processing instructions skipped. A document type
/// declaration is refused (entity expansion is how XML bodies attack servers), and nesting is bounded, so a body
/// costs time and memory in proportion to its size.
struct XMLReader {
    /// An element with its local name (any `prefix:` dropped: namespaces are written, not checked).
    struct Element: Equatable {
        var name: String
        var attributes: [(name: String, value: String)] = []
        var children: [Element] = []
        /// The text and CDATA directly inside, concatenated.
        var text = ""

        static func == (a: Element, b: Element) -> Bool {
            a.name == b.name && a.text == b.text && a.children == b.children
                && a.attributes.map(\.name) == b.attributes.map(\.name) && a.attributes.map(\.value) == b.attributes.map(\.value)
        }

        /// The value of the attribute named `name` (local name).
        func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
    }

    /// Why a document could not be read, and where.
    struct Failure: Error, Equatable {
        var message: String
        var line: Int
        var column: Int
    }

    static let maxDepth = 64

    private let bytes: [UInt8]
    private var i = 0

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The root element of `text`.
    static func parse(_ text: String) throws(Failure) -> Element {
        var reader = XMLReader(Array(text.utf8))
        return try reader.document()
    }

    private mutating func document() throws(Failure) -> Element {
        try misc()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "<") else { throw failure("Expected the root element") }
        let root = try element(depth: 1)
        try misc()
        guard i == bytes.count else { throw failure("Content after the root element") }
        return root
    }

    /// Whitespace, comments and processing instructions (the XML declaration among them) between markup.
    private mutating func misc() throws(Failure) {
        while true {
            skipSpace()
            if starts("<?") {
                try skip(past: "?>", what: "processing instruction")
            } else if starts("<!--") {
                try skip(past: "-->", what: "comment")
            } else if starts("<!DOCTYPE") || starts("<!doctype") {
                throw failure("A document type declaration is not accepted")
            } else {
                return
            }
        }
    }

    private mutating func element(depth: Int) throws(Failure) -> Element {
        guard depth <= Self.maxDepth else { throw failure("Elements nested deeper than \(Self.maxDepth)") }
        i += 1 // <
        let qualified = try name()
        var result = Element(name: Self.local(qualified))
        while true {
            skipSpace()
            guard i < bytes.count else { throw failure("Unclosed start tag <\(qualified)>") }
            if bytes[i] == UInt8(ascii: "/") {
                guard i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: ">") else { throw failure("Expected '>' after '/'") }
                i += 2
                return result
            }
            if bytes[i] == UInt8(ascii: ">") {
                i += 1
                break
            }
            let attribute = try name()
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else { throw failure("Expected '=' after attribute \(attribute)") }
            i += 1
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else {
                throw failure("Attribute \(attribute) needs a quoted value")
            }
            let quote = bytes[i]
            i += 1
            let value = try characters(until: quote)
            i += 1
            // Namespace declarations are not data.
            if attribute != "xmlns", !attribute.hasPrefix("xmlns:") { result.attributes.append((Self.local(attribute), value)) }
        }
        // Content.
        while true {
            guard i < bytes.count else { throw failure("Element <\(qualified)> is not closed") }
            if starts("</") {
                i += 2
                let closing = try name()
                guard closing == qualified else { throw failure("Expected </\(qualified)>, found </\(closing)>") }
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ">") else { throw failure("Expected '>' to close </\(closing)") }
                i += 1
                return result
            } else if starts("<!--") {
                try skip(past: "-->", what: "comment")
            } else if starts("<![CDATA[") {
                i += 9
                let start = i
                try skip(past: "]]>", what: "CDATA section")
                result.text += String(decoding: bytes[start..<(i - 3)], as: UTF8.self)
            } else if starts("<?") {
                try skip(past: "?>", what: "processing instruction")
            } else if bytes[i] == UInt8(ascii: "<") {
                result.children.append(try element(depth: depth + 1))
            } else {
                result.text += try characters(until: UInt8(ascii: "<"))
            }
        }
    }

    /// Character data up to `end` (not consumed), references replaced.
    private mutating func characters(until end: UInt8) throws(Failure) -> String {
        var out: [UInt8] = []
        while i < bytes.count, bytes[i] != end {
            let byte = bytes[i]
            if byte == UInt8(ascii: "&") {
                out += try reference()
            } else if byte == UInt8(ascii: "<") {
                throw failure("'<' is not allowed in an attribute value")
            } else {
                out.append(byte)
                i += 1
            }
        }
        guard i < bytes.count else { throw failure(end == UInt8(ascii: "<") ? "Unexpected end of document" : "Unclosed attribute value") }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func reference() throws(Failure) -> [UInt8] {
        let start = i
        i += 1
        while i < bytes.count, bytes[i] != UInt8(ascii: ";"), i - start < 12 { i += 1 }
        guard i < bytes.count, bytes[i] == UInt8(ascii: ";") else { i = start; throw failure("Unterminated entity reference") }
        let body = String(decoding: bytes[(start + 1)..<i], as: UTF8.self)
        i += 1
        switch body {
        case "lt": return [UInt8(ascii: "<")]
        case "gt": return [UInt8(ascii: ">")]
        case "amp": return [UInt8(ascii: "&")]
        case "quot": return [UInt8(ascii: "\"")]
        case "apos": return [UInt8(ascii: "'")]
        default:
            var code: UInt32?
            if body.hasPrefix("#x") { code = UInt32(body.dropFirst(2), radix: 16) } else if body.hasPrefix("#") { code = UInt32(body.dropFirst(), radix: 10) }
            guard let code, code != 0, let scalar = Unicode.Scalar(code) else { i = start; throw failure("Unknown entity &\(body);") }
            return Array(String(Character(scalar)).utf8)
        }
    }

    private mutating func name() throws(Failure) -> String {
        let start = i
        while i < bytes.count {
            let b = bytes[i]
            let isNameByte = b >= 0x80 || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
                || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "_") || b == UInt8(ascii: ":")
                || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
            guard isNameByte else { break }
            i += 1
        }
        guard i > start else { throw failure("Expected a name") }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    private static func local(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
    }

    private func starts(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard i + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { buffer in
            for k in 0..<count where bytes[i + k] != buffer[k] { return false }
            return true
        }
    }

    private mutating func skip(past terminator: StaticString, what: String) throws(Failure) {
        let count = terminator.utf8CodeUnitCount
        while i + count <= bytes.count {
            if starts(terminator) {
                i += count
                return
            }
            i += 1
        }
        throw failure("Unclosed \(what)")
    }

    private func failure(_ message: String) -> Failure {
        var line = 1
        var column = 1
        for b in bytes[..<min(i, bytes.count)] {
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        return Failure(message: message, line: line, column: column)
    }
}
