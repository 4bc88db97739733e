"""Stage 5 — facts: relations, observations (figures), events and documents, each tied to the
sentence it was read from. One small rule per relation the genre states.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from .mentions import Mention
from .numbers import Period, Quantity, find_dates, find_periods, find_quantities, is_target
from .resolve import Entity, Resolver
from .segment import ALIAS_MARKERS
from .sentences import Span, split_clauses


@dataclass(slots=True)
class Relation:
    subject: Entity
    predicate: str  # local name in the ck: namespace
    object: Entity
    sentence: int
    rule: str
    subject_surface: str | None = None
    object_surface: str | None = None


@dataclass(slots=True)
class Observation:
    subject: Entity | None
    subject_surface: str | None
    indicator: str
    quantity: Quantity
    period: Period | None
    target: bool
    sentence: int
    rule: str = "figure"


@dataclass
class EventInfo:
    entity: Entity
    sentence: int
    date: date | None = None
    venue: Entity | None = None
    venue_surface: str | None = None
    organizers: list[Entity] = field(default_factory=list)
    about: list[Entity] = field(default_factory=list)


@dataclass
class Facts:
    relations: list[Relation] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    events: list[EventInfo] = field(default_factory=list)


@dataclass(slots=True)
class Sent:
    """A sentence with its resolved mentions (entity, mention, surface)."""

    index: int
    span: Span
    items: list[tuple[Mention, Entity]]  # in order of their start
    skip_facts: bool = False
    starts: list[int] = field(default_factory=list, repr=False)  # the items' starts (given, or read off them)

    def __post_init__(self) -> None:
        if not self.starts and self.items:
            self.starts = [m.start for m, _ in self.items]

    def in_range(self, start: int, end: int, *kinds: str) -> list[tuple[Mention, Entity]]:
        """The items from ``start`` to ``end`` (of ``kinds``, if given)."""
        items = self.items[bisect.bisect_left(self.starts, start):bisect.bisect_right(self.starts, end)]
        return [(m, e) for m, e in items if m.end <= end and (not kinds or m.kind in kinds)]


_PUBLISH = r"(?:发布|印发|制定|出台|公布|编制|推出|下发|颁布|审议通过|出炉)"
_SUPPORT = re.compile(r"支持|资助|奖励|补助|扶持|重视")
_LISTED = re.compile(r"入选|入围|上榜|获批|获评|榜上有名|名列其中|入库")
_LEAD_WORD = re.compile(r"龙头|领军|链主|头部企业|领头雁|领航企业|领跑企业|排头兵")
_LEAD_NOUN = r"(?:链主|龙头|领军|领头雁|领航|头部|领跑|排头兵)"
_HOME = re.compile(r"(?:我市|本市|全市|我省|本省|全省|当地)")
_FOUNDED = ("Alliance", "InnovationPlatform", "Laboratory", "ResearchInstitute")  # what 组建/成立 makes
_FOUNDED_SET = frozenset(_FOUNDED)
_FOUNDED_ENDS = ("基金", "产业学院")  # a fund, a school's industry college: founded too
_NUMERAL = re.compile(r"[\d一二两三四五六七八九十百千]|首位")

# ---- indicator labels: the words around a figure that are not what it measures
_IND_LEAD = re.compile(r"^[的在于对,，、和及与]+")
# a stating verb, qualifier or adverb of plan between the measure and the number (实现产值|超|500亿元)
_IND_VERB = re.compile(r"(?:达到|达|为|是|超过|超|约|近|逾|突破|共|累计|总计|合计|实现|完成|增至|提升至|跃升至|提高到|"
                       r"提升到|提高至|扩至|扩大到|力争|争取|将|已经|已|预计|计划|有望|分别|均|仍|同比增长至)+$")
# periods, stating verbs and 其中: the measure is what follows the last of them (…研究院今年|承担科研项目);
# greedy, so a match ends at the last
_IND_ANCHOR = re.compile(r".*(?<![比较与前])(?:今年以来|年初以来|今年|去年|上年|明年|当年|目前|截至[^,，]*?(?:底|末)|"
                         r"\d{1,2}(?:[-—–~至]\d{1,2})?月份?|前\d{1,2}个?月|前[一二三四五六七八九十]{1,2}个月|"
                         r"[一二三四]季度|上半年|下半年|前三季度|全年|\d{4}年度?|其中|已经|已|实现|完成|达到)")
# the subject's stand-ins before the measure: 全市, 集群内, 其, 该集群, and verbs of having
_IND_HOLDER = re.compile(r"^(?:其|该集群|该公司|该园区|集群内?|聚落内?|园区内?|全[市区县省]|我[市区县省]|本[市区]|共有|现有|拥有|"
                         r"力争|争取|预计|计划|将|约)+")
# what a figure is compared from, and a currency named before the number: 由2023年的(61%), 人民币
_IND_FROM = re.compile(r"(?:由(?:\d{4}年(?:底|末)?|[上去今]年(?:底|末)?)?的?(?:不足|约|近)?|人民币)$")
# an ordinal's scope: 产值规模居全省(第), 保持全国(第), 位列(第)
_IND_RANK = re.compile(r"(?:在(?P<within>[^在第]{1,14}?)中?)?(?:位居|居于|居|排名|排在|排|位列|列|保持)(?:在|于)?"
                       r"(?P<scope>[^第]{0,12}?)中?第?$")
_CURRENCIES = ("人民币", "美元", "港元", "港币", "欧元", "新台币", "日元")
_IND_STILL = re.compile(r"(?:继续|连续[\u4e00-\u9fff\d]{0,3}年|仍然?|稳|始终|一直)+$")
_IND_NOUN = re.compile(r"(?P<noun>[\u4e00-\u9fffA-Za-z“”]{1,10}?)(?:(?:已经?|成功|当场|集中|现场|首批|共同|联合|一同|近日)*"
                       r"(?P<verb>报名揭榜|参与揭榜|揭榜|组建|发起|入选|加入|签约|落户|入驻|参展|参会)|"
                       r"(?=[,，。;；、]|$|提前|完成|参与|获|实现|达|全面|加快|成为|通过|集聚|参加))")
# a change with its measure elided (实现产值500亿元,同比增长12%): the measure is the previous figure's
_IND_CHANGE = re.compile(r"(?:同比|环比|按年|比上年|较上年)?(?:增长|下降|回落|增加|减少|提高|提升|净增)|增速|年增|同比")
_IND_MEASURE_END = re.compile(r"(?:(?:同比|环比|按年|比上年|较上年)?(?:增长|下降|回落|增加|减少|提高|提升|净增)|增速|年增|同比|排名)$")
# what a count's label already ends in: it names a number (数量, 次数) or a measure that is one
_IND_NUMBER_WORD = ("数", "量", "次", "额", "率", "规模", "占比", "比重", "比例", "排名", "增长", "下降", "增速", "净增",
                    "增加", "减少", "提高")
# units that count things (家, 个, 项 …), with the word that makes a label of a count
_COUNT_UNITS = {"家": "数量", "个": "数量", "项": "数量", "款": "数量", "条": "数量", "所": "数量", "座": "数量",
                "名": "数量", "位": "数量", "支": "数量", "批": "数量", "种": "数量", "件": "数量", "户": "数量",
                "人": "数量", "次": "次数", "场": "场次", "场次": "场次", "人次": "人次"}


def _measure(previous: str) -> str:
    """The measure of a previous label, without its change: 产值同比增长 → 产值."""
    return _IND_MEASURE_END.sub("", previous)


def indicator_label(before: str, after: str, q: Quantity, previous: str = "", verb: str | None = None) -> str:
    """A label for what a figure measures, from the words before it (from its subject on) and
    the noun after a count (and the verb after that noun), so that figures of one measure share it.

    Stating verbs, qualifiers, periods and the subject's stand-ins are dropped; a change whose
    measure is elided takes the previous figure's (同比增长 after 产值 → 产值同比增长); an
    ordinal is a ranking in its scope (居全省第3 → 全省排名); a count names a number (企业数量).

    >>> from decimal import Decimal as D
    >>> pct = Quantity(0, 1, D(12), "%", None, False)
    >>> yi = Quantity(0, 1, D(500), "亿元", None, False)
    >>> firms = Quantity(0, 1, D(30), "家", None, False)
    >>> indicator_label("集群今年实现产值", "", yi), indicator_label(",同比增长", "", pct, "产值")
    ('产值', '产值同比增长')
    >>> indicator_label("产值规模居全省", "", Quantity(0, 1, D(3), "位", None, True))
    '产值规模全省排名'
    >>> indicator_label("A公司、B公司等", "企业", firms), indicator_label("研究院去年承担省级科研项目", "", firms)
    ('企业数量', '承担省级科研项目数量')
    """
    if (k := before.rfind("等")) >= 0 and before[k + 1:k + 2] not in ("级", "奖"):
        before = before[k + 1:]  # A、B等(12家单位): the list's items are the subjects, not the measure
    before = _IND_VERB.sub("", _IND_FROM.sub("", _IND_VERB.sub("", _IND_LEAD.sub("", before))))
    if anchor := _IND_ANCHOR.match(before):
        before = before[anchor.end():]
    before = _IND_VERB.sub("", _IND_FROM.sub("", _IND_LEAD.sub("", _IND_HOLDER.sub("", _IND_LEAD.sub("", before)))))
    if q.ordinal and (rank := _IND_RANK.search(before)):
        measure = _IND_STILL.sub("", before[:rank.start()]) or _measure(previous)
        return (measure + (rank["within"] or rank["scope"]).strip("在于的") + "排名")[:40]
    if before.endswith("的") and "占" in before:
        before = before[:-1].replace("约占", "占") + "比重"  # (约)占全省产值的(12%)
    if not before:
        before = (verb or "") + after  # (A、B等)12家单位共同组建 → 组建单位(数量)
    elif not before.endswith(("增长", "下降", "提高", "回落", "占比", "率")):
        before += after
    ind = before.strip("“”,，、 ").replace("的比重", "比重").replace("的比例", "比例")
    if previous and (not ind or _IND_CHANGE.fullmatch(ind)):
        measure = _measure(previous)
        if measure != ind:
            ind = measure + ind if ind and not measure.endswith(ind) else measure or ind
    unit = q.unit.lstrip("万亿千百十")
    if not q.ordinal and unit in _COUNT_UNITS and not ind.endswith(_IND_NUMBER_WORD):
        ind += _COUNT_UNITS[unit]
    return ind[:40] or "数量"


_LOCATED_BEFORE = re.compile(r"(?:位于|设在|设于|建于|地处|坐落[于在]|落户(?:于|在)?|扎根|安家|入驻|进驻)$")
_LOCATED_UNLISTED = re.compile(r"(?:位于|设在|地处|坐落于|落户(?:于|在)?)(?P<p>(?![该本全我此])[\u4e00-\u9fff]{1,4}(?:区|县|市|镇))的$")
_OWNED_WORDS = r"(?:(?:旗下|下属|所属|下设)(?:的)?|(?:控股|持股\d+(?:\.\d+)?%)的)(?:全资|控股)?(?:子公司)?"
_OWNED = re.compile(_OWNED_WORDS + "$")  # before the owned name
_OWNED_ADJACENT = re.compile(_OWNED_WORDS)  # all there is between owner and owned
# FUND由ORG管理 (after 由), ORG(,)管理(着)…的FUND
_MANAGES = re.compile(r"[,，]?(?:负责)?管理(?:着)?(?:[^,，。;；]{0,14}的)?")
_MEETING_BY = re.compile(r"^(?:本次|此次|该|本届|此届)?[\u4e00-\u9fff]{0,4}?(?P<w>大会|会议|论坛|博览会|展会|推进会|推介会|活动|仪式|会)"
                         r"(?:由|的(?:主办|承办)(?:方|单位)为)")
_HOSTED_BY = re.compile(r"由(?P<o>[^,，。;；]{2,60}?)(?:联合|共同|牵头|具体|协助)?(?:主办|承办|协办|合办|指导|举办)"
                        r"|(?:主办|承办)(?:方|单位)为(?P<o2>[^,，。;；]{2,60})")
# a short name defined in brackets after a name, and the words that define it
_ALIAS_MARKER = "(?:" + "|".join(ALIAS_MARKERS) + ")"
_ALIAS_ASIDE = re.compile(r"\(" + _ALIAS_MARKER + r"[^()]*(?:\([^()]*\)[^()]*)?\)")
# a clause before a verb that says only when or how (今年, 去年12月, 也, 成功, 被)
_WHEN_ONLY = re.compile(r"(?:[今去上明]年|近日|日前|此前|近期|目前|\d{1,2}月(?:份|初|底)?|先后|已经?|也|还|均|成功|被|再次|"
                        r"首次|又|同时)*")
# what follows a name that only qualifies the next one: (位于X)的Y, X旗下的Y
# X的Y, X旗下的Y, 依托X建设的Y, 由X牵头组建的Y: X only qualifies the Y named after it
_QUALIFIES = re.compile(r"(?:旗下|下属|(?:牵头|联合|共同|投资)?(?:建设|共建|组建|打造|运营|建立|成立|设立|创办))?的")
_DEFINING = re.compile(_ALIAS_MARKER + r"[:：]?[“「\"]?$")
_HOST_VERB = re.compile(r"(?:联合|共同|具体|协助)?(?:主办|承办|协办|合办)(?:、|,|，)?")
_HELD_AT = re.compile(r"在(?P<v>[^,，。;；在]{1,20}?)(?:隆重|成功|盛大|顺利)?(?:举行|召开|举办|开幕|启动)")
_CONVENED_AT = re.compile(r"(?:在(?P<v>[^,，。;；在]{1,20}?))?(?:召开|举办|举行)(?:了)?$")
_IN_SYSTEM = re.compile(r"之一|之首|中的|中,|中，|位居|位列|是|入选|获批|纳入")
_LISTED_IN = re.compile(r"(?:把|将)?(?P<x>[^,，。;；把将]{2,30}?)(?:被)?(?:纳入|列入)$")
# taking up a challenge list's tasks: 参与揭榜, 应榜, 摘榜, 接榜, 揭得(其中5项), 竞得(其中7项), 认领榜单任务
_CHALLENGE = re.compile(r"(?:参与|参加|报名|成功)?(?:揭榜|应榜|摘榜|接榜|揭得|竞得|认领(?=榜单|任务|攻关))")
_SELECT_VERB = re.compile(r"入选|获批|入围|获评|荣获|被认定为|认定为|被确定为|确定为|被命名为|命名为|列为|跃升至|跻身|评为|新晋"
                          r"|通过(?=[^,，。;；]{3,30}?认定)")
_LIST_LINE = re.compile(r"^(?:\d{1,2}[.、]|[(]?[一二三四五六七八九十]{1,2}[)、])?\s*(?P<c>[^:,，。;；]{2,24}?)[:]")
_LEAD_AS = re.compile(r"作为(?P<c>[^,，。;；]{2,30}?)(?:产业集群|集群|产业链|产业)?(?:的)?“?" + _LEAD_NOUN)
_CLUSTER_LEAD = re.compile(r"(?P<c>(?:该|本|这一)?(?:集群|产业链|聚落))(?:的)?(?:另一家|又一家|另一)?[“「]?" + _LEAD_NOUN)
# A、B分别担任X、Y产业集群的链主企业: the firms and the clusters pair in order
_RESPECTIVELY_LEAD = re.compile(r"分别(?:担任|是|为|作为|成为)(?P<c>[^,，。;；]{2,60}?)(?:产业集群|集群|产业链)?的?[“「]?"
                                + _LEAD_NOUN)
_FOUNDING_VERB = re.compile(r"(?:牵头|联合|共同|携手|签约|校企|院企)?(?:出资)?(?:组建|发起成立|发起|成立|共建|建设|设立|筹建|联建|创办|合建)"
                            r"(?:了|的)?$|牵头(?:的)?$")
_RELYING_ON = re.compile(r"依托[^,，。;；]*$")
_BOTH_PARTIES = re.compile(r"(?:双方|两家|三方|各方)(?:还|并)?")  # (双方将共建: a plan, no founding yet)
_JOINED = re.compile(r"加入(?:了)?$")
# (今年)新加入的成员包括A、B等4家企业: members named after the verb
_MEMBERS_JOINED = re.compile(r"加入(?:的|该联盟的|联盟的)成员(?:单位|企业)?(?:包括|有|为)")
_JOINED_BARE = re.compile(r"(?:首批|先后|陆续|已|正式)?(?:加入|加盟)(?:了)?(?:该|本)?联盟[。;；!！]?$")  # search(text, pos, endpos)
_FOUNDERS_NEXT = re.compile(r"(?P<this>该(?:基地|中心|平台|实验室|研究院|联盟|联合体|共同体)|联盟(?=由))?由(?P<o>[^。;；]{2,120}?)(?:共同|联合)?(?:牵头)?(?:组建|发起成立|发起|成立|共建|建设|设立|筹建|联建)(?!的)")
_OPERATING = re.compile(r"(?:牵头|负责)?(?:建设|运营|营运|打造|建成|搭建|运行|承建)(?:运营|营运|管理|运维)?的")
# PLATFORM由ORG运营 / PLATFORM,由其全资子公司ORG运营
_OPERATED_BY = re.compile(r"[,，]?(?:交由|委托|由)(?P<sub>其(?:下属的?)?(?:全资|控股)?(?:子公司)?)?")
# what follows the operator in PLATFORM由ORG运营: 建设, 运营, 托管运营, 受托管理, 建设运维
_RUNS_AFTER = re.compile(r"(?:牵头)?(?:建设|运营|营运|打造|承建|负责运营|负责营运|运行|托管运营|受托管理|运维)")
# an operator named after the platform (营运: Hong Kong and Taiwan usage): 运营主体为B, 以B为运营实体, (日常)运行由B负责, 运营由B承担
_OPERATOR_NAMED = re.compile(r"(?:运营|营运)(?:主体|单位|方|实体)为(?P<a>[^,，。;；]{2,40})|以(?P<b>[^,，。;；]{2,40}?)为(?:运营|营运)(?:实体|主体)"
                             r"|(?:日常)?(?:运营|营运|运行|运维|运营管理|营运管理)(?:工作)?(?:交)?由(?P<c>[^,，。;；]{2,40}?)(?:负责|承担)"
                             # …由A与B共建,(由|委托|交由)C(负责日常)运营: a clause of its own
                             r"|(?:^|(?<=[,，]))并?(?:由|委托|交由|交给)(?P<d>[^,，。;；]{2,40}?)(?:负责|承担)?(?:日常|具体)?"
                             r"(?:运营|营运|运行|运维)(?!的)"  # (由X运营的Y: Y's operator, read elsewhere)
                             # …,C负责中心的日常运营
                             r"|(?:^|(?<=[,，]))(?P<e>[^,，。;；]{2,40}?)负责(?:该|本)?(?:中心|平台|基地|实验室|研究院)的(?:日常)?"
                             r"(?:运营|营运|运行|运维|运行维护)")
# a parent named after its child: A的母公司为B, A控股股东为B, A挂靠B
_PARENT_NAMED = re.compile(r"(?:的)?(?:母公司|控股股东|控股方|上级单位|主管单位|挂靠单位)(?:为|是)|挂靠(?:于|在)?")
# a fund's manager named after it: …基金,基金管理人为B
_FUND_MANAGER = re.compile(r"(?:基金)?管理人(?:为|是)(?P<o>[^,，。;；]{2,40})")
# what follows X in PLATFORM依托X建设
_BUILT = re.compile(r"(?:建设|组建|建立|设立|共建)")
# ORG负责运营PLATFORM
_RUNS = re.compile(r"[,，]?(?:负责|牵头)(?:建设)?(?:运营|营运)")
_JOINTLY_BEFORE = re.compile(r"(?:与|和|共同|联合)[^,，。;；]{0,30}$")
# a firm's project that settles in a place: (A)20GWh储能电池二期项目签约落地(X)
_WHEN_WORDS = r"(?:今年|去年|目前|已经?|正式|成功|顺利|\d{4}年|\d{1,2}月(?:份|初|底)?)*"
_PROJECT_SETTLES = re.compile(r"[^,，。;；]{0,30}?项目" + _WHEN_WORDS + r"(?:签约)?(?:落户|落地|选址|入驻|落子)(?:于|在)?")
_LOCATED_VERB = re.compile(r"(?:总部)?" + _WHEN_WORDS + r"(?:位于|设在|设于|建于|建在|落户|落户于|落户到|坐落于|坐落在|入驻|签约入驻|进驻|"
                           r"扎根|安家落户|选址落户)")
_SUBSIDIARY = re.compile(r"(?:是|系|为)(?P<x>[^,，。;；]{2,40}?)(?:旗下(?:的)?|[^,，。;；]{0,12}设立的(?:全资|控股)?子公司|的(?:全资|控股)子公司)")
# 其全资子公司Y, 公司控股子公司Y, 该公司的全资子公司Y: Y's parent is the firm 其 or 公司 stands for
# (拟)由全资子公司Y实施: the sentence's subject's
_ITS_SUBSIDIARY = re.compile(r"(?P<who>其|该公司|公司|(?<=由))(?:的)?(?:全资|控股)(?:子公司|子企业)")
# a sentence that opens by pointing back at a firm: 该公司…, 这家总部位于X的企业…, 公司…
_BACK_REFERENCE = re.compile(r"该公司|该企业|这家[^,，。;；]{0,30}?(?:企业|公司)|公司")
_THIS_FIRM = re.compile(r"^[^,，。;；]{0,20}(?:这家|该)(?:企业|公司)")
# the sentence's subject: 该公司…, 这家企业…, 这家地处X的企业…
_THIS_FIRM_OPENS = re.compile(r"(?:[^,，。;；]{0,8}[,，])?(?:(?:这家|该)(?:企业|公司)|这家(?=(?:总部)?(?:位于|地处|坐落[在于]|落户[在于]?)))")
_LEAD_LIST = re.compile(r"链主|龙头|领军")
_ROLE_ONLY = re.compile(r"(?:集群|产业链|本地|当地|该集群)?的?[“「]?(?:链主|龙头|领军)[”」]?企业")
_LIST_WORD = re.compile(r"名单|清单|榜单|目录|榜$")
# A当选理事长单位, B、C为副理事长单位: the offices of an alliance's council are held by members
# (the alliance may be named between the verb and the seat: 担任X联盟理事长单位)
_COUNCIL_SEAT = re.compile(r"(?:当选|为|担任|是|作为|任)(?:[^,，。;；]{2,30}?(?:联盟|协会|联合体|共同体|商会))?(?:常务)?(?:副)?"
                           r"(?:理事长|会长|秘书长|理事|监事长|监事)单位")
_FUNDED = re.compile(r"获(?:得)?(?P<lvl>国家|省|市|中央)(?:级)?[^,，。;；]{0,16}?(?:支持|资助|奖励|补助|扶持)")
_BACKED = re.compile(r"(?:高度重视|大力支持|全力支持)")
_AGREEMENT = re.compile(r"(?:与|同|和)(?P<objs>[^,，。;；]{2,60}?)(?:(?:签署|签订|达成|开展|深化|建立|共建|签约)"
                        r"[^,，。;；]{0,16}(?:协议|合作|协定|备忘录|关系|联合体)|(?:联合|合作|共同)(?:开展|研发|攻关|研制|实施)"
                        r"|签约(?=[,，。;；]|$)"
                        # schools and firms: 与X开设…订单班, 与X联合培养
                        r"|(?:联合|共同)?开设[^,，。;；]{0,16}?(?:订单班|专班|冠名班)|(?:联合|共同)培养)")
# an alliance named again without its name, as the party to an agreement (A与联盟签署…协议)
_BARE_ALLIANCE = frozenset(["联盟", "该联盟", "产业联盟"])
_SELECTED_END = re.compile(r"(?:等)?(?:\d+|[两三四五六七八九十]+)?(?:余|多)?(?:家|个)?(?:[\u4e00-\u9fff]{0,4}?(?:企业|单位|集群))?"
                           r"(?:成功|首批)?(?P<verb>入选|入围|上榜|获批|获评|榜上有名|名列其中|入库)(?=[,，。;；]|$)")
# between a body and the list it published: 工信部(近日)公布(了)…名单
_PUBLISHED_BY = re.compile(r"(?:近日|日前|正式|首次)?(?:公布|发布|公示|印发)(?:了)?")
# a government body that acts on the figure's subject (组织/帮助 企业…): not the subject itself
_ACTING_ON = re.compile(r"(?:组织|对|帮助|指导)")  # used with match(text, pos, endpos)
# the founding rule's phrasings (alliance), compiled once
_BY_FOUNDERS = re.compile(r"由(?P<o>.+?)(?:联合|共同)?$")
_LEADS_OR_JOINS = re.compile(r"^(?:牵头|联合)")
_JOINS = re.compile(r"^联合")
_FOUNDED_BY_AFTER = re.compile(r"^(?:是)?由(?P<o>[^。;；]{2,120}?)(?:共同|联合)?(?:组建|发起成立|发起|成立|共建|建设|设立|筹建|联建)")
_JOINED_AT_END = re.compile(r"(?:首批|先后|陆续|已)?(?:加入|加盟)(?:了)?(?:该联盟|联盟)?[。;；]?$")
# a clause that counts an alliance's members, and the names listed among them after it
_NEW_MEMBERS = re.compile(r"新增(?:会员|成员)|新吸纳|新发展(?:会员|成员)|(?:会员|成员)(?:单位|企业)|(?:会员|成员)总数")
_LISTED_AMONG = re.compile(r"(?:位列其中|名列其中|均?在其列|在列|均为(?:联盟|协会|该联盟)?(?:会员|成员)(?:单位|企业)?)[。;；]?$")
_ABSORBED = re.compile(r"(?:吸纳|接纳|吸收)(?P<o>[^,，。;；]{2,60})")
_BECAME = re.compile(r"成为$")
_AS_MEMBER = re.compile(r"(?:的)?(?:会员|成员)(?:单位|企业)?")
_BY_AFTER_TITLE = re.compile(r"^[》”]?(?:由|经)")
# a signature's date line: 2025年12月5日
_DATE_LINE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")
# a role given in brackets after a platform's name: X(运营单位:Y;服务集群:Z) → X operatedBy Y
_BRACKET_ROLE = re.compile(r"(?:^|[(;])(?:建设)?(?:运营单位|运营主体|运营方|运营机构|依托单位)[:](?P<o>[^;()]{2,60})")
# the line under a recognised cluster that names the body promoting it (促进机构：X)
_PROMOTER = re.compile(r"^(?:集群)?(?:促进机构|促进组织|发展促进机构|服务机构|运营机构)[:：]")


class FactExtractor:
    def __init__(self, text: str, surface: str, resolver: Resolver, report_date: date | None):
        self.text, self.surface, self.r, self.report_date = text, surface, resolver, report_date
        self.facts = Facts()
        self.challenge_lists: list[Entity] = []

    # ---- helpers
    def rel(self, s: Entity, p: str, o: Entity, sent: Sent, rule: str, ss: str | None = None,
            os_: str | None = None) -> None:
        if s.iri == o.iri:
            return
        for r in self.facts.relations:
            if r.subject.iri == s.iri and r.predicate == p and r.object.iri == o.iri and r.sentence == sent.index:
                return
        self.facts.relations.append(Relation(s, p, o, sent.index, rule, ss, os_))

    def defined_here(self, m: Mention) -> bool:
        """Whether ``m`` is the short name a bracket defines for the name before it (以下简称“x”)."""
        return _DEFINING.search(self.text, max(0, m.start - 8), m.start) is not None

    def surf(self, m: Mention) -> str:
        return self.surface[m.start:m.end]

    def home(self) -> Entity | None:
        return self.r.city_entity()

    # ---- the rules
    def run(self, sents: list[Sent]) -> Facts:
        self.sents = sents
        for sent in sents:
            if sent.skip_facts:
                continue
            if not sent.items:
                self.figures(sent)  # every other rule links what the sentence names
                continue
            # each rule runs only where what it links occurs (the rules check again, in detail)
            kinds = {m.kind for m, _ in sent.items}
            orgs = [e.category for m, e in sent.items if m.kind == "org"]
            firm = "Firm" in orgs
            if "document" in kinds:
                self.documents(sent)
            if "event" in kinds:
                self.events(sent)
            elif self.facts.events:
                self.event_organizers(sent)
            if "programme" in kinds or "cluster" in kinds and "designation" in kinds:
                self.part_of(sent)
            self.supported_by(sent)
            if orgs and _PROMOTER.match(sent.span.text):
                self.promoter(sent)
            if orgs and "单位" in sent.span.text:
                self.council_members(sent)
            if len(orgs) >= 2 or orgs and "联盟" in sent.span.text:
                self.collaboration(sent)
            if orgs:
                self.challenge(sent)
            if "designation" in kinds or "document" in kinds:
                self.selected(sent)
            if firm:
                self.lead_firm(sent)
            if not _FOUNDED_SET.isdisjoint(orgs) or "基金" in sent.span.text or "产业学院" in sent.span.text:
                self.alliance(sent)
            if orgs and ("加入" in sent.span.text or "加盟" in sent.span.text) and "联盟" in sent.span.text:
                self.joined_alliance(sent)
            if orgs:
                self.founders_next(sent)
            if orgs and len(sent.items) >= 2:
                self.operated_located(sent)
                if "运营" in sent.span.text or "营运" in sent.span.text or "依托单位" in sent.span.text:
                    self.bracket_roles(sent)
                if "运" in sent.span.text or "管理人" in sent.span.text:
                    self.operator_named(sent)
            if orgs:
                self.located_before(sent)
            if firm:
                self.subsidiary(sent)
                if "子" in sent.span.text:
                    self.its_subsidiary(sent)
            if orgs and _THIS_FIRM_OPENS.match(sent.span.text):
                self.this_firm_settles(sent)
            self.owned_lists(sent)
            self.figures(sent)
        self.notice_issuer(sents)
        return self.facts

    def notice_issuer(self, sents: list[Sent]) -> None:
        """A notice whose title is a line of the page (关于…的公示) is issued by the body that
        signs it: an organisation alone on a line among the last five, before a date or at the end."""
        notices = [e for s in sents for m, e in s.items if m.rule == "document:notice"]
        if not notices:
            return
        for s in reversed(sents[-5:]):
            orgs = [(m, e) for m, e in s.items if m.kind == "org"]
            if len(orgs) == 1 and (orgs[0][0].start, orgs[0][0].end) == (s.span.start, s.span.end) and \
                    (s.index == len(sents) - 1 or _DATE_LINE.fullmatch(sents[s.index + 1].span.text)):
                om, oe = orgs[0]
                for doc in notices:
                    self.rel(doc, "issuedBy", oe, s, "issued-by:signature", os_=self.surf(om))
                return

    def documents(self, sent: Sent) -> None:
        """ORG 发布/印发/制定《DOC》 and 《DOC》由ORG印发 → DOC issuedBy ORG; a dated release is an event."""
        for m, doc in sent.in_range(sent.span.start, sent.span.end, "document"):
            if doc.category == "ChallengeList" and doc not in self.challenge_lists:
                self.challenge_lists.append(doc)
            clause = next(c for c in split_clauses(sent.span) if c.start <= m.start < c.end)
            before = self.text[clause.start:m.start]
            orgs = [(om, oe) for om, oe in sent.in_range(clause.start, m.start, "org") if not self.defined_here(om)]
            if orgs and re.search(_PUBLISH + r"(?:了)?[^,，。;；]{0,10}[《“]?$", before):
                om = orgs[-1][0]
                if re.search(_PUBLISH, self.text[om.end:m.start]):
                    issuers = self.joint(sent, orgs)
                    for jm, je in issuers:
                        self.rel(doc, "issuedBy", je, sent, "issued-by", os_=self.surf(jm))
                    self.release_event(sent, clause, doc, [je for _, je in issuers])
                    continue
            after = self.text[m.end:min(clause.end, m.end + 30)]
            if mm := _BY_AFTER_TITLE.match(after):
                pm = re.search(_PUBLISH, self.text[m.end + mm.end():clause.end])
                if pm:
                    for om, oe in sent.in_range(m.end + mm.end(), m.end + mm.end() + pm.start(), "org"):
                        self.rel(doc, "issuedBy", oe, sent, "issued-by:passive", os_=self.surf(om))

    def joint(self, sent: Sent, orgs: list[tuple[Mention, Entity]]) -> list[tuple[Mention, Entity]]:
        """The last organisation of ``orgs`` and those joined to it by 、/和/与/会同/联合."""
        out = [orgs[-1]]
        for prev in reversed(orgs[:-1]):
            gap = _ALIAS_ASIDE.sub("", self.text[prev[0].end:out[0][0].start])  # A(以下简称“甲”)、B
            if not re.fullmatch(r"(?:、|和|与|及|以及|会同|联合|携手|,|，)", gap):
                break
            out.insert(0, prev)
        return out

    def release_event(self, sent: Sent, clause: Span, doc: Entity, issuers: list[Entity]) -> None:
        """A date that opens the sentence and governs the publishing clause dates a release."""
        clauses = split_clauses(sent.span)
        at = clauses.index(clause)
        # the date opens the publishing clause, or stands alone in the clause before it
        dates = [(c, d) for c in clauses[max(0, at - 1):at + 1] for d in find_dates(c.text, self.report_date)
                 if d[0] == 0 and (c is clause or d[1] >= len(c.text) - 1)]
        if not dates or sent.in_range(clause.start, clause.end, "event"):
            return
        name = doc.label.strip("《》“”") + "发布"
        ev = self.r._entity(doc.iri.replace("/document/", "/event/") + "-release", "event", "Event", name)
        info = EventInfo(ev, sent.index, dates[0][1][2], organizers=list(issuers))
        self.facts.events.append(info)

    def event_organizers(self, sent: Sent) -> None:
        """'大会由A、B共同主办' right after an event's sentence: A and B organised that event."""
        if sent.in_range(sent.span.start, sent.span.end, "event") or not self.facts.events:
            return
        mm = _MEETING_BY.match(sent.span.text)
        if not mm:
            return
        info = self.facts.events[-1]
        if info.entity.iri.endswith("-release"):
            return  # 大会由…主办 does not speak of a list's release
        if mm["w"] not in ("会", "活动", "会议") and mm["w"] not in info.entity.label:
            return  # 推进会由…: another meeting than the 大会 just named
        if info.sentence < sent.index - 2:
            # further back, only the one meeting of its kind the report has named (大会由…: the 大会)
            same = {e.entity.iri for e in self.facts.events if mm["w"] in e.entity.label}
            if mm["w"] in ("会", "活动", "会议") or same != {info.entity.iri}:
                return
        for om, oe in self.hosts(sent):
            if oe not in info.organizers:
                info.organizers.append(oe)
                self.rel(info.entity, "organizedBy", oe, sent, "organized-by:next", os_=self.surf(om))

    def hosts(self, sent: Sent) -> list[tuple[Mention, Entity]]:
        """由A、B(联合|共同)主办 and A主办、B承办: the bodies before each verb of hosting."""
        organizers: list[tuple[Mention, Entity]] = []
        for hm in _HOSTED_BY.finditer(sent.span.text):
            g = "o" if hm.group("o") else "o2"  # 由A、B主办; 主办方为A、B
            organizers += [(m, e) for m, e in sent.in_range(sent.span.start + hm.start(g), sent.span.start + hm.end(g), "org")
                           if not self.defined_here(m)]
        for hm in _HOST_VERB.finditer(sent.span.text):
            # A主办、B承办: the organisation right before each verb, and those joined to it
            before = [(m, e) for m, e in sent.in_range(sent.span.start, sent.span.start + hm.start(), "org")
                      if not self.defined_here(m)]
            if before and not _ALIAS_ASIDE.sub("", self.text[before[-1][0].end:sent.span.start + hm.start()]):
                organizers += [o for o in self.joint(sent, before) if o not in organizers]
        return organizers

    def events(self, sent: Sent) -> None:
        """EVENT 在 PLACE 举行: date from the sentence's opening date, venue, organisers
        (由A主办、B承办 / A召开EVENT / A主办的EVENT)."""
        for m, ev in sent.in_range(sent.span.start, sent.span.end, "event"):
            info = EventInfo(ev, sent.index)
            dates = [d for d in find_dates(sent.span.text, self.report_date) if sent.span.start + d[0] < m.start]
            if dates:
                info.date = dates[-1][2]
            after = self.text[m.end:sent.span.end]
            if vm := _HELD_AT.search(after):
                self.venue(info, sent, m.end + vm.start("v"), m.end + vm.end("v"))
            organizers = self.hosts(sent)
            clause = next(c for c in split_clauses(sent.span) if c.start <= m.start < c.end)
            if hm := _CONVENED_AT.search(self.text[clause.start:m.start]):
                # A在VENUE召开EVENT: A organised it, at the venue
                if conveners := sent.in_range(clause.start, clause.start + hm.start(), "org"):
                    organizers += self.joint(sent, conveners)  # 市委、市政府召开…: both
                if hm.group("v") and info.venue is None:
                    self.venue(info, sent, clause.start + hm.start("v"), clause.start + hm.end("v"))
            for om, oe in organizers:
                if oe not in info.organizers:
                    info.organizers.append(oe)
                    self.rel(ev, "organizedBy", oe, sent, "organized-by", os_=self.surf(om))
            info.about = [ce for cm, ce in sent.in_range(m.start, m.end, "cluster")]
            self.facts.events.append(info)
            if info.venue is not None:
                self.rel(ev, "heldIn", info.venue, sent, "held-in", os_=info.venue_surface)

    def venue(self, info: EventInfo, sent: Sent, vs: int, ve: int) -> None:
        """The place an event is held in, from the words after 在: 我市, a recognised place or
        organisation that ends there, or a name ending in a venue word."""
        inner = sent.in_range(vs, ve, "place", "org")
        if _HOME.fullmatch(self.text[vs:ve]) and self.home() is not None:
            info.venue, info.venue_surface = self.home(), self.surface[vs:ve]
        elif inner and inner[-1][0].end == ve:
            info.venue, info.venue_surface = inner[-1][1], self.surf(inner[-1][0])
        elif re.search(r"(?:市|区|县|镇|中心|园区|园|基地|大厦|酒店|宾馆|会堂|广场|馆)$", self.text[vs:ve]):
            info.venue = self.r.venue(self.text[vs:ve], Mention(vs, ve, "place", "Venue", "venue", self.text[vs:ve]),
                                      self.surface[vs:ve])
            info.venue_surface = self.surface[vs:ve]

    def part_of(self, sent: Sent) -> None:
        """(把)X列入Y → X partOf Y; a sentence placing its one cluster in a system
        (作为“343”创新产业集群中的…之一, 在“465”现代产业体系中) → partOf; a cluster that is one of
        the national advanced-manufacturing clusters → selectedInto."""
        clusters: dict[str, tuple[Mention, Entity]] = {}
        for m, e in sent.in_range(sent.span.start, sent.span.end, "cluster"):
            clusters.setdefault(e.iri, (m, e))  # the first name the sentence gives it
        systems = [(m, e) for m, e in sent.in_range(sent.span.start, sent.span.end, "programme", "designation")
                   if m.rule in ("programme:system", "designation:national")]
        if len(clusters) == 1 and systems and _IN_SYSTEM.search(sent.span.text):
            cm, ce = next(iter(clusters.values()))
            for pm, pe in systems:
                if pm.start <= cm.start < pm.end:
                    continue
                pred = "selectedInto" if pm.kind == "designation" else "partOf"
                self.rel(ce, pred, pe, sent, "in-system", ss=self.surf(cm), os_=self.surf(pm))
        for m, prog in sent.in_range(sent.span.start, sent.span.end, "programme"):
            clause_start = max((c.start for c in split_clauses(sent.span) if c.start <= m.start), default=sent.span.start)
            before = self.text[clause_start:m.start]
            bm = _LISTED_IN.search(before)
            if not bm:
                continue
            xs, xe = clause_start + bm.start("x"), clause_start + bm.end("x")
            subj = sent.in_range(xs, xe, "cluster", "org")
            if subj:
                sm, se = subj[-1]
                self.rel(se, "partOf", prog, sent, "listed-in", ss=self.surface[xs:xe] if sm.kind == "cluster" else self.surf(sm),
                         os_=self.surf(m))

    def supported_by(self, sent: Sent) -> None:
        """X获省…专项支持 → X supportedBy 省政府; 省委、省政府高度重视X产业 → X supportedBy each."""
        if not _SUPPORT.search(sent.span.text):
            return
        for c in split_clauses(sent.span):
            ct = self.text[c.start:c.end]
            if mm := _FUNDED.search(ct):
                subj = sent.in_range(c.start, c.start + mm.start(), "org", "cluster")
                if subj:
                    lvl = mm.group("lvl")
                    gov_name = {"省": "省政府", "市": "市政府"}.get(lvl)
                    if gov_name:
                        g = self.r.government(Mention(c.start + mm.start("lvl"), c.start + mm.end("lvl"), "org",
                                                      "GovernmentBody", "support", gov_name))
                        g.add(Mention(c.start + mm.start("lvl"), c.start + mm.end("lvl"), "org", "GovernmentBody",
                                      "support", lvl), self.surface[c.start + mm.start("lvl"):c.start + mm.end("lvl")])
                        self.rel(subj[-1][1], "supportedBy", g, sent, "funded-by", ss=self.surf(subj[-1][0]), os_=lvl)
            if mm := _BACKED.search(ct):
                backers = sent.in_range(c.start, c.start + mm.start(), "org")
                targets = sent.in_range(c.start + mm.end(), c.end, "cluster", "org")
                for bm_, be in backers:
                    for tm, te in targets[:1]:
                        self.rel(te, "supportedBy", be, sent, "backed-by", ss=self.surf(tm), os_=self.surf(bm_))

    def promoter(self, sent: Sent) -> None:
        """N. X产业集群 / 促进机构：Y (a notice of recognised clusters) → X supportedBy Y: the
        cluster of the nearest item heading above (within three lines) that names one cluster."""
        orgs = sent.in_range(sent.span.start, sent.span.end, "org")
        for prev in reversed(self.sents[max(0, sent.index - 3):sent.index]):
            clusters = {e.iri: (m, e) for m, e in prev.items if m.kind == "cluster"}
            if not clusters:
                continue
            if len(clusters) == 1:
                cm, ce = next(iter(clusters.values()))
                for om, oe in orgs[:1]:
                    self.rel(ce, "supportedBy", oe, sent, "promoted-by", ss=self.surf(cm), os_=self.surf(om))
            return

    def council_members(self, sent: Sent) -> None:
        """A当选理事长单位, B、C等3家单位为副理事长单位, D为秘书长单位 → each memberOf the alliance
        named last in this sentence or the three before it (its founding, its first council)."""
        matches = list(_COUNCIL_SEAT.finditer(sent.span.text))
        if not matches:
            return
        seats = [sent.span.start + m.start() for m in matches]
        alliance = self.recent_alliance(sent, sent.span.start + matches[0].end())
        if alliance is None:
            return
        for c in split_clauses(sent.span):
            seat = next((k for k in seats if c.start <= k < c.end), None)
            if seat is None:
                continue
            for om, oe in sent.in_range(c.start, seat, "org"):
                if oe.iri != alliance.iri and oe.category != "GovernmentBody":
                    self.rel(oe, "memberOf", alliance, sent, "member-of:council", ss=self.surf(om))

    def collaboration(self, sent: Sent) -> None:
        """X(…)与A、B签署…协议 / 开展合作 / 联合开展… → X collaboratesWith A, B (X: the
        organisation nearest before 与 in its clause, else the sentence's first)."""
        for mm in self.agreements(sent):
            os_, oe_ = sent.span.start + mm.start("objs"), sent.span.start + mm.end("objs")
            partners = [(pe, self.surf(pm)) for pm, pe in sent.in_range(os_, oe_, "org")]
            at = sent.span.start + mm.start()
            if not partners and self.text[os_:oe_] in _BARE_ALLIANCE:
                # A与联盟签署…协议: the alliance named last (this sentence or the three before)
                alliance = self.recent_alliance(sent, at)
                partners = [(alliance, self.text[os_:oe_])] if alliance else []
            clause = next(c for c in split_clauses(sent.span) if c.start <= at < c.end)
            subj = sent.in_range(clause.start, at, "org")[-1:] or sent.in_range(sent.span.start, at, "org")[:1]
            if not partners or not subj:
                continue
            sm, se = subj[0]
            if re.search(r"(?:联合|共同|携手)?(?:组建|成立|发起)", self.text[oe_:clause.end]):
                continue  # founders of something, not a bilateral agreement
            for pe, surface in partners:
                self.rel(se, "collaboratesWith", pe, sent, "agreement", ss=self.surf(sm), os_=surface)

    def agreements(self, sent: Sent) -> Iterator[re.Match[str]]:
        """The matches of _AGREEMENT whose 与/同/和 is not a character of a name (晋商银行大|同|分行)."""
        text, pos = sent.span.text, 0
        while mm := _AGREEMENT.search(text, pos):
            at = sent.span.start + mm.start()
            if any(m.start <= at < m.end for m, _ in sent.items):
                pos = mm.start() + 1
                continue
            yield mm
            pos = mm.end()

    def challenge(self, sent: Sent) -> None:
        """A、B等N家单位参与揭榜 → each participatesIn the latest challenge list (or the
        challenge programme the clause names)."""
        if "榜" not in sent.span.text and "竞得" not in sent.span.text and "认领" not in sent.span.text:
            return  # every verb of taking up a challenge has one of them
        # the verbs, not the 揭榜 inside a list's title (…揭榜挂帅项目榜单); each clause's own
        # solvers (A揭榜其中2项,B揭榜1项)
        titled = [(m.start, m.end) for m, _ in sent.items if m.kind in ("document", "designation")]
        verbs = [sent.span.start + v.start() for v in _CHALLENGE.finditer(sent.span.text)
                 if not any(a <= sent.span.start + v.start() < b for a, b in titled)]
        if not verbs:
            return
        named = [(m, e) for m, e in sent.items if m.rule == "programme:challenge"]
        if not named and not self.challenge_lists:
            return
        target = named[0][1] if named else self.challenge_lists[-1]
        clauses = split_clauses(sent.span)
        for end in ([named[0][0].start] if named else verbs):
            clause_start = max((c.start for c in clauses if c.start <= end), default=sent.span.start)
            for om, oe in sent.in_range(clause_start, end, "org"):
                self.rel(oe, "participatesIn", target, sent, "challenge", ss=self.surf(om))

    def selected(self, sent: Sent) -> None:
        """A、B…入选/获批 DESIGNATION → each selectedInto it; "…发布《名单》,A、B等入选" → the list."""
        for dm, de in sent.in_range(sent.span.start, sent.span.end, "designation"):
            if dm.rule == "designation:published":  # 工信部公布…名单: the body before the verb issued it
                clause = next(c for c in split_clauses(sent.span) if c.start <= dm.start < c.end)
                orgs = sent.in_range(clause.start, dm.start, "org")
                if orgs and _PUBLISHED_BY.fullmatch(self.text, orgs[-1][0].end, dm.start):
                    for om, oe in self.joint(sent, orgs):
                        self.rel(de, "issuedBy", oe, sent, "issued-by:list", os_=self.surf(om))
        for vm in _SELECT_VERB.finditer(sent.span.text):
            vs, ve = sent.span.start + vm.start(), sent.span.start + vm.end()
            after = [(m, d) for m, d in sent.in_range(ve, sent.span.end, "designation", "document")
                     if m.start - ve <= 8 and not re.search(r"[,，。;；]", self.text[ve:m.start])
                     or re.fullmatch(r"[^,，。;；]{0,20}(?:公布|发布|认定|评选|确定)的[“「]?", self.text[ve:m.start])]
            if not after:
                continue
            m, d = after[0]
            for im, ie in sent.in_range(ve, m.start, "org"):
                if re.match(r"^(?:公布|发布|认定|评选|确定)的", self.text[im.end:m.start]):
                    self.rel(d, "issuedBy", ie, sent, "issued-by:list", os_=self.surf(im))  # 入选X公布的…名单
            clauses = [c for c in split_clauses(sent.span) if c.start <= vs]
            clause_start = clauses[-1].start if clauses else sent.span.start
            chosen = self.heads_of(sent.in_range(clause_start, vs, "org", "cluster"))
            if not chosen and len(clauses) > 1 and _WHEN_ONLY.fullmatch(self.text, clause_start, vs):
                # 位于…的A,今年入选D: the clause says only when; A, named in the clause before, was selected
                chosen = self.heads_of(sent.in_range(clauses[-2].start, clauses[-2].end, "org", "cluster"))[-1:]
                if not chosen:  # A作为…,1—5月销量增长12.8%,去年入选D: the sentence's subject
                    chosen = [(m, e) for m, e in sent.items[:1] if m.start == sent.span.start and m.kind == "org"]
            for om, oe in chosen:
                self.rel(oe, "selectedInto", d, sent, "selected", ss=self.surf(om), os_=self.surf(m))
                self.lead_by_list(oe, om, d, m, sent)
        for dm, de in sent.in_range(sent.span.start, sent.span.end, "designation"):
            if dm.rule == "designation:named-as":  # 确定A、B等15家企业为D
                verb = re.search(r"(?:确定|认定|评定|命名)", self.text[sent.span.start:dm.start])
                lo = sent.span.start + verb.end() if verb else sent.span.start
                for om, oe in sent.in_range(lo, dm.start, "org", "cluster"):
                    self.rel(oe, "selectedInto", de, sent, "selected:named-as", ss=self.surf(om), os_=self.surf(dm))
                    self.lead_by_list(oe, om, de, dm, sent)
        if not _LISTED.search(sent.span.text):
            return
        for mm in _SELECTED_END.finditer(sent.span.text):
            end = sent.span.start + mm.start()
            lists = [(dm, de) for dm, de in sent.in_range(sent.span.start, end, "document", "designation")
                     if _LIST_WORD.search(de.label)]
            if not lists:
                continue
            lm, le = lists[-1]
            clause_start = max((c.start for c in split_clauses(sent.span) if c.start <= end), default=sent.span.start)
            # up to the verb: the last name may end in the words before it (…产业集群榜上有名)
            for om, oe in sent.in_range(max(clause_start, lm.end), sent.span.start + mm.start("verb"), "org", "cluster"):
                if oe.kind == "cluster" and self.text.startswith(("企业", "单位"), om.end):
                    continue  # 5家安全应急企业入库: the firms' industry, not what was selected
                self.rel(oe, "selectedInto", le, sent, "selected:list", ss=self.surf(om), os_=self.surf(lm))
                self.lead_by_list(oe, om, le, lm, sent)

    def heads_of(self, items: list[tuple[Mention, Entity]]) -> list[tuple[Mention, Entity]]:
        """The names a phrase is about, without those that only qualify a later one (位于X的Y,
        X旗下的Y: X) or that a bracket defines as the short name of the one before."""
        out = []
        for i, (m, e) in enumerate(items):
            if self.defined_here(m):
                continue
            end = aside.end() if (aside := _ALIAS_ASIDE.match(self.text, m.end)) else m.end
            if _QUALIFIES.match(self.text, end) and any(later.start > end for later, _ in items[i + 1:]):
                continue
            out.append((m, e))
        return out

    def lead_by_list(self, firm: Entity, fm: Mention, lst: Entity, lm: Mention, sent: Sent) -> None:
        """A firm selected into a cluster's list of lead firms (首批12家生物医药“链主”企业名单) is a
        lead firm of that cluster, when the list names it."""
        if firm.category != "Firm" or not _LEAD_LIST.search(lst.label):
            return
        named = [e for e in self.r.entities.values() if e.kind == "cluster" and e.mentions and e.label in lst.label]
        if len(named) == 1:
            self.rel(firm, "leadFirmOf", named[0], sent, "lead-firm:list", ss=self.surf(fm), os_=self.surf(lm))

    def listed_line(self, sent: Sent) -> bool:
        """A line of a list of lead firms by cluster — "1.工程机械集群:A、B、C" under a heading or
        a text that speaks of 链主/龙头 firms — makes each firm a lead firm of that cluster."""
        lm = _LIST_LINE.match(sent.span.text)
        if not lm:
            return False
        clusters = sent.in_range(sent.span.start + lm.start("c"), sent.span.start + lm.end("c"), "cluster")
        firms = [(fm, fe) for fm, fe in sent.in_range(sent.span.start + lm.end(), sent.span.end, "org")
                 if fe.category == "Firm"]
        context = " ".join(s.span.text for s in self.sents[max(0, sent.index - 12):sent.index])
        if not firms or not _LEAD_WORD.search(context):
            return False
        if not clusters and (cw := re.fullmatch(r"(?P<x>[\u4e00-\u9fffA-Za-z]{2,12}?)(?:产业集群|集群|产业链)", lm.group("c"))):
            # a cluster the line names that no other rule found (1.高端装备集群:…)
            cs = sent.span.start + lm.start("c")
            cmention = Mention(cs, cs + len(cw.group(0)), "cluster", "IndustrialCluster", "cluster:list-line", cw.group(0))
            clusters = [(cmention, self.r.resolve(cmention, self.surface[cmention.start:cmention.end]))]
        if len(clusters) != 1:
            return False
        cm, ce = clusters[0]
        for fm, fe in firms:
            self.rel(fe, "leadFirmOf", ce, sent, "lead-firm:list-line", ss=self.surf(fm), os_=self.surf(cm))
        return True

    def main_cluster(self, sents: list[Sent]) -> tuple[Mention, Entity] | None:
        """The cluster a report is about so far: named at least twice, and twice as often as any
        other."""
        counts: dict[str, list] = {}
        for s in sents:
            for m, e in s.items:
                if m.kind == "cluster":
                    counts.setdefault(e.iri, []).append((m, e))
        ranked = sorted(counts.values(), key=len, reverse=True)
        if ranked and len(ranked[0]) >= 2 and (len(ranked) == 1 or len(ranked[0]) >= 2 * len(ranked[1])):
            return ranked[0][0]
        return None

    def focus_cluster(self, sent: Sent, sents_before: list[Sent]) -> tuple[Mention, Entity] | None:
        """The one cluster a sentence is about: the only one it names, else the only one the two
        sentences before it name."""
        for scope in ([sent], sents_before[-2:]):
            found = {e.iri: (m, e) for s in scope for m, e in s.items if m.kind == "cluster"}
            if len(found) == 1:
                return next(iter(found.values()))
            if found:
                return None
        return None

    def lead_firm(self, sent: Sent) -> None:
        """Firms a sentence calls 龙头/领军/链主, of the cluster it (or its context) is about;
        "X作为C产业集群的链主企业" names the cluster itself."""
        if self.listed_line(sent):
            return
        # 龙头企业 inside a list's or a title's name (国家重点龙头企业名单) calls nobody a lead firm
        # (被列为集群链主企业, a role and no list, does call them lead firms)
        named = [(m.start, m.end) for m, e in sent.items if m.kind in ("designation", "document")
                 and not _ROLE_ONLY.fullmatch(e.label)]
        keys = [sent.span.start + k.start() for k in _LEAD_WORD.finditer(sent.span.text)]
        keys = [k for k in keys if not any(a <= k < b for a, b in named)]
        if not keys:
            return
        if rm := _RESPECTIVELY_LEAD.search(sent.span.text):
            lo = sent.span.start + rm.start()
            firms = [(fm, fe) for fm, fe in sent.in_range(sent.span.start, lo, "org")
                     if fe.category == "Firm" and not self.defined_here(fm)]
            cls = sent.in_range(lo, sent.span.start + rm.end(), "cluster")
            if len(firms) == len(cls) >= 2:
                for (fm, fe), (cm, ce) in zip(firms, cls, strict=True):
                    self.rel(fe, "leadFirmOf", ce, sent, "lead-firm:respectively", ss=self.surf(fm), os_=self.surf(cm))
                return
        for c in split_clauses(sent.span):
            ct = self.text[c.start:c.end]
            if am := _LEAD_AS.search(ct):
                cl = sent.in_range(c.start + am.start("c"), c.start + am.end() , "cluster")
                firms = [(fm, fe) for fm, fe in sent.in_range(sent.span.start, sent.span.end, "org")
                         if fe.category == "Firm" and (fm.end <= c.start + am.start() or fm.start >= c.end)]
                if cl and firms:
                    fm, fe = firms[0]
                    self.rel(fe, "leadFirmOf", cl[0][1], sent, "lead-firm:as", ss=self.surf(fm), os_=self.surf(cl[0][0]))
                    return
        generic = _CLUSTER_LEAD.search(sent.span.text)
        focus = None
        focus_generic = bool(generic) and not sent.in_range(sent.span.start, sent.span.end, "cluster")
        if focus_generic:
            focus = self.main_cluster(self.sents[:sent.index + 1])  # 作为集群“链主”企业: the report's cluster
        if focus is None:
            focus = self.focus_cluster(sent, self.sents[:sent.index])
        if focus is None:
            return
        cm, ce = focus
        clauses = split_clauses(sent.span)
        for i, c in enumerate(clauses):
            if not any(c.start <= k < c.end for k in keys):
                continue
            firms = [(fm, fe) for fm, fe in sent.in_range(c.start, c.end, "org") if fe.category == "Firm"]
            if not firms and i + 1 < len(clauses) and re.match(r"^作为", self.text[c.start:c.end]):
                # 作为集群“链主”企业,X…: the subject of the next clause
                firms = [(fm, fe) for fm, fe in sent.in_range(clauses[i + 1].start, clauses[i + 1].end, "org")
                         if fe.category == "Firm"][:1]
            # the cluster as this sentence names it (by name, or as 集群 in 作为集群另一家链主企业),
            # else by its name (it is named elsewhere)
            if sent.span.start <= cm.start < sent.span.end:
                os_ = self.surf(cm)
            elif generic and focus_generic:
                os_ = self.surface[sent.span.start + generic.start("c"):sent.span.start + generic.end("c")]
            else:
                os_ = ce.label
            for fm, fe in firms:
                self.rel(fe, "leadFirmOf", ce, sent, "lead-firm", ss=self.surf(fm), os_=os_)

    def alliance(self, sent: Sent) -> None:
        """Who founded an alliance, platform or lab: "A、B共同发起成立X", "A与B联合组建的X",
        "由A、B发起的X", "A作为…,联合B、C组建X"; "X吸纳A、B" and "A加入X" → memberOf."""
        clauses = split_clauses(sent.span)
        for m, al in sent.in_range(sent.span.start, sent.span.end, "org"):
            if al.category not in _FOUNDED and not al.label.endswith(_FOUNDED_ENDS):
                continue
            ci = next(i for i, c in enumerate(clauses) if c.start <= m.start < c.end)
            clause = clauses[ci]
            before = self.text[clause.start:m.start]
            vm = _FOUNDING_VERB.search(before)
            if vm and _RELYING_ON.search(before[:vm.start()]):
                vm = None  # 依托X建设的Y: X runs Y (operatedBy), it did not found it
            if vm:
                founders = [(om, oe) for om, oe in sent.in_range(clause.start, clause.start + vm.start(), "org")]
                if not founders and ci > 0 and (vm.start() == 0 or _BOTH_PARTIES.fullmatch(before, 0, vm.start())):
                    # …,组建X / A与B签署…协议,双方共建X: the parties of the clause before
                    founders = sent.in_range(clauses[ci - 1].start, clauses[ci - 1].end, "org")
                if pm := _BY_FOUNDERS.search(self.text[clause.start:clause.start + vm.start()]):
                    founders = sent.in_range(clause.start + pm.start("o"), clause.start + pm.end("o"), "org")
                if _LEADS_OR_JOINS.match(self.text[clause.start:m.start]) or (
                        founders and _JOINS.match(self.text[clause.start:founders[0][0].start])):
                    # 甲作为…,联合乙、丙组建X: the subject of the sentence founded it too
                    lead = [(om, oe) for om, oe in sent.in_range(sent.span.start, clause.start, "org")][:1]
                    founders = lead + founders
                # (市国资委所属X出资设立Y: X founded it, its owner did not)
                founders = [f for k, f in enumerate(founders) if not (k + 1 < len(founders) and _OWNED_ADJACENT.fullmatch(
                    self.text, f[0].end, founders[k + 1][0].start))]
                for om, oe in founders:
                    if oe.iri != al.iri:
                        self.rel(al, "foundedBy", oe, sent, "founded-by", os_=self.surf(om))
            elif (am := _FOUNDED_BY_AFTER.match(self.text[m.end:sent.span.end])):
                # 该联合体由A牵头,联合B、C共同组建: the founders follow the name
                for om, oe in sent.in_range(m.end + am.start("o"), m.end + am.end("o"), "org"):
                    if oe.iri != al.iri:
                        self.rel(al, "foundedBy", oe, sent, "founded-by:after", os_=self.surf(om))
            elif _JOINED.search(before) or _BECAME.search(before) and _AS_MEMBER.match(self.text, m.end):
                # A加入X; A、B等企业成为X会员单位
                for om, oe in sent.in_range(clause.start, m.start, "org"):
                    self.rel(oe, "memberOf", al, sent, "member-of", ss=self.surf(om))
            if al.category == "Alliance":
                for c in clauses[ci + 1:ci + 3]:
                    # …成立了X联盟,A、B等48家企业首批加入: the members of the alliance just named
                    if _JOINED_AT_END.search(self.text[c.start:c.end]) or \
                            _LISTED_AMONG.search(self.text[c.start:c.end]) and \
                            _NEW_MEMBERS.search(self.text[clauses[ci].start:clauses[ci].end]):
                        # …联盟新增会员单位14家,A、B等位列其中: the new members
                        for om, oe in sent.in_range(c.start, c.end, "org"):
                            if oe.iri != al.iri:
                                self.rel(oe, "memberOf", al, sent, "member-of:joined", ss=self.surf(om))
                for c in clauses[ci:ci + 2]:
                    if km := _ABSORBED.search(self.text[c.start:c.end]):
                        for om, oe in sent.in_range(c.start + km.start("o"), c.start + km.end("o"), "org"):
                            self.rel(oe, "memberOf", al, sent, "member-of:absorbed", ss=self.surf(om))

    def firm_before(self, sent: Sent) -> list[tuple[Mention, Entity]]:
        """The firm named last in the three sentences before ``sent`` (a list of one, or empty):
        the firm 该公司, 这家企业 or 公司 at its start stands for."""
        for s in reversed(self.sents[max(0, sent.index - 3):sent.index]):
            for m, e in reversed(s.items):
                if e.kind == "org" and e.category == "Firm":
                    return [(m, e)]
        return []

    def recent_alliance(self, sent: Sent, before: int) -> Entity | None:
        """The alliance named last before ``before`` in this sentence, else in the three before it."""
        for s in [sent, *reversed(self.sents[max(0, sent.index - 3):sent.index])]:
            found = [e for m, e in s.items if m.kind == "org" and e.category == "Alliance" and m.start < before]
            if found:
                return found[-1]
        return None

    def joined_alliance(self, sent: Sent) -> None:
        """A、B加入联盟 / 新加入的成员包括A、B (the alliance not named again): members of the
        alliance named last in this sentence or the three before it."""
        for c in split_clauses(sent.span):
            if jm := _JOINED_BARE.search(self.text, c.start, c.end):
                lo, hi = c.start, jm.start()
            elif jm := _MEMBERS_JOINED.search(self.text, c.start, c.end):
                lo, hi = jm.end(), c.end
            else:
                continue
            alliance = self.recent_alliance(sent, c.start)
            if alliance is None:
                continue
            for om, oe in sent.in_range(lo, hi, "org"):
                if oe.iri != alliance.iri and oe.category != "GovernmentBody":
                    self.rel(oe, "memberOf", alliance, sent, "member-of:joined", ss=self.surf(om))

    def founders_next(self, sent: Sent) -> None:
        """A sentence that opens with 由A牵头,联合B、C共同组建 names the founders of the one
        platform, lab or alliance the sentence before it names (——X。由A…组建)."""
        if "由" not in sent.span.text:
            return  # every form names the founders after 由
        for k, c in enumerate(split_clauses(sent.span)):
            fm = _FOUNDERS_NEXT.match(self.text, c.start, sent.span.end)
            if not fm or k and not fm.group("this"):
                continue
            if k:  # …X建成投用,该基地由A与B共建: X, named before in the sentence
                before = sent.in_range(sent.span.start, c.start, "org")
            elif sent.index:
                before = self.sents[sent.index - 1].items
            else:
                continue
            named = {e.iri: e for _, e in before if e.kind == "org" and e.category in _FOUNDED}
            if len(named) != 1:
                continue
            al = next(iter(named.values()))
            for om, oe in sent.in_range(fm.start("o"), fm.end("o"), "org"):
                if oe.iri != al.iri:
                    self.rel(al, "foundedBy", oe, sent, "founded-by:next", os_=self.surf(om))

    def operated_located(self, sent: Sent) -> None:
        """ORG建设/运营的PLATFORM → operatedBy; ORG位于/落户 PLACE → locatedIn."""
        items = sent.in_range(sent.span.start, sent.span.end)
        for i, (m, e) in enumerate(items):
            if e.kind != "org":
                continue
            nxt = items[i + 1] if i + 1 < len(items) else None
            if nxt is None:
                continue
            between = self.text[m.end:nxt[0].start]
            if nxt[1].category in ("InnovationPlatform", "Laboratory") and e.category != nxt[1].category and \
                    _OPERATING.fullmatch(between) and \
                    not _JOINTLY_BEFORE.search(self.text[sent.span.start:m.start]):
                self.rel(nxt[1], "operatedBy", e, sent, "operated-by", os_=self.surf(m))
            if e.category in ("InnovationPlatform", "Laboratory") and nxt[1].kind == "org" and \
                    (pm := _OPERATED_BY.fullmatch(between)) and \
                    _RUNS_AFTER.match(self.text, nxt[0].end, nxt[0].end + 6):
                self.rel(e, "operatedBy", nxt[1], sent, "operated-by:passive", os_=self.surf(nxt[0]))
                owner = items[i - 1] if i else None
                if pm.group("sub") and owner and owner[1].category == "Firm" and nxt[1].category == "Firm":
                    # 甲搭建的平台,由其全资子公司乙运营: 乙 is part of 甲
                    self.rel(nxt[1], "partOf", owner[1], sent, "part-of:subsidiary", ss=self.surf(nxt[0]),
                             os_=self.surf(owner[0]))
            if e.category in ("InnovationPlatform", "Laboratory", "ResearchInstitute") and nxt[1].kind == "org" and \
                    nxt[1].category != "GovernmentBody" and between == "依托" and \
                    _BUILT.match(self.text, nxt[0].end, nxt[0].end + 4):
                self.rel(e, "operatedBy", nxt[1], sent, "operated-by:relies-on", os_=self.surf(nxt[0]))  # Y依托X建设
            if nxt[1].category in ("InnovationPlatform", "Laboratory") and e.category != nxt[1].category and \
                    _RUNS.fullmatch(between):
                self.rel(nxt[1], "operatedBy", e, sent, "operated-by:runs", os_=self.surf(m))
            if e.label.endswith("基金") and nxt[1].category == "Firm" and _OPERATED_BY.fullmatch(between) and \
                    self.text.startswith("管理", nxt[0].end):
                self.rel(e, "operatedBy", nxt[1], sent, "operated-by:manages", os_=self.surf(nxt[0]))  # 基金由X管理
            if nxt[1].label.endswith("基金") and e.category == "Firm" and _MANAGES.fullmatch(between):
                self.rel(nxt[1], "operatedBy", e, sent, "operated-by:manages", os_=self.surf(m))  # X管理的基金
            if e.category == "Firm" and _PROJECT_SETTLES.fullmatch(between) and \
                    (nxt[1].kind == "place" or nxt[1].category == "IndustrialPark"):
                # A…二期项目落户X: the firm's project settles in X, and the firm with it
                self.rel(e, "locatedIn", nxt[1], sent, "located-in:project", ss=self.surf(m), os_=self.surf(nxt[0]))
            if nxt[1].kind == "org" and _PARENT_NAMED.fullmatch(between):
                self.rel(e, "partOf", nxt[1], sent, "part-of:parent", ss=self.surf(m), os_=self.surf(nxt[0]))
            if _LOCATED_VERB.fullmatch(between) and nxt[1].kind in ("place", "org") and \
                    (nxt[1].kind == "place" or nxt[1].category == "IndustrialPark"):
                self.rel(e, "locatedIn", nxt[1], sent, "located-in", ss=self.surf(m), os_=self.surf(nxt[0]))

    def operator_named(self, sent: Sent) -> None:
        """X…,运营主体为B / 以B为运营实体 / 日常运行由B负责 / 运营由B承担 → X operatedBy B, X the
        platform or lab named last before the phrase; a fund's 基金管理人为B likewise."""
        for om in _OPERATOR_NAMED.finditer(sent.span.text):
            g = next(k for k in ("a", "b", "c", "d", "e") if om.group(k))
            lo, hi = sent.span.start + om.start(g), sent.span.start + om.end(g)
            operators = [(m, e) for m, e in sent.in_range(lo, hi, "org") if e.category != "GovernmentBody"]
            before = sent.in_range(sent.span.start, sent.span.start + om.start(), "org")
            platforms = [(m, e) for m, e in before if e.category in ("InnovationPlatform", "Laboratory")] or \
                [(m, e) for m, e in before if e.category == "ResearchInstitute"]  # a platform first, else an institute
            if len(operators) == 1 and platforms:
                pe, (m, e) = platforms[-1][1], operators[0]
                self.rel(pe, "operatedBy", e, sent, "operated-by:named", os_=self.surf(m))
        for fm in _FUND_MANAGER.finditer(sent.span.text):
            lo = sent.span.start + fm.start("o")
            managers = [(m, e) for m, e in sent.in_range(lo, lo + len(fm.group("o")), "org") if e.category == "Firm"]
            funds = [e for _m, e in sent.in_range(sent.span.start, sent.span.start + fm.start(), "org")
                     if e.label.endswith("基金")]
            if managers and funds:
                self.rel(funds[-1], "operatedBy", managers[0][1], sent, "operated-by:fund-manager",
                         os_=self.surf(managers[0][0]))

    def bracket_roles(self, sent: Sent) -> None:
        """PLATFORM(运营单位:ORG;服务集群:…), as lists of platforms write it → PLATFORM operatedBy ORG."""
        for m, e in sent.in_range(sent.span.start, sent.span.end):
            if e.category not in ("InnovationPlatform", "Laboratory") or self.text[m.end:m.end + 1] != "(":
                continue
            close = self.text.find(")", m.end, sent.span.end)
            if close < 0:
                continue
            inside = self.text[m.end:close]
            for rm in _BRACKET_ROLE.finditer(inside):
                lo = m.end + rm.start("o")
                for om, oe in sent.in_range(lo, lo + len(rm.group("o")), "org")[:1]:
                    self.rel(e, "operatedBy", oe, sent, "operated-by:bracket", ss=self.surf(m), os_=self.surf(om))

    def located_before(self, sent: Sent) -> None:
        """位于/设在/总部位于 PLACE 的 ORG → ORG locatedIn PLACE; 旗下(的) ORG → partOf (a firm) or
        operatedBy (a platform) the organisation the sentence is about."""
        items = sent.in_range(sent.span.start, sent.span.end)
        for i, (m, e) in enumerate(items):
            if (e.kind == "place" or e.category == "IndustrialPark") and \
                    _LOCATED_BEFORE.search(self.text, max(sent.span.start, m.start - 6), m.start):
                # 位于X(以下简称“x”)的Y: the short name defined in brackets is X again
                end = aside.end() if (aside := _ALIAS_ASIDE.match(self.text, m.end)) else m.end
                nxt = next(((nm, ne) for nm, ne in items[i + 1:] if nm.start >= end), None)
                if nxt and nxt[1].kind == "org" and nxt[1].category != "GovernmentBody" and \
                        self.text[end:nxt[0].start] == "的":
                    self.rel(nxt[1], "locatedIn", e, sent, "located-in:before", ss=self.surf(nxt[0]),
                             os_=self.surf(m))
            window = max(sent.span.start, m.start - 14)
            if e.kind == "org" and e.category != "GovernmentBody" and (
                    um := _LOCATED_UNLISTED.search(self.text[window:m.start])) and \
                    not any(pm.end == m.start - 1 for pm, _ in items[:i]):
                # a district the reference data does not list: 位于城阳区的…
                ps = window + um.start("p")
                pm = Mention(ps, ps + len(um.group("p")), "place", "District", "place:unlisted", um.group("p"))
                place = self.r.venue(um.group("p"), pm, self.surface[pm.start:pm.end])
                self.rel(e, "locatedIn", place, sent, "located-in:before", ss=self.surf(m), os_=self.surf(pm))
            if e.kind == "org" and _OWNED.search(self.text[window:m.start]):
                owners = [(om, oe) for om, oe in items[:i] if oe.kind == "org" and (
                    oe.category == "Firm" or oe.category == "GovernmentBody" and e.category == "Firm")]
                if owners:
                    # the firm (or a zone's committee) right before 旗下/下属, else the one the
                    # sentence is about (its first)
                    adjacent = _OWNED_ADJACENT.fullmatch(self.text[owners[-1][0].end:m.start])
                    om, oe = owners[-1] if adjacent else owners[0]
                    pred = "operatedBy" if e.category in ("InnovationPlatform", "Laboratory") else "partOf"
                    self.rel(e, pred, oe, sent, "owned-by", ss=self.surf(m), os_=self.surf(om))

    def subsidiary(self, sent: Sent) -> None:
        """Y是X旗下的核心企业 / Y是X在宜宾设立的全资子公司 → Y partOf X (Y may be 公司 or 这家企业,
        the firm the report is about)."""
        sm = _SUBSIDIARY.search(sent.span.text)
        if not sm:
            return
        xs, xe = sent.span.start + sm.start("x"), sent.span.start + sm.end("x")
        parents = [(m, e) for m, e in sent.in_range(xs, xe, "org") if e.category == "Firm"]
        children = [(m, e) for m, e in sent.in_range(sent.span.start, xs, "org") if e.category == "Firm"]
        if not children and _THIS_FIRM.match(sent.span.text):
            children = self.firm_before(sent)
        if parents and children:
            (pm, pe), (cm, ce) = parents[0], children[-1]
            self.rel(ce, "partOf", pe, sent, "subsidiary", ss=self.surf(cm), os_=self.surf(pm))

    def its_subsidiary(self, sent: Sent) -> None:
        """X…,其全资子公司Y / 该公司…,其控股子公司Y / 公司全资子公司Y / X…拟由全资子公司Y实施 →
        Y partOf X: for 其 the firm named last before in this sentence, for 由 its first, else
        (the sentence speaking of 该公司, 公司 or 这家企业) the firm named last in the three
        sentences before."""
        for om in _ITS_SUBSIDIARY.finditer(sent.span.text):
            at, after = sent.span.start + om.start(), sent.span.start + om.end()
            children = [(m, e) for m, e in sent.in_range(after, sent.span.end, "org")
                        if m.start - after <= 1 and e.category == "Firm"]
            if not children:
                continue
            # 其 stands for the firm named last before it; 公司 and 该公司 for the firm the text is
            # about, never one named beside them (公司控股股东为A,公司全资子公司Y: Y is not A's)
            named = [(m, e) for m, e in sent.in_range(sent.span.start, at, "org")
                     if e.category == "Firm" and not self.defined_here(m)]
            parents = named[-1:] if om["who"] == "其" else named[:1] if not om["who"] else []
            # the words that stand for the parent: 其 (this sentence's firm, or the one 该公司 or
            # 这家…企业 opening the sentence stands for), 该公司, 公司
            back = _BACK_REFERENCE.match(sent.span.text) if om["who"] == "其" else None
            if not parents and (om["who"] in ("公司", "该公司") or back):
                parents = self.firm_before(sent)
            if parents:
                (pm, pe), (cm, ce) = parents[0], children[0]
                ps = self.surf(pm) if pm.start >= sent.span.start else back.group() if back else om["who"]
                self.rel(ce, "partOf", pe, sent, "subsidiary:its", ss=self.surf(cm), os_=ps)

    def this_firm_settles(self, sent: Sent) -> None:
        """该公司…项目落户X / 这家企业进驻X: the firm last named before the sentence is located in X."""
        opener = _THIS_FIRM_OPENS.match(sent.span.text)
        after = sent.span.start + opener.end()  # type: ignore[union-attr]  # called when it matches
        parks = [(m, e) for m, e in sent.in_range(after, sent.span.end, "org", "place")
                 if e.kind == "place" or e.category == "IndustrialPark"]
        if not parks or sent.in_range(after, parks[0][0].start, "org") or \
                not (_PROJECT_SETTLES.fullmatch(self.text, after, parks[0][0].start) or
                     _LOCATED_VERB.fullmatch(self.text, after, parks[0][0].start) or
                     _LOCATED_BEFORE.fullmatch(self.text, after, parks[0][0].start) and
                     self.text.startswith(("的企业", "的公司"), parks[0][0].end)):
            return
        for fm, fe in self.firm_before(sent):
            pm, pe = parks[0]
            self.rel(fe, "locatedIn", pe, sent, "located-in:this-firm", ss=self.surf(fm), os_=self.surf(pm))

    def owned_lists(self, sent: Sent) -> None:
        """Items of a list that follows its owner (云龙湖实验室深地装备、…4个综合科研平台) are partOf it."""
        by_start = {m.start: (m, e) for m, e in sent.items}
        for m, e in sent.items:
            if m.owner is not None and m.owner in by_start:
                om, oe = by_start[m.owner]
                self.rel(e, "partOf", oe, sent, "owned-list", ss=self.surf(m), os_=self.surf(om))

    # ---- figures
    def figures(self, sent: Sent) -> None:
        """Every figure as an observation: subject, indicator, value and unit as stated,
        qualifier, period (clause, else sentence, else none) and target flag."""
        if not _NUMERAL.search(sent.span.text):
            return  # no figure without a numeral (find_quantities reads none)
        periods_sent = find_periods(sent.span.text, self.report_date)
        # the figures of the whole sentence, at offsets in it (none crosses a clause's end)
        in_sentence = find_quantities(sent.span.text)
        base = sent.span.start
        prev_subject: tuple[Entity | None, str | None] = (None, None)
        subject: tuple[Entity | None, str | None]
        prev_indicator = ""
        for clause in split_clauses(sent.span):
            ct = self.text[clause.start:clause.end]
            quantities = [q for q in in_sentence if clause.start <= base + q.start and base + q.end <= clause.end]
            if not quantities:
                subj = [(m, e) for m, e in sent.in_range(clause.start, clause.end, "cluster", "org", "designation", "document")]
                if subj:
                    prev_subject = (subj[0][1], self.surf(subj[0][0]))
                continue
            periods = [p for p in periods_sent if sent.span.start + p.start < clause.end]
            period = periods[-1] if periods else None
            target = is_target(ct) or bool(period and period.target)
            cursor = clause.start
            for q in quantities:
                qs = base + q.start
                subj = [(m, e) for m, e in sent.in_range(cursor if cursor > clause.start else clause.start, qs,
                                                         "cluster", "org", "designation", "document")
                        if not (m.kind == "org" and e.category == "GovernmentBody" and
                                _ACTING_ON.match(self.text, m.end, m.end + 2))]
                if subj:
                    sm, se = subj[-1] if subj[-1][0].kind != "org" or len(subj) == 1 else subj[0]
                    subject = (se, self.surf(sm))
                    ind_from = sm.end
                else:
                    subject = prev_subject
                    ind_from = cursor
                indicator = self.indicator(ind_from, qs, base + q.end, clause.end, prev_indicator, q)
                if subject[0] is None:
                    home = self.home()
                    subject = (home, None)
                self.facts.observations.append(Observation(subject[0], subject[1], indicator, q, period, target,
                                                           sent.index))
                prev_subject = subject
                prev_indicator = indicator
                cursor = base + q.end

    def indicator(self, start: int, qstart: int, qend: int, clause_end: int, previous: str, q: Quantity) -> str:
        """What a figure measures: the words from its subject to the number (and the noun after
        a count), labelled by :func:`indicator_label`."""
        after, verb = "", None
        if start == qstart and start and self.text[start - 1] == ":":
            # 2024年主导产业产值:86.4亿元: the measure is the clause before the colon
            start = max(self.text.rfind(c, 0, start - 1) for c in ",。;\n") + 1
            qstart -= 1
        if qend < clause_end:
            am = _IND_NOUN.match(self.text, qend, clause_end)
            if am and not am["noun"].startswith(_CURRENCIES):  # 500亿元人民币: a unit's word, not a noun
                after = am["noun"]
                verb = am["verb"]
        return indicator_label(self.text[start:qstart], after, q, previous, verb)
