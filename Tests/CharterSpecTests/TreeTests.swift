import CharterTestSupport
import Testing
@testable import CharterSpec

@Suite("Located tree")
struct TreeTests {
    @Test func everyNodeKnowsItsLineAndColumn() throws {
        let (tree, diagnostics) = parse("""
        openapi: 3.0.3
        info:
          title: "Ünïcode title"
          version: 1.0.0
        list:
          - a
          - {b: c}
        """)
        #expect(diagnostics.isEmpty)
        let root = try #require(tree?.root)
        #expect(root.location == SourceLocation(file: "test.yaml", line: 1, column: 1))
        let info = try #require(root["info"])
        #expect(info.location.line == 3 && info.location.column == 3)
        let title = try #require(info.entries.first)
        #expect(title.keyNode.location.line == 3 && title.keyNode.location.column == 3)
        #expect(title.value.location.line == 3 && title.value.location.column == 10)
        #expect(title.value.string == "Ünïcode title")
        #expect(title.keyNode.hasText("title") && !title.keyNode.hasText("titles") && !title.keyNode.hasText("titl"))
        #expect(!info.hasText("info"), "a mapping has no text")
        let (flags, _) = parse("x-a: 1\nx-: 2\nx: 3\nxa-: 4\n")
        #expect(try #require(flags?.root).entries.map(\.isExtension) == [true, true, false, false])
        let version = try #require(info["version"])
        #expect(version.location.line == 4 && version.location.column == 12)
        let list = try #require(root["list"])
        #expect(list.elements[1]["b"]?.location == SourceLocation(file: "test.yaml", line: 7, column: 9))
    }

    @Test func jsonColumnsCountUnicodeScalarsLikeYAML() throws {
        let json = "{\"t\": \"héllo\", \"n\": 1}"
        let (tree, _) = parse(json, path: "x.json")
        let n = try #require(tree?.root?["n"])
        // `{"t": "héllo", "n": 1}`: é is one column although it is two bytes.
        #expect(n.location.column == 21)
        #expect(n.location.line == 1)
    }

    @Test func scalarsResolveByTheYAML12CoreSchema() throws {
        let (tree, _) = parse("""
        yes_word: yes
        on_word: on
        timestamp: 2018-02-30T17:32:28Z
        date: 2024-01-01
        t: true
        n: null
        tilde: ~
        empty:
        int: 42
        hex: 0x1F
        float: 0.1
        exp: 1e3
        big: 123456789012345678901234567890
        quoted_number: "42"
        version: 1.0
        inf: .inf
        """)
        let root = try #require(tree?.root)
        func type(_ key: String) -> ScalarType? { root[key]?.scalarType }
        #expect(type("yes_word") == .string)
        #expect(type("on_word") == .string)
        #expect(type("timestamp") == .string)
        #expect(type("date") == .string)
        #expect(type("t") == .bool)
        #expect(type("n") == .null)
        #expect(type("tilde") == .null)
        #expect(type("empty") == .null)
        #expect(type("int") == .integer)
        #expect(root["hex"]?.int == 31)
        #expect(type("float") == .float)
        #expect(root["float"]?.text == "0.1")
        #expect(type("exp") == .float)
        #expect(type("big") == .integer)
        #expect(root["big"]?.text == "123456789012345678901234567890")
        #expect(root["big"]?.int == nil)
        #expect(type("quoted_number") == .string)
        #expect(root["version"]?.text == "1.0")
        #expect(root["inf"]?.double == .infinity)
    }

    @Test func mappingKeysAreAlwaysStrings() throws {
        let (tree, _) = parse("""
        200: ok
        true: yes
        null: nothing
        """)
        let root = try #require(tree?.root)
        #expect(root.entries.map(\.key) == ["200", "true", "null"])
        #expect(root.entries.allSatisfy { $0.keyNode.scalarType == .string })
        #expect(root["200"]?.string == "ok")
    }

    @Test func aliasesShareTheAnchoredNodeAndMergeKeysApply() throws {
        let (tree, diagnostics) = parse("""
        base: &base
          type: string
          maxLength: 10
        copy: *base
        merged:
          <<: *base
          maxLength: 3
        """)
        #expect(diagnostics.isEmpty)
        let root = try #require(tree?.root)
        #expect(root["copy"] == root["base"])
        let merged = try #require(root["merged"])
        #expect(merged["maxLength"]?.int == 3)
        #expect(merged["type"]?.string == "string")
        #expect(merged.entries.count == 2)
    }

    @Test func aliasBombIsAnErrorNotAnOutOfMemory() {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (previous, name) in zip("abcdefghi", "bcdefghij") {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let (tree, diagnostics) = parse(text)
        #expect(tree == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("alias bomb") == true)
    }

    @Test func aliasBombNestedInAnOpenMappingIsCaught() {
        // The first alias arrives while `root` is still open: weights of the nodes before it are computed then.
        var text = "filler:\n" + (0..<500).map { "  k\($0): v\($0)\n" }.joined() + "root:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (previous, name) in zip("abcdefghi", "bcdefghij") {
            text += "  \(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let (tree, diagnostics) = parse(text)
        #expect(tree == nil)
        #expect(diagnostics.first?.message.contains("alias bomb") == true)
        // The same shape with few enough copies loads.
        let (small, smallDiagnostics) = parse("root:\n  a: &a [x, x]\n  b: [*a, *a]\n  c: *a\n")
        #expect(smallDiagnostics.isEmpty)
        #expect(small?.root?["root"]?["b"]?.elements.count == 2)
    }

    @Test func largeMappingsAreCheckedForRepeatedKeys() throws {
        // Over 8 keys the check goes through a hash table; keys differing only late or in length must not clash.
        let keys = (0..<300).map { "property_\($0)" } + ["p", "pp", "property_", "property_1 "]
        let (tree, diagnostics) = parse(keys.map { "\"\($0)\": 1\n" }.joined())
        #expect(diagnostics.isEmpty)
        let root = try #require(tree?.root)
        #expect(root.entries.count == keys.count)
        #expect(root["property_299"]?.int == 1 && root["property_1 "] != nil)
        let (_, repeated) = parse(keys.map { "\"\($0)\": 1\n" }.joined() + "property_17: 2\n")
        #expect(rendered(repeated) == ["\(keys.count + 1):1: error: duplicate key 'property_17' in mapping"])
    }

    @Test func wordTablesFindEveryWordAndNothingElse() throws {
        let text = SchemaKeyword.allCases.map { "\"\($0.rawValue)\": 1\n" }.joined() + "typ: 1\ntypes: 1\nx-type: 1\n\"\": 1\n"
        let (tree, diagnostics) = parse(text)
        #expect(diagnostics.isEmpty)
        let keys = try #require(tree?.root).entries.map(\.keyNode)
        #expect(keys.prefix(SchemaKeyword.allCases.count).map { $0.word(in: SchemaKeyword.table) } == SchemaKeyword.allCases)
        #expect(keys.suffix(4).allSatisfy { $0.word(in: SchemaKeyword.table) == nil })
    }

    @Test func duplicateKeysAreReportedAtTheSecondKey() {
        let (_, diagnostics) = parse("a: 1\nb: 2\na: 3\n")
        #expect(rendered(diagnostics) == ["3:1: error: duplicate key 'a' in mapping"])
        let (_, jsonDiagnostics) = parse("{\"a\": 1,\n \"a\": 2}", path: "d.json")
        #expect(rendered(jsonDiagnostics) == ["2:2: error: duplicate key 'a' in mapping"])
    }

    @Test func jsonFastPathDecodesSurrogatePairs() throws {
        let (tree, diagnostics) = parse(#"{"emoji": "\ud83d\udc4d", "esc": "a\"b\\c\/d\n\u00e9"}"#, path: "s.json")
        #expect(diagnostics.isEmpty)
        let root = try #require(tree?.root)
        #expect(root["emoji"]?.string == "👍")
        #expect(root["esc"]?.string == "a\"b\\c/d\né")
        let (_, bad) = parse(#"{"x": "\ud83d"}"#, path: "s.json")
        #expect(bad.first?.message.contains("unpaired UTF-16 surrogate") == true)
    }

    @Test func jsonAndYAMLProduceTheSameTree() throws {
        let yaml = parse("a:\n  b: [1, 2.5, \"x\", true, null]\n  c: {}\n").tree
        let json = parse("{\"a\": {\"b\": [1, 2.5, \"x\", true, null], \"c\": {}}}", path: "x.json").tree
        func describe(_ node: Node) -> String {
            switch node.kind {
            case .scalar: return "\(node.scalarType!):\(node.text!)"
            case .sequence: return "[" + node.elements.map(describe).joined(separator: ",") + "]"
            case .mapping: return "{" + node.entries.map { "\($0.key)=\(describe($0.value))" }.joined(separator: ",") + "}"
            }
        }
        #expect(describe(try #require(yaml?.root)) == describe(try #require(json?.root)))
    }

    @Test func jsonNumbersKeepTheirSourceText() throws {
        let (tree, _) = parse(#"{"a": 0.1, "b": 9223372036854775808, "c": -0, "d": 1E+2}"#, path: "n.json")
        let root = try #require(tree?.root)
        #expect(root["a"]?.text == "0.1")
        #expect(root["b"]?.text == "9223372036854775808")
        #expect(root["b"]?.scalarType == .integer)
        #expect(root["d"]?.scalarType == .float)
    }

    @Test func hostileInputIsALocatedErrorNotACrash() {
        let deepYAML = "x: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(parse(deepYAML).diagnostics.first?.message == "nesting is deeper than 512 levels")
        let deepJSON = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(parse(deepJSON, path: "d.json").diagnostics.first?.message == "nesting is deeper than 512 levels")
        let invalid = SpecFileReader.parse(bytes: [0x61, 0x3A, 0x20, 0xFF, 0x0A], path: "u.yaml")
        #expect(invalid.diagnostics.first?.location?.line == 1)
        #expect(invalid.diagnostics.first?.message.hasPrefix("invalid UTF-8") == true)
        #expect(parse("{\"a\": [1, 2", path: "t.json").diagnostics.first?.message.contains("end of file") == true)
    }

    @Test func pointersAreComputedFromParents() throws {
        let (tree, _) = parse("paths:\n  /users/{id}:\n    get:\n      tags: [a, b]\n")
        let tags = try #require(tree?.root?["paths"]?["/users/{id}"]?["get"]?["tags"])
        #expect(tags.pointer == "/paths/~1users~1{id}/get/tags")
        #expect(tags.elements[1].pointer == "/paths/~1users~1{id}/get/tags/1")
    }

    @Test func pointerTokensUnescapeTildesAndPercentEscapes() {
        #expect(JSONPointer.tokens(of: "") == [])
        #expect(JSONPointer.tokens(of: "/") == [""])
        #expect(JSONPointer.tokens(of: "/components/schemas/Pet") == ["components", "schemas", "Pet"])
        #expect(JSONPointer.tokens(of: "/paths/~1users~1{id}/get") == ["paths", "/users/{id}", "get"])
        #expect(JSONPointer.tokens(of: "/a~01/b~10//") == ["a~1", "b/0", "", ""])
        #expect(JSONPointer.tokens(of: "/caf%C3%A9/100%25/%7E1") == ["café", "100%", "/"], "percent-escapes decode before ~ escapes")
        #expect(JSONPointer.tokens(of: "/é/日本") == ["é", "日本"])
        for malformed in ["a/b", "/a~2", "/a~", "/%zz", "/%C3"] {
            #expect(JSONPointer.tokens(of: malformed) == nil, "\(malformed)")
        }
    }
}
