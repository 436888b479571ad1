import CharterTestSupport
import Foundation
import Testing
@testable import CharterSpec

/// A YAML file read in parts on several cores must give exactly the tree the whole-file read gives — or no tree, so
/// the caller reads it whole. Cuts are forced small here (many parts, no minimum size) to put them everywhere.
@Suite("YAML read in parts")
struct YAMLPartsTests {
    /// Every node's kind, type, line, column and text, and every container's children in order, from the root.
    static func shape(_ tree: SpecTree) -> [String] {
        var lines: [String] = ["nodes \(tree.nodeCount)"]
        guard let root = tree.root else { return lines }
        var stack: [(Node, Int)] = [(root, 0)]
        while let (node, depth) = stack.popLast() {
            let r = node.record
            lines.append("\(depth) \(r.kind) \(r.scalarType) \(r.line):\(r.column) parent \(r.parent) \(node.text ?? "#\(r.count)")")
            switch node.kind {
            case .mapping: for entry in node.entries.reversed() { stack.append((entry.value, depth + 1)); stack.append((entry.keyNode, depth + 1)) }
            case .sequence: for element in node.elements.reversed() { stack.append((element, depth + 1)) }
            case .scalar: break
            }
        }
        return lines
    }

    static func whole(_ text: String) throws -> SpecTree {
        let (tree, diagnostics) = try YAMLReader.read(Array(text.utf8), path: "t.yaml", limits: TreeLimits(), inParts: false)
        #expect(diagnostics.isEmpty)
        return tree
    }

    static func parts(_ text: String, parts: Int = 6) -> SpecTree? {
        YAMLPartsReader.read(Array(text.utf8), path: "t.yaml", limits: TreeLimits(), parts: parts, minimumSize: 0)
    }

    @Test func aSpecCutAtSeveralLevelsJoinsToTheWholeTree() throws {
        var text = "openapi: 3.1.0\ninfo:\n  title: T\n  version: '1'\npaths:\n"
        for i in 0..<40 {
            text += "  /things\(i):\n    get:\n      summary: thing \(i)\n      description: |\n        key: value inside a block scalar\n        more: text\n      responses:\n        '200':\n          description: ok\n"
        }
        text += "components:\n  schemas:\n"
        for i in 0..<40 {
            text += "    Thing\(i):\n      type: object\n      properties:\n        id: {type: integer}\n        tags:\n        - a\n        - b\n"
        }
        let joined = try #require(Self.parts(text))
        #expect(Self.shape(joined) == Self.shape(try Self.whole(text)))
        // Lines and columns carried across parts: the last schema's key where the editor shows it.
        let last = try #require(joined.root?["components"]?["schemas"]?["Thing39"])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let expected = try #require(lines.firstIndex { $0 == "    Thing39:" })
        #expect(joined.root?["components"]?["schemas"]?.entries.last?.keyNode.location.line == expected + 1)
        #expect(last.location.column == 7)
    }

    @Test func crlfLineEndsAndCommentsKeepTheirLines() throws {
        var text = "# a spec\r\nopenapi: 3.0.0\r\npaths:\r\n"
        for i in 0..<30 { text += "  /p\(i):\r\n    # comment\r\n\r\n    get: {summary: s\(i)}\r\n" }
        let joined = try #require(Self.parts(text))
        #expect(Self.shape(joined) == Self.shape(try Self.whole(text)))
    }

    @Test func unicodeLineBreaksThatLibyamlCountsKeepLinesRight() throws {
        // libyaml counts U+2028 inside a quoted scalar as a line break; the next part's lines follow libyaml's count.
        var text = "openapi: 3.0.0\npaths:\n"
        for i in 0..<30 { text += "  /p\(i):\n    description: \"one\u{2028}two\"\n    get: {summary: s\(i)}\n" }
        let joined = try #require(Self.parts(text))
        #expect(Self.shape(joined) == Self.shape(try Self.whole(text)))
    }

    static func paths(_ count: Int, _ item: (Int) -> String) -> String {
        var text = ""
        for i in 0..<count { text += item(i) }
        return text
    }

    /// Files whose cuts would change their meaning, or that are wrong: no tree, so the whole-file read decides.
    static let declined: [String] = [
        // An alias to an anchor in an earlier part.
        "openapi: 3.0.0\nx-base: &base {type: string}\npaths:\n" + paths(30) { "  /p\($0):\n    get: {summary: s}\n    x-s: *base\n" },
        // A merge key.
        "openapi: 3.0.0\nbase: &b {a: 1}\npaths:\n" + paths(30) { "  /p\($0):\n    <<: *b\n    get: {summary: s}\n" },
        // A key repeated in two parts of one mapping.
        "openapi: 3.0.0\npaths:\n" + paths(30) { "  /p\($0 % 20):\n    get: {summary: s}\n" },
        // A second document.
        "openapi: 3.0.0\npaths:\n" + paths(30) { "  /p\($0):\n    get: {summary: s}\n" } + "---\nmore: 1\n",
        // A syntax error in the middle.
        "openapi: 3.0.0\npaths:\n" + paths(30) { "  /p\($0):\n    get: {summary: s}\n" + ($0 == 15 ? "    bad: [1, 2\n" : "") },
    ]

    @Test(arguments: declined)
    func aCutThatCouldChangeTheMeaningGivesNoTree(_ text: String) {
        #expect(Self.parts(text) == nil)
    }

    @Test func keyLinesInsideBlockScalarsAndFlowMappingsAreNotCuts() throws {
        // Lines inside block scalars look like keys at many indentations; a flow mapping at a cut's column is not a
        // block mapping to continue. Either the read declines or it matches the whole read.
        var text = "openapi: 3.0.0\ndescription: |\n  paths: not a key\n  more: text\npaths:\n"
        for i in 0..<30 {
            text += "  /p\(i):\n    get:\n      description: >-\n\n        looks: like a key\n      x-flow: {a: 1,\n        b: 2}\n"
        }
        if let joined = Self.parts(text, parts: 12) {
            #expect(Self.shape(joined) == Self.shape(try Self.whole(text)))
        }
    }

    @Test func nestingDeeperThanTheLimitAcrossPartsIsLeftToTheWholeRead() throws {
        var limits = TreeLimits()
        limits.maxDepth = 4
        var text = "a:\n  b:\n    c:\n"
        for i in 0..<30 { text += "      k\(i): v\n" }
        text += "      deep: {x: {y: 1}}\n"
        #expect(YAMLPartsReader.read(Array(text.utf8), path: "t.yaml", limits: TreeLimits(), parts: 6, minimumSize: 0) != nil)
        #expect(YAMLPartsReader.read(Array(text.utf8), path: "t.yaml", limits: limits, parts: 6, minimumSize: 0) == nil)
        #expect(SpecFileReader.parse(bytes: Array(text.utf8), path: "t.yaml", options: { var o = LoadOptions(); o.limits = limits; return o }()).tree == nil)
    }

    /// Every YAML spec in the corpus, cut into many parts: the same tree as the whole read, or no tree; and the large
    /// ones (where the loader cuts) are cut, not declined.
    @Test(.enabled(if: TestPaths.sharedIsPresent, "../shared/corpus is absent"))
    func theCorpusReadInPartsGivesTheWholeReadsTrees() throws {
        let corpus = TestPaths.shared.appendingPathComponent("corpus")
        let files = try #require(FileManager.default.enumerator(atPath: corpus.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        #expect(files.count > 20)
        var declinedLarge: [String] = []
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: corpus.appendingPathComponent(file)))
            guard let (tree, diagnostics) = try? YAMLReader.read(bytes, path: file, limits: TreeLimits(), inParts: false), diagnostics.isEmpty else { continue }
            let joined = YAMLPartsReader.read(bytes, path: file, limits: TreeLimits(), parts: 8, minimumSize: 0)
            if let joined {
                #expect(Self.shape(joined) == Self.shape(tree), "\(file)")
            } else if bytes.count >= YAMLPartsReader.minimumSize {
                declinedLarge.append(file)
            }
        }
        #expect(declinedLarge.isEmpty, "large files read whole: \(declinedLarge)")
    }
}

/// The join is what keeps a wrong cut from changing a file's meaning, so it is tried with cuts no planner would
/// choose: any line start, inside block scalars, flow collections, quoted scalars and sequences.
@Suite("YAML parts joined at arbitrary cuts")
struct YAMLArbitraryCutsTests {
    @Test(.enabled(if: TestPaths.sharedIsPresent, "../shared/corpus is absent"))
    func anyCutsGiveTheWholeReadsTreeOrNone() throws {
        let corpus = TestPaths.shared.appendingPathComponent("corpus")
        let files = try #require(FileManager.default.enumerator(atPath: corpus.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        var generator = SplitMix(seed: 2026_12_04)
        var joined = 0, declined = 0
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: corpus.appendingPathComponent(file)))
            guard bytes.count < 200_000, let (tree, diagnostics) = try? YAMLReader.read(bytes, path: file, limits: TreeLimits(), inParts: false),
                  diagnostics.isEmpty else { continue }
            let whole = YAMLPartsTests.shape(tree)
            // Lines that start (after spaces) like a word or a quoted word: keys, but also block scalar text,
            // continuation lines and sequence items' insides.
            let lineStarts = bytes.indices.filter { bytes[$0] == 10 && $0 + 1 < bytes.count }.map { $0 + 1 }.filter { start in
                var i = start
                while i < bytes.count, bytes[i] == 32 { i += 1 }
                return i < bytes.count && (bytes[i] >= 65 || bytes[i] == 34 || bytes[i] == 39 || bytes[i] == 47)
            }
            guard !lineStarts.isEmpty else { continue }
            for _ in 0..<60 {
                let count = 1 + Int(generator.next() % 2)
                let cuts = [0] + Set((0..<count).map { _ in lineStarts[Int(generator.next() % UInt64(lineStarts.count))] }).filter { $0 > 0 }.sorted()
                if let parts = YAMLPartsReader.read(bytes, path: file, limits: TreeLimits(), cuts: cuts) {
                    joined += 1
                    #expect(YAMLPartsTests.shape(parts) == whole, "\(file) cut at \(cuts)")
                } else {
                    declined += 1
                }
            }
        }
        // Both outcomes must occur, or the test proves nothing about the join.
        #expect(joined > 100 && declined > 100, "joined \(joined), declined \(declined)")
    }
}

/// A small seeded generator (the test's cuts are the same on every run).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
