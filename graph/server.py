"""``clusterkg serve``: the store behind a SPARQL 1.1 Protocol endpoint, read-only.

We do not write a server: the ``oxigraph`` package ships one (``oxigraph serve-read-only``),
on the same storage format as pyoxigraph, with the protocol (GET and POST, results as JSON,
CSV, TSV or XML by ``Accept``), a YASGUI query page whose scripts it serves itself (so the
page works with the network off), and updates refused with HTTP 403. This module finds that
binary, starts it on the store with the default graph as the union of all graphs (what our
saved questions expect), waits until it answers, and stops it.

The saved questions go alongside as one static page (:func:`questions_page`): each opens in
the query page through a YASGUI share link (the query, the endpoint and a tab title in the
URL), runnable at once. YASGUI keeps its own tabs, so the list cannot live inside it without
a proxy in front of the server; a file costs nothing and works offline.
"""

from __future__ import annotations

import html
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from clusterkg.errors import ClusterKGError

from .sparql import SavedQuery, literal, saved_queries, with_values
from .store import open_store


class ServerError(ClusterKGError):
    """The SPARQL server cannot be found or does not start."""


def oxigraph_binary() -> Path:
    """The ``oxigraph`` command installed by the ``oxigraph`` package, beside this Python
    first (a virtual environment need not be on PATH), then on PATH."""
    here = Path(sys.executable).parent / "oxigraph"
    if here.is_file():
        return here
    found = shutil.which("oxigraph")
    if found:
        return Path(found)
    raise ServerError("the SPARQL server comes with the oxigraph package: pip install 'clusterkg[serve]' "
                      "(or pip install 'oxigraph>=0.5,<0.6')")


def free_port(host: str) -> int:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        try:
            s.bind((host, port))
        except OSError:
            return False
        return True


def url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


@dataclass
class Server:
    """A running ``oxigraph serve-read-only`` on a store."""

    process: subprocess.Popen
    url: str  # http://HOST:PORT

    @property
    def query_url(self) -> str:
        return self.url + "/query"

    def stop(self, grace: float = 5.0) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(grace)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def command(store: Path, host: str, port: int, *, timeout_s: int | None = None) -> list[str]:
    """The server's command line: read-only, default graph = union of all graphs."""
    argv = [str(oxigraph_binary()), "serve-read-only", "--location", str(store), "--bind", f"{url_host(host)}:{port}",
            "--union-default-graph"]
    if timeout_s:
        argv += ["--timeout-s", str(timeout_s)]
    return argv


def start(store: str | Path, *, host: str = "127.0.0.1", port: int = 7878, timeout_s: int | None = None,
          wait: float = 30.0) -> Server:
    """Start the read-only server on ``store`` and return once it answers (``port`` 0: any free one)."""
    store = Path(store)
    check = open_store(store, create=False, read_only=True)  # a clear error for a missing or foreign folder
    del check
    if port == 0:
        port = free_port(host)
    elif not port_free(host, port):
        raise ServerError(f"the SPARQL server did not start: {host}:{port} is in use; choose another --port")
    argv = command(store, host, port, timeout_s=timeout_s)
    process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    server = Server(process, f"http://{url_host(host)}:{port}")
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if process.poll() is not None:
            err = process.stderr.read().decode("utf-8", "replace").strip() if process.stderr else ""
            last = err.splitlines()[-1] if err else f"exit code {process.returncode}"
            raise ServerError(f"the SPARQL server did not start on {host}:{port}: {last}")
        try:
            with urllib.request.urlopen(server.url + "/", timeout=1):
                break
        except OSError:
            time.sleep(0.05)
    else:
        server.stop()
        raise ServerError(f"the SPARQL server did not answer on {host}:{port} within {wait:g} s")
    # the server writes no more to stderr once it listens; close our end so it never blocks on a full pipe
    if process.stderr:
        process.stderr.close()
    return server


# --------------------------------------------------------------------------- the saved questions page

def example_values(q: SavedQuery) -> dict[ox.Variable, ox.Literal]:
    """Required parameters bound to the example their help gives (``e.g. 徐工集团``)."""
    out = {}
    for name, required, help_ in q.params:
        m = re.search(r"e\.g\.\s*(\S+)", help_)
        if required:
            out[ox.Variable(name)] = literal(m.group(1) if m else "", q.kinds.get(name))
    return out


def share_link(server_url: str, q: SavedQuery) -> str:
    """A YASGUI link that opens ``q`` in the server's query page, in a tab of its own."""
    params = {"query": with_values(q.text, example_values(q)), "endpoint": server_url + "/query",
              "requestMethod": "POST", "tabTitle": q.name, "outputFormat": "table"}
    return f"{server_url}/#{urllib.parse.urlencode(params, quote_via=urllib.parse.quote)}"


def questions_page(server_url: str, queries: dict[str, SavedQuery] | None = None) -> str:
    """One self-contained HTML page listing the saved questions, each a link into the query page."""
    queries = queries if queries is not None else saved_queries()
    items = []
    for q in queries.values():
        params = "".join(f"<li><code>{html.escape(n)}</code> {'required' if r else 'optional'}: {html.escape(h)}</li>"
                         for n, r, h in q.params)
        items.append(
            f'<li id="{html.escape(q.name)}"><a href="{html.escape(share_link(server_url, q))}" target="yasgui">'
            f"{html.escape(q.title or q.name)}</a> <code>{html.escape(q.name)}</code>"
            f"<p>{html.escape(q.description)}</p>"
            + (f"<ul class=params>{params}</ul>" if params else "")
            + f"<details><summary>SPARQL</summary><pre>{html.escape(q.text)}</pre></details></li>")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>clusterkg — saved questions</title>
<style>
body {{ font: 15px/1.45 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222 }}
ol > li {{ margin: 0 0 1.2rem }} p {{ margin: .2rem 0 }} code {{ color: #555 }}
pre {{ background: #f6f6f6; padding: .6rem; overflow-x: auto }} .params {{ font-size: 90% }}
</style></head><body>
<h1>clusterkg — saved questions</h1>
<p>SPARQL endpoint <code>{html.escape(server_url)}/query</code> (read-only; the default graph is the union of
all graphs). Each link opens the question in the <a href="{html.escape(server_url)}/">query page</a> and runs it;
a question with parameters opens with example values in its <code>VALUES</code> line — change them there.
The same questions run from the command line: <code>clusterkg query NAME --endpoint {html.escape(server_url)}/query</code>.</p>
<ol>
{chr(10).join(items)}
</ol></body></html>
"""
