import CharterSpec
import Foundation
import CharterTestSupport
import Testing

/// Specs as vendors publish them: problems whose meaning is clear are errors to `lint` (and to every command run
/// with `--strict`) but warnings saying what was assumed to `generate`, `diff` and `validate`, which go on with a
/// document that reflects the assumption.
@Suite("Understood-but-invalid specs")
struct TolerantSpecTests {
    static let fixture = "Tests/CharterSpecTests/Fixtures/tolerant/imperfect.yaml"

    func loaded() throws -> LoadResult {
        let text = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent(Self.fixture), encoding: .utf8)
        return SpecLoader().load(bytes: Array(text.utf8), path: "imperfect.yaml")
    }

    @Test func everyProblemIsAnErrorToLintAndAWarningWithItsAssumptionOtherwise() throws {
        let result = try loaded()
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 17)
        #expect(errors.allSatisfy { $0.assumption != nil })
        #expect(!result.isUsable(strict: true))
        #expect(result.isUsable(strict: false))
        #expect(rendered(result.diagnostics(strict: false)) == [
            "3:10: warning: info.title must be a string, found null; assumed it is not there",
            "10:11: warning: path parameter 'id' must have 'required: true'; assumed it is required (a path always has it)",
            "12:16: warning: a response is missing required field 'description'; assumed an empty description",
            "14:5: warning: path '/fields/{fieldId}' is equivalent to '/fields/{id}' (only parameter names differ); a request's path cannot say which it means; assumed both; a server passes a request to the one whose parameters it satisfies, trying the narrower parameters first",
            "15:7: warning: duplicate operationId 'getField' (first used by GET /fields/{id} at line 8, column 7); assumed 'getField_2' for this operation",
            "22:7: warning: operation GET /groups/{group}/items is missing required field 'responses'; assumed no documented response (every status is undocumented)",
            "22:7: warning: path parameter 'group' of '/groups/{group}/items' is not declared by GET /groups/{group}/items; assumed a required string parameter 'group'",
            "23:19: warning: security requirement names 'missingScheme', which components.securitySchemes does not define; assumed the requirement as written (nothing can check its credentials)",
            "24:3: warning: path 'items/{item}' must start with '/'; assumed '/items/{item}'",
            "28:57: warning: parameter 'item': style 'form' is not allowed for path parameters (allowed: matrix, label, simple); assumed 'simple', the default for path parameters",
            "29:11: warning: path parameter 'extra' is declared but '/items/{item}' has no '{extra}'; assumed it is not there",
            "32:9: warning: response key '999' is not a status code (100–599), a range like '2XX', or 'default'; assumed the response is not there",
            "38:39: warning: invalid regular expression '(unclosed': the pattern does not compile (missing ')' at offset 9); assumed the pattern is not enforced",
            "39:25: warning: 'oneOf' must not be empty; assumed no 'oneOf'",
            "40:15: warning: minimum 10 is greater than maximum 1; assumed the bounds as written (no value can meet both)",
            "40:68: warning: multipleOf must be greater than 0; assumed no multipleOf",
            "41:41: warning: 'required' in a schema is a list of property names, not a boolean (that form belongs to parameters); assumed it is not there",
        ])
    }

    /// Generators that serialise unset fields as null (`required: null`, `tags: ~`, `maxLength: null`) write
    /// nothing in effect; an empty pattern is a valid expression that matches every string.
    @Test func nullFieldsAreAbsentAndTheEmptyPatternIsValid() throws {
        let yaml = """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /a:
            get:
              tags: null
              parameters: [{name: q, in: query, schema: {type: string, pattern: '', maxLength: null, minimum: null}}]
              responses:
                '200':
                  description: ok
                  content: {application/json: {schema: {type: object, required: null, properties: {n: {type: string, nullable: null}}}}}
        """
        let result = SpecLoader().load(bytes: Array(yaml.utf8), path: "nulls.yaml")
        #expect(result.isUsable(strict: false) && !result.isUsable(strict: true))
        #expect(rendered(result.diagnostics(strict: false)) == [
            "6:13: warning: operation tags must be a sequence, found null; assumed it is not there",
            "7:88: warning: maxLength must be a non-negative integer, found null; assumed it is not there",
            "7:103: warning: minimum must be a number, found null; assumed it is not there",
            "11:73: warning: required must be a sequence, found null; assumed it is not there",
            "11:120: warning: nullable must be a boolean, found null; assumed it is not there",
        ])
        let schema = try #require(result.document?.operations.first?.operation.parameters.first?.schema)
        #expect(result.document?[schema].maxLength == nil && result.document?[schema].pattern == "")
    }

    /// Specs written from code name types as the language does (`int`, `double`, `String`): the meaning is
    /// clear, so the type is read as the JSON type named, with a warning; a name with no clear meaning is no type.
    @Test func aTypeNamedAsALanguageNamesItIsThatJSONType() throws {
        let yaml = """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths: {}
        components:
          schemas:
            A: {type: int}
            B: {type: Double}
            C: {type: [bool, str]}
            D: {type: widget}
        """
        let result = SpecLoader().load(bytes: Array(yaml.utf8), path: "types.yaml")
        #expect(result.isUsable(strict: false) && !result.isUsable(strict: true))
        let document = try #require(result.document)
        let types = document.components.schemas.map { document[$0.id].types?.typeNames ?? [] }
        #expect(types == [["integer"], ["number"], ["boolean", "string"], []])
        #expect(rendered(result.diagnostics(strict: false)).prefix(2) == [
            "6:15: warning: unknown type 'int'; expected one of null, boolean, object, array, number, integer, string; assumed 'integer'",
            "7:15: warning: unknown type 'Double'; expected one of null, boolean, object, array, number, integer, string; assumed 'number'",
        ])
    }

    @Test func theDocumentReflectsWhatWasAssumed() throws {
        let document = try #require(try loaded().document)
        let byId = Dictionary(document.operations.map { ($0.operation.operationId, $0.operation) }, uniquingKeysWith: { a, _ in a })
        #expect(document.info.title == "")
        #expect(try #require(byId["getField"]).parameters.map { "\($0.name) \($0.required)" } == ["id true"])
        let renamed = try #require(byId["getField_2"])
        #expect(renamed.method == .put && renamed.path == "/fields/{fieldId}")
        let list = try #require(byId["listItems"])
        #expect(list.parameters.map { "\($0.name) \($0.location) \($0.required)" } == ["group path true"])
        #expect(list.responses.isEmpty)
        let delete = try #require(byId["deleteItem"])
        #expect(delete.path == "/items/{item}")
        #expect(delete.parameters.map { "\($0.name) \($0.style)" } == ["item simple"])
        #expect(delete.responses.map(\.statusCode) == ["200"])
        let field = try #require(document.components.schemas.first { $0.name == "Field" })
        let size = try #require(document[field.id].properties.first { $0.name == "size" })
        #expect(document[size.schema].multipleOf == nil)
        #expect(document[size.schema].minimum?.value == 10 && document[size.schema].maximum?.value == 1)
        #expect(document[try #require(document[field.id].properties.first { $0.name == "choice" }).schema].oneOf.isEmpty)
    }

    @Test func generateGoesOnWithWarningsAndStrictRefuses() throws {
        let out = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try runGenerate([Self.fixture, "--output", out.path])
        #expect(run.status == 0)
        #expect(run.stderr.contains("imperfect.yaml:15:7: warning: duplicate operationId 'getField' (first used by GET /fields/{id} at line 8, column 7); assumed 'getField_2' for this operation"))
        // Paths equal but for a parameter's name are both served (the server tells them apart by parameters).
        #expect(!run.stderr.contains("left out of the generated server"))
        // The loader's word on an unusable pattern is the only one (the schema compiler does not repeat it).
        #expect(run.stderr.components(separatedBy: "(unclosed").count == 2)
        let client = try String(contentsOf: out.appendingPathComponent("Client.swift"), encoding: .utf8)
        #expect(client.contains("func getField2("))
        let server = try String(contentsOf: out.appendingPathComponent("Server.swift"), encoding: .utf8)
        #expect(server.contains("func getField2(") && server.contains("func getField("))
        #expect(server.contains("deleteItem"))
        let strict = try runGenerate([Self.fixture, "--output", out.appendingPathComponent("strict").path, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("imperfect.yaml:24:3: error: path 'items/{item}' must start with '/'"))
        #expect(try runGenerate(["lint", Self.fixture]).status == 1)
    }

    @Test func diffComparesAnImperfectSpecAndReportsEachAssumptionOnce() throws {
        let run = try runGenerate(["diff", Self.fixture, Self.fixture])
        #expect(run.status == 0)
        #expect(run.stdout.contains("0 changes"))
        #expect(run.stderr.components(separatedBy: "must start with '/'").count == 2)
        let strict = try runGenerate(["diff", Self.fixture, Self.fixture, "--strict"])
        #expect(strict.status == 2)
        #expect(strict.stderr.contains("error: path 'items/{item}' must start with '/'"))
    }

    @Test func validateChecksPayloadsAgainstTheAssumedDocument() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let payload = dir.appendingPathComponent("field.json")
        // The broken pattern is not enforced; the contradictory bounds are, as written.
        try #"{"code": "(", "size": 5}"#.write(to: payload, atomically: true, encoding: .utf8)
        let run = try runGenerate(["validate", Self.fixture, "--schema", "Field", payload.path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("\"valid\":false"))
        #expect(run.stdout.contains("minimum"))
        #expect(!run.stdout.contains("pattern"))
        let strict = try runGenerate(["validate", Self.fixture, "--schema", "Field", payload.path, "--strict"])
        #expect(strict.status == 2)
    }

    /// Files outside the spec's folder are refused by every command unless `--allow-outside-refs` says otherwise.
    @Test func everyCommandReadsSharedFilesBesideTheTreeWhenAllowed() throws {
        let spec = "Tests/CharterSpecTests/Fixtures/outside/api/openapi.yaml"
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let payload = dir.appendingPathComponent("item.json")
        try #"{"id": 0}"#.write(to: payload, atomically: true, encoding: .utf8)
        let commands: [[String]] = [
            ["lint", spec], ["diff", spec, spec], ["validate", spec, "--schema", "Item", payload.path],
            [spec, "--output", dir.appendingPathComponent("out").path],
        ]
        for command in commands {
            let refused = try runGenerate(command)
            #expect(refused.status != 0, "\(command)")
            #expect((refused.stdout + refused.stderr).contains("leaves the root spec's folder; refused (--allow-outside-refs"), "\(command)")
            let allowed = try runGenerate(command + ["--allow-outside-refs"])
            #expect(!(allowed.stdout + allowed.stderr).contains("error:"), "\(command): \(allowed.stderr)")
            // validate finds the payload's violation (id ≥ 1) in the shared file's schema; the rest succeed.
            #expect(allowed.status == (command[0] == "validate" ? 1 : 0), "\(command): \(allowed.stdout)")
        }
    }
}
