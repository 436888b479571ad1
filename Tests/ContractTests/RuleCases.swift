import CharterDiff
import CharterSpec

/// A small spec, one operation (`POST /items/{id}`), varied one part at a time: every rule's fixtures are
/// two variants of it. Flow-style YAML keeps each variant to the line that matters.
struct Variant {
    var params = "[{name: id, in: path, required: true, schema: {type: string}}]"
    var body: String? = "{required: true, content: {application/json: {schema: {type: object, properties: {name: {type: string}}}}}}"
    var responses = "{'200': {description: ok, content: {application/json: {schema: {type: object, properties: {name: {type: string}}}}}}}"
    var security: String?
    var deprecated = false
    var extensions = ""
    /// Replaces the whole path item list (for added and removed operations).
    var paths: String?

    /// A response variant with the given 200 schema.
    static func response(_ schema: String) -> Variant {
        var v = Variant()
        v.responses = "{'200': {description: ok, content: {application/json: {schema: \(schema)}}}}"
        return v
    }

    /// A request variant with the given body schema.
    static func request(_ schema: String, required: Bool = true) -> Variant {
        var v = Variant()
        v.body = "{required: \(required), content: {application/json: {schema: \(schema)}}}"
        return v
    }

    /// A variant with these parameters after the path parameter.
    static func parameters(_ list: String) -> Variant {
        var v = Variant()
        v.params = "[{name: id, in: path, required: true, schema: {type: string}}, \(list)]"
        return v
    }

    var yaml: String {
        var op = "      operationId: op\n"
        if deprecated { op += "      deprecated: true\n" }
        if !extensions.isEmpty { op += "      \(extensions)\n" }
        if let security { op += "      security: \(security)\n" }
        op += "      parameters: \(params)\n"
        if let body { op += "      requestBody: \(body)\n" }
        op += "      responses: \(responses)\n"
        return """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        components:
          securitySchemes:
            key: {type: apiKey, in: header, name: X-Key}
            oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://auth.example.com/token', scopes: {read: r, write: w}}}}
        paths:
        \(paths ?? "  /items/{id}:\n    post:\n" + op)
        """
    }
}

/// One rule's fixture: the rule must fire from `old` to `new`; for a negative case it must not.
struct RuleCase {
    var rule: String
    var old: Variant
    var new: Variant
    var fires: Bool
}

/// A positive and a negative case for every rule in the catalogue.
let ruleCases: [RuleCase] = {
    var cases: [RuleCase] = []
    func add(_ rule: String, _ old: Variant, _ new: Variant, not negativeOld: Variant, _ negativeNew: Variant) {
        cases.append(RuleCase(rule: rule, old: old, new: new, fires: true))
        cases.append(RuleCase(rule: rule, old: negativeOld, new: negativeNew, fires: false))
    }
    let plain = Variant()
    var gone = Variant()
    gone.paths = "  /other:\n    get: {operationId: other, responses: {'200': {description: ok}}}\n"
    var deprecated = Variant()
    deprecated.deprecated = true
    var future = deprecated
    future.extensions = "x-sunset: '2999-01-01'"
    var past = deprecated
    past.extensions = "x-sunset: '2001-01-01'"

    // Operations
    add("api-removed-without-deprecation", plain, gone, not: deprecated, gone)
    add("api-removed-before-sunset", future, gone, not: past, gone)
    add("api-removed-after-deprecation", past, gone, not: plain, gone)
    add("endpoint-added", gone, plain, not: plain, plain)
    add("api-deprecated", plain, deprecated, not: deprecated, deprecated)
    var keyed = Variant(), oauthRead = Variant(), oauthWrite = Variant(), either = Variant()
    keyed.security = "[{key: []}]"
    oauthRead.security = "[{oauth: [read]}]"
    oauthWrite.security = "[{oauth: [read, write]}]"
    either.security = "[{key: []}, {oauth: [read]}]"
    add("api-security-added", plain, keyed, not: keyed, either)
    add("api-security-scope-added", oauthRead, oauthWrite, not: oauthWrite, oauthRead)
    add("api-security-removed", keyed, plain, not: plain, keyed)

    // Parameters
    let q = Variant.parameters
    add("new-required-request-parameter", plain, q("{name: q, in: query, required: true, schema: {type: string}}"),
        not: plain, q("{name: q, in: query, schema: {type: string}}"))
    add("new-optional-request-parameter", plain, q("{name: q, in: query, schema: {type: string}}"),
        not: plain, q("{name: q, in: query, required: true, schema: {type: string}}"))
    add("request-parameter-removed", q("{name: q, in: query, schema: {type: string}}"), plain,
        not: q("{name: X-Trace, in: header, schema: {type: string}}"), q("{name: x-trace, in: header, schema: {type: string}}"))
    add("request-parameter-became-required", q("{name: q, in: query, schema: {type: string}}"), q("{name: q, in: query, required: true, schema: {type: string}}"),
        not: q("{name: q, in: query, required: true, schema: {type: string}}"), q("{name: q, in: query, schema: {type: string}}"))
    add("request-parameter-became-optional", q("{name: q, in: query, required: true, schema: {type: string}}"), q("{name: q, in: query, schema: {type: string}}"),
        not: q("{name: q, in: query, schema: {type: string}}"), q("{name: q, in: query, required: true, schema: {type: string}}"))
    add("request-parameter-type-changed", q("{name: q, in: query, schema: {type: number}}"), q("{name: q, in: query, schema: {type: integer}}"),
        not: q("{name: q, in: query, schema: {type: integer}}"), q("{name: q, in: query, schema: {type: number}}"))
    add("request-parameter-enum-value-removed", q("{name: q, in: query, schema: {type: string, enum: [a, b]}}"), q("{name: q, in: query, schema: {type: string, enum: [a]}}"),
        not: q("{name: q, in: query, schema: {type: string, enum: [a]}}"), q("{name: q, in: query, schema: {type: string, enum: [a, b]}}"))
    add("request-parameter-enum-value-added", q("{name: q, in: query, schema: {type: string, enum: [a]}}"), q("{name: q, in: query, schema: {type: string, enum: [a, b]}}"),
        not: q("{name: q, in: query, schema: {type: string, enum: [a, b]}}"), q("{name: q, in: query, schema: {type: string, enum: [a]}}"))
    add("request-parameter-max-decreased", q("{name: q, in: query, schema: {type: integer, maximum: 10}}"), q("{name: q, in: query, schema: {type: integer, maximum: 5}}"),
        not: q("{name: q, in: query, schema: {type: integer, maximum: 5}}"), q("{name: q, in: query, schema: {type: integer, maximum: 10}}"))
    add("request-parameter-min-increased", q("{name: q, in: query, schema: {type: integer}}"), q("{name: q, in: query, schema: {type: integer, minimum: 1}}"),
        not: q("{name: q, in: query, schema: {type: integer, minimum: 1}}"), q("{name: q, in: query, schema: {type: integer, minimum: 0}}"))
    add("request-parameter-max-length-decreased", q("{name: q, in: query, schema: {type: string, maxLength: 9}}"), q("{name: q, in: query, schema: {type: string, maxLength: 8}}"),
        not: q("{name: q, in: query, schema: {type: string, maxLength: 8}}"), q("{name: q, in: query, schema: {type: string}}"))
    add("request-parameter-min-length-increased", q("{name: q, in: query, schema: {type: string, minLength: 1}}"), q("{name: q, in: query, schema: {type: string, minLength: 2}}"),
        not: q("{name: q, in: query, schema: {type: string, minLength: 2}}"), q("{name: q, in: query, schema: {type: string, minLength: 1}}"))
    add("request-parameter-pattern-added", q("{name: q, in: query, schema: {type: string}}"), q("{name: q, in: query, schema: {type: string, pattern: '^a'}}"),
        not: q("{name: q, in: query, schema: {type: string, pattern: '^a'}}"), q("{name: q, in: query, schema: {type: string}}"))
    add("request-parameter-pattern-changed", q("{name: q, in: query, schema: {type: string, pattern: '^a'}}"), q("{name: q, in: query, schema: {type: string, pattern: '^b'}}"),
        not: q("{name: q, in: query, schema: {type: string, pattern: '^a'}}"), q("{name: q, in: query, schema: {type: string, pattern: '^a'}}"))
    add("request-parameter-style-changed", q("{name: q, in: query, schema: {type: array, items: {type: string}}}"),
        q("{name: q, in: query, explode: false, schema: {type: array, items: {type: string}}}"),
        not: q("{name: q, in: query, schema: {type: array, items: {type: string}}}"), q("{name: q, in: query, style: form, explode: true, schema: {type: array, items: {type: string}}}"))

    // Request bodies
    var noBody = Variant()
    noBody.body = nil
    let object = "{type: object, properties: {name: {type: string}}}"
    add("added-required-request-body", noBody, .request(object), not: noBody, .request(object, required: false))
    add("added-optional-request-body", noBody, .request(object, required: false), not: noBody, .request(object))
    add("request-body-became-required", .request(object, required: false), .request(object), not: .request(object), .request(object, required: false))
    add("request-body-removed", plain, noBody, not: noBody, noBody)
    var form = Variant()
    form.body = "{content: {application/x-www-form-urlencoded: {schema: \(object)}}}"
    var both = Variant()
    both.body = "{content: {application/json: {schema: \(object)}, application/x-www-form-urlencoded: {schema: \(object)}}}"
    add("request-body-media-type-removed", both, form, not: form, both)
    add("request-body-media-type-added", form, both, not: both, form)

    // Request schemas
    let r = { (s: String) in Variant.request(s) }
    add("new-required-request-property", r(object), r("{type: object, required: [size], properties: {name: {type: string}, size: {type: integer}}}"),
        not: r(object), r("{type: object, properties: {name: {type: string}, size: {type: integer}}}"))
    add("new-optional-request-property", r(object), r("{type: object, properties: {name: {type: string}, size: {type: integer}}}"),
        not: r(object), r("{type: object, required: [size], properties: {name: {type: string}, size: {type: integer}}}"))
    add("request-property-removed", r(object), r("{type: object}"),
        not: r("{type: object, properties: {id: {type: string, readOnly: true}}}"), r("{type: object}"))
    add("request-property-became-required", r(object), r("{type: object, required: [name], properties: {name: {type: string}}}"),
        not: r("{type: object, required: [name], properties: {name: {type: string}}}"), r(object))
    add("request-property-became-optional", r("{type: object, required: [name], properties: {name: {type: string}}}"), r(object),
        not: r(object), r("{type: object, required: [name], properties: {name: {type: string}}}"))
    add("request-property-type-changed", r("{type: object, properties: {name: {type: string}}}"), r("{type: object, properties: {name: {type: integer}}}"),
        not: r("{type: object, properties: {n: {type: integer}}}"), r("{type: object, properties: {n: {type: number}}}"))
    add("request-property-enum-value-removed", r("{type: string, enum: [a, b]}"), r("{type: string, enum: [a]}"),
        not: r("{type: string, enum: [a]}"), r("{type: string, enum: [a, b]}"))
    add("request-property-enum-value-added", r("{type: string, enum: [a]}"), r("{type: string, enum: [a, b]}"),
        not: r("{type: string, enum: [a, b]}"), r("{type: string, enum: [a]}"))
    add("request-property-max-decreased", r("{type: number, maximum: 10}"), r("{type: number, maximum: 9.5}"),
        not: r("{type: number, maximum: 5}"), r("{type: number}"))
    add("request-property-min-increased", r("{type: number, minimum: 0}"), r("{type: number, minimum: 0.5}"),
        not: r("{type: number, minimum: 1}"), r("{type: number, minimum: 0}"))
    add("request-property-max-length-decreased", r("{type: string}"), r("{type: string, maxLength: 5}"),
        not: r("{type: string, maxLength: 5}"), r("{type: string, maxLength: 6}"))
    add("request-property-min-length-increased", r("{type: string}"), r("{type: string, minLength: 1}"),
        not: r("{type: string, minLength: 1}"), r("{type: string}"))
    add("request-property-max-items-decreased", r("{type: array, items: {type: string}, maxItems: 3}"), r("{type: array, items: {type: string}, maxItems: 2}"),
        not: r("{type: array, items: {type: string}, maxItems: 2}"), r("{type: array, items: {type: string}, maxItems: 3}"))
    add("request-property-min-items-increased", r("{type: array, items: {type: string}}"), r("{type: array, items: {type: string}, minItems: 1}"),
        not: r("{type: array, items: {type: string}, minItems: 1}"), r("{type: array, items: {type: string}}"))
    add("request-property-pattern-added", r("{type: string}"), r("{type: string, pattern: '^[a-z]+$'}"),
        not: r("{type: string, pattern: '^[a-z]+$'}"), r("{type: string}"))
    add("request-property-pattern-changed", r("{type: string, pattern: '^[a-z]+$'}"), r("{type: string, pattern: '^[a-c]+$'}"),
        not: r("{type: string, pattern: '^[a-z]+$'}"), r("{type: string, pattern: '^[a-z]+$'}"))
    add("request-property-additional-properties-disallowed", r(object), r("{type: object, additionalProperties: false, properties: {name: {type: string}}}"),
        not: r("{type: object, additionalProperties: false, properties: {name: {type: string}}}"), r(object))
    add("request-property-became-not-nullable", r("{type: string, nullable: true}"), r("{type: string}"),
        not: r("{type: string}"), r("{type: string, nullable: true}"))
    add("request-property-one-of-removed", r("{oneOf: [{type: string}, {type: integer}]}"), r("{oneOf: [{type: string}]}"),
        not: r("{oneOf: [{type: string}]}"), r("{oneOf: [{type: string}, {type: integer}]}"))
    add("request-property-all-of-added", r("{allOf: [{type: object}]}"), r("{allOf: [{type: object}, {required: [name]}]}"),
        not: r("{allOf: [{type: object}, {required: [name]}]}"), r("{allOf: [{type: object}, {required: [name]}]}"))

    // Responses
    func statuses(_ list: String) -> Variant {
        var v = Variant()
        v.responses = list
        return v
    }
    let ok = "'200': {description: ok}", created = "'201': {description: created}", missing = "'404': {description: missing}"
    add("response-success-status-removed", statuses("{\(ok), \(missing)}"), statuses("{\(created), \(missing)}"),
        not: statuses("{\(ok), \(missing)}"), statuses("{\(ok)}"))
    add("response-non-success-status-removed", statuses("{\(ok), \(missing)}"), statuses("{\(ok)}"),
        not: statuses("{\(ok)}"), statuses("{\(ok), \(missing)}"))
    add("response-success-status-added", statuses("{\(ok)}"), statuses("{\(ok), \(created)}"),
        not: statuses("{\(ok)}"), statuses("{\(ok), \(missing)}"))
    add("response-non-success-status-added", statuses("{\(ok)}"), statuses("{\(ok), \(missing)}"),
        not: statuses("{\(ok)}"), statuses("{\(ok), \(created)}"))
    let jsonAndText = statuses("{'200': {description: ok, content: {application/json: {schema: {type: object}}, text/plain: {schema: {type: string}}}}}")
    let jsonOnly = statuses("{'200': {description: ok, content: {application/json: {schema: {type: object}}}}}")
    add("response-media-type-removed", jsonAndText, jsonOnly, not: jsonOnly, jsonAndText)
    add("response-media-type-added", jsonOnly, jsonAndText, not: jsonAndText, jsonOnly)
    func header(required: Bool?) -> Variant {
        guard let required else { return statuses("{\(ok)}") }
        return statuses("{'200': {description: ok, headers: {ETag: {required: \(required), schema: {type: string}}}}}")
    }
    add("required-response-header-removed", header(required: true), header(required: nil), not: header(required: false), header(required: nil))
    add("response-header-became-optional", header(required: true), header(required: false), not: header(required: false), header(required: true))
    add("response-optional-header-removed", header(required: false), header(required: nil), not: header(required: true), header(required: true))

    // Response schemas
    let s = Variant.response
    let required = "{type: object, required: [name], properties: {name: {type: string}}}"
    add("response-required-property-removed", s(required), s("{type: object}"), not: s(object), s("{type: object}"))
    add("response-optional-property-removed", s(object), s("{type: object}"), not: s(required), s(required))
    add("response-property-became-optional", s(required), s(object), not: s(object), s(required))
    add("response-property-became-nullable", s("{type: string}"), s("{type: string, nullable: true}"), not: s("{type: string, nullable: true}"), s("{type: string}"))
    add("response-property-type-changed", s("{type: integer}"), s("{type: number}"), not: s("{type: number}"), s("{type: integer}"))
    add("response-property-enum-value-added", s("{type: string, enum: [a]}"), s("{type: string, enum: [a, b]}"),
        not: s("{type: string, enum: [a, b]}"), s("{type: string, enum: [a]}"))
    add("response-property-enum-value-removed", s("{type: string, enum: [a, b]}"), s("{type: string, enum: [a]}"),
        not: s("{type: string, enum: [a]}"), s("{type: string, enum: [a, b]}"))
    add("response-property-one-of-added", s("{anyOf: [{type: string}]}"), s("{anyOf: [{type: string}, {type: integer}]}"),
        not: s("{anyOf: [{type: string}, {type: integer}]}"), s("{anyOf: [{type: string}]}"))
    add("response-property-max-length-increased", s("{type: string, maxLength: 5}"), s("{type: string, maxLength: 6}"),
        not: s("{type: string, maxLength: 6}"), s("{type: string, maxLength: 5}"))
    add("response-property-max-increased", s("{type: integer, maximum: 5}"), s("{type: integer}"),
        not: s("{type: integer}"), s("{type: integer, maximum: 5}"))
    add("response-property-min-decreased", s("{type: integer, minimum: 1}"), s("{type: integer, minimum: 0}"),
        not: s("{type: integer, minimum: 0}"), s("{type: integer, minimum: 1}"))
    add("response-required-property-added", s("{type: object}"), s(required), not: s("{type: object}"), s(object))
    add("response-optional-property-added", s("{type: object}"), s(object), not: s("{type: object}"), s(required))
    add("response-property-became-required", s(object), s(required), not: s(required), s(object))
    return cases
}()
