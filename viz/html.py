"""The HTML network view: one self-contained file that works with the network off.

vis-network is inlined from the copy pyvis ships (this is the only module that imports pyvis);
the page, its styles and its script are our own (``templates/view.*``): pyvis's own templates
link Bootstrap from a CDN, and once a title contains "href" they put every tooltip into
``innerHTML``. Every string from a report travels as data (deflated JSON in base64, see
:func:`pack`) and reaches the page only through ``textContent`` or vis-network's plain-text
labels and tooltips, never as HTML.
"""

from __future__ import annotations

import base64
import json
import math
import re
import zlib
from functools import cache
from importlib.resources import files
from pathlib import Path

import pyoxigraph as ox
from clusterkg.graph import analysis
from clusterkg.ontology import ID, NS, ONTOLOGY_TTL

from .layout import community_layout
from .style import NODE_STYLE, TIER_STYLE, node_size, short_tier, style_for, tier_key

TEMPLATES = Path(str(files("clusterkg.viz"))) / "templates"
#: Sentences shown per co-mention edge (the count says how many more); stated facts show all.
CO_MENTION_SENTENCES = 1
MAX_SENTENCE = 400  # characters of one sentence kept in the page

ASSERTIONS_QUERY = """
PREFIX ck: <https://w3id.org/clusterkg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?s ?p ?o ?sentence ?src ?confirmed WHERE {
  ?a a ck:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL { ?a prov:wasDerivedFrom ?sentence }
  OPTIONAL { ?a dcterms:source ?src }
  OPTIONAL { ?a ck:confirmed ?confirmed }
}
"""
DCT = "http://purl.org/dc/terms/"


@cache
def vis_assets() -> tuple[str, str]:
    """vis-network's script from pyvis's package (the newest copy it ships), and the one rule of
    its stylesheet the page uses (the tooltip; the rest styles editing and navigation tools)."""
    import pyvis

    folder = sorted((Path(pyvis.__file__).parent / "lib").glob("vis-*"))[-1]
    css = (folder / "vis-network.css").read_text(encoding="utf-8")
    rules = re.findall(r"([^{}]+)(\{[^{}]*\})", css)  # flat: the stylesheet has no @media blocks
    tooltip = "".join(sel.strip() + body for sel, body in rules if "vis-tooltip" in sel)
    return (folder / "vis-network.min.js").read_text(encoding="utf-8"), tooltip


def pack(data: object) -> str:
    """The page's data: JSON, deflated (zlib) and base64-encoded; the page inflates it with the
    browser's ``DecompressionStream``. Report text is about a third of its size this way, and
    base64 cannot end the script element it sits in.

    >>> import base64, zlib
    >>> json.loads(zlib.decompress(base64.b64decode(pack({"a": "</script>"}))))
    {'a': '</script>'}
    """
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(zlib.compress(raw, 9)).decode("ascii")


@cache
def relation_labels() -> dict[str, list[str]]:
    """zh and en labels of every ck: property, read from the ontology."""
    out: dict[str, list[str]] = {}
    with ONTOLOGY_TTL.open("rb") as f:
        for t in ox.parse(f, format=ox.RdfFormat.TURTLE):
            if t.predicate.value.endswith("#label") and t.subject.value.startswith(NS):
                lang = 0 if t.object.language == "zh" else 1
                out.setdefault(t.subject.value[len(NS):], ["", ""])[lang] = t.object.value
    return out


class _Strings:
    """Sentences, reports and sources, each stored once in the page and referred to by index."""

    def __init__(self, store: ox.Store):
        self.sources = analysis.Sources(store)
        self.index: dict[str, int] = {}
        self.items: list[str] = []

    def add(self, text: str) -> int:
        if text not in self.index:
            self.index[text] = len(self.items)
            self.items.append(text)
        return self.index[text]

    def text(self, text: str, title: str = "", file: str = "") -> tuple[int, int]:
        """Indexes of a sentence and of its report's name."""
        short = text if len(text) <= MAX_SENTENCE else text[:MAX_SENTENCE] + "…"
        return self.add(short), self.add(" — ".join(x for x in (title, file) if x) or "?")

    def sentence(self, iri: str) -> tuple[int, int]:
        return self.text(*self.sources.sentence(iri))

    def source(self, iri: str) -> int:
        """Index of a reference source's title and address."""
        v = self.sources.value
        return self.add(" — ".join(x for x in (v(iri, DCT + "title"), v(iri, NS + "url")) if x) or iri)


def _shown(result: analysis.Analysis, max_nodes: int) -> list[str]:
    """Clusters first, then the most central nodes, up to ``max_nodes``; in PageRank order."""
    rows = result.rows()
    clusters = [r["iri"] for r in rows if r["type"] == "IndustrialCluster"][:max_nodes]
    keep = set(clusters)
    for r in rows:
        if len(keep) >= max_nodes:
            break
        keep.add(r["iri"])
    return [r["iri"] for r in rows if r["iri"] in keep]


def view_data(kg, *, max_nodes: int = 2000) -> dict:
    """Everything the page shows: nodes, edges with the provenance of each relation, figures,
    and the string tables they point into."""
    store = kg.store
    result = analysis.analyze(store)
    G, sc = result.G, result.scores
    order = _shown(result, max_nodes)
    ids = {v: i for i, v in enumerate(order)}
    strings = _Strings(store)
    top = max((sc["pagerank"][v] for v in order), default=1.0) or 1.0
    nodes = []
    for v in order:
        d = G.nodes[v]
        node = {"id": ids[v], "iri": v.removeprefix(ID), "zh": d["label"], "en": d["en"], "al": list(d["aliases"]),
                "group": d["category"], "m": d["mentions"],
                "size": node_size(math.sqrt(sc["pagerank"][v] / top)),
                "sc": [sc["degree"][v], round(sc["betweenness"][v], 5), round(sc["pagerank"][v], 5),
                       sc["community"][v], sc["clusters"].get(v, 0)]}
        if d["tier"]:
            node.update(tier=short_tier(d["tier"]), tierEn=short_tier(d["tier_en"]), tk=tier_key(d["tier"]))
        nodes.append(node)

    provenance: dict[tuple[str, str, str], list[list[int]]] = {}
    for sol in store.query(ASSERTIONS_QUERY, use_default_graph_as_union=True):
        s, p, o = sol["s"].value, sol["p"].value.rsplit("#", 1)[-1], sol["o"].value
        if s not in ids or o not in ids:
            continue
        facts = provenance.setdefault((s, o, p), [])
        if sol["sentence"] is not None:
            entry = [0, *strings.sentence(sol["sentence"].value)]
        elif sol["src"] is not None:
            entry = [1, strings.source(sol["src"].value), 0 if sol["confirmed"] and sol["confirmed"].value == "false"
                     else 1]
        else:
            continue
        if entry not in facts:
            facts.append(entry)

    pairs: dict[tuple[str, str], list] = {}
    rel_index: dict[str, int] = {}
    for u, v, rel, d in G.edges(keys=True, data=True):
        if u not in ids or v not in ids:
            continue
        if rel == analysis.CO_MENTION:
            sentences = sorted(d.get("sentences", ()))
            facts = [[0, *strings.sentence(s)] for s in sentences[:CO_MENTION_SENTENCES]]
            if len(sentences) > CO_MENTION_SENTENCES:
                facts.append([2, len(sentences) - CO_MENTION_SENTENCES])
        else:
            facts = sorted(provenance.get((u, v, rel), []))
        e = pairs.setdefault((u, v), [ids[u], ids[v], [], []])
        e[2].append(rel_index.setdefault(rel, len(rel_index)))
        e[3].append(facts)
    edges = list(pairs.values())
    positions = community_layout(len(nodes), [(e[0], e[1]) for e in edges], [n["sc"][3] for n in nodes])
    for node, (x, y) in zip(nodes, positions, strict=True):
        node.update(x=x, y=y)

    metrics: dict[int, list] = {}
    for f in analysis.figures(store, sources=strings.sources, subjects=set(ids)):
        if f["subject"] not in ids:
            continue
        period = f["period"] or (f"{f['periodStart']}/{f['periodEnd']}" if f["periodStart"] else "")
        s_idx, r_idx = strings.text(f["sentence"], f["report"], f["file"]) if f["sentence"] else (-1, -1)
        metrics.setdefault(ids[f["subject"]], []).append(
            [f["indicator"], f["qualifier"] + f["value"], f["unit"], period, s_idx, r_idx,
             1 if f["target"] == "true" else 0])

    present = {n["group"] for n in nodes}
    legend = {k: {**style_for(k)} for k in NODE_STYLE if k in present}
    tiers = {n["tk"] for n in nodes if n.get("tk")}
    return {
        "meta": {"total": G.number_of_nodes(), "shown": len(nodes), "edges": len(edges), "base": ID,
                 "betweenness": "exact" if not result.betweenness_sources
                 else f"sampled ({result.betweenness_sources} sources)"},
        "nodes": nodes, "edges": edges, "metrics": metrics, "strings": strings.items,
        "rels": list(rel_index), "relations": {k: relation_labels().get(k, [k, k]) for k in rel_index},
        "legend": legend, "tiers": {k: v for k, v in TIER_STYLE.items() if k in tiers},
    }


def render_view(kg, *, max_nodes: int = 2000) -> str:
    """The whole page as one string."""
    return render_page(view_data(kg, max_nodes=max_nodes))


def render_page(data: dict) -> str:
    """The page showing ``data`` (from :func:`view_data`)."""
    js, css = vis_assets()
    page = (TEMPLATES / "view.html").read_text(encoding="utf-8")
    parts = {
        "/*VIS_CSS*/": css,
        "/*VIEW_CSS*/": (TEMPLATES / "view.css").read_text(encoding="utf-8"),
        "/*VIS_JS*/": js.replace("</script", "<\\/script"),
        "/*VIEW_JS*/": (TEMPLATES / "view.js").read_text(encoding="utf-8"),
        "/*DATA*/": pack(data),
    }
    pieces = re.split(r"(/\*(?:VIS_CSS|VIEW_CSS|VIS_JS|VIEW_JS|DATA)\*/)", page)
    if sorted(p for p in pieces if p in parts) != sorted(parts):
        raise RuntimeError("the view template must hold each marker once")
    return "".join(parts.get(p, p) for p in pieces)  # one pass: inserted text is never scanned again
