"""Score every report of the dev corpus against its gold, with the team's scorer.

    python bench/score_corpus.py [--scorer ../shared/tools/score.py] [--misses]
    python bench/score_corpus.py --corpus tests/data/heldout      # the held-out set only

Runs ``score.py GOLD REPORT --json`` for each ``tests/data/corpus/*.gold.json`` (and the
shapes set), then prints F1 per report and kind and the micro-average over the corpus.
``--corpus`` takes one or more folders of ``*.gold.json`` (relative to the working directory
or to the project root); the micro-average is then over those folders only.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("organizations", "clusters", "metrics", "relations", "events", "documents")


def report_for(gold: Path) -> Path:
    data = json.loads(gold.read_text(encoding="utf-8"))
    return gold.parent / data["file"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scorer", default=str(ROOT.parent / "shared" / "tools" / "score.py"))
    ap.add_argument("--corpus", nargs="*", default=[str(ROOT / "tests" / "data" / "corpus"),
                                                    str(ROOT / "tests" / "data" / "shapes")])
    ap.add_argument("--misses", action="store_true")
    a = ap.parse_args()
    if not Path(a.scorer).exists():
        sys.exit(f"score_corpus: scorer not found at {a.scorer}; pass --scorer")
    cli = str(Path(sys.executable).parent / "clusterkg")
    folders = [Path(f) if Path(f).is_dir() or Path(f).is_absolute() else ROOT / f for f in a.corpus]
    golds = sorted(g for folder in folders for g in folder.glob("*.gold.json"))
    if not golds:
        sys.exit(f"score_corpus: no *.gold.json in {', '.join(map(str, folders))}")
    totals = {k: [0.0, 0, 0.0, 0] for k in KINDS}  # tp_p, n_p, tp_r, n_r
    print(f"{'report':44}" + "".join(f"{k[:5]:>7}" for k in KINDS) + "  type")
    for gold in golds:
        cmd = [sys.executable, a.scorer, str(gold), str(report_for(gold)), "--json",
               "--build", f"{cli} build {{report}} --store {{store}} -q",
               "--query", f"{cli} query {{name}} --store {{store}} --format json"]
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0:
            print(f"{gold.name:44} FAILED: {done.stderr.strip()[-300:]}")
            continue
        res = json.loads(done.stdout.strip().splitlines()[0])
        cells = []
        for k in KINDS:
            f = res[k]
            t = totals[k]
            t[0] += f["precision"] * f["extracted"]
            t[1] += f["extracted"]
            t[2] += f["recall"] * f["gold"]
            t[3] += f["gold"]
            cells.append(f"{f['f1']:7.2f}" if f["gold"] or f["extracted"] else "      -")
        name = gold.name.replace(".gold.json", "")
        print(f"{name:44}" + "".join(cells) + f"  {res['organizations'].get('type_accuracy', 0):.2f}")
        if a.misses:
            m = subprocess.run(cmd[:4] + cmd[5:] + ["--misses"], capture_output=True, text=True)
            print("\n".join("    " + line for line in m.stdout.splitlines() if line.startswith("  ")))
    cells = []
    for k in KINDS:
        tp_p, n_p, tp_r, n_r = totals[k]
        p = tp_p / n_p if n_p else 0.0
        r = tp_r / n_r if n_r else 1.0
        cells.append(f"{(2 * p * r / (p + r) if p + r else 0.0):7.2f}")
    print(f"{'micro-average':44}" + "".join(cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
