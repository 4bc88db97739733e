"""Wall time of building the example report in a fresh process (imports included).

    python bench/build_seed.py [--runs 5]

Runs ``clusterkg build`` on the example report into a new store ``--runs`` times and prints
each time and the median; as a baseline run side by side, it times a bare ``python -c
"import rdflib, pyoxigraph, rjieba; rjieba.cut(…)"`` (the fixed cost of the stack: the
imports and the segmenter's dictionary).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "examples" / "xuzhou-343-2023-12-25.txt"


def timed(argv: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True)
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    cli = str(Path(sys.executable).parent / "clusterkg")
    builds, baselines = [], []
    for _ in range(a.runs):
        store = Path(tempfile.mkdtemp()) / "kg"
        builds.append(timed([cli, "build", str(REPORT), "--store", str(store), "-q"]))
        shutil.rmtree(store.parent)
        baselines.append(timed([sys.executable, "-c", "import rdflib, pyoxigraph, rjieba; rjieba.cut('预热')"]))
    mb, mbase = statistics.median(builds), statistics.median(baselines)
    print("build runs (s):    " + " ".join(f"{t:.2f}" for t in builds))
    print("baseline runs (s): " + " ".join(f"{t:.2f}" for t in baselines))
    print(f"median build {mb:.2f} s; median baseline (imports + segmenter dictionary) {mbase:.2f} s; "
          f"ratio {mb / mbase:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
