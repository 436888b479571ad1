import HTTPTypes
import OpenAPIRuntime

/// Reads a multipart body as it streams in: value parts into memory (bounded), file parts spooled, every part
/// checked against the media type's part contracts. The result is what validation checks (one object: values,
/// with a placeholder per file) and what generated code reads (`MultipartFields`).
struct MultipartReading {
    let media: MediaTypeContract
    let limits: MultipartLimits
    /// The whole body's limit (413 past it).
    let bodyLimit: Int
    let decoding: ParameterDecoding

    struct Outcome {
        /// Values and file placeholders, shaped by the schema: what validation checks.
        var checked: JSONValue
        var fields: MultipartFields
        /// Every part in order (for forms without a schema).
        var form: MultipartForm
        var issues: [ValidationIssue]
        /// Part headers the encoding declares with a schema, as they came (validation checks them).
        var partHeaders: [(part: String, header: HeaderContract, value: String)] = []
    }

    /// The part being read.
    struct Part {
        var name: String?
        var filename: String?
        var contentType: String?
        var headers: HTTPFields
        var isFile: Bool
        var value: [UInt8] = []
        var spool: SpooledFile?
    }

    /// Reads `body` as it streams in. `.failure` for a body past a size limit (413) or one whose Content-Type has no
    /// usable boundary (400); syntax problems are issues of the outcome. Throws what reading the body throws.
    func read(_ body: HTTPBody, contentType: String?, failure: BodyFailure) async throws -> Result<Outcome, APIError> {
        if case .known(let length) = body.length, length > Int64(bodyLimit) { return .failure(.payloadTooLarge(limit: bodyLimit)) }
        var state: State
        switch begin(contentType: contentType) {
        case .success(let s): state = s
        case .failure(let error): return .failure(error)
        }
        for try await chunk in body {
            if let error = try feed(chunk, into: &state) { return .failure(error) }
        }
        return .success(finish(state, failure: failure))
    }

    /// Reads a body already in memory.
    func read(_ bytes: [UInt8], contentType: String?, failure: BodyFailure) -> Result<Outcome, APIError> {
        var state: State
        switch begin(contentType: contentType) {
        case .success(let s): state = s
        case .failure(let error): return .failure(error)
        }
        do {
            if let error = try feed(bytes[...], into: &state) { return .failure(error) }
        } catch {
            state.issues.append(FormDecoding.issue("", "multipart", "\(error)"))
        }
        return .success(finish(state, failure: failure))
    }

    /// Everything read so far.
    struct State {
        var parser: MultipartParser
        var issues: [ValidationIssue] = []
        var tree = FormTree()
        var files: [String: [BinaryFile]] = [:]
        var order: [MultipartForm.Part] = []
        var current: Part?
        var partHeaders: [(part: String, header: HeaderContract, value: String)] = []
        var total = 0
        var count = 0
        var broken = false
    }

    private func begin(contentType: String?) -> Result<State, APIError> {
        guard let boundary = contentType.flatMap({ HeaderParameters.parse($0)["boundary"] }), !boundary.isEmpty, boundary.utf8.count <= 70 else {
            return .failure(.validation([FormDecoding.issue("", "boundary",
                "A multipart body needs a 'boundary' parameter of 1 to 70 characters in its Content-Type (got '\(contentType ?? "")')")]))
        }
        return .success(State(parser: MultipartParser(boundary: boundary, maxHeaderBytes: limits.maxPartHeaderSize)))
    }

    /// Feeds one chunk; an error to answer when a limit is passed. Throws only when spooling a file fails.
    private func feed(_ chunk: ArraySlice<UInt8>, into state: inout State) throws -> APIError? {
        state.total += chunk.count
        if state.total > bodyLimit { return .payloadTooLarge(limit: bodyLimit) }
        guard !state.broken else { return nil }
        let events: [MultipartParser.Event]
        do {
            events = try state.parser.feed(chunk)
        } catch {
            state.issues.append(FormDecoding.issue("", "multipart", error.message))
            state.broken = true
            return nil
        }
        for event in events {
            switch event {
            case .partStart(let fields):
                state.count += 1
                if state.count > limits.maxParts {
                    return APIError(status: 413, code: "PAYLOAD_TOO_LARGE", message: "The form has more than \(limits.maxParts) parts")
                }
                let part = start(fields, issues: &state.issues)
                state.current = part
            case .content(let bytes):
                guard var part = state.current else { continue }
                if let spool = part.spool {
                    try spool.append(bytes)
                    if let max = limits.maxFileSize, spool.size > max {
                        return APIError(status: 413, code: "PAYLOAD_TOO_LARGE",
                                        message: "File part '\(part.name ?? "")' is larger than the \(ByteCountText.describe(max)) limit")
                    }
                } else {
                    if part.value.count + bytes.count > limits.maxFieldSize {
                        return APIError(status: 413, code: "PAYLOAD_TOO_LARGE",
                                        message: "Part '\(part.name ?? "")' is larger than the \(ByteCountText.describe(limits.maxFieldSize)) limit for values")
                    }
                    part.value.append(contentsOf: bytes)
                    state.current = part
                }
            case .partEnd:
                if let part = state.current { finish(part, state: &state) }
                state.current = nil
            }
        }
        return nil
    }

    private func finish(_ state: State, failure: BodyFailure) -> Outcome {
        var issues = state.issues
        if !state.broken {
            do { try state.parser.finish() } catch { issues.append(FormDecoding.issue("", "multipart", error.message)) }
        }
        let form = FormDecoding(decoding: decoding)
        var (checked, shapeIssues) = form.shape(state.tree, schema: media.schema, parts: media.parts)
        issues += shapeIssues
        // Files stand in the checked object as placeholders, so `required` and unknown-part checks see them.
        if case .object(var object) = checked {
            for (name, list) in state.files.sorted(by: { $0.key < $1.key }) where object[name] == nil {
                let isArray = decoding.expectedTypes(decoding.propertySchema(media.schema, name)).contains(.array)
                object[name] = isArray ? .array(list.map { _ in .string("") }) : .string("")
            }
            checked = .object(object)
        }
        let values: JSONObject
        if case .object(let object) = checked { values = object } else { values = JSONObject() }
        return Outcome(checked: checked, fields: MultipartFields(values: values, files: state.files, failure: failure),
                       form: MultipartForm(state.order), issues: issues, partHeaders: state.partHeaders)
    }

    private func start(_ fields: [(name: String, value: String)], issues: inout [ValidationIssue]) -> Part {
        var headers = HTTPFields()
        for (name, value) in fields { if let field = HTTPField.Name(name) { headers.append(HTTPField(name: field, value: value)) } }
        let disposition = fields.first { $0.name == "content-disposition" }
        let parameters = disposition.map { HeaderParameters.parse($0.value) } ?? [:]
        let name = parameters["name"]
        if name == nil {
            issues.append(FormDecoding.issue("", "multipart", "A part has no name: each needs 'Content-Disposition: form-data; name=\"…\"'"))
        }
        let contentType = fields.first { $0.name == "content-type" }?.value
        let declared = name.flatMap { media.part($0) }
        let filename = parameters["filename"]
        let isFile = declared?.isFile ?? (filename != nil)
        var part = Part(name: name, filename: filename, contentType: contentType, headers: headers, isFile: isFile)
        if isFile { part.spool = SpooledFile(memoryLimit: limits.memoryPerFile) }
        return part
    }

    private func finish(_ part: Part, state: inout State) {
        guard let name = part.name else { return }
        let form = FormDecoding(decoding: decoding)
        let declared = media.part(name)
        for header in declared?.headers ?? [] {
            guard let field = header.parameter.headerField else { continue }
            if let value = part.headers[field] {
                if header.schema != nil { state.partHeaders.append((name, header, value)) }
            } else if header.required {
                state.issues.append(FormDecoding.issue(name, "required", "Part '\(name)' needs a '\(header.name)' header"))
            }
        }
        if let spool = part.spool {
            if let allowed = declared?.contentType, !Self.admits(allowed, part.contentType) {
                state.issues.append(ValidationIssue(field: name, pointer: "", location: .body, constraint: "contentType",
                                              value: part.contentType.map { .string($0) },
                                              message: "File part '\(name)' must be one of: \(allowed)"))
            }
            let file = BinaryFile(spool.body, filename: part.filename, contentType: part.contentType, headers: part.headers)
            state.files[name, default: []].append(file)
            state.order.append(MultipartForm.Part(name: name, file: file))
            return
        }
        state.order.append(MultipartForm.Part(name: name, file: BinaryFile(bytes: part.value, filename: part.filename, contentType: part.contentType, headers: part.headers)))
        let text = TextCharset.decode(part.value, contentType: part.contentType)
        guard let string = text.string else {
            state.issues.append(FormDecoding.issue(name, "syntax", text.problem ?? "Not text"))
            return
        }
        let entry: FormTree.Entry
        let partType = part.contentType.map { MediaTypes.coding(MediaTypes.essence($0[...])) }
        let expected = decoding.expectedTypes(decoding.propertySchema(media.schema, name))
        let wantsJSON = partType == .json || (declared?.contentType.map { BodyCoding(mediaType: $0) == .json } ?? false)
        // A structured property may come as an untyped part holding JSON (curl -F 'metadata={…}'); an array of
        // scalars comes as repeated text parts (`tags=a`, `tags=b`), each read as text.
        // (`null` too, as JSON-minded clients write an absent structure.)
        let trimmed = string.drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        let looksStructured = trimmed.first.map { $0 == "{" || $0 == "[" } ?? false || (trimmed == "null" && !expected.contains(.string))
        if wantsJSON || (looksStructured && partType != .text && partType != .xml && (expected.contains(.object) || expected.contains(.array))) {
            do {
                entry = .json(try JSONParser.parse(Array(string.utf8)))
            } catch {
                if wantsJSON {
                    state.issues.append(FormDecoding.issue(name, "syntax", "Part '\(name)' is not valid JSON: \(error)"))
                    return
                }
                entry = .text(string)
            }
        } else {
            entry = .text(string)
        }
        if let problem = form.add(name, entry, to: state.tree) { state.issues.append(problem) }
    }

    /// Whether a part's media type is one of an encoding's comma-separated ranges (`image/png, image/*`).
    static func admits(_ allowed: String, _ contentType: String?) -> Bool {
        let essence = MediaTypes.essence((contentType ?? "application/octet-stream")[...])
        return allowed.split(separator: ",").contains { MediaTypes.matches(essence, range: MediaTypes.essence($0)) }
    }
}
