"""Shared fixtures: paths to the inputs, stores (fresh and built), the CLI runner, and a
one-call way to read and extract a short report written inside a test."""

from __future__ import annotations

import gc
import io
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from clusterkg.graph import KnowledgeGraph
from clusterkg.loaders import Extraction, extract, read_bytes

from clusterkg.cli import main

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "xuzhou-343-2023-12-25.txt"
INPUTS = Path(__file__).resolve().parent / "data" / "inputs"
WUXI_IOT = INPUTS / "wuxi-wulianwang-2024-03-18.txt"
WUXI_IC = INPUTS / "wuxi-jichengdianlu-2024-06-20.txt"
SUZHOU_HTML = INPUTS / "suzhou-shengwuyiyao-2024-05-06.html"

PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x02\x00\x00\x00\x01\x80\x08\x06\x00\x00\x00"

ID = "https://w3id.org/clusterkg/id/"
CK = "https://w3id.org/clusterkg/ontology#"


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    """A store folder that does not exist yet."""
    return tmp_path / "store"


def build(path: Path, reports: list[Path]) -> Path:
    """Build ``reports`` into the store at ``path`` through the Python API and close it."""
    kg = KnowledgeGraph(path)
    kg.build(reports)
    kg.close()
    del kg
    gc.collect()
    return path


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example report built once into a store (closed again; open it read-only)."""
    return build(tmp_path_factory.mktemp("example") / "store", [EXAMPLE])


@pytest.fixture
def small_store(store_path: Path) -> Path:
    """A fresh store holding one short report of our own (Wuxi, IoT cluster)."""
    return build(store_path, [WUXI_IOT])


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def cli(runner: CliRunner):
    """Run ``clusterkg ARGS…`` in-process; returns click's Result (stdout, stderr, exit_code)."""

    def invoke(*args: str):
        result = runner.invoke(main, [str(a) for a in args], catch_exceptions=False)
        # the Result keeps the exit's traceback and with it the command's open store: let go
        result.exc_info = None
        gc.collect()
        return result

    return invoke


@pytest.fixture
def extract_text():
    """Read and extract a report given as text (UTF-8) under a file name."""

    def run(text: str, name: str = "report.txt") -> Extraction:
        return extract(read_bytes(text.encode("utf-8"), name=name))

    return run


def store_quads(path: Path) -> list[str]:
    """Every quad of the store at ``path`` as sorted N-Quads lines."""
    gc.collect()
    store = ox.Store.read_only(str(path))
    buf = io.BytesIO()
    store.dump(buf, ox.RdfFormat.N_QUADS)
    del store
    return sorted(buf.getvalue().decode("utf-8").splitlines())


def quad_count(path: Path) -> int:
    gc.collect()
    store = ox.Store.read_only(str(path))
    n = len(store)
    del store
    return n
