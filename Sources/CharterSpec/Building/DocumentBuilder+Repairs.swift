/// Problems whose meaning is clear, built into the model as a tool that goes on assumes them: each reported once
/// (an error to `lint`, a warning saying what was assumed elsewhere), the model left as the assumption says.
extension DocumentBuilder {
    /// A path template's parameters against an operation's: an undeclared `{name}` gets a string parameter, a
    /// declared one missing from the template is dropped, one not marked `required` is required.
    func repairPathParameters(_ operation: inout Operation, template: [String], path: String) {
        var parameters: [Parameter] = []
        for parameter in operation.parameters {
            guard parameter.location == .path else {
                parameters.append(parameter)
                continue
            }
            var p = parameter
            if !p.required {
                diagnostics.append(Diagnostic(.error, "path parameter '\(p.name)' must have 'required: true'", at: p.sourceLocation,
                                              assumption: "it is required (a path always has it)"))
                p.required = true
            }
            guard template.contains(p.name) else {
                diagnostics.append(Diagnostic(.error, "path parameter '\(p.name)' is declared but '\(path)' has no '{\(p.name)}'",
                                              at: p.sourceLocation, assumption: "it is not there"))
                continue
            }
            parameters.append(p)
        }
        for name in template where !parameters.contains(where: { $0.location == .path && $0.name == name }) {
            diagnostics.append(Diagnostic(.error, "path parameter '\(name)' of '\(path)' is not declared by \(operation.displayName)",
                                          at: operation.location, assumption: "a required string parameter '\(name)'"))
            var assumed = Parameter(name: name, location: .path, required: true, style: .simple, explode: false,
                                    sourceLocation: operation.location)
            assumed.isAssumed = true
            parameters.append(assumed)
        }
        operation.parameters = parameters
    }

    /// A later operation reusing an operationId gets the id with a number: every generated name, contract and
    /// route stays one operation's. Webhooks and callbacks are keyed by names and runtime expressions, not paths, so
    /// one without an operationId is named for what it is: a webhook by its key (`batch_completed`), a callback by
    /// its operation and name (`createSubscription_onEvent`); with several operations, the method (and the
    /// expression's position) follows.
    func renameDuplicateOperationIds(_ document: inout Document) {
        for i in document.webhooks.indices {
            let name = document.webhooks[i].name
            let several = document.webhooks[i].item.operations.count > 1
            for j in document.webhooks[i].item.operations.indices where document.webhooks[i].item.operations[j].operationIdSynthesized {
                document.webhooks[i].item.operations[j].operationId =
                    name + (several ? "_" + document.webhooks[i].item.operations[j].method.rawValue : "")
            }
        }
        Self.forEachCallbackOperation(in: &document) { operation, place in
            guard operation.operationIdSynthesized else { return }
            operation.operationId = place.parent + "_" + place.name
                + (place.several ? "_" + operation.method.rawValue + (place.expressionCount > 1 ? "\(place.expression + 1)" : "") : "")
        }
        // Only what a report names of the first user: a copy of each whole operation was a retain of every field.
        var first: [String: (method: HTTPMethod, path: String, location: SourceLocation)] = [:]
        var taken = Set(document.paths.flatMap { $0.operations.map(\.operationId) } + document.webhooks.flatMap { $0.item.operations.map(\.operationId) }
            + document.callbackOperations.map(\.operation.operationId))
        first.reserveCapacity(taken.count)
        func visit(_ operation: inout Operation) {
            guard let previous = first[operation.operationId] else {
                first[operation.operationId] = (operation.method, operation.path, operation.location)
                return
            }
            var n = 2
            while taken.contains("\(operation.operationId)_\(n)") { n += 1 }
            let renamed = "\(operation.operationId)_\(n)"
            taken.insert(renamed)
            let what = operation.operationIdSynthesized ? "the operationId synthesised for \(operation.displayName)" : "operationId"
            let place = previous.location.file == operation.location.file
                ? "line \(previous.location.line), column \(previous.location.column)" : "\(previous.location)"
            diagnostics.append(Diagnostic(.error, "duplicate \(what) '\(operation.operationId)' (first used by \(previous.method.wireName) \(previous.path) at \(place))",
                                          at: operation.location, assumption: "'\(renamed)' for this operation"))
            operation.operationId = renamed
        }
        for i in document.paths.indices {
            for j in document.paths[i].operations.indices { visit(&document.paths[i].operations[j]) }
        }
        for i in document.webhooks.indices {
            for j in document.webhooks[i].item.operations.indices { visit(&document.webhooks[i].item.operations[j]) }
        }
        Self.forEachCallbackOperation(in: &document) { operation, _ in visit(&operation) }
    }

    /// Where a callback's operation stands: the id of the operation declaring the callback, the callback's name,
    /// which of its expressions (of how many), and whether the callback has more than one operation.
    struct CallbackPlace {
        var parent: String
        var name: String
        var expression: Int
        var expressionCount: Int
        var several: Bool
    }

    /// Calls `body` on every operation of every path operation's callbacks, in document order, in place.
    static func forEachCallbackOperation(in document: inout Document, _ body: (inout Operation, CallbackPlace) -> Void) {
        for i in document.paths.indices {
            for j in document.paths[i].operations.indices {
                let parent = document.paths[i].operations[j].operationId
                for k in document.paths[i].operations[j].callbacks.indices {
                    let callback = document.paths[i].operations[j].callbacks[k]
                    let expressions = callback.value.expressions
                    let several = expressions.count > 1 || expressions.contains { $0.operations.count > 1 }
                    for e in expressions.indices {
                        let place = CallbackPlace(parent: parent, name: callback.name, expression: e, expressionCount: expressions.count, several: several)
                        for o in expressions[e].operations.indices {
                            body(&document.paths[i].operations[j].callbacks[k].value.expressions[e].operations[o], place)
                        }
                    }
                }
            }
        }
    }
}
