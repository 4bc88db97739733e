"""Past one machine: ``push`` to a writable ``oxigraph serve`` started here on 127.0.0.1, and
``query --endpoint`` against it, compared with the local store."""

from __future__ import annotations

import base64
import json
import subprocess
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from clusterkg.graph import remote, sparql
from clusterkg.graph.server import free_port, oxigraph_binary
from conftest import EXAMPLE, quad_count
from SPARQLWrapper import JSON, SPARQLWrapper

SEED = EXAMPLE.name
PARAMS = {"growth-ranking": ["period_end=2023-09-30"], "lead-firms": ["cluster_name=工程机械"],
          "platforms": ["cluster_name=工程机械"], "documents-by-issuer": ["issuer_name=市政府"],
          "org-profile": ["org=徐工集团"], "report-facts": [f"file={SEED}"],
          "cluster-profile": ["cluster=工程机械", "city=徐州"], "report-diff": [f"before={SEED}", f"after={SEED}"]}


def wait_for(url: str, process: subprocess.Popen, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read().decode() if process.stderr else "server exited"
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"{url} did not answer")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A writable Oxigraph server (default graph = union of all graphs), as a user would run one."""
    port = free_port("127.0.0.1")
    folder = tmp_path_factory.mktemp("remote") / "db"
    process = subprocess.Popen([str(oxigraph_binary()), "serve", "--location", str(folder), "--bind",
                                f"127.0.0.1:{port}", "--union-default-graph"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    wait_for(base + "/", process)
    yield base
    process.terminate()
    process.wait(10)


@pytest.fixture
def empty_server(server):
    remote.request("POST", server + "/update", body=b"DROP ALL", headers={"Content-Type": "application/sparql-update"})
    return server


def remote_count(base: str, graph: str | None = None) -> int:
    client = SPARQLWrapper(base + "/query")
    where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "GRAPH ?g { ?s ?p ?o }"
    client.setQuery(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
    client.setReturnFormat(JSON)
    return int(client.query().convert()["results"]["bindings"][0]["n"]["value"])


def local_graphs(store: Path) -> dict[str, int]:
    import gc

    import pyoxigraph as ox

    gc.collect()
    s = ox.Store.read_only(str(store))
    counts = {g.value: len(list(s.quads_for_pattern(None, None, None, g))) for g in s.named_graphs()}
    del s
    return counts


# --------------------------------------------------------------------------- push

def test_push_sends_every_graph(cli, built_store, empty_server):
    result = cli("push", "--store", built_store, "--endpoint", empty_server + "/store")
    assert result.exit_code == 0, result.stderr
    local = local_graphs(built_store)
    assert f"pushed {len(local)} graph(s), {quad_count(built_store)} triples" in result.stdout
    assert remote_count(empty_server) == quad_count(built_store)
    for graph, n in local.items():
        assert remote_count(empty_server, graph) == n, graph
    assert any("/graph/report/" in g for g in local) and any(g.endswith("/graph/reference") for g in local)


def test_push_twice_leaves_the_same_triples(cli, built_store, empty_server):
    for _ in range(2):
        assert cli("push", "--store", built_store, "--endpoint", empty_server + "/store").exit_code == 0
    assert remote_count(empty_server) == quad_count(built_store)


def test_push_replaces_what_the_server_had_in_a_graph(cli, built_store, empty_server):
    (report,) = [g for g in local_graphs(built_store) if "/graph/report/" in g]
    stale = f"INSERT DATA {{ GRAPH <{report}> {{ <urn:stale> <urn:p> 'left over' }} }}".encode()
    remote.request("POST", empty_server + "/update", body=stale, headers={"Content-Type": "application/sparql-update"})
    assert cli("push", "--store", built_store, "--endpoint", empty_server + "/store").exit_code == 0
    assert remote_count(empty_server, report) == local_graphs(built_store)[report]


def test_push_in_small_batches_sends_everything_once(cli, built_store, empty_server):
    result = cli("push", "--store", built_store, "--endpoint", empty_server + "/store", "--batch", "500")
    assert result.exit_code == 0
    requests = int(result.stdout.split(" in ")[1].split()[0])
    assert requests >= quad_count(built_store) // 500
    assert remote_count(empty_server) == quad_count(built_store)
    result = cli("push", "--store", built_store, "--endpoint", empty_server + "/store", "--batch", "500")
    assert remote_count(empty_server) == quad_count(built_store)


def test_push_to_nothing_listening_is_one_line_exit_2(cli, built_store):
    port = free_port("127.0.0.1")
    result = cli("push", "--store", built_store, "--endpoint", f"http://127.0.0.1:{port}/store")
    assert result.exit_code == 2
    assert "cannot connect" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_push_to_a_wrong_path_says_what_the_server_said(cli, built_store, server):
    result = cli("push", "--store", built_store, "--endpoint", server + "/nothing-here")
    assert result.exit_code == 2
    assert "HTTP 404" in result.stderr


class Recorder(BaseHTTPRequestHandler):
    """A Graph Store stand-in that wants basic auth and records what it got."""

    seen: list[tuple[str, str, str | None, int]] = []

    def log_message(self, *args):  # keep pytest's output clean
        pass

    def _handle(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        auth = self.headers.get("Authorization")
        Recorder.seen.append((self.command, self.path, auth, body.count(b"\n")))
        expected = "Basic " + base64.b64encode(b"analyst:s3cret").decode()
        self.send_response(204 if auth == expected else 401)
        self.end_headers()

    do_PUT = do_POST = _handle


@pytest.fixture
def recorder():
    Recorder.seen = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/store"
    httpd.shutdown()
    httpd.server_close()


def test_push_sends_credentials_from_the_environment(runner, built_store, recorder):
    from clusterkg.cli import main

    result = runner.invoke(main, ["push", "--store", str(built_store), "--endpoint", recorder, "--batch", "2000"],
                           env={"CLUSTERKG_USER": "analyst", "CLUSTERKG_PASSWORD": "s3cret"})
    assert result.exit_code == 0, result.stderr
    methods = [m for m, _, _, _ in Recorder.seen]
    assert methods.count("PUT") == len(local_graphs(built_store))  # one replace per graph, then appends
    assert set(methods) <= {"PUT", "POST"}
    assert sum(n for *_, n in Recorder.seen) == quad_count(built_store)
    assert all(path.startswith("/store?graph=https%3A%2F%2Fw3id.org%2Fclusterkg%2Fid%2Fgraph%2F")
               for _, path, _, _ in Recorder.seen)


def test_push_without_credentials_to_a_server_that_wants_them(cli, built_store, recorder):
    result = cli("push", "--store", built_store, "--endpoint", recorder)
    assert result.exit_code == 2
    assert "HTTP 401" in result.stderr and "--user" in result.stderr


def test_push_with_only_a_user_is_refused(cli, built_store, recorder):
    result = cli("push", "--store", built_store, "--endpoint", recorder, "--user", "analyst")
    assert result.exit_code == 2
    assert "password" in result.stderr
    assert Recorder.seen == []


# --------------------------------------------------------------------------- query --endpoint

@pytest.fixture(scope="module")
def pushed(server, built_store):
    remote.request("POST", server + "/update", body=b"DROP ALL", headers={"Content-Type": "application/sparql-update"})
    import gc

    import pyoxigraph as ox

    gc.collect()
    store = ox.Store.read_only(str(built_store))
    remote.push(store, server + "/store")
    del store
    return server + "/query"


def bindings(text: str) -> list[str]:
    data = json.loads(text)
    return sorted(json.dumps(b, sort_keys=True, ensure_ascii=False) for b in data["results"]["bindings"])


@pytest.mark.parametrize("name", sorted(sparql.saved_queries()))
def test_query_endpoint_gives_the_same_rows_as_the_store(cli, built_store, pushed, name):
    args = [a for p in PARAMS.get(name, []) for a in ("-p", p)]
    local = cli("query", name, "--store", built_store, "--format", "json", *args)
    there = cli("query", name, "--endpoint", pushed, "--format", "json", *args)
    assert local.exit_code == there.exit_code == 0, there.stderr
    assert json.loads(local.stdout)["head"] == json.loads(there.stdout)["head"]
    assert bindings(there.stdout) == bindings(local.stdout)


def test_query_endpoint_table_output_matches_local(cli, built_store, pushed):
    local = cli("query", "timeline", "--store", built_store)
    there = cli("query", "timeline", "--endpoint", pushed)
    assert there.stdout == local.stdout


def test_query_endpoint_malformed_sparql_gives_the_position(cli, pushed):
    result = cli("query", "SELECT ?s WHERE { ?s ?p }", "--endpoint", pushed)
    assert result.exit_code == 2
    assert "HTTP 400" in result.stderr and "1:" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_query_endpoint_that_is_not_there(cli):
    result = cli("query", "timeline", "--endpoint", f"http://127.0.0.1:{free_port('127.0.0.1')}/query")
    assert result.exit_code == 2
    assert "cannot connect" in result.stderr


def test_query_endpoint_timeout(cli, recorder):
    class Slow(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            time.sleep(3)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Slow)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        start = time.monotonic()
        result = cli("query", "timeline", "--endpoint", f"http://127.0.0.1:{httpd.server_address[1]}/query",
                     "--timeout", "0.5")
        assert time.monotonic() - start < 2.5
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert result.exit_code == 2
    assert "no answer within 0.5 s" in result.stderr


def test_sparqlwrapper_reads_the_pushed_graph(pushed):
    client = SPARQLWrapper(pushed)
    client.setQuery(sparql.saved_queries()["cluster-growth"].text)
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    assert [(r["label"]["value"], r["value"]["value"]) for r in rows][0] == ("高端纺织", "36")
