@testable import CharterDocs
import CharterSpec
import CharterTestSupport
import CharterValidation
import Foundation
import Testing

/// What the page says, read from its HTML and data without a browser.
@Suite("Docs page contents")
struct DocsPageTests {
    static let generated: [(spec: String, module: String)] = {
        let list = (try? String(contentsOf: TestPaths.packageRoot.appendingPathComponent("Generated/specs.txt"), encoding: .utf8)) ?? ""
        return list.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ").map(String.init)
            return parts.count == 2 && !line.hasPrefix("#") ? (parts[0], parts[1]) : nil
        }
    }()

    func site(_ spec: String, module: String = "API") throws -> DocsSite {
        let validator = try SpecValidator.load(path: TestPaths.packageRoot.appendingPathComponent(spec).path)
        return DocsSite(validator: validator, moduleName: module)
    }

    func index(_ site: DocsSite) -> String { site.files.first { $0.name == "index.html" }?.contents ?? "" }

    @Test func theSwiftSamplesCallMethodsTheGeneratedClientHas() throws {
        #expect(Self.generated.count >= 10)
        for (spec, module) in Self.generated {
            let html = index(try site(spec, module: module))
            let client = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("Generated/\(module)/Client.swift"), encoding: .utf8)
            #expect(html.contains("let client = \(module)Client(serverURL:"), "\(spec)")
            let calls = html.components(separatedBy: "try await client.").dropFirst().map { String($0.prefix { $0 != "(" }) }
            #expect(!calls.isEmpty, "\(spec)")
            for method in calls {
                #expect(client.contains("func \(method)("), "\(spec): the page calls client.\(method), which \(module)Client does not have")
            }
        }
    }

    @Test func requiredArgumentsAndOutputCasesAreTheGeneratedOnes() throws {
        let html = index(try site("Specs/airline.yaml", module: "Airline"))
        // A required path parameter gets a value that fits its schema; the body its model.
        #expect(html.contains("try await client.getFlight(flightID: &quot;") || html.contains("try await client.getFlight(flightID: \""))
        #expect(html.contains("try await client.createBooking(body: BookingRequest(…))"))
        #expect(html.contains("case .created(let body):  // 201"))
        #expect(html.contains("curl -X POST &#39;https://api.example-air.com/v2/bookings&#39;") || html.contains("curl -X POST 'https://api.example-air.com/v2/bookings'"))
        #expect(html.contains("Authorization: Bearer $TOKEN"))
    }

    @Test func everyConstraintTheValidatorChecksIsNamed() throws {
        let html = index(try site("Specs/airline.yaml"))
        for words in ["≥ 1", "≤ 9", "default: 20", "format: date", "at most 512 characters", "one of: &quot;price&quot;", "deprecated"] {
            #expect(html.contains(words) || html.contains(words.replacingOccurrences(of: "&quot;", with: "\"")), "\(words)")
        }
    }

    @Test func membersThatOnlyDescribeLeaveTheTypeLabelTheReferencesName() throws {
        let document = try #require(load("""
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths: {}
        components:
          schemas:
            Item: {type: object}
            Holder:
              properties:
                described: {allOf: [{$ref: '#/components/schemas/Item'}, {description: An item.}]}
                nullable: {allOf: [{$ref: '#/components/schemas/Item'}, {nullable: true}]}
                merged: {allOf: [{$ref: '#/components/schemas/Item'}, {required: [id]}]}
                onlyWords: {allOf: [{description: Anything.}]}
        """).document)
        let holder = document[try #require(document.components.schema(named: "Holder"))]
        let labels = holder.properties.map { SchemaFacts(document: document).typeLabel($0.schema) }
        #expect(labels == ["Item", "Item | null", "all of 2", "any"])
    }

    @Test func xmlBodiesHaveXMLExamples() throws {
        let html = index(try site("Specs/documents.yaml"))
        // Examples travel in the page's JSON data, where `<` is written \u003c.
        #expect(html.contains("\\u003c?xml version=\\\"1.0\\\" encoding=\\\"UTF-8\\\"?>\\n\\u003cnote>"))
    }

    @Test func curlWritesEachBodyAsItsCodingSaysItIsRead() throws {
        let folder = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bodies.yaml")
        try """
        openapi: 3.1.0
        info: {title: Bodies, version: "1"}
        servers: [{url: "https://{region}.example.com/v1", variables: {region: {default: eu}}}]
        paths:
          /notes:
            post:
              operationId: addNote
              requestBody: {required: true, content: {application/xml: {schema: {type: object, xml: {name: note}, required: [text], properties: {text: {type: string, enum: [hello]}}}}}}
              responses: {"201": {description: created}}
          /files:
            put:
              operationId: putFile
              requestBody: {required: true, content: {application/octet-stream: {schema: {type: string, format: binary}}}}
              responses: {"204": {description: stored}}
        """.write(to: file, atomically: true, encoding: .utf8)
        let html = index(DocsSite(validator: try SpecValidator.load(path: file.path), moduleName: "Bodies"))
        // An XML body is sent as the document its schema lays out, not as a file; bytes are a file.
        #expect(html.contains("--data &#39;&lt;?xml version=&quot;1.0&quot; encoding=&quot;UTF-8&quot;?&gt;\n&lt;note&gt;&lt;text&gt;hello&lt;/text&gt;&lt;/note&gt;&#39;")
                || html.contains("--data '&lt;?xml version=\"1.0\" encoding=\"UTF-8\"?&gt;\n&lt;note&gt;&lt;text&gt;hello&lt;/text&gt;&lt;/note&gt;'"), "\(html)")
        #expect(html.contains("--data-binary @file"))
        // Server variables at their defaults.
        #expect(html.contains("https://eu.example.com/v1/notes"))
    }

    /// Redoc's `x-codeSamples` (and the older `x-code-samples`): the spec's own samples beside the generated ones,
    /// under their label or language; a malformed entry is a located warning, from the command too.
    @Test func theSpecsOwnCodeSamplesAreShown() throws {
        let folder = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("samples.yaml")
        try """
        openapi: 3.0.3
        info: {title: Samples, version: "1"}
        paths:
          /notes:
            get:
              operationId: listNotes
              x-codeSamples:
                - lang: PHP
                  label: PHP SDK
                  source: |
                    $notes = $client->notes()->search(['limit' => 5]);
                - lang: Python
                  source: client.notes.list(limit=5)
              responses: {"200": {description: listed}}
            delete:
              operationId: clearNotes
              x-code-samples:
                - {lang: shell, source: "curl -X DELETE https://api.example.com/notes"}
                - {lang: Ruby}
              responses: {"204": {description: cleared}}
        """.write(to: file, atomically: true, encoding: .utf8)
        let site = DocsSite(validator: try SpecValidator.load(path: file.path), moduleName: "Samples")
        let html = index(site)
        #expect(html.contains(#"<div class="sample-title">PHP SDK</div><pre><code>$notes = $client-&gt;notes()-&gt;search([&#39;limit&#39; =&gt; 5]);"#)
                || html.contains(#"<div class="sample-title">PHP SDK</div><pre><code>$notes = $client-&gt;notes()-&gt;search(['limit' =&gt; 5]);"#), "\(html)")
        #expect(html.contains(#"<div class="sample-title">Python</div><pre><code>client.notes.list(limit=5)</code></pre>"#))
        #expect(html.contains(#"<div class="sample-title">shell</div><pre><code>curl -X DELETE https://api.example.com/notes</code></pre>"#))
        #expect(rendered(site.diagnostics) == ["19:11: warning: a sample in x-code-samples of DELETE /notes has no text 'source' and 'lang' or 'label'; not shown"])
        let command = try runGenerate(["docs", file.path, "--output", folder.appendingPathComponent("site").path])
        #expect(command.status == 0)
        #expect(command.stderr.contains("samples.yaml:19:11: warning: a sample in x-code-samples"), "\(command.stderr)")
    }

    @Test func childTagsNestUnderTheirParent() throws {
        let html = index(try site("Specs/catalog-3.2.yaml"))
        let parent = try #require(html.range(of: "id=\"tag/catalog\""))
        let child = try #require(html.range(of: "class=\"tag depth-1\" id=\"tag/items\""))
        #expect(parent.lowerBound < child.lowerBound)
        #expect(html.contains("<div class=\"nav-group depth-1\"><a class=\"nav-tag\" href=\"#tag/items\">Items</a>"))
    }

    @Test func webhooksAreDocumentedWithReceiverSamples() throws {
        let html = index(try site("Specs/pets-3.1.yaml", module: "Pets"))
        let start = try #require(html.range(of: "<section class=\"tag\" id=\"webhooks\">"))
        let section = html[start.lowerBound...].components(separatedBy: "</section>")[0]
        #expect(section.contains("id=\"webhook/petAdopted/post\""))
        #expect(!section.contains("try await client."))
        // Each shows how the generated receiver takes it.
        #expect(section.contains("struct Receiver: PetsWebhooksProtocol {\n    func petReturned(_ input: PetReturned.Input) async throws -&gt; PetReturned.Output {\n        let event = input.body\n        return .noContent"), "\(section)")
        #expect(html.contains("href=\"#webhook/petAdopted/post\""))
    }

    /// A callback is shown inside the operation that subscribes to it, as a webhook is shown: its URL expression
    /// where a path would be, its own anchor and search entry, and the generated receiver taking it.
    @Test func callbacksAreDocumentedInsideTheOperationThatSubscribes() throws {
        let html = index(try site("Tests/Fixtures/Docs/callbacks.yaml", module: "Subscriptions"))
        let start = try #require(html.range(of: "id=\"operation/subscribe\""))
        let article = String(html[start.lowerBound...]).components(separatedBy: "id=\"operation/unsubscribe\"")[0]
        let callbacks = try #require(article.components(separatedBy: "<section class=\"callbacks\">").dropFirst().first)
        #expect(callbacks.contains("id=\"callback/subscribe/onEvent/0/post\"") && callbacks.contains("id=\"callback/subscribe/onEvent/1/post\""))
        #expect(callbacks.contains("<code class=\"path\">{$request.body#/callbackUrl}</code>"), "\(callbacks)")
        #expect(callbacks.contains("An event happened") && callbacks.contains("<span class=\"type\">Event</span>"))
        #expect(callbacks.contains("struct Receiver: SubscriptionsWebhooksProtocol {\n    func subscribeOnEventPost1(_ input: SubscribeOnEventPost1.Input)"), "\(callbacks)")
        #expect(callbacks.contains("func backupEvent(_ input: BackupEvent.Input)"))
        #expect(!callbacks.contains("try await client."))
        // Searchable by name and expression, linked to the callback's own anchor.
        #expect(html.contains(#"["POST","{$request.body#/callbackUrl}","callback/subscribe/onEvent/0/post","An event happened""#), "search entry")
    }

    @Test func untaggedSpecsAreGroupedByResource() throws {
        #expect(DocsPage.resource("/v1/accounts/{account}/persons") == "accounts")
        #expect(DocsPage.resource("/api/v2.1/orders") == "orders")
        #expect(DocsPage.resource("/{tenant}/users") == "users")
        #expect(DocsPage.resource("/") == "")
        let folder = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("untagged.yaml")
        try """
        openapi: 3.1.0
        info: {title: Untagged, version: "1"}
        paths:
          /v1/accounts: {get: {operationId: listAccounts, responses: {"200": {description: ok}}}}
          /v1/orders/{id}: {get: {operationId: getOrder, parameters: [{name: id, in: path, required: true, schema: {type: string}}], responses: {"200": {description: ok}}}}
        """.write(to: file, atomically: true, encoding: .utf8)
        let untagged = index(DocsSite(validator: try SpecValidator.load(path: file.path), moduleName: "Untagged"))
        #expect(untagged.contains("id=\"tag/accounts\"") && untagged.contains("id=\"tag/orders\""))
        let html = index(try site("Specs/users-v1.yaml"))
        // users-v1 tags its operations, so its tags are kept.
        let tags = try SpecValidator.load(path: TestPaths.packageRoot.appendingPathComponent("Specs/users-v1.yaml").path).document.operations.compactMap { $0.operation.tags.first }
        for tag in Set(tags) { #expect(html.contains("id=\"tag/\(tag)\""), "\(tag)") }
    }

    @Test func deprecationAndSunsetAreMarked() throws {
        let spec = """
        openapi: 3.1.0
        info: {title: Old, version: "1"}
        paths:
          /legacy:
            get:
              operationId: legacy
              deprecated: true
              x-sunset: "2027-01-31"
              responses:
                "200": {description: ok}
        """
        let folder = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("old.yaml")
        try spec.write(to: file, atomically: true, encoding: .utf8)
        let html = index(DocsSite(validator: try SpecValidator.load(path: file.path), moduleName: "Old"))
        #expect(html.contains("<article class=\"operation is-deprecated\" id=\"operation/legacy\">"))
        #expect(html.contains("It is removed after 2027-01-31."))
        #expect(html.contains("@available") == false)
    }

    @Test func theSameSpecGivesTheSameFilesAndUnchangedFilesAreNotRewritten() throws {
        let first = try site("Specs/documents.yaml")
        let second = try site("Specs/documents.yaml")
        #expect(first.files == second.files)
        let folder = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try first.write(to: folder).count == 3)
        #expect(try second.write(to: folder).isEmpty)
    }

    @Test func theCommandWritesTheSiteAndRefusesABrokenSpec() throws {
        let folder = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("site").path
        let ok = try runGenerate(["docs", "Specs/pets-3.1.yaml", "--output", out])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(FileManager.default.fileExists(atPath: out + "/index.html") && FileManager.default.fileExists(atPath: out + "/charter-docs.js"))
        let again = try runGenerate(["docs", "Specs/pets-3.1.yaml", "--output", out])
        #expect(again.stdout.contains("unchanged"))
        let broken = folder.appendingPathComponent("broken.yaml")
        try "openapi: 3.1.0\ninfo: {title: x, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {200: {description: ok, content: {application/json: {schema: {$ref: '#/nope'}}}}}\n".write(to: broken, atomically: true, encoding: .utf8)
        let refused = try runGenerate(["docs", broken.path, "--output", out])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("broken.yaml:6:"), "\(refused.stderr)")
    }
}
