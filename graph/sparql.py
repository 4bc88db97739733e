"""Saved questions and running SPARQL: by name, from a ``.rq`` file or inline; parameters
bound by name (never formatted into the text); results as a table, CSV or SPARQL 1.1 JSON.

A saved question is ``queries/NAME.rq`` whose header comments give its title, description
and parameters::

    # title: Lead firms per cluster
    # description: …
    # param: cluster  optional  a cluster's label (zh or en)
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

import pyoxigraph as ox

from clusterkg.errors import QueryError

QUERY_DIR = Path(str(files("clusterkg.graph"))) / "queries"
FORMATS = ("table", "csv", "tsv", "json", "xml")


@dataclass
class SavedQuery:
    name: str
    text: str
    title: str = ""
    description: str = ""
    params: list[tuple[str, bool, str]] = field(default_factory=list)  # (name, required, help)


def _parse_header(name: str, text: str) -> SavedQuery:
    q = SavedQuery(name, text)
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        if m := re.match(r"#\s*(title|description):\s*(.*)", line):
            setattr(q, m.group(1), m.group(2).strip())
        elif m := re.match(r"#\s*param:\s*(\w+)\s+(required|optional)\s*(.*)", line):
            q.params.append((m.group(1), m.group(2) == "required", m.group(3).strip()))
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
    return {ox.Variable(k): ox.Literal(v) for k, v in params.items()}


def run(store: ox.Store, query: SavedQuery, params: dict[str, str] | None = None):
    """Run a query on the store (default graph = union of all graphs)."""
    try:
        return store.query(query.text, substitutions=bindings(query, params or {}), use_default_graph_as_union=True)
    except SyntaxError as err:
        raise QueryError(f"{query.name}: SPARQL syntax {err.msg if hasattr(err, 'msg') else err}") from None
    except (OSError, RuntimeError, ValueError) as err:
        raise QueryError(f"{query.name}: {err}") from None


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
