@testable import CharterRuntime
import HTTPTypes
import Testing

/// Small pieces of a served request that have fast paths: the query string cut from the path, request ids drawn
/// from the pool of system random bytes, the contract shared between copies.
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
}
