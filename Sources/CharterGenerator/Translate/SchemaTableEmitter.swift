@_spi(Generated) import CharterRuntime

/// Writes a compiled `SchemaSet` back out for generated code, so it validates with the same engine and the same
/// compiled schemas as `SpecValidator` (one mechanism, no second validator). The table is data — one JSON line per
/// schema in a string literal, decoded by `SchemaTableCoding` when the validator is first used — because as Swift
/// statements it was a third of a large spec's generated lines and a tenth of its compile time.
enum SchemaTableEmitter {
    /// The schema table as files: `Schemas.swift` declares the namespace and the set; the table's lines go into
    /// `SchemaTable<N>.swift` files of `perFile` schemas each (large specs have tens of thousands).
    static func files(_ set: SchemaSet, access: String, header: String, perFile: Int = 1_000) -> [(name: String, body: String)] {
        let chunks = stride(from: 0, to: set.count, by: perFile).map { $0..<min($0 + perFile, set.count) }
        var main: [String] = []
        main.append("/// The spec's schemas, compiled for validation (the same tables `SpecValidator` builds from the spec).")
        main.append("\(access) enum APISchemas {")
        main.append("    \(access) static let set = SchemaSet(keywords())")
        main.append("    \(access) static let validator = Validator(schemas: set)")
        main.append("")
        main.append("    static func keywords() -> [SchemaKeywords] {")
        main.append("        SchemaTableCoding.decode([" + chunks.indices.map { "table\($0 + 1)" }.joined(separator: ", ") + "])")
        main.append("    }")
        main.append("}")
        var files = [(name: "Schemas.swift", body: header + main.joined(separator: "\n") + "\n")]
        for (n, chunk) in chunks.enumerated() {
            let rows = chunk.map { "    " + SchemaTableCoding.line(set[$0]) }
            let body = "    [\n" + rows.joined(separator: ",\n") + "\n    ]"
            let hashes = String(repeating: "#", count: rawStringHashes(body))
            let lines = [
                "extension APISchemas {",
                "    /// Schemas #\(chunk.lowerBound)–#\(chunk.upperBound - 1), one per line (see `SchemaTableCoding`).",
                "    static let table\(n + 1) = \(hashes)\"\"\"",
                body,
                "    \"\"\"\(hashes)",
                "}",
            ]
            files.append((name: "SchemaTable\(n + 1).swift", body: header + lines.joined(separator: "\n") + "\n"))
        }
        return files
    }

    /// How many `#` a raw multi-line string literal holding `text` needs: the fewest for which neither its end
    /// (`"""#`) nor an escape or interpolation (`\#`) appears in the text. JSON escapes backslashes as `\\`, so a
    /// string in the spec containing `\#(` would otherwise interpolate. Worked out in one pass over the bytes: one more
    /// than the longest run of `#` right after `"""` or `\` (a run of k holds the delimiters of every count up to k);
    /// Foundation's substring search, once per count, was a twentieth of Stripe's generation.
    static func rawStringHashes(_ text: String) -> Int {
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), hash = UInt8(ascii: "#")
        var longest = 0
        var quotes = 0  // consecutive `"` just before this byte
        var run = -1  // the `#` run being counted, when it follows an opener
        var opened = false  // the byte before was `\` or the third of `"""`
        for byte in text.utf8 {
            if byte == hash {
                if opened { run = 0; opened = false }
                if run >= 0 { run += 1; longest = max(longest, run) }
                quotes = 0
                continue
            }
            run = -1
            if byte == quote {
                quotes += 1
                opened = quotes >= 3
            } else {
                quotes = 0
                opened = byte == backslash
            }
        }
        return longest + 1
    }
}
