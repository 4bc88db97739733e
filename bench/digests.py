"""The SHA-1 of the TriG the loader writes for every report under tests/data and examples/.

    python bench/digests.py [--out FILE]

Prints one line per report (its path from the project's root, then the digest) and whether
the loader modules are the compiled ones. Run with two installs and compare the outputs: the
compiled build (``pip install .``, mypyc) must write byte for byte what the pure-Python source
writes (``.ci/run`` does this).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHAPES = (".txt", ".html", ".htm")


def reports() -> list[Path]:
    found = [p for p in (ROOT / "tests" / "data").rglob("*") if p.is_file() and p.suffix in SHAPES
             and "hostile" not in p.parts]  # (inputs the loader must refuse)
    return sorted(found + sorted((ROOT / "examples").glob("*.txt")))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, help="write the lines to FILE instead of standard output")
    ap.add_argument("--compiled", action="store_true", help="fail unless the loader modules are the compiled ones")
    a = ap.parse_args()
    from clusterkg.loaders import extract, facts, read_report
    from clusterkg.loaders.to_rdf import to_trig

    from clusterkg.errors import InputError

    compiled = not facts.__file__.endswith(".py")
    if a.compiled and not compiled:
        print(f"the loader is not compiled here ({facts.__file__}): install with `pip install .`", file=sys.stderr)
        return 1
    lines = []
    for path in reports():
        try:
            digest = hashlib.sha1(to_trig(extract(read_report(path))).encode("utf-8")).hexdigest()
        except InputError as e:  # a test input the loader refuses: the refusal is the output
            digest = f"refused: {e}"
        lines.append(f"{path.relative_to(ROOT)} {digest}\n")
    text = "".join(lines)
    if a.out:
        a.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    print(f"{len(lines)} reports; loader {'compiled (mypyc)' if compiled else 'pure Python'}: {facts.__file__}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
