import Foundation

/// A page that opens a docs site in a frame, uses it as a reader would (reads the operations and schemas, types
/// into search, follows a deep link, opens a schema tree and an example) and writes what it saw as JSON into its
/// own DOM, which the test reads back from Chromium's `--dump-dom`.
enum BrowserHarness {
    struct Expectation: Encodable {
        var operations: [String]
        var schemas: [String]
        var searchTerm: String
        var searchAnchor: String
        var deepLink: String
    }

    struct Observation: Decodable {
        var missingOperations: [String]
        var missingSchemas: [String]
        var searchHits: [String]
        var deepLinkTop: Double?
        var scrollY: Double
        var maxScroll: Double
        var treesBuilt: Int
        var targetTrees: Int
        var targetTreesBuilt: Int
        var treeChildren: Int
        var hadNode: Bool
        var hadExample: Bool
        var exampleText: String?
        var injected: String?
        var scripts: [String]
        var dangerousLinks: [String]
        var handlers: [String]
        var error: String?
        var hash: String?
    }

    static func page(_ expectation: Expectation) throws -> String {
        let json = String(decoding: try JSONEncoder().encode(expectation), as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
        return """
        <!DOCTYPE html><html><body style="margin:0">
        <iframe id="docs" src="index.html" style="width:1280px;height:900px;border:0;display:block"></iframe>
        <pre id="result">pending</pre>
        <script>
        const expected = \(json);
        const result = document.getElementById("result");
        const frame = document.getElementById("docs");
        function finish(r) { result.textContent = JSON.stringify(r); }
        frame.addEventListener("load", () => {
          const w = frame.contentWindow, d = w.document;
          const r = { missingOperations: [], missingSchemas: [], searchHits: [], scrollY: 0, maxScroll: 0, treesBuilt: 0, targetTrees: 0, targetTreesBuilt: 0, treeChildren: 0, hadNode: false, hadExample: false,
                      scripts: [], dangerousLinks: [], handlers: [] };
          try {
            for (const id of expected.operations) if (!d.getElementById("operation/" + id)) r.missingOperations.push(id);
            for (const name of expected.schemas) if (!d.getElementById("schema/" + name)) r.missingSchemas.push(name);
            const input = d.getElementById("search");
            input.value = expected.searchTerm;
            input.dispatchEvent(new w.Event("input"));
            r.searchHits = Array.from(d.querySelectorAll("#search-results a")).map(a => a.getAttribute("href"));
            w.location.hash = "#" + expected.deepLink;
          } catch (e) { r.error = String(e); finish(r); return; }
          setTimeout(() => {
            try {
              const target = d.getElementById(expected.deepLink);
              r.deepLinkTop = target ? target.getBoundingClientRect().top : null;
              r.scrollY = w.scrollY;
              r.hash = w.location.hash;
              r.maxScroll = d.documentElement.scrollHeight - w.innerHeight;
              r.treesBuilt = d.querySelectorAll(".tree[data-built]").length;
              // Trees are built as they come into view: those of the operation inside the window must be there.
              const inView = target ? Array.from(target.querySelectorAll(".tree")).filter(t => t.getBoundingClientRect().top < w.innerHeight) : [];
              r.targetTrees = inView.length;
              r.targetTreesBuilt = inView.filter(t => t.dataset.built).length;
              const node = target && target.querySelector("details.node");
              if (node) { node.open = true; r.hadNode = true; }
              const example = target && target.querySelector("details.example");
              if (example) { example.open = true; r.hadExample = true; }
              setTimeout(() => {
                try {
                  r.treeChildren = node ? node.querySelectorAll(".children > *").length : 0;
                  r.exampleText = example && example.querySelector("pre") ? example.querySelector("pre").textContent : null;
                  r.injected = w.__charterInjected === undefined ? null : String(w.__charterInjected);
                  r.scripts = Array.from(d.scripts).map(s => s.getAttribute("src") || s.type || "inline");
                  r.dangerousLinks = Array.from(d.querySelectorAll("[href],[src]"))
                    .map(e => e.getAttribute("href") || e.getAttribute("src"))
                    .filter(u => /^\\s*(javascript|data|vbscript):/i.test(u));
                  r.handlers = Array.from(d.querySelectorAll("*")).flatMap(e => Array.from(e.attributes).map(a => a.name))
                    .filter(n => n.startsWith("on"));
                } catch (e) { r.error = String(e); }
                finish(r);
              }, 300);
            } catch (e) { r.error = String(e); finish(r); }
          }, 500);
        });
        </script></body></html>
        """
    }

    /// The observation the harness wrote into its `<pre id="result">`.
    static func observation(in dom: String) throws -> Observation {
        guard let start = dom.range(of: "<pre id=\"result\">"), let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex) else {
            throw HarnessError.noResult(String(dom.prefix(400)))
        }
        let text = String(dom[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        guard text != "pending" else { throw HarnessError.noResult("the harness never finished") }
        return try JSONDecoder().decode(Observation.self, from: Data(text.utf8))
    }

    enum HarnessError: Error { case noResult(String) }
}
