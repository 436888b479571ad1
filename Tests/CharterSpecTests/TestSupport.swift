import Foundation
@testable import CharterSpec

/// Paths of the test fixtures and the shared corpus, found from this file's location.
enum TestPaths {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = testsDirectory.appendingPathComponent("Fixtures")
    static let packageRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    /// `../shared` beside the checkout; absent for a user who cloned the project alone.
    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static var sharedIsPresent: Bool { FileManager.default.fileExists(atPath: shared.appendingPathComponent("corpus/manifest.jsonl").path) }
}

/// Parses YAML or JSON text into a tree (diagnostics included).
func parse(_ text: String, path: String = "test.yaml") -> (tree: SpecTree?, diagnostics: [Diagnostic]) {
    SpecFileReader.parse(bytes: Array(text.utf8), path: path)
}

/// Loads a spec given as text.
func load(_ text: String, path: String = "spec.yaml") -> LoadResult {
    SpecLoader().load(bytes: Array(text.utf8), path: path)
}

/// Diagnostics as `line:col: severity: message` (file prefix dropped), for exact comparisons.
func rendered(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { d in
        guard let l = d.location else { return "\(d.severity.rawValue): \(d.message)" }
        return "\(l.line):\(l.column): \(d.severity.rawValue): \(d.message)"
    }
}
