import CharterSpec

/// Parameters of a matched operation: matched by location and name (path parameters by position).
extension DiffRun {
    /// `in:name`, with header names folded (HTTP header names are case-insensitive).
    static func parameterKey(_ p: Parameter) -> String {
        p.location.rawValue + ":" + (p.location == .header ? p.name.lowercased() : p.name)
    }

    mutating func compareParameters(_ o: SpecOperation, _ n: SpecOperation, pointer: String) {
        // Path parameters match by position: `/users/{id}` and `/users/{userId}` name the same segment.
        let renamed = Dictionary(zip(PathKey.parameterNames(o.path), PathKey.parameterNames(n.path)).map { ($0, $1) }, uniquingKeysWith: { a, _ in a })
        func key(_ p: Parameter, old: Bool) -> String {
            if old, p.location == .path, let name = renamed[p.name] { return "path:" + name }
            return Self.parameterKey(p)
        }
        var newByKey: [String: (Int, Parameter)] = [:]
        for (i, p) in n.parameters.enumerated() { newByKey[key(p, old: false)] = (i, p) }
        var seen: Set<String> = []
        for op in o.parameters {
            let k = key(op, old: true)
            let label = "\(op.location.rawValue) parameter '\(op.name)'"
            guard let (index, np) = newByKey[k] else {
                parameterRemoved(op, label: label, pointer: pointer, newAt: n.location)
                continue
            }
            seen.insert(k)
            compareParameter(op, np, at: pointer + "/parameters/\(index)")
        }
        // Parameters the new path item declares for all its operations (the path itself existed: the operation did).
        let pathLevel = Set((new.paths.first { $0.path == n.path }?.parameters ?? []).map(Self.parameterKey))
        for (i, np) in n.parameters.enumerated() where !seen.contains(key(np, old: false)) {
            let at = pointer + "/parameters/\(i)"
            let rule: ParameterRule = pathLevel.contains(Self.parameterKey(np))
                ? (np.required ? .newRequiredRequestDefaultParameterToExistingPath : .newOptionalRequestDefaultParameterToExistingPath)
                : np.required ? .newRequiredRequestParameter : .newOptionalRequestParameter
            emit(.parameter(rule), at, "\(np.required ? "required" : "optional") \(np.location.rawValue) parameter '\(np.name)' was added",
                 old: o.location, new: np.sourceLocation)
        }
    }

    private mutating func parameterRemoved(_ op: Parameter, label: String, pointer: String, newAt: SourceLocation) {
        if op.deprecated {
            let sunset = Sunset(op.extensions["x-sunset"])
            if case .invalid(let text)? = sunset {
                emit(.parameter(.requestParameterSunsetParse), pointer + "/parameters", "deprecated \(label) with an x-sunset '\(text)' that is not a date was removed",
                     old: op.sourceLocation, new: newAt)
            } else if case .date(let day)? = sunset, day > today {
                emit(.parameter(.requestParameterRemovedBeforeSunset), pointer + "/parameters", "\(label) was removed before its sunset date \(day)",
                     old: op.sourceLocation, new: newAt)
            } else {
                emit(.parameter(.requestParameterRemovedWithDeprecation), pointer + "/parameters", "deprecated \(label) was removed",
                     old: op.sourceLocation, new: newAt)
            }
        } else {
            emit(.parameter(.requestParameterRemoved), pointer + "/parameters", "\(label) was removed", old: op.sourceLocation, new: newAt)
        }
    }

    private mutating func compareParameter(_ op: Parameter, _ np: Parameter, at: String) {
        let label = "\(np.location.rawValue) parameter '\(np.name)'"
        let (was, now) = (op.sourceLocation, np.sourceLocation)
        if op.isAssumed && !np.isAssumed {
            // The reference tool's view of an undeclared path parameter: the revision adds it.
            emit(.parameter(.newRequestPathParameter), at, "path parameter '\(np.name)' was added (the old spec did not declare it)", old: was, new: now)
        }
        if !op.required && np.required {
            emit(.parameter(.requestParameterBecameRequired), at, "\(label) became required", old: was, new: now)
        } else if op.required && !np.required {
            emit(.parameter(.requestParameterBecameOptional), at, "\(label) became optional", old: was, new: now)
        }
        if op.style != np.style || op.explode != np.explode {
            emit(.parameter(.requestParameterStyleChanged), at,
                 "\(label) is serialized as \(np.style.rawValue)\(np.explode ? " (exploded)" : "") instead of \(op.style.rawValue)\(op.explode ? " (exploded)" : "")",
                 old: was, new: now)
        }
        if !op.deprecated && np.deprecated {
            emit(.parameter(.requestParameterDeprecated), at, "\(label) is now deprecated", old: was, new: now)
            checkSunset(Sunset(np.extensions["x-sunset"]), pointer: at + "/x-sunset", what: label, old: was, new: now,
                        missing: .parameter(.requestParameterDeprecatedSunsetMissing), tooSoon: .parameter(.requestParameterSunsetDateTooSmall))
        } else if op.deprecated && !np.deprecated {
            emit(.parameter(.requestParameterReactivated), at, "\(label) is no longer deprecated", old: was, new: now)
        } else if op.deprecated && np.deprecated {
            compareSunsets(Sunset(op.extensions["x-sunset"]), Sunset(np.extensions["x-sunset"]), pointer: at + "/x-sunset", what: label,
                           old: was, new: now, deleted: .parameter(.requestParameterSunsetDeleted),
                           earlier: .parameter(.requestParameterSunsetDateChangedTooSmall))
        }
        let os = op.schema ?? op.content.first?.schema
        let ns = np.schema ?? np.content.first?.schema
        compareSchema(os, ns, SchemaContext(direction: inbound, place: .parameter, path: at + "/schema", field: np.name,
                                                   inHeader: np.location == .header))
    }
}
