import Foundation

/// An error body as Charter servers send it — `{"error": {"code", "message", "request_id", "details": [...]}}` —
/// or as an RFC 9457 problem (`title`, `detail`, `errors`), read from any response. Documented error responses
/// decode into the spec's own types; this is for what the spec does not document: a 401 or 403 from the security
/// layer, a 429 from a gateway, an `.undocumented(statusCode:body:)` answer, an `UnexpectedResponse`.
public struct ErrorEnvelope: Sendable, Hashable {
    /// One violation the server listed.
    public struct Detail: Sendable, Hashable {
        /// The field, as `passengers[1].age` (empty when the violation concerns the whole message).
        public var field: String
        /// What is wrong, for a person.
        public var message: String
        /// The keyword that failed (`required`, `maximum`, `scope` …), when sent.
        public var constraint: String?
        /// Where in the request: `body`, `query`, `header` …, when sent.
        public var location: String?
    }

    /// Stable, machine-readable: `VALIDATION_ERROR`, `UNAUTHORIZED`, `FORBIDDEN`, `RATE_LIMITED` …
    public var code: String
    /// A sentence for a person.
    public var message: String
    /// The server's id for the request, to find it in its logs.
    public var requestID: String?
    /// Every violation listed.
    public var details: [Detail]

    /// The envelope in `body`, or nil when the body is not one (not JSON, or neither shape).
    public init?(body: some Collection<UInt8>) {
        guard body.count <= 1 << 20, let json = try? JSONParser.parse(body) else { return nil }
        if let error = json["error"], let code = error["code"]?.stringValue {
            self.code = code
            message = error["message"]?.stringValue ?? ""
            requestID = error["request_id"]?.stringValue ?? json["request_id"]?.stringValue
            details = Self.details(error["details"])
        } else if let title = json["title"]?.stringValue ?? json["detail"]?.stringValue {
            // RFC 9457: `code` is Charter's extension member; else the type URI's last segment.
            code = json["code"]?.stringValue
                ?? json["type"]?.stringValue.map { String($0.split(separator: ":").last ?? "").uppercased().replacingOccurrences(of: "-", with: "_") }
                ?? "PROBLEM"
            message = title
            requestID = json["request_id"]?.stringValue
            details = Self.details(json["errors"])
        } else {
            return nil
        }
    }

    private static func details(_ list: JSONValue?) -> [Detail] {
        guard case .array(let items)? = list else { return [] }
        return items.compactMap { item in
            guard case .object = item else { return nil }
            return Detail(field: item["field"]?.stringValue ?? item["pointer"]?.stringValue ?? "",
                          message: item["message"]?.stringValue ?? item["detail"]?.stringValue ?? "",
                          constraint: item["constraint"]?.stringValue, location: item["in"]?.stringValue)
        }
    }
}

extension UnexpectedResponse {
    /// The server's error envelope, when the body is one.
    public var envelope: ErrorEnvelope? { ErrorEnvelope(body: body) }
}
