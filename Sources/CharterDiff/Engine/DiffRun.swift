import CharterSpec
import Foundation

/// One comparison: both documents, the operation being compared, the findings so far, and the bookkeeping
/// the schema walk shares between operations (see `SchemaWalk.swift`).
struct DiffRun {
    let old: Document
    let new: Document
    let options: DiffOptions
    let today: String
    var findings: [Finding] = []
    /// The operation findings belong to (`GET /users/{user_id}`, `POST webhook newPet`).
    var operation = ""
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
        self.options = options
        self.today = today
    }

    mutating func emit(_ id: RuleID, _ path: String, _ message: String, field: String = "", detail: String? = nil,
                       old: SourceLocation?, new: SourceLocation?) {
        findings.append(Finding(kind: id, level: RuleCatalogue.level(id), operation: operation, path: path, message: message, field: field,
                                oldLocation: old, newLocation: new, detail: detail))
        walk.chains.append(walk.stackKeys)
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
