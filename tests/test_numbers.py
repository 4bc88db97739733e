"""Numbers, units, qualifiers and periods as the genre writes them (``clusterkg.loaders.numbers``).

Every expectation below is worked out by hand from the clause: the value as stated, the unit
as stated with its 万/亿 multiplier, the qualifier word, and the period resolved against the
report's date.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from clusterkg.loaders.numbers import find_dates, find_periods, find_quantities, is_target

DEC_2023 = date(2023, 12, 25)
JAN_2024 = date(2024, 1, 10)


def figures(clause: str) -> list[tuple[str, str, str | None]]:
    return [(str(q.value), q.unit, q.qualifier) for q in find_quantities(clause)]


# --------------------------------------------------------------------------- find_quantities

@pytest.mark.parametrize(("clause", "expected"), [
    ("全市软件业务收入超300亿元", ("300", "亿元", "超")),
    ("集聚配套企业近200家", ("200", "家", "近")),
    ("项目总投资约45亿元", ("45", "亿元", "约")),
    ("出口额增长8%左右", ("8", "%", "左右")),
    ("年产值500亿元以上", ("500", "亿元", "以上")),
    ("集群规模突破1000亿元", ("1000", "亿元", "突破")),
    ("吸纳就业3000余人", ("3000", "人", "余")),
    ("新增注册企业超过120家", ("120", "家", "超过")),
], ids=["chao", "jin", "yue", "zuoyou", "yishang", "tupo", "yu", "chaoguo"])
def test_qualifier_is_read_with_the_figure(clause, expected):
    assert figures(clause) == [expected]


@pytest.mark.parametrize(("clause", "expected"), [
    ("新增市场主体2.3万家", ("2.3", "万家", None)),
    ("建成充电桩超1.5万个", ("1.5", "万个", "超")),
    ("标识解析量累计达12.5亿", ("12.5", "亿", None)),
    ("完成投资86.4亿元", ("86.4", "亿元", None)),
    ("出口额达9000万美元", ("9000", "万美元", None)),
    ("光伏装机1.2万千瓦", ("1.2", "万千瓦", None)),
], ids=["wan-jia", "wan-ge", "yi", "yi-yuan", "wan-meiyuan", "wan-qianwa"])
def test_multiplier_stays_in_the_unit(clause, expected):
    assert figures(clause) == [expected]


def test_base_value_expands_the_multiplier():
    (q,) = find_quantities("新增市场主体2.3万家")
    assert q.base_value() == Decimal("23000")
    (q,) = find_quantities("完成投资86.4亿元")
    assert q.base_value() == Decimal("8640000000")


def test_percentage_points_are_a_unit_of_their_own():
    assert figures("研发投入强度提高0.6个百分点") == [("0.6", "个百分点", None)]


@pytest.mark.parametrize(("clause", "value"), [("位居全国第3位", "3"), ("跃居全省第二位", "2")])
def test_rank_is_an_ordinal(clause, value):
    (q,) = find_quantities(clause)
    assert (str(q.value), q.unit, q.ordinal) == (value, "位", True)


@pytest.mark.parametrize(("clause", "expected"), [
    ("获得三千万元专项资金", ("3000", "万元", None)),
    ("两家企业获评省级智能工厂", ("2", "家", None)),
    ("三十余家企业参与", ("30", "家", "余")),
    ("一百五十家单位报名", ("150", "家", None)),
    ("十家企业入围", ("10", "家", None)),
    ("逾百家企业签约", ("100", "家", "逾")),
], ids=["sanqianwan-yuan", "liang-jia", "sanshi-yu-jia", "yibaiwushi-jia", "shi-jia", "yu-bai-jia"])
def test_chinese_numerals_are_counted(clause, expected):
    assert figures(clause) == [expected]


def test_figures_come_out_in_order_of_the_clause():
    assert figures("新签约项目46个,总投资120.5亿元,带动就业近千人") == [
        ("46", "个", None), ("120.5", "亿元", None), ("1000", "人", "近")]


def test_figure_span_covers_qualifier_and_unit():
    clause = "企业数量超过1.2万家"
    (q,) = find_quantities(clause)
    assert clause[q.start:q.end] == "超过1.2万家"


def test_an_observation_in_a_later_clause_points_at_its_own_figure():
    # ck:start/ck:end of an observation are offsets in the report: the sentence's start plus
    # the figure's place in the sentence, whichever clause it is in
    from clusterkg.loaders import extract, read_bytes

    text = "徐州市新材料产业发展势头良好,全年产值增长12.5%,新增规上企业18家;龙头企业营收突破三千万元。"
    x = extract(read_bytes(text.encode(), name="figures.txt"))
    spans = []
    for ob in x.facts.observations:
        start = x.sentences[ob.sentence].start + ob.quantity.start
        spans.append(x.document.surface[start:start + ob.quantity.end - ob.quantity.start])
    assert spans == ["12.5%", "18家", "突破三千万元"]


# --------------------------------------------------------------------------- indicator labels

INDICATOR_HEADER = "泰安农机装备产业集群加快壮大\n2024-06-20 09:00:00  来源:泰安日报\n"


@pytest.mark.parametrize(("sentence", "expected"), [
    # the stating verb and the period go; an elided measure comes from the figure before
    ("全市农机装备集群今年实现产值420亿元,同比增长9.6%。", [("产值", "420"), ("产值同比增长", "9.6")]),
    ("其中新能源农机产量同比增长31%。", [("新能源农机产量同比增长", "31")]),
    # an ordinal is a ranking in its scope, adverbs of staying (继续) dropped
    ("集群营业收入继续居全省同类集群第2位。", [("营业收入全省同类集群排名", "2")]),
    ("拖拉机产量在全国城市中排名第4。", [("拖拉机产量全国城市排名", "4")]),
    # a count names a number: the noun after it, and the verb after the noun when nothing
    # stands before the figure but the list of its items
    ("岱岳农机研究院、泰山智能装备有限公司等12家单位共同组建泰安农机装备产业联盟。", [("组建单位数量", "12")]),
    ("集群内现有规上企业136家。", [("规上企业数量", "136")]),
    ("今年已为企业提供检测服务860次。", [("为企业提供检测服务次数", "860")]),
    # what a share is compared from, and a currency after the unit, are not the measure
    ("本地配套率由2022年的41%提高到63%。", [("本地配套率", "41"), ("本地配套率", "63")]),
    ("龙头企业营业收入达到58亿元人民币。", [("龙头企业营业收入", "58")]),
    ("出口额约占全国同类产品出口总额的18%。", [("出口额占全国同类产品出口总额比重", "18")]),
    # a label before a colon names the figure after it
    ("2024年主导产业产值:86.4亿元。", [("主导产业产值", "86.4")]),
])
def test_indicator_labels_name_what_a_figure_measures(extract_text, sentence, expected):
    x = extract_text(INDICATOR_HEADER + sentence + "\n")
    found = [(ob.indicator, str(ob.quantity.value)) for ob in x.facts.observations
             if x.sentences[ob.sentence].text == x.document.text.splitlines()[-1]]
    assert found == expected


@pytest.mark.parametrize("clause", [
    "12月8日,大会举行",
    "2023年,全市工业稳步增长",
    "按照《2024年工作要点》推进",
    "“十四五”时期产业布局",
    "实施“两个100”工程",
    "建成5G基站",
    "全国唯一一家获此殊荣的企业",
    "1至9月份,产值稳步增长",
    "3月12日召开推进会",
], ids=["month-day", "year", "book-title", "quoted-14th-plan", "quoted-name", "5G", "weiyi-yijia", "months", "march-12"])
def test_no_figure_from_dates_years_titles_and_names(clause):
    assert find_quantities(clause) == []


# --------------------------------------------------------------------------- find_dates

def test_month_and_day_take_the_report_year():
    assert find_dates("5月16日,推进会召开", DEC_2023) == [(0, 5, date(2023, 5, 16))]


def test_december_in_a_january_report_is_last_year():
    assert [d for _s, _e, d in find_dates("12月28日,论坛在我市举行", JAN_2024)] == [date(2023, 12, 28)]


def test_stated_year_wins():
    assert [d for _s, _e, d in find_dates("2022年11月3日签约", JAN_2024)] == [date(2022, 11, 3)]


def test_the_first_months_are_a_period_not_a_count():
    assert figures("前10个月实现营收1368.5亿元,前两个月签约项目12个") == [("1368.5", "亿元", None), ("12", "个", None)]
    assert figures("建设周期缩短3个月") == [("3", "个", None)]  # a duration is still a figure


# --------------------------------------------------------------------------- find_periods

def period(text: str, report: date) -> tuple[date | None, date | None, bool]:
    (p,) = find_periods(text, report)
    return p.first, p.last, p.target


@pytest.mark.parametrize(("text", "first", "last"), [
    ("1至9月份,产值增长", date(2023, 1, 1), date(2023, 9, 30)),
    ("1-6月,营收增长", date(2023, 1, 1), date(2023, 6, 30)),
    ("一季度,产值增长", date(2023, 1, 1), date(2023, 3, 31)),
    ("第二季度,产值增长", date(2023, 4, 1), date(2023, 6, 30)),
    ("上半年,产值增长", date(2023, 1, 1), date(2023, 6, 30)),
    ("下半年,产值增长", date(2023, 7, 1), date(2023, 12, 31)),
    ("前三季度,产值增长", date(2023, 1, 1), date(2023, 9, 30)),
    ("全年,产值增长", date(2023, 1, 1), date(2023, 12, 31)),
    ("今年以来,产值增长", date(2023, 1, 1), date(2023, 12, 25)),
    ("去年全年,产值增长", date(2022, 1, 1), date(2022, 12, 31)),
    ("11月份,产值增长", date(2023, 11, 1), date(2023, 11, 30)),
    ("前10个月,营收增长", date(2023, 1, 1), date(2023, 10, 31)),
    ("今年前两个月,产值增长", date(2023, 1, 1), date(2023, 2, 28)),
    ("去年前11个月,产值增长", date(2022, 1, 1), date(2022, 11, 30)),
], ids=["months-1-9", "months-1-6", "q1", "second-quarter", "first-half", "second-half", "first-three-quarters",
        "full-year", "since-new-year", "last-year", "november", "first-ten-months", "first-two-months",
        "last-years-first-eleven-months"])
def test_period_resolves_against_a_december_2023_report(text, first, last):
    assert period(text, DEC_2023) == (first, last, False)


def test_period_label_is_the_words_as_stated():
    (p,) = find_periods("1至9月份,产值增长", DEC_2023)
    assert p.label == "1至9月份"


def test_until_end_of_month_ends_that_month():
    (p,) = find_periods("截至10月底,累计签约项目30个", DEC_2023)
    assert p.last == date(2023, 10, 31)
    assert p.first is not None and p.first <= p.last


def test_stated_year_with_half_year():
    assert period("2024年上半年,产值增长", date(2024, 8, 2)) == (date(2024, 1, 1), date(2024, 6, 30), False)


def test_to_a_future_year_is_a_target():
    assert period("到2025年,产值达到千亿元", DEC_2023) == (date(2025, 1, 1), date(2025, 12, 31), True)


def test_december_in_a_january_report_is_last_year_as_period():
    assert period("12月份,产值增长", JAN_2024) == (date(2023, 12, 1), date(2023, 12, 31), False)


def test_months_range_in_a_january_report_is_last_year():
    assert period("1至11月份,产值增长", JAN_2024) == (date(2023, 1, 1), date(2023, 11, 30), False)


def test_no_period_in_a_clause_without_one():
    assert find_periods("企业加大研发投入", DEC_2023) == []


# --------------------------------------------------------------------------- is_target

@pytest.mark.parametrize("clause", [
    "力争到2026年产业规模突破6000亿元",
    "预计全年产值增长10%",
    "争取新增省级平台5家",
    "目标是建成千亿级产业集群",
    "有望实现营收翻番",
], ids=["lizheng", "yuji", "zhengqu", "mubiao", "youwang"])
def test_plan_figures_are_targets(clause):
    assert is_target(clause)


@pytest.mark.parametrize("clause", [
    "今年产值增长10%",
    "已建成省级平台5家",
    "完成年度计划的80%",
    "完成全年目标任务的85%",
], ids=["growth", "built", "share-of-plan", "share-of-target"])
def test_achievements_are_not_targets(clause):
    assert not is_target(clause)


def test_shares_in_tenths_ranks_in_words_and_compute_units():
    from clusterkg.loaders.numbers import find_quantities

    got = {(str(q.value), q.unit) for t in ("贡献率超过四成", "增速居首位", "算力规模超过3000P", "订单11艘")
           for q in find_quantities(t)}
    assert got == {("40", "%"), ("1", "位"), ("3000", "P"), ("11", "艘")}


def test_phase_names_departments_and_top_lists_are_not_figures():
    from clusterkg.loaders.numbers import find_quantities

    assert [find_quantities(t) for t in ("二期项目投产", "工信部等五部门印发", "全球制造商50强")] == [[], [], []]


def test_figures_inside_a_long_quote_are_read():
    from clusterkg.loaders.numbers import find_quantities

    quote = "“今年我们力争新引进配套项目30个以上,全年产值增长8%左右,继续扩大集群规模和影响力。”"
    assert {(str(q.value), q.unit) for q in find_quantities(quote)} == {("30", "个"), ("8", "%")}
