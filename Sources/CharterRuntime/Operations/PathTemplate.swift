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

/// A path template as routers take it. Routers match whole segments (`/users/{id}`); specs also template parts of
/// one (`/country/{country}.{format}`, `/v{version}/items`). Such a segment is routed as one parameter of its own and
/// split back into the spec's parameters by its literal parts (`PathTemplate.fill`), so every template routes.
struct RouteTemplate: Sendable {
    /// The template with each compound segment replaced by a parameter of its own.
    let routePath: String
    private let compound: [(routeName: String, pieces: [PathTemplate.Piece])]

    init(_ path: String) {
        var segments: [String] = []
        var compound: [(String, [PathTemplate.Piece])] = []
        for (index, segment) in path.split(separator: "/", omittingEmptySubsequences: false).enumerated() {
            let pieces = PathTemplate.pieces(segment)
            let parameters = pieces.filter { if case .parameter = $0 { true } else { false } }.count
            if parameters > 0 && pieces.count > 1 {
                let name = "charterSegment\(index)"
                compound.append((name, pieces))
                segments.append("{\(name)}")
            } else {
                segments.append(String(segment))
            }
        }
        routePath = segments.joined(separator: "/")
        self.compound = compound
    }

    /// The spec's path parameters from a router's; nil when a compound segment does not fit its template
    /// (`/country/fr` for `{country}.{format}`): no operation has that path.
    func parameters(from routed: [String: Substring]) -> [String: Substring]? {
        guard !compound.isEmpty else { return routed }
        var result = routed
        for (name, pieces) in compound {
            guard let raw = routed[name] else { return nil }
            result[name] = nil
            guard PathTemplate.fill(pieces, from: raw, into: &result) else { return nil }
        }
        return result
    }
}
