/// JSON written inside a string of the spec — OpenAPI 3.2's `serializedValue` of an example for a JSON media type —
/// read as a located tree of its own, so the example's data can be checked and served like any other.
enum EmbeddedJSON {
    /// The value `text` holds, its nodes placed where the string stands (`origin`): line 1 of the text is the
    /// string's line, its columns shifted to the string's column. Nil and a located diagnostic when it is not JSON.
    static func read(_ text: String, at origin: SourceLocation, limits: TreeLimits = TreeLimits()) -> (node: Node?, problem: Diagnostic?) {
        let read: SpecTree
        do {
            (read, _) = try JSONReader.read(Array(text.utf8), path: origin.file, limits: limits)
        } catch let error as TreeError {
            let at = error.diagnostic.location.map { shifted(line: $0.line, column: $0.column, from: origin) } ?? origin
            return (nil, Diagnostic(.error, error.diagnostic.message, at: at))
        } catch {
            return (nil, Diagnostic(.error, "\(error)", at: origin))
        }
        let records = read.records.map { record in
            var moved = record
            let place = shifted(line: Int(record.line), column: Int(record.column), from: origin)
            moved.line = Int32(clamping: place.line)
            moved.column = Int32(clamping: place.column)
            return moved
        }
        let tree = SpecTree(path: origin.file, records: records, children: read.children, text: read.text, root: read.rootID)
        return (tree.root, nil)
    }

    private static func shifted(line: Int, column: Int, from origin: SourceLocation) -> SourceLocation {
        SourceLocation(file: origin.file, line: origin.line + line - 1, column: line == 1 ? origin.column + column - 1 : column)
    }
}
