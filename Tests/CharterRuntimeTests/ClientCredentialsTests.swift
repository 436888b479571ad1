@testable import CharterRuntime
import Foundation
import HTTPTypes
import Testing

/// Which credentials a client sends for an operation's requirement, and where each kind goes.
@Suite("Client credentials")
struct ClientCredentialsTests {
    let schemes: [String: SecuritySchemeContract] = [
        "oauth": SecuritySchemeContract(name: "oauth", kind: .oauth2),
        "basic": SecuritySchemeContract(name: "basic", kind: .basic),
        "q": SecuritySchemeContract(name: "q", kind: .apiKey(name: "api key", location: .query)),
        "session": SecuritySchemeContract(name: "session", kind: .apiKey(name: "sid", location: .cookie)),
        "header": SecuritySchemeContract(name: "header", kind: .apiKey(name: "X-Key", location: .header)),
    ]

    func sent(_ credentials: ClientCredentials, _ requirement: [SecurityRequirement], path: String = "/x?a=1",
              cookie: String? = nil) -> HTTPRequest {
        var request = HTTPRequest(method: .get, scheme: nil, authority: nil, path: path)
        if let cookie { request.headerFields[.cookie] = cookie }
        credentials.apply(to: &request, requirement: requirement, schemes: schemes)
        return request
    }

    @Test func eachKindGoesWhereItsSchemeSays() {
        let all = ClientCredentials(bearerToken: "t", basic: .init(user: "ana", password: "pw"),
                                    apiKeys: ["q": "k&1", "session": "s 1", "header": "h"])
        #expect(sent(all, [["oauth": ["read"]]]).headerFields[.authorization] == "Bearer t")
        #expect(sent(all, [["basic": []]]).headerFields[.authorization] == "Basic " + Data("ana:pw".utf8).base64EncodedString())
        #expect(sent(all, [["q": []]]).path == "/x?a=1&api%20key=k%261")
        #expect(sent(all, [["q": []]], path: "/x").path == "/x?api%20key=k%261")
        #expect(sent(all, [["session": []]], cookie: "theme=dark").headerFields[.cookie] == "theme=dark; sid=s%201")
        // Both schemes of one alternative.
        let both = sent(all, [["header": [], "oauth": []]])
        #expect(both.headerFields[HTTPField.Name("X-Key")!] == "h" && both.headerFields[.authorization] == "Bearer t")
    }

    @Test func theFirstAlternativeHeldIsSentAndNothingWhereNoneIsNeeded() {
        let keyOnly = ClientCredentials(apiKeys: ["header": "h"])
        // The token's alternative cannot be met: the key's is.
        let request = sent(keyOnly, [["oauth": []], ["header": []]])
        #expect(request.headerFields[.authorization] == nil && request.headerFields[HTTPField.Name("X-Key")!] == "h")
        // No requirement, or only `{}`: nothing is sent.
        #expect(sent(keyOnly, []).headerFields[HTTPField.Name("X-Key")!] == nil)
        #expect(sent(keyOnly, [[:]]).headerFields[HTTPField.Name("X-Key")!] == nil)
        // Optional security (`{}` beside a scheme): sent when held.
        #expect(sent(keyOnly, [["header": []], [:]]).headerFields[HTTPField.Name("X-Key")!] == "h")
        // Nothing held for any alternative: the request goes as it is (the server answers 401).
        #expect(sent(ClientCredentials(), [["oauth": []]]).headerFields[.authorization] == nil)
    }
}
