import CharterSpec
import Foundation
import CharterTestSupport
import Testing

/// Swagger 2.0 documents are read as the OpenAPI 3.0 documents they describe, with the 2.0 file's locations.
@Suite("Swagger 2.0")
struct Swagger2Tests {
    static let spec = "Specs/pets-swagger2.yaml"
    static let migrated = "Tests/CharterSpecTests/Fixtures/swagger2/pets-openapi3.yaml"
    static let broken = "Tests/CharterSpecTests/Fixtures/swagger2/broken.yaml"

    func load(_ path: String) -> LoadResult {
        SpecLoader().load(path: TestPaths.packageRoot.appendingPathComponent(path).path)
    }

    @Test func everyMovedPartLandsWhereOpenAPI3KeepsIt() throws {
        let result = load(Self.spec)
        #expect(!result.hasErrors, "\(result.diagnostics)")
        #expect(result.diagnostics.map(\.message) == ["Swagger 2.0 document: read as the OpenAPI 3.0 document it describes (locations are this file's)"])
        let document = try #require(result.document)
        #expect(document.version == .v3_0)
        #expect(document.servers.map(\.url) == ["https://pets.example.com/v1"])
        #expect(document.components.schemas.map(\.name) == ["Pet", "Dog", "Error"])
        #expect(document.components.securitySchemes.map(\.name) == ["basic", "key", "oauth"])
        guard case .http(let scheme, _) = document.components.securitySchemes[0].value.kind, case .oauth2(let flows) = document.components.securitySchemes[2].value.kind else {
            Issue.record("basic → http, oauth2 → flows"); return
        }
        #expect(scheme == "basic")
        #expect(flows.first?.tokenUrl == "https://auth.example.com/token")

        let operations = Dictionary(uniqueKeysWithValues: document.paths.flatMap(\.operations).map { ($0.operationId, $0) })
        let list = try #require(operations["listPets"])
        #expect(list.parameters.map { "\($0.name) \($0.style.rawValue) \($0.explode)" }
                == ["limit form true", "tags form false", "ids form true", "sort pipeDelimited false", "X-Trace simple false"])
        #expect(list.parameters[0].componentName == "limit")
        // A pointer written as 2.0 (`#/definitions/Pet`) names the component.
        let listed = try #require(list.responses.first?.content.first?.schema)
        let item = try #require(document[listed].items)
        #expect(document[item].ref?.componentName == "Pet")
        #expect(list.responses.first?.headers.map(\.name) == ["X-Total"])
        #expect(list.responses.first?.content.first?.example != nil)

        let create = try #require(operations["createPet"]?.requestBody)
        #expect(create.required)
        #expect(create.content.map(\.mediaType) == ["application/json"])
        let upload = try #require(operations["uploadPhoto"]?.requestBody)
        #expect(upload.content.map(\.mediaType) == ["multipart/form-data"])
        let form = try #require(upload.content[0].schema)
        let file = try #require(document[form].properties.last)
        #expect(file.name == "file" && document[file.schema].format == "binary")
        let login = try #require(operations["login"]?.requestBody?.content.first)
        #expect(login.mediaType == "application/x-www-form-urlencoded")
        #expect(login.encoding.map { "\($0.name) \($0.value.style?.rawValue ?? "-") \($0.value.explode.map(String.init) ?? "-")" } == ["scopes form false"])
        #expect(operations["downloadPhoto"]?.responses.first?.content.map(\.mediaType) == ["image/png"])
        #expect(operations["getPet"]?.responses.last?.componentName == "NotFound")

        let pet = document[try #require(document.components.schema(named: "Pet"))]
        #expect(pet.discriminator?.propertyName == "kind")
        let nickname = try #require(pet.properties.first { $0.name == "nickname" })
        #expect(document[nickname.schema].isNullable)
    }

    @Test func problemsAreReportedWhereThe2Point0FileHasThem() {
        let result = load(Self.broken)
        let shown = result.diagnostics.map { d in "\(d.location.map { "\($0.line):\($0.column)" } ?? "-") \(d.severity) \(d.message)" }
        #expect(shown == [
            "1:10 note Swagger 2.0 document: read as the OpenAPI 3.0 document it describes (locations are this file's)",
            "7:11 error path parameter 'id' must have 'required: true'",
            "13:29 warning collectionFormat 'tsv' has no OpenAPI 3 equivalent; read as 'csv'",
            "19:19 error reference '#/definitions/Missing' does not resolve: no 'Missing' in /definitions",
            "21:7 error operation POST /things/{id} is missing required field 'responses'",
            "26:17 error reference '#/parameters/nowhere' does not resolve: no 'parameters' in the document root",
            "32:15 error reference '#/definitions/Person' does not resolve: no 'Person' in /definitions",
            "34:15 error '$ref: Size' is not a reference (a JSON pointer or a file)",
        ], "\(shown)")
        // Read anyway, with the 1.2-era bare name taken as the definition it names.
        #expect(result.diagnostics.last?.assumption == "'#/definitions/Size'")
    }

    @Test func aMigrationTo3Point0DiffsAsNoChangeAndItsEditsStillShow() throws {
        let same = try runGenerate(["diff", Self.spec, Self.migrated])
        #expect(same.status == 0)
        #expect(same.stdout.contains("0 changes"), "\(same.stdout)")
        #expect(try runGenerate(["diff", Self.spec, Self.spec]).stdout.contains("0 changes"))
        // A real edit made during the migration is found (and located in both files).
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent(Self.migrated), encoding: .utf8)
        let edited = dir.appendingPathComponent("edited.yaml")
        try text.replacingOccurrences(of: "required: [file]", with: "required: [file, caption]").write(to: edited, atomically: true, encoding: .utf8)
        let changed = try runGenerate(["diff", Self.spec, edited.path])
        #expect(changed.status == 1)
        #expect(changed.stdout.contains("1 breaking"), "\(changed.stdout)")
        #expect(changed.stdout.contains("pets-swagger2.yaml:151:17"))
    }

    /// A 2.0 tree whose shared parameters, responses and schemas live in files that are not 2.0 documents
    /// (`parameters.json#/limitsParam`): each is converted where the document uses it, at its own file's place.
    @Test func objectsInOtherFilesAreRead2Point0TooAndLocatedThere() throws {
        let result = load("Tests/CharterSpecTests/Fixtures/swagger2/separate/swagger.json")
        #expect(!result.hasErrors, "\(result.diagnostics)")
        let document = try #require(result.document)
        let operations = Dictionary(uniqueKeysWithValues: document.paths.flatMap(\.operations).map { ($0.operationId, $0) })
        let find = try #require(operations["findPets"])
        #expect(find.parameters.map { "\($0.name) \($0.style.rawValue) \($0.explode) \($0.schema.map { document[$0].types?.typeNames ?? [] } ?? [])" }
                == ["tags form false [\"array\"]", "limit form true [\"integer\"]"])
        // The shared response from responses.json: its schema became content, its header a schema-typed header.
        let problem = try #require(find.responses.last)
        #expect(problem.content.map(\.mediaType) == ["application/json"] && problem.headers.map(\.name) == ["X-Rate"])
        // The body parameter from parameters.json is the request body; its schema's 2.0 idioms are read as 2.0.
        let body = try #require(operations["addPet"]?.requestBody)
        #expect(body.required && body.content.map(\.mediaType) == ["application/json"])
        let bodySchema = try #require(body.content.first?.schema)
        let first = try #require(document[document.resolved(bodySchema)].allOf.first)
        let tag = try #require(document[document.resolved(first)].properties.first { $0.name == "tag" })
        #expect(document[tag.schema].isNullable)

        let broken = load("Tests/CharterSpecTests/Fixtures/swagger2/separate/broken.json")
        let errors = broken.diagnostics.filter { $0.severity == .error }
        let places = errors.map { d in d.location.map { "\(($0.file as NSString).lastPathComponent):\($0.line):\($0.column)" } ?? "-" }
        #expect(places == ["broken.json:7:33", "responses.json:16:15"], "\(errors)")
        #expect(errors.first?.message.hasPrefix("reference 'parameters.json#/missing' does not resolve") == true)
        #expect(errors.last?.message.hasPrefix("cannot load 'common/Nothing.json' referenced here") == true)
    }

    @Test func commonMistakesOf2Point0SpecsAreReadAsMeant() throws {
        let result = SpecLoader().load(bytes: Array("""
            swagger: "2.0"
            info: {title: t, version: "1"}
            host: https://api.example.com/
            basePath: /v2
            paths:
              /up:
                post:
                  consumes: [application/x-www-form-urlencoded]
                  parameters:
                    - {name: f, in: formData, type: file}
                  responses: {"200": {description: ok}}

            """.utf8), path: "odd.yaml")
        #expect(result.diagnostics.map { "\($0.location?.line ?? 0) \($0.assumption ?? "-")" } == ["1 -", "3 'api.example.com'", "10 multipart/form-data"])
        #expect(result.isUsable(strict: false) && !result.isUsable(strict: true))
        let document = try #require(result.document)
        #expect(document.servers.map(\.url) == ["https://api.example.com/v2"])
        #expect(document.paths.first?.operations.first?.requestBody?.content.map(\.mediaType) == ["multipart/form-data"])
    }

    @Test func otherVersionsAreNamedOrReadAsTheLatestTheyExtend() throws {
        func diagnostics(_ text: String) -> [String] {
            SpecLoader().load(bytes: Array(text.utf8), path: "v.yaml").diagnostics.map { "\($0.severity) \($0.message)" }
        }
        #expect(diagnostics("swagger: '1.2'\ninfo: {title: t, version: '1'}\n")
                == ["error Swagger 1.2 documents are not read; Charter reads Swagger 2.0 and OpenAPI 3.0, 3.1 and 3.2"])
        let later = SpecLoader().load(bytes: Array("openapi: 3.3.0\ninfo: {title: t, version: '1'}\npaths: {}\n".utf8), path: "v.yaml")
        #expect(later.document?.version == .v3_2)
        #expect(later.diagnostics.map(\.message) == ["OpenAPI 3.3.0 is newer than this Charter knows (3.2); read as 3.2, and fields 3.3 added are reported as unknown"])
        #expect(diagnostics("openapi: 4.0.0\ninfo: {title: t, version: '1'}\npaths: {}\n")
                == ["error unsupported OpenAPI version '4.0.0'; Charter reads Swagger 2.0 and OpenAPI 3.0.x, 3.1.x and 3.2.x"])
    }

    @Test func aliasesInA2Point0FileAreSharedNotExpanded() throws {
        // 64 definitions each listing the same anchored schema 64 times: shared, the converted tree stays small.
        var text = "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\ndefinitions:\n  Base: &base {type: object, properties: {a: {type: string, x-nullable: true}}}\n"
        for i in 0..<64 { text += "  D\(i): {allOf: [" + Array(repeating: "*base", count: 64).joined(separator: ", ") + "]}\n" }
        let result = SpecLoader().load(bytes: Array(text.utf8), path: "aliases.yaml")
        #expect(!result.hasErrors, "\(result.diagnostics.prefix(3))")
        let document = try #require(result.document)
        #expect(document.components.schemas.count == 65)
        #expect(document.schemas.count < 1_000, "\(document.schemas.count) schemas")
    }
}
