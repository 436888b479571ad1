import CharterRuntime
import CharterTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import OpenAPIAsyncHTTPClient
import OpenAPIHummingbird
import OpenAPIRuntime
import Pets
import Testing

/// `Specs/pets-3.1.yaml`'s webhooks (`petAdopted`, `petReturned`) received by the generated `PetsWebhooksProtocol`
/// on a real port, at one path, and sent by the generated `PetsWebhookSender` over AsyncHTTPClient.
@Suite("Webhooks end to end")
struct WebhooksEndToEndTests {
    actor Seen {
        var events: [String] = []
        var paths: [String] = []
        func add(_ s: String) { events.append(s) }
        func add(path: String) { paths.append(path) }
    }

    struct Receiver: PetsWebhooksProtocol {
        let seen: Seen
        func petAdopted(_ input: PetAdopted.Input) async throws -> PetAdopted.Output {
            await seen.add("adopted \(input.body.eventID) \(input.body.petID.uuidString.lowercased()) \(input.body.note ?? "-")")
            return .noContent
        }
        func petReturned(_ input: PetReturned.Input) async throws -> PetReturned.Output {
            await seen.add("returned \(input.body.eventID) \(input.body.petID.uuidString.lowercased()) \(input.body.reason.rawValue)")
            return .noContent
        }
        func watchPetStatusChanged(_ input: WatchPetStatusChanged.Input) async throws -> WatchPetStatusChanged.Output {
            await seen.add("changed \(input.body.petID.uuidString.lowercased()) \(input.body.status.rawValue)")
            return .noContent
        }
    }

    /// The API's side of the callback: `watchPet` reads the URL the watcher gave and sends it the change.
    struct Shop: PetsAPIProtocol {
        func listPets(_ input: ListPets.Input) async throws -> ListPets.Output { .ok([]) }
        func addPet(_ input: AddPet.Input) async throws -> AddPet.Output { throw APIError(status: 501, code: "NOT_IMPLEMENTED", message: "") }
        func getPet(_ input: GetPet.Input) async throws -> GetPet.Output { throw APIError(status: 501, code: "NOT_IMPLEMENTED", message: "") }
        func watchPet(_ input: WatchPet.Input) async throws -> WatchPet.Output {
            let url = try WatchPetStatusChanged.url(for: input)
            let sender = PetsWebhookSender(validation: ClientValidation(validateRequests: true, responses: .enforce), retries: .none)
            let answer = try await sender.watchPetStatusChanged(body: StatusChange(petID: input.petID, status: .reserved, changedAt: WebhooksEndToEndTests.when), to: url)
            guard answer == .noContent else { throw APIError(status: 502, code: "WATCHER_FAILED", message: "") }
            return .created
        }
    }

    /// Records the path (with query) of each request the receiver is sent.
    struct PathRecorder: ServerMiddleware {
        let seen: Seen
        func intercept(_ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
                       next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)) async throws -> (HTTPResponse, HTTPBody?) {
            await seen.add(path: request.path ?? "")
            return try await next(request, body, metadata)
        }
    }

    static let petID = UUID(uuidString: "6F1C2A9E-3B1D-4C55-9E0A-1B2C3D4E5F60") ?? UUID()
    static let when = Date(timeIntervalSince1970: 1_780_000_000)

    func withReceiver(_ body: @Sendable (URL, Seen) async throws -> Void) async throws {
        let seen = Seen()
        let router = Router()
        try Receiver(seen: seen).registerWebhookHandlers(on: router, path: "/hooks/pets", middlewares: [PathRecorder(seen: seen)])
        try await withServer(router) { url in try await body(url, seen) }
    }

    @Test func theSenderDeliversEachWebhookToTheOneURLAndTheReceiverTellsThemApartByBody() async throws {
        try await withReceiver { url, seen in
            let sender = PetsWebhookSender(validation: ClientValidation(validateRequests: true, responses: .enforce), retries: .none)
            let hook = url.appendingPathComponent("hooks/pets")
            let adopted = try await sender.petAdopted(body: AdoptionEvent(eventID: "e1", petID: Self.petID, adoptedAt: Self.when, note: "a good home"), to: hook)
            #expect(adopted == .noContent)
            let returned = try await sender.petReturned(body: ReturnEvent(eventID: "e2", petID: Self.petID, returnedAt: Self.when, reason: .moved), to: hook)
            #expect(returned == .noContent)
            // The receiver's URL keeps its own query.
            var withToken = URLComponents(url: hook, resolvingAgainstBaseURL: false)
            withToken?.query = "token=s3cret"
            guard let tokenURL = withToken?.url else { throw TestFailure("URL") }
            _ = try await sender.petAdopted(body: AdoptionEvent(eventID: "e3", petID: Self.petID, adoptedAt: Self.when), to: tokenURL)
            let id = Self.petID.uuidString.lowercased()
            // Each event's read-only `event_id` arrives: a webhook is the API's message, where read-only fields belong.
            #expect(await seen.events == ["adopted e1 \(id) a good home", "returned e2 \(id) moved", "adopted e3 \(id) -"])
            #expect(await seen.paths == ["/hooks/pets", "/hooks/pets", "/hooks/pets?token=s3cret"])
        }
    }

    @Test func aBodyNoWebhookAcceptsIsAnsweredWithTheClosestWebhooksViolations() async throws {
        try await withReceiver { url, seen in
            let id = Self.petID.uuidString.lowercased()
            // A return event with an unknown reason (and a note no event has as a number): one problem as petReturned,
            // two as petAdopted (no `adopted_at`, the note), so petReturned's violations answer.
            let bad = try await sendJSON(url, "POST", "/hooks/pets", #"{"event_id": "e5", "pet_id": "\#(id)", "returned_at": "2026-06-01T10:00:00Z", "reason": "bored", "note": 7}"#)
            #expect(bad.status == 400)
            #expect(bad.json?["error"]?["code"]?.stringValue == "VALIDATION_ERROR")
            let fields = (bad.json?["error"]?["details"]?.arrayValue ?? []).compactMap { $0["field"]?.stringValue }
            #expect(fields == ["reason"], "\(fields)")
            // Equally far from both (each misses its timestamp): the first registered answers.
            let neither = try await sendJSON(url, "POST", "/hooks/pets", #"{"event_id": "e6", "pet_id": "\#(id)", "reason": "moved"}"#)
            let missing = (neither.json?["error"]?["details"]?.arrayValue ?? []).compactMap { $0["field"]?.stringValue }
            #expect(neither.status == 400)
            #expect(missing == ["adopted_at"], "\(missing)")
            // Only POST is declared at the path.
            let get = try await send(url, "GET", "/hooks/pets")
            #expect(get.status == 405)
            #expect(get.header("Allow") == "POST")
            #expect(await seen.events.isEmpty)
        }
    }

    /// A callback goes where the subscribing request said (`{$request.body#/callback_url}`): the API's handler reads
    /// the URL with the generated `url(for:)` and sends the callback with the generated sender to the receiver.
    @Test func aCallbackIsSentToTheURLTheSubscribingRequestGave() async throws {
        try await withReceiver { hooks, seen in
            let router = Router()
            try Shop().registerHandlers(on: router, serverURL: URL(string: "/api"))
            try await withServer(router) { api in
                let client = PetsClient(serverURL: api.appendingPathComponent("api"), retries: .none)
                let watcher = hooks.appendingPathComponent("hooks/pets").absoluteString + "?watch=1"
                let watched = try await client.watchPet(petID: Self.petID, body: Watch(callbackURL: watcher))
                #expect(watched == .created)
                #expect(await seen.events == ["changed \(Self.petID.uuidString.lowercased()) reserved"])
                #expect(await seen.paths == ["/hooks/pets?watch=1"])
                // A URL the input does not make is the error's, said with the expression.
                let relative = WatchPet.Input(petID: Self.petID, body: Watch(callbackURL: "hooks/pets"))
                #expect(throws: CallbackURLError.self) { try WatchPetStatusChanged.url(for: relative) }
                do { _ = try WatchPetStatusChanged.url(for: relative) } catch {
                    #expect("\(error)" == "callback URL {$request.body#/callback_url}: 'hooks/pets' is not an absolute URL")
                }
            }
        }
    }

    @Test func theSenderRefusesAnEventThatBreaksTheContractBeforeSendingIt() async throws {
        try await withReceiver { url, seen in
            // A note over its 500 characters: the sender's own check refuses the call, nothing reaches the receiver.
            let sender = PetsWebhookSender(validation: ClientValidation(validateRequests: true), retries: .none)
            let note = String(repeating: "n", count: 501)
            await #expect(throws: ContractViolation.self) {
                _ = try await sender.petAdopted(body: AdoptionEvent(eventID: "e4", petID: Self.petID, adoptedAt: Self.when, note: note), to: url.appendingPathComponent("hooks/pets"))
            }
            #expect(await seen.paths.isEmpty)
        }
    }
}
