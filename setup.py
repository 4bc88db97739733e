"""Build script: a regular install compiles the extractor (``loaders/``) to C with mypyc.

Everything about the package is declared in ``pyproject.toml``; this file only adds the
compiled modules. ``pip install .`` builds a wheel whose loader modules are the same source,
type-checked by mypy and compiled by mypyc (the way black and mypy ship themselves): about
1.2x the pure-Python speed per core on the genre's text (``bench/throughput.py``). The
``.py`` files ship beside the compiled ones, which Python imports first.

Editable installs (``pip install -e .``, the development and test set-up) stay pure Python,
so that an edit takes effect without a rebuild; so does any build with
``CLUSTERKG_PURE_PYTHON=1`` (a machine without a C compiler). Both builds write byte-identical
TriG for every report under ``tests/data`` (``bench/digests.py``; ``.ci/run`` compares them).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from setuptools import setup

ROOT = Path(__file__).resolve().parent
# the modules the loader spends its time in (``loaders/__init__.py`` stays Python)
COMPILED = ["read", "html", "sentences", "segment", "names", "ids", "gazetteer", "numbers", "mentions", "resolve",
            "facts", "extraction", "to_rdf"]


def compiled_extractor() -> list:
    # only the wheel's build compiles: not metadata, sdist or editable builds (pip runs this
    # file for each; mypyc's C is generated when mypycify is called)
    if "bdist_wheel" not in sys.argv or os.environ.get("CLUSTERKG_PURE_PYTHON"):
        return []
    from mypyc.build import mypycify

    # mypyc names a module by its folders, and the source folders are not named as the
    # packages they install as (loaders/ is clusterkg.loaders): type-check and compile a copy
    # laid out as installed
    src = ROOT / "build" / "mypyc-src"
    shutil.rmtree(src, ignore_errors=True)
    for package, folder in (("clusterkg", "clusterkg"), ("clusterkg/loaders", "loaders"),
                            ("clusterkg/ontology", "ontology")):
        (src / package).mkdir(parents=True)
        for path in (ROOT / folder).glob("*.py"):
            shutil.copy2(path, src / package / path.name)
    here = Path.cwd()
    os.chdir(src)  # mypy reads the options below, not a config file of the build's folder
    try:
        return mypycify(["--ignore-missing-imports", "--config-file=",
                         *(f"clusterkg/loaders/{m}.py" for m in COMPILED)],
                        opt_level="3", group_name="clusterkg", target_dir=str(ROOT / "build" / "mypyc-c"))
    finally:
        os.chdir(here)


setup(ext_modules=compiled_extractor())
