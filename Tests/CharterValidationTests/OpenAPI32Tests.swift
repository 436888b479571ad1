import CharterRuntime
import CharterSpec
import CharterValidation
import Foundation
import CharterTestSupport
import Testing

/// What OpenAPI 3.2 adds, read into the model (generated code and serving are in `CatalogEndToEndTests`).
@Suite("OpenAPI 3.2")
struct OpenAPI32Tests {
    static let spec = "Specs/catalog-3.2.yaml"

    func load(_ text: String) -> LoadResult {
        SpecLoader().load(bytes: Array(text.utf8), path: "v32.yaml")
    }

    func shown(_ result: LoadResult) -> [String] {
        result.diagnostics.map { "\($0.location.map { "\($0.line):\($0.column)" } ?? "-") \($0.severity) \($0.message)" }
    }

    @Test func everyAdditionIsInTheModel() throws {
        let result = SpecLoader().load(path: TestPaths.packageRoot.appendingPathComponent(Self.spec).path)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let document = try #require(result.document)
        #expect(document.selfURI == "https://api.example.com/catalog/openapi.yaml")
        #expect(document.servers.first?.name == "production")
        #expect(document.tags.map { "\($0.name) \($0.summary ?? "-") \($0.parent ?? "-") \($0.kind ?? "-")" } == ["catalog Catalog - nav", "items Items catalog nav"])
        let schemes = Dictionary(uniqueKeysWithValues: document.components.securitySchemes.map { ($0.name, $0.value) })
        #expect(schemes["legacyKey"]?.deprecated == true)
        #expect(schemes["oauth"]?.deprecated == false)
        #expect(schemes["oauth"]?.oauth2MetadataUrl == "https://auth.example.com/.well-known/oauth-authorization-server")
        guard case .oauth2(let flows)? = schemes["oauth"]?.kind else { Issue.record("oauth2"); return }
        #expect(flows.map(\.kind) == [.deviceAuthorization])
        #expect(flows.first?.deviceAuthorizationUrl == "https://auth.example.com/device")

        let operations = document.operations.map(\.operation)
        #expect(operations.map(\.displayName) == ["QUERY /items", "GET /items", "GET /items/{id}", "COPY /items/{id}"])
        #expect(operations[0].responses.first?.summary == "The matches")
        #expect(operations[1].parameters.map { "\($0.name) \($0.location.rawValue) \($0.content.map(\.mediaType))" }
                == ["search querystring [\"application/x-www-form-urlencoded\"]"])
        let copy = operations[3]
        #expect(copy.method == HTTPMethod(custom: "COPY") && !copy.method.isStandard && copy.method.wireName == "COPY")
        let item = document[try #require(document.components.schema(named: "Item"))]
        #expect(item.discriminator?.defaultMapping?.ref == "#/components/schemas/OtherItem")
        #expect(item.discriminator?.defaultMapping?.target.map(document.resolved) == document.components.schema(named: "OtherItem"))
    }

    @Test func misuseIsLocatedAndWhatWasAssumedIsSaid() {
        let result = load("""
            openapi: 3.2.0
            info: {title: t, version: '1'}
            tags:
              - {name: a, parent: b}
              - {name: b, parent: a}
              - {name: c, parent: nowhere}
            paths:
              /x:
                get:
                  parameters:
                    - {name: q, in: querystring, schema: {type: object}}
                    - {name: r, in: querystring, content: {application/json: {schema: {type: object}}}}
                    - {name: s, in: query, schema: {type: string}}
                  responses: {'200': {description: ok}}
                additionalOperations:
                  POST: {responses: {'200': {description: ok}}}
                  'BAD METHOD': {responses: {'200': {description: ok}}}
                  PURGE: {responses: {'204': {description: gone}}}

            """)
        #expect(shown(result) == [
            "4:23 error tag 'a' is its own ancestor through 'parent'",
            "6:23 error tag 'c' names parent 'nowhere', which no tag declares",
            "10:7 error GET /x has 2 querystring parameters; the query string is one value",
            "10:7 error GET /x has a querystring parameter and query parameter 's'; 3.2 allows one or the other",
            "11:46 error querystring parameter 'q' must be described by 'content', not 'schema'",
            "16:7 error 'POST' is a standard method; write it as the path item's 'post' field, not under additionalOperations",
            "17:7 error 'BAD METHOD' is not an HTTP method name (a token of letters, digits and !#$%&'*+-.^_`|~)",
        ], "\(shown(result))")
        // Understood problems leave a usable document: one querystring parameter, PURGE routed, the loop cut.
        #expect(result.isUsable(strict: false))
        let operations = result.document?.operations.map(\.operation) ?? []
        #expect(operations.map(\.displayName) == ["GET /x", "PURGE /x"])
        #expect(operations.first?.parameters.map(\.name) == ["q", "s"])
        #expect(result.document?.tags.map { $0.parent ?? "-" } == ["-", "a", "-"])
    }

    @Test func earlierVersionsDoNotReadWhat3Point2Added() {
        let result = load("""
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths:
              /x:
                parameters:
                  - {name: q, in: querystring, content: {application/json: {schema: {type: object}}}}
                query: {responses: {'200': {description: ok}}}
                additionalOperations:
                  PURGE: {responses: {'204': {description: gone}}}

            """)
        #expect(shown(result) == [
            "6:23 error parameter 'q': 'in' must be one of path, query, header, cookie; found 'querystring'",
            "7:5 warning unknown field 'query' in path item '/x'; ignored",
            "8:5 warning unknown field 'additionalOperations' in path item '/x'; ignored",
        ], "\(shown(result))")
    }

    /// 3.2's `components.mediaTypes` are a components section (referred to from `content`), and an example's
    /// `dataValue` is its data while `serializedValue` is the text sent: read as JSON for a JSON media type (at the
    /// string's place in the file), as itself for text, a located warning when it is not the JSON it should be.
    @Test func sharedMediaTypesAndSerialisedExamplesAreRead() throws {
        let result = load("""
            openapi: 3.2.0
            info: {title: t, version: '1'}
            paths:
              /pets:
                get:
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json: {$ref: '#/components/mediaTypes/PetList'}
                        text/plain:
                          schema: {type: string}
                          examples: {line: {serializedValue: 'a, b'}}
                post:
                  requestBody:
                    content:
                      application/json: {$ref: '#/components/mediaTypes/PetList'}
                  responses: {'204': {description: added}}
            components:
              mediaTypes:
                PetList:
                  schema: {type: array, items: {type: string}}
                  examples:
                    data: {dataValue: [a, b]}
                    sent: {serializedValue: '["c", 4]'}
                    broken: {serializedValue: '["d",'}
                    both: {value: [e], dataValue: [f]}
            """)
        #expect(shown(result) == [
            "26:40 warning the serializedValue of an example of application/json is not JSON (JSON syntax error: unexpected end of file, expected a value); the example has no data",
            "27:39 error an example has 'value' beside 'dataValue' or 'serializedValue', which replace it in 3.2; use those",
        ], "\(shown(result))")
        let document = try #require(result.document)
        #expect(document.components.mediaTypes.map(\.name) == ["PetList"])
        let get = try #require(document.operations.first { $0.operation.method == .get }?.operation)
        let json = try #require(get.responses.first?.content.first { $0.mediaType == "application/json" })
        let examples = Dictionary(uniqueKeysWithValues: json.examples.map { ($0.name, $0.value) })
        #expect(examples["data"]?.value.map { JSONValue($0).jsonText } == #"["a","b"]"#)
        #expect(examples["sent"]?.value.map { JSONValue($0).jsonText } == #"["c",4]"#)
        #expect(examples["sent"]?.value?.elements.last.map { "\($0.location.line):\($0.location.column)" } == "25:39", "the data is placed where its text is")
        #expect(examples["sent"]?.serializedValue?.text == #"["c", 4]"#)
        #expect(examples["broken"]?.value == nil)
        #expect(examples["both"]?.value.map { JSONValue($0).jsonText } == #"["e"]"#)
        let text = try #require(get.responses.first?.content.first { $0.mediaType == "text/plain" })
        #expect(text.examples.first?.value.value?.text == "a, b")

        // The shared example is checked against its schema once, though request and response both use it.
        let validator = SpecValidator(document: document)
        #expect(rendered(validator.exampleDiagnostics()) == ["25:33: warning: example 'sent' does not match its schema: [1]: Must be a string"])
    }

    /// 3.2 lets a security requirement name its scheme by URI: one in the components is that component, one in
    /// another file joins the components under its own name, one that does not resolve is a located error; a
    /// component name is still a name, and before 3.2 a URI is an undeclared name.
    @Test func requirementsNameSchemesByURI() throws {
        let folder = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "components:\n  securitySchemes:\n    partnerKey: {type: apiKey, in: header, name: X-Partner}\n"
            .write(to: folder.appendingPathComponent("shared.yaml"), atomically: true, encoding: .utf8)
        let spec = """
            openapi: 3.2.0
            info: {title: t, version: '1'}
            security:
              - '#/components/securitySchemes/key': []
            paths:
              /a:
                get:
                  security:
                    - 'shared.yaml#/components/securitySchemes/partnerKey': []
                    - key: []
                  responses: {'204': {description: ok}}
              /b:
                get:
                  security:
                    - '#/components/securitySchemes/nope': []
                  responses: {'204': {description: ok}}
            components:
              securitySchemes:
                key: {type: apiKey, in: header, name: X-Key}
            """
        let file = folder.appendingPathComponent("api.yaml")
        try spec.write(to: file, atomically: true, encoding: .utf8)
        let result = SpecLoader().load(path: file.path)
        #expect(shown(result) == ["15:11 error reference '#/components/securitySchemes/nope' does not resolve: no 'nope' in /components/securitySchemes"])
        let document = try #require(result.document)
        #expect(document.security?.map { $0.schemes.map { $0.name } } == [["key"]])
        let a = try #require(document.operations.map(\.operation).first { $0.displayName == "GET /a" })
        #expect(a.security?.map { $0.schemes.map { $0.name } } == [["partnerKey"], ["key"]])
        // One that does not resolve stays as written: a requirement nothing satisfies, not one asking for nothing.
        let b = try #require(document.operations.map(\.operation).first { $0.displayName == "GET /b" })
        #expect(b.security?.map { $0.schemes.map { $0.name } } == [["#/components/securitySchemes/nope"]])
        #expect(document.components.securitySchemes.map(\.name) == ["key", "partnerKey"])
        guard case .apiKey(let header, .header)? = document.components.securitySchemes.last?.value.kind else { Issue.record("partnerKey"); return }
        #expect(header == "X-Partner")

        let older = load(spec.replacingOccurrences(of: "3.2.0", with: "3.1.0"))
        #expect(shown(older).first == "4:5 error security requirement names '#/components/securitySchemes/key', which components.securitySchemes does not define", "\(shown(older))")
    }

    @Test func defaultMappingValidatesValuesTheMappingDoesNotName() throws {
        let schema = """
            Item:
              oneOf: [{$ref: '#/components/schemas/Book'}, {$ref: '#/components/schemas/Other'}]
              discriminator: {propertyName: kind, mapping: {book: '#/components/schemas/Book'}, defaultMapping: Other}
            Book: {type: object, required: [kind, isbn], properties: {kind: {type: string}, isbn: {type: string}}}
            Other: {type: object, required: [name], properties: {kind: {type: string}, name: {type: string}}}

        """
        #expect(try issues(#"{"kind": "book", "isbn": "1"}"#, against: "Item", in: schema, version: "3.2.0").isEmpty)
        #expect(try issues(#"{"kind": "gadget", "name": "x"}"#, against: "Item", in: schema, version: "3.2.0").isEmpty)
        #expect(try issues(#"{"name": "no kind"}"#, against: "Item", in: schema, version: "3.2.0").isEmpty)
        #expect(try issues(#"{"kind": "gadget"}"#, against: "Item", in: schema, version: "3.2.0") == ["name|/name|required|Required property missing"])
    }
}
