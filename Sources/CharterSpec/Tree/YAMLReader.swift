import CYAML

/// Reads YAML through libyaml's event API into a `SpecTree`.
enum YAMLReader {
    /// `inParts`: a large file is first tried in parts on several cores (`YAMLPartsReader`), which gives the same
    /// tree or declines.
    static func read(_ bytes: [UInt8], path: String, limits: TreeLimits, inParts: Bool = true) throws -> (SpecTree, [Diagnostic]) {
        if inParts, let tree = YAMLPartsReader.read(bytes, path: path, limits: limits) { return (tree, []) }
        var builder = TreeBuilder(path: path, limits: limits, capacityHint: bytes.count / 20)
        // libyaml wants a non-null pointer even for empty input.
        let empty: [UInt8] = [0]
        try bytes.withUnsafeBufferPointer { buffer in
            try empty.withUnsafeBufferPointer { fallback in
                _ = try parse(buffer.baseAddress.map { _ in buffer } ?? UnsafeBufferPointer(start: fallback.baseAddress, count: 0), into: &builder, path: path)
            }
        }
        return (builder.finish(), builder.diagnostics)
    }

    /// One part of a file (whole lines, starting at a line's start) read on its own; `nil` when libyaml refused it
    /// or the parser could not be set up (the caller then reads the whole file the ordinary way).
    static func readPart(_ bytes: UnsafeBufferPointer<UInt8>, path: String, limits: TreeLimits) -> TreePart? {
        guard bytes.count > 0 else { return nil }
        var builder = TreeBuilder(path: path, limits: limits, capacityHint: bytes.count / 20)
        guard let lines = try? parse(bytes, into: &builder, path: path) else { return nil }
        return builder.part(lines: lines)
    }

    /// `bytes` (with a non-null base address) through a libyaml parser of its own into `builder`; the number of line
    /// breaks libyaml counted.
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, into builder: inout TreeBuilder, path: String) throws -> Int {
        var parser = yaml_parser_t()
        guard let base = bytes.baseAddress, yaml_parser_initialize(&parser) != 0 else {
            throw TreeError(diagnostic: Diagnostic(.error, "could not initialise the YAML parser", at: SourceLocation(file: path, line: 1, column: 1)))
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, base, bytes.count)
        return try runEvents(&parser, &builder, bytes: bytes, path: path)
    }

    /// Feeds libyaml's events to `builder`; returns the number of line breaks libyaml counted (the stream's end).
    private static func runEvents(_ parser: inout yaml_parser_t, _ builder: inout TreeBuilder,
                                  bytes: UnsafeBufferPointer<UInt8>, path: String) throws -> Int {
        var event = yaml_event_t()
        var documents = 0
        while true {
            guard yaml_parser_parse(&parser, &event) != 0 else {
                throw TreeError(diagnostic: parserError(parser, bytes: bytes, path: path))
            }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1
            let column = Int(event.start_mark.column) + 1
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return Int(event.start_mark.line)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw TreeError(diagnostic: Diagnostic(.error, "the file holds more than one YAML document; a spec must be a single document", at: builder.location(line, column)))
                }
            case YAML_SCALAR_EVENT:
                let s = event.data.scalar
                let value = UnsafeBufferPointer(start: s.value, count: s.length)
                let type: ScalarType
                if let tag = s.tag {
                    type = taggedType(String(cString: tag), value: value)
                } else if s.style == YAML_PLAIN_SCALAR_STYLE {
                    type = ScalarResolution.resolvePlain(value)
                } else {
                    type = .string
                }
                try builder.scalar(bytes: value, type: type, line: line, column: column, anchor: s.anchor.map { String(cString: $0) })
            case YAML_SEQUENCE_START_EVENT:
                try builder.begin(.sequence, line: line, column: column, anchor: event.data.sequence_start.anchor.map { String(cString: $0) })
            case YAML_MAPPING_START_EVENT:
                try builder.begin(.mapping, line: line, column: column, anchor: event.data.mapping_start.anchor.map { String(cString: $0) })
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                try builder.end()
            case YAML_ALIAS_EVENT:
                try builder.alias(String(cString: event.data.alias.anchor), line: line, column: column)
            default:
                break
            }
        }
    }

    /// Explicit core-schema tags (`!!str 1`, `!!int "3"`); other tags leave the scalar a string.
    private static func taggedType(_ tag: String, value: UnsafeBufferPointer<UInt8>) -> ScalarType {
        switch tag {
        case "tag:yaml.org,2002:null": return .null
        case "tag:yaml.org,2002:bool": return .bool
        case "tag:yaml.org,2002:int": return ScalarResolution.resolvePlain(value) == .integer ? .integer : .string
        case "tag:yaml.org,2002:float":
            let t = ScalarResolution.resolvePlain(value)
            return t == .integer || t == .float ? .float : .string
        default: return .string
        }
    }

    private static func parserError(_ parser: yaml_parser_t, bytes: UnsafeBufferPointer<UInt8>, path: String) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        if parser.error == YAML_READER_ERROR {
            // Reader errors (invalid UTF-8, control characters) carry only a byte offset.
            // libyaml points at the offending trailing octet; report the start of the broken sequence.
            var offset = min(parser.problem_offset, bytes.count)
            var back = 0
            while back < 3, offset > 0, offset - 1 < bytes.count, bytes[offset - 1] >= 0x80,
                  offset >= bytes.count || bytes[offset] & 0xC0 != 0xC0 {
                offset -= 1
                back += 1
                if bytes[offset] >= 0xC0 { break }
            }
            let (line, column) = TextPosition.lineAndColumn(ofByte: offset, in: bytes)
            var message = problem
            if problem.contains("UTF-8") || problem.contains("octet") {
                message = "invalid UTF-8: \(problem)"
            } else if parser.problem_value >= 0 {
                message += " (#\(String(parser.problem_value, radix: 16, uppercase: true)))"
            }
            return Diagnostic(.error, message, at: SourceLocation(file: path, line: line, column: column))
        }
        var message = "YAML syntax error: \(problem)"
        if let context = parser.context.map({ String(cString: $0) }) {
            message += " (\(context) started at line \(parser.context_mark.line + 1), column \(parser.context_mark.column + 1))"
        }
        if problem.contains("tab") || problem.contains("cannot start any token"), let b = byte(at: parser.problem_mark.index, in: bytes), b == 9 {
            message += "; YAML does not allow tabs for indentation"
        }
        return Diagnostic(.error, message, at: SourceLocation(file: path, line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1))
    }

    private static func byte(at characterIndex: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
        // libyaml's mark.index counts characters; for an ASCII prefix it equals the byte offset.
        characterIndex < bytes.count ? bytes[characterIndex] : nil
    }
}

/// Converting byte offsets to 1-based line and column (columns in Unicode scalars).
enum TextPosition {
    static func lineAndColumn(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var line = 1
        var column = 1
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            let b = bytes[i]
            if b == 10 {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return (line, column)
    }
}
