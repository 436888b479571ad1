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
