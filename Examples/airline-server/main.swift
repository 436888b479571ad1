// `swift run airline-server [--host 127.0.0.1] [--port 8080]`: Specs/airline.yaml served from memory.
import Airline
import ExampleServers

let options = ServerOptions.parseOrExit()
try await ExampleServer.run(name: "airline-server", host: options.host, port: options.port) { router in
    try AirlineService().registerHandlers(on: router, security: AirlineSecurity(TokenBook(options.token)), options: options.validationOptions)
}
