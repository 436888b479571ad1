import Catalog
import CharterRuntime
import Foundation
import Hummingbird
import OpenAPIHummingbird
import OpenAPIRuntime
import CharterTestSupport
import Testing

/// `Specs/catalog-3.2.yaml`, what OpenAPI 3.2 adds beyond streams, served on a real port and called through the
/// generated client: the QUERY method, a custom method from `additionalOperations`, the whole query string as
/// one typed parameter, a discriminator's `defaultMapping` that keeps kinds added later readable, and a
/// cookie-style parameter.
@Suite("OpenAPI 3.2 end to end")
struct CatalogEndToEndTests {
    actor Seen {
        var inputs: [String] = []
        func add(_ s: String) { inputs.append(s) }
    }

    struct Service: CatalogAPIProtocol {
        let seen: Seen
        static let book = Item.book(Book(id: "b1", name: "Dune", kind: "book", isbn: "978-0441013593"))

        func queryItems(_ input: QueryItems.Input) async throws -> QueryItems.Output {
            await seen.add("query \(input.body.text ?? "-") \(input.body.limit)")
            return .ok(Items(items: [Self.book]))
        }
        func searchItems(_ input: SearchItems.Input) async throws -> SearchItems.Output {
            let s = input.search
            await seen.add("search \(s?.text ?? "-") \(s?.limit ?? 0) \(s?.tags ?? [])")
            return .ok(Items(items: []))
        }
        func getItem(_ input: GetItem.Input) async throws -> GetItem.Output {
            // The caller, as the security handler established it.
            let view = input.view.map { " view \($0.lang?.rawValue ?? "-") \($0.density ?? 0)" } ?? ""
            await seen.add("get \(input.id) by \(Principal.current?.subject ?? "nobody") \(Principal.current?.scopes.sorted() ?? [])" + view)
            return input.id == "b1" ? .ok(Self.book) : .notFound
        }
        func copyItem(_ input: CopyItem.Input) async throws -> CopyItem.Output {
            await seen.add("copy \(input.id) → \(input.destination)")
            return .created(.otherItem(OtherItem(id: input.destination, name: "copy", kind: "gadget")))
        }
    }

    /// `oauth` tokens: `r3ad` grants `catalog:read`, `n0ne` grants nothing; the legacy key is `0ld`.
    struct Keys: CatalogSecurityHandler {
        func legacyKey(key: String) async throws -> Principal? { key == "0ld" ? Principal(subject: "legacy") : nil }
        func oauth(token: String) async throws -> Principal? {
            switch token {
            case "r3ad": Principal(subject: "reader", scopes: ["catalog:read"])
            case "n0ne": Principal(subject: "guest")
            default: nil
            }
        }
    }

    func withCatalog(_ body: @Sendable (URL, CatalogClient, Seen) async throws -> Void) async throws {
        let seen = Seen()
        let router = Router()
        try Service(seen: seen).registerHandlers(on: router, security: Keys())
        try await withServer(router) { url in
            try await body(url, CatalogClient(serverURL: url, validation: ClientValidation(validateRequests: true, responses: .enforce)), seen)
        }
    }

    @Test func theQueryMethodCarriesItsCriteriaInTheBody() async throws {
        try await withCatalog { url, client, seen in
            guard case .ok(let found) = try await client.queryItems(body: Search(text: "dune", limit: 5)) else { Issue.record("expected 200"); return }
            #expect(found.items == [Service.book])
            let raw = try await send(url, "QUERY", "/items", headers: ["Content-Type": "application/json"], body: Data(#"{"limit": 99}"#.utf8))
            #expect(raw.status == 400)
            #expect(raw.json?["error"]?["details"]?[0]?["field"]?.stringValue == "limit")
            #expect(await seen.inputs == ["query dune 5"])
        }
    }

    @Test func aCustomMethodIsRoutedCalledAndValidated() async throws {
        try await withCatalog { url, client, seen in
            guard case .created(let copy) = try await client.copyItem(id: "b1", destination: "b2") else { Issue.record("expected 201"); return }
            // A kind the mapping does not name reads as the default mapping's schema.
            #expect(copy == .otherItem(OtherItem(id: "b2", name: "copy", kind: "gadget")))
            let bad = try await send(url, "COPY", "/items/b1", headers: ["Destination": "Not Valid!"])
            #expect(bad.status == 400)
            #expect(bad.json?["error"]?["details"]?[0]?["field"]?.stringValue == "Destination")
            // Standard methods the path does not declare are still 405 beside the custom one.
            #expect(try await send(url, "DELETE", "/items/b1").status == 405)
            #expect(await seen.inputs == ["copy b1 → b2"])
        }
    }

    @Test func theWholeQueryStringIsOneTypedParameter() async throws {
        try await withCatalog { url, client, seen in
            _ = try await client.searchItems(search: Search(text: "red lamp", limit: 3, tags: ["home", "light"]))
            let raw = try await send(url, "GET", "/items?text=chair&tags=a&tags=b")
            #expect(raw.status == 200)
            let bad = try await send(url, "GET", "/items?text=&limit=0")
            #expect(bad.status == 400)
            let fields = (bad.json?["error"]?["details"]?.arrayValue ?? []).compactMap { $0["field"]?.stringValue }
            #expect(Set(fields) == ["text", "limit"], "\(fields)")
            _ = try await client.searchItems(search: nil)
            #expect(await seen.inputs == ["search red lamp 3 [\"home\", \"light\"]", "search chair 10 [\"a\", \"b\"]", "search - 0 []"])
        }
    }

    /// 3.2's `cookie` style: the generated client writes the object as a cookie per member, values as they are; the
    /// server reads them back into the typed input and checks each member.
    @Test func aCookieStyleObjectTravelsAsACookiePerMember() async throws {
        try await withCatalog { url, _, seen in
            let reader = CatalogClient(serverURL: url, middlewares: [Bearer(token: "r3ad")])
            guard case .ok = try await reader.getItem(id: "b1", view: GetItem.View(lang: .de, density: 2)) else { Issue.record("expected 200"); return }
            let raw = try await send(url, "GET", "/items/b1", headers: ["Authorization": "Bearer r3ad", "Cookie": "lang=en; density=3; session=x"])
            #expect(raw.status == 200)
            let bad = try await send(url, "GET", "/items/b1", headers: ["Authorization": "Bearer r3ad", "Cookie": "lang=fr; density=9"])
            #expect(bad.status == 400)
            let fields = (bad.json?["error"]?["details"]?.arrayValue ?? []).compactMap { $0["field"]?.stringValue }
            #expect(fields == ["view.lang", "view.density"], "\(fields)")
            #expect(await seen.inputs == ["get b1 by reader [\"catalog:read\"] view de 2", "get b1 by reader [\"catalog:read\"] view en 3"])
        }
    }
}
