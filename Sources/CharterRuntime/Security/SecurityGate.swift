import HTTPTypes
import OpenAPIRuntime

/// Applies an operation's security requirement to a request, the way OpenAPI defines it: the alternatives are
/// tried in order and the first one satisfied wins; within one, every scheme needs a credential its handler
/// accepts, granting the scopes listed. `{}` among the alternatives admits anonymous requests (credentials that are
/// sent are still checked first, so a handler sees who called when it can).
struct SecurityGate: Sendable {
    let schemes: [String: SecuritySchemeContract]
    let handler: (any SecurityHandler)?

    init(schemes: [SecuritySchemeContract], handler: (any SecurityHandler)?) {
        self.schemes = Dictionary(schemes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.handler = handler
    }

    enum Outcome {
        /// Let through, as this principal (nil: anonymous).
        case allowed(Principal?)
        /// 401 or 403, with its `WWW-Authenticate` challenges.
        case refused(APIError)
    }

    func check(_ contract: OperationContract, _ request: HTTPRequest) async throws -> Outcome {
        let requirement = contract.security
        guard !requirement.isEmpty else { return .allowed(nil) }
        var presented = false
        var rejected: [SecuritySchemeContract] = []
        var missingScopes: [(scheme: SecuritySchemeContract, scopes: [String])] = []
        alternatives: for alternative in requirement where !alternative.isEmpty {
            var principals: [Principal] = []
            for use in alternative.schemes {
                // A scheme the document does not declare cannot be satisfied (lint reports it).
                guard let scheme = schemes[use.name], let credential = scheme.credential(in: request) else { continue alternatives }
                if case .clientCertificate = credential {} else { presented = true }
                guard let handler, let principal = try await handler.authenticate(credential, for: scheme) else {
                    rejected.append(scheme)
                    continue alternatives
                }
                let missing = use.scopes.filter { !principal.grants($0) }
                if !missing.isEmpty {
                    missingScopes.append((scheme, missing))
                    continue alternatives
                }
                principals.append(principal)
            }
            return .allowed(Self.merge(principals))
        }
        if requirement.contains(where: \.isEmpty) { return .allowed(nil) }
        if !missingScopes.isEmpty { return .refused(forbidden(missingScopes)) }
        return .refused(unauthorized(requirement, presented: presented, rejected: rejected))
    }

    /// `check`, as both the generated server and `SecurityMiddleware` use it: a refusal (or an `APIError` the handler
    /// threw) comes back after the request body is drained (up to 1 MiB), so an uploading client reads the answer
    /// instead of a broken connection. Other errors of the handler are rethrown.
    func admit(_ contract: OperationContract, _ request: HTTPRequest, body: HTTPBody?) async throws -> Outcome {
        let outcome: Outcome
        do {
            outcome = try await check(contract, request)
        } catch let error as APIError {
            outcome = .refused(error)
        } catch {
            await HTTPBody.discard(body)
            throw error
        }
        if case .refused = outcome { await HTTPBody.discard(body) }
        return outcome
    }

    /// One principal for an alternative that combines schemes: the first one's subject, everything granted.
    private static func merge(_ principals: [Principal]) -> Principal? {
        guard var merged = principals.first else { return nil }
        for p in principals.dropFirst() {
            merged.scopes.formUnion(p.scopes)
            merged.attributes.merge(p.attributes) { mine, _ in mine }
            merged.grantsEveryScope = merged.grantsEveryScope || p.grantsEveryScope
        }
        return merged
    }

    private func unauthorized(_ requirement: [SecurityRequirement], presented: Bool, rejected: [SecuritySchemeContract]) -> APIError {
        var asked: [SecuritySchemeContract] = []
        for alternative in requirement {
            for use in alternative.schemes {
                if let scheme = schemes[use.name], !asked.contains(scheme) { asked.append(scheme) }
            }
        }
        let ways = requirement.map { alternative in
            alternative.schemes.compactMap { schemes[$0.name]?.instruction }.joined(separator: " and ")
        }.filter { !$0.isEmpty }
        var error = presented
            ? APIError(status: 401, code: "INVALID_CREDENTIALS", message: "The credentials sent are not valid")
            : APIError(status: 401, code: "UNAUTHORIZED", message: "Authentication required; send " + (ways.isEmpty ? "credentials" : ways.joined(separator: ", or ")))
        for scheme in asked {
            if let challenge = scheme.challenge(error: rejected.contains(scheme) && scheme.isBearer ? "invalid_token" : nil) {
                error.headers.append(HTTPField(name: .wwwAuthenticate, value: challenge))
            }
        }
        return error
    }

    private func forbidden(_ missing: [(scheme: SecuritySchemeContract, scopes: [String])]) -> APIError {
        let details = missing.flatMap { entry in
            entry.scopes.map { scope in
                ValidationIssue(field: entry.scheme.name, pointer: "", location: .header, constraint: "scope", value: .string(scope),
                                message: "The credential for '\(entry.scheme.name)' does not grant '\(scope)'")
            }
        }
        var error = APIError(status: 403, code: "FORBIDDEN", message: "The caller may not do this; it needs "
                             + missing.map { "\($0.scopes.map { "'\($0)'" }.joined(separator: " and ")) (\($0.scheme.name))" }.joined(separator: ", or "),
                             details: details)
        for entry in missing where entry.scheme.isBearer {
            if let challenge = entry.scheme.challenge(error: "insufficient_scope", scopes: entry.scopes) {
                error.headers.append(HTTPField(name: .wwwAuthenticate, value: challenge))
            }
        }
        return error
    }
}

extension SecuritySchemeContract {
    var isBearer: Bool {
        switch kind {
        case .bearer, .oauth2, .openIdConnect: true
        default: false
        }
    }
}
