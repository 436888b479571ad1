import CharterMock
import CharterRuntime
import CharterTestSupport
import Foundation
import PetsSwagger2
import Testing

/// The Swagger 2.0 sample through its generated client against its mock: API key, basic and OAuth credentials, a
/// multipart upload, a form sign-in, binary download and a `default` error.
@Suite("generate mock: the Swagger 2.0 pets client")
struct PetsSwagger2ClientTests {
    @Test func decodesEveryDocumentedResponse() async throws {
        let mock = try MockServer.load(path: sample("pets-swagger2.yaml"))
        let pet = try drawnBody(Pet.self, CreatePet.contract, from: mock)
        let login = try drawnBody(Login.Body.self, Login.contract, from: mock)
        let credentials = ClientCredentials(bearerToken: "t0k3n", basic: .init(user: "user", password: "t0k3n"), apiKeys: ["key": "t0k3n"])
        try await mock.withRunning { serverURL in
            let client = PetsSwagger2Client(serverURL: serverURL, middlewares: [PreferCode()], retries: .none, credentials: credentials)
            let photo = UploadPhoto.Body(caption: "on the sofa", file: BinaryFile(Data([0x89, 0x50, 0x4E, 0x47]), filename: "rex.png", contentType: "image/png"))
            let asked = try await expectEveryDocumentedResponse([
                (ListPets.contract, { "\(try await client.listPets(limit: 5, tags: ["small"]))" }),
                (CreatePet.contract, { "\(try await client.createPet(body: pet))" }),
                (GetPet.contract, { "\(try await client.getPet(petID: 7))" }),
                (DeletePet.contract, { "\(try await client.deletePet(petID: 7))" }),
                (UploadPhoto.contract, { "\(try await client.uploadPhoto(petID: 7, body: photo))" }),
                (DownloadPhoto.contract, { "\(try await client.downloadPhoto(petID: 7))" }),
                (Login.contract, { "\(try await client.login(body: login))" }),
            ])
            #expect(asked >= 14)
            guard case .ok(let bytes) = try await client.downloadPhoto(petID: 7) else { throw TestFailure("downloadPhoto") }
            #expect(!(try await [UInt8](collecting: bytes, upTo: 1 << 20)).isEmpty)
            guard case .ok(let session) = try await client.login(body: login) else { throw TestFailure("login") }
            #expect(!session.token.isEmpty)
        }
    }
}
