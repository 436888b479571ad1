import CharterRuntime
import CharterSpec
import CharterValidation
import CharterTestSupport
import Testing

/// The tape validator takes shortcuts (numbers compared as plain integers and doubles, properties found by
/// hashing raw key bytes, required properties checked as one bit mask). These cases sit on the edges of each
/// shortcut; the tape and the value tree must report the same issues, and the expected ones.
@Suite("Validator fast paths agree with the exact paths")
struct ValidatorFastPathTests {
    static let names = (0..<70).map { "p\($0)" }
    static let components = """
        N:
          type: object
          properties:
            big: {type: integer, minimum: -9007199254740993, maximum: 9007199254740993}
            dec: {type: number, exclusiveMinimum: 0.1, maximum: 0.3, multipleOf: 0.01}
            cents: {type: number, multipleOf: 0.01}
            tiny: {type: number, multipleOf: 0.000000000000000001}
            i32: {type: integer, format: int32}
            i64: {type: integer, format: int64}
        Wide:
          type: object
          additionalProperties: false
          required: [p0, p63, p64, p69, "", "é", "a\\"b"]
          properties:
    \(names.map { "        \($0): {type: integer, maximum: 1}" }.joined(separator: "\n"))
            "": {type: string}
            "é": {type: string}
            "a\\"b": {type: string}
            ab: {type: string}
            aab: {type: integer}
            acb: {type: boolean}

    """

    func both(_ json: String, _ schema: String) throws -> [String] {
        let spec = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\ncomponents:\n  schemas:\n" + Self.components
        let result = SpecLoader().load(bytes: Array(spec.utf8), path: "inline.yaml")
        let validator = SpecValidator(document: try #require(result.document, "\(result.diagnostics)"))
        let index = try #require(validator.schemaIndex(schema))
        let render = { (issues: [ValidationIssue]) in issues.map { "\($0.field)|\($0.constraint)|\($0.message)" } }
        let fromTape = render(validator.validator.validate(try JSONTape(parsing: Array(json.utf8)), against: index))
        let fromTree = render(validator.validator.validate(try JSONParser.parse(json), against: index))
        #expect(fromTape == fromTree, "tape and tree disagree on \(json)")
        return fromTape
    }

    @Test func numbersAtTheLimitsOfDoublesAndInt64() throws {
        #expect(try both(#"{"big": 9007199254740993, "dec": 0.3, "cents": 1249.50, "i64": 9223372036854775807}"#, "N").isEmpty)
        #expect(try both(#"{"big": 9007199254740994}"#, "N") == ["big|maximum|Must be at most 9007199254740993"])
        #expect(try both(#"{"big": -9007199254740994}"#, "N") == ["big|minimum|Must be at least -9007199254740993"])
        // Equal as doubles, different as decimals: the literal decides.
        #expect(try both(#"{"dec": 0.30000000000000001}"#, "N").map { $0.split(separator: "|")[1] } == ["maximum", "multipleOf"])
        #expect(try both(#"{"dec": 0.1}"#, "N") == ["dec|exclusiveMinimum|Must be greater than 0.1"])
        #expect(try both(#"{"dec": 0.10000000000000001}"#, "N").map { $0.split(separator: "|")[1] } == ["multipleOf"])
        #expect(try both(#"{"cents": 10.005}"#, "N") == ["cents|multipleOf|Must be a multiple of 0.01"])
        #expect(try both(#"{"cents": 1e2, "tiny": 0.5}"#, "N").isEmpty)
        #expect(try both(#"{"cents": 1.5e-3}"#, "N") == ["cents|multipleOf|Must be a multiple of 0.01"])
        #expect(try both(#"{"i32": 2147483648, "i64": 9223372036854775808}"#, "N") == [
            "i32|format|Must fit in a 32-bit integer", "i64|format|Must fit in a 64-bit integer",
        ])
        #expect(try both(#"{"i32": 2.0e0}"#, "N").isEmpty)
    }

    @Test func propertiesAreFoundByTheirExactBytes() throws {
        var members = Self.names.map { "\"\($0)\": 1" }
        members += [#""": "", "\u00e9": "", "a\"b": "", "ab": "x", "aab": 1, "acb": true"#]
        #expect(try both("{\(members.joined(separator: ", "))}", "Wide").isEmpty)
        // Missing required names on both sides of the 64-bit mask, an unknown key sharing length and first
        // and last byte with declared ones, a type error found through an escaped key.
        let sparse = #"{"p1": 1, "p65": 2, "a\u0062": 3, "azb": 1, "": ""}"#
        let found = try both(sparse, "Wide")
        #expect(found == [
            "p0|required|Required property missing",
            "p63|required|Required property missing",
            "p64|required|Required property missing",
            "p69|required|Required property missing",
            #"["é"]|required|Required property missing"#,
            #"["a\"b"]|required|Required property missing"#,
            "p65|maximum|Must be at most 1",
            "ab|type|Must be a string",
            "azb|additionalProperties|Property is not allowed",
        ])
    }

    /// An object schema of the common shape is checked in one pass over its members (`SchemaNode.isPlainObject`);
    /// the same schema with a keyword that changes nothing (`propertyNames: true`) takes the general path. Both must
    /// report the same issues in the same order, on tapes and trees, in requests and responses.
    static let plainAndGeneral: String = {
        let body = """
              type: object
              minProperties: 2
              maxProperties: 5
              required: [id, name, secret, tags]
              additionalProperties: ADDITIONAL
              properties:
                id: {type: string, readOnly: true}
                secret: {type: string, writeOnly: true}
                name: {type: string, minLength: 2}
                tags: {type: array, items: {$ref: '#/components/schemas/TagPLAIN'}}
                nested: {$ref: '#/components/schemas/TagPLAIN'}
        """
        let tag = """
              type: object
              required: [label]
              properties:
                label: {type: string, pattern: '^[a-z]+$'}
        """
        var out = ""
        for (suffix, extra) in [("Plain", ""), ("General", "\n      propertyNames: true")] {
            for (closed, additional) in [("", "false"), ("Open", "true"), ("Free", "{}")] {
                out += "    Obj\(suffix)\(closed):\n" + body.replacingOccurrences(of: "ADDITIONAL", with: additional)
                    .replacingOccurrences(of: "PLAIN", with: suffix) + extra + "\n"
            }
            out += "    Tag\(suffix):\n" + tag + extra + "\n"
        }
        return out
    }()

    @Test(arguments: ["", "Open", "Free"])
    func plainObjectsReportAsTheGeneralPathDoes(_ closed: String) throws {
        let spec = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\ncomponents:\n  schemas:\n" + Self.plainAndGeneral
        let result = SpecLoader().load(bytes: Array(spec.utf8), path: "inline.yaml")
        let validator = SpecValidator(document: try #require(result.document, "\(result.diagnostics)"))
        let plain = try #require(validator.schemaIndex("ObjPlain" + closed)), general = try #require(validator.schemaIndex("ObjGeneral" + closed))
        // A schema under `additionalProperties` is left to the general path ("Free" compares it with itself).
        #expect(validator.validator.schemas[plain].isPlainObject == (closed != "Free") && !validator.validator.schemas[general].isPlainObject)
        let bodies = [
            #"{"id": "1", "name": "Al", "secret": "s", "tags": []}"#,
            #"{}"#,
            #"{"extra": 1}"#,
            #"{"tags": [{"label": "ok"}, {"label": "NO"}, {}], "extra": true, "name": "x"}"#,
            #"{"id": 1, "secret": 2, "name": "ab", "tags": [], "nested": {}, "x": 1, "y": 2}"#,
            #"{"nested": {"label": 3}, "tags": "no"}"#,
        ]
        var reported = 0
        for json in bodies {
            for direction in [MessageDirection.request, .response] {
                let render = { (issues: [ValidationIssue]) in issues.map { "\($0.field)|\($0.constraint)|\($0.message)" } }
                let tape = try JSONTape(parsing: Array(json.utf8)), tree = try JSONParser.parse(json)
                let plainTape = render(validator.validator.validate(tape, against: plain, direction: direction))
                #expect(plainTape == render(validator.validator.validate(tape, against: general, direction: direction)), "\(json) \(direction)")
                #expect(plainTape == render(validator.validator.validate(tree, against: plain, direction: direction)), "\(json) \(direction)")
                #expect(validator.validator.isValid(tree, against: plain, direction: direction) == plainTape.isEmpty)
                reported += plainTape.count
            }
        }
        // The bodies break every keyword of the schema somewhere: the comparison is not of empty lists.
        #expect(reported >= 20)
        let missing = try #require(render(validator, #"{"tags": [{}], "extra": 1}"#, plain).first)
        #expect(missing.hasPrefix("id|required") || missing.hasPrefix("name|required"), "required issues come first: \(missing)")
    }

    private func render(_ validator: SpecValidator, _ json: String, _ index: Int) throws -> [String] {
        try validator.validator.validate(JSONTape(parsing: Array(json.utf8)), against: index, direction: .response).map { "\($0.field)|\($0.constraint)" }
    }
}
