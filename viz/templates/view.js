"use strict";
// clusterkg network view. Every string that comes from a report is put on the page with
// textContent (or as a vis-network plain-text label or tooltip), never as HTML.
async function loadData() {
  // the data is JSON, deflated and base64-encoded by clusterkg.viz.html.pack
  const text = document.getElementById("clusterkg-data").textContent.trim();
  const bytes = Uint8Array.from(atob(text), c => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
  return JSON.parse(await new Response(stream).text());
}

function main(DATA) {
  const marks = {data: performance.now()};
  const S = DATA.strings;
  const NODES = DATA.nodes;            // NODES[id].id === id
  // edges arrive as [from, to, [relation index…], [facts per relation…]]
  DATA.edges = DATA.edges.map(([from, to, rels, prov], id) => ({id, from, to, rels: rels.map(i => DATA.rels[i]), prov}));
  const CO = "mentionedWith";
  const UI = {
    zh: {lang: "EN", all: "全部集群", comention: "同句提及", matches: n => n + " 个结果", none: "无结果",
         shown: (a, b) => "显示 " + a + " / " + b + " 个实体", hint: "点击节点，查看它的每条事实及来源句子。",
         facts: "事实", figures: "数据", scores: "网络指标", aliases: "别名", reference: "参考数据",
         unconfirmed: "（未核实）", more: n => "另有 " + n + " 句同时提及", noFacts: "暂无关系。",
         cols: ["指标", "数值", "单位", "期间", "来源"], target: "（目标）", mentions: "报道提及次数",
         score: ["度数", "介数中心性", "PageRank", "社区", "连接集群数"], tier: "层级",
         empty: "图中还没有实体:先用 clusterkg build 载入报道。"},
    en: {lang: "中文", all: "all clusters", comention: "named together", matches: n => n + (n === 1 ? " match" : " matches"),
         none: "no match", shown: (a, b) => "showing " + a + " of " + b + " entities",
         hint: "Click a node to see every fact about it and the sentence it came from.",
         facts: "facts", figures: "figures", scores: "network measures", aliases: "aliases",
         reference: "reference data", unconfirmed: " (unconfirmed)", more: n => n + " more sentences name both",
         noFacts: "No relations.", cols: ["indicator", "value", "unit", "period", "source"], target: " (target)",
         mentions: "mentions in reports", score: ["degree", "betweenness", "PageRank", "community", "clusters bridged"],
         tier: "tier", empty: "No entities yet: load reports with clusterkg build first."},
  };
  let lang = "zh";
  // a large graph starts without its co-mention edges (most of its edges, and the weakest)
  const state = {hidden: new Set(), focus: null, focusSet: null, current: null,
                 comention: DATA.edges.length <= 3000};

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  const t = () => UI[lang];
  const name = n => (lang === "en" && n.en) ? n.en : n.zh;
  const category = g => { const st = DATA.legend[g]; return st ? (lang === "en" ? st.en : st.zh) : g; };
  const tierName = n => (lang === "en" && n.tierEn) ? n.tierEn : n.tier;
  const relName = r => { const l = DATA.relations[r]; return l ? ((lang === "en" ? l[1] : l[0]) || r) : r; };
  const nodeLabel = n => name(n) + (n.tier ? "\n〔" + tierName(n) + "〕" : "");
  const nodeTitle = n => name(n) + "\n" + category(n.group) + (n.tier ? " · " + tierName(n) : "");
  const edgeLabel = e => e.rels.map(relName).join(" / ");
  const onlyCoMention = e => e.rels.every(r => r === CO);

  // edges touching each node, and neighbours (for focus)
  const touching = NODES.map(() => []);
  for (const e of DATA.edges) { touching[e.from].push(e); if (e.to !== e.from) touching[e.to].push(e); }

  const groups = {};
  for (const [k, st] of Object.entries(DATA.legend)) {
    groups[k] = {shape: st.shape, color: {background: st.color, border: st.color,
                 highlight: {background: st.color, border: "#111"}, hover: {background: st.color, border: "#111"}}};
  }
  const nodes = new vis.DataSet(NODES.map(n => {
    const v = {id: n.id, group: n.group, size: n.size, label: nodeLabel(n), title: nodeTitle(n), x: n.x, y: n.y};
    if (n.tk && DATA.tiers[n.tk]) {
      const c = DATA.tiers[n.tk].color;
      v.color = {background: c, border: c, highlight: {background: c, border: "#111"}};
    }
    return v;
  }));
  // on a large graph only the edges of the selected node or focused cluster carry labels:
  // thousands of labels are unreadable and take seconds to draw
  const labelAll = DATA.edges.length <= 1500;
  let labelled = [];
  const edges = new vis.DataSet(DATA.edges.map(e => ({
    id: e.id, from: e.from, to: e.to, label: labelAll ? edgeLabel(e) : undefined, arrows: "to", dashes: onlyCoMention(e),
    color: onlyCoMention(e) ? {color: "#c8c8c8", highlight: "#777"} : {color: "#8a9bb0", highlight: "#223"}})));
  const nodeView = new vis.DataView(nodes, {filter: n => visible(n.id)});
  const edgeView = new vis.DataView(edges, {filter: e => state.comention || !onlyCoMention(DATA.edges[e.id])});

  function visible(id) {
    return !state.hidden.has(NODES[id].group) && (state.focusSet === null || state.focusSet.has(id));
  }

  // positions come computed (clusterkg.viz.layout); physics relaxes them for a number of steps
  // that shrinks with the size of the graph, then stops for good
  const big = NODES.length > 300;
  const steps = Math.max(4, Math.min(200, Math.round(10000 / Math.max(NODES.length, 1))));
  const options = {
    layout: {randomSeed: 7, improvedLayout: false},
    physics: {solver: "forceAtlas2Based",
              forceAtlas2Based: {gravitationalConstant: -50, centralGravity: 0.005, springLength: 80,
                                 springConstant: 0.05, damping: 0.6, avoidOverlap: 0.2},
              minVelocity: 1, stabilization: {enabled: true, iterations: steps, updateInterval: 1000, fit: true}},
    nodes: {font: {size: 13, face: "Noto Sans CJK SC, Noto Sans SC, sans-serif", strokeWidth: 3, strokeColor: "#fff"},
            borderWidth: 1, scaling: {label: {drawThreshold: 6}}},
    edges: {font: {size: 9, color: "#555", strokeWidth: 2, strokeColor: "#fff", align: "middle"},
            arrows: {to: {scaleFactor: 0.45}}, smooth: false, width: 1},
    interaction: {hover: true, tooltipDelay: 200, hideEdgesOnDrag: big, hideEdgesOnZoom: big},
    groups: groups,
  };
  const container = document.getElementById("network");
  const network = new vis.Network(container, {nodes: nodeView, edges: edgeView}, options);
  window.network = network;
  marks.network = performance.now();
  const api = {data: DATA, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView, state: state,
               settledMs: null, marks: marks, showNode: showNode, search: search, setLang: setLang, focusCluster: focusCluster};
  window.clusterkg = api;

  if (!NODES.length) {  // an empty store: nothing to lay out
    api.settledMs = performance.now();
    document.body.dataset.settled = "true";
  }
  network.once("stabilizationIterationsDone", () => {
    network.setOptions({physics: false});
    api.settledMs = performance.now();
    document.body.dataset.settled = "true";
  });
  let remembered = false;
  function rememberPositions() {
    // before the first filter: keep each node where it settled, so a node filtered out and
    // back comes back to its place
    if (remembered) return;
    remembered = true;
    const pos = network.getPositions();
    nodes.update(Object.entries(pos).map(([id, p]) => ({id: Number(id), x: p.x, y: p.y})));
  }

  function labelEdges(ids) {
    if (labelAll) return;
    edges.update(labelled.map(id => ({id, label: null})));
    labelled = [...new Set(ids)];
    edges.update(labelled.map(id => ({id, label: edgeLabel(DATA.edges[id])})));
  }

  // ---------------------------------------------------------------- counts, legend, filters
  function updateCounts() {
    document.getElementById("counts").textContent =
      t().shown(nodeView.length, DATA.meta.total) + (DATA.meta.shown < DATA.meta.total ? " · top PageRank" : "");
  }

  function swatch(color) { const s = el("span", null, "swatch"); s.style.background = color; return s; }

  function renderLegend() {
    const legend = document.getElementById("legend");
    legend.textContent = "";
    for (const [k, st] of Object.entries(DATA.legend)) {
      const label = el("label");
      const box = el("input");
      box.type = "checkbox"; box.checked = !state.hidden.has(k); box.dataset.group = k;
      box.addEventListener("change", () => {
        if (box.checked) state.hidden.delete(k); else state.hidden.add(k);
        refresh();
      });
      const count = NODES.filter(n => n.group === k).length;
      label.append(box, swatch(st.color), document.createTextNode((lang === "en" ? st.en : st.zh) + " " + count));
      legend.append(label);
    }
    for (const st of Object.values(DATA.tiers)) {
      const span = el("span", null, "tier");
      span.append(swatch(st.color), document.createTextNode(lang === "en" ? st.en : st.zh));
      legend.append(span);
    }
  }

  function refresh() {
    rememberPositions();
    nodeView.refresh();
    edgeView.refresh();
    updateCounts();
  }

  // ---------------------------------------------------------------- focus on a cluster
  const clusters = NODES.filter(n => n.group === "IndustrialCluster");
  function renderFocus() {
    const select = document.getElementById("focus");
    select.textContent = "";
    const all = el("option", t().all); all.value = ""; select.append(all);
    const seen = {};
    for (const n of clusters) seen[name(n)] = (seen[name(n)] || 0) + 1;
    for (const n of [...clusters].sort((a, b) => name(a).localeCompare(name(b), lang))) {
      const o = el("option", name(n) + (seen[name(n)] > 1 ? " · " + n.iri.split("/").pop() : ""));
      o.value = String(n.id);
      select.append(o);
    }
    select.value = state.focus === null ? "" : String(state.focus);
  }

  function focusCluster(id) {
    if (id === null || id === undefined || id === "") {
      state.focus = null; state.focusSet = null;
      refresh();
      network.fit();
      return;
    }
    id = Number(id);
    const keep = new Set([id]);
    for (const e of touching[id]) { keep.add(e.from); keep.add(e.to); }
    state.focus = id; state.focusSet = keep;
    labelEdges(touching[id].map(e => e.id));
    document.getElementById("focus").value = String(id);
    refresh();
    network.fit({nodes: [...keep].filter(visible)});
    network.selectNodes([id]);
    showNode(id);
  }

  // ---------------------------------------------------------------- search
  function search(query) {
    const q = query.trim().toLowerCase();
    const list = document.getElementById("results");
    list.textContent = "";
    if (!q) { document.getElementById("search-count").textContent = ""; network.unselectAll(); return []; }
    const hits = NODES.filter(n => n.zh.toLowerCase().includes(q) || n.en.toLowerCase().includes(q)
                                   || n.al.some(a => a.toLowerCase().includes(q)));
    document.getElementById("search-count").textContent = hits.length ? t().matches(hits.length) : t().none;
    for (const n of hits.slice(0, 30)) {
      const li = el("li", name(n) + " — " + category(n.group));
      li.dataset.id = String(n.id);
      li.addEventListener("click", () => select(n.id));
      list.append(li);
    }
    network.selectNodes(hits.map(n => n.id).filter(visible));
    return hits;
  }

  function select(id) {
    if (!visible(id)) {   // a hidden node is shown again: clear the filter that hides it
      state.hidden.delete(NODES[id].group);
      if (state.focusSet && !state.focusSet.has(id)) { state.focus = null; state.focusSet = null; }
      renderLegend(); renderFocus(); refresh();
    }
    network.selectNodes([id]);
    network.focus(id, {scale: 1.2, animation: false});
    showNode(id);
  }

  // ---------------------------------------------------------------- the side panel
  function provenance(entry, into) {
    if (entry[0] === 0) {
      const q = el("blockquote", S[entry[1]]);
      q.append(el("cite", "— " + S[entry[2]]));
      into.append(q);
    } else if (entry[0] === 1) {
      into.append(el("div", t().reference + ": " + S[entry[1]] + (entry[2] ? "" : t().unconfirmed), "ref"));
    } else {
      into.append(el("div", t().more(entry[1]), "ref"));
    }
  }

  function showNode(id) {
    state.current = id;
    labelEdges([...touching[id].map(e => e.id), ...(state.focus !== null ? touching[state.focus].map(e => e.id) : [])]);
    const n = NODES[id];
    const panel = document.getElementById("panel");
    panel.textContent = "";
    panel.append(el("h2", n.zh + (n.en ? " / " + n.en : "")));
    panel.append(el("p", category(n.group) + (n.tier ? " · " + t().tier + ": " + tierName(n) : ""), "sub"));
    panel.append(el("p", DATA.meta.base + n.iri, "iri"));
    if (n.al.length) {
      const more = el("details", null, "sub");
      more.append(el("summary", t().aliases + " (" + n.al.length + "): " + n.al.slice(0, 4).join("、")
                                + (n.al.length > 4 ? " …" : "")), el("p", n.al.join("、")));
      panel.append(more);
    }

    panel.append(el("h3", t().scores));
    const st = el("table");
    const row = (k, v) => { const tr = el("tr"); tr.append(el("th", k), el("td", v, "num")); st.append(tr); };
    t().score.forEach((k, i) => row(k, n.sc[i]));
    row(t().mentions, n.m);
    panel.append(st);

    const facts = el("ul", null, "facts");
    let count = 0;
    const items = [];
    for (const e of touching[id]) e.rels.forEach((r, i) => items.push([e, r, i]));
    items.sort((a, b) => (a[1] === CO) - (b[1] === CO));
    for (const [e, r, i] of items) {
      const out = e.from === id;
      const other = NODES[out ? e.to : e.from];
      {
        count += 1;
        const li = el("li");
        const head = el("div");
        head.append(el("span", (out ? "→ " : "← ") + relName(r) + " ", "rel"));
        const link = el("span", name(other), "link");
        link.addEventListener("click", () => select(other.id));
        head.append(link, document.createTextNode(" · " + category(other.group)));
        li.append(head);
        for (const entry of e.prov[i]) provenance(entry, li);
        facts.append(li);
      }
    }
    panel.append(el("h3", t().facts + " (" + count + ")"));
    panel.append(count ? facts : el("p", t().noFacts, "hint"));

    const figures = DATA.metrics[id] || [];
    if (figures.length) {
      panel.append(el("h3", t().figures + " (" + figures.length + ")"));
      const table = el("table", null, "figures");
      const head = el("tr");
      for (const c of t().cols) head.append(el("th", c));
      table.append(head);
      for (const [indicator, value, unit, period, s, r, target] of figures) {
        const tr = el("tr");
        tr.append(el("td", indicator + (target ? t().target : "")), el("td", value, "num"), el("td", unit),
                  el("td", period));
        const src = el("td");
        if (s >= 0) { src.append(el("div", S[s], "sentence"), el("cite", "— " + S[r])); }
        tr.append(src);
        table.append(tr);
      }
      panel.append(table);
    }
  }

  function showHint() {
    const panel = document.getElementById("panel");
    panel.textContent = "";
    panel.append(el("p", NODES.length ? t().hint : t().empty, "hint"));
  }

  network.on("click", params => {
    if (params.nodes.length) showNode(params.nodes[0]);
  });

  // ---------------------------------------------------------------- language
  function setLang(l) {
    lang = l;
    document.documentElement.lang = l;
    document.getElementById("lang").textContent = t().lang;
    document.getElementById("comention-label").textContent = t().comention;
    nodes.update(NODES.map(n => ({id: n.id, label: nodeLabel(n), title: nodeTitle(n)})));
    edges.update((labelAll ? DATA.edges.map(e => e.id) : labelled).map(id => ({id, label: edgeLabel(DATA.edges[id])})));
    renderLegend(); renderFocus(); updateCounts();
    search(document.getElementById("search").value);
    if (state.current !== null) showNode(state.current); else showHint();
  }

  document.getElementById("lang").addEventListener("click", () => setLang(lang === "zh" ? "en" : "zh"));
  document.getElementById("search").addEventListener("input", ev => search(ev.target.value));
  document.getElementById("search").addEventListener("keydown", ev => {
    const first = document.querySelector("#results li");
    if (ev.key === "Enter" && first) select(Number(first.dataset.id));
  });
  document.getElementById("focus").addEventListener("change", ev => focusCluster(ev.target.value));
  document.getElementById("show-comention").checked = state.comention;
  document.getElementById("show-comention").addEventListener("change", ev => {
    state.comention = ev.target.checked; refresh();
  });
  setLang("zh");
}

loadData().then(main).catch(err => {
  const p = document.createElement("p");
  p.textContent = "clusterkg: this page could not be shown (" + err + "). It needs a browser from 2023 or later.";
  document.getElementById("panel").append(p);
  throw err;
});
