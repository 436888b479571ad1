import Airline
import CharterRuntime
import Documents
import UsersV2

/// The example servers' credentials: each accepted bearer token names a principal. A token given as
/// `token=scope scope` (on the command line, `--token 'r3ad=bookings:read'`) grants those scopes; a bare token
/// grants none, which is all an operation whose requirement lists no scopes needs.
public struct TokenBook: Sendable {
    let principals: [String: Principal]

    /// Tokens as `--token` takes them.
    public init(_ tokens: [String]) {
        var principals: [String: Principal] = [:]
        for entry in tokens {
            let token = String(entry.prefix { $0 != "=" })
            let scopes = entry.dropFirst(token.count + 1).split { $0 == " " || $0 == "," }.map(String.init)
            principals[token] = Principal(subject: "user-" + String(token.prefix(4)), scopes: Set(scopes))
        }
        self.principals = principals
    }

    /// The token's principal, or nil for a token nobody was given.
    public func principal(for token: String) -> Principal? { principals[token] }
}

/// The Airline server's one scheme, `bearerAuth`, checked against the token book.
public struct AirlineSecurity: AirlineSecurityHandler {
    let book: TokenBook
    /// Accepts the book's tokens.
    public init(_ book: TokenBook) { self.book = book }
    public func bearerAuth(token: String) async throws -> Principal? { book.principal(for: token) }
}

/// The Documents server's `bearerAuth`.
public struct DocumentsSecurity: DocumentsSecurityHandler {
    let book: TokenBook
    /// Accepts the book's tokens.
    public init(_ book: TokenBook) { self.book = book }
    public func bearerAuth(token: String) async throws -> Principal? { book.principal(for: token) }
}

/// The Users v2 server's `bearerAuth`.
public struct UsersV2Security: UsersV2SecurityHandler {
    let book: TokenBook
    /// Accepts the book's tokens.
    public init(_ book: TokenBook) { self.book = book }
    public func bearerAuth(token: String) async throws -> Principal? { book.principal(for: token) }
}
