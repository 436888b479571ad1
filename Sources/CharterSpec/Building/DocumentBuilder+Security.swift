/// Security schemes and requirements.
extension DocumentBuilder {
    func buildSecurityScheme(_ node: Node) -> SecurityScheme? {
        guard let node = mapping(node, "a security scheme") else { return nil }
        guard let typeNode = node["type"], let type = string(typeNode, "security scheme type") else {
            invalid("a security scheme is missing required field 'type'", assumed: "no such scheme (requirements naming it are kept as written)", at: node)
            return nil
        }
        var description: String?
        var extensions: Extensions = [:]
        let deprecated = node["deprecated"].flatMap { bool($0, "deprecated") } ?? false
        let metadataURL = node["oauth2MetadataUrl"].flatMap { string($0, "oauth2MetadataUrl") }
        let known: Set<String> = ["type", "description", "name", "in", "scheme", "bearerFormat", "flows", "openIdConnectUrl", "deprecated", "oauth2MetadataUrl"]
        for entry in node.entries {
            if entry.key == "description" { description = string(entry.value, "description") }
            if !known.contains(entry.key) { other(entry, in: "security scheme", into: &extensions) }
        }
        let kind: SecurityScheme.Kind
        switch type {
        case "apiKey":
            require(["name", "in"], in: node, "apiKey security scheme")
            let name = node["name"].flatMap { string($0, "name") } ?? ""
            let inText = node["in"].flatMap { string($0, "in") } ?? "header"
            guard let location = ParameterLocation(rawValue: inText), location != .path, location != .querystring else {
                invalid("apiKey 'in' must be query, header or cookie; found '\(inText)'", assumed: "header", at: node["in"] ?? node)
                kind = .apiKey(name: name, location: .header)
                return SecurityScheme(kind: kind, description: description, deprecated: deprecated, extensions: extensions, location: node.location)
            }
            kind = .apiKey(name: name, location: location)
        case "http":
            require(["scheme"], in: node, "http security scheme")
            kind = .http(scheme: node["scheme"].flatMap { string($0, "scheme") } ?? "", bearerFormat: node["bearerFormat"].flatMap { string($0, "bearerFormat") })
        case "oauth2":
            require(["flows"], in: node, "oauth2 security scheme")
            kind = .oauth2(flows: node["flows"].map(buildFlows) ?? [])
        case "openIdConnect":
            require(["openIdConnectUrl"], in: node, "openIdConnect security scheme")
            kind = .openIdConnect(url: node["openIdConnectUrl"].flatMap { string($0, "openIdConnectUrl") } ?? "")
        case "mutualTLS":
            kind = .mutualTLS
        default:
            invalid("unknown security scheme type '\(type)' (expected apiKey, http, oauth2, openIdConnect or mutualTLS)",
                    assumed: "no such scheme (requirements naming it are kept as written)", at: typeNode)
            return nil
        }
        return SecurityScheme(kind: kind, description: description, deprecated: deprecated,
                              oauth2MetadataUrl: type == "oauth2" ? metadataURL : nil, extensions: extensions, location: node.location)
    }

    private func buildFlows(_ node: Node) -> [OAuthFlow] {
        var flows: [OAuthFlow] = []
        for entry in namedEntries(node, "oauth2 flows") {
            guard let kind = OAuthFlow.Kind(rawValue: entry.key), kind != .deviceAuthorization || version == .v3_2 else {
                warning("unknown OAuth flow '\(entry.key)'; ignored", at: entry.keyNode)
                continue
            }
            guard let value = mapping(entry.value, "OAuth flow '\(entry.key)'") else { continue }
            var flow = OAuthFlow(kind: kind)
            for e in value.entries {
                switch e.key {
                case "authorizationUrl": flow.authorizationUrl = string(e.value, "authorizationUrl")
                case "tokenUrl": flow.tokenUrl = string(e.value, "tokenUrl")
                case "deviceAuthorizationUrl" where kind == .deviceAuthorization:
                    flow.deviceAuthorizationUrl = string(e.value, "deviceAuthorizationUrl")
                case "refreshUrl": flow.refreshUrl = string(e.value, "refreshUrl")
                case "scopes":
                    if let scopes = mapping(e.value, "scopes") {
                        flow.scopes = scopes.entries.map { ($0.key, $0.value.text ?? "") }
                    }
                default: other(e, in: "OAuth flow", into: &flow.extensions)
                }
            }
            switch kind {
            case .implicit: require(["authorizationUrl", "scopes"], in: value, "implicit flow")
            case .password, .clientCredentials: require(["tokenUrl", "scopes"], in: value, "\(kind.rawValue) flow")
            case .authorizationCode: require(["authorizationUrl", "tokenUrl", "scopes"], in: value, "authorizationCode flow")
            case .deviceAuthorization: require(["deviceAuthorizationUrl", "tokenUrl", "scopes"], in: value, "deviceAuthorization flow")
            }
            flows.append(flow)
        }
        return flows
    }

    func buildSecurityRequirements(_ node: Node) -> [SecurityRequirement] {
        guard let node = sequence(node, "security") else { return [] }
        return node.elements.compactMap { element in
            guard let element = mapping(element, "a security requirement") else { return nil }
            var schemes: [(name: String, scopes: [String])] = []
            for entry in element.entries {
                let name = schemeName(entry.key, at: entry.keyNode)
                securityUses.append((name, entry.keyNode))
                schemes.append((name, strings(entry.value, "scopes of '\(entry.key)'")))
            }
            return SecurityRequirement(schemes: schemes, location: element.location)
        }
    }

    /// The component name a requirement's key means. 3.2 lets a key be the URI of a Security Scheme Object
    /// (`#/components/securitySchemes/key`, `shared.yaml#/components/securitySchemes/key`), a component name
    /// winning over a URI spelled the same; a scheme found only in another file joins the components under its
    /// own name. A URI that does not resolve (reported there) stays as written: a requirement nothing can satisfy,
    /// never one that asks for nothing.
    func schemeName(_ written: String, at keyNode: Node) -> String {
        guard version == .v3_2, !schemeComponents.values.contains(written),
              written.contains("#") || written.contains("/") else { return written }
        guard let (pointed, tokens) = target(ofReference: written, at: keyNode), let target = dereferenced(pointed),
              let resolved = componentScheme(at: target, tokens: tokens) else {
            unresolvedSchemeURIs.insert(written)
            return written
        }
        return resolved
    }

    private func componentScheme(at target: Node, tokens: [String]) -> String? {
        if let name = schemeComponents[target.location] { return name }
        if let added = schemesByURI.first(where: { $0.value.location == target.location }) { return added.name }
        guard var scheme = buildSecurityScheme(target) else { return nil }
        let taken = Set(schemeComponents.values).union(schemesByURI.map(\.name))
        let base = tokens.last ?? "scheme"
        var name = base
        var n = 2
        while taken.contains(name) { name = "\(base)\(n)"; n += 1 }
        scheme.componentName = name
        schemesByURI.append((name, scheme))
        return name
    }

    func checkSecurityUses(_ components: Components) {
        let defined = Set(components.securitySchemes.map(\.name))
        for use in securityUses where !defined.contains(use.name) && !unresolvedSchemeURIs.contains(use.name) {
            invalid("security requirement names '\(use.name)', which components.securitySchemes does not define",
                    assumed: "the requirement as written (nothing can check its credentials)", at: use.node)
        }
    }
}
