@_spi(Generated) @testable import CharterRuntime
import Testing

/// How a client writes list and object parameters into the query: items encoded one by one, delimiters literal.
@Suite("Query parameter encoding")
struct ParameterEncodingTests {
    @Test func aCommaInsideAnItemIsEncodedAndTheDelimiterIsNot() {
        let list: JSONValue = ["a,b", "c d"]
        let form = ParameterContract(name: "tags", location: .query, style: .form, explode: false, schema: nil)
        #expect(ParameterEncoding.queryItems(list, form).map(\.value) == ["a%2Cb,c%20d"])
        let exploded = ParameterContract(name: "tags", location: .query, style: .form, explode: true, schema: nil)
        #expect(ParameterEncoding.queryItems(list, exploded).map(\.value) == ["a%2Cb", "c%20d"])
        let spaced = ParameterContract(name: "tags", location: .query, style: .spaceDelimited, explode: false, schema: nil)
        #expect(ParameterEncoding.queryItems(list, spaced).map(\.value) == ["a%2Cb%20c%20d"])
        #expect(PercentEncoding.query([(name: "a b", value: "x%2Cy,z")]) == "a%20b=x%2Cy,z")
    }

    /// Cookie parameters: exploded (the default), a pair per item or member; 3.2's `cookie` style sends values
    /// unencoded, `form` percent-encodes them.
    @Test func cookieStylePairsAreWrittenAsSent() {
        let object: JSONValue = ["R": 100, "G": "a b"]
        let exploded = ParameterContract(name: "color", location: .cookie, style: .cookie, schema: nil)
        #expect(exploded.explode)
        #expect(ParameterEncoding.cookie(object, exploded) == ["R=100", "G=a b"])
        #expect(ParameterEncoding.cookie(["x", "y"], exploded) == ["color=x", "color=y"])
        #expect(ParameterEncoding.cookie("blue", exploded) == ["color=blue"])
        let joined = ParameterContract(name: "color", location: .cookie, style: .cookie, explode: false, schema: nil)
        #expect(ParameterEncoding.cookie(object, joined) == ["color=R,100,G,a b"])
        let form = ParameterContract(name: "color", location: .cookie, schema: nil)
        #expect(ParameterEncoding.cookie(["x y", "z"], form) == ["color=x%20y", "color=z"])
        let formJoined = ParameterContract(name: "color", location: .cookie, explode: false, schema: nil)
        #expect(ParameterEncoding.cookie(["x y", "z"], formJoined) == ["color=x%20y,z"])
    }
}
