"""Stage 6 — facts to RDF: the quads of one report's named graph.

Everything a report states lives in its own graph: the report and its metadata, its
sentences (text and offsets), every mention, the entities it names with their types and the
names it uses, relations (as direct triples and as ``ck:Assertion`` nodes pointing to their
sentence), observations (RDF Data Cube) and events. IRIs come from :mod:`.ids`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal

import pyoxigraph as ox

from .extraction import Extraction
from .ids import entity_iri, graph_iri, report_iri, slug

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
QB = "http://purl.org/linked-data/cube#"
SCHEMA = "https://schema.org/"

_SPECIFIC = {"创新中心": "InnovationCentre", "工程研究中心": "EngineeringResearchCentre",
             "工程技术研究中心": "EngineeringResearchCentre", "工业互联网平台": "IndustrialInternetPlatform"}


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


_CK_NODES: dict[str, ox.NamedNode] = {}


def ck(term: str) -> ox.NamedNode:
    """The node of a ck: term, checked against the ontology (an unknown term raises)."""
    node = _CK_NODES.get(term)
    if node is None:
        from clusterkg.ontology import CK

        node = _CK_NODES[term] = ox.NamedNode(str(CK[term]))
    return node


_INTEGER, _DECIMAL = ox.NamedNode(XSD + "integer"), ox.NamedNode(XSD + "decimal")
_BOOLEAN, _DATE, _DATETIME = ox.NamedNode(XSD + "boolean"), ox.NamedNode(XSD + "date"), ox.NamedNode(XSD + "dateTime")


def lit(value: object, lang: str | None = None) -> ox.Literal:
    if lang:
        return ox.Literal(str(value), language=lang)
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=_BOOLEAN)
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=_INTEGER)
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return ox.Literal(text if "." in text else text + ".0", datatype=_DECIMAL)
    if isinstance(value, datetime):
        return ox.Literal(value.isoformat(), datatype=_DATETIME)
    if isinstance(value, date):
        return ox.Literal(value.isoformat(), datatype=_DATE)
    return ox.Literal(str(value))


_NT: dict[str, str] = {}


def _iri(iri: str) -> str:
    """``<iri>`` as pyoxigraph writes it (and checks it), remembered."""
    s = _NT.get(iri)
    if s is None:
        s = _NT[iri] = str(ox.NamedNode(iri))
    return s


def _ck(term: str) -> str:
    s = _NT.get(term)
    if s is None:
        s = _NT[term] = str(ck(term))
    return s


def _lit(value: object, lang: str | None = None) -> str:
    return str(lit(value, lang))


_INT = '"{}"^^' + str(_INTEGER)


def _int(value: int) -> str:
    """An xsd:integer literal (digits need no escaping)."""
    return _INT.format(int(value))


def _str(value: str) -> str:
    return str(ox.Literal(value))


_SHORT: dict[str, str] = {}


def _short(value: str) -> str:
    """A plain literal for the few strings that repeat across reports (rule names, units)."""
    s = _SHORT.get(value)
    if s is None:
        s = str(ox.Literal(value))
        if len(_SHORT) < 4096:
            _SHORT[value] = s
    return s


def to_nquads(x: Extraction) -> str:
    """The report's named graph as an N-Quads document.

    Every term is written by pyoxigraph (``str`` of a term is its N-Triples form, escaping
    included); the statements are joined as text because making one Python ``Quad`` object
    per statement costs more than the rest of the loader together, and the store parses
    N-Quads natively.
    """
    n = _iri
    g = f" {n(graph_iri(x.slug))} .\n"
    lines: list[str] = []
    add = lines.append

    def q(s: str, p: str, o: str) -> None:
        add(f"{s} {p} {o}{g}")

    a = n(RDF + "type")
    base = report_iri(x.slug)
    rep = n(base)
    surface, text = x.document.surface, x.document.text
    meta = x.document.meta
    q(rep, a, _ck("Report"))
    if meta.title:
        q(rep, n(DCT + "title"), _lit(meta.title, "zh"))
    if meta.published:
        q(rep, n(DCT + "date"), _lit(meta.published))
    if meta.author:
        q(rep, n(SCHEMA + "author"), _lit(meta.author))
    if meta.url:
        q(rep, n(SCHEMA + "url"), str(ox.Literal(meta.url, datatype=ox.NamedNode(XSD + "anyURI"))))
    if x.publisher is not None:
        q(rep, n(DCT + "publisher"), n(x.publisher.iri))
    if x.city is not None:
        q(rep, _ck("city"), n(x.city.iri))
    q(rep, _ck("sourceFile"), _lit(x.document.name))
    q(rep, _ck("encoding"), _lit(x.document.encoding))
    q(rep, n(DCT + "language"), _lit("zh-Hant" if x.document.script == "traditional" else "zh-Hans"))
    q(rep, _ck("cleanText"), _lit(surface))
    dataset = str(ox.NamedNode(base + "/dataset"))
    q(dataset, a, n(QB + "DataSet"))
    q(dataset, n(QB + "structure"), _ck("ClusterStatistics"))
    derived = n(PROV + "wasDerivedFrom")
    q(dataset, derived, rep)

    start, end, rule, value = _ck("start"), _ck("end"), _ck("rule"), n(RDF + "value")
    sent_node = {}
    for i, s in enumerate(x.sentences):
        node = sent_node[i] = str(ox.NamedNode(f"{base}/s/{i + 1}"))
        q(node, a, _ck("Sentence"))
        q(node, _ck("inReport"), rep)
        q(node, value, _str(surface[s.start:s.end]))
        q(node, start, _int(s.start))
        q(node, end, _int(s.end))

    pref, alt = n(SKOS + "prefLabel"), n(SKOS + "altLabel")
    mention_of, in_sentence, surface_p = _ck("mentionOf"), _ck("inSentence"), _ck("surface")
    for e in x.entities:
        node = n(e.iri)
        if e.kind == "org":
            q(node, a, _ck(e.category))
            for word, specific in _SPECIFIC.items():
                if e.label.endswith(word) and e.category == "InnovationPlatform":
                    q(node, a, _ck(specific))
        elif e.kind == "cluster":
            q(node, a, _ck("IndustrialCluster"))
            city = e.city or x.city
            if not e.known and city is not None:
                q(node, _ck("city"), n(city.iri))
        elif e.kind == "document":
            q(node, a, _ck(e.category))
            q(node, n(DCT + "title"), _lit(e.label, "zh"))
        elif e.kind == "event":
            q(node, a, _ck("Event"))
        elif e.kind == "designation":
            q(node, a, _ck("Designation"))
        elif e.kind == "programme":
            q(node, a, _ck("Programme"))
        elif e.kind == "place" and not e.known:
            q(node, a, _ck(e.category))
        if not e.known:
            q(node, pref, _lit(e.label, "zh"))
        names = {text[m.start:m.end] for m in e.mentions} | set(e.surfaces)
        for name in sorted(names):
            if name and name != e.label:
                q(node, alt, str(ox.Literal(name, language="zh")))
        if e.mentions:
            q(node, _ck("mentionCount"), _int(len(e.mentions)))
        for m in e.mentions:
            mn = str(ox.NamedNode(f"{base}/m/{m.start}-{m.end}"))
            q(mn, a, _ck("Mention"))
            q(mn, mention_of, node)
            q(mn, surface_p, _str(surface[m.start:m.end]))
            q(mn, start, _int(m.start))
            q(mn, end, _int(m.end))
            q(mn, rule, _short(m.rule))
            si = x.sentence_of(m.start)
            if si is not None:
                q(mn, in_sentence, sent_node[si])

    for r in x.facts.relations:
        s, p, o = n(r.subject.iri), _ck(r.predicate), n(r.object.iri)
        q(s, p, o)
        key = f"{r.subject.iri}|{r.predicate}|{r.object.iri}|{r.sentence}"
        node = str(ox.NamedNode(f"{base}/a/{hashlib.sha1(key.encode()).hexdigest()[:12]}"))
        q(node, a, _ck("Assertion"))
        q(node, n(RDF + "subject"), s)
        q(node, n(RDF + "predicate"), p)
        q(node, n(RDF + "object"), o)
        q(node, derived, sent_node[r.sentence])
        q(node, rule, _short(r.rule))
        if r.subject_surface:
            q(node, _ck("subjectSurface"), _lit(r.subject_surface))
        if r.object_surface:
            q(node, _ck("objectSurface"), _lit(r.object_surface))

    indicators = {}
    observation, in_dataset = n(QB + "Observation"), n(QB + "dataSet")
    for i, ob in enumerate(x.facts.observations):
        node = str(ox.NamedNode(f"{base}/obs/{i + 1}"))
        ind_iri = entity_iri("indicator", ob.indicator)
        ind = n(ind_iri)
        if ind_iri not in indicators:
            indicators[ind_iri] = ob.indicator
            q(ind, a, _ck("Indicator"))
            q(ind, pref, _lit(ob.indicator, "zh"))
        qt = ob.quantity
        sent_start = x.sentences[ob.sentence].start
        q(node, a, observation)
        q(node, in_dataset, dataset)
        if ob.subject is not None:
            q(node, _ck("subject"), n(ob.subject.iri))
        if ob.subject_surface:
            q(node, _ck("subjectSurface"), _lit(ob.subject_surface))
        q(node, _ck("indicator"), ind)
        q(node, _ck("value"), _lit(qt.value))
        q(node, _ck("baseValue"), _lit(qt.base_value()))
        q(node, _ck("unit"), _short(qt.unit))
        if qt.qualifier:
            q(node, _ck("qualifier"), _lit(qt.qualifier))
        if ob.period is not None:
            q(node, _ck("periodLabel"), _lit(ob.period.label))
            if ob.period.first:
                q(node, _ck("periodStart"), _lit(ob.period.first))
                q(node, _ck("periodEnd"), _lit(ob.period.last))
        q(node, _ck("isTarget"), _lit(ob.target))
        q(node, start, _int(sent_start + qt.start))
        q(node, end, _int(sent_start + qt.end))
        q(node, derived, sent_node[ob.sentence])

    for ev in x.facts.events:
        node = n(ev.entity.iri)
        if ev.date:
            q(node, n(SCHEMA + "startDate"), _lit(ev.date))
        for o in ev.organizers:
            q(node, _ck("organizedBy"), n(o.iri))
        for c in ev.about:
            q(node, _ck("about"), n(c.iri))
        q(node, derived, sent_node[ev.sentence])
        if ev.entity not in x.entities:
            q(node, a, _ck("Event"))
            q(node, pref, _lit(ev.entity.label, "zh"))
    return "".join(lines)


def to_quads(x: Extraction) -> Iterator[ox.Quad]:
    """The report's named graph as pyoxigraph quads (parsed from :func:`to_nquads`)."""
    return ox.parse(to_nquads(x).encode("utf-8"), format=ox.RdfFormat.N_QUADS)


__all__ = ["to_nquads", "to_quads", "slug"]
