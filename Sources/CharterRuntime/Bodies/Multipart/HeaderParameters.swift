/// Parameters of structured header values: `form-data; name="file"; filename="a.pdf"` (Content-Disposition)
/// and `multipart/form-data; boundary=xyz` (Content-Type), with quoted strings and RFC 8187 `filename*`.
enum HeaderParameters {
    /// The value's parameters by lower-cased name (the first occurrence of each).
    static func parse(_ value: String) -> [String: String] {
        var result: [String: String] = [:]
        let bytes = Array(value.utf8)
        var i = bytes.firstIndex(of: UInt8(ascii: ";")) ?? bytes.count
        while i < bytes.count {
            i += 1 // past ';'
            while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
            let nameStart = i
            while i < bytes.count && bytes[i] != UInt8(ascii: "=") && bytes[i] != UInt8(ascii: ";") { i += 1 }
            let name = String(decoding: bytes[nameStart..<i], as: UTF8.self).trimmingSpaces().lowercased()
            var parameterValue = ""
            if i < bytes.count && bytes[i] == UInt8(ascii: "=") {
                i += 1
                while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
                if i < bytes.count && bytes[i] == UInt8(ascii: "\"") {
                    i += 1
                    var out: [UInt8] = []
                    while i < bytes.count && bytes[i] != UInt8(ascii: "\"") {
                        if bytes[i] == UInt8(ascii: "\\") && i + 1 < bytes.count { i += 1 }
                        out.append(bytes[i])
                        i += 1
                    }
                    i += 1 // closing quote
                    parameterValue = String(decoding: out, as: UTF8.self)
                    while i < bytes.count && bytes[i] != UInt8(ascii: ";") { i += 1 }
                } else {
                    let start = i
                    while i < bytes.count && bytes[i] != UInt8(ascii: ";") { i += 1 }
                    parameterValue = String(decoding: bytes[start..<i], as: UTF8.self).trimmingSpaces()
                }
            }
            if !name.isEmpty && result[name] == nil { result[name] = parameterValue }
        }
        // RFC 8187: `filename*=UTF-8''na%C3%AFve.txt` wins over `filename`.
        if let extended = result["filename*"], let decoded = extendedValue(extended) { result["filename"] = decoded }
        return result
    }

    private static func extendedValue(_ value: String) -> String? {
        let parts = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].lowercased() == "utf-8" else { return nil }
        return WireStrings.percentDecode(parts[2], plusIsSpace: false)
    }

    /// A quoted-string parameter value as browsers write one in multipart headers: `"` and line breaks
    /// percent-encoded (WHATWG's multipart/form-data encoding), so no value can end the quote or the header.
    static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "%22"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension String {
    func trimmingSpaces() -> String { String(self[...].trimmingSpaces()) }
}
