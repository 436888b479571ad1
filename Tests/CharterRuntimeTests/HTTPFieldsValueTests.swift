@testable import CharterRuntime
import HTTPTypes
import Testing

/// The runtime reads content type, accept and authorization through `HTTPFields.value(_:)`, which skips the
/// subscript's join for a field sent once: its answers must be the subscript's in every case.
@Suite("Header field values")
struct HTTPFieldsValueTests {
    @Test func answersAsTheSubscriptDoes() throws {
        let tag = try #require(HTTPField.Name("X-Tag"))
        let cases: [[HTTPField]] = [
            [],
            [HTTPField(name: .contentType, value: "application/json")],
            [HTTPField(name: .accept, value: "text/plain"), HTTPField(name: .accept, value: "application/json")],
            [HTTPField(name: .cookie, value: "a=1"), HTTPField(name: .cookie, value: "b=2")],
            [HTTPField(name: tag, value: "")],
            [HTTPField(name: tag, value: "x"), HTTPField(name: .contentType, value: "y"), HTTPField(name: tag, value: "z")],
        ]
        for fields in cases {
            let headers = HTTPFields(fields)
            for name in [HTTPField.Name.contentType, .accept, .cookie, tag, .authorization] {
                #expect(headers.value(name) == headers[name], "\(name) in \(fields)")
            }
        }
        // Names compare without case, as the subscript's do.
        let lower = try #require(HTTPField.Name("x-tag"))
        #expect(HTTPFields([HTTPField(name: tag, value: "v")]).value(lower) == "v")
    }
}
