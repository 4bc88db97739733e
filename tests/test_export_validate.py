"""``clusterkg validate`` (exit 0 conforms, 1 violations) and ``clusterkg export`` in every
dataset format, checked by parsing the files back with rdflib and pyoxigraph."""

from __future__ import annotations

import gc

import pyoxigraph as ox
import pytest
import rdflib
from conftest import CK, ID

QB = "http://purl.org/linked-data/cube#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
REPORT_GRAPH = f"{ID}graph/report/wuxi-wulianwang-2024-03-18"
BROKEN = f"{ID}report/wuxi-wulianwang-2024-03-18/obs/broken"


# --------------------------------------------------------------------------- validate

def test_validate_passes_on_the_example(cli, built_store):
    result = cli("validate", "--store", built_store)
    assert result.exit_code == 0, result.stdout
    assert "conforms" in result.stdout


@pytest.fixture
def broken_store(small_store):
    """The small store plus one observation without ck:value, copied from a good one."""
    store = ox.Store(str(small_store))
    graph = ox.NamedNode(REPORT_GRAPH)
    good = next(q.subject for q in store.quads_for_pattern(None, RDF_TYPE, ox.NamedNode(QB + "Observation"), graph))
    broken = ox.NamedNode(BROKEN)
    store.extend([ox.Quad(broken, q.predicate, q.object, graph)
                  for q in store.quads_for_pattern(good, None, None, graph)
                  if q.predicate.value not in (CK + "value", CK + "baseValue")])
    store.flush()
    del store
    gc.collect()
    return small_store


def test_broken_store_holds_the_observation_without_value(broken_store):
    store = ox.Store.read_only(str(broken_store))
    node = ox.NamedNode(BROKEN)
    assert list(store.quads_for_pattern(node, None, ox.NamedNode(QB + "Observation")))
    assert not list(store.quads_for_pattern(node, ox.NamedNode(CK + "value"), None))


def test_validate_fails_with_exit_1_and_names_the_focus_node(cli, broken_store):
    result = cli("validate", "--store", broken_store)
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if BROKEN in line]
    assert lines, result.stdout
    assert any(CK + "value" in line for line in lines)


def test_validate_on_a_missing_store_is_a_tool_error(cli, tmp_path):
    result = cli("validate", "--store", tmp_path / "nostore")
    assert result.exit_code == 2


# --------------------------------------------------------------------------- export

@pytest.fixture(scope="module")
def distinct_triples(built_store) -> int:
    store = ox.Store.read_only(str(built_store))
    n = len({(q.subject, q.predicate, q.object) for q in store})
    del store
    return n


@pytest.fixture(scope="module")
def quads_in_store(built_store) -> int:
    store = ox.Store.read_only(str(built_store))
    n = len(store)
    del store
    return n


def export(cli, store, fmt, path):
    result = cli("export", "--store", store, "--format", fmt, "-o", path)
    assert result.exit_code == 0, result.stderr
    assert path.exists() and path.stat().st_size > 0
    return path


def test_turtle_export_parses_with_rdflib(cli, built_store, tmp_path):
    g = rdflib.Graph().parse(export(cli, built_store, "ttl", tmp_path / "kg.ttl"), format="turtle")
    assert len(g) > 0


def test_turtle_export_parses_with_pyoxigraph(cli, built_store, tmp_path):
    path = export(cli, built_store, "ttl", tmp_path / "kg.ttl")
    assert list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))


def test_turtle_export_holds_every_distinct_triple(cli, built_store, tmp_path, distinct_triples):
    path = export(cli, built_store, "ttl", tmp_path / "kg.ttl")
    assert len(set(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))) == distinct_triples
    assert len(rdflib.Graph().parse(path, format="turtle")) == distinct_triples


# rdflib's own parsers still use its deprecated ConjunctiveGraph API internally
RDFLIB_INTERNALS = pytest.mark.filterwarnings("ignore:.*deprecated:DeprecationWarning")


@RDFLIB_INTERNALS
@pytest.mark.parametrize(("fmt", "rdflib_format"), [("trig", "trig"), ("nq", "nquads"), ("jsonld", "json-ld")])
def test_dataset_export_parses_with_rdflib(cli, built_store, tmp_path, fmt, rdflib_format, quads_in_store):
    ds = rdflib.Dataset()
    ds.parse(export(cli, built_store, fmt, tmp_path / f"kg.{fmt}"), format=rdflib_format)
    assert len(list(ds.quads((None, None, None, None)))) == quads_in_store


@RDFLIB_INTERNALS
@pytest.mark.parametrize("fmt", ["trig", "nq"])
def test_dataset_export_keeps_each_report_graph(cli, built_store, tmp_path, fmt):
    ds = rdflib.Dataset()
    ds.parse(export(cli, built_store, fmt, tmp_path / f"kg.{fmt}"), format={"trig": "trig", "nq": "nquads"}[fmt])
    graphs = {str(g.identifier) for g in ds.graphs()}
    assert f"{ID}graph/report/xuzhou-343-2023-12-25" in graphs


def test_export_to_stdout_without_output_option(cli, built_store):
    result = cli("export", "--store", built_store, "--format", "nq")
    assert result.exit_code == 0
    assert result.stdout.count("\n") > 1000


def test_export_into_a_missing_folder_fails_and_writes_nothing(cli, built_store, tmp_path):
    target = tmp_path / "no" / "such" / "kg.ttl"
    result = cli("export", "--store", built_store, "--format", "ttl", "-o", target)
    assert result.exit_code == 2
    assert not target.exists()
    assert "Traceback" not in result.output
