import Foundation

/// Checks that a `pattern` compiles.
///
/// Uses ICU (NSRegularExpression), whose syntax is close to ECMA-262 for the patterns specs use.
package enum PatternSyntax {
    package static func problem(in pattern: String) -> String? {
        do {
            _ = try NSRegularExpression(pattern: pattern)
            return nil
        } catch {
            return "the pattern does not compile"
        }
    }
}
