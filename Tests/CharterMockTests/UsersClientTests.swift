import CharterMock
import CharterRuntime
import CharterTestSupport
import Foundation
import Testing
import UsersV1
import UsersV2

/// Both versions of the users sample through their generated clients against their mocks, pagination included.
@Suite("generate mock: the users clients")
struct UsersClientTests {
    @Test func version1DecodesEveryDocumentedResponse() async throws {
        let mock = try MockServer.load(path: sample("users-v1.yaml"))
        let newUser = try drawnBody(UsersV1.NewUser.self, UsersV1.CreateUser.contract, from: mock)
        let patch = try drawnBody(UsersV1.UserPatch.self, UsersV1.UpdateUser.contract, from: mock)
        try await mock.withRunning { serverURL in
            let client = UsersV1Client(serverURL: serverURL, middlewares: [PreferCode()], retries: .none, credentials: ClientCredentials(bearerToken: "t0k3n"))
            let asked = try await expectEveryDocumentedResponse([
                (UsersV1.ListUsers.contract, { "\(try await client.listUsers(limit: 3, isActive: true))" }),
                (UsersV1.CreateUser.contract, { "\(try await client.createUser(idempotencyKey: "key-0001", body: newUser))" }),
                (UsersV1.GetUser.contract, { "\(try await client.getUser(userID: 42))" }),
                (UsersV1.ReplaceUser.contract, { "\(try await client.replaceUser(userID: 42, body: newUser))" }),
                (UsersV1.UpdateUser.contract, { "\(try await client.updateUser(userID: 42, body: patch))" }),
                (UsersV1.DeleteUser.contract, { "\(try await client.deleteUser(userID: 42))" }),
            ])
            #expect(asked >= 20)
            // The pager reads the mock's pages until one comes back short or its bound is reached.
            var users = 0
            for try await _ in client.listUsersPages(limit: 2, maxPages: 3) { users += 1 }
            #expect(users >= 1 && users <= 6)
        }
    }

    @Test func version2DecodesEveryDocumentedResponse() async throws {
        let mock = try MockServer.load(path: sample("users-v2.yaml"))
        let newUser = try drawnBody(UsersV2.NewUser.self, UsersV2.CreateUser.contract, from: mock)
        let patch = try drawnBody(UsersV2.UserPatch.self, UsersV2.UpdateUser.contract, from: mock)
        try await mock.withRunning { serverURL in
            let client = UsersV2Client(serverURL: serverURL, middlewares: [PreferCode()], retries: .none, credentials: ClientCredentials(bearerToken: "t0k3n"))
            let asked = try await expectEveryDocumentedResponse([
                (UsersV2.ListUsers.contract, { "\(try await client.listUsers(limit: 3))" }),
                (UsersV2.CreateUser.contract, { "\(try await client.createUser(body: newUser))" }),
                (UsersV2.GetUser.contract, { "\(try await client.getUser(userID: 42))" }),
                (UsersV2.ReplaceUser.contract, { "\(try await client.replaceUser(userID: 42, body: newUser))" }),
                (UsersV2.UpdateUser.contract, { "\(try await client.updateUser(userID: 42, body: patch))" }),
                (UsersV2.DeleteUser.contract, { "\(try await client.deleteUser(userID: 42))" }),
            ])
            #expect(asked >= 20)
        }
    }
}
