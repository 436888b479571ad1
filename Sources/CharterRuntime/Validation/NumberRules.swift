/// A schema's numeric keywords in a form the validator compares without touching strings: plain values, no
/// reference counting. Cases the fast comparison cannot decide exactly fall back to `NumberMath`.
struct NumberRules {
    /// A number as the fast path compares it: the integer (when it is one that fits), the double, and whether
    /// that double is the value exactly (small integers; decimal literals are not assumed to be). Bounds from
    /// the schema and numbers from the document take the same form.
    struct Value {
        let integer: Int64?
        let double: Double
        let exact: Bool

        init(_ n: JSONNumber) {
            integer = n.integer
            double = n.double
            exact = n.literal == nil && (n.integer.map { $0.magnitude <= 1 << 53 } ?? true)
        }

        init(integer: Int64?, double: Double, exact: Bool) {
            self.integer = integer
            self.double = double
            self.exact = exact
        }

        /// The integer value of an integral number (2020-12: `1.0` is an integer), when it fits in Int64.
        var integral: Int64? {
            integer ?? ((double.isFinite && double == double.rounded() && abs(double) < 9.2e18) ? Int64(double) : nil)
        }

        var isIntegral: Bool { integer != nil || (double.isFinite && double == double.rounded()) }
    }

    let minimum: Value?
    let maximum: Value?
    let exclusiveMinimum: Value?
    let exclusiveMaximum: Value?
    /// `multipleOf` as mantissa × 10^-scale (`0.01` → (1, 2)), when it fits.
    let multipleOf: (mantissa: Int64, scale: Int)?

    let checksMultipleOf: Bool
    let integerFormat: IntegerFormat?

    /// nil when the schema has no numeric keyword.
    init?(_ k: SchemaKeywords) {
        guard k.minimum != nil || k.maximum != nil || k.exclusiveMinimum != nil || k.exclusiveMaximum != nil
            || k.multipleOf != nil || k.integerFormat != nil else { return nil }
        minimum = k.minimum.map { Value($0.value) }
        maximum = k.maximum.map { Value($0.value) }
        exclusiveMinimum = k.exclusiveMinimum.map { Value($0.value) }
        exclusiveMaximum = k.exclusiveMaximum.map { Value($0.value) }
        multipleOf = k.multipleOf.flatMap { NumberMath.scaled($0.value) }.flatMap { $0.mantissa == 0 ? nil : $0 }
        checksMultipleOf = k.multipleOf != nil
        integerFormat = k.integerFormat
    }

    /// -1, 0 or 1 when decided exactly here; nil when the decimal literals must be compared.
    @inline(__always) static func compare(_ v: Value, _ b: Value) -> Int? {
        if let x = v.integer, let y = b.integer { return x < y ? -1 : (x > y ? 1 : 0) }
        // Different doubles order their (correctly rounded) decimals correctly; equal ones may hide a difference.
        if v.double != b.double { return v.double < b.double ? -1 : 1 }
        return v.exact && b.exact ? 0 : nil
    }

    /// Whether `value` (mantissa × 10^-scale) is a multiple of the divisor; nil on overflow.
    @inline(__always) func isMultiple(_ value: (mantissa: Int64, scale: Int)) -> Bool? {
        guard let d = multipleOf else { return nil }
        let scale = max(value.scale, d.scale)
        guard scale - value.scale <= 18, scale - d.scale <= 18 else { return nil }
        let (a, o1) = value.mantissa.multipliedReportingOverflow(by: NumberMath.powerOf10(scale - value.scale))
        let (b, o2) = d.mantissa.multipliedReportingOverflow(by: NumberMath.powerOf10(scale - d.scale))
        if o1 || o2 || b == 0 { return nil }
        return a % b == 0
    }
}
