@testable import CharterGenerator
import Foundation
import Testing

/// The byte-level fast paths of naming and line writing (taken for the usual ASCII text) must give what the
/// `Character` walks they stand in front of give; names are remembered, so a name asked for twice, in two roles or
/// from several threads, must come back the same.
@Suite("names and lines")
struct NamingAndWritingTests {
    @Test func asciiAndUnicodeNamesFollowTheSameRules() {
        let expected: [(String, String)] = [
            ("user_id", "userID"), ("is-active", "isActive"), ("2fa", "_2fa"), ("URL", "url"),
            ("self", "selfValue"), ("default", "`default`"), ("$ref", "ref"), ("created_at2x", "createdAt2x"),
            ("ABC_def", "abcDef"), ("x-rate-limit", "xRateLimit"), ("", "value"), ("__", "value"),
            // Non-ASCII names take the Character walk: letters outside ASCII are still letters.
            ("größe", "größe"), ("naïve_value", "naïveValue"), ("été-2026", "été2026"),
        ]
        for (name, member) in expected {
            #expect(SwiftNames.memberName(name) == member, "\(name)")
        }
        #expect(SwiftNames.typeName("user_list") == "UserList")
        #expect(SwiftNames.typeName("größe_liste") == "GrößeListe")
        #expect(SwiftNames.typeName("html_page") == "HTMLPage")
    }

    @Test func aRememberedNameKeepsItsRole() {
        // The same spec name as a top-level and as a nested type name gives two different names; the cache must not
        // hand one the other's answer, whichever is asked first.
        #expect(SwiftNames.typeName("Error") == "ErrorResponse")
        #expect(SwiftNames.typeName("Error", nested: true) == "ErrorInfo")
        #expect(SwiftNames.typeName("Error") == "ErrorResponse")
        #expect(SwiftNames.memberName("Error") == "error")
    }

    @Test func namesAreTheSameFromManyThreads() async {
        let names = (0..<2_000).map { "field_\($0 % 300)_name\($0 % 7)" }
        let expected = names.map(SwiftNames.memberName)
        let results = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<8 { group.addTask { names.map(SwiftNames.memberName) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8 && results.allSatisfy { $0 == expected })
    }

    @Test func literalsEscapeOnlyWhatNeedsIt() {
        #expect(SwiftNames.literal("plain text") == "\"plain text\"")
        #expect(SwiftNames.literal("say \"hi\"\\n") == #""say \"hi\"\\n""#)
        #expect(SwiftNames.literal("tab\there\nline\u{1}") == #""tab\there\nline\u{1}""#)
        #expect(SwiftNames.literal("café ✓") == "\"café ✓\"")
    }

    @Test func linesSplitWhereCharactersWould() {
        var w = SwiftWriter()
        w.depth = 1
        w.line("a\nb\n\nc")
        // `\r\n` is one Character, so text holding one stays one line, as it always did.
        w.line("x\r\ny")
        w.doc("first\nsecond\u{2028}third\r\nfourth  ")
        w.doc("ascii only\n\nafter a blank")
        #expect(w.text == "    a\n    b\n\n    c\n    x\r\ny\n"
            + "    /// first\n    /// second\n    /// third\n    /// fourth\n"
            + "    /// ascii only\n    ///\n    /// after a blank\n")
        #expect(SwiftWriter().text == "\n")
    }
}
