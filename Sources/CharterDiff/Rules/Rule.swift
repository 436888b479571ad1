/// How bad a change is for existing clients.
public enum Level: String, Sendable, Comparable, CaseIterable, Codable {
    /// Not breaking: worth a changelog line.
    case info
    /// Possibly breaking: depends on what clients do (tolerant enum handling, extra fields sent …).
    case warning
    /// Breaking: a client written against the old spec fails against the new one.
    case error

    var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rank < rhs.rank }
}

/// Which way the data whose description changed travels.
public enum Direction: String, Sendable, Codable {
    /// Client → server: breaks when the server accepts less.
    case request
    /// Server → client: breaks when clients may receive what they do not expect, or miss what they relied on.
    case response
    /// The operation itself (paths, methods, security, lifecycle) or the document's components.
    case operation
}

/// One kind of change the diff reports: a stable id, its default level, the direction it concerns and what it
/// means.
public struct Rule: Sendable, Hashable {
    /// The rule as a typed value (what findings carry in `Finding.kind`).
    public let ruleID: RuleID
    /// Stable kebab-case id; oasdiff's id where oasdiff has the same rule, so ignore lists and level files carry over.
    public var id: String { ruleID.id }
    /// The default level (a level file may change it: `LevelOverrides`).
    public let level: Level
    /// Which way the described data travels.
    public let direction: Direction
    /// What the rule means, one sentence.
    public let description: String
    /// Whether the reference tool (oasdiff) has this rule under the same id and default level; false for the
    /// rules Charter adds (keywords the reference does not compare, serialization changes, softened removals).
    public var inReference: Bool { !ruleID.isCharterOnly }
}

/// A rule's identity as a value the compiler checks: the diff can only report a rule that exists.
///
/// Schema rules are composed from what changed (`SchemaRule`) and where the schema stands (`SchemaSubject`):
/// `request-body-max-decreased`, `request-property-max-decreased`, `request-parameter-max-decreased` are one
/// check reported under the id the reference tool gives each place. A place without an id of its own for a
/// change reports under the property id of its direction (see `SchemaSubject.reporting(_:)`).
public enum RuleID: Hashable, Sendable {
    case operation(OperationRule)
    case parameter(ParameterRule)
    case body(BodyRule)
    case property(PropertyRule)
    case schema(SchemaRule, SchemaSubject)
    case component(ComponentRule)

    /// The kebab-case id.
    public var id: String {
        switch self {
        case .operation(let r): r.rawValue
        case .parameter(let r): r.rawValue
        case .body(let r): r.rawValue
        case .property(let r): r.rawValue
        case .schema(let r, let s): s.prefix + r.rawValue
        case .component(let r): r.rawValue
        }
    }

    /// Rules Charter has and the reference catalogue does not.
    var isCharterOnly: Bool {
        switch self {
        case .parameter(let r): return r == .requestParameterStyleChanged
        case .body(let r): return r == .requestBodyEncodingChanged
        case .property(let r): return r == .requestPropertyRemovedWithDeprecation || r == .responsePropertyRemovedWithDeprecation
        case .schema(let r, let subject):
            switch r {
            case .additionalPropertiesDisallowed, .additionalPropertiesAllowed, .itemsBecameFalse, .maxPropertiesDecreased,
                 .minPropertiesIncreased, .multipleOfChanged, .notAdded, .notRemoved, .uniqueItemsAdded:
                return true
            case .maxItemsDecreased, .maxItemsIncreased: return subject.place != .parameter
            case .minItemsDecreased: return subject.place != .parameter && subject.direction == .request
            default: return false
            }
        case .operation, .component: return false
        }
    }

    /// The id's rule, when `id` names one in the catalogue.
    public init?(id: String) {
        guard let rule = RuleCatalogue.rule(id) else { return nil }
        self = rule.ruleID
    }
}

/// Where a compared schema stands: its direction and its place (a whole body, a property inside one, a
/// parameter, a property of an object parameter, a header).
public struct SchemaSubject: Hashable, Sendable {
    /// Where a schema stands: a whole body, a property (or array item) inside one, a parameter, a property of an
    /// object parameter, a response header, a property of an object header parameter.
    public enum Place: String, Hashable, Sendable, CaseIterable {
        case body, property, parameter, parameterProperty, header, headerProperty
    }

    public var direction: Direction
    public var place: Place

    public init(_ direction: Direction, _ place: Place) {
        self.direction = direction
        self.place = place
    }

    var prefix: String {
        let side = direction == .response ? "response-" : "request-"
        switch place {
        case .body: return side + "body-"
        case .property: return side + "property-"
        case .parameter: return side + "parameter-"
        case .parameterProperty: return side + "parameter-property-"
        case .header: return side + "header-"
        case .headerProperty: return side + "header-property-"
        }
    }

    /// The subject `rule` is reported under here: this place when the rule has an id for it, else the
    /// property id of the same direction (every schema rule has one for each direction it has a level in).
    func reporting(_ rule: SchemaRule) -> SchemaSubject {
        rule.places(direction).contains(place) && place.exists(in: direction) ? self : SchemaSubject(direction, .property)
    }
}
