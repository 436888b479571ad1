import Foundation

/// What a deprecated operation says about its retirement, from Charter's extensions on the operation:
/// `x-deprecated-at` (when it was deprecated) and `x-sunset` (when it stops working), each a date (`2026-12-31`)
/// or an RFC 3339 date-time, and `x-deprecation-link` (a page about it: successor, migration guide, policy).
public struct DeprecationDetails: Sendable, Hashable {
    public var since: Date?
    public var sunset: Date?
    public var link: String?

    public static let sinceExtension = "x-deprecated-at"
    public static let sunsetExtension = "x-sunset"
    public static let linkExtension = "x-deprecation-link"
}

extension DeprecationDetails {
    /// The details of something marked `deprecated` (nil when it is not), read from its extensions, and the
    /// extensions whose values could not be read (for lint). `what` names it in messages ("operation", "parameter").
    static func read(deprecated: Bool, extensions: Extensions, what: String) -> (details: DeprecationDetails?, problems: [Diagnostic]) {
        var problems: [Diagnostic] = []
        func date(_ name: String) -> Date? {
            guard let node = extensions[name] else { return nil }
            if let text = node.text, let parsed = Operation.parseDate(text) { return parsed }
            problems.append(Diagnostic(.warning, "'\(name)' must be a date (2026-12-31) or an RFC 3339 date-time; ignored", at: node.location))
            return nil
        }
        let since = date(sinceExtension)
        let sunset = date(sunsetExtension)
        let link = extensions[linkExtension]?.text
        guard deprecated else {
            if since != nil || sunset != nil, let node = extensions[sunsetExtension] ?? extensions[sinceExtension] {
                problems.append(Diagnostic(.warning, "the \(what) is not marked 'deprecated: true'; its deprecation dates are not announced", at: node.location))
            }
            return (nil, problems)
        }
        return (DeprecationDetails(since: since, sunset: sunset, link: link), problems)
    }
}

extension Parameter {
    /// The parameter's deprecation details when it is deprecated: requests that use it are answered with
    /// `Deprecation` (and `Sunset`, `Link` from the same extensions as an operation's).
    public var deprecationDetails: (details: DeprecationDetails?, problems: [Diagnostic]) {
        DeprecationDetails.read(deprecated: deprecated, extensions: extensions, what: "parameter")
    }
}

extension Operation {
    /// The operation's deprecation details when it is deprecated (`nil` otherwise), and the extensions whose values
    /// could not be read (for lint).
    public var deprecationDetails: (details: DeprecationDetails?, problems: [Diagnostic]) {
        DeprecationDetails.read(deprecated: deprecated, extensions: extensions, what: "operation")
    }

    /// A date (midnight UTC) or an RFC 3339 date-time.
    static func parseDate(_ text: String) -> Date? {
        let full = ISO8601DateFormatter()
        full.formatOptions = [.withInternetDateTime]
        if let d = full.date(from: text) { return d }
        full.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = full.date(from: text) { return d }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        return text.count == 10 ? day.date(from: text) : nil
    }
}
