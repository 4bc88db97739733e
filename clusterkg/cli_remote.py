"""Commands that talk to SPARQL servers: ``serve`` (the store behind a read-only endpoint) and
``push`` (the store's graphs to any server, by the Graph Store Protocol). ``query --endpoint``
lives with ``query``."""

from __future__ import annotations

import shutil
import signal
import tempfile
from pathlib import Path

import click

from clusterkg.cli import handle_errors, open_kg, store_option

AUTH_HELP = "for servers that want basic auth (or set CLUSTERKG_USER / CLUSTERKG_PASSWORD)"


def auth_options(f):
    f = click.option("--password", envvar="CLUSTERKG_PASSWORD", help=AUTH_HELP)(f)
    return click.option("--user", envvar="CLUSTERKG_USER", help=AUTH_HELP)(f)


@click.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="address to listen on (0.0.0.0 opens the server to your network)")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="0: any free port")
@click.option("--timeout", "timeout_s", type=click.IntRange(min=1), metavar="SECONDS",
              help="stop any query that runs longer")
@handle_errors
def serve(store: str, host: str, port: int, timeout_s: int | None) -> None:
    """Serve the store read-only over the SPARQL 1.1 Protocol, with a query page; Ctrl-C stops it.

    GET and POST, results as JSON, CSV, TSV or XML by Accept; updates are refused (HTTP 403).
    The saved questions are listed on a page of their own, each a link that runs it in the
    query page. Stop other clusterkg commands that write to the store while it is served.
    """
    from clusterkg.graph import server as srv

    running = srv.start(store, host=host, port=port, timeout_s=timeout_s)
    folder = Path(tempfile.mkdtemp(prefix="clusterkg-serve-"))
    try:
        page = folder / "questions.html"
        page.write_text(srv.questions_page(running.url), encoding="utf-8")
        click.echo(f"SPARQL endpoint  {running.query_url}  (read-only; default graph = union of all graphs)")
        click.echo(f"query page       {running.url}/")
        click.echo(f"saved questions  {page.as_uri()}")
        click.echo("Ctrl-C stops the server")

        def on_term(_signum, _frame):
            raise KeyboardInterrupt

        signal.signal(signal.SIGTERM, on_term)
        try:
            code = running.process.wait()
        except KeyboardInterrupt:
            code = 0
    finally:
        running.stop()
        shutil.rmtree(folder, ignore_errors=True)
    if code not in (0, -signal.SIGINT, -signal.SIGTERM):
        raise srv.ServerError(f"the SPARQL server stopped (exit code {code})")
    click.echo("server stopped", err=True)


@click.command()
@store_option
@click.option("--endpoint", required=True, metavar="URL",
              help="the server's Graph Store endpoint, e.g. http://localhost:7878/store (see the README)")
@auth_options
@click.option("--batch", type=click.IntRange(min=1), default=50_000, show_default=True,
              help="triples per request; a graph past this goes in several")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=600, show_default=True,
              metavar="SECONDS", help="wait this long for each request")
@click.option("--quiet", "-q", is_flag=True, help="print nothing but errors")
@handle_errors
def push(store: str, endpoint: str, user: str | None, password: str | None, batch: int, timeout: float,
         quiet: bool) -> None:
    """Send every graph of the store to a SPARQL server (Graph Store HTTP Protocol).

    One named graph per report, plus the ontology and reference graphs; each replaces the
    graph of that name on the server (PUT), so pushing again changes nothing there.
    """
    from clusterkg.graph import remote

    auth = remote.auth_from(user, password)
    kg_ = open_kg(store, read_only=True)
    result = remote.push(kg_.store, endpoint, batch=batch, auth=auth, timeout=timeout)
    if not quiet:
        click.echo(f"pushed {len(result.graphs)} graph(s), {result.triples} triples in {result.requests} "
                   f"request(s) to {endpoint}")


COMMANDS = [serve, push]
