/// URI references as RFC 3986 §5 resolves them: what a `$ref` means against the base URI of the schema that
/// holds it (its nearest `$id`, else the file's own URI).
enum URIReference {
    /// The scheme of `text` (`http`, `urn`, `file`), if it has one.
    static func scheme(_ text: Substring) -> Substring? {
        // On bytes, stopping at the first byte no scheme may hold: every `$ref` asks, and most are `#/…`, which
        // ends at once (finding the colon by `Character` walked the whole text first).
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        let utf8 = text.utf8
        guard let first = utf8.first, isLetter(first) else { return nil }
        var index = utf8.index(after: utf8.startIndex)
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: ":") { return text[..<index] }
            let digit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            guard isLetter(byte) || digit || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else { return nil }
            utf8.formIndex(after: &index)
        }
        return nil
    }

    /// `(uri, fragment)`: the text before `#` and after it (without the `#`).
    static func split(_ text: String) -> (uri: String, fragment: String) {
        guard let hash = text.firstIndex(of: "#") else { return (text, "") }
        return (String(text[..<hash]), String(text[text.index(after: hash)...]))
    }

    /// `reference` resolved against the absolute `base`.
    static func resolve(_ reference: String, against base: String) -> String {
        let (refURI, fragment) = split(reference)
        let suffix = reference.contains("#") ? "#" + fragment : ""
        let (baseURI, _) = split(base)
        if refURI.isEmpty { return baseURI + suffix }
        if scheme(refURI[...]) != nil { return normalised(refURI) + suffix }
        guard let baseScheme = scheme(baseURI[...]) else { return refURI + suffix }
        let afterScheme = baseURI[baseURI.index(baseURI.startIndex, offsetBy: baseScheme.count + 1)...]
        if refURI.hasPrefix("//") { return String(baseScheme) + ":" + normalised(refURI) + suffix }
        // The base's authority (`//host`) and path, and whether it is hierarchical at all (a URN is not).
        var authority = ""
        var path = afterScheme
        if afterScheme.hasPrefix("//") {
            let rest = afterScheme.dropFirst(2)
            let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
            authority = "//" + rest[..<end]
            path = rest[end...]
        }
        if let query = path.firstIndex(of: "?") { path = path[..<query] }
        let merged: String
        if refURI.hasPrefix("/") {
            merged = refURI
        } else if !authority.isEmpty && path.isEmpty {
            merged = "/" + refURI
        } else if let slash = path.lastIndex(of: "/") {
            merged = path[...slash] + refURI
        } else {
            merged = refURI
        }
        return String(baseScheme) + ":" + authority + removingDotSegments(merged) + suffix
    }

    private static func normalised(_ uri: String) -> String {
        guard let s = scheme(uri[...]) else { return uri }
        let rest = uri[uri.index(uri.startIndex, offsetBy: s.count + 1)...]
        guard rest.hasPrefix("//") else { return uri }
        let afterHost = rest.dropFirst(2)
        let end = afterHost.firstIndex(of: "/") ?? afterHost.endIndex
        return String(s) + "://" + afterHost[..<end] + removingDotSegments(String(afterHost[end...]))
    }

    /// RFC 3986 §5.2.4: `a/b/../c` → `a/c`, `./x` → `x`.
    static func removingDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
        var (query, pathOnly) = ("", path)
        if let q = path.firstIndex(of: "?") { query = String(path[q...]); pathOnly = String(path[..<q]) }
        var output: [Substring] = []
        let segments = pathOnly.split(separator: "/", omittingEmptySubsequences: false)
        for (i, segment) in segments.enumerated() {
            let isLast = i == segments.count - 1
            if segment == "." { if isLast { output.append("") }; continue }
            if segment == ".." {
                if output.count > 1 || (output.count == 1 && !output[0].isEmpty) { output.removeLast() }
                if isLast { output.append("") }
                continue
            }
            output.append(segment)
        }
        return output.joined(separator: "/") + query
    }
}
