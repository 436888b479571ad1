import CharterRuntime
import CharterSpec
import CharterValidation
import CharterTestSupport
import Testing

/// The JSON Schema dialect follows `$schema`, then `jsonSchemaDialect`, then the `openapi` version, and decides
/// the keywords where dialects differ (a `$ref` beside other keywords, boolean exclusive bounds, `hostname`).
@Suite("Schema dialects")
struct SchemaDialectTests {
    func load(_ header: String, _ components: String) throws -> (SpecValidator, [Diagnostic]) {
        let spec = header + "info: {title: t, version: '1'}\ncomponents:\n  schemas:\n" + components
        let result = SpecLoader().load(bytes: Array(spec.utf8), path: "dialect.yaml")
        let document = try #require(result.document, "\(result.diagnostics)")
        return (SpecValidator(document: document), result.diagnostics)
    }

    func accepts(_ validator: SpecValidator, _ json: String, _ schema: String) throws -> Bool {
        try #require(validator.validate(try JSONParser.parse(json), schema: schema, direction: .request)).isEmpty
    }

    static let refWithSibling = """
        Base: {type: integer}
        Big: {$ref: '#/components/schemas/Base', minimum: 10}

    """

    @Test func aRefBesideOtherKeywordsFollowsTheDialect() throws {
        // 3.1 reads 2020-12: the sibling applies.
        let (modern, _) = try load("openapi: 3.1.0\n", Self.refWithSibling)
        #expect(try !accepts(modern, "5", "Big"))
        // The same document declaring draft 7: the $ref replaces its sibling.
        let (draft7, warnings) = try load("openapi: 3.1.0\njsonSchemaDialect: http://json-schema.org/draft-07/schema#\n", Self.refWithSibling)
        #expect(try accepts(draft7, "5", "Big"))
        #expect(try !accepts(draft7, "\"x\"", "Big"))
        #expect(warnings.allSatisfy { !$0.message.contains("dialect") })
        // OpenAPI's own dialect URI is 2020-12.
        let (oas, oasWarnings) = try load("openapi: 3.1.0\njsonSchemaDialect: https://spec.openapis.org/oas/3.1/dialect/base\n", Self.refWithSibling)
        #expect(try !accepts(oas, "5", "Big"))
        #expect(oasWarnings.allSatisfy { !$0.message.contains("dialect") })
    }

    @Test func aSchemasOwnDollarSchemaWinsForItsSubtree() throws {
        let components = """
            Legacy:
              $schema: http://json-schema.org/draft-04/schema#
              type: object
              properties:
                count: {type: integer, maximum: 10, exclusiveMaximum: true}
                ref: {$ref: '#/components/schemas/Modern', maxLength: 1}
            Modern: {type: string, maxLength: 5}

        """
        let (validator, diagnostics) = try load("openapi: 3.1.0\n", components)
        // Draft 4's boolean exclusive bound, read without the "3.0 form" warning a 2020-12 schema gets.
        #expect(try !accepts(validator, #"{"count": 10}"#, "Legacy"))
        #expect(try accepts(validator, #"{"count": 9}"#, "Legacy"))
        #expect(!diagnostics.contains { $0.message.contains("exclusiveMaximum") }, "\(diagnostics)")
        // Inside the draft 4 resource a $ref replaces `maxLength: 1`; the referenced 2020-12 schema keeps its own.
        #expect(try accepts(validator, #"{"ref": "abc"}"#, "Legacy"))
        #expect(try !accepts(validator, #"{"ref": "abcdef"}"#, "Legacy"))
    }

    @Test func anUnknownDialectIsALocatedWarningAndTheDefaultIsAssumed() throws {
        let (validator, diagnostics) = try load("openapi: 3.1.0\njsonSchemaDialect: https://example.com/my-dialect\n", Self.refWithSibling)
        let warning = try #require(diagnostics.first { $0.message.contains("unknown JSON Schema dialect") })
        #expect(warning.severity == .warning && warning.message.contains("draft 2020-12"))
        #expect(warning.location?.line == 2 && warning.location?.column == 20, "\(warning)")
        #expect(try !accepts(validator, "5", "Big"))
        let (_, schemaDiagnostics) = try load("openapi: 3.1.0\n", "    Odd: {$schema: 'urn:example:odd', type: string}\n")
        #expect(schemaDiagnostics.contains { $0.message == "unknown JSON Schema dialect 'urn:example:odd'; read as draft 2020-12" })
    }

    @Test func dialectURIsAreRecognisedInTheirCommonSpellings() {
        #expect(SchemaDialect(uri: "http://json-schema.org/draft-04/schema#") == .draft4)
        #expect(SchemaDialect(uri: "https://json-schema.org/draft-04/schema") == .draft4)
        #expect(SchemaDialect(uri: "http://json-schema.org/draft-06/schema#") == .draft6)
        #expect(SchemaDialect(uri: "https://json-schema.org/draft/2019-09/schema") == .draft2019_09)
        #expect(SchemaDialect(uri: "https://json-schema.org/draft/2020-12/schema") == .draft2020_12)
        #expect(SchemaDialect(uri: "https://spec.openapis.org/oas/3.1/dialect/2024-11-10") == .draft2020_12)
        #expect(SchemaDialect(uri: "https://example.com/schema") == nil)
        #expect(SchemaDialect.draft7.refReplacesSiblings && !SchemaDialect.draft2019_09.refReplacesSiblings)
        #expect(SchemaDialect.default(for: .v3_0) == .openAPI30 && SchemaDialect.default(for: .v3_2) == .draft2020_12)
    }
}
