/// One operation of an API as generated code describes it: its contract, typed input and output, and how
/// each crosses the wire in both directions (server: decode input, encode output; client: the reverse).
///
/// The operation types are public (a user names them, e.g. in a middleware); the four wire functions are
/// `@_spi(Generated)`: only generated code implements and calls them.
///
/// Generated code implements these four functions as straight-line calls on the readers and writers, which
/// hold the wire rules (parameter styles, media types, header serialization) as data from the contract.
public protocol APIOperation: SendableMetatype {
    associatedtype Input: Sendable
    associatedtype Output: Sendable

    static var contract: OperationContract { get }

    @_spi(Generated) static func decodeInput(from request: ServerRequestReader) throws -> Input
    @_spi(Generated) static func encodeOutput(_ output: Output, to response: inout ServerResponseWriter) throws
    @_spi(Generated) static func encodeInput(_ input: Input, to request: inout ClientRequestWriter) throws
    @_spi(Generated) static func decodeOutput(from response: ClientResponseReader) throws -> Output
}
