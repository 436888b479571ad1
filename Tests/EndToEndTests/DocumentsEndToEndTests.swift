import CharterRuntime
import Documents
import ExampleServers
import Foundation
import HTTPTypes
import Hummingbird
import OpenAPIHummingbird
import OpenAPIRuntime
import CharterTestSupport
import Testing

/// The generated Documents server (every body kind) on a real port, driven by the generated client over
/// AsyncHTTPClient: a form token call, multipart uploads (small and spooled to disk), binary download and
/// streamed upload, text, JSON or CSV by Accept, JSON or a form for one body, JSON Lines and server-sent events.
@Suite("Documents end to end")
struct DocumentsEndToEndTests {
    func withDocuments(_ validation: ClientValidation = ClientValidation(validateRequests: false, responses: .enforce),
                       _ body: @Sendable (DocumentsClient, URL) async throws -> Void) async throws {
        let router = Router()
        try DocumentService().registerHandlers(on: router, security: DocumentsSecurity(TokenBook(["t0k3n"])),
                                               options: ValidationOptions(responseValidation: .enforce))
        try await withServer(router) { url in
            try await body(DocumentsClient(serverURL: url, middlewares: [BearerToken()], validation: validation), url)
        }
    }

    static func upload(_ client: DocumentsClient, _ bytes: [UInt8], title: String = "Report", type: String = "text/plain",
                       tags: [String]? = ["q4"]) async throws -> Document {
        let file = BinaryFile(bytes: bytes, filename: "report.txt", contentType: type)
        guard case .created(let document, let headers) = try await client.uploadDocument(
            body: DocumentUpload(file: file, metadata: DocumentMetadata(title: title, category: .report), tags: tags)) else {
            throw TestFailure("expected 201")
        }
        #expect(headers.location == "/documents/\(document.documentID)")
        return document
    }

    @Test func aFormEncodedTokenCallIsTypedBothWays() async throws {
        try await withDocuments { client, _ in
            guard case .ok(let token) = try await client.createToken(body: TokenRequest(grantType: .password, username: "ada", password: "lovelace")) else {
                Issue.record("expected 200")
                return
            }
            #expect(token.accessToken == "t0k3n" && token.tokenType == .bearer)
            guard case .unauthorized(let error) = try await client.createToken(body: TokenRequest(grantType: .password, username: "ada", password: "x")) else {
                Issue.record("expected 401")
                return
            }
            #expect(error.error.code == "INVALID_GRANT")
        }
    }

    @Test func aMultipartUploadComesBackAsBinaryTextJSONAndCSV() async throws {
        try await withDocuments { client, _ in
            let text = Array("Quarterly, report\nline two\n".utf8)
            let document = try await Self.upload(client, text)
            #expect(document.size == text.count && document.mediaType == "text/plain" && document.tags == ["q4"])

            guard case .ok(let content, let headers) = try await client.downloadDocument(documentID: document.documentID) else {
                Issue.record("expected 200")
                return
            }
            #expect(try await [UInt8](collecting: content, upTo: 1 << 20) == text)
            #expect(headers.contentDisposition == "attachment; filename=\"report.txt\"")

            guard case .ok(let summary) = try await client.summarizeDocument(documentID: document.documentID) else {
                Issue.record("expected 200")
                return
            }
            #expect(summary.hasPrefix("“Report”, a report of \(text.count) bytes (text/plain): Quarterly"))

            guard case .ok(.json(let list)) = try await client.listDocuments() else {
                Issue.record("expected JSON by default")
                return
            }
            #expect(list.items.map(\.documentID) == [document.documentID])
            guard case .ok(.csv(let csv)) = try await client.listDocuments(accept: "text/csv") else {
                Issue.record("expected CSV when asked for it")
                return
            }
            #expect(csv.hasPrefix("document_id,title,category,size,created_at\r\n\(document.documentID),Report,report,\(text.count),"))
        }
    }

    @Test func uploadsOverTheMemoryThresholdAreSpooledAndArriveIntact() async throws {
        try await withDocuments { client, _ in
            var rng = SystemRandomNumberGenerator()
            let bytes = (0..<(3 << 20)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let document = try await Self.upload(client, bytes, type: "application/octet-stream")
            guard case .ok(let content, _) = try await client.downloadDocument(documentID: document.documentID) else {
                Issue.record("expected 200")
                return
            }
            #expect(try await [UInt8](collecting: content, upTo: 8 << 20) == bytes)
            // The same bytes streamed up in chunks of unknown total length.
            let chunks = AsyncStream<ArraySlice<UInt8>> { continuation in
                for start in stride(from: 0, to: bytes.count, by: 100_000) { continuation.yield(bytes[start..<min(start + 100_000, bytes.count)]) }
                continuation.finish()
            }
            guard case .ok(let replaced) = try await client.replaceContent(documentID: document.documentID, body: HTTPBody(chunks, length: .unknown)) else {
                Issue.record("expected 200")
                return
            }
            #expect(replaced.size == bytes.count)
        }
    }

    @Test func oneBodyAsJSONAsAFormWithBracketsOrAsXML() async throws {
        try await withDocuments { client, _ in
            let document = try await Self.upload(client, Array("x".utf8))
            let note = NewNote(text: "Call back", labels: [.todo, .important], metadata: ["source": "email", "thread": "t 1"])
            for body in [AddNote.Body.json(note), .form(note), .xml(note)] {
                guard case .created(let created) = try await client.addNote(documentID: document.documentID, body: body) else {
                    Issue.record("expected 201 for \(body)")
                    return
                }
                #expect(created.text == "Call back" && created.labels == ["todo", "important"])
                #expect(created.metadata == ["source": "email", "thread": "t 1"])
            }
        }
    }

    /// XML as another client writes it (prefixes, comments, CDATA, entities) is read into the typed note; a document
    /// that breaks the schema gets a 400 naming each problem, one that is not XML its line and column.
    @Test func xmlFromAnyClientIsReadByTheSchemaAndRefusedWithReasons() async throws {
        try await withDocuments { client, url in
            let document = try await Self.upload(client, Array("x".utf8))
            func post(_ xml: String) async throws -> (Int, String) {
                let exchange = try await send(url, "POST", "/documents/\(document.documentID)/notes",
                                              headers: ["Content-Type": "application/xml", "Authorization": "Bearer t0k3n"], body: Data(xml.utf8))
                return (exchange.status, String(decoding: exchange.body, as: UTF8.self))
            }
            let (created, note) = try await post("""
                <?xml version="1.0"?>
                <n:note xmlns:n="urn:notes"><!-- from the desk --><n:text><![CDATA[Call <Ada>]]> &amp; co</n:text>
                <n:labels><n:label>question</n:label></n:labels><n:metadata><source>fax</source></n:metadata></n:note>
                """)
            #expect(created == 201)
            #expect(note.contains(#""text":"Call <Ada> & co""#) && note.contains(#""labels":["question"]"#) && note.contains(#""source":"fax""#))

            let (refused, problems) = try await post("<note><text></text><labels><label>urgent</label></labels><colour>red</colour></note>")
            #expect(refused == 400)
            for field in [#""field":"text""#, #""field":"labels[0]""#, #""field":"colour""#] { #expect(problems.contains(field), "\(problems)") }

            let (malformed, syntax) = try await post("<note>\n<text>hi</txt></note>")
            #expect(malformed == 400)
            #expect(syntax.contains("Invalid XML at line 2, column 14"), "\(syntax)")
        }
    }

    @Test func streamsArriveAsTypedItemsAsTheyAreRead() async throws {
        try await withDocuments { client, _ in
            let first = try await Self.upload(client, Array("a".utf8), title: "First")
            let second = try await Self.upload(client, Array("b".utf8), title: "Second")
            _ = try await client.addNote(documentID: first.documentID, body: .json(NewNote(text: "n")))

            guard case .ok(let lines) = try await client.exportDocuments() else {
                Issue.record("expected 200")
                return
            }
            var titles: [String] = []
            for try await document in lines { titles.append(document.title) }
            #expect(titles == ["First", "Second"])

            guard case .ok(let events) = try await client.streamEvents(limit: 10) else {
                Issue.record("expected 200")
                return
            }
            var seen: [String] = []
            for try await event in events {
                #expect(event.id == String(event.data.sequence) && event.event == event.data.type.rawValue)
                seen.append("\(event.data.type.rawValue) \(event.data.documentID)")
            }
            #expect(seen == ["created \(first.documentID)", "created \(second.documentID)", "noted \(first.documentID)"])
            // Resuming after an event id.
            guard case .ok(let rest) = try await client.streamEvents(limit: 10, lastEventID: "2") else {
                Issue.record("expected 200")
                return
            }
            var resumed: [Int] = []
            for try await event in rest { resumed.append(event.data.sequence) }
            #expect(resumed == [3])
        }
    }

    @Test func aClientRefusesAnInvalidUploadBeforeSendingIt() async throws {
        try await withDocuments(ClientValidation(validateRequests: true, responses: .enforce)) { client, _ in
            let file = BinaryFile(bytes: Array("x".utf8), filename: "x.gif", contentType: "image/gif")
            do {
                _ = try await client.uploadDocument(body: DocumentUpload(file: file, metadata: DocumentMetadata(title: "", category: .report), tags: ["Bad Tag"]))
                Issue.record("expected a ContractViolation")
            } catch let violation as ContractViolation {
                #expect(violation.phase == .request)
                #expect(Set(violation.issues.map(\.field)) == ["metadata[title]", "tags[0]"])
            }
        }
    }

    @Test func invalidBodiesOfEveryKindAre400sListingEveryProblem() async throws {
        try await withDocuments { _, url in
            let auth = ["Authorization": "Bearer t0k3n", "X-Request-ID": "req-7"]
            // A form: a bad escape, a repeated single value and a schema violation, all at once.
            var reply = try await send(url, "POST", "/oauth/token", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                       body: Data("grant_type=magic&username=%ZZ&scope=a&scope=b".utf8))
            #expect(reply.status == 400)
            #expect(Self.details(reply) == ["username|syntax", "scope|repeated", "grant_type|enum"])
            // Multipart without a boundary, truncated, with an unnamed part.
            reply = try await send(url, "POST", "/documents", headers: auth.merging(["Content-Type": "multipart/form-data"]) { a, _ in a }, body: Data("--x\r\n".utf8))
            #expect(reply.status == 400 && Self.details(reply) == ["|boundary"] && reply.header("X-Request-ID") == "req-7")
            let truncated = "--b\r\nContent-Disposition: form-data; name=\"metadata\"\r\nContent-Type: application/json\r\n\r\n{\"title\":\"t\""
            reply = try await send(url, "POST", "/documents", headers: auth.merging(["Content-Type": "multipart/form-data; boundary=b"]) { a, _ in a },
                                   body: Data(truncated.utf8))
            #expect(reply.status == 400 && Self.details(reply).contains("|multipart"))
            // Too many parts, and a value part over its limit: 413.
            let many = (0..<600).map { _ in "--b\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\nt\r\n" }.joined() + "--b--\r\n"
            reply = try await send(url, "POST", "/documents", headers: auth.merging(["Content-Type": "multipart/form-data; boundary=b"]) { a, _ in a },
                                   body: Data(many.utf8))
            #expect(reply.status == 413)
            let big = "--b\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\n" + String(repeating: "t", count: 2 << 20) + "\r\n--b--\r\n"
            reply = try await send(url, "POST", "/documents", headers: auth.merging(["Content-Type": "multipart/form-data; boundary=b"]) { a, _ in a },
                                   body: Data(big.utf8))
            #expect(reply.status == 413)
            // A file of a type the encoding does not allow, a missing required part and an invalid JSON part.
            let wrong = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.gif\"\r\nContent-Type: image/gif\r\n\r\nGIF\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\nok\r\n--b--\r\n"
            reply = try await send(url, "POST", "/documents", headers: auth.merging(["Content-Type": "multipart/form-data; boundary=b"]) { a, _ in a },
                                   body: Data(wrong.utf8))
            #expect(reply.status == 400)
            #expect(Self.details(reply) == ["file|contentType", "metadata|required"])
        }
    }

    @Test func anIndependentClientUploadsWithCurl() async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/curl") else { return }
        try await withDocuments { client, url in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("charter-curl-\(UUID().uuidString).txt")
            try Data("from curl\n".utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let curl = Process()
            curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            curl.arguments = ["-s", "-H", "Authorization: Bearer t0k3n", url.absoluteString + "/documents",
                              "-F", "file=@\(file.path);type=text/plain", "-F", #"metadata={"title":"Curl","category":"other"}"#, "-F", "tags=cli"]
            let output = Pipe()
            curl.standardOutput = output
            try curl.run()
            curl.waitUntilExit()
            let reply = try JSONCoding.decoder().decode(Document.self, from: output.fileHandleForReading.readDataToEndOfFile())
            #expect(reply.title == "Curl" && reply.tags == ["cli"] && reply.size == 10)
            guard case .ok(let summary) = try await client.summarizeDocument(documentID: reply.documentID) else {
                Issue.record("expected 200")
                return
            }
            #expect(summary.hasSuffix(": from curl\n"))
        }
    }

    /// `field|constraint` of each detail of a 400 body.
    static func details(_ reply: Exchange) -> [String] {
        guard case .object(let root)? = reply.json, case .object(let error)? = root["error"], case .array(let details)? = error["details"] else { return [] }
        return details.map { "\($0["field"]?.stringValue ?? "")|\($0["constraint"]?.stringValue ?? "")" }
    }
}

