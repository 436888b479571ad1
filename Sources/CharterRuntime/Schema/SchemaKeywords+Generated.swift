extension SchemaKeywords {
    /// Sets `patternProperties` from sources, as generated code writes them (the sources were compiled
    /// successfully when the code was generated).
    @_spi(Generated) public mutating func setPatternProperties(_ pairs: [(source: String, schema: SchemaIndex)]) {
        patternProperties = pairs.compactMap { pair in (try? Pattern(pair.source)).map { ($0, pair.schema) } }
    }
}

extension SchemaNode {
    /// Every keyword in a stable text form: two nodes with the same fingerprint validate identically.
    /// Used to check that generated schema tables match what a spec compiles to.
    @_spi(Generated) public var fingerprint: String {
        func n(_ b: NumericBound?) -> String { b.map { "\($0.value)|\($0.text)" } ?? "-" }
        func sb(_ v: SchemaOrBool<SchemaIndex>?) -> String {
            switch v {
            case .bool(let b)?: "\(b)"
            case .schema(let i)?: "#\(i)"
            case nil: "-"
            }
        }
        var parts: [String] = []
        parts.append("bool=\(booleanSchema.map(String.init) ?? "-") ref=\(ref.map(String.init) ?? "-") types=\(types?.rawValue ?? 255) nullable=\(nullable)")
        parts.append("enum=\(enumValues.map { $0.map(\.jsonText).joined(separator: ",") } ?? "-") const=\(constValue?.jsonText ?? "-")")
        parts.append("min=\(n(minimum)) max=\(n(maximum)) xmin=\(n(exclusiveMinimum)) xmax=\(n(exclusiveMaximum)) mult=\(n(multipleOf))")
        parts.append("len=\(minLength ?? -1)..\(maxLength ?? -1) pattern=\(pattern?.source ?? "-") format=\(format?.rawValue ?? "-") int=\(integerFormat?.rawValue ?? "-")")
        parts.append("items=\(minItems ?? -1)..\(maxItems ?? -1) unique=\(uniqueItems) items=\(sb(items)) prefix=\(prefixItems) contains=\(contains ?? -1) \(minContains ?? -1)..\(maxContains ?? -1) uitems=\(sb(unevaluatedItems))")
        parts.append("props=\(minProperties ?? -1)..\(maxProperties ?? -1) required=\(required) properties=\(properties.map { "\($0.name):\($0.schema)" }) additional=\(sb(additionalProperties))")
        parts.append("patternProperties=\(patternProperties.map { "\($0.pattern.source):\($0.schema)" }) names=\(propertyNames ?? -1) depReq=\(dependentRequired.map { "\($0.name):\($0.required)" }) depSch=\(dependentSchemas.map { "\($0.name):\($0.schema)" }) uprops=\(sb(unevaluatedProperties))")
        parts.append("allOf=\(allOf) anyOf=\(anyOf) oneOf=\(oneOf) not=\(not ?? -1) if=\(ifSchema ?? -1) then=\(thenSchema ?? -1) else=\(elseSchema ?? -1)")
        parts.append("disc=\(discriminator.map { "\($0.propertyName):\($0.mapping.map { "\($0.value)=\($0.schema)" }) else \($0.defaultSchema ?? -1)" } ?? "-") ro=\(readOnly) wo=\(writeOnly) default=\(defaultValue?.jsonText ?? "-") name=\(name ?? "-")")
        if let xml { parts.append("xml=\(xml)") }
        return parts.joined(separator: "\n")
    }
}
