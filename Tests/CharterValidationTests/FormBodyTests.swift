@_spi(Generated) @testable import CharterRuntime
import CharterSpec
import CharterValidation
import HTTPTypes
import CharterTestSupport
import Testing

/// One operation taking `schema` as a body of `mediaType` (with `encoding`), compiled as the runtime sees it.
func bodyContract(_ schema: String, mediaType: String, encoding: String = "{}", version: String = "3.1.0") throws -> (ContractValidator, MediaTypeContract) {
    let spec = """
    openapi: \(version)
    info: {title: t, version: '1'}
    paths:
      /things:
        post:
          operationId: make
          requestBody:
            required: true
            content:
              '\(mediaType)':
                schema: \(schema)
                encoding: \(encoding)
          responses:
            '204': {description: done}
    """
    let result = SpecLoader().load(bytes: Array(spec.utf8), path: "body.yaml")
    let document = try #require(result.document, "\(result.diagnostics)")
    let validator = SpecValidator(document: document)
    let contract = try #require(validator.contracts.first)
    return (validator.contractValidator(), try #require(contract.requestBody?.content.first))
}

/// Url-encoded forms: bracketed names as real APIs write them (Stripe's `metadata[key]`, `expand[]`,
/// `items[0][price]`), shaped by the schema, every problem reported, and the encoder as the decoder's inverse.
@Suite("Form bodies")
struct FormBodyTests {
    static let schema = """
    {type: object, additionalProperties: false, properties: {
        email: {type: string, maxLength: 20}, balance: {type: integer}, active: {type: boolean},
        metadata: {anyOf: [{type: object, additionalProperties: {type: string}}, {type: string, enum: ['']}]},
        expand: {type: array, items: {type: string}},
        items: {type: array, items: {type: object, properties: {price: {type: string}, quantity: {type: integer}}}},
        tags: {type: array, items: {type: string}},
        address: {anyOf: [{type: object, properties: {city: {type: string}, line: {type: array, items: {type: string}}}}, {type: string, enum: ['']}]}}}
    """
    static let encoding = "{metadata: {style: deepObject, explode: true}, expand: {style: deepObject, explode: true}, items: {style: deepObject, explode: true}, tags: {style: form, explode: false}}"

    func read(_ body: String) throws -> (value: JSONValue?, issues: [String]) {
        let (validator, media) = try bodyContract(Self.schema, mediaType: "application/x-www-form-urlencoded", encoding: Self.encoding)
        let reader = BodyParty(isServer: true, operationID: "make", validate: true, enforce: true, logger: ContractValidator.silent)
        guard case .success(let reception) = validator.receive(Array(body.utf8), contentType: "application/x-www-form-urlencoded", media: media,
                                                               limit: 1 << 20, reader: reader) else { throw TestFailure("refused") }
        var value: JSONValue?
        if case .form(let v) = reception.body.content { value = v }
        return (value, reception.issues.map { "\($0.field)|\($0.pointer)|\($0.constraint)" })
    }

    @Test func bracketedNamesNestAndTheSchemaTypesTheValues() throws {
        let (value, issues) = try read("email=ada%40example.com&balance=-5&active=true&metadata[order_id]=7&metadata[note]=a+b"
            + "&expand[]=customer&expand[]=invoice&items[0][price]=p_1&items[0][quantity]=2&items[1][price]=p_2&tags=x,y,z&address=")
        #expect(issues == [])
        #expect(value == (try JSONParser.parse(#"""
            {"email": "ada@example.com", "balance": -5, "active": true, "metadata": {"order_id": "7", "note": "a b"},
             "expand": ["customer", "invoice"], "items": [{"price": "p_1", "quantity": 2}, {"price": "p_2"}], "tags": ["x", "y", "z"], "address": ""}
            """#)))
    }

    @Test func indexedAndRepeatedFieldsAreArraysAndNestedArraysWork() throws {
        let (value, issues) = try read("expand[1]=b&expand[0]=a&address[city]=Paris&address[line][]=1+rue&address[line][]=2e")
        #expect(issues == [])
        #expect(value == (try JSONParser.parse(#"{"expand": ["a", "b"], "address": {"city": "Paris", "line": ["1 rue", "2e"]}}"#)))
    }

    /// An empty array has no fields in a form, so a required array the form does not name is empty, not missing
    /// (Swagger Petstore's `photoUrls`; schemathesis sent `photoUrls: []` as nothing and was told it was missing).
    @Test func aRequiredArrayTheFormDoesNotNameIsEmpty() throws {
        let (validator, media) = try bodyContract("{type: object, required: [name, photoUrls], properties: {name: {type: string}, photoUrls: {type: array, items: {type: string}}, tags: {type: array, items: {type: string}}}}",
                                                  mediaType: "application/x-www-form-urlencoded")
        let reader = BodyParty(isServer: true, operationID: "make", validate: true, enforce: true, logger: ContractValidator.silent)
        func read(_ body: String) throws -> (JSONValue?, [String]) {
            guard case .success(let reception) = validator.receive(Array(body.utf8), contentType: "application/x-www-form-urlencoded", media: media,
                                                                   limit: 1 << 20, reader: reader) else { throw TestFailure("refused") }
            var value: JSONValue?
            if case .form(let v) = reception.body.content { value = v }
            return (value, reception.issues.map { "\($0.field) \($0.constraint)" })
        }
        let (named, issues) = try read("name=doggie")
        #expect(issues == [])
        #expect(named == ["name": "doggie", "photoUrls": []])
        // A required scalar is still missing when absent.
        let (_, missing) = try read("photoUrls=a")
        #expect(missing == [" required"] || missing.contains { $0.hasSuffix("required") }, "\(missing)")
    }

    @Test func everyProblemIsReportedWithTheFieldAsTheFormWroteIt() throws {
        let (_, issues) = try read("email=a%ZZ&balance=1&balance=2&metadata[order=1&items[0][quantity]=many&unknown=1&active=%E2%28")
        // A name whose brackets do not pair is one literal name, which the schema then judges.
        #expect(issues == [
            "email|/email|syntax",
            "active|/active|syntax",
            "balance|/balance|repeated",
            "metadata[order|/metadata[order|additionalProperties",
            "items[0][quantity]|/items/0/quantity|type",
            "unknown|/unknown|additionalProperties",
        ])
    }

    @Test func fieldsTheSchemaDoesNotNameAreKeptAndEmptyKeysAreKeys() throws {
        let (validator, media) = try bodyContract("{type: object, properties: {note: {type: string}, meta: {type: object, additionalProperties: {type: string}}}}",
                                              mediaType: "application/x-www-form-urlencoded")
        let reader = BodyParty(isServer: true, operationID: "make", validate: true, enforce: true, logger: ContractValidator.silent)
        func read(_ body: String) -> (JSONValue?, [String]) {
            guard case .success(let r) = validator.receive(Array(body.utf8), contentType: media.mediaType, media: media, limit: 1 << 20, reader: reader),
                  case .form(let value) = r.body.content else { return (nil, ["refused"]) }
            return (value, r.issues.map(\.constraint))
        }
        // An unnamed field given twice is an array (the schema allows any extra value); `meta[]` is the key "".
        #expect(read("x=1&x=2&meta[]=e&note=n").0 == (try JSONParser.parse(#"{"x": ["1", "2"], "meta": {"": "e"}, "note": "n"}"#)))
        // An empty form is an empty object, valid when nothing is required.
        #expect(read("").0 == .object(JSONObject()) && read("").1 == [])
    }

    @Test func contradictoryAndHostileNamesAreIssuesNotCrashes() throws {
        let contradictory = try read("metadata=x&metadata[a]=y").issues
        #expect(contradictory.first == "metadata[a]|/metadata/a|syntax")
        // `[]` then a key: deepObject's empty key among named ones — no array, as the schema then says.
        #expect(try read("expand[]=a&expand[0]=b").issues == ["expand|/expand|type"])
        let huge = try read("items[99999999][price]=1").issues
        #expect(huge == ["items[99999999][price]|/items/99999999/price|syntax"])
        let deep = "metadata" + String(repeating: "[a]", count: 40) + "=1"
        #expect(try read(deep).issues.first?.hasSuffix("|maxDepth") == true)
        #expect(try read("[a]=1&a]=2").issues == ["[a]|/[a]|additionalProperties", "a]|/a]|additionalProperties"])
        // A deepObject key holding `]` (schemathesis writes such keys) is still one key.
        let (value, _) = try read("metadata[a]b]=1")
        #expect(value == (try JSONParser.parse(#"{"metadata": {"a]b": "1"}}"#)))
        var bounded = FormDecoding(decoding: ParameterDecoding(schemas: []))
        bounded.maxFields = 50
        let many = (0..<51).map { "k\($0)=1" }.joined(separator: "&")
        #expect(bounded.decode(Array(many.utf8)[...], schema: nil, parts: []).issues.map(\.constraint) == ["maxFields"])
    }

    @Test func encodingWritesWhatDecodingReads() throws {
        let (_, media) = try bodyContract(Self.schema, mediaType: "application/x-www-form-urlencoded", encoding: Self.encoding)
        let value = try JSONParser.parse(#"""
            {"email": "a+b@x.y", "metadata": {"k 1": "v&=?"}, "expand": ["c"], "items": [{"price": "p", "quantity": 3}],
             "tags": ["x", "y"], "address": {"city": "Zürich", "line": ["a"]}, "active": null}
            """#)
        let body = FormEncoding.body(FormEncoding.fields(value, parts: media.parts))
        #expect(String(decoding: body, as: UTF8.self) == "email=a%2Bb%40x.y&metadata%5Bk+1%5D=v%26%3D%3F&expand%5B0%5D=c&items%5B0%5D%5Bprice%5D=p"
            + "&items%5B0%5D%5Bquantity%5D=3&tags=x%2Cy&address%5Bcity%5D=Z%C3%BCrich&address%5Bline%5D%5B0%5D=a")
        let (decoded, issues) = try read(String(decoding: body, as: UTF8.self))
        #expect(issues == [])
        var expected = value
        if case .object(var object) = expected { object["active"] = nil; expected = .object(object) }
        #expect(decoded == expected)
    }
}
