/// Text bodies and parts in the charset their Content-Type names: UTF-8 (the default, and what JSON and forms
/// always are), US-ASCII, and ISO-8859-1 / Windows-1252's Latin-1 range. Other charsets are refused by name rather
/// than guessed at.
enum TextCharset {
    /// The decoded text, or why it could not be decoded.
    static func decode(_ bytes: [UInt8], contentType: String?) -> (string: String?, problem: String?) {
        let charset = contentType.flatMap { HeaderParameters.parse($0)["charset"] }?.lowercased() ?? "utf-8"
        switch charset {
        case "utf-8", "utf8":
            var body = bytes[...]
            if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) } // a byte-order mark is not text
            if let text = String(validating: body, as: UTF8.self) { return (text, nil) }
            return (nil, "Not valid UTF-8")
        case "us-ascii", "ascii":
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return (nil, "Not valid US-ASCII") }
            return (String(decoding: bytes, as: UTF8.self), nil)
        case "iso-8859-1", "latin1", "iso_8859-1", "l1", "windows-1252", "cp1252":
            // Latin-1 bytes are the first 256 code points (Windows-1252 differs only in 0x80–0x9F, kept as C1 here).
            var text = ""
            text.unicodeScalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
            return (text, nil)
        default:
            return (nil, "Charset '\(charset)' is not supported; send UTF-8")
        }
    }
}
