/// `hostname` (RFC 1123, with A-labels checked as RFC 5890–5893 require) and `idn-hostname` (RFC 5890: U-labels
/// too). An A-label (`xn--…`) must decode, re-encode to itself, hold a non-ASCII code point and pass the same
/// IDNA2008 rules as a U-label: allowed code points, the contextual rules of RFC 5892 appendix A, and the Bidi rule
/// of RFC 5893 when any label of the name is right-to-left. Code point classes come from the Unicode properties
/// Swift carries; scripts, Bidi classes and joining types (which it does not) from the blocks that define them.
extension Formats {
    /// With `idnaHyphens: false` (RFC 1123 alone), `--` in the third and fourth place is an ordinary name unless
    /// the label is an A-label (`xn--`).
    static func isHostname(_ b: ByteSlice, idnaHyphens: Bool = true) -> Bool {
        if let plain = plainASCIIHostname(b) { return plain }
        guard b.allSatisfy({ $0 < 0x80 }) else { return false }
        return isDomain(labels: splitLabels(b.map { Unicode.Scalar($0) }, separators: [0x2E]), idnaHyphens: idnaHyphens)
    }

    /// The common case decided on the bytes, without allocating: ASCII letters, digits, hyphens and dots, no label
    /// with `--` in the third and fourth place (an A-label or a reserved form, left to the full check). Such a
    /// name has no right-to-left label, so no Bidi rule applies. `nil` when the full check must decide.
    private static func plainASCIIHostname(_ b: ByteSlice) -> Bool? {
        guard !b.isEmpty, b.count <= 253 else { return b.isEmpty ? false : nil }
        var labelLength = 0
        var previous: UInt8 = UInt8(ascii: ".")
        var i = b.startIndex
        while i < b.endIndex {
            let c = b[i]
            if c == UInt8(ascii: ".") {
                guard labelLength > 0, previous != UInt8(ascii: "-") else { return false }
                labelLength = 0
            } else {
                guard isAlpha(c) || isDigit(c) || c == UInt8(ascii: "-") else { return nil }
                if labelLength == 0 && c == UInt8(ascii: "-") { return false }
                if labelLength == 3 && c == UInt8(ascii: "-") && previous == UInt8(ascii: "-") { return nil }
                labelLength += 1
                if labelLength > 63 { return false }
            }
            previous = c
            i += 1
        }
        return labelLength > 0 && previous != UInt8(ascii: "-")
    }

    static func isIDNHostname(_ b: ByteSlice) -> Bool {
        if let plain = plainASCIIHostname(b) { return plain }
        let scalars = Array(String(decoding: b, as: UTF8.self).unicodeScalars)
        // IDNA treats the ideographic, fullwidth and halfwidth full stops as the dot.
        return isDomain(labels: splitLabels(scalars, separators: [0x2E, 0x3002, 0xFF0E, 0xFF61]))
    }

    private static func splitLabels(_ scalars: [Unicode.Scalar], separators: Set<UInt32>) -> [[Unicode.Scalar]] {
        scalars.split(omittingEmptySubsequences: false) { separators.contains($0.value) }.map(Array.init)
    }

    /// Every label valid, the name within 253 octets in its ASCII form, and the Bidi rule met when it applies.
    private static func isDomain(labels: [[Unicode.Scalar]], idnaHyphens: Bool = true) -> Bool {
        guard !labels.isEmpty, labels.count <= 127 else { return false }
        var length = labels.count - 1
        var unicodeLabels: [[Unicode.Scalar]] = []
        for label in labels {
            guard !label.isEmpty, label.count <= 253 else { return false }
            if label.allSatisfy({ $0.isASCII }) {
                guard isLDHLabel(label) else { return false }
                length += label.count
                if hasHyphensAt3And4(label) && (idnaHyphens || isALabelPrefix(label)) {
                    guard let decoded = aLabel(label) else { return false }
                    unicodeLabels.append(decoded)
                } else {
                    unicodeLabels.append(label)
                }
            } else {
                guard isULabel(label), let encoded = Punycode.encode(label), encoded.count + 4 <= 63 else { return false }
                length += encoded.count + 4
                unicodeLabels.append(label)
            }
        }
        guard length <= 253 else { return false }
        if unicodeLabels.contains(where: { $0.contains { [.r, .al, .an].contains(bidiClass($0)) } }) {
            return unicodeLabels.allSatisfy(meetsBidiRule)
        }
        return true
    }

    /// Letters, digits and hyphens, 1–63 of them, not starting or ending with a hyphen.
    private static func isLDHLabel(_ label: [Unicode.Scalar]) -> Bool {
        guard label.count <= 63, label.first != "-", label.last != "-" else { return false }
        return label.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "-" }
    }

    private static func isALabelPrefix(_ label: [Unicode.Scalar]) -> Bool {
        (label[0] == "x" || label[0] == "X") && (label[1] == "n" || label[1] == "N")
    }

    private static func hasHyphensAt3And4(_ label: [Unicode.Scalar]) -> Bool {
        label.count >= 4 && label[2] == "-" && label[3] == "-"
    }

    /// The U-label an `xn--` label stands for, when it is a valid A-label.
    private static func aLabel(_ label: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        let ascii = label.map { UInt8($0.value) }
        guard ascii.count > 4, ascii[0] | 0x20 == UInt8(ascii: "x"), ascii[1] | 0x20 == UInt8(ascii: "n") else { return nil }
        let encoded = Array(ascii[4...])
        guard let decoded = Punycode.decode(encoded), decoded.contains(where: { !$0.isASCII }),
              let again = Punycode.encode(decoded), again == encoded.map({ $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 })
        else { return nil }
        return isULabel(decoded) ? decoded : nil
    }

    /// RFC 5891 §5.4 on a label of code points: hyphen placement, no leading mark, every code point allowed in
    /// its context.
    static func isULabel(_ label: [Unicode.Scalar]) -> Bool {
        guard !label.isEmpty, label.first != "-", label.last != "-", !hasHyphensAt3And4(label) else { return false }
        if let first = label.first, isMark(first) { return false }
        for (i, scalar) in label.enumerated() {
            guard isAllowed(scalar), meetsContextRule(label, at: i) else { return false }
        }
        return true
    }

    private static func isMark(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    /// IDNA2008's PVALID and CONTEXT classes, from RFC 5892's exception lists and the categories it derives from.
    private static func isAllowed(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00DF, 0x03C2, 0x06FD, 0x06FE, 0x0F0B, 0x3007: return true  // exceptions: PVALID
        case 0x0640, 0x07FA, 0x302E, 0x302F, 0x3031...0x3035, 0x303B: return false  // exceptions: DISALLOWED
        case 0x00B7, 0x0375, 0x05F3, 0x05F4, 0x30FB, 0x0660...0x0669, 0x06F0...0x06F9, 0x200C, 0x200D: return true  // contextual
        case 0x2D, 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0...0x7F: return false
        default: break
        }
        if s.properties.changesWhenCaseFolded { return false }  // unstable under case folding: DISALLOWED
        switch s.properties.generalCategory {
        case .lowercaseLetter, .otherLetter, .modifierLetter, .nonspacingMark, .spacingMark, .decimalNumber: return true
        default: return false
        }
    }

    /// RFC 5892 appendix A: the code points allowed only in some surroundings.
    private static func meetsContextRule(_ label: [Unicode.Scalar], at i: Int) -> Bool {
        let s = label[i]
        let before = i > 0 ? label[i - 1] : nil
        let after = i + 1 < label.count ? label[i + 1] : nil
        switch s.value {
        case 0x200D:  // ZERO WIDTH JOINER: after a virama
            return before.map(isVirama) ?? false
        case 0x200C:  // ZERO WIDTH NON-JOINER: after a virama, or between joining letters
            if before.map(isVirama) ?? false { return true }
            var j = i - 1
            while j >= 0, joiningType(label[j]) == .transparent { j -= 1 }
            guard j >= 0, [.left, .dual].contains(joiningType(label[j])) else { return false }
            var k = i + 1
            while k < label.count, joiningType(label[k]) == .transparent { k += 1 }
            return k < label.count && [.right, .dual].contains(joiningType(label[k]))
        case 0x00B7:  // MIDDLE DOT: between two 'l' (Catalan)
            return before == "l" && after == "l"
        case 0x0375:  // GREEK KERAIA: before Greek
            return after.map { script($0) == .greek } ?? false
        case 0x05F3, 0x05F4:  // HEBREW GERESH, GERSHAYIM: after Hebrew
            return before.map { script($0) == .hebrew } ?? false
        case 0x30FB:  // KATAKANA MIDDLE DOT: in a label with Hiragana, Katakana or Han
            return label.contains { $0.value != 0x30FB && [.hiragana, .katakana, .han].contains(script($0)) }
        case 0x0660...0x0669:  // ARABIC-INDIC DIGITS: not with the extended ones
            return !label.contains { (0x06F0...0x06F9).contains($0.value) }
        case 0x06F0...0x06F9:
            return !label.contains { (0x0660...0x0669).contains($0.value) }
        default:
            return true
        }
    }

    private static func isVirama(_ s: Unicode.Scalar) -> Bool {
        s.properties.canonicalCombiningClass.rawValue == 9
    }

    enum Script { case greek, hebrew, hiragana, katakana, han, other }

    static func script(_ s: Unicode.Scalar) -> Script {
        switch s.value {
        case 0x0370...0x03FF, 0x1F00...0x1FFF: .greek
        case 0x0590...0x05FF, 0xFB1D...0xFB4F: .hebrew
        case 0x3040...0x309F: .hiragana
        case 0x30A0...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: .katakana
        case 0x2E80...0x2FDF, 0x3005, 0x3007, 0x3021...0x3029, 0x3038...0x303B, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xF900...0xFAFF, 0x20000...0x3FFFF: .han
        default: .other
        }
    }

    enum JoiningType { case left, right, dual, transparent, none }

    /// Arabic, Syriac and N'Ko letters join on both sides (a few only to the right); marks are transparent.
    static func joiningType(_ s: Unicode.Scalar) -> JoiningType {
        if isMark(s) || s.properties.generalCategory == .format && s.value != 0x200C && s.value != 0x200D { return .transparent }
        switch s.value {
        case 0x0622...0x0625, 0x0627, 0x0629, 0x062F...0x0632, 0x0648, 0x0671...0x0673, 0x0675...0x0677, 0x0688...0x0699,
             0x06C0, 0x06C3...0x06CB, 0x06CD, 0x06CF, 0x06D2, 0x06D3, 0x06D5, 0x06EE, 0x06EF, 0x0710, 0x0715...0x0719,
             0x071E, 0x0728, 0x072A, 0x072C, 0x072F, 0x074D:
            return .right
        case 0x0620...0x064A, 0x066E...0x06D3, 0x06FA...0x06FC, 0x06FF, 0x0712...0x072F, 0x074E...0x077F, 0x07CA...0x07EA,
             0x08A0...0x08C9:
            return .dual
        default:
            return .none
        }
    }

    enum BidiClass { case l, r, al, an, en, es, cs, et, on, bn, nsm }

    /// The Bidi class of a code point (RFC 5893 needs only these), by the blocks that define the right-to-left ones.
    static func bidiClass(_ s: Unicode.Scalar) -> BidiClass {
        let v = s.value
        switch v {
        case 0x30...0x39: return .en
        case 0x2B, 0x2D: return .es
        case 0x2C, 0x2E, 0x2F, 0x3A: return .cs
        case 0x23...0x25: return .et
        case 0x41...0x5A, 0x61...0x7A: return .l
        case 0...0x7F: return .on
        case 0x200C, 0x200D: return .bn
        default: break
        }
        if isMark(s) && s.properties.generalCategory != .spacingMark { return .nsm }
        switch v {
        case 0x0660...0x0669, 0x066B, 0x066C, 0x06DD: return .an
        case 0x06F0...0x06F9: return .en
        case 0x0590...0x05FF, 0x07C0...0x085F, 0xFB1D...0xFB4F: return .r
        case 0x0600...0x07BF, 0x0860...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return .al
        default: return .l
        }
    }

    /// RFC 5893 §2 on one label of a name that has a right-to-left label.
    private static func meetsBidiRule(_ label: [Unicode.Scalar]) -> Bool {
        let classes = label.map(bidiClass)
        guard let first = classes.first else { return false }
        let lastStrong = classes.last { $0 != .nsm }
        switch first {
        case .r, .al:
            let allowed: Set<BidiClass> = [.r, .al, .an, .en, .es, .cs, .et, .on, .bn, .nsm]
            guard classes.allSatisfy(allowed.contains), let end = lastStrong, [.r, .al, .en, .an].contains(end) else { return false }
            return !(classes.contains(.en) && classes.contains(.an))
        case .l:
            let allowed: Set<BidiClass> = [.l, .en, .es, .cs, .et, .on, .bn, .nsm]
            guard classes.allSatisfy(allowed.contains), let end = lastStrong else { return false }
            return end == .l || end == .en
        default:
            return false
        }
    }
}
