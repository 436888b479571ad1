/// What changed in a schema, wherever it stands (see `SchemaSubject`): one case per keyword change, with a
/// level for each direction it matters in. A request schema breaks clients when the server accepts less; a
/// response schema when clients may receive what they did not expect.
public enum SchemaRule: String, Sendable, CaseIterable {
    case typeChanged = "type-changed"
    case typeGeneralized = "type-generalized"
    case typeSpecialized = "type-specialized"
    case listOfTypesNarrowed = "list-of-types-narrowed"
    case listOfTypesWidened = "list-of-types-widened"
    case becameNullable = "became-nullable"
    case becameNotNullable = "became-not-nullable"
    case enumValueRemoved = "enum-value-removed"
    case enumValueAdded = "enum-value-added"
    case becameEnum = "became-enum"
    case xExtensibleEnumValueRemoved = "x-extensible-enum-value-removed"
    case maxDecreased = "max-decreased"
    case maxIncreased = "max-increased"
    case maxSet = "max-set"
    case exclusiveMaxDecreased = "exclusive-max-decreased"
    case exclusiveMaxIncreased = "exclusive-max-increased"
    case exclusiveMaxSet = "exclusive-max-set"
    case minIncreased = "min-increased"
    case minDecreased = "min-decreased"
    case minSet = "min-set"
    case exclusiveMinIncreased = "exclusive-min-increased"
    case exclusiveMinDecreased = "exclusive-min-decreased"
    case exclusiveMinSet = "exclusive-min-set"
    case maxLengthDecreased = "max-length-decreased"
    case maxLengthIncreased = "max-length-increased"
    case maxLengthSet = "max-length-set"
    case maxLengthUnset = "max-length-unset"
    case minLengthIncreased = "min-length-increased"
    case minLengthDecreased = "min-length-decreased"
    case maxItemsDecreased = "max-items-decreased"
    case maxItemsIncreased = "max-items-increased"
    case minItemsIncreased = "min-items-increased"
    case minItemsDecreased = "min-items-decreased"
    case minItemsSet = "min-items-set"
    case minItemsUnset = "min-items-unset"
    case uniqueItemsAdded = "unique-items-added"
    case multipleOfChanged = "multiple-of-changed"
    case maxPropertiesDecreased = "max-properties-decreased"
    case minPropertiesIncreased = "min-properties-increased"
    case patternAdded = "pattern-added"
    case patternChanged = "pattern-changed"
    case patternRemoved = "pattern-removed"
    case defaultValueAdded = "default-value-added"
    case defaultValueRemoved = "default-value-removed"
    case defaultValueChanged = "default-value-changed"
    case constAdded = "const-added"
    case constRemoved = "const-removed"
    case constChanged = "const-changed"
    case additionalPropertiesDisallowed = "additional-properties-disallowed"
    case additionalPropertiesAllowed = "additional-properties-allowed"
    case wrappedInOneOf = "wrapped-in-one-of"
    case oneOfAdded = "one-of-added"
    case oneOfRemoved = "one-of-removed"
    case anyOfAdded = "any-of-added"
    case anyOfRemoved = "any-of-removed"
    case allOfAdded = "all-of-added"
    case allOfRemoved = "all-of-removed"
    case notAdded = "not-added"
    case notRemoved = "not-removed"
    case discriminatorAdded = "discriminator-added"
    case discriminatorRemoved = "discriminator-removed"
    case discriminatorPropertyNameChanged = "discriminator-property-name-changed"
    case discriminatorMappingAdded = "discriminator-mapping-added"
    case discriminatorMappingDeleted = "discriminator-mapping-deleted"
    case discriminatorMappingChanged = "discriminator-mapping-changed"
    case prefixItemsAdded = "prefix-items-added"
    case prefixItemsRemoved = "prefix-items-removed"
    case itemsBecameFalse = "items-became-false"
    case ifAdded = "if-added"
    case ifRemoved = "if-removed"
    case thenAdded = "then-added"
    case thenRemoved = "then-removed"
    case elseAdded = "else-added"
    case elseRemoved = "else-removed"
    case containsAdded = "contains-added"
    case containsRemoved = "contains-removed"
    case minContainsIncreased = "min-contains-increased"
    case minContainsDecreased = "min-contains-decreased"
    case maxContainsDecreased = "max-contains-decreased"
    case maxContainsIncreased = "max-contains-increased"
    case dependentRequiredAdded = "dependent-required-added"
    case dependentRequiredRemoved = "dependent-required-removed"
    case dependentRequiredChanged = "dependent-required-changed"
    case dependentSchemaAdded = "dependent-schema-added"
    case dependentSchemaRemoved = "dependent-schema-removed"
    case patternPropertyAdded = "pattern-property-added"
    case patternPropertyRemoved = "pattern-property-removed"
    case propertyNamesAdded = "property-names-added"
    case propertyNamesRemoved = "property-names-removed"
    case unevaluatedItemsAdded = "unevaluated-items-added"
    case unevaluatedItemsRemoved = "unevaluated-items-removed"
    case unevaluatedPropertiesAdded = "unevaluated-properties-added"
    case unevaluatedPropertiesRemoved = "unevaluated-properties-removed"
    case contentSchemaAdded = "content-schema-added"
    case contentSchemaRemoved = "content-schema-removed"
    case contentMediaTypeChanged = "content-media-type-changed"
    case contentEncodingChanged = "content-encoding-changed"

    /// The level in `direction`, or nil when the change does not matter that way (a response's maximum
    /// lowered narrows what clients receive: nothing to report). Parameters differ for defaults: a server
    /// fills an absent parameter with its default, so changing it changes what clients that omit it ask for.
    func level(_ direction: Direction, place: SchemaSubject.Place = .property) -> Level? {
        let (request, response) = levels
        if direction == .request, place == .parameter, [.defaultValueAdded, .defaultValueRemoved, .defaultValueChanged].contains(self) {
            return .error
        }
        if direction == .request, place == .parameterProperty, self == .typeChanged { return .warning }
        if direction == .request, place == .parameterProperty, self == .typeSpecialized { return .error }
        if self == .wrappedInOneOf { return place == .body ? .error : nil }
        return direction == .response ? response : request
    }

    /// (request, response) levels.
    private var levels: (Level?, Level?) {
        switch self {
        case .typeChanged, .constChanged, .dependentRequiredChanged, .wrappedInOneOf, .contentMediaTypeChanged, .contentEncodingChanged:
            (.error, .error)
        case .typeGeneralized, .listOfTypesWidened, .becameNullable, .maxIncreased, .exclusiveMaxIncreased, .minDecreased,
             .exclusiveMinDecreased, .maxLengthIncreased, .minLengthDecreased, .minItemsDecreased, .constRemoved, .oneOfAdded,
             .prefixItemsAdded, .ifRemoved, .thenRemoved, .elseRemoved, .containsRemoved, .minContainsDecreased, .maxContainsIncreased,
             .dependentRequiredRemoved, .dependentSchemaRemoved, .patternPropertyRemoved, .propertyNamesRemoved,
             .unevaluatedItemsRemoved, .unevaluatedPropertiesRemoved, .contentSchemaRemoved:
            (.info, .error)
        case .typeSpecialized:
            (nil, .info)
        case .maxLengthUnset, .minItemsUnset:
            (nil, .error)
        case .listOfTypesNarrowed, .becameNotNullable, .constAdded, .oneOfRemoved, .prefixItemsRemoved, .ifAdded, .thenAdded, .elseAdded,
             .containsAdded, .minContainsIncreased, .maxContainsDecreased, .dependentRequiredAdded, .dependentSchemaAdded,
             .patternPropertyAdded, .propertyNamesAdded, .unevaluatedItemsAdded, .unevaluatedPropertiesAdded, .contentSchemaAdded,
             .allOfAdded, .notAdded, .itemsBecameFalse:
            (.error, .info)
        case .enumValueRemoved:
            (.error, .info)
        case .enumValueAdded:
            (.info, .warning)
        case .becameEnum, .xExtensibleEnumValueRemoved, .maxDecreased, .exclusiveMaxDecreased, .minIncreased, .exclusiveMinIncreased,
             .maxLengthDecreased, .minLengthIncreased, .maxItemsDecreased, .minItemsIncreased, .uniqueItemsAdded, .multipleOfChanged,
             .maxPropertiesDecreased, .minPropertiesIncreased, .additionalPropertiesDisallowed:
            (.error, nil)
        case .maxSet, .exclusiveMaxSet, .minSet, .exclusiveMinSet, .maxLengthSet, .minItemsSet:
            (.warning, nil)
        case .maxItemsIncreased:
            (.info, nil)
        case .patternAdded:
            (.error, .info)
        case .patternChanged:
            (.warning, .info)
        case .patternRemoved, .defaultValueAdded, .defaultValueRemoved, .defaultValueChanged, .anyOfAdded, .discriminatorAdded,
             .discriminatorRemoved, .discriminatorPropertyNameChanged, .discriminatorMappingAdded, .discriminatorMappingDeleted,
             .discriminatorMappingChanged:
            (.info, .info)
        case .anyOfRemoved:
            (.error, .info)
        case .allOfRemoved:
            (.warning, .info)
        case .notRemoved:
            (.info, .error)
        case .additionalPropertiesAllowed:
            (nil, .info)
        }
    }

    /// The places with an id of their own in `direction`, besides `property`.
    func places(_ direction: Direction) -> Set<SchemaSubject.Place> {
        let request = direction != .response
        switch self {
        case .typeChanged, .typeGeneralized:
            return request ? [.property, .body, .parameter, .parameterProperty] : [.property, .body, .header]
        case .typeSpecialized:
            return request ? [.parameterProperty] : [.property, .body, .header]
        case .listOfTypesNarrowed, .listOfTypesWidened:
            return request ? [.property, .body, .parameter, .parameterProperty] : [.property, .body]
        case .becameNullable, .becameNotNullable:
            return request ? [.property, .body, .parameter, .parameterProperty] : [.property, .body, .header]
        case .enumValueRemoved:
            return request ? [.property, .body, .parameter, .parameterProperty] : [.property]
        case .enumValueAdded:
            return request ? [.property, .parameter, .parameterProperty] : [.property]
        case .becameEnum:
            return request ? [.property, .body, .parameter, .headerProperty] : [.property]
        case .xExtensibleEnumValueRemoved, .maxItemsDecreased, .maxItemsIncreased:
            return [.property, .parameter]
        case .maxDecreased, .maxIncreased, .maxSet, .exclusiveMaxDecreased, .exclusiveMaxIncreased, .exclusiveMaxSet,
             .minIncreased, .minDecreased, .minSet, .exclusiveMinIncreased, .exclusiveMinDecreased, .exclusiveMinSet,
             .maxLengthDecreased, .maxLengthIncreased, .maxLengthSet, .minLengthIncreased, .minLengthDecreased,
             .minItemsIncreased, .minItemsDecreased, .minItemsSet, .defaultValueAdded, .defaultValueRemoved, .defaultValueChanged:
            return [.property, .body, .parameter]
        case .patternAdded, .patternChanged, .patternRemoved:
            return [.property, .parameter]
        case .wrappedInOneOf:
            return [.body]
        case .uniqueItemsAdded, .multipleOfChanged, .maxPropertiesDecreased, .minPropertiesIncreased,
             .additionalPropertiesDisallowed, .additionalPropertiesAllowed, .notAdded, .notRemoved, .itemsBecameFalse:
            return [.property, .body, .parameter]
        default:
            return [.property, .body]
        }
    }

    /// What the rule means, about `subject` ("the request body", "a request property" …).
    func description(_ subject: String) -> String {
        switch self {
        case .typeChanged: "\(subject)'s type changed so that values valid before are not (or may not be) any more"
        case .typeGeneralized: "\(subject)'s type was widened (a number where an integer was, a format dropped or widened)"
        case .typeSpecialized: "\(subject)'s type was narrowed (an integer where a number was, a format added)"
        case .listOfTypesNarrowed: "\(subject)'s list of types lost a type"
        case .listOfTypesWidened: "\(subject)'s list of types gained a type"
        case .becameNullable: "\(subject) may now be null"
        case .becameNotNullable: "\(subject) may no longer be null"
        case .enumValueRemoved: "\(subject) lost an enum value"
        case .enumValueAdded: "\(subject) gained an enum value"
        case .becameEnum: "\(subject) became an enum (only listed values are valid)"
        case .xExtensibleEnumValueRemoved: "\(subject) lost an x-extensible-enum value"
        case .maxDecreased: "\(subject)'s maximum was lowered"
        case .maxIncreased: "\(subject)'s maximum was raised or removed"
        case .maxSet: "\(subject) gained a maximum where it had none"
        case .exclusiveMaxDecreased: "\(subject)'s exclusiveMaximum was lowered"
        case .exclusiveMaxIncreased: "\(subject)'s exclusiveMaximum was raised or removed"
        case .exclusiveMaxSet: "\(subject) gained an exclusiveMaximum where it had none"
        case .minIncreased: "\(subject)'s minimum was raised"
        case .minDecreased: "\(subject)'s minimum was lowered or removed"
        case .minSet: "\(subject) gained a minimum where it had none"
        case .exclusiveMinIncreased: "\(subject)'s exclusiveMinimum was raised"
        case .exclusiveMinDecreased: "\(subject)'s exclusiveMinimum was lowered or removed"
        case .exclusiveMinSet: "\(subject) gained an exclusiveMinimum where it had none"
        case .maxLengthDecreased: "\(subject)'s maxLength was lowered"
        case .maxLengthIncreased: "\(subject)'s maxLength was raised"
        case .maxLengthSet: "\(subject) gained a maxLength where it had none"
        case .maxLengthUnset: "\(subject)'s maxLength was removed"
        case .minLengthIncreased: "\(subject)'s minLength was raised (or set)"
        case .minLengthDecreased: "\(subject)'s minLength was lowered or removed"
        case .maxItemsDecreased: "\(subject)'s maxItems was lowered (or set)"
        case .maxItemsIncreased: "\(subject)'s maxItems was raised or removed"
        case .minItemsIncreased: "\(subject)'s minItems was raised"
        case .minItemsDecreased: "\(subject)'s minItems was lowered"
        case .minItemsSet: "\(subject) gained a minItems where it had none"
        case .minItemsUnset: "\(subject)'s minItems was removed"
        case .uniqueItemsAdded: "\(subject) now requires unique items"
        case .multipleOfChanged: "\(subject)'s multipleOf was set or changed to one the old values need not satisfy"
        case .maxPropertiesDecreased: "\(subject)'s maxProperties was lowered (or set)"
        case .minPropertiesIncreased: "\(subject)'s minProperties was raised (or set)"
        case .patternAdded: "\(subject) gained a pattern"
        case .patternChanged: "\(subject)'s pattern changed"
        case .patternRemoved: "\(subject)'s pattern was removed"
        case .defaultValueAdded: "\(subject) gained a default value"
        case .defaultValueRemoved: "\(subject)'s default value was removed"
        case .defaultValueChanged: "\(subject)'s default value changed"
        case .constAdded: "\(subject) gained a const (one value only)"
        case .constRemoved: "\(subject)'s const was removed"
        case .constChanged: "\(subject)'s const value changed"
        case .additionalPropertiesDisallowed: "\(subject) no longer accepts undeclared properties (or narrowed what they may be)"
        case .additionalPropertiesAllowed: "\(subject) may carry undeclared properties it could not before"
        case .wrappedInOneOf: "\(subject) became a oneOf holding what it was (clients must now tell the alternatives apart)"
        case .oneOfAdded: "\(subject) gained a oneOf alternative"
        case .oneOfRemoved: "\(subject) lost a oneOf alternative"
        case .anyOfAdded: "\(subject) gained an anyOf alternative"
        case .anyOfRemoved: "\(subject) lost an anyOf alternative"
        case .allOfAdded: "\(subject) gained an allOf member (more constraints)"
        case .allOfRemoved: "\(subject) lost an allOf member"
        case .notAdded: "\(subject) gained a not schema"
        case .notRemoved: "\(subject)'s not schema was removed"
        case .discriminatorAdded: "\(subject) gained a discriminator"
        case .discriminatorRemoved: "\(subject)'s discriminator was removed"
        case .discriminatorPropertyNameChanged: "\(subject)'s discriminator property changed"
        case .discriminatorMappingAdded: "\(subject)'s discriminator mapping gained a value"
        case .discriminatorMappingDeleted: "\(subject)'s discriminator mapping lost a value"
        case .discriminatorMappingChanged: "\(subject)'s discriminator mapping points a value at another schema"
        case .prefixItemsAdded: "\(subject) gained prefixItems (or a position)"
        case .prefixItemsRemoved: "\(subject) lost prefixItems (or a position)"
        case .itemsBecameFalse: "\(subject) no longer accepts items beyond its prefixItems"
        case .ifAdded: "\(subject) gained an if condition"
        case .ifRemoved: "\(subject)'s if condition was removed"
        case .thenAdded: "\(subject) gained a then schema"
        case .thenRemoved: "\(subject)'s then schema was removed"
        case .elseAdded: "\(subject) gained an else schema"
        case .elseRemoved: "\(subject)'s else schema was removed"
        case .containsAdded: "\(subject) gained a contains schema"
        case .containsRemoved: "\(subject)'s contains schema was removed"
        case .minContainsIncreased: "\(subject)'s minContains was raised"
        case .minContainsDecreased: "\(subject)'s minContains was lowered"
        case .maxContainsDecreased: "\(subject)'s maxContains was lowered (or set)"
        case .maxContainsIncreased: "\(subject)'s maxContains was raised or removed"
        case .dependentRequiredAdded: "\(subject) gained a dependentRequired entry"
        case .dependentRequiredRemoved: "\(subject) lost a dependentRequired entry"
        case .dependentRequiredChanged: "\(subject)'s dependentRequired entry changed"
        case .dependentSchemaAdded: "\(subject) gained a dependentSchemas entry"
        case .dependentSchemaRemoved: "\(subject) lost a dependentSchemas entry"
        case .patternPropertyAdded: "\(subject) gained a patternProperties entry"
        case .patternPropertyRemoved: "\(subject) lost a patternProperties entry"
        case .propertyNamesAdded: "\(subject) gained a propertyNames schema"
        case .propertyNamesRemoved: "\(subject)'s propertyNames schema was removed"
        case .unevaluatedItemsAdded: "\(subject) gained unevaluatedItems"
        case .unevaluatedItemsRemoved: "\(subject)'s unevaluatedItems was removed"
        case .unevaluatedPropertiesAdded: "\(subject) gained unevaluatedProperties"
        case .unevaluatedPropertiesRemoved: "\(subject)'s unevaluatedProperties was removed"
        case .contentSchemaAdded: "\(subject) gained a contentSchema"
        case .contentSchemaRemoved: "\(subject)'s contentSchema was removed"
        case .contentMediaTypeChanged: "\(subject)'s contentMediaType changed"
        case .contentEncodingChanged: "\(subject)'s contentEncoding changed"
        }
    }
}
