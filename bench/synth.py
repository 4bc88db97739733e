"""A deterministic synthetic clusterkg graph of any size, shaped like the one ``build`` makes.

    from bench.synth import synthetic_quads
    store.extend(synthetic_quads(1_000_000, seed=0))

The graph has what ours has, with the same IRIs patterns, classes and properties:

- ``…/graph/ontology``: the shipped ontology, as ``build`` loads it;
- ``…/graph/reference``: cities, one cluster programme per city (tiers 优势/新兴/特色, ten
  clusters), organisations of every coarse category with zh/en labels and aliases, sources,
  and lead-firm facts as direct triples and as ``ck:Assertion`` nodes with ``dcterms:source``
  (some ``ck:confirmed false``);
- ``…/graph/report/<slug>`` per report: the ``ck:Report`` with its metadata and clean text,
  sentences with offsets, mentions (``ck:mentionOf``/``ck:inSentence``) and, with
  ``names=True``, ``ck:names`` from each sentence to each entity it names (once per pair, as
  ``build`` writes them since the loader gained them; the saved questions rely on them, and the
  benchmark turns them on. Off by default only so that graphs made for other tests, the view's
  among them, keep their shape until those tests ask for the links), relations as
  direct triples and as assertions derived from their sentence, figures as
  ``qb:Observation`` (subject, indicator, value, unit, qualifier, period, target flag), events,
  policy documents and challenge lists with their issuers and participants.

Reports of one city keep naming the same organisations and clusters, so questions that join
across reports (growth ranking for one period, bridging organisations, what changed between
two reports) have answers. ``synthetic_quads(n, seed)`` yields exactly ``n`` distinct quads
(for ``n`` of at least a few thousand), the same ones for the same arguments on every run
and machine; ``SyntheticGraph(n, seed).params`` gives parameter values for the saved
questions that take them (an organisation, a cluster, two reports to compare).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

import pyoxigraph as ox
from clusterkg.loaders.ids import ONTOLOGY_GRAPH, REFERENCE_GRAPH
from clusterkg.loaders.to_rdf import DCT, PROV, QB, RDF, SCHEMA, SKOS, XSD, lit
from clusterkg.ontology import ID
from clusterkg.ontology import NS as CK

CITIES = [("xuzhou", "徐州", "Xuzhou"), ("suzhou", "苏州", "Suzhou"), ("wuxi", "无锡", "Wuxi"),
          ("changzhou", "常州", "Changzhou"), ("nanjing", "南京", "Nanjing"), ("hefei", "合肥", "Hefei"),
          ("changsha", "长沙", "Changsha"), ("wuhan", "武汉", "Wuhan"), ("chengdu", "成都", "Chengdu"),
          ("xian", "西安", "Xi'an"), ("qingdao", "青岛", "Qingdao"), ("jinan", "济南", "Jinan"),
          ("hangzhou", "杭州", "Hangzhou"), ("ningbo", "宁波", "Ningbo"), ("foshan", "佛山", "Foshan"),
          ("dongguan", "东莞", "Dongguan"), ("shenzhen", "深圳", "Shenzhen"), ("xiamen", "厦门", "Xiamen"),
          ("zhengzhou", "郑州", "Zhengzhou"), ("tianjin", "天津", "Tianjin"), ("shenyang", "沈阳", "Shenyang"),
          ("dalian", "大连", "Dalian"), ("chongqing", "重庆", "Chongqing"), ("kunming", "昆明", "Kunming"),
          ("nanchang", "南昌", "Nanchang"), ("fuzhou", "福州", "Fuzhou"), ("taiyuan", "太原", "Taiyuan"),
          ("changchun", "长春", "Changchun"), ("harbin", "哈尔滨", "Harbin"), ("guiyang", "贵阳", "Guiyang")]
INDUSTRIES = [("construction-machinery", "工程机械", "Construction machinery"),
              ("ic", "集成电路", "Integrated circuits"), ("new-energy", "新能源", "New energy"),
              ("biomedicine", "生物医药", "Biomedicine"), ("nev", "新能源汽车", "New energy vehicles"),
              ("iot", "物联网", "Internet of Things"), ("high-end-equipment", "高端装备", "High-end equipment"),
              ("new-materials", "新材料", "New materials"), ("textiles", "高端纺织", "High-end textiles"),
              ("steel", "精品钢材", "Quality steel"), ("food", "食品及农副产品加工", "Food processing"),
              ("safety", "安全应急", "Safety and emergency"), ("appliances", "智能家电", "Smart appliances"),
              ("electronics", "电子信息", "Electronic information"), ("robotics", "机器人", "Robotics"),
              ("aerospace", "航空航天", "Aerospace"), ("photovoltaics", "光伏", "Photovoltaics"),
              ("software", "软件和信息服务", "Software and IT services"),
              ("medical-devices", "医疗器械", "Medical devices"), ("chemicals", "精细化工", "Fine chemicals"),
              ("green-energy", "绿色低碳能源", "Green low-carbon energy"), ("digital", "数字经济", "Digital economy")]
TIERS = [("advantage", "优势产业集群", "Advantage industrial clusters", 3),
         ("emerging", "新兴产业集群", "Emerging industrial clusters", 4),
         ("distinctive", "特色产业集群", "Distinctive industrial clusters", 3)]
GOVERNMENT = [("gov", "市人民政府", "People's Government"), ("miit", "市工业和信息化局", "Bureau of Industry and IT"),
              ("ndrc", "市发展和改革委员会", "Development and Reform Commission"),
              ("most", "市科学技术局", "Science and Technology Bureau")]
SYLLABLES = "华中恒瑞天科博康达鑫源通创联盛宏远泰安信德隆凯嘉润丰海明晟正卓越星辰云智芯宇航诺威富和永金利新东方万鼎"
# category, share of organisations, name pattern ({c} city, {s} two syllables, {i} industry)
ORG_KINDS = [("Firm", 60, ["{c}{s}集团", "{s}科技股份有限公司", "{c}{s}装备有限公司", "{s}{i}有限公司"]),
             ("InnovationPlatform", 10, ["{c}{i}创新中心", "{c}{s}{i}工程研究中心", "{s}工业互联网平台"]),
             ("Alliance", 6, ["{c}{i}产业联盟", "{c}{s}{i}产业创新联盟"]),
             ("Laboratory", 6, ["{s}{i}重点实验室", "{c}{s}实验室"]),
             ("University", 5, ["{c}{s}大学", "{s}理工学院"]),
             ("ResearchInstitute", 5, ["{c}{s}研究院", "{c}{i}研究所"]),
             ("IndustrialPark", 4, ["{c}{s}产业园", "{c}{s}高新技术产业开发区"]),
             ("Media", 4, ["{c}{s}日报", "{s}新闻网"])]
SPECIFIC = {"创新中心": "InnovationCentre", "工程研究中心": "EngineeringResearchCentre",
            "工业互联网平台": "IndustrialInternetPlatform"}
# label, unit, subject kind ("cluster" or "org"), low, high
INDICATORS = [("产值同比增长", "%", "cluster", 1, 40), ("产值", "亿元", "cluster", 50, 3000),
              ("增加值同比增长", "%", "cluster", 1, 25), ("投资", "亿元", "cluster", 5, 500),
              ("规上企业数量", "家", "cluster", 20, 900), ("营业收入", "亿元", "org", 1, 1200),
              ("营业收入同比增长", "%", "org", -10, 60), ("市场占有率", "%", "org", 1, 45),
              ("研发投入", "亿元", "org", 0.1, 80), ("出口额", "亿元", "org", 0.5, 300)]
PERIODS = [("1至3月份", 1, 3), ("一季度", 1, 3), ("上半年", 1, 6), ("1至9月份", 1, 9), ("1至11月份", 1, 11),
           ("全年", 1, 12)]
QUALIFIERS = ["余", "超", "近", "约"]
RELATIONS = [("memberOf", "Firm", "Alliance"), ("operatedBy", "InnovationPlatform", "Firm"),
             ("foundedBy", "Laboratory", "Firm"), ("collaboratesWith", "Firm", "University"),
             ("collaboratesWith", "Firm", "ResearchInstitute"), ("supportedBy", "InnovationPlatform", "University"),
             ("locatedIn", "Firm", "IndustrialPark"), ("partOf", "Firm", "Firm")]
FILLERS = ["加快建设", "持续推进", "携手", "联合", "牵头组建", "围绕", "聚焦", "助力", "依托", "推动"]


@dataclass
class Org:
    iri: str
    label: str
    alias: str
    label_en: str
    category: str
    city: int
    industry: int


@dataclass
class Cluster:
    iri: str
    label: str
    label_en: str
    city: int
    industry: int
    tier: str


@dataclass
class Sentence:
    parts: list[tuple[str, object]] = field(default_factory=list)  # (text, key or None)


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _lit(value: object, lang: str | None = None) -> ox.Literal:
    """The loader's literals; floats become one-decimal xsd:decimal figures."""
    return lit(Decimal(f"{value:.1f}") if isinstance(value, float) else value, lang)


A = _n(RDF + "type")


def ck(term: str) -> ox.NamedNode:
    return _n(CK + term)


class SyntheticGraph:
    """The plan of a synthetic graph of ``n_triples`` quads; :meth:`quads` yields them."""

    REPORT_SIZE = 1100  # quads in one synthetic report, about; the seed report has 1,607
    REPORT_SIZE_WITH_NAMES = 1450  # ck:names adds some 90 links a report

    def __init__(self, n_triples: int, seed: int = 0, names: bool = False):
        self.n = n_triples
        self.names = names
        self.rng = random.Random(seed)
        self.n_reports = max(2, n_triples // (self.REPORT_SIZE_WITH_NAMES if names else self.REPORT_SIZE))
        n_cities = max(2, min(len(CITIES), self.n_reports // 25 + 2))
        self.cities = CITIES[:n_cities]
        self.clusters: list[Cluster] = []
        self.by_city: dict[int, list[Cluster]] = {}
        for ci, (cslug, _czh, _cen) in enumerate(self.cities):
            chosen = self.rng.sample(range(len(INDUSTRIES)), 10)
            tiers = [t for t, *_rest, k in TIERS for _ in range(k)]
            for ii, tier in zip(chosen, tiers, strict=True):
                islug, izh, ien = INDUSTRIES[ii]
                self.clusters.append(Cluster(f"{ID}cluster/{cslug}-{islug}", izh, ien, ci, ii, tier))
            self.by_city[ci] = self.clusters[-10:]
        self.orgs: list[Org] = []
        self.orgs_by: dict[tuple[int, str], list[Org]] = {}
        self._make_orgs(max(60 * n_cities, n_triples // 160))
        self.reports = [self._plan_report(k) for k in range(self.n_reports)]
        first_firm = next(o for o in self.orgs if o.category == "Firm")
        twin = self.reports[len(self.cities) * 10] if len(self.reports) > len(self.cities) * 10 else self.reports[1]
        self.params = {
            "org-profile": {"org": first_firm.label},
            "report-facts": {"file": self.reports[0]["file"]},
            "cluster-profile": {"cluster": self.reports[0]["focus"].label, "city": self.cities[0][1]},
            "lead-firms": {"cluster_name": self.reports[0]["focus"].label},
            "platforms": {"cluster_name": self.reports[0]["focus"].label},
            "growth-ranking": {"period_end": f"{self.reports[0]['year']}-09-30"},
            "report-diff": {"before": self.reports[0]["file"], "after": twin["file"]},
            "documents-by-issuer": {"issuer_name": self.cities[0][1] + GOVERNMENT[0][1]},
        }

    # ---------------------------------------------------------------- the plan
    def _make_orgs(self, count: int) -> None:
        weights = [w for _, w, _ in ORG_KINDS]
        seen: set[str] = set()
        for ci, (cslug, czh, cen) in enumerate(self.cities):
            for gslug, gzh, gen in GOVERNMENT:
                o = Org(f"{ID}org/{cslug}-{gslug}", czh + gzh, gzh.removeprefix("市"), f"{cen} {gen}",
                        "GovernmentBody", ci, -1)
                self.orgs.append(o)
                self.orgs_by.setdefault((ci, "GovernmentBody"), []).append(o)
        for i in range(count):
            ci = i % len(self.cities)
            cslug, czh, cen = self.cities[ci]
            kind, _w, patterns = self.rng.choices(ORG_KINDS, weights=weights)[0]
            industry = self.rng.choice(self.by_city[ci]).industry
            for attempt in range(50):
                s = "".join(self.rng.sample(SYLLABLES, 2)) + ("" if attempt < 10 else str(attempt))
                label = self.rng.choice(patterns).format(c=czh, s=s, i=INDUSTRIES[industry][1])
                if label not in seen:
                    break
            seen.add(label)
            alias = label.removeprefix(czh)
            for suffix in ("股份有限公司", "有限公司"):
                alias = alias.removesuffix(suffix)
            o = Org(f"{ID}org/{cslug}-{kind.lower()}-{i:06d}", label, alias if alias != label else s + label[-2:],
                    f"{cen} {kind} {i}", kind, ci, industry)
            self.orgs.append(o)
            self.orgs_by.setdefault((ci, kind), []).append(o)

    def _pick(self, ci: int, kind: str, k: int = 1) -> list[Org]:
        pool = self.orgs_by.get((ci, kind)) or self.orgs_by.get((0, kind)) or []
        if self.rng.random() < 0.15:  # now and then an organisation from another city
            pool = self.orgs_by.get((self.rng.randrange(len(self.cities)), kind)) or pool
        return self.rng.sample(pool, min(k, len(pool)))

    def _plan_report(self, k: int) -> dict:
        rng = self.rng
        ci = k % len(self.cities)
        focus = self.by_city[ci][(k // len(self.cities)) % 10]
        others = rng.sample([c for c in self.by_city[ci] if c is not focus], 2)
        day = date(2022, 1, 1) + timedelta(days=(k * 7) % 1400)
        cslug, czh, _ = self.cities[ci]
        slug = f"{cslug}-{INDUSTRIES[focus.industry][0]}-{day.isoformat()}-{k:05d}"
        return {"k": k, "city": ci, "focus": focus, "clusters": [focus, *others], "date": day, "slug": slug,
                "year": day.year if day.month > 3 else day.year - 1,  # the year its figures are for
                "file": slug + ".txt", "title": f"{czh}{focus.label}产业集群{day.year}年{day.month}月发展综述"}

    # ---------------------------------------------------------------- quads
    def quads(self) -> Iterator[ox.Quad]:
        """Exactly ``n_triples`` distinct quads (fewer only if ``n_triples`` is tiny)."""
        left = self.n
        for source in (self._ontology(), self._reference(), *(self._report(r) for r in self.reports)):
            seen: set[ox.Quad] = set()
            for q in source:
                if q in seen:
                    continue
                seen.add(q)
                yield q
                left -= 1
                if left == 0:
                    return
        while left > 0:  # a short last report: pad with more sentences of a last graph
            g = _n(f"{ID}graph/report/synthetic-padding")
            node = _n(f"{ID}report/synthetic-padding/s/{left}")
            yield ox.Quad(node, A, ck("Sentence"), g)
            left -= 1

    def _ontology(self) -> Iterator[ox.Quad]:
        from clusterkg.graph.store import skolemize
        from clusterkg.ontology import ONTOLOGY_TTL

        g = _n(ONTOLOGY_GRAPH)
        with ONTOLOGY_TTL.open("rb") as f:
            triples = list(ox.parse(f, format=ox.RdfFormat.TURTLE))
        for t in skolemize(triples, ONTOLOGY_GRAPH + "/node/"):
            yield ox.Quad(t.subject, t.predicate, t.object, g)

    def _reference(self) -> Iterator[ox.Quad]:
        g = _n(REFERENCE_GRAPH)

        def q(s, p, o):
            return ox.Quad(_n(s) if isinstance(s, str) else s, _n(p) if isinstance(p, str) else p,
                           o, g)

        src_of: dict[int, str] = {}
        for ci, (cslug, czh, cen) in enumerate(self.cities):
            city = f"{ID}place/{cslug}"
            yield q(city, A, ck("City"))
            yield q(city, SKOS + "prefLabel", _lit(czh, "zh"))
            yield q(city, SKOS + "prefLabel", _lit(cen, "en"))
            yield q(city, SKOS + "altLabel", _lit(czh + "市", "zh"))
            src = f"{ID}source/synthetic-{cslug}-yearbook"
            src_of[ci] = src
            yield q(src, A, _n(DCT + "BibliographicResource"))
            yield q(src, DCT + "title", _lit(f"{czh}统计年鉴"))
            yield q(src, CK + "url", ox.Literal(f"https://example.org/{cslug}/yearbook", datatype=_n(XSD + "anyURI")))
            prog = f"{ID}programme/{cslug}-clusters"
            yield q(prog, A, ck("ClusterProgramme"))
            yield q(prog, SKOS + "prefLabel", _lit(f"{czh}创新产业集群", "zh"))
            yield q(prog, SKOS + "prefLabel", _lit(f"{cen} innovation industrial clusters", "en"))
            yield q(prog, CK + "city", _n(city))
            yield q(prog, DCT + "source", _n(src))
            for tslug, tzh, ten, _k in TIERS:
                tier = f"{ID}tier/{cslug}-{tslug}"
                yield q(tier, A, ck("ClusterTier"))
                yield q(tier, SKOS + "prefLabel", _lit(tzh, "zh"))
                yield q(tier, SKOS + "prefLabel", _lit(ten, "en"))
                yield q(tier, SKOS + "inScheme", _n(prog))
            for c in self.by_city[ci]:
                yield q(c.iri, A, ck("IndustrialCluster"))
                yield q(c.iri, SKOS + "prefLabel", _lit(c.label, "zh"))
                yield q(c.iri, SKOS + "prefLabel", _lit(c.label_en, "en"))
                yield q(c.iri, SKOS + "altLabel", _lit(c.label + "产业集群", "zh"))
                yield q(c.iri, SKOS + "altLabel", _lit(czh + c.label + "产业", "zh"))
                yield q(c.iri, SKOS + "inScheme", _n(prog))
                yield q(c.iri, CK + "tier", _n(f"{ID}tier/{cslug}-{c.tier}"))
                yield q(c.iri, CK + "city", _n(city))
                yield q(c.iri, DCT + "source", _n(src))
        for o in self.orgs:
            yield q(o.iri, A, ck(o.category))
            for word, specific in SPECIFIC.items():
                if o.label.endswith(word):
                    yield q(o.iri, A, ck(specific))
            yield q(o.iri, SKOS + "prefLabel", _lit(o.label, "zh"))
            yield q(o.iri, SKOS + "prefLabel", _lit(o.label_en, "en"))
            yield q(o.iri, SKOS + "altLabel", _lit(o.alias, "zh"))
            yield q(o.iri, CK + "locatedIn", _n(f"{ID}place/{self.cities[o.city][0]}"))
            yield q(o.iri, DCT + "source", _n(src_of[o.city]))
        # lead firms: one or two per cluster, as stated by a source (some unconfirmed)
        for c in self.clusters:
            firms = [o for o in self.orgs_by.get((c.city, "Firm"), []) if o.industry == c.industry][:2]
            for f in firms:
                yield q(f.iri, CK + "leadFirmOf", _n(c.iri))
                node = _n(f"{REFERENCE_GRAPH}/node/lead-{f.iri.rsplit('/', 1)[1]}-{c.iri.rsplit('/', 1)[1]}")
                yield q(node, A, ck("Assertion"))
                yield q(node, RDF + "subject", _n(f.iri))
                yield q(node, RDF + "predicate", ck("leadFirmOf"))
                yield q(node, RDF + "object", _n(c.iri))
                yield q(node, DCT + "source", _n(src_of[c.city]))
                if self.rng.random() < 0.3:
                    yield q(node, CK + "confirmed", _lit(False))

    def _report(self, r: dict) -> Iterator[ox.Quad]:  # noqa: C901 — one report, in the order to_rdf writes it
        rng = self.rng
        g = _n(f"{ID}graph/report/{r['slug']}")
        base = f"{ID}report/{r['slug']}"
        rep = _n(base)
        ci = r["city"]
        cslug, czh, _ = self.cities[ci]
        n_sent = rng.randint(24, 36)
        sentences = [Sentence() for _ in range(n_sent)]

        def q(s, p, o):
            return ox.Quad(s, p, o, g)

        # what the report names: its clusters and a few dozen organisations of its city
        gov = self._pick(ci, "GovernmentBody", 2)
        named: list[Org] = (self._pick(ci, "Firm", 10) + self._pick(ci, "InnovationPlatform", 3)
                            + self._pick(ci, "Alliance", 2) + self._pick(ci, "Laboratory", 2)
                            + self._pick(ci, "University", 2) + self._pick(ci, "ResearchInstitute", 1)
                            + self._pick(ci, "IndustrialPark", 1) + gov)
        by_kind: dict[str, list[Org]] = {}
        for o in named:
            by_kind.setdefault(o.category, []).append(o)
        entities: dict[str, str] = {}  # iri -> category (insertion-ordered, deterministic)
        labels: dict[str, str] = {}

        def mention(si: int, iri: str, surface: str, category: str) -> None:
            entities.setdefault(iri, category)
            labels.setdefault(iri, surface)
            sentences[si].parts.append((surface, ("m", iri)))
            sentences[si].parts.append((rng.choice(FILLERS), None))

        # relations, each in one sentence that names both ends
        relations = []
        for _ in range(rng.randint(8, 16)):
            pred, sk, ok = rng.choice(RELATIONS)
            if not by_kind.get(sk) or not by_kind.get(ok):
                continue
            s, o = rng.choice(by_kind[sk]), rng.choice(by_kind[ok])
            if s is o:
                continue
            si = rng.randrange(n_sent)
            mention(si, s.iri, rng.choice([s.label, s.alias]), s.category)
            mention(si, o.iri, o.label, o.category)
            relations.append((s.iri, pred, o.iri, si, s.label, o.label))
        if rng.random() < 0.4:  # now and then a report says who leads its cluster
            firm = next((o for o in self.orgs_by.get((ci, "Firm"), []) if o.industry == r["focus"].industry), None)
            if firm is not None:
                si = rng.randrange(n_sent)
                mention(si, firm.iri, firm.label, "Firm")
                mention(si, r["focus"].iri, r["focus"].label, "IndustrialCluster")
                relations.append((firm.iri, "leadFirmOf", r["focus"].iri, si, firm.label, r["focus"].label))
        # platforms and firms named in the same sentence as a cluster
        for o in by_kind.get("InnovationPlatform", []) + by_kind.get("Alliance", []) + by_kind.get("Firm", [])[:4]:
            si = rng.randrange(n_sent)
            mention(si, o.iri, o.label, o.category)
            c = rng.choice(r["clusters"])
            mention(si, c.iri, c.label + "产业集群", "IndustrialCluster")
        # a policy document and, in some reports, a challenge list with its participants
        docs = [("PolicyDocument", f"{czh}{r['focus'].label}产业集群高质量发展行动方案({r['date'].year}-{r['date'].year + 2}年)")]
        if rng.random() < 0.5:
            docs.append(("ChallengeList", f"{r['focus'].label}关键核心技术攻关需求榜({r['date'].year}年第{r['k'] % 4 + 1}批)"))
        doc_nodes = []
        for kind, title in docs:
            d = f"{ID}document/{r['slug']}-{kind.lower()}"
            si = rng.randrange(n_sent)
            issuer = gov[0]
            mention(si, issuer.iri, issuer.alias, "GovernmentBody")
            mention(si, d, f"《{title}》", kind)
            relations.append((d, "issuedBy", issuer.iri, si, title, issuer.label))
            doc_nodes.append((d, kind, title))
            if kind == "ChallengeList":
                for p in by_kind.get("University", []) + by_kind.get("Firm", [])[:3]:
                    sj = rng.randrange(n_sent)
                    mention(sj, p.iri, p.label, p.category)
                    mention(sj, d, "需求榜", kind)
                    relations.append((p.iri, "participatesIn", d, sj, p.label, title))
        # figures
        observations = []
        year = r["year"]
        for _ in range(rng.randint(14, 26)):
            label, unit, subject_kind, lo, hi = rng.choice(INDICATORS)
            subj = rng.choice(r["clusters"]) if subject_kind == "cluster" else rng.choice(by_kind["Firm"])
            target = rng.random() < 0.1
            plabel, m0, m1 = rng.choice(PERIODS)
            if target:
                plabel, y, m0, m1 = f"{year + 2}年", year + 2, 1, 12
            else:
                y = year
            value = rng.randint(int(lo), int(hi)) if unit == "家" else round(rng.uniform(lo, hi), 1)
            qual = rng.choice(QUALIFIERS) if rng.random() < 0.2 else None
            si = rng.randrange(n_sent)
            mention(si, subj.iri, subj.label, "IndustrialCluster" if subject_kind == "cluster" else "Firm")
            text = f"{plabel}{label}{qual or ''}{value}{unit}"
            sentences[si].parts.append((text, ("o", len(observations))))
            end = date(y, m1 + 1, 1) - timedelta(days=1) if m1 < 12 else date(y, 12, 31)
            observations.append((subj, label, unit, value, qual, plabel, date(y, m0, 1), end, target, si))
        # an event
        ev_si = rng.randrange(n_sent)
        ev_label = f"{r['date'].year}{czh}{r['focus'].label}产业集群发展大会"
        ev = f"{ID}event/{r['slug']}-conference"
        mention(ev_si, gov[0].iri, gov[0].label, "GovernmentBody")
        mention(ev_si, ev, ev_label, "Event")
        # mentions in sentences of their own, so entities are named one to three times
        for iri, cat in list(entities.items()):
            if cat in ("PolicyDocument", "ChallengeList", "Event"):
                continue
            for _ in range(rng.randint(0, 2)):
                mention(rng.randrange(n_sent), iri, labels[iri], cat)

        # the text: sentences in order, offsets of each mention and figure
        text_parts, offset = [], 0
        sent_span, mentions, obs_span = [], [], {}
        for si, s in enumerate(sentences):
            start = offset
            head = f"{r['date'].month}月{si + 1}日,"
            text_parts.append(head)
            offset += len(head)
            for piece, key in s.parts:
                if key is not None and key[0] == "m":
                    mentions.append((offset, offset + len(piece), key[1], si, piece))
                elif key is not None:
                    obs_span[key[1]] = (offset, offset + len(piece))
                text_parts.append(piece + ",")
                offset += len(piece) + 1
            text_parts.append("取得新进展。")
            offset += len("取得新进展。")
            sent_span.append((start, offset))
        clean = "".join(text_parts)

        yield q(rep, A, ck("Report"))
        yield q(rep, _n(DCT + "title"), _lit(r["title"], "zh"))
        yield q(rep, _n(DCT + "date"), _lit(r["date"]))
        yield q(rep, _n(SCHEMA + "url"), ox.Literal(f"https://example.org/news/{r['slug']}",
                                                     datatype=_n(XSD + "anyURI")))
        media = self.orgs_by.get((ci, "Media"))
        if media:
            yield q(rep, _n(DCT + "publisher"), _n(media[0].iri))
        yield q(rep, ck("city"), _n(f"{ID}place/{cslug}"))
        yield q(rep, ck("sourceFile"), _lit(r["file"]))
        yield q(rep, ck("encoding"), _lit("utf-8"))
        yield q(rep, _n(DCT + "language"), _lit("zh-Hans"))
        yield q(rep, ck("cleanText"), _lit(clean))
        dataset = _n(base + "/dataset")
        yield q(dataset, A, _n(QB + "DataSet"))
        yield q(dataset, _n(QB + "structure"), ck("ClusterStatistics"))
        yield q(dataset, _n(PROV + "wasDerivedFrom"), rep)
        sent_node = [_n(f"{base}/s/{i + 1}") for i in range(n_sent)]
        for i, (a, b) in enumerate(sent_span):
            yield q(sent_node[i], A, ck("Sentence"))
            yield q(sent_node[i], ck("inReport"), rep)
            yield q(sent_node[i], _n(RDF + "value"), _lit(clean[a:b]))
            yield q(sent_node[i], ck("start"), _lit(a))
            yield q(sent_node[i], ck("end"), _lit(b))
        counts: dict[str, int] = {}
        for _a, _b, iri, _si, _s in mentions:
            counts[iri] = counts.get(iri, 0) + 1
        for iri, cat in entities.items():
            node = _n(iri)
            yield q(node, A, ck(cat))
            if cat == "Event":
                yield q(node, _n(SKOS + "prefLabel"), _lit(ev_label, "zh"))
            yield q(node, ck("mentionCount"), _lit(counts.get(iri, 0)))
        for org in named:
            if org.iri in entities and rng.random() < 0.3:
                yield q(_n(org.iri), _n(SKOS + "altLabel"), _lit(org.alias, "zh"))
        named_in: set[tuple[int, str]] = set()  # (sentence, entity): ck:names once per pair, as to_rdf writes
        for a, b, iri, si, surface in mentions:
            mn = _n(f"{base}/m/{a}-{b}")
            yield q(mn, A, ck("Mention"))
            yield q(mn, ck("mentionOf"), _n(iri))
            yield q(mn, ck("surface"), _lit(surface))
            yield q(mn, ck("start"), _lit(a))
            yield q(mn, ck("end"), _lit(b))
            yield q(mn, ck("rule"), _lit("synthetic"))
            yield q(mn, ck("inSentence"), sent_node[si])
            if self.names and (si, iri) not in named_in:
                named_in.add((si, iri))
                yield q(sent_node[si], ck("names"), _n(iri))
        for d, kind, title in doc_nodes:
            yield q(_n(d), _n(DCT + "title"), _lit(title, "zh"))
            yield q(_n(d), A, ck(kind))
        for i, (s, pred, o, si, ssurf, osurf) in enumerate(relations):
            yield q(_n(s), ck(pred), _n(o))
            node = _n(f"{base}/a/{i:04d}")
            yield q(node, A, ck("Assertion"))
            yield q(node, _n(RDF + "subject"), _n(s))
            yield q(node, _n(RDF + "predicate"), ck(pred))
            yield q(node, _n(RDF + "object"), _n(o))
            yield q(node, _n(PROV + "wasDerivedFrom"), sent_node[si])
            yield q(node, ck("rule"), _lit("synthetic"))
            yield q(node, ck("subjectSurface"), _lit(ssurf))
            yield q(node, ck("objectSurface"), _lit(osurf))
        used_indicators = []
        for i, (subj, label, unit, value, qual, plabel, p0, p1, target, si) in enumerate(observations):
            ind = _n(f"{ID}indicator/{INDICATORS.index(next(x for x in INDICATORS if x[0] == label)):02d}")
            if ind not in used_indicators:
                used_indicators.append(ind)
                yield q(ind, A, ck("Indicator"))
                yield q(ind, _n(SKOS + "prefLabel"), _lit(label, "zh"))
            node = _n(f"{base}/obs/{i + 1}")
            a, b = obs_span[i]
            yield q(node, A, _n(QB + "Observation"))
            yield q(node, _n(QB + "dataSet"), dataset)
            yield q(node, ck("subject"), _n(subj.iri))
            yield q(node, ck("subjectSurface"), _lit(subj.label))
            yield q(node, ck("indicator"), ind)
            yield q(node, ck("value"), _lit(value if isinstance(value, int) else float(value)))
            yield q(node, ck("baseValue"), _lit(float(value) * (1e8 if unit == "亿元" else 1)))
            yield q(node, ck("unit"), _lit(unit))
            if qual:
                yield q(node, ck("qualifier"), _lit(qual))
            yield q(node, ck("periodLabel"), _lit(plabel))
            yield q(node, ck("periodStart"), _lit(p0))
            yield q(node, ck("periodEnd"), _lit(p1))
            yield q(node, ck("isTarget"), _lit(target))
            yield q(node, ck("start"), _lit(a))
            yield q(node, ck("end"), _lit(b))
            yield q(node, _n(PROV + "wasDerivedFrom"), sent_node[si])
        evn = _n(ev)
        yield q(evn, _n(SCHEMA + "startDate"), _lit(r["date"]))
        yield q(evn, ck("heldIn"), _n(f"{ID}place/{cslug}"))
        yield q(evn, ck("organizedBy"), _n(gov[0].iri))
        yield q(evn, ck("about"), _n(r["focus"].iri))
        yield q(evn, _n(PROV + "wasDerivedFrom"), sent_node[ev_si])


def synthetic_quads(n_triples: int, seed: int = 0, names: bool = False) -> Iterator[ox.Quad]:
    """Exactly ``n_triples`` distinct quads of a synthetic clusterkg graph, the same for the
    same arguments on every run.

    >>> quads = list(synthetic_quads(5000))
    >>> len(quads), len(set(quads))
    (5000, 5000)
    >>> quads == list(synthetic_quads(5000))
    True
    >>> sorted({q.graph_name.value.rsplit("/", 2)[-2] for q in quads})
    ['graph', 'report']
    """
    return SyntheticGraph(n_triples, seed, names).quads()


def main() -> int:
    import argparse
    import sys

    ap = argparse.ArgumentParser(description="Write a synthetic clusterkg graph as N-Quads.")
    ap.add_argument("n_triples", type=int)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    ox.serialize(synthetic_quads(a.n_triples, a.seed, names=True), sys.stdout.buffer, ox.RdfFormat.N_QUADS)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
