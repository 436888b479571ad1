/// The files a docs site ships beside `index.html`, kept in the binary so `generate docs` needs nothing else.
enum DocsAssets {
    /// Light and dark themes (the system's by default, `data-theme` when the reader picks one), a sidebar that
    /// becomes a menu on a phone's width, and the look of operations, parameters and schema trees.
    static let style = #"""
:root {
  --bg: #ffffff; --fg: #1d2330; --muted: #5b6577; --line: #e2e6ee; --panel: #f6f8fb; --accent: #2458d6;
  --code-bg: #f1f3f7; --get: #1f7a4a; --post: #2458d6; --put: #9a5b00; --patch: #7a3fb8; --delete: #b42318; --other: #4b5565;
  --warn-bg: #fff4e5; --warn-fg: #8a4b00; --ok: #1f7a4a; --err: #b42318;
  color-scheme: light;
}
@media (prefers-color-scheme: dark) {
  :root:not([data-theme="light"]) {
    --bg: #12151c; --fg: #e3e7ef; --muted: #9aa4b5; --line: #2a303c; --panel: #181c25; --accent: #7aa2ff;
    --code-bg: #1e232e; --get: #4cc38a; --post: #7aa2ff; --put: #f0b35a; --patch: #c39bff; --delete: #ff7b72; --other: #aab4c4;
    --warn-bg: #3a2a10; --warn-fg: #f0c27a; --ok: #4cc38a; --err: #ff7b72;
    color-scheme: dark;
  }
}
:root[data-theme="dark"] {
  --bg: #12151c; --fg: #e3e7ef; --muted: #9aa4b5; --line: #2a303c; --panel: #181c25; --accent: #7aa2ff;
  --code-bg: #1e232e; --get: #4cc38a; --post: #7aa2ff; --put: #f0b35a; --patch: #c39bff; --delete: #ff7b72; --other: #aab4c4;
  --warn-bg: #3a2a10; --warn-fg: #f0c27a; --ok: #4cc38a; --err: #ff7b72;
  color-scheme: dark;
}
* { box-sizing: border-box; }
html { scroll-padding-top: 64px; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
a { color: var(--accent); }
code, pre { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: 0.9em; }
code { background: var(--code-bg); padding: 0.05em 0.3em; border-radius: 4px; }
pre { background: var(--code-bg); padding: 0.8em 1em; border-radius: 6px; overflow-x: auto; }
pre code { background: none; padding: 0; }
.topbar { position: sticky; top: 0; z-index: 10; display: flex; gap: 12px; align-items: center; height: 56px; padding: 0 16px;
  background: var(--bg); border-bottom: 1px solid var(--line); }
.topbar .brand { font-weight: 650; color: var(--fg); text-decoration: none; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.version { margin-left: 8px; font-size: 0.75em; font-weight: 500; color: var(--muted); border: 1px solid var(--line); border-radius: 10px; padding: 1px 8px; }
#search { flex: 1; max-width: 420px; margin-left: auto; padding: 7px 10px; border: 1px solid var(--line); border-radius: 6px;
  background: var(--panel); color: var(--fg); font: inherit; }
.topbar button { background: none; border: 1px solid var(--line); color: var(--fg); border-radius: 6px; padding: 5px 9px; cursor: pointer; font: inherit; }
.topbar .menu { display: none; }
#search-results { position: fixed; z-index: 20; top: 52px; right: 16px; width: min(560px, calc(100vw - 32px)); max-height: 70vh; overflow-y: auto;
  background: var(--bg); border: 1px solid var(--line); border-radius: 8px; box-shadow: 0 8px 30px rgba(0,0,0,.18); }
#search-results a { display: flex; gap: 8px; align-items: baseline; padding: 7px 12px; color: var(--fg); text-decoration: none; border-bottom: 1px solid var(--line); }
#search-results a:hover { background: var(--panel); }
#search-results .summary, #search-results .kind { color: var(--muted); font-size: 0.9em; }
#search-results .what { font-family: ui-monospace, Menlo, monospace; font-size: 0.9em; }
#search-results .empty { padding: 10px 12px; color: var(--muted); }
.layout { display: grid; grid-template-columns: 290px minmax(0, 1fr); }
.sidebar { position: sticky; top: 56px; height: calc(100vh - 56px); overflow-y: auto; padding: 12px 10px 40px; border-right: 1px solid var(--line); background: var(--panel); font-size: 0.9em; }
.sidebar ul { list-style: none; margin: 0 0 10px; padding: 0; }
.sidebar a { display: block; padding: 3px 8px; border-radius: 5px; color: var(--fg); text-decoration: none; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.sidebar a:hover, .sidebar a.current { background: var(--code-bg); }
.sidebar a.deprecated { text-decoration: line-through; color: var(--muted); }
.sidebar .nav-tag { font-weight: 650; margin-top: 6px; }
.sidebar .nav-top { font-weight: 650; }
.sidebar .nav-heading { margin: 16px 8px 2px; font-size: 0.78em; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; color: var(--muted); }
.nav-group.depth-1 { margin-left: 12px; } .nav-group.depth-2 { margin-left: 24px; } .nav-group.depth-3 { margin-left: 36px; }
.method { display: inline-block; min-width: 3.6em; margin-right: 6px; font: 700 0.72em/1.6 ui-monospace, Menlo, monospace; text-align: center;
  border-radius: 4px; color: #fff; background: var(--other); padding: 0 4px; }
.method.get { background: var(--get); } .method.post { background: var(--post); } .method.put { background: var(--put); }
.method.patch { background: var(--patch); } .method.delete { background: var(--delete); }
main { padding: 8px 32px 80px; max-width: 1100px; }
section.tag, section.schemas { border-top: 1px solid var(--line); margin-top: 24px; }
h1 { font-size: 1.9em; margin: 0.6em 0 0.3em; }
h2 { font-size: 1.45em; margin: 1em 0 0.4em; }
.lead { font-size: 1.1em; color: var(--muted); }
article.operation, article.schema { padding: 14px 0 18px; border-bottom: 1px solid var(--line); }
/* Off-screen sections are not laid out or painted until scrolled near: Stripe's page has ~1,800 of them. */
article.operation, article.schema { content-visibility: auto; contain-intrinsic-size: auto 700px; }
article h3 { font-size: 1.2em; margin: 0.2em 0 0.4em; }
/* A callback is an operation inside the one that subscribes to it: set in, the last without a rule below. */
section.callbacks { margin-top: 18px; }
section.callbacks > article.operation { margin-left: 4px; padding-left: 16px; border-left: 3px solid var(--line); }
section.callbacks > article.operation:last-child { border-bottom: 0; }
article h3 .anchor { color: var(--fg); text-decoration: none; }
article h3 .anchor:hover { text-decoration: underline; }
article.schema h3 .type { margin-left: 10px; font-size: 0.75em; color: var(--muted); font-weight: 500; }
.endpoint { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-bottom: 8px; }
.endpoint .path { font-size: 0.95em; word-break: break-all; }
.endpoint .operation-id { color: var(--muted); font-size: 0.8em; margin-left: auto; font-family: ui-monospace, Menlo, monospace; }
.badge { margin-left: 8px; font-size: 0.7em; font-weight: 600; padding: 1px 7px; border-radius: 10px; vertical-align: middle; }
.badge.deprecated { background: var(--warn-bg); color: var(--warn-fg); }
.notice.deprecated { background: var(--warn-bg); color: var(--warn-fg); padding: 8px 12px; border-radius: 6px; }
.is-deprecated > h3 .anchor { text-decoration: line-through; }
.security { font-size: 0.92em; color: var(--muted); }
h4 { margin: 1.1em 0 0.4em; font-size: 1em; }
h4 .required, h4 .optional { margin-left: 8px; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { color: var(--muted); font-weight: 600; }
td p { margin: 0 0 0.4em; }
.required { color: var(--err); font-size: 0.75em; margin-left: 6px; font-weight: 600; }
.optional { color: var(--muted); font-size: 0.75em; font-weight: 600; }
.type { color: var(--accent); font-family: ui-monospace, Menlo, monospace; font-size: 0.88em; margin-right: 4px; }
.constraint { display: inline-block; margin: 1px 3px; padding: 0 6px; font-size: 0.78em; border: 1px solid var(--line); border-radius: 10px; color: var(--muted); word-break: break-all; }
.response { margin: 8px 0; padding: 8px 12px; border-left: 3px solid var(--line); background: var(--panel); border-radius: 0 6px 6px 0; }
.response.s2 { border-left-color: var(--ok); } .response.s4, .response.s5 { border-left-color: var(--err); }
.status .code { font-weight: 700; font-family: ui-monospace, Menlo, monospace; margin-right: 8px; }
.media { margin: 8px 0; }
.media-type { display: flex; gap: 8px; align-items: center; }
.tree { margin: 6px 0; font-size: 0.92em; }
.node { margin: 2px 0 2px 0; }
.node > summary { cursor: pointer; list-style-position: outside; }
.children { margin-left: 10px; padding-left: 12px; border-left: 1px dashed var(--line); }
.node.leaf { padding-left: 1.1em; }
.row .pname { font-weight: 600; margin-right: 6px; }
.row .pname.extra, .row .pname.index, .row .pname.option, .row .pname.root { font-style: italic; font-weight: 500; }
.schema-link { margin-left: 6px; font-size: 0.85em; }
.desc { color: var(--muted); margin: 0 0 4px 1.1em; font-size: 0.95em; }
.desc p { margin: 0.2em 0; }
.composition > .label, .disc .label { color: var(--muted); font-size: 0.85em; font-weight: 600; margin-top: 4px; }
.chips { margin: 2px 0 6px; }
details.example > summary { cursor: pointer; color: var(--accent); font-size: 0.9em; }
.samples { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 12px; margin-top: 12px; }
.sample-title { font-size: 0.8em; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
.sample pre { margin: 4px 0 0; font-size: 0.85em; }
.md blockquote { border-left: 3px solid var(--line); margin: 0.5em 0; padding: 0 1em; color: var(--muted); }
.md table { margin: 0.5em 0; }
dl.schemes dt { margin-top: 8px; }
dl.schemes dd { margin-left: 16px; color: var(--muted); }
@media (max-width: 820px) {
  .layout { grid-template-columns: minmax(0, 1fr); }
  .sidebar { display: none; position: fixed; inset: 56px 0 0 0; z-index: 15; height: auto; }
  body.menu-open .sidebar { display: block; }
  .topbar .menu { display: inline-block; }
  main { padding: 8px 14px 60px; }
  .samples { grid-template-columns: minmax(0, 1fr); }
  .endpoint .operation-id { margin-left: 0; }
  #search { max-width: none; min-width: 0; }
  .topbar .brand .version { display: none; }
}
"""#
}
