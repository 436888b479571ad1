import CharterBase
import Glibc

/// A part of a YAML file read on its own (see `YAMLPartsReader`).
struct TreePart: Sendable {
    var records: [NodeRecord]
    var children: [Int32]
    var text: ScalarText
    var root: Int32?
    /// Line breaks libyaml counted in the part: the next part's first line follows them.
    var lines: Int
    /// No problem reported, no anchor and no alias: only then does the part mean the same alone as in its file.
    var clean: Bool
    var deepest: Int
}

/// Reads a large YAML file as several parts on the machine's cores, then joins them into the tree the whole-file
/// read makes (same nodes in the same order, same lines and columns, same text).
///
/// libyaml is one event loop over the whole file: on a 4 MB spec it is two thirds of the load, on one core. A block
/// mapping's keys sit at one indentation, so a file can be cut at a key line: what follows, read alone, is a mapping
/// whose entries continue the mapping open at that column where the previous part stopped. The cuts are guesses
/// made from indentation alone; the join proves each one (the part must be a clean block mapping at the cut's
/// column, a block mapping at that column must be open where the previous part ended, no key may repeat) and any
/// doubt — a syntax error, an anchor or alias, a merge key, a repeated key, a cut inside a block scalar — gives
/// `nil`, and the caller reads the whole file the ordinary way, which also reports the problem exactly.
enum YAMLPartsReader {
    /// Files smaller than this are read whole: starting threads would cost more than they save.
    static let minimumSize = 256 << 10

    static func read(_ bytes: [UInt8], path: String, limits: TreeLimits,
                     parts wanted: Int = 2 * Parallel.cores, minimumSize: Int = Self.minimumSize) -> SpecTree? {
        guard wanted > 1, bytes.count >= minimumSize,
              let cuts = YAMLCuts.plan(bytes, parts: wanted), cuts.count > 1 else { return nil }
        return read(bytes, path: path, limits: limits, cuts: cuts)
    }

    /// The file read in parts starting at `cuts` (byte offsets of line starts, increasing, the first 0), joined — or
    /// `nil` when the join cannot prove the parts mean what the whole file means. Any cuts are safe to try.
    static func read(_ bytes: [UInt8], path: String, limits: TreeLimits, cuts: [Int]) -> SpecTree? {
        guard cuts.first == 0, bytes.count < Int(Int32.max), zip(cuts, cuts.dropFirst()).allSatisfy({ $0 < $1 }),
              let last = cuts.last, last < bytes.count else { return nil }
        let ranges = cuts.indices.map { i in cuts[i]..<(i + 1 < cuts.count ? cuts[i + 1] : bytes.count) }
        let parts = Parallel.results(of: ranges.map { range in
            { @Sendable () -> TreePart? in
                bytes.withUnsafeBufferPointer { YAMLReader.readPart(UnsafeBufferPointer(rebasing: $0[range]), path: path, limits: limits) }
            }
        })
        var joined: [TreePart] = []
        for part in parts {
            guard let part, part.clean else { return nil }
            joined.append(part)
        }
        return join(joined, path: path, limits: limits)
    }

    /// The parts as one tree: each later part's root is dropped and its entries continue the open block mapping
    /// at its column; node ids, parents, text offsets and lines move by what came before.
    static func join(_ parts: [TreePart], path: String, limits: TreeLimits) -> SpecTree? {
        guard let first = parts.first, first.root == 0 else { return nil }
        var records = first.records
        var children = first.children
        var text = first.text
        // One allocation each for the whole file (growing part by part copied everything read so far each time).
        records.reserveCapacity(parts.reduce(0) { $0 + $1.records.count })
        children.reserveCapacity(parts.reduce(0) { $0 + 2 * $1.children.count })
        text.reserve(parts.reduce(0) { $0 + $1.text.count })
        var lineOffset = first.lines
        var open = ancestors(of: Int32(records.count - 1), in: records)
        var extended: [Int32] = []
        var extensions: [Int32: [Int32]] = [:]
        for part in parts.dropFirst() {
            guard part.root == 0, let root = part.records.first, isBlockMapping(0, column: root.column, part.records, part.children),
                  let at = open.lastIndex(where: { isBlockMapping($0, column: root.column, records, children) }),
                  at + part.deepest <= limits.maxDepth,
                  records.count + part.records.count < Int(Int32.max), children.count + part.children.count < Int(Int32.max),
                  text.count + part.text.count < ScalarText.capacity else { return nil }
            let target = open[at]
            let recordBase = Int32(records.count - 1), childBase = Int32(children.count), textBase = Int32(text.count)
            let move = { (id: Int32) -> Int32 in id == 0 ? target : id + recordBase }
            for var r in part.records.dropFirst() {
                r.line += Int32(clamping: lineOffset)
                r.parent = r.parent < 0 ? -1 : move(r.parent)
                r.start += r.kind == .scalar ? textBase : childBase
                records.append(r)
            }
            children.append(contentsOf: part.children.lazy.map(move))
            text.append(contentsOf: part.text)
            if extensions[target] == nil { extended.append(target) }
            extensions[target, default: []].append(contentsOf: part.children[Int(root.start)..<Int(root.start + root.count)].lazy.map(move))
            let last = Int32(part.records.count - 1)
            open = Array(open[...at]) + (last > 0 ? ancestors(of: last, in: part.records).dropFirst().map(move) : [])
            lineOffset += part.lines
        }
        var keySlots: [Int32] = []
        for mapping in extended {
            let r = records[Int(mapping)]
            let slots = Array(children[Int(r.start)..<Int(r.start + r.count)]) + (extensions[mapping] ?? [])
            guard TreeBuilder.keysAreDistinctWithoutMerge(slots, from: 0, records: records, text: text, keySlots: &keySlots) else { return nil }
            records[Int(mapping)].start = Int32(children.count)
            records[Int(mapping)].count = Int32(slots.count)
            children.append(contentsOf: slots)
        }
        return SpecTree(path: path, records: records, children: children, text: text, root: 0)
    }

    /// The containers open around node `id` when it was read, from the root down (first parents; a clean part
    /// has no aliases, so the first parent is the only one).
    private static func ancestors(of id: Int32, in records: [NodeRecord]) -> [Int32] {
        var chain: [Int32] = []
        var current = records[Int(id)].parent
        while current >= 0, chain.count <= records.count {
            chain.append(current)
            current = records[Int(current)].parent
        }
        return chain.reversed()
    }

    /// A block mapping starting at `column`: libyaml places a block mapping where its first key is, a flow
    /// mapping at its `{` (its first key is further right).
    private static func isBlockMapping(_ id: Int32, column: Int32, _ records: [NodeRecord], _ children: [Int32]) -> Bool {
        let r = records[Int(id)]
        guard r.kind == .mapping, r.column == column, r.count >= 2 else { return false }
        return records[Int(children[Int(r.start)])].column == column
    }
}

/// Where to cut a YAML file into parts, from its lines' indentation: each cut is a key line at indentation `d`
/// (not the first key of its mapping), and every line of the part it starts is indented at least `d`, so the
/// part reads alone as a block mapping. A guess the join then proves.
enum YAMLCuts {
    /// Byte offsets where parts start (the first is 0), or `nil` when the file offers no safe cut: a merge key
    /// anywhere (`<<` merges need the whole mapping), or a directive or document marker after the first line.
    static func plan(_ bytes: [UInt8], parts wanted: Int) -> [Int]? {
        bytes.withUnsafeBufferPointer { all -> [Int]? in
            guard let base = all.baseAddress, !containsMergeKey(all) else { return nil }
            let target = max(all.count / wanted, 1)
            // Open parts (after the first) as (start, indentation); a line indented less than a part's start must
            // begin a new part, or the part is dropped (it joins the one before).
            var starts: [(offset: Int, indent: Int)] = [(0, 0)]
            var previousIndent = 0
            var offset = 0
            while offset < all.count {
                let end = memchr(base + offset, 10, all.count - offset).map { UnsafeRawPointer(base).distance(to: $0) } ?? all.count
                var indent = 0
                while offset + indent < end, all[offset + indent] == 32 { indent += 1 }
                let at = offset + indent
                if at < end, all[at] != 13, all[at] != UInt8(ascii: "#") {
                    let first = all[at]
                    if offset > 0, indent == 0, first == UInt8(ascii: "%") || isMarker(all, at, end, UInt8(ascii: "-")) || isMarker(all, at, end, UInt8(ascii: ".")) {
                        return nil
                    }
                    let keyLike = startsKey(first) && previousIndent >= indent
                    while starts.count > 1, let top = starts.last, indent < top.indent {
                        if keyLike { break }
                        starts.removeLast()
                    }
                    let top = starts[starts.count - 1]
                    let forced = starts.count > 1 && indent < top.indent
                    let size = offset - top.offset
                    let over = size - target
                    // Shallow cuts first (a key line deep in a schema is likelier inside a block scalar, a failed
                    // guess); deeper ones once the part has run long past its share.
                    let shallowEnough = indent <= 2 || (indent <= 4 && over > target / 16) || (indent <= 8 && over > target / 4)
                    if keyLike && offset > 0 && (forced || (over >= 0 && shallowEnough)) {
                        starts.append((offset, indent))
                    }
                    previousIndent = indent
                }
                offset = end + 1
            }
            return starts.map(\.offset)
        }
    }

    /// A character a plain or quoted key may start with (letters, digits and the few a path or `$ref` starts with).
    private static func startsKey(_ c: UInt8) -> Bool {
        (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)
            || c == UInt8(ascii: "_") || c == UInt8(ascii: "/") || c == UInt8(ascii: "$") || c == UInt8(ascii: "\"") || c == UInt8(ascii: "'")
    }

    /// `---` or `...` (a document's start or end) at `at`, alone or followed by a space.
    private static func isMarker(_ all: UnsafeBufferPointer<UInt8>, _ at: Int, _ end: Int, _ c: UInt8) -> Bool {
        at + 3 <= end && all[at] == c && all[at + 1] == c && all[at + 2] == c
            && (at + 3 == end || all[at + 3] == 32 || all[at + 3] == 13 || all[at + 3] == 9)
    }

    /// Whether a merge key may occur: `<<` followed by `:` (past quotes and spaces). `<<` in text is no merge key.
    private static func containsMergeKey(_ all: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = all.baseAddress else { return false }
        var offset = 0
        while offset + 1 < all.count, let hit = memchr(base + offset, Int32(UInt8(ascii: "<")), all.count - offset - 1) {
            let at = UnsafeRawPointer(base).distance(to: hit)
            if all[at + 1] == UInt8(ascii: "<") {
                var i = at + 2
                while i < all.count, all[i] == 32 || all[i] == UInt8(ascii: "\"") || all[i] == UInt8(ascii: "'") { i += 1 }
                if i < all.count, all[i] == UInt8(ascii: ":") { return true }
            }
            offset = at + 1
        }
        return false
    }
}
