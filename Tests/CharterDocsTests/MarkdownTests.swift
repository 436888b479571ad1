@testable import CharterDocs
import Testing

@Suite("Markdown in descriptions")
struct MarkdownTests {
    @Test func commonBlocksRender() {
        let html = Markdown.html("""
        # Title

        A *first* paragraph with **bold**, `code` and a [link](https://example.com "Example").

        - one
        - two
          - nested
        1. first
        2. second

        > quoted

        ```
        let x = 1 < 2
        ```

        | a | b |
        |---|---|
        | 1 | 2 |
        """)
        #expect(html.contains("<h4>Title</h4>"))
        #expect(html.contains("<em>first</em>"))
        #expect(html.contains("<strong>bold</strong>"))
        #expect(html.contains("<code>code</code>"))
        #expect(html.contains("<a href=\"https://example.com\" title=\"Example\" rel=\"noopener noreferrer\">link</a>"))
        #expect(html.contains("<ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul>"))
        #expect(html.contains("<ol><li>first</li><li>second</li></ol>"))
        #expect(html.contains("<blockquote><p>quoted</p></blockquote>"))
        #expect(html.contains("<pre><code>let x = 1 &lt; 2</code></pre>"))
        #expect(html.contains("<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>"))
    }

    @Test func scriptsHandlersAndDangerousLinksStayText() {
        let cases = [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<p onclick=\"alert(1)\">x</p>",
            "<svg onload=alert(1)>",
            "<style>body{display:none}</style>",
        ]
        for source in cases {
            let html = Markdown.html(source)
            #expect(!html.contains("<script"), "\(source) → \(html)")
            #expect(!html.contains("<img"), "\(source) → \(html)")
            #expect(!html.contains("<iframe"), "\(source) → \(html)")
            #expect(!html.contains("<svg"), "\(source) → \(html)")
            #expect(!html.contains("<style"), "\(source) → \(html)")
            #expect(!html.lowercased().contains("onclick="), "\(source) → \(html)")
        }
        // The allowed element keeps no attribute but a checked href.
        #expect(Markdown.html("<p onclick=\"alert(1)\">x</p>") == "<p>x</p>")
        for link in ["[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](data:text/html,<script>alert(1)</script>)",
                     "<a href=\"javascript:alert(1)\">x</a>", "<a href=\"jav&#x61;script:alert(1)\">x</a>",
                     "<a href=\"java\tscript:alert(1)\">x</a>", "[x](vbscript:msgbox)"] {
            let html = Markdown.html(link)
            #expect(!html.lowercased().contains("href=\"javascript") && !html.contains("href=\"data:") && !html.contains("href=\"vbscript")
                    && !html.contains("href=\"jav"), "\(link) → \(html)")
        }
        #expect(Markdown.html("<a href=\"/docs/api\">docs</a>") == "<p><a href=\"/docs/api\" rel=\"noopener noreferrer\">docs</a></p>")
    }

    @Test func vendorHTMLAndEntitiesSurvive() {
        #expect(Markdown.html("<p>Use <code>limit</code> &amp; <strong>offset</strong>.</p>") == "<p>Use <code>limit</code> &amp; <strong>offset</strong>.</p>")
        #expect(Markdown.html("a < b && c > d") == "<p>a &lt; b &amp;&amp; c &gt; d</p>")
        #expect(Markdown.html("5 * 3 = 15") == "<p>5 * 3 = 15</p>")
        #expect(Markdown.html("snake_case_name") == "<p>snake_case_name</p>")
        #expect(Markdown.html("see <https://example.com/x>") == "<p>see <a href=\"https://example.com/x\" rel=\"noopener noreferrer\">https://example.com/x</a></p>")
        // A comment is not shown, even one holding tags (Redoc's `ReDoc-Inject: <security-definitions>`); an
        // unterminated one is text.
        #expect(Markdown.html("Keys. <!-- inject: <security-definitions> --> Then errors.") == "<p>Keys.  Then errors.</p>")
        #expect(Markdown.html("a <!-- b") == "<p>a &lt;!-- b</p>")
    }

    @Test func referenceLinksUseTheirDefinitions() {
        let html = Markdown.html("See [the guide][1] and [Box][].\n\n[1]: https://example.com/guide \"Guide\"\n[box]: https://box.com")
        #expect(html == "<p>See <a href=\"https://example.com/guide\" title=\"Guide\" rel=\"noopener noreferrer\">the guide</a> and <a href=\"https://box.com\" rel=\"noopener noreferrer\">Box</a>.</p>", "\(html)")
        #expect(Markdown.html("[x][missing]") == "<p>[x][missing]</p>")
        #expect(!Markdown.html("[x][1]\n\n[1]: javascript:alert(1)").contains("href"))
    }

    @Test func deepNestingIsBounded() {
        let quoted = String(repeating: "> ", count: 5_000) + "deep"
        let html = Markdown.html(quoted)
        #expect(html.contains("deep"))
        let lists = (0..<200).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n")
        #expect(Markdown.html(lists).contains("item"))
    }
}
