@testable import CharterRuntime
import CharterTestSupport
import Testing

/// Content-Type and Accept matching (415 and 406 decisions), on bytes with ASCII case folding.
@Suite("Media types")
struct MediaTypeTests {
    @Test func essenceDropsParametersAndSpaces() {
        #expect(MediaTypes.essence(" Application/JSON ; charset=utf-8") == "Application/JSON")
        #expect(MediaTypes.essence("application/json") == "application/json")
        #expect(MediaTypes.essence("\ttext/plain\t") == "text/plain")
        #expect(MediaTypes.essence(";q=1") == "")
        #expect(MediaTypes.essence("") == "")
    }

    @Test func matchingIgnoresCaseAndHonoursWildcards() {
        #expect(MediaTypes.matches("Application/JSON", range: "application/json"))
        #expect(MediaTypes.matches("application/json", range: "APPLICATION/*"))
        #expect(MediaTypes.matches("application/json", range: "*/*"))
        #expect(!MediaTypes.matches("text/json", range: "application/*"))
        #expect(!MediaTypes.matches("application/jsonx", range: "application/json"))
        #expect(!MediaTypes.matches("application", range: "application/*"))
        #expect(!MediaTypes.matches("application/json", range: "*"))
    }

    @Test func jsonTypesIncludePlusJSON() {
        #expect(MediaTypes.isJSON("application/JSON; charset=utf-8"))
        #expect(MediaTypes.isJSON("application/problem+json"))
        #expect(MediaTypes.isJSON("application/vnd.api+JSON ; v=2"))
        #expect(!MediaTypes.isJSON("application/jsonp"))
        #expect(!MediaTypes.isJSON("text/plain"))
        #expect(!MediaTypes.isJSON("json"))
    }
}
