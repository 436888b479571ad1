import CharterBase

/// Checks that a `pattern` is an ECMA-262 regular expression, with the parser validation uses: what lint accepts
/// is what a validating server enforces.
package enum PatternSyntax {
    package static func problem(in pattern: String) -> String? {
        Pattern.syntaxError(in: pattern).map { "the pattern does not compile (\($0))" }
    }
}
