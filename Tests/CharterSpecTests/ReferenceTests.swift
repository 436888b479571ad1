import Testing
@testable import CharterSpec

@Suite("$ref resolution")
struct ReferenceTests {
    let result = SpecLoader().load(path: TestPaths.fixtures.appendingPathComponent("refs/root.yaml").path)

    @Test func multiFileSpecLoadsWithoutErrors() {
        #expect(!result.hasErrors, "\(result.diagnostics)")
        #expect(result.files.count == 4)
    }

    @Test func pathsObjectMayItselfBeAReferenceToAnotherFile() throws {
        let document = try #require(result.document)
        #expect(document.paths.map(\.path) == ["/items/{item_id}"])
        let operation = try #require(document.paths.first?.operations.first)
        #expect(operation.operationId == "getItem")
        #expect(operation.parameters.first?.name == "item_id")
        #expect(operation.parameters.first?.componentName == "ItemID")
    }

    @Test func crossFileReferenceBackToTheRootIsTheSameSchema() throws {
        let document = try #require(result.document)
        let item = try #require(document.components.schema(named: "Item"))
        let responseSchema = try #require(document.paths.first?.operations.first?.responses.first?.content.first?.schema)
        #expect(document[responseSchema].ref?.componentName == "Item")
        #expect(document.resolved(responseSchema) == item)
    }

    @Test func referencesIntoOtherFilesAndWholeFilesResolve() throws {
        let document = try #require(result.document)
        let item = document[try #require(document.components.schema(named: "Item"))]
        let props = Dictionary(uniqueKeysWithValues: item.properties.map { ($0.name, $0.schema) })
        let money = document[document.resolved(try #require(props["price"]))]
        #expect(money.required == ["amount", "currency"])
        #expect(money.location.file.hasSuffix("schemas/common.yaml"))
        let currency = document[document.resolved(try #require(money.properties.last?.schema))]
        #expect(currency.pattern == "^[A-Z]{3}$")
        let address = document[document.resolved(try #require(props["shipping"]))]
        #expect(address.required == ["country"])
        // The whole-file schema's own reference into a sibling file reaches the same Currency schema.
        let country = document.resolved(try #require(address.properties.last?.schema))
        #expect(country == document.resolved(try #require(money.properties.last?.schema)))
    }

    @Test func pointerEscapesAndPercentEscapesResolve() throws {
        let document = try #require(result.document)
        let item = document[try #require(document.components.schema(named: "Item"))]
        let props = Dictionary(uniqueKeysWithValues: item.properties.map { ($0.name, $0.schema) })
        #expect(document[document.resolved(try #require(props["odd"]))].types == .integer)
        #expect(document[document.resolved(try #require(props["spaced"]))].types == .boolean)
    }

    @Test func recursiveSchemasTerminate() throws {
        let document = try #require(result.document)
        let tree = try #require(document.components.schema(named: "TreeNode"))
        let children = try #require(document[tree].properties.first { $0.name == "children" }?.schema)
        let items = try #require(document[children].items)
        #expect(document.resolved(items) == tree)
    }

    @Test func missingTargetIsALocatedErrorAtTheRef() {
        let r = load("""
        openapi: 3.1.0
        info: {title: t, version: '1'}
        components:
          schemas:
            A:
              $ref: '#/components/schemas/B'
            C:
              $ref: 'missing.yaml#/X'
        """, path: "/tmp/charter-missing-ref.yaml")
        #expect(rendered(r.diagnostics) == [
            "6:13: error: reference '#/components/schemas/B' does not resolve: no 'B' in /components/schemas",
            "8:13: error: cannot load 'missing.yaml' referenced here: no such file '/tmp/missing.yaml'",
        ])
    }

    @Test func referenceCyclesAmongNonSchemaObjectsAreReported() {
        let r = load("""
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths: {}
        components:
          responses:
            A: {$ref: '#/components/responses/B'}
            B: {$ref: '#/components/responses/A'}
        """)
        #expect(r.diagnostics.filter { $0.message.hasPrefix("reference cycle") }.count == 2)
    }

    @Test func referencesOutsideTheRootFolderAreRefusedUnlessAllowed() {
        // The root spec lives in refs/schemas; refs/root.yaml is outside that folder.
        let text = """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths: {}
        components:
          schemas:
            X: {$ref: '../root.yaml#/components/schemas/TreeNode'}
        """
        let inner = TestPaths.fixtures.appendingPathComponent("refs/schemas/inner.yaml").path
        let refused = SpecLoader().load(bytes: Array(text.utf8), path: inner)
        #expect(rendered(refused.diagnostics) == [
            "6:15: error: reference '../root.yaml#/components/schemas/TreeNode' leaves the root spec's folder; refused (allow it explicitly to load such files)",
        ])
        var options = LoadOptions()
        options.allowRefsOutsideRoot = true
        let allowed = SpecLoader(options: options).load(bytes: Array(text.utf8), path: inner)
        #expect(!allowed.hasErrors, "\(allowed.diagnostics)")
        let x = allowed.document.flatMap { d in d.components.schema(named: "X").map { d[d.resolved($0)] } }
        #expect(x?.properties.map(\.name) == ["label", "children"])
    }
}
