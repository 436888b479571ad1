import CharterMock
import CharterRuntime
import CharterTestSupport
import Foundation
import Pets
import Testing

/// The Pets sample (OpenAPI 3.1) through its generated client against its mock.
@Suite("generate mock: the Pets client")
struct PetsClientTests {
    @Test func decodesEveryDocumentedResponse() async throws {
        let mock = try MockServer.load(path: sample("pets-3.1.yaml"))
        let pet = try drawnBody(NewPet.self, AddPet.contract, from: mock)
        let petID = try drawnParameter(UUID.self, "petId", GetPet.contract, from: mock)
        try await mock.withRunning { serverURL in
            let client = PetsClient(serverURL: serverURL, middlewares: [PreferCode()], retries: .none)
            let asked = try await expectEveryDocumentedResponse([
                (ListPets.contract, { "\(try await client.listPets(limit: 5))" }),
                (AddPet.contract, { "\(try await client.addPet(body: pet))" }),
                (GetPet.contract, { "\(try await client.getPet(petID: petID))" }),
            ])
            #expect(asked == 5)
            // The default answer (no preference) is the first documented success, its body typed.
            guard case .ok(let pets) = try await client.listPets() else { throw TestFailure("listPets") }
            #expect("\(pets)".contains("name"))
        }
    }
}
