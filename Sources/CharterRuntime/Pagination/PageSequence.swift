import Foundation

/// Where the next page of a paginated operation starts.
public enum PagePosition: Sendable, Hashable {
    /// The first page, as the operation's own defaults ask for it.
    case start
    /// Offset pagination: the index of the first item of the page.
    case offset(Int)
    /// Cursor pagination: the token the previous page returned.
    case cursor(String)
    /// Page-number pagination.
    case page(Int)
    /// `Link` header pagination (RFC 8288): the URL of the next page as the server gave it, followed as it is.
    case link(String)

    /// The offset to ask for; `start` (the operation's default) when nil.
    public var offset: Int? { if case .offset(let n) = self { n } else { nil } }
    /// The cursor to send; nil on the first page.
    public var cursor: String? { if case .cursor(let c) = self { c } else { nil } }
    /// The page number to ask for; `start` (the operation's default) when nil.
    public var page: Int? { if case .page(let n) = self { n } else { nil } }
    /// The next page's URL to follow; nil on the first page.
    public var link: String? { if case .link(let url) = self { url } else { nil } }

    /// The `rel="next"` target of a `Link` header (RFC 8288: `<url>; rel="next", <url>; rel="last"`), or nil when
    /// there is none — the last page.
    public static func nextLink(in header: String?) -> PagePosition? {
        guard let header else { return nil }
        var rest = Substring(header)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { return nil }
            let target = rest[rest.index(after: open)..<close]
            // The link's parameters run to the next link (a comma outside quotes) or the end.
            var parameters = rest[rest.index(after: close)...]
            var quoted = false
            var end = parameters.endIndex
            for i in parameters.indices {
                let c = parameters[i]
                if c == "\"" { quoted.toggle() } else if c == ",", !quoted { end = i; break }
            }
            rest = parameters[end...].dropFirst()
            parameters = parameters[..<end]
            for parameter in parameters.split(separator: ";") {
                let pair = parameter.split(separator: "=", maxSplits: 1)
                guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "rel" else { continue }
                let value = pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                if value.lowercased().split(separator: " ").contains("next"), !target.isEmpty { return .link(String(target)) }
            }
        }
        return nil
    }
}

/// Every item of a paginated operation, fetched page by page as the sequence is read: `for try await booking in
/// client.listBookingsPages() { … }`. A page is requested only when the previous one is used up; the walk ends
/// at a page with no next position, an empty page, or after `maxPages` pages, and stops when the task is
/// cancelled. Generated clients build these for operations that page by offset, cursor or page number.
public struct PageSequence<Item: Sendable>: AsyncSequence, Sendable {
    /// One item of a page.
    public typealias Element = Item
    /// One page: its items and where the next one starts (nil: this was the last).
    public typealias Fetch = @Sendable (PagePosition) async throws -> (items: [Item], next: PagePosition?)

    let fetch: Fetch
    let maxPages: Int

    /// A sequence over the pages `fetch` returns, starting at `.start`, for at most `maxPages` pages.
    public init(maxPages: Int = 1000, fetch: @escaping Fetch) {
        self.fetch = fetch
        self.maxPages = Swift.max(1, maxPages)
    }

    public func makeAsyncIterator() -> Iterator { Iterator(fetch: fetch, maxPages: maxPages) }

    /// Reads pages as items are asked for.
    public struct Iterator: AsyncIteratorProtocol {
        let fetch: Fetch
        let maxPages: Int
        var buffer: [Item] = []
        var index = 0
        var next: PagePosition? = .start
        var pages = 0
        var seen: Set<PagePosition> = []

        public mutating func next() async throws -> Item? {
            while index == buffer.count {
                guard let position = next, pages < maxPages else { return nil }
                try Task.checkCancellation()
                // A server that hands back a position already visited would loop forever: the walk ends there.
                guard seen.insert(position).inserted else { return nil }
                let page = try await fetch(position)
                pages += 1
                buffer = page.items
                index = 0
                next = page.items.isEmpty ? nil : page.next
            }
            defer { index += 1 }
            return buffer[index]
        }
    }
}

/// A page request answered with something other than the page (an error status, another media type).
public struct UnexpectedPage: Error, Sendable, CustomStringConvertible {
    /// The paginated operation.
    public var operationID: String
    /// The output received instead of a page, as text.
    public var output: String

    /// An error for `operationID` that answered `output`.
    public init(operationID: String, output: some Sendable) {
        self.operationID = operationID
        self.output = String(describing: output)
    }

    public var description: String { "\(operationID): expected a page, received \(output)" }
}
