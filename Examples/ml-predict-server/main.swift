// `swift run ml-predict-server [--host 127.0.0.1] [--port 8080]`: Specs/ml-predict.yaml with a fixed model.
import ExampleServers
import MLPredict

let options = ServerOptions.parseOrExit()
try await ExampleServer.run(name: "ml-predict-server", host: options.host, port: options.port) { router in
    try PredictionService().registerHandlers(on: router, options: options.validationOptions)
}
