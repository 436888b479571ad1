import CharterSpec

/// Properties of object schemas (after `allOf` folding): added, removed, required, readOnly/writeOnly, lifecycle.
///
/// readOnly properties are never sent in requests and writeOnly ones never returned, so their changes are
/// informational in that direction; a property's deprecation and `x-sunset` soften its removal.
extension DiffRun {
    mutating func compareProperties(_ o: SchemaView, _ n: SchemaView, _ context: SchemaContext, depth: Int) {
        guard !o.properties.isEmpty || !n.properties.isEmpty else { return }
        let request = context.direction == .request
        let newProperties = Dictionary(n.properties.map { ($0.name, $0.schema) }, uniquingKeysWith: { a, _ in a })
        for (name, os) in o.properties {
            let inner = context.nested("/properties/" + pointerToken(name), field: name)
            let was = Flags(oldTable, os), wasRequired = o.required.contains(name)
            guard let ns = newProperties[name] else {
                propertyRemoved(was, required: wasRequired, inner, at: (os, n.id))
                continue
            }
            let now = Flags(newTable, ns), isRequired = n.required.contains(name)
            let at: Spot = (os, ns)
            compareAccess(was, now, required: wasRequired, inner, at: at)
            // Not sent (requests) or not returned (responses) on either side: nothing else about it matters.
            let hidden = request ? (was.readOnly || now.readOnly) : (was.writeOnly || now.writeOnly)
            if wasRequired != isRequired {
                let rule: PropertyRule
                if request && isRequired && inner.place == .headerProperty {
                    rule = .requestHeaderPropertyBecameRequired
                } else if request {
                    rule = isRequired ? (now.hasDefault ? .requestPropertyBecameRequiredWithDefault : .requestPropertyBecameRequired) : .requestPropertyBecameOptional
                } else if now.writeOnly {
                    rule = isRequired ? .responseWriteOnlyPropertyBecameRequired : .responseWriteOnlyPropertyBecameOptional
                } else {
                    rule = isRequired ? .responsePropertyBecameRequired : .responsePropertyBecameOptional
                }
                if !(request && hidden) { property(rule, inner, "became \(isRequired ? "required" : "optional")", at) }
            }
            if !was.deprecated && now.deprecated {
                if case .date(let day)? = now.sunset {
                    property(request ? .requestPropertyDeprecatedWithSunset : .responsePropertyDeprecatedWithSunset, inner, "is now deprecated, sunset \(day)", at)
                } else {
                    property(request ? .requestPropertyDeprecated : .responsePropertyDeprecated, inner, "is now deprecated", at)
                }
                propertySunset(now.sunset, request: request, inner, at)
            } else if was.deprecated && !now.deprecated {
                property(request ? .requestPropertyReactivated : .responsePropertyReactivated, inner, "is no longer deprecated", at)
            }
            if let a = was.stability, let b = now.stability, b < a {
                property(request ? .requestPropertyStabilityDecreased : .responsePropertyStabilityDecreased, inner,
                         "x-stability-level went from \(a.name) to \(b.name)", at)
            }
            if !hidden { compareSchema(os, ns, inner, depth: depth + 1) }
        }
        let oldNames = Set(o.properties.map(\.name))
        for (name, ns) in n.properties where !oldNames.contains(name) {
            let inner = context.nested("/properties/" + pointerToken(name), field: name)
            let now = Flags(newTable, ns), isRequired = n.required.contains(name)
            let at: Spot = (o.id, ns)
            if request {
                if now.readOnly { continue }
                let rule: PropertyRule = isRequired
                    ? (inner.place == .headerProperty ? .newRequiredRequestHeaderProperty
                        : now.hasDefault ? .newRequiredRequestPropertyWithDefault : .newRequiredRequestProperty)
                    : .newOptionalRequestProperty
                property(rule, inner, "was added (\(isRequired ? "required" : "optional"))", at)
            } else {
                let rule: PropertyRule = now.writeOnly
                    ? (isRequired ? .responseRequiredWriteOnlyPropertyAdded : .responseOptionalWriteOnlyPropertyAdded)
                    : (isRequired ? .responseRequiredPropertyAdded : .responseOptionalPropertyAdded)
                property(rule, inner, "was added (\(isRequired ? "always returned" : "optional"))", at)
            }
        }
    }

    /// What a property's own schema (or the one it references) says about its access and lifecycle.
    struct Flags {
        var readOnly: Bool
        var writeOnly: Bool
        var deprecated: Bool
        var hasDefault: Bool
        var sunset: Sunset?
        var stability: Stability?

        init(_ document: SchemaTable, _ id: SchemaID) {
            let own = document[id], s = document[document.resolved(id)]
            readOnly = own.readOnly || s.readOnly
            writeOnly = own.writeOnly || s.writeOnly
            deprecated = own.deprecated || s.deprecated
            hasDefault = own.defaultValue != nil || s.defaultValue != nil
            // Most schemas have no extensions: skip the lookups (a hash of the key each) for them.
            if own.extensions.isEmpty && s.extensions.isEmpty {
                sunset = nil
                stability = nil
            } else {
                sunset = Sunset(own.extensions["x-sunset"] ?? s.extensions["x-sunset"])
                stability = Stability(own.extensions["x-stability-level"] ?? s.extensions["x-stability-level"])
            }
        }
    }

    /// A property's new deprecation against the policy's least number of days, and its x-sunset's form.
    private mutating func propertySunset(_ sunset: Sunset?, request: Bool, _ context: SchemaContext, _ at: Spot) {
        if case .invalid(let text)? = sunset {
            property(request ? .requestPropertyDeprecatedSunsetInvalid : .responsePropertyDeprecatedSunsetInvalid, context,
                     "has an x-sunset '\(text)' that is not a date (YYYY-MM-DD)", at)
            return
        }
        guard options.deprecationDays > 0 else { return }
        guard case .date(let day)? = sunset else {
            property(request ? .requestPropertyDeprecatedSunsetMissing : .responsePropertyDeprecatedSunsetMissing, context,
                     "was deprecated without an x-sunset date (at least \(options.deprecationDays) days are required)", at)
            return
        }
        if let earliest = Sunset.adding(options.deprecationDays, to: today), day < earliest {
            property(request ? .requestPropertySunsetDateTooSmall : .responsePropertySunsetDateTooSmall, context,
                     "has a sunset \(day) sooner than \(options.deprecationDays) days from \(today)", at)
        }
    }

    private mutating func property(_ rule: PropertyRule, _ context: SchemaContext, _ detail: String, _ at: Spot) {
        let field = context.field
        emit(.property(rule), context.path, Finding.subject(field) + " " + detail, field: field, detail: detail,
             old: oldTable[at.0].location, new: newTable[at.1].location)
    }

    private mutating func propertyRemoved(_ was: Flags, required: Bool, _ context: SchemaContext, at: Spot) {
        if context.direction == .request {
            if was.readOnly { return }
            property(was.deprecated ? .requestPropertyRemovedWithDeprecation : .requestPropertyRemoved, context,
                     "was removed from the request\(was.deprecated ? " (it was deprecated)" : "")", at)
            return
        }
        let rule: PropertyRule
        if was.writeOnly {
            rule = required ? .responseRequiredWriteOnlyPropertyRemoved : .responseOptionalWriteOnlyPropertyRemoved
        } else if was.deprecated, !(Self.sunsetAhead(was.sunset, today: today)) {
            rule = .responsePropertyRemovedWithDeprecation
        } else {
            rule = required ? .responseRequiredPropertyRemoved : .responseOptionalPropertyRemoved
        }
        property(rule, context, "was removed from the response\(required && rule == .responseRequiredPropertyRemoved ? " (every response carried it)" : "")", at)
    }

    static func sunsetAhead(_ sunset: Sunset?, today: String) -> Bool {
        if case .date(let day)? = sunset { return day > today }
        return false
    }

    /// readOnly and writeOnly turned on or off.
    private mutating func compareAccess(_ was: Flags, _ now: Flags, required: Bool, _ context: SchemaContext, at: Spot) {
        let request = context.direction == .request
        func rule(_ readOnly: Bool, on: Bool) -> PropertyRule {
            switch (request, required, readOnly, on) {
            case (true, false, true, true): .requestOptionalPropertyBecameReadOnly
            case (true, false, true, false): .requestOptionalPropertyBecameNotReadOnly
            case (true, false, false, true): .requestOptionalPropertyBecameWriteOnly
            case (true, false, false, false): .requestOptionalPropertyBecameNotWriteOnly
            case (true, true, true, true): .requestRequiredPropertyBecameReadOnly
            case (true, true, true, false): .requestRequiredPropertyBecameNotReadOnly
            case (true, true, false, true): .requestRequiredPropertyBecameWriteOnly
            case (true, true, false, false): .requestRequiredPropertyBecameNotWriteOnly
            case (false, false, true, true): .responseOptionalPropertyBecameReadOnly
            case (false, false, true, false): .responseOptionalPropertyBecameNotReadOnly
            case (false, false, false, true): .responseOptionalPropertyBecameWriteOnly
            case (false, false, false, false): .responseOptionalPropertyBecameNotWriteOnly
            case (false, true, true, true): .responseRequiredPropertyBecameReadOnly
            case (false, true, true, false): .responseRequiredPropertyBecameNotReadOnly
            case (false, true, false, true): .responseRequiredPropertyBecameWriteOnly
            case (false, true, false, false): .responseRequiredPropertyBecameNotWriteOnly
            }
        }
        if was.readOnly != now.readOnly {
            property(rule(true, on: now.readOnly), context, now.readOnly ? "became readOnly" : "is no longer readOnly", at)
        }
        if was.writeOnly != now.writeOnly {
            property(rule(false, on: now.writeOnly), context, now.writeOnly ? "became writeOnly" : "is no longer writeOnly", at)
        }
    }
}
