import Foundation

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

    public init() {}
}

/// Reads one file into a located tree, choosing the JSON fast path or libyaml.
public enum SpecFileReader {
    /// Reads and parses `path`; the diagnostics carry every problem found (a tree is returned when parsing
    /// finished, possibly with non-fatal errors such as duplicate keys).
    public static func read(path: String, options: LoadOptions = LoadOptions()) -> (tree: SpecTree?, diagnostics: [Diagnostic]) {
        let location = SourceLocation(file: path, line: 1, column: 1)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            return (nil, [Diagnostic(.error, exists ? "cannot read '\(path)'" : "no such file '\(path)'", at: nil)])
        }
        defer { try? handle.close() }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return (nil, [Diagnostic(.error, "'\(path)' is a directory, not a spec file", at: nil)])
        }
        let data: Data
        do {
            // Read one byte past the limit so an oversized file is refused without reading all of it.
            data = try handle.read(upToCount: options.maxFileSize + 1) ?? Data()
        } catch {
            return (nil, [Diagnostic(.error, "cannot read '\(path)': \(error.localizedDescription)", at: nil)])
        }
        if data.count > options.maxFileSize {
            return (nil, [Diagnostic(.error, "file is larger than the \(options.maxFileSize >> 20) MiB limit", at: location)])
        }
        return parse(bytes: [UInt8](data), path: path, options: options)
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
