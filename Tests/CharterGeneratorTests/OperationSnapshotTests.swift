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
        // Every media type, webhook and callback gets typed code now; only a callback's own callbacks do not.
        #expect(!diagnostics.contains { $0.contains("no typed code") || $0.contains("webhook") }, "\(diagnostics)")
        let (files, nested) = try generate(Self.callbacks)
        #expect(nested == ["fragment.yaml:18:19: warning: callback 'onEcho' of POST {$request.body#/url} gets no generated code"], "\(nested)")
        #expect(files["Server.swift"]?.contains("func subscribeOnEventPost1(") == true)
    }

    /// Paths equal but for a parameter's name (Xero's `/Contacts/{ContactNumber}` and `/Contacts/{ContactID}`)
    /// break a rule of the spec, but each operation is served: the runtime tells them apart by their parameters.
    @Test func pathsEqualButForParameterNamesAreAllServed() throws {
        let (files, diagnostics) = try generate("""
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /contacts/{number}:
            get:
              operationId: getContactByNumber
              parameters: [{name: number, in: path, required: true, schema: {type: string}}]
              responses: {'200': {description: ok}}
          /contacts/{id}:
            get:
              operationId: getContact
              parameters: [{name: id, in: path, required: true, schema: {type: string, format: uuid}}]
              responses: {'200': {description: ok}}
            put:
              operationId: putContact
              parameters: [{name: id, in: path, required: true, schema: {type: string, format: uuid}}]
              responses: {'204': {description: ok}}
        """)
        #expect(!diagnostics.contains { $0.contains("left out") }, "\(diagnostics)")
        let server = try #require(files["Server.swift"])
        for name in ["GetContactByNumber", "GetContact", "PutContact"] {
            #expect(server.contains("try server.register(\(name).self)"), "\(name)")
        }
        #expect(server.contains("static let contracts: [OperationContract] = [GetContactByNumber.contract, GetContact.contract, PutContact.contract]"))
        #expect(server.contains("func getContactByNumber(_ input: GetContactByNumber.Input)"))
    }

    static let callbacks = """
    openapi: 3.1.0
    info: {title: t, version: '1'}
    paths:
      /subscriptions:
        post:
          operationId: subscribe
          callbacks:
            onEvent:
              '{$request.body#/url}':
                post:
                  requestBody:
                    content:
                      application/json: {schema: {type: object, required: [event], properties: {event: {type: string}}}}
                  responses:
                    '204': {description: received}
                  callbacks:
                    onEcho:
                      '{$request.body#/echo}':
                        post:
                          responses:
                            '200': {description: ok}
              '{$request.body#/backup}':
                post:
                  operationId: backupEvent
                  responses:
                    '204': {description: received}
          responses:
            '201': {description: created}
    """

    /// A callback is a webhook an operation subscribes to: received and sent as webhooks are, named for the operation
    /// and the callback when it has no operationId.
    @Test func callbacksAreReceivedAndSentAsWebhooks() throws {
        let (files, _) = try generate(Self.callbacks)
        let server = try #require(files["Server.swift"])
        #expect(server.contains("""
            /// Callback `onEvent` of `POST /subscriptions` (`POST` to `{$request.body#/url}`)
            func subscribeOnEventPost1(_ input: SubscribeOnEventPost1.Input) async throws -> SubscribeOnEventPost1.Output
        """))
        #expect(server.contains("func backupEvent(_ input: BackupEvent.Input) async throws -> BackupEvent.Output"))
        #expect(server.contains("public static let webhooks: [OperationContract] = [SubscribeOnEventPost1.contract, BackupEvent.contract]"))
        #expect(!server.contains("func subscribeOnEventPost1(_ input: SubscribeOnEventPost1.Input) async throws -> SubscribeOnEventPost1.Output\n    func"))
        let operations = try #require(files["Operations.swift"])
        #expect(operations.contains("operationID: \"subscribe_onEvent_post1\""))
        let client = try #require(files["Client.swift"])
        #expect(client.contains("public func subscribeOnEventPost1(body: SubscribeOnEventPost1.Body? = nil, to webhookURL: URL) async throws -> SubscribeOnEventPost1.Output {"))
        // Each callback reads its URL from the subscribing operation's input, by its key.
        #expect(operations.contains("""
                public static func url(for request: Subscribe.Input) throws -> URL {
                    try callbackURL("{$request.body#/backup}", for: request, of: Subscribe.self)
                }
            """), "\(operations)")
        #expect(operations.components(separatedBy: "static func url(for request: Subscribe.Input)").count == 3)
        // Without the subscribing operation (filtered out) there is no input to read it from.
        var options = GeneratorOptions(moduleName: "Notes")
        options.excludedOperations = ["subscribe"]
        let (alone, _) = try generate(Self.callbacks, options: options)
        #expect(alone["Operations.swift"]?.contains("enum BackupEvent") == true && alone["Operations.swift"]?.contains("url(for") == false)
        #expect(alone["Server.swift"]?.contains("func backupEvent(") == true)
    }

    /// Callbacks' operationIds join the document's: a reused one is renamed as a path operation's is.
    @Test func aCallbackReusingAnOperationIdIsRenamed() throws {
        let spec = """
        openapi: 3.1.0
        info: {title: t, version: '1'}
        paths:
          /a:
            post:
              operationId: subscribeA
              callbacks:
                done: {'{$request.body#/url}': {post: {operationId: notify, responses: {'204': {description: ok}}}}}
              responses: {'201': {description: created}}
          /b:
            post:
              operationId: subscribeB
              callbacks:
                done: {'{$request.body#/url}': {post: {operationId: notify, responses: {'204': {description: ok}}}}}
              responses: {'201': {description: created}}
        """
        let diagnostics = SpecLoader().load(bytes: Array(spec.utf8), path: "fragment.yaml").diagnostics.map(\.description)
        #expect(diagnostics == ["fragment.yaml:14:47: error: duplicate operationId 'notify' (first used by POST {$request.body#/url} at line 8, column 47)"])
        let (files, _) = try generate(spec)
        #expect(files["Server.swift"]?.contains("public static let webhooks: [OperationContract] = [Notify.contract, Notify2.contract]") == true)
    }

    /// A webhook is received by its own protocol at a path the receiver picks and sent by a sender to a URL per
    /// call; it is named by the webhook when it has no operationId, and the document's `security` (how callers
    /// authenticate to the API) is not asked of it.
    @Test func webhooksGetAReceiverAndASenderOfTheirOwn() throws {
        let spec = Self.twoOperations.replacingOccurrences(of: "webhooks:", with: """
        security: [{key: []}]
        webhooks:
        """).replacingOccurrences(of: "components:\n  schemas:", with: """
        components:
          securitySchemes:
            key: {type: apiKey, in: header, name: X-Key}
          schemas:
        """)
        let (files, diagnostics) = try generate(spec)
        #expect(!diagnostics.contains { $0.contains("webhook") }, "\(diagnostics)")
        let operations = try #require(files["Operations.swift"])
        #expect(operations.contains("public enum ItemAdded: APIOperation {"))
        #expect(operations.contains("operationID: \"itemAdded\""))
        let server = try #require(files["Server.swift"])
        #expect(server.contains("public protocol NotesWebhooksProtocol: Sendable {\n    /// Webhook `itemAdded` (`POST`)\n    func itemAdded(_ input: ItemAdded.Input) async throws -> ItemAdded.Output\n}"))
        #expect(server.contains("public func registerWebhookHandlers(on transport: any ServerTransport, path: String = \"/webhooks\", options: ValidationOptions"))
        #expect(server.contains("try server.register(webhook: ItemAdded.self, at: path) { try await self.itemAdded($0) }"))
        // The API's own server asks for the key; the webhook's registration does not, nor does its contract.
        #expect(server.contains("func registerHandlers(on transport: any ServerTransport, serverURL: URL? = nil, security: any SecurityHandler,"))
        #expect(!server.contains("func itemAdded(_ input: ItemAdded.Input) async throws -> ItemAdded.Output\n\n"))
        let itemAdded = try #require(operations.range(of: "public enum ItemAdded"))
        #expect(!operations[itemAdded.lowerBound...].prefix(1200).contains("security:"))
        #expect(server.contains("public static let contracts: [OperationContract] = [ListItemsOperation.contract, AddItem.contract]"))
        #expect(server.contains("public static let webhooks: [OperationContract] = [ItemAdded.contract]"))
        let client = try #require(files["Client.swift"])
        #expect(client.contains("public struct NotesWebhookSender: Sendable {"))
        #expect(client.contains("public func itemAdded(_ input: ItemAdded.Input = ItemAdded.Input(), to webhookURL: URL) async throws -> ItemAdded.Output {\n        try await client.send(webhook: ItemAdded.self, input, to: webhookURL)"))
        // The API's client does not call webhooks.
        let apiClient = try #require(client.range(of: "public struct NotesClient")).lowerBound
        let sender = try #require(client.range(of: "public struct NotesWebhookSender")).lowerBound
        #expect(!client[apiClient..<sender].contains("itemAdded"))
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
