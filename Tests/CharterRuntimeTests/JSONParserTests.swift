import CharterRuntime
import CharterTestSupport
import Testing

@Suite("Runtime JSON parser")
struct JSONParserTests {
    func error(_ text: String) -> JSONSyntaxError? {
        do {
            _ = try JSONParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func hostileBodiesAreErrorsNotCrashes() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(error(deep)?.message == "nesting is deeper than 128 levels")
        #expect(error(#"{"a": 1, "a": 2}"#)?.message == "duplicate key 'a'")
        #expect(error("[NaN]")?.message == "unexpected 'N', expected a value")
        #expect(error("[Infinity]") != nil)
        #expect(error("[01]")?.message == "numbers must not have leading zeros")
        #expect(error("{\"a\":1,}")?.message == "trailing comma before '}'")
        let invalidUTF8 = (try? JSONParser.parse([0x22, 0xC3, 0x28, 0x22]))
        #expect(invalidUTF8 == nil)
        #expect(error("\"\\ud800\"")?.message == "unpaired UTF-16 surrogate in \\u escape")
    }

    /// Leading fraction zeros keep the digits-so-far small while their count passes the exact powers of ten
    /// (a body like this once trapped the server on an out-of-range table index).
    @Test func longFractionsOfSmallNumbersAreRead() throws {
        let text = "[0.000000000000000000000000000012, -0.0000000000000000000000000000000000000000000001, 0.5000000000000000000000000]"
        guard case .array(let a) = try JSONParser.parse(text), a.count == 3,
              case .number(let small) = a[0], case .number(let tiny) = a[1], case .number(let half) = a[2] else {
            Issue.record("not three numbers")
            return
        }
        #expect(small.double == 1.2e-29 && tiny.double == -1e-46 && half.double == 0.5)
        let tape = try JSONTape(parsing: Array(text.utf8))
        #expect(tape.value == .array(a))
    }

    @Test func numbersKeepPrecision() throws {
        guard case .array(let a) = try JSONParser.parse("[9223372036854775807, -9223372036854775808, 9223372036854775808, 0.1, 1e400, 1.0]") else {
            Issue.record("not an array")
            return
        }
        guard case .number(let max) = a[0], case .number(let min) = a[1], case .number(let big) = a[2],
              case .number(let tenth) = a[3], case .number(let huge) = a[4], case .number(let one) = a[5] else {
            Issue.record("not numbers")
            return
        }
        #expect(max.integer == Int64.max && min.integer == Int64.min)
        #expect(big.integer == nil && big.literal == "9223372036854775808")
        #expect(tenth.literal == "0.1")
        #expect(huge.double == .infinity && huge.literal == "1e400")
        #expect(one.isIntegral && one == JSONNumber(1))
    }

    @Test func errorsCarryLineAndColumn() {
        let e = error("{\n  \"a\": tru\n}")
        #expect(e?.line == 2 && e?.column == 8)
    }

    @Test func encodingRoundTrips() throws {
        let text = #"{"a":[1,2.5,"x\"y\n",true,null],"é":{}}"#
        #expect(try JSONParser.parse(text).jsonText == text)
    }

    @Test func longStringsStopAtEveryKindOfSpecialByte() throws {
        // The scanner reads eight bytes at a time; put each special byte at every offset of a word.
        for offset in 0..<17 {
            let prefix = String(repeating: "a", count: offset)
            #expect(try JSONParser.parse("\"\(prefix)\\n\(prefix)\"") == .string(prefix + "\n" + prefix))
            #expect(try JSONParser.parse("\"\(prefix)é\(prefix)\"") == .string(prefix + "é" + prefix))
            #expect(error("\"\(prefix)\u{01}\(prefix)\"")?.message == "control character in a string; it must be escaped")
            #expect(error("\"\(prefix)\(prefix)")?.message == "unterminated string")
            #expect(try JSONParser.parse("[\"\(prefix)\", \"x\"]") == .array([.string(prefix), "x"]))
        }
        let invalid: [UInt8] = [0x22] + Array("abcdefghijk".utf8) + [0xFF, 0x22]
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(invalid) }
    }

    @Test func duplicateKeysAreFoundWhateverTheirSpellingOrPosition() {
        // Keys are compared by what they spell: an escaped key repeats its plain twin.
        #expect(error(#"{"a": 1, "\u0061": 2}"#)?.message == "duplicate key 'a'")
        #expect(error(#"{"\u00e9t\u00e9": 1, "été": 2}"#)?.message == "duplicate key 'été'")
        // Every pair of positions in small and large objects (the summary filter and the key set).
        for size in [2, 7, 16, 17, 40] {
            let keys = (0..<size).map { "key\($0)" }
            for i in 0..<size {
                for j in [0, i / 2, size - 1] where j != i {
                    var members = keys.map { "\"\($0)\": 1" }
                    members[i] = "\"\(keys[j])\": 2"
                    #expect(error("{" + members.joined(separator: ",") + "}")?.message == "duplicate key '\(keys[j])'")
                }
            }
            #expect(error("{" + keys.map { "\"\($0)\": 1" }.joined(separator: ",") + "}") == nil)
        }
        // Nested objects keep their own keys: the same key in parent and child is fine.
        #expect(error(#"{"a": {"a": {"a": 1}, "b": 2}, "b": {"a": 1}}"#) == nil)
    }

    @Test func decimalsParseToTheSameDoubleAsStrtod() throws {
        // The fast path (exact integer ÷ power of ten) must agree with the full conversion everywhere it applies.
        var generator = SystemRandomNumberGenerator()
        var literals = ["0.1", "1249.50", "-0.000001", "9007199254740.991", "123456789012345", "0.30000000000000004", "1.7976931348623157", "5e-324"]
        for _ in 0..<20_000 {
            let whole = UInt64.random(in: 0...999_999_999, using: &generator)
            let digits = Int.random(in: 1...8, using: &generator)
            let fraction = String(UInt64.random(in: 0...99_999_999, using: &generator)).prefix(digits)
            literals.append("\(Bool.random(using: &generator) ? "-" : "")\(whole).\(fraction)")
        }
        for text in literals {
            guard case .number(let n) = try JSONParser.parse(text) else {
                Issue.record("\(text) is not a number")
                continue
            }
            #expect(n.double == Double(text), "\(text)")
        }
    }

    @Test func duplicatesInLargeObjectsAreFoundAfterSummaryCollisions() {
        // Objects of 17–80 random keys (64-bit summaries collide often at that size), one key repeated at a
        // random later position: always a duplicate; without the repeat: never.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let count = Int.random(in: 17...80, using: &generator)
            var keys: [String] = []
            while keys.count < count {
                let key = String((0..<Int.random(in: 1...4, using: &generator)).map { _ in "abcdefgh".randomElement(using: &generator)! })
                if !keys.contains(key) { keys.append(key) }
            }
            let text = { (keys: [String]) in "{" + keys.map { "\"\($0)\": 0" }.joined(separator: ",") + "}" }
            #expect(error(text(keys)) == nil)
            var repeated = keys
            let original = Int.random(in: 0..<count - 1, using: &generator)
            repeated.insert(keys[original], at: Int.random(in: original + 1...count, using: &generator))
            #expect(error(text(repeated))?.message == "duplicate key '\(keys[original])'", "\(repeated)")
        }
    }
}
