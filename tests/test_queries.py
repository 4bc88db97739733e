"""The saved questions: each has a title and a description, and each is checked on the seed
graph against what the example report and the reference data say. Questions that compare
reports (what changed, who bridges clusters, reference vs reports) also run on the seed plus
a later edition of it written here. Parameters bound as a VALUES block (how they reach a
server) give the same rows as pyoxigraph's substitutions, and every question returns rows on
the synthetic benchmark graph."""

from __future__ import annotations

import gc
import re
import subprocess
import sys

import pyoxigraph as ox
import pytest
from clusterkg.graph import KnowledgeGraph, sparql
from conftest import EXAMPLE, REPO, build

SEED = EXAMPLE.name
LATER = "xuzhou-343-2024-03-01.txt"


@pytest.fixture(scope="module")
def kg(built_store):
    g = KnowledgeGraph(built_store, read_only=True)
    yield g
    del g
    gc.collect()


@pytest.fixture(scope="module")
def two_reports(tmp_path_factory):
    """The seed and a later edition: 高端纺织 grows 40% instead of 36%, the paragraph on the
    province's support for 工程机械 is gone, and a new paragraph names 徐工集团 the lead firm of
    工程机械 and serving 新材料 as well."""
    folder = tmp_path_factory.mktemp("two")
    text = EXAMPLE.read_text(encoding="utf-8")
    (folder / SEED).write_text(text, encoding="utf-8")
    later = text.replace("高端纺织同比增长36%", "高端纺织同比增长40%")
    later = "\n".join(line for line in later.split("\n") if "省委、省政府高度重视工程机械产业" not in line)
    later = later.replace("本报记者 王正喜\n", "本报记者 王正喜\n\n徐工集团是工程机械产业集群的龙头企业。"
                                           "徐工集团同时服务新材料产业集群和工程机械产业集群。\n")
    assert later.count("徐工集团是工程机械产业集群的龙头企业") == 1
    (folder / LATER).write_text(later, encoding="utf-8")
    store = build(folder / "store", [folder / SEED, folder / LATER])
    g = KnowledgeGraph(store, read_only=True)
    yield g
    del g
    gc.collect()


def rows(g: KnowledgeGraph, name: str, **params: str) -> list[dict[str, str]]:
    return g.rows(name, params)


def triples_of(table: list[dict[str, str]], *keys: str) -> set[tuple[str, ...]]:
    return {tuple(r[k] for k in keys) for r in table}


# --------------------------------------------------------------------------- the library

def test_at_least_fifteen_saved_questions_each_with_title_and_description():
    saved = sparql.saved_queries()
    assert len(saved) >= 15
    for q in saved.values():
        assert q.title, q.name
        assert len(q.description) > 20, q.name


def test_query_list_prints_one_question_per_line_with_its_title(cli):
    lines = cli("query", "--list").stdout.splitlines()
    saved = sparql.saved_queries()
    assert len(lines) == len(saved)
    for line, q in zip(lines, saved.values(), strict=True):
        assert line.split()[0] == q.name
        assert q.title in line


def test_parameters_are_projected_and_declared():
    """pyoxigraph substitutes only projected variables; a server sees them in a VALUES line."""
    for q in sparql.saved_queries().values():
        select = q.text[q.text.index("SELECT"):q.text.index("WHERE")]
        for name, _required, help_ in q.params:
            assert f"?{name}" in select.split(), f"{q.name}: ?{name} is not projected"
            assert help_, f"{q.name}: parameter {name} has no help"


# every test below names the question it checks; this keeps the list honest
CHECKED = {"organizations", "clusters", "metrics", "relations", "events", "documents", "cluster-growth",
           "growth-ranking", "lead-firms", "platforms", "challenge-participants", "documents-by-issuer", "timeline",
           "org-profile", "report-facts", "bridging-orgs", "reference-only", "cluster-profile", "report-diff",
           "fact-sources"}


def test_every_saved_question_has_a_test_here():
    assert set(sparql.saved_queries()) == CHECKED


# --------------------------------------------------------------------------- the scoring contract

def test_organizations(kg):
    table = {r["label"]: r for r in rows(kg, "organizations")}
    assert table["徐工集团"]["type"] == "Firm" and int(table["徐工集团"]["mentions"]) >= 1
    assert "徐工" in table["徐工集团"]["aliases"].split("|")
    assert table["上海交通大学"]["type"] == "University"
    assert table["徐州市人民政府"]["type"] == "GovernmentBody"
    assert table["云龙湖实验室"]["type"] == "Laboratory"
    counts = [int(r["mentions"]) for r in rows(kg, "organizations")]
    assert counts == sorted(counts, reverse=True)


def test_clusters(kg):
    table = {r["label"]: r for r in rows(kg, "clusters")}
    assert len([r for r in table.values() if r["city"] == "徐州"]) == 10  # the “343”: 3 + 4 + 3
    assert table["工程机械"]["tier"] == "优势产业集群"
    assert table["安全应急"]["tier"] == "新兴产业集群"
    assert table["高端纺织"]["tier"] == "特色产业集群"
    assert "一号产业" in table["工程机械"]["aliases"].split("|")
    assert int(table["高端纺织"]["mentions"]) >= 1


def test_metrics(kg):
    (row,) = [r for r in rows(kg, "metrics") if r["subject"] == "精品钢材" and r["unit"] == "%"]
    assert (row["indicator"], row["value"], row["period"]) == ("产值同比增长", "11.6", "1至9月份")
    assert (row["periodStart"], row["periodEnd"], row["target"]) == ("2023-01-01", "2023-09-30", "false")
    assert "11.6%" in row["sentence"]


def test_relations(kg):
    table = rows(kg, "relations")
    stated = {(r["subjectLabel"], r["predicate"], r["objectLabel"]): r for r in table if r["sentence"]}
    row = stated[("上海交通大学", "participatesIn", "工程机械关键核心技术攻关需求榜")]
    assert "工程机械关键核心技术攻关需求榜" in row["sentence"]
    curated = [r for r in table if r["predicate"] == "leadFirmOf" and r["subjectLabel"] == "徐工集团"]
    assert curated and all(r["sentence"] == "" and r["source"].startswith("http") for r in curated)


def test_events(kg):
    table = {r["label"]: r for r in rows(kg, "events")}
    event = table["国家工程机械先进制造业集群(徐州)创新发展大会"]
    assert (event["date"], event["venue"], event["clusters"]) == ("2023-07-20", "徐州", "工程机械")
    assert table["江苏省新型能源体系示范启动暨徐州市绿色低碳能源产业发展推进大会"]["date"] == "2023-12-08"


def test_documents(kg):
    table = {r["title"]: r for r in rows(kg, "documents")}
    assert table["在徐高校服务“343”产业发展项目实施方案"]["issuer"] == "徐州市人民政府"
    assert table["工程机械关键核心技术攻关需求榜"]["type"] == "ChallengeList"


# --------------------------------------------------------------------------- analyst questions

GROWTH = [("高端纺织", "36"), ("安全应急", "13.6"), ("精品钢材", "11.6"), ("绿色低碳能源", "11.5"),
          ("食品及农副产品加工", "7.9"), ("集成电路与ICT", "4.6")]


def test_cluster_growth(kg):
    table = rows(kg, "cluster-growth")
    assert [(r["label"], r["value"]) for r in table] == GROWTH
    assert {(r["periodStart"], r["periodEnd"]) for r in table} == {("2023-01-01", "2023-09-30")}


def test_growth_ranking_for_a_period(kg):
    table = rows(kg, "growth-ranking", period_end="2023-09-30")
    assert [(r["cluster"], r["value"]) for r in table] == GROWTH
    assert {r["period_end"] for r in table} == {"2023-09-30"}


def test_growth_ranking_for_a_period_without_figures_is_empty(kg):
    # the bug this caught: !BOUND(?period_end) stayed true under pyoxigraph's substitutions
    assert rows(kg, "growth-ranking", period_end="2024-06-30") == []
    assert len(rows(kg, "growth-ranking")) == len(GROWTH)


def test_lead_firms(kg):
    table = rows(kg, "lead-firms")
    assert ("工程机械", "徐工集团", "true") in triples_of(table, "cluster", "firm", "confirmed")
    assert ("集成电路与ICT", "鑫华半导体", "false") in triples_of(table, "cluster", "firm", "confirmed")
    assert all(r["source"] for r in table)


def test_lead_firms_of_one_cluster(kg):
    table = rows(kg, "lead-firms", cluster_name="工程机械")
    assert table and {r["cluster"] for r in table} == {"工程机械"}
    assert {r["firm"] for r in table} == {"徐工集团"}


def test_platforms(kg):
    table = rows(kg, "platforms", cluster_name="工程机械")
    assert ("工程机械", "高端工程机械及核心零部件制造业创新中心", "InnovationPlatform") in triples_of(
        table, "cluster", "platform", "type")
    assert {r["cluster"] for r in table} == {"工程机械"}
    assert all(r["cluster"] == "新材料" for r in rows(kg, "platforms", cluster_name="新材料"))


def test_challenge_participants(kg):
    table = rows(kg, "challenge-participants")
    assert triples_of(table, "list", "issuer", "participant", "type") >= {
        ("工程机械关键核心技术攻关需求榜", "徐州市人民政府", "上海交通大学", "University"),
        ("工程机械关键核心技术攻关需求榜", "徐州市人民政府", "佐治亚理工学院", "University")}
    assert all("需求榜" in r["sentence"] for r in table)


def test_documents_by_issuer(kg):
    by_city = rows(kg, "documents-by-issuer", issuer_name="市政府")  # the name the report uses
    assert {r["issuer"] for r in by_city} == {"徐州市人民政府"}
    assert ("工程机械关键核心技术攻关需求榜", "ChallengeList") in triples_of(by_city, "title", "type")
    (province,) = rows(kg, "documents-by-issuer", issuer_name="江苏省发展和改革委员会")
    assert province["title"].startswith("徐州市新型能源体系中长期发展规划")
    assert rows(kg, "documents-by-issuer", issuer_name="无名机构") == []
    assert len(rows(kg, "documents-by-issuer")) >= len(by_city) + 1


def test_timeline(kg):
    table = rows(kg, "timeline")
    assert [r["date"] for r in table] == sorted(r["date"] for r in table)
    assert ("2023-12-08", "绿色低碳能源") in triples_of(table, "date", "clusters")
    assert ("2023-07-20", "工程机械") in triples_of(table, "date", "clusters")


def test_org_profile(kg):
    table = rows(kg, "org-profile", org="徐工集团")
    lead = [r for r in table if r["predicate"] == "leadFirmOf"]
    assert lead and {r["other"] for r in lead} == {"工程机械"} and all(r["source"].startswith("http") for r in lead)
    assert ("relation (inverse)", "partOf", "徐工机械") in triples_of(table, "kind", "predicate", "other")


def test_org_profile_by_another_name_gives_the_same_rows(kg):
    def without_org(table):
        return sorted(tuple(sorted((k, v) for k, v in r.items() if k != "org")) for r in table)

    assert without_org(rows(kg, "org-profile", org="徐工")) == without_org(rows(kg, "org-profile", org="徐工集团"))


def test_report_facts(kg):
    table = rows(kg, "report-facts", file=SEED)
    assert ("figure", "高端纺织", "产值同比增长", "36", "%") in triples_of(table, "kind", "subject", "predicate", "value",
                                                                     "unit")
    offsets = [int(r["offset"]) for r in table]
    assert offsets == sorted(offsets)
    assert rows(kg, "report-facts", file="no-such-report.txt") == []


def test_reference_only(kg):
    table = rows(kg, "reference-only")
    assert ("徐工集团", "leadFirmOf", "工程机械", "true") in triples_of(table, "subject", "predicate", "object",
                                                                        "confirmed")
    assert ("鑫华半导体", "leadFirmOf", "集成电路与ICT", "false") in triples_of(table, "subject", "predicate", "object",
                                                                               "confirmed")
    assert all(r["source"].startswith("http") for r in table)


def test_cluster_profile(kg):
    table = rows(kg, "cluster-profile", cluster="工程机械")
    kinds = triples_of(table, "kind", "predicate", "other")
    assert ("tier", "tier", "优势产业集群") in kinds
    assert ("lead firm", "leadFirmOf", "徐工集团") in kinds
    assert ("event", "about", "国家工程机械先进制造业集群(徐州)创新发展大会") in kinds
    assert ("named with", "InnovationPlatform", "高端工程机械及核心零部件制造业创新中心") in kinds
    tiers = [r for r in table if r["kind"] == "tier"]  # one row per reference source
    assert tiers and {(r["other"], r["value"]) for r in tiers} == {("优势产业集群", "“343”创新产业集群")}
    assert all(r["source"].startswith("http") for r in tiers)
    assert all(r["source"].startswith("http") for r in table if r["kind"] == "lead firm")
    assert all(r["sentence"] for r in table if r["kind"] in ("event", "named with", "figure"))
    assert {r["label"] for r in table} == {"工程机械"}


def test_cluster_profile_by_alias_and_city(kg):
    def core(table):
        return sorted(tuple(r[k] for k in ("kind", "predicate", "other", "value", "source")) for r in table)

    base = core(rows(kg, "cluster-profile", cluster="工程机械"))
    assert core(rows(kg, "cluster-profile", cluster="一号产业")) == base
    assert core(rows(kg, "cluster-profile", cluster="工程机械", city="徐州")) == base
    assert rows(kg, "cluster-profile", cluster="工程机械", city="长沙") == []


def test_fact_sources(kg):
    table = rows(kg, "fact-sources")
    by_fact = {(r["subject"], r["predicate"], r["object"]): r for r in table}
    assert by_fact[("徐工集团", "leadFirmOf", "工程机械")]["statedBy"] == "reference only"
    stated = by_fact[("上海交通大学", "participatesIn", "工程机械关键核心技术攻关需求榜")]
    assert (stated["statedBy"], stated["reports"], stated["source"]) == ("reports only", "1", "")
    # the same split as the reference-only question
    only = {k for k, r in by_fact.items() if r["statedBy"] == "reference only"}
    assert only == triples_of(rows(kg, "reference-only"), "subject", "predicate", "object")


# --------------------------------------------------------------------------- across two reports

def test_report_diff(two_reports):
    table = rows(two_reports, "report-diff", before=SEED, after=LATER)
    changes = {(r["change"], r["kind"], r["subject"], r["predicate"], r["object"]) for r in table}
    assert ("added", "relation", "徐工集团", "leadFirmOf", "工程机械") in changes
    assert ("dropped", "relation", "工程机械", "supportedBy", "江苏省人民政府") in changes
    (textiles,) = [r for r in table if r["kind"] == "figure"]
    assert (textiles["change"], textiles["subject"], textiles["beforeValue"], textiles["afterValue"]) == (
        "updated", "高端纺织", "36", "40")
    assert textiles["beforePeriod"] == textiles["afterPeriod"] == "1至9月份"
    assert "40%" in textiles["sentence"]


def test_report_diff_the_other_way_swaps_added_and_dropped(two_reports):
    forward = rows(two_reports, "report-diff", before=SEED, after=LATER)
    backward = rows(two_reports, "report-diff", before=LATER, after=SEED)
    swap = {"added": "dropped", "dropped": "added", "updated": "updated"}
    assert sorted((swap[r["change"]], r["kind"], r["subject"], r["predicate"], r["object"]) for r in forward) == \
        sorted((r["change"], r["kind"], r["subject"], r["predicate"], r["object"]) for r in backward)


def test_report_diff_of_a_report_with_itself_is_empty(two_reports):
    assert rows(two_reports, "report-diff", before=SEED, after=SEED) == []


def test_bridging_orgs(kg, two_reports):
    assert rows(kg, "bridging-orgs") == []  # the seed ties no organisation to two clusters
    (row,) = rows(two_reports, "bridging-orgs")
    assert (row["organization"], row["clusters"]) == ("徐工集团", "2")
    assert set(row["cluster_names"].split("|")) == {"工程机械", "新材料"}


def test_fact_sources_both(two_reports):
    by_fact = {(r["subject"], r["predicate"], r["object"]): r for r in rows(two_reports, "fact-sources")}
    row = by_fact[("徐工集团", "leadFirmOf", "工程机械")]
    assert (row["statedBy"], row["reports"]) == ("both", "1")
    assert row["source"].startswith("http")


# --------------------------------------------------------------------------- parameters reach a server the same way

PARAMS = {"growth-ranking": {"period_end": "2023-09-30"}, "lead-firms": {"cluster_name": "工程机械"},
          "platforms": {"cluster_name": "工程机械"}, "documents-by-issuer": {"issuer_name": "市政府"},
          "org-profile": {"org": "徐工集团"}, "report-facts": {"file": SEED},
          "cluster-profile": {"cluster": "工程机械", "city": "徐州"}, "report-diff": {"before": SEED, "after": LATER}}


@pytest.mark.parametrize("name", sorted(PARAMS))
def test_values_block_gives_the_same_rows_as_substitutions(two_reports, name):
    q = sparql.saved_queries()[name]
    assert {p for p, _, _ in q.params} >= set(PARAMS[name])
    local = two_reports.rows(name, PARAMS[name])
    text = sparql.with_values(q.text, sparql.bindings(q, PARAMS[name]))
    assert "VALUES" in text
    remote_style = two_reports.rows(text)
    assert sorted(map(repr, local)) == sorted(map(repr, remote_style))
    assert local, name
    # sparql.run binds a saved question's parameters by that VALUES block too (Oxigraph plans
    # with it); pyoxigraph's substitutions give the same rows
    substituted = two_reports.store.query(q.text, substitutions=sparql.bindings(q, PARAMS[name]),
                                          use_default_graph_as_union=True)
    _v, by_values = sparql.rows(sparql.run(two_reports.store, q, PARAMS[name]))
    assert sorted(sparql.rows(substituted)[1]) == sorted(by_values)


def test_values_block_survives_quotes_and_braces_in_values(kg):
    q = sparql.saved_queries()["org-profile"]
    text = sparql.with_values(q.text, sparql.bindings(q, {"org": 'a "quoted" {name} \\ # WHERE {'}))
    assert kg.rows(text) == []


# --------------------------------------------------------------------------- errors and the time limit

def test_unknown_parameter_names_the_ones_it_takes(cli, built_store):
    result = cli("query", "lead-firms", "--store", built_store, "-p", "firm=徐工集团")
    assert result.exit_code == 2
    assert "cluster_name" in result.stderr


def test_missing_required_parameter_says_which(cli, built_store):
    result = cli("query", "report-diff", "--store", built_store, "-p", f"before={SEED}")
    assert result.exit_code == 2
    assert "--param after=" in result.stderr


def test_sparql_flag_prints_the_query_with_its_values(cli):
    result = cli("query", "org-profile", "-p", "org=徐工集团", "--sparql")
    assert result.exit_code == 0
    assert 'VALUES (?org) { ("徐工集团"@zh) }' in result.stdout
    assert result.stdout.startswith("# title:")


CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_timeout_stops_a_long_query_with_a_clear_message(built_store):
    # in a child process: the abandoned query thread ends with the process that started it
    result = subprocess.run([sys.executable, "-m", "clusterkg", "query", CROSS_JOIN, "--store", str(built_store),
                             "--timeout", "0.5"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip() == "clusterkg: inline: stopped after 0.5 s (--timeout); bind a parameter to " \
                                    "narrow it, or allow more time"
    assert "Traceback" not in result.stderr


def test_timeout_leaves_quick_queries_alone(cli, built_store):
    result = cli("query", "timeline", "--store", built_store, "--timeout", "30", "--format", "csv")
    assert result.exit_code == 0
    assert len(result.stdout.strip().splitlines()) == 4


def test_malformed_sparql_under_a_timeout_still_gives_line_and_column(cli, built_store):
    result = cli("query", "SELECT ?s\nWHERE {\n  ?s ?p\n}", "--store", built_store, "--timeout", "5")
    assert result.exit_code == 2
    assert re.search(r"\b4:\d+", result.stderr), result.stderr


# --------------------------------------------------------------------------- the synthetic benchmark graph

@pytest.fixture(scope="module")
def synthetic():
    sys.path.insert(0, str(REPO))
    try:
        from bench.synth import SyntheticGraph
    finally:
        sys.path.remove(str(REPO))
    graph = SyntheticGraph(60_000, seed=1, names=True)
    store = ox.Store()
    store.extend(graph.quads())
    return graph, store


def test_synthetic_graph_has_exactly_the_quads_asked_for(synthetic):
    graph, store = synthetic
    assert len(store) == 60_000
    reports = [g for g in store.named_graphs() if "/graph/report/" in g.value]
    assert len(reports) >= 35  # some 1,450 quads a report with its ck:names


def test_synthetic_graph_links_each_sentence_once_to_each_entity_it_names(synthetic):
    # as loaders/to_rdf.py writes them: one ck:names per (sentence, entity) pair of the mentions
    _graph, store = synthetic
    prefix = "PREFIX ck: <https://w3id.org/clusterkg/ontology#> "
    names = {(r["s"].value, r["e"].value) for r in store.query(
        prefix + "SELECT ?s ?e WHERE { GRAPH ?g { ?s ck:names ?e } }")}
    mentioned = {(r["s"].value, r["e"].value) for r in store.query(
        prefix + "SELECT DISTINCT ?s ?e WHERE { GRAPH ?g { ?m ck:inSentence ?s ; ck:mentionOf ?e } }")}
    assert names and names - mentioned == set()
    # the graph stops at exactly n quads, possibly between a mention and its link
    assert len(mentioned - names) <= 1


def test_synthetic_graph_is_the_same_every_time():
    sys.path.insert(0, str(REPO))
    try:
        from bench.synth import synthetic_quads
    finally:
        sys.path.remove(str(REPO))
    assert list(synthetic_quads(8_000, seed=3)) == list(synthetic_quads(8_000, seed=3))
    assert list(synthetic_quads(8_000, seed=3)) != list(synthetic_quads(8_000, seed=4))


@pytest.mark.parametrize("name", sorted(CHECKED))
def test_every_question_answers_on_the_synthetic_graph(synthetic, name):
    graph, store = synthetic
    q = sparql.saved_queries()[name]
    params = {p: v for p, v in graph.params.get(name, {}).items() if p in {n for n, _, _ in q.params}}
    variables, table = sparql.rows(sparql.run(store, q, params))
    assert table, f"{name} {params}: no rows on the synthetic graph"


def test_cluster_growth_lists_each_figure_once_across_many_reports(synthetic):
    # Oxigraph 0.5 repeats a triple of the union default graph once per graph holding it (an
    # indicator's label is in every report using it): without care each row came back dozens of times
    _graph, store = synthetic
    _variables, table = sparql.rows(sparql.run(store, sparql.saved_queries()["cluster-growth"]))
    assert table and len(table) == len({tuple(r) for r in table})


def test_bench_scripts_import_cleanly():
    for script in ("bench/synth.py", "bench/sparql.py"):
        assert (REPO / script).exists(), script
    result = subprocess.run([sys.executable, str(REPO / "bench" / "sparql.py"), "--help"], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "triples" in result.stdout


@pytest.mark.parametrize("name", ["events", "documents", "timeline"])
def test_lists_of_names_give_the_same_rows_on_rdflib(synthetic, name):
    # GROUP_CONCAT over an OPTIONAL that did not match stopped rdflib (NotBoundError); the
    # questions that list names are checked against rdflib's engine on the synthetic graph
    from rdflib import Dataset

    _graph, store = synthetic
    ds = Dataset(default_union=True)
    ds.parse(data=ox.serialize(store, format=ox.RdfFormat.N_QUADS), format="nquads")
    q = sparql.saved_queries()[name]
    _variables, expected = sparql.rows(sparql.run(store, q))
    got = [["" if v is None else str(v) for v in row] for row in ds.query(q.text)]
    assert expected
    assert sorted(got) == sorted(expected)
