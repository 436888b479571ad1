/// The media types a request accepts (its `Accept` header), for operations whose responses come in several
/// (JSON or CSV, JSON or an event stream). A server handler asks it which to answer with; a client sets it to
/// ask for one.
///
///     let csv = input.accept.preferred(["application/json", "text/csv"]) == "text/csv"
public struct AcceptHeader: Sendable, Hashable, ExpressibleByStringLiteral {
    /// The header as sent; nil: none (a client then sends every type the operation declares).
    public var value: String?

    /// An `Accept` header with `value` (nil: none sent).
    public init(_ value: String? = nil) {
        self.value = value
    }

    /// `"text/csv"` as an `Accept` header.
    public init(stringLiteral value: String) {
        self.value = value
    }

    /// The best of `mediaTypes` (in order of the caller's preference on ties): the highest quality, then the
    /// most specific matching range. The first when there is no header; nil when none is acceptable.
    public func preferred(_ mediaTypes: [String]) -> String? {
        guard let value, !value.trimmingSpaces().isEmpty else { return mediaTypes.first }
        let ranges = Self.ranges(value)
        var best: (type: String, quality: Double, specificity: Int)?
        for type in mediaTypes {
            let essence = MediaTypes.essence(type[...])
            // The most specific range matching the type decides its quality (RFC 9110 §12.5.1).
            guard let match = ranges.filter({ MediaTypes.matches(essence, range: $0.range) }).max(by: { $0.specificity < $1.specificity }),
                  match.quality > 0 else { continue }
            if let current = best, (match.quality, match.specificity) <= (current.quality, current.specificity) { continue }
            best = (type, match.quality, match.specificity)
        }
        return best?.type
    }

    /// Whether `mediaType` is acceptable.
    public func accepts(_ mediaType: String) -> Bool { preferred([mediaType]) != nil }

    private static func ranges(_ header: String) -> [(range: Substring, quality: Double, specificity: Int)] {
        header.split(separator: ",").compactMap { item in
            let parts = item.split(separator: ";")
            guard let range = parts.first?.trimmingSpaces(), !range.isEmpty else { return nil }
            var quality = 1.0
            for p in parts.dropFirst() {
                let kv = p.trimmingSpaces()
                if kv.hasPrefix("q="), let q = Double(kv.dropFirst(2)) { quality = q }
            }
            let specificity = range == "*/*" ? 0 : range.hasSuffix("/*") ? 1 : 2
            return (range, quality, specificity)
        }
    }
}
