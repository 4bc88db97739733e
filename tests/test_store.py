"""Building reports into the store: repeatable, one named graph per report, bad input
refused without touching the store, organisations shared across reports."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from clusterkg.graph import KnowledgeGraph
from clusterkg.graph.store import bulk_load
from conftest import CK, EXAMPLE, ID, PNG_HEADER, WUXI_IC, WUXI_IOT, build, quad_count, store_quads

from clusterkg.errors import InputError


def report_graph(slug: str) -> str:
    return f"{ID}graph/report/{slug}"


# --------------------------------------------------------------------------- repeatable builds

@pytest.fixture(scope="module")
def example_quads_twice(tmp_path_factory):
    """Sorted N-Quads of the example after one build and after building it again."""
    path = tmp_path_factory.mktemp("twice") / "store"
    first = store_quads(build(path, [EXAMPLE]))
    second = store_quads(build(path, [EXAMPLE]))
    return first, second


def test_building_the_example_twice_gives_the_same_quads(example_quads_twice):
    first, second = example_quads_twice
    assert first == second


def test_building_the_example_twice_gives_the_same_report_graph(example_quads_twice):
    graph = f"<{report_graph('xuzhou-343-2023-12-25')}> ."
    first, second = ([q for q in quads if q.endswith(graph)] for quads in example_quads_twice)
    assert first
    assert first == second


def test_two_stores_built_from_the_example_hold_the_same_quads(built_store, example_quads_twice):
    assert store_quads(built_store) == example_quads_twice[0]


def test_report_entities_are_never_blank_nodes(example_quads_twice):
    graph = f"<{report_graph('xuzhou-343-2023-12-25')}> ."
    assert not [q for q in example_quads_twice[0] if q.endswith(graph) and "_:" in q.split(" ", 1)[0]]


# --------------------------------------------------------------------------- bad input leaves the store alone

@pytest.fixture
def bad_inputs(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(PNG_HEADER + bytes(range(256)) * 8)
    return {"empty": empty, "binary": binary, "missing": tmp_path / "missing.txt"}


@pytest.mark.parametrize("kind", ["empty", "binary", "missing"])
def test_bad_input_exits_nonzero_with_one_line(kind, bad_inputs, small_store, cli):
    result = cli("build", bad_inputs[kind], "--store", small_store)
    assert result.exit_code != 0
    assert len(result.stderr.strip().splitlines()) == 1
    assert bad_inputs[kind].name in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("kind", ["empty", "binary", "missing"])
def test_bad_input_leaves_the_store_unchanged(kind, bad_inputs, small_store, cli):
    before = quad_count(small_store)
    cli("build", bad_inputs[kind], "--store", small_store)
    assert quad_count(small_store) == before


def test_one_bad_file_among_good_ones_loads_nothing(bad_inputs, small_store, cli):
    before = quad_count(small_store)
    result = cli("build", WUXI_IC, bad_inputs["empty"], "--store", small_store)
    assert result.exit_code != 0
    assert quad_count(small_store) == before


def test_python_api_raises_input_error_and_keeps_the_store(bad_inputs, small_store):
    before = quad_count(small_store)
    kg = KnowledgeGraph(small_store)
    with pytest.raises(InputError):
        kg.build([bad_inputs["binary"]])
    kg.close()
    del kg
    assert quad_count(small_store) == before


# --------------------------------------------------------------------------- two reports

@pytest.fixture(scope="module")
def two_reports(tmp_path_factory):
    path = build(tmp_path_factory.mktemp("two") / "store", [WUXI_IOT, WUXI_IC])
    kg = KnowledgeGraph(path, read_only=True)
    yield kg
    del kg


def test_each_report_gets_its_own_named_graph(two_reports):
    assert sorted(two_reports.reports()) == [report_graph("wuxi-jichengdianlu-2024-06-20"),
                                             report_graph("wuxi-wulianwang-2024-03-18")]


def test_report_node_lives_in_its_own_graph(two_reports):
    store = two_reports.store
    for slug in ("wuxi-wulianwang-2024-03-18", "wuxi-jichengdianlu-2024-06-20"):
        graphs = {q.graph_name.value for q in store.quads_for_pattern(
            ox.NamedNode(f"{ID}report/{slug}"), None, None)}
        assert graphs == {report_graph(slug)}


def test_building_a_second_report_keeps_the_first(store_path):
    build(store_path, [WUXI_IOT])
    build(store_path, [WUXI_IC])
    kg = KnowledgeGraph(store_path, read_only=True)
    assert len(kg.reports()) == 2


def test_organisation_named_in_both_reports_is_one_node(two_reports):
    rows = [r for r in two_reports.rows("organizations") if "华瑞芯微电子" in r["label"] + r["aliases"]]
    assert len(rows) == 1
    assert rows[0]["mentions"] == "2"


def test_second_report_adds_its_mention_to_the_same_iri(two_reports):
    rows = two_reports.rows(
        "PREFIX ck: <" + CK + "> SELECT DISTINCT ?org ?g WHERE { GRAPH ?g { ?m ck:mentionOf ?org ; ck:surface ?s } "
        "FILTER(CONTAINS(?s, '华瑞芯微电子')) }")
    assert {r["org"] for r in rows} == {rows[0]["org"]}
    assert {r["g"] for r in rows} == {report_graph("wuxi-wulianwang-2024-03-18"),
                                      report_graph("wuxi-jichengdianlu-2024-06-20")}


# --------------------------------------------------------------------------- bulk loading files

def test_bulk_load_of_several_files_at_once_gives_the_quads_of_the_built_store(built_store, tmp_path):
    source = ox.Store.read_only(str(built_store))
    quads = sorted(source, key=str)
    del source
    assert len(quads) > 1000
    # dealt into three N-Quads files and a TriG file, loaded by two threads
    files = [tmp_path / f"part{i}.nq" for i in range(3)] + [tmp_path / "part3.trig"]
    for i, f in enumerate(files):
        fmt = ox.RdfFormat.TRIG if f.suffix == ".trig" else ox.RdfFormat.N_QUADS
        f.write_bytes(ox.serialize(quads[i::len(files)], format=fmt))
    store = ox.Store(str(tmp_path / "store"))
    bulk_load(store, files, threads=2)
    assert sorted(store, key=str) == quads


def test_bulk_load_refuses_a_bad_file_with_its_error(tmp_path):
    bad = tmp_path / "bad.nq"
    bad.write_text("<https://example.org/s> <https://example.org/p> .\n", encoding="utf-8")
    with pytest.raises(SyntaxError):
        bulk_load(ox.Store(str(tmp_path / "store")), [bad])
