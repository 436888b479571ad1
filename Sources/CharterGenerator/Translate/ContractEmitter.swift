import Foundation
import CharterRuntime

/// Writes an `OperationContract` as a Swift expression, so generated code validates with exactly the
/// contract `SpecValidator` derives from the spec (one builder, emitted rather than re-implemented).
enum ContractEmitter {
    static func expression(_ c: OperationContract) -> String {
        var arguments = ["operationID: \(SwiftNames.literal(c.operationID))", "method: \(SwiftNames.literal(c.method))",
                         "path: \(SwiftNames.literal(c.path))"]
        if !c.parameters.isEmpty { arguments.append("parameters: [\n" + c.parameters.map { "    " + parameter($0) + "," }.joined(separator: "\n") + "\n]") }
        if let body = c.requestBody {
            arguments.append("requestBody: RequestBodyContract(required: \(body.required), content: \(media(body.content)))")
        }
        if !c.responses.isEmpty { arguments.append("responses: [\n" + c.responses.map { "    " + response($0) + "," }.joined(separator: "\n") + "\n]") }
        if let limit = c.maxBodySize { arguments.append("maxBodySize: \(limit)") }
        if !c.security.isEmpty {
            let alternatives = c.security.map { requirement in
                requirement.isEmpty ? "[:]" : "[" + requirement.schemes.map { use in
                    SwiftNames.literal(use.name) + ": [" + use.scopes.map(SwiftNames.literal).joined(separator: ", ") + "]"
                }.joined(separator: ", ") + "]"
            }
            arguments.append("security: [" + alternatives.joined(separator: ", ") + "]")
        }
        if let notice = c.deprecation { arguments.append("deprecation: " + deprecation(notice)) }
        if c.sentByAPI { arguments.append("sentByAPI: true") }
        return "OperationContract(\n" + arguments.map { indent($0) }.joined(separator: ",\n") + "\n)"
    }

    private static func deprecation(_ notice: DeprecationNotice) -> String {
        func date(_ d: Date?) -> String { d.map { "Date(timeIntervalSince1970: \(Int64($0.timeIntervalSince1970)))" } ?? "nil" }
        return "DeprecationNotice(since: \(date(notice.since)), sunset: \(date(notice.sunset)), link: \(notice.link.map(SwiftNames.literal) ?? "nil"))"
    }

    /// A scheme as a `SecuritySchemeContract` expression.
    static func scheme(_ s: SecuritySchemeContract) -> String {
        let kind = switch s.kind {
        case .bearer: ".bearer"
        case .basic: ".basic"
        case .http(let scheme): ".http(scheme: \(SwiftNames.literal(scheme)))"
        case .apiKey(let name, let location): ".apiKey(name: \(SwiftNames.literal(name)), location: .\(location.rawValue))"
        case .oauth2: ".oauth2"
        case .openIdConnect: ".openIdConnect"
        case .mutualTLS: ".mutualTLS"
        }
        return "SecuritySchemeContract(name: \(SwiftNames.literal(s.name)), kind: \(kind))"
    }

    private static func indent(_ text: String) -> String {
        var out = ""
        SwiftWriter.forEachLine(of: text) { line in
            if !out.isEmpty { out += "\n" }
            out += "    "
            out += line
        }
        return out
    }

    private static func parameter(_ p: ParameterContract) -> String {
        var parts = ["name: \(SwiftNames.literal(p.name))", "location: .\(p.location.rawValue)"]
        if p.required && p.location != .path { parts.append("required: true") }
        let defaultStyle: ParameterStyle = (p.location == .query || p.location == .cookie) ? .form : .simple
        if p.style != defaultStyle { parts.append("style: .\(p.style.rawValue)") }
        if p.explode != p.style.explodesByDefault { parts.append("explode: \(p.explode)") }
        if p.allowEmptyValue { parts.append("allowEmptyValue: true") }
        parts.append("schema: \(p.schema.map(String.init) ?? "nil")")
        if p.isJSONContent { parts.append("isJSONContent: true") }
        if let notice = p.deprecation { parts.append("deprecation: " + deprecation(notice)) }
        return "ParameterContract(" + parts.joined(separator: ", ") + ")"
    }

    private static func media(_ content: [MediaTypeContract]) -> String {
        "[" + content.map(media).joined(separator: ", ") + "]"
    }

    /// Only what differs from the defaults is written (the coding its media type implies, JSON event data, no parts).
    private static func media(_ m: MediaTypeContract) -> String {
        var parts = ["mediaType: \(SwiftNames.literal(m.mediaType))"]
        if m.coding != BodyCoding(mediaType: m.mediaType) { parts.append("coding: .\(m.coding.rawValue)") }
        parts.append("schema: \(m.schema.map(String.init) ?? "nil")")
        if let v = m.eventSchema { parts.append("eventSchema: \(v)") }
        if !m.eventDataIsJSON { parts.append("eventDataIsJSON: false") }
        if !m.parts.isEmpty { parts.append("parts: [" + m.parts.map(part).joined(separator: ", ") + "]") }
        return "MediaTypeContract(" + parts.joined(separator: ", ") + ")"
    }

    private static func part(_ p: PartContract) -> String {
        var parts = ["name: \(SwiftNames.literal(p.name))"]
        if let v = p.contentType { parts.append("contentType: \(SwiftNames.literal(v))") }
        if let v = p.style { parts.append("style: .\(v.rawValue)") }
        if let v = p.explode { parts.append("explode: \(v)") }
        if p.isFile { parts.append("isFile: true") }
        if !p.headers.isEmpty { parts.append("headers: [" + p.headers.map(header).joined(separator: ", ") + "]") }
        return "PartContract(" + parts.joined(separator: ", ") + ")"
    }

    private static func header(_ h: HeaderContract) -> String {
        var parts = ["name: \(SwiftNames.literal(h.name))", "required: \(h.required)", "schema: \(h.schema.map(String.init) ?? "nil")"]
        if h.explode { parts.append("explode: true") }
        if h.isJSONContent { parts.append("isJSONContent: true") }
        return "HeaderContract(" + parts.joined(separator: ", ") + ")"
    }

    private static func response(_ r: ResponseContract) -> String {
        var parts = ["status: \(SwiftNames.literal(r.status))"]
        if !r.content.isEmpty { parts.append("content: " + media(r.content)) }
        if !r.headers.isEmpty { parts.append("headers: [" + r.headers.map(header).joined(separator: ", ") + "]") }
        return "ResponseContract(" + parts.joined(separator: ", ") + ")"
    }
}
