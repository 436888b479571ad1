extension DocsAssets {
    /// The page's behaviour: schema trees and examples built when first shown (a large spec's page stays small
    /// and opens fast), search over operations and schemas, deep links, the theme switch and the phone menu.
    /// Everything it writes from the spec goes through `textContent`, except descriptions, which the generator
    /// rendered and escaped already.
    static let script = #"""
"use strict";
(function () {
  const dataElement = document.getElementById("charter-data");
  const data = dataElement ? JSON.parse(dataElement.textContent) : { schemas: {}, examples: [], search: [] };
  const S = data.schemas;
  const componentNames = new Set(data.search.filter(e => e[0] === "schema").map(e => e[1]));

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // Follows $ref wrappers to the schema that holds keywords (bounded, as the spec may loop).
  function target(i) {
    let e = S[i];
    for (let n = 0; e && e.r !== undefined && n < 32; n++) { i = e.r; e = S[i]; }
    return i;
  }
  function structured(i) {
    const e = S[target(i)];
    return !!e && !!(e.p || e.it || e.all || e.one || e.any || e.ap !== undefined || e.px || e.not !== undefined || e.pp || e.rq);
  }

  function chips(into, e) {
    for (const c of e.c || []) into.appendChild(el("span", "constraint", c));
  }

  function row(label, i, required, depth, kind) {
    const e = S[i] || { t: "any" };
    const line = el("span", "row");
    line.appendChild(el("code", kind || "pname", label));
    const type = el("span", "type", e.t);
    line.appendChild(type);
    if (required) line.appendChild(el("span", "required", "required"));
    chips(line, e);
    if (e.rn && componentNames.has(e.rn)) {
      const link = el("a", "schema-link", "→ " + e.rn);
      link.href = "#schema/" + encodeURIComponent(e.rn).replace(/%2F/g, "/");
      line.appendChild(link);
    }
    const t = S[target(i)];
    const described = e.d || (t && t !== e && t.d);
    if (!structured(i)) {
      const div = el("div", "node leaf");
      div.appendChild(line);
      if (described) { const d = el("div", "desc"); d.innerHTML = described; div.appendChild(d); }
      return div;
    }
    const details = el("details", "node");
    const summary = el("summary");
    summary.appendChild(line);
    details.appendChild(summary);
    if (e.d) { const d = el("div", "desc"); d.innerHTML = e.d; details.appendChild(d); }
    let built = false;
    details.addEventListener("toggle", () => {
      if (built || !details.open) return;
      built = true;
      const body = el("div", "children");
      render(target(i), body, depth + 1, true);
      details.appendChild(body);
    });
    return details;
  }

  function render(i, into, depth, nested) {
    const e = S[i];
    if (!e) return;
    if (depth > 64) { into.appendChild(el("div", "node", "…")); return; }
    if (!nested) {
      if (e.d) { const d = el("div", "desc"); d.innerHTML = e.d; into.appendChild(d); }
      if (e.c) { const c = el("div", "chips"); chips(c, e); into.appendChild(c); }
    } else if (e.c && (e.p || e.it)) {
      const c = el("div", "chips"); chips(c, e); into.appendChild(c);
    }
    if (e.r !== undefined) {
      if (!nested && e.rn && componentNames.has(e.rn)) {
        const link = el("a", "schema-link", "→ " + e.rn);
        link.href = "#schema/" + encodeURIComponent(e.rn).replace(/%2F/g, "/");
        into.appendChild(link);
      }
      render(target(i), into, depth + 1, nested);
      return;
    }
    if (e.disc) {
      const d = el("div", "disc");
      d.appendChild(el("span", "label", "Discriminator: "));
      d.appendChild(el("code", null, e.disc[0]));
      for (const [value, idx] of e.disc[1]) {
        d.appendChild(el("span", "constraint", value + " → " + (idx === null ? "?" : (S[idx] && (S[idx].rn || S[idx].t)) || "")));
      }
      into.appendChild(d);
    }
    for (const [name, idx, req] of e.p || []) into.appendChild(row(name, idx, req, depth));
    for (const name of e.rq || []) into.appendChild(el("div", "node leaf note", name + " is required"));
    if (e.pp) for (const [pattern, idx] of e.pp) into.appendChild(row("/" + pattern + "/", idx, false, depth, "pname pattern"));
    if (e.ap !== undefined) into.appendChild(row("other properties", e.ap, false, depth, "pname extra"));
    if (e.px) e.px.forEach((idx, n) => into.appendChild(row("[" + n + "]", idx, false, depth, "pname index")));
    if (e.it !== undefined) into.appendChild(row("items", e.it, false, depth, "pname index"));
    for (const [key, title] of [["all", "All of"], ["one", "Exactly one of"], ["any", "Any of"]]) {
      if (!e[key]) continue;
      const group = el("div", "composition");
      group.appendChild(el("div", "label", title));
      e[key].forEach((idx, n) => {
        const member = S[idx] || {};
        group.appendChild(row(member.rn || member.ti || "option " + (n + 1), idx, false, depth, "pname option"));
      });
      into.appendChild(group);
    }
    if (e.not !== undefined) into.appendChild(row("not", e.not, false, depth, "pname option"));
    if (e.ex) {
      const ex = el("details", "example");
      ex.appendChild(el("summary", null, "Example"));
      ex.appendChild(el("pre")).appendChild(el("code", null, e.ex));
      into.appendChild(ex);
    }
  }

  // A tree shows its schema's first level at once; deeper levels are built when opened.
  function mount(tree) {
    if (tree.dataset.built) return;
    tree.dataset.built = "1";
    const i = Number(tree.dataset.schema);
    if (structured(i) || tree.dataset.open) render(i, tree, 0, false);
    else tree.appendChild(row(S[i] && S[i].rn ? S[i].rn : "value", i, false, 0, "pname root"));
  }
  const trees = document.querySelectorAll(".tree[data-schema]");
  // What the first screen shows is built before the observer's first report.
  for (const t of trees) { if (t.getBoundingClientRect().top > innerHeight + 600) break; mount(t); }
  if ("IntersectionObserver" in window) {
    const seen = new IntersectionObserver(entries => {
      for (const entry of entries) if (entry.isIntersecting) { mount(entry.target); seen.unobserve(entry.target); }
    }, { rootMargin: "600px 0px" });
    trees.forEach(t => seen.observe(t));
  } else {
    trees.forEach(mount);
  }

  document.querySelectorAll("details.example[data-example]").forEach(details => {
    details.addEventListener("toggle", () => {
      if (!details.open || details.dataset.built) return;
      details.dataset.built = "1";
      details.appendChild(el("pre")).appendChild(el("code", null, data.examples[Number(details.dataset.example)] || ""));
    });
  });

  // Search: every term must occur in the entry (method, path, summary, operationId or schema name).
  const input = document.getElementById("search");
  const results = document.getElementById("search-results");
  const haystacks = data.search.map(e => e.join(" ").toLowerCase());
  function search() {
    const terms = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    results.textContent = "";
    if (!terms.length) { results.hidden = true; return; }
    let shown = 0;
    for (let n = 0; n < data.search.length && shown < 50; n++) {
      if (!terms.every(t => haystacks[n].includes(t))) continue;
      const e = data.search[n];
      const a = el("a", "result");
      a.href = "#" + e[2];
      if (e[0] === "schema") {
        a.appendChild(el("span", "kind", "schema"));
        a.appendChild(el("span", "what", e[1]));
      } else {
        a.appendChild(el("span", "method " + e[0].toLowerCase(), e[0]));
        a.appendChild(el("span", "what", e[1]));
        if (e[3]) a.appendChild(el("span", "summary", e[3]));
      }
      results.appendChild(a);
      shown++;
    }
    if (!shown) results.appendChild(el("div", "empty", "Nothing matches."));
    results.hidden = false;
  }
  if (input) {
    input.addEventListener("input", search);
    input.addEventListener("keydown", event => {
      if (event.key === "Escape") { input.value = ""; search(); }
      if (event.key === "Enter") { const first = results.querySelector("a"); if (first) { location.hash = first.getAttribute("href"); } }
    });
    results.addEventListener("click", () => { results.hidden = true; });
    document.addEventListener("keydown", event => {
      if (event.key === "/" && document.activeElement !== input) { event.preventDefault(); input.focus(); }
    });
  }

  // Deep links: #operation/<id>, #schema/<name>, #tag/<name>.
  function reveal() {
    const id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    const target = document.getElementById(id);
    if (!target) return;
    for (let p = target.parentElement; p; p = p.parentElement) if (p.tagName === "DETAILS") p.open = true;
    // The linked section's trees are built now, not when the observer next reports, so it is complete when shown.
    target.querySelectorAll(".tree[data-schema]").forEach(mount);
    target.scrollIntoView({ block: "start" });
    document.querySelectorAll(".sidebar a.current").forEach(a => a.classList.remove("current"));
    const link = document.querySelector('.sidebar a[href="#' + CSS.escape(id) + '"]');
    if (link) link.classList.add("current");
    document.body.classList.remove("menu-open");
  }
  window.addEventListener("hashchange", reveal);
  reveal();

  // Theme: the system's unless the reader chose (kept when storage is available; file:// may refuse it).
  const root = document.documentElement;
  try { const saved = localStorage.getItem("charter-docs-theme"); if (saved) root.dataset.theme = saved; } catch (e) { /* no storage */ }
  const themeButton = document.getElementById("theme");
  if (themeButton) themeButton.addEventListener("click", () => {
    const dark = root.dataset.theme ? root.dataset.theme === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
    root.dataset.theme = dark ? "light" : "dark";
    try { localStorage.setItem("charter-docs-theme", root.dataset.theme); } catch (e) { /* no storage */ }
  });
  const menu = document.querySelector(".topbar .menu");
  if (menu) menu.addEventListener("click", () => document.body.classList.toggle("menu-open"));
})();
"""#
}
