import CharterSpec

/// Numeric bounds, lengths, item and property counts, pattern, multipleOf, uniqueItems.
///
/// Each bound is compared on its own keyword (maximum and exclusiveMaximum apart, as the reference tool does):
/// tightened is breaking for requests, loosened for responses; set where there was none is a warning for
/// requests (clients rarely send values that far out).
extension DiffRun {
    mutating func compareBounds(_ o: Schema, _ n: Schema, _ context: SchemaContext, _ at: Spot) {
        upper(o.maximum?.value, n.maximum?.value, "maximum", context, at, decreased: .maxDecreased, increased: .maxIncreased, set: .maxSet, unset: .maxIncreased)
        upper(o.exclusiveMaximum?.value, n.exclusiveMaximum?.value, "exclusiveMaximum", context, at,
              decreased: .exclusiveMaxDecreased, increased: .exclusiveMaxIncreased, set: .exclusiveMaxSet, unset: .exclusiveMaxIncreased)
        lower(o.minimum?.value, n.minimum?.value, "minimum", context, at, increased: .minIncreased, decreased: .minDecreased, set: .minSet, unset: .minDecreased)
        lower(o.exclusiveMinimum?.value, n.exclusiveMinimum?.value, "exclusiveMinimum", context, at,
              increased: .exclusiveMinIncreased, decreased: .exclusiveMinDecreased, set: .exclusiveMinSet, unset: .exclusiveMinDecreased)
        upper(o.maxLength.map(Double.init), n.maxLength.map(Double.init), "maxLength", context, at,
              decreased: .maxLengthDecreased, increased: .maxLengthIncreased, set: .maxLengthSet, unset: context.direction == .response ? .maxLengthUnset : .maxLengthIncreased)
        lower(Double(o.minLength ?? 0), Double(n.minLength ?? 0), "minLength", context, at,
              increased: .minLengthIncreased, decreased: .minLengthDecreased, set: .minLengthIncreased, unset: .minLengthDecreased)
        upper(o.maxItems.map(Double.init), n.maxItems.map(Double.init), "maxItems", context, at,
              decreased: .maxItemsDecreased, increased: .maxItemsIncreased, set: .maxItemsDecreased, unset: .maxItemsIncreased)
        lower(o.minItems.map(Double.init), n.minItems.map(Double.init), "minItems", context, at,
              increased: .minItemsIncreased, decreased: .minItemsDecreased, set: .minItemsSet, unset: context.direction == .response ? .minItemsUnset : .minItemsDecreased)
        upper(o.maxProperties.map(Double.init), n.maxProperties.map(Double.init), "maxProperties", context, at,
              decreased: .maxPropertiesDecreased, increased: nil, set: .maxPropertiesDecreased, unset: nil)
        lower(Double(o.minProperties ?? 0), Double(n.minProperties ?? 0), "minProperties", context, at,
              increased: .minPropertiesIncreased, decreased: nil, set: .minPropertiesIncreased, unset: nil)
        if !o.uniqueItems && n.uniqueItems { report(.uniqueItemsAdded, context, "must now hold unique items", at) }
        if let step = n.multipleOf?.value, step != 0, o.multipleOf?.value != step {
            // Still fine when every old value is a multiple of the new step.
            let old = o.multipleOf?.value
            if old.map({ ($0 / step).rounded() != $0 / step }) ?? true {
                report(.multipleOfChanged, context, "must now be a multiple of \(Self.number(step))\(old.map { " (was \(Self.number($0)))" } ?? "")", at)
            }
        }
        switch (o.pattern, n.pattern) {
        case (nil, let p?): report(.patternAdded, context, "must now match \(p)", at)
        case (let a?, let b?) where a != b: report(.patternChanged, context, "pattern changed from \(a) to \(b)", at)
        case (let a?, nil): report(.patternRemoved, context, "no longer has to match \(a)", at)
        default: break
        }
    }

    static func number(_ v: Double?) -> String {
        guard let v else { return "none" }
        return v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : "\(v)"
    }

    /// An upper bound: lower is tighter.
    private mutating func upper(_ o: Double?, _ n: Double?, _ keyword: String, _ context: SchemaContext, _ at: Spot,
                                decreased: SchemaRule?, increased: SchemaRule?, set: SchemaRule?, unset: SchemaRule?) {
        guard o != n else { return }
        let text = "\(keyword) went from \(Self.number(o)) to \(Self.number(n))"
        switch (o, n) {
        case (let a?, let b?) where b < a: if let r = decreased { report(r, context, text, at) }
        case (let a?, let b?) where b > a: if let r = increased { report(r, context, text, at) }
        case (nil, _?): if let r = set { report(r, context, text, at) }
        case (_?, nil): if let r = unset { report(r, context, text, at) }
        default: break
        }
    }

    /// A lower bound: higher is tighter.
    private mutating func lower(_ o: Double?, _ n: Double?, _ keyword: String, _ context: SchemaContext, _ at: Spot,
                                increased: SchemaRule?, decreased: SchemaRule?, set: SchemaRule?, unset: SchemaRule?) {
        guard o != n else { return }
        let text = "\(keyword) went from \(Self.number(o)) to \(Self.number(n))"
        switch (o, n) {
        case (let a?, let b?) where b > a: if let r = increased { report(r, context, text, at) }
        case (let a?, let b?) where b < a: if let r = decreased { report(r, context, text, at) }
        case (nil, _?): if let r = set { report(r, context, text, at) }
        case (_?, nil): if let r = unset { report(r, context, text, at) }
        default: break
        }
    }
}
