import CharterSpec
import Foundation

/// Breaking-change detection between two versions of a spec.
///
/// Documents are compared after `$ref` resolution (moving a schema into `components` or another file is not a
/// change). Operations match by method and path template with parameter names ignored; parameters by name and
/// location (headers case-insensitively; path parameters by position); responses by status; media types by
/// name; schemas structurally and by direction: request schemas break when the server accepts less, response
/// schemas when clients may receive what they do not expect or miss what they relied on.
public enum SpecDiff {
    /// Every finding, in operation order (old spec's order; added operations last).
    /// - Parameter today: `YYYY-MM-DD`, for `x-sunset` dates (default: the current UTC date).
    public static func compare(old: Document, new: Document, today: String? = nil) -> [Finding] {
        report(old: old, new: new, today: today).findings
    }

    /// The findings and what could not be compared (callbacks), as located warnings.
    public static func report(old: Document, new: Document, today: String? = nil) -> (findings: [Finding], notes: [Diagnostic]) {
        var run = DiffRun(old: old, new: new, today: today ?? Self.today())
        run.compareOperations()
        return (run.findings, run.notes)
    }

    /// Loads both files (with the loader's located diagnostics on failure) and compares them.
    public static func compare(oldPath: String, newPath: String, options: LoadOptions = LoadOptions(), strict: Bool = false,
                               today: String? = nil) throws(DiffLoadError) -> [Finding] {
        try report(oldPath: oldPath, newPath: newPath, options: options, strict: strict, today: today).findings
    }

    /// Loads both files and compares them; also returns what could not be compared and, unless `strict`, the
    /// problems of either file whose meaning is clear, as warnings saying what was assumed (a diff compares what is
    /// there: a vendor's spec that breaks a rule is still compared). `strict` refuses such files, as `lint` would.
    public static func report(oldPath: String, newPath: String, options: LoadOptions = LoadOptions(), strict: Bool = false,
                              today: String? = nil) throws(DiffLoadError) -> (findings: [Finding], notes: [Diagnostic]) {
        var warnings: [Diagnostic] = []
        func load(_ path: String) throws(DiffLoadError) -> Document {
            let result = SpecLoader(options: options).load(path: path)
            let diagnostics = result.diagnostics(strict: strict)
            guard let document = result.document, !diagnostics.hasErrors else { throw DiffLoadError(diagnostics: diagnostics) }
            // Each understood problem once, even when both sides are the same file.
            for d in result.diagnostics where d.severity == .error && d.assumption != nil && !warnings.contains(d.tolerated) {
                warnings.append(d.tolerated)
            }
            return document
        }
        let (old, new) = (try load(oldPath), try load(newPath))
        let (findings, notes) = report(old: old, new: new, today: today)
        return (findings, warnings + notes)
    }

    static func today() -> String {
        String(Date().formatted(Date.ISO8601FormatStyle()).prefix(10))
    }
}

/// A spec that could not be loaded for diffing, with the loader's located diagnostics.
public struct DiffLoadError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public var description: String { diagnostics.filter { $0.severity == .error }.map(\.description).joined(separator: "\n") }
}

/// One comparison: both documents, the operation being compared, the findings so far.
struct DiffRun {
    let old: Document
    let new: Document
    let today: String
    var findings: [Finding] = []
    /// The operation findings belong to (`GET /users/{user_id}`, `POST webhook newPet`).
    var operation = ""
    /// Comparing a webhook: request and response directions swap (see `inbound`).
    var comparingWebhook = false
    /// What was not compared, located (callbacks), for the caller to print as warnings.
    var notes: [Diagnostic] = []
    /// Schema pairs already compared in this operation, per direction (cycles and shared shapes stop here),
    /// with the order they were first reached in.
    var visited: [VisitKey: Int] = [:]
    var visitedLog: [VisitKey] = []
    /// For the pair being compared: the earliest-visited pair it skipped as already seen and changed. When that
    /// pair was reached outside this one's subtree, this pair's findings depend on the operation's history.
    var skipLow = Int.max
    /// Changed pairs whose findings do not depend on where they were reached: replayed (rebased onto the new
    /// path and field) instead of recomputed when another operation reaches them. Without it a change in a
    /// schema hundreds of operations share was recomputed hundreds of times.
    var memo: [MemoKey: Memo] = [:]
    /// The pairs being compared, outermost first, and for each finding the stack it was found under: a
    /// replayed finding whose stack passes through a pair this operation already visited is not repeated.
    var stackKeys: [VisitKey] = []
    var chains: [[VisitKey]] = []

    struct MemoKey: Hashable {
        var pair: VisitKey
        var parameterRules: Bool
    }

    struct Memo {
        var findings: [Finding]
        /// For each finding, the pairs from the memoised one down to where it was found.
        var chains: [[VisitKey]]
        var basePath: String
        var baseField: String
        var keys: Set<VisitKey>
    }

    /// Key sets of the memos replayed in this operation: their pairs count as visited (kept apart rather than
    /// copied into `visited`, since one memo of a large cycle holds thousands of pairs).
    var replayed: [Set<VisitKey>] = []

    /// When `key` was first reached in this operation (`-1` for pairs inside a replayed memo), or nil.
    func seenOrder(_ key: VisitKey) -> Int? {
        if let order = visited[key] { return order }
        return replayed.contains { $0.contains(key) } ? -1 : nil
    }
    /// Pairs whose whole reachable graph was compared without a finding, in any operation: a large shared
    /// schema that did not change is walked once per diff, not once per operation that uses it.
    var unchanged: Set<VisitKey> = []
    /// Pairs being compared (the recursion stack) and their depth in it.
    var inProgress: [VisitKey: Int] = [:]
    var stackDepth = 0
    /// Pairs found clean whose graph loops back to a pair still in progress (at `low`): they become
    /// `unchanged` when that pair does, and are dropped if it turns out changed. Cycles are the norm in large
    /// specs (Stripe's expandable objects), so without this nothing in a cycle would ever be shared.
    var pending: [(key: VisitKey, low: Int)] = []
    var pendingLow: [VisitKey: Int] = [:]
    /// For the pair being compared: the shallowest in-progress pair it loops back to, and whether anything
    /// below it changed.
    var lowlink = Int.max
    var dirty = false
    /// Schema views by id, per side: a shared schema is folded (refs, allOf) once per diff.
    var oldViews: [Int: SchemaView] = [:]
    var newViews: [Int: SchemaView] = [:]

    struct VisitKey: Hashable {
        var old: Int
        var new: Int
        var direction: Direction
    }

    init(old: Document, new: Document, today: String) {
        self.old = old
        self.new = new
        self.today = today
    }

    mutating func emit(_ id: String, _ path: String, _ message: String, field: String = "", old: SourceLocation?, new: SourceLocation?) {
        let level = RuleCatalogue.rule(id)?.level ?? .warning
        findings.append(Finding(ruleID: id, level: level, operation: operation, path: path, message: message, field: field,
                                oldLocation: old, newLocation: new))
        chains.append(stackKeys)
    }

    // MARK: Operations

    static func key(_ op: SpecOperation) -> String { op.method.rawValue + " " + PathKey.normalized(op.path) }

    /// Old operations paired with new ones: first by method and path as written, then, among those left, by
    /// path template alone (a renamed path parameter is the same endpoint). Two paths of one spec that differ
    /// only in parameter names (`/journals/{JournalID}`, `/journals/{JournalNumber}`) thus pair with themselves.
    static func pairs(old: [SpecOperation], new: [SpecOperation]) -> [Int: Int] {
        var exact: [String: Int] = [:]
        var byTemplate: [String: [Int]] = [:]
        for (j, n) in new.enumerated() {
            if exact[n.method.rawValue + " " + n.path] == nil { exact[n.method.rawValue + " " + n.path] = j }
            byTemplate[key(n), default: []].append(j)
        }
        var partner: [Int: Int] = [:]
        var taken: Set<Int> = []
        for (i, o) in old.enumerated() {
            if let j = exact[o.method.rawValue + " " + o.path], !taken.contains(j) {
                partner[i] = j
                taken.insert(j)
            }
        }
        for (i, o) in old.enumerated() where partner[i] == nil {
            if let j = byTemplate[key(o)]?.first(where: { !taken.contains($0) }) {
                partner[i] = j
                taken.insert(j)
            }
        }
        return partner
    }

    mutating func compareOperations() {
        let newOperations = new.operations.map(\.operation)
        let oldOperations = old.operations.map(\.operation)
        let partner = Self.pairs(old: oldOperations, new: newOperations)
        for (i, o) in oldOperations.enumerated() {
            visited = [:]
            visitedLog = []
            replayed = []
            pending = []
            pendingLow = [:]
            if let j = partner[i] {
                let n = newOperations[j]
                operation = n.displayName
                compareOperation(o, n)
            } else {
                operation = o.displayName
                operationRemoved(o)
            }
        }
        let matched = Set(partner.values)
        for (j, n) in newOperations.enumerated() where !matched.contains(j) {
            operation = n.displayName
            emit("endpoint-added", operationPointer(n), "\(n.displayName) was added", old: nil, new: n.location)
        }
        compareWebhooks()
        for (_, op) in old.operations + new.operations {
            for (name, callback) in op.callbacks {
                notes.append(Diagnostic(.warning, "callback '\(name)' of \(op.displayName) is not compared", at: callback.location))
            }
        }
    }

    /// Webhooks match by name and method; their payloads are compared as responses (the API sends them).
    mutating func compareWebhooks() {
        comparingWebhook = true
        defer { comparingWebhook = false }
        func operations(_ document: Document) -> [(key: String, name: String, op: SpecOperation)] {
            document.webhooks.flatMap { name, item in item.operations.map { (name + " " + $0.method.rawValue, name, $0) } }
        }
        let newByKey = Dictionary(operations(new).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let oldKeys = Set(operations(old).map(\.key))
        for (key, name, o) in operations(old) {
            visited = [:]
            visitedLog = []
            replayed = []
            pending = []
            pendingLow = [:]
            operation = "\(o.method.wireName) webhook \(name)"
            let pointer = "/webhooks/" + pointerToken(name) + "/" + methodPointer(o.method)
            guard let (_, _, n) = newByKey[key] else {
                emit("api-removed-without-deprecation", pointer, "webhook \(name) is no longer sent", old: o.location, new: nil)
                continue
            }
            compareRequestBody(o.requestBody, n.requestBody, pointer: pointer + "/requestBody", oldOp: o, newOp: n)
            compareResponses(o, n, pointer: pointer + "/responses")
        }
        for (key, name, n) in operations(new) where !oldKeys.contains(key) {
            operation = "\(n.method.wireName) webhook \(name)"
            emit("endpoint-added", "/webhooks/" + pointerToken(name) + "/" + methodPointer(n.method), "webhook \(name) was added", old: nil, new: n.location)
        }
    }

    func operationPointer(_ op: SpecOperation) -> String {
        "/paths/" + pointerToken(op.path) + "/" + methodPointer(op.method)
    }

    mutating func operationRemoved(_ o: SpecOperation) {
        let pointer = operationPointer(o)
        let sunset = o.extensions["x-sunset"]?.text.map { String($0.prefix(10)) }
        if !o.deprecated {
            emit("api-removed-without-deprecation", pointer, "\(o.displayName) was removed without being deprecated first", old: o.location, new: nil)
        } else if let sunset, sunset > today {
            emit("api-removed-before-sunset", pointer, "\(o.displayName) was removed before its sunset date \(sunset)", old: o.location, new: nil)
        } else {
            emit("api-removed-after-deprecation", pointer, "\(o.displayName) was removed after deprecation" + (sunset.map { " (sunset \($0))" } ?? ""),
                 old: o.location, new: nil)
        }
    }

    mutating func compareOperation(_ o: SpecOperation, _ n: SpecOperation) {
        let pointer = operationPointer(n)
        if !o.deprecated && n.deprecated {
            emit("api-deprecated", pointer, "\(n.displayName) is now deprecated", old: o.location, new: n.location)
        }
        compareSecurity(o, n, pointer: pointer)
        compareParameters(o, n, pointer: pointer)
        compareRequestBody(o.requestBody, n.requestBody, pointer: pointer + "/requestBody", oldOp: o, newOp: n)
        compareResponses(o, n, pointer: pointer + "/responses")
    }

    // MARK: Security

    mutating func compareSecurity(_ o: SpecOperation, _ n: SpecOperation, pointer: String) {
        let before = (o.security ?? old.security ?? []).map { Dictionary($0.schemes.map { ($0.name, Set($0.scopes)) }, uniquingKeysWith: { a, b in a.union(b) }) }
        let after = (n.security ?? new.security ?? []).map { Dictionary($0.schemes.map { ($0.name, Set($0.scopes)) }, uniquingKeysWith: { a, b in a.union(b) }) }
        let location = n.location
        func describe(_ alternative: [String: Set<String>]) -> String {
            alternative.keys.sorted().joined(separator: " + ")
        }
        // An empty alternative (`{}`) or no requirements at all: anonymous calls are allowed.
        let beforeAnonymous = before.isEmpty || before.contains { $0.isEmpty }
        let afterAnonymous = after.isEmpty || after.contains { $0.isEmpty }
        if beforeAnonymous && !afterAnonymous {
            emit("api-security-added", pointer + "/security", "\(n.displayName) now requires \(after.map(describe).joined(separator: " or "))",
                 old: o.location, new: location)
            return
        }
        if !beforeAnonymous && afterAnonymous {
            emit("api-security-removed", pointer + "/security", "\(n.displayName) no longer requires authentication", old: o.location, new: location)
            return
        }
        for alternative in before where !alternative.isEmpty {
            // Clients that satisfied `alternative` still pass if some new alternative needs no more schemes.
            let candidates = after.filter { Set($0.keys).isSubset(of: Set(alternative.keys)) }
            guard !candidates.isEmpty else {
                emit("api-security-added", pointer + "/security",
                     "clients authenticating with \(describe(alternative)) no longer satisfy \(after.map(describe).joined(separator: " or "))",
                     old: o.location, new: location)
                continue
            }
            let fits = candidates.contains { c in c.allSatisfy { name, scopes in scopes.isSubset(of: alternative[name] ?? []) } }
            if !fits, let c = candidates.first {
                let extra = c.flatMap { name, scopes in scopes.subtracting(alternative[name] ?? []).map { "\(name):\($0)" } }.sorted()
                emit("api-security-scope-added", pointer + "/security", "\(n.displayName) now needs scope \(extra.joined(separator: ", "))",
                     old: o.location, new: location)
            }
        }
        for alternative in after where !alternative.isEmpty && !before.contains(where: { Set($0.keys) == Set(alternative.keys) }) {
            if before.contains(where: { Set(alternative.keys).isSubset(of: Set($0.keys)) && Set($0.keys) != Set(alternative.keys) }) {
                emit("api-security-removed", pointer + "/security", "\(n.displayName) accepts \(describe(alternative)) alone", old: o.location, new: location)
            }
        }
    }
}
