"""The ``clusterkg`` command: parse arguments, make one library call, print.

Library errors (``clusterkg.errors``) become a one-line message and their exit code; no
command prints a traceback unless ``CLUSTERKG_DEBUG=1`` is set.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from pathlib import Path

import click

from clusterkg.errors import ClusterKGError

STORE_HELP = "store folder (default: ./clusterkg-store)"


def store_option(f):
    return click.option("--store", "store", default="clusterkg-store", show_default=True,
                        type=click.Path(file_okay=False), help=STORE_HELP)(f)


def handle_errors(f):
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except ClusterKGError as err:
            click.echo(f"clusterkg: {err}", err=True)
            sys.exit(err.exit_code)
        except KeyboardInterrupt:
            click.echo("clusterkg: interrupted", err=True)
            sys.exit(130)
        except Exception as err:  # noqa: BLE001 — the promise is: no traceback for users
            if os.environ.get("CLUSTERKG_DEBUG"):
                raise
            click.echo(f"clusterkg: internal error: {type(err).__name__}: {err} "
                       "(set CLUSTERKG_DEBUG=1 for details)", err=True)
            sys.exit(2)
    return wrapper


def open_kg(store: str, *, create: bool = False, read_only: bool = False):
    from clusterkg.graph import KnowledgeGraph

    return KnowledgeGraph(store, create=create, read_only=read_only)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="clusterkg")
def main() -> None:
    """clusterkg — a knowledge graph of industrial clusters from Chinese industrial-policy reports."""


@main.command()
@click.argument("reports", nargs=-1, required=True, type=click.Path())
@store_option
@click.option("--quiet", "-q", is_flag=True, help="print nothing but errors")
@click.option("--json", "as_json", is_flag=True, help="print the summary as JSON")
@handle_errors
def build(reports: tuple[str, ...], store: str, quiet: bool, as_json: bool) -> None:
    """Load REPORTS (.txt/.html files or folders, any encoding) into the store.

    Each report replaces its own named graph, so building again changes nothing.
    """
    from clusterkg.graph import expand_inputs

    files = expand_inputs(reports)
    kg_ = open_kg(store, create=True)
    show = not quiet and len(files) > 3 and sys.stderr.isatty()
    if show:
        with click.progressbar(length=len(files), label="reading reports", file=sys.stderr) as bar:
            result = kg_.build(files, progress=lambda _p: bar.update(1))
    else:
        result = kg_.build(files)
    if quiet:
        return
    summary = kg_.summary()
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2, default=str))
        return
    click.echo(format_summary(summary, [x.document.name for x in result.reports]))


def format_summary(s: dict, loaded: list[str]) -> str:
    lines = [f"built {len(loaded)} report(s) into {s['store']}: {', '.join(loaded)}",
             f"store: {s['reports']} report graph(s), {s['quads']} quads",
             "entities mentioned: " + ", ".join(f"{t} {n}" for t, n in s["entities_by_type"].items()),
             f"facts: {s['figures']} figures, {s['relations']} relations from sentences, {s['events']} events"]
    if s["cluster_growth"]:
        lines.append("latest cluster growth:")
        for r in s["cluster_growth"]:
            period = f"{r['periodStart'][:7]}..{r['periodEnd'][:7]}" if r.get("periodStart") else "period not stated"
            lines.append(f"  {r['label']:<12} {r['value']:>6}{r['unit']}  ({period})")
    return "\n".join(lines)


@main.command()
@click.argument("spec", required=False)
@store_option
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "xml"]), default="table",
              show_default=True, help="json = SPARQL 1.1 Query Results JSON")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE", help="bind a query parameter")
@click.option("--list", "list_", is_flag=True, help="list the saved questions")
@click.option("--endpoint", metavar="URL", help="ask this SPARQL server instead of the store, e.g. http://localhost:7878/query")
@click.option("--user", envvar="CLUSTERKG_USER", help="for an endpoint that wants basic auth (or CLUSTERKG_USER)")
@click.option("--password", envvar="CLUSTERKG_PASSWORD", help="for an endpoint that wants basic auth (or CLUSTERKG_PASSWORD)")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), metavar="SECONDS",
              help="stop the query after this long")
@click.option("--sparql", "show_sparql", is_flag=True,
              help="print the query (parameters bound in a VALUES line) instead of running it")
@handle_errors
def query(spec: str | None, store: str, fmt: str, params: tuple[str, ...], list_: bool, endpoint: str | None,
          user: str | None, password: str | None, timeout: float | None, show_sparql: bool) -> None:
    """Run a saved question (NAME), a .rq FILE or inline SPARQL, on the store or a SPARQL server."""
    from clusterkg.errors import QueryError
    from clusterkg.graph import sparql

    if list_ or not spec:
        for q in sparql.saved_queries().values():
            ps = " ".join(f"[{p}=…]" if not req else f"{p}=…" for p, req, _ in q.params)
            click.echo(f"{q.name:<24} {q.title}{'  ' + ps if ps else ''}")
        return
    bound = {}
    for p in params:
        if "=" not in p:
            raise QueryError(f"--param {p!r}: write NAME=VALUE")
        k, v = p.split("=", 1)
        bound[k.strip()] = v
    saved = sparql.resolve_query(spec)
    if show_sparql:
        click.echo(sparql.with_values(saved.text, sparql.bindings(saved, bound)).rstrip("\n"))
    elif endpoint:
        from clusterkg.graph import remote

        results = remote.query(endpoint, saved, bound, auth=remote.auth_from(user, password), timeout=timeout)
        click.echo(sparql.serialize(results, fmt).rstrip("\n"))
    else:
        kg_ = open_kg(store, read_only=True)
        click.echo(sparql.answer(kg_.store, saved, bound, fmt, timeout=timeout).rstrip("\n"))


@main.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(["text", "ttl"]), default="text", show_default=True)
@handle_errors
def validate(store: str, fmt: str) -> None:
    """Check the store against the SHACL shapes: exit 0 conforms, 1 violations, 2 error."""
    from clusterkg.graph.validate import validate_store

    kg_ = open_kg(store, read_only=True)
    report = validate_store(kg_.store)
    click.echo(report.as_turtle() if fmt == "ttl" else report.as_text())
    sys.exit(0 if report.conforms else 1)


@main.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(["ttl", "trig", "nq", "nt", "jsonld", "graphml", "gexf", "json"]),
              default="trig", show_default=True,
              help="graphml, gexf, json (node-link): the entity network with its measures, for Gephi and other tools")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="file to write (default: stdout)")
@handle_errors
def export(store: str, fmt: str, output: str | None) -> None:
    """Write the whole store (all graphs) as Turtle, TriG, N-Quads, N-Triples or JSON-LD, or the
    entity network as GraphML, GEXF or node-link JSON."""
    kg_ = open_kg(store, read_only=True)
    if fmt in ("graphml", "gexf", "json"):
        from clusterkg.graph.analysis import analyze, network_bytes

        result = analyze(kg_.store)
        data = network_bytes(result.G, fmt, result.scores)
    else:
        from clusterkg.graph.export import export_store

        data = export_store(kg_.store, fmt)
    write_output(data, output)


def write_output(data: bytes, output: str | None) -> None:
    """Write atomically: a failed write never leaves half a file."""
    if output is None:
        sys.stdout.buffer.write(data)
        return
    from clusterkg.graph.export import atomic_write

    atomic_write(Path(output), data)
    click.echo(f"wrote {output} ({len(data) / 1024:.0f} KB)", err=True)


def _register_commands() -> None:
    """Commands that live in their own modules (the explore and remote families)."""
    from clusterkg import cli_explore, cli_remote

    for module in (cli_explore, cli_remote):
        for command in module.COMMANDS:
            main.add_command(command)


_register_commands()


if __name__ == "__main__":
    main()
