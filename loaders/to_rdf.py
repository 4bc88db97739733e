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


def lit(value: object, lang: str | None = None) -> ox.Literal:
    if lang:
        return ox.Literal(str(value), language=lang)
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=_n(XSD + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=_n(XSD + "integer"))
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return ox.Literal(text if "." in text else text + ".0", datatype=_n(XSD + "decimal"))
    if isinstance(value, datetime):
        return ox.Literal(value.isoformat(), datatype=_n(XSD + "dateTime"))
    if isinstance(value, date):
        return ox.Literal(value.isoformat(), datatype=_n(XSD + "date"))
    return ox.Literal(str(value))


def to_quads(x: Extraction) -> Iterator[ox.Quad]:
    g = _n(graph_iri(x.slug))
    rep = _n(report_iri(x.slug))
    base = report_iri(x.slug)
    a = _n(RDF + "type")

    def q(s, p, o):
        return ox.Quad(s, p, o, g)

    meta = x.document.meta
    yield q(rep, a, ck("Report"))
    if meta.title:
        yield q(rep, _n(DCT + "title"), lit(meta.title, "zh"))
    if meta.published:
        yield q(rep, _n(DCT + "date"), lit(meta.published))
    if meta.author:
        yield q(rep, _n(SCHEMA + "author"), lit(meta.author))
    if meta.url:
        yield q(rep, _n(SCHEMA + "url"), ox.Literal(meta.url, datatype=_n(XSD + "anyURI")))
    if x.publisher is not None:
        yield q(rep, _n(DCT + "publisher"), _n(x.publisher.iri))
    if x.city is not None:
        yield q(rep, ck("city"), _n(x.city.iri))
    yield q(rep, ck("sourceFile"), lit(x.document.name))
    yield q(rep, ck("encoding"), lit(x.document.encoding))
    yield q(rep, _n(DCT + "language"), lit("zh-Hant" if x.document.script == "traditional" else "zh-Hans"))
    yield q(rep, ck("cleanText"), lit(x.document.surface))
    dataset = _n(base + "/dataset")
    yield q(dataset, a, _n(QB + "DataSet"))
    yield q(dataset, _n(QB + "structure"), ck("ClusterStatistics"))
    yield q(dataset, _n(PROV + "wasDerivedFrom"), rep)

    sent_node = {}
    for i, s in enumerate(x.sentences):
        node = _n(f"{base}/s/{i + 1}")
        sent_node[i] = node
        yield q(node, a, ck("Sentence"))
        yield q(node, ck("inReport"), rep)
        yield q(node, _n(RDF + "value"), lit(x.document.surface[s.start:s.end]))
        yield q(node, ck("start"), lit(s.start))
        yield q(node, ck("end"), lit(s.end))

    for e in x.entities:
        node = _n(e.iri)
        if e.kind == "org":
            yield q(node, a, ck(e.category))
            for word, specific in _SPECIFIC.items():
                if e.label.endswith(word) and e.category == "InnovationPlatform":
                    yield q(node, a, ck(specific))
        elif e.kind == "cluster":
            yield q(node, a, ck("IndustrialCluster"))
            city = e.city or x.city
            if not e.known and city is not None:
                yield q(node, ck("city"), _n(city.iri))
        elif e.kind == "document":
            yield q(node, a, ck(e.category))
            yield q(node, _n(DCT + "title"), lit(e.label, "zh"))
        elif e.kind == "event":
            yield q(node, a, ck("Event"))
        elif e.kind == "designation":
            yield q(node, a, ck("Designation"))
        elif e.kind == "programme":
            yield q(node, a, ck("Programme"))
        elif e.kind == "place" and not e.known:
            yield q(node, a, ck(e.category))
        if not e.known:
            yield q(node, _n(SKOS + "prefLabel"), lit(e.label, "zh"))
        names = {x.document.text[m.start:m.end] for m in e.mentions} | set(e.surfaces)
        for name in sorted(names):
            if name and name != e.label:
                yield q(node, _n(SKOS + "altLabel"), lit(name, "zh"))
        if e.mentions:
            yield q(node, ck("mentionCount"), lit(len(e.mentions)))
        for m in e.mentions:
            mn = _n(f"{base}/m/{m.start}-{m.end}")
            yield q(mn, a, ck("Mention"))
            yield q(mn, ck("mentionOf"), node)
            yield q(mn, ck("surface"), lit(x.document.surface[m.start:m.end]))
            yield q(mn, ck("start"), lit(m.start))
            yield q(mn, ck("end"), lit(m.end))
            yield q(mn, ck("rule"), lit(m.rule))
            si = x.sentence_of(m.start)
            if si is not None:
                yield q(mn, ck("inSentence"), sent_node[si])

    for r in x.facts.relations:
        s, p, o = _n(r.subject.iri), ck(r.predicate), _n(r.object.iri)
        yield q(s, p, o)
        key = f"{r.subject.iri}|{r.predicate}|{r.object.iri}|{r.sentence}"
        node = _n(f"{base}/a/{hashlib.sha1(key.encode()).hexdigest()[:12]}")
        yield q(node, a, ck("Assertion"))
        yield q(node, _n(RDF + "subject"), s)
        yield q(node, _n(RDF + "predicate"), p)
        yield q(node, _n(RDF + "object"), o)
        yield q(node, _n(PROV + "wasDerivedFrom"), sent_node[r.sentence])
        yield q(node, ck("rule"), lit(r.rule))
        if r.subject_surface:
            yield q(node, ck("subjectSurface"), lit(r.subject_surface))
        if r.object_surface:
            yield q(node, ck("objectSurface"), lit(r.object_surface))

    indicators = {}
    for i, ob in enumerate(x.facts.observations):
        node = _n(f"{base}/obs/{i + 1}")
        ind_iri = entity_iri("indicator", ob.indicator)
        if ind_iri not in indicators:
            indicators[ind_iri] = ob.indicator
            yield q(_n(ind_iri), a, ck("Indicator"))
            yield q(_n(ind_iri), _n(SKOS + "prefLabel"), lit(ob.indicator, "zh"))
        qt = ob.quantity
        sent_start = x.sentences[ob.sentence].start
        yield q(node, a, _n(QB + "Observation"))
        yield q(node, _n(QB + "dataSet"), dataset)
        if ob.subject is not None:
            yield q(node, ck("subject"), _n(ob.subject.iri))
        if ob.subject_surface:
            yield q(node, ck("subjectSurface"), lit(ob.subject_surface))
        yield q(node, ck("indicator"), _n(ind_iri))
        yield q(node, ck("value"), lit(qt.value))
        yield q(node, ck("baseValue"), lit(qt.base_value()))
        yield q(node, ck("unit"), lit(qt.unit))
        if qt.qualifier:
            yield q(node, ck("qualifier"), lit(qt.qualifier))
        if ob.period is not None:
            yield q(node, ck("periodLabel"), lit(ob.period.label))
            if ob.period.first:
                yield q(node, ck("periodStart"), lit(ob.period.first))
                yield q(node, ck("periodEnd"), lit(ob.period.last))
        yield q(node, ck("isTarget"), lit(ob.target))
        yield q(node, ck("start"), lit(sent_start + qt.start))
        yield q(node, ck("end"), lit(sent_start + qt.end))
        yield q(node, _n(PROV + "wasDerivedFrom"), sent_node[ob.sentence])

    for ev in x.facts.events:
        node = _n(ev.entity.iri)
        if ev.date:
            yield q(node, _n(SCHEMA + "startDate"), lit(ev.date))
        for o in ev.organizers:
            yield q(node, ck("organizedBy"), _n(o.iri))
        for c in ev.about:
            yield q(node, ck("about"), _n(c.iri))
        yield q(node, _n(PROV + "wasDerivedFrom"), sent_node[ev.sentence])
        if ev.entity not in x.entities:
            yield q(node, a, ck("Event"))
            yield q(node, _n(SKOS + "prefLabel"), lit(ev.entity.label, "zh"))


__all__ = ["to_quads", "slug"]
