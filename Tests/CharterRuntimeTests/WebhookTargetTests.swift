@_spi(Generated) @testable import CharterRuntime
import Foundation
import Testing

/// Where a webhook or callback is sent: the receiver's whole URL, its own query first, then the query the webhook's
/// parameters make. Nothing of the contract's path (a webhook's name, a callback's URL expression) is sent.
@Suite("Webhook targets")
struct WebhookTargetTests {
    @Test func theURLsQueryMovesIntoThePathBesideTheParameters() throws {
        let url = try #require(URL(string: "https://hooks.example.com/in/pets?token=s%20t#frag"))
        let plain = OperationClient.webhookTarget(url, query: nil)
        #expect(plain.base.absoluteString == "https://hooks.example.com/in/pets")
        #expect(plain.path == "?token=s%20t")
        let both = OperationClient.webhookTarget(url, query: "event=adopted")
        #expect(both.path == "?token=s%20t&event=adopted")
        let bare = OperationClient.webhookTarget(try #require(URL(string: "http://127.0.0.1:8080/hooks")), query: nil)
        #expect(bare.base.absoluteString == "http://127.0.0.1:8080/hooks")
        #expect(bare.path == "")
    }
}
