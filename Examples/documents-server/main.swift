// `swift run documents-server [--host 127.0.0.1] [--port 8080]`: Specs/documents.yaml served from memory.
import Documents
import ExampleServers

let options = ServerOptions.parseOrExit()
try await ExampleServer.run(name: "documents-server", host: options.host, port: options.port) { router in
    try DocumentService(token: options.token.first ?? "t0k3n").registerHandlers(on: router, security: DocumentsSecurity(TokenBook(options.token)),
                                                                                options: options.validationOptions)
}
