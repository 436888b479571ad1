/// `x-webhooks`: how 3.0 specs wrote webhooks before 3.1 gave them a field. Two shapes are in the wild: Redocly's,
/// webhook name → path item (as 3.1's `webhooks`), and Vonage's, webhook name → callback (a runtime expression
/// → path item), which names the URL the subscription gave. Both are read as webhooks, so they get a receiver, a
/// sender, a place on the docs page and a trigger in the mock, as 3.1 ones do.
extension DocumentBuilder {
    func readXWebhooks(_ node: Node, into document: inout Document) {
        let taken = Set(document.webhooks.map(\.name))
        for entry in namedEntries(node, "x-webhooks") {
            guard !taken.contains(entry.key) else {
                warning("x-webhooks '\(entry.key)' is also under 'webhooks'; the one under 'webhooks' is used", at: entry.keyNode)
                continue
            }
            let value = entry.value
            if isPathItem(value) {
                if let item = buildPathItemResolving(value, path: entry.key) { document.webhooks.append((entry.key, item)) }
                continue
            }
            // Callback-shaped: each expression's path item is a webhook; the expression names a URL the receiver
            // registered elsewhere, which a webhook does not need.
            let inner = namedEntries(value, "x-webhooks '\(entry.key)'")
            for callback in inner {
                let name = inner.count == 1 ? entry.key : "\(entry.key) \(callback.key)"
                warning("x-webhooks '\(entry.key)' is keyed by '\(callback.key)' as a callback is; read as the webhook '\(name)' (its URL is the one the receiver registered)",
                        at: callback.keyNode)
                if let item = buildPathItemResolving(callback.value, path: name) { document.webhooks.append((name, item)) }
            }
        }
    }

    /// A mapping with an operation, a `$ref` or a path item's own fields, rather than expressions.
    private func isPathItem(_ node: Node) -> Bool {
        node.entries.contains { entry in
            HTTPMethod(rawValue: entry.key) != nil || ["$ref", "summary", "description", "parameters", "servers"].contains(entry.key)
        } || node.entries.isEmpty
    }
}
