/// Exact comparisons and multiples for JSON numbers (decimal literals are not rounded through Double).
enum NumberMath {
    /// -1, 0, 1.
    static func compare(_ a: JSONNumber, _ b: JSONNumber) -> Int {
        if let x = a.integer, let y = b.integer { return x < y ? -1 : (x > y ? 1 : 0) }
        // Rounding to the nearest double is monotonic: different doubles order their decimals correctly.
        // Only equal doubles may hide a difference (0.30000000000000001 vs 0.3).
        if a.double != b.double { return a.double < b.double ? -1 : 1 }
        if a.literal != nil || b.literal != nil, let da = Decimal(a), let db = Decimal(b) { return da.compare(db) }
        return 0
    }

    /// A decimal literal as mantissa × 10^-scale when it fits in Int64 (`1249.50` → (124950, 2)); no allocation.
    static func scaled(_ n: JSONNumber) -> (mantissa: Int64, scale: Int)? {
        if let i = n.integer, n.literal == nil { return (i, 0) }
        guard let literal = n.literal else { return nil }
        return scaled(literal.utf8)
    }

    /// The same from the literal's bytes (nil for exponents and more than 18 digits).
    @inline(__always) static func scaled(_ literal: some Sequence<UInt8>) -> (mantissa: Int64, scale: Int)? {
        var mantissa: Int64 = 0
        var scale = 0
        var negative = false
        var afterPoint = false
        var digits = 0
        for b in literal {
            switch b {
            case UInt8(ascii: "-"): negative = true
            case UInt8(ascii: "."): afterPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                if digits > 18 { return nil }
                mantissa = mantissa * 10 + Int64(b - 48)
                if afterPoint { scale += 1 }
            default: return nil // exponents take the general path
            }
        }
        return (negative ? -mantissa : mantissa, scale)
    }

    static func powerOf10(_ n: Int) -> Int64 {
        var p: Int64 = 1
        for _ in 0..<n { p &*= 10 }
        return p
    }

    static func isMultiple(_ value: JSONNumber, of divisor: JSONNumber) -> Bool {
        if let v = value.integer, let d = divisor.integer, d != 0, value.literal == nil, divisor.literal == nil { return v % d == 0 }
        if let (vm, vs) = scaled(value), let (dm, ds) = scaled(divisor), dm != 0 {
            // Bring both to the same scale; bail out to the general path on overflow.
            let scale = max(vs, ds)
            var a = vm, b = dm
            var ok = true
            for _ in vs..<scale { let (r, o) = a.multipliedReportingOverflow(by: 10); a = r; ok = ok && !o }
            for _ in ds..<scale { let (r, o) = b.multipliedReportingOverflow(by: 10); b = r; ok = ok && !o }
            if ok { return a % b == 0 }
        }
        if let dv = Decimal(value), let dd = Decimal(divisor), let r = dv.isMultiple(of: dd) { return r }
        let q = value.double / divisor.double
        return q.isFinite && q == q.rounded()
    }

    /// A decimal: digits × 10^exponent, exact for literals up to 38 significant digits.
    struct Decimal {
        var negative: Bool
        var digits: [UInt8] // most significant first, no leading zeros ("0" is [])
        var exponent: Int

        init?(_ n: JSONNumber) {
            if let i = n.integer {
                negative = i < 0
                digits = Array(String(i.magnitude).utf8).map { $0 - 48 }
                exponent = 0
                normalize()
                return
            }
            guard let text = n.literal ?? (n.double.isFinite ? "\(n.double)" : nil) else { return nil }
            var bytes = Array(text.utf8)[...]
            negative = bytes.first == UInt8(ascii: "-")
            if negative { bytes = bytes.dropFirst() }
            var mantissa: [UInt8] = []
            var exp = 0
            var afterPoint = false
            while let c = bytes.first, c != UInt8(ascii: "e"), c != UInt8(ascii: "E") {
                bytes = bytes.dropFirst()
                if c == UInt8(ascii: ".") { afterPoint = true; continue }
                guard c >= 48 && c <= 57 else { return nil }
                mantissa.append(c - 48)
                if afterPoint { exp -= 1 }
            }
            if !bytes.isEmpty {
                bytes = bytes.dropFirst()
                guard let e = Int(String(decoding: bytes, as: UTF8.self)), abs(e) < 10_000 else { return nil }
                exp += e
            }
            digits = mantissa
            exponent = exp
            normalize()
            guard digits.count <= 400 else { return nil }
        }

        mutating func normalize() {
            while digits.first == 0 { digits.removeFirst() }
            while digits.last == 0 { digits.removeLast(); exponent += 1 }
            if digits.isEmpty { exponent = 0; negative = false }
        }

        func compare(_ other: Decimal) -> Int {
            if negative != other.negative { return negative ? -1 : 1 }
            let m = magnitudeCompare(other)
            return negative ? -m : m
        }

        private func magnitudeCompare(_ other: Decimal) -> Int {
            if digits.isEmpty || other.digits.isEmpty { return digits.isEmpty ? (other.digits.isEmpty ? 0 : -1) : 1 }
            let top = digits.count + exponent, otherTop = other.digits.count + other.exponent
            if top != otherTop { return top < otherTop ? -1 : 1 }
            for i in 0..<max(digits.count, other.digits.count) {
                let a = i < digits.count ? digits[i] : 0
                let b = i < other.digits.count ? other.digits[i] : 0
                if a != b { return a < b ? -1 : 1 }
            }
            return 0
        }

        /// value / divisor is an integer: scale both to integers and divide with big-number long division.
        func isMultiple(of divisor: Decimal) -> Bool? {
            if divisor.digits.isEmpty { return nil }
            if digits.isEmpty { return true }
            let shift = min(exponent, divisor.exponent)
            let a = digits + Array(repeating: 0, count: exponent - shift)
            let b = divisor.digits + Array(repeating: 0, count: divisor.exponent - shift)
            guard a.count <= 500, b.count <= 40 else { return nil }
            // Remainder of a mod b, where b fits in a UInt64-sized window only if short; use digit-wise remainder.
            guard b.count <= 18 else { return nil }
            let d = b.reduce(UInt64(0)) { $0 * 10 + UInt64($1) }
            var remainder: UInt64 = 0
            for digit in a { remainder = (remainder * 10 + UInt64(digit)) % d }
            return remainder == 0
        }
    }
}
