/// Which way a message travels: decides whether `readOnly` or `writeOnly` properties are forbidden.
public enum MessageDirection: Sendable {
    case request, response
}

/// Validates JSON against a `SchemaSet`, collecting every violation (never stopping at the first).
public struct Validator: Sendable {
    /// The schemas values are validated against.
    public let schemas: SchemaSet
    /// Deepest schema/value recursion followed (a schema that includes itself through `allOf` stops here).
    public var maxDepth = 256
    /// Whether `format` is checked (the default, as an API's traffic needs). `false` treats formats as the
    /// annotations JSON Schema 2020-12 makes them by default.
    public var assertsFormats = true

    /// A validator over `schemas` (formats asserted, as OpenAPI validators do).
    public init(schemas: SchemaSet) {
        self.schemas = schemas
    }

    /// Every violation of `value` against schema `index`.
    /// - Parameters:
    ///   - location: where the value came from (reported in each issue's `in`).
    ///   - base: display prefix for field paths (a parameter's name; empty for bodies).
    public func validate(_ value: JSONValue, against index: SchemaIndex, direction: MessageDirection = .request,
                         location: IssueLocation = .body, base: String = "") -> [ValidationIssue] {
        var run = valueRun(direction: direction)
        defer { run.release() }
        return run.issues(of: value, against: index, location: location, base: base)
    }

    /// Every violation of a parsed tape (the fast path for request bodies).
    public func validate(_ tape: JSONTape, against index: SchemaIndex, direction: MessageDirection = .request,
                         location: IssueLocation = .body, base: String = "") -> [ValidationIssue] {
        tape.withView { view in
            var run = ValidationRun(document: view, schemas: schemas, direction: direction, location: location, base: base, maxDepth: maxDepth)
            run.assertsFormats = assertsFormats
            defer { run.release() }
            run.check(0, index, depth: 0)
            return run.issues
        }
    }

    /// A run for checking several values one after another (a request's parameters), with `ValidationRun.issues(of:
    /// against:location:base:)`; the caller calls `release()` when done. One run per value was a path buffer
    /// allocated and freed and the run's references retained and released for each parameter of every request.
    func valueRun(direction: MessageDirection) -> ValidationRun<ValueDocument> {
        var run = ValidationRun(document: ValueDocument(), schemas: schemas, direction: direction, location: .body, base: "", maxDepth: maxDepth)
        run.assertsFormats = assertsFormats
        return run
    }

    /// Whether `value` is valid (stops at the first violation).
    public func isValid(_ value: JSONValue, against index: SchemaIndex, direction: MessageDirection = .request) -> Bool {
        var run = ValidationRun(document: ValueDocument(), schemas: schemas, direction: direction, location: .body, base: "", maxDepth: maxDepth)
        run.assertsFormats = assertsFormats
        defer { run.release() }
        run.stopAtFirst = true
        run.check(value, index, depth: 0)
        return run.issues.isEmpty
    }
}

/// One validation pass over a document: the path to the current value and the issues found so far.
struct ValidationRun<Document: JSONDocument> {
    typealias Ref = Document.Ref

    enum Step {
        case key(Document.Key)
        case index(Int)
    }

    let document: Document
    let schemaSet: SchemaSet
    let unretained: [Unmanaged<SchemaNode>]
    var schemas: [SchemaNode] { schemaSet.schemas }
    let direction: MessageDirection
    private(set) var location: IssueLocation
    private(set) var base: String
    let maxDepth: Int
    /// Path steps keep the document's keys; they become strings only when an issue is reported.
    var path = GrowableBuffer<Step>()
    var issues: [ValidationIssue] = []
    var stopAtFirst = false
    var assertsFormats = true
    /// Roots of the schema resources entered, outermost first (kept only when the set uses `$dynamicRef`).
    var dynamicScope: [SchemaIndex] = []

    init(document: Document, schemas: SchemaSet, direction: MessageDirection, location: IssueLocation, base: String, maxDepth: Int) {
        self.document = document
        schemaSet = schemas
        unretained = schemas.unretained
        self.direction = direction
        self.location = location
        self.base = base
        self.maxDepth = maxDepth
    }

    var done: Bool { stopAtFirst && !issues.isEmpty }

    /// The violations of one more value, reported at `location` under `base` (see `Validator.valueRun`).
    mutating func issues(of value: Ref, against index: SchemaIndex, location: IssueLocation, base: String) -> [ValidationIssue] {
        self.location = location
        self.base = base
        issues.removeAll(keepingCapacity: true)
        check(value, index, depth: 0)
        return issues
    }

    func release() { path.release() }

    mutating func report(_ constraint: String, _ message: String, value: Ref?, at extra: PathComponent? = nil) {
        var components: [PathComponent] = []
        components.reserveCapacity(path.count + 1)
        for step in path.buffer {
            switch step {
            case .key(let k): components.append(.key(document.keyString(k)))
            case .index(let i): components.append(.index(i))
            }
        }
        if let extra { components.append(extra) }
        if issues.capacity == 0 { issues.reserveCapacity(8) }
        issues.append(ValidationIssue(path: components, base: base,
                                      location: location, constraint: constraint,
                                      value: value.map { IssuePath.truncated(document.value($0)) }, message: message))
    }

    /// A trial run of a subschema (for anyOf/oneOf/not/if/contains): its issues, without reporting them.
    mutating func trial(_ value: Ref, _ index: SchemaIndex, depth: Int, stopAtFirst: Bool) -> [ValidationIssue] {
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

    mutating func check(_ value: Ref, _ index: SchemaIndex, depth: Int) {
        guard depth < maxDepth else {
            report("depth", "Schema nesting deeper than \(maxDepth) levels; not validated further", value: nil)
            return
        }
        // The set owns every node for the whole run: borrow it without a retain/release pair.
        unretained[index]._withUnsafeGuaranteedRef { check(value, $0, depth: depth) }
    }

    mutating func check(_ value: Ref, _ s: SchemaNode, depth: Int) {
        if schemaSet.tracksDynamicScope, let resource = s.resource, dynamicScope.last != resource {
            dynamicScope.append(resource)
            defer { dynamicScope.removeLast() }
            return checkInScope(value, s, depth: depth)
        }
        checkInScope(value, s, depth: depth)
    }

    /// The schema a `$dynamicRef` lands on: the outermost resource in the dynamic scope that declares its anchor.
    func dynamicTarget(_ name: String) -> SchemaIndex? {
        for resource in dynamicScope {
            if let anchor = schemas[resource].dynamicAnchors.first(where: { $0.name == name }) { return anchor.schema }
        }
        return nil
    }

    mutating func checkInScope(_ value: Ref, _ s: SchemaNode, depth: Int) {
        if let b = s.booleanSchema {
            if !b { report("false", "No value is allowed here", value: value) }
            return
        }
        let kind = document.kind(value)
        if kind == .null, s.nullable { return }
        if let ref = s.ref {
            // Written out rather than `s.dynamicRef.flatMap(dynamicTarget)`: a method reference copies the whole run
            // (a 160-byte struct) on every `$ref`.
            var target = ref
            if let name = s.dynamicRef, let found = dynamicTarget(name) { target = found }
            check(value, target, depth: depth + 1)
            if done { return }
        }
        if let types = s.types, !admits(types, value, kind) {
            report("type", Messages.type(types), value: value)
            return // the other keywords would only repeat the problem
        }
        if s.enumValues != nil || s.constValue != nil { checkLiterals(value, s) }
        switch kind {
        case .number: checkNumber(value, s)
        case .string: checkString(value, s)
        case .array: checkArray(value, s, depth: depth)
        case .object: checkObject(value, s, depth: depth)
        default: break
        }
        if done { return }
        if s.composes {
            checkComposition(value, kind, s, depth: depth)
        }
    }

    /// `enum` and `const`, out of line: most schemas have neither, and their checks made every visit's frame larger.
    @inline(never) mutating func checkLiterals(_ value: Ref, _ s: SchemaNode) {
        if let values = s.enumValues, !values.contains(where: { document.equals(value, $0) }) {
            report("enum", s.enumMessage ?? Messages.enumeration(values), value: value)
        }
        if let c = s.constValue, !document.equals(value, c) {
            report("const", "Value must be \(Messages.describe(c))", value: value)
        }
    }

    @inline(__always) func admits(_ types: JSONTypeSet, _ value: Ref, _ kind: JSONKind) -> Bool {
        switch kind {
        case .null: types.contains(.null)
        case .bool: types.contains(.boolean)
        case .string: types.contains(.string)
        case .array: types.contains(.array)
        case .object: types.contains(.object)
        case .number: types.contains(.number) || (types.contains(.integer) && document.isIntegral(value))
        }
    }

    // MARK: Numbers

    mutating func checkNumber(_ value: Ref, _ s: SchemaNode) {
        guard let rules = s.numberRules else { return }
        let v = document.sample(value)
        if let b = rules.minimum, compare(value, v, b, s.minimum) < 0 {
            report("minimum", s.message(.minimum), value: value)
        }
        if let b = rules.maximum, compare(value, v, b, s.maximum) > 0 {
            report("maximum", s.message(.maximum), value: value)
        }
        if let b = rules.exclusiveMinimum, compare(value, v, b, s.exclusiveMinimum) <= 0 {
            report("exclusiveMinimum", s.message(.exclusiveMinimum), value: value)
        }
        if let b = rules.exclusiveMaximum, compare(value, v, b, s.exclusiveMaximum) >= 0 {
            report("exclusiveMaximum", s.message(.exclusiveMaximum), value: value)
        }
        if rules.checksMultipleOf, let m = s.multipleOf {
            let multiple = document.scaled(value).flatMap { rules.isMultiple($0) } ?? NumberMath.isMultiple(document.number(value), of: m.value)
            if !multiple { report("multipleOf", s.message(.multipleOf), value: value) }
        }
        if assertsFormats, let f = rules.integerFormat, v.isIntegral {
            let fits: Bool
            switch f {
            case .int32: fits = v.integral.map { $0 >= Int64(Int32.min) && $0 <= Int64(Int32.max) } ?? false
            case .int64: fits = v.integral != nil
            }
            if !fits { report("format", "Must fit in a \(f == .int32 ? 32 : 64)-bit integer", value: value) }
        }
    }

    /// Compares a value with a bound: exactly on plain values when that decides it, else on the decimal literals.
    @inline(__always) func compare(_ value: Ref, _ v: NumberRules.Value, _ fast: NumberRules.Value, _ bound: NumericBound?) -> Int {
        if let r = NumberRules.compare(v, fast) { return r }
        guard let bound else { return 0 }
        return NumberMath.compare(document.number(value), bound.value)
    }

    // MARK: Strings

    mutating func checkString(_ value: Ref, _ s: SchemaNode) {
        let format = assertsFormats ? s.format : nil
        guard s.checksStringText || format != nil else { return }
        // One pass over the bytes decides every string keyword; issues are reported afterwards.
        let (length, patternOutcome, formatOK) = document.withUTF8(value) { bytes -> (Int, Pattern.Outcome, Bool) in
            // Lengths count Unicode code points, as JSON Schema specifies (not UTF-16 units or graphemes).
            let length = (s.minLength != nil || s.maxLength != nil) ? Bytes.codePointCount(bytes) : 0
            return (length, s.pattern?.outcome(utf8: bytes) ?? .match, format?.isValid(utf8: bytes) ?? true)
        }
        if let m = s.minLength, length < m { report("minLength", s.message(.minLength), value: value) }
        if let m = s.maxLength, length > m { report("maxLength", s.message(.maxLength), value: value) }
        switch patternOutcome {
        case .match: break
        case .noMatch: if let m = s.patternMessage { report("pattern", m, value: value) }
        case .undecided:
            report("pattern", "Could not be checked against the pattern \(s.pattern?.source ?? "") within its step budget; refused", value: value)
        }
        if !formatOK, let m = s.formatMessage { report("format", m, value: value) }
    }

    // MARK: Arrays

    mutating func checkArray(_ value: Ref, _ s: SchemaNode, depth: Int) {
        let count = document.count(value)
        if let min = s.minItems, count < min {
            report("minItems", Messages.itemCount(min: s.minItems, max: s.maxItems, found: count, tooFew: true), value: nil)
        }
        if let max = s.maxItems, count > max {
            report("maxItems", Messages.itemCount(min: s.minItems, max: s.maxItems, found: count, tooFew: false), value: nil)
        }
        if s.uniqueItems, let (a, b) = Self.firstDuplicate(value, count: count, in: document) {
            report("uniqueItems", "Array items must be unique; items \(a.0) and \(b.0) are equal", value: b.1, at: .index(b.0))
        }
        var i = 0
        for element in document.elements(value) {
            defer { i += 1 }
            let schema: SchemaIndex
            if i < s.prefixItems.count {
                schema = s.prefixItems[i]
            } else {
                switch s.items {
                case .schema(let items)?: schema = items
                case .bool(false)?:
                    if i == s.prefixItems.count {
                        report("items", "Array must contain at most \(s.prefixItems.count) item\(s.prefixItems.count == 1 ? "" : "s"), found \(count)", value: nil)
                    }
                    continue
                default: continue
                }
            }
            path.append(.index(i))
            check(element, schema, depth: depth + 1)
            path.removeLast()
            if done { return }
        }
        if let unevaluated = s.unevaluatedItems {
            checkUnevaluatedItems(value, s, unevaluated, count: count, depth: depth)
            if done { return }
        }
        if let contains = s.contains {
            var matches = 0
            for element in document.elements(value) where trial(element, contains, depth: depth + 1, stopAtFirst: true).isEmpty { matches += 1 }
            let min = s.minContains ?? 1
            if matches < min {
                report("contains", "Array must contain at least \(min) matching item\(min == 1 ? "" : "s"), found \(matches)", value: nil)
            }
            if let max = s.maxContains, matches > max {
                report("maxContains", "Array must contain at most \(max) matching item\(max == 1 ? "" : "s"), found \(matches)", value: nil)
            }
        }
    }

    /// The first pair of equal elements (JSON equality: 1 == 1.0, objects unordered). Large arrays hash
    /// their materialised values; small ones compare pairwise without allocating. Static, as the other helpers the
    /// checks call: a non-mutating method called from a mutating one gets a copy of the whole run.
    static func firstDuplicate(_ value: Ref, count: Int, in document: Document) -> ((Int, Ref), (Int, Ref))? {
        let elements = Array(document.elements(value))
        if count <= 16 {
            for j in elements.indices.dropFirst() {
                for i in 0..<j where document.equal(elements[i], elements[j]) { return ((i, elements[i]), (j, elements[j])) }
            }
            return nil
        }
        var seen: [JSONValue: Int] = [:]
        seen.reserveCapacity(count)
        for (j, e) in elements.enumerated() {
            let v = document.value(e)
            if let i = seen[v] { return ((i, elements[i]), (j, e)) }
            seen[v] = j
        }
        return nil
    }

    // MARK: Objects

    /// The index in `s.properties` of the property named `key`, or -1.
    /// `guess`: the property tried first (the one after the previous member's, as bodies list members in declared
    /// order).
    @inline(__always) static func propertyPosition(_ s: SchemaNode, _ key: Document.Key, guess: Int = 0, in document: Document) -> Int {
        let lookup = s.propertyLookup
        return document.keyUTF8(key) { lookup.find($0, guess: guess) }
    }

    mutating func checkObject(_ value: Ref, _ s: SchemaNode, depth: Int) {
        if s.isPlainObject { return checkPlainObject(value, s, depth: depth) }
        let document = self.document
        let count = document.count(value)
        // One pass finds each member's declared property; required checks and member checks reuse it.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { positions in
            var seen: UInt64 = 0
            var guess = 0
            for (i, (key, _)) in document.members(value).enumerated() {
                let p = s.properties.isEmpty ? -1 : Self.propertyPosition(s, key, guess: guess, in: document)
                guess = p + 1
                positions[i] = p
                if p >= 0 && p < 64 { seen |= 1 << UInt64(p) }
            }
            checkObjectMembers(value, s, positions, seen, depth: depth)
        }
    }

    /// An object of a plain schema (`SchemaNode.isPlainObject`) in one pass: each member's property found, its
    /// bit set and its value checked as it is met. Missing required properties are known only at the end; their
    /// issues are moved to where the object's issues begin, so the order is the general path's (required, counts,
    /// then members).
    mutating func checkPlainObject(_ value: Ref, _ s: SchemaNode, depth: Int) {
        let document = self.document
        let start = issues.count
        let count = document.count(value)
        checkPropertyCount(count, s)
        if done { return }
        let closed = s.additionalProperties.map { if case .bool(false) = $0 { true } else { false } } ?? false
        let hasProperties = !s.properties.isEmpty
        var seen: UInt64 = 0
        var guess = 0
        for (key, child) in document.members(value) {
            let p = hasProperties ? Self.propertyPosition(s, key, guess: guess, in: document) : -1
            guess = p + 1
            if p < 0 {
                if closed {
                    path.append(.key(key))
                    report("additionalProperties", "Property is not allowed", value: child)
                    path.removeLast()
                    if done { return }
                }
                continue
            }
            if p < 64 { seen |= 1 << UInt64(p) }
            path.append(.key(key))
            checkDeclared(child, s, p, depth: depth)
            path.removeLast()
            if done { return }
        }
        guard s.requiredMask & ~seen != 0 else { return }
        let before = issues.count
        for (r, name) in s.required.enumerated() {
            let p = s.requiredProperty[r]
            if seen & (1 << UInt64(p)) != 0 || isExcused(s, p) { continue }
            report("required", "Required property missing", value: nil, at: .key(name))
            if done { break }
        }
        if before > start && issues.count > before {
            let missing = issues[before...]
            issues.removeSubrange(before...)
            issues.insert(contentsOf: missing, at: start)
        }
    }

    /// `minProperties` and `maxProperties`, for both object paths.
    @inline(__always) mutating func checkPropertyCount(_ count: Int, _ s: SchemaNode) {
        if let min = s.minProperties, count < min {
            report("minProperties", "Object must have at least \(min) propert\(min == 1 ? "y" : "ies"), found \(count)", value: nil)
        }
        if let max = s.maxProperties, count > max {
            report("maxProperties", "Object must have at most \(max) propert\(max == 1 ? "y" : "ies"), found \(count)", value: nil)
        }
    }

    /// The value of declared property `p`, or its refusal: a readOnly property must not be sent, a writeOnly one
    /// must not be returned. Both object paths use it.
    @inline(__always) mutating func checkDeclared(_ child: Ref, _ s: SchemaNode, _ p: Int, depth: Int) {
        let access = s.propertyAccess[p]
        if direction == .request && access & 1 != 0 {
            report("readOnly", "Property is read-only and must not be sent", value: child)
        } else if direction == .response && access & 2 != 0 {
            report("writeOnly", "Property is write-only and must not be returned", value: child)
        } else {
            check(child, s.properties[p].schema, depth: depth + 1)
        }
    }

    /// Whether missing required property `p` is excused: a readOnly one is required only in responses, a writeOnly
    /// one only in requests.
    @inline(__always) func isExcused(_ s: SchemaNode, _ p: Int) -> Bool {
        (direction == .request && s.propertyAccess[p] & 1 != 0) || (direction == .response && s.propertyAccess[p] & 2 != 0)
    }

    mutating func checkObjectMembers(_ value: Ref, _ s: SchemaNode, _ positions: UnsafeMutableBufferPointer<Int>, _ seen: UInt64, depth: Int) {
        // Usually every required property is declared and present: one mask test instead of a loop.
        let requiredPresent = s.requiredMaskIsComplete && s.requiredMask & ~seen == 0
        for (r, name) in s.required.enumerated() where !requiredPresent {
            let p = s.requiredProperty[r]
            let present = (p >= 0 && p < 64) ? seen & (1 << UInt64(p)) != 0 : document.member(value, name) != nil
            if present { continue }
            if p >= 0, isExcused(s, p) { continue }
            report("required", "Required property missing", value: nil, at: .key(name))
            if done { return }
        }
        let count = document.count(value)
        checkPropertyCount(count, s)
        for (name, needs) in s.dependentRequired where document.member(value, name) != nil {
            for other in needs where document.member(value, other) == nil {
                report("dependentRequired", "Required when '\(name)' is present", value: nil, at: .key(other))
            }
        }
        let checksExtras = s.additionalProperties != nil || !s.patternProperties.isEmpty || s.propertyNames != nil
        for (i, (key, child)) in document.members(value).enumerated() {
            path.append(.key(key))
            var matched = false
            if positions[i] >= 0 {
                matched = true
                checkDeclared(child, s, positions[i], depth: depth)
            }
            if checksExtras {
                for (pattern, schema) in s.patternProperties where document.keyUTF8(key, { pattern.matches(utf8: $0) }) {
                    matched = true
                    check(child, schema, depth: depth + 1)
                }
                if let names = s.propertyNames {
                    // A key is not a value of the document: check its text in a run over a value tree.
                    let keyText = document.keyString(key)
                    var keyRun = ValidationRun<ValueDocument>(document: ValueDocument(), schemas: schemaSet, direction: direction,
                                                              location: location, base: base, maxDepth: maxDepth)
                    keyRun.assertsFormats = assertsFormats
                    defer { keyRun.release() }
                    keyRun.check(.string(keyText), names, depth: depth + 1)
                    for issue in keyRun.issues {
                        report("propertyNames", "Property name '\(keyText)' is not allowed: \(issue.message)", value: nil)
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
            path.removeLast()
            if done { return }
        }
        for (name, schema) in s.dependentSchemas where document.member(value, name) != nil {
            check(value, schema, depth: depth + 1)
        }
        if let unevaluated = s.unevaluatedProperties {
            checkUnevaluatedProperties(value, s, unevaluated, depth: depth)
        }
    }

    // MARK: Composition

    mutating func checkComposition(_ value: Ref, _ kind: JSONKind, _ s: SchemaNode, depth: Int) {
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
            if let d = s.discriminator, kind == .object {
                checkDiscriminated(value, d, depth: depth)
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
        } else if let d = s.discriminator, d.defaultSchema == nil, kind == .object, document.member(value, d.propertyName) == nil {
            // A discriminator on anyOf (or an allOf parent) still names the property that must be present.
            report("discriminator", "Required property missing", value: nil, at: .key(d.propertyName))
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
    mutating func checkDiscriminated(_ value: Ref, _ d: SchemaKeywords.Discriminator, depth: Int) {
        guard let tag = document.member(value, d.propertyName) else {
            if let fallback = d.defaultSchema { return check(value, fallback, depth: depth + 1) }
            report("discriminator", "Required property missing", value: nil, at: .key(d.propertyName))
            return
        }
        let branch: SchemaIndex? = document.kind(tag) == .string
            ? document.withUTF8(tag) { bytes in d.mapping.first { Bytes.equal(bytes, $0.value) }?.schema }
            : nil
        guard let branch = branch ?? d.defaultSchema else {
            report("discriminator", "Value must be one of: \(d.mapping.map(\.value).joined(separator: ", "))", value: tag, at: .key(d.propertyName))
            return
        }
        check(value, branch, depth: depth + 1)
    }

    /// No branch matched: when the closest branch failed only below the top level, its issues say the most;
    /// otherwise one issue names the alternatives.
    mutating func reportBranchFailure(_ keyword: String, _ value: Ref, _ branches: [SchemaIndex], closest: [ValidationIssue]?) {
        let here = IssuePath.pointer(path.buffer.map { step -> PathComponent in
            switch step {
            case .key(let k): .key(document.keyString(k))
            case .index(let i): .index(i)
            }
        })
        if let closest, !closest.isEmpty, closest.allSatisfy({ $0.pointer != here || $0.constraint == "required" }), closest.count <= 5 {
            issues += closest
        } else {
            let what = keyword == "oneOf" ? "exactly one" : "at least one"
            report(keyword, "Must match \(what) of \(Messages.branchNames(branches, schemas))", value: value)
        }
    }
}
