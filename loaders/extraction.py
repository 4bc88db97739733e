"""Stages 2–5 on one document: sentences, mentions, entities, facts.

:func:`extract` is pure: a :class:`~.read.Document` in, an :class:`Extraction` out; the
reference gazetteer is the only other input.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .facts import FactExtractor, Facts, Sent
from .gazetteer import QUOTE_CHARS, Gazetteer, Known, NameIndex, gazetteer, name_key
from .ids import report_slug
from .mentions import GovernmentPattern, Mention, city_index, find_mentions, government_regex
from .names import PlacePrefix, place_prefix
from .read import Document
from .resolve import Context, Entity, Resolver
from .sentences import Span, split_sentences


@dataclass
class Extraction:
    slug: str
    document: Document
    sentences: list[Span]
    mentions: list[Mention]
    entities: list[Entity]
    facts: Facts
    city: Known | None
    publisher: Entity | None

    def sentence_of(self, offset: int) -> int | None:
        starts = [s.start for s in self.sentences]
        i = bisect.bisect_right(starts, offset) - 1
        return i if i >= 0 and offset < self.sentences[i].end else None


@lru_cache(maxsize=1)
def _place_table() -> tuple[tuple[str, ...], GovernmentPattern, NameIndex, PlacePrefix]:
    gaz = gazetteer()
    names = tuple(sorted({n for k in gaz.places() if k.category in ("City", "Province", "District") for n in k.names
                    if len(n) >= 2}))
    cities = {n: k for k in gaz.places("City") for n in k.names if len(n) >= 2 and not n.endswith("市")}
    return names, government_regex(gaz, list(names)), city_index(cities), place_prefix(names)


def report_city(doc: Document, gaz: Gazetteer, text_matches: list | None = None) -> Known | None:
    """The city a report is about: the one its title, publisher or text names most."""
    votes: Counter = Counter()
    if text_matches is None:
        text_matches = list(gaz.index.finditer(doc.text))
    sources = [(list(gaz.index.finditer(name_key(doc.meta.title or ""))), 5),
               (list(gaz.index.finditer(name_key(doc.meta.publisher or ""))), 3), (text_matches, 1)]
    for matches, weight in sources:
        for _s, _e, values in matches:
            for k in values:
                if k.kind == "place" and k.category == "City":
                    votes[k.iri] += weight
    if not votes:
        return None
    return gaz.entities[votes.most_common(1)[0][0]]


def _waits_for_owner(m: Mention) -> bool:
    return m.alias_of is not None and m.alias_of > m.start


def extract(doc: Document, gaz: Gazetteer | None = None) -> Extraction:
    gaz = gaz or gazetteer()
    place_names, gov_pattern, cities, prefix = _place_table()
    text_matches = list(gaz.index.finditer(doc.text))
    city = report_city(doc, gaz, text_matches)
    province = gaz.entities.get(city.province) if city and city.province else None
    ctx = Context(city=city, province=province, place_names=place_names, prefix=prefix)
    sentences = split_sentences(doc.text)
    mentions = find_mentions(doc.text, sentences, gaz, city, gov_pattern, cities, text_matches, prefix)
    resolver = Resolver(gaz, ctx, gaz.gov_table)
    resolved: list[tuple[Mention, Entity]] = []
    by_start: dict[int, Entity] = {}
    # a short name used (in the headline) before the text defines it waits for its owner: a
    # stable sort puts the waiting ones last, each part in order
    waiting = any(map(_waits_for_owner, mentions))
    for m in sorted(mentions, key=_waits_for_owner) if waiting else mentions:
        if m.alias_of is not None and m.alias_of in by_start:
            e = by_start[m.alias_of]  # a name the report defined for this entity, or 公司 standing for it
            if m.rule == "back-reference":
                e.mentions.append(m)  # not one of its names
            else:
                e.add(m, doc.surface[m.start:m.end])
        else:
            e = resolver.resolve(m, doc.surface[m.start:m.end])
        by_start[m.start] = e
        resolved.append((m, e))
    if waiting:
        resolved.sort(key=lambda me: me[0].start)
    sents = []
    title = name_key(doc.meta.title) if doc.meta.title else ""
    starts = [m.start for m, _ in resolved]  # mentions come in order of their start
    for i, s in enumerate(sentences):
        lo, hi = bisect.bisect_left(starts, s.start), bisect.bisect_left(starts, s.end)
        items = resolved[lo:hi]
        # the title repeated as a line of the text (the text is normalised already: a line
        # whose first character, after quotes and spaces, is not the title's is not the title)
        skip = bool(title) and s.text.lstrip(QUOTE_CHARS)[:1] == title[:1] and name_key(s.text) == title
        sents.append(Sent(i, s, items, skip_facts=skip, starts=starts[lo:hi]))
    facts = FactExtractor(doc.text, doc.surface, resolver, doc.meta.date).run(sents)
    publisher = None
    if doc.meta.publisher:
        pm = Mention(0, 0, "org", "Media", "metadata:publisher", name_key(doc.meta.publisher))
        known = [k for k in gaz.by_name(doc.meta.publisher) if k.kind == "org"]
        pm.known = known[0] if known else None
        if not known and not re.search(r"(?:报|台|网|社|新闻|传媒|融媒|客户端|频道)$", pm.name):
            gov = gov_pattern.regex.fullmatch(pm.name)
            pm.category, pm.rule = ("GovernmentBody", "government") if gov else ("OtherOrganization", "metadata")
        # a firm's own website: the publisher is the firm the text names (one node, its category)
        publisher = next((e for e in resolver.entities.values() if e.kind == "org" and e.mentions and
                          e.label == pm.name), None) or resolver.org(pm)
    entities = [e for e in resolver.entities.values() if e.mentions or e is publisher or e.kind in ("event",)]
    return Extraction(report_slug(doc.name), doc, sentences, mentions, entities, facts, city, publisher)
