import CharterRuntime
import ExampleServers
import Foundation
import Hummingbird
import OpenAPIHummingbird
import CharterTestSupport
import Testing
import UsersV2

/// The generated users-v2 server on a real port, driven through the generated client.
@Suite("Users v2 end to end")
struct UsersEndToEndTests {
    func withUsers(_ body: @Sendable (UsersV2Client, UsersV2Client) async throws -> Void) async throws {
        let router = Router()
        try UserService(baseURL: "http://users.test").registerHandlers(on: router, security: UsersV2Security(TokenBook(["t0k3n"])),
                                                                      options: ValidationOptions(responseValidation: .enforce))
        try await withServer(router) { url in
            try await body(UsersV2Client(serverURL: url, middlewares: [BearerToken()], validation: serverSideOnly),
                           UsersV2Client(serverURL: url, validation: serverSideOnly))
        }
    }

    func detailItems(_ error: UsersV2.ErrorResponse) -> [String] {
        (error.error.details ?? []).map { "\($0.field)|\($0.in?.rawValue ?? "")|\($0.constraint)|\($0.message)" }
    }

    @Test func usersAreCreatedOnceAndListedWithTheirCount() async throws {
        try await withUsers { client, anonymous in
            guard case .created(let ada, let headers) = try await client.createUser(idempotencyKey: "key-0001-ada", body: NewUser(email: "ada@example.com", displayName: "Ada")) else {
                Issue.record("expected 201")
                return
            }
            #expect(ada.userID == 1 && ada.accountStatus == .pending && !ada.emailVerified)
            #expect(headers.location == "http://users.test/users/1")
            guard case .created(let replay, _) = try await client.createUser(idempotencyKey: "key-0001-ada", body: NewUser(email: "ada@example.com", displayName: "Ada")) else {
                Issue.record("expected 201 on retry")
                return
            }
            #expect(replay == ada)
            guard case .conflict(let taken) = try await client.createUser(body: NewUser(email: "ADA@example.com")) else {
                Issue.record("expected 409")
                return
            }
            #expect(taken.error.code == "EMAIL_TAKEN")
            guard case .created = try await client.createUser(body: NewUser(email: "grace@example.com", accountStatus: .active)) else {
                Issue.record("expected 201")
                return
            }
            guard case .ok(let all, let count) = try await client.listUsers() else {
                Issue.record("expected 200")
                return
            }
            #expect(all.items.map(\.email) == ["grace@example.com", "ada@example.com"])
            #expect(count.xTotalCount == 2 && all.total == 2)
            guard case .ok(let active, _) = try await client.listUsers(limit: 1, accountStatus: .active) else {
                Issue.record("expected 200")
                return
            }
            #expect(active.items.map(\.email) == ["grace@example.com"])
            guard case .unauthorized(let denied) = try await anonymous.listUsers() else {
                Issue.record("expected 401")
                return
            }
            #expect(denied.error.code == "UNAUTHORIZED")
            guard case .unauthorized = try await anonymous.createUser(body: NewUser(email: "x@example.com")) else {
                Issue.record("expected 401")
                return
            }
        }
    }

    @Test func invalidParametersAndBodiesAreListed() async throws {
        try await withUsers { client, _ in
            guard case .badRequest(let paging) = try await client.listUsers(limit: 0, offset: -1) else {
                Issue.record("expected 400")
                return
            }
            #expect(detailItems(paging) == ["limit|query|minimum|Must be at least 1", "offset|query|minimum|Must be at least 0"])
            guard case .badRequest(let user) = try await client.createUser(idempotencyKey: "short", body: NewUser(email: "not-an-email", displayName: "")) else {
                Issue.record("expected 400")
                return
            }
            #expect(detailItems(user) == [
                "Idempotency-Key|header|minLength|Must be at least 8 characters long",
                "email|body|format|Must be an email address",
                "display_name|body|minLength|Must be at least 1 character long",
            ])
        }
    }

    @Test func aUserIsReadReplacedPatchedAndDeleted() async throws {
        try await withUsers { client, anonymous in
            guard case .created(let ada, _) = try await client.createUser(body: NewUser(email: "ada@example.com")) else {
                Issue.record("expected 201")
                return
            }
            #expect(try await client.getUser(userID: ada.userID) == .ok(ada))
            guard case .notFound = try await client.getUser(userID: 999) else {
                Issue.record("expected 404")
                return
            }
            guard case .unauthorized = try await anonymous.getUser(userID: ada.userID) else {
                Issue.record("expected 401")
                return
            }
            guard case .ok(let replaced) = try await client.replaceUser(userID: ada.userID, body: NewUser(email: "ada@lovelace.org", displayName: "Ada L.", accountStatus: .active)) else {
                Issue.record("expected 200")
                return
            }
            #expect(replaced.email == "ada@lovelace.org" && replaced.accountStatus == .active)
            guard case .badRequest(let invalid) = try await client.replaceUser(userID: ada.userID, body: NewUser(email: "ada", accountStatus: .unknown("deleted"))) else {
                Issue.record("expected 400")
                return
            }
            #expect(detailItems(invalid) == [
                "email|body|format|Must be an email address",
                "account_status|body|enum|Value must be one of: pending, active, suspended, closed",
            ])
            guard case .notFound = try await client.replaceUser(userID: 999, body: NewUser(email: "x@example.com")) else {
                Issue.record("expected 404")
                return
            }
            guard case .ok(let patched) = try await client.updateUser(userID: ada.userID, body: UserPatch(accountStatus: .suspended)) else {
                Issue.record("expected 200")
                return
            }
            #expect(patched.accountStatus == .suspended && patched.email == "ada@lovelace.org")
            guard case .badRequest(let empty) = try await client.updateUser(userID: ada.userID, body: UserPatch()) else {
                Issue.record("expected 400")
                return
            }
            #expect(detailItems(empty) == ["|body|minProperties|Object must have at least 1 property, found 0"])
            guard case .notFound = try await client.updateUser(userID: 999, body: UserPatch(displayName: "x")) else {
                Issue.record("expected 404")
                return
            }
            #expect(try await client.deleteUser(userID: ada.userID) == .noContent)
            guard case .notFound = try await client.deleteUser(userID: ada.userID) else {
                Issue.record("expected 404")
                return
            }
            guard case .unauthorized = try await anonymous.deleteUser(userID: ada.userID) else {
                Issue.record("expected 401")
                return
            }
        }
    }

    /// A replayed creation must not hand out a user that was deleted since (schemathesis' "created resource not
    /// found"): deleting a user forgets the Idempotency-Key that created it, so the replay creates anew.
    @Test func aKeyDoesNotOutliveTheUserItCreated() async throws {
        try await withUsers { client, _ in
            let new = NewUser(email: "grace@example.com", displayName: "Grace")
            guard case .created(let grace, _) = try await client.createUser(idempotencyKey: "key-grace", body: new) else {
                Issue.record("expected 201")
                return
            }
            #expect(try await client.deleteUser(userID: grace.userID) == .noContent)
            guard case .created(let again, _) = try await client.createUser(idempotencyKey: "key-grace", body: new) else {
                Issue.record("expected 201")
                return
            }
            #expect(again.userID != grace.userID)
            #expect(try await client.getUser(userID: again.userID) == .ok(again))
        }
    }
}
