@_spi(Generated) import CharterRuntime
import CharterSpec
import CharterValidation
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import OpenAPIHummingbird
import OpenAPIRuntime

// upload-bench [MiB]: a large file uploaded with curl (a client nobody here wrote) to a server in this process,
// on 127.0.0.1: once as raw bytes to a handler that only counts them (the cheapest handling there is), once as a
// multipart form through a generated-style operation (parts parsed as they stream, metadata validated, the file
// part's type checked, the file spooled to an unlinked temporary file past 256 KiB, then read by the handler).
// Prints throughput for both and the server's peak resident memory growth during each upload.

func residentBytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          let kb = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kb * 1024
}

/// Samples resident memory every 20 ms until cancelled; the highest value seen.
actor PeakMemory {
    var peak = 0
    func sample() { peak = max(peak, residentBytes()) }
}

let mebibytes = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 1024
let size = mebibytes << 20
let path = FileManager.default.temporaryDirectory.appendingPathComponent("charter-upload-bench-\(mebibytes).bin").path
if (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) != size {
    // Bytes from a fast generator, written in 1 MiB blocks (incompressible, and no two blocks alike).
    FileManager.default.createFile(atPath: path, contents: nil)
    guard let handle = FileHandle(forWritingAtPath: path) else { fatalError("cannot write \(path)") }
    var state: UInt64 = 0x9E3779B97F4A7C15
    var block = [UInt8](repeating: 0, count: 1 << 20)
    for _ in 0..<mebibytes {
        block.withUnsafeMutableBytes { raw in
            for i in 0..<(raw.count / 8) {
                state ^= state << 13; state ^= state >> 7; state ^= state << 17
                raw.storeBytes(of: state, toByteOffset: i * 8, as: UInt64.self)
            }
        }
        handle.write(Data(block))
    }
    try handle.close()
}

let router = Router()
// The baseline: the body's bytes counted as they arrive, nothing parsed or checked.
router.post("/raw") { request, _ -> String in
    var count = 0
    for try await chunk in request.body { count += chunk.readableBytes }
    return "{\"bytes\": \(count)}"
}
var options = ValidationOptions(responseValidation: .enforce)
options.maxBodySize = .max
let server = OperationServer(transport: router, serverURL: OperationServer.rootURL, schemas: validator.schemas, contracts: validator.contracts,
                             options: options, middlewares: [])
try server.register(Upload.self) { input in
    var count = 0
    for try await chunk in input.file.body { count += chunk.count }
    return Received(bytes: count)
}

var logger = Logger(label: "upload-bench")
logger.logLevel = .critical
let (ports, continuation) = AsyncStream<Int>.makeStream()
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                      onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) }, logger: logger)

/// One upload with curl: seconds taken (curl's own timing) and the server's peak memory growth while it ran.
func upload(_ port: Int, multipart: Bool) async throws -> (seconds: Double, growth: Int, reply: String) {
    let curl = Process()
    curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
    let base = "http://127.0.0.1:\(port)"
    curl.arguments = multipart
        ? ["-s", "-w", "\n%{time_total}", "-F", "file=@\(path);type=application/octet-stream", "-F", #"metadata={"title":"big"};type=application/json"#, base + "/upload"]
        : ["-s", "-w", "\n%{time_total}", "-X", "POST", "-H", "Content-Type: application/octet-stream", "-T", path, base + "/raw"]
    let output = Pipe()
    curl.standardOutput = output
    let before = residentBytes()
    let peak = PeakMemory()
    let sampler = Task {
        while !Task.isCancelled {
            await peak.sample()
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
    try curl.run()
    let data = await Task.detached { output.fileHandleForReading.readDataToEndOfFile() }.value
    curl.waitUntilExit()
    sampler.cancel()
    await peak.sample()
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
    return (Double(lines.last ?? "") ?? .nan, max(0, await peak.peak - before), String(lines.first ?? ""))
}

try await withThrowingTaskGroup(of: Void.self) { group in
    group.addTask { try await app.runService(gracefulShutdownSignals: []) }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next() else { return }
    var raw = (seconds: Double.infinity, growth: 0), charter = (seconds: Double.infinity, growth: 0)
    // Interleaved rounds, best time of each; memory growth is the largest seen.
    for _ in 0..<3 {
        let r = try await upload(port, multipart: false)
        let c = try await upload(port, multipart: true)
        guard r.reply.contains("\(size)"), c.reply.contains("\(size)") else { fatalError("an upload was refused: \(r.reply) / \(c.reply)") }
        raw = (min(raw.seconds, r.seconds), max(raw.growth, r.growth))
        charter = (min(charter.seconds, c.seconds), max(charter.growth, c.growth))
    }
    let mb = { (s: Double) in String(format: "%.0f MB/s", Double(size) / s / 1e6) }
    let growth = { (b: Int) in String(format: "%.1f MiB", Double(b) / 1_048_576) }
    print("| \(mebibytes) MiB upload with curl, server in process on 127.0.0.1 | throughput | ratio | server RSS growth |")
    print("| --- | ---: | ---: | ---: |")
    print("| raw body, bytes counted by a plain Hummingbird route (baseline) | \(mb(raw.seconds)) | 1.00× | \(growth(raw.growth)) |")
    print("| multipart through a generated-style operation: parsed, validated, file spooled, read by the handler | \(mb(charter.seconds)) | \(String(format: "%.2f×", raw.seconds / charter.seconds)) | \(growth(charter.growth)) |")
    print("")
    print("Best of 3 interleaved rounds; RSS sampled every 20 ms, growth over the value before each upload.")
    group.cancelAll()
}
