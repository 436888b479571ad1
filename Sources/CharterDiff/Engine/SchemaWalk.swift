import CharterSpec

/// Where a schema comparison stands: the direction its data travels, its place (body, property, parameter,
/// header), the JSON pointer through the operation and the value's field name (`items[].is_active`).
///
/// The pointer and field are kept as a trail of steps and spelled out only when a finding needs them: the walk
/// nests tens of thousands of times in a large spec and reports a handful of findings.
struct SchemaContext {
    var direction: Direction
    var place: SchemaSubject.Place
    /// A header parameter's schema: its properties are header properties.
    var inHeader = false
    private var basePath: String
    private var baseField: String
    private var trail: Trail?

    /// One nesting step: a pointer suffix and how the field name continues (`name`, `[]`, `[0]`; empty: unchanged).
    final class Trail {
        let parent: Trail?
        let pointer: String
        let child: String

        init(parent: Trail?, pointer: String, child: String) {
            self.parent = parent
            self.pointer = pointer
            self.child = child
        }
    }

    init(direction: Direction, place: SchemaSubject.Place, path: String, field: String, inHeader: Bool = false) {
        self.direction = direction
        self.place = place
        self.inHeader = inHeader
        basePath = path
        baseField = field
    }

    private var steps: [Trail] {
        var out: [Trail] = []
        var step = trail
        while let s = step {
            out.append(s)
            step = s.parent
        }
        return out.reversed()
    }

    var path: String {
        guard trail != nil else { return basePath }
        return steps.reduce(into: basePath) { $0 += $1.pointer }
    }

    var field: String {
        guard trail != nil else { return baseField }
        return steps.reduce(into: baseField) { field, step in
            if step.child.isEmpty { return }
            if step.child.hasPrefix("[") { field += step.child } else { field = field.isEmpty ? step.child : field + "." + step.child }
        }
    }

    /// A nested schema: `child` names it relative to this one (`name`, `[]`, `[0]`; empty: the same value).
    func nested(_ pointer: String, field child: String, place: SchemaSubject.Place? = nil) -> SchemaContext {
        var c = self
        c.place = place ?? nestedPlace
        c.trail = Trail(parent: trail, pointer: pointer, child: child)
        return c
    }

    /// The last nesting step (pointer, field continuation): how a pair node's rules name a nested pair.
    var lastStep: (pointer: String, child: String) {
        guard let trail else { return ("", "") }
        return (trail.pointer, trail.child)
    }

    /// The same value seen through a member schema (`/oneOf/1`).
    func member(_ pointer: String, place: SchemaSubject.Place) -> SchemaContext {
        nested(pointer, field: "", place: place)
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
    var types: JSONTypeSet?
    var nullable: Bool
    var enumValues: [String]?
    var properties: [(name: String, schema: SchemaID)] = []
    var required: Set<String> = []
    var items: SchemaID?
    var schema: Schema

    init(_ document: SchemaTable, _ start: SchemaID) {
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
    static func nullableWrap(_ document: SchemaTable, _ id: SchemaID) -> SchemaID? {
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
    var valueTypes: JSONTypeSet? {
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

/// The schema walk, kept apart from the rules: a graph of schema pairs built once per diff, walked per operation.
///
/// A pair node holds what the rules found comparing one (old, new) schema pair at one place and direction —
/// its findings, with paths and fields relative to the pair — and, in the order the rules met them, edges to the
/// nested pairs (properties, items, members …). Each node is built once, however many operations reach it. A
/// node whose reachable graph has no finding is pruned from every walk (Tarjan's strongly connected components
/// settle that for cycles, the norm in large specs: Stripe's expandable objects). Each operation then walks its
/// pairs depth-first, comparing a pair (old and new schema, direction) once, and reports the nodes' findings
/// rebased onto where it met them.
struct WalkState {
    struct NodeKey: Hashable {
        var old: SchemaID
        var new: SchemaID
        var direction: Direction
        var place: SchemaSubject.Place
        var inHeader: Bool
    }

    /// A pair compared in this operation: its schemas with `$ref`s followed, and the direction.
    struct VisitKey: Hashable {
        var old: Int
        var new: Int
        var direction: Direction
    }

    struct Edge {
        var old: SchemaID
        var new: SchemaID
        var pointer: String
        var child: String
        var place: SchemaSubject.Place
    }

    enum Event {
        case finding(Finding)
        case edge(Edge)
    }

    final class Node {
        var events: [Event] = []
        /// The nodes the edges lead to, in edge order (linked when the node is analysed: no lookups per walk).
        var targets: [Node] = []
        /// The pair as the per-operation visit set knows it.
        var visit = VisitKey(old: 0, new: 0, direction: .request)
        /// Whether a finding is reachable from here (settled once the node's component is analysed).
        var reachesFindings = false
        var analysed = false
        /// Whether the pair itself has a finding.
        var hasFindings = false
        /// Tarjan's bookkeeping while the node's component is found.
        var index = -1
        var low = 0
        var onStack = false
    }

    var nodes: [NodeKey: Node] = [:]
    /// Pairs compared in this operation.
    var visited: Set<VisitKey> = []
    /// While a node is being built: its events (the rules' findings and the nested pairs they asked for).
    var building: [Event]?

    mutating func startOperation() {
        visited.removeAll(keepingCapacity: true)
    }
}

extension DiffRun {
    mutating func view(_ id: SchemaID, old isOld: Bool) -> SchemaView {
        if let cached = isOld ? oldViews[id.index] : newViews[id.index] { return cached }
        let view = SchemaView(isOld ? oldTable : newTable, id)
        if isOld { oldViews[id.index] = view } else { newViews[id.index] = view }
        return view
    }

    /// Compares two schemas at `context` (see `SchemaChecks.swift` for the rules). Called by a rule for a nested
    /// schema while a node is built, it records the edge; otherwise it walks from this pair.
    mutating func compareSchema(_ oldID: SchemaID?, _ newID: SchemaID?, _ context: SchemaContext, depth: Int = 0) {
        guard let oldID, let newID else { return }
        if walk.building != nil {
            let (pointer, child) = context.lastStep
            walk.building?.append(.edge(WalkState.Edge(old: oldID, new: newID, pointer: pointer, child: child, place: context.place)))
            return
        }
        walkPair(oldID, newID, context, depth: depth)
    }

    private func key(_ oldID: SchemaID, _ newID: SchemaID, _ context: SchemaContext) -> WalkState.NodeKey {
        WalkState.NodeKey(old: oldID, new: newID, direction: context.direction, place: context.place, inHeader: context.inHeader)
    }

    private mutating func walkPair(_ oldID: SchemaID, _ newID: SchemaID, _ context: SchemaContext, depth: Int) {
        walkNode(node(key(oldID, newID, context)), context, depth: depth)
    }

    private mutating func walkNode(_ node: WalkState.Node, _ context: SchemaContext, depth: Int) {
        guard depth < 48, node.reachesFindings, walk.visited.insert(node.visit).inserted else { return }
        var base: (path: String, field: String)?
        var edge = 0
        for event in node.events {
            switch event {
            case .finding(let f):
                let (path, field) = base ?? (context.path, context.field)
                base = (path, field)
                var g = f
                g.operation = operation
                g.path = path + f.path
                g.field = Self.joined(field, f.field)
                if let detail = f.detail { g.message = Finding.subject(g.field) + " " + detail }
                findings.append(g)
            case .edge(let e):
                let target = node.targets[edge]
                edge += 1
                // Only a pair that leads to a finding is worth a context.
                guard target.reachesFindings, !walk.visited.contains(target.visit) else { continue }
                walkNode(target, context.nested(e.pointer, field: e.child, place: e.place), depth: depth + 1)
            }
        }
    }

    /// A field name continued by a relative one (`items` + `[].id`, `a` + `b`).
    static func joined(_ base: String, _ relative: String) -> String {
        if relative.isEmpty { return base }
        if base.isEmpty { return relative.hasPrefix(".") ? String(relative.dropFirst()) : relative }
        return relative.hasPrefix("[") ? base + relative : base + "." + relative
    }

    /// The node of a pair, built (with every node it reaches) and analysed on first use.
    private mutating func node(_ key: WalkState.NodeKey) -> WalkState.Node {
        if let node = walk.nodes[key], node.analysed { return node }
        // Build every node reachable from here that is not built yet (iteratively: graphs are deep).
        var fresh: [WalkState.NodeKey] = []
        var stack = [key]
        while let next = stack.popLast() {
            if walk.nodes[next] != nil { continue }
            let node = build(next)
            walk.nodes[next] = node
            fresh.append(next)
            stack += children(next, node).filter { walk.nodes[$0] == nil }
        }
        for k in fresh {
            guard let node = walk.nodes[k] else { continue }
            node.visit = WalkState.VisitKey(old: oldTable.resolved(k.old).index, new: newTable.resolved(k.new).index, direction: k.direction)
            node.targets = children(k, node).map { walk.nodes[$0] ?? WalkState.Node() }
            node.hasFindings = node.events.contains { if case .finding = $0 { true } else { false } }
        }
        analyse(fresh)
        return walk.nodes[key] ?? WalkState.Node()
    }

    /// Runs the rules on one pair, collecting its findings (relative to the pair) and nested pairs.
    private mutating func build(_ key: WalkState.NodeKey) -> WalkState.Node {
        let context = SchemaContext(direction: key.direction, place: key.place, path: "", field: "", inHeader: key.inHeader)
        let outer = walk.building
        walk.building = []
        compareKeywords(key.old, key.new, context, depth: 0)
        let node = WalkState.Node()
        node.events = walk.building ?? []
        walk.building = outer
        return node
    }

    private func children(_ key: WalkState.NodeKey, _ node: WalkState.Node) -> [WalkState.NodeKey] {
        node.events.compactMap { event in
            guard case .edge(let e) = event else { return nil }
            return WalkState.NodeKey(old: e.old, new: e.new, direction: key.direction, place: e.place, inHeader: key.inHeader)
        }
    }

    /// Settles `reachesFindings` for freshly built nodes: Tarjan's components (iterative, the bookkeeping on the
    /// nodes themselves), each component reaching a finding when one of its nodes has one or an edge leaves it
    /// for a component that does.
    private mutating func analyse(_ fresh: [WalkState.NodeKey]) {
        var stack: [WalkState.Node] = []
        var counter = 0
        for key in fresh {
            guard let root = walk.nodes[key], !root.analysed, root.index < 0 else { continue }
            var frames: [(node: WalkState.Node, next: Int)] = [(root, 0)]
            root.index = counter; root.low = counter; counter += 1
            stack.append(root); root.onStack = true
            while let (current, next) = frames.last {
                if next < current.targets.count {
                    frames[frames.count - 1].next += 1
                    let child = current.targets[next]
                    if child.analysed { continue }
                    if child.index < 0 {
                        child.index = counter; child.low = counter; counter += 1
                        stack.append(child); child.onStack = true
                        frames.append((child, 0))
                    } else if child.onStack {
                        current.low = min(current.low, child.index)
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last?.node { parent.low = min(parent.low, current.low) }
                guard current.low == current.index else { continue }
                // `current` roots a component: pop it and settle it as a whole.
                var members: [WalkState.Node] = []
                while let member = stack.popLast() {
                    member.onStack = false
                    members.append(member)
                    if member === current { break }
                }
                let reaches = members.contains { member in
                    member.hasFindings || member.targets.contains { $0.analysed && $0.reachesFindings }
                }
                for member in members {
                    member.reachesFindings = reaches
                    member.analysed = true
                }
            }
        }
    }
}
