import OpenAPIRuntime

/// Reading a body with a limit, stopping as soon as the limit is passed (the excess is never buffered).
enum BodyCollection {
    struct TooLarge: Error {}

    static func collect(_ body: HTTPBody?, limit: Int) async throws -> [UInt8]? {
        guard let body else { return nil }
        if case .known(let length) = body.length {
            if length > Int64(limit) { throw TooLarge() }
            if length == 0 { return [] }
        }
        var bytes: [UInt8] = []
        if case .known(let length) = body.length { bytes.reserveCapacity(Int(length)) }
        for try await chunk in body {
            if bytes.count + chunk.count > limit { throw TooLarge() }
            bytes.append(contentsOf: chunk)
        }
        return bytes
    }
}

extension HTTPBody {
    /// Reads and drops up to `limit` bytes of a request body a middleware is about to refuse (401, 403, …).
    /// Why: a client still streaming the body when an early 4xx head arrives may stop mid-body and fail the
    /// whole request (AsyncHTTPClient reports `bodyLengthMismatch` instead of the 401 the server sent).
    /// Reading a small body first makes the refusal arrive as a response; a body over `limit` is left unread.
    public static func discard(_ body: HTTPBody?, limit: Int = 1 << 20) async {
        guard let body else { return }
        if case .known(let length) = body.length, length > Int64(limit) { return }
        var seen = 0
        do {
            for try await chunk in body {
                seen += chunk.count
                if seen > limit { return }
            }
        } catch {
            // The refusal goes out whatever the body did.
        }
    }
}
