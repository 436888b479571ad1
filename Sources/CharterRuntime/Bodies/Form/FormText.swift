/// Percent-decoding for form bodies, strict: a malformed escape or invalid UTF-8 is reported, not guessed at.
enum FormText {
    static func decode(_ bytes: ArraySlice<UInt8>) -> (text: String, problem: String?) {
        guard bytes.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else {
            return checked(bytes)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "%") {
                guard i + 2 < bytes.endIndex, let hi = WireStrings.hex(bytes[i + 1]), let lo = WireStrings.hex(bytes[i + 2]) else {
                    let shown = String(decoding: bytes[i..<min(i + 3, bytes.endIndex)], as: UTF8.self)
                    return (String(decoding: bytes, as: UTF8.self), "Invalid percent-escape '\(shown)'")
                }
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(b == UInt8(ascii: "+") ? 0x20 : b)
                i += 1
            }
        }
        return checked(out[...])
    }

    private static func checked(_ bytes: ArraySlice<UInt8>) -> (text: String, problem: String?) {
        // Through a buffer pointer: the generic collection path validated byte by byte at several times the cost.
        bytes.withUnsafeBufferPointer { buffer in
            // ASCII (most fields) is valid UTF-8 as it stands; the validating initializer costs far more per call.
            if !buffer.contains(where: { $0 >= 0x80 }) { return (String(decoding: buffer, as: UTF8.self), nil) }
            if let text = String(validating: buffer, as: UTF8.self) { return (text, nil) }
            return (String(decoding: buffer, as: UTF8.self), "Not valid UTF-8 once percent-decoded")
        }
    }

}
