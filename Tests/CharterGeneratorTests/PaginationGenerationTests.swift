import CharterGenerator
import CharterSpec
import CharterTestSupport
import Testing

/// Which operations get a page sequence, from `x-pagination` or from the names, and what the walk reads.
@Suite("Pagination in generated clients")
struct PaginationGenerationTests {
    func client(_ paths: String) throws -> (client: String, diagnostics: [String]) {
        let spec = """
        openapi: 3.1.0
        info: {title: t, version: '1'}
        paths:
        \(paths)
        components:
          schemas:
            Item: {type: object, properties: {id: {type: string}}}
        """
        let result = load(spec)
        let document = try #require(result.document, "\(result.diagnostics)")
        let (files, diagnostics) = Generator.generate(document, specName: "spec.yaml", options: GeneratorOptions(moduleName: "Shop"))
        let client = try #require(files.first { $0.name == "Client.swift" }).contents
        return (client, diagnostics.map { "\($0.location?.line ?? 0): \($0.message)" })
    }

    @Test func anExplicitPageStyleWalksPageNumbersFromTheDefault() throws {
        let (client, diagnostics) = try client("""
          /items:
            get:
              operationId: listItems
              x-pagination: {style: page, parameter: p, items: things}
              parameters:
                - {name: p, in: query, schema: {type: integer, default: 1}}
                - {name: size, in: query, schema: {type: integer}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          things: {type: array, items: {$ref: '#/components/schemas/Item'}}
                          other: {type: array, items: {type: string}}
        """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(client.contains("public func listItemsPages(size: Int? = nil, maxPages: Int = 1000) -> PageSequence<Item> {"), "\(client)")
        #expect(client.contains("let number = position.page ?? 1"))
        #expect(client.contains("return (received.things ?? [], PagePosition.page(number + 1))"))
    }

    @Test func namesAreRecognisedWithAWarningAndAnUnusableDeclarationIsReported() throws {
        let (client, diagnostics) = try client("""
          /items:
            get:
              operationId: listItems
              parameters:
                - {name: page_token, in: query, schema: {type: string}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [data]
                        properties:
                          data: {type: array, items: {$ref: '#/components/schemas/Item'}}
                          next_page_token: {type: string}
          /other:
            get:
              operationId: listOther
              x-pagination: {style: cursor, parameter: missing}
              responses:
                '200': {description: ok, content: {application/json: {schema: {type: object, properties: {items: {type: array, items: {type: string}}}}}}}
          /linked:
            get:
              operationId: listLinked
              parameters:
                - {name: after, in: query, schema: {type: integer}}
              responses:
                '200': {description: ok, content: {application/json: {schema: {type: object, properties: {items: {type: array, items: {type: string}}, next: {type: string}}}}}}
          /tokened:
            get:
              operationId: listTokened
              parameters:
                - {name: Page, in: query, schema: {type: integer, minimum: 0}}
                - {name: PageToken, in: query, schema: {type: string}}
              responses:
                '200': {description: ok, content: {application/json: {schema: {type: object, properties: {items: {type: array, items: {type: string}}}}}}}
          /plain:
            get:
              operationId: listPlain
              responses:
                '200': {description: ok, content: {application/json: {schema: {type: array, items: {type: string}}}}}
        """)
        #expect(client.contains("public func listItemsPages(maxPages: Int = 1000) -> PageSequence<Item> {"), "\(client)")
        #expect(client.contains("return (received.data, received.nextPageToken.flatMap { $0.isEmpty ? nil : PagePosition.cursor($0) })"))
        // A number-typed `after` with a `next` URL (Spotify's recently-played) is not a cursor walk.
        #expect(!client.contains("listOtherPages") && !client.contains("listPlainPages") && !client.contains("listLinkedPages"))
        // A page number beside a page token (Twilio's) is client state, not the paging: no page walk.
        #expect(!client.contains("listTokenedPages"))
        #expect(diagnostics == [
            "6: GET /items pages by cursor (recognised from parameter 'page_token' and field 'next_page_token'); the client walks it with listItemsPages. Declare x-pagination to say so explicitly",
            "23: x-pagination of GET /other: no query parameter carries the page position (or no string field holds the next cursor); no page sequence is generated",
        ], "\(diagnostics)")
    }

    /// A `Link` response header: an array body is recognised (GitHub-style), an object body when declared; the walk
    /// follows the link, and a declaration without the header is reported.
    @Test func linkHeadersArePagesToFollow() throws {
        let (client, diagnostics) = try client("""
          /repos:
            get:
              operationId: listRepos
              parameters:
                - {name: page, in: query, schema: {type: integer}}
              responses:
                '200':
                  description: ok
                  headers:
                    Link: {schema: {type: string}}
                  content:
                    application/json:
                      schema: {type: array, items: {$ref: '#/components/schemas/Item'}}
          /events:
            get:
              operationId: listEvents
              x-pagination: {style: link, items: events}
              responses:
                '200':
                  description: ok
                  headers:
                    link: {required: true, schema: {type: string}}
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          events: {type: array, items: {$ref: '#/components/schemas/Item'}}
          /bare:
            get:
              operationId: listBare
              x-pagination: {style: link}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {type: array, items: {type: string}}
        """)
        #expect(client.contains("public func listReposPages(page: Int? = nil, maxPages: Int = 1000) -> PageSequence<Item>"))
        #expect(client.contains("let output = try await client.send(ListRepos.self, ListRepos.Input(page: page), following: position.link)"))
        #expect(client.contains("return (received, PagePosition.nextLink(in: headers.link))"))
        #expect(client.contains("return (received.events ?? [], PagePosition.nextLink(in: headers.link))"))
        #expect(!client.contains("listBarePages"))
        #expect(diagnostics.contains { $0.contains("GET /repos pages by its Link header") }, "\(diagnostics)")
        #expect(diagnostics.contains { $0.contains("x-pagination of GET /bare: its success response declares no Link header") }, "\(diagnostics)")
    }
}
