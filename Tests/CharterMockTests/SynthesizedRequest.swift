import CharterRuntime
import CharterValidation
import Foundation

/// A request for an operation made from its contract with values the synthesizer draws for requests: what a
/// client that follows the contract would send. Only what a test needs: scalar and array parameters, JSON, text,
/// binary and flat form bodies; nil for an operation it cannot build (the caller counts those).
struct SynthesizedRequest {
    var method: String
    var path: String
    var headers: [String: String] = [:]
    var body: Data?

    init?(_ contract: OperationContract, validator: SpecValidator, schemes: [SecuritySchemeContract], seed: UInt64) {
        var synthesizer = ValueSynthesizer(schemas: validator.schemas, seed: seed, direction: .request)
        method = contract.method
        var path = contract.path
        var query: [String] = []
        for p in contract.parameters where p.required || p.location == .path {
            guard let schema = p.schema, let value = synthesizer.value(for: schema) else { return nil }
            let text: [String]
            if p.isJSONContent {
                text = [String(decoding: value.encoded(), as: UTF8.self)]
            } else {
                switch value {
                case .array(let items):
                    let scalars = items.compactMap(Self.scalar)
                    guard scalars.count == items.count else { return nil }
                    text = p.location == .query && p.explode ? scalars : [scalars.joined(separator: ",")]
                default:
                    guard let s = Self.scalar(value) else { return nil }
                    text = [s]
                }
            }
            switch p.location {
            case .path: path = path.replacingOccurrences(of: "{\(p.name)}", with: Self.encoded(text.joined(separator: ",")))
            case .query: query += text.map { "\(Self.encoded(p.name))=\(Self.encoded($0))" }
            case .header: headers[p.name] = text.joined(separator: ",")
            case .cookie: headers["Cookie", default: ""] += (headers["Cookie"] == nil ? "" : "; ") + "\(p.name)=\(text.joined(separator: ","))"
            default: return nil
            }
        }
        self.path = path + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
        if let body = contract.requestBody, body.required || body.content.contains(where: { $0.coding == .json }) {
            guard let media = body.content.first(where: { $0.coding == .json }) ?? body.content.first else { return nil }
            let value = media.schema.flatMap { synthesizer.value(for: $0) }
            switch media.coding {
            case .json:
                guard let value else { return nil }
                self.body = Data(value.encoded())
            case .text:
                guard case .string(let s)? = value ?? .string("text") else { return nil }
                self.body = Data(s.utf8)
            case .binary:
                self.body = Data("bytes".utf8)
            case .form:
                guard case .object(let fields)? = value else { return nil }
                var pairs: [String] = []
                for (name, field) in fields {
                    guard let s = Self.scalar(field) else { return nil }
                    pairs.append("\(Self.encoded(name))=\(Self.encoded(s))")
                }
                self.body = Data(pairs.joined(separator: "&").utf8)
            default:
                return nil
            }
            headers["Content-Type"] = media.mediaType.contains("*") ? "application/octet-stream" : media.mediaType
        }
        // Credentials for the first alternative (the mock checks that they are there, not who sent them).
        for scheme in contract.security.first?.schemes ?? [] {
            guard let declared = schemes.first(where: { $0.name == scheme.name }) else { continue }
            switch declared.kind {
            case .bearer, .oauth2, .openIdConnect: headers["Authorization"] = "Bearer t0k3n"
            case .basic: headers["Authorization"] = "Basic dXNlcjpwYXNz"
            case .http(let name): headers["Authorization"] = "\(name) c3VyZQ"
            case .apiKey(let name, let location):
                switch location {
                case .query: self.path += (self.path.contains("?") ? "&" : "?") + "\(Self.encoded(name))=k3y"
                case .cookie: headers["Cookie", default: ""] += (headers["Cookie"] == nil ? "" : "; ") + "\(name)=k3y"
                default: headers[name] = "k3y"
                }
            case .mutualTLS: break
            }
        }
    }

    static func scalar(_ value: JSONValue) -> String? {
        switch value {
        case .string(let s): s
        case .bool(let b): b ? "true" : "false"
        case .number: String(decoding: value.encoded(), as: UTF8.self)
        default: nil
        }
    }

    static func encoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
