"""Word boundaries for name recognition: where does a name that ends in a known head begin?

Chinese has no spaces, so the left edge of 徐州博康信息化学品有限公司 in 推动徐州博康…有限公司 is found
by segmenting the few characters before the head with jieba and cutting after the last word
that cannot belong to a name: a verb of the genre (推动, 组建, 参与 …), a preposition,
conjunction, particle, adverb, pronoun, time word or numeral.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

# words whose part of speech (in jieba's dictionary) cannot belong to a name; generated from
# jieba's dict.txt by `python -m clusterkg.loaders.segment` because building jieba.posseg's
# tag table at start-up costs about a second
FUNCTION_WORDS_FILE = Path(__file__).with_name("function_words.txt")

# no name runs further left than this from its head (the longest in the reference data is
# about 25 characters); segmenting less text per head is most of the loader's jieba time
MAX_NAME_REACH = 32

HARD_STOPS = set(",，。、;；:：!！?？“”\"《》()（）[]【】「」『』 \n\t·—-…|/◆◇■□●○★☆▲△▼▽►◎※")
_UP_TO_LAST_STOP = re.compile("(?s).*[" + "".join(map(re.escape, sorted(HARD_STOPS))) + "]")

# verbs and fillers of the genre that precede an organisation's name
BOUNDARY_WORDS = frozenset(["的", "个", "之", "推动", "推进", "协调", "吸纳", "位于", "共建", "联合组建", "共同发起", "发起成立", "牵头组建", "担任", "依托", "落地", "入驻", "引入", "投建", "搭建", "建立", "组织", "支持", "引进", "引导", "联合", "携手", "依托", "助力", "成为", "是", "为", "有", "已有", "现有", "获", "获得", "获批", "入选", "包括", "如", "以及", "让", "使", "将", "把", "被", "会同", "牵头", "带动", "吸引", "落户", "签约", "签署", "建设", "建成", "新建", "组建", "成立", "设立", "打造", "培育", "认定", "命名", "授予", "发布", "制定", "印发", "出台", "召开", "举行", "举办", "主办", "承办", "协办", "参与", "参加", "加入", "实施", "开展", "面向", "帮助", "指导", "邀请", "对接", "走访", "调研", "考察", "聘请", "委托", "授牌", "揭牌", "入驻", "新增", "吸收", "拥有", "形成", "集聚", "聚集", "汇聚", "培养", "评选", "获评", "荣获", "位居", "跃升", "排名", "位列", "完成", "实现", "达到", "来自", "属于", "隶属", "依靠", "通过", "经过", "随着", "作为", "同", "和", "与", "及", "等", "其中", "此外", "另外", "同时", "并", "还", "也", "都", "均", "共", "共同", "分别", "先后", "相继", "陆续", "积极", "全力", "大力", "加快", "不断", "持续", "进一步", "充分", "发挥", "目前", "近日", "日前", "近期", "最近", "今年", "去年", "今年以来", "年初以来", "由", "在", "对", "向", "从", "与此同时", "联手", "牵手", "携", "推出", "宣布", "表示", "介绍", "据", "据悉", "记者", "了解", "获悉", "看到", "其", "该", "这", "这是", "那", "此", "各", "各类", "一批", "一家", "多家", "一个", "首家", "全省", "全市", "全国", "我市", "本市", "我省", "首批", "新一批", "重点", "龙头", "骨干", "领军", "链主", "头部", "企业", "龙头企业", "链主企业", "领军企业", "骨干企业", "重点企业", "包含", "涵盖", "对于", "关于", "根据", "按照", "围绕", "聚焦", "瞄准", "针对", "给", "以", "向着", "即", "也是", "就", "便", "则", "再", "又", "已", "已经", "正在", "正", "曾", "将会", "要", "拟", "准备", "计划", "力争", "争取", "确保", "推出了", "成立了", "组建了", "建设了", "了", "旗下", "设在", "总部", "总部位于", "地处", "坐落于", "延伸", "拓展", "补齐", "拉长", "做强", "做大", "壮大", "强化", "完善", "提升", "融入", "嵌入", "畅通", "锻造", "没有", "全年", "今年", "明年", "上半年", "下半年", "前三季度", "接入", "确定", "评定", "公布", "授予", "子公司", "全资子公司", "控股子公司", "进入", "走进", "来到",
                            "地点", "有关", "相关", "覆盖", "涉及", "囊括", "横跨", "负责", "设于", "部分", "载体",
                            "使用", "解决", "想", "发现", "中标", "国企", "央企", "区属", "市属", "省属", "梳理", "梳理出",
                            "列出", "选出", "评出", "扎根", "安家", "选址", "隶属于", "参股公司", "接纳",
                            "新接纳", "关注", "扫码", "系", "挂靠", "建于", "缔结", "进驻", "所属", "给予", "创建",
                            "安家落户", "人为", "深化", "加强", "优化", "健全", "巩固", "夯实", "全区", "全县", "我区", "我县",
                            "本区", "本县", "交由", "交给", "厂商", "龙头厂商", "一季度", "二季度", "三季度", "四季度", "归属于", "继续", "办好"])
# words jieba tags as adverbs or time words that do belong to names of industries and bodies
NAME_WORDS = frozenset(["新一代", "下一代", "第三代", "第四代", "一体化", "一流", "新型", "未来", "现代", "高速", "高新",
                        "互连"])  # (jieba tags 互连, a technical word, as an adverb)
# verbs that make a noun with the word before them right before a head: 产销对接中心, 技术对接平台
NOUN_VERBS = frozenset(["对接"])
STOP_POS = {"p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "d", "r", "t", "y", "e", "o", "tg", "dg", "rr", "rz"}
# jieba tags dynasties, eras and old regional names as time words too (北宋, 三秦, 南唐, 东晋); they
# begin many firm names (三秦…有限公司), so a time word stops a name only when it has a morpheme of
# time (seasons, festivals and stages included: 春, 国庆, 第二阶段)
TIME_POS = {"t", "tg"}
TIME_MORPHEME = re.compile("[年月日天时期代前后今昨明近初末底季周夜晚早晨午宵旬节岁去下来间刻番在当现古昔往先最将刚久常曾暮晓旦夕朝世纪"
                           "春夏秋冬暑寒假庆段拜昏晌刹霎]")


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """jieba's function words, less the reference data's place names among them: 大同 and 大连
    are adverbs and time words to jieba, and cities that begin names (大同云氢能源…有限公司)."""
    return frozenset(FUNCTION_WORDS_FILE.read_text(encoding="utf-8").split()) - place_names()


def write_function_words() -> int:
    """Regenerate ``function_words.txt`` from jieba's dictionary (the Python ``jieba`` package,
    installed with the ``test`` extra, ships it as a file); returns the word count."""
    try:
        import jieba
    except ImportError:
        raise SystemExit("regenerating the function words reads jieba's dict.txt: pip install jieba") from None
    source = Path(jieba.__file__).with_name("dict.txt")
    found = sorted({w for w, _f, tag in (line.split() for line in source.open(encoding="utf-8")) if tag in STOP_POS
                    and (tag not in TIME_POS or TIME_MORPHEME.search(w))})
    FUNCTION_WORDS_FILE.write_text("\n".join(found) + "\n", encoding="utf-8")
    return len(found)


@lru_cache(maxsize=65536)
def _words(text: str) -> tuple[str, ...]:
    import rjieba

    return tuple(rjieba.cut(text, hmm=False))


def words(text: str) -> tuple[str, ...]:
    """jieba's segmentation (precise mode, no HMM: unknown names fall apart into characters,
    which keeps them inside the name rather than gluing them to a verb), remembered.

    The words come from jieba-rs (through ``rjieba``): the same dictionary and the same best
    route as the Python jieba's ``lcut(text, HMM=False)``, word for word (a test compares the
    two on every span before a head in the example and on random windows of the test
    reports), about fifteen times faster, and ready in a fifth of a second instead of two.

    >>> words("推动企业发展")
    ('推动', '企业', '发展')
    """
    return _words(text)


@lru_cache(maxsize=65536)
def is_boundary(word: str) -> bool:
    """Whether a word cannot be part of an organisation's name.

    >>> is_boundary("推动"), is_boundary("徐州"), is_boundary("的")
    (True, False, True)
    """
    if word in BOUNDARY_WORDS or word.isdigit():
        return True
    if word in NAME_WORDS:
        return False
    function_words = _function_words()
    # a single character that jieba tags as a particle may be part of a name (新, 泓);
    # the single characters that do separate names are in BOUNDARY_WORDS
    return len(word) > 1 and word in function_words


def hard_floor(text: str, lo: int, pos: int) -> int:
    """Scan left from ``pos`` to the nearest punctuation or ``lo``.

    >>> hard_floor("推动,徐州博康", 0, 7), hard_floor("徐州博康", 0, 4), hard_floor("a,b", 2, 3)
    (3, 0, 2)
    """
    if pos <= lo:
        return pos
    m = _UP_TO_LAST_STOP.match(text, lo, pos)  # greedy: everything up to the last stop
    return m.end() if m else lo


def left_edge(text: str, lo: int, head_start: int, *, keep_conjunction=None) -> int:
    """Start of the name whose head begins at ``head_start``.

    ``keep_conjunction(left_part, right_part)`` decides whether a 和/及/与 inside the span joins two words
    of one name (高端工程机械及核心零部件…中心) or separates two names; by default it separates.

    >>> t = "目前已有美国佐治亚理工学院"
    >>> t[left_edge(t, 0, t.index("学院")):]
    '美国佐治亚理工学院'
    """
    floor = hard_floor(text, max(lo, head_start - MAX_NAME_REACH), head_start)
    span = text[floor:head_start]
    if not span:
        return floor
    toks = words(span)
    pos = len(span)
    places = place_names()
    for i in range(len(toks) - 1, -1, -1):
        tok = toks[i]
        if tok == "于" and i and toks[i - 1] + tok in PLACING_VERBS:
            break  # 设|于: a verb of placing that jieba cut into characters
        if is_boundary(tok) and not (tok in NOUN_VERBS and pos == len(span) and i and not is_boundary(toks[i - 1])):
            if tok in ("和", "及", "与") and keep_conjunction and keep_conjunction(span[:pos - len(tok)], span[pos:]):
                pos -= len(tok)
                continue
            if not (tok in SOFT_STOPS and _among_unknown(toks, i) or _glued_to_unknown(toks, i)
                    or _trade_name_after_place(toks, i)):
                if len(tok) == 1 and len(span) - pos > 2 and tok + span[pos] in GLUED_VERBS:
                    pos += 1  # 共|建安…: jieba glued a verb's last character (共建) to the name
                break
        pos -= len(tok)
        if i and tok in places and toks[i - 1].endswith(_PARK_ENDS):
            break  # (走进)X高新区|陕西虹显…有限公司: a zone, then a firm named from its province
    while pos < len(span) and span[pos] in LEADING_MARKS:
        pos += 1  # 1.X产业集群: a list item's number ends in a mark no name starts with
    if span.startswith(LEADING_VERBS, pos) and len(span) - pos > 2:
        pos += 2  # (负责)运营X平台: the verb after a boundary verb, not the platform's first word
    for marker in ALIAS_MARKERS:  # (下称古雷开发区): the words that define a short name
        if span.startswith(marker, pos):
            pos += len(marker)
            break
    return floor + pos


# verbs that follow a boundary verb (负责运营, 负责管理) and never begin a name
LEADING_VERBS = ("运营", "管理")

# what opens a short name defined in brackets, jieba cutting it into single characters (下|称)
ALIAS_MARKERS = ("以下简称", "以下称", "下称", "简称")


# verbs of building whose last character jieba may join to the name that follows (共|建安…)
GLUED_VERBS = frozenset(["共建", "组建", "筹建", "新建", "创建", "获批"])

# verbs of placing that jieba may cut into single characters (设|于): 于 after one ends a name
PLACING_VERBS = frozenset(["设于", "建于", "位于", "落于", "处于", "属于"])

# marks that end a list item's number (1. 2．) or open a quantity, never a name's first character
LEADING_MARKS = frozenset(".．")


# one-character adverbs that end a name's left context (公司也…, 都是…), unless jieba left them
# among other single characters: then they belong to a name it does not know (正泰, 鸢都)
SOFT_STOPS = frozenset("都正也又再还均并就便则")


def _glued_to_unknown(toks: tuple[str, ...], i: int) -> bool:
    """Whether ``toks[i]``, a word of several characters that only jieba's tags make a
    function word (not a verb of the genre), follows a single character jieba could not join:
    the two are one unknown name (华|鼎新|能源: 华鼎新能源, not an adverb)."""
    tok = toks[i]
    return len(tok) > 1 and not tok.isdigit() and tok not in BOUNDARY_WORDS and _single_unknown(toks[i - 1] if i else None)


_PARK_ENDS = ("开发区", "高新区", "经开区", "园区", "产业园")


def _trade_name_after_place(toks: tuple[str, ...], i: int) -> bool:
    """Whether ``toks[i]``, a word only jieba's tags make a function word, follows a place's
    name: then it is the trade name of a firm named PLACE+NAME+industry (湖北|鼎新|电路…)."""
    tok = toks[i]
    return i > 0 and len(tok) > 1 and tok not in BOUNDARY_WORDS and toks[i - 1] in place_names()


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """The names of the reference data's places (湖北, 湖北省, 黄石, 黄石市 …)."""
    from .gazetteer import gazetteer

    return frozenset(n for k in gazetteer().places() for n in (k.label, *k.names))


def _among_unknown(toks: tuple[str, ...], i: int) -> bool:
    """Whether ``toks[i]`` sits in a run of single characters jieba could not join: after one,
    or first of such a run (after a word or at the span's start)."""
    prev = toks[i - 1] if i else None
    return _single_unknown(prev) or ((prev is None or len(prev) > 1 or is_boundary(prev))
                                     and _single_unknown(toks[i + 1] if i + 1 < len(toks) else None))


def _single_unknown(t: str | None) -> bool:
    """A single Han character jieba could not join to a word, and not a separating one."""
    return t is not None and len(t) == 1 and "\u4e00" <= t <= "\u9fff" and not is_boundary(t)


if __name__ == "__main__":
    print(f"wrote {write_function_words()} words to {FUNCTION_WORDS_FILE}")
