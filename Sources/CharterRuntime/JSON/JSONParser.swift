/// Limits for parsing untrusted JSON.
public struct JSONParseLimits: Sendable {
    /// Deepest nesting of arrays and objects (deeper input is an error, never a stack overflow).
    public var maxDepth: Int = 128
    /// Longest string, in bytes.
    public var maxStringLength: Int = 8 << 20

    /// Limits allowing `maxDepth` levels of nesting.
    public init(maxDepth: Int = 128) {
        self.maxDepth = maxDepth
    }
}

/// Why a body is not valid JSON, and where (byte offset, 1-based line and column).
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// The byte offset in the input.
    public var offset: Int
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, in Unicode scalars.
    public var column: Int

    public var description: String { "\(message) at line \(line), column \(column)" }
}

/// Parsing JSON into a `JSONValue`: RFC 8259 strict (no trailing commas, comments, NaN, or invalid UTF-8),
/// duplicate keys rejected (two parsers reading one body differently is a security bug), depth bounded.
/// The work is done by `JSONTape`; this builds the value tree from it.
public enum JSONParser {
    /// Parses UTF-8 `bytes`.
    public static func parse(_ bytes: some Collection<UInt8>, limits: JSONParseLimits = JSONParseLimits()) throws(JSONSyntaxError) -> JSONValue {
        try JSONTape(parsing: Array(bytes), limits: limits).value
    }

    /// Parses `text`.
    public static func parse(_ text: String, limits: JSONParseLimits = JSONParseLimits()) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8), limits: limits)
    }
}

/// Where a tape parse is, in the terms its errors use: the shared scalar grammar (`JSONScanner`, in
/// CharterBase with the spec reader) plus line and column for messages.
struct Parser {
    var scanner: JSONScanner
    let limits: JSONParseLimits

    init(bytes: UnsafeBufferPointer<UInt8>, limits: JSONParseLimits) {
        scanner = JSONScanner(bytes: bytes)
        self.limits = limits
    }

    var bytes: UnsafeBufferPointer<UInt8> { scanner.bytes }

    func error(_ message: String, at offset: Int) -> JSONSyntaxError {
        let at = min(offset, bytes.count)
        var line = 1, column = 1
        for i in 0..<at {
            if bytes[i] == 10 { line += 1; column = 1 } else if bytes[i] & 0xC0 != 0x80 { column += 1 }
        }
        return JSONSyntaxError(message: message, offset: at, line: line, column: column)
    }

    func error(_ lex: JSONLexError) -> JSONSyntaxError { error(lex.message, at: lex.offset) }
}
