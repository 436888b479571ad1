import CharterSpec

/// Request bodies, responses, response headers and media types of one matched operation.
extension DiffRun {
    // MARK: Request body

    mutating func compareRequestBody(_ o: RequestBody?, _ n: RequestBody?, pointer: String, oldOp: SpecOperation, newOp: SpecOperation) {
        switch (o, n) {
        case (nil, nil):
            return
        case (nil, let n?):
            emit(.body(n.required ? .requestBodyAddedRequired : .requestBodyAddedOptional), pointer,
                 "a\(n.required ? " required" : "n optional") request body was added", old: oldOp.location, new: n.location)
        case (let o?, nil):
            emit(.body(.requestBodyRemoved), pointer, "the request body was removed", old: o.location, new: newOp.location)
        case (let o?, let n?):
            if !o.required && n.required {
                emit(.body(.requestBodyBecameRequired), pointer, "the request body became required", old: o.location, new: n.location)
            } else if o.required && !n.required {
                emit(.body(.requestBodyBecameOptional), pointer, "the request body became optional", old: o.location, new: n.location)
            }
            compareContent(o.content, n.content, direction: inbound, pointer: pointer, old: o.location, new: n.location, isRequest: true)
        }
    }

    // MARK: Responses

    static func isSuccess(_ status: String) -> Bool { status.hasPrefix("2") }

    mutating func compareResponses(_ o: SpecOperation, _ n: SpecOperation, pointer: String) {
        let newByStatus = Dictionary(n.responses.map { ($0.statusCode.uppercased(), $0) }, uniquingKeysWith: { a, _ in a })
        for or in o.responses {
            let status = or.statusCode.uppercased()
            guard let nr = newByStatus[status] else {
                let success = Self.isSuccess(status)
                emit(.body(success ? .responseSuccessStatusRemoved : .responseNonSuccessStatusRemoved), pointer,
                     "status \(or.statusCode) is no longer \(success ? "returned" : "documented")", old: or.location, new: n.location)
                continue
            }
            compareResponse(or, nr, pointer: pointer + "/" + pointerToken(nr.statusCode))
        }
        let oldStatuses = Set(o.responses.map { $0.statusCode.uppercased() })
        for nr in n.responses where !oldStatuses.contains(nr.statusCode.uppercased()) {
            emit(.body(Self.isSuccess(nr.statusCode) ? .responseSuccessStatusAdded : .responseNonSuccessStatusAdded), pointer,
                 "status \(nr.statusCode) was added", old: o.location, new: nr.location)
        }
    }

    mutating func compareResponse(_ o: Response, _ n: Response, pointer: String) {
        compareContent(o.content, n.content, direction: outbound, pointer: pointer, old: o.location, new: n.location, isRequest: false,
                       status: n.statusCode)
        let newHeaders = Dictionary(n.headers.map { ($0.name.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        for (name, oh) in o.headers {
            let at = pointer + "/headers/" + pointerToken(name)
            guard let nh = newHeaders[name.lowercased()] else {
                emit(.body(oh.required ? .requiredResponseHeaderRemoved : .optionalResponseHeaderRemoved), at,
                     "\(oh.required ? "required" : "optional") response header \(name) was removed", old: oh.location, new: n.location)
                continue
            }
            if oh.required && !nh.required {
                emit(.body(.responseHeaderBecameOptional), at, "response header \(name) is no longer always sent", old: oh.location, new: nh.location)
            }
            let os = oh.schema ?? oh.content.first?.schema, ns = nh.schema ?? nh.content.first?.schema
            compareSchema(os, ns, SchemaContext(direction: outbound, place: .header, path: at + "/schema", field: name))
        }
        let oldHeaders = Set(o.headers.map { $0.name.lowercased() })
        for (name, nh) in n.headers where !oldHeaders.contains(name.lowercased()) {
            emit(.body(.responseHeaderAdded), pointer + "/headers/" + pointerToken(name),
                 "\(nh.required ? "required" : "optional") response header \(name) was added", old: o.location, new: nh.location)
        }
    }

    // MARK: Media types

    /// Media types matched by name (case-insensitively, parameters ignored when the exact name is gone); the
    /// schemas of those in both are compared, and form encodings.
    mutating func compareContent(_ o: [MediaType], _ n: [MediaType], direction: Direction, pointer: String, old: SourceLocation, new: SourceLocation,
                                 isRequest: Bool, status: String = "") {
        func bare(_ type: String) -> String {
            String(type.split(separator: ";").first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        }
        let newByType = Dictionary(n.map { ($0.mediaType.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        let newByBare = Dictionary(n.map { (bare($0.mediaType), $0) }, uniquingKeysWith: { a, _ in a })
        var matched: Set<String> = []
        /// `application/*` covers `application/json`, `*/*` every type.
        func covers(_ range: String, _ type: String) -> Bool {
            let (r, t) = (bare(range), bare(type))
            if r == "*/*" { return t != r }
            guard r.hasSuffix("/*"), let slash = t.firstIndex(of: "/") else { return false }
            return t != r && t[..<slash] == r.dropLast(2)
        }
        let exact = Set(o.map { bare($0.mediaType) }).intersection(n.map { bare($0.mediaType) })
        for om in o {
            var found = newByType[om.mediaType.lowercased()] ?? newByBare[bare(om.mediaType)]
            if found == nil {
                // A response type replaced by a range: clients get types they did not expect; a range replaced by a
                // type within it: they get fewer. A request type covered by a new range is still accepted.
                if let wider = n.first(where: { !exact.contains(bare($0.mediaType)) && covers($0.mediaType, om.mediaType) }) {
                    if !isRequest {
                        emit(.body(.responseMediaTypeNameGeneralized), pointer + "/content",
                             "status \(status) returns \(wider.mediaType) where it returned \(om.mediaType)", old: om.location, new: wider.location)
                    }
                    found = wider
                } else if !isRequest, let narrower = n.first(where: { !exact.contains(bare($0.mediaType)) && covers(om.mediaType, $0.mediaType) }) {
                    emit(.body(.responseMediaTypeNameSpecialized), pointer + "/content",
                         "status \(status) returns \(narrower.mediaType) where it returned \(om.mediaType)", old: om.location, new: narrower.location)
                    found = narrower
                }
            }
            guard let nm = found else {
                emit(.body(isRequest ? .requestBodyMediaTypeRemoved : .responseMediaTypeRemoved), pointer + "/content",
                     isRequest ? "request media type \(om.mediaType) is no longer accepted" : "status \(status) no longer returns \(om.mediaType)",
                     old: om.location, new: new)
                continue
            }
            matched.insert(nm.mediaType.lowercased())
            let at = pointer + "/content/" + pointerToken(nm.mediaType)
            // `schema: true` and `schema: {}` say what no schema says: anything.
            switch (meaningful(om.schema, in: oldTable), meaningful(nm.schema, in: newTable)) {
            case (nil, nil):
                break
            case (nil, _?):
                emit(.body(isRequest ? .requestBodyMediaTypeSchemaAdded : .responseBodyMediaTypeSchemaAdded), at,
                     "\(nm.mediaType) gained a schema where anything was \(isRequest ? "accepted" : "returned")", old: om.location, new: nm.location)
            case (_?, nil):
                emit(.body(isRequest ? .requestBodyMediaTypeSchemaRemoved : .responseBodyMediaTypeSchemaRemoved), at,
                     "\(nm.mediaType) lost its schema: anything may be \(isRequest ? "sent" : "returned")", old: om.location, new: nm.location)
            default:
                compareSchema(om.schema, nm.schema, SchemaContext(direction: direction, place: .body, path: at + "/schema", field: ""))
            }
            if isRequest { compareEncodings(om, nm, pointer: at) }
        }
        for nm in n where !matched.contains(nm.mediaType.lowercased()) && !o.contains(where: { bare($0.mediaType) == bare(nm.mediaType) }) {
            emit(.body(isRequest ? .requestBodyMediaTypeAdded : .responseMediaTypeAdded), pointer + "/content",
                 isRequest ? "request media type \(nm.mediaType) is accepted" : "status \(status) may return \(nm.mediaType)", old: old, new: nm.location)
        }
    }

    /// The schema unless it accepts anything (`true`, `{}`).
    private func meaningful(_ id: SchemaID?, in table: SchemaTable) -> SchemaID? {
        guard let id, !table.acceptsAnything(id) else { return nil }
        return id
    }

    /// A form or multipart field's declared encoding: a client serialises the field by it.
    private mutating func compareEncodings(_ o: MediaType, _ n: MediaType, pointer: String) {
        let newByName = Dictionary(n.encoding.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        for (name, oe) in o.encoding {
            guard let ne = newByName[name] else { continue }
            var changes: [String] = []
            if (oe.contentType ?? "") != (ne.contentType ?? "") { changes.append("contentType \(oe.contentType ?? "default") → \(ne.contentType ?? "default")") }
            if oe.style != ne.style { changes.append("style \(oe.style?.rawValue ?? "form") → \(ne.style?.rawValue ?? "form")") }
            // explode defaults to true for the form style only.
            func explodes(_ e: Encoding) -> Bool { e.explode ?? ((e.style ?? .form) == .form) }
            if explodes(oe) != explodes(ne) {
                changes.append("explode \(oe.explode.map { "\($0)" } ?? "default") → \(ne.explode.map { "\($0)" } ?? "default")")
            }
            if !changes.isEmpty {
                emit(.body(.requestBodyEncodingChanged), pointer + "/encoding/" + pointerToken(name),
                     "field '\(name)' is encoded differently: \(changes.joined(separator: ", "))", field: name, old: o.location, new: n.location)
            }
        }
    }
}
