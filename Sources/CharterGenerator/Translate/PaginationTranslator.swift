import CharterSpec

/// How a client walks an operation's pages: the parameter that carries the position, and where a page's
/// items and next position are in the response model. Read from `x-pagination`, or recognised from common
/// names (`offset`, `cursor`, `page`; `items`, `data`, `results`; `next_cursor`, `total`) with a note.
struct SwiftPagination: Sendable {
    enum Style: String, Sendable { case offset, cursor, page, link }
    var style: Style
    /// The `Input` property the position goes to, whether it is optional, and its default when it has one.
    var parameter: String
    var parameterOptional: Bool
    var parameterDefault: String?
    /// The success case and whether it carries headers (`.ok(let page, _)`).
    var caseName: String
    var caseHasHeaders: Bool
    /// The page model's items property (an array) and its element type; empty when the body is the array itself.
    var items: String
    var itemsOptional: Bool
    var itemType: SwiftType
    /// Cursor style: the property holding the next cursor.
    var next: (name: String, optional: Bool)?
    /// Offset style: the property holding the total count, when there is one.
    var total: (name: String, optional: Bool)?
    /// Link style: the headers property holding `Link`.
    var linkHeader: String?
}

extension OperationTranslator {
    static let paginationExtension = "x-pagination"
    static let itemFields = ["items", "data", "results", "entries", "records", "values", "elements"]
    static let cursorParameters = ["cursor", "page_token", "pagetoken", "next_token", "nexttoken", "continuation_token", "continuationtoken", "after"]
    // Not a bare `next`: vendors (Spotify, GitHub-style APIs) put the next page's URL there, not a cursor.
    static let nextFields = ["next_cursor", "nextcursor", "next_page_token", "nextpagetoken", "next_token", "nexttoken", "cursor"]
    static let offsetParameters = ["offset", "skip", "start"]
    static let pageParameters = ["page", "page_number", "pagenumber"]
    static let totalFields = ["total", "total_count", "totalcount", "count"]

    /// The operation's pagination, when it declares one or its names say so; a diagnostic says which.
    func pagination(_ op: Operation, methodName: String, inputs: [SwiftInput], cases: [SwiftOutputCase], models: ModelTranslator) -> (SwiftPagination?, Diagnostic?) {
        let explicit = op.extensions[Self.paginationExtension]
        guard op.method.wireName == "GET" || explicit != nil else { return (nil, nil) }
        func problem(_ text: String) -> (SwiftPagination?, Diagnostic?) {
            (nil, explicit.map { Diagnostic(.warning, "\(Self.paginationExtension) of \(op.displayName): \(text); no page sequence is generated", at: $0.location) })
        }
        let declared = explicit?["style"]?.text.flatMap(SwiftPagination.Style.init(rawValue:))
        if explicit != nil, declared == nil { return problem("'style' must be offset, cursor, page or link") }
        // The page: the first success with one body whose type is a struct of ours (or, followed by `Link`
        // headers, an array).
        guard let success = cases.first(where: { if case .code(let c) = $0.status { (200..<300).contains(c) } else { false } }),
              let body = success.body, body.enumName == nil else {
            return problem("its first success response has no one JSON body")
        }
        let link = success.headers?.fields.first { $0.wireName.lowercased() == "link" && $0.type.unwrapped == .string }
        func linked(items: SwiftProperty?, element: SwiftType) -> (SwiftPagination?, Diagnostic?) {
            guard let link else { return problem("its success response declares no Link header") }
            let pagination = SwiftPagination(
                style: .link, parameter: "", parameterOptional: true, parameterDefault: nil, caseName: success.name, caseHasHeaders: true,
                items: items?.name ?? "", itemsOptional: items?.type.isOptional ?? false, itemType: element, linkHeader: link.name)
            guard explicit == nil else { return (pagination, nil) }
            let note = Diagnostic(.warning, "\(op.displayName) pages by its Link header's rel=\"next\" (recognised from the header); the client "
                                  + "walks it with \(SwiftNames.bare(methodName))Pages. Declare \(Self.paginationExtension) to say so explicitly", at: op.location)
            return (pagination, note)
        }
        guard let model = models.structDecl(body.type) else {
            if let element = body.type.unwrapped.arrayElement, (link != nil && declared == nil) || declared == .link {
                return linked(items: nil, element: element)
            }
            return problem("its first success response is not one JSON object")
        }
        let queryInputs = zip(op.parameters, inputs).filter { $0.0.location == .query }
        func input(named names: [String], explicitName: String?) -> (Parameter, SwiftInput)? {
            if let explicitName { return queryInputs.first { $0.0.name == explicitName } }
            return queryInputs.first { names.contains($0.0.name.lowercased()) }
        }
        func property(named names: [String], explicitKey: String?) -> SwiftProperty? {
            if let explicitKey { return model.properties.first { $0.key == explicitKey } }
            return model.properties.first { names.contains($0.key.lowercased()) }
        }

        // Items: the named field, or the model's only array.
        let arrays = model.properties.filter { $0.type.unwrapped.arrayElement != nil }
        guard let items = property(named: Self.itemFields, explicitKey: explicit?["items"]?.text) ?? (arrays.count == 1 ? arrays[0] : nil),
              let element = items.type.unwrapped.arrayElement else {
            return problem("the response has no array of items")
        }
        if declared == .link { return linked(items: items, element: element) }
        let parameterName = explicit?["parameter"]?.text
        var style = declared
        var position: (Parameter, SwiftInput)?
        var next: SwiftProperty?
        var total: SwiftProperty?
        if style == nil || style == .cursor, let found = input(named: Self.cursorParameters, explicitName: style == .cursor ? parameterName : nil),
           found.1.type.unwrapped == .string, let nextField = property(named: Self.nextFields, explicitKey: explicit?["next"]?.text), nextField.type.unwrapped == .string {
            (style, position, next) = (.cursor, found, nextField)
        } else if style == nil || style == .offset, let found = input(named: Self.offsetParameters, explicitName: style == .offset ? parameterName : nil),
                  found.1.type.unwrapped == .int {
            (style, position) = (.offset, found)
            total = property(named: Self.totalFields, explicitKey: explicit?["total"]?.text).flatMap { $0.type.unwrapped == .int ? $0 : nil }
        } else if style == .page || (style == nil && input(named: Self.cursorParameters, explicitName: nil) == nil),
                  let found = input(named: Self.pageParameters, explicitName: style == .page ? parameterName : nil), found.1.type.unwrapped == .int {
            // Recognised only without a token parameter beside it: Twilio's `Page` "is simply for client state" and
            // its `PageToken` does the paging, so counting pages would fetch the first one again and again.
            (style, position) = (.page, found)
        }
        guard let style, let (parameter, swiftInput) = position else {
            if declared == nil, link != nil { return linked(items: items, element: element) }
            return problem("no query parameter carries the page position" + (declared == .cursor ? " (or no string field holds the next cursor)" : ""))
        }
        // Pages count from the default, else from the minimum when it is 0, else from 1.
        let zeroBased = parameter.schema.flatMap { document[$0].minimum?.value } == 0
        let start = swiftInput.defaultValue ?? (style == .page && zeroBased ? "0" : nil)
        let pagination = SwiftPagination(
            style: style, parameter: swiftInput.name, parameterOptional: swiftInput.declaredType.isOptional, parameterDefault: start,
            caseName: success.name, caseHasHeaders: success.headers != nil, items: items.name, itemsOptional: items.type.isOptional,
            itemType: element, next: next.map { ($0.name, $0.type.isOptional) }, total: total.map { ($0.name, $0.type.isOptional) })
        guard explicit == nil else { return (pagination, nil) }
        let by = style == .cursor ? "parameter '\(parameter.name)' and field '\(next?.key ?? "")'" : "parameter '\(parameter.name)' and field '\(items.key)'"
        let note = Diagnostic(.warning, "\(op.displayName) pages by \(style.rawValue) (recognised from \(by)); the client walks it with "
                              + "\(SwiftNames.bare(methodName))Pages. Declare \(Self.paginationExtension) to say so explicitly", at: op.location)
        return (pagination, note)
    }
}
