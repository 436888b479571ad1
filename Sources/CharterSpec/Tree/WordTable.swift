/// A fixed vocabulary (a schema's keywords, JSON type names) looked up by a scalar's bytes.
///
/// The model builder dispatches on every key of every object. A `switch` over `String` compares the key with
/// each case in turn and needs the key as a `String` first; this table hashes the bytes once (FNV-1a) and
/// compares one candidate, so a key costs the same whether its case is first or fiftieth.
struct WordTable<Word: Sendable>: Sendable {
    private var bytes: [UInt8] = []
    /// Open addressing: slot → index into `entries`, or -1.
    private var slots: [Int32]
    private var entries: [(start: Int32, count: Int32, word: Word)] = []
    private let mask: Int

    init(_ words: [(String, Word)]) {
        var capacity = 16
        while capacity < words.count * 4 { capacity *= 2 }
        mask = capacity - 1
        slots = Array(repeating: -1, count: capacity)
        for (text, word) in words {
            let utf8 = Array(text.utf8)
            var slot = utf8.withUnsafeBufferPointer { WordTable.hash($0) } & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entries.count)
            entries.append((Int32(bytes.count), Int32(utf8.count), word))
            bytes += utf8
        }
    }

    func word(for key: UnsafeBufferPointer<UInt8>) -> Word? {
        var slot = WordTable.hash(key) & mask
        while true {
            let index = slots[slot]
            if index < 0 { return nil }
            let entry = entries[Int(index)]
            if Int(entry.count) == key.count && bytes.withUnsafeBufferPointer({ equal($0, from: Int(entry.start), key) }) {
                return entry.word
            }
            slot = (slot + 1) & mask
        }
    }

    private func equal(_ table: UnsafeBufferPointer<UInt8>, from start: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < key.count {
            if table[start + i] != key[i] { return false }
            i += 1
        }
        return true
    }

    private static func hash(_ b: UnsafeBufferPointer<UInt8>) -> Int { textHash(b) }
}

/// FNV-1a over a key's bytes: a few instructions per byte, and keys are short. Unseeded, so input can be
/// made to collide: a table over a file's own keys must bound its probing (see `TreeBuilder`).
func textHash(_ b: UnsafeBufferPointer<UInt8>) -> Int {
    var h: UInt32 = 2_166_136_261
    for byte in b { h = (h ^ UInt32(byte)) &* 16_777_619 }
    return Int(h)
}

extension Node {
    /// The first byte of a scalar's text (`nil` for an empty scalar or a container): a cheap pre-check.
    var firstByte: UInt8? {
        let r = record
        return r.kind == .scalar ? tree.text.firstByte(r) : nil
    }

    /// The word of `table` this scalar spells, or `nil` (for containers too).
    func word<Word>(in table: WordTable<Word>) -> Word? {
        let r = record
        guard r.kind == .scalar else { return nil }
        return tree.text.withBytes(of: r) { table.word(for: $0) }
    }
}
