"""Past one machine: send the store to a SPARQL server and ask the server the saved questions.

``push`` speaks the SPARQL 1.1 Graph Store HTTP Protocol: each named graph of the store (one
per report, the ontology, the reference data) is replaced on the server with ``PUT``, in
batches — the first batch replaces the graph, the others are added with ``POST`` — so pushing
the same store twice leaves the server as it was after the first push. ``query`` speaks the
SPARQL 1.1 Protocol (``POST`` of ``query=…``, results as SPARQL JSON) and reads the answer
with pyoxigraph, so the CLI prints remote rows exactly as it prints local ones. Parameters
travel as a ``VALUES`` block (:func:`clusterkg.graph.sparql.with_values`).

Endpoints, by server (see the README): Oxigraph ``…/store`` (graphs) and ``…/query``; Fuseki
``…/DATASET/data`` and ``…/DATASET/sparql``; GraphDB ``…/repositories/REPO/rdf-graphs/service``
and ``…/repositories/REPO``. Saved questions read the default graph as the union of all
graphs, so the server must be set up that way (Oxigraph ``--union-default-graph``, Fuseki
``tdb2:unionDefaultGraph true``; GraphDB does it by default).

HTTP goes through the standard library (``urllib.request``): these are a handful of plain
requests (PUT/POST of a body, basic auth, a timeout), which do not justify a dependency.
"""

from __future__ import annotations

import base64
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from clusterkg.errors import ClusterKGError

from .sparql import SavedQuery, bindings, with_values

DEFAULT_BATCH = 50_000  # triples per request: about 8 MB of N-Triples on our graphs
RESULTS_JSON = "application/sparql-results+json"
ACCEPT = f"{RESULTS_JSON}, application/n-triples;q=0.9, text/turtle;q=0.8"
RDF_TYPES = {"application/n-triples": ox.RdfFormat.N_TRIPLES, "text/turtle": ox.RdfFormat.TURTLE,
             "application/rdf+xml": ox.RdfFormat.RDF_XML, "application/ld+json": ox.RdfFormat.JSON_LD}


class RemoteError(ClusterKGError):
    """A SPARQL server could not be reached, refused a request, or did not answer in time."""


@dataclass(frozen=True)
class Auth:
    user: str
    password: str

    def header(self) -> str:
        token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode("ascii")
        return f"Basic {token}"


def auth_from(user: str | None, password: str | None) -> Auth | None:
    """Basic-auth credentials, or None when neither is given."""
    if not user and not password:
        return None
    if not user or password is None:
        raise RemoteError("give both a user and a password (--user/--password or CLUSTERKG_USER/CLUSTERKG_PASSWORD)")
    return Auth(user, password)


def _where(url: str) -> str:
    """The URL as shown in messages: no query string, no credentials."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    return f"{parts.scheme}://{host}{':' + str(parts.port) if parts.port else ''}{parts.path}"


def request(method: str, url: str, *, body: bytes | None = None, headers: dict[str, str] | None = None,
            auth: Auth | None = None, timeout: float | None = None) -> tuple[str, bytes]:
    """One HTTP request; returns the response's media type and body, or raises RemoteError."""
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise RemoteError(f"{url}: an endpoint is an http:// or https:// URL")
    req = urllib.request.Request(url, data=body, method=method, headers=dict(headers or {}))
    if auth is not None:
        req.add_header("Authorization", auth.header())
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.headers.get_content_type(), resp.read()
    except urllib.error.HTTPError as err:
        detail = err.read(2000).decode("utf-8", "replace").strip().splitlines()
        hint = ""
        if err.code == 401:
            hint = " (the server wants a user and password: --user/--password or CLUSTERKG_USER/CLUSTERKG_PASSWORD)"
        elif err.code == 403:
            hint = " (the server refuses this; is it read-only?)"
        raise RemoteError(f"{_where(url)}: HTTP {err.code} {err.reason}{hint}"
                          f"{': ' + detail[0][:300] if detail else ''}") from None
    except urllib.error.URLError as err:
        if isinstance(err.reason, TimeoutError):
            raise RemoteError(f"{_where(url)}: no answer within {timeout:g} s") from None
        raise RemoteError(f"{_where(url)}: cannot connect ({err.reason})") from None
    except TimeoutError:
        raise RemoteError(f"{_where(url)}: no answer within {timeout:g} s") from None
    except OSError as err:
        raise RemoteError(f"{_where(url)}: connection failed ({err})") from None


# --------------------------------------------------------------------------- asking

def query(endpoint: str, saved: SavedQuery, params: dict[str, str] | None = None, *, auth: Auth | None = None,
          timeout: float | None = None):
    """Ask a SPARQL 1.1 Protocol endpoint; SELECT and ASK answers come back as pyoxigraph
    results (as ``Store.query`` gives them), CONSTRUCT and DESCRIBE answers as a list of triples."""
    text = with_values(saved.text, bindings(saved, params or {}))
    body = urllib.parse.urlencode({"query": text}).encode("utf-8")
    media, data = request("POST", endpoint, body=body, auth=auth, timeout=timeout,
                          headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": ACCEPT})
    try:
        if media == RESULTS_JSON or media == "application/json":
            return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
        if media == "application/sparql-results+xml":
            return ox.parse_query_results(data, format=ox.QueryResultsFormat.XML)
        if media in RDF_TYPES:
            return list(ox.parse(data, format=RDF_TYPES[media]))
    except (SyntaxError, ValueError) as err:
        raise RemoteError(f"{_where(endpoint)}: the answer is not valid {media}: {err}") from None
    raise RemoteError(f"{_where(endpoint)}: the answer is {media}, not SPARQL results; is this the query endpoint?")


# --------------------------------------------------------------------------- pushing

@dataclass
class PushResult:
    endpoint: str
    graphs: dict[str, int] = field(default_factory=dict)  # graph name (or "default") -> triples sent
    requests: int = 0

    @property
    def triples(self) -> int:
        return sum(self.graphs.values())


def graph_url(endpoint: str, graph: str | None) -> str:
    """The Graph Store Protocol URL of one graph (``?graph=IRI``, or ``?default``)."""
    sep = "&" if "?" in endpoint else "?"
    if graph is None:
        return f"{endpoint}{sep}default"
    return f"{endpoint}{sep}{urllib.parse.urlencode({'graph': graph})}"


def batches(triples: list[ox.Triple], size: int) -> Iterable[list[ox.Triple]]:
    """Slices of ``size`` triples; one slice whatever its size when a blank node occurs, as each
    request is its own document and would cut a blank node in two. (``build`` mints no blank
    nodes, so our graphs always split.)"""
    if len(triples) <= size or any(isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode)
                                   for t in triples):
        yield triples
        return
    for i in range(0, len(triples), size):
        yield triples[i:i + size]


def push(store: ox.Store, endpoint: str, *, batch: int = DEFAULT_BATCH, auth: Auth | None = None,
         timeout: float | None = 600, progress: Callable[[str, int], None] | None = None) -> PushResult:
    """Replace every graph of ``store`` on the Graph Store endpoint; see the module docstring."""
    if batch < 1:
        raise RemoteError("--batch must be at least 1")
    result = PushResult(endpoint)
    names: list[ox.NamedNode | None] = sorted(store.named_graphs(), key=lambda g: g.value)
    if next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None:
        names.insert(0, None)
    for g in names:
        pattern = ox.DefaultGraph() if g is None else g
        triples = [q.triple for q in store.quads_for_pattern(None, None, None, pattern)]
        url = graph_url(endpoint, None if g is None else g.value)
        for i, part in enumerate(batches(triples, batch)):
            data = ox.serialize(part, format=ox.RdfFormat.N_TRIPLES)
            # N-Triples is Turtle too, and Turtle is what every Graph Store implementation reads
            request("PUT" if i == 0 else "POST", url, body=data, auth=auth, timeout=timeout,
                    headers={"Content-Type": "text/turtle"})
            result.requests += 1
        result.graphs["default" if g is None else g.value] = len(triples)
        if progress:
            progress("default" if g is None else g.value, len(triples))
    return result
