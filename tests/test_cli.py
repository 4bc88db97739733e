"""The ``clusterkg`` command, run in-process: help everywhere, saved questions, output
formats, errors with their exit codes — and the scoring contract read the way the scorer
reads it (``clusterkg query NAME --format json``)."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from clusterkg.cli import main

SAVED = ["organizations", "clusters", "metrics", "relations", "events", "documents"]
CONTRACT = {
    "organizations": {"label", "aliases", "type", "mentions"},
    "clusters": {"label", "aliases", "mentions"},
    "metrics": {"subject", "indicator", "value", "unit", "period", "sentence"},
    "relations": {"subject", "predicate", "object", "sentence"},
    "events": {"label", "date"},
    "documents": {"title", "issuer"},
}
COARSE_TYPES = {"Firm", "Alliance", "InnovationPlatform", "Laboratory", "University", "ResearchInstitute",
                "GovernmentBody", "IndustrialPark", "Media", "Other"}
XSD = "http://www.w3.org/2001/XMLSchema#"


def query_json(cli, store, spec: str, *extra: str) -> dict:
    result = cli("query", spec, "--store", store, "--format", "json", *extra)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def values(data: dict) -> list[dict[str, str]]:
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


# --------------------------------------------------------------------------- help

def test_main_help_lists_the_commands(cli):
    result = cli("--help")
    assert result.exit_code == 0
    for name in ("build", "query", "validate", "export", "view"):
        assert name in result.stdout


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help(cli, command):
    result = cli(command, "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage:")
    assert f" {command} " in result.stdout.splitlines()[0]


def test_version_is_printed(cli):
    result = cli("--version")
    assert result.exit_code == 0
    assert re.search(r"\d+\.\d+\.\d+", result.stdout)


# --------------------------------------------------------------------------- saved questions

def test_query_list_names_every_saved_question(cli):
    result = cli("query", "--list")
    assert result.exit_code == 0
    listed = {line.split()[0] for line in result.stdout.splitlines() if line.strip()}
    assert set(SAVED) <= listed


def test_query_list_needs_no_store(cli, tmp_path):
    result = cli("query", "--list", "--store", tmp_path / "nothing-here")
    assert result.exit_code == 0
    assert not (tmp_path / "nothing-here").exists()


def test_unknown_saved_name_lists_the_names(cli, built_store):
    result = cli("query", "organisationz", "--store", built_store)
    assert result.exit_code == 2
    assert "organisationz" in result.stderr
    for name in SAVED:
        assert name in result.stderr


def test_query_on_a_missing_store_says_build_first(cli, tmp_path):
    result = cli("query", "organizations", "--store", tmp_path / "nostore")
    assert result.exit_code == 2
    assert "build" in result.stderr
    assert "Traceback" not in result.output


# --------------------------------------------------------------------------- formats

def test_organizations_json_is_sparql_results_json(cli, built_store):
    data = query_json(cli, built_store, "organizations")
    assert set(data) == {"head", "results"}
    assert isinstance(data["head"]["vars"], list)
    assert data["results"]["bindings"]
    for binding in data["results"]["bindings"]:
        for term in binding.values():
            assert term["type"] in {"uri", "literal", "bnode"}
            assert isinstance(term["value"], str)


def test_organizations_json_has_the_contract_variables(cli, built_store):
    data = query_json(cli, built_store, "organizations")
    assert CONTRACT["organizations"] <= set(data["head"]["vars"])


def test_organizations_type_is_a_coarse_category(cli, built_store):
    types = {row["type"] for row in values(query_json(cli, built_store, "organizations"))}
    assert types <= COARSE_TYPES


def test_organizations_mentions_is_an_integer(cli, built_store):
    for binding in query_json(cli, built_store, "organizations")["results"]["bindings"]:
        assert binding["mentions"]["datatype"] == XSD + "integer"
        assert int(binding["mentions"]["value"]) >= 0


def test_csv_has_a_header_and_one_line_per_row(cli, built_store):
    result = cli("query", "organizations", "--store", built_store, "--format", "csv")
    assert result.exit_code == 0
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert CONTRACT["organizations"] <= set(table[0])
    assert len(table) == len(values(query_json(cli, built_store, "organizations")))


def test_table_lines_up_columns_and_counts_rows(cli, built_store):
    result = cli("query", "events", "--store", built_store, "--format", "table")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["event", "label", "date"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    n = len(values(query_json(cli, built_store, "events")))
    assert lines[-1] == f"({n} row{'s' if n != 1 else ''})"


# --------------------------------------------------------------------------- inline SPARQL

def test_malformed_sparql_exits_2_with_line_and_column(cli, built_store):
    result = cli("query", "SELECT ?s\nWHERE {\n  ?s ?p\n}", "--store", built_store)
    assert result.exit_code == 2
    position = re.search(r"(\d+):(\d+)", result.stderr)
    assert position, result.stderr
    assert position.group(1) == "4"
    assert len(result.stderr.strip().splitlines()) == 1


def test_param_is_bound_into_an_inline_query(cli, built_store):
    data = query_json(cli, built_store,
                      "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
                      "SELECT ?name ?org WHERE { ?org skos:prefLabel ?l . FILTER(STR(?l) = ?name) }",
                      "--param", "name=徐工集团")
    assert values(data) == [{"name": "徐工集团", "org": "https://w3id.org/clusterkg/id/org/xcmg-group"}]


def test_param_without_equals_sign_is_refused(cli, built_store):
    result = cli("query", "SELECT ?x WHERE { }", "--store", built_store, "--param", "x")
    assert result.exit_code == 2
    assert "NAME=VALUE" in result.stderr


def test_query_from_an_rq_file(cli, built_store, tmp_path):
    rq = tmp_path / "firms.rq"
    rq.write_text("PREFIX ck: <https://w3id.org/clusterkg/ontology#>\n"
                  "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?m ck:mentionOf ?f . ?f a ck:Firm }\n", encoding="utf-8")
    (row,) = values(query_json(cli, built_store, str(rq)))
    assert int(row["n"]) > 0


# --------------------------------------------------------------------------- the scoring contract on the example

@pytest.mark.parametrize("name", SAVED)
def test_saved_query_returns_rows_with_the_contract_variables(cli, built_store, name):
    data = query_json(cli, built_store, name)
    assert CONTRACT[name] <= set(data["head"]["vars"])
    assert data["results"]["bindings"], f"{name} returned no rows on the example"


GROWTH = {"绿色低碳能源": "11.5", "集成电路与ICT": "4.6", "安全应急": "13.6", "精品钢材": "11.6", "高端纺织": "36",
          "食品及农副产品加工": "7.9"}
GROWTH_IDS = ["green-energy", "ic-ict", "safety-emergency", "quality-steel", "textiles", "food-processing"]


@pytest.fixture(scope="module")
def example_metrics(built_store):
    from click.testing import CliRunner

    result = CliRunner().invoke(main, ["query", "metrics", "--store", str(built_store), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["results"]["bindings"]


@pytest.mark.parametrize(("cluster", "value"), GROWTH.items(), ids=GROWTH_IDS)
def test_cluster_growth_is_a_metric(example_metrics, cluster, value):
    rows = [b for b in example_metrics if b["subject"]["value"] == cluster and b["unit"]["value"] == "%"]
    assert len(rows) == 1, f"{cluster}: {len(rows)} rows in % "
    (row,) = rows
    assert float(row["value"]["value"]) == float(value)


@pytest.mark.parametrize("cluster", list(GROWTH), ids=GROWTH_IDS)
def test_cluster_growth_period_is_january_to_september_2023(example_metrics, cluster):
    (row,) = [b for b in example_metrics if b["subject"]["value"] == cluster and b["unit"]["value"] == "%"]
    assert row["periodStart"] == {"type": "literal", "value": "2023-01-01", "datatype": XSD + "date"}
    assert row["periodEnd"] == {"type": "literal", "value": "2023-09-30", "datatype": XSD + "date"}
    assert row["period"]["value"] == "1至9月份"


def test_cluster_growth_value_is_the_number_as_stated(example_metrics):
    (row,) = [b for b in example_metrics if b["subject"]["value"] == "高端纺织" and b["unit"]["value"] == "%"]
    assert row["value"]["value"] in {"36", "36.0"}
    assert row["value"]["datatype"] == XSD + "decimal"


def test_metric_sentence_is_the_sentence_it_came_from(example_metrics):
    (row,) = [b for b in example_metrics if b["subject"]["value"] == "精品钢材" and b["unit"]["value"] == "%"]
    sentence = row["sentence"]["value"]
    assert "精品钢材" in sentence and "11.6%" in sentence
    assert sentence.startswith("1至9月份")


def test_events_have_their_dates(cli, built_store):
    bindings = query_json(cli, built_store, "events")["results"]["bindings"]
    dates = {b["date"]["value"] for b in bindings if "date" in b}
    assert {"2023-12-08", "2023-07-20"} <= dates
    assert {b["date"]["datatype"] for b in bindings if "date" in b} == {XSD + "date"}


def test_event_dates_come_from_their_own_sentences(cli, built_store):
    rows = values(query_json(cli, built_store, "events"))
    for day, stated in (("2023-12-08", "12月8日"), ("2023-07-20", "7月20日")):
        sentences = [r["sentence"] for r in rows if r.get("date") == day]
        assert sentences
        assert all(s.startswith(stated) for s in sentences)


def test_documents_have_titles_without_brackets(cli, built_store):
    titles = [r["title"] for r in values(query_json(cli, built_store, "documents"))]
    assert titles
    assert not any(t.startswith("《") or t.endswith("》") for t in titles)
