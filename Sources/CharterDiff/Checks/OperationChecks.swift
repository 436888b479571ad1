import CharterSpec
import Foundation

/// Operations and webhooks: pairing, removal, lifecycle (deprecation, sunset, stability), ids and tags.
extension DiffRun {
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

    /// Whether the options' path and tag filters keep an operation.
    func selected(_ op: SpecOperation) -> Bool {
        if !options.tags.isEmpty && options.tags.isDisjoint(with: op.tags) { return false }
        if let pattern = options.matchPath, op.path.range(of: pattern, options: .regularExpression) == nil { return false }
        if let pattern = options.excludePath, op.path.range(of: pattern, options: .regularExpression) != nil { return false }
        return true
    }

    mutating func compareOperations() {
        let newOperations = new.operations.map(\.operation)
        let oldOperations = old.operations.map(\.operation)
        let partner = Self.pairs(old: oldOperations, new: newOperations)
        let newTemplates = Set(new.paths.map { PathKey.normalized($0.path) })
        for (i, o) in oldOperations.enumerated() {
            let n = partner[i].map { newOperations[$0] }
            guard selected(o) || n.map(selected) == true else { continue }
            walk.startOperation()
            let before = findings.count
            if let n {
                operation = n.displayName
                compareOperation(o, n)
            } else {
                operation = o.displayName
                operationRemoved(o, pathRemains: newTemplates.contains(PathKey.normalized(o.path)))
            }
            exempt(o, from: before)
        }
        let matched = Set(partner.values)
        for (j, n) in newOperations.enumerated() where !matched.contains(j) && selected(n) {
            operation = n.displayName
            emit(.operation(.endpointAdded), operationPointer(n), "\(n.displayName) was added", old: nil, new: n.location)
        }
    }

    /// Operations the old spec marked `x-stability-level: draft` or `alpha` promise nothing: their findings are
    /// reported, but as info (the stability rules themselves keep their level).
    mutating func exempt(_ o: SpecOperation, from start: Int) {
        guard let level = Stability(o.extensions["x-stability-level"]), level < .beta else { return }
        for i in start..<findings.count where findings[i].level > .info {
            if case .operation(let r) = findings[i].kind, [.apiStabilityDecreased, .apiInvalidStabilityLevel].contains(r) { continue }
            findings[i].level = .info
            findings[i].message += " (the operation was \(level.name): no compatibility promised)"
        }
    }

    func operationPointer(_ op: SpecOperation) -> String {
        "/paths/" + pointerToken(op.path) + "/" + methodPointer(op.method)
    }

    mutating func operationRemoved(_ o: SpecOperation, pathRemains: Bool) {
        let pointer = operationPointer(o)
        let sunset = Sunset(o.extensions["x-sunset"])
        let rule: OperationRule
        var message = "\(o.displayName) was removed"
        if !o.deprecated {
            rule = pathRemains ? .apiRemovedWithoutDeprecation : .apiPathRemovedWithoutDeprecation
            message += " without being deprecated first"
        } else if case .invalid(let text)? = sunset {
            rule = .apiPathSunsetParse
            message += " with an x-sunset '\(text)' that is not a date"
        } else if case .date(let day)? = sunset, day > today {
            rule = pathRemains ? .apiRemovedBeforeSunset : .apiPathRemovedBeforeSunset
            message += " before its sunset date \(day)"
        } else {
            rule = pathRemains ? .apiRemovedWithDeprecation : .apiPathRemovedWithDeprecation
            message += " after deprecation"
            if case .date(let day)? = sunset { message += " (sunset \(day))" }
        }
        emit(.operation(rule), pointer, message, old: o.location, new: nil)
    }

    mutating func compareOperation(_ o: SpecOperation, _ n: SpecOperation) {
        let pointer = operationPointer(n)
        stability = Stability(n.extensions["x-stability-level"])
        compareLifecycle(o, n, pointer: pointer)
        // An empty operationId is none (generators write `operationId: ''` for "unset").
        let hadID = !o.operationIdSynthesized && !o.operationId.isEmpty, hasID = !n.operationIdSynthesized && !n.operationId.isEmpty
        if hadID && (!hasID || o.operationId != n.operationId) {
            emit(.operation(.apiOperationIdRemoved), pointer + "/operationId",
                 "operationId \(o.operationId) was \(hasID ? "renamed to \(n.operationId)" : "removed")", old: o.location, new: n.location)
        } else if !hadID && hasID {
            emit(.operation(.apiOperationIdAdded), pointer + "/operationId", "operationId \(n.operationId) was added", old: o.location, new: n.location)
        }
        for tag in o.tags where !n.tags.contains(tag) {
            emit(.operation(.apiTagRemoved), pointer + "/tags", "tag \(tag) was removed", old: o.location, new: n.location)
        }
        for tag in n.tags where !o.tags.contains(tag) {
            emit(.operation(.apiTagAdded), pointer + "/tags", "tag \(tag) was added", old: o.location, new: n.location)
        }
        compareSecurity(o, n, pointer: pointer)
        compareParameters(o, n, pointer: pointer)
        compareRequestBody(o.requestBody, n.requestBody, pointer: pointer + "/requestBody", oldOp: o, newOp: n)
        compareResponses(o, n, pointer: pointer + "/responses")
    }

    /// Deprecation, `x-sunset` and `x-stability-level` of a matched operation.
    mutating func compareLifecycle(_ o: SpecOperation, _ n: SpecOperation, pointer: String) {
        let oldSunset = Sunset(o.extensions["x-sunset"]), newSunset = Sunset(n.extensions["x-sunset"])
        let (at, was) = (n.location, o.location)
        if !o.deprecated && n.deprecated {
            if case .date(let day)? = newSunset {
                emit(.operation(.endpointDeprecatedWithSunset), pointer, "\(n.displayName) is now deprecated, sunset \(day)", old: was, new: at)
            } else {
                emit(.operation(.endpointDeprecated), pointer, "\(n.displayName) is now deprecated", old: was, new: at)
            }
            checkSunset(newSunset, pointer: pointer + "/x-sunset", what: n.displayName, old: was, new: at,
                        missing: .operation(.apiDeprecatedSunsetMissing), tooSoon: .operation(.apiSunsetDateTooSmall))
        } else if o.deprecated && !n.deprecated {
            emit(.operation(.endpointReactivated), pointer, "\(n.displayName) is no longer deprecated", old: was, new: at)
        } else if o.deprecated && n.deprecated {
            compareSunsets(oldSunset, newSunset, pointer: pointer + "/x-sunset", what: n.displayName, old: was, new: at,
                           deleted: .operation(.sunsetDeleted), earlier: .operation(.apiSunsetDateChangedTooSmall))
        }
        if n.deprecated, case .invalid(let text)? = newSunset, !o.deprecated || oldSunset != newSunset {
            emit(.operation(.apiDeprecatedSunsetParse), pointer + "/x-sunset", "x-sunset '\(text)' of \(n.displayName) is not a date (YYYY-MM-DD)", old: was, new: at)
        }
        let oldNode = o.extensions["x-stability-level"], newNode = n.extensions["x-stability-level"]
        let oldLevel = Stability(oldNode), newLevel = Stability(newNode)
        if let newNode, newLevel == nil {
            emit(.operation(.apiInvalidStabilityLevel), pointer + "/x-stability-level",
                 "x-stability-level \(newNode.text ?? newNode.kindDescription) is not draft, alpha, beta or stable", old: was, new: at)
        } else if let oldLevel, let newLevel, oldLevel != newLevel {
            emit(.operation(newLevel < oldLevel ? .apiStabilityDecreased : .apiStabilityIncreased), pointer + "/x-stability-level",
                 "x-stability-level went from \(oldLevel.name) to \(newLevel.name)", old: was, new: at)
        }
    }

    /// A deprecation's sunset against the policy's least number of days (nothing to check at 0).
    mutating func checkSunset(_ sunset: Sunset?, pointer: String, what: String, old: SourceLocation?, new: SourceLocation?,
                              missing: RuleID, tooSoon: RuleID) {
        let days = options.deprecationDays(stability)
        guard days > 0 else { return }
        guard let sunset else {
            emit(missing, pointer, "\(what) was deprecated without an x-sunset date (at least \(days) days are required)", old: old, new: new)
            return
        }
        guard case .date(let day) = sunset, let earliest = Sunset.adding(days, to: today) else { return }
        if day < earliest {
            emit(tooSoon, pointer, "\(what)'s sunset \(day) is sooner than \(days) days from \(today)", old: old, new: new)
        }
    }

    /// Two versions of a still-deprecated thing's sunset: deleted, or moved earlier.
    mutating func compareSunsets(_ o: Sunset?, _ n: Sunset?, pointer: String, what: String, old: SourceLocation?, new: SourceLocation?,
                                 deleted: RuleID, earlier: RuleID) {
        guard case .date(let before)? = o else { return }
        guard let n else {
            emit(deleted, pointer, "the x-sunset \(before) of \(what) was removed", old: old, new: new)
            return
        }
        if case .date(let after) = n, after < before {
            emit(earlier, pointer, "the x-sunset of \(what) moved from \(before) to \(after)", old: old, new: new)
        }
    }

    // MARK: Webhooks

    /// Webhooks match by name and method; their payloads are compared as responses (the API sends them).
    mutating func compareWebhooks() {
        comparingWebhook = true
        stability = nil
        defer { comparingWebhook = false }
        func operations(_ document: Document) -> [(key: String, name: String, op: SpecOperation)] {
            document.webhooks.flatMap { name, item in item.operations.map { (name + " " + $0.method.rawValue, name, $0) } }
        }
        let newByKey = Dictionary(operations(new).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let oldKeys = Set(operations(old).map(\.key))
        for (key, name, o) in operations(old) {
            walk.startOperation()
            operation = "\(o.method.wireName) webhook \(name)"
            let pointer = "/webhooks/" + pointerToken(name) + "/" + methodPointer(o.method)
            guard let (_, _, n) = newByKey[key] else {
                emit(.operation(.webhookRemoved), pointer, "webhook \(name) is no longer sent", old: o.location, new: nil)
                continue
            }
            compareRequestBody(o.requestBody, n.requestBody, pointer: pointer + "/requestBody", oldOp: o, newOp: n)
            compareResponses(o, n, pointer: pointer + "/responses")
        }
        for (key, name, n) in operations(new) where !oldKeys.contains(key) {
            operation = "\(n.method.wireName) webhook \(name)"
            emit(.operation(.webhookAdded), "/webhooks/" + pointerToken(name) + "/" + methodPointer(n.method), "webhook \(name) was added", old: nil, new: n.location)
        }
    }
}

/// `x-stability-level`, in the order of its promise.
enum Stability: Int, Comparable {
    case draft, alpha, beta, stable

    init?(_ node: Node?) {
        switch node?.text?.lowercased() {
        case "draft": self = .draft
        case "alpha": self = .alpha
        case "beta": self = .beta
        case "stable": self = .stable
        default: return nil
        }
    }

    var name: String { ["draft", "alpha", "beta", "stable"][rawValue] }
    static func < (a: Stability, b: Stability) -> Bool { a.rawValue < b.rawValue }
}

/// An `x-sunset` value: a date (`2026-12-31`, or the date part of an RFC 3339 timestamp), or text that is not one.
enum Sunset: Equatable {
    case date(String)
    case invalid(String)

    init?(_ node: Node?) {
        guard let node else { return nil }
        let text = node.text ?? node.kindDescription
        let day = String(text.prefix(10))
        self = Self.dayNumber(day) != nil ? .date(day) : .invalid(text)
    }

    /// Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian), or nil.
    static func dayNumber(_ s: String) -> Int? {
        let parts = s.split(separator: "-")
        guard s.count == 10, parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// `YYYY-MM-DD` of the day `days` after `date`.
    static func adding(_ days: Int, to date: String) -> String? {
        guard let start = dayNumber(date) else { return nil }
        let z = start + days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return String(format: "%04d", y) + "-" + two(m) + "-" + two(d)
    }
}
