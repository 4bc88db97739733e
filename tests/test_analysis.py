"""Network analysis: the projection of the store, the measures (checked against networkx and
by hand on small named graphs), bridging organisations, the cluster–cluster projection, the
cluster profile, ``clusterkg analyze`` (with --write-back) and ``export`` to GraphML, GEXF
and node-link JSON."""

from __future__ import annotations

import gc
import io
import json

import networkx as nx
import pyoxigraph as ox
import pytest
from clusterkg.graph import KnowledgeGraph, analysis
from conftest import CK, EXAMPLE, ID, WUXI_IOT, build, store_quads

XCMG = ID + "org/xcmg-group"
MACHINERY = ID + "cluster/xuzhou-construction-machinery"
SAFETY = ID + "cluster/xuzhou-safety-emergency"

# Two clusters that share a laboratory (one stated relation, one sentence naming both) and a
# firm (stated relations); a third cluster shares nothing. Lead-firm facts of the reference
# graph stay in.
SHARED_TRIG = f"""
@prefix ck: <{CK}> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> . @prefix prov: <http://www.w3.org/ns/prov#> .
<{ID}graph/report/shared> {{
  <{ID}org/lab> a ck:Laboratory ; skos:prefLabel "共享实验室"@zh .
  <{ID}org/firm> a ck:Firm ; skos:prefLabel "共享企业"@zh .
  <{ID}org/lab> ck:supportedBy <{MACHINERY}> .
  <{ID}r/a1> a ck:Assertion ; rdf:subject <{ID}org/lab> ; rdf:predicate ck:supportedBy ; rdf:object <{MACHINERY}> ;
      prov:wasDerivedFrom <{ID}r/s2> .
  <{ID}org/firm> ck:partOf <{MACHINERY}> . <{ID}org/firm> ck:memberOf <{SAFETY}> .
  <{ID}r/a2> a ck:Assertion ; rdf:subject <{ID}org/firm> ; rdf:predicate ck:partOf ; rdf:object <{MACHINERY}> ;
      prov:wasDerivedFrom <{ID}r/s2> .
  <{ID}r/a3> a ck:Assertion ; rdf:subject <{ID}org/firm> ; rdf:predicate ck:memberOf ; rdf:object <{SAFETY}> ;
      prov:wasDerivedFrom <{ID}r/s2> .
  <{ID}r/s1> a ck:Sentence ; rdf:value "共享实验室服务安全应急产业集群。" .
  <{ID}r/s2> a ck:Sentence ; rdf:value "另一句。" .
  <{ID}r/m1> ck:mentionOf <{ID}org/lab> ; ck:inSentence <{ID}r/s1> .
  <{ID}r/m2> ck:mentionOf <{SAFETY}> ; ck:inSentence <{ID}r/s1> .
  <{ID}r/s1> ck:names <{ID}org/lab> , <{SAFETY}> .
}}
"""


@pytest.fixture(scope="module")
def seed_result(built_store):
    gc.collect()
    kg = KnowledgeGraph(built_store, read_only=True)
    result = analysis.analyze(kg.store)
    yield kg, result
    del kg
    gc.collect()


@pytest.fixture
def shared_store(built_store, tmp_path):
    """The example's store copied, plus SHARED_TRIG."""
    store = ox.Store()
    gc.collect()
    source = ox.Store.read_only(str(built_store))
    store.extend(source.quads_for_pattern(None, None, None))
    del source
    store.load(SHARED_TRIG.encode(), ox.RdfFormat.TRIG)
    return store


# --------------------------------------------------------------------------- measures

def test_betweenness_exact_equals_networkx():
    G = nx.karate_club_graph()
    assert analysis.betweenness(G) == pytest.approx(nx.betweenness_centrality(G))


def test_betweenness_sampled_equals_networkx_with_the_same_sources():
    G = nx.les_miserables_graph()
    mine = analysis.betweenness(G, k=12, seed=3)
    theirs = nx.betweenness_centrality(G, k=12, seed=3)
    assert mine == pytest.approx(theirs, nan_ok=True)


def test_betweenness_on_a_disconnected_graph_equals_networkx():
    G = nx.union(nx.path_graph(4), nx.star_graph(4), rename=("a", "b"))
    assert analysis.betweenness(G) == pytest.approx(nx.betweenness_centrality(G))


def test_betweenness_is_sampled_above_the_exact_limit(monkeypatch):
    monkeypatch.setattr(analysis, "EXACT_BETWEENNESS_NODES", 20)
    monkeypatch.setattr(analysis, "BETWEENNESS_SAMPLES", 7)
    G = nx.les_miserables_graph()
    assert analysis.betweenness(G, seed=1) == pytest.approx(nx.betweenness_centrality(G, k=7, seed=1), nan_ok=True)


def test_pagerank_reads_every_relation_both_ways():
    G = nx.MultiDiGraph([("firm", "cluster", "leadFirmOf"), ("lab", "cluster", "supportedBy")])
    r = analysis.pagerank(G)
    assert r == pytest.approx(nx.pagerank(nx.Graph([("firm", "cluster"), ("lab", "cluster")])))
    assert max(r, key=r.get) == "cluster"


def test_degree_counts_distinct_neighbours_by_hand():
    G = nx.MultiDiGraph([("a", "b", "x"), ("a", "b", "y"), ("b", "a", "z"), ("b", "c", "x")])
    assert analysis.degree(G) == {"a": 1, "b": 2, "c": 1}


def test_communities_split_two_cliques_and_are_numbered_by_size():
    G = nx.union(nx.complete_graph(5), nx.complete_graph(3), rename=("a", "b"))
    G.add_edge("a0", "b0")
    c = analysis.communities(G)
    assert {c[v] for v in G if v.startswith("a")} == {0}
    assert {c[v] for v in G if v.startswith("b")} == {1}


def test_communities_are_the_same_on_every_run(seed_result):
    _kg, result = seed_result
    assert analysis.communities(result.G) == analysis.communities(result.G)


# --------------------------------------------------------------------------- projection

def test_projection_has_entities_and_no_provenance_nodes(seed_result):
    _kg, result = seed_result
    G = result.G
    cats = {d["category"] for _, d in G.nodes(data=True)}
    assert {"IndustrialCluster", "Firm", "InnovationPlatform", "Event", "PolicyDocument", "ChallengeList"} <= cats
    assert not [v for v in G if "/report/" in v or "/source/" in v or v[-13:] == "/place/xuzhou"]
    assert {k for *_, k in G.edges(keys=True)} <= {*analysis.RELATIONS, analysis.CO_MENTION}


def test_projection_keeps_labels_tiers_and_mentions(seed_result):
    _kg, result = seed_result
    d = result.G.nodes[MACHINERY]
    assert (d["label"], d["en"], d["tier"]) == ("工程机械", "Construction machinery", "优势产业集群")
    assert d["mentions"] >= 1
    assert "一号产业" in d["aliases"]


def test_reference_lead_firm_is_an_edge_from_reference_data(seed_result):
    _kg, result = seed_result
    edge = result.G.edges[XCMG, MACHINERY, "leadFirmOf"]
    assert edge["source"] == "reference"


def test_platform_named_with_a_cluster_gets_a_co_mention_edge_with_its_sentence(seed_result):
    _kg, result = seed_result
    G = result.G
    centre = next(v for v, d in G.nodes(data=True) if d["label"] == "高端工程机械及核心零部件制造业创新中心")
    edge = G.edges[centre, MACHINERY, analysis.CO_MENTION]
    assert edge["weight"] == len(edge["sentences"]) >= 1
    assert all("/report/" in s for s in edge["sentences"])


def test_projection_without_co_mentions(built_store):
    gc.collect()
    kg = KnowledgeGraph(built_store, read_only=True)
    G = analysis.project(kg.store, co_mentions=False)
    assert analysis.CO_MENTION not in {k for *_, k in G.edges(keys=True)}
    del kg


# --------------------------------------------------------------------------- bridging, clusters, profile

def test_bridging_finds_the_shared_laboratory_and_firm(shared_store):
    G = analysis.project(shared_store)
    assert analysis.bridging(G) == {ID + "org/firm": 2, ID + "org/lab": 2}


def test_bridging_agrees_with_the_saved_question(shared_store):
    from clusterkg.graph import sparql

    G = analysis.project(shared_store)
    _vars, rows = sparql.rows(sparql.run(shared_store, sparql.resolve_query("bridging-orgs")))
    assert sorted(G.nodes[v]["label"] for v in analysis.bridging(G)) == sorted(r[0] for r in rows)


def test_cluster_network_joins_clusters_that_share_organisations(shared_store):
    C = analysis.cluster_network(analysis.project(shared_store))
    assert C.edges[MACHINERY, SAFETY]["weight"] == 2
    assert C.edges[MACHINERY, SAFETY]["organisations"] == [ID + "org/firm", ID + "org/lab"]
    assert MACHINERY in C and C.degree(MACHINERY) == 1


def test_cluster_profile_of_construction_machinery(seed_result):
    kg, result = seed_result
    p = analysis.cluster_profile(kg.store, result.G, "construction machinery")
    assert p["iri"] == MACHINERY
    assert [e["label"] for e in p["lead_firms"]] == ["徐工集团"]
    assert "高端工程机械及核心零部件制造业创新中心" in [e["label"] for e in p["platforms"]]
    assert [(e["date"], e["label"]) for e in p["events"]] == [("2023-07-20", "国家工程机械先进制造业集群(徐州)创新发展大会")]
    assert p["figures"] and all(f["sentence"] and f["file"] == "xuzhou-343-2023-12-25.txt" for f in p["figures"])


def test_cluster_profile_has_the_growth_series(seed_result):
    kg, result = seed_result
    p = analysis.cluster_profile(kg.store, result.G, "高端纺织")
    growth = [f for f in p["figures"] if f["indicator"] == "产值同比增长"]
    assert [(f["value"], f["unit"], f["periodStart"], f["periodEnd"]) for f in growth] == [
        ("36", "%", "2023-01-01", "2023-09-30")]


def test_cluster_profile_of_an_unknown_cluster_lists_the_clusters(seed_result):
    from clusterkg.errors import QueryError

    kg, result = seed_result
    with pytest.raises(QueryError, match="no cluster called '造船'.*工程机械"):
        analysis.cluster_profile(kg.store, result.G, "造船")


# --------------------------------------------------------------------------- the command

def test_analyze_table_ranks_and_shows_each_section(cli, built_store):
    result = cli("analyze", "--store", built_store)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("entity network: ")
    for title in ("most central (by PageRank)", "organisations that bridge clusters",
                  "clusters that share organisations", "communities (largest first)"):
        assert title in out
    ranked = out.split("most central (by PageRank)")[1].splitlines()
    assert ranked[3].split()[:2] == ["1", "工程机械"]


def test_analyze_json_lists_every_node_with_its_measures(cli, built_store, seed_result):
    _kg, expected = seed_result
    result = cli("analyze", "--store", built_store, "--format", "json")
    data = json.loads(result.stdout)
    assert data["network"]["nodes"] == len(data["nodes"]) == expected.G.number_of_nodes()
    assert data["network"]["betweenness"] == "exact"
    first = data["nodes"][0]
    assert set(analysis.MEASURES) <= set(first)
    assert first["pagerank"] == max(n["pagerank"] for n in data["nodes"])
    assert {"projection", "betweenness", "pagerank", "communities"} <= set(data["timings"])


def test_analyze_csv_has_one_row_per_node(cli, built_store, seed_result):
    _kg, expected = seed_result
    lines = cli("analyze", "--store", built_store, "--format", "csv").stdout.splitlines()
    assert lines[0] == "iri,label,en,type,tier,mentions,degree,betweenness,pagerank,community,clusters"
    assert len(lines) == 1 + expected.G.number_of_nodes()


def test_analyze_cluster_profile_table(cli, built_store):
    result = cli("analyze", "--store", built_store, "--cluster", "工程机械")
    assert result.exit_code == 0
    assert result.stdout.startswith("工程机械 / Construction machinery  [优势产业集群]")
    assert "lead firms" in result.stdout and "徐工集团" in result.stdout


def test_analyze_unknown_cluster_is_a_one_line_error(cli, built_store):
    result = cli("analyze", "--store", built_store, "--cluster", "造船")
    assert result.exit_code == 2
    assert result.stderr.startswith("clusterkg: no cluster called '造船'")
    assert "Traceback" not in result.stderr


def test_write_back_needs_the_whole_analysis(cli, built_store):
    result = cli("analyze", "--store", built_store, "--cluster", "工程机械", "--write-back")
    assert result.exit_code == 2
    assert "without --cluster" in result.stderr


def test_write_back_stores_scores_that_sparql_reads_and_that_validate(cli, store_path):

    build(store_path, [EXAMPLE])
    result = cli("analyze", "--store", store_path, "--write-back", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert "graph/analysis>" in result.stderr
    nodes = json.loads(result.stdout)["nodes"]
    top = nodes[0]
    q = (f"PREFIX ck: <{CK}> SELECT ?r ?d WHERE {{ GRAPH <{analysis.ANALYSIS_GRAPH}> "
         f"{{ <{top['iri']}> ck:pageRank ?r ; ck:degree ?d }} }}")
    rows = json.loads(cli("query", q, "--store", store_path, "--format", "json").stdout)["results"]["bindings"]
    assert float(rows[0]["r"]["value"]) == pytest.approx(top["pagerank"], rel=1e-5)
    assert int(rows[0]["d"]["value"]) == top["degree"]
    count = (f"PREFIX ck: <{CK}> SELECT (COUNT(?s) AS ?n) WHERE {{ GRAPH <{analysis.ANALYSIS_GRAPH}> "
             f"{{ ?s ck:pageRank ?r }} }}")
    n = json.loads(cli("query", count, "--store", store_path, "--format", "json").stdout)["results"]["bindings"]
    assert int(n[0]["n"]["value"]) == len(nodes)
    assert cli("validate", "--store", store_path).exit_code == 0


def test_write_back_twice_leaves_the_same_quads(cli, store_path):

    build(store_path, [WUXI_IOT])
    cli("analyze", "--store", store_path, "--write-back")
    first = store_quads(store_path)
    cli("analyze", "--store", store_path, "--write-back")
    assert store_quads(store_path) == first
    assert any("/graph/analysis>" in q for q in first)


def test_cluster_pairs_are_written_back(shared_store):
    result = analysis.analyze(shared_store)
    analysis.write_back(shared_store, result)
    q = (f"PREFIX ck: <{CK}> SELECT ?n (COUNT(?o) AS ?orgs) WHERE {{ ?p a ck:ClusterPair ; ck:pairOf <{MACHINERY}> , "
         f"<{SAFETY}> ; ck:sharedOrganisationCount ?n ; ck:sharedOrganisation ?o }} GROUP BY ?n")
    [row] = list(shared_store.query(q, use_default_graph_as_union=True))
    assert (row["n"].value, row["orgs"].value) == ("2", "2")


# --------------------------------------------------------------------------- export

@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_export_network_formats_read_back_into_networkx(cli, built_store, tmp_path, seed_result, fmt):
    _kg, expected = seed_result
    out = tmp_path / f"network.{fmt}"
    result = cli("export", "--store", built_store, "--format", fmt, "-o", out)
    assert result.exit_code == 0, result.stderr
    if fmt == "graphml":
        G = nx.read_graphml(out)
    elif fmt == "gexf":
        G = nx.read_gexf(out)
    else:
        G = nx.node_link_graph(json.loads(out.read_text(encoding="utf-8")), edges="links")
    assert G.number_of_nodes() == expected.G.number_of_nodes()
    assert G.number_of_edges() == expected.G.number_of_edges()
    node = G.nodes[MACHINERY]
    assert node["label"] == "工程机械"
    assert float(node["pagerank"]) == pytest.approx(expected.scores["pagerank"][MACHINERY])


def test_network_bytes_flattens_tuples_for_graphml():
    G = nx.MultiDiGraph()
    G.add_node("a", aliases=("x", "y"), category="Firm")
    data = analysis.network_bytes(G, "graphml")
    assert nx.read_graphml(io.BytesIO(data)).nodes["a"]["aliases"] == "x|y"
