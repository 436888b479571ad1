import Foundation

/// `read(2)` (the name inside `SpecFileReader` is its own `read(path:)`).
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}

/// Options for reading spec files.
public struct LoadOptions: Sendable {
    /// Tree limits (depth, alias expansion).
    public var limits = TreeLimits()
    /// Files larger than this are refused before parsing.
    public var maxFileSize = 64 << 20
    /// Allow `$ref`s to files outside the root spec's folder tree (off by default: a spec from elsewhere
    /// must not make us read `../../etc/passwd`).
    public var allowRefsOutsideRoot = false
    /// Deepest schema nesting (including through `$ref`s followed inline).
    public var maxSchemaDepth = 128
    /// Documents named by URL that are read from a local folder instead: `(prefix, folder)` reads
    /// `https://example.com/schemas/pet.json` from `folder/pet.json` when the prefix is `https://example.com/schemas/`.
    /// Charter never fetches over the network; a `$ref` to an unmapped URL is an error.
    public var urlMappings: [(prefix: String, folder: String)] = []

    public init() {}

    /// The local file a mapped URL is read from.
    func localPath(for url: String) -> String? {
        for (prefix, folder) in urlMappings where url.hasPrefix(prefix) {
            let rest = url.dropFirst(prefix.count)
            guard !rest.split(separator: "/").contains("..") else { return nil }
            return folder + (folder.hasSuffix("/") ? "" : "/") + rest
        }
        return nil
    }
}

/// Reads one file into a located tree, choosing the JSON fast path or libyaml.
public enum SpecFileReader {
    /// Reads and parses `path`; the diagnostics carry every problem found (a tree is returned when parsing
    /// finished, possibly with non-fatal errors such as duplicate keys).
    public static func read(path: String, options: LoadOptions = LoadOptions()) -> (tree: SpecTree?, diagnostics: [Diagnostic]) {
        switch readBytes(path: path, limit: options.maxFileSize) {
        case .success(let bytes): return parse(bytes: bytes, path: path, options: options)
        case .failure(let problem): return (nil, [problem.diagnostic])
        }
    }

    private struct ReadProblem: Error {
        var diagnostic: Diagnostic
    }

    /// The file's bytes through one open, fstat and read loop: a tree of thousands of files pays this per file,
    /// and Foundation's file handle cost several calls more each. Stops one byte past `limit`.
    private static func readBytes(path: String, limit: Int) -> Result<[UInt8], ReadProblem> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let missing = errno == ENOENT || errno == ENOTDIR
            return .failure(ReadProblem(diagnostic: Diagnostic(.error, missing ? "no such file '\(path)'" : "cannot read '\(path)'", at: nil)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            return .failure(ReadProblem(diagnostic: Diagnostic(.error, "cannot read '\(path)'", at: nil)))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            return .failure(ReadProblem(diagnostic: Diagnostic(.error, "'\(path)' is a directory, not a spec file", at: nil)))
        }
        let tooLarge = Diagnostic(.error, "file is larger than the \(limit >> 20) MiB limit", at: SourceLocation(file: path, line: 1, column: 1))
        if Int(info.st_size) > limit { return .failure(ReadProblem(diagnostic: tooLarge)) }
        // The size is a hint (a pipe or a growing file may say otherwise): read until the end or past the limit.
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var count = 0
        // A regular file's short read is its end (the buffer holds one byte more than its size), which saves the
        // read that would return 0: one system call per file of a tree.
        let regular = (info.st_mode & S_IFMT) == S_IFREG
        while true {
            if count == bytes.count {
                if count > limit { return .failure(ReadProblem(diagnostic: tooLarge)) }
                bytes.append(contentsOf: repeatElement(0, count: max(count, 4096)))
            }
            let wanted = bytes.count - count
            let n = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return -1 }
                return systemRead(fd, base + count, wanted)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(ReadProblem(diagnostic: Diagnostic(.error, "cannot read '\(path)'", at: nil)))
            }
            if n == 0 { break }
            count += n
            if regular && n < wanted { break }
        }
        if count > limit { return .failure(ReadProblem(diagnostic: tooLarge)) }
        bytes.removeLast(bytes.count - count)
        return .success(bytes)
    }

    /// Parses bytes already in memory; `path` names them in diagnostics and picks JSON for `.json`.
    public static func parse(bytes: [UInt8], path: String, options: LoadOptions = LoadOptions()) -> (tree: SpecTree?, diagnostics: [Diagnostic]) {
        do {
            if path.lowercased().hasSuffix(".json") {
                return try JSONReader.read(bytes, path: path, limits: options.limits)
            }
            // JSON saved under a YAML name takes the fast path; flow-style YAML that is not JSON falls back.
            if startsLikeJSON(bytes), let result = try? JSONReader.read(bytes, path: path, limits: options.limits) {
                return result
            }
            return try YAMLReader.read(bytes, path: path, limits: options.limits)
        } catch let error as TreeError {
            return (nil, [error.diagnostic])
        } catch {
            return (nil, [Diagnostic(.error, "\(error)", at: SourceLocation(file: path, line: 1, column: 1))])
        }
    }

    private static func startsLikeJSON(_ bytes: [UInt8]) -> Bool {
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        return i < bytes.count && bytes[i] == UInt8(ascii: "{")
    }
}
