"""Network analysis on the synthetic graph: projection of the store plus every measure.

    python bench/analysis.py [--triples 1000000] [--store DIR] [--runs 3]

Builds a store of ``--triples`` synthetic quads (bench/synth.py, shaped like ours) in a
temporary folder (or reuses ``--store`` if it holds one), then runs ``analysis.analyze`` — the
projection read straight from the store, degree, betweenness (sampled above 5,000 nodes),
PageRank, Louvain communities, bridging organisations, the cluster–cluster projection —
``--runs`` times and prints each step's median and the total against the 60 s target.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_S = 60.0


def synthetic_store(path: Path, triples: int, seed: int = 0) -> float:
    """Fill the store folder ``path`` with the synthetic graph unless it is there; seconds taken."""
    import pyoxigraph as ox

    from bench.synth import synthetic_quads

    marker = path / "CLUSTERKG_STORE"
    if marker.exists():
        store = ox.Store.read_only(str(path))
        n = len(store)
        del store
        if n >= triples:
            return 0.0
    path.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    store = ox.Store(str(path))
    store.clear()
    store.bulk_extend(synthetic_quads(triples, seed))
    store.flush()
    del store
    gc.collect()
    marker.write_text("clusterkg store (Oxigraph); do not edit\n", encoding="utf-8")
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--store", type=Path, help="store folder to build or reuse (default: a temporary one)")
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = a.store or Path(tmp) / "store"
        built = synthetic_store(path, a.triples)
        import pyoxigraph as ox
        from clusterkg.graph import analysis

        store = ox.Store.read_only(str(path))
        print(f"synthetic store: {len(store):,} quads" + (f" (built in {built:.1f} s)" if built else " (reused)"))
        runs = []
        for _ in range(a.runs):
            t = time.perf_counter()
            result = analysis.analyze(store)
            runs.append((time.perf_counter() - t, result.timings))
        G = result.G
        sampled = f"sampled from {result.betweenness_sources} sources" if result.betweenness_sources else "exact"
        print(f"entity network: {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges; "
              f"betweenness {sampled}; "
              f"{len(set(result.scores['community'].values()))} communities; "
              f"{len(result.scores['clusters'])} bridging organisations; "
              f"{result.clusters.number_of_edges()} cluster pairs")
        print(f"median of {a.runs} run(s), seconds:")
        for step in runs[0][1]:
            print(f"  {step:<16} {statistics.median(r[1][step] for r in runs):8.2f}")
        total = statistics.median(r[0] for r in runs)
        measures = total - statistics.median(r[1]["projection"] for r in runs)
        verdict = "ok" if total < TARGET_S else "OVER"
        print(f"  {'measures':<16} {measures:8.2f}")
        print(f"  {'total':<16} {total:8.2f}   (target < {TARGET_S:.0f} s: {verdict})")
        del store
    return 0 if total < TARGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
