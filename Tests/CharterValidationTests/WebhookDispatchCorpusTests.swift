@testable import CharterRuntime
import CharterTestSupport
import CharterValidation
import Foundation
import Testing

/// Real webhooks name themselves in their bodies, so a receiver of all of them at one URL validates each event once
/// (`RouteTable`'s fixed body values).
@Suite("Webhooks told apart by their fixed values", .enabled(if: TestPaths.sharedIsPresent, "../shared/corpus is absent"))
struct WebhookDispatchCorpusTests {
    @Test func everyOpenAIWebhookHasFixedValuesNoOtherShares() throws {
        let path = TestPaths.shared.appendingPathComponent("corpus/openai/openapi.yaml").path
        let validator = try SpecValidator.load(path: path)
        let names = Set(validator.document.webhooks.map(\.name))
        let webhooks = validator.contracts.filter { names.contains($0.path) }
        #expect(webhooks.count == 16)
        var seen: [String: String] = [:]
        for contract in webhooks {
            let schema = try #require(contract.requestBody?.content.first?.schema)
            let fixed = validator.schemas.fixedProperties(schema).map { "\($0.name)=\($0.value.jsonText)" }.sorted().joined(separator: ",")
            #expect(fixed.contains("type="), "\(contract.operationID): \(fixed)")
            #expect(seen[fixed] == nil, "\(contract.operationID) and \(seen[fixed] ?? "") share \(fixed)")
            seen[fixed] = contract.operationID
        }
    }
}
