// `swift run users-v2-server [--host 127.0.0.1] [--port 8080]`: Specs/users-v2.yaml served from memory.
import ExampleServers
import UsersV2

let options = ServerOptions.parseOrExit()
try await ExampleServer.run(name: "users-v2-server", host: options.host, port: options.port) { router in
    try UserService(baseURL: "http://\(options.host):\(options.port)")
        .registerHandlers(on: router, security: UsersV2Security(TokenBook(options.token)), options: options.validationOptions)
}
