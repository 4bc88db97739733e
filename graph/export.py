"""Export the store in the standard RDF formats, and write files atomically."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

import pyoxigraph as ox

from clusterkg.errors import ClusterKGError

PREFIXES = {
    "ck": "https://w3id.org/clusterkg/ontology#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "qb": "http://purl.org/linked-data/cube#",
    "org": "http://www.w3.org/ns/org#",
    "schema": "https://schema.org/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
}
RDF_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS,
               "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}


def export_store(store: ox.Store, fmt: str) -> bytes:
    """All graphs of the store in ``fmt``. Formats without named graphs (``ttl``, ``nt``) get
    the union of all graphs; dataset formats keep each report's graph."""
    rdf_format = RDF_FORMATS[fmt]
    buf = io.BytesIO()
    prefixes = PREFIXES if fmt in ("ttl", "trig") else None
    if rdf_format.supports_datasets:
        store.dump(buf, rdf_format, prefixes=prefixes) if prefixes else store.dump(buf, rdf_format)
    else:
        triples = {ox.Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None)}
        ox.serialize(sorted(triples, key=str), buf, rdf_format, prefixes=prefixes) if prefixes else \
            ox.serialize(sorted(triples, key=str), buf, rdf_format)
    return buf.getvalue()


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder."""
    folder = path.resolve().parent
    if not folder.exists():
        raise ClusterKGError(f"{path}: the folder {folder.name!r} does not exist")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a written file gets the usual mode
        os.replace(tmp, path)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise ClusterKGError(f"{path}: cannot write ({err.strerror})") from None
