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

    /// A spec given as text, written to a scratch folder for `body` (which may run the command on it), then removed.
    func withSpec<T>(_ text: String, named name: String, _ body: (URL) throws -> T) throws -> T {
        let folder = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return try body(file)
    }

    /// The site of a spec given as text.
    func site(ofSpec text: String, module: String) throws -> DocsSite {
        try withSpec(text, named: "spec.yaml") { DocsSite(validator: try SpecValidator.load(path: $0.path), moduleName: module) }
    }

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
        let html = index(try site(ofSpec: """
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
        """, module: "Bodies"))
        // An XML body is sent as the document its schema lays out, not as a file; bytes are a file.
        #expect(html.contains("--data &#39;&lt;?xml version=&quot;1.0&quot; encoding=&quot;UTF-8&quot;?&gt;\n&lt;note&gt;&lt;text&gt;hello&lt;/text&gt;&lt;/note&gt;&#39;")
                || html.contains("--data '&lt;?xml version=\"1.0\" encoding=\"UTF-8\"?&gt;\n&lt;note&gt;&lt;text&gt;hello&lt;/text&gt;&lt;/note&gt;'"), "\(html)")
        #expect(html.contains("--data-binary @file"))
        // Server variables at their defaults.
        #expect(html.contains("https://eu.example.com/v1/notes"))
    }

    /// The curl sample writes each parameter as the generated client sends it: an exploded list as repeated items,
    /// an exploded object as its members, a list header comma-joined, exploded cookies as a pair each.
    @Test func curlWritesParametersAsTheClientSendsThem() throws {
        let html = index(try site(ofSpec: """
        openapi: 3.1.0
        info: {title: Params, version: "1"}
        paths:
          /search/{ids}:
            get:
              operationId: search
              parameters:
                - {name: ids, in: path, required: true, style: matrix, explode: true, schema: {type: array, items: {type: integer}}, example: [1, 2]}
                - {name: tags, in: query, required: true, schema: {type: array, items: {type: string}}, example: [red, "blue sky"]}
                - {name: filter, in: query, required: true, schema: {type: object, properties: {status: {type: string}}}, example: {status: open}}
                - {name: X-Ids, in: header, required: true, schema: {type: array, items: {type: integer}}, example: [3, 4]}
                - {name: seen, in: cookie, required: true, schema: {type: array, items: {type: string}}, example: [a, b]}
              responses: {"204": {description: ok}}
        """, module: "Params"))
        let curl = try #require(html.components(separatedBy: "<div class=\"sample-title\">curl</div><pre><code>").dropFirst().first?.components(separatedBy: "</code>").first)
        #expect(curl.contains("/search/;ids=1;ids=2?tags=red&amp;tags=blue%20sky&amp;status=open"), "\(curl)")
        #expect(curl.contains("-H &#39;X-Ids: 3,4&#39;") || curl.contains("-H 'X-Ids: 3,4'"), "\(curl)")
        #expect(curl.contains("-b &#39;seen=a; seen=b&#39;") || curl.contains("-b 'seen=a; seen=b'"), "\(curl)")
    }

    /// Redoc's `x-codeSamples` (and the older `x-code-samples`): the spec's own samples beside the generated ones,
    /// under their label or language; a malformed entry is a located warning, from the command too.
    @Test func theSpecsOwnCodeSamplesAreShown() throws {
        try withSpec("""
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
        """, named: "samples.yaml") { file in
            let site = DocsSite(validator: try SpecValidator.load(path: file.path), moduleName: "Samples")
            let html = index(site)
            #expect(html.contains(#"<div class="sample-title">PHP SDK</div><pre><code>$notes = $client-&gt;notes()-&gt;search([&#39;limit&#39; =&gt; 5]);"#)
                    || html.contains(#"<div class="sample-title">PHP SDK</div><pre><code>$notes = $client-&gt;notes()-&gt;search(['limit' =&gt; 5]);"#), "\(html)")
            #expect(html.contains(#"<div class="sample-title">Python</div><pre><code>client.notes.list(limit=5)</code></pre>"#))
            #expect(html.contains(#"<div class="sample-title">shell</div><pre><code>curl -X DELETE https://api.example.com/notes</code></pre>"#))
            #expect(rendered(site.diagnostics) == ["19:11: warning: a sample in x-code-samples of DELETE /notes has no text 'source' and 'lang' or 'label'; not shown"])
            let command = try runGenerate(["docs", file.path, "--output", file.deletingLastPathComponent().appendingPathComponent("site").path])
            #expect(command.status == 0)
            #expect(command.stderr.contains("samples.yaml:19:11: warning: a sample in x-code-samples"), "\(command.stderr)")
        }
    }

    @Test func childTagsNestUnderTheirParent() throws {
        let html = index(try site("Specs/catalog-3.2.yaml"))
        let parent = try #require(html.range(of: "id=\"tag/catalog\""))
        let child = try #require(html.range(of: "class=\"tag depth-1\" id=\"tag/items\""))
        #expect(parent.lowerBound < child.lowerBound)
        #expect(html.contains("<div class=\"nav-group depth-1\"><a class=\"nav-tag\" href=\"#tag/items\">Items</a>"))
    }

    /// Redoc's navigation conventions: `x-tagGroups` puts headings over the tags (those no heading names stay, under
    /// "Other"), `x-displayName` labels a tag, and a tag with only a description is a section of prose.
    @Test func tagGroupsHeadTheNavigationAndDisplayNamesLabelTags() throws {
        let site = try site(ofSpec: """
        openapi: 3.0.3
        info: {title: Shop, version: "1"}
        tags:
          - {name: pets, x-displayName: Pets and owners}
          - {name: store, description: Orders and stock.}
          - {name: guides, description: How to authenticate.}
          - {name: silent}
          - {name: misc}
        x-tagGroups:
          - name: Animals
            tags: [pets, ghosts]
          - name: Business
            tags: [store, guides, silent]
          - {name: Broken}
        paths:
          /pets: {get: {tags: [pets], operationId: listPets, responses: {"200": {description: ok}}}}
          /orders: {get: {tags: [store], operationId: listOrders, responses: {"200": {description: ok}}}}
          /misc: {get: {tags: [misc], operationId: misc, responses: {"200": {description: ok}}}}
          /loose: {get: {operationId: loose, responses: {"200": {description: ok}}}}
        """, module: "Shop")
        let html = index(site)
        let nav = try #require(html.components(separatedBy: "<nav").dropFirst().first?.components(separatedBy: "</nav>").first)
        let order = ["nav-heading\">Animals<", "href=\"#tag/pets\">Pets and owners<", "nav-heading\">Business<", "href=\"#tag/store\">store<",
                     "href=\"#tag/guides\">guides<", "nav-heading\">Other<", "href=\"#tag/misc\">misc<", "href=\"#tag/untagged\">Other operations<"]
        let positions = order.map { nav.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(nav)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "\(nav)")
        #expect(!nav.contains("#tag/silent"), "a tag with neither operations nor a description has nothing to show")
        #expect(html.contains("<section class=\"tag depth-0\" id=\"tag/pets\"><h2>Pets and owners</h2>"))
        #expect(html.contains("<section class=\"tag depth-0\" id=\"tag/guides\"><h2>guides</h2><div class=\"md\"><p>How to authenticate.</p>"), "\(html)")
        #expect(rendered(site.diagnostics) == [
            "11:18: warning: x-tagGroups 'Animals' names tag 'ghosts', which no operation uses and 'tags' does not declare",
            "14:5: warning: an entry of x-tagGroups has no text 'name' and list 'tags'; its tags are shown under 'Other'",
        ])

        // 3.2: `summary` labels a tag before `x-displayName`; a `badge` tag with only a description is no section.
        let labelled = index(try self.site(ofSpec: """
        openapi: 3.2.0
        info: {title: Shop, version: "1"}
        tags:
          - {name: pets, summary: Pets, x-displayName: Animals}
          - {name: beta, kind: badge, description: Not yet stable.}
        paths:
          /pets: {get: {tags: [pets, beta], operationId: listPets, responses: {"200": {description: ok}}}}
        """, module: "Shop"))
        #expect(labelled.contains("href=\"#tag/pets\">Pets<"))
        #expect(!labelled.contains("id=\"tag/beta\""))
    }

    /// Redoc's components in prose: `<SchemaDefinition schemaRef=…/>` is the schema's tree where it stands, the
    /// `ReDoc-Inject` comment places the security schemes (once, not again after the servers); neither is shown as
    /// text, nor taken for a component inside a code block.
    @Test func redocComponentsInDescriptionsAreRendered() throws {
        let (site, pet) = try withSpec("""
        openapi: 3.0.3
        info:
          title: Shop
          version: "1"
          description: |
            # Authentication
            Keys are issued per shop.
            <!-- ReDoc-Inject: <security-definitions> -->
            # Errors
            ```
            <SchemaDefinition schemaRef="#/components/schemas/Pet" />
            ```
        tags:
          - name: pet_model
            description: |
              The pet, as every operation returns it.
              <SchemaDefinition schemaRef="#/components/schemas/Pet" showReadOnly={true} />
              <SchemaDefinition schemaRef="#/components/schemas/Ghost" />
        paths:
          /pets: {get: {operationId: listPets, security: [{key: []}], responses: {"200": {description: ok}}}}
        components:
          securitySchemes:
            key: {type: apiKey, in: header, name: X-Key}
          schemas:
            Pet: {type: object, properties: {name: {type: string}}}
        """, named: "shop.yaml") { file in
            let validator = try SpecValidator.load(path: file.path)
            return (DocsSite(validator: validator, moduleName: "Shop"), try #require(validator.document.components.schema(named: "Pet")))
        }
        let html = index(site)
        let overview = try #require(html.components(separatedBy: "id=\"overview\"").dropFirst().first?.components(separatedBy: "</section>").first)
        let keys = try #require(overview.range(of: "Keys are issued per shop."))
        let schemes = try #require(overview.range(of: "<dl class=\"schemes\"><dt><code>key</code>"))
        let errors = try #require(overview.range(of: ">Errors</h"))
        #expect(keys.upperBound < schemes.lowerBound && schemes.upperBound < errors.lowerBound, "\(overview)")
        #expect(!overview.contains("<h2>Authentication</h2>"), "the schemes are not listed a second time")
        #expect(!overview.contains("ReDoc-Inject"))
        #expect(overview.contains("&lt;SchemaDefinition schemaRef=&quot;#/components/schemas/Pet&quot; /&gt;") || overview.contains("&lt;SchemaDefinition schemaRef=\"#/components/schemas/Pet\" /&gt;"),
                "inside a code block it is code: \(overview)")
        let section = try #require(html.components(separatedBy: "id=\"tag/pet_model\"").dropFirst().first?.components(separatedBy: "</section>").first)
        #expect(section.contains("<p>The pet, as every operation returns it.</p></div><div class=\"tree\" data-schema=\"\(pet.index)\" data-open=\"1\"></div>"), "\(section)")
        #expect(!section.contains("SchemaDefinition"))
        #expect(rendered(site.diagnostics) == ["14:5: warning: <SchemaDefinition schemaRef=\"#/components/schemas/Ghost\"> names no schema under #/components/schemas; not shown"])
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
        #expect(TagOutline.resource("/v1/accounts/{account}/persons") == "accounts")
        #expect(TagOutline.resource("/api/v2.1/orders") == "orders")
        #expect(TagOutline.resource("/{tenant}/users") == "users")
        #expect(TagOutline.resource("/") == "")
        let untagged = index(try site(ofSpec: """
        openapi: 3.1.0
        info: {title: Untagged, version: "1"}
        paths:
          /v1/accounts: {get: {operationId: listAccounts, responses: {"200": {description: ok}}}}
          /v1/orders/{id}: {get: {operationId: getOrder, parameters: [{name: id, in: path, required: true, schema: {type: string}}], responses: {"200": {description: ok}}}}
        """, module: "Untagged"))
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
        let html = index(try site(ofSpec: spec, module: "Old"))
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
