/// Media type matching for Content-Type (415) and Accept (406).
public enum MediaTypes {
    // Media types are ASCII tokens: these compare bytes with ASCII case folding. The `Character`-wise split,
    // trim and `lowercased()` they replaced were 7% of a validated request's time (per request, both sides).

    /// `Application/JSON; charset=utf-8` → `Application/JSON` (parameters and surrounding spaces dropped).
    static func essence(_ value: Substring) -> Substring {
        let (lower, upper) = withBytes(value) { b -> (Int, Int) in
            var end = 0
            while end < b.count && b[end] != UInt8(ascii: ";") { end += 1 }
            var lower = 0, upper = end
            while lower < upper && (b[lower] == 0x20 || b[lower] == 0x09) { lower += 1 }
            while upper > lower && (b[upper - 1] == 0x20 || b[upper - 1] == 0x09) { upper -= 1 }
            return (lower, upper)
        }
        let utf8 = value.utf8
        return Substring(utf8[utf8.index(utf8.startIndex, offsetBy: lower)..<utf8.index(utf8.startIndex, offsetBy: upper)])
    }

    /// Whether a concrete type matches a range (`application/json` against `application/*` or `*/*`), ignoring case.
    static func matches(_ concrete: Substring, range: Substring) -> Bool {
        withBytes(concrete) { c in
            withBytes(range) { r in
                if r.count == 3 && r[0] == UInt8(ascii: "*") && r[1] == UInt8(ascii: "/") && r[2] == UInt8(ascii: "*") { return true }
                if equalIgnoringCase(c, r) { return true }
                if r.count >= 2 && r[r.count - 1] == UInt8(ascii: "*") && r[r.count - 2] == UInt8(ascii: "/") {
                    let prefix = UnsafeBufferPointer(rebasing: r[..<(r.count - 1)])
                    return c.count >= prefix.count && equalIgnoringCase(UnsafeBufferPointer(rebasing: c[..<prefix.count]), prefix)
                }
                return false
            }
        }
    }

    /// JSON and `+json` types (`application/problem+json`) carry a JSON body Charter validates.
    public static func isJSON(_ type: Substring) -> Bool {
        withBytes(essence(type)) { t in
            if equalIgnoringCase(t, "application/json") { return true }
            return t.count >= 5 && equalIgnoringCase(UnsafeBufferPointer(rebasing: t[(t.count - 5)...]), "+json")
        }
    }

    private static func withBytes<R>(_ s: Substring, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = s.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(s.utf8).withUnsafeBufferPointer(body)
    }

    private static func equalIgnoringCase(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for i in 0..<a.count where lowered(a[i]) != lowered(b[i]) { return false }
        return true
    }

    private static func equalIgnoringCase(_ a: UnsafeBufferPointer<UInt8>, _ b: StaticString) -> Bool {
        b.withUTF8Buffer { equalIgnoringCase(a, $0) }
    }

    @inline(__always) private static func lowered(_ b: UInt8) -> UInt8 {
        b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b
    }

    /// Accept header ranges with q > 0.
    static func acceptedRanges(_ header: String) -> [Substring] {
        header.split(separator: ",").compactMap { item in
            let parts = item.split(separator: ";")
            guard let range = parts.first?.trimmingSpaces(), !range.isEmpty else { return nil }
            for p in parts.dropFirst() {
                let kv = p.trimmingSpaces()
                if kv.hasPrefix("q="), let q = Double(kv.dropFirst(2)), q <= 0 { return nil }
            }
            return range
        }
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return s
    }
}
