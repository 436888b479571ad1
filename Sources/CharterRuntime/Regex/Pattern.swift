/// A JSON Schema `pattern`: an ECMA-262 regular expression matched in linear time.
///
/// Patterns come from specs and inputs come from anyone, so matching must never backtrack exponentially
/// (`^(a+)+$` against 50k characters). Charter compiles the pattern to an NFA and simulates it (Pike VM):
/// time is O(pattern size × input length) whatever the input. Features that need backtracking
/// (backreferences, lookaround) are refused at compile time with `PatternError.unsupported`.
public final class Pattern: Sendable, CustomStringConvertible {
    public let source: String
    let program: PatternProgram
    let dfa: PatternDFA?

    public init(_ source: String) throws(PatternError) {
        self.source = source
        var parser = PatternParser(source)
        let ast = try parser.parse()
        program = try PatternCompiler.compile(ast)
        dfa = PatternDFA(program)
    }

    /// Whether the pattern matches anywhere in `text` (JSON Schema semantics: patterns are not anchored).
    public func matches(_ text: String) -> Bool {
        if let dfa, let result = dfa.search(text) { return result }
        return program.search(text)
    }

    /// Whether the pattern matches anywhere in the UTF-8 `bytes` of a string.
    public func matches(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let dfa, let result = dfa.search(bytes) { return result }
        return program.search(String(decoding: bytes, as: UTF8.self))
    }

    public var description: String { source }
}

/// Why a pattern cannot be used.
public enum PatternError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The pattern is not valid ECMA-262 syntax.
    case syntax(String, offset: Int)
    /// Valid, but needs backtracking (backreferences, lookahead, lookbehind) or is too large to run in bounded time.
    case unsupported(String)

    public var description: String {
        switch self {
        case .syntax(let message, let offset): "\(message) at offset \(offset)"
        case .unsupported(let message): message
        }
    }
}
