import Foundation

/// Checks that a `pattern` compiles.
///
/// Uses ICU (NSRegularExpression), whose syntax is close to ECMA-262 for the patterns specs use.
package enum PatternSyntax {
    package static func problem(in pattern: String) -> String? {
        // The empty expression matches every string (ICU refuses to build it, but ECMA-262 and JSON Schema accept it).
        if pattern.isEmpty { return nil }
        do {
            _ = try NSRegularExpression(pattern: pattern)
            return nil
        } catch {
            return "the pattern does not compile"
        }
    }
}
