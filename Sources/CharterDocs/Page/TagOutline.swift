import CharterSpec

/// The order the page shows operations in: one group per tag, 3.2 child tags after their parent, and Redoc's
/// `x-tagGroups` headings over the top-level tags. Display names come from 3.2's `summary`, else Redoc's
/// `x-displayName`, else the tag's name.
struct TagOutline {
    /// A tag of the navigation and its operations.
    struct Group {
        var tag: String
        var title: String
        var description: String?
        /// Where the tag is declared, for what its description's components lack.
        var location: SourceLocation?
        var depth: Int
        var operations: [Operation]
        /// The `x-tagGroups` heading this group opens, on the first group under each heading.
        var heading: String?
    }

    private(set) var groups: [Group] = []
    /// What the outline could not follow (a malformed `x-tagGroups`, a tag it names that the document lacks).
    private(set) var diagnostics: [Diagnostic] = []

    private let document: Document
    private var byTag: [String: [Operation]] = [:]
    /// Every tag, declared first in the document's order, then those only operations name, then "" (untagged).
    private var declared: [String] = []
    private var info: [String: Tag] = [:]

    init(document: Document) {
        self.document = document
        var order: [String] = []
        // A spec that tags nothing (Stripe) is grouped by resource instead, so its navigation is not one long list.
        let tagsNothing = document.operations.allSatisfy { $0.operation.tags.isEmpty }
        for (_, op) in document.operations {
            let tag = tagsNothing ? Self.resource(op.path) : op.tags.first ?? ""
            if byTag[tag] == nil { order.append(tag) }
            byTag[tag, default: []].append(op)
        }
        declared = document.tags.map(\.name)
        for tag in order where !declared.contains(tag) && !tag.isEmpty { declared.append(tag) }
        if order.contains("") { declared.append("") }
        info = Dictionary(document.tags.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })

        // Each top-level tag with the tree under it; a tag whose parent is not declared is top-level.
        var trees: [(tag: String, groups: [Group])] = []
        var placed = Set<String>()
        for tag in declared where info[tag]?.parent.map({ info[$0] != nil }) != true {
            trees.append((tag, subtree(tag, depth: 0, placed: &placed)))
        }
        // A parent loop leaves tags no root reaches: each is shown at the top level rather than left out.
        for tag in declared where !placed.contains(tag) { trees.append((tag, subtree(tag, depth: 0, placed: &placed))) }

        guard let headings = tagGroups() else {
            groups = trees.flatMap(\.groups)
            return
        }
        var taken = Set<String>()
        for (heading, tags) in headings {
            var first = true
            for tag in tags {
                guard !taken.contains(tag), let tree = trees.first(where: { $0.tag == tag }) else { continue }
                taken.insert(tag)
                for var group in tree.groups {
                    if first { group.heading = heading; first = false }
                    groups.append(group)
                }
            }
        }
        // Redoc hides the tags no heading names; here they stay, under a heading of their own.
        var first = true
        for tree in trees where !taken.contains(tree.tag) {
            for var group in tree.groups {
                if first { group.heading = "Other"; first = false }
                groups.append(group)
            }
        }
    }

    /// `tag`'s group, then its children's, depth-first; a tag is shown when it has operations, a description (a
    /// declared tag with only a description is a section of prose, as in Redoc) or a child that is shown.
    private func subtree(_ tag: String, depth: Int, placed: inout Set<String>) -> [Group] {
        guard !placed.contains(tag), depth < 8 else { return [] }
        placed.insert(tag)
        var children: [Group] = []
        for child in declared where info[child]?.parent == tag { children += subtree(child, depth: depth + 1, placed: &placed) }
        let ops = byTag[tag] ?? []
        let description = info[tag]?.description
        // 3.2's `badge` and `audience` tags label operations; only navigation tags stand as sections of prose.
        let isNavigation = info[tag]?.kind.map { $0 == "nav" } ?? true
        guard !ops.isEmpty || (description != nil && isNavigation) || !children.isEmpty else { return [] }
        return [Group(tag: tag, title: title(tag), description: description, location: info[tag]?.location, depth: depth, operations: ops)] + children
    }

    private func title(_ tag: String) -> String {
        if tag.isEmpty { return "Other operations" }
        return info[tag]?.summary ?? info[tag]?.extensions["x-displayName"]?.text ?? tag
    }

    /// Redoc's `x-tagGroups`: a list of `{name, tags}`. Entries it cannot read are located warnings, and so is a tag
    /// it names that no operation uses and `tags` does not declare.
    private mutating func tagGroups() -> [(String, [String])]? {
        guard let node = document.extensions["x-tagGroups"] else { return nil }
        guard node.kind == .sequence else {
            diagnostics.append(Diagnostic(.warning, "x-tagGroups is not a list of {name, tags}; the navigation follows the tags instead", at: node.location))
            return nil
        }
        var headings: [(String, [String])] = []
        for entry in node.elements {
            guard let name = entry["name"]?.text, let list = entry["tags"], list.kind == .sequence else {
                diagnostics.append(Diagnostic(.warning, "an entry of x-tagGroups has no text 'name' and list 'tags'; its tags are shown under 'Other'", at: entry.location))
                continue
            }
            var tags: [String] = []
            for item in list.elements {
                guard let tag = item.text, declared.contains(tag) else {
                    diagnostics.append(Diagnostic(.warning, "x-tagGroups '\(name)' names \(item.text.map { "tag '\($0)'" } ?? "a value that is not a tag name"), which no operation uses and 'tags' does not declare", at: item.location))
                    continue
                }
                tags.append(tag)
            }
            headings.append((name, tags))
        }
        return headings
    }

    /// The first path segment that names something (`/v1/accounts/{account}` → `accounts`), skipping versions.
    static func resource(_ path: String) -> String {
        for segment in path.split(separator: "/") {
            if segment.hasPrefix("{") { continue }
            let isVersion = segment.count <= 4 && segment.first.map { $0 == "v" || $0 == "V" } == true && segment.dropFirst().allSatisfy { $0.isNumber || $0 == "." }
            if isVersion || segment == "api" { continue }
            return String(segment)
        }
        return ""
    }
}
