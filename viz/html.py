"""The HTML network view: one self-contained file (vis-network inlined from pyvis's copy, our
own template and script), working with the network off. The only module that imports pyvis.

Every string from a report reaches the page as JSON data and is shown with ``textContent``
or as a vis-network plain-text title, never as HTML.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

from pyvis.network import Network

from .style import NODE_STYLE, node_size, style_for

TEMPLATE = Path(str(files("clusterkg.viz"))) / "templates" / "view.html"
NODES_QUERY = """
PREFIX ck: <https://w3id.org/clusterkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?e ?cls (MIN(?zh) AS ?label) (MIN(?enl) AS ?en) (COUNT(DISTINCT ?m) AS ?mentions) WHERE {
  ?m ck:mentionOf ?e . ?e a ?cls . FILTER(STRSTARTS(STR(?cls), STR(ck:)))
  OPTIONAL { ?e skos:prefLabel ?zh FILTER(LANG(?zh) = "zh") }
  OPTIONAL { ?e skos:prefLabel ?enl FILTER(LANG(?enl) = "en") }
} GROUP BY ?e ?cls
"""
EDGES_QUERY = """
PREFIX ck: <https://w3id.org/clusterkg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?s ?p ?o ?sentence WHERE {
  ?a a ck:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL { ?a prov:wasDerivedFrom/rdf:value ?sentence }
}
"""


def _vis_lib() -> tuple[str, str]:
    import pyvis

    lib = Path(pyvis.__file__).parent / "lib"
    folder = sorted(lib.glob("vis-*"))[-1]
    return (folder / "vis-network.min.js").read_text(encoding="utf-8"), (folder / "vis-network.css").read_text(
        encoding="utf-8")


def _safe_json(data: object) -> str:
    """JSON that cannot close the script element it sits in."""
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace(
        "&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def network_data(kg) -> dict:
    """Nodes and edges of the entity network, with the facts the side panel shows."""
    net = Network(directed=True)
    from clusterkg.graph import sparql

    _vars, nodes = sparql.rows(kg.query(NODES_QUERY))
    seen = {}
    top = max((int(r[4]) for r in nodes), default=1) or 1
    for iri, cls, label, en, mentions in nodes:
        category = cls.rsplit("#", 1)[-1]
        if category in ("Mention", "Report", "Sentence") or iri in seen:
            continue
        st = style_for(category)
        seen[iri] = category
        net.add_node(iri, label=label or iri.rsplit("/", 1)[-1], title=f"{label}\n{st['zh']} / {st['en']}",
                     color=st["color"], shape=st["shape"], size=node_size(int(mentions) / top))
        net.nodes[-1].update({"group": category, "en": en or "", "zh": label or ""})
    _vars, edges = sparql.rows(kg.query(EDGES_QUERY))
    for s, p, o, sentence in edges:
        if s in seen and o in seen:
            name = p.rsplit("#", 1)[-1]
            net.add_edge(s, o, label=name, title=sentence or "reference data", arrows="to")
    return {"nodes": net.nodes, "edges": net.edges}


def render_view(kg) -> str:
    js, css = _vis_lib()
    data = network_data(kg)
    legend = {k: v for k, v in NODE_STYLE.items()}
    page = TEMPLATE.read_text(encoding="utf-8")
    return (page.replace("/*VIS_CSS*/", css).replace("/*VIS_JS*/", js.replace("</script", "<\\/script"))
            .replace("/*DATA*/null", _safe_json(data)).replace("/*LEGEND*/null", _safe_json(legend)))
