"""Extraction throughput on a ≥ 5 MB corpus of genre text, beside jieba.lcut on the same text.

    python bench/throughput.py [--mb 5] [--runs 3]

The corpus is generated from the dev corpus (tests/data/corpus) by substitution: each copy
swaps the city, shifts every figure and renames firms. Each report goes through read →
extract → RDF (its TriG document: the whole loader, no store), and the same texts through
``jieba.lcut``. Every run is a new process, so the loader's caches start empty each time (a
second pass over the same text in one process would find every segmentation cached and
flatter it). Within a run the two take turns over chunks of about 128 KB, the first to go
alternating: the machine's speed drifts by a fifth within minutes, and timing all of one
and then all of the other measured the drift as much as the code (single-run ratios from
1.5 to 2.1 for the same code). Turns of one report would flatter the loader instead: jieba
runs about 10% slower right after other work has filled the processor's caches. Prints
MB/s (UTF-8 bytes) for both, per core, as medians of ``--runs``, and their ratio; and the
ratio without the time spent writing TriG (read and extract alone), for where the time goes.

It times the install it runs in: an editable install (``pip install -e .``) runs the loader as
pure Python, a regular one (``pip install .``) runs it compiled by mypyc (see ``setup.py``); the
summary says which.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CITIES = ["苏州", "无锡", "常州", "南通", "扬州", "盐城", "淮安", "宿迁", "连云港", "镇江", "泰州", "合肥", "芜湖",
          "长沙", "株洲", "郑州", "洛阳", "济南", "烟台", "潍坊", "成都", "绵阳", "西安", "宝鸡", "武汉", "襄阳"]
CHUNK_BYTES = 128 * 1024  # the two take turns over chunks of this much text
FIRM_PARTS = ["恒", "瑞", "博", "华", "泰", "鑫", "源", "晟", "达", "信", "远", "宏", "嘉", "凯", "腾", "丰"]


def corpus(mb: float, seed: int = 7) -> list[str]:
    from clusterkg.loaders.read import read_report

    rng = random.Random(seed)
    bases = [read_report(p).surface for p in sorted((ROOT / "tests" / "data" / "corpus").glob("*"))
             if p.suffix in (".txt", ".html") and not p.name.endswith(".gold.json")]
    out, size = [], 0
    while size < mb * 1024 * 1024:
        text = rng.choice(bases)
        city = rng.choice(CITIES)
        text = re.sub(r"徐州|苏州|无锡|常州|长沙|合肥|成都|东莞|佛山|宁波|青岛|西安|武汉|南通", city, text)
        text = re.sub(r"\d+(?:\.\d+)?", lambda m: str(round(float(m.group()) * rng.uniform(0.5, 1.5), 1)), text)
        text = re.sub(r"([\u4e00-\u9fff]{2})(?=(?:科技|新材料|智能|电子|生物)?(?:股份)?有限公司)",
                      lambda m: rng.choice(FIRM_PARTS) + rng.choice(FIRM_PARTS), text)
        out.append(text)
        size += len(text.encode("utf-8"))
    return out


def one_run(mb: float) -> dict:
    """One timing, in a process of its own: the loader's caches (segmentations, slugs, name
    keys) start empty, as they do for text it has not seen; they fill within the run."""
    import jieba
    from clusterkg.loaders import extract, read_bytes
    from clusterkg.loaders.to_rdf import to_trig

    texts = corpus(mb)
    jieba.lcut("预热")  # dictionaries and tables loaded before timing, for both
    extract(read_bytes(corpus(0.001, seed=1)[0].encode("utf-8"), name="warm.txt"))  # a text outside the corpus
    chunks, size = [[]], 0
    for i, text in enumerate(texts):
        chunks[-1].append((i, text))
        size += len(text.encode("utf-8"))
        if size >= CHUNK_BYTES:
            chunks.append([])
            size = 0

    rdf = [0.0]  # of the loader's time, writing TriG

    def loader(chunk: list[tuple[int, str]]) -> float:
        clock = time.perf_counter
        t = clock()
        for i, text in chunk:
            x = extract(read_bytes(text.encode("utf-8"), name=f"r{i}.txt"))
            r = clock()
            to_trig(x)
            rdf[0] += clock() - r
        return clock() - t

    def segmenter(chunk: list[tuple[int, str]]) -> float:
        t = time.perf_counter()
        for _, text in chunk:
            jieba.lcut(text)
        return time.perf_counter() - t

    ours = theirs = 0.0
    for k, chunk in enumerate(c for c in chunks if c):
        if k % 2:
            theirs += segmenter(chunk)
            ours += loader(chunk)
        else:
            ours += loader(chunk)
            theirs += segmenter(chunk)
    return {"reports": len(texts), "mb": sum(len(x.encode("utf-8")) for x in texts) / 1024 / 1024,
            "ours": ours, "jieba": theirs, "rdf": rdf[0]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--one-run", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.one_run:
        print(json.dumps(one_run(a.mb)))
        return 0
    runs = []
    for k in range(a.runs):
        child = subprocess.run([sys.executable, __file__, "--one-run", "--mb", str(a.mb)],
                               capture_output=True, text=True, check=True)
        runs.append(json.loads(child.stdout.strip().splitlines()[-1]))
        r = runs[-1]
        print(f"run {k + 1}: loader {r['ours']:.1f} s (writing TriG {r['rdf']:.1f} s), jieba.lcut {r['jieba']:.1f} s, "
              f"ratio {r['ours'] / r['jieba']:.2f} (without TriG {(r['ours'] - r['rdf']) / r['jieba']:.2f})")
    size = runs[0]["mb"]
    mo, mj = statistics.median(r["ours"] for r in runs), statistics.median(r["jieba"] for r in runs)
    from clusterkg.loaders import facts

    build = "pure Python" if facts.__file__.endswith(".py") else "compiled by mypyc (pip install .)"
    print(f"corpus: {runs[0]['reports']} reports, {size:.1f} MB UTF-8; each run in a new process, "
          f"the two taking turns over {CHUNK_BYTES // 1024} KB chunks; the loader {build}")
    print(f"clusterkg loader (read+extract+RDF): median {mo:.1f} s = {size / mo:.2f} MB/s")
    print(f"jieba.lcut:                          median {mj:.1f} s = {size / mj:.2f} MB/s")
    print(f"ratio (clusterkg time / jieba time): {mo / mj:.2f} (median of the runs' ratios: "
          f"{statistics.median(r['ours'] / r['jieba'] for r in runs):.2f})")
    print(f"  read + extract alone (no TriG):    median of the runs' ratios "
          f"{statistics.median((r['ours'] - r['rdf']) / r['jieba'] for r in runs):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
