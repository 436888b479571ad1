import CharterTestSupport
import Testing
@testable import CharterSpec

@Suite("OpenAPI model")
struct ModelTests {
    @Test func openAPI30IdiomsBecomeTheSharedRepresentation() throws {
        let r = load("""
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths: {}
        components:
          schemas:
            Price:
              type: number
              nullable: true
              minimum: 0
              exclusiveMinimum: true
              maximum: 100
        """)
        #expect(r.diagnostics.isEmpty)
        let d = try #require(r.document)
        let price = d[try #require(d.components.schema(named: "Price"))]
        #expect(price.types == [.number, .null])
        #expect(price.exclusiveMinimum?.text == "0")
        #expect(price.minimum == nil)
        #expect(price.maximum?.value == 100)
    }

    @Test func aLoneNullableInAnAllOfMemberMakesTheCompositionNullableWithAWarning() throws {
        let r = load("""
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths: {}
        components:
          schemas:
            T: {type: object}
            R:
              allOf:
                - $ref: '#/components/schemas/T'
                - description: described only
                  nullable: true
                  x-origin: vendor
            Typed:
              allOf:
                - $ref: '#/components/schemas/T'
                - {type: object, nullable: true}
        """)
        #expect(r.diagnostics.map(\.description) == [
            "spec.yaml:11:11: warning: 'nullable: true' in an allOf member without a 'type' allows nothing by itself (the other members still reject null); read as the whole allOf accepting null",
        ])
        let d = try #require(r.document)
        let composed = d[try #require(d.components.schema(named: "R"))]
        #expect(composed.isNullable)
        #expect(!d[composed.allOf[0]].assertsNothing && d[composed.allOf[1]].assertsNothing)
        let typed = d[try #require(d.components.schema(named: "Typed"))]
        #expect(!typed.isNullable && !d[typed.allOf[1]].assertsNothing)
    }

    @Test func openAPI31IdiomsAreRead() throws {
        let r = load("""
        openapi: 3.1.0
        info: {title: t, version: '1'}
        webhooks:
          ping:
            post:
              responses: {'200': {description: OK}}
        components:
          schemas:
            Tuple:
              type: [array, 'null']
              prefixItems: [{type: string}, {type: integer}]
              items: false
              contains: {const: 7}
              minContains: 1
            Exclusive:
              type: integer
              exclusiveMinimum: 0
              const: 3
              examples: [3]
            Conditional:
              if: {properties: {kind: {const: a}}}
              then: {required: [a]}
              else: {required: [b]}
              dependentRequired: {card: [cvv]}
              patternProperties: {'^x-': {type: string}}
              propertyNames: {maxLength: 10}
              unevaluatedProperties: false
              $defs:
                Inner: {type: string}
            Anything: true
        """)
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
        let d = try #require(r.document)
        #expect(d.version == .v3_1)
        #expect(d.webhooks.map(\.name) == ["ping"])
        let tuple = d[try #require(d.components.schema(named: "Tuple"))]
        #expect(tuple.types == [.array, .null])
        #expect(tuple.prefixItems.count == 2)
        #expect(d[try #require(tuple.items)].booleanValue == false)
        #expect(tuple.minContains == 1)
        let exclusive = d[try #require(d.components.schema(named: "Exclusive"))]
        #expect(exclusive.exclusiveMinimum?.value == 0)
        #expect(exclusive.const?.int == 3)
        let conditional = d[try #require(d.components.schema(named: "Conditional"))]
        #expect(conditional.ifSchema != nil && conditional.thenSchema != nil && conditional.elseSchema != nil)
        #expect(conditional.dependentRequired.first?.required == ["cvv"])
        #expect(conditional.patternProperties.first?.pattern == "^x-")
        #expect(conditional.defs.first?.name == "Inner")
        if case .bool(false)? = conditional.unevaluatedProperties {} else { Issue.record("unevaluatedProperties not read") }
        #expect(d[try #require(d.components.schema(named: "Anything"))].booleanValue == true)
    }

    /// `x-webhooks`, the 3.0 way of writing webhooks, in both shapes vendors publish: Redocly's (name → path item)
    /// read as it is; Vonage's (name → expression → path item) read as a webhook with a located warning.
    @Test func xWebhooksAreReadAsWebhooks() throws {
        let r = load("""
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths: {}
        x-webhooks:
          newPet:
            post:
              requestBody:
                content:
                  application/json: {schema: {type: object}}
              responses: {'200': {description: OK}}
          inbound-sms:
            '{$request.body#/callback}':
              post:
                operationId: inbound-sms
                responses: {'200': {description: OK}}
        """)
        let d = try #require(r.document)
        #expect(d.webhooks.map(\.name) == ["newPet", "inbound-sms"])
        #expect(d.webhooks.map { $0.item.operations.map(\.operationId) } == [["newPet"], ["inbound-sms"]])
        #expect(rendered(r.diagnostics) == [
            "12:5: warning: x-webhooks 'inbound-sms' is keyed by '{$request.body#/callback}' as a callback is; read as the webhook 'inbound-sms' (its URL is the one the receiver registered)",
        ])
        #expect(d.extensions["x-webhooks"] != nil, "kept as an extension too")

        // Beside 3.1's own field, the one under `webhooks` wins a shared name.
        let both = load("""
        openapi: 3.1.0
        info: {title: t, version: '1'}
        webhooks:
          ping: {post: {responses: {'200': {description: OK}}}}
        x-webhooks:
          ping: {put: {responses: {'200': {description: OK}}}}
          pong: {post: {responses: {'200': {description: OK}}}}
        """)
        #expect(both.document?.webhooks.map { "\($0.name) \($0.item.operations.map(\.method.rawValue))" } == ["ping [\"post\"]", "pong [\"post\"]"])
        #expect(rendered(both.diagnostics) == ["6:3: warning: x-webhooks 'ping' is also under 'webhooks'; the one under 'webhooks' is used"])
    }

    @Test func swagger2IsReadAsTheOpenAPI3DocumentItDescribes() {
        let r = load("swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\n")
        #expect(r.document?.version == .v3_0)
        #expect(r.document?.info.title == "t")
        #expect(r.diagnostics.map(\.severity) == [.note])
    }

    @Test func pathLevelParametersMergeAndOperationLevelOnesOverride() throws {
        let r = load("""
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /users/{id}:
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
              - {name: X-Trace, in: header, schema: {type: string}}
            get:
              parameters:
                - {name: id, in: path, required: true, schema: {type: integer}}
                - {name: x-trace, in: header, description: overrides, schema: {type: string}}
                - {name: verbose, in: query, schema: {type: boolean}}
              responses: {'200': {description: OK}, '4XX': {description: client error}, default: {description: other}}
        """)
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
        let op = try #require(r.document?.paths.first?.operations.first)
        #expect(op.parameters.map(\.name) == ["id", "x-trace", "verbose"])
        #expect(r.document?[try #require(op.parameters[0].schema)].types == .integer)
        #expect(op.parameters[2].style == .form && op.parameters[2].explode)
        #expect(op.responses.map(\.statusCode) == ["200", "4XX", "default"])
        #expect(op.responses[0].status == 200 && op.responses[1].status == nil)
    }

    @Test func missingOperationIdsAreSynthesisedStably() throws {
        let r = load("""
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /users/{user_id}/posts:
            get:
              parameters: [{name: user_id, in: path, required: true, schema: {type: integer}}]
              responses: {'200': {description: OK}}
        """)
        let op = try #require(r.document?.operations.first?.operation)
        #expect(op.operationId == "getUsersByUserIdPosts")
        #expect(op.operationIdSynthesized)
        #expect(op.displayName == "GET /users/{user_id}/posts")
    }

    @Test func extensionsAreKeptEverywhere() throws {
        let r = load("""
        openapi: 3.0.3
        info: {title: t, version: '1', x-logo: logo.png}
        x-top: 1
        paths:
          /a:
            get:
              x-sunset: '2026-06-30'
              responses: {'200': {description: OK, x-r: true}}
        components:
          schemas:
            S: {type: string, x-go-type: string}
        """)
        let d = try #require(r.document)
        #expect(d.extensions["x-top"]?.int == 1)
        #expect(d.info.extensions["x-logo"]?.string == "logo.png")
        #expect(d.operations.first?.operation.extensions["x-sunset"]?.string == "2026-06-30")
        #expect(d.operations.first?.operation.responses.first?.extensions["x-r"]?.bool == true)
        #expect(d[try #require(d.components.schema(named: "S"))].extensions["x-go-type"] != nil)
    }

    @Test func securitySchemesAndRequirementsAreRead() throws {
        let r = load("""
        openapi: 3.0.3
        info: {title: t, version: '1'}
        security: [{bearer: []}, {oauth: [read, write]}]
        paths: {}
        components:
          securitySchemes:
            bearer: {type: http, scheme: bearer, bearerFormat: JWT}
            key: {type: apiKey, name: X-API-Key, in: header}
            oauth:
              type: oauth2
              flows:
                clientCredentials: {tokenUrl: 'https://auth.example.com/token', scopes: {read: Read, write: Write}}
        """)
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
        let d = try #require(r.document)
        #expect(d.security?.count == 2)
        #expect(d.security?[1].schemes.first?.scopes == ["read", "write"])
        guard case .oauth2(let flows)? = d.components.securitySchemes.last?.value.kind else {
            Issue.record("oauth2 scheme not read")
            return
        }
        #expect(flows.first?.kind == .clientCredentials)
        #expect(flows.first?.scopes.map(\.name) == ["read", "write"])
    }

    @Test func recursiveAndDynamicReferencesResolveToTheEnclosingAnchor() throws {
        let r = load("""
        openapi: 3.1.0
        info: {title: t, version: '1'}
        components:
          schemas:
            Filter:
              $recursiveAnchor: true
              type: object
              properties:
                filters:
                  type: array
                  items: {$recursiveRef: '#'}
            Tree:
              $dynamicAnchor: node
              type: object
              properties:
                children: {type: array, items: {$dynamicRef: '#node'}}
        """)
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
        let d = try #require(r.document)
        for name in ["Filter", "Tree"] {
            let id = try #require(d.components.schema(named: name))
            let array = try #require(d[id].properties.first?.schema)
            #expect(d.resolved(try #require(d[array].items)) == id, "\(name)")
        }
    }

    /// A discriminator's values, each with the branch it selects: the mapping first (its targets given back as the
    /// union's own members), then branches' component names the mapping does not already point at, then values a
    /// branch's property alone admits; a value claimed by an earlier rule is not listed again.
    @Test func discriminatorTagsComeFromMappingThenNamesThenPropertyValues() throws {
        let r = load("""
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths: {}
        components:
          schemas:
            Event:
              oneOf:
                - $ref: '#/components/schemas/Created'
                - $ref: '#/components/schemas/Deleted'
                - $ref: '#/components/schemas/Moved'
                - $ref: '#/components/schemas/Renamed'
                - type: object
                  properties: {kind: {type: string, enum: [inline]}}
              discriminator:
                propertyName: kind
                mapping:
                  made: '#/components/schemas/Created'
                  gone: 'Deleted'
            Created: {type: object, properties: {kind: {type: string, enum: [created]}}}
            Deleted: {type: object, properties: {kind: {type: string}}}
            Moved:
              allOf:
                - {type: object, properties: {kind: {type: string, enum: [Renamed]}}}
            Renamed: {type: object, properties: {kind: {type: string, const: renamed}}}
        """)
        let d = try #require(r.document)
        let event = try #require(d.components.schema(named: "Event"))
        let members = d[event].oneOf
        let tags = d.discriminatorTags(of: event)
        // `Moved`'s property admits only "Renamed", a value the component name `Renamed` claimed first.
        #expect(tags.map(\.value) == ["made", "gone", "Moved", "Renamed", "created", "renamed", "inline"])
        #expect(tags.map(\.branch) == [members[0], members[1], members[2], members[3], members[0], members[3], members[4]])
        #expect(tags.map(\.source) == [.mapping, .mapping, .componentName, .componentName, .propertyValue, .propertyValue, .propertyValue])
    }
}
