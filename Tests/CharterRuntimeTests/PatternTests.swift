import CharterRuntime
import CharterTestSupport
import Testing

@Suite("Linear-time patterns")
struct PatternTests {
    func matches(_ pattern: String, _ text: String) throws -> Bool {
        try Pattern(pattern).matches(text)
    }

    @Test func ecmaSyntaxMatchesAsJSONSchemaExpects() throws {
        #expect(try matches("^[a-z0-9-]+$", "churn-risk"))
        #expect(try !matches("^[a-z0-9-]+$", "Churn"))
        #expect(try matches("a", "cat")) // unanchored
        #expect(try matches(#"^\d{3}-\d{4}$"#, "555-1234"))
        #expect(try !matches(#"^\d{3}-\d{4}$"#, "555-12345"))
        #expect(try matches(#"^(0[1-9]|1[0-2])/[0-9]{2}$"#, "12/27"))
        #expect(try matches(#"^\+[1-9][0-9]{6,14}$"#, "+447700900123"))
        #expect(try matches(#"\bcat\b"#, "a cat sat"))
        #expect(try !matches(#"\bcat\b"#, "concatenate"))
        #expect(try matches(#"^\p{L}+$"#, "Ünïcødé"))
        #expect(try matches("^[^]$", "\n"))
        #expect(try !matches("^.$", "\n"))
        #expect(try matches(#"^\u{1F44D}$"#, "👍"))
        #expect(try matches(#"^\ud83d\udc4d$"#, "👍"))
        #expect(try matches("^(?:ab|cd)*(?<tail>e)?$", "abcdab"))
        #expect(try matches("^a{2,3}$", "aaa") && !matches("^a{2,3}$", "aaaa"))
        #expect(try matches("^[\\w.-]+$", "file_name.v2-final"))
        #expect(try matches("x{", "x{"))
    }

    @Test func catastrophicPatternsRunInLinearTime() throws {
        let evil = try Pattern("^(a+)+$")
        let input = String(repeating: "a", count: 50_000) + "!"
        #expect(!evil.matches(input))
        #expect(evil.matches(String(repeating: "a", count: 50_000)))
        #expect(try !Pattern("(x+x+)+y").matches(String(repeating: "x", count: 20_000)))
    }

    /// Lookaround and backreferences are enforced (real specs use them: "a slug that is not all digits").
    @Test func lookaroundAndBackreferencesAreEnforced() throws {
        let slug = try Pattern("^(?![0-9]+$)[a-z0-9_-]+$")
        #expect(slug.matches("team-42") && slug.matches("a1") && !slug.matches("12345") && !slug.matches("Team"))
        #expect(try matches(#"^(\w+)-\1$"#, "ab-ab") && !matches(#"^(\w+)-\1$"#, "ab-ba"))
        #expect(try matches(#"^(?<q>['"]).*\k<q>$"#, "'x'") && !matches(#"^(?<q>['"]).*\k<q>$"#, "'x\""))
        #expect(try matches("(?<=\\$)\\d+", "cost $42") && !matches("(?<=\\$)\\d+", "cost 42"))
        #expect(try matches("(?<!-)\\b\\d+$", "7") && !matches("(?<!-)\\b\\d+$", "-7"))
        #expect(try matches("^(?=.*[A-Z])(?=.*\\d).{8,}$", "Passw0rdX") && !matches("^(?=.*[A-Z])(?=.*\\d).{8,}$", "password1"))
        // A backreference to a group that has not matched matches the empty string (ECMA-262).
        #expect(try matches(#"^(?:(a)|b)\1$"#, "b"))
        // Long inputs stay within the budget when the repetition is of one character class.
        #expect(slug.matches(String(repeating: "a", count: 100_000)))
    }

    /// A pattern whose search explodes is stopped by the step budget: undecided, never a stall.
    @Test func aCatastrophicBacktrackingSearchStopsAtItsBudget() throws {
        let evil = try Pattern(#"^(?=(a+)+$)\w"#)
        let input = String(repeating: "a", count: 40) + "!"
        let clock = ContinuousClock()
        let started = clock.now
        #expect(evil.outcome(input) == .undecided)
        #expect(!evil.matches(input))
        #expect(clock.now - started < .seconds(5))
        #expect(evil.outcome("aaa") == .match)
    }

    @Test func invalidPatternsAreRefusedWithAReason() {
        for source in ["[a-", "(a", "*a", "((a{100}){100}){100}", #"(a)\2"#, #"\k<nope>(?<x>a)"#, "(?=a)*", "(?P<n>a)", "(?i)a"] {
            #expect(throws: PatternError.self, "\(source)") { try Pattern(source) }
        }
    }
}

@testable import CharterRuntime
@testable import CharterBase

@Suite("Pattern DFA agrees with the NFA")
struct PatternDFATests {
    @Test func dfaAndPikeVMGiveTheSameAnswers() throws {
        let patterns = ["^[a-z0-9-]+$", "ab|cd", "^(a|b)*c$", "x{2,4}y?", "^$", "a.c", #"^\d+(\.\d{1,2})?$"#, "[^abc]+z",
                        "^(0[1-9]|1[0-2])/[0-9]{2}$", "", "a*", "^a|b$", "(ab)+$", #"^[A-Z]{2}[0-9]{6,10}$"#]
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("abcxyz0129./-AZ\n")
        for source in patterns {
            let pattern = try Pattern(source)
            #expect(pattern.dfa != nil, "\(source)")
            for _ in 0..<400 {
                let text = String((0..<Int.random(in: 0...8, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
                #expect(pattern.matches(text) == pattern.program?.search(text), "\(source) on \(text.debugDescription)")
            }
        }
    }
}
