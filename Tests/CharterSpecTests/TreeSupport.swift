@testable import CharterSpec

/// Parses YAML or JSON text into a tree (diagnostics included).
func parse(_ text: String, path: String = "test.yaml") -> (tree: SpecTree?, diagnostics: [Diagnostic]) {
    SpecFileReader.parse(bytes: Array(text.utf8), path: path)
}

