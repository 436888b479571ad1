import Foundation
import CharterTestSupport
import Testing
@testable import CharterSpec

@Suite("$ref resolution")
struct ReferenceTests {
    let result = SpecLoader().load(path: TestPaths.fixtures.appendingPathComponent("refs/root.yaml").path)

    /// RFC 3986's scheme: a letter, then letters, digits, `+`, `-` or `.`, up to the first colon.
    @Test(arguments: [
        ("http://example.com/a.json", "http"), ("urn:uuid:1234", "urn"), ("file:///tmp/x.yaml", "file"),
        ("svn+ssh://host/x", "svn+ssh"), ("a.b-c:rest", "a.b-c"), ("C:x", "C"),
        ("#/components/schemas/A", nil), ("#/a:b", nil), ("schemas/a.yaml#/x:y", nil), ("1http://x", nil),
        (":x", nil), ("ht%tp://x", nil), ("http", nil), ("", nil), ("é:x", nil), ("hé:x", nil),
    ] as [(String, String?)])
    func uriSchemesAreReadAsRFC3986Defines(text: String, scheme: String?) {
        #expect(URIReference.scheme(text[...]).map(String.init) == scheme)
    }

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
            "6:15: error: reference '../root.yaml#/components/schemas/TreeNode' leaves the root spec's folder; refused (--allow-outside-refs, or LoadOptions.allowRefsOutsideRoot, allows it)",
        ])
        var options = LoadOptions()
        options.allowRefsOutsideRoot = true
        let allowed = SpecLoader(options: options).load(bytes: Array(text.utf8), path: inner)
        #expect(!allowed.hasErrors, "\(allowed.diagnostics)")
        let x = allowed.document.flatMap { d in d.components.schema(named: "X").map { d[d.resolved($0)] } }
        #expect(x?.properties.map(\.name) == ["label", "children"])
    }
}

/// A vendor-style multi-file tree (`Specs/widgets/`): `$ref` on whole path items and operations, on component maps
/// and parameter lists, on a header map and an examples map, on `description`, and a pointer that passes through
/// another reference — every one resolved by the one mechanism, relative to the file that holds it.
@Suite("$ref anywhere: a multi-file tree")
struct ReferenceTreeTests {
    let result = SpecLoader().load(path: TestPaths.packageRoot.appendingPathComponent("Specs/widgets/openapi.yaml").path)

    @Test func theTreeLoadsWithNotesForTheNonStandardRefsOnly() {
        #expect(!result.hasErrors, "\(result.diagnostics)")
        #expect(result.diagnostics.allSatisfy { $0.severity == .note })
        #expect(result.diagnostics.map { "\(URL(fileURLWithPath: $0.location?.file ?? "").lastPathComponent):\($0.location?.line ?? 0)" }
                == ["_index.yaml:3", "openapi.yaml:6", "widgets.yaml:8"])
        #expect(result.files.count == 17)
    }

    @Test func operationsPathItemsListsAndMapsComeFromTheirFiles() throws {
        let document = try #require(result.document)
        let operations = Dictionary(uniqueKeysWithValues: document.operations.map { ($0.operation.operationId, $0.operation) })
        let get = try #require(operations["getWidget"])
        #expect(get.location.file.hasSuffix("operations/get-widget.yaml"))
        #expect(get.parameters.map(\.name) == ["widget_id"], "path-level parameters given as a $ref to a list")
        #expect(get.responses.map(\.statusCode) == ["200", "404"])
        #expect(get.responses.last?.componentName == "NotFound" && get.responses.last?.description == "Nothing here.")
        #expect(get.responses.first?.content.first?.examples.map(\.name) == ["small"])
        let list = try #require(operations["listWidgets"])
        #expect(list.parameters.map(\.name) == ["limit"])
        #expect(list.responses.first?.description == "Every widget.")
        #expect(list.responses.first?.headers.map(\.name) == ["X-Total"])
        #expect(list.responses.first?.headers.first?.value.description == "How many there are.")
        #expect(document.info.description == "Widgets, kept as a tree of files.")
        #expect(document.components.schemas.map(\.name) == ["Widget", "Status", "Tags", "Name", "Gadget", "Thing", "LegacyWidget", "Condition", "TagList", "Label", "EvalCheck", "Check", "Error"])
        #expect(document.components.parameters.map(\.name) == ["Limit"])
        #expect(document.components.headers.map(\.name) == ["X-Total"])
    }

    @Test func aPointerThroughAnotherReferenceReachesItsTarget() throws {
        let document = try #require(result.document)
        let create = try #require(document.operations.first { $0.operation.operationId == "createWidget" }?.operation)
        let body = try #require(create.requestBody?.content.first?.schema)
        let target = document[document.resolved(body)]
        #expect(target.maxLength == 40 && target.location.file.hasSuffix("schemas/name.yaml"))
    }

    @Test func refsThatLoopOrMissAreLocatedErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("charter-refs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
        openapi: 3.1.0
        info: {title: t, version: '1'}
        paths:
          /a:
            get:
              $ref: loop.yaml
          /b:
            $ref: missing.yaml
          /c:
            get:
              $ref: 'ops.yaml#/nothing/here'
        """.write(to: folder.appendingPathComponent("openapi.yaml"), atomically: true, encoding: .utf8)
        try "$ref: loop.yaml\n".write(to: folder.appendingPathComponent("loop.yaml"), atomically: true, encoding: .utf8)
        try "other: {}\n".write(to: folder.appendingPathComponent("ops.yaml"), atomically: true, encoding: .utf8)
        let loaded = SpecLoader().load(path: folder.appendingPathComponent("openapi.yaml").path)
        let errors = rendered(loaded.diagnostics.filter { $0.severity == .error })
        #expect(errors.contains("6:7: error: reference cycle: following $ref from here never reaches a value"))
        #expect(errors.contains { $0.hasPrefix("8:11: error: cannot load 'missing.yaml' referenced here") })
        #expect(errors.contains("11:13: error: reference 'ops.yaml#/nothing/here' does not resolve: no 'nothing' in the document root"))
    }
}
