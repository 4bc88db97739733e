"""``clusterkg serve``, run as a user runs it (a child process on 127.0.0.1): the URL it prints,
standard clients (curl, SPARQLWrapper, GET and POST, four result formats), updates refused,
the query page and its assets served by the server itself, the saved-questions page, Ctrl-C."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import pytest
from clusterkg.graph import server as srv
from clusterkg.graph import sparql
from conftest import quad_count
from SPARQLWrapper import JSON, SPARQLWrapper

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def start_serve(store, *extra: str) -> tuple[subprocess.Popen, list[str]]:
    process = subprocess.Popen([sys.executable, "-m", "clusterkg", "serve", "--store", str(store), "--port", "0",
                                *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines = []
    for line in process.stdout:
        lines.append(line.rstrip("\n"))
        if line.startswith("Ctrl-C"):
            break
    return process, lines


@pytest.fixture(scope="module")
def served(built_store):
    process, lines = start_serve(built_store)
    assert lines and lines[-1].startswith("Ctrl-C"), process.stderr.read()
    endpoint = lines[0].split()[2]
    yield endpoint, lines
    process.send_signal(signal.SIGINT)
    assert process.wait(10) == 0


def get(url: str, accept: str | None = None, data: bytes | None = None, method: str | None = None,
        content_type: str | None = None):
    req = urllib.request.Request(url, data=data, method=method)
    if accept:
        req.add_header("Accept", accept)
    if content_type:
        req.add_header("Content-Type", content_type)
    with urllib.request.urlopen(req, timeout=10) as resp:
        return resp.status, resp.headers.get_content_type(), resp.read().decode("utf-8")


def test_serve_prints_the_endpoint_the_page_and_the_questions(served):
    endpoint, lines = served
    assert endpoint.startswith("http://127.0.0.1:") and endpoint.endswith("/query")
    assert "read-only" in lines[0]
    assert lines[1].split()[2] == endpoint.removesuffix("query")
    assert lines[2].split()[2].startswith("file://") and lines[2].endswith("questions.html")


@pytest.mark.parametrize(("accept", "media", "marker"), [
    ("application/sparql-results+json", "application/sparql-results+json", '"bindings"'),
    ("text/csv", "text/csv", "n\r\n"),
    ("text/tab-separated-values", "text/tab-separated-values", "?n\n"),
    ("application/sparql-results+xml", "application/sparql-results+xml", "<sparql"),
])
def test_get_answers_in_the_format_asked(served, built_store, accept, media, marker):
    endpoint, _ = served
    status, got, body = get(endpoint + "?" + urllib.parse.urlencode({"query": COUNT}), accept)
    assert (status, got) == (200, media)
    assert marker in body
    assert str(quad_count(built_store)) in body  # the default graph is the union of all graphs


def test_post_form_and_post_query_work(served):
    endpoint, _ = served
    form = urllib.parse.urlencode({"query": COUNT}).encode()
    assert get(endpoint, "text/csv", form, content_type="application/x-www-form-urlencoded")[0] == 200
    assert get(endpoint, "text/csv", COUNT.encode(), content_type="application/sparql-query")[0] == 200


@pytest.mark.skipif(not shutil.which("curl"), reason="curl is not installed")
def test_curl_gets_answers(served):
    endpoint, _ = served
    out = subprocess.run(["curl", "-s", "-G", "--data-urlencode", f"query={COUNT}", "-H", "Accept: text/csv", endpoint],
                         capture_output=True, text=True, timeout=30)
    assert out.returncode == 0
    assert out.stdout.splitlines()[0] == "n" and int(out.stdout.splitlines()[1]) > 0


def test_sparqlwrapper_runs_a_saved_question(served):
    endpoint, _ = served
    client = SPARQLWrapper(endpoint)
    client.setQuery(sparql.saved_queries()["timeline"].text)
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    assert ("2023-12-08", "绿色低碳能源") in {(r["date"]["value"], r.get("clusters", {}).get("value")) for r in rows}
    client.setQuery("ASK { ?s a <https://w3id.org/clusterkg/ontology#IndustrialCluster> }")
    assert client.query().convert()["boolean"] is True


@pytest.mark.parametrize(("path", "body", "ctype", "method"), [
    ("update", b"INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-update", "POST"),
    ("update", urllib.parse.urlencode({"update": "CLEAR ALL"}).encode(), "application/x-www-form-urlencoded", "POST"),
    ("store?graph=urn:g", b"<urn:a> <urn:b> <urn:c> .", "text/turtle", "PUT"),
    ("store?default", b"", None, "DELETE"),
])
def test_updates_are_refused(served, built_store, path, body, ctype, method):
    endpoint, _ = served
    base = endpoint.removesuffix("query")
    with pytest.raises(urllib.error.HTTPError) as err:
        get(base + path, data=body, method=method, content_type=ctype)
    assert err.value.code == 403
    assert str(quad_count(built_store)) in get(endpoint + "?" + urllib.parse.urlencode({"query": COUNT}), "text/csv")[2]


def test_query_page_and_its_assets_come_from_the_server(served):
    endpoint, _ = served
    base = endpoint.removesuffix("query")
    status, media, page = get(base)
    assert (status, media) == (200, "text/html") and "Yasgui" in page
    refs = [v for attr in ("src", "href") for v in _attrs(page, attr)]
    assert refs and not [r for r in refs if r.startswith(("http:", "https:", "//"))]  # nothing from the network
    for ref in refs:
        assert get(urllib.parse.urljoin(base, ref))[0] == 200, ref


def _attrs(page: str, attr: str) -> list[str]:
    import re

    return re.findall(rf'{attr}="([^"]+)"', page)


def test_questions_page_links_every_saved_question_to_the_query_page(served):
    endpoint, lines = served
    page = urllib.request.urlopen(lines[2].split()[2]).read().decode("utf-8")
    base = endpoint.removesuffix("/query")
    for name, q in sparql.saved_queries().items():
        assert f'id="{name}"' in page
        assert q.title in page or q.title.replace("’", "&#x27;") in page
    links = _attrs(page, "href")
    shares = [urllib.parse.parse_qs(urllib.parse.urlsplit(link.replace("&amp;", "&")).fragment)
              for link in links if "#query=" in link]
    assert len(shares) == len(sparql.saved_queries())
    assert {s["endpoint"][0] for s in shares} == {endpoint}
    by_tab = {s["tabTitle"][0]: s["query"][0] for s in shares}
    assert 'VALUES (?org) { ("徐工集团"@zh) }' in by_tab["org-profile"]  # runnable as it opens
    assert all(link.startswith(base) for link in links if "#query=" in link)


def test_share_link_runs_its_question_on_the_server(served):
    """What the page's link sends is a query the server answers with rows."""
    endpoint, _ = served
    link = srv.share_link(endpoint.removesuffix("/query"), sparql.saved_queries()["org-profile"])
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(link).fragment)["query"][0]
    body = get(endpoint, "text/csv", urllib.parse.urlencode({"query": query}).encode(),
               content_type="application/x-www-form-urlencoded")[2]
    assert "leadFirmOf" in body


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(not CHROMIUM, reason="chromium is not installed")
def test_browser_opens_a_question_and_shows_its_rows(served, tmp_path):
    endpoint, _ = served
    link = srv.share_link(endpoint.removesuffix("/query"), sparql.saved_queries()["timeline"])
    out = subprocess.run([CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=8000",
                          f"--user-data-dir={tmp_path}", "--dump-dom", link], capture_output=True, text=True,
                         timeout=120)
    assert "江苏省新型能源体系示范启动" in out.stdout  # a row of the results table


def test_ctrl_c_stops_the_server_cleanly(built_store):
    process, lines = start_serve(built_store)
    endpoint = lines[0].split()[2]
    assert get(endpoint + "?" + urllib.parse.urlencode({"query": COUNT}), "text/csv")[0] == 200
    process.send_signal(signal.SIGINT)
    assert process.wait(10) == 0
    assert "server stopped" in process.stderr.read()
    assert "Traceback" not in process.stdout.read()
    with pytest.raises(urllib.error.URLError):
        get(endpoint + "?" + urllib.parse.urlencode({"query": COUNT}))
    assert not os.path.exists(lines[2].split()[2].removeprefix("file://"))


def test_serve_on_a_missing_store_says_build_first(cli, tmp_path):
    result = cli("serve", "--store", tmp_path / "nothing")
    assert result.exit_code == 2
    assert "build" in result.stderr


def test_serve_on_a_busy_port_is_a_clear_error(cli, built_store, served):
    port = served[0].split(":")[2].split("/")[0]
    result = cli("serve", "--store", built_store, "--port", port)
    assert result.exit_code == 2
    assert "did not start" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
