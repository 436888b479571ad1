import Foundation
import OpenAPIRuntime
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where an uploaded file part is kept while its request is handled: in memory while it is small, then in a
/// temporary file that is unlinked as soon as it is created (the name vanishes at once; the space is freed
/// when the last reference to the contents goes, even if the process dies). Memory stays bounded by
/// `memoryLimit` however large the upload.
final class SpooledFile: @unchecked Sendable {
    // Written only by the task parsing the upload, read only after it finished: no concurrent access.
    private var memory: [UInt8] = []
    private var descriptor: Int32 = -1
    private(set) var size = 0
    private let memoryLimit: Int

    init(memoryLimit: Int) {
        self.memoryLimit = memoryLimit
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    func append(_ bytes: ArraySlice<UInt8>) throws {
        size += bytes.count
        if descriptor < 0 && memory.count + bytes.count <= memoryLimit {
            memory.append(contentsOf: bytes)
            return
        }
        if descriptor < 0 {
            descriptor = try Self.unlinkedTemporaryFile()
            try writeAll(memory[...])
            memory = []
        }
        try writeAll(bytes)
    }

    private func writeAll(_ bytes: ArraySlice<UInt8>) throws {
        try bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var done = 0
            while done < raw.count {
                let n = write(descriptor, base + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw SpoolError(message: "could not write the upload to a temporary file (errno \(errno))")
                }
                done += n
            }
        }
    }

    /// The contents as a body that may be read any number of times, in chunks of at most 64 KiB.
    var body: HTTPBody {
        if descriptor < 0 { return HTTPBody(memory) }
        return HTTPBody(SpooledChunks(file: self), length: .known(Int64(size)), iterationBehavior: .multiple)
    }

    /// The bytes in memory (nil once spooled to disk).
    var inMemory: [UInt8]? { descriptor < 0 ? memory : nil }

    fileprivate func read(at offset: Int, count: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        let n = out.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(offset)) }
        guard n >= 0 else { throw SpoolError(message: "could not read the spooled upload (errno \(errno))") }
        out.removeLast(count - n)
        return out
    }

    private static func unlinkedTemporaryFile() throws -> Int32 {
        var template = Array((FileManager.default.temporaryDirectory.path + "/charter-upload-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { $0.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { throw SpoolError(message: "could not create a temporary file for the upload (errno \(errno))") }
        template.withUnsafeBufferPointer { if let path = $0.baseAddress { _ = unlink(path) } }
        return fd
    }

    struct SpoolError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}

/// Reads a spooled file from the start, 64 KiB at a time.
private struct SpooledChunks: AsyncSequence, Sendable {
    typealias Element = ArraySlice<UInt8>
    let file: SpooledFile

    struct AsyncIterator: AsyncIteratorProtocol {
        let file: SpooledFile
        var offset = 0

        mutating func next() async throws -> ArraySlice<UInt8>? {
            guard offset < file.size else { return nil }
            let chunk = try file.read(at: offset, count: Swift.min(64 << 10, file.size - offset))
            guard !chunk.isEmpty else { return nil }
            offset += chunk.count
            return chunk[...]
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(file: file) }
}
