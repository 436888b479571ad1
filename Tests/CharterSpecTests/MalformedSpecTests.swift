import Foundation
import CharterTestSupport
import Testing
@testable import CharterSpec

/// Every file in Fixtures/malformed has a `.expected` file beside it listing its exact diagnostics.
@Suite("Malformed specs")
struct MalformedSpecTests {
    static let folder = TestPaths.fixtures.appendingPathComponent("malformed")
    static let cases: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { !$0.hasSuffix(".expected") }
        .sorted()

    @Test func everyFixtureHasAnExpectation() {
        #expect(Self.cases.count >= 25)
        for name in Self.cases {
            #expect(FileManager.default.fileExists(atPath: Self.folder.appendingPathComponent(name + ".expected").path), "\(name)")
        }
    }

    @Test(arguments: cases)
    func diagnosticsMatchExactly(_ name: String) throws {
        let path = Self.folder.appendingPathComponent(name).path
        let expected = try String(contentsOfFile: path + ".expected", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let result = SpecLoader().load(path: path)
        #expect(rendered(result.diagnostics) == expected)
        #expect(result.diagnostics.allSatisfy { $0.location?.file == path })
    }
}

/// How a spec file's bytes are read: a regular file ends at its first short read, anything else (a pipe) is read
/// until its end; the size limit and a directory are located errors.
@Suite("Reading spec files")
struct SpecFileReadingTests {
    func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("charter-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func regularFilesAndPipesAreReadWhole() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Sizes around the page size and the reader's first buffer (the file's size plus one byte).
        for size in [0, 1, 4095, 4096, 4097, 70_000] {
            let text = "a: '" + String(repeating: "x", count: size) + "'\n"
            let file = folder.appendingPathComponent("s\(size).yaml")
            try text.write(to: file, atomically: false, encoding: .utf8)
            let result = SpecFileReader.read(path: file.path)
            let tree = try #require(result.tree, "\(result.diagnostics)")
            #expect(tree.root?["a"]?.text?.utf8.count == size, "size \(size)")
        }
        // A FIFO has no size to trust: it is read until the writer closes it.
        let fifo = folder.appendingPathComponent("pipe.yaml").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let text = "items:\n" + String(repeating: "  - abcdefghij\n", count: 5_000)
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: fifo) {
                for chunk in stride(from: 0, to: text.utf8.count, by: 7_000) {
                    handle.write(Data(Array(text.utf8)[chunk..<min(chunk + 7_000, text.utf8.count)]))
                }
                try? handle.close()
            }
        }
        writer.start()
        let result = SpecFileReader.read(path: fifo)
        let tree = try #require(result.tree, "\(result.diagnostics)")
        #expect(tree.root?["items"]?.elements.count == 5_000)
        #expect(tree.root?["items"]?.elements.last?.text == "abcdefghij")
    }

    @Test func theLimitAndDirectoriesAreErrors() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("big.yaml")
        try String(repeating: "k: v\n", count: 1_000).write(to: file, atomically: false, encoding: .utf8)
        var options = LoadOptions()
        options.maxFileSize = 4_999
        let big = SpecFileReader.read(path: file.path, options: options)
        #expect(big.tree == nil && big.diagnostics.map(\.message) == ["file is larger than the 0 MiB limit"])
        options.maxFileSize = 5_000
        #expect(SpecFileReader.read(path: file.path, options: options).tree != nil)
        let directory = SpecFileReader.read(path: folder.path)
        #expect(directory.tree == nil && directory.diagnostics.first?.message.contains("is a directory") == true)
    }
}
