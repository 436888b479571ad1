@_spi(Generated) @testable import CharterRuntime
import CharterTestSupport
import Foundation
import HTTPTypes
import OpenAPIRuntime
import Testing

/// Webhooks delivered to one URL share a route and are told apart by their bodies (`RouteTable`): events that name
/// themselves (`"type": "a.deleted"`) are validated only against the webhooks whose fixed values they carry.
@Suite("Choosing among operations by their bodies")
struct BodyDispatchTests {
    /// A webhook whose contract finds `problems` in any body, with the fixed values `fixed`.
    func candidate(_ name: String, fixed: [(String, JSONValue)], problems: Int, calls: Recorded) -> RouteTable.Candidate {
        RouteTable.Candidate(
            template: RouteTemplate("/hooks"), fits: { _, _ in true },
            bodyFit: { _, _ in calls.add(name); return problems }, bodyLimit: 1 << 20,
            handler: { _, _, _ in
                var response = HTTPResponse(status: .noContent)
                if let field = HTTPField.Name("X-Chosen") { response.headerFields[field] = name }
                return (response, nil)
            },
            fixedBodyProperties: fixed.map { (name: $0.0, value: $0.1) })
    }

    /// Which webhook takes `body`, and which contracts were asked to count problems.
    func dispatch(_ body: String, problems: [String: Int]) async throws -> (chosen: String?, validated: [String]) {
        let calls = Recorded()
        let route = RouteTable.Route()
        for type in ["a.created", "a.deleted", "a.updated"] {
            route.add(candidate(type, fixed: [("type", .string(type)), ("object", "event")], problems: problems[type] ?? 0, calls: calls))
        }
        let request = HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/hooks")
        let found = try #require(try await route.handler(for: request, routed: [:], body: HTTPBody(body)))
        let (response, _) = try await found.handler(request, found.body, ServerRequestMetadata(pathParameters: [:]))
        return (response.headerFields[HTTPField.Name("X-Chosen")!], calls.all)
    }

    @Test func anEventThatNamesItselfIsValidatedOnlyAgainstItsOwnWebhook() async throws {
        let named = try await dispatch(#"{"object": "event", "type": "a.deleted", "id": 1}"#, problems: ["a.created": 1, "a.updated": 1])
        // Named by its values: no contract is tried (its own handler validates it once).
        #expect(named.chosen == "a.deleted" && named.validated.isEmpty, "\(named)")
    }

    /// Its own webhook's problems answer even when another event's contract finds fewer (the old rule picked the
    /// fewest, and a wrong-event 400 told the sender to change its `type`); several with the same values are tried.
    @Test func itsOwnWebhooksProblemsAnswerAnInvalidEvent() async throws {
        let invalid = try await dispatch(#"{"object": "event", "type": "a.deleted"}"#, problems: ["a.created": 1, "a.deleted": 3, "a.updated": 1])
        #expect(invalid.chosen == "a.deleted" && invalid.validated.isEmpty, "\(invalid)")
        // Two webhooks with the same fixed values (an event in two versions) are tried as before, only those two.
        let calls = Recorded()
        let route = RouteTable.Route()
        route.add(candidate("v1", fixed: [("type", "a.deleted")], problems: 2, calls: calls))
        route.add(candidate("v2", fixed: [("type", "a.deleted")], problems: 1, calls: calls))
        route.add(candidate("other", fixed: [("type", "a.created")], problems: 0, calls: calls))
        let request = HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/hooks")
        let found = try #require(try await route.handler(for: request, routed: [:], body: HTTPBody(#"{"type": "a.deleted"}"#)))
        let (response, _) = try await found.handler(request, found.body, ServerRequestMetadata(pathParameters: [:]))
        #expect(response.headerFields[HTTPField.Name("X-Chosen")!] == "v2" && calls.all == ["v1", "v2"], "\(calls.all)")
    }

    @Test func anEventNoWebhookNamesOrABodyThatIsNotJSONIsTriedAgainstEvery() async throws {
        let unknown = try await dispatch(#"{"object": "event", "type": "a.archived"}"#, problems: ["a.created": 2, "a.deleted": 2, "a.updated": 1])
        #expect(unknown.chosen == "a.updated" && unknown.validated == ["a.created", "a.deleted", "a.updated"], "\(unknown)")
        let text = try await dispatch("type=a.deleted", problems: ["a.created": 1, "a.deleted": 1, "a.updated": 1])
        #expect(text.chosen == "a.created" && text.validated.count == 3, "\(text)")
    }

    /// The fixed values come from the body schema: required properties with a `const` or a one-value `enum`,
    /// through references and `allOf`.
    @Test func fixedValuesAreTheRequiredSingleValuedProperties() {
        var base = SchemaKeywords()
        base.required = ["object"]
        base.properties = [("object", 6)]
        var event = SchemaKeywords()
        event.allOf = [0]
        event.required = ["type", "id", "note"]
        event.properties = [("type", 2), ("id", 4), ("note", 5)]
        var typeValue = SchemaKeywords()
        typeValue.enumValues = ["a.deleted"]
        var objectValue = SchemaKeywords()
        objectValue.constValue = "event"
        var two = SchemaKeywords()
        two.enumValues = ["x", "y"]
        var reference = SchemaKeywords()
        reference.ref = 3
        // 0 base (allOf member), 1 the event, 2 a one-value enum, 3 a const, 4 anything, 5 two values, 6 a reference to 3.
        let set = SchemaSet([base, event, typeValue, objectValue, SchemaKeywords(), two, reference])
        let fixed = set.fixedProperties(1).map { "\($0.name)=\($0.value.jsonText)" }.sorted()
        #expect(fixed == [#"object="event""#, #"type="a.deleted""#])
        // Not required: not fixed (a body may leave it out).
        event.required = ["id"]
        #expect(SchemaSet([base, event, typeValue, objectValue, SchemaKeywords(), two, reference]).fixedProperties(1).map(\.name) == ["object"])
    }
}
