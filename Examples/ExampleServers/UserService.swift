import Foundation
import UsersV2

/// An in-memory user directory for `Specs/users-v2.yaml`: unique emails, idempotent creation, paging with
/// `X-Total-Count`.
public struct UserService: UsersV2APIProtocol {
    let store = Store()
    /// Where this server is reachable, for absolute `Location` headers (the spec says `format: uri`).
    let baseURL: String

    public init(baseURL: String = "http://127.0.0.1:8080") {
        self.baseURL = baseURL
    }

    actor Store {
        var users: [User] = []
        var nextID: Int64 = 1
        var attempts: [String: (NewUser, User)] = [:]

        func create(_ new: NewUser, key: String?) -> (User, replay: Bool)? {
            if let key, let (previous, user) = attempts[key], previous == new { return (user, true) }
            guard !users.contains(where: { $0.email.lowercased() == new.email.lowercased() }) else { return nil }
            let user = User(userID: nextID, email: new.email, displayName: new.displayName, emailVerified: false,
                            accountStatus: new.accountStatus ?? .pending, createdAt: Date(timeIntervalSince1970: 1_795_000_000 + Double(nextID)))
            nextID += 1
            users.append(user)
            if let key { attempts[key] = (new, user) }
            return (user, false)
        }

        func update(_ id: Int64, _ change: (inout User) -> Void) -> User? {
            guard let index = users.firstIndex(where: { $0.userID == id }) else { return nil }
            change(&users[index])
            return users[index]
        }

        func delete(_ id: Int64) -> Bool {
            guard let index = users.firstIndex(where: { $0.userID == id }) else { return false }
            users.remove(at: index)
            // An Idempotency-Key lives as long as what it created: a replay must not hand out a deleted user.
            attempts = attempts.filter { $0.value.1.userID != id }
            return true
        }
    }

    static func error(_ code: String, _ message: String) -> ErrorResponse {
        ErrorResponse(error: ErrorBody(code: code, message: message))
    }

    public func listUsers(_ input: ListUsers.Input) async throws -> ListUsers.Output {
        let matching = await store.users.filter { input.accountStatus == nil || $0.accountStatus == input.accountStatus }
            .sorted { ($0.createdAt ?? .distantPast) > ($1.createdAt ?? .distantPast) }
        let page = Array(matching.dropFirst(input.offset).prefix(input.limit))
        return .ok(UserList(items: page, total: matching.count), headers: .init(xTotalCount: matching.count))
    }

    public func createUser(_ input: CreateUser.Input) async throws -> CreateUser.Output {
        guard let (user, _) = await store.create(input.body, key: input.idempotencyKey) else {
            return .conflict(Self.error("EMAIL_TAKEN", "A user with this email already exists"))
        }
        return .created(user, headers: .init(location: "\(baseURL)/users/\(user.userID)"))
    }

    public func getUser(_ input: GetUser.Input) async throws -> GetUser.Output {
        guard let user = await store.users.first(where: { $0.userID == input.userID }) else {
            return .notFound(Self.error("USER_NOT_FOUND", "No user \(input.userID)"))
        }
        return .ok(user)
    }

    public func replaceUser(_ input: ReplaceUser.Input) async throws -> ReplaceUser.Output {
        let new = input.body
        let user = await store.update(input.userID) { user in
            user.email = new.email
            user.displayName = new.displayName
            user.accountStatus = new.accountStatus ?? user.accountStatus
        }
        return user.map { .ok($0) } ?? .notFound(Self.error("USER_NOT_FOUND", "No user \(input.userID)"))
    }

    public func updateUser(_ input: UpdateUser.Input) async throws -> UpdateUser.Output {
        let patch = input.body
        let user = await store.update(input.userID) { user in
            if let email = patch.email { user.email = email }
            if let name = patch.displayName { user.displayName = name }
            if let status = patch.accountStatus { user.accountStatus = status }
        }
        return user.map { .ok($0) } ?? .notFound(Self.error("USER_NOT_FOUND", "No user \(input.userID)"))
    }

    public func deleteUser(_ input: DeleteUser.Input) async throws -> DeleteUser.Output {
        await store.delete(input.userID) ? .noContent : .notFound(Self.error("USER_NOT_FOUND", "No user \(input.userID)"))
    }
}
