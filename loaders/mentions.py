"""Stage 3 — mentions: spans of the clean text that name an organisation, cluster, place,
document, event, designation or programme, each found by one small named rule.

Rules (each a function below): ``gazetteer`` (reference names), ``government`` (省发改委,
市工信局, 工信部 …), ``headed`` (a name ending in an organisation head: 有限公司, 创新中心,
实验室, 大学 …), ``enumeration`` (short names in 、-lists: A、B、C等4家企业), ``abbreviation``
(安创中心 for 安全应急…创新中心), ``document`` (《…》 and quoted lists), ``event`` (…大会在…举行),
``cluster_pattern`` (X产业集群). :func:`find_mentions` runs them all and keeps the best of
overlapping spans.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from ahocorasick_rs import AhoCorasick

from .gazetteer import Gazetteer, Known, NameIndex, name_key
from .names import LEGAL_FORM, PlacePrefix, cluster_core, firm_core
from .numbers import cn_to_number
from .segment import ALIAS_MARKERS, BOUNDARY_WORDS, HARD_STOPS, hard_floor, is_boundary, left_edge, place_names, words
from .sentences import Span


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    kind: str  # org | cluster | place | document | event | designation | programme
    category: str  # coarse class local name (Firm, City, PolicyDocument, …)
    rule: str
    name: str  # normalised name as written here
    known: Known | None = None
    owner: int | None = None  # start of a mention this one is part of (a lab's platform)
    place: Known | None = None  # the place a cluster mention names (成都 in 成都电子信息产业)
    alias_of: int | None = None  # start of the mention whose name this one stands for (以下简称“…”)

    @property
    def length(self) -> int:
        return self.end - self.start


# --------------------------------------------------------------------------- heads

# (head, category, strong): a strong head makes a name on its own; a weak one needs a
# specific part in front (云龙湖实验室 yes, 数据中心 no)
HEADS: list[tuple[str, str, bool]] = [
    ("集团股份有限公司", "Firm", True), ("集团有限公司", "Firm", True), ("股份有限公司", "Firm", True),
    ("有限责任公司", "Firm", True), ("有限公司", "Firm", True), ("集团公司", "Firm", True), ("集团", "Firm", True),
    ("公司", "Firm", False), ("总厂", "Firm", True), ("制造业创新中心", "InnovationPlatform", True),
    ("技术创新中心", "InnovationPlatform", True), ("联合创新中心", "InnovationPlatform", False),
    ("联合实验室", "Laboratory", False), ("联合研发中心", "InnovationPlatform", False),
    ("联合研究中心", "InnovationPlatform", False), ("产业创新中心", "InnovationPlatform", True),
    ("创新中心", "InnovationPlatform", False), ("工程技术研究中心", "InnovationPlatform", True),
    ("工程研究中心", "InnovationPlatform", True), ("企业技术中心", "InnovationPlatform", True), ("工业设计中心", "InnovationPlatform", False),
    ("技术中心", "InnovationPlatform", False), ("研发中心", "InnovationPlatform", False),
    ("研究中心", "InnovationPlatform", False), ("检测中心", "InnovationPlatform", False),
    ("工业互联网平台", "InnovationPlatform", False), ("公共服务平台", "InnovationPlatform", False),
    ("创新平台", "InnovationPlatform", False), ("服务平台", "InnovationPlatform", False),
    ("平台", "InnovationPlatform", False), ("孵化器", "InnovationPlatform", False),
    ("众创空间", "InnovationPlatform", False), ("全国重点实验室", "Laboratory", True),
    ("国家重点实验室", "Laboratory", True), ("重点实验室", "Laboratory", True), ("实验室", "Laboratory", False),
    ("大学", "University", True), ("职业技术学院", "University", True), ("学院", "University", False),
    ("科学院", "ResearchInstitute", True), ("联合研究院", "ResearchInstitute", False),
    ("研究院", "ResearchInstitute", False),
    ("研究所", "ResearchInstitute", False), ("设计院", "ResearchInstitute", False),
    ("创新联合体", "Alliance", False), ("产业联盟", "Alliance", False), ("联盟", "Alliance", False),
    ("协会", "Alliance", False), ("商会", "Alliance", False), ("促进会", "Alliance", False),
    ("同业公会", "Alliance", False),
    ("促进中心", "OtherOrganization", False), ("服务中心", "OtherOrganization", False),
    ("学会", "OtherOrganization", False), ("研究会", "OtherOrganization", False),
    ("工业联合会", "OtherOrganization", True), ("联合会", "OtherOrganization", False),
    ("中试基地", "InnovationPlatform", False), ("中试平台", "InnovationPlatform", False),
    ("产业大脑", "InnovationPlatform", False),
    ("经济技术开发区", "IndustrialPark", True), ("高新技术产业开发区", "IndustrialPark", True),
    ("开发区", "IndustrialPark", False), ("高新区", "IndustrialPark", False), ("经开区", "IndustrialPark", False),
    ("产业园区", "IndustrialPark", False), ("产业园", "IndustrialPark", False), ("工业园区", "IndustrialPark", False),
    ("工业园", "IndustrialPark", False), ("科技园", "IndustrialPark", False), ("软件园", "IndustrialPark", False),
    ("新区", "IndustrialPark", False), ("综合实验区", "IndustrialPark", False), ("试验区", "IndustrialPark", False),
    ("港务区", "IndustrialPark", False), ("综合保税区", "IndustrialPark", False), ("保税区", "IndustrialPark", False),
    ("自贸区", "IndustrialPark", False), ("物流园区", "IndustrialPark", False), ("管理委员会", "GovernmentBody", True), ("管委会", "GovernmentBody", True),
    # a zone's own bureaus (荆州开发区经济发展局), named after the zone
    ("经济发展局", "GovernmentBody", False), ("科技创新局", "GovernmentBody", False),
    ("创新创业共同体", "Alliance", True), ("共同体", "Alliance", False), ("综合体", "InnovationPlatform", False),
    # banks and their branches (a central bank's branch is a government body: headed_mentions),
    # and funds with a name of their own (引导基金, 母基金)
    ("农村商业银行", "Firm", True), ("商业银行", "Firm", True), ("银行", "Firm", False), ("分行", "Firm", False),
    ("支行", "Firm", False), ("产业投资基金", "OtherOrganization", False), ("创业投资基金", "OtherOrganization", False),
    ("投资基金", "OtherOrganization", False), ("引导基金", "OtherOrganization", False),
    ("母基金", "OtherOrganization", False), ("产业基金", "OtherOrganization", False),
    ("发展基金", "OtherOrganization", False), ("协同基金", "OtherOrganization", False),
    ("成长基金", "OtherOrganization", False), ("科创基金", "OtherOrganization", False),
    ("日报社", "Media", True), ("日报", "Media", True), ("晚报", "Media", True),
    ("广播电视台", "Media", True), ("电视台", "Media", True), ("融媒体中心", "Media", True), ("新闻网", "Media", True),
]
_HEAD_RE = re.compile("|".join(re.escape(h) for h, _, _ in sorted(HEADS, key=lambda x: -len(x[0]))))
_HEAD_INFO = {h: (c, s) for h, c, s in HEADS}

# words that do not make a name specific: 产业联盟, 重点实验室, 数据中心 name nobody in particular
GENERIC = ("产业", "行业", "创新", "技术", "研发", "科技", "科研", "重点", "国家级", "省级", "市级", "国家", "省", "市",
           "各类", "各", "该", "本", "相关", "龙头", "骨干", "上下游", "新型", "数据", "数字", "智能", "专业", "综合",
           "公共", "服务", "企业", "工程", "高端", "一批", "多个", "多家", "一个", "这个", "有关", "其他", "两", "新",
           "中小", "大型", "知名", "优质", "头部", "领军", "链主", "合作", "共建", "联合", "地方", "当地", "集群",
           "制造业", "制造", "应用", "示范", "试点", "标杆", "双跨", "特色", "平台", "中心", "基地", "“", "”", "省市",
           "区域", "跨区域", "全国", "全省", "全市", "国内", "国际", "海外", "境外", "外资", "民营", "国有", "上市",
           "高新技术", "专精特新", "小巨人", "独角兽", "瞪羚", "隐形冠军", "单项冠军", "规上", "规模以上", "工业",
           "互联网", "工业互联网", "研究", "检测", "孵化", "开放", "协同", "产学研", "校企", "院企", "政产学研",
           "千亿级", "万千亿级", "百亿级", "万亿级", "战略性", "新兴", "优势", "特色", "地标", "中小企业", "年度", "以上",
           "规模最大", "未来", "主导", "支柱", "现代", "传统", "先进", "级", "具有", "全球", "影响力", "竞争力", "世界级",
           "科创", "一号", "首位", "首要", "第一", "龙头型", "全资子", "控股子", "完整", "全链条", "标志性", "代表性",
           "引领性", "基础性", "先导性", "重要", "单个", "每个", "每家", "单家", "各个", "所有", "全部", "跨行业",
           "跨领域", "同类", "此类", "这类", "该类", "同行业", "政府", "政策性", "商业", "股份制", "天使", "风险",
           "创投", "国有商业", "合作银行", "各家", "地方法人", "共性", "中试", "验证", "中试验证", "共享", "境内外",
           "境内", "海内外", "战略", "公司")
_NOT_WORDS = re.compile(r"[\d.%()()、\s]")
_GENERIC_RE = re.compile("|".join(sorted(map(re.escape, GENERIC), key=len, reverse=True)))
_PLACE_PREFIX = re.compile(r"^(?:中国|国家|江苏省|江苏|省|市|区|县|美国|德国|日本|英国|法国|韩国)")


@lru_cache(maxsize=65536)
def is_generic(descriptive: str) -> bool:
    """Whether the part of a name before its head names nobody in particular.

    >>> is_generic("产业"), is_generic("数据"), is_generic("云龙湖"), is_generic("国家细胞治疗药物")
    (True, True, False, False)
    """
    rest = _GENERIC_RE.sub("", descriptive)
    rest = _NOT_WORDS.sub("", _COUNT_WORDS.sub("", rest))
    return len(rest) == 0


# an ordinal or a count (第二个, 首个, 三个, 第3批): 成为全省第三个国家级…集群 counts a name given before
_COUNT_WORDS = re.compile(r"(?:第[一二两三四五六七八九十百\d]+|[一二两三四五六七八九十百\d]+|首)(?:个|批|家|项|位|名)")


# --------------------------------------------------------------------------- rules

def gazetteer_mentions(text: str, gaz: Gazetteer, city: Known | None, matches: list | None = None) -> list[Mention]:
    """Names of the reference data (organisations, places, clusters of the report's city)."""
    out = []
    for s, e, values in (gaz.index.finditer(text) if matches is None else matches):
        for k in values:
            if k.kind == "cluster" and city is not None and k.city not in (None, city.iri):
                continue
            if k.kind == "programme":
                continue
            if k.kind == "cluster" and text[e:e + 1] == "用" and text[e + 1:e + 2] not in ("品", "户"):
                continue  # 工程机械用钢: a product's use, not the cluster
            out.append(Mention(s, e, k.kind, k.category, "gazetteer", text[s:e], k))
            break
    return out


_LEVELS = ("省", "市", "区", "县", "自治区")


@dataclass(frozen=True)
class GovernmentPattern:
    """A level or place prefix and a department: ``regex`` says what a match is; the automaton
    finds where one can start (where a body begins, and the prefixes up to ``reach`` before
    it), so the regex is tried at a few places instead of at every character."""

    regex: re.Pattern
    starts: AhoCorasick  # places, levels and bodies: every occurrence
    bodies: AhoCorasick  # the bodies alone
    reach: int
    longest: int  # the longest word of ``starts``

    def finditer(self, text: str) -> Iterator[re.Match]:
        # a match can start where a word starts up to ``reach`` before a body: the words are
        # looked for only in those windows (a window holds every word starting in it)
        candidates = set()
        reach, longest = self.reach, self.longest
        for body in sorted({start for _, start, _ in self.bodies.find_matches_as_indexes(text, overlapping=True)}):
            lo = max(0, body - reach)
            for _, start, _ in self.starts.find_matches_as_indexes(text[lo:body + longest], overlapping=True):
                if lo + start <= body:
                    candidates.add(lo + start)
        pos = 0
        for i in sorted(candidates):
            if i >= pos and (m := self.regex.match(text, i)):
                yield m
                pos = m.end()


def government_regex(gaz: Gazetteer, place_names: list[str]) -> GovernmentPattern:
    bodies = sorted({a for a, _, _ in gaz.gov} | {f for _, f, _ in gaz.gov}
                    | {"人民政府", "政府", "委", "党委", "国务院", "人大常委会", "政协"}, key=len, reverse=True)
    places = sorted(place_names, key=len, reverse=True)
    prefix = rf"(?P<prefix>(?:{'|'.join(map(re.escape, places))})?(?:{'|'.join(_LEVELS)})?|国家|中央)"
    starts = AhoCorasick(list(dict.fromkeys([*places, *_LEVELS, "国家", "中央", *bodies])))
    body_words = AhoCorasick(bodies)
    reach = max(map(len, places or [""])) + max(map(len, _LEVELS))
    longest = max(map(len, [*places, *_LEVELS, *bodies]))
    return GovernmentPattern(re.compile(rf"{prefix}(?P<body>{'|'.join(map(re.escape, bodies))})"), starts, body_words,
                             reach, longest)


def government_mentions(text: str, pattern: GovernmentPattern) -> list[Mention]:
    """Government bodies: a level or place prefix and a department (市工信局, 省发改委, 工信部).

    A department needs a prefix unless it is national by itself (…部, 国务院), so 属地政府 and
    格局 are not bodies.
    """
    out = []
    for m in pattern.finditer(text):
        prefix, body = m.group("prefix"), m.group("body")
        if not prefix and not (body.endswith("部") or body in ("国务院",)) and not body.startswith("国家"):
            continue
        if body in ("委", "党委", "政府") and not prefix:
            continue
        after = text[m.end():m.end() + 2]
        if body == "委" and after[:1] in ("员", "托", "会", "派", "屈", "婉"):
            continue
        if body.endswith("部") and after[:1] in ("门", "分", "署", "件", "位", "长"):
            continue
        s = m.start()
        if s and text[s - 1] in "各全本该" and prefix in ("省", "市", "区", "县"):
            continue
        if prefix in ("市", "区", "县"):
            s = _unlisted_place(text, s)
            if s == m.start() and s and text[s - 1] in "省市区县)）":
                continue  # 各区县政府: bodies in general
        out.append(Mention(s, m.end(), "org", "GovernmentBody", "government", text[s:m.end()]))
    return out


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < end and start < b for a, b in spans)


def _unlisted_place(text: str, s: int) -> int:
    """A county, district or county-level city the reference data does not list, before the
    level word of a body: 江宁区人民政府, 晋江市人民政府, and the districts named by a direction
    alone, 东区人民政府 (not 全区, 各县, 我市)."""
    start = left_edge(text, 0, s)
    place = text[start:s]
    if 2 <= len(place) <= 3 and all("\u4e00" <= c <= "\u9fff" for c in place) and place[0] not in "各全本该我两该每":
        return start
    if place in ("东", "西", "南", "北") and text[s] == "区":
        return start
    return s


_NAME_ENDS = tuple(h for h, _, _ in HEADS) + ("政府", "局", "委", "厅", "部", "办", "大学", "学院", "中心", "公司",
                                              "集团", "实验室", "研究院", "研究所", "区", "县", "市", "省")


@lru_cache(maxsize=1)
def _places() -> PlacePrefix:
    from .gazetteer import gazetteer

    return PlacePrefix([n for k in gazetteer().places() for n in k.names if len(n) >= 2] + ["中国", "国家"])


def starts_with_place(text: str) -> bool:
    """Whether ``text`` begins with a place name of the reference data (or 中国, 国家)."""
    return _places().match(text) > 0


def _keep_conjunction(left: str, right: str = "") -> bool:
    """和/及/与 joins one name (高端工程机械及核心零部件…中心) unless the words before it are a
    complete name themselves, end in a word that cannot be part of a name (已与…), or the
    words after it begin with a place (甲钢铁与中国矿业大学: two names)."""
    if not left or left.endswith(_NAME_ENDS) or starts_with_place(right):
        return False
    toks = words(left)
    return not (toks and is_boundary(toks[-1]))


_PAREN_PLACE = re.compile(r"\(([\u4e00-\u9fff]{2,4})\)$")


def _parenthesised_start(text: str, lo: int, start: int) -> int:
    """The start of a name with a place in brackets: 特步(中国)有限公司, 开利(青岛)空调有限公司
    (full-width brackets are half-width after normalising); ``start`` follows the bracket."""
    m = _PAREN_PLACE.search(text, max(lo, start - 6), start)
    if not m:
        return start
    brand = left_edge(text, lo, m.start())
    return brand if brand < m.start() else start


# a campus in brackets after a university's name: 山东大学(威海), 中国石油大学(华东)
_CAMPUS = re.compile(r"\([\u4e00-\u9fff]{2,4}\)")

_SITED = frozenset(["InnovationPlatform", "Laboratory", "ResearchInstitute"])  # (菏泽): the site of one of many

# what a 平台 is when it is a piece of equipment (offshore rigs, work platforms)
_EQUIPMENT = re.compile(r"(?:钻井|半潜式?|潜式|安装|作业|生产|储卸油|海上|升降|起重|采油|浮式|风电安装|勘探|铺管)$")


def headed_mentions(text: str, sentences: list[Span]) -> list[Mention]:
    """Names ending in an organisation head, their left edge found by segmentation."""
    out = []
    for sent in sentences:
        for m in _HEAD_RE.finditer(sent.text):
            hs, he = sent.start + m.start(), sent.start + m.end()
            head = m.group(0)
            category, strong = _HEAD_INFO[head]
            # 与/和/及 never joins a firm's legal name or a university's (跃步新材与华侨大学: two names)
            keep = _keep_conjunction if not (category == "Firm" and strong or category == "University") else None
            start = left_edge(text, sent.start, hs, keep_conjunction=keep)
            if (campus := _CAMPUS.match(text, he)) and (category == "University" or category in _SITED and
                                                          text[campus.start() + 1:campus.end() - 1] in place_names()):
                # 山东大学(威海), 某某中试基地(菏泽): a campus or site named in brackets is part of the name
                he = campus.end()
            if text[start - 1:start] == ")":
                start = _parenthesised_start(text, sent.start, start)
            if head.startswith("联合") and text[start - 1:start] in ("—", "-") and start - 1 > sent.start:
                # 某某大学—某某科技联合实验室: the partners' names joined by a dash are one name
                partner = left_edge(text, sent.start, start - 1)
                if partner < start - 1 and text[partner:start - 1].endswith(_NAME_ENDS):
                    start = partner
            if start > 2 and text[start - 1] in "”」" and \
                    (q := text.rfind("“" if text[start - 1] == "”" else "「", sent.start, start)) >= 0 \
                    and start - q <= 12 and category != "Firm" and \
                    not re.search(r"产业|集群|企业|工程|行动|计划|名单", text[q:start]):
                start = q  # a quoted brand: “锡链通”工业互联网平台, “港易通”物流公共信息平台
                place = left_edge(text, sent.start, q)
                if 3 <= q - place <= 6 and text[q - 1] in "市区县省" and text[place] not in "全我本该各" and \
                        not is_generic(text[place:q]):
                    start = place  # 铜陵市“铜芯”产业引导基金: the place before the quoted part
            desc = text[start:hs]
            # "全国“双跨”平台", "综合科研平台": lists and generic things, not organisations
            exempt = (category == "Firm" and strong) or category in ("University", "ResearchInstitute", "Media",
                                                                       "GovernmentBody")
            if not desc or is_generic(_PLACE_PREFIX.sub("", desc)) and not exempt:
                continue
            if not strong and len(_PLACE_PREFIX.sub("", desc)) < 2:
                continue
            if head == "学院" and text[he:he + 1] in "派士" or head in ("学会", "研究会") and text[he:he + 1] in "堂馆":
                continue
            if category == "IndustrialPark" and text.startswith("项目", he):
                continue  # …车载光学产业园项目: a firm's project, not a park
            if head == "平台" and _EQUIPMENT.search(desc):
                continue  # 深水半潜式钻井平台: a rig, not an organisation
            if category == "Media" and desc.endswith(("本", "该")):
                continue
            if head in ("公司", "集团") and is_generic(desc):
                continue
            if head in ("分行", "支行", "银行") and desc.startswith(("中国人民银行", "人民银行")):
                category = "GovernmentBody"  # the central bank's branches are state organs
            out.append(Mention(start, he, "org", category, f"head:{head}", text[start:he]))
    return out


_COUNT_NOUN = re.compile(  # used with match(text, pos): no ^
    r"(?:等)?(?:\d+|[二两三四五六七八九十]+)?(?:余|多)?(?:家|个|所|位)?(?:[\u4e00-\u9fff]{0,4}?)"
    r"(?P<noun>龙头企业|领军企业|链主企业|重点企业|骨干企业|企业|公司|单位|高校|院校|科研院所|院所|机构|平台|"
    r"实验室|创新平台|综合科研平台|科研平台|联盟)")
_NOUN_CATEGORY = {"龙头企业": "Firm", "领军企业": "Firm", "链主企业": "Firm", "重点企业": "Firm", "骨干企业": "Firm",
                  "企业": "Firm", "公司": "Firm", "高校": "University", "院校": "University",
                  "科研院所": "ResearchInstitute", "院所": "ResearchInstitute", "平台": "InnovationPlatform",
                  "创新平台": "InnovationPlatform", "综合科研平台": "InnovationPlatform",
                  "科研平台": "InnovationPlatform", "实验室": "Laboratory", "联盟": "Alliance"}
_LIST_SEP = re.compile(r"、|和|及|与|以及")
# 与A、B签署…: a list of partners
_WITH_BEFORE = re.compile(r"(?:与|同)$")
_AGREES_AFTER = re.compile(r"(?:分别)?(?:签署|签订|签约|达成|开展|共建|合作)")
_CHALLENGE_TITLE = re.compile(r"需求榜|攻关榜|揭榜")
# where a list's last item can end: 等, or a count (4家企业, 三所高校) that _COUNT_NOUN matches
_LIST_END = re.compile(r"[等二两三四五六七八九十]|\d")
_LIST_RUN = re.compile("[^" + re.escape("".join(sorted(HARD_STOPS - {"、"}))) + "]+")
_LIST_STOP = re.compile(r"等|以及|(?:\d+|[二两三四五六七八九十]+)(?:余|多)?(?:家|个|所)")
_COUNTED_TAIL = re.compile(r"(?:企业|单位|机构|院所|高校)(?:共|等)?$|共$")
_SHORT_FORM_HEADS = ("中心", "研究院", "研究所", "所", "实验室", "联盟", "平台")
_SHORT_FORM = re.compile(r"[\u4e00-\u9fff]{2,4}?(" + "|".join(_SHORT_FORM_HEADS) + ")")
_LIST_JOINERS = re.compile(r"(、|和|及|与|以及)")
_LEVEL_PREFIX = re.compile(r"^(?:国家|省级|省|市级|市|全市|全省)")
_RANK_OR_COUNT_END = re.compile(r"(?:第[一二三四五六七八九十\d]+(?:位|名)|\d+(?:家|个|项))$")
_LIST_WORD_END = re.compile(r"(?:名单|称号|行列|荣誉)$")
_HOSTED_PREFIX = re.compile(r"(?:主办|承办|举办|指导|组织|召开)的")
_NOT_AN_INDUSTRY = re.compile(r"\d|局|委|厅|名单|专员|营业收入|营收|产值|增加值|比重|占比|利润|同比|亿级")
_ISSUER_OF_LIST = re.compile(r"(?:公布|发布|认定|评选|确定)的")
_DESIGNATION_WORD = re.compile(r"案例|名单|平台|企业|工厂|冠军|巨人|中心|示范|试点|基地|称号|标杆|项目|园区|集群|场景|实验室|机构")
_FUNDING = re.compile(r"\d+(?:万|亿)?元|支持|资金")


def enumeration_mentions(text: str, sentences: list[Span], found: list[Mention]) -> list[Mention]:
    """Short names in a 、-list that a count noun closes (A、B、C等4家企业) or that share the
    list with a recognised organisation (与中信集团、复星凯特签署…).

    A list that begins right after a recognised organisation belongs to it (云龙湖实验室深地
    装备、数字深地…4个综合科研平台): its items get ``owner`` set.
    """
    out = []
    for sent in sentences:
        if "、" not in sent.text:
            continue
        # candidate list segments: runs without hard stops except 、
        for seg in _LIST_RUN.finditer(sent.text):
            if "、" in seg.group():
                out.extend(_list_items(text, sent.start + seg.start(), sent.start + seg.end(), found))
    return out


def _list_items(text: str, lo: int, hi: int, found: list[Mention]) -> list[Mention]:
    seg = text[lo:hi]
    first = seg.index("、")
    last = seg.rindex("、")
    # two lists in one run (以A、B、C等龙头企业为牵引、数千家配套企业…): the first one ends at 等
    stop = _LIST_STOP.search(seg[first:])
    if stop and "、" in seg[first:first + stop.start()]:
        last = seg.rindex("、", 0, first + stop.start())
    # the end of the last item: a count noun, 等, a boundary word, or a recognised mention's end
    tail = seg[last + 1:]
    end_rel = None
    noun = None
    for c in _LIST_END.finditer(tail, 1):  # only where an end can be: 等 or a count's first digit
        k = c.start()
        m = _COUNT_NOUN.match(tail, k)
        if tail[k] == "等" or m:  # a count noun matched from a digit or numeral
            end_rel = k
            noun = m.group("noun") if m else None
            break
    if end_rel is None:
        toks = words(tail)
        pos = 0
        for tok in toks:
            if is_boundary(tok) and pos > 0:
                break
            pos += len(tok)
        end_rel = pos
    items_text = seg[:last + 1] + tail[:end_rel]
    # the start of the first item; a recognised mention ending before it owns the list
    first_item_end = lo + first
    floor = hard_floor(text, lo, first_item_end)
    owner = max((m for m in found if floor <= m.start and m.end < first_item_end and m.kind == "org"),
                key=lambda m: m.end, default=None)
    start = left_edge(text, owner.end if owner else lo, first_item_end, keep_conjunction=lambda *_: True)
    if owner is not None and start != owner.end:
        if any(w in BOUNDARY_WORDS for w in words(text[owner.end:start])):
            owner = None  # a verb between them (市工信局推动A、B…): not a list the organisation owns
        else:
            start = owner.end
    items: list[tuple[int, int]] = []
    pos = start
    body = text[start:lo + len(items_text)]
    for part in _LIST_JOINERS.split(body):
        if part and not _LIST_SEP.fullmatch(part):
            items.append((pos, pos + len(part)))
        pos += len(part)
    item_spans = set(items)
    known = [m for m in found if (m.start, m.end) in item_spans and m.kind == "org"]
    partners = bool(_WITH_BEFORE.search(text[max(0, start - 3):start]) or text[start:start + 1] in ("与", "同")) and \
        bool(_AGREES_AFTER.match(text[lo + len(items_text):lo + len(items_text) + 4]))
    if noun is None and not known and not partners:
        return []
    if noun is None and not known:
        noun = "企业"  # 与A、B签署…: the partners of an agreement, firms unless their heads say otherwise
    category = _NOUN_CATEGORY.get(noun or "")
    if category is None and known:
        cats = [m.category for m in known]
        category = max(cats, key=cats.count)  # the most common, then the first: the same on every run
    if category is None:
        return []
    out = []
    for a, b in items:
        name = text[a:b]
        if not (2 <= len(name) <= 20) or any(m.start < b and a < m.end for m in found if m.kind != "place"):
            continue
        if any(c in HARD_STOPS for c in name) or is_generic(name):
            continue
        if _COUNTED_TAIL.search(name):
            continue  # 产业链上下游企业共40家: a kind of member, not a name
        if any(is_boundary(w) for w in words(name) if len(w) > 1 and w not in ("企业",)):
            continue
        cat = category
        if (hm := _HEAD_RE.search(name)) and hm.end() == len(name):
            cat = _HEAD_INFO[hm.group(0)][0]
        mention = Mention(a, b, "org", cat, f"list:{noun or 'sibling'}", name)
        if owner is not None and owner.kind == "org":
            mention.owner = owner.start
        out.append(mention)
    return out


def abbreviation_mentions(text: str, sentences: list[Span], found: list[Mention]) -> list[Mention]:
    """Short forms of a longer name in the same report: 安创中心 for 江苏省安全应急技术装备技术
    创新中心 (same head, the short form's characters in order inside the long name)."""
    out = []
    longs = [m for m in found if m.kind == "org" and m.length >= 6]
    heads = {h for h in _SHORT_FORM_HEADS if any(lm.name.endswith(h) for lm in longs)}
    for sent in sentences if heads else ():
        if not any(h in sent.text for h in heads):
            continue  # no match would have a head to stand for
        for m in _SHORT_FORM.finditer(sent.text):
            if m.group(1) not in heads:
                continue  # no long name with this head to stand for
            s, e = sent.start + m.start(), sent.start + m.end()
            short = text[s:e]
            if any(x.start <= s and e <= x.end for x in found):
                continue
            head = m.group(1)
            if is_generic(short[:-len(head)]) or short in _HEAD_INFO:
                continue  # 创新平台, 工业设计中心: no one's short name
            for lm in longs:
                stem = short[:-len(head)]
                if lm.name.endswith(head) and not lm.name.endswith(short) and (
                        (_subsequence(stem, lm.name[:-len(head)]) and short[0] != lm.name[0])
                                               or _initials(stem, lm.name)):
                    if _word_starts_at(text, sent.start, s):  # not 造业创新中心 inside 制造业创新中心
                        out.append(Mention(s, e, "org", lm.category, "abbreviation", short, lm.known,
                                           alias_of=lm.start))
                    break
    # 苏大 for 苏州大学, 华科大 for 华中科技大学: only between a separator and a verb or separator,
    # since 大 starts many words (江苏大力…)
    taken = [(m.start, m.end) for m in found + out]
    for lm in [m for m in found if m.kind == "org" and m.category == "University" and m.name.endswith("大学")]:
        stem = lm.name[:-2]
        for short in sorted({stem[0] + "大", "".join(w[0] for w in words(stem)) + "大"}):
            if len(short) < 2 or short == lm.name or short not in text:
                continue
            for am in re.finditer(rf"(?<=[与和及同由、,，(“]){re.escape(short)}(?=[共联等、签合牵的与和,，)”。及])", text):
                if not _overlaps(am.start(), am.end(), taken):
                    out.append(Mention(am.start(), am.end(), "org", "University", "abbreviation", short, lm.known,
                                       alias_of=lm.start))
                    taken.append((am.start(), am.end()))
    return out


def _word_starts_at(text: str, lo: int, pos: int) -> bool:
    """Whether a word begins at ``pos``: after a separator, or where segmenting the few
    characters around it puts a boundary (市级|制造业 yes, 市级制|造业 no)."""
    left = text[max(lo, pos - 6):pos]
    if not left or left[-1] in HARD_STOPS:
        return True
    at = len(left)
    for tok in words(left + text[pos:pos + 4]):
        if at <= 0:
            return at == 0
        at -= len(tok)
    return at == 0


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return len(short) >= 2 and all(c in it for c in short)


def _initials(short: str, long: str) -> bool:
    """Each character of the short form starts a word of the long name (安创 ← 安全应急 … 创新)."""
    toks = words(long)
    starts = [t[0] for t in toks if t]
    it = iter(starts)
    return len(short) >= 2 and all(c in it for c in short)


_DOC_HEADS = ("需求榜", "攻关榜", "榜单", "清单", "名单", "目录", "方案", "规划", "计划", "意见", "办法", "措施",
              "政策", "通知", "条例", "指南", "纲要", "行动", "若干规定", "细则", "白皮书", "报告", "榜")
_STRONG_DOC_HEADS = ("需求榜", "攻关榜", "榜单", "清单", "名单", "目录", "方案", "规划", "意见", "办法", "指南", "纲要",
                     "细则", "白皮书", "行动计划")
_PUBLISH = re.compile(r"(?:发布|印发|制定|出台|公布|编制|推出|下发|颁布)(?:了)?(?:[^,，。;；“《]{0,8})?$")


_TITLE = re.compile(r"《([^》]{2,80})》")
_QUOTED = re.compile(r"“([^”]{4,60})”|「([^」]{4,60})」")
_ATTACHMENT = re.compile(r"^附件\d{0,2}[:.、]?\s*(?:\d{1,2}[.、]\s*)?[《“]?(?P<t>[^《》\n]{4,80}?)[》”]?"
                         r"\.(?:pdf|docx?|xlsx?|wps|et|ofd|zip|rar)$", re.I)


# a line that is a notice's own title (关于…的公示): the page is that document
_NOTICE_LINE = re.compile(r"关于[^。,，;；:《》“”]{4,80}的(?:公示|通知|公告|通告|决定|批复)")


def document_mentions(text: str, sentences: list[Span]) -> list[Mention]:
    """Documents: every 《title》; a “quoted title” ending in a document head after a
    publishing verb (发布“…需求榜”); a line that is a notice's title (关于…的公示)."""
    out = []
    for sent in sentences:
        if _NOTICE_LINE.fullmatch(sent.text) and (sent.start == 0 or text[sent.start - 1] == "\n"):
            out.append(Mention(sent.start, sent.end, "document", "PolicyDocument", "document:notice", sent.text))
            continue
        if am := _ATTACHMENT.match(sent.text):
            # 附件:2025年度…名单.pdf — the attached document, by its file name
            s, e = sent.start + am.start("t"), sent.start + am.end("t")
            out.append(Mention(s, e, "document", _doc_category(text[s:e], sent.text), "document:attachment", text[s:e]))
            continue
        for m in _TITLE.finditer(sent.text):
            s, e = sent.start + m.start(1), sent.start + m.end(1)
            out.append(Mention(s, e, "document", _doc_category(text[s:e], sent.text), "document:title", text[s:e]))
        for m in _QUOTED.finditer(sent.text):
            g = 1 if m.group(1) is not None else 2
            title = m.group(g)
            strong = title.endswith(_STRONG_DOC_HEADS) and len(title) >= 6
            if title.endswith(_DOC_HEADS) and (strong or _PUBLISH.search(sent.text[:m.start()])):
                s, e = sent.start + m.start(g), sent.start + m.end(g)
                out.append(Mention(s, e, "document", _doc_category(title, sent.text), "document:quoted", title))
    return out


def _doc_category(title: str, sentence: str) -> str:
    if _CHALLENGE_TITLE.search(title) or ("揭榜" in sentence and title.endswith(("榜", "榜单", "清单", "需求目录"))):
        return "ChallengeList"
    return "PolicyDocument"


_EVENT_HEADS = ("大会", "会议", "论坛", "峰会", "博览会", "展览会", "交易会", "洽谈会", "推介会", "对接会", "发布会",
                "研讨会", "座谈会", "推进会", "工作会", "现场会", "观摩会", "交流会", "恳谈会", "说明会", "见面会",
                "启动仪式", "签约仪式", "仪式", "开幕式", "年会", "大赛", "赛事", "活动周", "展会", "招商会", "暨论坛",
                "调度会", "部署会", "动员会", "协调会", "分析会", "汇报会", "培训会", "评审会", "通报会", "总结会",
                "表彰会", "展销会", "订货会", "品鉴会", "路演", "协商会", "专题会", "联席会", "论证会", "誓师会", "招聘会", "双选会",
                "签约活动", "开工活动", "推介活动", "日活动")
_EVENT_HEAD = "|".join(sorted(_EVENT_HEADS, key=len, reverse=True))
_HELD = r"(?:举行|召开|举办|开幕|启动|落幕|闭幕)"
# a name ending in an event head, then (in the same clause) a verb of holding
# (a bracketed aside counts as one step: 在…开发区(以下简称“…”)举行)
# (a head that goes on as a building's name is not one: 会议中心, 会议展览中心, 人民大会堂; nor
# one that is counted: 举办推介活动12场, a kind of activity, not one event)
_NOT_A_HEAD_AFTER = r"(?!中心|展览中心|室|厅|堂|\d|[一二两三四五六七八九十百千]+(?:场|次|期))"
_EVENT_RE = re.compile(rf"(?:{_EVENT_HEAD}){_NOT_A_HEAD_AFTER}(?=(?:[^,，。;；()]|\([^()]{{0,30}}\)){{0,25}}?{_HELD})")
# or a verb of holding, then the name: 市工信局召开全市…工作会议, 1月8日召开的…推进大会
_HOLDS_RE = re.compile(rf"(?:召开|举办|举行|主办|承办)(?:了|的)?(?P<name>[^,，。;；、《》]{{2,40}}?(?:{_EVENT_HEAD})){_NOT_A_HEAD_AFTER}")
_NOT_AN_EVENT_START = re.compile(r"(?:的|了|相关|有关|专题|工作|这|那|此|本|该|上述)")  # match(text, pos, endpos)
_HOLD_WORDS = re.compile(r"举行|召开|举办|开幕|启动|落幕|闭幕|主办|承办")


def event_mentions(text: str, sentences: list[Span]) -> list[Mention]:
    """Events: a name ending in 大会/论坛/推进会… that is 举行/召开/举办 (in a place), or that
    someone 召开/举办."""
    out = []
    for sent in sentences:
        if not _HOLD_WORDS.search(sent.text):
            continue  # both patterns need a verb of holding
        for m in _HOLDS_RE.finditer(sent.text):
            s0, e0 = sent.start + m.start("name"), sent.start + m.end("name")
            if e0 - s0 - 2 >= 2 and not _NOT_AN_EVENT_START.match(text, s0, e0):
                out.append(Mention(s0, e0, "event", "Event", "event:held-by", text[s0:e0]))
        for m in _EVENT_RE.finditer(sent.text):
            he = sent.start + m.end()
            floor = sent.start
            # an event name runs back to the clause start (it may hold 、 and 暨) or to 主办的…
            i = he - len(m.group(0))
            while i > floor and text[i - 1] not in ",，。;；:：!！?？】":  # 【玉林新闻】: a programme's tag
                i -= 1
            start = i
            prefix = text[start:he - len(m.group(0))]
            if pm := _HOSTED_PREFIX.search(prefix):
                start += pm.end()
            # leading function words off; segmenting once is enough, since jieba's best path from
            # any word boundary onwards does not depend on the words before it
            for tok in words(text[start:he - len(m.group(0))]):
                if not is_boundary(tok) or tok in ("全国", "全省", "全市", "首届", "第一届"):
                    break
                start += len(tok)
            name = text[start:he]
            if len(name) - len(m.group(0)) < 2:
                continue
            if inside := next((o for o in out if o.start <= start < o.end), None):
                if inside.start != start or inside.end >= he or inside.rule != "event":
                    continue
                out.remove(inside)  # …人民代表大会第五次会议: the name goes on to a later head
            out.append(Mention(start, he, "event", "Event", "event", name))
    return out


_CLUSTER_SUFFIX = re.compile(r"(?:先进制造业集群|战略性新兴产业集群|特色产业集群|创新产业集群|产业集群|产业链)")
_PLACE_CLUSTER = re.compile(r"(?:国际|全国|国家级?)?(?P<x>[\u4e00-\u9fffA-Za-z]{2,10}?)(?:先进制造业集群|产业集群|集群|产业链|产业)")


def cluster_pattern_mentions(text: str, sentences: list[Span], found: list[Mention],
                             places: NameIndex | None = None) -> list[Mention]:
    """Clusters the reference data does not list: X产业集群, X产业链 (X specific), and a place
    followed by an industry: 成都电子信息产业, 青岛智能家电集群, 全市新能源汽车产业链."""
    out = []
    index = places or city_index({})
    # the characters inside what was found: not events (and not places)
    in_found = _covering(len(text), (f for f in found if f.kind != "event"))
    in_found_not_place = _covering(len(text), (f for f in found if f.kind not in ("event", "place")))
    found_cluster_ends = [f.end for f in found if f.kind == "cluster"]
    place_ends: dict[int, int] = {}  # a place's start → its furthest end
    for f in found:
        if f.kind == "place":
            place_ends[f.start] = max(f.end, place_ends.get(f.start, -1))
    for sent in sentences:
        st = sent.text
        # a place name (or 全市) directly before an industry and a cluster word (产业 is in
        # every one); no place name crosses a sentence's end
        here = index.finditer(st) if "产业" in st or "集群" in st else ()
        for _i, after, values in here:
            if st[after:after + 1] == "市":
                after += 1
            m = _PLACE_CLUSTER.match(st, after)
            if m and _clean_cluster_name(m.group("x")):
                s0, e0 = sent.start + m.start("x"), sent.start + m.end()
                if not in_found_not_place[s0]:
                    mention = Mention(s0, e0, "cluster", "IndustrialCluster", "cluster:place", text[s0:e0])
                    mention.place = values[0]
                    out.append(mention)
        for m in _CLUSTER_SUFFIX.finditer(st):
            hs, he = sent.start + m.start(), sent.start + m.end()
            if in_found[hs] or any(f.start <= hs < f.end for f in out):  # out: clusters only
                continue
            if text[he:he + 1] in ("处", "科", "办", "局"):
                continue  # 产业集群处: a bureau's division
            if text[hs - 1:hs] == "等":
                out += _listed_items(text, sent.start, hs - 1)
                continue
            start = left_edge(text, sent.start, hs, keep_conjunction=lambda *_: True)
            if (pm := _PERIOD_REST.match(text, start)) and text[start - 1:start].isdigit():
                start = pm.end()  # 到2027年轴承产业集群, 1—10月高端…: the period is not part of the name
            if before := [e for e in (*(c.end for c in out), *found_cluster_ends)
                          if start < e < hs and text[e:e + 1] in _JOINING]:
                start = max(before) + 1  # A产业集群与B产业集群: two names
            if lm := _NOT_A_CLUSTER_START.match(text, start, hs):
                start = lm.end()  # 世界级…, 十市…: a rank or a count of places, not the name
            if _PLACE_ONLY.fullmatch(text, start, hs) or place_ends.get(start, -1) >= hs - 1:
                continue  # 贾汪区产业集群金融服务日: a place alone is no industry
            end = he
            if cm := _COUNTED.search(text, start, hs):
                # 电子信息、先进材料、汽车及零部件三大产业集群: the count is not part of the last name
                end = cm.start()
                if end - start < 2:
                    continue
            desc = text[start:min(end, hs)]
            core = _LEVEL_PREFIX.sub("", desc)
            if not _clean_cluster_name(core):
                continue
            if text[start - 1:start] == "、" and not cm and _INDUSTRY.search(core):
                # 工程机械、新能源、集成电路与ICT产业集群: the list shares the last name's cluster word
                items = _names_listed_before(text, sent.start, start - 1, "cluster:elided") or []
                if all(_INDUSTRY.search(i.name) for i in items):
                    out += [i for i in items if in_found.find(1, i.start, i.end) < 0]
            if cm:
                n = cm.group("n")
                out += _counted_items(text, sent.start, start, int(n) if n.isdigit() else int(cn_to_number(n)))
            out.append(Mention(start, end, "cluster", "IndustrialCluster", "cluster:suffix", text[start:end]))
        for m in _BARE_CLUSTER.finditer(st):
            # a cluster named with 集群 alone (…共同培育的通泰扬海工装备和高技术船舶集群): an industry's words
            hs, he = sent.start + m.start(), sent.start + m.end()
            if in_found.find(1, hs, he) >= 0 or any(f.start < he and hs < f.end for f in out):
                continue
            if text[hs - 1:hs] == "等":
                out += [c for c in _listed_items(text, sent.start, hs - 1)
                        if not any(f.start < c.end and c.start < f.end for f in found)]
                continue
            start = left_edge(text, sent.start, hs, keep_conjunction=lambda *_: True)
            if any(f.kind == "cluster" and start <= f.start and f.end <= hs for f in found + out):
                continue  # 工程机械集群: the cluster is already recognised by its name
            start = _NOT_A_NAME_START.match(text, start).end()  # type: ignore[union-attr]  # all optional: it always matches
            desc = text[start:hs]
            if len(desc) >= 4 and _INDUSTRY.search(desc) and _clean_cluster_name(desc):
                out.append(Mention(start, he, "cluster", "IndustrialCluster", "cluster:bare-suffix", text[start:he]))
        for m in _IS_A_CLUSTER.finditer(st) if "产业是" in st else ():
            # 新能源产业是全区重点培育的先进制造业集群之一: an industry the sentence calls a cluster
            s0, e0 = sent.start + m.start("x"), sent.start + m.end("x")
            core = m.group("x")[:-2]
            if _clean_cluster_name(core) and _INDUSTRY.search(core) and \
                    not any(f.start < e0 and s0 < f.end for f in found + out):
                out.append(Mention(s0, e0, "cluster", "IndustrialCluster", "cluster:is-a", text[s0:e0]))
    return _verbs_off(out, found)


_JOINING = frozenset("与和及、")
_PLACE_ONLY = re.compile(r"[\u4e00-\u9fff]{1,4}[区县市]")
_NOT_A_CLUSTER_START = re.compile(r"(?:世界级|国际级|全球性|[两三四五六七八九十]+[市地省县区]|[千百万]+亿(?:元|级)?|"
                                  r"(?:开发区|高新区|经开区|园区|新区)(?=..)|[我本全][区县镇](?=..))")
_PERIOD_WORDS = r"年度|年|月份|月|季度"  # what is left of a period when a number ends it
_NOT_A_NAME_START = re.compile(rf"(?:[\d.、]+|[一二三四]?季度|{_PERIOD_WORDS})?")
# an industry that opens a clause and is called one of the place's clusters
_IS_A_CLUSTER = re.compile(r"(?:^|(?<=[,，;；:：]))(?P<x>[\u4e00-\u9fff]{2,10}?产业)是[^,，。;；]{0,24}?集群")
# the lookbehinds after the literal, so the regex engine can look for 集群 alone
_BARE_CLUSTER = re.compile(r"集群(?<!产业集群)(?<!制造业集群)(?![处科办局])")
# words of an industry (from the cluster names of the reference data and the genre)
_INDUSTRY = re.compile(r"装备|材料|船舶|海工|汽车|电子|信息|医药|医疗|纺织|服装|化工|能源|机械|钢|芯片|集成电路|半导体|"
                       r"光伏|储能|电池|家电|食品|航空|航天|软件|机器人|光电|通信|生物|家居|建材|物流|稀土|轴承|"
                       r"电气|石化|新能源|智能制造|仪器|仪表|模具|农机|工程机械|纤维|显示|传感")


_SERVE = re.compile(r"^(?:服务于|服务|赋能|支撑|面向|聚焦|助力|对接|带动|壮大|做强|发展)")


def _covering(size: int, mentions: Iterable[Mention]) -> bytearray:
    """One byte per character of the text: 1 where one of ``mentions`` covers it."""
    covered = bytearray(size + 1)
    for m in mentions:
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    return covered


def _verbs_off(clusters: list[Mention], found: list[Mention]) -> list[Mention]:
    """服务先进材料产业集群: a verb glued to a cluster the report names elsewhere without it
    (先进材料产业集群) is not part of the name; 服务机器人产业集群, named so throughout, keeps it."""
    names = {m.name for m in clusters + found if m.kind == "cluster"}
    for m in clusters:
        if (vm := _SERVE.match(m.name)) and m.name[vm.end():] in names:
            m.start += vm.end()
            m.name = m.name[vm.end():]
    return clusters


_PERIOD_REST = re.compile(_PERIOD_WORDS)
# 三大, 四个, 两个千亿级: a count (and a size tier) between a list of industries and 产业集群
_COUNTED = re.compile(r"(?P<n>[两三四五六七八九十]|\d{1,2})(?:大|个)(?:[千百万]亿级?)?$")


def _counted_items(text: str, lo: int, last: int, count: int) -> list[Mention]:
    """The items before the last of "A、B、C三大产业集群": each is a cluster when the list holds
    exactly as many names as the count says (else the words before 、 are something else)."""
    if count < 2 or last <= lo + 1 or text[last - 1] != "、":
        return []
    items = _names_listed_before(text, lo, last - 1, "cluster:counted", most=count - 1)
    if not items or len(items) != count - 1 or text[items[0].start - 1:items[0].start] == "、":
        return []
    return items


def _listed_items(text: str, lo: int, end: int) -> list[Mention]:
    """The industries of "覆盖A、B、C等(产业)集群", the list ending at ``end`` (before 等): each a
    cluster, when there are at least two and every one is an industry's name."""
    items = _names_listed_before(text, lo, end, "cluster:listed")
    if not items or len(items) < 2 or any(not _INDUSTRY.search(m.name) and len(_LEVEL_PREFIX.sub("", m.name)) > 6
                                          for m in items):
        return []
    return items


def _names_listed_before(text: str, lo: int, end: int, rule: str, most: int | None = None) -> list[Mention] | None:
    """The 、-separated industry names of a list whose last name ends at ``end``, back to the list's
    start (or ``most`` of them) as cluster mentions; None when one of them is no industry's name."""
    items: list[Mention] = []
    while most is None or len(items) < most:
        start = left_edge(text, lo, end, keep_conjunction=lambda *_: True)
        if start == end or not _clean_cluster_name(_LEVEL_PREFIX.sub("", text[start:end])):
            return None
        items.insert(0, Mention(start, end, "cluster", "IndustrialCluster", rule, text[start:end]))
        if text[start - 1:start] != "、" or start - 1 <= lo:
            break
        end = start - 1
    return items


def city_index(cities: dict[str, Known]) -> NameIndex:
    """City names (and 全市/本市/我市, with no city) for :func:`cluster_pattern_mentions`."""
    index = NameIndex()
    for name, known in cities.items():
        index.add(name, known)
    for home in ("全市", "本市", "我市"):
        index.add(home, None)
    return index


# a numeral and its measure word: 一条(产业链), 每个(集群)
_COUNTED_WORD = re.compile(r"[一二两三四五六七八九十百千\d每各]+[条个家批项类种支]")


@lru_cache(maxsize=65536)
def _clean_cluster_name(core: str) -> bool:
    """An industry's name: specific, no figures, no verbs (和/与/及 may join its words)."""
    return len(core) >= 2 and not is_generic(core) and not _NOT_AN_INDUSTRY.search(core) and \
        not core.endswith(("等", "个", "的")) and not core.startswith(("和", "与", "及")) and not core.endswith(("和", "与", "及")) and \
        not _COUNTED_WORD.fullmatch(core) and \
        not any(is_boundary(w) for w in words(core) if w not in ("和", "与", "及"))


_SELECT = re.compile(r"(?:入选|获批|入围|获评|荣获|被认定为|认定为|被确定为|确定为|被命名为|命名为|列为|跃升至|跻身|评为|获得|新晋"
                     r"|通过(?=[^,，。;；]{3,30}?认定))(?:了)?")
_PASSED = re.compile(r"(?<=.)认定$")  # 通过国家级工业设计中心认定: the designation, without the verb


def designation_mentions(text: str, sentences: list[Span]) -> list[Mention]:
    """Lists and titles organisations are selected into (入选省“智改数转”诊断典型案例)."""
    out = []
    for sent in sentences:
        for m in _SELECT.finditer(sent.text):
            s = sent.start + m.end()
            e = s
            while e < sent.end and text[e] not in ",，。;；!！?？":
                e += 1
            name = text[s:e]
            if im := _ISSUER_OF_LIST.search(name):
                s += im.end()  # 入选省工业和信息化厅公布的“…名单”: the list, after its issuer
                name = text[s:e]
            if tm := _YEAR_WORD.match(name):  # 入选今年第一批…: the year is when, not the list's name
                s += tm.end()
                name = name[tm.end():]
            if m.group().startswith("通过"):
                name = _PASSED.sub("", name)
            name = _RANK_OR_COUNT_END.sub("", name)
            name = _LIST_WORD_END.sub("", name) or name
            if not (4 <= len(name) <= 30) or not _DESIGNATION_WORD.search(name):
                continue
            if _FUNDING.search(name):
                continue
            out.append(Mention(s, s + len(name), "designation", "Designation", "designation", name))
        for m in _NAMED_AS.finditer(sent.text):
            s, e = sent.start + m.start("name"), sent.start + m.end("name")
            if not any(o.start < e and s < o.end for o in out):
                out.append(Mention(s, e, "designation", "Designation", "designation:named-as", text[s:e]))
        for m in _PUBLISHED_LIST.finditer(sent.text):
            s, e = sent.start + m.start("name"), sent.start + m.end("name")
            if not any(o.start < e and s < o.end for o in out):
                out.append(Mention(s, e, "designation", "Designation", "designation:published", text[s:e]))
    return out


_YEAR_WORD = re.compile(r"(?:今年|去年|本年度?|当年)(?=\S{4})")
# 确定A等15家企业为2025年度集群“链主”企业: what the firms are named as
_NAMED_AS = re.compile(r"(?:确定|认定|评定|命名)[^,，。;；]{2,80}?(?:企业|单位|公司)为(?P<name>[^,，。;；为]{4,40}?)(?=[,，。;；]|$)")
# a list named without quotes after the verb that publishes it: 会上公布了首批12家生物医药“链主”企业名单
_PUBLISHED_LIST = re.compile(r"(?:公布|发布|公示|印发)(?:了)?(?P<name>[^,，。;；《》]{4,40}?(?:名单|榜单|清单))(?=[,，。;；]|$)")


_PROGRAMME = re.compile(r"列入(?P<name>[^,，。;；]{2,20}?(?:体系|计划|工程|行动|名录|目录|序列))")
# a cluster programme or industry system: “343”创新产业集群, “465”现代产业体系, 24条重点产业链
_SYSTEM = re.compile(r"(?=[“\d])(?P<name>“[^”]{1,12}”[\u4e00-\u9fff]{0,8}?(?:产业集群|产业体系|制造业体系|产业链)"
                     r"|\d+条(?:重点)?产业链|\d+个(?:先进制造业|战略性新兴产业)?集群)")
_NATIONAL = re.compile(r"(?=[首第国])(?:首批|第[一二三四五六\d]批)?国家(?:级)?先进制造业集群")


def programme_mentions(text: str, sentences: list[Span]) -> list[Mention]:
    """Programmes something is made part of (列入省1650产业体系; “465”现代产业体系; 24条重点
    产业链) and the national advanced-manufacturing cluster list clusters are selected into."""
    out = []
    for sent in sentences:
        st = sent.text
        if "列入" not in st and "产业" not in st and "集群" not in st and "体系" not in st:
            continue  # a word every pattern below needs
        for m in _PROGRAMME.finditer(st):
            s, e = sent.start + m.start("name"), sent.start + m.end("name")
            out.append(Mention(s, e, "programme", "Programme", "programme", text[s:e]))
        for m in _SYSTEM.finditer(st):
            s, e = sent.start + m.start("name"), sent.start + m.end("name")
            if not any(o.start <= s < o.end for o in out):
                out.append(Mention(s, e, "programme", "Programme", "programme:system", text[s:e]))
        for m in _NATIONAL.finditer(sent.text):
            s, e = sent.start + m.start(), sent.start + m.end()
            if not any(o.start <= s < o.end for o in out):
                out.append(Mention(s, e, "designation", "Designation", "designation:national", text[s:e]))
    return out


_CHALLENGE = re.compile(r"(?:参与|参加|承担|揭榜)(?P<name>[^,，。;；]{2,30}?揭榜挂帅(?:项目|榜单|任务|清单))")


def challenge_mentions(text: str, sentences: list[Span]) -> list[Mention]:
    """Challenge programmes named as the thing taken part in (参与湖北省“光芯屏端网”揭榜挂帅项目)."""
    out = []
    for sent in sentences:
        if "揭榜挂帅" not in sent.text:
            continue  # what every match names
        for m in _CHALLENGE.finditer(sent.text):
            s, e = sent.start + m.start("name"), sent.start + m.end("name")
            out.append(Mention(s, e, "programme", "Programme", "programme:challenge", text[s:e]))
    return out


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Where ``word`` starts in ``text``, overlapping occurrences included."""
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + 1)


def _occurs_outside(text: str, word: str, start: int, end: int) -> bool:
    return any(not (start <= i and i + len(word) <= end) for i in _occurrences(text, word))


def short_name_mentions(text: str, found: list[Mention], gaz: Gazetteer, prefix: PlacePrefix | None) -> list[Mention]:
    """A firm named in full once is named by its core afterwards (江苏华泰钢铁集团有限公司 …
    华泰钢铁; 山东岱岳精工机械股份有限公司 … 岱岳精工): every occurrence of the core of a legal
    name found in the report, or of the core's first two words when it has three or more. The
    core must be specific (3 characters or more, not generic, not a name the reference data
    gives a cluster or a place)."""
    out: list[Mention] = []
    cores = set()
    for m in found:
        if m.kind == "org" and m.category == "Firm" and LEGAL_FORM.search(m.name):
            core = firm_core(m.name, prefix)
            cores.add(core)
            if len(bare := LEGAL_FORM.sub("", m.name)) >= 4 and not starts_with_place(bare):
                cores.add(bare)  # 杰克科技 for 杰克科技股份有限公司 (its core 杰克 is too short)
            # 岱岳精工 for 岱岳精工机械, 上汽通用五菱 for 上汽通用五菱汽车: 4 characters or more in
            # the first words and at least one word after them, so only a core of 5 or more, and
            # only when its first 4 occur outside this name (inside it they are this name)
            toks = words(core) if len(core) >= 5 and _occurs_outside(text, core[:4], m.start, m.end) else []
            for k in range(2, len(toks)):
                if len("".join(toks[:k])) >= 4:
                    cores.add("".join(toks[:k]))
    # a short name may replace a shorter name inside it (徐工汽车 over the gazetteer's 徐工)
    taken = [(m.start, m.end) for m in found if m.rule != "gazetteer" or m.kind != "org"]
    known = [(m.start, m.end) for m in found if m.rule == "gazetteer" and m.kind == "org"]
    for core in sorted(cores, key=lambda c: (-len(c), c)):
        if len(core) < 3 or is_generic(core) or any(k.kind != "org" for k in gaz.index.get(core)):
            continue
        i = text.find(core)
        while i >= 0:
            e = i + len(core)
            if text[e:e + 1] in ("与", "和", "及") and (split := _joined_head(text, found, i, e + 1)):
                # 甲科技与某某研究院: the firm's short name and 与 are not part of the institute's name
                taken = [(a, b) for a, b in taken if a != i] + [(split.start, split.end)]
            if not _overlaps(i, e, taken) and \
                    not any(a < e and i < b and not (i <= a and b <= e and b - a < e - i) for a, b in known):
                out.append(Mention(i, e, "org", "Firm", "short-name", core))
                taken.append((i, e))
            i = text.find(core, e)
    return out


def _joined_head(text: str, found: list[Mention], start: int, after: int) -> Mention | None:
    """A headed name that starts with a firm's short name and 与/和/及 (甲科技与某某研究院):
    it is cut to what follows the conjunction, and returned, when that is still a name."""
    for m in found:
        if m.start == start and m.kind == "org" and m.rule.startswith("head:") and m.end - after >= 4 and \
                not m.rule.startswith("head:联合"):  # 甲与乙联合研究院 is one name: both partners in it
            head = m.rule.removeprefix("head:")
            if not is_generic(_PLACE_PREFIX.sub("", text[after:m.end - len(head)])):
                m.start, m.name = after, text[after:m.end]
                return m
    return None


_ALIAS = re.compile(r"\((?:" + "|".join(ALIAS_MARKERS) + r")[:：]?[“「\"]?(?P<a>[^”」\"()]{2,12}(?:\([^()”」\"]{1,6}\))?)[”」\"]?\)")


def explicit_alias_mentions(text: str, found: list[Mention]) -> list[Mention]:
    """A name the report defines for the one before it — X有限公司(以下简称“三磨所”) — and each
    later use of it, all standing for X."""
    out: list[Mention] = []
    taken = [(m.start, m.end) for m in found if m.kind != "place"]  # 宁德时代 over the place 宁德
    for am in _ALIAS.finditer(text):
        owner = next((m for m in found if m.kind in ("org", "cluster", "event") and m.end == am.start()), None)
        alias = am.group("a")
        if owner is None or alias == owner.name:
            continue
        i = text.find(alias)
        while i >= 0:
            e = i + len(alias)
            if not _overlaps(i, e, taken):
                out.append(Mention(i, e, owner.kind, owner.category, "alias", alias, owner.known, alias_of=owner.start))
                taken.append((i, e))
            i = text.find(alias, e)
    return out


def _opens_a_clause(text: str, word: str) -> bool:
    """Whether ``word`` occurs at the start of the text or right after a clause mark."""
    return any(i == 0 or text[i - 1] in "\n,，;；:：。" for i in _occurrences(text, word))


def bare_cluster_mentions(text: str, found: list[Mention], prefix: PlacePrefix | None) -> list[Mention]:
    """An industry the report has named as a cluster (新型显示产业集群), named bare as the subject
    of a clause: 新型显示是厦门“4+4+6”现代化产业体系中的支柱产业, 物联网位居…之首."""
    cores = {cluster_core(m.name, prefix) for m in found if m.kind == "cluster" and m.rule != "gazetteer"}
    cores = {c for c in cores if len(c) >= 3 and not is_generic(c) and _opens_a_clause(text, c)}
    if not cores:
        return []
    taken = [(m.start, m.end) for m in found]
    out = []
    names = "|".join(map(re.escape, sorted(cores, key=len, reverse=True)))
    for m in re.finditer(rf"(?:^|(?<=[\n,，;；:：。]))(?:{names})(?=是|位居|位列|作为|已|产值|规模|营收|实现)", text):
        if not _overlaps(m.start(), m.end(), taken):
            out.append(Mention(m.start(), m.end(), "cluster", "IndustrialCluster", "cluster:bare", m.group()))
    return out


_BACK = re.compile(r"(?=[该公集这])(?:^|(?<=[\n,，。;；:])|(?<=依托)|(?<=由))(?P<w>该公司|该集团|公司|集团|(?:该|这个|这家)(?:联合体|联盟|平台|中心|实验室|研究院))"
                   r"(?=牵头|与|旗下|是|已|将|联合|依托|作为|入选|获|今年|去年|先后|累计|还|也|目前|近年来|自|在|由|于|成立|总部)")


_DEMONSTRATIVE = re.compile(r"^(?:该|这个|这家)")


def backreference_mentions(text: str, found: list[Mention]) -> list[Mention]:
    """公司/集团/该联合体… opening a clause stand for an organisation named before: 公司 for the firm
    the report is about so far (the most named, then the first named), the others for the last
    organisation named with that head (the consortium just founded)."""
    out = []
    orgs = sorted((m for m in found if m.kind == "org"), key=lambda m: m.start)
    spans = [(m.start, m.end) for m in found]
    for bm in _BACK.finditer(text):
        s, e = bm.start("w"), bm.end("w")
        if _overlaps(s, e, spans):
            continue
        head = _DEMONSTRATIVE.sub("", bm.group("w"))
        if head == "公司":
            firms = [m for m in orgs if m.end <= s and m.category == "Firm" and m.rule != "back-reference"]
            counts = Counter(firm_core(m.name, None) for m in firms)
            before = sorted(firms, key=lambda m: (-counts[firm_core(m.name, None)], m.start))[:1]
        else:
            before = [m for m in orgs if m.end <= s and (
                m.name.endswith(head) and m.rule != "gazetteer" or head == "集团" and m.known is not None and "集团" in m.name)]
        if before:
            ante = before[-1]
            out.append(Mention(s, e, "org", ante.category, "back-reference", bm.group("w"), ante.known,
                               alias_of=ante.alias_of if ante.alias_of is not None else ante.start))
    return out


# --------------------------------------------------------------------------- all together

_PRIORITY = {"document": 6, "event": 5, "designation": 4, "programme": 4, "org": 3, "cluster": 2, "place": 1}


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep, of overlapping mentions, the longest (then the stronger kind); mentions inside a
    document title, event name or designation are dropped, except organisations and clusters
    named inside an event (they are mentioned there)."""
    chosen: list[Mention] = []
    first, then = _RANK_FIRST, _RANK_THEN
    ranked = sorted(mentions, key=lambda m: (first[m.kind], m.start - m.end, then[m.kind], m.start))
    # what is chosen: events, and everything else; neither overlaps itself (an event overlaps
    # only the organisations and clusters inside it), so one bisection finds an overlap: the
    # span that starts last before ``end``, if it ends after ``start``
    events: list[tuple[int, int]] = []
    others: list[tuple[int, int]] = []
    bisect_left, insort = bisect.bisect_left, bisect.insort
    for m in ranked:
        s, e = m.start, m.end
        j = bisect_left(others, (e, -1)) - 1
        if j >= 0 and others[j][1] > s:
            continue
        if events:
            j = bisect_left(events, (e, -1)) - 1
            if j >= 0 and events[j][1] > s and not (m.kind in ("cluster", "org") and events[j][0] <= s and e <= events[j][1]):
                continue
        chosen.append(m)
        insort(events if m.kind == "event" else others, (s, e))
    chosen.sort(key=_START)
    return chosen


# the order overlaps are settled in: documents and designations first, then the longest, then
# the stronger kind, then the earliest
_RANK_FIRST = {k: (-p if k in ("document", "designation") else 0) for k, p in _PRIORITY.items()}
_RANK_THEN = {k: -p for k, p in _PRIORITY.items()}
_START = operator.attrgetter("start")


def _same_name_in_lists(found: list[Mention], aliases: list[Mention]) -> None:
    """A list item that repeats a name recognised before it (双良节能, defined by 以下简称) is that
    organisation, not one of the list's kind."""
    named: dict[str, Mention] = {}
    for m in sorted(found + aliases, key=lambda m: m.start):
        if m.kind == "org" and not m.rule.startswith("list:"):
            named.setdefault(m.name, m)
    for m in found:
        src = named.get(m.name)
        if m.rule.startswith("list:") and src is not None and src.start < m.start:
            m.category, m.known = src.category, src.known
            m.alias_of = src.alias_of if src.alias_of is not None else src.start


def find_mentions(text: str, sentences: list[Span], gaz: Gazetteer, city: Known | None,
                  gov_pattern: GovernmentPattern, cities: NameIndex | None = None,
                  gazetteer_matches: list | None = None, prefix: PlacePrefix | None = None) -> list[Mention]:
    base = gazetteer_mentions(text, gaz, city, gazetteer_matches) + government_mentions(text, gov_pattern)
    docs = document_mentions(text, sentences)
    events = event_mentions(text, sentences)
    desig = designation_mentions(text, sentences)
    progs = programme_mentions(text, sentences) + challenge_mentions(text, sentences)
    base_spans = [(b.start, b.end) for b in base]
    headed = [h for h in headed_mentions(text, sentences)  # unless a longer name of the base holds it
              if not any(bs <= h.start and h.end <= be and be - bs > h.end - h.start for bs, be in base_spans)]
    for d in desig:
        lead = [b for b in base if b.kind == "org" and b.start == d.start and b.end < d.end]
        if lead:
            d.start = max(b.end for b in lead)
            d.name = text[d.start:d.end]
    stage1 = resolve_overlaps(base + headed + docs + events + desig + progs)
    orgs = [m for m in stage1 if m.kind in ("org", "cluster")]
    listed = enumeration_mentions(text, sentences, orgs)
    stage2 = resolve_overlaps(stage1 + listed)
    abbrev = abbreviation_mentions(text, sentences, [m for m in stage2 if m.kind == "org"])
    abbrev += explicit_alias_mentions(text, stage2 + abbrev)
    _same_name_in_lists(stage2, abbrev)
    short = short_name_mentions(text, stage2 + abbrev, gaz, prefix)
    short += backreference_mentions(text, stage2 + abbrev + short)
    clusters = cluster_pattern_mentions(text, sentences, stage2 + abbrev + short, cities)
    clusters += bare_cluster_mentions(text, stage2 + abbrev + short + clusters, prefix)
    # short names defined for clusters (…产业集群(下称古雷石化聚落)): the clusters are known only now
    clusters += [m for m in explicit_alias_mentions(text, stage2 + abbrev + short + clusters) if m.kind == "cluster"]
    found = resolve_overlaps(stage2 + abbrev + short + clusters)
    event_short_names(found)
    return found


_EVENT_HEAD_END = re.compile(rf"(?:{_EVENT_HEAD})$")


def _in_order(short: str, long: str) -> bool:
    """Every character of ``short`` occurs in ``long``, in the same order."""
    rest = iter(long)
    return all(c in rest for c in short)


def event_short_names(found: list[Mention]) -> None:
    """An event named again in fewer words (a headline's 石化装备产业链年度推进会 for the text's
    某某市石化装备产业链“链长制”工作年度推进会) stands for it: a name of six characters or more whose
    characters all occur, in order, in exactly one longer event name with the same head."""
    events = [(m, name_key(m.name)) for m in found if m.kind == "event"]
    if len(events) < 2:
        return
    for m, key in events:
        head = _EVENT_HEAD_END.search(key)
        if len(key) < 6 or head is None or m.alias_of is not None:
            continue
        longer = {k: o for o, k in events if len(k) > len(key) and k.endswith(head.group()) and _in_order(key, k)}
        if len(longer) == 1:
            m.alias_of = next(iter(longer.values())).start


__all__ = ["Mention", "find_mentions", "name_key"]
