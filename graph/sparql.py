"""Saved questions and running SPARQL: by name, from a ``.rq`` file or inline; parameters
bound by name (never formatted into the text); results as a table, CSV or SPARQL 1.1 JSON;
an optional time limit.

A saved question is ``queries/NAME.rq`` whose header comments give its title, description
and parameters::

    # title: Lead firms per cluster
    # description: …
    # param: cluster_name optional @zh a cluster's Chinese name, e.g. 工程机械

A parameter may give the kind of literal it binds: ``@zh`` (a Chinese name, so the query can
match labels by index instead of comparing strings) or ``xsd:date`` and the like.
"""

from __future__ import annotations

import io
import json
import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox

from clusterkg.errors import QueryError

QUERY_DIR = Path(str(files("clusterkg.graph"))) / "queries"
FORMATS = ("table", "csv", "tsv", "json", "xml")
T = TypeVar("T")


@dataclass
class SavedQuery:
    name: str
    text: str
    title: str = ""
    description: str = ""
    params: list[tuple[str, bool, str]] = field(default_factory=list)  # (name, required, help)
    kinds: dict[str, str] = field(default_factory=dict)  # parameter -> "@zh" or "xsd:date" …


def _parse_header(name: str, text: str) -> SavedQuery:
    q = SavedQuery(name, text)
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        if m := re.match(r"#\s*(title|description):\s*(.*)", line):
            setattr(q, m.group(1), m.group(2).strip())
        elif m := re.match(r"#\s*param:\s*(\w+)\s+(required|optional)\s*(@[A-Za-z-]+|xsd:\w+)?\s*(.*)", line):
            q.params.append((m.group(1), m.group(2) == "required", m.group(4).strip()))
            if m.group(3):
                q.kinds[m.group(1)] = m.group(3)
    return q


def saved_queries() -> dict[str, SavedQuery]:
    """The saved questions shipped with the package, by name."""
    return {p.stem: _parse_header(p.stem, p.read_text(encoding="utf-8")) for p in sorted(QUERY_DIR.glob("*.rq"))}


def resolve_query(spec: str) -> SavedQuery:
    """A saved name, a path to a ``.rq`` file, or the text of a query."""
    saved = saved_queries()
    if spec in saved:
        return saved[spec]
    if spec.endswith((".rq", ".sparql")) or (len(spec) < 200 and "\n" not in spec and Path(spec).suffix in (".rq", ".sparql")):
        path = Path(spec)
        if not path.exists():
            raise QueryError(f"{spec}: no such query file")
        return _parse_header(path.stem, path.read_text(encoding="utf-8"))
    if re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", spec, re.I):
        return SavedQuery("inline", spec)
    names = ", ".join(saved)
    raise QueryError(f"unknown query {spec!r}; saved queries are: {names}")


def bindings(query: SavedQuery, params: dict[str, str]) -> dict[ox.Variable, ox.Literal]:
    """Parameters as variable substitutions; unknown or missing required ones are errors."""
    declared = {p for p, _, _ in query.params}
    if query.name != "inline" and params and not query.params:
        raise QueryError(f"query {query.name!r} takes no parameters")
    if query.name != "inline" and query.params:
        for p in params:
            if p not in declared:
                raise QueryError(f"query {query.name!r} has no parameter {p!r}; it takes: {', '.join(sorted(declared))}")
    for p, required, help_ in query.params:
        if required and p not in params:
            raise QueryError(f"query {query.name!r} needs --param {p}=… ({help_})")
    return {ox.Variable(k): literal(v, query.kinds.get(k)) for k, v in params.items()}


def literal(value: str, kind: str | None) -> ox.Literal:
    """A parameter's value as the literal its query expects.

    >>> literal("徐工集团", "@zh"), literal("2023-09-30", "xsd:date").datatype.value
    (<Literal value=徐工集团 language=zh>, 'http://www.w3.org/2001/XMLSchema#date')
    """
    if kind and kind.startswith("@"):
        return ox.Literal(value, language=kind[1:])
    if kind:
        return ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#" + kind[4:]))
    return ox.Literal(value)


def run(store: ox.Store, query: SavedQuery, params: dict[str, str] | None = None):
    """Run a query on the store (default graph = union of all graphs).

    The parameters of a question that declares them travel as a ``VALUES`` block opening its
    outer group (:func:`with_values`: terms written by pyoxigraph, never pasted text), the very
    text a SPARQL server or rdflib gets. Oxigraph 0.5 plans with the values of a ``VALUES``
    block but not with substitutions, which it only sees while running: given a cluster's name
    as a substitution it could not tell that the name picks one cluster, and read every figure
    of the store before joining (cluster-profile 3.6 s -> under 0.1 s on 1M triples). A query
    without declared parameters (inline text) gets them as substitutions, which reach every
    occurrence of a variable, sub-selects included.
    """
    values = bindings(query, params or {})
    try:
        if query.params and values:
            return store.query(with_values(query.text, values), use_default_graph_as_union=True)
        return store.query(query.text, substitutions=values, use_default_graph_as_union=True)
    except SyntaxError as err:
        raise QueryError(f"{query.name}: SPARQL syntax {err.msg if hasattr(err, 'msg') else err}") from None
    except (OSError, RuntimeError, ValueError) as err:
        raise QueryError(f"{query.name}: {err}") from None


def answer(store: ox.Store, query: SavedQuery, params: dict[str, str] | None = None, fmt: str = "table", *,
           timeout: float | None = None) -> str:
    """Run a query and serialise its results; with ``timeout`` (seconds), stop waiting after it.

    Results are computed while they are serialised, so both happen under the time limit.
    """
    def work() -> str:
        return serialize(run(store, query, params), fmt)

    return work() if timeout is None else within(timeout, work, what=query.name)


def within(timeout: float, work: Callable[[], T], *, what: str) -> T:
    """``work()``, or :class:`QueryError` when it takes longer than ``timeout`` seconds.

    pyoxigraph cannot cancel a query, so ``work`` runs in a daemon thread that is abandoned
    when time is up (it goes on using a core until it ends or the process exits; the CLI exits
    right away). A thread costs under a millisecond here; a child process, which could be
    killed, cost 40 ms (fork, then reopening the store) or 200 ms (spawn) per query, measured
    on the example store — and pyoxigraph releases the GIL while it evaluates, so the waiting
    thread keeps the time.
    """
    box: dict[str, object] = {}

    def target() -> None:
        try:
            box["value"] = work()
        except BaseException as err:  # noqa: BLE001 — handed to the caller below
            box["error"] = err

    worker = threading.Thread(target=target, name=f"clusterkg-query-{what}", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise QueryError(f"{what}: stopped after {timeout:g} s (--timeout); bind a parameter to narrow it, "
                         "or allow more time")
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]  # type: ignore[return-value]


# --------------------------------------------------------------------------- parameters as VALUES

_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


def _outer_group(text: str) -> int | None:
    """Index of the ``{`` that opens the outer WHERE group, skipping comments, IRIs, strings
    and names; the first ``{`` when the query has no ``WHERE`` keyword (``ASK { … }``)."""
    i, n, first = 0, len(text), None
    while i < n:
        c = text[i]
        if c == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif c == "<" and (m := _IRIREF.match(text, i)):
            i = m.end()
        elif c in "\"'":
            quote = text[i:i + 3] if text[i:i + 3] in ('"""', "'''") else c
            i += len(quote)
            while i < n and not text.startswith(quote, i):
                i += 2 if text[i] == "\\" else 1
            i += len(quote)
        elif c.isalpha() or c in "?$_:":
            m = _NAME.match(text, i + (c in "?$:"))
            end = m.end() if m else i + 1
            keyword = c not in "?$:" and text[i - 1:i] != ":" and text[end:end + 1] != ":"
            if keyword and text[i:end].upper() == "WHERE":
                brace = text.find("{", end)
                return brace if brace >= 0 else None
            i = end
        else:
            if c == "{" and first is None:
                first = i
            i += 1
    return first


def with_values(text: str, values: dict[ox.Variable, ox.NamedNode | ox.Literal]) -> str:
    """The query with ``values`` bound by a ``VALUES`` block that opens its outer WHERE group.

    This is how parameters travel to a SPARQL server, which has no substitutions: each value is
    written by pyoxigraph as an RDF term (quotes and escapes included), never pasted in as
    text. Filters in the outer group see the values, as they see substitutions locally; a
    saved question refers to its parameters only there.

    >>> print(with_values('SELECT ?s ?name WHERE { ?s ?p ?name }', {ox.Variable("name"): ox.Literal('say "hi"')}))
    SELECT ?s ?name WHERE {
      VALUES (?name) { ("say \\"hi\\"") }
     ?s ?p ?name }
    """
    if not values:
        return text
    at = _outer_group(text)
    if at is None:
        raise QueryError("cannot bind parameters: the query has no WHERE group")
    names = " ".join(str(v) for v in values)
    terms = " ".join(str(t) for t in values.values())
    return f"{text[:at + 1]}\n  VALUES ({names}) {{ ({terms}) }}\n{text[at + 1:]}"


# --------------------------------------------------------------------------- output

def term_text(term) -> str:
    if term is None:
        return ""
    return term.value if hasattr(term, "value") else str(term)


def rows(results) -> tuple[list[str], list[list[str]]]:
    """Variables and rows of SELECT results as plain strings."""
    variables = [v.value for v in results.variables]
    out = [[term_text(sol[v]) for v in variables] for sol in results]
    return variables, out


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _cut(s: str, limit: int) -> str:
    if _width(s) <= limit:
        return s
    out, w = "", 0
    for c in s:
        cw = 2 if unicodedata.east_asian_width(c) in "WF" else 1
        if w + cw > limit - 1:
            break
        out, w = out + c, w + cw
    return out + "…"


def format_table(variables: list[str], table: list[list[str]], *, max_width: int = 48) -> str:
    """A plain-text table that lines up Chinese (double-width) characters."""
    shown = [[_cut(c.replace("\n", " "), max_width) for c in row] for row in table]
    widths = [max([_width(v)] + [_width(r[i]) for r in shown]) for i, v in enumerate(variables)]

    def line(cells):
        return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths, strict=True)).rstrip()

    out = [line(variables), line(["-" * w for w in widths])]
    out += [line(r) for r in shown]
    out.append(f"({len(table)} row{'s' if len(table) != 1 else ''})")
    return "\n".join(out)


def serialize(results, fmt: str) -> str:
    """SELECT/ASK results as ``table``, ``csv``, ``tsv``, ``json`` (SPARQL 1.1 Query Results
    JSON) or ``xml``; CONSTRUCT results as Turtle."""
    if isinstance(results, ox.QueryTriples):
        buf = io.BytesIO()
        results.serialize(buf, ox.RdfFormat.TURTLE)
        return buf.getvalue().decode("utf-8")
    if isinstance(results, list):  # triples a server sent for CONSTRUCT or DESCRIBE
        return ox.serialize(results, format=ox.RdfFormat.TURTLE).decode("utf-8")
    if isinstance(results, ox.QueryBoolean):
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(results)})
        return "true" if bool(results) else "false"
    if fmt == "table":
        return format_table(*rows(results))
    kind = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
            "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}[fmt]
    buf = io.BytesIO()
    results.serialize(buf, kind)
    return buf.getvalue().decode("utf-8")
