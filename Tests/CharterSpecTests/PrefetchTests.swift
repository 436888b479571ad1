import CharterBase
import CharterTestSupport
import Foundation
import Testing
@testable import CharterSpec

/// The files a multi-file spec names are read ahead on several cores (`SpecFiles.prefetch`); what the load reports
/// must not change: only files the build asks for are listed and their problems reported, each once, where they are.
@Suite("Files read ahead")
struct PrefetchTests {
    @Test func onlyTheFilesTheBuildUsesAreListedAndReported() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("charter-prefetch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("schemas"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = [
            "openapi.yaml": """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            x-unused:
              a: {$ref: unused-broken.yaml}
              b: {$ref: unused.yaml}
            paths:
              /a: {$ref: a.yaml}
              /b: {$ref: broken.yaml}
            """,
            "a.yaml": "get: {responses: {'200': {description: ok, content: {application/json: {schema: {$ref: 'schemas/thing.yaml'}}}}}}\n",
            "schemas/thing.yaml": "type: object\nproperties:\n  next: {$ref: 'other.yaml'}\n  self: {$ref: '../schemas/thing.yaml'}\n",
            "schemas/other.yaml": "type: string\n",
            "broken.yaml": "get:\n  responses: [1, 2\n",
            "unused-broken.yaml": "a: [\n",
            "unused.yaml": "type: string\n",
        ]
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let root = folder.appendingPathComponent("openapi.yaml").path
        // Read ahead: every file named, used or not, waits (on a machine with more than one core).
        let ahead = SpecFiles(rootPath: root, options: LoadOptions())
        ahead.prefetch(from: try #require(ahead.tree(at: root).tree))
        if Parallel.cores > 1 {
            #expect(Set(ahead.prefetched.keys.map { ($0 as NSString).lastPathComponent })
                    == ["a.yaml", "broken.yaml", "unused-broken.yaml", "unused.yaml", "thing.yaml", "other.yaml"])
        }
        let loaded = SpecLoader().load(path: root)
        let messages = loaded.diagnostics.map { "\($0.location.map { ($0.file as NSString).lastPathComponent + ":\($0.line)" } ?? "-") \($0.message)" }
        #expect(messages.filter { $0.hasPrefix("broken.yaml:") }.count == 1, "\(messages)")
        #expect(!messages.contains { $0.contains("unused") }, "\(messages)")
        let listed = Set(loaded.files.map { ($0 as NSString).lastPathComponent })
        #expect(listed == ["openapi.yaml", "a.yaml", "thing.yaml", "other.yaml", "broken.yaml"], "\(loaded.files)")
        let operation = try #require(loaded.document?.operations.first { $0.path.path == "/a" }?.operation)
        let schema = try #require(operation.responses.first?.content.first?.schema)
        #expect(loaded.document.map { $0[$0.resolved(schema)].properties.map(\.name) } == ["next", "self"])
    }
}
