import CharterSpec
import CharterValidation

/// How the generated client calls one operation: its method, the arguments a caller must or may pass, and the
/// cases of its output. Documentation pages print it so readers learn the generated API, not the wire.
public struct ClientCall: Sendable {
    /// One argument of the flattened client method (`bookingID: String`).
    public struct Argument: Sendable {
        /// The argument label (the Swift name of the parameter, `body` for the request body).
        public var label: String
        /// The Swift type as a caller writes it outside the operation's namespace (`CreateBooking.Body`).
        public var type: String
        /// True when the caller must pass it (no default, not optional).
        public var isRequired: Bool
        /// True for the request body.
        public var isBody: Bool
    }

    /// One case of the operation's `Output` enum.
    public struct OutputCase: Sendable {
        /// The case name (`created`, `badRequest`, `undocumented`).
        public var name: String
        /// `201`, `4XX`, `default`, or nil for the case that catches undocumented statuses.
        public var status: String?
        /// True when the case carries a body (`case .ok(let body)`).
        public var hasBody: Bool
    }

    /// The spec's operationId (or the one synthesised from method and path).
    public var operationID: String
    /// The method on the client (`createBooking`).
    public var methodName: String
    /// The operation's namespace enum (`CreateBooking`).
    public var typeName: String
    public var arguments: [Argument]
    public var outputCases: [OutputCase]
    /// True when the operation is deprecated (the method carries `@available(*, deprecated)`).
    public var isDeprecated: Bool
    /// For a webhook or callback, the generated protocol that receives it (`PetsWebhooksProtocol`, one method of the
    /// name `methodName`); nil for an operation the client calls.
    public var receiver: String?
}

extension Generator {
    /// The generated client's type name and each operation's call, translated exactly as `generate` translates
    /// them (same names, same argument order and defaults); webhooks and callbacks name their receiver instead. Needs
    /// no compiled schemas: contracts are read off the document.
    public static func clientCalls(_ document: Document, options: GeneratorOptions = GeneratorOptions()) -> (clientName: String, calls: [ClientCall]) {
        let operations = translate(document, options: options, operations: true).translated?.operations ?? []
        let apiName = SwiftNames.apiBaseName(options.moduleName)
        let clientName = (apiName.isEmpty ? "API" : apiName) + "Client"
        let receiver = OperationRenderer.webhooksProtocolName(apiName)
        let calls = operations.map { op in
            ClientCall(
                operationID: op.operationID, methodName: op.methodName, typeName: op.typeName,
                arguments: op.inputs.map { input in
                    ClientCall.Argument(label: input.name, type: input.declaredType.rendered(in: []),
                                        isRequired: input.required && input.defaultValue == nil && input.freshDefault == nil,
                                        isBody: input.body != nil)
                },
                outputCases: op.cases.map { c in
                    let status: String? = switch c.status {
                    case .code(let code): String(code)
                    case .range(let digit): "\(digit)XX"
                    case .default: "default"
                    case .undocumented: nil
                    }
                    return ClientCall.OutputCase(name: c.name, status: status, hasBody: c.body != nil)
                },
                isDeprecated: op.deprecation != nil,
                receiver: op.isWebhook ? receiver : nil)
        }
        return (clientName, calls)
    }
}
