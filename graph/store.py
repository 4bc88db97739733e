"""The embedded store: Oxigraph on disk, one named graph per report, plus the ontology and
reference graphs.

Building a report replaces its named graph in one transaction, so building the same report
twice leaves the same graph, and a build that fails leaves the store as it was.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox
from clusterkg.loaders.gazetteer import reference_files
from clusterkg.loaders.ids import ONTOLOGY_GRAPH, REFERENCE_GRAPH
from clusterkg.ontology import ONTOLOGY_TTL

from clusterkg.errors import StoreError

DEFAULT_STORE = "clusterkg-store"
_MARKER = "CLUSTERKG_STORE"


def open_store(path: str | Path, *, create: bool = True, read_only: bool = False) -> ox.Store:
    """Open (or create) the store folder ``path``.

    A folder that exists but is not a clusterkg store is refused rather than written into.
    """
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path}: is a file, not a store folder")
    if path.exists() and any(path.iterdir()) and not (path / _MARKER).exists():
        raise StoreError(f"{path}: this folder is not a clusterkg store; choose another --store")
    if not path.exists():
        if not create:
            raise StoreError(f"{path}: no store here; run `clusterkg build REPORT --store {path}` first")
        path.mkdir(parents=True)
    if not (path / _MARKER).exists():
        (path / _MARKER).write_text("clusterkg store (Oxigraph); do not edit\n", encoding="utf-8")
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except (OSError, RuntimeError) as err:
        raise StoreError(f"{path}: cannot open the store ({err}); is another clusterkg process using it?") from None


def _read_graph(files: Iterable[Path], graph: str) -> list[ox.Quad]:
    g = ox.NamedNode(graph)
    triples = []
    for f in files:
        with f.open("rb") as fh:
            triples.extend(ox.parse(fh, format=ox.RdfFormat.TURTLE, base_iri="https://w3id.org/clusterkg/id/"))
    return [ox.Quad(t.subject, t.predicate, t.object, g) for t in skolemize(triples, graph + "/node/")]


def skolemize(triples: list[ox.Triple], prefix: str) -> list[ox.Triple]:
    """Blank nodes of the shipped Turtle become IRIs named by a hash of what they say, so
    loading the same files twice gives the same quads (parsers label blank nodes at random)."""
    out_edges: dict[ox.BlankNode, list[str]] = {}
    for t in triples:
        if isinstance(t.subject, ox.BlankNode):
            obj = "_" if isinstance(t.object, ox.BlankNode) else str(t.object)
            out_edges.setdefault(t.subject, []).append(f"{t.predicate} {obj}")
    names = {b: ox.NamedNode(prefix + hashlib.sha1("\n".join(sorted(e)).encode()).hexdigest()[:16])
             for b, e in out_edges.items()}

    def fix(term):
        return names.get(term, term) if isinstance(term, ox.BlankNode) else term

    return [ox.Triple(fix(t.subject), t.predicate, fix(t.object)) for t in triples]


def replace_graphs(store: ox.Store, graphs: Mapping[str, Iterable[ox.Quad] | bytes]) -> None:
    """Replace each named graph by the given quads, or by the statements of a TriG document
    (bytes, UTF-8) that holds that graph alone.

    Callers read and extract every input before calling this, so bad input never reaches the
    store; each graph's new statements go in with one atomic ``extend`` or ``load``.
    """
    try:
        for name, content in graphs.items():
            node = ox.NamedNode(name)
            if store.contains_named_graph(node):
                store.remove_graph(node)
            if isinstance(content, bytes):
                store.load(content, format=ox.RdfFormat.TRIG)
            else:
                store.extend(content)
        store.flush()
    except OSError as err:
        raise StoreError(f"cannot write to the store: {err}") from None


def vocabulary_graphs() -> dict[str, list[ox.Quad]]:
    """The ontology and reference graphs, as the package ships them."""
    return {ONTOLOGY_GRAPH: _read_graph([ONTOLOGY_TTL], ONTOLOGY_GRAPH),
            REFERENCE_GRAPH: _read_graph(reference_files(), REFERENCE_GRAPH)}


def bulk_load(store: ox.Store, files: Sequence[str | Path], *, threads: int | None = None,
              lenient: bool = False) -> None:
    """Load RDF files (N-Quads, TriG …, format from the extension) into ``store`` with Oxigraph's
    bulk loader, several files at once.

    One bulk load keeps about one core busy (it parses, sorts and writes its batch in turn), so
    the files are loaded by ``threads`` threads (default: one per core); pyoxigraph releases the
    GIL while it loads. Not atomic, unlike :func:`replace_graphs`: meant for filling a new
    store (a corpus exported from elsewhere, the benchmark's synthetic graph), where a failure
    means starting again. ``lenient`` skips IRI and literal validation, for files Oxigraph wrote.
    """
    files = [Path(f) for f in files]
    workers = max(1, min(len(files), threads or os.cpu_count() or 1))

    def one(path: Path) -> None:
        store.bulk_load(path=str(path), lenient=lenient)

    try:
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="clusterkg-bulk-load") as pool:
            for done in [pool.submit(one, f) for f in files]:
                done.result()
        store.flush()
    except OSError as err:
        raise StoreError(f"cannot write to the store: {err}") from None
