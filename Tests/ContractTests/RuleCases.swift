import CharterDiff
import CharterSpec

/// A small spec, one operation (`POST /items/{id}`), varied one part at a time: every rule's fixtures are
/// two variants of it. Flow-style YAML keeps each variant to the line that matters.
struct Variant {
    var params = "[{name: id, in: path, required: true, schema: {type: string}}]"
    var body: String? = "{required: true, content: {application/json: {schema: {type: object, properties: {name: {type: string}}}}}}"
    var responses = "{'200': {description: ok, content: {application/json: {schema: {type: object, properties: {name: {type: string}}}}}}}"
    var security: String?
    var globalSecurity: String?
    var deprecated = false
    var operationId: String? = "op"
    var tags: String?
    /// Extension lines of the operation (`x-sunset: '2999-01-01'`).
    var extensions: [String] = []
    /// Replaces the whole path item list (for added and removed operations).
    var paths: String?
    var webhooks: String?
    var schemas = "{A: {type: object}, B: {type: object}}"
    var securitySchemes = """
    {key: {type: apiKey, in: header, name: X-Key}, oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://auth.example.com/token', scopes: {read: r, write: w}}}}}
    """

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

    /// A variant with these responses.
    static func statuses(_ list: String) -> Variant {
        var v = Variant()
        v.responses = list
        return v
    }

    /// The operation, by itself (for path items written by a case).
    var operation: String {
        var op = ""
        if let operationId { op += "      operationId: \(operationId)\n" }
        if deprecated { op += "      deprecated: true\n" }
        if let tags { op += "      tags: \(tags)\n" }
        for line in extensions { op += "      \(line)\n" }
        if let security { op += "      security: \(security)\n" }
        op += "      parameters: \(params)\n"
        if let body { op += "      requestBody: \(body)\n" }
        op += "      responses: \(responses)\n"
        return op
    }

    var yaml: String {
        var top = ""
        if let globalSecurity { top += "security: \(globalSecurity)\n" }
        if let webhooks { top += "webhooks: \(webhooks)\n" }
        return """
        openapi: 3.1.0
        info: {title: t, version: '1'}
        \(top)components:
          schemas: \(schemas)
          securitySchemes: \(securitySchemes)
        paths:
        \(paths ?? "  /items/{id}:\n    post:\n" + operation)
        """
    }
}

/// One rule's fixture: the rule must fire from `old` to `new`; for a negative case it must not.
struct RuleCase {
    var rule: RuleID
    var old: Variant
    var new: Variant
    var fires: Bool
    /// `--deprecation-days` for the comparison.
    var days = 0
}

/// A schema rule's fixture: the change, and a near miss that must not report it (by default the change
/// reversed). The same pair is placed at every subject the catalogue has the rule for.
struct SchemaTemplate {
    var old: String
    var new: String
    var negative: (String, String)?

    init(_ old: String, _ new: String, not negative: (String, String)? = nil) {
        self.old = old
        self.new = new
        self.negative = negative
    }
}

func template(_ rule: SchemaRule) -> SchemaTemplate {
    let string = "{type: string}", array = "{type: array, items: {type: string}}", object = "{type: object}"
    func with(_ base: String, _ extra: String) -> String { String(base.dropLast()) + ", \(extra)}" }
    let described = (string, with(string, "description: d"))
    switch rule {
    case .typeChanged: return SchemaTemplate(string, "{type: boolean}", not: described)
    case .typeGeneralized: return SchemaTemplate("{type: integer}", "{type: number}")
    case .typeSpecialized: return SchemaTemplate("{type: number}", "{type: integer}")
    case .listOfTypesNarrowed: return SchemaTemplate("{type: [string, integer]}", string)
    case .listOfTypesWidened: return SchemaTemplate(string, "{type: [string, integer]}")
    case .becameNullable: return SchemaTemplate(string, "{type: [string, 'null']}")
    case .becameNotNullable: return SchemaTemplate("{type: [string, 'null']}", string)
    case .enumValueRemoved: return SchemaTemplate("{type: string, enum: [a, b]}", "{type: string, enum: [a]}")
    case .enumValueAdded: return SchemaTemplate("{type: string, enum: [a]}", "{type: string, enum: [a, b]}")
    case .becameEnum: return SchemaTemplate(string, "{type: string, enum: [a]}")
    case .xExtensibleEnumValueRemoved: return SchemaTemplate("{type: string, x-extensible-enum: [a, b]}", "{type: string, x-extensible-enum: [a]}")
    case .maxDecreased: return SchemaTemplate("{type: integer, maximum: 10}", "{type: integer, maximum: 5}")
    case .maxIncreased: return SchemaTemplate("{type: integer, maximum: 5}", "{type: integer, maximum: 10}")
    case .maxSet: return SchemaTemplate("{type: integer}", "{type: integer, maximum: 5}")
    case .exclusiveMaxDecreased: return SchemaTemplate("{type: integer, exclusiveMaximum: 10}", "{type: integer, exclusiveMaximum: 5}")
    case .exclusiveMaxIncreased: return SchemaTemplate("{type: integer, exclusiveMaximum: 5}", "{type: integer, exclusiveMaximum: 10}")
    case .exclusiveMaxSet: return SchemaTemplate("{type: integer}", "{type: integer, exclusiveMaximum: 5}")
    case .minIncreased: return SchemaTemplate("{type: integer, minimum: 1}", "{type: integer, minimum: 5}")
    case .minDecreased: return SchemaTemplate("{type: integer, minimum: 5}", "{type: integer, minimum: 1}")
    case .minSet: return SchemaTemplate("{type: integer}", "{type: integer, minimum: 1}")
    case .exclusiveMinIncreased: return SchemaTemplate("{type: integer, exclusiveMinimum: 1}", "{type: integer, exclusiveMinimum: 5}")
    case .exclusiveMinDecreased: return SchemaTemplate("{type: integer, exclusiveMinimum: 5}", "{type: integer, exclusiveMinimum: 1}")
    case .exclusiveMinSet: return SchemaTemplate("{type: integer}", "{type: integer, exclusiveMinimum: 1}")
    case .maxLengthDecreased: return SchemaTemplate("{type: string, maxLength: 10}", "{type: string, maxLength: 5}")
    case .maxLengthIncreased: return SchemaTemplate("{type: string, maxLength: 5}", "{type: string, maxLength: 10}")
    case .maxLengthSet: return SchemaTemplate(string, "{type: string, maxLength: 5}")
    case .maxLengthUnset: return SchemaTemplate("{type: string, maxLength: 5}", string)
    case .minLengthIncreased: return SchemaTemplate("{type: string, minLength: 1}", "{type: string, minLength: 5}")
    case .minLengthDecreased: return SchemaTemplate("{type: string, minLength: 5}", "{type: string, minLength: 1}")
    case .maxItemsDecreased: return SchemaTemplate(with(array, "maxItems: 10"), with(array, "maxItems: 5"))
    case .maxItemsIncreased: return SchemaTemplate(with(array, "maxItems: 5"), with(array, "maxItems: 10"))
    case .minItemsIncreased: return SchemaTemplate(with(array, "minItems: 1"), with(array, "minItems: 5"))
    case .minItemsDecreased: return SchemaTemplate(with(array, "minItems: 5"), with(array, "minItems: 1"))
    case .minItemsSet: return SchemaTemplate(array, with(array, "minItems: 1"))
    case .minItemsUnset: return SchemaTemplate(with(array, "minItems: 1"), array)
    case .uniqueItemsAdded: return SchemaTemplate(array, with(array, "uniqueItems: true"))
    case .multipleOfChanged: return SchemaTemplate("{type: integer, multipleOf: 2}", "{type: integer, multipleOf: 3}",
                                                   not: ("{type: integer, multipleOf: 4}", "{type: integer, multipleOf: 2}"))
    case .maxPropertiesDecreased: return SchemaTemplate("{type: object, maxProperties: 5}", "{type: object, maxProperties: 3}")
    case .minPropertiesIncreased: return SchemaTemplate("{type: object, minProperties: 1}", "{type: object, minProperties: 3}")
    case .patternAdded: return SchemaTemplate(string, "{type: string, pattern: '^a'}")
    case .patternChanged: return SchemaTemplate("{type: string, pattern: '^a'}", "{type: string, pattern: '^b'}",
                                                not: ("{type: string, pattern: '^a'}", "{type: string, pattern: '^a', description: d}"))
    case .patternRemoved: return SchemaTemplate("{type: string, pattern: '^a'}", string)
    case .defaultValueAdded: return SchemaTemplate(string, "{type: string, default: x}")
    case .defaultValueRemoved: return SchemaTemplate("{type: string, default: x}", string)
    case .defaultValueChanged: return SchemaTemplate("{type: string, default: x}", "{type: string, default: y}",
                                                     not: ("{type: string, default: x}", "{type: string, default: x, description: d}"))
    case .constAdded: return SchemaTemplate(string, "{type: string, const: x}")
    case .constRemoved: return SchemaTemplate("{type: string, const: x}", string)
    case .constChanged: return SchemaTemplate("{type: string, const: x}", "{type: string, const: y}",
                                              not: ("{type: string, const: x}", "{type: string, const: x, description: d}"))
    case .additionalPropertiesDisallowed: return SchemaTemplate(object, "{type: object, additionalProperties: false}")
    case .additionalPropertiesAllowed: return SchemaTemplate("{type: object, additionalProperties: false}", object)
    case .wrappedInOneOf:
        let a = "{$ref: '#/components/schemas/A'}"
        return SchemaTemplate(a, "{oneOf: [\(a), {$ref: '#/components/schemas/B'}]}", not: (a, "{allOf: [\(a)]}"))
    case .oneOfAdded: return SchemaTemplate("{oneOf: [{type: string}]}", "{oneOf: [{type: string}, {type: integer}]}")
    case .oneOfRemoved: return SchemaTemplate("{oneOf: [{type: string}, {type: integer}]}", "{oneOf: [{type: string}]}")
    case .anyOfAdded: return SchemaTemplate("{anyOf: [{type: string}]}", "{anyOf: [{type: string}, {type: integer}]}")
    case .anyOfRemoved: return SchemaTemplate("{anyOf: [{type: string}, {type: integer}]}", "{anyOf: [{type: string}]}")
    case .allOfAdded: return SchemaTemplate("{allOf: [{type: object}]}", "{allOf: [{type: object}, {minProperties: 1}]}")
    case .allOfRemoved: return SchemaTemplate("{allOf: [{type: object}, {minProperties: 1}]}", "{allOf: [{type: object}]}")
    case .notAdded: return SchemaTemplate(string, "{type: string, not: {const: x}}")
    case .notRemoved: return SchemaTemplate("{type: string, not: {const: x}}", string)
    case .discriminatorAdded, .discriminatorRemoved, .discriminatorPropertyNameChanged, .discriminatorMappingAdded,
         .discriminatorMappingDeleted, .discriminatorMappingChanged:
        let union = "type: object, properties: {kind: {type: string}, type: {type: string}}, oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}]"
        func d(_ discriminator: String?) -> String { "{\(union)\(discriminator.map { ", discriminator: \($0)" } ?? "")}" }
        let plain = d("{propertyName: kind}"), mappedA = d("{propertyName: kind, mapping: {a: '#/components/schemas/A'}}")
        switch rule {
        case .discriminatorAdded: return SchemaTemplate(d(nil), plain)
        case .discriminatorRemoved: return SchemaTemplate(plain, d(nil))
        case .discriminatorPropertyNameChanged: return SchemaTemplate(plain, d("{propertyName: type}"), not: (plain, mappedA))
        case .discriminatorMappingAdded: return SchemaTemplate(plain, mappedA)
        case .discriminatorMappingDeleted: return SchemaTemplate(mappedA, plain)
        default: return SchemaTemplate(mappedA, d("{propertyName: kind, mapping: {a: '#/components/schemas/B'}}"), not: (mappedA, mappedA))
        }
    case .prefixItemsAdded: return SchemaTemplate("{type: array, prefixItems: [{type: string}]}", "{type: array, prefixItems: [{type: string}, {type: integer}]}")
    case .prefixItemsRemoved: return SchemaTemplate("{type: array, prefixItems: [{type: string}, {type: integer}]}", "{type: array, prefixItems: [{type: string}]}")
    case .itemsBecameFalse: return SchemaTemplate("{type: array, prefixItems: [{type: string}]}", "{type: array, prefixItems: [{type: string}], items: false}")
    case .ifAdded: return SchemaTemplate(object, "{type: object, if: {required: [a]}}")
    case .ifRemoved: return SchemaTemplate("{type: object, if: {required: [a]}}", object)
    case .thenAdded: return SchemaTemplate("{type: object, if: {required: [a]}}", "{type: object, if: {required: [a]}, then: {required: [b]}}")
    case .thenRemoved: return SchemaTemplate("{type: object, if: {required: [a]}, then: {required: [b]}}", "{type: object, if: {required: [a]}}")
    case .elseAdded: return SchemaTemplate("{type: object, if: {required: [a]}}", "{type: object, if: {required: [a]}, else: {required: [b]}}")
    case .elseRemoved: return SchemaTemplate("{type: object, if: {required: [a]}, else: {required: [b]}}", "{type: object, if: {required: [a]}}")
    case .containsAdded: return SchemaTemplate(array, with(array, "contains: {const: x}"))
    case .containsRemoved: return SchemaTemplate(with(array, "contains: {const: x}"), array)
    case .minContainsIncreased: return SchemaTemplate(with(array, "contains: {const: x}, minContains: 1"), with(array, "contains: {const: x}, minContains: 2"))
    case .minContainsDecreased: return SchemaTemplate(with(array, "contains: {const: x}, minContains: 2"), with(array, "contains: {const: x}, minContains: 1"))
    case .maxContainsDecreased: return SchemaTemplate(with(array, "contains: {const: x}, maxContains: 3"), with(array, "contains: {const: x}, maxContains: 2"))
    case .maxContainsIncreased: return SchemaTemplate(with(array, "contains: {const: x}, maxContains: 2"), with(array, "contains: {const: x}, maxContains: 3"))
    case .dependentRequiredAdded: return SchemaTemplate(object, "{type: object, dependentRequired: {a: [b]}}")
    case .dependentRequiredRemoved: return SchemaTemplate("{type: object, dependentRequired: {a: [b]}}", object)
    case .dependentRequiredChanged: return SchemaTemplate("{type: object, dependentRequired: {a: [b]}}", "{type: object, dependentRequired: {a: [c]}}",
                                                          not: ("{type: object, dependentRequired: {a: [b]}}", "{type: object, dependentRequired: {a: [b]}, description: d}"))
    case .dependentSchemaAdded: return SchemaTemplate(object, "{type: object, dependentSchemas: {a: {required: [b]}}}")
    case .dependentSchemaRemoved: return SchemaTemplate("{type: object, dependentSchemas: {a: {required: [b]}}}", object)
    case .patternPropertyAdded: return SchemaTemplate(object, "{type: object, patternProperties: {'^x': {type: string}}}")
    case .patternPropertyRemoved: return SchemaTemplate("{type: object, patternProperties: {'^x': {type: string}}}", object)
    case .propertyNamesAdded: return SchemaTemplate(object, "{type: object, propertyNames: {maxLength: 3}}")
    case .propertyNamesRemoved: return SchemaTemplate("{type: object, propertyNames: {maxLength: 3}}", object)
    case .unevaluatedItemsAdded: return SchemaTemplate(array, with(array, "unevaluatedItems: false"))
    case .unevaluatedItemsRemoved: return SchemaTemplate(with(array, "unevaluatedItems: false"), array)
    case .unevaluatedPropertiesAdded: return SchemaTemplate(object, "{type: object, unevaluatedProperties: false}")
    case .unevaluatedPropertiesRemoved: return SchemaTemplate("{type: object, unevaluatedProperties: false}", object)
    case .contentSchemaAdded: return SchemaTemplate("{type: string, contentMediaType: application/json}",
                                                    "{type: string, contentMediaType: application/json, contentSchema: {type: object}}")
    case .contentSchemaRemoved: return SchemaTemplate("{type: string, contentMediaType: application/json, contentSchema: {type: object}}",
                                                      "{type: string, contentMediaType: application/json}")
    case .contentMediaTypeChanged: return SchemaTemplate("{type: string, contentMediaType: application/json}", "{type: string, contentMediaType: application/xml}",
                                                         not: ("{type: string, contentMediaType: application/json}", "{type: string, contentMediaType: application/json, description: d}"))
    case .contentEncodingChanged: return SchemaTemplate("{type: string, contentEncoding: base64}", "{type: string, contentEncoding: base32}",
                                                        not: ("{type: string, contentEncoding: base64}", "{type: string, contentEncoding: base64, description: d}"))
    }
}

/// `schema` placed where `subject` stands in the fixture operation.
func placed(_ schema: String, at subject: SchemaSubject) -> Variant {
    switch (subject.direction, subject.place) {
    case (.response, .body): return .response(schema)
    case (.response, .header): return .statuses("{'200': {description: ok, headers: {X-Rate: {schema: \(schema)}}}}")
    case (.response, _): return .response("{type: object, properties: {p: \(schema)}}")
    case (_, .body): return .request(schema)
    case (_, .parameter): return .parameters("{name: q, in: query, schema: \(schema)}")
    case (_, .parameterProperty):
        return .parameters("{name: q, in: query, style: deepObject, explode: true, schema: {type: object, properties: {p: \(schema)}}}")
    case (_, .headerProperty):
        return .parameters("{name: X-Filter, in: header, schema: {type: object, properties: {p: \(schema)}}}")
    default: return .request("{type: object, properties: {p: \(schema)}}")
    }
}

/// A positive and a negative case for every rule in the catalogue.
let ruleCases: [RuleCase] = {
    var cases: [RuleCase] = []
    func add(_ rule: RuleID, _ old: Variant, _ new: Variant, not negativeOld: Variant, _ negativeNew: Variant, days: Int = 0) {
        cases.append(RuleCase(rule: rule, old: old, new: new, fires: true, days: days))
        cases.append(RuleCase(rule: rule, old: negativeOld, new: negativeNew, fires: false, days: days))
    }
    for rule in RuleCatalogue.all {
        guard case .schema(let change, let subject) = rule.ruleID else { continue }
        let t = template(change)
        let (nOld, nNew) = t.negative ?? (t.new, t.old)
        add(rule.ruleID, placed(t.old, at: subject), placed(t.new, at: subject), not: placed(nOld, at: subject), placed(nNew, at: subject))
    }
    operationCases(add)
    parameterCases(add)
    bodyCases(add)
    propertyCases(add)
    componentCases(add)
    return cases
}()


func operationCases(_ add: (RuleID, Variant, Variant, _ not: Variant, Variant, _ days: Int) -> Void) {
    func op(_ r: OperationRule, _ a: Variant, _ b: Variant, not c: Variant, _ d: Variant, days: Int = 0) { add(.operation(r), a, b, c, d, days) }
    let plain = Variant()
    var gone = Variant()
    gone.paths = "  /other:\n    get: {operationId: other, responses: {'200': {description: ok}}}\n"
    var deprecated = Variant()
    deprecated.deprecated = true
    var future = deprecated, past = deprecated, soon = deprecated, earlier = deprecated, unparsable = deprecated
    future.extensions = ["x-sunset: '2999-01-01'"]
    earlier.extensions = ["x-sunset: '2998-01-01'"]
    past.extensions = ["x-sunset: '2001-01-01'"]
    soon.extensions = ["x-sunset: '2026-12-01'"]
    unparsable.extensions = ["x-sunset: next spring"]
    // The path stays (a GET beside the POST) while the POST goes.
    func beside(_ v: Variant?) -> Variant {
        var w = Variant()
        w.paths = "  /items/{id}:\n    get: {operationId: get, parameters: [{name: id, in: path, required: true, schema: {type: string}}], responses: {'200': {description: ok}}}\n"
            + (v.map { "    post:\n" + $0.operation } ?? "")
        return w
    }
    op(.endpointAdded, gone, plain, not: plain, plain)
    op(.apiRemovedWithoutDeprecation, beside(plain), beside(nil), not: beside(deprecated), beside(nil))
    op(.apiRemovedBeforeSunset, beside(future), beside(nil), not: beside(past), beside(nil))
    op(.apiRemovedWithDeprecation, beside(past), beside(nil), not: beside(plain), beside(nil))
    op(.apiPathRemovedWithoutDeprecation, plain, gone, not: deprecated, gone)
    op(.apiPathRemovedBeforeSunset, future, gone, not: past, gone)
    op(.apiPathRemovedWithDeprecation, past, gone, not: plain, gone)
    op(.apiPathSunsetParse, unparsable, gone, not: past, gone)
    op(.endpointDeprecated, plain, deprecated, not: deprecated, deprecated)
    op(.endpointDeprecatedWithSunset, plain, future, not: plain, deprecated)
    op(.endpointReactivated, deprecated, plain, not: plain, deprecated)
    op(.apiDeprecatedSunsetParse, plain, unparsable, not: plain, future)
    op(.apiDeprecatedSunsetMissing, plain, deprecated, not: plain, future, days: 30)
    op(.apiSunsetDateTooSmall, plain, soon, not: plain, future, days: 30)
    op(.sunsetDeleted, future, deprecated, not: deprecated, future)
    op(.apiSunsetDateChangedTooSmall, future, earlier, not: earlier, future)
    func stability(_ level: String) -> Variant {
        var v = Variant()
        v.extensions = ["x-stability-level: \(level)"]
        return v
    }
    op(.apiStabilityDecreased, stability("stable"), stability("beta"), not: stability("beta"), stability("stable"))
    op(.apiStabilityIncreased, stability("beta"), stability("stable"), not: stability("stable"), stability("beta"))
    op(.apiInvalidStabilityLevel, stability("beta"), stability("shiny"), not: stability("beta"), stability("alpha"))
    var keyed = Variant(), oauthRead = Variant(), oauthWrite = Variant(), either = Variant()
    keyed.security = "[{key: []}]"
    oauthRead.security = "[{oauth: [read]}]"
    oauthWrite.security = "[{oauth: [read, write]}]"
    either.security = "[{key: []}, {oauth: [read]}]"
    op(.apiSecurityAdded, plain, keyed, not: keyed, either)
    op(.apiSecurityRemoved, keyed, plain, not: plain, keyed)
    op(.apiSecurityScopeAdded, oauthRead, oauthWrite, not: oauthWrite, oauthRead)
    op(.apiSecurityScopeRemoved, oauthWrite, oauthRead, not: oauthRead, oauthWrite)
    var globalKey = Variant()
    globalKey.globalSecurity = "[{key: []}]"
    op(.apiGlobalSecurityAdded, plain, globalKey, not: globalKey, plain)
    op(.apiGlobalSecurityRemoved, globalKey, plain, not: plain, globalKey)
    var globalRead = Variant(), globalWrite = Variant()
    globalRead.globalSecurity = "[{oauth: [read]}]"
    globalWrite.globalSecurity = "[{oauth: [read, write]}]"
    op(.apiGlobalSecurityScopeAdded, globalRead, globalWrite, not: globalWrite, globalRead)
    op(.apiGlobalSecurityScopeRemoved, globalWrite, globalRead, not: globalRead, globalWrite)
    var anonymous = Variant(), renamed = Variant()
    anonymous.operationId = nil
    renamed.operationId = "createItem"
    op(.apiOperationIdAdded, anonymous, plain, not: plain, renamed)
    op(.apiOperationIdRemoved, plain, renamed, not: anonymous, plain)
    var tagged = Variant()
    tagged.tags = "[items]"
    op(.apiTagAdded, plain, tagged, not: tagged, plain)
    op(.apiTagRemoved, tagged, plain, not: plain, tagged)
    var hooked = Variant()
    hooked.webhooks = "{itemCreated: {post: {requestBody: {content: {application/json: {schema: {type: object}}}}, responses: {'200': {description: ok}}}}}"
    op(.webhookAdded, plain, hooked, not: hooked, plain)
    op(.webhookRemoved, hooked, plain, not: plain, hooked)
}

func parameterCases(_ add: (RuleID, Variant, Variant, _ not: Variant, Variant, _ days: Int) -> Void) {
    func p(_ r: ParameterRule, _ a: Variant, _ b: Variant, not c: Variant, _ d: Variant, days: Int = 0) { add(.parameter(r), a, b, c, d, days) }
    let plain = Variant(), q = Variant.parameters
    let optional = q("{name: q, in: query, schema: {type: string}}"), required = q("{name: q, in: query, required: true, schema: {type: string}}")
    let deprecated = q("{name: q, in: query, deprecated: true, schema: {type: string}}")
    let future = q("{name: q, in: query, deprecated: true, x-sunset: '2999-01-01', schema: {type: string}}")
    let earlier = q("{name: q, in: query, deprecated: true, x-sunset: '2998-01-01', schema: {type: string}}")
    let past = q("{name: q, in: query, deprecated: true, x-sunset: '2001-01-01', schema: {type: string}}")
    let soon = q("{name: q, in: query, deprecated: true, x-sunset: '2026-12-01', schema: {type: string}}")
    p(.newRequiredRequestParameter, plain, required, not: plain, optional)
    p(.newOptionalRequestParameter, plain, optional, not: plain, required)
    func pathLevel(_ parameter: String?) -> Variant {
        var v = Variant()
        v.paths = "  /items/{id}:\n" + (parameter.map { "    parameters: [\($0)]\n" } ?? "") + "    post:\n" + v.operation
        return v
    }
    let requiredQ = "{name: q, in: query, required: true, schema: {type: string}}", optionalQ = "{name: q, in: query, schema: {type: string}}"
    p(.newRequiredRequestDefaultParameterToExistingPath, pathLevel(nil), pathLevel(requiredQ), not: pathLevel(nil), pathLevel(optionalQ))
    p(.newOptionalRequestDefaultParameterToExistingPath, pathLevel(nil), pathLevel(optionalQ), not: pathLevel(nil), pathLevel(requiredQ))
    var undeclared = Variant()
    undeclared.params = "[]"
    p(.newRequestPathParameter, undeclared, plain, not: plain, undeclared)
    p(.requestParameterRemoved, optional, plain, not: deprecated, plain)
    p(.requestParameterRemovedWithDeprecation, past, plain, not: optional, plain)
    p(.requestParameterRemovedBeforeSunset, future, plain, not: past, plain)
    p(.requestParameterSunsetParse, q("{name: q, in: query, deprecated: true, x-sunset: soonish, schema: {type: string}}"), plain, not: past, plain)
    p(.requestParameterBecameRequired, optional, required, not: required, optional)
    p(.requestParameterBecameOptional, required, optional, not: optional, required)
    p(.requestParameterStyleChanged, q("{name: q, in: query, schema: {type: array, items: {type: string}}}"),
      q("{name: q, in: query, explode: false, schema: {type: array, items: {type: string}}}"),
      not: q("{name: q, in: query, schema: {type: array, items: {type: string}}}"), q("{name: q, in: query, style: form, explode: true, schema: {type: array, items: {type: string}}}"))
    p(.requestParameterDeprecated, optional, deprecated, not: deprecated, optional)
    p(.requestParameterReactivated, deprecated, optional, not: optional, deprecated)
    p(.requestParameterDeprecatedSunsetMissing, optional, deprecated, not: optional, future, days: 30)
    p(.requestParameterSunsetDateTooSmall, optional, soon, not: optional, future, days: 30)
    p(.requestParameterSunsetDeleted, future, deprecated, not: deprecated, future)
    p(.requestParameterSunsetDateChangedTooSmall, future, earlier, not: earlier, future)
}

func bodyCases(_ add: (RuleID, Variant, Variant, _ not: Variant, Variant, _ days: Int) -> Void) {
    func b(_ r: BodyRule, _ x: Variant, _ y: Variant, not c: Variant, _ d: Variant) { add(.body(r), x, y, c, d, 0) }
    let plain = Variant(), object = "{type: object, properties: {name: {type: string}}}"
    var noBody = Variant()
    noBody.body = nil
    b(.requestBodyAddedRequired, noBody, .request(object), not: noBody, .request(object, required: false))
    b(.requestBodyAddedOptional, noBody, .request(object, required: false), not: noBody, .request(object))
    b(.requestBodyRemoved, plain, noBody, not: noBody, noBody)
    b(.requestBodyBecameRequired, .request(object, required: false), .request(object), not: .request(object), .request(object, required: false))
    b(.requestBodyBecameOptional, .request(object), .request(object, required: false), not: .request(object, required: false), .request(object))
    var form = Variant(), both = Variant(), schemaless = Variant()
    form.body = "{content: {application/x-www-form-urlencoded: {schema: \(object)}}}"
    both.body = "{content: {application/json: {schema: \(object)}, application/x-www-form-urlencoded: {schema: \(object)}}}"
    schemaless.body = "{content: {application/json: {}}}"
    b(.requestBodyMediaTypeRemoved, both, form, not: form, both)
    b(.requestBodyMediaTypeAdded, form, both, not: both, form)
    b(.requestBodyMediaTypeSchemaAdded, schemaless, .request(object, required: false), not: .request(object, required: false), schemaless)
    b(.requestBodyMediaTypeSchemaRemoved, .request(object, required: false), schemaless, not: schemaless, .request(object, required: false))
    func upload(_ type: String) -> Variant {
        var v = Variant()
        v.body = "{content: {multipart/form-data: {schema: {type: object, properties: {file: {type: string, contentMediaType: image/png}}}, encoding: {file: {contentType: \(type)}}}}}"
        return v
    }
    b(.requestBodyEncodingChanged, upload("image/png"), upload("image/jpeg"), not: upload("image/png"), upload("image/png"))
    let statuses = Variant.statuses
    let schemalessResponse = statuses("{'200': {description: ok, content: {application/json: {}}}}")
    let typedResponse = statuses("{'200': {description: ok, content: {application/json: {schema: {type: object}}}}}")
    b(.responseBodyMediaTypeSchemaAdded, schemalessResponse, typedResponse, not: typedResponse, schemalessResponse)
    b(.responseBodyMediaTypeSchemaRemoved, typedResponse, schemalessResponse, not: schemalessResponse, typedResponse)
    let ok = "'200': {description: ok}", created = "'201': {description: created}", missing = "'404': {description: missing}"
    b(.responseSuccessStatusRemoved, statuses("{\(ok), \(missing)}"), statuses("{\(created), \(missing)}"), not: statuses("{\(ok), \(missing)}"), statuses("{\(ok)}"))
    b(.responseNonSuccessStatusRemoved, statuses("{\(ok), \(missing)}"), statuses("{\(ok)}"), not: statuses("{\(ok)}"), statuses("{\(ok), \(missing)}"))
    b(.responseSuccessStatusAdded, statuses("{\(ok)}"), statuses("{\(ok), \(created)}"), not: statuses("{\(ok)}"), statuses("{\(ok), \(missing)}"))
    b(.responseNonSuccessStatusAdded, statuses("{\(ok)}"), statuses("{\(ok), \(missing)}"), not: statuses("{\(ok)}"), statuses("{\(ok), \(created)}"))
    let jsonAndText = statuses("{'200': {description: ok, content: {application/json: {schema: {type: object}}, text/plain: {schema: {type: string}}}}}")
    b(.responseMediaTypeRemoved, jsonAndText, typedResponse, not: typedResponse, jsonAndText)
    b(.responseMediaTypeAdded, typedResponse, jsonAndText, not: jsonAndText, typedResponse)
    let anyJSONish = statuses("{'200': {description: ok, content: {application/*: {schema: {type: object}}}}}")
    b(.responseMediaTypeNameGeneralized, typedResponse, anyJSONish, not: anyJSONish, typedResponse)
    b(.responseMediaTypeNameSpecialized, anyJSONish, typedResponse, not: typedResponse, anyJSONish)
    let twoValues = Variant.response("{type: string, enum: [a, b]}"), oneValue = Variant.response("{type: string, enum: [a]}")
    b(.responseMediatypeEnumValueRemoved, twoValues, oneValue, not: oneValue, twoValues)
    func header(required: Bool?) -> Variant {
        guard let required else { return statuses("{\(ok)}") }
        return statuses("{'200': {description: ok, headers: {ETag: {required: \(required), schema: {type: string}}}}}")
    }
    b(.requiredResponseHeaderRemoved, header(required: true), header(required: nil), not: header(required: false), header(required: nil))
    b(.optionalResponseHeaderRemoved, header(required: false), header(required: nil), not: header(required: true), header(required: true))
    b(.responseHeaderBecameOptional, header(required: true), header(required: false), not: header(required: false), header(required: true))
    b(.responseHeaderAdded, header(required: nil), header(required: false), not: header(required: false), header(required: nil))
}

func propertyCases(_ add: (RuleID, Variant, Variant, _ not: Variant, Variant, _ days: Int) -> Void) {
    func p(_ r: PropertyRule, _ a: Variant, _ b: Variant, not c: Variant, _ d: Variant, days: Int = 0) { add(.property(r), a, b, c, d, days) }
    /// An object with `a`, and `b` declared as `property` (nil: absent), required or not.
    func object(_ property: String?, required: Bool = false) -> String {
        guard let property else { return "{type: object, properties: {a: {type: string}}}" }
        return "{type: object, \(required ? "required: [b], " : "")properties: {a: {type: string}, b: \(property)}}"
    }
    let b = "{type: string}"
    for request in [true, false] {
        let v: (String) -> Variant = request ? { Variant.request($0) } : { Variant.response($0) }
        let absent = v(object(nil)), optional = v(object(b)), required = v(object(b, required: true))
        let deprecated = v(object("{type: string, deprecated: true}"))
        func flagged(_ flag: String, required: Bool) -> Variant { v(object("{type: string, \(flag): true}", required: required)) }
        func stability(_ level: String) -> Variant { v(object("{type: string, x-stability-level: \(level)}")) }
        func sunset(_ date: String) -> Variant { v(object("{type: string, deprecated: true, x-sunset: '\(date)'}")) }
        let (future, soon, unparsable) = (sunset("2999-01-01"), sunset("2026-12-01"), sunset("next spring"))
        if request {
            let withDefault = "{type: string, default: x}"
            p(.newRequiredRequestProperty, absent, required, not: absent, optional)
            p(.newRequiredRequestPropertyWithDefault, absent, v(object(withDefault, required: true)), not: absent, required)
            p(.newOptionalRequestProperty, absent, optional, not: absent, required)
            p(.requestPropertyRemoved, optional, absent, not: deprecated, absent)
            p(.requestPropertyRemovedWithDeprecation, deprecated, absent, not: optional, absent)
            p(.requestPropertyBecameRequired, optional, required, not: required, optional)
            p(.requestPropertyBecameRequiredWithDefault, v(object(withDefault)), v(object(withDefault, required: true)), not: optional, required)
            p(.requestPropertyBecameOptional, required, optional, not: optional, required)
            p(.requestPropertyDeprecated, optional, deprecated, not: deprecated, optional)
            p(.requestPropertyReactivated, deprecated, optional, not: optional, deprecated)
            p(.requestPropertyStabilityDecreased, stability("stable"), stability("beta"), not: stability("beta"), stability("stable"))
            p(.requestPropertyDeprecatedWithSunset, optional, future, not: optional, deprecated)
            p(.requestPropertyDeprecatedSunsetMissing, optional, deprecated, not: optional, future, days: 30)
            p(.requestPropertyDeprecatedSunsetInvalid, optional, unparsable, not: optional, future)
            p(.requestPropertySunsetDateTooSmall, optional, soon, not: optional, future, days: 30)
            func header(_ property: String?, required: Bool = false) -> Variant {
                .parameters("{name: X-Filter, in: header, schema: \(object(property, required: required))}")
            }
            p(.newRequiredRequestHeaderProperty, header(nil), header(b, required: true), not: header(nil), header(b))
            p(.requestHeaderPropertyBecameRequired, header(b), header(b, required: true), not: header(b, required: true), header(b))
        } else {
            let writeOnly = v(object("{type: string, writeOnly: true}")), writeOnlyRequired = v(object("{type: string, writeOnly: true}", required: true))
            p(.responseRequiredPropertyRemoved, required, absent, not: optional, absent)
            p(.responseOptionalPropertyRemoved, optional, absent, not: required, absent)
            p(.responsePropertyRemovedWithDeprecation, deprecated, absent, not: optional, absent)
            p(.responseRequiredWriteOnlyPropertyRemoved, writeOnlyRequired, absent, not: writeOnly, absent)
            p(.responseOptionalWriteOnlyPropertyRemoved, writeOnly, absent, not: writeOnlyRequired, absent)
            p(.responsePropertyBecameOptional, required, optional, not: optional, required)
            p(.responsePropertyBecameRequired, optional, required, not: required, optional)
            p(.responseWriteOnlyPropertyBecameOptional, writeOnlyRequired, writeOnly, not: writeOnly, writeOnlyRequired)
            p(.responseWriteOnlyPropertyBecameRequired, writeOnly, writeOnlyRequired, not: writeOnlyRequired, writeOnly)
            p(.responseRequiredPropertyAdded, absent, required, not: absent, optional)
            p(.responseOptionalPropertyAdded, absent, optional, not: absent, required)
            p(.responseRequiredWriteOnlyPropertyAdded, absent, writeOnlyRequired, not: absent, writeOnly)
            p(.responseOptionalWriteOnlyPropertyAdded, absent, writeOnly, not: absent, writeOnlyRequired)
            p(.responsePropertyDeprecated, optional, deprecated, not: deprecated, optional)
            p(.responsePropertyReactivated, deprecated, optional, not: optional, deprecated)
            p(.responsePropertyStabilityDecreased, stability("stable"), stability("beta"), not: stability("beta"), stability("stable"))
            p(.responsePropertyDeprecatedWithSunset, optional, future, not: optional, deprecated)
            p(.responsePropertyDeprecatedSunsetMissing, optional, deprecated, not: optional, future, days: 30)
            p(.responsePropertyDeprecatedSunsetInvalid, optional, unparsable, not: optional, future)
            p(.responsePropertySunsetDateTooSmall, optional, soon, not: optional, future, days: 30)
        }
        // readOnly / writeOnly turned on and off, for optional and required properties.
        let access: [(PropertyRule, String, Bool, Bool)] = request ? [
            (.requestOptionalPropertyBecameReadOnly, "readOnly", false, true), (.requestOptionalPropertyBecameNotReadOnly, "readOnly", false, false),
            (.requestOptionalPropertyBecameWriteOnly, "writeOnly", false, true), (.requestOptionalPropertyBecameNotWriteOnly, "writeOnly", false, false),
            (.requestRequiredPropertyBecameReadOnly, "readOnly", true, true), (.requestRequiredPropertyBecameNotReadOnly, "readOnly", true, false),
            (.requestRequiredPropertyBecameWriteOnly, "writeOnly", true, true), (.requestRequiredPropertyBecameNotWriteOnly, "writeOnly", true, false),
        ] : [
            (.responseOptionalPropertyBecameReadOnly, "readOnly", false, true), (.responseOptionalPropertyBecameNotReadOnly, "readOnly", false, false),
            (.responseOptionalPropertyBecameWriteOnly, "writeOnly", false, true), (.responseOptionalPropertyBecameNotWriteOnly, "writeOnly", false, false),
            (.responseRequiredPropertyBecameReadOnly, "readOnly", true, true), (.responseRequiredPropertyBecameNotReadOnly, "readOnly", true, false),
            (.responseRequiredPropertyBecameWriteOnly, "writeOnly", true, true), (.responseRequiredPropertyBecameNotWriteOnly, "writeOnly", true, false),
        ]
        for (rule, flag, isRequired, on) in access {
            let plainB = v(object(b, required: isRequired)), flaggedB = flagged(flag, required: isRequired)
            p(rule, on ? plainB : flaggedB, on ? flaggedB : plainB, not: on ? flaggedB : plainB, on ? plainB : flaggedB)
        }
    }
}

func componentCases(_ add: (RuleID, Variant, Variant, _ not: Variant, Variant, _ days: Int) -> Void) {
    func c(_ r: ComponentRule, _ a: Variant, _ b: Variant, not x: Variant, _ y: Variant) { add(.component(r), a, b, x, y, 0) }
    let plain = Variant()
    var onlyA = Variant()
    onlyA.schemas = "{A: {type: object}}"
    c(.apiSchemaRemoved, plain, onlyA, not: onlyA, plain)
    func schemes(_ text: String) -> Variant {
        var v = Variant()
        v.securitySchemes = text
        return v
    }
    let key = "key: {type: apiKey, in: header, name: X-Key}"
    func oauth(token: String = "https://auth.example.com/token", scopes: String = "{read: r, write: w}") -> String {
        "oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: '\(token)', scopes: \(scopes)}}}"
    }
    let both = schemes("{\(key), \(oauth())}"), onlyKey = schemes("{\(key)}")
    c(.apiSecurityComponentAdded, onlyKey, both, not: both, onlyKey)
    c(.apiSecurityComponentRemoved, both, onlyKey, not: onlyKey, both)
    c(.apiSecurityComponentTypeChanged, both, schemes("{key: {type: http, scheme: bearer}, \(oauth())}"), not: both, schemes("{\(key), \(oauth(scopes: "{read: r}"))}"))
    let oidc = { (url: String) in schemes("{\(key), oidc: {type: openIdConnect, openIdConnectUrl: '\(url)'}}") }
    c(.apiSecurityComponentOauthUrlChanged, oidc("https://a.example.com/.well-known"), oidc("https://b.example.com/.well-known"),
      not: oidc("https://a.example.com/.well-known"), oidc("https://a.example.com/.well-known"))
    c(.apiSecurityComponentOauthTokenUrlChanged, both, schemes("{\(key), \(oauth(token: "https://auth.example.com/v2/token"))}"), not: both, schemes("{\(key), \(oauth(scopes: "{read: r}"))}"))
    c(.apiSecurityComponentOauthScopeAdded, schemes("{\(key), \(oauth(scopes: "{read: r}"))}"), both, not: both, schemes("{\(key), \(oauth(scopes: "{read: r}"))}"))
    c(.apiSecurityComponentOauthScopeRemoved, both, schemes("{\(key), \(oauth(scopes: "{read: r}"))}"), not: schemes("{\(key), \(oauth(scopes: "{read: r}"))}"), both)
    c(.apiSecurityComponentOauthScopeChanged, both, schemes("{\(key), \(oauth(scopes: "{read: 'read items', write: w}"))}"), not: both, both)
}
