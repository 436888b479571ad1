import Foundation
import HTTPTypes

/// How a deprecated operation announces itself on every response: `Deprecation` (RFC 9745) with the date it was
/// deprecated, `Sunset` (RFC 8594) with the date it stops working, and `Link`s to a successor or a policy.
///
/// Read from the spec by `SpecValidator` (and emitted into generated contracts): `deprecated: true` on the
/// operation, with `x-deprecated-at`, `x-sunset` (dates or date-times) and `x-deprecation-link` (a URL).
public struct DeprecationNotice: Sendable, Hashable {
    /// When the operation was (or will be) deprecated; nil: the spec does not say, and `Deprecation` carries the
    /// time of the response ("deprecated now").
    public var since: Date?
    /// When the operation stops being served.
    public var sunset: Date?
    /// A page about the deprecation: the successor, a migration guide or the policy.
    public var link: String?

    /// A notice with the dates and link the spec gives.
    public init(since: Date? = nil, sunset: Date? = nil, link: String? = nil) {
        self.since = since
        self.sunset = sunset
        self.link = link
    }

    static let deprecationField = HTTPField.Name("Deprecation")!
    static let sunsetField = HTTPField.Name("Sunset")!
    static let linkField = HTTPField.Name("Link")!

    /// Adds the notice's header fields to a response's.
    func announce(in fields: inout HTTPFields, now: Date = Date()) {
        // RFC 9745: a structured-field date, `@` and seconds since the epoch.
        fields[Self.deprecationField] = "@\(Int64((since ?? now).timeIntervalSince1970.rounded(.down)))"
        if let sunset { fields[Self.sunsetField] = HTTPDate.format(sunset) }
        var links: [String] = []
        if let link { links.append("<\(link)>; rel=\"deprecation\"") }
        if sunset != nil, let link { links.append("<\(link)>; rel=\"sunset\"") }
        if !links.isEmpty { fields.append(HTTPField(name: Self.linkField, value: links.joined(separator: ", "))) }
    }
}

extension ParameterContract {
    /// Whether the request sends this parameter (for announcing a deprecated one; path parameters are always sent).
    func isSent(in request: HTTPRequest) -> Bool {
        switch location {
        case .path: return true
        case .query:
            guard let query = request.queryString else { return false }
            // Asked on every request of an operation with a deprecated parameter, which most requests do not send:
            // when the name does not occur in a query with no escapes (`%`, `+`), there is nothing to parse.
            if !Self.mayContain(query, name) { return false }
            let prefix = style == .deepObject ? name + "[" : nil
            return WireStrings.anyQueryName(in: query) { $0 == name || prefix.map($0.hasPrefix) == true }
        case .querystring: return request.queryString?.isEmpty == false
        case .header: return headerField.map { request.headerFields[$0] != nil } ?? false
        case .cookie: return request.headerFields[values: .cookie].flatMap(WireStrings.cookies).contains { $0.name == name }
        case .body: return false
        }
    }

    /// False only when `query` certainly does not carry `name`: it has no escapes (`%`, `+`) and the name's bytes
    /// occur nowhere in it. One pass over the bytes, no allocation.
    static func mayContain(_ query: Substring, _ name: String) -> Bool {
        let needle = Array(name.utf8)
        guard let first = needle.first else { return true }
        var query = query
        return query.withUTF8 { hay in
            var i = 0
            while i < hay.count {
                let b = hay[i]
                if b == UInt8(ascii: "%") || b == UInt8(ascii: "+") { return true }
                if b == first, hay.count - i >= needle.count {
                    var j = 1
                    while j < needle.count, hay[i + j] == needle[j] { j += 1 }
                    if j == needle.count { return true }
                }
                i += 1
            }
            return false
        }
    }
}

extension OperationContract {
    /// The notice for a response to `request`: the operation's when it is deprecated, else that of the first
    /// deprecated parameter the request sends.
    func deprecation(for request: HTTPRequest, decoding: ParameterDecoding, defaults: DeprecationNotice) -> DeprecationNotice? {
        guard var notice = deprecation ?? deprecatedParameterSent(in: request, decoding: decoding)?.deprecation else { return nil }
        notice.sunset = notice.sunset ?? defaults.sunset
        notice.link = notice.link ?? defaults.link
        return notice
    }

    /// The first deprecated parameter `request` sends.
    private func deprecatedParameterSent(in request: HTTPRequest, decoding: ParameterDecoding) -> ParameterContract? {
        parameters.withUnsafeBufferPointer { all in
            all.first { p in
                guard p.deprecation != nil else { return false }
                guard (p.location == .query || p.location == .cookie) && decoding.isExplodedObject(p) else { return p.isSent(in: request) }
                // An object sent as its members (`?status=a`) has no item of its own name: it is sent when an item
                // is one of its members, by the rule the server reads its value with.
                let isMember = { (name: String) in decoding.explodedMember(named: name, of: p, among: all).isMember }
                if p.location == .query { return request.queryString.map { WireStrings.anyQueryName(in: $0, isMember) } ?? false }
                return request.headerFields[values: .cookie].flatMap(WireStrings.rawCookies).contains { isMember($0.name) }
            }
        }
    }
}
