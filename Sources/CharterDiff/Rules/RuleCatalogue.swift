/// Every rule the diff applies, as data built from the rule families: the engine reports `RuleID`s, the CLI
/// lists the catalogue (`generate diff --list-rules`), level files and ignore lists are checked against it,
/// and `docs/diff-rules.md` renders from it.
public enum RuleCatalogue {
    public static let all: [Rule] = {
        var rules: [Rule] = []
        for r in OperationRule.allCases { rules.append(Rule(ruleID: .operation(r), level: r.level, direction: .operation, description: r.description)) }
        for r in ParameterRule.allCases { rules.append(Rule(ruleID: .parameter(r), level: r.level, direction: .request, description: r.description)) }
        for r in BodyRule.allCases { rules.append(Rule(ruleID: .body(r), level: r.level, direction: r.direction, description: r.description)) }
        for r in PropertyRule.allCases { rules.append(Rule(ruleID: .property(r), level: r.level, direction: r.direction, description: r.description)) }
        for direction in [Direction.request, .response] {
            for r in SchemaRule.allCases {
                for place in SchemaSubject.Place.allCases where r.places(direction).contains(place) && place.exists(in: direction) {
                    guard let level = r.level(direction, place: place) else { continue }
                    let subject = SchemaSubject(direction, place)
                    rules.append(Rule(ruleID: .schema(r, subject), level: level, direction: direction, description: r.description(subject.noun)))
                }
            }
        }
        for r in ComponentRule.allCases { rules.append(Rule(ruleID: .component(r), level: r.level, direction: .operation, description: r.description)) }
        return rules
    }()

    /// The rule with this id.
    public static func rule(_ id: String) -> Rule? { byID[id] }

    static let byID: [String: Rule] = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    static let byRuleID: [RuleID: Rule] = Dictionary(all.map { ($0.ruleID, $0) }, uniquingKeysWith: { a, _ in a })

    /// The default level of a rule the engine reports.
    static func level(_ id: RuleID) -> Level { byRuleID[id]?.level ?? .warning }
}

extension SchemaSubject.Place {
    /// Parameters travel only in requests, response headers only in responses.
    func exists(in direction: Direction) -> Bool {
        switch self {
        case .parameter, .parameterProperty, .headerProperty: direction == .request
        case .header: direction == .response
        case .body, .property: true
        }
    }
}

extension SchemaSubject {
    /// How descriptions name the subject.
    var noun: String {
        let side = direction == .response ? "response" : "request"
        switch place {
        case .body: return "The \(side) body"
        case .property: return "A \(side) property (or array item)"
        case .parameter: return "A parameter"
        case .parameterProperty: return "A property of an object parameter"
        case .header: return "A response header"
        case .headerProperty: return "A property of an object header parameter"
        }
    }
}
