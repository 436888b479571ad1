import Foundation
import HTTPTypes

/// A callback's key is a template of OpenAPI runtime expressions read from the request that subscribed
/// (`{$request.body#/callbackUrl}`, `{$request.query.url}/data`, `https://x.example/hook?id={$request.body#/id}`).
/// The request is the typed input, written as the client writes it, so every expression reads the wire text the API
/// received. A value opening the template is the base URL and is taken as it is; a value further in is a part of one
/// and is percent-encoded.
enum CallbackURL {
    /// The URL `template` names for `input` of `Op`.
    /// - Throws: `CallbackURLError` when an expression is not one the input answers (`$url`, `$response.…`), names a
    ///   parameter or field the request does not have, or the result is not an absolute URL.
    static func resolve<Op: APIOperation>(_ template: String, for input: Op.Input, of operation: Op.Type) throws -> URL {
        var writer = ClientRequestWriter(contract: Op.contract)
        try Op.encodeInput(input, to: &writer)
        var text = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            text += rest[..<open]
            let expression = String(rest[rest.index(after: open)..<close])
            let value = try evaluate(expression, writer, template: template)
            text += text.isEmpty ? value : PercentEncoding.encode(value)
            rest = rest[rest.index(after: close)...]
        }
        text += rest
        guard let url = URL(string: text), url.scheme != nil, url.host != nil else {
            throw CallbackURLError(template: template, reason: "'\(text)' is not an absolute URL")
        }
        return url
    }

    /// The text of one expression (`$request.query.url`) in the request `writer` holds.
    private static func evaluate(_ expression: String, _ writer: ClientRequestWriter, template: String) throws -> String {
        func missing(_ what: String) -> CallbackURLError { CallbackURLError(template: template, reason: "the request has no \(what)") }
        if expression == "$method" { return writer.contract.method.uppercased() }
        guard expression.hasPrefix("$request.") else {
            throw CallbackURLError(template: template, reason: "'\(expression)' is not read from the request (only $request.… and $method are)")
        }
        let source = expression.dropFirst("$request.".count)
        if source.hasPrefix("path.") {
            let name = String(source.dropFirst(5))
            guard let raw = writer.pathValues[name] else { throw missing("path parameter '\(name)'") }
            return raw.removingPercentEncoding ?? raw
        }
        if source.hasPrefix("query.") {
            let name = String(source.dropFirst(6))
            guard let raw = writer.query.first(where: { $0.name == name })?.value else { throw missing("query parameter '\(name)'") }
            return raw.removingPercentEncoding ?? raw
        }
        if source.hasPrefix("header.") {
            let name = String(source.dropFirst(7))
            guard let field = HTTPField.Name(name), let value = writer.headerFields[field] else { throw missing("header '\(name)'") }
            return value
        }
        if source == "body" || source.hasPrefix("body#") {
            guard let body = bodyValue(writer.draft) else { throw missing("JSON body") }
            let pointer = source.hasPrefix("body#") ? String(source.dropFirst(5)).removingPercentEncoding ?? "" : ""
            var value = body
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

    /// The body's value, when it is one (JSON and forms are; bytes and streams are not).
    private static func bodyValue(_ draft: BodyDraft) -> JSONValue? {
        switch draft.payload {
        case .bytes(let bytes, checked: .json)?: return try? JSONParser.parse(bytes)
        case .bytes(_, checked: .value(let value))?, .xml(let value)?: return value
        default: return nil
        }
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
