"""SHACL validation of the whole store against ``ontology/shapes.ttl`` (pySHACL).

The data graph is the union of every graph in the store, read through N-Quads into an
rdflib graph; the ontology graph supplies the class hierarchy (RDFS inference is on, so a
``ck:InnovationCentre`` is checked as an innovation platform).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pyoxigraph as ox
from clusterkg.ontology import ONTOLOGY_TTL, SHAPES_TTL

from clusterkg.errors import ClusterKGError


@dataclass
class ValidationReport:
    conforms: bool
    results: list[dict[str, str]]
    graph: object

    def as_text(self) -> str:
        if self.conforms:
            return "conforms: the store matches every shape"
        lines = [f"{len(self.results)} violation(s):"]
        for r in self.results:
            lines.append(f"- {r['focus']}  {r['path']}: {r['message']}")
        return "\n".join(lines)

    def as_turtle(self) -> str:
        return self.graph.serialize(format="turtle")


def _data_graph(store: ox.Store):
    import rdflib

    buf = io.BytesIO()
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None)}
    ox.serialize(triples, buf, ox.RdfFormat.N_TRIPLES)
    g = rdflib.Graph()
    g.parse(data=buf.getvalue().decode("utf-8"), format="nt")
    return g


def validate_store(store: ox.Store) -> ValidationReport:
    import rdflib
    from pyshacl import validate
    from rdflib.namespace import SH

    data = _data_graph(store)
    shapes = rdflib.Graph().parse(SHAPES_TTL, format="turtle")
    ont = rdflib.Graph().parse(ONTOLOGY_TTL, format="turtle")
    try:
        conforms, report, _text = validate(data, shacl_graph=shapes, ont_graph=ont, inference="rdfs",
                                           allow_warnings=True)
    except Exception as err:  # noqa: BLE001 — pySHACL raises many kinds; all mean "tool failed"
        raise ClusterKGError(f"validation could not run: {err}") from None
    results = []
    for r in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        results.append({"focus": str(report.value(r, SH.focusNode)), "path": str(report.value(r, SH.resultPath) or ""),
                        "message": str(report.value(r, SH.resultMessage) or report.value(r, SH.sourceConstraintComponent))})
    results.sort(key=lambda r: (r["focus"], r["path"]))
    return ValidationReport(bool(conforms), results, report)
