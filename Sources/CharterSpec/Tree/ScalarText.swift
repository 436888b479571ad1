import Glibc

/// Every scalar's UTF-8 text of one file, end to end; a scalar's `NodeRecord` holds its offset and length.
///
/// One buffer instead of a `String` per scalar: most scalars (keys above all) are only ever compared, and a
/// string each was a third of reading a large file. The tree builder writes it, `SpecTree` keeps it, and every
/// reading of a scalar's text — as a string, against a key, against another scalar — goes through here.
struct ScalarText: Sendable {
    private var bytes: [UInt8] = []

    /// Scalars' text is addressed with `Int32`s.
    static let capacity = Int(Int32.max)

    mutating func reserve(_ count: Int) { bytes.reserveCapacity(count) }

    /// Appends a scalar's text; its offset and length, or `nil` when the buffer would outgrow `capacity`.
    mutating func append(_ text: UnsafeBufferPointer<UInt8>) -> (start: Int32, count: Int32)? {
        guard bytes.count + text.count < ScalarText.capacity else { return nil }
        let start = Int32(bytes.count)
        bytes.append(contentsOf: text)
        return (start, Int32(text.count))
    }

    /// Number of bytes held.
    var count: Int { bytes.count }

    /// Appends all of `other`'s text (a file read in parts is joined; `other`'s offsets move by `count`).
    mutating func append(contentsOf other: ScalarText) {
        bytes.append(contentsOf: other.bytes)
    }

    /// Whether some scalar's text holds `needle` (a scan of the whole file's text: for rare keywords, asked once).
    func contains(_ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return true }
        return bytes.withUnsafeBufferPointer { all in
            guard all.count >= pattern.count else { return false }
            var i = 0
            let last = all.count - pattern.count
            while i <= last {
                guard let hit = memchr(all.baseAddress! + i, Int32(first), last - i + 1) else { return false }
                let at = all.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(all.baseAddress! + at, pattern, pattern.count) == 0 { return true }
                i = at + 1
            }
            return false
        }
    }

    func withBytes<T>(of r: NodeRecord, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(r.start)..<Int(r.start) + Int(r.count)])) }
    }

    func string(_ r: NodeRecord) -> String {
        withBytes(of: r) { String(decoding: $0, as: UTF8.self) }
    }

    func firstByte(_ r: NodeRecord) -> UInt8? {
        r.count > 0 ? bytes[Int(r.start)] : nil
    }

    /// Whether the scalar's text is exactly `key` (no string is made).
    func equals(_ r: NodeRecord, _ key: String) -> Bool {
        guard key.utf8.count == Int(r.count) else { return false }
        return withBytes(of: r) { t in
            key.utf8.withContiguousStorageIfAvailable { ScalarText.same(t, $0) } ?? t.elementsEqual(key.utf8)
        }
    }

    /// Whether the scalar's text starts with `prefix`.
    func hasPrefix(_ r: NodeRecord, _ prefix: String) -> Bool {
        guard prefix.utf8.count <= Int(r.count) else { return false }
        return withBytes(of: r) { t in
            prefix.utf8.withContiguousStorageIfAvailable { ScalarText.same($0, UnsafeBufferPointer(rebasing: t[..<$0.count])) }
                ?? t.starts(with: prefix.utf8)
        }
    }

    /// Whether two scalars have the same text.
    func equal(_ a: NodeRecord, _ b: NodeRecord) -> Bool {
        guard a.count == b.count else { return false }
        return withBytes(of: a) { x in withBytes(of: b) { y in ScalarText.same(x, y) } }
    }

    func hash(_ r: NodeRecord) -> Int {
        withBytes(of: r) { textHash($0) }
    }

    /// Equal-length buffers compared byte by byte (keys are short: a loop beats a call to memcmp).
    private static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < a.count {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }
}
