import CharterSpec

/// Security requirements of operations and of the document, and the security schemes in components.
extension DiffRun {
    typealias Alternative = [String: Set<String>]

    static func alternatives(_ requirements: [SecurityRequirement]) -> [Alternative] {
        requirements.map { Dictionary($0.schemes.map { ($0.name, Set($0.scopes)) }, uniquingKeysWith: { a, b in a.union(b) }) }
    }

    static func describe(_ alternative: Alternative) -> String {
        alternative.isEmpty ? "anonymous access" : alternative.keys.sorted().joined(separator: " + ")
    }

    /// An operation's own requirement, compared when either version declares one (a requirement both inherit
    /// from the document is compared once, as the global one).
    mutating func compareSecurity(_ o: SpecOperation, _ n: SpecOperation, pointer: String) {
        guard o.security != nil || n.security != nil else { return }
        let before = Self.alternatives(o.security ?? old.security ?? []), after = Self.alternatives(n.security ?? new.security ?? [])
        compareRequirements(before, after, pointer: pointer + "/security", what: n.displayName, old: o.location, new: n.location,
                            added: .operation(.apiSecurityAdded), removed: .operation(.apiSecurityRemoved),
                            scopeAdded: .operation(.apiSecurityScopeAdded), scopeRemoved: .operation(.apiSecurityScopeRemoved))
    }

    /// The document-wide requirement.
    mutating func compareGlobalSecurity() {
        let before = Self.alternatives(old.security ?? []), after = Self.alternatives(new.security ?? [])
        operation = "security"
        compareRequirements(before, after, pointer: "/security", what: "the API", old: old.location, new: new.location,
                            added: .operation(.apiGlobalSecurityAdded), removed: .operation(.apiGlobalSecurityRemoved),
                            scopeAdded: .operation(.apiGlobalSecurityScopeAdded), scopeRemoved: .operation(.apiGlobalSecurityScopeRemoved))
    }

    /// Alternatives (any one suffices) of schemes (all needed) with scopes: what a client that satisfied an old
    /// alternative meets now.
    mutating func compareRequirements(_ before: [Alternative], _ after: [Alternative], pointer: String, what: String,
                                      old: SourceLocation, new: SourceLocation,
                                      added: RuleID, removed: RuleID, scopeAdded: RuleID, scopeRemoved: RuleID) {
        // No requirement, or an empty alternative (`{}`): anonymous calls are allowed.
        let beforeAnonymous = before.isEmpty || before.contains { $0.isEmpty }
        let afterAnonymous = after.isEmpty || after.contains { $0.isEmpty }
        if beforeAnonymous && !afterAnonymous {
            emit(added, pointer, "\(what) now requires \(after.map(Self.describe).joined(separator: " or "))", old: old, new: new)
            return
        }
        if !beforeAnonymous && afterAnonymous {
            emit(removed, pointer, "\(what) no longer requires authentication", old: old, new: new)
            return
        }
        for alternative in before where !alternative.isEmpty {
            // Clients that satisfied `alternative` still pass if some new alternative needs no more schemes.
            let candidates = after.filter { Set($0.keys).isSubset(of: Set(alternative.keys)) }
            guard !candidates.isEmpty else {
                emit(added, pointer, "clients authenticating with \(Self.describe(alternative)) no longer satisfy \(after.map(Self.describe).joined(separator: " or "))",
                     old: old, new: new)
                continue
            }
            let fits = candidates.contains { c in c.allSatisfy { name, scopes in scopes.isSubset(of: alternative[name] ?? []) } }
            if !fits, let c = candidates.first {
                let extra = c.flatMap { name, scopes in scopes.subtracting(alternative[name] ?? []).map { "\(name):\($0)" } }.sorted()
                emit(scopeAdded, pointer, "\(what) now needs scope \(extra.joined(separator: ", "))", old: old, new: new)
            }
        }
        for alternative in after where !alternative.isEmpty && !before.contains(where: { $0 == alternative }) {
            let sameSchemes = before.filter { Set($0.keys) == Set(alternative.keys) }
            if !sameSchemes.isEmpty {
                // Fewer scopes than every old alternative of the same schemes that it does not include.
                let wider = sameSchemes.filter { b in alternative.allSatisfy { name, scopes in scopes.isSubset(of: b[name] ?? []) } }
                if let same = wider.first {
                    let dropped = same.flatMap { name, scopes in scopes.subtracting(alternative[name] ?? []).map { "\(name):\($0)" } }.sorted()
                    emit(scopeRemoved, pointer, "\(what) no longer needs scope \(dropped.joined(separator: ", "))", old: old, new: new)
                }
            } else if before.contains(where: { Set(alternative.keys).isSubset(of: Set($0.keys)) }) {
                emit(removed, pointer, "\(what) accepts \(Self.describe(alternative)) alone", old: old, new: new)
            }
        }
    }

    // MARK: Components

    mutating func compareComponents() {
        walk.startOperation()
        compareGlobalSecurity()
        operation = "components"
        let newSchemas = Set(new.components.schemas.map(\.name))
        for (name, id) in old.components.schemas where !newSchemas.contains(name) {
            emit(.component(.apiSchemaRemoved), "/components/schemas/" + pointerToken(name), "schema \(name) was removed from components",
                 old: oldTable[id].location, new: nil)
        }
        let newSchemes = Dictionary(new.components.securitySchemes.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        let oldNames = Set(old.components.securitySchemes.map(\.name))
        for (name, o) in old.components.securitySchemes {
            let at = "/components/securitySchemes/" + pointerToken(name)
            guard let n = newSchemes[name] else {
                emit(.component(.apiSecurityComponentRemoved), at, "security scheme \(name) was removed", old: o.location, new: nil)
                continue
            }
            compareScheme(name, o, n, pointer: at)
        }
        for (name, n) in new.components.securitySchemes where !oldNames.contains(name) {
            emit(.component(.apiSecurityComponentAdded), "/components/securitySchemes/" + pointerToken(name), "security scheme \(name) was added",
                 old: nil, new: n.location)
        }
    }

    private mutating func compareScheme(_ name: String, _ o: SecurityScheme, _ n: SecurityScheme, pointer: String) {
        func shape(_ kind: SecurityScheme.Kind) -> String {
            switch kind {
            case .apiKey(let key, let location): "apiKey \(key) in \(location.rawValue)"
            case .http(let scheme, _): "http \(scheme.lowercased())"
            case .oauth2: "oauth2"
            case .openIdConnect: "openIdConnect"
            case .mutualTLS: "mutualTLS"
            }
        }
        if shape(o.kind) != shape(n.kind) {
            emit(.component(.apiSecurityComponentTypeChanged), pointer, "security scheme \(name) changed from \(shape(o.kind)) to \(shape(n.kind))",
                 old: o.location, new: n.location)
            return
        }
        switch (o.kind, n.kind) {
        case (.openIdConnect(let a), .openIdConnect(let b)) where a != b:
            emit(.component(.apiSecurityComponentOauthUrlChanged), pointer, "security scheme \(name)'s OpenID Connect URL changed from \(a) to \(b)",
                 old: o.location, new: n.location)
        case (.oauth2(let before), .oauth2(let after)):
            let afterByKind = Dictionary(after.map { ($0.kind, $0) }, uniquingKeysWith: { a, _ in a })
            for flow in before {
                guard let other = afterByKind[flow.kind] else { continue }
                let at = pointer + "/flows/" + flow.kind.rawValue
                if flow.authorizationUrl != other.authorizationUrl {
                    emit(.component(.apiSecurityComponentOauthUrlChanged), at, "\(name) \(flow.kind.rawValue) authorization URL changed", old: o.location, new: n.location)
                }
                if flow.tokenUrl != other.tokenUrl {
                    emit(.component(.apiSecurityComponentOauthTokenUrlChanged), at, "\(name) \(flow.kind.rawValue) token URL changed", old: o.location, new: n.location)
                }
                let newScopes = Dictionary(other.scopes.map { ($0.name, $0.description) }, uniquingKeysWith: { a, _ in a })
                let oldScopes = Set(flow.scopes.map(\.name))
                for (scope, text) in flow.scopes {
                    if let newText = newScopes[scope] {
                        if newText != text {
                            emit(.component(.apiSecurityComponentOauthScopeChanged), at, "\(name) scope \(scope)'s description changed", old: o.location, new: n.location)
                        }
                    } else {
                        emit(.component(.apiSecurityComponentOauthScopeRemoved), at, "\(name) scope \(scope) was removed", old: o.location, new: n.location)
                    }
                }
                for (scope, _) in other.scopes where !oldScopes.contains(scope) {
                    emit(.component(.apiSecurityComponentOauthScopeAdded), at, "\(name) scope \(scope) was added", old: o.location, new: n.location)
                }
            }
        default:
            break
        }
    }
}
