import CharterDiff
import CharterSpec
import XCTest

/// A changed schema shared by several operations, reached as the body, as array items and as a property:
/// each operation reports the change at its own path and field, whichever operation the diff meets first.
final class SharedSchemaTests: XCTestCase {
    static func spec(thing: String, reversed: Bool) -> String {
        var paths = [
            "  /things/{id}:\n    get: {operationId: one, responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}}}",
            "  /things:\n    get: {operationId: all, responses: {'200': {description: ok, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Thing'}}}}}}}",
            "  /wrapped:\n    get: {operationId: wrapped, responses: {'200': {description: ok, content: {application/json: {schema: {type: object, properties: {thing: {$ref: '#/components/schemas/Thing'}}}}}}}}",
        ]
        if reversed { paths.reverse() }
        return "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n" + paths.joined(separator: "\n")
            + "\ncomponents:\n  schemas:\n    Thing: \(thing)\n    Node: {type: object, properties: {next: {$ref: '#/components/schemas/Node'}, thing: {$ref: '#/components/schemas/Thing'}}}\n"
    }

    static let before = "{type: object, required: [a], properties: {a: {type: string}, b: {type: integer}}}"
    static let after = "{type: object, properties: {b: {type: string}}}"

    func findings(reversed: Bool) throws -> Set<String> {
        func load(_ yaml: String) throws -> Document {
            let result = SpecLoader().load(bytes: Array(yaml.utf8), path: "spec.yaml")
            return try XCTUnwrap(result.document, "\(result.diagnostics)")
        }
        let found = SpecDiff.compare(old: try load(Self.spec(thing: Self.before, reversed: reversed)),
                                     new: try load(Self.spec(thing: Self.after, reversed: reversed)))
        return Set(found.map { "\($0.operation)|\($0.ruleID)|\($0.field)|\($0.path)|\($0.message)" })
    }

    func testEachOperationReportsTheChangeWhereItMeetsIt() throws {
        let body = "/responses/200/content/application~1json/schema"
        let expected: Set<String> = [
            "GET /things/{id}|response-required-property-removed|a|/paths/~1things~1{id}/get\(body)/properties/a|'a' was removed from the response (every response carried it)",
            "GET /things/{id}|response-property-type-changed|b|/paths/~1things~1{id}/get\(body)/properties/b|'b' type changed from integer to string",
            "GET /things|response-required-property-removed|[].a|/paths/~1things/get\(body)/items/properties/a|'[].a' was removed from the response (every response carried it)",
            "GET /things|response-property-type-changed|[].b|/paths/~1things/get\(body)/items/properties/b|'[].b' type changed from integer to string",
            "GET /wrapped|response-required-property-removed|thing.a|/paths/~1wrapped/get\(body)/properties/thing/properties/a|'thing.a' was removed from the response (every response carried it)",
            "GET /wrapped|response-property-type-changed|thing.b|/paths/~1wrapped/get\(body)/properties/thing/properties/b|'thing.b' type changed from integer to string",
        ]
        XCTAssertEqual(try findings(reversed: false), expected)
        XCTAssertEqual(try findings(reversed: true), expected)
    }
}

final class HeaderSchemaTests: XCTestCase {
    func testResponseHeaderValuesAreComparedLikeBodies() throws {
        func spec(_ header: String) throws -> Document {
            let yaml = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {'200': {description: ok, headers: {X-Rate: {schema: \(header)}}}}\n"
            return try XCTUnwrap(SpecLoader().load(bytes: Array(yaml.utf8), path: "h.yaml").document)
        }
        let findings = SpecDiff.compare(old: try spec("{type: integer, maximum: 100}"), new: try spec("{type: string}"))
        XCTAssertEqual(findings.map { "\($0.ruleID) \($0.field) \($0.path)" }, [
            "response-header-type-changed X-Rate /paths/~1a/get/responses/200/headers/X-Rate/schema",
            "response-property-max-increased X-Rate /paths/~1a/get/responses/200/headers/X-Rate/schema",
        ])
    }
}

/// Refactorings that change how a spec is written but not what it accepts or returns.
final class RefactoringTests: XCTestCase {
    func diff(_ old: String, _ new: String, components: String = "") throws -> [String] {
        func spec(_ schema: String) throws -> Document {
            let yaml = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    post:\n      requestBody: {content: {application/json: {schema: \(schema)}}}\n"
                + "      responses: {'200': {description: ok, content: {application/json: {schema: \(schema)}}}}\n"
                + "components:\n  schemas:\n    Base: {type: object, required: [a], properties: {a: {type: string}}}\n" + components
            let result = SpecLoader().load(bytes: Array(yaml.utf8), path: "r.yaml")
            return try XCTUnwrap(result.document, "\(result.diagnostics)")
        }
        return SpecDiff.compare(old: try spec(old), new: try spec(new)).map(\.ruleID)
    }

    func testMovingPropertiesIntoAllOfOrComponentsIsNoChange() throws {
        let inline = "{type: object, required: [a, b], properties: {a: {type: string}, b: {type: integer}}}"
        XCTAssertEqual(try diff(inline, "{allOf: [{$ref: '#/components/schemas/Base'}, {type: object, required: [b], properties: {b: {type: integer}}}]}"), [])
        XCTAssertEqual(try diff(inline, "{$ref: '#/components/schemas/Whole'}",
                                components: "    Whole: {type: object, required: [a, b], properties: {a: {type: string}, b: {type: integer}}}\n"), [])
        // …while a real change inside the allOf member is still seen, in both directions.
        XCTAssertEqual(Set(try diff(inline, "{allOf: [{$ref: '#/components/schemas/Base'}, {type: object, properties: {b: {type: integer}}}]}")),
                       ["request-property-became-optional", "response-property-became-optional"])
    }
}

/// Webhooks: the API sends the request, so its payload breaks receivers the way a response breaks clients.
final class WebhookTests: XCTestCase {
    func spec(_ payload: String, webhook: String = "petAdopted") throws -> Document {
        let yaml = """
        openapi: 3.1.0
        info: {title: t, version: '1'}
        paths:
          /pets:
            get:
              responses: {'200': {description: ok}}
              callbacks:
                onAdopt: {'{$request.query.url}': {post: {responses: {'200': {description: ok}}}}}
        webhooks:
          \(webhook):
            post:
              requestBody: {content: {application/json: {schema: \(payload)}}}
              responses: {'200': {description: received}}
        """
        return try XCTUnwrap(SpecLoader().load(bytes: Array(yaml.utf8), path: "w.yaml").document)
    }

    func testWebhookPayloadsAreComparedAsResponses() throws {
        let before = "{type: object, required: [id, name], properties: {id: {type: integer}, name: {type: string}}}"
        let after = "{type: object, required: [id], properties: {id: {type: integer}, name: {type: string}, kind: {type: string, enum: [cat]}}}"
        let report = SpecDiff.report(old: try spec(before), new: try spec(after))
        XCTAssertEqual(report.findings.map { "\($0.operation) \($0.ruleID) \($0.path)" }, [
            "POST webhook petAdopted response-property-became-optional /webhooks/petAdopted/post/requestBody/content/application~1json/schema/properties/name",
            "POST webhook petAdopted response-optional-property-added /webhooks/petAdopted/post/requestBody/content/application~1json/schema/properties/kind",
        ])
        // Callbacks are not compared, and the diff says so with their location.
        XCTAssertEqual(report.notes.map(\.description).first, "w.yaml:8:18: warning: callback 'onAdopt' of GET /pets is not compared")
        let renamed = SpecDiff.compare(old: try spec(before), new: try spec(before, webhook: "petRehomed"))
        XCTAssertEqual(renamed.map(\.ruleID), ["webhook-removed", "webhook-added"])
    }
}
