import CharterRuntime
import Foundation
import HTTPTypes
import Hummingbird
import OpenAPIHummingbird
import OpenAPIRuntime
import PetsSwagger2
import CharterTestSupport
import Testing

/// `Specs/pets-swagger2.yaml`, a Swagger 2.0 spec, generated like any other and served on a real port: the wire
/// formats 2.0 wrote as `collectionFormat`, `formData` and `type: file` arrive as 2.0 meant them.
@Suite("Swagger 2.0 end to end")
struct Swagger2EndToEndTests {
    /// What the handlers received, for the test to inspect.
    actor Seen {
        var inputs: [String] = []
        func add(_ s: String) { inputs.append(s) }
    }

    struct Service: PetsSwagger2APIProtocol {
        let seen: Seen
        static let rex = Pet(id: 1, name: "Rex", kind: "dog")

        func listPets(_ input: ListPets.Input) async throws -> ListPets.Output {
            await seen.add("limit=\(input.limit) tags=\(input.tags ?? []) ids=\(input.ids ?? []) sort=\((input.sort ?? []).map(\.rawValue))")
            return .ok([Self.rex], headers: .init(xTotal: 1))
        }
        func createPet(_ input: CreatePet.Input) async throws -> CreatePet.Output { .created(input.body) }
        func getPet(_ input: GetPet.Input) async throws -> GetPet.Output {
            input.petID == 1 ? .ok(Self.rex) : .notFound(ErrorResponse(message: "no pet \(input.petID)"))
        }
        func deletePet(_ input: DeletePet.Input) async throws -> DeletePet.Output { .noContent }
        func uploadPhoto(_ input: UploadPhoto.Input) async throws -> UploadPhoto.Output {
            let bytes = try await input.body.file.data(upTo: 1 << 20)
            await seen.add("photo \(input.petID) \(input.body.caption ?? "-") \(bytes.count) bytes")
            return .ok
        }
        func downloadPhoto(_ input: DownloadPhoto.Input) async throws -> DownloadPhoto.Output {
            .ok(HTTPBody([0x89, 0x50, 0x4E, 0x47]))
        }
        func login(_ input: Login.Input) async throws -> Login.Output {
            await seen.add("login \(input.body.username) scopes=\(input.body.scopes ?? [])")
            return .ok(.init(token: "t-\(input.body.username)"))
        }
    }

    func withPets(_ body: @Sendable (URL, PetsSwagger2Client, Seen) async throws -> Void) async throws {
        let seen = Seen()
        let router = Router()
        try Service(seen: seen).registerHandlers(on: router, security: AcceptAnyCredential())
        try await withServer(router) { url in
            let client = PetsSwagger2Client(serverURL: url, middlewares: [APIKey()],
                                            validation: ClientValidation(validateRequests: true, responses: .enforce))
            try await body(url, client, seen)
        }
    }

    /// Sends the spec's API key header.
    struct APIKey: ClientMiddleware {
        func intercept(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
                       next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)) async throws -> (HTTPResponse, HTTPBody?) {
            var request = request
            request.headerFields[HTTPField.Name("X-API-Key")!] = "k"
            return try await next(request, body, baseURL)
        }
    }

    @Test func collectionFormatsArriveAs2Point0WroteThem() async throws {
        try await withPets { url, _, seen in
            // csv (the 2.0 default) is comma-separated, multi repeats the name, pipes joins with '|'.
            let run = try await send(url, "GET", "/pets?tags=a,b&ids=1&ids=2&sort=name%7Cage", headers: ["X-API-Key": "k"])
            #expect(run.status == 200, "\(String(decoding: run.body, as: UTF8.self))")
            #expect(run.header("X-Total") == "1")
            let bad = try await send(url, "GET", "/pets?limit=0", headers: ["X-API-Key": "k"])
            #expect(bad.status == 400)
            // Each operation's contract carries the security requirements 2.0 gave it (document-wide unless its own).
            #expect(ListPets.contract.security == [["key": []]])
            #expect(CreatePet.contract.security == [["oauth": ["pets:write"]]])
            #expect(Login.contract.security == [])
            #expect(await seen.inputs == ["limit=20 tags=[\"a\", \"b\"] ids=[1, 2] sort=[\"name\", \"age\"]"])
        }
    }

    @Test func theGeneratedClientSpeaksTheSameFormats() async throws {
        try await withPets { _, client, seen in
            guard case .ok(let pets, let headers) = try await client.listPets(limit: 5, tags: ["x", "y"], ids: [7], sort: [.age]) else {
                Issue.record("expected 200"); return
            }
            #expect(pets == [Service.rex])
            #expect(headers.xTotal == 1)
            guard case .notFound(let error) = try await client.getPet(petID: 9) else { Issue.record("expected 404"); return }
            #expect(error.message == "no pet 9")
            #expect(await seen.inputs == ["limit=5 tags=[\"x\", \"y\"] ids=[7] sort=[\"age\"]"])
        }
    }

    @Test func formDataBecomesFormAndMultipartBodies() async throws {
        try await withPets { url, client, seen in
            guard case .ok(let token) = try await client.login(body: .init(username: "ann", password: "pw", scopes: ["r", "w"])) else {
                Issue.record("expected 200"); return
            }
            #expect(token.token == "t-ann")
            // The wire form of a 2.0 csv form array: one field, comma-separated.
            let raw = try await send(url, "POST", "/login", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                     body: Data("username=bo&password=pw&scopes=a,b".utf8))
            #expect(raw.status == 200)
            let missing = try await send(url, "POST", "/login", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                         body: Data("username=bo".utf8))
            #expect(missing.status == 400)
            _ = try await client.uploadPhoto(petID: 1, body: .init(caption: "hi", file: BinaryFile(bytes: [1, 2, 3], contentType: "image/png")))
            #expect(await seen.inputs == ["login ann scopes=[\"r\", \"w\"]", "login bo scopes=[\"a\", \"b\"]", "photo 1 hi 3 bytes"])
        }
    }
}
