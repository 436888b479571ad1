import CharterSpec

/// Which rule ids a schema comparison reports with: a parameter's own schema uses the parameter family,
/// everything inside a body (and inside object parameters) the property family.
struct SchemaRuleIDs {
    var typeChanged: String
    var enumRemoved: String
    var enumAdded: String
    var maxDecreased: String
    var minIncreased: String
    var maxLengthDecreased: String
    var minLengthIncreased: String
    var patternAdded: String
    var patternChanged: String

    static let parameter = SchemaRuleIDs(
        typeChanged: "request-parameter-type-changed", enumRemoved: "request-parameter-enum-value-removed",
        enumAdded: "request-parameter-enum-value-added", maxDecreased: "request-parameter-max-decreased",
        minIncreased: "request-parameter-min-increased", maxLengthDecreased: "request-parameter-max-length-decreased",
        minLengthIncreased: "request-parameter-min-length-increased", patternAdded: "request-parameter-pattern-added",
        patternChanged: "request-parameter-pattern-changed")

    static let property = SchemaRuleIDs(
        typeChanged: "request-property-type-changed", enumRemoved: "request-property-enum-value-removed",
        enumAdded: "request-property-enum-value-added", maxDecreased: "request-property-max-decreased",
        minIncreased: "request-property-min-increased", maxLengthDecreased: "request-property-max-length-decreased",
        minLengthIncreased: "request-property-min-length-increased", patternAdded: "request-property-pattern-added",
        patternChanged: "request-property-pattern-changed")
}

/// What a schema says once `$ref` is followed and `allOf` members are folded in: the view both
/// versions are compared through, so a property moved into an `allOf` member is not "removed".
struct SchemaView {
    var id: SchemaID
    var types: JSONTypes?
    var nullable: Bool
    var enumValues: [String]?
    var properties: [(name: String, schema: SchemaID)] = []
    var required: Set<String> = []
    var closed = false
    var items: SchemaID?
    var schema: Schema

    init(_ document: Document, _ start: SchemaID) {
        let id = document.resolved(start)
        self.id = id
        schema = document[id]
        nullable = document[start].isNullable || schema.isNullable
        enumValues = schema.enumValues.map { $0.compactMap { $0.isNull ? nil : ($0.text ?? "\($0.kindDescription)") } }
        if case .bool(false)? = schema.additionalProperties { closed = true }
        items = schema.items
        var types = schema.types
        var stack = [id]
        var seen: Set<SchemaID> = []
        while let next = stack.popLast(), seen.count < 64 {
            let resolved = document.resolved(next)
            guard seen.insert(resolved).inserted else { continue }
            let s = document[resolved]
            if resolved != id, let t = s.types { types = types.map { $0.intersection(t).union($0.contains(.null) && t.contains(.null) ? .null : []) } ?? t }
            for p in s.properties where !properties.contains(where: { $0.name == p.name }) { properties.append(p) }
            required.formUnion(s.required)
            if items == nil { items = s.items }
            stack += s.allOf.reversed()
        }
        self.types = types
    }

    /// The non-null types, with integer inside number (every integer is a number).
    var valueTypes: JSONTypes? {
        guard var t = types?.subtracting(.null) else { return nil }
        if t.contains(.number) { t.insert(.integer) }
        return t.isEmpty ? nil : t
    }
}

extension DiffRun {
    mutating func view(_ id: SchemaID, old isOld: Bool) -> SchemaView {
        if let cached = isOld ? oldViews[id.index] : newViews[id.index] { return cached }
        let view = SchemaView(isOld ? old : new, id)
        if isOld { oldViews[id.index] = view } else { newViews[id.index] = view }
        return view
    }

    mutating func compareSchema(_ oldID: SchemaID?, _ newID: SchemaID?, direction: Direction, path: String, field: String,
                                ids: SchemaRuleIDs, depth: Int = 0) {
        guard let oldID, let newID, depth < 48 else { return }
        let key = VisitKey(old: old.resolved(oldID).index, new: new.resolved(newID).index, direction: direction)
        // A `$ref` wrapper can add `nullable` to what it points at; the result is only shared between uses
        // when neither wrapper does.
        let shareable = (old.resolved(oldID) == oldID || !old[oldID].isNullable) && (new.resolved(newID) == newID || !new[newID].isNullable)
        if shareable && unchanged.contains(key) { return }
        if let depthInStack = inProgress[key] {
            lowlink = min(lowlink, depthInStack) // a cycle: this pair's verdict waits for that one's
            return
        }
        if let order = seenOrder(key) {
            if let low = pendingLow[key] {
                lowlink = min(lowlink, low)
            } else if !unchanged.contains(key) {
                dirty = true
                skipLow = min(skipLow, order)
            }
            return
        }
        let memoKey = MemoKey(pair: key, parameterRules: ids.typeChanged == SchemaRuleIDs.parameter.typeChanged)
        if shareable, let memo = memo[memoKey] {
            replay(memo, path: path, field: field)
            return
        }
        let myOrder = visitedLog.count
        visited[key] = myOrder
        visitedLog.append(key)
        let (outerLow, outerDirty, outerSkip) = (lowlink, dirty, skipLow)
        let findingsBefore = findings.count, pendingStart = pending.count, replayedStart = replayed.count
        let myDepth = stackDepth
        inProgress[key] = myDepth
        stackDepth += 1
        stackKeys.append(key)
        (lowlink, dirty, skipLow) = (Int.max, false, Int.max)
        defer {
            stackDepth -= 1
            stackKeys.removeLast()
            inProgress[key] = nil
            let clean = !dirty && findings.count == findingsBefore
            if clean && lowlink >= myDepth {
                if shareable { unchanged.insert(key) }
            } else if clean && shareable {
                pending.append((key, lowlink))
                pendingLow[key] = lowlink
            } else if shareable && lowlink >= myDepth && skipLow >= myOrder {
                // Changed, and everything it reached was reached from here: the same findings wherever it is met.
                memo[memoKey] = Memo(findings: Array(findings[findingsBefore...]),
                                     chains: chains[findingsBefore...].map { Array($0.dropFirst(myDepth)) },
                                     basePath: path, baseField: field,
                                     keys: replayed[replayedStart...].reduce(into: Set(visitedLog[myOrder...])) { $0.formUnion($1) })
            }
            // Pairs that waited on this one (or on pairs inside it) are settled now.
            var kept: [(key: VisitKey, low: Int)] = []
            for entry in pending[pendingStart...] {
                if entry.low >= myDepth && entry.key != key {
                    if clean { unchanged.insert(entry.key) }
                    pendingLow[entry.key] = nil
                } else {
                    kept.append(entry)
                }
            }
            pending.replaceSubrange(pendingStart..., with: kept)
            lowlink = clean ? min(outerLow, lowlink) : outerLow
            dirty = outerDirty || !clean
            skipLow = min(outerSkip, skipLow)
        }
        let o = view(oldID, old: true), n = view(newID, old: false)
        let oldAt = old[oldID].location, newAt = new[newID].location
        let what = field.isEmpty ? "the body" : "'\(field)'"
        let request = direction == .request

        // Types and null.
        if let ot = o.valueTypes, let nt = n.valueTypes, ot != nt {
            let breaks = request ? !ot.isSubset(of: nt) : !nt.isSubset(of: ot)
            if breaks {
                emit(request ? ids.typeChanged : "response-property-type-changed", path,
                     "\(what) changed type from \(ot.typeNames.joined(separator: "|")) to \(nt.typeNames.joined(separator: "|"))", field: field, old: oldAt, new: newAt)
            }
        }
        if request && o.nullable && !n.nullable {
            emit("request-property-became-not-nullable", path, "\(what) no longer accepts null", field: field, old: oldAt, new: newAt)
        } else if !request && !o.nullable && n.nullable {
            emit("response-property-became-nullable", path, "\(what) may now be null", field: field, old: oldAt, new: newAt)
        }

        compareEnums(o, n, request: request, path: path, what: what, field: field, ids: ids, oldAt: oldAt, newAt: newAt)
        compareBounds(o.schema, n.schema, request: request, path: path, what: what, field: field, ids: ids, oldAt: oldAt, newAt: newAt)

        // Objects.
        if request && !o.closed && n.closed {
            emit("request-property-additional-properties-disallowed", path, "\(what) no longer accepts undeclared properties", field: field, old: oldAt, new: newAt)
        }
        compareProperties(o, n, direction: direction, path: path, field: field, depth: depth)
        compareAlternatives(o.schema, n.schema, direction: direction, path: path, what: what, oldAt: oldAt, newAt: newAt, depth: depth, field: field, ids: ids)

        // Arrays.
        compareSchema(o.items, n.items, direction: direction, path: path + "/items", field: field.isEmpty ? "[]" : field + "[]", ids: .property, depth: depth + 1)
    }

    private mutating func compareEnums(_ o: SchemaView, _ n: SchemaView, request: Bool, path: String, what: String, field: String, ids: SchemaRuleIDs,
                                       oldAt: SourceLocation, newAt: SourceLocation) {
        switch (o.enumValues, n.enumValues) {
        case (let ov?, let nv?):
            let removed = ov.filter { !nv.contains($0) }, added = nv.filter { !ov.contains($0) }
            if !removed.isEmpty {
                emit(request ? ids.enumRemoved : "response-property-enum-value-removed", path,
                     "\(what) no longer \(request ? "accepts" : "returns") \(removed.joined(separator: ", "))", field: field, old: oldAt, new: newAt)
            }
            if !added.isEmpty {
                emit(request ? ids.enumAdded : "response-property-enum-value-added", path,
                     "\(what) \(request ? "accepts" : "may return") \(added.joined(separator: ", "))", field: field, old: oldAt, new: newAt)
            }
        case (nil, let nv?) where request:
            emit(ids.enumRemoved, path, "\(what) now accepts only \(nv.joined(separator: ", "))", field: field, old: oldAt, new: newAt)
        case (_?, nil) where !request:
            emit("response-property-enum-value-added", path, "\(what) is no longer limited to its enum values", field: field, old: oldAt, new: newAt)
        default:
            break
        }
    }

    private mutating func compareBounds(_ o: Schema, _ n: Schema, request: Bool, path: String, what: String, field: String, ids: SchemaRuleIDs,
                                        oldAt: SourceLocation, newAt: SourceLocation) {
        // The tighter of the inclusive and exclusive bound (a small epsilon is not needed: strictness is reported as lower/higher).
        func upper(_ s: Schema) -> Double? { [s.maximum?.value, s.exclusiveMaximum?.value].compactMap { $0 }.min() }
        func lower(_ s: Schema) -> Double? { [s.minimum?.value, s.exclusiveMinimum?.value].compactMap { $0 }.max() }
        func tighter(_ old: Double?, _ new: Double?, lowerIsTighter: Bool) -> Bool {
            guard let new else { return false }
            guard let old else { return true }
            return lowerIsTighter ? new < old : new > old
        }
        func text(_ v: Double?) -> String { v.map { $0 == $0.rounded() && abs($0) < 1e15 ? String(Int64($0)) : "\($0)" } ?? "none" }
        func int(_ v: Int?) -> Double? { v.map(Double.init) }
        if request {
            if tighter(upper(o), upper(n), lowerIsTighter: true) {
                emit(ids.maxDecreased, path, "\(what) maximum went from \(text(upper(o))) to \(text(upper(n)))", field: field, old: oldAt, new: newAt)
            }
            if tighter(lower(o), lower(n), lowerIsTighter: false) {
                emit(ids.minIncreased, path, "\(what) minimum went from \(text(lower(o))) to \(text(lower(n)))", field: field, old: oldAt, new: newAt)
            }
            if tighter(int(o.maxLength), int(n.maxLength), lowerIsTighter: true) {
                emit(ids.maxLengthDecreased, path, "\(what) maxLength went from \(text(int(o.maxLength))) to \(text(int(n.maxLength)))", field: field, old: oldAt, new: newAt)
            }
            if tighter(int(o.minLength), int(n.minLength), lowerIsTighter: false) {
                emit(ids.minLengthIncreased, path, "\(what) minLength went from \(text(int(o.minLength))) to \(text(int(n.minLength)))", field: field, old: oldAt, new: newAt)
            }
            if tighter(int(o.maxItems), int(n.maxItems), lowerIsTighter: true) {
                emit("request-property-max-items-decreased", path, "\(what) maxItems went from \(text(int(o.maxItems))) to \(text(int(n.maxItems)))", field: field, old: oldAt, new: newAt)
            }
            if tighter(int(o.minItems), int(n.minItems), lowerIsTighter: false) {
                emit("request-property-min-items-increased", path, "\(what) minItems went from \(text(int(o.minItems))) to \(text(int(n.minItems)))", field: field, old: oldAt, new: newAt)
            }
            if o.pattern == nil, let p = n.pattern {
                emit(ids.patternAdded, path, "\(what) must now match \(p)", field: field, old: oldAt, new: newAt)
            } else if let op = o.pattern, let np = n.pattern, op != np {
                emit(ids.patternChanged, path, "\(what) pattern changed from \(op) to \(np)", field: field, old: oldAt, new: newAt)
            }
        } else {
            // Widening what a response may contain: the old bound held, clients may rely on it.
            if tighter(int(n.maxLength), int(o.maxLength), lowerIsTighter: true) || (o.maxLength != nil && n.maxLength == nil) {
                emit("response-property-max-length-increased", path, "\(what) maxLength went from \(text(int(o.maxLength))) to \(text(int(n.maxLength)))", field: field, old: oldAt, new: newAt)
            }
            if tighter(upper(n), upper(o), lowerIsTighter: true) || (upper(o) != nil && upper(n) == nil) {
                emit("response-property-max-increased", path, "\(what) maximum went from \(text(upper(o))) to \(text(upper(n)))", field: field, old: oldAt, new: newAt)
            }
            if tighter(lower(n), lower(o), lowerIsTighter: false) || (lower(o) != nil && lower(n) == nil) {
                emit("response-property-min-decreased", path, "\(what) minimum went from \(text(lower(o))) to \(text(lower(n)))", field: field, old: oldAt, new: newAt)
            }
        }
    }

    private mutating func compareProperties(_ o: SchemaView, _ n: SchemaView, direction: Direction, path: String, field: String, depth: Int) {
        let request = direction == .request
        // readOnly properties are never sent in requests, writeOnly ones never returned.
        func relevant(_ document: Document, _ id: SchemaID) -> Bool {
            let s = document[document.resolved(id)], own = document[id]
            return request ? !(s.readOnly || own.readOnly) : !(s.writeOnly || own.writeOnly)
        }
        let newProperties = Dictionary(n.properties.map { ($0.name, $0.schema) }, uniquingKeysWith: { a, _ in a })
        for (name, os) in o.properties where relevant(old, os) {
            let at = path + "/properties/" + pointerToken(name)
            let qualified = field.isEmpty ? name : field + "." + name
            let wasRequired = o.required.contains(name)
            guard let ns = newProperties[name], relevant(new, ns) else {
                if request {
                    emit("request-property-removed", at, "request property '\(qualified)' was removed", field: qualified, old: old[os].location, new: n.schema.location)
                } else {
                    emit(wasRequired ? "response-required-property-removed" : "response-optional-property-removed", at,
                         "response property '\(qualified)' was removed\(wasRequired ? " (every response carried it)" : "")", field: qualified, old: old[os].location, new: n.schema.location)
                }
                continue
            }
            let isRequired = n.required.contains(name)
            if wasRequired != isRequired {
                let id = request ? (isRequired ? "request-property-became-required" : "request-property-became-optional")
                    : (isRequired ? "response-property-became-required" : "response-property-became-optional")
                emit(id, at, "\(request ? "request" : "response") property '\(qualified)' became \(isRequired ? "required" : "optional")",
                     field: qualified, old: old[os].location, new: new[ns].location)
            }
            compareSchema(os, ns, direction: direction, path: at, field: qualified, ids: .property, depth: depth + 1)
        }
        let oldNames = Set(o.properties.map(\.name))
        for (name, ns) in n.properties where !oldNames.contains(name) && relevant(new, ns) {
            let at = path + "/properties/" + pointerToken(name)
            let qualified = field.isEmpty ? name : field + "." + name
            let isRequired = n.required.contains(name)
            let id = request ? (isRequired ? "new-required-request-property" : "new-optional-request-property")
                : (isRequired ? "response-required-property-added" : "response-optional-property-added")
            emit(id, at, "\(isRequired ? "required" : "optional") \(request ? "request" : "response") property '\(qualified)' was added", field: qualified, old: o.schema.location, new: new[ns].location)
        }
    }

    /// oneOf/anyOf alternatives (matched by the component they reference, else by position) and allOf members.
    private mutating func compareAlternatives(_ o: Schema, _ n: Schema, direction: Direction, path: String, what: String,
                                              oldAt: SourceLocation, newAt: SourceLocation, depth: Int, field: String, ids: SchemaRuleIDs) {
        func identity(_ document: Document, _ id: SchemaID, _ index: Int) -> String {
            document[id].ref?.componentName ?? "#\(index)"
        }
        for keyword in ["oneOf", "anyOf"] {
            let ob = keyword == "oneOf" ? o.oneOf : o.anyOf, nb = keyword == "oneOf" ? n.oneOf : n.anyOf
            guard !ob.isEmpty || !nb.isEmpty else { continue }
            let oldKeys = ob.enumerated().map { identity(old, $1, $0) }, newKeys = nb.enumerated().map { identity(new, $1, $0) }
            if direction == .request {
                for (i, k) in oldKeys.enumerated() where !newKeys.contains(k) {
                    emit("request-property-one-of-removed", path + "/\(keyword)/\(i)", "\(what) no longer accepts the \(keyword) alternative \(k)", field: field, old: old[ob[i]].location, new: newAt)
                }
            } else {
                for (i, k) in newKeys.enumerated() where !oldKeys.contains(k) {
                    emit("response-property-one-of-added", path + "/\(keyword)/\(i)", "\(what) may be the new \(keyword) alternative \(k)", field: field, old: oldAt, new: new[nb[i]].location)
                }
            }
            for (i, k) in oldKeys.enumerated() {
                guard let j = newKeys.firstIndex(of: k) else { continue }
                compareSchema(ob[i], nb[j], direction: direction, path: path + "/\(keyword)/\(j)", field: field, ids: ids, depth: depth + 1)
            }
        }
        // Only a composition that existed before can gain a member: turning inline keywords into an `allOf`
        // (or moving them into a component) changes no constraint, and the folded views compare what it holds.
        if direction == .request && !o.allOf.isEmpty {
            let oldKeys = o.allOf.enumerated().map { identity(old, $1, $0) }
            for (i, member) in n.allOf.enumerated() where !oldKeys.contains(identity(new, member, i)) {
                emit("request-property-all-of-added", path + "/allOf/\(i)", "\(what) must also satisfy the allOf member \(identity(new, member, i))",
                     field: field, old: oldAt, new: new[member].location)
            }
        }
    }
}

extension DiffRun {
    /// A memoised pair's findings, moved to where it was reached now: same rules and locations, the path and
    /// field rebased, the quoted field in the message replaced.
    mutating func replay(_ memo: Memo, path: String, field: String) {
        func rebased(_ f: String) -> String {
            let suffix = f.dropFirst(memo.baseField.count)
            if field.isEmpty { return suffix.hasPrefix(".") ? String(suffix.dropFirst()) : String(suffix) }
            if memo.baseField.isEmpty && !f.isEmpty && !f.hasPrefix("[") { return field + "." + f }
            return field + suffix
        }
        // (The memo's keys count as visited only after the loop, so the check sees what this operation had visited.)
        for (f, chain) in zip(memo.findings, memo.chains) {
            // Found below a pair this operation already compared: a fresh walk would not repeat it either.
            if chain.dropFirst().contains(where: { seenOrder($0) != nil }) { continue }
            var g = f
            g.operation = operation
            g.path = path + f.path.dropFirst(memo.basePath.count)
            let newField = f.field.hasPrefix(memo.baseField) ? rebased(f.field) : f.field
            if newField != f.field {
                let oldQuoted = f.field.isEmpty ? "the body" : "'\(f.field)'"
                let newQuoted = newField.isEmpty ? "the body" : "'\(newField)'"
                if let range = f.message.range(of: oldQuoted) { g.message.replaceSubrange(range, with: newQuoted) }
                g.field = newField
            }
            findings.append(g)
            chains.append(stackKeys + chain)
        }
        replayed.append(memo.keys)
    }
}
