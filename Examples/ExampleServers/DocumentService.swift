import CharterRuntime
import Documents
import Foundation
import OpenAPIRuntime

/// An in-memory document store for `Specs/documents.yaml`: every kind of body the generated code speaks —
/// a form-encoded token call, multipart uploads, binary downloads and uploads, text, JSON or CSV, JSON or a
/// form, a JSON Lines export and server-sent events.
public struct DocumentService: DocumentsAPIProtocol {
    let store = Store()
    /// The token `createToken` hands out (the server accepts it).
    let token: String
    /// Largest file the store keeps in memory (the operations' own limit is the spec's 100 MiB).
    static let maxFileSize = 100 << 20

    public init(token: String = "t0k3n") {
        self.token = token
    }

    actor Store {
        var documents: [Document] = []
        var contents: [String: (bytes: [UInt8], filename: String)] = [:]
        var notes: [Note] = []
        var events: [DocumentEvent] = []
        var clock = Date(timeIntervalSince1970: 1_795_000_000)

        func now() -> Date {
            clock += 1
            return clock
        }

        func add(_ metadata: DocumentMetadata, tags: [Tag], bytes: [UInt8], filename: String, mediaType: String) -> Document {
            let id = String(format: "DOC%06d", documents.count + 1)
            let document = Document(documentID: id, title: metadata.title, category: metadata.category, language: metadata.language,
                                    tags: tags, size: bytes.count, mediaType: mediaType, createdAt: now(), notes: 0)
            documents.append(document)
            contents[id] = (bytes, filename)
            record(.created, id)
            return document
        }

        func document(_ id: String) -> Document? { documents.first { $0.documentID == id } }

        func replace(_ id: String, bytes: [UInt8]) -> Document? {
            guard let i = documents.firstIndex(where: { $0.documentID == id }) else { return nil }
            documents[i].size = bytes.count
            contents[id]?.bytes = bytes
            record(.replaced, id)
            return documents[i]
        }

        func addNote(_ id: String, _ new: NewNote) -> Note? {
            guard let i = documents.firstIndex(where: { $0.documentID == id }) else { return nil }
            documents[i].notes += 1
            let note = Note(noteID: notes.count + 1, documentID: id, text: new.text, labels: (new.labels ?? []).map(\.rawValue),
                            metadata: new.metadata, createdAt: now())
            notes.append(note)
            record(.noted, id)
            return note
        }

        private func record(_ type: DocumentEvent.TypeValue, _ id: String) {
            events.append(DocumentEvent(type: type, documentID: id, sequence: events.count + 1, at: clock))
        }
    }

    static func error(_ code: String, _ message: String) -> ErrorResponse {
        ErrorResponse(error: .init(code: code, message: message))
    }

    static func notFound(_ id: String) -> ErrorResponse { error("NOT_FOUND", "No document '\(id)'") }

    public func createToken(_ input: CreateToken.Input) async throws -> CreateToken.Output {
        let request = input.body
        let granted = switch request.grantType {
        case .password: request.username == "ada" && request.password == "lovelace"
        case .clientCredentials: request.clientID == "demo"
        case .unknown: false
        }
        guard granted else { return .unauthorized(Self.error("INVALID_GRANT", "The credentials are not valid")) }
        return .ok(Token(accessToken: token, tokenType: .bearer, expiresIn: 3600, scope: request.scope))
    }

    public func listDocuments(_ input: ListDocuments.Input) async throws -> ListDocuments.Output {
        let all = await store.documents.filter { input.tag == nil || $0.tags.contains(input.tag ?? "") }
        let page = Array(all.prefix(input.limit))
        if input.accept.preferred(["application/json", "text/csv"]) == "text/csv" {
            let rows = page.map { d in [d.documentID, d.title, d.category.rawValue, String(d.size), RFC3339.string(from: d.createdAt)].map(Self.csvField).joined(separator: ",") }
            return .ok(.csv((["document_id,title,category,size,created_at"] + rows).joined(separator: "\r\n") + "\r\n"))
        }
        return .ok(.json(DocumentList(items: page, total: all.count)))
    }

    public func uploadDocument(_ input: UploadDocument.Input) async throws -> UploadDocument.Output {
        let upload = input.body
        // The file streams in from the request (spooled by the runtime); it is read here, once.
        let bytes = try await [UInt8](upload.file.data(upTo: Self.maxFileSize))
        let document = await store.add(upload.metadata, tags: upload.tags ?? [], bytes: bytes,
                                       filename: upload.file.filename ?? "document", mediaType: upload.file.contentType ?? "application/octet-stream")
        return .created(document, headers: .init(location: "/documents/\(document.documentID)"))
    }

    public func getDocument(_ input: GetDocument.Input) async throws -> GetDocument.Output {
        guard let document = await store.document(input.documentID) else { return .notFound(Self.notFound(input.documentID)) }
        return .ok(document)
    }

    public func downloadDocument(_ input: DownloadDocument.Input) async throws -> DownloadDocument.Output {
        guard let content = await store.contents[input.documentID] else { return .notFound(Self.notFound(input.documentID)) }
        let name = content.filename.filter { $0.isLetter || $0.isNumber || ".-_ ".contains($0) }
        return .ok(HTTPBody(content.bytes), headers: .init(contentDisposition: "attachment; filename=\"\(name.isEmpty ? "document" : name)\""))
    }

    public func replaceContent(_ input: ReplaceContent.Input) async throws -> ReplaceContent.Output {
        guard await store.document(input.documentID) != nil else { return .notFound(Self.notFound(input.documentID)) }
        // Past the operation's limit the runtime stops the read and answers 413.
        let bytes = try await [UInt8](collecting: input.body, upTo: Self.maxFileSize)
        guard let document = await store.replace(input.documentID, bytes: bytes) else { return .notFound(Self.notFound(input.documentID)) }
        return .ok(document)
    }

    public func summarizeDocument(_ input: SummarizeDocument.Input) async throws -> SummarizeDocument.Output {
        guard let document = await store.document(input.documentID), let content = await store.contents[input.documentID] else {
            return .notFound(Self.notFound(input.documentID))
        }
        var summary = "“\(document.title)”, a \(document.category.rawValue) of \(document.size) bytes (\(document.mediaType))"
        if document.mediaType.hasPrefix("text/") {
            summary += ": " + String(decoding: content.bytes.prefix(1000), as: UTF8.self)
        }
        // The schema says at most 500 characters (code points).
        var scalars = summary.unicodeScalars
        if scalars.count > 500 { scalars = String.UnicodeScalarView(scalars.prefix(499)) + ["…"] }
        return .ok(String(scalars))
    }

    public func addNote(_ input: AddNote.Input) async throws -> AddNote.Output {
        // A JSON body, a form or XML: the same typed note either way.
        let new: NewNote = switch input.body {
        case .json(let note), .form(let note), .xml(let note): note
        }
        guard let note = await store.addNote(input.documentID, new) else { return .notFound(Self.notFound(input.documentID)) }
        return .created(note)
    }

    public func exportDocuments(_ input: ExportDocuments.Input) async throws -> ExportDocuments.Output {
        .ok(EventStream(await store.documents))
    }

    public func streamEvents(_ input: StreamEvents.Input) async throws -> StreamEvents.Output {
        let after = input.lastEventID.flatMap(Int.init) ?? 0
        let events = await store.events.filter { $0.sequence > after }.prefix(input.limit)
        return .ok(EventStream(events.map { ServerEvent(data: $0, event: $0.type.rawValue, id: String($0.sequence)) }))
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
