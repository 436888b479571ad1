@testable import CharterRuntime
import HTTPTypes
import Testing

/// Small pieces of a served request that have fast paths: the query string cut from the path and split into items,
/// whole numbers read without the JSON parser, schema types worked out once, request ids drawn from the pool of system
/// random bytes, the contract shared between copies.
@Suite("request parts")
struct RequestPartsTests {
    @Test func theQueryStringIsBetweenTheFirstQuestionMarkAndTheFragment() {
        func query(_ path: String) -> Substring? { HTTPRequest(method: .get, scheme: nil, authority: nil, path: path).queryString }
        #expect(query("/flights") == nil)
        #expect(query("/flights?") == "")
        #expect(query("/flights?a=1&b=2") == "a=1&b=2")
        #expect(query("/flights?a=1?b#frag?c=3") == "a=1?b")
        #expect(query("/flights#frag?c=3") == nil)
        #expect(query("/flights?é=ü#x") == "é=ü")
        #expect(query("/") == nil)
    }

    @Test func requestIDsAreUniqueAcrossRefillsAndThreads() async {
        // 4,000 ids from four tasks at once: sixty refills of the 4 KiB pool, under contention.
        let ids = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<4 { group.addTask { (0..<1000).map { _ in RequestID.generate() } } }
            var all: [String] = []
            for await part in group { all += part }
            return all
        }
        #expect(Set(ids).count == 4000)
        #expect(ids.allSatisfy { $0.utf8.count == 36 && Array($0.utf8)[14] == UInt8(ascii: "4") })
        // Bytes are spread: every hex digit appears in the random positions (a pool of zeros would fail this).
        let digits = Set(ids.flatMap { $0.utf8.filter { $0 != UInt8(ascii: "-") } })
        #expect(digits.count == 16)
    }

    /// `OperationContract` shares one box between copies; setting a property on one copy must not change another.
    @Test func aContractIsAValueThoughItsFieldsAreShared() {
        let original = OperationContract(operationID: "getA", method: "GET", path: "/a",
                                         parameters: [ParameterContract(name: "q", location: .query, schema: nil)], maxBodySize: 10)
        var copy = original
        copy.path = "/b"
        copy.parameters.append(ParameterContract(name: "r", location: .header, schema: nil))
        copy.maxBodySize = nil
        #expect(original.path == "/a" && original.parameters.map(\.name) == ["q"] && original.maxBodySize == 10)
        #expect(copy.path == "/b" && copy.parameters.map(\.name) == ["q", "r"] && copy.maxBodySize == nil)
        #expect(copy.operationID == "getA" && copy.method == "GET")
    }

    /// `ParameterContract` shares its box the same way; its header field follows a renamed or moved parameter.
    @Test func aParameterIsAValueThoughItsFieldsAreShared() {
        let original = ParameterContract(name: "X-Trace", location: .header, schema: 3)
        var copy = original
        copy.name = "X-Span"
        copy.required = true
        #expect(original.name == "X-Trace" && original.headerField == HTTPField.Name("X-Trace") && !original.required)
        #expect(copy.name == "X-Span" && copy.headerField == HTTPField.Name("X-Span") && copy.required && copy.schema == 3)
        copy.location = .query
        #expect(copy.headerField == nil && copy.style == .simple && original.location == .header)
        let query = ParameterContract(name: "tags", location: .query, schema: nil)
        #expect(query.style == .form && query.explode && !query.required)
        #expect(ParameterContract(name: "id", location: .path, schema: nil).required)
    }

    @Test func queryItemsAreSplitAndDecodedOnTheBytes() {
        let query: Substring = "a=1&&b=x+y%20z&flag&c=%zz%4&d=caf%C3%A9&e=%FF&=v&f=1=2&g=é&"
        let items = WireStrings.queryItems(query)
        #expect(items.map(\.name) == ["a", "b", "flag", "c", "d", "e", "", "f", "g"])
        #expect(items.map(\.value) == ["1", "x y z", "", "%zz%4", "café", "\u{FFFD}", "v", "1=2", "é"])
        // The raw value is the slice as sent, still encoded, cut from the query itself.
        #expect(items.map { String($0.raw) } == ["1", "x+y%20z", "", "%zz%4", "caf%C3%A9", "%FF", "v", "1=2", "é"])
        #expect(WireStrings.queryItems("").isEmpty && WireStrings.queryItems("&&").isEmpty)
        // A slice in the middle of a longer string: offsets are the slice's, not the base string's.
        let path = "/flights?origin=LHR&limit=5"
        let slice = path[path.index(after: path.firstIndex(of: "?")!)...]
        #expect(WireStrings.queryItems(slice).map { "\($0.name)|\($0.value)|\($0.raw)" } == ["origin|LHR|LHR", "limit|5|5"])
        #expect(WireStrings.percentDecode("a%2Fb+c", plusIsSpace: false) == "a/b+c")
    }

    /// The whole-number shortcut must agree with the JSON parser wherever it answers, and leave the rest to it.
    @Test func wholeNumbersAgreeWithTheParser() throws {
        for text in ["0", "7", "-7", "20", "123456789012345678", "-123456789012345678"] {
            let fast = try #require(ParameterDecoding.wholeNumber(text.utf8))
            guard case .number(let parsed) = try JSONParser.parse(text) else { Issue.record("\(text) is not a number"); continue }
            #expect(JSONNumber(fast) == parsed && parsed.integer == fast)
        }
        for text in ["", "-", "-0", "007", "1.5", "1e3", "+1", "1 ", "--1", "1234567890123456789", "12a"] {
            #expect(ParameterDecoding.wholeNumber(text.utf8) == nil, "\(text)")
        }
        #expect(ParameterDecoding.number("-0") != nil && ParameterDecoding.number("1.5")?.double == 1.5)
        #expect(ParameterDecoding.number("1234567890123456789")?.integer == 1234567890123456789)
        #expect(ParameterDecoding.number("007") == nil)
    }

    /// The table a validator builds once answers what walking the schemas answers, cycles included.
    @Test func schemaTypesWorkedOutOnceMatchTheWalk() {
        var k = Array(repeating: SchemaKeywords(), count: 9)
        k[0].ref = 1                                   // → integer
        k[1].types = .integer
        k[2].allOf = [3, 4]                            // cycle 2 → 3 → 2, plus a string member
        k[3].allOf = [2]
        k[4].types = .string
        k[5].enumValues = [.number(JSONNumber(1)), .bool(true)]
        k[6].properties = [("x", 4)]                   // properties alone: an object
        k[7].anyOf = [1, 5]
        k[8].ref = 8                                   // refers to itself only
        let schemas = SchemaSet(k).schemas
        let walked = ParameterDecoding(schemas: schemas), tabulated = ParameterDecoding(schemas: schemas, tabulated: true)
        for i in schemas.indices { #expect(walked.expectedTypes(i) == tabulated.expectedTypes(i), "schema \(i)") }
        #expect(tabulated.expectedTypes(0) == .integer)
        #expect(tabulated.expectedTypes(2) == .string && tabulated.expectedTypes(3) == .string)
        #expect(tabulated.expectedTypes(5) == [.number, .boolean])
        #expect(tabulated.expectedTypes(6) == .object)
        #expect(tabulated.expectedTypes(7) == [.integer, .number, .boolean])
        #expect(tabulated.expectedTypes(8) == [] && tabulated.expectedTypes(nil) == [] && tabulated.expectedTypes(99) == [])
    }
}
