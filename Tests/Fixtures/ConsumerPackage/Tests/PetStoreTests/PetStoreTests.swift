import CharterRuntime
import Foundation
import Hummingbird
import Logging
import OpenAPIHummingbird
import PetStore
import ServiceLifecycle
import Testing

/// The handlers a user writes: an in-memory pet store behind the generated protocol.
actor PetShelf {
    var all: [Pet] = []
    func add(_ input: PetInput) -> Pet {
        // Pet is PetInput plus an id (allOf): the flattened struct shares PetInput's nested enum.
        let pet = Pet(name: input.name, age: input.age, species: input.species, petID: all.count + 1)
        all.append(pet)
        return pet
    }
}

struct PetStoreService: PetsAPIProtocol {
    let pets = PetShelf()
    func addPet(_ input: AddPet.Input) async throws -> AddPet.Output { .created(await pets.add(input.body)) }
    func getPet(_ input: GetPet.Input) async throws -> GetPet.Output {
        guard let pet = await pets.all.first(where: { $0.petID == input.petID }) else { return .notFound }
        return .ok(pet)
    }
}

@Test func aValidCallSucceedsAndAnInvalidOneIsA400ListingEveryViolation() async throws {
    let router = Router()
    try PetStoreService().registerHandlers(on: router, options: ValidationOptions(responseValidation: .enforce))
    let (ports, continuation) = AsyncStream<Int>.makeStream()
    var logger = Logger(label: "pet-store")
    logger.logLevel = .critical
    let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                          onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) }, logger: logger)
    // Stopped by graceful shutdown, not by cancelling its task: cancelling can drop a connection the server has
    // accepted but not yet taken up, on which NIO traps.
    let services = ServiceGroup(configuration: .init(services: [app], logger: logger))
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await services.run() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        defer { Task { await services.triggerGracefulShutdown() } }
        // The generated client on its default transport (AsyncHTTPClient); it would refuse invalid input
        // itself in debug builds, so that check is off to let the server answer.
        let client = PetsClient(serverURL: try #require(URL(string: "http://127.0.0.1:\(port)")),
                                    validation: ClientValidation(validateRequests: false, responses: .enforce))

        guard case .created(let pet) = try await client.addPet(body: PetInput(name: "Tom", age: 3, species: .cat)) else {
            Issue.record("expected 201")
            return
        }
        #expect(pet.petID == 1 && pet.name == "Tom")
        #expect(try await client.getPet(petID: 1) == .ok(pet))

        guard case .badRequest(let error) = try await client.addPet(body: PetInput(name: "", age: 99, species: .unknown("dragon"))) else {
            Issue.record("expected 400")
            return
        }
        #expect(error.error.code == "VALIDATION_ERROR")
        #expect(error.error.details?.map { "\($0.field ?? "")|\($0.constraint ?? "")|\($0.message ?? "")" } == [
            "name|minLength|Must be at least 1 character long",
            "age|maximum|Must be at most 30",
            "species|enum|Value must be one of: cat, dog, rabbit",
        ])
    }
}
