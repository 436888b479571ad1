@_spi(Generated) @testable import CharterRuntime
import CharterSpec
import CharterValidation
import HTTPTypes
import CharterTestSupport
import Testing

/// What a generated client writes, a generated server reads back: every style and explode a location allows,
/// for a string, a list and an object, through the client's request writer and the server's parameter reading
/// (no socket: the two ends' own code). A value that does not come back is a client and a server that disagree.
@Suite("Parameters, client to server")
struct ParameterRoundTripTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var location: String
        var style: String
        var explode: Bool
        var kind: String
        var testDescription: String { "\(location) \(style) explode=\(explode) \(kind)" }
    }

    static let kinds: [(name: String, schema: String, value: JSONValue)] = [
        ("string", "{type: string}", "a b ü"),
        ("list", "{type: array, items: {type: string}}", ["x y", "z"]),
        ("object", "{type: object, properties: {R: {type: string}, G: {type: integer}}}", ["R": "1 0", "G": 7]),
    ]

    static let cases: [Case] = {
        let styles: [(String, [String])] = [
            ("path", ["simple", "label", "matrix"]),
            ("query", ["form", "spaceDelimited", "pipeDelimited", "deepObject"]),
            ("header", ["simple"]),
            ("cookie", ["form", "cookie"]),
        ]
        var cases: [Case] = []
        for (location, names) in styles {
            for style in names {
                for explode in [false, true] {
                    for kind in kinds.map(\.name) {
                        // Styles OpenAPI defines for some shapes only.
                        if ["spaceDelimited", "pipeDelimited"].contains(style) && (kind == "string" || explode) { continue }
                        if style == "deepObject" && (kind != "object" || !explode) { continue }
                        cases.append(Case(location: location, style: style, explode: explode, kind: kind))
                    }
                }
            }
        }
        return cases
    }()

    @Test(arguments: cases)
    func theServerReadsWhatTheClientWrote(_ c: Case) throws {
        var kind = try #require(Self.kinds.first { $0.name == c.kind })
        // A space delimits spaceDelimited items: an item holding one cannot be sent (OpenAPI has no escape for it).
        if c.style == "spaceDelimited" { kind.value = c.kind == "list" ? ["x-y", "z"] : ["R": "1-0", "G": 7] }
        let path = c.location == "path" ? "/r/{v}" : "/r"
        let spec = """
        openapi: 3.2.0
        info: {title: round trip, version: '1'}
        paths:
          \(path):
            get:
              operationId: roundTrip
              parameters:
                - {name: v, in: \(c.location), required: true, style: \(c.style), explode: \(c.explode), schema: \(kind.schema)}
                - {name: other, in: \(c.location == "path" ? "query" : c.location), schema: {type: string}}
              responses: {'204': {description: ok}}
        """
        let loaded = SpecLoader().load(bytes: Array(spec.utf8), path: "roundtrip.yaml")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let validator = SpecValidator(document: try #require(loaded.document)).contractValidator()
        let contract = try #require(validator.contracts["roundTrip"])
        var writer = ClientRequestWriter(contract: contract)
        let location = try #require(IssueLocation(rawValue: c.location))
        try writer.parameter("v", in: location, kind.value)
        try writer.parameter("other", in: c.location == "path" ? .query : location, "o")
        let request = writer.request
        let pathOnly = String((request.path ?? "").split(separator: "?", maxSplits: 1).first ?? "")
        let pathParameters = try #require(PathTemplate.match(contract.path, requestPath: pathOnly), "\(request.path ?? "")")
        let read = RequestParameters(request: request, pathParameters: pathParameters, contract: contract, decoding: validator.decoding)
        guard case .value(let value, _) = read.found.first else {
            Issue.record("nothing read back from \(request.path ?? "") \(request.headerFields)")
            return
        }
        #expect(value == kind.value, "sent \(request.path ?? "") \(request.headerFields.map { "\($0.name): \($0.value)" })")
        if case .value(let other, _)? = read.found.last { #expect(other == .string("o")) } else { Issue.record("the other parameter was not read") }
    }
}
