import CharterSpec
import CharterValidation
import Foundation

/// A static reference site for one OpenAPI document: `index.html` with its stylesheet and script, readable from
/// `file://` with no network. Built from the same model the validator and generator use, so the constraints it
/// lists are the ones a generated server enforces and the client calls it shows are the generated ones.
public struct DocsSite: Sendable {
    /// A file of the site: its name inside the output folder and its contents.
    public struct File: Sendable, Hashable {
        /// The file's name inside the output folder (`index.html`).
        public var name: String
        /// The file's text.
        public var contents: String
    }

    static let styleFile = "charter-docs.css"
    static let scriptFile = "charter-docs.js"

    /// The site's files.
    public let files: [File]
    /// What the page read but could not show, located in the spec (a malformed `x-codeSamples` entry).
    public let diagnostics: [Diagnostic]

    /// Builds the site of `validator`'s document; `moduleName` names the generated client shown in the Swift
    /// samples (`Airline` → `AirlineClient`), as `generate --module-name` would.
    public init(validator: SpecValidator, moduleName: String) {
        var page = DocsPage(validator: validator, moduleName: moduleName)
        files = [
            File(name: "index.html", contents: page.render()),
            File(name: Self.styleFile, contents: DocsAssets.style),
            File(name: Self.scriptFile, contents: DocsAssets.script),
        ]
        diagnostics = page.diagnostics
    }

    /// Writes the files into `directory` (created if needed); a file whose contents are unchanged is not
    /// rewritten. Returns the names written.
    @discardableResult
    public func write(to directory: URL) throws -> [String] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var written: [String] = []
        for file in files {
            let url = directory.appendingPathComponent(file.name)
            let data = Data(file.contents.utf8)
            if let existing = try? Data(contentsOf: url), existing == data { continue }
            try data.write(to: url, options: .atomic)
            written.append(file.name)
        }
        return written
    }
}
