import CharterSpec
import Foundation

/// One comparison: both documents, the operation being compared, the findings so far, and the bookkeeping
/// the schema walk shares between operations (see `SchemaWalk.swift`).
struct DiffRun {
    let old: Document
    let new: Document
    /// The documents' schemas, passed to the schema rules instead of the documents (a `Document` is a struct of
    /// many arrays: each pass by value was a retain and release of every one).
    let oldTable: SchemaTable
    let newTable: SchemaTable
    let options: DiffOptions
    let today: String
    var findings: [Finding] = []
    /// The operation findings belong to (`GET /users/{user_id}`, `POST webhook newPet`).
    var operation = ""
    /// The compared operation's `x-stability-level` (its deprecation policy).
    var stability: Stability?
    /// Comparing a webhook: request and response directions swap (see `inbound`).
    var comparingWebhook = false
    /// What was not compared, located (callbacks), for the caller to print as warnings.
    var notes: [Diagnostic] = []
    var walk = WalkState()
    /// Schema views by id, per side: a shared schema is folded (refs, allOf) once per diff.
    var oldViews: [Int: SchemaView] = [:]
    var newViews: [Int: SchemaView] = [:]

    init(old: Document, new: Document, options: DiffOptions, today: String) {
        self.old = old
        self.new = new
        oldTable = SchemaTable(schemas: old.schemas)
        newTable = SchemaTable(schemas: new.schemas)
        self.options = options
        self.today = today
    }

    mutating func emit(_ id: RuleID, _ path: String, _ message: String, field: String = "", detail: String? = nil,
                       old: SourceLocation?, new: SourceLocation?) {
        let finding = Finding(kind: id, level: RuleCatalogue.level(id), operation: operation, path: path, message: message, field: field,
                              oldLocation: old, newLocation: new, detail: detail)
        if walk.building != nil { walk.building?.append(.finding(finding)) } else { findings.append(finding) }
    }

    /// The direction of what the operation's request carries: towards the API, except for webhooks, whose
    /// requests the API sends to its clients (so a webhook payload breaks receivers the way a response does).
    var inbound: Direction { comparingWebhook ? .response : .request }
    var outbound: Direction { comparingWebhook ? .request : .response }

    mutating func compareDocuments() {
        compareOperations()
        compareWebhooks()
        compareComponents()
        for (_, op) in old.operations + new.operations {
            for (name, callback) in op.callbacks {
                notes.append(Diagnostic(.warning, "callback '\(name)' of \(op.displayName) is not compared", at: callback.location))
            }
        }
    }
}

/// A document's schemas by id, with `$ref` resolution (as `Document` has them).
struct SchemaTable {
    let schemas: [Schema]

    subscript(id: SchemaID) -> Schema { schemas[id.index] }

    func resolved(_ id: SchemaID) -> SchemaID { Document.resolved(id, in: schemas) }

    /// Whether the schema (its `$ref`s followed) accepts anything: `true` or `{}`.
    func acceptsAnything(_ id: SchemaID) -> Bool {
        let s = self[resolved(id)]
        if let b = s.booleanValue { return b }
        return s.node.kind == .mapping && s.node.entries.count == 0
    }
}
