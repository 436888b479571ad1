import HTTPTypes

/// `X-Request-ID`: echoed when the caller sent a usable one, generated otherwise, so one id threads a
/// request through every service's logs and error bodies.
public enum RequestID {
    public static let headerName = HTTPField.Name("X-Request-ID")!

    /// The caller's id when it is 1–128 visible ASCII characters; nil otherwise.
    public static func incoming(_ fields: HTTPFields) -> String? {
        guard let value = fields[headerName], !value.isEmpty, value.utf8.count <= 128,
              value.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        return value
    }

    /// A random UUID-shaped id (version 4 layout).
    public static func generate() -> String {
        var rng = SystemRandomNumberGenerator()
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &rng) }
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        let hex = Array("0123456789abcdef")
        var out = ""
        for (i, b) in bytes.enumerated() {
            if i == 4 || i == 6 || i == 8 || i == 10 { out.append("-") }
            out.append(hex[Int(b >> 4)])
            out.append(hex[Int(b & 0xF)])
        }
        return out
    }
}
