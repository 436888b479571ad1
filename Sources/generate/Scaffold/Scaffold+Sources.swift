/// The scaffold's Swift: the handlers, the executable and the tests. They use the names the generator gives the
/// starter spec (`CreateItem.Input`, `Item.Priority` …), which a test of Charter's own checks by building a scaffold.
extension Scaffold {
    func service() -> String {
        let hosting: String
        switch server {
        case .vapor:
            hosting = """
            /// Registers every operation on `app`: requests are validated against the spec before a handler runs, and
            /// paths no operation serves answer 404 in the API's JSON error envelope.
            public func configure(_ app: Application) throws {
                app.middleware.use(JSONNotFound())
                try \(serviceType)().registerHandlers(on: VaporTransport(routesBuilder: app))
            }

            /// Answers requests no route matches with the API's error envelope (404 `RESOURCE_NOT_FOUND`, with
            /// `X-Request-ID`) instead of Vapor's own JSON, so a client reads every refusal the same way.
            struct JSONNotFound: AsyncMiddleware {
                func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
                    do {
                        return try await next.respond(to: request)
                    } catch let error as any AbortError where error.status == .notFound {
                        var incoming = HTTPFields()
                        incoming[RequestID.headerName] = request.headers.first(name: "X-Request-ID")
                        let requestID = RequestID.incoming(incoming) ?? RequestID.generate()
                        let path = request.url.path
                        let (head, bytes) = APIError.notFound(path: path).response(format: .charter, requestID: requestID, instance: path)
                        let headers = HTTPHeaders(head.headerFields.map { ($0.name.rawName, $0.value) })
                        return Response(status: .notFound, headers: headers, body: .init(data: Data(bytes)))
                    }
                }
            }
            """
        default:
            hosting = """
            /// A router serving every operation: requests are validated against the spec before a handler runs, and
            /// paths no operation serves answer 404 in the API's JSON error envelope.
            public func buildRouter() throws -> Router<BasicRequestContext> {
                let router = Router()
                try \(serviceType)().registerHandlers(on: HummingbirdTransport(router))
                // After the routes: Hummingbird applies it to the not-found answer, not to the operations.
                router.add(middleware: JSONNotFound())
                return router
            }

            /// Answers requests no route matches with the API's error envelope (404 `RESOURCE_NOT_FOUND`, with
            /// `X-Request-ID`) instead of Hummingbird's empty 404, so a client reads every refusal the same way.
            struct JSONNotFound<Context: RequestContext>: RouterMiddleware {
                func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
                    do {
                        return try await next(request, context)
                    } catch let error as HTTPError where error.status == .notFound {
                        let requestID = RequestID.incoming(request.headers) ?? RequestID.generate()
                        let path = String(request.uri.path)
                        let (head, bytes) = APIError.notFound(path: path).response(format: .charter, requestID: requestID, instance: path)
                        return Response(status: head.status, headers: head.headerFields, body: .init(byteBuffer: .init(bytes: bytes)))
                    }
                }
            }
            """
        }
        let imports = ["CharterRuntime", "Foundation", apiTarget] + (server == .vapor ? ["HTTPTypes", "OpenAPIVapor", "Vapor"] : ["CharterHummingbird", "Hummingbird"])
        return """
        \(imports.sorted().map { "import \($0)" }.joined(separator: "\n"))

        /// Items kept in memory: replace with your storage.
        actor ItemStore {
            private var items: [Item] = []

            func add(_ new: NewItem) -> Item {
                // NewItem.Priority and Item.Priority are one type: the spec declares the same enum for both.
                let item = Item(id: Int64(items.count + 1), name: new.name, priority: new.priority, createdAt: Date())
                items.append(item)
                return item
            }

            func item(_ id: Int64) -> Item? { items.first { $0.id == id } }

            func page(from start: Int, limit: Int) -> ItemPage {
                let end = min(items.count, start + limit)
                let slice = start < end ? Array(items[start..<end]) : []
                return ItemPage(items: slice, nextCursor: end < items.count ? String(end) : nil)
            }
        }

        /// The API's handlers. Inputs arrive validated: `limit` is within 1...100, a body's `name` is not empty.
        public struct \(serviceType): \(protocolName) {
            let store = ItemStore()

            public init() {}

            public func listItems(_ input: ListItems.Input) async throws -> ListItems.Output {
                .ok(await store.page(from: input.cursor.flatMap { Int($0) } ?? 0, limit: input.limit))
            }

            public func createItem(_ input: CreateItem.Input) async throws -> CreateItem.Output {
                .created(await store.add(input.body))
            }

            public func getItem(_ input: GetItem.Input) async throws -> GetItem.Output {
                guard let item = await store.item(input.itemID) else {
                    return .notFound(ErrorResponse(error: .init(code: "NOT_FOUND", message: "No item has id \\(input.itemID)")))
                }
                return .ok(item)
            }
        }

        \(hosting)

        """
    }

    func serverMain() -> String {
        if server == .vapor {
            return """
            import \(serviceTarget)
            import Vapor

            // `swift run \(serverTarget) serve --hostname 0.0.0.0 --port 8080`; Vapor reads the environment and arguments.
            let app = try await Application.make(.detect())
            do {
                try configure(app)
                try await app.execute()
            } catch {
                app.logger.report(error: error)
            }
            try await app.asyncShutdown()

            """
        }
        return """
        import Hummingbird
        import \(serviceTarget)

        // `swift run \(serverTarget) --host 0.0.0.0 --port 8080`
        let arguments = CommandLine.arguments
        let host = arguments.firstIndex(of: "--host").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
        let port = arguments.firstIndex(of: "--port").flatMap { arguments.indices.contains($0 + 1) ? Int(arguments[$0 + 1]) : nil }
        let app = Application(router: try buildRouter(), configuration: .init(address: .hostname(host ?? "127.0.0.1", port: port ?? 8080)))
        try await app.runService()

        """
    }

    func contractTests() -> String {
        """
        import CharterContractTesting
        import Foundation
        import XCTest

        /// The spec must not break clients of the released version: removing or renaming a field, adding a required
        /// request field, narrowing a type or changing a status code fails here, before it ships.
        final class ContractTests: XCTestCase {
            let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

            func testTheSpecKeepsTheReleasedContract() {
                assertNoBreakingChanges(from: package.appendingPathComponent("Releases/openapi-1.0.0.yaml").path,
                                        to: package.appendingPathComponent("Sources/\(apiTarget)/openapi.yaml").path)
            }
        }

        """
    }

    func endToEndTests() -> String {
        let startServer: String
        switch server {
        case .vapor:
            startServer = """
                /// Runs `body` against the service on Vapor, on a free port of 127.0.0.1.
                func withServer(_ body: (URL) async throws -> Void) async throws {
                    let app = try await Application.make(.testing)
                    app.logger.logLevel = .error
                    do {
                        try configure(app)
                        try await app.asyncBoot()
                        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
                        let port = try XCTUnwrap(app.http.server.shared.localAddress?.port)
                        try await body(try XCTUnwrap(URL(string: "http://127.0.0.1:\\(port)")))
                    } catch {
                        await app.server.shutdown()
                        try await app.asyncShutdown()
                        throw error
                    }
                    await app.server.shutdown()
                    try await app.asyncShutdown()
                }
            """
        default:
            startServer = """
                /// Runs `body` against the service on Hummingbird, on a free port of 127.0.0.1. The server stops by
                /// graceful shutdown: cancelling its task instead can drop a connection it has accepted, on which NIO traps.
                func withServer(_ body: (URL) async throws -> Void) async throws {
                    let (ports, continuation) = AsyncStream<Int>.makeStream()
                    let app = Application(router: try buildRouter(), configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                                          onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) })
                    let services = ServiceGroup(configuration: .init(services: [app], logger: app.logger))
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask { try await services.run() }
                        var iterator = ports.makeAsyncIterator()
                        let bound = await iterator.next()
                        let port = try XCTUnwrap(bound)
                        do {
                            try await body(try XCTUnwrap(URL(string: "http://127.0.0.1:\\(port)")))
                        } catch {
                            await services.triggerGracefulShutdown()
                            throw error
                        }
                        await services.triggerGracefulShutdown()
                    }
                }
            """
        }
        let framework = server == .vapor ? "Vapor" : "Hummingbird"
        var imports = ["CharterRuntime", "Foundation", framework, apiTarget, serviceTarget, "XCTest"] + (server == .vapor ? [] : ["ServiceLifecycle"])
        let calls: String
        if client {
            imports.append("OpenAPIURLSession")
            calls = """
                func testTheGeneratedClientCreatesListsAndFindsItemsAndIsToldWhatIsInvalid() async throws {
                    try await withServer { url in
                        // Client-side checks are off so that the server is the one that answers the invalid call.
                        let client = \(clientName)(serverURL: url, transport: URLSessionTransport(),
                                                  validation: ClientValidation(validateRequests: false, responses: .enforce))

                        guard case .created(let item) = try await client.createItem(body: NewItem(name: "First", priority: .high)) else {
                            return XCTFail("expected 201")
                        }
                        XCTAssertEqual(item.name, "First")
                        XCTAssertEqual(item.priority, .high)
                        let found = try await client.getItem(itemID: item.id)
                        XCTAssertEqual(found, .ok(item))
                        let page = try await client.listItems(limit: 10)
                        XCTAssertEqual(page, .ok(ItemPage(items: [item])))

                        guard case .badRequest(let error) = try await client.createItem(body: NewItem(name: "", priority: .unknown("urgent"))) else {
                            return XCTFail("expected 400")
                        }
                        XCTAssertEqual(error.error.code, "VALIDATION_ERROR")
                        XCTAssertEqual(Set(error.error.details?.compactMap(\\.field) ?? []), ["name", "priority"])

                        guard case .notFound = try await client.getItem(itemID: 99) else { return XCTFail("expected 404") }
                    }
                }
            """
        } else {
            imports.append("FoundationNetworking")
            calls = """
                func testTheServerCreatesItemsAndAnswersAnInvalidOneWithEveryViolation() async throws {
                    try await withServer { url in
                        func post(_ json: String) async throws -> (Int, String) {
                            var request = URLRequest(url: url.appendingPathComponent("items"))
                            request.httpMethod = "POST"
                            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
                            request.httpBody = Data(json.utf8)
                            let (data, response) = try await URLSession.shared.data(for: request)
                            return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
                        }
                        let (created, _) = try await post(#"{"name": "First", "priority": "high"}"#)
                        XCTAssertEqual(created, 201)
                        let (status, body) = try await post(#"{"name": "", "priority": "urgent"}"#)
                        XCTAssertEqual(status, 400)
                        XCTAssert(body.contains("VALIDATION_ERROR") && body.contains("\\"field\\":\\"name\\"") && body.contains("\\"field\\":\\"priority\\""), body)
                    }
                }
            """
        }
        if !imports.contains("FoundationNetworking") { imports.append("FoundationNetworking") }
        let unknownRoute = """
            func testUnknownPathsAnswer404InTheJSONEnvelope() async throws {
                try await withServer { url in
                    var request = URLRequest(url: url.appendingPathComponent("no/such/path"))
                    request.setValue("trace-1", forHTTPHeaderField: "X-Request-ID")
                    let (data, response) = try await URLSession.shared.data(for: request)
                    let http = try XCTUnwrap(response as? HTTPURLResponse)
                    XCTAssertEqual(http.statusCode, 404)
                    XCTAssertEqual(http.value(forHTTPHeaderField: "X-Request-ID"), "trace-1")
                    let body = String(decoding: data, as: UTF8.self)
                    XCTAssert(body.contains(#""code":"RESOURCE_NOT_FOUND""#) && body.contains(#""request_id":"trace-1""#), body)
                }
            }
        """
        let importLines = imports.sorted().map { name in
            name == "FoundationNetworking" ? "#if canImport(FoundationNetworking)\nimport FoundationNetworking\n#endif" : "import \(name)"
        }
        return """
        \(importLines.joined(separator: "\n"))

        /// The service on a real \(framework) server on a real port, called \(client ? "through the generated client over URLSession" : "over URLSession").
        final class EndToEndTests: XCTestCase {
        \(startServer)

        \(calls)

        \(unknownRoute)
        }

        """
    }
}
