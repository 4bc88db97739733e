"""Stage 4 — mentions to entities: one entity per thing, whatever name the report uses; no
merging across different heads; government abbreviations expanded with the report's city."""

from __future__ import annotations

import json

from clusterkg.loaders.resolve import firm_core
from conftest import ID

WUXI_HEADER = "无锡集成电路产业集群加快壮大\n2024-06-20 09:00:00  来源:无锡日报\n"
LEGAL_AND_SHORT = (
    WUXI_HEADER
    + "无锡华瑞芯微电子股份有限公司一季度营收增长18%。\n"
    + "华瑞芯微电子、宏图光电、云感科技等3家企业入选省级专精特新企业名单。\n"
)


def by_surface(x, surface: str):
    found = [e for e in x.entities if surface in e.surfaces]
    assert len(found) == 1, f"{surface!r} names {len(found)} entities"
    return found[0]


# --------------------------------------------------------------------------- legal and short names

def test_legal_name_and_short_name_are_one_firm(extract_text):
    x = extract_text(LEGAL_AND_SHORT)
    assert by_surface(x, "无锡华瑞芯微电子股份有限公司") is by_surface(x, "华瑞芯微电子")


def test_merged_firm_is_labelled_with_its_legal_name(extract_text):
    firm = by_surface(extract_text(LEGAL_AND_SHORT), "华瑞芯微电子")
    assert firm.label == "无锡华瑞芯微电子股份有限公司"
    assert firm.category == "Firm"
    assert len(firm.mentions) == 2


def test_short_name_first_then_legal_name_is_one_firm(extract_text):
    x = extract_text(WUXI_HEADER
                     + "华瑞芯微电子、宏图光电、云感科技等3家企业入选省级专精特新企业名单。\n"
                     + "其中,无锡华瑞芯微电子股份有限公司今年营收有望突破10亿元。\n")
    assert by_surface(x, "无锡华瑞芯微电子股份有限公司") is by_surface(x, "华瑞芯微电子")


def test_firm_iri_is_minted_from_the_core_name(extract_text):
    legal = by_surface(extract_text(LEGAL_AND_SHORT), "华瑞芯微电子")
    short_only = by_surface(extract_text(WUXI_HEADER + "华瑞芯微电子、宏图光电、云感科技等3家企业入选省级专精特新企业名单。\n"),
                            "华瑞芯微电子")
    assert legal.iri == short_only.iri
    assert legal.iri.startswith(ID + "org/")
    assert legal.iri.isascii()


def test_firm_core_drops_place_and_legal_form():
    places = ["无锡", "江苏"]
    assert firm_core("无锡华瑞芯微电子股份有限公司", places) == "华瑞芯微电子"
    assert firm_core("江苏宏图光电科技有限公司", places) == "宏图光电"


# --------------------------------------------------------------------------- different heads stay apart

XCMG = ("徐州装备制造业观察\n2024-02-26 08:00:00  来源:徐州日报\n"
        "徐工集团今年加大海外市场开拓力度。\n"
        "徐工汉云工业互联网平台已连接设备超过百万台。\n")


def test_group_and_its_platform_stay_separate(extract_text):
    x = extract_text(XCMG)
    group, platform = by_surface(x, "徐工集团"), by_surface(x, "徐工汉云工业互联网平台")
    assert group is not platform
    assert group.iri != platform.iri


def test_group_is_a_firm_and_platform_an_innovation_platform(extract_text):
    x = extract_text(XCMG)
    assert by_surface(x, "徐工集团").category == "Firm"
    assert by_surface(x, "徐工汉云工业互联网平台").category == "InnovationPlatform"


# --------------------------------------------------------------------------- government bodies

SUZHOU = ("苏州电子信息产业集群加快发展\n2024-05-06 08:00:00  来源:苏州日报\n"
          "市工信局表示,将推动电子信息产业集群高质量发展。\n")


def test_city_bureau_in_a_suzhou_report_is_a_government_body(extract_text):
    body = by_surface(extract_text(SUZHOU), "市工信局")
    assert body.kind == "org"
    assert body.category == "GovernmentBody"


def test_city_bureau_is_expanded_with_the_report_city(extract_text):
    body = by_surface(extract_text(SUZHOU), "市工信局")
    assert body.label == "苏州市工业和信息化局"


def test_same_abbreviation_in_another_city_is_another_body(extract_text):
    suzhou = by_surface(extract_text(SUZHOU), "市工信局")
    wuxi = by_surface(extract_text(WUXI_HEADER + "市工信局组织专家走访集群企业。\n"), "市工信局")
    assert wuxi.label == "无锡市工业和信息化局"
    assert suzhou.iri != wuxi.iri


def test_report_city_comes_from_title_and_publisher(extract_text):
    assert extract_text(SUZHOU).city.iri == ID + "place/suzhou"


# --------------------------------------------------------------------------- IRIs

def test_slug_is_the_letter_and_digit_runs_of_unidecodes_transliteration():
    """The slug's per-character table gives what its definition says: NFKC, Unidecode,
    lower case, the runs of a-z and 0-9 joined by hyphens (on random strings of CJK, ASCII,
    full-width forms, CJK punctuation and other scripts)."""
    import random
    import re
    import unicodedata

    from clusterkg.loaders.ids import MAX_SLUG, slug
    from unidecode import unidecode

    rng = random.Random(5)
    blocks = [(0x20, 0x7E), (0x4E00, 0x9FFF), (0xFF01, 0xFF5E), (0x3000, 0x303F), (0xA0, 0x2FFF)]
    checked = 0
    for _ in range(5000):
        name = "".join(chr(rng.randint(*rng.choice(blocks))) for _ in range(rng.randint(1, 12)))
        expected = "-".join(re.findall(r"[a-z0-9]+", unidecode(unicodedata.normalize("NFKC", name)).lower()))
        if expected and len(expected) <= MAX_SLUG:
            assert slug(name) == expected, name
            checked += 1
    assert checked > 4000


def test_a_firm_publishing_on_its_own_site_is_one_node_with_the_firm_it_names(tmp_path):
    from clusterkg.loaders import extract, read_report

    report = tmp_path / "taian-shuangbiandian-2025-05-06.txt"
    report.write_text("泰安岱源电气股份有限公司获评省级企业技术中心\n"
                      "近日,泰安岱源电气股份有限公司获评省级企业技术中心,公司将继续加大研发投入。\n", encoding="utf-8")
    (tmp_path / "taian-shuangbiandian-2025-05-06.meta.json").write_text(json.dumps({
        "title": "泰安岱源电气股份有限公司获评省级企业技术中心", "publisher": "泰安岱源电气股份有限公司",
        "published": "2025-05-06T10:00:00+08:00"}, ensure_ascii=False), encoding="utf-8")
    x = extract(read_report(report))
    same = [e for e in x.entities if e.label == "泰安岱源电气股份有限公司"]
    assert len(same) == 1 and same[0].category == "Firm" and x.publisher is same[0]
