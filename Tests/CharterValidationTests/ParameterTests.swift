import CharterRuntime
import CharterSpec
import CharterValidation
import HTTPTypes
import CharterTestSupport
import Testing

/// Parameter styles through the contract validator (the middleware's own code path, without a socket).
@Suite("Parameter styles")
struct ParameterTests {
    static let spec = """
    openapi: 3.1.0
    info: {title: params, version: '1'}
    paths:
      /items/{ids}/{label}/{matrix}:
        get:
          operationId: getItems
          parameters:
            - {name: ids, in: path, required: true, schema: {type: array, items: {type: integer}, maxItems: 3}}
            - {name: label, in: path, required: true, style: label, schema: {type: array, items: {type: string}}}
            - {name: matrix, in: path, required: true, style: matrix, explode: true, schema: {type: array, items: {type: integer}}}
            - {name: tags, in: query, style: pipeDelimited, schema: {type: array, items: {type: string, maxLength: 3}}}
            - {name: near, in: query, style: spaceDelimited, schema: {type: array, items: {type: number}, minItems: 2}}
            - {name: filter, in: query, style: deepObject, schema: {type: object, properties: {min: {type: integer}, max: {type: integer, maximum: 10}}}}
            - {name: color, in: query, explode: true, schema: {type: array, items: {type: string, enum: [red, blue]}}}
            - {name: point, in: query, explode: false, schema: {type: object, properties: {x: {type: number}, y: {type: number}}, required: [x, y]}}
            - {name: X-Flags, in: header, schema: {type: array, items: {type: boolean}}}
            - {name: session, in: cookie, required: true, schema: {type: string, minLength: 8}}
            - {name: q, in: query, content: {application/json: {schema: {type: object, required: [term]}}}}
          responses: {'204': {description: ok}}
    """

    /// The violations the contract validator finds in a request of `operationID` in `spec`, as "location field
    /// constraint" (path parameters matched from the path as a server would).
    static func issues(_ spec: String, _ operationID: String, _ path: String, headers: [String: String] = [:]) throws -> [String] {
        let result = SpecLoader().load(bytes: Array(spec.utf8), path: "params.yaml")
        let validator = SpecValidator(document: try #require(result.document)).contractValidator()
        let contract = try #require(validator.contracts[operationID])
        var request = HTTPRequest(method: .get, scheme: nil, authority: nil, path: path)
        for (k, v) in headers { request.headerFields[HTTPField.Name(k)!] = v }
        let parameters = try #require(PathTemplate.match(contract.path, requestPath: String(path.split(separator: "?")[0])))
        guard case .rejected(let error) = validator.checkRequest(request, pathParameters: parameters, body: nil, contract: contract) else { return [] }
        return error.details.map { "\($0.location.rawValue) \($0.field) \($0.constraint)" }
    }

    func issues(_ path: String, headers: [String: String] = [:]) throws -> [String] {
        try Self.issues(Self.spec, "getItems", path, headers: headers)
    }

    @Test func everyStyleDecodesToTheSchemaShape() throws {
        let ok = try issues("/items/1,2,3/.a.b/;matrix=1;matrix=2?tags=ab|cd&near=1.5%202&filter[min]=1&filter[max]=9&color=red&color=blue&point=x,1,y,2&q=%7B%22term%22%3A%22x%22%7D",
                            headers: ["X-Flags": "true,false", "Cookie": "theme=dark; session=abcdefgh"])
        #expect(ok == [])
    }

    @Test func everyStyleReportsViolationsAtTheParameter() throws {
        let found = try issues("/items/1,x,3,4/.a/;matrix=1;matrix=z?tags=abcd|x&near=1&filter[max]=11&color=green&point=x,1&q=%7B%7D",
                               headers: ["X-Flags": "maybe", "Cookie": "session=short"])
        #expect(found == [
            "path ids maxItems", "path ids[1] type",
            "path matrix[1] type",
            "query tags[0] maxLength",
            "query near minItems",
            "query filter.max maximum",
            "query color[0] enum",
            "query point.y required",
            "header X-Flags[0] type",
            "cookie session minLength",
            "query q.term required",
        ])
    }

    /// An object in the query with the default `form` style is exploded: each member its own item
    /// (`?status=active&limit=5`), as the generated client writes it. The operation's other parameters keep their
    /// items; a free-form object takes every other item; a member sent twice is refused unless it is a list.
    @Test func explodedQueryObjectsAreReadFromTheirMembers() throws {
        let spec = """
        openapi: 3.1.0
        info: {title: objects, version: '1'}
        paths:
          /search:
            get:
              operationId: search
              parameters:
                - {name: filter, in: query, required: true, schema: {type: object, required: [status], properties: {status: {type: string, enum: [active, closed]}, limit: {type: integer, maximum: 10}, tags: {type: array, items: {type: string}, maxItems: 2}}}}
                - {name: page, in: query, schema: {type: integer, minimum: 1}}
              responses: {'204': {description: ok}}
          /labels:
            get:
              operationId: labels
              parameters:
                - {name: labels, in: query, schema: {type: object, additionalProperties: {type: string, maxLength: 3}}}
                - {name: page, in: query, schema: {type: integer}}
              responses: {'204': {description: ok}}
        """
        #expect(try Self.issues(spec, "search", "/search?status=active&limit=5&tags=a&page=2") == [])
        #expect(try Self.issues(spec, "search", "/search?status=nope&limit=50&limit=2&tags=a&tags=b&tags=c&page=0&other=1") == [
            "query filter.status enum", "query filter.limit type", "query filter.tags maxItems", "query page minimum",
        ])
        #expect(try Self.issues(spec, "search", "/search?page=1") == ["query filter required"])
        #expect(try Self.issues(spec, "labels", "/labels?env=dev&team=ops&page=3") == [])
        #expect(try Self.issues(spec, "labels", "/labels?env=production&page=3") == ["query labels.env maxLength"])
    }

    /// 3.2's `cookie` style: exploded by default (an object a cookie per member, an array a cookie per item), values
    /// read as sent (no percent-decoding); `form` cookies stay percent-decoded; before 3.2 the style is refused.
    @Test func cookieStyleReadsMembersAndItemsAsSent() throws {
        let spec = """
        openapi: 3.2.0
        info: {title: cookies, version: '1'}
        paths:
          /prefs:
            get:
              operationId: getPrefs
              parameters:
                - {name: prefs, in: cookie, style: cookie, schema: {type: object, properties: {theme: {type: string, enum: [dark, light]}, size: {type: integer, maximum: 3}}}}
                - {name: ids, in: cookie, style: cookie, schema: {type: array, items: {type: integer}}}
                - {name: token, in: cookie, style: cookie, schema: {type: string, pattern: '^a%20b$'}}
                - {name: pair, in: cookie, style: cookie, explode: false, schema: {type: object, properties: {x: {type: integer}}}}
                - {name: plain, in: cookie, schema: {type: string, pattern: '^a b$'}}
              responses: {'204': {description: ok}}
        """
        #expect(try Self.issues(spec, "getPrefs", "/prefs", headers: ["Cookie": "theme=dark; size=2; ids=1; ids=2; token=a%20b; pair=x,1; plain=a%20b"]) == [])
        #expect(try Self.issues(spec, "getPrefs", "/prefs", headers: ["Cookie": "theme=blue; size=9; ids=1; ids=x; token=a b; pair=x,y; plain=a%2Bb"]) == [
            "cookie prefs.theme enum", "cookie prefs.size maximum", "cookie ids[1] type", "cookie token pattern", "cookie pair.x type", "cookie plain pattern",
        ])
        let older = SpecLoader().load(bytes: Array(spec.replacingOccurrences(of: "3.2.0", with: "3.1.0").utf8), path: "params.yaml")
        #expect(older.diagnostics.first?.message == "parameter 'prefs': style 'cookie' is not allowed for cookie parameters (allowed: form)")
    }

    @Test func missingRequiredCookieIsReported() throws {
        #expect(try issues("/items/1/.a/;matrix=1") == ["cookie session required"])
    }

    /// A comma inside a list item travels encoded (`%2C`); the list is split on the commas as sent, then each item
    /// decoded, so `a%2Cb,c` is two items, not three (schemathesis found the three).
    @Test func encodedCommasStayInsideTheirItem() throws {
        let spec = """
        openapi: 3.1.0
        info: {title: commas, version: '1'}
        paths:
          /w/{names}:
            get:
              operationId: getWords
              parameters:
                - {name: names, in: path, required: true, schema: {type: array, items: {type: string}, maxItems: 2}}
                - {name: tags, in: query, explode: false, schema: {type: array, items: {type: string}, maxItems: 2}}
              responses: {'204': {description: ok}}
        """
        func issues(_ path: String) throws -> [String] { try Self.issues(spec, "getWords", path) }
        #expect(try issues("/w/a%2Cb,c?tags=x%2Cy,z") == [])
        #expect(try issues("/w/a,b,c?tags=x,y,z") == ["path names maxItems", "query tags maxItems"])
    }

    /// `allowEmptyValue: true` lets a query parameter be sent empty whatever its schema says of non-empty values.
    @Test func anEmptyValueIsAcceptedWhereTheSpecAllowsIt() throws {
        let spec = """
        openapi: 3.0.3
        info: {title: empty, version: '1'}
        paths:
          /holidays:
            get:
              operationId: holidays
              parameters:
                - {name: federal, in: query, allowEmptyValue: true, schema: {type: string, enum: ['1', '0']}}
                - {name: year, in: query, schema: {type: integer}}
              responses: {'204': {description: ok}}
        """
        func issues(_ path: String) throws -> [String] { try Self.issues(spec, "holidays", path) }
        #expect(try issues("/holidays?federal=") == [])
        #expect(try issues("/holidays?federal=2") == ["query federal enum"])
        #expect(try issues("/holidays?year=") == ["query year allowEmptyValue"])
    }
}
