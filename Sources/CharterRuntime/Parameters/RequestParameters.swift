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
            (0..<parameters.count).map { read(parameters[$0], among: parameters) }
        }
    }

    /// An exploded object (`form` or 3.2 `cookie` style): each member its own query item or cookie. Items that are
    /// the operation's other parameters are theirs; the rest are members when the schema takes their name.
    private func explodedObject(_ p: borrowing ParameterContract, from items: [(name: String, value: String)],
                                among parameters: UnsafeBufferPointer<ParameterContract>) -> Found {
        var object = JSONObject()
        for item in items {
            let member = decoding.explodedMember(named: item.name, of: p, among: parameters)
            guard member.isMember else { continue }
            // A member that is a list gathers its items, once or repeated; any other member sent twice is the
            // array it then is, which its schema refuses (as for a repeated single-valued parameter).
            let isList = decoding.expectedTypes(member.schema).contains(.array)
            let value = decoding.scalar(item.value, isList ? decoding.itemSchema(member.schema) : member.schema)
            switch object[item.name] {
            case nil: object[item.name] = isList ? .array([value]) : value
            case .array(var list)? where isList:
                list.append(value)
                object[item.name] = .array(list)
            case let earlier?:
                object[item.name] = .array([earlier, value])
            }
        }
        return object.isEmpty ? .absent : .value(.object(object), emptyValue: false)
    }

    private func read(_ p: borrowing ParameterContract, among parameters: UnsafeBufferPointer<ParameterContract>) -> Found {
        var raws: [String] = []
        var encoded: [Substring]?
        switch p.location {
        case .path:
            if let v = pathParameters[p.name] {
                raws = [WireStrings.percentDecode(v, plusIsSpace: false)]
                encoded = [v]
            }
        case .query:
            if decoding.isExplodedObject(p) {
                return explodedObject(p, from: query.map { ($0.name, $0.value) }, among: parameters)
            }
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
            if decoding.isExplodedObject(p) {
                return explodedObject(p, from: asSent ? cookies : cookies.map { ($0.name, WireStrings.percentDecode($0.value[...], plusIsSpace: false)) },
                                      among: parameters)
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
