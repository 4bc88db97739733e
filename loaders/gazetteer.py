"""Reference data as lookup tables: known clusters, organisations, places and the standard
abbreviations of government departments, read from ``ontology/reference/``.

Everything here is curated fact with a source (see the Turtle files); the extractor uses it
to recognise names, never to state facts a report did not state.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import pyoxigraph as ox
from ahocorasick_rs import AhoCorasick, MatchKind
from clusterkg.ontology import NS, REFERENCE_DIR

from .read import normalise

SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

ORG_CATEGORIES = ("Firm", "Alliance", "InnovationPlatform", "Laboratory", "University", "ResearchInstitute",
                  "GovernmentBody", "IndustrialPark", "Media", "OtherOrganization")
PLACE_CLASSES = ("Country", "Province", "City", "District")
QUOTE_CHARS = "“”\"'‘’《》「」『』 "  # what name_key drops
_QUOTES = str.maketrans("", "", QUOTE_CHARS)


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The form names are compared in: normalised, without quotes or spaces.

    >>> name_key("“343”創新產業集群 ")
    '343创新产业集群'
    """
    return normalise(name).translate(_QUOTES)


@dataclass
class Known:
    """One entity of the reference data."""

    iri: str
    kind: str  # org | cluster | place | programme | tier
    category: str  # coarse class local name
    classes: set[str] = field(default_factory=set)
    label: str = ""
    label_en: str | None = None
    names: set[str] = field(default_factory=set)
    city: str | None = None
    province: str | None = None
    located_in: str | None = None


class NameIndex:
    """Leftmost-longest matching of many literal names in a text (an Aho–Corasick automaton
    from ahocorasick-rs, built on first use after the last ``add``).

    >>> idx = NameIndex(); idx.add("徐工", 1); idx.add("徐工集团", 2); idx.add("集团", 3)
    >>> [(s, e, v) for s, e, v in idx.finditer("推动徐工集团和集团")]
    [(2, 6, [2]), (7, 9, [3])]
    """

    def __init__(self) -> None:
        self._values: dict[str, list] = defaultdict(list)
        self._automaton: AhoCorasick | None = None
        self._found: list[list] = []  # the values of the automaton's names, in its order

    def add(self, name: str, value: object) -> None:
        if len(name) < 2:
            return
        if value not in self._values[name]:
            self._values[name].append(value)
        self._automaton = None

    def get(self, name: str) -> list:
        return self._values.get(name, [])

    def finditer(self, text: str) -> Iterator[tuple[int, int, list]]:
        if not self._values:
            return iter(())
        automaton = self._automaton
        if automaton is None:
            names = list(self._values)
            automaton = self._automaton = AhoCorasick(names, matchkind=MatchKind.LeftmostLongest)
            self._found = [self._values[n] for n in names]
        found = self._found
        return iter([(start, end, found[i]) for i, start, end in automaton.find_matches_as_indexes(text)])


@dataclass
class Gazetteer:
    entities: dict[str, Known]
    index: NameIndex
    gov: list[tuple[str, str, str]]  # (abbreviation, full form, English)
    firm_cores: dict[str, Known] | None = None  # the known firms by their core (resolve.py fills it)

    @cached_property
    def gov_table(self) -> dict[str, str]:
        """Abbreviation → full form of the government departments."""
        return {a: f for a, f, _ in self.gov}

    def by_name(self, name: str) -> list[Known]:
        return self.index.get(name_key(name))

    def places(self, category: str | None = None) -> Iterable[Known]:
        return (k for k in self.entities.values() if k.kind == "place" and (category is None or k.category == category))


def _local(iri: str) -> str | None:
    return iri[len(NS):] if iri.startswith(NS) else None


def _read_turtle(paths: Iterable[Path]) -> Iterator[ox.Triple]:
    for path in paths:
        with path.open("rb") as f:
            yield from ox.parse(f, format=ox.RdfFormat.TURTLE, base_iri="https://w3id.org/clusterkg/id/")


def reference_files(folder: Path = REFERENCE_DIR) -> list[Path]:
    return sorted(folder.glob("*.ttl")) if folder.exists() else []


def build_gazetteer(folder: Path = REFERENCE_DIR) -> Gazetteer:
    entities: dict[str, Known] = {}
    props: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for t in _read_turtle(reference_files(folder)):
        if not isinstance(t.subject, ox.NamedNode):
            continue
        props[t.subject.value][t.predicate.value].append(t.object)
    for iri, p in props.items():
        classes = {c for o in p.get(RDF_TYPE, []) if (c := _local(o.value))}
        if not classes:
            continue
        if classes & set(ORG_CATEGORIES):
            kind, category = "org", next(c for c in ORG_CATEGORIES if c in classes)
        elif "IndustrialCluster" in classes:
            kind, category = "cluster", "IndustrialCluster"
        elif classes & set(PLACE_CLASSES):
            kind, category = "place", next(c for c in PLACE_CLASSES if c in classes)
        elif "ClusterProgramme" in classes:
            kind, category = "programme", "ClusterProgramme"
        elif "ClusterTier" in classes:
            kind, category = "tier", "ClusterTier"
        else:
            continue
        k = Known(iri=iri, kind=kind, category=category, classes=classes)
        for lit in p.get(SKOS + "prefLabel", []):
            if lit.language == "zh" and not k.label:
                k.label = lit.value
            elif lit.language == "en" and not k.label_en:
                k.label_en = lit.value
        k.names = {name_key(lit.value) for key in ("prefLabel", "altLabel") for lit in p.get(SKOS + key, [])
                   if getattr(lit, "language", None) in ("zh", "zh-hant", "zh-hans", None) or
                   any("\u4e00" <= c <= "\u9fff" for c in lit.value)}
        k.names.discard("")
        for attr, key in (("city", "city"), ("province", "province"), ("located_in", "locatedIn")):
            if vals := p.get(NS + key):
                setattr(k, attr, vals[0].value)
        entities[iri] = k
    index = NameIndex()
    for k in entities.values():
        if k.kind == "tier":
            continue
        for name in k.names:
            index.add(name, k)
    gov = []
    tsv = folder / "gov-abbreviations.tsv"
    if tsv.exists():
        with tsv.open(encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                if row.get("abbreviation") and row.get("full"):
                    gov.append((normalise(row["abbreviation"].strip()), normalise(row["full"].strip()),
                                (row.get("english") or "").strip()))
    return Gazetteer(entities=entities, index=index, gov=gov)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The reference gazetteer, read once per process."""
    return build_gazetteer()
