import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Matching a concrete path against a template (`/users/{id}`, `/country/{country}.{format}`) to recover path
/// parameters.
public enum PathTemplate {
    /// The path parameters when `requestPath` (after `basePath`) matches `template` (`/users/{id}`); nil otherwise.
    public static func match(_ template: String, requestPath: String, basePath: String = "") -> [String: Substring]? {
        var path = Substring(requestPath.prefix { $0 != "?" && $0 != "#" })
        if !basePath.isEmpty, path.hasPrefix(basePath) { path = path.dropFirst(basePath.count) }
        let templateParts = template.split(separator: "/", omittingEmptySubsequences: false)
        let pathParts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard templateParts.count == pathParts.count else { return nil }
        var parameters: [String: Substring] = [:]
        for (t, p) in zip(templateParts, pathParts) {
            guard fill(pieces(t), from: p, into: &parameters) else { return nil }
        }
        return parameters
    }

    /// A part of one path segment.
    enum Piece: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    /// A template segment as literal text and parameters (`{country}.{format}` → parameter, ".", parameter).
    static func pieces(_ segment: Substring) -> [Piece] {
        var pieces: [Piece] = []
        var rest = segment
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { pieces.append(.literal(String(rest[..<open]))) }
            pieces.append(.parameter(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.literal(String(rest))) }
        return pieces
    }

    /// Reads one concrete segment by its template's pieces: literals must be there as written; each parameter
    /// takes the shortest non-empty text before the next literal, the last one the rest. False when it does not fit.
    static func fill(_ pieces: [Piece], from raw: Substring, into parameters: inout [String: Substring]) -> Bool {
        var rest = raw
        for (i, piece) in pieces.enumerated() {
            switch piece {
            case .literal(let text):
                guard rest.hasPrefix(text) else { return false }
                rest = rest.dropFirst(text.count)
            case .parameter(let name):
                if i + 1 < pieces.count, case .literal(let next) = pieces[i + 1] {
                    guard let end = rest.range(of: next)?.lowerBound, end > rest.startIndex else { return false }
                    parameters[name] = rest[..<end]
                    rest = rest[end...]
                } else {
                    parameters[name] = rest
                    rest = rest[rest.endIndex...]
                }
            }
        }
        return rest.isEmpty
    }
}

/// A path template as routers take it. Every templated segment is routed as a parameter named for its position
/// (`/v1/application_fees/{segment3}`), then split back into the spec's parameters by its literal parts
/// (`PathTemplate.fill`). Routers match whole segments, while specs also template parts of one
/// (`/country/{country}.{format}`); a trie router needs one name per position (Stripe has `/v1/application_fees/{id}`
/// beside `/v1/application_fees/{fee}/refunds`) and one handler per shape, while vendors write paths that differ only
/// in a parameter's name (Xero's `/Contacts/{ContactID}` and `/Contacts/{ContactNumber}`), a query written into the
/// path (OpenAI's `/responses/{id}?beta=true`, S3's `/{Bucket}#cors`) or a doubled slash. Such operations share one
/// route (`RouteTable`); the written query becomes a preference when choosing among them.
struct RouteTemplate: Sendable {
    /// The template as routed: empty segments dropped, any `?…` or `#…` suffix left out.
    let routePath: String
    /// Query items the path itself names (`?beta=true`, `#cors`, `#list-type=2`): a request carrying them prefers
    /// this operation among those that share its route.
    let queryMarkers: [(name: String, value: String?)]
    private let templated: [(routeName: String, pieces: [PathTemplate.Piece])]

    init(_ path: String) {
        let cut = path.firstIndex { $0 == "?" || $0 == "#" } ?? path.endIndex
        queryMarkers = path[cut...].dropFirst().split(separator: "&").map { item in
            let parts = item.split(separator: "=", maxSplits: 1)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : nil)
        }
        var segments: [String] = []
        var templated: [(String, [PathTemplate.Piece])] = []
        for segment in path[..<cut].split(separator: "/") {
            let pieces = PathTemplate.pieces(segment)
            if pieces.contains(where: { if case .parameter = $0 { true } else { false } }) {
                let name = "segment\(segments.count)"
                templated.append((name, pieces))
                segments.append("{\(name)}")
            } else {
                segments.append(String(segment))
            }
        }
        routePath = "/" + segments.joined(separator: "/")
        self.templated = templated
    }

    /// Literal characters inside templated segments: of two templates that route alike, the one with more is tried
    /// first (`{name}.json` before `{id}`).
    var specificity: Int {
        templated.reduce(0) { sum, entry in
            sum + entry.pieces.reduce(0) { if case .literal(let text) = $1 { $0 + text.count } else { $0 } }
        }
    }

    /// How many of the path's own query items `query` carries.
    func markersPresent(in query: [(name: String, value: String)]) -> Int {
        queryMarkers.filter { marker in query.contains { $0.name == marker.name && (marker.value == nil || $0.value == marker.value) } }.count
    }

    /// The spec's path parameters from a router's; nil when a segment does not fit its template (`/country/fr` for
    /// `{country}.{format}`): no operation has that path.
    func parameters(from routed: [String: Substring]) -> [String: Substring]? {
        var result: [String: Substring] = [:]
        for (name, pieces) in templated {
            guard let raw = routed[name], PathTemplate.fill(pieces, from: raw, into: &result) else { return nil }
        }
        return result
    }
}

/// The operations registered on one transport by route, for those whose templates route alike.
final class RouteTable: @unchecked Sendable {
    typealias Handler = @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    /// Whether a request's parameters satisfy the operation's contract (to choose among operations sharing a route).
    typealias Fit = @Sendable (HTTPRequest, [String: Substring]) -> Bool
    /// How many problems the operation's contract finds in a request body (to choose among operations that share a
    /// route and are told apart by their bodies alone, as webhooks received at one path are).
    typealias BodyFit = @Sendable (HTTPRequest, [UInt8]) async -> Int

    /// One operation a route may pass a request to.
    /// (A class: a route copies its candidates into a few arrays per request, and a struct of arrays and closures
    /// copied field by field cost OpenAI's 16 webhooks more than the dispatch itself.)
    final class Candidate: Sendable {
        let template: RouteTemplate
        let fits: Fit
        /// Set for operations told apart by their bodies; with `bodyLimit`, the most a body is read to tell them.
        let bodyFit: BodyFit?
        let bodyLimit: Int
        let handler: Handler
        /// How many of the operation's path parameters narrow what a segment may hold (`SchemaSet.acceptsAnyText`):
        /// of templates equally specific, the one saying more is tried first.
        let narrowedParameters: Int
        /// Required body properties with one allowed value (`SchemaSet.fixedProperties`): among operations told
        /// apart by their bodies, a body whose values differ is not this operation's, and is not validated against it.
        let fixedBodyProperties: [(name: String, value: JSONValue)]

        init(template: RouteTemplate, fits: @escaping Fit, bodyFit: BodyFit?, bodyLimit: Int, handler: @escaping Handler,
             narrowedParameters: Int = 0, fixedBodyProperties: [(name: String, value: JSONValue)] = []) {
            self.template = template
            self.fits = fits
            self.bodyFit = bodyFit
            self.bodyLimit = bodyLimit
            self.handler = handler
            self.narrowedParameters = narrowedParameters
            self.fixedBodyProperties = fixedBodyProperties
        }
    }

    /// The operations one registration serves, most specific template first.
    final class Route: @unchecked Sendable {
        private var candidates: [Candidate] = []
        private let lock = NSLock()

        func add(_ candidate: Candidate) {
            lock.lock()
            defer { lock.unlock() }
            candidates.append(candidate)
            // Stable: among equally specific templates whose parameters say as much, the first registered stays first.
            candidates = candidates.enumerated().sorted {
                ($0.element.template.specificity, $0.element.narrowedParameters, -$0.offset)
                    > ($1.element.template.specificity, $1.element.narrowedParameters, -$1.offset)
            }.map(\.element)
        }

        /// The operation for a request: among those whose templates the routed segments fit, the one whose path
        /// names most of the request's query, then one whose parameters satisfy its contract (trying first those whose
        /// path parameters are narrowest), then the first. When several remain and each is told apart by its body,
        /// the body is read (once, up to the largest limit): those whose fixed values it carries are kept, and when
        /// more than one is left, the one whose contract finds fewest problems in it takes the request, with the bytes.
        /// - Throws: `BodyCollection.TooLarge` when a body read to choose is over the limit.
        func handler(for request: HTTPRequest, routed: [String: Substring], body: HTTPBody?) async throws
            -> (handler: Handler, parameters: [String: Substring], body: HTTPBody?)? {
            let current = lock.withLock { candidates }
            let fitting = current.compactMap { c in c.template.parameters(from: routed).map { (c, $0) } }
            guard let first = fitting.first else { return nil }
            if fitting.count == 1 { return (first.0.handler, first.1, body) }
            let query = request.queryString.map(WireStrings.queryItems)?.map { ($0.name, $0.value) } ?? []
            let best = fitting.map { $0.0.template.markersPresent(in: query) }.max() ?? 0
            let preferred = fitting.filter { $0.0.template.markersPresent(in: query) == best }
            if preferred.count > 1, preferred.allSatisfy({ $0.0.bodyFit != nil }) {
                var pool = preferred
                var bytes: [UInt8]?
                // Events name themselves (`"type": "batch.completed"`): those whose fixed values the body has are
                // the ones to consider (OpenAI's 16 webhooks become one before any parameter or body is checked), and
                // of them the closest answers — not another event's whose problems merely number fewer.
                if pool.contains(where: { !$0.0.fixedBodyProperties.isEmpty }) {
                    let read = try await BodyCollection.collect(body, limit: pool.map(\.0.bodyLimit).max() ?? 0) ?? []
                    bytes = read
                    if let value = try? JSONParser.parse(read) {
                        let named = pool.filter { c in c.0.fixedBodyProperties.allSatisfy { value[$0.name] == $0.value } }
                        if !named.isEmpty { pool = named }
                    }
                }
                if pool.count > 1 {
                    let fitted = pool.filter { $0.0.fits(request, $0.1) }
                    if !fitted.isEmpty { pool = fitted }
                }
                // One left reads and validates the body itself: no trial validation first.
                let rest = bytes.map { body == nil ? nil : HTTPBody($0) } ?? body
                if pool.count == 1 { return (pool[0].0.handler, pool[0].1, rest) }
                let read: [UInt8]
                if let bytes { read = bytes } else { read = try await BodyCollection.collect(body, limit: pool.map(\.0.bodyLimit).max() ?? 0) ?? [] }
                var chosen = pool[0], fewest = Int.max
                for candidate in pool {
                    guard let problems = await candidate.0.bodyFit?(request, read), problems < fewest else { continue }
                    (chosen, fewest) = (candidate, problems)
                    if problems == 0 { break }
                }
                return (chosen.0.handler, chosen.1, body == nil ? nil : HTTPBody(read))
            }
            // Parameters are checked only until one operation's fit (shared routes are served on every request).
            let chosen = preferred.first { $0.0.fits(request, $0.1) } ?? preferred.first ?? first
            return (chosen.0.handler, chosen.1, body)
        }
    }

    private var routes: [String: Route] = [:]
    private let lock = NSLock()

    /// Adds an operation; returns the new route to register, or nil when one that routes alike already serves it.
    func add(method: HTTPRequest.Method, _ candidate: Candidate) -> Route? {
        let key = method.rawValue + " " + candidate.template.routePath
        lock.lock()
        defer { lock.unlock() }
        if let existing = routes[key] {
            existing.add(candidate)
            return nil
        }
        let route = Route()
        route.add(candidate)
        routes[key] = route
        return route
    }
}
