@testable import CharterDocs
import CharterSpec
import CharterTestSupport
import CharterValidation
import Foundation
import Testing

/// The sample specs' reference pages opened in headless Chromium and used as a reader would.
@Suite("Docs pages in a real browser")
struct DocsBrowserTests {
    static let samples: [String] = {
        let specs = TestPaths.packageRoot.appendingPathComponent("Specs")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: specs.path)) ?? []
        let single = files.filter { $0.hasSuffix(".yaml") }.map { "Specs/" + $0 }
        let trees = files.filter { FileManager.default.fileExists(atPath: specs.appendingPathComponent("\($0)/openapi.yaml").path) }
            .map { "Specs/\($0)/openapi.yaml" }
        return (single + trees).sorted()
    }()

    @Test(arguments: samples)
    func everyOperationAndSchemaIsThereAndThePageWorks(_ spec: String) throws {
        try open(spec, moduleName: "API")
    }

    @Test func aSpecWithScriptsInItsTextsRunsNoneOfThem() throws {
        // nil when this machine has no Chromium (the test then checks nothing).
        guard let observation = try open("Tests/Fixtures/Docs/hostile.yaml", moduleName: "Hostile") else { return }
        // The texts are on the page, as text.
        #expect(observation.searchHits.isEmpty == false)
    }

    /// Callbacks sit inside the operation that subscribes to them: found by their URL expression, and a link to
    /// one scrolls to it with its schema tree built.
    @Test func aCallbackIsFoundAndLinkedInsideItsOperation() throws {
        let seen = try open("Tests/Fixtures/Docs/callbacks.yaml", moduleName: "Subscriptions",
                            search: (term: "callbackUrl", anchor: "#callback/subscribe/onEvent/0/post"), deepLink: "callback/subscribe/onEvent/0/post")
        if let seen { #expect(seen.deepLinkTop != nil, "the callback's anchor is not on the page") }
    }

    /// Redoc's conventions in a browser: a link to a tag whose description holds `<SchemaDefinition>` scrolls to it
    /// with the schema's tree built, and the page's own checks (every operation, search, no console error) hold.
    @Test func aSchemaDefinitionInATagIsBuiltWhenLinked() throws {
        let seen = try open("Tests/Fixtures/Docs/redoc.yaml", moduleName: "Kennel", deepLink: "tag/pet_model")
        if let seen { #expect(seen.targetTrees == 1 && seen.targetTreesBuilt == 1, "\(seen.targetTreesBuilt) of \(seen.targetTrees)") }
    }

    @Test func theChangesPageOpensCleanly() throws {
        guard let chromium = HeadlessChromium.find() else { return }
        let diff = try runGenerate(["diff", "Specs/users-v1.yaml", "Specs/users-v2.yaml", "--format", "html"])
        #expect(diff.status == 1)
        let folder = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("changes.html")
        try diff.stdout.write(to: page, atomically: true, encoding: .utf8)
        let (dom, console) = try chromium.dumpDOM(page, budgetMilliseconds: 1_000)
        #expect(dom.contains("<h1>What changed</h1>") && dom.contains("5 breaking"))
        #expect(console.isEmpty, "\(console.prefix(3))")
    }

    @Test func stripesPageOpensAndSearches() throws {
        guard TestPaths.sharedIsPresent else { return }
        let stripe = TestPaths.shared.appendingPathComponent("corpus/stripe/spec3.v524.yaml").path
        guard FileManager.default.fileExists(atPath: stripe) else { return }
        try open(stripe, moduleName: "Stripe", budget: 15_000)
    }

    /// Every corpus spec's page, opened and used like the samples' (about 2 s each): run with
    /// `CHARTER_DOCS_CORPUS=1 swift test --filter everyCorpusPageWorks` (`CHARTER_DOCS_CORPUS=stripe` for the files whose
    /// path contains `stripe`); off otherwise, as CI has its own budget.
    @Test func everyCorpusPageWorks() throws {
        guard let filter = ProcessInfo.processInfo.environment["CHARTER_DOCS_CORPUS"], TestPaths.sharedIsPresent else { return }
        let manifest = try String(contentsOf: TestPaths.shared.appendingPathComponent("corpus/manifest.jsonl"), encoding: .utf8)
        for line in manifest.split(separator: "\n") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let file = object["file"] as? String, filter == "1" || file.contains(filter) else { continue }
            let path = TestPaths.shared.appendingPathComponent("corpus/" + file).path
            guard let loaded = try? SpecValidator.load(path: path), !loaded.document.operations.isEmpty else { continue }
            try open(path, moduleName: "API", budget: 15_000)
        }
    }

    /// Builds the site of `spec`, opens it through the harness and checks what a reader relies on.
    @discardableResult
    /// - Parameters:
    ///   - search: a term and the anchor it must find (by default an operation's id and its own anchor).
    ///   - deepLink: the anchor followed (by default the last operation with a body).
    func open(_ spec: String, moduleName: String, budget: Int = 5_000, search: (term: String, anchor: String)? = nil,
              deepLink: String? = nil) throws -> BrowserHarness.Observation? {
        guard let chromium = HeadlessChromium.find() else {
            print("skipped: no chromium on PATH (Debian: apt-get install chromium; .ci/run installs it)")
            return nil
        }
        let path = spec.hasPrefix("/") ? spec : TestPaths.packageRoot.appendingPathComponent(spec).path
        let validator = try SpecValidator.load(path: path)
        let document = validator.document
        let folder = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try DocsSite(validator: validator, moduleName: moduleName).write(to: folder)

        let operations = document.operations.map(\.operation)
        // The last operation with a body, so the deep link also shows a schema tree being built.
        let deep = try #require(operations.last { op in
            op.requestBody?.content.contains { $0.schema != nil } == true || op.responses.contains { $0.content.contains { $0.schema != nil } }
        } ?? operations.last)
        let searched = operations[operations.count / 2]
        let expectation = BrowserHarness.Expectation(
            operations: operations.map(\.operationId), schemas: document.components.schemas.map(\.name),
            searchTerm: search?.term ?? searched.operationId, searchAnchor: search?.anchor ?? "#operation/" + searched.operationId,
            deepLink: deepLink ?? "operation/" + deep.operationId)
        let harness = folder.appendingPathComponent("harness.html")
        try BrowserHarness.page(expectation).write(to: harness, atomically: true, encoding: .utf8)

        let (dom, console) = try chromium.dumpDOM(harness, budgetMilliseconds: budget)
        let seen = try BrowserHarness.observation(in: dom)
        #expect(seen.error == nil, "\(spec): \(seen.error ?? "")")
        #expect(seen.missingOperations.isEmpty, "\(spec): operations not on the page: \(seen.missingOperations.prefix(5))")
        #expect(seen.missingSchemas.isEmpty, "\(spec): schemas not on the page: \(seen.missingSchemas.prefix(5))")
        #expect(seen.searchHits.contains(expectation.searchAnchor), "\(spec): search for \(expectation.searchTerm) found \(seen.searchHits.prefix(5))")
        #expect(seen.deepLinkTop.map { $0 >= -1 && $0 < 120 } == true || seen.scrollY >= seen.maxScroll - 1,
                "\(spec): after #\(expectation.deepLink) the operation is at \(String(describing: seen.deepLinkTop)) (scrollY \(seen.scrollY) of \(seen.maxScroll))")
        #expect(seen.scrollY > 0 || seen.maxScroll <= 0, "\(spec): the deep link did not scroll")
        #expect(seen.targetTreesBuilt == seen.targetTrees, "\(spec): \(seen.targetTreesBuilt) of the operation's \(seen.targetTrees) schema trees in view were built")
        if deepLink != nil || deep.requestBody?.content.contains(where: { $0.schema != nil }) == true
            || deep.responses.contains(where: { $0.content.contains { $0.schema != nil } }) {
            #expect(seen.treesBuilt > 0, "\(spec): no schema tree was built (at \(seen.hash ?? ""))")
        }
        if seen.hadNode { #expect(seen.treeChildren > 0, "\(spec): opening a schema node showed nothing") }
        if seen.hadExample { #expect(seen.exampleText?.isEmpty == false, "\(spec): opening an example showed nothing") }
        #expect(console.isEmpty, "\(spec): console: \(console.prefix(5))")
        #expect(seen.injected == nil, "\(spec): a script from the spec ran (\(seen.injected ?? ""))")
        #expect(seen.scripts == ["charter-docs.js", "application/json"], "\(spec): scripts on the page: \(seen.scripts)")
        #expect(seen.dangerousLinks.isEmpty, "\(spec): \(seen.dangerousLinks)")
        #expect(seen.handlers.isEmpty, "\(spec): event-handler attributes \(seen.handlers)")
        return seen
    }
}
