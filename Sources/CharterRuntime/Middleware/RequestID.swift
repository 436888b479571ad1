import HTTPTypes

/// `X-Request-ID`: echoed when the caller sent a usable one, generated otherwise, so one id threads a
/// request through every service's logs and error bodies.
public enum RequestID {
    /// `X-Request-ID`.
    public static let headerName = HTTPField.Name("X-Request-ID")!

    /// The id of the request being served, while a generated server's handler runs: a generated client called
    /// from the handler sends it on, so one id follows a request through every service it reaches. Set it
    /// yourself (`RequestID.$current.withValue(id) { … }`) to thread an id from elsewhere.
    @TaskLocal public static var current: String?

    /// The caller's id when it is 1–128 visible ASCII characters; nil otherwise.
    public static func incoming(_ fields: HTTPFields) -> String? {
        // One pass over the fields: `fields[name]` joins repeated values into a new string on every call. A
        // repeated header is not usable (its joined form has spaces), as before.
        var found: String?
        for field in fields where field.name == headerName {
            guard found == nil else { return nil }
            found = field.value
        }
        guard let value = found, !value.isEmpty, value.utf8.count <= 128,
              value.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        return value
    }

    /// A random UUID-shaped id (version 4 layout): sixteen bytes from the system's randomness, taken from a pool
    /// refilled 4 KiB at a time (a system call per id was 2–3% of a served GET), written straight into the
    /// string's storage.
    public static func generate() -> String {
        var words = RandomBytePool.shared.sixteenBytes()
        return withUnsafeBytes(of: &words) { raw -> String in
            var bytes = Array(raw)
            bytes[6] = bytes[6] & 0x0F | 0x40
            bytes[8] = bytes[8] & 0x3F | 0x80
            return String(unsafeUninitializedCapacity: 36) { out in
                let hex: StaticString = "0123456789abcdef"
                var o = 0
                for (i, b) in bytes.enumerated() {
                    if i == 4 || i == 6 || i == 8 || i == 10 { out[o] = UInt8(ascii: "-"); o += 1 }
                    out[o] = hex.utf8Start[Int(b >> 4)]
                    out[o + 1] = hex.utf8Start[Int(b & 0xF)]
                    o += 2
                }
                return o
            }
        }
    }
}
