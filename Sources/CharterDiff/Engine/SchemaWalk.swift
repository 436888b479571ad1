import CharterSpec

/// Where a schema comparison stands: the direction its data travels, its place (body, property, parameter,
/// header), the JSON pointer through the operation and the value's field name (`items[].is_active`).
struct SchemaContext {
    var direction: Direction
    var place: SchemaSubject.Place
    var path: String
    var field: String
    /// A header parameter's schema: its properties are header properties.
    var inHeader = false

    /// A nested schema: `child` names it relative to this one (`name`, `[]`, `*`).
    func nested(_ pointer: String, field child: String, place: SchemaSubject.Place? = nil) -> SchemaContext {
        let f: String
        if child.hasPrefix("[") { f = (field.isEmpty ? "" : field) + child }
        else { f = field.isEmpty ? child : field + "." + child }
        return SchemaContext(direction: direction, place: place ?? nestedPlace, path: path + pointer, field: f, inHeader: inHeader)
    }

    /// Properties and items of a body or header are properties; of a parameter, parameter properties.
    var nestedPlace: SchemaSubject.Place {
        switch place {
        case .parameter, .parameterProperty, .headerProperty: inHeader ? .headerProperty : .parameterProperty
        default: .property
        }
    }
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
    var items: SchemaID?
    var schema: Schema

    init(_ document: Document, _ start: SchemaID) {
        var id = document.resolved(start)
        var wrapped = false
        if let inner = Self.nullableWrap(document, id) {
            id = document.resolved(inner)
            wrapped = true
        }
        self.id = id
        schema = document[id]
        nullable = wrapped || document[start].isNullable || schema.isNullable
        enumValues = schema.enumValues.map { $0.compactMap { $0.isNull ? nil : canonical($0) } }
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

    /// The 3.1 idiom for "X or null": a schema that is only `oneOf`/`anyOf` of `{type: 'null'}` and one other
    /// schema. It is compared as that schema, nullable (so wrapping a value this way only makes it nullable).
    static func nullableWrap(_ document: Document, _ id: SchemaID) -> SchemaID? {
        let s = document[id]
        let members = s.oneOf.isEmpty ? s.anyOf : s.oneOf
        guard members.count == 2, s.oneOf.isEmpty || s.anyOf.isEmpty, s.types == nil, s.properties.isEmpty, s.allOf.isEmpty,
              s.enumValues == nil else { return nil }
        func isNull(_ m: SchemaID) -> Bool {
            let t = document[document.resolved(m)]
            return t.types == .null && t.properties.isEmpty && t.enumValues == nil
        }
        if isNull(members[0]) && !isNull(members[1]) { return members[1] }
        if isNull(members[1]) && !isNull(members[0]) { return members[0] }
        return nil
    }

    /// The non-null types, with integer inside number (every integer is a number).
    var valueTypes: JSONTypes? {
        guard var t = types?.subtracting(.null) else { return nil }
        if t.contains(.number) { t.insert(.integer) }
        return t.isEmpty ? nil : t
    }

    /// How many non-null types the schema lists (a 3.1 type list has more than one).
    var typeCount: Int { types?.subtracting(.null).typeNames.count ?? 0 }
}

/// A JSON value as comparable text (mapping keys sorted, numbers by value), depth-bounded.
func canonical(_ node: Node, depth: Int = 0) -> String {
    guard depth < 32 else { return "…" }
    switch node.kind {
    case .mapping:
        let parts = node.entries.map { (key: $0.key, value: canonical($0.value, depth: depth + 1)) }.sorted { $0.key < $1.key }
        return "{" + parts.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
    case .sequence:
        return "[" + node.elements.map { canonical($0, depth: depth + 1) }.joined(separator: ", ") + "]"
    case .scalar:
        if let d = node.double { return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : "\(d)" }
        return node.text ?? ""
    }
}

/// The memo and cycle bookkeeping of the schema walk, kept apart from the rules.
///
/// Within an operation a pair of schemas (old, new, direction) is compared once (cycles and shared shapes stop
/// there). Across operations, a pair whose whole reachable graph showed no change is skipped (`unchanged`), and a
/// changed pair whose findings do not depend on where it was reached is replayed (rebased onto the new path and
/// field) instead of recomputed: without these a change in a schema hundreds of operations share was
/// recomputed hundreds of times. Cycles are the norm in large specs (Stripe's expandable objects): a pair found
/// clean whose graph loops back to a pair still in progress waits (`pending`) for that pair's verdict.
struct WalkState {
    struct VisitKey: Hashable {
        var old: Int
        var new: Int
        var direction: Direction
    }

    struct MemoKey: Hashable {
        var pair: VisitKey
        var place: SchemaSubject.Place
    }

    struct Memo {
        var findings: [Finding]
        /// For each finding, the pairs from the memoised one down to where it was found.
        var chains: [[VisitKey]]
        var basePath: String
        var baseField: String
        var keys: Set<VisitKey>
    }

    /// Pairs compared in this operation, with the order they were first reached in.
    var visited: [VisitKey: Int] = [:]
    var visitedLog: [VisitKey] = []
    /// For the pair being compared: the earliest-visited pair it skipped as already seen and changed.
    var skipLow = Int.max
    var memo: [MemoKey: Memo] = [:]
    /// The pairs being compared, outermost first, and for each finding the stack it was found under.
    var stackKeys: [VisitKey] = []
    var chains: [[VisitKey]] = []
    /// Key sets of the memos replayed in this operation: their pairs count as visited.
    var replayed: [Set<VisitKey>] = []
    var unchanged: Set<VisitKey> = []
    var inProgress: [VisitKey: Int] = [:]
    var stackDepth = 0
    var pending: [(key: VisitKey, low: Int)] = []
    var pendingLow: [VisitKey: Int] = [:]
    var lowlink = Int.max
    var dirty = false

    mutating func startOperation() {
        visited = [:]
        visitedLog = []
        replayed = []
        pending = []
        pendingLow = [:]
    }

    /// When `key` was first reached in this operation (`-1` for pairs inside a replayed memo), or nil.
    func seenOrder(_ key: VisitKey) -> Int? {
        if let order = visited[key] { return order }
        return replayed.contains { $0.contains(key) } ? -1 : nil
    }
}

extension DiffRun {
    mutating func view(_ id: SchemaID, old isOld: Bool) -> SchemaView {
        if let cached = isOld ? oldViews[id.index] : newViews[id.index] { return cached }
        let view = SchemaView(isOld ? old : new, id)
        if isOld { oldViews[id.index] = view } else { newViews[id.index] = view }
        return view
    }

    /// Compares two schemas at `context` (see `SchemaChecks.swift` for the rules), through the bookkeeping.
    mutating func compareSchema(_ oldID: SchemaID?, _ newID: SchemaID?, _ context: SchemaContext, depth: Int = 0) {
        guard let oldID, let newID, depth < 48 else { return }
        let key = WalkState.VisitKey(old: old.resolved(oldID).index, new: new.resolved(newID).index, direction: context.direction)
        // A `$ref` wrapper can add `nullable` to what it points at; the result is only shared between uses
        // when neither wrapper does.
        let shareable = (old.resolved(oldID) == oldID || !old[oldID].isNullable) && (new.resolved(newID) == newID || !new[newID].isNullable)
        if shareable && walk.unchanged.contains(key) { return }
        if let depthInStack = walk.inProgress[key] {
            walk.lowlink = min(walk.lowlink, depthInStack) // a cycle: this pair's verdict waits for that one's
            return
        }
        if let order = walk.seenOrder(key) {
            if let low = walk.pendingLow[key] {
                walk.lowlink = min(walk.lowlink, low)
            } else if !walk.unchanged.contains(key) {
                walk.dirty = true
                walk.skipLow = min(walk.skipLow, order)
            }
            return
        }
        let memoKey = WalkState.MemoKey(pair: key, place: context.place)
        if shareable, let memo = walk.memo[memoKey] {
            replay(memo, context)
            return
        }
        let myOrder = walk.visitedLog.count
        walk.visited[key] = myOrder
        walk.visitedLog.append(key)
        let (outerLow, outerDirty, outerSkip) = (walk.lowlink, walk.dirty, walk.skipLow)
        let findingsBefore = findings.count, pendingStart = walk.pending.count, replayedStart = walk.replayed.count
        let myDepth = walk.stackDepth
        walk.inProgress[key] = myDepth
        walk.stackDepth += 1
        walk.stackKeys.append(key)
        (walk.lowlink, walk.dirty, walk.skipLow) = (Int.max, false, Int.max)

        compareKeywords(oldID, newID, context, depth: depth)

        walk.stackDepth -= 1
        walk.stackKeys.removeLast()
        walk.inProgress[key] = nil
        let clean = !walk.dirty && findings.count == findingsBefore
        if clean && walk.lowlink >= myDepth {
            if shareable { walk.unchanged.insert(key) }
        } else if clean && shareable {
            walk.pending.append((key, walk.lowlink))
            walk.pendingLow[key] = walk.lowlink
        } else if shareable && walk.lowlink >= myDepth && walk.skipLow >= myOrder {
            // Changed, and everything it reached was reached from here: the same findings wherever it is met.
            walk.memo[memoKey] = WalkState.Memo(
                findings: Array(findings[findingsBefore...]),
                chains: walk.chains[findingsBefore...].map { Array($0.dropFirst(myDepth)) },
                basePath: context.path, baseField: context.field,
                keys: walk.replayed[replayedStart...].reduce(into: Set(walk.visitedLog[myOrder...])) { $0.formUnion($1) })
        }
        // Pairs that waited on this one (or on pairs inside it) are settled now.
        var kept: [(key: WalkState.VisitKey, low: Int)] = []
        for entry in walk.pending[pendingStart...] {
            if entry.low >= myDepth && entry.key != key {
                if clean { walk.unchanged.insert(entry.key) }
                walk.pendingLow[entry.key] = nil
            } else {
                kept.append(entry)
            }
        }
        walk.pending.replaceSubrange(pendingStart..., with: kept)
        walk.lowlink = clean ? min(outerLow, walk.lowlink) : outerLow
        walk.dirty = outerDirty || !clean
        walk.skipLow = min(outerSkip, walk.skipLow)
    }

    /// A memoised pair's findings, moved to where it was reached now: same rules and locations, the path and
    /// field rebased, the message rebuilt for the new field.
    mutating func replay(_ memo: WalkState.Memo, _ context: SchemaContext) {
        func rebased(_ f: String) -> String {
            let suffix = f.dropFirst(memo.baseField.count)
            if context.field.isEmpty { return suffix.hasPrefix(".") ? String(suffix.dropFirst()) : String(suffix) }
            if memo.baseField.isEmpty && !f.isEmpty && !f.hasPrefix("[") { return context.field + "." + f }
            return context.field + suffix
        }
        // (The memo's keys count as visited only after the loop, so the check sees what this operation had visited.)
        for (f, chain) in zip(memo.findings, memo.chains) {
            // Found below a pair this operation already compared: a fresh walk would not repeat it either.
            if chain.dropFirst().contains(where: { walk.seenOrder($0) != nil }) { continue }
            var g = f
            g.operation = operation
            g.path = context.path + f.path.dropFirst(memo.basePath.count)
            if f.field.hasPrefix(memo.baseField) {
                g.field = rebased(f.field)
                if let detail = f.detail { g.message = Finding.subject(g.field) + " " + detail }
            }
            findings.append(g)
            walk.chains.append(walk.stackKeys + chain)
        }
        walk.replayed.append(memo.keys)
    }
}
