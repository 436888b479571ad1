import Foundation

/// Runs the real `generate` executable (built beside the test bundle) from the package root, as a user or CI
/// would; its exit status and both streams.
public func runGenerate(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    guard let binary = generateBinary else { throw TestFailure("generate executable not found beside the test bundle") }
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = TestPaths.packageRoot
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
}

/// Where the `generate` executable of this build is.
public var generateBinary: URL? {
    let candidates = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
    return candidates.map { $0.appendingPathComponent("generate") }
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }
}

/// A new empty directory under the system's temporary folder (the caller removes it).
public func scratchDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("charter-generate-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
