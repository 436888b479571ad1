import CharterRuntime
import CharterSpec
import CharterValidation
import CharterTestSupport
import Testing

/// Builds a validator for a small 3.x spec and returns the issues for one component schema.
func issues(_ json: String, against schema: String, in components: String, version: String = "3.1.0",
            direction: MessageDirection = .request) throws -> [String] {
    let spec = "openapi: \(version)\ninfo: {title: t, version: '1'}\ncomponents:\n  schemas:\n" + components
    let result = SpecLoader().load(bytes: Array(spec.utf8), path: "inline.yaml")
    let document = try #require(result.document, "\(result.diagnostics)")
    let validator = SpecValidator(document: document)
    let value = try JSONParser.parse(json)
    return try #require(validator.validate(value, schema: schema, direction: direction)).map {
        "\($0.field)|\($0.pointer)|\($0.constraint)|\($0.message)"
    }
}

@Suite("Validator messages and OpenAPI keywords")
struct ValidatorTests {
    static let booking = """
        Booking:
          type: object
          required: [flight_id, passengers]
          additionalProperties: false
          properties:
            id: {type: string, readOnly: true}
            card_cvv: {type: string, writeOnly: true}
            flight_id: {type: string, minLength: 3, maxLength: 8}
            passengers:
              type: array
              minItems: 1
              maxItems: 2
              items:
                type: object
                required: [name, age]
                properties:
                  name: {type: string}
                  age: {type: integer, format: int32, minimum: 0, maximum: 120}
                  email: {type: string, format: email}
            seats: {type: array, uniqueItems: true, items: {type: string}}
            price: {type: number, multipleOf: 0.01, exclusiveMinimum: 0}
            "a b": {type: boolean}
            status: {type: string, enum: [pending, confirmed]}
            nothing: {type: 'null'}
    """

    @Test func everyViolationIsReportedWithItsPathAndMessage() throws {
        let found = try issues(#"""
        {"id": "x", "flight_id": "AB", "passengers": [{"name": "A", "age": 121}, {"age": -1, "email": "nope"}, {}],
         "seats": ["1A", "2B", "1A"], "price": 10.005, "a b": "yes", "status": "lost", "nothing": 0, "extra": 1}
        """#, against: "Booking", in: Self.booking)
        #expect(found == [
            "id|/id|readOnly|Property is read-only and must not be sent",
            "flight_id|/flight_id|minLength|Must be at least 3 characters long",
            "passengers|/passengers|maxItems|Array must contain at most 2 items, found 3",
            "passengers[0].age|/passengers/0/age|maximum|Must be at most 120",
            "passengers[1].name|/passengers/1/name|required|Required property missing",
            "passengers[1].age|/passengers/1/age|minimum|Must be at least 0",
            "passengers[1].email|/passengers/1/email|format|Must be an email address",
            "passengers[2].name|/passengers/2/name|required|Required property missing",
            "passengers[2].age|/passengers/2/age|required|Required property missing",
            "seats[2]|/seats/2|uniqueItems|Array items must be unique; items 0 and 2 are equal",
            "price|/price|multipleOf|Must be a multiple of 0.01",
            "[\"a b\"]|/a b|type|Must be a boolean",
            "status|/status|enum|Value must be one of: pending, confirmed",
            "nothing|/nothing|type|Must be null",
            "extra|/extra|additionalProperties|Property is not allowed",
        ])
    }

    @Test func pathsEscapeKeysForFieldsAndPointers() throws {
        let found = try issues(#"""
        {"a/b": {"~x": [0,0,0,0,0,0,0,0,0,0,0,0,"s"]}, "q\"\\": 1, "é": 1, "9lives": 1}
        """#, against: "Odd", in: #"""
            Odd:
              type: object
              additionalProperties: {type: object, additionalProperties: {type: array, items: {type: integer}}}
              properties:
                'q"\': {type: string}
                "é": {type: string}
                "9lives": {type: string}
        """#)
        #expect(found == [
            #"["a/b"]["~x"][12]|/a~1b/~0x/12|type|Must be an integer"#,
            #"["q\"\\"]|/q"\|type|Must be a string"#,
            #"["é"]|/é|type|Must be a string"#,
            #"["9lives"]|/9lives|type|Must be a string"#,
        ])
    }

    @Test func readOnlyAndWriteOnlyDependOnDirection() throws {
        let request = try issues(#"{"flight_id": "ABC", "passengers": [{"name": "a", "age": 1}], "card_cvv": "123"}"#, against: "Booking", in: Self.booking)
        #expect(request.isEmpty)
        let response = try issues(#"{"id": "1", "flight_id": "ABC", "passengers": [{"name": "a", "age": 1}], "card_cvv": "123"}"#,
                                  against: "Booking", in: Self.booking, direction: .response)
        #expect(response == ["card_cvv|/card_cvv|writeOnly|Property is write-only and must not be returned"])
    }

    @Test func integerFormatsCheckTheirRange() throws {
        let schema = "    N:\n      type: object\n      properties:\n        a: {type: integer, format: int32}\n        b: {type: integer, format: int64}\n"
        #expect(try issues(#"{"a": 2147483648, "b": 9223372036854775808}"#, against: "N", in: schema) == [
            "a|/a|format|Must fit in a 32-bit integer",
            "b|/b|format|Must fit in a 64-bit integer",
        ])
        #expect(try issues(#"{"a": -2147483648, "b": 9223372036854775807}"#, against: "N", in: schema).isEmpty)
    }

    @Test func nullableAndTypeArraysMeanTheSame() throws {
        let v30 = "    S: {type: string, nullable: true, maxLength: 2}\n    R:\n      nullable: true\n      allOf: [{$ref: '#/components/schemas/S'}]\n"
        #expect(try issues("null", against: "S", in: v30, version: "3.0.3").isEmpty)
        #expect(try issues("5", against: "S", in: v30, version: "3.0.3") == ["||type|Must be a string or null"])
        let v31 = "    S: {type: [string, 'null'], maxLength: 2}\n"
        #expect(try issues("null", against: "S", in: v31).isEmpty)
        #expect(try issues("\"abc\"", against: "S", in: v31) == ["||maxLength|Must be at most 2 characters long"])
    }

    /// OpenAI's `allOf: [{$ref: X}, {nullable: true}]`: by the letter the lone `nullable` adds nothing and X
    /// rejects null; its author means "X or null", which is how it is read (with a warning at the keyword).
    @Test func aNullableMemberBesideAReferenceAcceptsNull() throws {
        let components = """
            T: {type: object, required: [kind], properties: {kind: {type: string}}}
            R:
              allOf:
                - $ref: '#/components/schemas/T'
                - {nullable: true, description: 'The strategy, or null.'}
            Typed:
              allOf:
                - $ref: '#/components/schemas/T'
                - {type: object, nullable: true}

        """
        #expect(try issues("null", against: "R", in: components, version: "3.0.3").isEmpty)
        #expect(try issues("{}", against: "R", in: components, version: "3.0.3") == ["kind|/kind|required|Required property missing"])
        // A member with a type of its own is not the idiom: T still rejects null.
        #expect(try issues("null", against: "Typed", in: components, version: "3.0.3") == ["||type|Must be an object"])
    }

    @Test func lengthsCountCodePoints() throws {
        let schema = "    S: {type: string, minLength: 2, maxLength: 2}\n"
        #expect(try issues(#""👍👍""#, against: "S", in: schema).isEmpty)
        #expect(try issues(#""e\u0301""#, against: "S", in: schema).isEmpty) // two code points, one grapheme
    }

    @Test func discriminatorPicksTheBranchAndReportsItsIssues() throws {
        let schema = """
            Pet:
              oneOf: [{$ref: '#/components/schemas/Dog'}, {$ref: '#/components/schemas/Cat'}]
              discriminator: {propertyName: kind}
            Dog: {type: object, required: [kind, bark], properties: {kind: {type: string}, bark: {type: boolean}}}
            Cat: {type: object, required: [kind], properties: {kind: {type: string}, lives: {type: integer, maximum: 9}}}

        """
        #expect(try issues(#"{"kind": "Dog", "bark": true}"#, against: "Pet", in: schema).isEmpty)
        #expect(try issues(#"{"kind": "Cat", "lives": 10}"#, against: "Pet", in: schema) == ["lives|/lives|maximum|Must be at most 9"])
        #expect(try issues(#"{"kind": "Cow"}"#, against: "Pet", in: schema) == ["kind|/kind|discriminator|Value must be one of: Dog, Cat"])
        #expect(try issues(#"{"bark": true}"#, against: "Pet", in: schema) == ["kind|/kind|discriminator|Required property missing"])
    }

    /// OpenAI's shape: no mapping, and each branch's `type` admits one value that is not its schema's name. The
    /// payload's value picks the branch whose property admits exactly it; names and mapping still work.
    @Test func discriminatorValuesABranchAdmitsAloneSelectIt() throws {
        let schema = """
            Result:
              oneOf: [{$ref: '#/components/schemas/ModerationResultBody'}, {$ref: '#/components/schemas/ModerationErrorBody'}]
              discriminator: {propertyName: type}
            ModerationResultBody:
              type: object
              required: [type, flagged]
              properties: {type: {type: string, enum: [moderation_result]}, flagged: {type: boolean}}
            ModerationErrorBody:
              allOf:
                - {type: object, required: [type], properties: {type: {const: error}}}
                - {type: object, required: [message], properties: {message: {type: string}}}

        """
        #expect(try issues(#"{"type": "moderation_result", "flagged": true}"#, against: "Result", in: schema).isEmpty)
        #expect(try issues(#"{"type": "error", "message": "quota"}"#, against: "Result", in: schema).isEmpty)
        #expect(try issues(#"{"type": "error"}"#, against: "Result", in: schema) == ["message|/message|required|Required property missing"])
        #expect(try issues(#"{"type": "ModerationResultBody", "flagged": true}"#, against: "Result", in: schema)
            == ["type|/type|enum|Value must be one of: moderation_result"])
        #expect(try issues(#"{"type": "other"}"#, against: "Result", in: schema)
            == ["type|/type|discriminator|Value must be one of: ModerationResultBody, ModerationErrorBody, moderation_result, error"])
        let spec = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n" + schema
        let notes = SpecLoader().load(bytes: Array(spec.utf8), path: "inline.yaml").diagnostics.filter { $0.severity == .note }
        #expect(notes.map(\.message) == ["discriminator 'type': values its mapping and the branches' names do not cover select the branch whose 'type' admits only that value ('moderation_result' → ModerationResultBody, 'error' → ModerationErrorBody)"])
    }

    @Test func oneOfAnyOfAndNotWithoutDiscriminator() throws {
        let schema = """
            Id: {oneOf: [{type: integer}, {type: number, minimum: 0}]}
            Any: {anyOf: [{type: integer}, {type: boolean}]}
            Not: {not: {type: string}}
            Shape: {oneOf: [{type: object, required: [w], properties: {w: {type: integer}}}, {type: string}]}

        """
        #expect(try issues("7", against: "Id", in: schema) == ["||oneOf|Must match exactly one of \(try issuesNames(schema)), matched 2"])
        #expect(try issues("-7", against: "Id", in: schema).isEmpty)
        #expect(try issues("0.5", against: "Id", in: schema).isEmpty)
        #expect(try issues("\"x\"", against: "Any", in: schema) == ["||anyOf|Must match at least one of \(try issuesNames(schema, "Any"))"])
        #expect(try issues("\"x\"", against: "Not", in: schema) == ["||not|Must not match the excluded schema"])
        // When the closest branch failed below the top level, its own issues are the useful ones.
        #expect(try issues(#"{"w": "wide"}"#, against: "Shape", in: schema) == ["w|/w|type|Must be an integer"])
    }

    /// The generated branch names (`schema N`) depend on schema order; read them from the compiled set.
    func issuesNames(_ components: String, _ name: String = "Id") throws -> String {
        let spec = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\ncomponents:\n  schemas:\n" + components
        let document = try #require(SpecLoader().load(bytes: Array(spec.utf8), path: "inline.yaml").document)
        let id = try #require(document.components.schema(named: name))
        let branches = document[id].oneOf.isEmpty ? document[id].anyOf : document[id].oneOf
        return branches.map { "schema \($0.index)" }.joined(separator: ", ")
    }

    @Test func keywordsOf2020_12() throws {
        let schema = """
            T:
              type: array
              prefixItems: [{type: string}, {type: integer}]
              items: false
              contains: {const: 7}
              maxContains: 1
            D:
              type: object
              dependentRequired: {card: [cvv]}
              if: {properties: {kind: {const: company}}, required: [kind]}
              then: {required: [vat]}
              else: {required: [name]}
              propertyNames: {maxLength: 5}
            U:
              allOf: [{properties: {a: {type: string}}}]
              properties: {b: {type: string}}
              unevaluatedProperties: false
            C: {const: {a: [1, 2]}}

        """
        #expect(try issues(#"["a", 7, 7]"#, against: "T", in: schema) == [
            "|/|items|Array must contain at most 2 items, found 3".replacingOccurrences(of: "|/|", with: "||"),
            "||maxContains|Array must contain at most 1 matching item, found 2",
        ])
        #expect(try issues(#"[1]"#, against: "T", in: schema) == [
            "[0]|/0|type|Must be a string",
            "||contains|Array must contain at least 1 matching item, found 0",
        ])
        #expect(try issues(#"{"kind": "company", "card": 1, "toolongname": 1}"#, against: "D", in: schema) == [
            "cvv|/cvv|dependentRequired|Required when 'card' is present",
            "toolongname|/toolongname|propertyNames|Property name 'toolongname' is not allowed: Must be at most 5 characters long",
            "vat|/vat|required|Required property missing",
        ])
        #expect(try issues(#"{}"#, against: "D", in: schema) == ["name|/name|required|Required property missing"])
        #expect(try issues(#"{"a": "x", "b": "y", "c": 1}"#, against: "U", in: schema) == ["c|/c|unevaluatedProperties|Property is not allowed"])
        #expect(try issues(#"{"a": [1.0, 2]}"#, against: "C", in: schema).isEmpty)
        #expect(try issues(#"{"a": [2, 1]}"#, against: "C", in: schema) == [#"||const|Value must be {"a":[1,2]}"#])
    }

    @Test func formats() throws {
        let schema = """
            F:
              type: object
              properties:
                dt: {type: string, format: date-time}
                d: {type: string, format: date}
                t: {type: string, format: time}
                u: {type: string, format: uuid}
                uri: {type: string, format: uri}
                ip4: {type: string, format: ipv4}
                ip6: {type: string, format: ipv6}
                h: {type: string, format: hostname}
                b: {type: string, format: byte}
                e: {type: string, format: email}

        """
        let valid = #"{"dt": "2026-11-25T08:00:00.5+01:00", "d": "2024-02-29", "t": "23:59:60Z", "u": "123e4567-e89b-12d3-a456-426614174000", "uri": "https://example.com/a?b#c", "ip4": "10.0.0.1", "ip6": "::ffff:10.0.0.1", "h": "api.example.com", "b": "aGVsbG8=", "e": "a.b@example.com"}"#
        #expect(try issues(valid, against: "F", in: schema).isEmpty)
        let invalid = #"{"dt": "2026-11-25 08:00:00", "d": "2023-02-29", "t": "24:00:00Z", "u": "123e4567e89b12d3a456426614174000", "uri": "/relative", "ip4": "10.0.0.01", "ip6": "1::2::3", "h": "-bad-.com", "b": "aGVsbG8", "e": "a..b@example.com"}"#
        #expect(try issues(invalid, against: "F", in: schema).count == 10)
    }

    @Test func decimalBoundsAndMultiplesAreExact() throws {
        let schema = "    M: {type: number, multipleOf: 0.1, maximum: 0.3}\n    B: {type: integer, maximum: 9007199254740993}\n"
        #expect(try issues("0.3", against: "M", in: schema).isEmpty) // 0.3 / 0.1 is not exact in binary floating point
        #expect(try issues("0.30000000000000004", against: "M", in: schema).count == 2)
        #expect(try issues("9007199254740993", against: "B", in: schema).isEmpty)
        #expect(try issues("9007199254740994", against: "B", in: schema) == ["||maximum|Must be at most 9007199254740993"])
    }
}
