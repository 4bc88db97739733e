"""Stage: network analysis — the RDF graph projected onto an entity network, and measures on it.

The projection keeps the things an analyst names (clusters, organisations, events, documents,
challenge lists, designations, programmes) as nodes and their relations as typed edges; no
literals, no provenance nodes. It is read straight from the store with pyoxigraph pattern scans
(one pass per predicate), which on a million triples is many times faster than going through
rdflib. An organisation named in the same sentence as a cluster gets a ``mentionedWith`` edge,
the rule the saved questions ``platforms`` and ``bridging-orgs`` use too.

Measures follow networkx: ``G -> {node: value}``. Betweenness is exact up to
:data:`EXACT_BETWEENNESS_NODES` nodes and sampled above, computed by Brandes' algorithm in
sparse-matrix form (breadth-first search for a batch of sources at once with scipy), which
gives the same numbers as ``networkx.betweenness_centrality`` for the same sources.
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx
import numpy as np
import pyoxigraph as ox
from clusterkg.loaders.ids import REFERENCE_GRAPH
from clusterkg.ontology import CK, ID, NS

from clusterkg.errors import ClusterKGError, QueryError

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
DCT = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"
#: Where ``analyze --write-back`` puts the scores (replaced on every write-back).
ANALYSIS_GRAPH = ID + "graph/analysis"

#: Node classes, most specific category first: a node takes the first one it is typed with.
ORGANISATIONS = ("Firm", "Alliance", "InnovationPlatform", "Laboratory", "University", "ResearchInstitute",
                 "GovernmentBody", "IndustrialPark", "Media", "OtherOrganization")
CATEGORIES = ("IndustrialCluster", *ORGANISATIONS, "Event", "ChallengeList", "PolicyDocument", "Designation",
              "Programme")
#: Organisations that can bridge clusters (as in the saved question ``bridging-orgs``).
BRIDGING = ("Firm", "Alliance", "InnovationPlatform", "Laboratory", "University", "ResearchInstitute",
            "IndustrialPark")
#: Object properties that become edges when both ends are nodes.
RELATIONS = ("leadFirmOf", "memberOf", "foundedBy", "operatedBy", "collaboratesWith", "participatesIn",
             "selectedInto", "partOf", "supportedBy", "locatedIn", "about", "issuedBy", "organizedBy", "heldIn",
             "publicationEvent")
CO_MENTION = "mentionedWith"
EXACT_BETWEENNESS_NODES = 5000
BETWEENNESS_SAMPLES = 128

_TERMS = [CK[t] for t in (*CATEGORIES, *RELATIONS, CO_MENTION)]  # a typo fails at import


def _node(term: str) -> ox.NamedNode:
    return ox.NamedNode(str(CK[term]))


def _scan(store: ox.Store, predicate: ox.NamedNode | str, obj=None) -> Iterable[ox.Quad]:
    p = predicate if isinstance(predicate, ox.NamedNode) else ox.NamedNode(predicate)
    return store.quads_for_pattern(None, p, obj)


def project(store: ox.Store, *, co_mentions: bool = True) -> nx.MultiDiGraph:
    """The entity network of ``store``.

    Nodes are IRIs with ``category`` (coarse class local name), ``label`` (zh), ``en``,
    ``aliases`` (a tuple), ``tier`` and ``tier_en`` (a cluster's tier, or ``""``) and ``mentions``
    (how often the loaded reports name it). Edges are keyed by relation (``leadFirmOf`` …, or
    ``mentionedWith`` for an organisation named in a sentence with a cluster) and carry
    ``source`` (``report``, ``reference`` or both joined by ``+``) and ``weight`` (how many
    graphs state it, or sentences name the pair); co-mention edges keep their ``sentences``.
    """
    G = nx.MultiDiGraph()
    for category in CATEGORIES:
        for q in store.quads_for_pattern(None, RDF_TYPE, _node(category)):
            iri = q.subject.value
            if isinstance(q.subject, ox.NamedNode) and iri not in G:
                G.add_node(iri, category=category, label="", en="", aliases=(), tier="", tier_en="", mentions=0)
    nodes = G.nodes
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    for q in _scan(store, SKOS + "prefLabel"):
        labels[q.subject.value].setdefault(q.object.language or "", q.object.value)
    aliases: dict[str, set[str]] = defaultdict(set)
    for q in _scan(store, SKOS + "altLabel"):
        if q.subject.value in nodes:
            aliases[q.subject.value].add(q.object.value)
    for iri, attrs in nodes.items():
        names = labels.get(iri, {})
        attrs["label"] = names.get("zh") or names.get("") or iri.rsplit("/", 1)[-1]
        attrs["en"] = names.get("en", "")
        attrs["aliases"] = tuple(sorted(aliases.get(iri, set()) - {attrs["label"], attrs["en"]}))
    for q in _scan(store, _node("tier")):
        if q.subject.value in nodes:
            tier = labels.get(q.object.value, {})
            nodes[q.subject.value].update(tier=tier.get("zh", ""), tier_en=tier.get("en", ""))
    mention_of = {}
    for q in _scan(store, _node("mentionOf")):
        if q.object.value in nodes:
            mention_of[q.subject.value] = q.object.value
    for iri, n in Counter(mention_of.values()).items():
        nodes[iri]["mentions"] = n

    for relation in RELATIONS:
        for q in _scan(store, _node(relation)):
            s, o = q.subject.value, q.object.value
            if s in nodes and o in nodes and s != o:
                where = "reference" if q.graph_name.value == REFERENCE_GRAPH else "report"
                _add_edge(G, s, o, relation, where)
    if co_mentions:
        _add_co_mentions(G, store, mention_of)
    return G


def _add_edge(G: nx.MultiDiGraph, s: str, o: str, relation: str, where: str, sentence: str | None = None) -> None:
    if G.has_edge(s, o, relation):
        e = G.edges[s, o, relation]
        e["weight"] += 1
        if where not in e["source"].split("+"):
            e["source"] = "+".join(sorted([*e["source"].split("+"), where], reverse=True))
        if sentence:
            e["sentences"] += (sentence,)
    else:
        G.add_edge(s, o, key=relation, relation=relation, source=where, weight=1,
                   **({"sentences": (sentence,)} if sentence else {}))


def _add_co_mentions(G: nx.MultiDiGraph, store: ox.Store, mention_of: dict[str, str]) -> None:
    """An organisation and a cluster named in one sentence: one ``mentionedWith`` edge from
    the organisation to the cluster, weighted by the number of such sentences."""
    by_sentence: dict[str, set[str]] = defaultdict(set)
    for q in _scan(store, _node("inSentence")):
        entity = mention_of.get(q.subject.value)
        if entity is not None:
            by_sentence[q.object.value].add(entity)
    cat = G.nodes
    for sentence in sorted(by_sentence):
        named = by_sentence[sentence]
        clusters = sorted(e for e in named if cat[e]["category"] == "IndustrialCluster")
        for org in sorted(e for e in named if cat[e]["category"] in ORGANISATIONS):
            for c in clusters:
                _add_edge(G, org, c, CO_MENTION, "report", sentence)


# --------------------------------------------------------------------------- measures

def undirected(G: nx.Graph) -> nx.Graph:
    """``G`` as a simple undirected graph (parallel and reverse edges merged, no self-loops);
    ``G`` itself when it is one already.

    >>> M = nx.MultiDiGraph([("a", "b"), ("b", "a"), ("a", "b")])
    >>> H = undirected(M)
    >>> H.number_of_edges(), H.is_directed(), H.is_multigraph()
    (1, False, False)
    """
    if not G.is_directed() and not G.is_multigraph():
        return G
    H = nx.Graph()
    H.add_nodes_from(G.nodes(data=True))
    H.add_edges_from((u, v) for u, v in G.edges() if u != v)
    return H


def degree(G: nx.Graph) -> dict:
    """How many distinct neighbours each node has (edge direction and relation ignored).

    >>> G = nx.MultiDiGraph([("firm", "cluster"), ("firm", "cluster"), ("cluster", "event")])
    >>> degree(G)
    {'firm': 1, 'cluster': 2, 'event': 1}
    """
    H = undirected(G)
    return {v: d for v, d in H.degree()}


def pagerank(G: nx.Graph, alpha: float = 0.85) -> dict:
    """PageRank on the undirected network (every relation read both ways, unweighted).

    >>> r = pagerank(nx.star_graph(3))
    >>> max(r, key=r.get), round(sum(r.values()), 6)
    (0, 1.0)
    """
    H = undirected(G)
    if H.number_of_nodes() == 0:
        return {}
    return nx.pagerank(H, alpha=alpha, weight=None)


def betweenness(G: nx.Graph, k: int | None = None, *, seed: int = 0) -> dict:
    """Normalised betweenness centrality of the undirected network, like
    ``networkx.betweenness_centrality(G, k, seed=seed)``.

    Exact (every node a source) when ``k`` is None and ``G`` has at most
    :data:`EXACT_BETWEENNESS_NODES` nodes; otherwise from ``k`` (default
    :data:`BETWEENNESS_SAMPLES`) sources sampled with ``seed``, scaled as networkx does.

    >>> b = betweenness(nx.path_graph(3))
    >>> b
    {0: 0.0, 1: 1.0, 2: 0.0}
    >>> b == nx.betweenness_centrality(nx.path_graph(3))
    True
    """
    H = undirected(G)
    nodes = list(H)
    n = len(nodes)
    if k is None and n > EXACT_BETWEENNESS_NODES:
        k = BETWEENNESS_SAMPLES
    sampled = k is not None and k < n
    sources = random.Random(seed).sample(nodes, k) if sampled else nodes
    if n < 3:
        return dict.fromkeys(nodes, 0.0)
    index = {v: i for i, v in enumerate(nodes)}
    A = nx.to_scipy_sparse_array(H, nodelist=nodes, weight=None, dtype=np.float64, format="csr")
    raw = _brandes(A, np.array([index[s] for s in sources]))
    # networkx's rescaling for endpoints=False, normalized=True: each unordered pair counted
    # twice over (n-1)(n-2) ordered pairs; a sampled node is never its own source's target
    if not sampled:
        scale = np.full(n, 1.0 / ((n - 1) * (n - 2)))
    else:
        scale = np.full(n, 1.0 / (k * (n - 2)))
        scale[[index[s] for s in sources]] = 1.0 / ((k - 1) * (n - 2)) if k > 1 else np.nan
    return {v: float(x) for v, x in zip(nodes, raw * scale, strict=True)}


def _brandes(A, sources: np.ndarray, memory: int = 1 << 22) -> np.ndarray:
    """Brandes' dependency sums from ``sources`` on the unweighted symmetric adjacency ``A``,
    a batch of sources per sparse matrix product (one column each)."""
    n = A.shape[0]
    total = np.zeros(n)
    batch = max(1, min(len(sources), memory // max(n, 1)))
    for start in range(0, len(sources), batch):
        src = sources[start:start + batch]
        cols = np.arange(len(src))
        sigma = np.zeros((n, len(src)))
        sigma[src, cols] = 1.0
        depth = np.full((n, len(src)), -1, dtype=np.int32)
        depth[src, cols] = 0
        frontier, level = sigma.copy(), 0
        while True:  # breadth-first, counting shortest paths
            reach = A @ frontier
            new = (reach > 0) & (depth < 0)
            if not new.any():
                break
            level += 1
            depth[new] = level
            frontier = np.where(new, reach, 0.0)
            sigma += frontier
        delta = np.zeros_like(sigma)
        safe_sigma = np.where(sigma > 0, sigma, 1.0)
        for d in range(level, 0, -1):  # dependencies, deepest level first
            w = np.where(depth == d, (1.0 + delta) / safe_sigma, 0.0)
            delta += np.where(depth == d - 1, sigma * (A @ w), 0.0)
        delta[src, cols] = 0.0
        total += delta.sum(axis=1)
    return total


def communities(G: nx.Graph, *, seed: int = 0) -> dict:
    """Louvain communities of the undirected network: ``{node: community}``, numbered from 0
    by size (largest first), ties by their first node.

    >>> G = nx.barbell_graph(4, 0)
    >>> c = communities(G)
    >>> len(set(c.values())), c[0] == c[3], c[0] == c[4]
    (2, True, False)
    """
    H = undirected(G)
    found = nx.community.louvain_communities(H, seed=seed) if H.number_of_edges() else [{v} for v in H]
    ordered = sorted((sorted(map(str, c)), c) for c in found)
    ordered.sort(key=lambda pair: -len(pair[1]))
    return {v: i for i, (_, c) in enumerate(ordered) for v in c}


def _cluster_links(G: nx.Graph) -> dict[str, set[str]]:
    """Each bridging organisation with the clusters it is linked to, either way."""
    cat = G.nodes
    links: dict[str, set[str]] = defaultdict(set)
    for u, v in G.edges():
        for org, other in ((u, v), (v, u)):
            if cat[org].get("category") in BRIDGING and cat[other].get("category") == "IndustrialCluster":
                links[org].add(other)
    return links


def bridging(G: nx.Graph, min_clusters: int = 2) -> dict:
    """Organisations linked to at least ``min_clusters`` clusters: ``{org: number of clusters}``.

    >>> G = nx.DiGraph()
    >>> G.add_nodes_from(["c1", "c2"], category="IndustrialCluster")
    >>> G.add_nodes_from(["lab", "firm"], category="Firm")
    >>> G.add_edges_from([("lab", "c1"), ("c2", "lab"), ("firm", "c1")])
    >>> bridging(G)
    {'lab': 2}
    """
    return {org: len(cs) for org, cs in sorted(_cluster_links(G).items()) if len(cs) >= min_clusters}


def cluster_network(G: nx.Graph) -> nx.Graph:
    """Clusters joined when they share organisations: edge ``weight`` = how many, and
    ``organisations`` = which (sorted IRIs). Cluster nodes keep their attributes.

    >>> G = nx.DiGraph()
    >>> G.add_nodes_from(["c1", "c2", "c3"], category="IndustrialCluster")
    >>> G.add_nodes_from(["a", "b"], category="Firm")
    >>> G.add_edges_from([("a", "c1"), ("a", "c2"), ("b", "c1"), ("b", "c2"), ("b", "c3")])
    >>> C = cluster_network(G)
    >>> sorted(C.edges(data="weight"))
    [('c1', 'c2', 2), ('c1', 'c3', 1), ('c2', 'c3', 1)]
    """
    C = nx.Graph()
    C.add_nodes_from((v, d) for v, d in G.nodes(data=True) if d.get("category") == "IndustrialCluster")
    for org, clusters in sorted(_cluster_links(G).items()):
        ordered = sorted(clusters)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                if C.has_edge(a, b):
                    C.edges[a, b]["organisations"].append(org)
                    C.edges[a, b]["weight"] += 1
                else:
                    C.add_edge(a, b, weight=1, organisations=[org])
    return C


# --------------------------------------------------------------------------- the whole analysis

MEASURES = ("degree", "betweenness", "pagerank", "community", "clusters")


@dataclass
class Analysis:
    """The entity network and every measure on it, with how long each step took (seconds)."""

    G: nx.MultiDiGraph
    scores: dict[str, dict] = field(default_factory=dict)  # measure -> {node: value}
    clusters: nx.Graph = field(default_factory=nx.Graph)  # the cluster–cluster projection
    timings: dict[str, float] = field(default_factory=dict)
    betweenness_sources: int = 0  # 0 = exact

    def rows(self) -> list[dict]:
        """One row per node, most central (PageRank) first."""
        s = self.scores
        out = [{"iri": v, "label": d["label"], "en": d["en"], "type": d["category"], "tier": d["tier"],
                "mentions": d["mentions"], **{m: s[m].get(v, 0) for m in MEASURES}}
               for v, d in self.G.nodes(data=True)]
        out.sort(key=lambda r: (-r["pagerank"], r["iri"]))
        return out


def analyze(store: ox.Store, *, k: int | None = None, seed: int = 0) -> Analysis:
    """Project ``store`` and run every measure; ``k`` samples betweenness (None: exact when
    the network is small enough, see :func:`betweenness`)."""
    steps: dict[str, float] = {}

    def timed(name, fn, *args, **kwargs):
        t = time.perf_counter()
        out = fn(*args, **kwargs)
        steps[name] = time.perf_counter() - t
        return out

    G = timed("projection", project, store)
    H = timed("undirected", undirected, G)
    n = H.number_of_nodes()
    sources = k if k is not None and k < n else (BETWEENNESS_SAMPLES if k is None and n > EXACT_BETWEENNESS_NODES
                                                 else 0)
    result = Analysis(G, betweenness_sources=sources)
    result.scores["degree"] = timed("degree", degree, H)
    result.scores["betweenness"] = timed("betweenness", betweenness, H, k, seed=seed)
    result.scores["pagerank"] = timed("pagerank", pagerank, H)
    result.scores["community"] = timed("communities", communities, H, seed=seed)
    result.scores["clusters"] = timed("bridging", bridging, G)
    result.clusters = timed("cluster_network", cluster_network, G)
    result.timings = steps
    return result


# --------------------------------------------------------------------------- write-back

def _num(value: float | int) -> ox.Literal:
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))
    return ox.Literal(format(value, ".6g").replace("inf", "INF"), datatype=ox.NamedNode(XSD + "double"))


def score_quads(result: Analysis) -> list[ox.Quad]:
    """The scores as quads of :data:`ANALYSIS_GRAPH`: each node's measures, and one
    ``ck:ClusterPair`` per pair of clusters that share organisations."""
    g = ox.NamedNode(ANALYSIS_GRAPH)
    props = {"degree": "degree", "betweenness": "betweenness", "pagerank": "pageRank", "community": "community",
             "clusters": "clustersBridged"}
    out = []
    for v in result.G:
        node = ox.NamedNode(v)
        for measure, prop in props.items():
            if v in result.scores[measure]:
                out.append(ox.Quad(node, _node(prop), _num(result.scores[measure][v]), g))
    for a, b, d in sorted(result.clusters.edges(data=True)):
        a, b = sorted((a, b))
        pair = ox.NamedNode(ID + "analysis/pair/" + hashlib.sha1(f"{a}|{b}".encode()).hexdigest()[:16])
        out += [ox.Quad(pair, RDF_TYPE, _node("ClusterPair"), g), ox.Quad(pair, _node("pairOf"), ox.NamedNode(a), g),
                ox.Quad(pair, _node("pairOf"), ox.NamedNode(b), g),
                ox.Quad(pair, _node("sharedOrganisationCount"), _num(d["weight"]), g),
                ox.Quad(ox.NamedNode(a), _node("sharesOrganisationsWith"), ox.NamedNode(b), g),
                ox.Quad(ox.NamedNode(b), _node("sharesOrganisationsWith"), ox.NamedNode(a), g)]
        out += [ox.Quad(pair, _node("sharedOrganisation"), ox.NamedNode(o), g) for o in d["organisations"]]
    return out


def write_back(store: ox.Store, result: Analysis) -> int:
    """Replace :data:`ANALYSIS_GRAPH` in ``store`` by the scores; returns the number of quads."""
    from .store import replace_graphs

    quads = score_quads(result)
    replace_graphs(store, {ANALYSIS_GRAPH: quads})
    return len(quads)


# --------------------------------------------------------------------------- one cluster

FIGURES_QUERY = """
PREFIX ck: <https://w3id.org/clusterkg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?subject ?indicator ?value ?unit ?qualifier ?period ?periodStart ?periodEnd ?target ?sentence
WHERE {
  ?o ck:subject ?subject ; ck:indicator ?indicator ; ck:value ?value ; ck:unit ?unit .
  OPTIONAL { ?o ck:qualifier ?qualifier } OPTIONAL { ?o ck:periodLabel ?period }
  OPTIONAL { ?o ck:periodStart ?periodStart } OPTIONAL { ?o ck:periodEnd ?periodEnd }
  OPTIONAL { ?o ck:isTarget ?target } OPTIONAL { ?o prov:wasDerivedFrom ?sentence }
}
"""
# Labels, sentences and reports are looked up one by one rather than joined in SPARQL: each
# report graph repeats the labels of what it names, and joins over the union of all graphs
# multiply by the number of reports (a million-triple store took minutes for 14k figures).


class Sources:
    """Cached look-ups of labels, sentence texts and reports in ``store``."""

    def __init__(self, store: ox.Store):
        self.store = store
        self._cache: dict[tuple[str, str], str] = {}

    def value(self, iri: str, predicate: str) -> str:
        """One value of ``predicate`` on ``iri`` (a zh one for labels), or ``""``."""
        key = (iri, predicate)
        if key not in self._cache:
            found = [q.object for q in self.store.quads_for_pattern(ox.NamedNode(iri), ox.NamedNode(predicate), None)]
            zh = [o.value for o in found if getattr(o, "language", None) == "zh"]
            self._cache[key] = (zh or sorted(o.value for o in found) or [""])[0]
        return self._cache[key]

    def sentence(self, iri: str) -> tuple[str, str, str]:
        """A sentence's text, and the title and file name of its report."""
        report = self.value(iri, NS + "inReport")
        return (self.value(iri, RDF + "value"), self.value(report, DCT + "title") if report else "",
                self.value(report, NS + "sourceFile") if report else "")


def figures(store: ox.Store, subject: str | None = None, sources: Sources | None = None,
            subjects: set[str] | None = None) -> list[dict[str, str]]:
    """Figures (``qb:Observation``) about ``subject`` (an IRI), or about any of ``subjects``,
    or about everything, by subject and period, each with its sentence (IRI and text) and
    report."""
    subs = {ox.Variable("subject"): ox.NamedNode(subject)} if subject else {}
    res = store.query(FIGURES_QUERY, substitutions=subs, use_default_graph_as_union=True)
    names = [v.value for v in res.variables]
    rows = [{n: (sol[n].value if sol[n] is not None else "") for n in names} for sol in res
            if subjects is None or sol["subject"].value in subjects]
    src = sources or Sources(store)
    for r in rows:
        r["indicator"] = src.value(r["indicator"], SKOS + "prefLabel") or r["indicator"]
        r["sentence_iri"] = r["sentence"]
        r["sentence"], r["report"], r["file"] = src.sentence(r["sentence"]) if r["sentence"] else ("", "", "")
    rows.sort(key=lambda r: (r["subject"], r["periodEnd"], r["indicator"], r["value"], r["sentence_iri"]))
    return rows


def find_node(G: nx.Graph, name: str, categories: Iterable[str] = ("IndustrialCluster",)) -> str:
    """The node of one of ``categories`` called ``name`` (IRI, zh or en label, or alias)."""
    cats = set(categories)
    wanted = name.strip().casefold()
    hits = [v for v, d in G.nodes(data=True) if d["category"] in cats and (
        v == name or wanted in {d["label"].casefold(), d["en"].casefold(), *(a.casefold() for a in d["aliases"])})]
    if len(hits) == 1:
        return hits[0]
    if hits:
        raise QueryError(f"{len(hits)} nodes are called {name!r}; give one IRI: " + ", ".join(sorted(hits)[:8]))
    known = sorted(d["label"] for _, d in G.nodes(data=True) if d["category"] in cats)
    raise QueryError(f"no cluster called {name!r}; clusters: " + ", ".join(known[:30]) + (" …" if len(known) > 30 else ""))


def cluster_profile(store: ox.Store, G: nx.MultiDiGraph, cluster: str) -> dict:
    """Everything about one cluster (IRI or name): lead firms, platforms, alliances, other
    organisations, events, documents, other neighbours (designations, programmes), the
    clusters it shares organisations with, and its figures (growth series) in period order."""
    c = find_node(G, cluster)
    d = G.nodes[c]
    groups: dict[str, list[dict]] = {k: [] for k in ("lead_firms", "platforms", "alliances", "organisations",
                                                      "events", "documents", "other")}
    neighbours: dict[str, set[str]] = defaultdict(set)
    for u, v, rel in [*G.in_edges(c, keys=True), *G.out_edges(c, keys=True)]:
        neighbours[v if u == c else u].add(rel)
    start_date = ox.NamedNode("https://schema.org/startDate")
    for other in sorted(neighbours, key=lambda o: (G.nodes[o]["label"], o)):
        od, rels = G.nodes[other], sorted(neighbours[other])
        entry = {"iri": other, "label": od["label"], "en": od["en"], "type": od["category"], "relations": rels}
        cat = od["category"]
        if "leadFirmOf" in rels:
            groups["lead_firms"].append(entry)
        elif cat in ("InnovationPlatform", "Laboratory"):
            groups["platforms"].append(entry)
        elif cat == "Alliance":
            groups["alliances"].append(entry)
        elif cat in ORGANISATIONS:
            groups["organisations"].append(entry)
        elif cat == "Event":
            dates = [q.object.value for q in store.quads_for_pattern(ox.NamedNode(other), start_date, None)]
            groups["events"].append({**entry, "date": min(dates, default="")})
        else:
            groups["documents" if cat in ("PolicyDocument", "ChallengeList") else "other"].append(entry)
    groups["events"].sort(key=lambda e: (e["date"], e["label"]))
    C = cluster_network(G)
    shares = [{"iri": o, "label": G.nodes[o]["label"], "shared": [G.nodes[x]["label"] for x in C.edges[c, o]["organisations"]]}
              for o in sorted(C[c], key=lambda o: (-C.edges[c, o]["weight"], o))] if c in C else []
    return {"iri": c, "label": d["label"], "en": d["en"], "tier": d["tier"], "mentions": d["mentions"], **groups,
            "shares_organisations_with": shares, "figures": figures(store, c)}


# --------------------------------------------------------------------------- export for other tools

NETWORK_FORMATS = ("graphml", "gexf", "json")


def flat(G: nx.MultiDiGraph, scores: dict[str, dict] | None = None) -> nx.MultiDiGraph:
    """A copy of ``G`` whose attributes are all strings or numbers (tuples joined with ``|``),
    with the measures in ``scores`` added to the nodes, as GraphML and GEXF need."""
    F = nx.MultiDiGraph()
    for v, d in G.nodes(data=True):
        attrs = {k: "|".join(x) if isinstance(x, tuple) else x for k, x in d.items()}
        attrs.update({m: s.get(v, 0) for m, s in (scores or {}).items()})
        F.add_node(v, **attrs)
    for u, v, key, d in G.edges(keys=True, data=True):
        F.add_edge(u, v, key=key, **{k: "|".join(x) if isinstance(x, tuple) else x for k, x in d.items()})
    return F


def network_bytes(G: nx.MultiDiGraph, fmt: str, scores: dict[str, dict] | None = None) -> bytes:
    """The entity network as GraphML, GEXF or node-link JSON, for Gephi and other tools."""
    F = flat(G, scores)
    if fmt == "json":
        data = nx.node_link_data(F, edges="links")
        return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    buf = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(F, buf, encoding="utf-8")
    elif fmt == "gexf":
        nx.write_gexf(F, buf, encoding="utf-8")
    else:
        raise ClusterKGError(f"unknown network format {fmt!r}; choose one of {', '.join(NETWORK_FORMATS)}")
    return buf.getvalue()
