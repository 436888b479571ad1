import Foundation
import HTTPTypes

/// A callback's key is a template of OpenAPI runtime expressions read from the request that subscribed
/// (`{$request.body#/callbackUrl}`, `{$request.query.url}/data`, `https://x.example/hook?id={$request.body#/id}`).
/// The request is the typed input, written as the client writes it, so every expression reads the wire text the API
/// received. A value opening the template is the base URL and is taken as it is; a value further in is a part of one
/// and is percent-encoded.
enum CallbackURL {
    /// What runtime expressions read: the subscribing request as it travels (values decoded).
    struct Source {
        var method: String
        var path: [String: String]
        var query: [(name: String, value: String)]
        var headers: HTTPFields
        /// The body's value, when it is one (JSON, forms and XML are; bytes and streams are not).
        var body: JSONValue?
    }

    /// The URL `template` names for `input` of `Op`, the input written as the client writes it.
    static func resolve<Op: APIOperation>(_ template: String, for input: Op.Input, of operation: Op.Type) throws -> URL {
        var writer = ClientRequestWriter(contract: Op.contract)
        try Op.encodeInput(input, to: &writer)
        let body: JSONValue? = switch writer.draft.payload {
        case .bytes(let bytes, checked: .json)?: try? JSONParser.parse(bytes)
        case .bytes(_, checked: .value(let value))?, .xml(let value)?: value
        default: nil
        }
        let source = Source(method: Op.contract.method, path: writer.pathValues.mapValues { $0.removingPercentEncoding ?? $0 },
                            query: writer.query.map { ($0.name, $0.value.removingPercentEncoding ?? $0.value) },
                            headers: writer.headerFields, body: body)
        return try resolve(template, in: source)
    }

    /// The URL `template` names in the request `reader` holds, as the server received it.
    static func resolve(_ template: String, in reader: ServerRequestReader) throws -> URL {
        let body: JSONValue? = switch reader.body?.content {
        case .json(let tape)?: tape.value
        case .form(let value)?, .xml(_, let value?)?: value
        default: nil
        }
        let query = reader.request.queryString.map(WireStrings.queryItems)?.map { ($0.name, $0.value) } ?? []
        let source = Source(method: reader.contract.method, path: reader.parameters.pathParameters.mapValues { $0.removingPercentEncoding ?? String($0) },
                            query: query, headers: reader.request.headerFields, body: body)
        return try resolve(template, in: source)
    }

    /// - Throws: `CallbackURLError` when an expression is not one the request answers (`$url`, `$response.…`), names a
    ///   parameter or field the request does not have, or the result is not an absolute URL.
    static func resolve(_ template: String, in source: Source) throws -> URL {
        var text = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            text += rest[..<open]
            let expression = String(rest[rest.index(after: open)..<close])
            let value = try evaluate(expression, source, template: template)
            text += text.isEmpty ? value : PercentEncoding.encode(value)
            rest = rest[rest.index(after: close)...]
        }
        text += rest
        guard let url = URL(string: text), url.scheme != nil, url.host != nil else {
            throw CallbackURLError(template: template, reason: "'\(text)' is not an absolute URL")
        }
        return url
    }

    /// The text of one expression (`$request.query.url`) in the request.
    private static func evaluate(_ expression: String, _ source: Source, template: String) throws -> String {
        func missing(_ what: String) -> CallbackURLError { CallbackURLError(template: template, reason: "the request has no \(what)") }
        if expression == "$method" { return source.method.uppercased() }
        guard expression.hasPrefix("$request.") else {
            throw CallbackURLError(template: template, reason: "'\(expression)' is not read from the request (only $request.… and $method are)")
        }
        let reference = expression.dropFirst("$request.".count)
        if reference.hasPrefix("path.") {
            let name = String(reference.dropFirst(5))
            guard let value = source.path[name] else { throw missing("path parameter '\(name)'") }
            return value
        }
        if reference.hasPrefix("query.") {
            let name = String(reference.dropFirst(6))
            guard let value = source.query.first(where: { $0.name == name })?.value else { throw missing("query parameter '\(name)'") }
            return value
        }
        if reference.hasPrefix("header.") {
            let name = String(reference.dropFirst(7))
            guard let field = HTTPField.Name(name), let value = source.headers[field] else { throw missing("header '\(name)'") }
            return value
        }
        if reference == "body" || reference.hasPrefix("body#") {
            guard var value = source.body else { throw missing("JSON body") }
            let pointer = reference.hasPrefix("body#") ? String(reference.dropFirst(5)).removingPercentEncoding ?? "" : ""
            for step in IssuePath.components(ofPointer: pointer) {
                let next: JSONValue? = switch step {
                case .key(let key): value[key]
                case .index(let index): value[index] ?? value[String(index)]
                }
                guard let next else { throw missing("field at '\(pointer)' in its body") }
                value = next
            }
            if case .string(let s) = value { return s }
            return value.jsonText
        }
        throw CallbackURLError(template: template, reason: "'\(expression)' is not a runtime expression")
    }
}

/// A callback's URL could not be read from the request that subscribed.
public struct CallbackURLError: Error, Sendable, CustomStringConvertible {
    /// The callback's key, as the spec writes it.
    public var template: String
    /// What went wrong.
    public var reason: String
    public var description: String { "callback URL \(template): \(reason)" }
}

extension APIOperation {
    /// The URL the callback keyed `template` is sent to, read from `request`, the input of the operation that
    /// subscribed (generated code calls this from each callback's `url(for:)`).
    @_spi(Generated) public static func callbackURL<Parent: APIOperation>(_ template: String, for request: Parent.Input, of parent: Parent.Type) throws -> URL {
        try CallbackURL.resolve(template, for: request, of: parent)
    }
}

extension ServerRequestReader {
    /// The URL the callback keyed `template` is sent to, read from this request (the mock sends callbacks so).
    @_spi(Generated) public func callbackURL(_ template: String) throws -> URL {
        try CallbackURL.resolve(template, in: self)
    }
}
