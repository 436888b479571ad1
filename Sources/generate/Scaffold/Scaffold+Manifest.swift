import CharterGenerator

/// The scaffold's Package.swift, README, charter.yaml and the API target's one Swift file.
extension Scaffold {
    func packageManifest() -> String {
        var dependencies = [
            charter.declaration + ",",
            #".package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),"#,
        ]
        var serviceProducts: [String] = []
        var testProducts = [
            "\"\(apiTarget)\"",
            #".product(name: "CharterRuntime", package: charter)"#,
            #".product(name: "CharterContractTesting", package: charter)"#,
        ]
        switch server {
        case .hummingbird:
            dependencies += [
                #".package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),"#,
            ]
            // Charter's transport for Hummingbird (small responses in one write), not swift-openapi-hummingbird's.
            serviceProducts = [#".product(name: "CharterRuntime", package: charter)"#, #".product(name: "CharterHummingbird", package: charter)"#,
                               #".product(name: "Hummingbird", package: "hummingbird")"#]
            dependencies.append(#".package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),"#)
            testProducts += ["\"\(serviceTarget)\"", #".product(name: "Hummingbird", package: "hummingbird")"#,
                             #".product(name: "ServiceLifecycle", package: "swift-service-lifecycle")"#]
        case .vapor:
            dependencies += [
                #".package(url: "https://github.com/vapor/vapor", from: "4.122.3"),"#,
                #".package(url: "https://github.com/vapor/swift-openapi-vapor", from: "1.2.0"),"#,
            ]
            serviceProducts = [#".product(name: "CharterRuntime", package: charter)"#, #".product(name: "Vapor", package: "vapor")"#,
                               #".product(name: "OpenAPIVapor", package: "swift-openapi-vapor")"#]
            testProducts += ["\"\(serviceTarget)\"", #".product(name: "Vapor", package: "vapor")"#]
        case .none:
            break
        }
        if client {
            dependencies.append(#".package(url: "https://github.com/apple/swift-openapi-urlsession", from: "1.4.0"),"#)
            testProducts.append(#".product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession")"#)
        }
        var targets = [
            """
                    // The API: openapi.yaml (+ charter.yaml) → models, validation, \(server == .none ? "" : "\(protocolName), ")\(mode.contains("client") ? clientName : "")
                    // generated at every build by the Charter build plugin. It only needs Charter's runtime.
                    .target(
                        name: "\(apiTarget)",
                        dependencies: [
                            .product(name: "CharterRuntime", package: charter),
                            .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                        ],
                        plugins: [.plugin(name: "CharterBuildPlugin", package: charter)]
                    ),
            """,
        ]
        if server != .none {
            targets.append("""
                    // The handlers behind \(protocolName), and how \(server == .vapor ? "Vapor" : "Hummingbird") serves them.
                    .target(
                        name: "\(serviceTarget)",
                        dependencies: [
                            "\(apiTarget)",
                            \(serviceProducts.joined(separator: ",\n                "))
                        ]
                    ),
                    .executableTarget(name: "\(serverTarget)", dependencies: ["\(serviceTarget)"]),
            """)
        }
        targets.append("""
                .testTarget(
                    name: "\(testTarget)",
                    dependencies: [
                        \(testProducts.joined(separator: ",\n                "))
                    ]
                ),
        """)
        return """
        // swift-tools-version: 6.0
        // Made by `generate init`. The API target's Swift is generated from its openapi.yaml at build time.
        import PackageDescription

        // SwiftPM names a package dependency after its folder (a path) or its URL's last component; products of
        // Charter are named through this.
        let charter = \(SwiftNames.literal(charter.packageName))

        let package = Package(
            name: \(SwiftNames.literal(name)),
            platforms: [.macOS(.v14)],
            dependencies: [
                \(dependencies.joined(separator: "\n        "))
            ],
            targets: [
        \(targets.joined(separator: "\n"))
            ],
            swiftLanguageModes: [.v6]
        )

        """
    }

    func charterConfig() -> String {
        """
        # Options for the Charter build plugin (every key optional; see Charter's README).
        # The API is named after the target: \(apiTarget) → \(server == .none ? "" : "\(protocolName), ")\(clientName).
        # module-name: \(stem)
        mode: [\(mode.joined(separator: ", "))]
        access: public
        # equality: hashable   # or equatable, or none: the generated types' == and hashing, the compiler's largest share

        """
    }

    func apiPlaceholder() -> String {
        """
        // The Swift of this module is generated from openapi.yaml at build time by the Charter build plugin (see
        // charter.yaml); nothing needs writing here. SwiftPM drops a target without a Swift file before any
        // plugin runs, so this file keeps the target alive.

        """
    }

    func readme() -> String {
        let run = server == .none ? "" : """
        Serve it (on 127.0.0.1:8080; \(server == .vapor ? "`--hostname` and `--port` change that" : "`--host` and `--port` change that")):

            swift run \(serverTarget)\(server == .vapor ? " serve" : "")

        """
        let endToEnd = server == .none ? "" : ", and an end-to-end test against the running server"
        let parts = [server == .none ? nil : "`\(protocolName)` (the server side)", mode.contains("client") ? "`\(clientName)`" : nil]
        return """
        # \(name)

        An HTTP API described by `Sources/\(apiTarget)/openapi.yaml`. The Charter build plugin turns it into Swift at every
        build: models, validation, \(parts.compactMap { $0 }.joined(separator: ", ")).
        Requests that break the contract never reach the handlers: they are answered 400 with every violation listed.

        \(run)
        Test it (a contract test comparing the spec with the released one in `Releases/`\(endToEnd)):

            swift test

        When a version ships, copy `openapi.yaml` to `Releases/openapi-<version>.yaml` and point `ContractTests` at it:
        a change that would break its clients (a removed field, a new required one, a narrower type) then fails the test.

        """
    }
}
