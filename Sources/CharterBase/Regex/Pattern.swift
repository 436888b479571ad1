/// A JSON Schema `pattern`: an ECMA-262 regular expression.
///
/// Patterns come from specs and inputs come from anyone, so matching must never take unbounded time
/// (`^(a+)+$` against 50k characters). Charter compiles a pattern to an NFA and simulates it (Pike VM, with a
/// DFA cache): time is O(pattern size × input length) whatever the input. Patterns that need backtracking
/// (lookahead, lookbehind, backreferences) run on `PatternBacktracker` under a step budget; a value whose check
/// exhausts the budget is `undecided`, which validation treats as not matching (the value is refused).
public final class Pattern: Sendable, CustomStringConvertible {
    /// The pattern as written.
    public let source: String
    let program: PatternProgram?
    let dfa: PatternDFA?
    let backtracker: PatternBacktracker?
    /// The parsed pattern, kept for drawing strings that match it (`sample`).
    let ast: PatternNode

    /// Compiles an ECMA-262 pattern; throws for syntax Charter cannot run (located in `source`).
    public init(_ source: String) throws(PatternError) {
        self.source = source
        var parser = PatternParser(source)
        let ast = try parser.parse()
        self.ast = ast
        if ast.needsBacktracking {
            backtracker = PatternBacktracker(ast)
            program = nil
            dfa = nil
        } else {
            let compiled = try PatternCompiler.compile(ast)
            program = compiled
            dfa = PatternDFA(compiled)
            backtracker = nil
        }
    }

    /// What a search for the pattern in a string found.
    public enum Outcome: Sendable {
        case match, noMatch
        /// The backtracking search ran out of its step budget before deciding.
        case undecided
    }

    /// Whether the pattern matches anywhere in `text` (JSON Schema semantics: patterns are not anchored);
    /// an undecided search counts as no match.
    public func matches(_ text: String) -> Bool {
        outcome(text) == .match
    }

    /// Whether the pattern matches anywhere in the UTF-8 `bytes` of a string; an undecided search counts as no match.
    public func matches(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        outcome(utf8: bytes) == .match
    }

    /// Whether `text` contains a match (`pattern` is unanchored), or `undecided` when the step budget ran out.
    public func outcome(_ text: String) -> Outcome {
        if let backtracker { return Self.outcome(backtracker.search(Array(text.unicodeScalars))) }
        if let dfa, let result = dfa.search(text) { return result ? .match : .noMatch }
        return (program?.search(text) ?? false) ? .match : .noMatch
    }

    /// As `outcome(_:)`, over UTF-8 bytes.
    public func outcome(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        if let backtracker { return Self.outcome(backtracker.search(Array(String(decoding: bytes, as: UTF8.self).unicodeScalars))) }
        if let dfa, let result = dfa.search(bytes) { return result ? .match : .noMatch }
        return (program?.search(String(decoding: bytes, as: UTF8.self)) ?? false) ? .match : .noMatch
    }

    private static func outcome(_ found: Bool?) -> Outcome {
        switch found {
        case true?: .match
        case false?: .noMatch
        case nil: .undecided
        }
    }

    public var description: String { source }

    /// The syntax error in `source`, if it is not an ECMA-262 pattern (a valid one Charter cannot run in bounded
    /// time is not a syntax error). Lint and the `regex` format ask this, so they judge as validation does.
    package static func syntaxError(in source: String) -> PatternError? {
        var parser = PatternParser(source)
        do {
            _ = try parser.parse()
            return nil
        } catch {
            if case .syntax = error { return error }
            return nil
        }
    }
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
