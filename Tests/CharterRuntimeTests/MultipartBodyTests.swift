@testable import CharterRuntime
import Foundation
import HTTPTypes
import OpenAPIRuntime
import CharterTestSupport
import Testing

/// Multipart framing (RFC 2046/7578) as the parser sees it chunk by chunk, and the writer as its inverse.
@Suite("Multipart bodies")
struct MultipartBodyTests {
    /// Parts as `name=content` (headers by name), from `body` fed in chunks of `size` bytes.
    func parts(_ body: String, boundary: String = "b", chunk size: Int) throws -> [String] {
        var parser = MultipartParser(boundary: boundary)
        let bytes = Array(body.utf8)
        var out: [String] = []
        var current: (name: String, content: [UInt8])?
        var start = 0
        while start < bytes.count {
            for event in try parser.feed(bytes[start..<min(start + size, bytes.count)]) {
                switch event {
                case .partStart(let fields):
                    let disposition = fields.first { $0.name == "content-disposition" }?.value ?? ""
                    current = (HeaderParameters.parse(disposition)["name"] ?? "?", [])
                case .content(let slice): current?.content += slice
                case .partEnd:
                    if let c = current { out.append("\(c.name)=\(String(decoding: c.content, as: UTF8.self))") }
                }
            }
            start += size
        }
        try parser.finish()
        return out
    }

    static let sample = "preamble text\r\n--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\none\r\n"
        + "--b  \r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.txt\"\r\nContent-Type: text/plain\r\n\r\n"
        + "line\r\n--bx not a delimiter\r\n-- b\r\n\r\n--b--\r\nepilogue"

    @Test func everyChunkingGivesTheSameParts() throws {
        let expected = ["a=one", "file=line\r\n--bx not a delimiter\r\n-- b\r\n"]
        for size in [1, 2, 3, 5, 7, 16, 64, 4096] {
            #expect(try parts(Self.sample, chunk: size) == expected, "chunks of \(size)")
        }
    }

    @Test func structureErrorsAreReported() throws {
        #expect(throws: MultipartSyntaxError.self) { try parts("no delimiter at all", chunk: 4) }
        #expect(throws: MultipartSyntaxError.self) { try parts("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\ncut off", chunk: 4) }
        #expect(throws: MultipartSyntaxError.self) { try parts("--b\r\nNo colon here\r\n\r\nx\r\n--b--", chunk: 4) }
        // A line that only starts with the boundary is not a delimiter (here: preamble).
        #expect(try parts("--bX\r\n\r\nx\r\n--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--b--", chunk: 5) == ["a=1"])
        let long = "--b\r\nX-Long: " + String(repeating: "h", count: 20_000) + "\r\n\r\nx\r\n--b--"
        #expect(throws: MultipartSyntaxError.self) { try parts(long, chunk: 1000) }
    }

    @Test func headerParametersReadQuotesEscapesAndExtendedNames() {
        let p = HeaderParameters.parse(#"form-data; name="a \"q\" b"; filename=plain.txt; filename*=UTF-8''na%C3%AFve%20f.txt"#)
        #expect(p["name"] == #"a "q" b"#)
        #expect(p["filename"] == "naïve f.txt")
        #expect(HeaderParameters.parse("multipart/form-data;boundary=----x; charset=utf-8")["boundary"] == "----x")
        #expect(HeaderParameters.quoted("a\"b\r\nc") == #""a%22b%0D%0Ac""#)
    }

    @Test func whatTheWriterSendsTheReaderReadsBackWithFilesStreamed() async throws {
        let media = MediaTypeContract(mediaType: "multipart/form-data", schema: nil,
                                      parts: [PartContract(name: "doc", isFile: true), PartContract(name: "meta", contentType: "application/json")])
        var writer = MultipartWriter(media: media)
        try writer.value("title", "Q\"4\" report")
        try writer.value("meta", ["k": 1])
        try writer.value("tags", ["a", "b"])
        let stream = AsyncStream<ArraySlice<UInt8>> { c in
            c.yield(Array("streamed ".utf8)[...])
            c.yield(Array("--charter bytes\r\n".utf8)[...])
            c.finish()
        }
        writer.file("doc", BinaryFile(HTTPBody(stream, length: .unknown), filename: "r.txt", contentType: "text/plain"))
        writer.file("doc", BinaryFile(bytes: [0, 1, 2], filename: "z.bin"))
        let body = writer.body
        #expect(body.length == .unknown)
        let bytes = try await [UInt8](collecting: body, upTo: 1 << 20)
        let read = try parts(String(decoding: bytes, as: UTF8.self), boundary: writer.boundary, chunk: 7)
        #expect(read == ["title=Q\"4\" report", "meta={\"k\":1}", "tags=a", "tags=b", "doc=streamed --charter bytes\r\n", "doc=\u{0}\u{1}\u{2}"])
        // Known lengths everywhere: a known total.
        var fixed = MultipartWriter(media: media)
        try fixed.value("title", "x")
        fixed.file("doc", BinaryFile(bytes: [1, 2, 3]))
        let fixedBytes = try await [UInt8](collecting: fixed.body, upTo: 1 << 20)
        #expect(fixed.body.length == .known(Int64(fixedBytes.count)))
    }

    @Test func largeFilesAreSpooledNotHeld() async throws {
        let spool = SpooledFile(memoryLimit: 1024)
        let chunk = [UInt8](repeating: 7, count: 1000)
        for _ in 0..<10 { try spool.append(chunk[...]) }
        #expect(spool.inMemory == nil && spool.size == 10_000)
        let back = try await [UInt8](collecting: spool.body, upTo: 1 << 20)
        #expect(back == [UInt8](repeating: 7, count: 10_000))
        // Readable again (a handler may read a file twice).
        #expect(try await [UInt8](collecting: spool.body, upTo: 1 << 20).count == 10_000)
        let small = SpooledFile(memoryLimit: 1024)
        try small.append(chunk[...])
        #expect(small.inMemory?.count == 1000)
    }
}
