import CharterGenerator
import CharterSpec
import Foundation
import CharterTestSupport
import Testing

/// The surprises of an adopter's first hour (issue 19), each pinned so it cannot come back.
@Suite("adopting Charter")
struct AdopterTests {
    func generate(_ yaml: String, moduleName: String = "Orders") throws -> [String: String] {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = dir.appendingPathComponent("openapi.yaml")
        try yaml.write(to: spec, atomically: true, encoding: .utf8)
        let result = SpecLoader().load(path: spec.path)
        let document = try #require(result.document, "\(result.diagnostics)")
        let files = Generator.generate(document, specName: "openapi.yaml", options: GeneratorOptions(moduleName: moduleName)).files
        return Dictionary(files.map { ($0.name, $0.contents) }, uniquingKeysWith: { a, _ in a })
    }

    static let orders = """
    openapi: 3.1.0
    info: {title: Orders, version: 1.0.0}
    paths:
      /orders:
        post:
          operationId: createOrder
          requestBody:
            required: true
            content:
              application/json:
                schema: {$ref: '#/components/schemas/NewOrder'}
          responses:
            '201':
              description: Created.
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Order'}
        get:
          operationId: listOrders
          deprecated: true
          description: Lists orders. Use searchOrders instead, which pages.
          parameters:
            - name: delivery
              in: query
              schema: {type: string, enum: [standard, express]}
            - name: legacy
              in: query
              deprecated: true
              x-deprecated-message: The server ignores it.
              schema: {type: string}
          responses:
            '200': {description: The orders.}
    components:
      schemas:
        NewOrder:
          type: object
          required: [delivery]
          properties:
            delivery: {type: string, enum: [standard, express], description: How it ships.}
            address:
              type: object
              description: Where to send it.
              required: [city]
              properties:
                city: {type: string, description: The city to send it to.}
                kind: {type: string, enum: [home, work]}
                geo:
                  type: object
                  properties:
                    lat: {type: number}
            note: {type: string, deprecated: true, x-deprecated-message: Send notes instead.}
            gift: {type: boolean, deprecated: true}
        Order:
          type: object
          required: [id, delivery]
          properties:
            id: {type: integer}
            delivery: {type: string, enum: [standard, express], description: How it shipped.}
            box:
              type: object
              properties:
                delivery: {type: string, enum: [standard, express]}
            size: {type: string, enum: [s, m, l]}
            other: {type: string, enum: [express, standard]}
            address:
              type: object
              description: Where it went.
              required: [city]
              properties:
                city: {type: string, description: The city it went to.}
                kind: {type: string, enum: [home, work]}
                geo:
                  type: object
                  properties:
                    lat: {type: number}
        Quote:
          type: object
          properties:
            address:
              type: object
              required: [city]
              properties:
                city: {type: integer}
                kind: {type: string, enum: [home, work]}
                geo:
                  type: object
                  properties:
                    lat: {type: number}
    """

    @Test func anInlineEnumUsedByARequestAndAResponseIsOneType() throws {
        let models = try #require(try generate(Self.orders)["Models.swift"])
        // Declared once, in NewOrder; Order.Delivery names that very type, so no conversion is needed.
        #expect(models.components(separatedBy: "enum Delivery: RawRepresentable").count == 2)
        #expect(models.contains("public typealias Delivery = NewOrder.Delivery"))
        // Nested further down inside Order, the enclosing alias already means it: no second declaration or alias.
        #expect(models.contains("public var delivery: Delivery?"))
        // Other values or another order of values are another type.
        #expect(models.contains("enum Size: RawRepresentable") && models.contains("enum Other: RawRepresentable"))
        // The query parameter's enum is that type too.
        let operations = try #require(try generate(Self.orders)["Operations.swift"])
        #expect(operations.contains("typealias Delivery = NewOrder.Delivery"))
    }

    @Test func anInlineObjectUsedByARequestAndAResponseIsOneType() throws {
        let models = try #require(try generate(Self.orders)["Models.swift"])
        // NewOrder.Address is declared (with its nested Kind and Geo); Order.Address is that type, descriptions aside.
        #expect(models.components(separatedBy: "public struct Address: Codable").count == 3)  // NewOrder's and Quote's
        #expect(models.contains("public typealias Address = NewOrder.Address"))
        // Order.Address is an alias and nothing else: no second Kind or Geo under Order.
        let order = try #require(models.components(separatedBy: "public struct Order: Codable").last?.components(separatedBy: "public struct Quote").first)
        #expect(!order.contains("Kind") && !order.contains("Geo"))
        // Quote.Address differs in one property's type: its own struct, whose nested Kind and Geo are shared.
        let quote = try #require(models.components(separatedBy: "public struct Quote: Codable").last)
        #expect(quote.contains("public var city: Int"))
        #expect(quote.contains("public typealias Kind = NewOrder.Address.Kind") && quote.contains("public typealias Geo = NewOrder.Address.Geo"))
    }

    /// Stripe's idiom: every operation that takes `metadata` takes `anyOf: [map of strings, ""]` inline. The first
    /// is declared (with its nested `""` enum); the others are aliases of it. A union whose alternatives differ in
    /// one type, or that is named differently, is its own type.
    @Test func anInlineUnionRepeatedAcrossOperationsIsOneType() throws {
        // Each body has a field of its own, so the bodies are different structs and only their unions can be shared.
        func body(_ own: String, _ extra: String = "") -> String {
            """
                  requestBody:
                    content:
                      application/x-www-form-urlencoded:
                        schema:
                          type: object
                          properties:
                            \(own): {type: string}
                            metadata:
                              anyOf:
                                - {type: object, additionalProperties: {type: string}}
                                - {type: string, enum: ['']}
                            expires_at:
                              anyOf:
                                - {type: \(extra.isEmpty ? "integer" : "string")}
                                - {type: string, enum: ['']}
                  responses: {'200': {description: ok}}
            """
        }
        let files = try generate("""
        openapi: 3.0.3
        info: {title: T, version: 1.0.0}
        paths:
          /customers:
            post:
              operationId: postCustomers
        \(body("customer"))
          /invoices:
            post:
              operationId: postInvoices
        \(body("invoice"))
          /plans:
            post:
              operationId: postPlans
        \(body("plan", "string"))
        """)
        let operations = try #require(files["Operations.swift"])
        #expect(operations.components(separatedBy: "enum Metadata: Codable, Hashable, Sendable").count == 2)
        #expect(operations.contains("public typealias Metadata = PostCustomers.Body.Metadata"))
        #expect(operations.components(separatedBy: "typealias Metadata = PostCustomers.Body.Metadata\n").count == 3)
        // expires_at: an integer branch in two operations (shared), a string one in the third (its own type).
        #expect(operations.components(separatedBy: "enum ExpiresAt: Codable, Hashable, Sendable").count == 3)
        #expect(operations.contains("public typealias ExpiresAt = PostCustomers.Body.ExpiresAt"))
        let plans = try #require(operations.components(separatedBy: "public enum PostPlans").last)
        #expect(plans.contains("public indirect enum ExpiresAt: Codable, Hashable, Sendable {\n            case string(String)"))
    }

    @Test func structsThatPrintAlikeButNameDifferentOutsideTypesStayApart() throws {
        // A.Box.at and B.Box.at are both written `Geo`, but mean A.Geo and B.Geo, which differ.
        let models = try #require(try generate("""
        openapi: 3.1.0
        info: {title: T, version: 1.0.0}
        paths: {}
        components:
          schemas:
            A:
              type: object
              properties:
                geo: {type: object, properties: {lat: {type: number}}}
                box: {type: object, properties: {at: {$ref: '#/components/schemas/A/properties/geo'}}}
            B:
              type: object
              properties:
                geo: {type: object, properties: {name: {type: string}}}
                box: {type: object, properties: {at: {$ref: '#/components/schemas/B/properties/geo'}}}
        """)["Models.swift"])
        #expect(models.components(separatedBy: "public struct Box: Codable").count == 3)
        #expect(!models.contains("typealias Box"))
    }

    @Test func deprecatedDeclarationsSayWhyFromTheSpec() throws {
        let files = try generate(Self.orders)
        let client = try #require(files["Client.swift"])
        // The description's sentence that names the replacement, not its first one.
        #expect(client.contains(#"@available(*, deprecated, message: "Use searchOrders instead, which pages.")"#))
        #expect(!client.contains("@available(*, deprecated)\n"))
        // x-deprecated-message wins; with neither, a plain default.
        let models = try #require(files["Models.swift"])
        #expect(models.contains(#"@available(*, deprecated, message: "deprecated by the API")"#))
        #expect(models.contains(#"@available(*, deprecated, message: "Send notes instead.")"#))
    }

    @Test func aClientOnlyModuleHasTheOperationsTableItNeeds() throws {
        // The client sends with APIOperations.contracts, which lives in Server.swift when there is one.
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try runGenerate(["Specs/airline.yaml", "--output", dir.path, "--mode", "models,client"]).status == 0)
        let client = try String(contentsOf: dir.appendingPathComponent("Client.swift"), encoding: .utf8)
        #expect(client.contains("contracts: APIOperations.contracts") && client.contains("public enum APIOperations {"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("Server.swift").path))
        #expect(try runGenerate(["Specs/airline.yaml", "--output", dir.path]).status == 0)
        let both = try String(contentsOf: dir.appendingPathComponent("Client.swift"), encoding: .utf8)
        #expect(!both.contains("enum APIOperations"))
        #expect(try String(contentsOf: dir.appendingPathComponent("Server.swift"), encoding: .utf8).contains("public enum APIOperations {"))
    }

    @Test func aModuleNamedWithAPIDoesNotStutter() throws {
        let server = try #require(try generate(Self.orders, moduleName: "OrdersAPI")["Server.swift"])
        #expect(server.contains("public protocol OrdersAPIProtocol: Sendable {"))
        let client = try #require(try generate(Self.orders, moduleName: "OrdersAPI")["Client.swift"])
        #expect(client.contains("public struct OrdersClient: Sendable {"))
        #expect(SwiftNames.apiBaseName("API") == "" && SwiftNames.apiBaseName("Pets") == "Pets" && SwiftNames.apiBaseName("petsApi") == "Pets")
        let bare = try #require(try generate(Self.orders, moduleName: "API")["Client.swift"])
        #expect(bare.contains("public struct APIClient: Sendable {"))
    }

    @Test func theConfigsModuleNameBeatsThePluginsDefaultAndTheHeaderSaysHowToRegenerate() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("charter.yaml")
        try "module-name: Shop\n".write(to: config, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("Out")
        // What the build plugin passes: the target's name as a default only, and its own regeneration hint.
        let hint = "the CharterBuildPlugin regenerates it from openapi.yaml at every build"
        #expect(try runGenerate(["Specs/airline.yaml", "--output", out.path, "--config", config.path,
                                          "--default-module-name", "OrdersAPI", "--fixed-layout", "--regenerate-hint", hint]).status == 0)
        let server = try String(contentsOfFile: out.appendingPathComponent("Server.swift").path, encoding: .utf8)
        #expect(server.contains("protocol ShopAPIProtocol"))
        #expect(server.hasPrefix("// Generated by Charter from airline.yaml. Do not edit: \(hint).\n"))
        // Without module-name in the config, the default names the API; --module-name beats both.
        try "mode: [models, server]\n".write(to: config, atomically: true, encoding: .utf8)
        #expect(try runGenerate(["Specs/airline.yaml", "--output", out.path, "--config", config.path,
                                          "--default-module-name", "OrdersAPI", "--fixed-layout"]).status == 0)
        let defaulted = try String(contentsOfFile: out.appendingPathComponent("Server.swift").path, encoding: .utf8)
        #expect(defaulted.contains("protocol OrdersAPIProtocol") && defaulted.contains("regenerate with `swift run generate`"))
        try "module-name: Shop\n".write(to: config, atomically: true, encoding: .utf8)
        #expect(try runGenerate(["Specs/airline.yaml", "--output", out.path, "--config", config.path,
                                          "--module-name", "Travel", "--fixed-layout"]).status == 0)
        #expect(try String(contentsOfFile: out.appendingPathComponent("Server.swift").path, encoding: .utf8).contains("protocol TravelAPIProtocol"))
    }
}
