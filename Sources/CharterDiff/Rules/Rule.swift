/// How bad a change is for existing clients.
public enum Level: String, Sendable, Comparable, CaseIterable, Codable {
    /// Not breaking: worth a changelog line.
    case info
    /// Possibly breaking: depends on what clients do (tolerant enum handling, extra fields sent …).
    case warning
    /// Breaking: a client written against the old spec fails against the new one.
    case error

    public static func < (lhs: Level, rhs: Level) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Which way the data whose description changed travels.
public enum Direction: String, Sendable, Codable {
    /// Client → server: breaks when the server accepts less.
    case request
    /// Server → client: breaks when clients may receive what they do not expect, or miss what they relied on.
    case response
    /// The operation itself (paths, methods, security).
    case operation
}

/// One kind of change the diff reports: a stable id, its level, the direction it concerns and what it means.
public struct Rule: Sendable, Hashable {
    /// Stable kebab-case id; oasdiff's id where oasdiff has the same rule, so ignore lists carry over.
    public let id: String
    public let level: Level
    public let direction: Direction
    public let description: String
}
