import CharterRuntime

/// The mock's security handler: a credential that is present (and well formed) is accepted, or — when the mock was
/// given a list — only one whose value is on it. An accepted caller holds every scope: the mock stands in for the
/// contract, not for an identity provider.
struct MockSecurity: SecurityHandler {
    let accepted: Set<String>

    func authenticate(_ credential: Credential, for scheme: SecuritySchemeContract) async throws -> Principal? {
        let value: String
        switch credential {
        case .token(let token): value = token
        case .basic(let user, let password): value = "\(user):\(password)"
        case .apiKey(let key): value = key
        case .http(_, let credentials): value = credentials
        case .clientCertificate: return Principal(subject: scheme.name, grantsEveryScope: true)
        case .malformed: return nil
        }
        guard accepted.isEmpty || accepted.contains(value) else { return nil }
        return Principal(subject: scheme.name, grantsEveryScope: true)
    }
}
