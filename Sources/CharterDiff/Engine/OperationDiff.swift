import CharterSpec
import Foundation

/// Parameters, request bodies and responses of one matched operation.
extension DiffRun {
    /// The direction of what the operation's request carries: towards the API, except for webhooks, whose
    /// requests the API sends to its clients (so a webhook payload breaks receivers the way a response does).
    var inbound: Direction { comparingWebhook ? .response : .request }
    var outbound: Direction { comparingWebhook ? .request : .response }

    // MARK: Parameters

    /// `in:name`, with header names folded (HTTP header names are case-insensitive).
    static func parameterKey(_ p: Parameter) -> String {
        p.location.rawValue + ":" + (p.location == .header ? p.name.lowercased() : p.name)
    }

    mutating func compareParameters(_ o: SpecOperation, _ n: SpecOperation, pointer: String) {
        // Path parameters match by position: `/users/{id}` and `/users/{userId}` name the same segment.
        let renamed = Dictionary(zip(PathKey.parameterNames(o.path), PathKey.parameterNames(n.path)).map { ($0, $1) }, uniquingKeysWith: { a, _ in a })
        func key(_ p: Parameter, old: Bool) -> String {
            if old, p.location == .path, let name = renamed[p.name] { return "path:" + name }
            return Self.parameterKey(p)
        }
        var newByKey: [String: (Int, Parameter)] = [:]
        for (i, p) in n.parameters.enumerated() { newByKey[key(p, old: false)] = (i, p) }
        var seen: Set<String> = []
        for op in o.parameters {
            let k = key(op, old: true)
            guard let (index, np) = newByKey[k] else {
                emit("request-parameter-removed", pointer + "/parameters", "\(op.location.rawValue) parameter '\(op.name)' was removed",
                     old: op.sourceLocation, new: n.location)
                continue
            }
            seen.insert(k)
            let at = pointer + "/parameters/\(index)"
            let label = "\(np.location.rawValue) parameter '\(np.name)'"
            if !op.required && np.required {
                emit("request-parameter-became-required", at, "\(label) became required", old: op.sourceLocation, new: np.sourceLocation)
            } else if op.required && !np.required {
                emit("request-parameter-became-optional", at, "\(label) became optional", old: op.sourceLocation, new: np.sourceLocation)
            }
            if op.style != np.style || op.explode != np.explode {
                emit("request-parameter-style-changed", at,
                     "\(label) is serialized as \(np.style.rawValue)\(np.explode ? " (exploded)" : "") instead of \(op.style.rawValue)\(op.explode ? " (exploded)" : "")",
                     old: op.sourceLocation, new: np.sourceLocation)
            }
            let os = op.schema ?? op.content.first?.schema
            let ns = np.schema ?? np.content.first?.schema
            compareSchema(os, ns, direction: inbound, path: at + "/schema", field: np.name, ids: .parameter)
        }
        for (i, np) in n.parameters.enumerated() where !seen.contains(key(np, old: false)) {
            let at = pointer + "/parameters/\(i)"
            emit(np.required ? "new-required-request-parameter" : "new-optional-request-parameter", at,
                 "\(np.required ? "required" : "optional") \(np.location.rawValue) parameter '\(np.name)' was added", old: o.location, new: np.sourceLocation)
        }
    }

    // MARK: Request body

    mutating func compareRequestBody(_ o: RequestBody?, _ n: RequestBody?, pointer: String, oldOp: SpecOperation, newOp: SpecOperation) {
        switch (o, n) {
        case (nil, nil):
            return
        case (nil, let n?):
            emit(n.required ? "added-required-request-body" : "added-optional-request-body", pointer,
                 "a\(n.required ? " required" : "n optional") request body was added", old: oldOp.location, new: n.location)
        case (let o?, nil):
            emit("request-body-removed", pointer, "the request body was removed", old: o.location, new: newOp.location)
        case (let o?, let n?):
            if !o.required && n.required {
                emit("request-body-became-required", pointer, "the request body became required", old: o.location, new: n.location)
            }
            compareContent(o.content, n.content, direction: inbound, pointer: pointer, old: o.location, new: n.location,
                           removed: ("request-body-media-type-removed", "request media type %@ is no longer accepted"),
                           added: ("request-body-media-type-added", "request media type %@ is accepted"))
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
                emit(success ? "response-success-status-removed" : "response-non-success-status-removed", pointer,
                     "status \(or.statusCode) is no longer \(success ? "returned" : "documented")", old: or.location, new: n.location)
                continue
            }
            compareResponse(or, nr, pointer: pointer + "/" + pointerToken(nr.statusCode))
        }
        let oldStatuses = Set(o.responses.map { $0.statusCode.uppercased() })
        for nr in n.responses where !oldStatuses.contains(nr.statusCode.uppercased()) {
            emit(Self.isSuccess(nr.statusCode) ? "response-success-status-added" : "response-non-success-status-added", pointer,
                 "status \(nr.statusCode) was added", old: o.location, new: nr.location)
        }
    }

    mutating func compareResponse(_ o: Response, _ n: Response, pointer: String) {
        compareContent(o.content, n.content, direction: outbound, pointer: pointer, old: o.location, new: n.location,
                       removed: ("response-media-type-removed", "status \(n.statusCode) no longer returns %@"),
                       added: ("response-media-type-added", "status \(n.statusCode) may return %@"))
        let newHeaders = Dictionary(n.headers.map { ($0.name.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        for (name, oh) in o.headers {
            let at = pointer + "/headers/" + pointerToken(name)
            guard let nh = newHeaders[name.lowercased()] else {
                emit(oh.required ? "required-response-header-removed" : "response-optional-header-removed", at,
                     "\(oh.required ? "required" : "optional") response header \(name) was removed", old: o.location, new: n.location)
                continue
            }
            if oh.required && !nh.required {
                emit("response-header-became-optional", at, "response header \(name) is no longer always sent", old: o.location, new: n.location)
            }
            let os = oh.schema ?? oh.content.first?.schema, ns = nh.schema ?? nh.content.first?.schema
            compareSchema(os, ns, direction: outbound, path: at + "/schema", field: name, ids: .property)
        }
    }

    /// Media types matched by name (case-insensitively); the schemas of those in both are compared.
    /// `removed`/`added` are the rule and message (`%@` is the media type) for the others.
    mutating func compareContent(_ o: [MediaType], _ n: [MediaType], direction: Direction, pointer: String, old: SourceLocation, new: SourceLocation,
                                 removed: (rule: String, message: String), added: (rule: String, message: String)) {
        let newByType = Dictionary(n.map { ($0.mediaType.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        for om in o {
            guard let nm = newByType[om.mediaType.lowercased()] else {
                emit(removed.rule, pointer + "/content", removed.message.replacingOccurrences(of: "%@", with: om.mediaType), old: om.location, new: new)
                continue
            }
            compareSchema(om.schema, nm.schema, direction: direction, path: pointer + "/content/" + pointerToken(nm.mediaType) + "/schema",
                          field: "", ids: .property)
        }
        let oldTypes = Set(o.map { $0.mediaType.lowercased() })
        for nm in n where !oldTypes.contains(nm.mediaType.lowercased()) {
            emit(added.rule, pointer + "/content", added.message.replacingOccurrences(of: "%@", with: nm.mediaType), old: old, new: nm.location)
        }
    }
}
