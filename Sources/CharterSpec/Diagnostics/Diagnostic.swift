/// One problem found while loading, linting, generating or diffing a spec.
///
/// Printed in the compiler format (`file:line:col: error: message`) so editors and CI annotate the spec line.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    public var message: String
    /// Where the problem is; `nil` only for problems with no place in a file (e.g. an unreadable path).
    public var location: SourceLocation?
    /// For a problem whose meaning is clear ("understood but invalid": a response without a description, a path
    /// parameter not marked required): what a tool that goes on assumes. Nil for a problem that leaves nothing to
    /// read (a syntax error, an unresolvable or cyclic reference, a wrong type with no meaning to take).
    public var assumption: String?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, assumption: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.assumption = assumption
    }

    /// As `diff`, `validate`, `mock` and client generation report it: an understood error becomes a warning that
    /// says what was assumed; anything else is unchanged.
    public var tolerated: Diagnostic {
        guard severity == .error, let assumption else { return self }
        return Diagnostic(.warning, message + "; assumed " + assumption, at: location)
    }

    public var description: String {
        if let location {
            return "\(location): \(severity.rawValue): \(message)"
        }
        return "\(severity.rawValue): \(message)"
    }
}

extension Array where Element == Diagnostic {
    /// Diagnostics in reading order: by file, line and column; located ones before unlocated ones.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case let (l?, r?) where l != r: return l < r
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }

    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// The diagnostics as a tool that tolerates understood problems reports them (`strict`: as they are).
    public func tolerated(strict: Bool) -> [Diagnostic] { strict ? self : map(\.tolerated) }
}
