"""Numbers, units, qualifiers, dates and periods as Chinese reports write them.

Everything here is pure: text in, values out. Periods resolve against the report's date
(``1至9月份`` in a December 2023 report is 2023-01-01..2023-09-30).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}


def cn_to_number(s: str) -> Decimal:
    """Value of a Chinese numeral.

    >>> [int(cn_to_number(x)) for x in ("三", "十二", "二十", "一百零五", "三千", "两万五千")]
    [3, 12, 20, 105, 3000, 25000]
    >>> str(cn_to_number("三点五"))
    '3.5'
    """
    if "点" in s:
        whole, frac = s.split("点", 1)
        digits = "".join(str(_CN_DIGITS[c]) for c in frac)
        return cn_to_number(whole or "零") + Decimal("0." + digits)
    total, section, num = 0, 0, 0
    for c in s:
        if c in _CN_DIGITS:
            num = _CN_DIGITS[c]
        elif c in _CN_UNITS:
            section += (num or 1) * _CN_UNITS[c]
            num = 0
        elif c in _CN_BIG:
            total += (section + num) * _CN_BIG[c]
            section, num = 0, 0
    return Decimal(total + section + num)


_UNITS = ("个百分点", "亿美元", "万美元", "亿元", "万元", "千元", "美元", "元", "万千瓦时", "千瓦时", "万千瓦", "千瓦",
          "兆瓦", "吉瓦", "万吨", "吨", "万平方米", "平方米", "平方公里", "公里", "万亩", "亩", "万台", "台", "万套", "套",
          "万件", "件", "万辆", "辆", "万人次", "人次", "万人", "名", "人", "家", "个", "项", "款", "条", "次", "张",
          "架", "位", "方面", "所", "座", "户", "种", "批", "只", "部", "支", "场", "期", "%", "倍", "艘", "成", "列", "GWh", "GW",
          "MW", "PFlops", "EFlops", "TFlops", "Gbps", "kW", "TB", "PB", "P")
_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?|(?:[一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千]*)(?:点[零〇一二三四五六七八九]+)?)"
_MULT = r"(?P<mult>万亿|千亿|百亿|亿|千万|百万|十万|万|千)?"
_PRE = r"(?P<pre>超过|超|逾|近|约|突破|不少于|不到|将近)?"
_POST = r"(?P<post>余|多)?"
_AFTER = r"(?P<after>以上|左右|多|余)?"
# the lookahead names every character a figure can start with: the regex engine then rejects
# other positions at once instead of trying each optional part (same matches, 2x faster)
NUMBER_RE = re.compile(
    r"(?=[\d第超逾近约突不将一二两三四五六七八九十百千])"
    rf"(?P<ord>第)?{_PRE}{_NUM}{_MULT}{_POST}(?P<unit>{'|'.join(map(re.escape, _UNITS))})?{_AFTER}")
_CN_PLACE = re.compile("[十百千点]")  # a numeral of several characters has one (三十, 一百, 三点五)
_THRESHOLD_OF = re.compile(r"(?:以上)?(?:的)?(?:链主|配套|龙头|骨干|重点)?(?:企业|项目)")
_NOT_A_COUNT_AFTER = re.compile(r"(?:月|日|年|号|季度|时|分|点|周|G|代|级|大|化|体|线|批)")


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int
    end: int
    value: Decimal  # as stated: 1.7 in 1.7万个
    unit: str  # as stated, with its multiplier: 万个, 亿元, %, 个百分点
    qualifier: str | None
    ordinal: bool

    def base_value(self) -> Decimal:
        """The value with 万/亿 multipliers expanded (1.7万个 → 17000)."""
        mult = _MULTIPLIERS.get(self.unit[:2]) or _MULTIPLIERS.get(self.unit[:1])
        return self.value * mult if mult else self.value


# a unit's leading multiplier: two characters first (万亿 before 万)
_MULTIPLIERS = {"万亿": 10**12, "千亿": 10**11, "百亿": 10**10, "千万": 10**7, "百万": 10**6, "十万": 10**5,
                "亿": 10**8, "万": 10**4, "千": 10**3}


def find_quantities(text: str) -> list[Quantity]:
    """The figures in a clause: a number with a unit or a multiplier; dates and names excluded.

    >>> [(str(q.value), q.unit, q.qualifier) for q in find_quantities("吸收1500余家企业,5G基站超1.7万个,增长11.5%")]
    [('1500', '家', '余'), ('1.7', '万个', '超'), ('11.5', '%', None)]
    >>> [(str(q.value), q.unit) for q in find_quantities("全国第二位,1至9月份,2023年,“七个一批”,三千万元")]
    [('2', '位'), ('3000', '万元')]
    >>> [(str(q.value), q.unit) for q in find_quantities("产值1,862亿元,增长1,5家")]
    [('1862', '亿元'), ('5', '家')]
    """
    out = []
    masked = _mask_quotes(text)
    for m in NUMBER_RE.finditer(masked):
        ordinal, pre, num, mult, post, unit, after = m.group("ord", "pre", "num", "mult", "post", "unit", "after")
        if not num:
            continue
        unit, mult = unit or "", mult or ""
        is_cn = not num[0].isdigit()
        m_start, m_end = m.span()
        start = m.start("pre") if pre else m.start("num")
        prev = masked[m_start - 1] if m_start else ""
        if prev and (prev.isdigit() or prev in ".-/" or (prev.isascii() and prev.isalpha())):
            continue
        if is_cn:
            if num == "一" and not ordinal or prev in ("唯", "之", "统", "第") and not ordinal:
                continue  # 一批, 一流, 唯一一家: an article, not a figure
            if len(num) > 1 and not _CN_PLACE.search(num):
                continue  # 一一, 三四: not a numeral
            if not unit and not mult:
                continue
        if not unit:
            rest = m.end("num") + len(mult)
            if not mult or _NOT_A_COUNT_AFTER.match(masked, rest):
                continue
            if masked[rest:rest + 1] == "级":
                continue
        if unit == "个" and pre is None and masked[m_end:m_end + 1] == "月" and prev == "前":
            continue  # 前10个月: a period, not a count
        if ordinal and unit in ("批", "届", "期", "次", "个", "条", "项", "部"):
            continue  # 第六批, 第三届: a name's ordinal, not a figure
        if is_cn and unit in ("期", "批") and not (pre or post or after):
            continue  # 二期, 三批: a phase's name
        nxt = masked[m_end:m_end + 1]
        if unit == "部" and nxt == "门" or unit == "P" and nxt.isascii() and nxt.isalpha():
            continue  # 五部门; 3000Pa
        if unit == "成" and not is_cn:
            continue
        if unit.endswith("元") and pre in ("超", "超过", "过", "逾") and _THRESHOLD_OF.match(masked, m_end, m_end + 8):
            continue  # 营收超百亿元企业: a threshold that names a kind of firm
        if num.startswith("0") and len(num) > 1 and "." not in num:
            continue
        value = cn_to_number(num) if is_cn else Decimal(num.replace(",", ""))  # 1,862: thousands
        qual = pre or post or after
        if after == "多" and not unit:
            qual = "多"
        if unit == "成":  # 四成: 40 per cent
            value, unit = value * 10, "%"
        out.append(Quantity(start, m_end, value, mult + unit, qual, bool(ordinal)))
    for m in _RANK.finditer(masked):
        if m.group("first"):
            out.append(Quantity(m.start("first"), m.end(), Decimal(1), "位", None, True))
            continue
        if any(q.start <= m.start("n") < q.end for q in out):
            continue
        n = m.group("n")
        value = Decimal(n) if n.isdigit() else cn_to_number(n)
        out.append(Quantity(m.start("ord"), m.end(), value, m.group("u") or "", None, True))
    out.sort(key=lambda q: q.start)
    return out


# a rank without a unit: 居全国第一, 位居第3, 排名第一
_RANK = re.compile(r"(?:居|位居|排名|排|位列|保持|列)[^,，。;；第\d]{0,20}?(?:(?P<ord>第)(?P<n>[一二三四五六七八九十]+|\d{1,3})"
                   r"(?P<u>位|名)?(?![\d一二三四五六七八九十批届期次个条项])|(?P<first>首位))")


_QUOTED_NAME_MAX = 30


# each pair on its own, as the text has it: an opener to the first closer after it
_QUOTE_PAIRS = (re.compile("《[^》]*》"), re.compile("“[^”]*”"), re.compile("「[^」]*」"))


def _mask_quotes(text: str) -> str:
    """Blank out 《titles》 and “quoted names”, where numbers are names, not figures."""
    if "《" not in text and "“" not in text and "「" not in text:
        return text
    spans = [m.span() for m in _QUOTE_PAIRS[0].finditer(text)]
    for pair in _QUOTE_PAIRS[1:]:  # a longer quote is speech, with real figures
        spans += [(a, b) for m in pair.finditer(text) if (b := m.end()) - (a := m.start()) <= _QUOTED_NAME_MAX + 1]
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        chars[a:b] = "□" * (b - a)
    return "".join(chars)


# --------------------------------------------------------------------------- dates

_MD = re.compile(r"(?:(?P<y>20\d\d|19\d\d)年)?(?P<m>1[0-2]|[1-9])月(?P<d>3[01]|[12]\d|[1-9])日")


def resolve_month_day(month: int, day: int, year: int | None, report: date | None) -> date | None:
    """A month and day without a year belongs to the report's year, unless that lies after the
    report (a January report speaking of 12月8日 means last December).

    >>> resolve_month_day(12, 8, None, date(2024, 1, 5))
    datetime.date(2023, 12, 8)
    """
    if year is None:
        if report is None:
            return None
        year = report.year
        if (month, day) > (report.month, report.day) and month - report.month > 1:
            year -= 1
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, report: date | None) -> list[tuple[int, int, date]]:
    """Dates such as 12月8日 and 2024年3月5日 with their spans.

    >>> find_dates("7月20日,大会举行", date(2023, 12, 25))
    [(0, 5, datetime.date(2023, 7, 20))]
    """
    out = []
    for m in _MD.finditer(text):
        d = resolve_month_day(int(m.group("m")), int(m.group("d")), int(m.group("y")) if m.group("y") else None,
                              report)
        if d:
            out.append((m.start(), m.end(), d))
    return out


# --------------------------------------------------------------------------- periods

@dataclass(frozen=True, slots=True)
class Period:
    start: int
    end: int
    label: str
    first: date | None
    last: date | None
    target: bool = False


_CN_Q = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_YEAR = r"(?:(?P<year>20\d\d)年|(?P<rel>今年|去年|上年|明年)|本年度?)?"
PERIOD_RE = re.compile(
    r"(?=[\d一二三四五六七八九十今去上明本前第下全年截到至以])"  # where a period can start (3x faster)
    rf"(?:{_YEAR}(?:"
    r"(?P<m1>1[0-2]|[1-9]|[一二三四五六七八九十]+)(?:月份?)?(?:至|到|-|—|~|－)(?P<m2>1[0-2]|[1-9]|[一二三四五六七八九十]+)月(?:份|底|末)?"
    r"|前(?P<fm>1[0-2]|[2-9]|十[一二]?|[两二三四五六七八九])个?月(?!\d)|前(?P<fq>[一二三])季度|(?P<q>[一二三四1234])季度|第(?P<q2>[一二三四1234])季度"
    r"|(?P<h>上|下)半年|(?P<full>全年|年度)"
    r"|(?P<since>年初以来|以来)"
    r"|截至(?:(?P<cy>20\d\d)年)?(?P<cm>1[0-2]|[1-9])月(?:(?P<cd>\d{1,2})日|底|末)?"
    r"|(?P<mo>1[0-2]|[1-9])月份)"
    r"|(?P<to>到|至)(?P<ty>20\d\d)年(?:底|末)?|(?P<ty2>20\d\d)年(?!\d*月))"
)
_TARGET_WORDS = re.compile(r"力争|目标|预计|争取|计划到|规划到|将达|有望|确保到|到20\d\d年")


def _month(s: str) -> int:
    return int(s) if s.isdigit() else int(cn_to_number(s))


def _year_for(m: re.Match, report: date | None) -> int | None:
    if m.group("year"):
        return int(m.group("year"))
    if report is None:
        return None
    rel = m.group("rel")
    return report.year + {"去年": -1, "上年": -1, "明年": 1}.get(rel or "", 0)


def _last_day(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def find_periods(text: str, report: date | None) -> list[Period]:
    """Periods with their resolved first and last day.

    >>> p = find_periods("1至9月份,产值增长", date(2023, 12, 25))[0]
    >>> p.label, p.first, p.last
    ('1至9月份', datetime.date(2023, 1, 1), datetime.date(2023, 9, 30))
    >>> [(p.label, str(p.first), str(p.last), p.target) for p in find_periods("今年一季度;到2025年", date(2024, 5, 1))]
    [('今年一季度', '2024-01-01', '2024-03-31', False), ('到2025年', '2025-01-01', '2025-12-31', True)]
    """
    out: list[Period] = []
    if "年" not in text and "月" not in text and "季度" not in text and "以来" not in text:
        return out  # every period names one of them
    for m in PERIOD_RE.finditer(text):
        label = m.group(0)
        if not label:
            continue
        y = _year_for(m, report)
        first = last = None
        target = False
        if m.group("m1") or m.group("fm"):  # 1至9月, 前10个月 (the first ten months)
            m1, m2 = (_month(m.group("m1")), _month(m.group("m2"))) if m.group("m1") else (1, _month(m.group("fm")))
            if y and 1 <= m1 <= m2 <= 12:
                if report and not m.group("year") and not m.group("rel") and (y, m2) > (report.year, report.month):
                    y -= 1
                first, last = date(y, m1, 1), _last_day(y, m2)
        elif m.group("fq") or m.group("q") or m.group("q2"):
            n = _CN_Q[m.group("fq") or m.group("q") or m.group("q2")]
            if y:
                if report and not m.group("year") and not m.group("rel") and (y, 3 * n) > (report.year, report.month):
                    y -= 1
                first = date(y, 1 if m.group("fq") else 3 * n - 2, 1)
                last = _last_day(y, 3 * n)
        elif m.group("h"):
            if y:
                first, last = (date(y, 1, 1), date(y, 6, 30)) if m.group("h") == "上" else (date(y, 7, 1), date(y, 12, 31))
        elif m.group("full"):
            if y:
                first, last = date(y, 1, 1), date(y, 12, 31)
        elif m.group("since"):
            if m.group("since") == "以来" and not m.group("rel"):
                continue
            if y and report:
                first, last = date(y, 1, 1), report
        elif m.group("cm"):
            cy = int(m.group("cy")) if m.group("cy") else (report.year if report else None)
            cm = int(m.group("cm"))
            if cy:
                if report and not m.group("cy") and (cy, cm) > (report.year, report.month):
                    cy -= 1
                first = date(cy, 1, 1)
                last = date(cy, cm, int(m.group("cd"))) if m.group("cd") else _last_day(cy, cm)
        elif m.group("mo"):
            if y:
                mo = int(m.group("mo"))
                if report and not m.group("year") and not m.group("rel") and (y, mo) > (report.year, report.month):
                    y -= 1
                first, last = date(y, mo, 1), _last_day(y, mo)
        elif m.group("ty") or m.group("ty2"):
            ty = int(m.group("ty") or m.group("ty2"))
            first, last = date(ty, 1, 1), date(ty, 12, 31)
            target = bool(m.group("to")) or (report is not None and ty > report.year)
        elif m.group("rel") or m.group("year"):
            if not y:
                continue
            if m.group("rel") in ("今年",) or m.group("year"):
                first, last = date(y, 1, 1), date(y, 12, 31)
            else:
                first, last = date(y, 1, 1), date(y, 12, 31)
        out.append(Period(m.start(), m.end(), label, first, last, target))
    return out


_TARGET_MET = re.compile(r"完成[^,，。;；]{0,10}目标")


def is_target(clause: str) -> bool:
    """Whether a clause states a plan figure rather than an achievement.

    >>> is_target("力争到2025年产值突破千亿元"), is_target("完成年度计划的76.3%")
    (True, False)
    """
    if _TARGET_MET.search(clause):
        return False  # 完成年度目标的80%: progress against a target is an achievement
    return bool(_TARGET_WORDS.search(clause))
