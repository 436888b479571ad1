/// Which way a message travels: decides whether `readOnly` or `writeOnly` properties are forbidden.
public enum MessageDirection: Sendable {
    case request, response
}

/// Validates JSON values against a `SchemaSet`, collecting every violation (never stopping at the first).
public struct Validator: Sendable {
    public let schemas: SchemaSet
    /// Deepest schema/value recursion followed (a schema that includes itself through `allOf` stops here).
    public var maxDepth = 256

    public init(schemas: SchemaSet) {
        self.schemas = schemas
    }

    /// Every violation of `value` against schema `index`.
    /// - Parameters:
    ///   - location: where the value came from (reported in each issue's `in`).
    ///   - base: display prefix for field paths (a parameter's name; empty for bodies).
    public func validate(_ value: JSONValue, against index: SchemaIndex, direction: MessageDirection = .request,
                         location: IssueLocation = .body, base: String = "") -> [ValidationIssue] {
        var run = ValidationRun(schemas: schemas.schemas, direction: direction, location: location, base: base, maxDepth: maxDepth)
        run.check(value, index, depth: 0)
        return run.issues
    }

    /// Whether `value` is valid (stops at the first violation).
    public func isValid(_ value: JSONValue, against index: SchemaIndex, direction: MessageDirection = .request) -> Bool {
        var run = ValidationRun(schemas: schemas.schemas, direction: direction, location: .body, base: "", maxDepth: maxDepth)
        run.stopAtFirst = true
        run.check(value, index, depth: 0)
        return run.issues.isEmpty
    }
}

/// One validation pass: the path to the current value and the issues found so far.
struct ValidationRun {
    let schemas: [SchemaNode]
    let direction: MessageDirection
    let location: IssueLocation
    let base: String
    let maxDepth: Int
    var path: [PathComponent] = []
    var issues: [ValidationIssue] = []
    var stopAtFirst = false

    init(schemas: [SchemaNode], direction: MessageDirection, location: IssueLocation, base: String, maxDepth: Int) {
        self.schemas = schemas
        self.direction = direction
        self.location = location
        self.base = base
        self.maxDepth = maxDepth
    }

    var done: Bool { stopAtFirst && !issues.isEmpty }

    mutating func report(_ constraint: String, _ message: String, value: JSONValue?, at extra: PathComponent? = nil) {
        if let extra { path.append(extra) }
        issues.append(ValidationIssue(field: IssuePath.field(path, base: base), pointer: IssuePath.pointer(path),
                                      location: location, constraint: constraint,
                                      value: value.map(IssuePath.truncated), message: message))
        if extra != nil { path.removeLast() }
    }

    /// A trial run of a subschema (for anyOf/oneOf/not/if): its issues, without reporting them.
    mutating func trial(_ value: JSONValue, _ index: SchemaIndex, depth: Int, stopAtFirst: Bool) -> [ValidationIssue] {
        let savedIssues = issues
        let savedStop = self.stopAtFirst
        issues = []
        self.stopAtFirst = stopAtFirst
        check(value, index, depth: depth)
        let found = issues
        issues = savedIssues
        self.stopAtFirst = savedStop
        return found
    }

    mutating func check(_ value: JSONValue, _ index: SchemaIndex, depth: Int) {
        guard depth < maxDepth else {
            report("depth", "Schema nesting deeper than \(maxDepth) levels; not validated further", value: nil)
            return
        }
        let s = schemas[index]
        if let b = s.booleanSchema {
            if !b { report("false", "No value is allowed here", value: value) }
            return
        }
        if case .null = value, s.nullable { return }
        if let ref = s.ref {
            check(value, ref, depth: depth + 1)
            if done { return }
        }
        if let types = s.types, !types.admits(value) {
            report("type", Messages.type(types), value: value)
            return // the other keywords would only repeat the problem
        }
        if let values = s.enumValues, !values.contains(value) {
            report("enum", Messages.enumeration(values), value: value)
        }
        if let c = s.constValue, c != value {
            report("const", "Value must be \(Messages.describe(c))", value: value)
        }
        switch value {
        case .number(let n): checkNumber(n, value, s)
        case .string(let str): checkString(str, value, s)
        case .array(let elements): checkArray(elements, value, s, depth: depth)
        case .object(let object): checkObject(object, value, s, depth: depth)
        default: break
        }
        if done { return }
        checkComposition(value, s, depth: depth)
    }

    // MARK: Numbers

    mutating func checkNumber(_ n: JSONNumber, _ value: JSONValue, _ s: SchemaNode) {
        if let b = s.minimum, NumberMath.compare(n, b.value) < 0 { report("minimum", "Must be at least \(b.text)", value: value) }
        if let b = s.maximum, NumberMath.compare(n, b.value) > 0 { report("maximum", "Must be at most \(b.text)", value: value) }
        if let b = s.exclusiveMinimum, NumberMath.compare(n, b.value) <= 0 { report("exclusiveMinimum", "Must be greater than \(b.text)", value: value) }
        if let b = s.exclusiveMaximum, NumberMath.compare(n, b.value) >= 0 { report("exclusiveMaximum", "Must be less than \(b.text)", value: value) }
        if let m = s.multipleOf, !NumberMath.isMultiple(n, of: m.value) { report("multipleOf", "Must be a multiple of \(m.text)", value: value) }
        if let f = s.integerFormat, n.isIntegral {
            let fits: Bool
            switch f {
            case .int32: fits = n.integer.map { $0 >= Int64(Int32.min) && $0 <= Int64(Int32.max) } ?? false
            case .int64: fits = n.integer != nil
            }
            if !fits { report("format", "Must fit in a \(f == .int32 ? 32 : 64)-bit integer", value: value) }
        }
    }

    // MARK: Strings

    mutating func checkString(_ str: String, _ value: JSONValue, _ s: SchemaNode) {
        if s.minLength != nil || s.maxLength != nil {
            // Lengths count Unicode code points, as JSON Schema specifies (not UTF-16 units or graphemes).
            let length = codePointCount(str)
            if let m = s.minLength, length < m { report("minLength", "Must be at least \(m) character\(m == 1 ? "" : "s") long", value: value) }
            if let m = s.maxLength, length > m { report("maxLength", "Must be at most \(m) character\(m == 1 ? "" : "s") long", value: value) }
        }
        if let p = s.pattern, !p.matches(str) { report("pattern", "Must match the pattern \(p.source)", value: value) }
        if let f = s.format, !f.isValid(str) { report("format", "Must be \(f.explanation)", value: value) }
    }

    /// Unicode scalars in `s`: UTF-8 bytes that are not continuation bytes (no decoding needed).
    @inline(__always) func codePointCount(_ s: String) -> Int {
        s.utf8.withContiguousStorageIfAvailable { bytes in
            var n = 0
            for b in bytes where b & 0xC0 != 0x80 { n &+= 1 }
            return n
        } ?? s.unicodeScalars.count
    }

    // MARK: Arrays

    mutating func checkArray(_ elements: [JSONValue], _ value: JSONValue, _ s: SchemaNode, depth: Int) {
        let count = elements.count
        if let min = s.minItems, count < min {
            report("minItems", Messages.itemCount(min: s.minItems, max: s.maxItems, found: count, tooFew: true), value: nil)
        }
        if let max = s.maxItems, count > max {
            report("maxItems", Messages.itemCount(min: s.minItems, max: s.maxItems, found: count, tooFew: false), value: nil)
        }
        if s.uniqueItems, let (a, b) = NumberMath.firstDuplicate(elements) {
            report("uniqueItems", "Array items must be unique; items \(a) and \(b) are equal", value: elements[b], at: .index(b))
        }
        for (i, prefix) in s.prefixItems.enumerated() where i < count {
            path.append(.index(i))
            check(elements[i], prefix, depth: depth + 1)
            path.removeLast()
            if done { return }
        }
        if let items = s.items, count > s.prefixItems.count {
            switch items {
            case .bool(false):
                report("items", "Array must contain at most \(s.prefixItems.count) item\(s.prefixItems.count == 1 ? "" : "s"), found \(count)", value: nil)
            case .bool(true): break
            case .schema(let itemSchema):
                for i in s.prefixItems.count..<count {
                    path.append(.index(i))
                    check(elements[i], itemSchema, depth: depth + 1)
                    path.removeLast()
                    if done { return }
                }
            }
        }
        if let contains = s.contains {
            var matches = 0
            for element in elements where trial(element, contains, depth: depth + 1, stopAtFirst: true).isEmpty { matches += 1 }
            let min = s.minContains ?? 1
            if matches < min {
                report("contains", "Array must contain at least \(min) matching item\(min == 1 ? "" : "s"), found \(matches)", value: nil)
            }
            if let max = s.maxContains, matches > max {
                report("maxContains", "Array must contain at most \(max) matching item\(max == 1 ? "" : "s"), found \(matches)", value: nil)
            }
        }
    }

    // MARK: Objects

    mutating func checkObject(_ object: JSONObject, _ value: JSONValue, _ s: SchemaNode, depth: Int) {
        for name in s.required where object[name] == nil {
            // A required readOnly property is only required in responses; writeOnly only in requests.
            if let p = s.property(name), skipRequired(p) { continue }
            report("required", "Required property missing", value: nil, at: .key(name))
            if done { return }
        }
        if let min = s.minProperties, object.count < min {
            report("minProperties", "Object must have at least \(min) propert\(min == 1 ? "y" : "ies"), found \(object.count)", value: nil)
        }
        if let max = s.maxProperties, object.count > max {
            report("maxProperties", "Object must have at most \(max) propert\(max == 1 ? "y" : "ies"), found \(object.count)", value: nil)
        }
        for (name, needs) in s.dependentRequired where object[name] != nil {
            for other in needs where object[other] == nil {
                report("dependentRequired", "Required when '\(name)' is present", value: nil, at: .key(other))
            }
        }
        let checksExtras = s.additionalProperties != nil || !s.patternProperties.isEmpty || s.propertyNames != nil
        for (key, child) in object.entries {
            path.append(.key(key))
            defer { path.removeLast() }
            var matched = false
            if let p = s.property(key) {
                matched = true
                let ps = schemas[p]
                if direction == .request && ps.readOnly {
                    report("readOnly", "Property is read-only and must not be sent", value: child)
                } else if direction == .response && ps.writeOnly {
                    report("writeOnly", "Property is write-only and must not be returned", value: child)
                } else {
                    check(child, p, depth: depth + 1)
                }
            }
            if checksExtras {
                for (pattern, schema) in s.patternProperties where pattern.matches(key) {
                    matched = true
                    check(child, schema, depth: depth + 1)
                }
                if let names = s.propertyNames {
                    for issue in trial(.string(key), names, depth: depth + 1, stopAtFirst: false) {
                        report("propertyNames", "Property name '\(key)' is not allowed: \(issue.message)", value: .string(key))
                    }
                }
                if !matched, let extra = s.additionalProperties {
                    switch extra {
                    case .bool(false): report("additionalProperties", "Property is not allowed", value: child)
                    case .bool(true): break
                    case .schema(let schema): check(child, schema, depth: depth + 1)
                    }
                }
            }
            if done { return }
        }
        for (name, schema) in s.dependentSchemas where object[name] != nil {
            check(value, schema, depth: depth + 1)
        }
        if case .bool(false)? = s.unevaluatedProperties {
            let known = evaluatedPropertyNames(s, depth: 0)
            for (key, child) in object.entries where !known.contains(key) && !s.patternProperties.contains(where: { $0.pattern.matches(key) }) {
                report("unevaluatedProperties", "Property is not allowed", value: child, at: .key(key))
            }
        }
    }

    private func skipRequired(_ property: SchemaIndex) -> Bool {
        let p = schemas[property]
        return (direction == .request && p.readOnly) || (direction == .response && p.writeOnly)
    }

    /// Property names declared by a schema and the schemas it composes (a static approximation of
    /// 2020-12 annotation collection, enough for `unevaluatedProperties: false` over allOf/oneOf/anyOf).
    func evaluatedPropertyNames(_ s: SchemaNode, depth: Int) -> Set<String> {
        guard depth < 16 else { return [] }
        var names = Set(s.properties.map(\.name))
        for i in s.allOf + s.anyOf + s.oneOf + [s.ref, s.thenSchema, s.elseSchema].compactMap({ $0 }) {
            names.formUnion(evaluatedPropertyNames(schemas[i], depth: depth + 1))
        }
        if case .schema? = s.additionalProperties { return names.union(["\u{0}any"]) }
        return names
    }

    // MARK: Composition

    mutating func checkComposition(_ value: JSONValue, _ s: SchemaNode, depth: Int) {
        for member in s.allOf {
            check(value, member, depth: depth + 1)
            if done { return }
        }
        if !s.anyOf.isEmpty {
            var best: [ValidationIssue]?
            var matched = false
            for member in s.anyOf {
                let found = trial(value, member, depth: depth + 1, stopAtFirst: false)
                if found.isEmpty { matched = true; break }
                if best == nil || found.count < best!.count { best = found }
            }
            if !matched { reportBranchFailure("anyOf", value, s.anyOf, closest: best) }
        }
        if !s.oneOf.isEmpty {
            if let d = s.discriminator, case .object(let object) = value {
                checkDiscriminated(value, object, d, s, depth: depth)
            } else {
                var matches: [SchemaIndex] = []
                var best: [ValidationIssue]?
                for member in s.oneOf {
                    let found = trial(value, member, depth: depth + 1, stopAtFirst: false)
                    if found.isEmpty { matches.append(member) } else if best == nil || found.count < best!.count { best = found }
                }
                if matches.isEmpty {
                    reportBranchFailure("oneOf", value, s.oneOf, closest: best)
                } else if matches.count > 1 {
                    report("oneOf", "Must match exactly one of \(Messages.branchNames(matches, schemas)), matched \(matches.count)", value: value)
                }
            }
        } else if let d = s.discriminator, case .object(let object) = value, !s.anyOf.isEmpty || !d.mapping.isEmpty {
            // A discriminator on anyOf (or an allOf parent) still names the property that must be present.
            if object[d.propertyName] == nil { report("discriminator", "Required property missing", value: nil, at: .key(d.propertyName)) }
        }
        if let not = s.not, trial(value, not, depth: depth + 1, stopAtFirst: true).isEmpty {
            report("not", "Must not match the excluded schema", value: value)
        }
        if let condition = s.ifSchema {
            if trial(value, condition, depth: depth + 1, stopAtFirst: true).isEmpty {
                if let then = s.thenSchema { check(value, then, depth: depth + 1) }
            } else if let otherwise = s.elseSchema {
                check(value, otherwise, depth: depth + 1)
            }
        }
    }

    /// oneOf with a discriminator: the property's value picks the branch; that branch's issues are reported.
    mutating func checkDiscriminated(_ value: JSONValue, _ object: JSONObject, _ d: SchemaKeywords.Discriminator, _ s: SchemaNode, depth: Int) {
        guard let tag = object[d.propertyName] else {
            report("discriminator", "Required property missing", value: nil, at: .key(d.propertyName))
            return
        }
        guard case .string(let name) = tag, let branch = d.mapping.first(where: { $0.value == name })?.schema else {
            report("discriminator", "Value must be one of: \(d.mapping.map(\.value).joined(separator: ", "))", value: tag, at: .key(d.propertyName))
            return
        }
        check(value, branch, depth: depth + 1)
    }

    /// No branch matched: when the closest branch failed only below the top level, its issues say the most;
    /// otherwise one issue names the alternatives.
    mutating func reportBranchFailure(_ keyword: String, _ value: JSONValue, _ branches: [SchemaIndex], closest: [ValidationIssue]?) {
        let here = IssuePath.pointer(path)
        if let closest, !closest.isEmpty, closest.allSatisfy({ $0.pointer != here || $0.constraint == "required" }), closest.count <= 5 {
            issues += closest
        } else {
            let what = keyword == "oneOf" ? "exactly one" : "at least one"
            report(keyword, "Must match \(what) of \(Messages.branchNames(branches, schemas))", value: value)
        }
    }
}
