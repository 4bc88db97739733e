"""The HTML view of the synthetic graph: file size, and how long headless Chromium takes to
settle it.

    python bench/view.py [--triples 1000000] [--store DIR] [--nodes 2000] [--runs 5]

Builds (or reuses) the synthetic store as bench/analysis.py does, writes the view of its
``--nodes`` most central entities to bench/output/view-<nodes>.html, opens it ``--runs`` times
in Debian's Chromium (playwright, every non-file request blocked) and prints the file size and
the median time from navigation start until the physics stops, against the 3 MB and 3 s
targets, with the console errors seen.
"""

from __future__ import annotations

import argparse
import gc
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.analysis import synthetic_store  # noqa: E402

SIZE_TARGET = 3_000_000
SETTLE_TARGET_MS = 3000


def settle_times(html: Path, runs: int) -> tuple[list[float], list[str], int, int]:
    from playwright.sync_api import sync_playwright

    times, errors, outside = [], [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1400, "height": 850})
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:")
                       else (outside.append(r.request.url), r.abort()))
            page.goto(html.as_uri())
            page.wait_for_selector("body[data-settled=true]", state="attached", timeout=120_000)
            times.append(page.evaluate("window.clusterkg.settledMs"))
            shown = page.evaluate("window.network.body.data.nodes.length")
            page.close()
        browser.close()
    return times, errors, len(outside), shown


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--store", type=Path, help="store folder to build or reuse (default: a temporary one)")
    ap.add_argument("--nodes", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    if not shutil.which("chromium"):
        print("needs Debian's chromium: apt-get install chromium fonts-noto-cjk", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory() as tmp:
        path = a.store or Path(tmp) / "store"
        built = synthetic_store(path, a.triples)
        from clusterkg.graph import KnowledgeGraph
        from clusterkg.viz.html import render_view

        kg = KnowledgeGraph(path, read_only=True)
        print(f"synthetic store: {len(kg):,} quads" + (f" (built in {built:.1f} s)" if built else " (reused)"))
        t = time.perf_counter()
        page = render_view(kg, max_nodes=a.nodes)
        made = time.perf_counter() - t
        del kg
        gc.collect()
    out = ROOT / "bench" / "output" / f"view-{a.nodes}.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    size = out.stat().st_size
    times, errors, outside, shown = settle_times(out, a.runs)
    settle = statistics.median(times)
    ok = size < SIZE_TARGET and settle < SETTLE_TARGET_MS and not errors and not outside
    print(f"view of {shown} nodes written in {made:.1f} s: {out.relative_to(ROOT)}")
    print(f"  size     {size / 1e6:6.2f} MB   (target < {SIZE_TARGET / 1e6:.0f} MB)")
    print(f"  settled  {settle / 1000:6.2f} s    (median of {len(times)}: "
          + ", ".join(f"{x / 1000:.2f}" for x in times) + f"; target < {SETTLE_TARGET_MS / 1000:.0f} s)")
    print(f"  console errors {len(errors)}, outside requests {outside}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
