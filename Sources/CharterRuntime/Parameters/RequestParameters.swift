import HTTPTypes

/// The parameters of one request as the contract declares them: wire strings found by location and name,
/// shaped into JSON values by each parameter's schema. A served request reads them once (`found`, in the
/// contract's order), and validation and the generated reader both use that reading, so a value that
/// validated is the value the handler receives.
struct RequestParameters: Sendable {
    enum Found: Sendable {
        case absent
        /// The value, and whether it was sent empty (one empty string: `?limit=`).
        case value(JSONValue, emptyValue: Bool)
    }

    let request: HTTPRequest
    let pathParameters: [String: Substring]
    let decoding: ParameterDecoding
    private let query: [WireStrings.QueryItem]
    private let cookies: [(name: String, value: String)]
    /// Each of the contract's parameters as this request carries it, in `contract.parameters` order.
    private(set) var found: [Found] = []

    init(request: HTTPRequest, pathParameters: [String: Substring], contract: OperationContract, decoding: ParameterDecoding) {
        self.request = request
        self.pathParameters = pathParameters
        self.decoding = decoding
        // A scan of a short list: a `Set` of locations was an allocation and a hash.
        let parameters = contract.parameters
        let (hasQuery, hasCookies) = parameters.withUnsafeBufferPointer { parameters in
            var query = false, cookies = false
            for i in 0..<parameters.count {
                query = query || parameters[i].location == .query
                cookies = cookies || parameters[i].location == .cookie
            }
            return (query, cookies)
        }
        query = hasQuery ? (request.queryString.map(WireStrings.queryItems) ?? []) : []
        cookies = hasCookies ? request.headerFields[values: .cookie].flatMap(WireStrings.rawCookies) : []
        found = parameters.withUnsafeBufferPointer { parameters in
            (0..<parameters.count).map { read(parameters[$0]) }
        }
    }

    private func read(_ p: borrowing ParameterContract) -> Found {
        var raws: [String] = []
        var encoded: [Substring]?
        switch p.location {
        case .path:
            if let v = pathParameters[p.name] {
                raws = [WireStrings.percentDecode(v, plusIsSpace: false)]
                encoded = [v]
            }
        case .query:
            if p.style == .deepObject {
                // name[key]=value pairs make one object.
                let prefix = p.name + "["
                let parts = query.filter { $0.name.hasPrefix(prefix) && $0.name.hasSuffix("]") }
                guard !parts.isEmpty else { return .absent }
                var object = JSONObject()
                for part in parts {
                    let key = String(part.name.dropFirst(prefix.count).dropLast())
                    object[key] = decoding.scalar(part.value, decoding.propertySchema(p.schema, key))
                }
                return .value(.object(object), emptyValue: parts.count == 1 && parts[0].value.isEmpty)
            }
            // One pass by index (`for in` copied each item out: three retains). A parameter sent once, the usual
            // case, is read from its item without building arrays of one string; a second item starts the arrays.
            var first: Int?
            var raw: [Substring] = []
            query.withUnsafeBufferPointer { items in
                for i in 0..<items.count where items[i].name == p.name {
                    guard let earlier = first else { first = i; continue }
                    if raws.isEmpty { raws.append(items[earlier].value); raw.append(items[earlier].raw) }
                    raws.append(items[i].value)
                    raw.append(items[i].raw)
                }
            }
            guard let first else { return .absent }
            if raws.isEmpty {
                let item = query[first]
                return .value(decoding.value(single: item.value, encoded: item.raw, p), emptyValue: item.value.isEmpty)
            }
            encoded = raw
        case .header:
            if let name = p.headerField {
                let values = request.headerFields[values: name]
                if !values.isEmpty { raws = [values.joined(separator: ",")] }
            }
        case .cookie:
            // 3.2's `cookie` style sends values as they are; `form` percent-encodes them.
            let asSent = p.style == .cookie
            if asSent, p.explode, !p.isJSONContent, decoding.expectedTypes(p.schema).contains(.object) {
                // An exploded object is a cookie per member (`R=100; G=200`): those its schema names.
                var object = JSONObject()
                for cookie in cookies where cookie.name != p.name {
                    guard let member = decoding.propertySchema(p.schema, cookie.name) else { continue }
                    object[cookie.name] = decoding.scalar(cookie.value, member)
                }
                return object.isEmpty ? .absent : .value(.object(object), emptyValue: false)
            }
            raws = cookies.filter { $0.name == p.name }.map { asSent ? $0.value : WireStrings.percentDecode($0.value[...], plusIsSpace: false) }
        case .querystring:
            // The whole query string is the value: JSON text, or form fields shaped like a form body.
            guard let query = request.queryString, !query.isEmpty else { return .absent }
            if p.isJSONContent {
                let text = WireStrings.percentDecode(query, plusIsSpace: false)
                return .value((try? JSONParser.parse(text)) ?? .string(text), emptyValue: text.isEmpty)
            }
            let form = FormDecoding(decoding: decoding).decode(ArraySlice(query.utf8), schema: p.schema, parts: [])
            return .value(form.value, emptyValue: false)
        case .body:
            return .absent
        }
        return raws.isEmpty ? .absent : .value(decoding.value(from: raws, encoded: encoded, p), emptyValue: raws.count == 1 && raws[0].isEmpty)
    }
}
