/// A schema's declared property names, laid out for finding a raw JSON key's property without making a
/// string: names back to back in one buffer, and an open-addressing table hashed on (length, first byte,
/// last byte). Plain pointers, so a lookup never retains anything; `SchemaNode` owns and frees them.
struct PropertyLookup {
    private let names: UnsafeMutablePointer<UInt8>
    /// Per property: offset and length of its name in `names`.
    private let spans: UnsafeMutablePointer<(offset: Int32, length: Int32)>
    /// Property index + 1 per slot (0 = empty); `mask + 1` slots.
    private let slots: UnsafeMutablePointer<Int32>
    private let mask: Int
    let count: Int

    init(_ properties: [String]) {
        count = properties.count
        let utf8 = properties.map { Array($0.utf8) }
        let total = utf8.reduce(0) { $0 + $1.count }
        names = .allocate(capacity: max(total, 1))
        spans = .allocate(capacity: max(count, 1))
        // Not found until placed below (an empty name's search scans the spans).
        spans.initialize(repeating: (0, -1), count: max(count, 1))
        var size = 8
        while size < count * 2 { size *= 2 }
        mask = size - 1
        slots = .allocate(capacity: size)
        slots.initialize(repeating: 0, count: size)
        var offset = 0
        for (i, name) in utf8.enumerated() {
            (names + offset).initialize(from: name, count: name.count)
            // The first declaration of a name wins: a later duplicate is never found, neither through the table nor
            // as a guess (its length is -1).
            let duplicate = find(name.withUnsafeBufferPointer { $0 }) >= 0
            spans[i] = (Int32(offset), duplicate ? -1 : Int32(name.count))
            offset += name.count
            if duplicate { continue }
            var slot = Self.hash(name.count, name.first ?? 0, name.last ?? 0) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(i + 1)
        }
    }

    func deallocate() {
        names.deallocate()
        spans.deallocate()
        slots.deallocate()
    }

    @inline(__always) static func hash(_ length: Int, _ first: UInt8, _ last: UInt8) -> Int {
        let mix = (UInt64(truncatingIfNeeded: length) << 16 | UInt64(first) << 8 | UInt64(last)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mix >> 40)
    }

    /// The index of the property named by `key` (UTF-8), or -1.
    @inline(__always) func find(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        let n = key.count
        guard let k = key.baseAddress, n > 0 else { return findEmpty() }
        var slot = Self.hash(n, k[0], k[n - 1]) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return -1 }
            let span = spans[entry - 1]
            if Int(span.length) == n {
                if Self.equal(names + Int(span.offset), k, count: n) { return entry - 1 }
            }
            slot = (slot + 1) & mask
        }
    }

    /// As `find(_:)`, trying property `guess` first: bodies usually list members in the order the schema declares
    /// them (generated clients and synthesised encoders write them so), and a direct comparison with the expected
    /// name skips the hash's dependent loads.
    @inline(__always) func find(_ key: UnsafeBufferPointer<UInt8>, guess: Int) -> Int {
        if guess < count, let k = key.baseAddress {
            let span = spans[guess]
            if Int(span.length) == key.count && Self.equal(names + Int(span.offset), k, count: key.count) { return guess }
        }
        return find(key)
    }

    /// Names are short: eight, then four bytes at a time (unaligned loads within both spans), then single
    /// bytes, rather than a call to `memcmp`.
    @inline(__always) static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count n: Int) -> Bool {
        var i = 0
        while i + 8 <= n {
            if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) { return false }
            i += 8
        }
        if i + 4 <= n {
            if UnsafeRawPointer(a + i).loadUnaligned(as: UInt32.self) != UnsafeRawPointer(b + i).loadUnaligned(as: UInt32.self) { return false }
            i += 4
        }
        while i < n {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }

    private func findEmpty() -> Int {
        for i in 0..<count where spans[i].length == 0 { return i }
        return -1
    }
}
