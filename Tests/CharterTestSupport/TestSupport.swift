import Foundation
import CharterSpec

/// Paths of the test fixtures and the shared corpus, found from this file's location.
public enum TestPaths {
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// Specs, payloads and expected outputs the tests of every module read.
    public static let fixtures = packageRoot.appendingPathComponent("Tests/CharterSpecTests/Fixtures")
    /// `../shared` beside the checkout; absent for a user who cloned the project alone.
    public static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    public static var sharedIsPresent: Bool { FileManager.default.fileExists(atPath: shared.appendingPathComponent("corpus/manifest.jsonl").path) }
}

/// Loads a spec given as text.
public func load(_ text: String, path: String = "spec.yaml") -> LoadResult {
    SpecLoader().load(bytes: Array(text.utf8), path: path)
}

/// Diagnostics as `line:col: severity: message` (file prefix dropped), for exact comparisons.
public func rendered(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { d in
        guard let l = d.location else { return "\(d.severity.rawValue): \(d.message)" }
        return "\(l.line):\(l.column): \(d.severity.rawValue): \(d.message)"
    }
}
