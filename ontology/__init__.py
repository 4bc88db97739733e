"""The clusterkg vocabulary and reference data, read from the Turtle files beside this module.

``CK`` is a closed namespace whose terms are the subjects that ``clusterkg.ttl`` defines, so a
term used in code but missing from the ontology fails at import time instead of producing a
silent typo in the graph.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import ClosedNamespace

NS = "https://w3id.org/clusterkg/ontology#"
ONTOLOGY_IRI = "https://w3id.org/clusterkg/ontology"
ID = "https://w3id.org/clusterkg/id/"

_HERE = Path(str(files(__name__)))
ONTOLOGY_TTL = _HERE / "clusterkg.ttl"
SHAPES_TTL = _HERE / "shapes.ttl"
REFERENCE_DIR = _HERE / "reference"


def _defined_terms(path: Path) -> list[str]:
    terms = set()
    with path.open("rb") as f:
        for triple in ox.parse(f, format=ox.RdfFormat.TURTLE):
            s = triple.subject
            if isinstance(s, ox.NamedNode) and s.value.startswith(NS) and len(s.value) > len(NS):
                terms.add(s.value[len(NS):])
    return sorted(terms)


CK = ClosedNamespace(NS, _defined_terms(ONTOLOGY_TTL))

__all__ = ["CK", "ID", "NS", "ONTOLOGY_IRI", "ONTOLOGY_TTL", "REFERENCE_DIR", "SHAPES_TTL"]
