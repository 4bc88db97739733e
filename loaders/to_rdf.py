"""Stage 6 — facts to RDF: the quads of one report's named graph.

Everything a report states lives in its own graph: the report and its metadata, its
sentences (text and offsets, and ``ck:names`` to each entity a sentence names), every mention,
the entities it names with their types and the names it uses, relations (as direct triples
and as ``ck:Assertion`` nodes pointing to their sentence), observations (RDF Data Cube) and
events. IRIs come from :mod:`.ids`.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal

import pyoxigraph as ox
from clusterkg.ontology import ID
from clusterkg.ontology import NS as CK_NS

from .extraction import Extraction
from .ids import KINDS, graph_iri, report_iri, slug

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


# an IRI of these characters alone is written as it is (the minted ones: https, slugs, digits)
_PLAIN_IRI = re.compile(r"https?://[A-Za-z0-9.\-]+(?:/[A-Za-z0-9._\-]+)*/?(?:#[A-Za-z0-9_\-]+)?")


# the project's own IRIs by kind (org/…, cluster/…): written as prefixed names, kind:slug
_OWN_IRI = re.compile(re.escape(ID) + r"(?P<kind>" + "|".join(KINDS) + r")/(?P<local>[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)")


def _iri(iri: str) -> str:
    """The IRI as a prefixed name (the project's own, kind:slug) or as ``<iri>`` as pyoxigraph
    writes it (and checks it), remembered."""
    s = _NT.get(iri)
    if s is None:
        if own := _OWN_IRI.fullmatch(iri):
            s = f"{own['kind']}:{own['local']}"
        else:
            s = f"<{iri}>" if _PLAIN_IRI.fullmatch(iri) else str(ox.NamedNode(iri))
        _NT[iri] = s
    return s


def _ck(term: str) -> str:
    """``ck:term``, the term checked against the ontology (an unknown term raises)."""
    s = _CK_NAMES.get(term)
    if s is None:
        ck(term)
        s = _CK_NAMES[term] = "ck:" + term
    return s


_CK_NAMES: dict[str, str] = {}


def _lit(value: object, lang: str | None = None) -> str:
    return str(lit(value, lang))


_DATE_NT, _DECIMAL_NT = str(_DATE), str(_DECIMAL)
_TRUE, _FALSE = str(ox.Literal("true", datatype=_BOOLEAN)), str(ox.Literal("false", datatype=_BOOLEAN))
# the characters N-Triples escapes inside a string (pyoxigraph writes \uXXXX, \t, \" … for them)
_ESCAPED = re.compile(r'[\x00-\x1f"\\\x7f\ufffe\uffff]')


def _str(value: str, lang: str | None = None) -> str:
    """A string literal (``@lang`` if given): quoted as is, or written by pyoxigraph when it
    needs escaping."""
    if _ESCAPED.search(value) is None:
        return f'"{value}"@{lang}' if lang else f'"{value}"'
    return str(ox.Literal(value, language=lang))


def _quoted(value: str) -> str:
    return f'"{value}"'


def _zh(value: str) -> str:
    return _str(value, "zh")


def _date(value: date) -> str:
    return f'"{value.isoformat()}"^^{_DATE_NT}'


def _decimal(value: Decimal) -> str:
    """An xsd:decimal literal in canonical form (equal values write the same).

    The figures are read from digit strings and multiplied by whole numbers, so ``str`` writes
    them without an exponent and dropping the zeros after the point is what ``normalize``
    does; a value with an exponent, or too long to be sure ``normalize`` would not round it (28
    digits), goes the long way. A quarter of the time of ``normalize`` and ``format``, and less
    than hashing the Decimal took for a cache of them.
    """
    text = str(value)
    if "E" in text or len(text) > 27:
        text = format(value.normalize(), "f")
    elif "." in text:
        text = text.rstrip("0").rstrip(".")
    return f'"{text if "." in text else text + ".0"}"^^{_DECIMAL_NT}'


_SHORT: dict[str, str] = {}


def _short(value: str) -> str:
    """A plain literal for the few strings that repeat across reports (rule names, units)."""
    s = _SHORT.get(value)
    if s is None:
        s = str(ox.Literal(value))
        if len(_SHORT) < 4096:
            _SHORT[value] = s
    return s


_PREFIXES = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in (
    ("ck", CK_NS), ("rdf", RDF), ("skos", SKOS), ("dct", DCT), ("prov", PROV),
    ("qb", QB), ("schema", SCHEMA), *((kind, f"{ID}{kind}/") for kind in KINDS)))


def to_trig(x: Extraction) -> str:
    """The report's named graph as a TriG document.

    Entity and report IRIs are written as they are when they hold only the characters minted
    IRIs have (scheme, host, ASCII slugs) and checked and written by pyoxigraph otherwise
    (``str`` of a term is its N-Triples form); string literals are quoted as they are when nothing in them needs
    escaping and written by pyoxigraph otherwise; dates, decimals and integers are formatted
    here from their values. Vocabulary terms are prefixed names (ck: terms checked against the
    ontology), the report's own nodes (sentences, mentions, assertions, observations) are
    ASCII paths relative to the report's IRI, and integers are bare: a quarter of the text
    N-Quads would take. The statements are joined as text because making one Python ``Quad``
    object per statement costs more than the rest of the loader together, and the store
    parses TriG natively.
    """
    n = _iri
    g = " .\n"
    lines: list[str] = []
    add = lines.append

    def q(s: str, p: str, o: str) -> None:
        add(f"{s} {p} {o}{g}")

    a = "a"
    base = report_iri(x.slug)
    rep = n(base)
    add(f"{_PREFIXES}@base <{base}/> .\nGRAPH {n(graph_iri(x.slug))} {{\n")
    surface, text = x.document.surface, x.document.text
    # the sentences and mention surfaces are slices of the surface: when nothing in it needs
    # escaping, nothing in them does either
    piece = _quoted if _ESCAPED.search(surface) is None else _str
    meta = x.document.meta
    q(rep, a, _ck("Report"))
    if meta.title:
        q(rep, "dct:title", _lit(meta.title, "zh"))
    if meta.published:
        q(rep, "dct:date", _lit(meta.published))
    if meta.author:
        q(rep, "schema:author", _lit(meta.author))
    if meta.url:
        q(rep, "schema:url", str(ox.Literal(meta.url, datatype=ox.NamedNode(XSD + "anyURI"))))
    if x.publisher is not None:
        q(rep, "dct:publisher", n(x.publisher.iri))
    if x.city is not None:
        q(rep, _ck("city"), n(x.city.iri))
    q(rep, _ck("sourceFile"), _lit(x.document.name))
    q(rep, _ck("encoding"), _lit(x.document.encoding))
    q(rep, "dct:language", _lit("zh-Hant" if x.document.script == "traditional" else "zh-Hans"))
    q(rep, _ck("cleanText"), piece(surface))
    dataset = "<dataset>"
    q(dataset, a, "qb:DataSet")
    q(dataset, "qb:structure", _ck("ClusterStatistics"))
    derived = "prov:wasDerivedFrom"
    q(dataset, derived, rep)

    start, end, rule, value = _ck("start"), _ck("end"), _ck("rule"), "rdf:value"
    # the report's own nodes: an ASCII path of digits relative to its (checked) IRI
    sentence_type, in_report = _ck("Sentence"), _ck("inReport")
    sent_node = {}
    for i, s in enumerate(x.sentences):
        node = sent_node[i] = f"<s/{i + 1}>"
        add(f"{node} {a} {sentence_type} ; {in_report} {rep} ; {value} {piece(surface[s.start:s.end])} ; "
            f"{start} {s.start} ; {end} {s.end}{g}")
    starts = [s.start for s in x.sentences]
    ends = [s.end for s in x.sentences]

    pref, alt = "skos:prefLabel", "skos:altLabel"
    mention_of, in_sentence, surface_p = _ck("mentionOf"), _ck("inSentence"), _ck("surface")
    mention_type, names_p, mention_count = _ck("Mention"), _ck("names"), _ck("mentionCount")
    named: set[tuple[int, str]] = set()  # (sentence, entity): ck:names once per pair
    for e in x.entities:
        node = n(e.iri)
        if e.kind == "org":
            q(node, a, _ck(e.category))
            if e.category == "InnovationPlatform":
                for word, specific in _SPECIFIC.items():
                    if e.label.endswith(word):
                        q(node, a, _ck(specific))
        elif e.kind == "cluster":
            q(node, a, _ck("IndustrialCluster"))
            city = e.city or x.city
            if not e.known and city is not None:
                q(node, _ck("city"), n(city.iri))
        elif e.kind == "document":
            q(node, a, _ck(e.category))
            q(node, "dct:title", _lit(e.label, "zh"))
        elif e.kind == "event":
            q(node, a, _ck("Event"))
        elif e.kind == "designation":
            q(node, a, _ck("Designation"))
        elif e.kind == "programme":
            q(node, a, _ck("Programme"))
        elif e.kind == "place" and not e.known:
            q(node, a, _ck(e.category))
        if not e.known:
            add(f"{node} {pref} {_zh(e.label)}{g}")
        names = {text[m.start:m.end] for m in e.mentions if m.rule != "back-reference"}
        names.update(e.surfaces)
        names.discard(e.label)
        names.discard("")
        for name in sorted(names):
            add(f"{node} {alt} {_zh(name)}{g}")
        if e.mentions:
            add(f"{node} {mention_count} {len(e.mentions)}{g}")
        for m in e.mentions:
            ms, me = m.start, m.end
            mn = f"<m/{ms}-{me}>"
            si = bisect.bisect_right(starts, ms) - 1
            in_s = names_line = ""
            if si >= 0 and ms < ends[si]:
                in_s = f" ; {in_sentence} {sent_node[si]}"
                if (si, node) not in named:
                    named.add((si, node))
                    names_line = f"{sent_node[si]} {names_p} {node}{g}"
            add(f"{mn} {a} {mention_type} ; {mention_of} {node} ; {surface_p} {piece(surface[ms:me])} ; "
                f"{start} {ms} ; {end} {me} ; {rule} {_short(m.rule)}{in_s}{g}{names_line}")

    assertion, r_subject, r_predicate, r_object = _ck("Assertion"), "rdf:subject", "rdf:predicate", "rdf:object"
    subject_surface, object_surface = _ck("subjectSurface"), _ck("objectSurface")
    for r in x.facts.relations:
        rs, p, o = n(r.subject.iri), _ck(r.predicate), n(r.object.iri)
        key = f"{r.subject.iri}|{r.predicate}|{r.object.iri}|{r.sentence}"
        # base is a checked IRI; a hex digest keeps it one
        node = f"<a/{hashlib.sha1(key.encode()).hexdigest()[:12]}>"
        add(f"{rs} {p} {o}{g}"
            f"{node} {a} {assertion} ; {r_subject} {rs} ; {r_predicate} {p} ; {r_object} {o} ; "
            f"{derived} {sent_node[r.sentence]} ; {rule} {_short(r.rule)}")
        if r.subject_surface:
            add(f" ; {subject_surface} {_str(r.subject_surface)}")
        if r.object_surface:
            add(f" ; {object_surface} {_str(r.object_surface)}")
        add(g)

    indicators: dict[str, str] = {}  # indicator text → node
    written: set[str] = set()  # indicator nodes described (two texts may share a slug)
    observation, in_dataset = "qb:Observation", "qb:dataSet"
    p_subject, p_subject_surface, p_indicator = _ck("subject"), _ck("subjectSurface"), _ck("indicator")
    p_value, p_base, p_unit, p_qualifier = _ck("value"), _ck("baseValue"), _ck("unit"), _ck("qualifier")
    p_label, p_first, p_last, p_target = _ck("periodLabel"), _ck("periodStart"), _ck("periodEnd"), _ck("isTarget")
    indicator_type = _ck("Indicator")
    for i, ob in enumerate(x.facts.observations):
        node = f"<obs/{i + 1}>"
        ind = indicators.get(ob.indicator)
        if ind is None:
            # what _iri makes of entity_iri's IRI (a slug is always a local name), without the regex
            ind = indicators[ob.indicator] = f"indicator:{slug(ob.indicator)}"
            if ind not in written:
                written.add(ind)
                add(f"{ind} {a} {indicator_type}{g}{ind} {pref} {_zh(ob.indicator)}{g}")
        qt = ob.quantity
        sent_start = x.sentences[ob.sentence].start
        add(f"{node} {a} {observation} ; {in_dataset} {dataset}")  # one statement per observation
        if ob.subject is not None:
            add(f" ; {p_subject} {n(ob.subject.iri)}")
        if ob.subject_surface:
            add(f" ; {p_subject_surface} {_str(ob.subject_surface)}")
        add(f" ; {p_indicator} {ind} ; {p_value} {_decimal(qt.value)} ; {p_base} {_decimal(qt.base_value())} ; "
            f"{p_unit} {_short(qt.unit)}")
        if qt.qualifier:
            add(f" ; {p_qualifier} {_short(qt.qualifier)}")
        if ob.period is not None:
            add(f" ; {p_label} {_str(ob.period.label)}")
            if ob.period.first and ob.period.last:
                add(f" ; {p_first} {_date(ob.period.first)} ; {p_last} {_date(ob.period.last)}")
        add(f" ; {p_target} {_TRUE if ob.target else _FALSE} ; {start} {sent_start + qt.start} ; "
            f"{end} {sent_start + qt.end} ; {derived} {sent_node[ob.sentence]}{g}")

    for ev in x.facts.events:
        node = n(ev.entity.iri)
        if ev.date:
            q(node, "schema:startDate", _lit(ev.date))
        for org in ev.organizers:
            q(node, _ck("organizedBy"), n(org.iri))
        for c in ev.about:
            q(node, _ck("about"), n(c.iri))
        q(node, derived, sent_node[ev.sentence])
        if not any(e is ev.entity for e in x.entities):
            q(node, a, _ck("Event"))
            q(node, pref, _lit(ev.entity.label, "zh"))
    add("}\n")
    return "".join(lines)


def to_quads(x: Extraction) -> Iterator[ox.Quad]:
    """The report's named graph as pyoxigraph quads (parsed from :func:`to_trig`)."""
    return ox.parse(to_trig(x).encode("utf-8"), format=ox.RdfFormat.TRIG)


__all__ = ["to_quads", "to_trig", "slug"]
