"""The saved questions on a big synthetic graph: the embedded Oxigraph store against rdflib's
in-memory Dataset, side by side.

    python bench/sparql.py [--triples 1000000] [--runs 5] [--cap 60]

Writes ``--triples`` synthetic quads (bench/synth.py, shaped like our graphs: clusters, firms,
platforms, alliances, observations, provenance, one named graph per report) to ``--parts``
N-Quads files (whole graphs in each), then, each engine in a child process of its own (so each
peak RSS is its own):

- loads the files (Oxigraph: ``graph.store.bulk_load`` into a store on disk, the files loaded
  by one thread per core, without re-validating IRIs that pyoxigraph wrote; rdflib:
  ``Dataset.parse`` into memory, default graph = union of the graphs, as our questions expect);
  besides, unless ``--no-load-variants``, two other ways into an Oxigraph store on disk, timed in a
  child of their own: ``Store.bulk_load`` of one file with validation (the plain call), and
  ``replace_graphs`` one report graph per transaction (how ``build`` writes);
- runs every saved question (parameters from the synthetic graph) ``--runs`` times on
  Oxigraph (each question in a process of its own, ended past ``--cap`` × runs seconds) and up
  to ``--rdflib-runs`` times on rdflib, stopping an rdflib run at ``--cap`` seconds (then its
  time counts as the cap, so the ratio is a lower bound, marked ``>``);

and prints load time and rate, peak RSS, the median time of each question on each engine, the
ratio, and the median of the ratios. Parameters reach rdflib as the VALUES block a SPARQL
server gets (``sparql.with_values``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def questions(params: dict[str, dict[str, str]], only: list[str] | None):
    from clusterkg.graph import sparql

    for name, q in sparql.saved_queries().items():
        if only and name not in only:
            continue
        declared = {p for p, _, _ in q.params}
        yield name, q, {k: v for k, v in params.get(name, {}).items() if k in declared}


# --------------------------------------------------------------------------- one engine per child process

def run_oxigraph(data: list[Path], params: dict, runs: int, cap: float, only: list[str] | None) -> dict:
    import pyoxigraph as ox
    from clusterkg.graph.store import bulk_load

    folder = tempfile.mkdtemp(prefix="bench-oxigraph-")
    t = time.perf_counter()
    store = ox.Store(folder)
    bulk_load(store, data, lenient=True)  # the files were written by pyoxigraph's serializer
    load = time.perf_counter() - t
    out = {"engine": "oxigraph", "load_s": load, "quads": len(store), "rss_after_load_mb": peak_rss_mb(),
           "queries": {}}
    del store
    peak = peak_rss_mb()
    # each question in a process of its own on the store just written: Oxigraph cannot stop a
    # query, so one past the cap is ended with its process and the next starts clean
    for name, _q, p in questions(params, only):
        argv = [sys.executable, __file__, "--engine", "oxigraph-query", "--data", folder, "--params", json.dumps(p),
                "--runs", str(runs), "--only", name]
        try:
            done = subprocess.run(argv, check=True, stdout=subprocess.PIPE, text=True, timeout=cap * runs + 30)
            one = json.loads(done.stdout)
            peak = max(peak, one.pop("peak_rss_mb"))
            out["queries"][name] = one
        except subprocess.TimeoutExpired:
            out["queries"][name] = {"times": [cap], "rows": 0, "capped": True}
        print(f"  oxigraph {name}: {statistics.median(out['queries'][name]['times']):.3f} s", file=sys.stderr,
              flush=True)
    shutil.rmtree(folder, ignore_errors=True)
    out["peak_rss_mb"] = peak
    return out


def run_oxigraph_query(folder: str, params: dict, runs: int, name: str) -> dict:
    import pyoxigraph as ox
    from clusterkg.graph import sparql

    store = ox.Store.read_only(folder)
    q = sparql.saved_queries()[name]
    times, rows = [], 0
    for _ in range(runs):
        t = time.perf_counter()
        rows = len(sparql.rows(sparql.run(store, q, params))[1])
        times.append(time.perf_counter() - t)
    return {"times": times, "rows": rows, "capped": False, "peak_rss_mb": peak_rss_mb()}


def run_oxigraph_loads(data: list[Path]) -> dict:
    """Two other ways into a store on disk: one ``Store.bulk_load`` of the whole graph with
    validation, and ``replace_graphs`` one graph per transaction, as ``build`` writes reports."""
    import pyoxigraph as ox
    from clusterkg.graph.store import replace_graphs

    out = {}
    whole = Path(tempfile.mkdtemp(prefix="bench-oxigraph-nq-")) / "all.nq"
    with whole.open("wb") as f:
        for part in data:
            f.write(part.read_bytes())
    folder = tempfile.mkdtemp(prefix="bench-oxigraph-")
    t = time.perf_counter()
    store = ox.Store(folder)
    store.bulk_load(path=str(whole), format=ox.RdfFormat.N_QUADS)
    store.flush()
    out["one_file_s"] = time.perf_counter() - t
    del store
    shutil.rmtree(folder, ignore_errors=True)
    graphs: dict[str, list] = {}
    for q in ox.parse(path=str(whole), format=ox.RdfFormat.N_QUADS):
        graphs.setdefault(q.graph_name.value, []).append(q)
    shutil.rmtree(whole.parent, ignore_errors=True)
    folder = tempfile.mkdtemp(prefix="bench-oxigraph-")
    store = ox.Store(folder)
    t = time.perf_counter()
    for name, quads in graphs.items():
        replace_graphs(store, {name: quads})
    out["per_graph_s"] = time.perf_counter() - t
    out["graphs"] = len(graphs)
    del store
    shutil.rmtree(folder, ignore_errors=True)
    return out


class Capped(Exception):
    pass


def _alarm(_signum, _frame):
    raise Capped


def run_rdflib(data: list[Path], params: dict, runs: int, cap: float, only: list[str] | None) -> dict:
    from clusterkg.graph import sparql
    from rdflib import Dataset

    t = time.perf_counter()
    ds = Dataset(default_union=True)
    for part in data:
        ds.parse(str(part), format="nquads")
    load = time.perf_counter() - t
    out = {"engine": "rdflib", "load_s": load, "quads": len(ds), "rss_after_load_mb": peak_rss_mb(), "queries": {}}
    signal.signal(signal.SIGALRM, _alarm)
    for name, q, p in questions(params, only):
        text = sparql.with_values(q.text, sparql.bindings(q, p))
        times, rows, capped, error = [], 0, False, None
        for i in range(runs):
            t = time.perf_counter()
            signal.setitimer(signal.ITIMER_REAL, cap)
            try:
                rows = len(list(ds.query(text)))  # rdflib is pure Python: the alarm interrupts it
            except Capped:
                capped = True
            except Exception as err:  # noqa: BLE001 — rdflib fails on some questions; say which and go on
                error = f"{type(err).__name__}: {err}"
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            times.append(min(time.perf_counter() - t, cap))
            if capped or error or (i == 0 and times[0] > cap / 4):
                break  # one run of a slow question is enough to rank it
        out["queries"][name] = {"times": times, "rows": rows, "capped": capped, "error": error}
        print(f"  rdflib {name}: {statistics.median(times):.3f} s{' (capped)' if capped else ''}"
              f"{' ' + error[:100] if error else ''}", file=sys.stderr, flush=True)
    out["peak_rss_mb"] = peak_rss_mb()
    return out


# --------------------------------------------------------------------------- the comparison

def write_parts(quads, folder: Path, parts: int) -> list[Path]:
    """The quads as ``parts`` N-Quads files, each graph whole in one of them (graphs dealt out
    in turn; the synthetic graph yields each graph's quads together)."""
    import pyoxigraph as ox

    paths = [folder / f"synthetic-{i:02d}.nq" for i in range(max(1, parts))]
    files = [p.open("wb") for p in paths]
    try:
        current, chunk, k = None, [], -1
        for q in quads:
            if q.graph_name != current:
                if chunk:
                    files[k % len(files)].write(ox.serialize(chunk, format=ox.RdfFormat.N_QUADS))
                current, chunk, k = q.graph_name, [], k + 1
            chunk.append(q)
        if chunk:
            files[k % len(files)].write(ox.serialize(chunk, format=ox.RdfFormat.N_QUADS))
    finally:
        for f in files:
            f.close()
    return [p for p in paths if p.stat().st_size]


def child(engine: str, data: list[Path], params: dict, a: argparse.Namespace) -> dict:
    argv = [sys.executable, __file__, "--engine", engine, "--data", *map(str, data), "--params", json.dumps(params),
            "--runs", str(a.runs), "--rdflib-runs", str(a.rdflib_runs), "--cap", str(a.cap)]
    if a.only:
        argv += ["--only", *a.only]
    done = subprocess.run(argv, check=True, stdout=subprocess.PIPE, text=True)
    return json.loads(done.stdout)


def report(ox: dict, rd: dict, triples: int, gen_s: float, parts: int, loads: dict | None = None) -> str:
    lines = [f"synthetic graph: {triples:,} triples in {ox['quads']:,} quads, {parts} N-Quads files "
             f"(generated and written in {gen_s:.1f} s)",
             "load: Oxigraph into a store on disk by graph.store.bulk_load (the files in parallel); "
             "rdflib into memory",
             "",
             f"{'':28}{'oxigraph':>14}{'rdflib':>14}{'ratio':>10}",
             f"{'load (s)':28}{ox['load_s']:>14.1f}{rd['load_s']:>14.1f}{rd['load_s'] / ox['load_s']:>10.1f}",
             f"{'load (triples/s)':28}{triples / ox['load_s']:>14,.0f}{triples / rd['load_s']:>14,.0f}",
             f"{'peak RSS (MB)':28}{ox['peak_rss_mb']:>14,.0f}{rd['peak_rss_mb']:>14,.0f}"
             f"{rd['peak_rss_mb'] / ox['peak_rss_mb']:>10.1f}",
             "",
             *([f"other loads into Oxigraph on disk: Store.bulk_load of one file, validated: "
                f"{triples / loads['one_file_s']:,.0f} triples/s ({loads['one_file_s']:.1f} s); "
                f"replace_graphs per graph as build writes ({loads['graphs']:,} transactions): "
                f"{triples / loads['per_graph_s']:,.0f} triples/s ({loads['per_graph_s']:.1f} s)", ""] if loads else []),
             f"{'question (median s)':28}{'oxigraph':>14}{'rdflib':>14}{'ratio':>10}{'rows ox/rdflib':>18}"]
    ratios, failed, slow = [], [], []
    for name, o in ox["queries"].items():
        r = rd["queries"][name]
        mo, mr = statistics.median(o["times"]), statistics.median(r["times"])
        if r.get("error"):
            failed.append(f"{name} ({r['error'][:80]})")
            lines.append(f"{name:28}{mo:>14.4f}{'rdflib failed':>14}")
            continue
        if o["capped"]:
            slow.append(name)
            lines.append(f"{name:28}{'>' + format(mo, '.0f'):>14}{'>' if r['capped'] else ' '}{mr:>13.3f}"
                         f"{'':>10}{'oxigraph stopped at the cap':>30}")
            continue
        ratio = mr / mo if mo > 0 else float("inf")
        ratios.append(ratio)
        mark = ">" if r["capped"] else " "
        rows = f"{o['rows']}/{'?' if r['capped'] else r['rows']}"
        lines.append(f"{name:28}{mo:>14.4f}{mark}{mr:>13.3f}{mark}{ratio:>9.0f}{rows:>18}")
    lines += ["", f"median of the ratios: {statistics.median(ratios):.0f}x over {len(ratios)} questions "
                  f"(a ratio marked > is a lower bound: rdflib was stopped at the cap)"]
    if failed:
        lines.append("rdflib could not run: " + "; ".join(failed))
    if slow:
        lines.append("past the cap on Oxigraph too (no ratio): " + ", ".join(slow))
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--triples", type=int, default=1_000_000, help="size of the synthetic graph (default 1,000,000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--runs", type=int, default=5, help="runs of each question on Oxigraph")
    ap.add_argument("--rdflib-runs", type=int, default=3, help="runs of each question on rdflib (at most)")
    ap.add_argument("--cap", type=float, default=60.0, help="seconds after which an rdflib run is stopped")
    ap.add_argument("--only", nargs="*", help="only these saved questions")
    ap.add_argument("--parts", type=int, default=2 * (os.cpu_count() or 1),
                    help="N-Quads files to write the graph to, whole graphs in each (default: two per core)")
    ap.add_argument("--no-load-variants", action="store_true",
                    help="skip timing the other two ways into Oxigraph (one file validated, one graph per transaction)")
    ap.add_argument("--json", type=Path, help="also write the raw figures here")
    ap.add_argument("--engine", choices=["oxigraph", "rdflib", "oxigraph-query", "oxigraph-loads"],
                    help=argparse.SUPPRESS)
    ap.add_argument("--data", type=Path, nargs="*", help=argparse.SUPPRESS)
    ap.add_argument("--params", help=argparse.SUPPRESS)
    a = ap.parse_args()

    if a.engine:  # a child: one engine, figures as JSON on stdout
        params = json.loads(a.params)
        if a.engine == "oxigraph-query":
            result = run_oxigraph_query(str(a.data[0]), params, a.runs, a.only[0])
        elif a.engine == "oxigraph-loads":
            result = run_oxigraph_loads(a.data)
        elif a.engine == "oxigraph":
            result = run_oxigraph(a.data, params, a.runs, a.cap, a.only)
        else:
            result = run_rdflib(a.data, params, a.rdflib_runs, a.cap, a.only)
        print(json.dumps(result))
        return 0


    from bench.synth import SyntheticGraph

    with tempfile.TemporaryDirectory(prefix="bench-sparql-") as tmp:
        t = time.perf_counter()
        graph = SyntheticGraph(a.triples, a.seed, names=True)  # ck:names, as build writes them
        data = write_parts(graph.quads(), Path(tmp), a.parts)
        gen = time.perf_counter() - t
        print(f"wrote {a.triples:,} quads to {len(data)} files in {tmp} in {gen:.1f} s", file=sys.stderr, flush=True)
        oxi = child("oxigraph", data, graph.params, a)
        loads = None if a.no_load_variants else child("oxigraph-loads", data, {}, a)
        print("oxigraph done; rdflib (slow) …", file=sys.stderr, flush=True)
        rdf = child("rdflib", data, graph.params, a)
    print(report(oxi, rdf, a.triples, gen, len(data), loads))
    if a.json:
        a.json.write_text(json.dumps({"oxigraph": oxi, "rdflib": rdf}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
