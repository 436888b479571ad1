/// Media type matching for Content-Type (415) and Accept (406).
public enum MediaTypes {
    /// `Application/JSON; charset=utf-8` → `application/json`.
    static func essence(_ value: Substring) -> Substring {
        let base = value.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? value
        return base.trimmingSpaces()
    }

    /// Whether a concrete type matches a range (`application/json` against `application/*` or `*/*`).
    static func matches(_ concrete: Substring, range: Substring) -> Bool {
        let c = concrete.lowercased(), r = range.lowercased()
        if r == "*/*" || r == c { return true }
        if r.hasSuffix("/*") { return c.hasPrefix(String(r.dropLast(1))) }
        return false
    }

    /// JSON and `+json` types (`application/problem+json`) carry a JSON body Charter validates.
    public static func isJSON(_ type: Substring) -> Bool {
        let t = essence(type).lowercased()
        return t == "application/json" || t.hasSuffix("+json")
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
