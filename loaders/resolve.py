"""Stage 4 — mentions to entities: one entity per thing, whatever name the report uses.

Within a report, a short name and a legal name are one firm when the short name starts the
legal name's core (鑫华半导体 ↔ 江苏鑫华半导体科技股份有限公司); reference aliases and
traditional forms resolve through the gazetteer; 市工信局 becomes the report city's
工业和信息化局. Across reports, IRIs are minted from the same cores, so a second report that
names a known organisation adds facts to the same node. Different heads never merge
(徐工集团 ≠ 徐工汉云工业互联网平台 ≠ 徐工机械).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .gazetteer import Gazetteer, Known, name_key
from .ids import entity_iri, slug
from .mentions import Mention
from .names import LEGAL_FORM, PlacePrefix, cluster_core, firm_core


@dataclass(eq=False, slots=True)  # one object per entity: equal when the same (a field-by-field compare
class Entity:           # would walk every mention)
    iri: str
    kind: str
    category: str
    label: str
    label_en: str | None = None
    known: Known | None = None
    classes: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    surfaces: dict[str, int] = field(default_factory=dict)  # surface → times written so
    city: Known | None = None  # for clusters: the city they belong to

    def add(self, m: Mention, surface: str) -> None:
        self.mentions.append(m)
        self.surfaces[surface] = self.surfaces.get(surface, 0) + 1


@dataclass
class Context:
    """What resolution needs to know about the report."""

    city: Known | None
    province: Known | None
    place_names: tuple[str, ...]
    prefix: PlacePrefix | None = None


_INDUSTRY_MODIFIERS = ("新一代", "高端", "现代", "先进", "新型", "绿色", "智能")


def _same_industry(a: str, b: str) -> bool:
    """Two names of one cluster: one is the other with a modifier in front (电子信息 /
    新一代电子信息), or the start of a joined name (集成电路 / 集成电路与ICT).

    >>> _same_industry("电子信息", "新一代电子信息"), _same_industry("集成电路", "集成电路与ICT")
    (True, True)
    >>> _same_industry("新能源", "新能源汽车")
    False
    """
    short, long_ = sorted((a, b), key=len)
    if len(short) < 2 or short == long_:
        return short == long_
    if long_.endswith(short) and long_[:-len(short)] in _INDUSTRY_MODIFIERS:
        return True
    return long_.startswith(short) and long_[len(short):len(short) + 1] in ("与", "及", "和")


class Resolver:
    def __init__(self, gaz: Gazetteer, ctx: Context, gov_table: dict[str, str]):
        self.gaz, self.ctx, self.gov = gaz, ctx, gov_table
        self.entities: dict[str, Entity] = {}
        self.city_slug = slug(ctx.city.label) if ctx.city else "unknown"
        self._by_kind = {"org": self.org, "cluster": self.cluster, "place": self.place}

    # ---- one function per kind
    def _entity(self, iri: str, kind: str, category: str, label: str, known: Known | None = None) -> Entity:
        e = self.entities.get(iri)
        if e is None:
            e = self.entities[iri] = Entity(iri, kind, category, label, known.label_en if known else None, known)
            if known:
                e.classes = set(known.classes)
        return e

    def government(self, m: Mention) -> Entity:
        name = name_key(m.name)
        label = self.expand_government(name)
        for k in self.gaz.by_name(label):
            if k.kind == "org":
                return self._entity(k.iri, "org", k.category, k.label, k)
        return self._entity(entity_iri("org", label), "org", "GovernmentBody", label)

    def expand_government(self, name: str) -> str:
        """市工信局 → 徐州市工业和信息化局; 省委 → 中共江苏省委员会; 工信部 stays."""
        city = self.ctx.city.label if self.ctx.city else None
        prov = self.ctx.province.label if self.ctx.province else None
        level, body = "", name
        if name[:1] in ("省", "市") and len(name) > 1:
            level, body = name[0], name[1:]
        place = {"省": (prov + "省") if prov and not prov.endswith(("市", "区")) else prov,
                 "市": (city + "市") if city else None}.get(level)
        if level and place is None:
            return name
        full = self.gov.get(body, body)
        if body in ("委", "党委"):
            return f"中共{place}委员会" if place else name
        if body in ("政府", "人民政府"):
            return f"{place}人民政府" if place else name
        return f"{place or ''}{full}"

    def org(self, m: Mention) -> Entity:
        if m.known is not None:
            return self._entity(m.known.iri, "org", m.known.category, m.known.label, m.known)
        if m.rule == "government":
            return self.government(m)
        for k in self.gaz.by_name(m.name):
            if k.kind == "org":
                return self._entity(k.iri, "org", k.category, k.label, k)
        if m.category == "Firm":
            core = firm_core(m.name, self.ctx.prefix)
            place = self._place_of(m.name)
            # a legal name whose core extends a short name already seen (or the reverse) — unless
            # each names a different place (四川时代新能源… is not 宁德时代新能源…)
            for e in self.entities.values():
                if e.kind == "org" and e.category == "Firm" and not e.known:
                    other = firm_core(e.label, self.ctx.prefix)
                    if other == core or (len(core) >= 3 and len(other) >= 3 and (other.startswith(core) or core.startswith(other))):
                        if place and (theirs := self._place_of(e.label)) and theirs != place:
                            continue
                        return e
            if (by_core := self.known_firm_cores().get(core)) is not None:
                return self._entity(by_core.iri, "org", by_core.category, by_core.label, by_core)
            iri = entity_iri("org", core)
            if iri in self.entities and place and (theirs := self._place_of(self.entities[iri].label)) and theirs != place:
                iri = entity_iri("org", place + core)
            return self._entity(iri, "org", "Firm", m.name)
        name = name_key(m.name)
        place = self._place_of(name)
        if len(place) >= 3 and place.endswith("市") and len(name) - len(place) >= 4:
            # 泰安市农机产业联盟 and, in a headline, 泰安农机产业联盟: one body, its full name the label
            e = self._entity(entity_iri("org", place[:-1] + name[len(place):]), "org", m.category, name)
            if not e.known:
                e.label = name
            return e
        return self._entity(entity_iri("org", name), "org", m.category, name)

    def _place_of(self, name: str) -> str:
        """The place an organisation's name begins with (宁德 in 宁德时代新能源…), or ''."""
        key = name_key(name)
        end = self.ctx.prefix.match(key) if self.ctx.prefix else 0
        return key[:end]

    def known_firm_cores(self) -> dict[str, Known]:
        """Firm cores of the reference firms, computed once per gazetteer."""
        cache = self.gaz.firm_cores
        if cache is None:
            cache = {}
            for k in self.gaz.entities.values():
                if k.kind == "org" and k.category == "Firm":
                    for n in k.names:
                        cache.setdefault(firm_core(n, self.ctx.prefix), k)
            self.gaz.firm_cores = cache
        return cache

    def cluster(self, m: Mention) -> Entity:
        if m.known is not None:
            return self._entity(m.known.iri, "cluster", "IndustrialCluster", m.known.label, m.known)
        core = cluster_core(m.name, self.ctx.prefix)
        city = m.place or self.ctx.city
        for k in self.gaz.by_name(core):
            if k.kind == "cluster" and (city is None or k.city in (None, city.iri)):
                return self._entity(k.iri, "cluster", "IndustrialCluster", k.label, k)
        for e in self.entities.values():
            if e.kind == "cluster" and (e.city or (e.known and e.known.city)) in (city, city.iri if city else None) \
                    and _same_industry(core, e.label):
                if not e.known and len(core) > len(e.label) and not core.startswith(e.label):
                    e.label = core  # 新一代电子信息 names the cluster better than 电子信息
                return e
        scope = slug(city.label) if city else self.city_slug
        e = self._entity(entity_iri("cluster", core, scope=scope), "cluster", "IndustrialCluster", core)
        e.city = city
        return e

    def place(self, m: Mention) -> Entity:
        k = m.known
        assert k is not None
        return self._entity(k.iri, "place", k.category, k.label, k)

    def other(self, m: Mention) -> Entity:
        name = name_key(m.name)
        return self._entity(entity_iri(m.kind, name), m.kind, m.category, m.name if m.kind == "document" else name)

    def resolve(self, m: Mention, surface: str) -> Entity:
        fn = self._by_kind.get(m.kind, self.other)
        e = fn(m)
        e.add(m, surface)
        if m.kind == "org" and not e.known:
            # the longest legal form is the label; a more specific category wins over Firm guesses
            if m.category != e.category and m.rule.startswith("head:") and e.category == "Firm" and \
                    not any(x.rule.startswith("head:") for x in e.mentions[:-1]):
                e.category = m.category
            if LEGAL_FORM.search(m.name) and (not LEGAL_FORM.search(e.label) or len(m.name) > len(e.label)):
                e.label = name_key(m.name)
        return e

    def venue(self, name: str, m: Mention, surface: str) -> Entity:
        """A venue the reference data does not know: a county-level city or district
        (溧阳市) or a building (宁波国际会议中心)."""
        for k in self.gaz.by_name(name):
            if k.kind == "place":
                e = self._entity(k.iri, "place", k.category, k.label, k)
                e.add(m, surface)
                return e
        category = "District" if re.search(r"(?:市|区|县|镇)$", name) else "Venue"
        e = self._entity(entity_iri("place", name_key(name)), "place", category, name_key(name))
        e.add(m, surface)
        return e

    def city_entity(self) -> Entity | None:
        k = self.ctx.city
        return self._entity(k.iri, "place", k.category, k.label, k) if k else None
