/// Hexadecimal digits as bytes: what percent-escapes and UUIDs are written in.
package enum HexDigit {
    /// The value of the ASCII hex digit `byte` (either case), or nil for any other byte.
    @inlinable package static func value(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Whether `byte` is an ASCII hex digit (either case): a test without the value, for scanners.
    @inlinable package static func isDigit(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte | 0x20 >= 97 && byte | 0x20 <= 102)
    }
}
