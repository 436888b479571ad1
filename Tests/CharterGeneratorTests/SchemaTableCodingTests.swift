@testable import CharterGenerator
@_spi(Generated) import CharterRuntime
import CharterSpec
import CharterValidation
import Foundation
import CharterTestSupport
import Testing

/// The schema table generated code carries (JSON lines in string literals, `SchemaTableCoding`) decodes to the very
/// schemas `SpecValidator` compiles — read back from the emitted files' text as the Swift compiler reads the
/// literals — and a table that does not decode fails closed.
@Suite("Schema table coding")
struct SchemaTableCodingTests {
    /// The keywords in the emitted `SchemaTable<N>.swift` files: each literal's lines between its delimiters, less
    /// the closing delimiter's indentation (the emitter picks delimiters no line can end or escape early).
    static func decodeEmitted(_ files: [(name: String, body: String)]) throws -> [SchemaKeywords] {
        var chunks: [String] = []
        for file in files where file.name.hasPrefix("SchemaTable") {
            let lines = file.body.split(separator: "\n", omittingEmptySubsequences: false)
            let open = try #require(lines.firstIndex { $0.hasSuffix("\"\"\"") && $0.contains("static let table") })
            let close = try #require(lines.lastIndex { $0.hasPrefix("    \"\"\"#") })
            chunks.append(lines[(open + 1)..<close].map { $0.hasPrefix("    ") ? String($0.dropFirst(4)) : String($0) }.joined(separator: "\n"))
        }
        return SchemaTableCoding.decode(chunks)
    }

    /// Every schema of `set` through the emitter and back, compared by fingerprint.
    static func expectRoundTrip(_ set: SchemaSet, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let files = SchemaTableEmitter.files(set, access: "public", header: "", perFile: 7)
        let decoded = SchemaSet(try decodeEmitted(files))
        #expect(decoded.count == set.count, "\(name)", sourceLocation: sourceLocation)
        for i in 0..<min(decoded.count, set.count) where decoded[i].fingerprint != set[i].fingerprint {
            Issue.record("\(name) schema #\(i) differs:\n\(decoded[i].fingerprint)\n---\n\(set[i].fingerprint)", sourceLocation: sourceLocation)
            return
        }
    }

    @Test func theRepositorysSpecsRoundTrip() throws {
        let folder = TestPaths.packageRoot.appendingPathComponent("Specs")
        let specs = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }
        #expect(specs.count >= 8)
        for spec in specs.sorted() {
            let validator = try SpecValidator.load(path: folder.appendingPathComponent(spec).path)
            try Self.expectRoundTrip(validator.schemas, spec)
        }
    }

    /// The JSON Schema Test Suite's schemas use every keyword the table holds (dynamic references, dependent
    /// schemas, unevaluated items, bounds written as `1.0`, patterns with escapes).
    @Test(.enabled(if: TestPaths.sharedIsPresent, "../shared is absent"), arguments: ["draft2020-12", "draft4"])
    func everySuiteSchemaRoundTrips(_ draft: String) throws {
        let folder = TestPaths.shared.appendingPathComponent("json-schema-test-suite/\(draft)")
        let files = (FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []).filter { $0.hasSuffix(".json") }
        #expect(files.count > 30)
        var options = LoadOptions()
        options.urlMappings = [("http://localhost:1234/", TestPaths.shared.appendingPathComponent("json-schema-test-suite/remotes").path)]
        var sets = 0
        for file in files.sorted() {
            let groups = try #require(try JSONParser.parse(Array(try Data(contentsOf: folder.appendingPathComponent(file)))).arrayValue)
            for (g, group) in groups.enumerated() {
                let text = try #require(group["schema"]).jsonText
                let (document, _, _) = SpecLoader(options: options).loadSchema(bytes: Array(text.utf8), path: "\(file).schema.json",
                                                                                version: draft == "draft4" ? .v3_0 : .v3_1,
                                                                                dialect: draft == "draft4" ? .draft4 : nil)
                guard let document else { continue }
                try Self.expectRoundTrip(SpecValidator(document: document).schemas, "\(draft)/\(file) #\(g)")
                sets += 1
            }
        }
        #expect(sets > 150)
    }

    @Test func delimitersNoTextCanEndOrEscape() {
        #expect(SchemaTableEmitter.rawStringHashes("{\"pattern\":\"^a+$\"}") == 1)
        // JSON writes a backslash as `\\`: `\#(` in the spec becomes `\\#(`, which one `#` would interpolate.
        #expect(SchemaTableEmitter.rawStringHashes("{\"const\":\"say \\\\#(x)\"}") == 2)
        #expect(SchemaTableEmitter.rawStringHashes("{\"a\":\"\\\\##\"}") == 3)
        #expect(SchemaTableEmitter.rawStringHashes("[\"\"\"\"#") == 2)  // not JSON, but the rule holds for any text
    }

    /// The one-pass count agrees with the rule as written (the fewest `#` whose delimiters the text does not contain)
    /// on every text of up to seven characters from `"`, `\`, `#` and `a`, and on longer random ones.
    @Test func theOnePassCountIsTheRule() {
        func rule(_ text: String) -> Int {
            var n = 1
            while text.contains("\"\"\"" + String(repeating: "#", count: n)) || text.contains("\\" + String(repeating: "#", count: n)) { n += 1 }
            return n
        }
        let alphabet: [Character] = ["\"", "\\", "#", "a"]
        var texts = [""]
        var level = [""]
        for _ in 1...7 {
            level = level.flatMap { prefix in alphabet.map { prefix + String($0) } }
            texts += level
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            texts.append(String((0..<Int.random(in: 8...60, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? "a" }))
        }
        let wrong = texts.filter { SchemaTableEmitter.rawStringHashes($0) != rule($0) }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }

    @Test func strangeStringsSurviveTheLiteral() throws {
        var k = SchemaKeywords()
        k.enumValues = [.string(##"say \#(x) and """#"##), .string("tab\tnew\nline é 𝄞 \u{2028}"), .number(JSONNumber(literal: "1e400", double: .infinity, integer: nil))]
        k.constValue = .string(###"\##(y)"###)
        k.minimum = NumericBound(JSONNumber(literal: "1.50", double: 1.5, integer: nil), text: "1.50")
        k.maximum = NumericBound(JSONNumber(Int64(10)), text: "10.0")
        k.pattern = try Pattern(#"^\d+\.\d{2}$"#)
        k.xml = XMLNaming(name: "n", namespace: "urn:x", prefix: "p", nodeType: .attribute, wrapped: true)
        k.discriminator = SchemaKeywords.Discriminator(propertyName: "kind", mapping: [("a", 0)], defaultSchema: 0)
        k.dependentRequired = [("a", ["b", "c"])]
        k.items = .bool(false)
        k.additionalProperties = .schema(0)
        try Self.expectRoundTrip(SchemaSet([k]), "strange strings")
    }

    @Test func aDamagedTableRefusesEveryValueInsteadOfPassingIt() {
        let decoded = SchemaTableCoding.decode([#"[{"types":4},{"types":"object"},{"typo":1},{"pattern":"("}]"#, "not json", "[]"])
        #expect(decoded.count == 5)
        #expect(decoded[0].types == .object && decoded[0].booleanSchema == nil)
        for damaged in decoded.dropFirst() {
            #expect(damaged.booleanSchema == false)
            #expect(damaged.name?.contains("regenerate") == true)
        }
        let validator = Validator(schemas: SchemaSet(decoded))
        #expect(validator.validate(.object(JSONObject()), against: 0).isEmpty)
        #expect(validator.validate(.object(JSONObject()), against: 1).map(\.constraint) == ["false"])
    }
}
