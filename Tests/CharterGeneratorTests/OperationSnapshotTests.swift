import CharterGenerator
import CharterSpec
import Foundation
import CharterTestSupport
import Testing

/// Snapshot-style for operations: a spec and the exact Swift of its operation namespace, server protocol and
/// client; plus the naming and diagnostic rules around them.
@Suite("Operation snapshots")
struct OperationSnapshotTests {
    static let folder = TestPaths.fixtures.appendingPathComponent("operations")

    func generate(_ spec: String, options: GeneratorOptions = GeneratorOptions(moduleName: "Notes")) throws -> (files: [String: String], diagnostics: [String]) {
        let result = SpecLoader().load(bytes: Array(spec.utf8), path: "fragment.yaml")
        let document = try #require(result.document, "\(result.diagnostics)")
        let (files, diagnostics) = Generator.generate(document, specName: "fragment.yaml", options: options)
        return (Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.contents) }), diagnostics.map(\.description))
    }

    /// Path, query (defaulted enum, unexploded array) and header parameters; a JSON body; a 200 with required
    /// and optional headers, a 204, a `4XX` range with a problem+json body, a text `default`, and `undocumented`.
    @Test func everyInputAndOutputShapeMatchesItsSnapshot() throws {
        let spec = try String(contentsOf: Self.folder.appendingPathComponent("notes.yaml"), encoding: .utf8)
        let result = SpecLoader().load(path: Self.folder.appendingPathComponent("notes.yaml").path)
        let document = try #require(result.document)
        let files = Generator.generate(document, specName: "op.yaml", options: GeneratorOptions(moduleName: "Notes")).files
        #expect(!spec.isEmpty)
        for name in ["Operations", "Server", "Client"] {
            let expected = try String(contentsOf: Self.folder.appendingPathComponent("notes.\(name).swift.expected"), encoding: .utf8)
            let actual = try #require(files.first { $0.name == "\(name).swift" }).contents
            #expect(actual == expected, "\(name).swift differs from its snapshot")
        }
    }

    static let twoOperations = """
    openapi: 3.1.0
    info: {title: t, version: '1'}
    paths:
      /items:
        get:
          operationId: listItems
          parameters:
            - {name: sort, in: query, schema: {type: string, enum: [name, -name]}}
          responses:
            '200':
              description: ok
              content:
                application/json: {schema: {type: array, items: {$ref: '#/components/schemas/ListItems'}}}
                application/xml: {schema: {type: string}}
        post:
          operationId: addItem
          requestBody:
            content:
              application/json: {schema: {$ref: '#/components/schemas/ListItems'}}
          responses:
            '201': {description: created}
    webhooks:
      itemAdded:
        post:
          responses:
            '200': {description: ok}
    components:
      schemas:
        ListItems:
          type: object
          properties: {name: {type: string}}
    """

    @Test func namesNeverCollideAndSignsBecomeWords() throws {
        let (files, _) = try generate(Self.twoOperations)
        let operations = try #require(files["Operations.swift"])
        // The component `ListItems` keeps its name; the operation namespace steps aside.
        #expect(operations.contains("public enum ListItemsOperation: APIOperation {"))
        // Two media types for one response: an enum over the typed contents, read by the Content-Type.
        #expect(operations.contains("case ok(OKBody)"))
        #expect(operations.contains("public enum OKBody: Sendable, Hashable {\n        case json([ListItems])\n        case xml(String)\n    }"))
        #expect(operations.contains("case \"application/xml\":\n            return try .xml(content.text())"))
        #expect(operations.contains("case .xml(let value):\n            writer.xml(value)"))
        // `-name` does not collapse into `name`.
        #expect(operations.contains("case name\n") && operations.contains("case minusName\n"))
        // An optional body stays optional on both sides.
        #expect(operations.contains("public var body: ListItems?"))
        #expect(operations.contains("if let body = input.body {\n            try request.json(body)\n        }"))
        let client = try #require(files["Client.swift"])
        #expect(client.contains("public func listItems(sort: ListItemsOperation.Sort? = nil, accept: AcceptHeader = AcceptHeader()) async throws -> ListItemsOperation.Output {"))
    }

    @Test func whatGetsNoTypedCodeIsALocatedWarning() throws {
        let (_, diagnostics) = try generate(Self.twoOperations)
        // Every media type gets typed code now: only webhooks are left out, and say so.
        #expect(!diagnostics.contains { $0.contains("no typed code") })
        #expect(diagnostics.contains("fragment.yaml:24:5: warning: webhook 'itemAdded' is validated by SpecValidator but gets no generated server or client code"))
    }

    @Test func modesTypeNamesAndOperationFiltersShapeTheOutput() throws {
        var options = GeneratorOptions(moduleName: "Shop", parts: [.models])
        #expect(try generate(Self.twoOperations, options: options).files.keys.sorted() == ["Models.swift"])
        options.parts = [.client]
        options.typeNames = ["ListItems": "Item"]
        options.excludedOperations = ["addItem"]
        let (files, _) = try generate(Self.twoOperations, options: options)
        #expect(files.keys.sorted() == ["Client.swift", "Models.swift", "Operations.swift", "SchemaTable1.swift", "Schemas.swift"])
        #expect(files["Models.swift"]?.contains("public struct Item: Codable, Hashable, Sendable {") == true)
        #expect(files["Client.swift"]?.contains("public struct ShopClient: Sendable {") == true)
        #expect(files["Operations.swift"]?.contains("enum ListItems: APIOperation") == true)
        #expect(files["Operations.swift"]?.contains("AddItem") == false)
        options.includedOperations = ["nope"]
        #expect(try generate(Self.twoOperations, options: options).diagnostics.contains("warning: operations: the spec has no operation 'nope'"))
    }

    /// A response header's `explode` and JSON `content` reach the generated contract, which the server's writer and
    /// the client's reader serialize by (written only when they differ from the defaults).
    @Test func responseHeadersKeepTheirSerialization() throws {
        let spec = """
        openapi: 3.1.0
        info: {title: t, version: '1'}
        paths:
          /items:
            get:
              operationId: listItems
              responses:
                '200':
                  description: ok
                  headers:
                    X-Dims: {explode: true, schema: {type: object, properties: {w: {type: integer}}}}
                    X-Meta: {content: {application/json: {schema: {type: object}}}}
                    X-Plain: {schema: {type: string}}
        """
        let operations = try #require(try generate(spec).files["Operations.swift"])
        #expect(operations.contains(#"HeaderContract(name: "X-Dims", required: false, schema: "#) && operations.contains(", explode: true)"))
        #expect(operations.contains("isJSONContent: true)"))
        let plain = try #require(operations.range(of: #"HeaderContract(name: "X-Plain""#))
        let rest = operations[plain.upperBound...]
        #expect(!rest.prefix(upTo: try #require(rest.firstIndex(of: ")"))).contains("explode"))
    }
}
