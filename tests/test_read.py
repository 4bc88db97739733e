"""Stage 1 — bytes to clean text: encodings, scripts, HTML pages, page debris, metadata,
sidecars and the errors bad input gets."""

from __future__ import annotations

import json
from datetime import date

import pytest
from clusterkg.loaders import read_bytes, read_report
from conftest import PNG_HEADER, SUZHOU_HTML, WUXI_IOT

from clusterkg.errors import InputError

NANJING = (
    "南京软件和信息服务产业集群稳步壮大\n"
    "今年上半年,全市软件业务收入同比增长8.4%,新增规上企业120余家。\n"
    "江北新区集成电路设计企业持续集聚,带动上下游协同发展。"
)

# 堃 is in GB18030 (and GBK) but not in GB2312: a decoder that guesses GB2312 loses it
KUN = (
    "常州堃达智能装备有限公司新建智能工厂投产\n"
    "记者获悉,常州堃达智能装备有限公司位于武进区的智能工厂日前投产,预计年产值超过二十亿元。\n"
    "该项目总投资15亿元,将带动当地上下游配套企业近百家,助力常州新能源产业集群发展。"
)

TAIPEI_TRAD = (
    "臺中精密機械產業聚落持續壯大\n"
    "今年前三季度,臺中工具機產業產值成長百分之六,出口訂單穩定增加。\n"
    "多家廠商與研究機構合作開發智慧製造系統,帶動上下游供應鏈升級。"
)

# both forms of "produce": 產 (traditional) and 産 (the variant often typed in Japan/HK)
CHAN_VARIANTS = "無錫市物聯網產業集群發展迅速，産值同比增長12.5%。"
CHAN_SIMPLIFIED = "无锡市物联网产业集群发展迅速,产值同比增长12.5%。"


# --------------------------------------------------------------------------- encodings

def test_utf8_is_read_as_is():
    doc = read_bytes(NANJING.encode("utf-8"), name="nanjing.txt")
    assert doc.encoding == "utf-8"
    assert doc.text == NANJING
    assert doc.surface == NANJING


def test_utf8_bom_is_dropped_from_text_and_title():
    doc = read_bytes(b"\xef\xbb\xbf" + NANJING.encode("utf-8"), name="nanjing.txt")
    assert doc.encoding == "utf-8"
    assert not doc.text.startswith("\ufeff")
    assert doc.text == NANJING
    assert doc.meta.title == "南京软件和信息服务产业集群稳步壮大"


def test_gb18030_keeps_a_character_outside_gb2312():
    with pytest.raises(UnicodeEncodeError):
        "堃".encode("gb2312")  # the test means something only if 堃 is outside GB2312
    doc = read_bytes(KUN.encode("gb18030"), name="changzhou.txt")
    assert doc.encoding == "gb18030"
    assert doc.text == KUN
    assert "常州堃达智能装备有限公司" in doc.text


def test_big5_is_decoded_and_simplified():
    doc = read_bytes(TAIPEI_TRAD.encode("big5"), name="taichung.txt")
    assert doc.encoding.replace("_", "").lower() in {"big5", "big5hkscs", "cp950"}
    assert doc.surface == TAIPEI_TRAD
    assert doc.script == "traditional"
    assert "精密机械产业聚落" in doc.text
    assert "產" not in doc.text and "機" not in doc.text


# --------------------------------------------------------------------------- scripts

def test_traditional_text_is_simplified_with_surface_unchanged():
    doc = read_bytes(CHAN_VARIANTS.encode("utf-8"), name="wuxi-trad.txt")
    assert doc.surface == CHAN_VARIANTS
    assert doc.text == CHAN_SIMPLIFIED


def test_text_and_surface_have_the_same_length_character_for_character():
    doc = read_bytes(CHAN_VARIANTS.encode("utf-8"), name="wuxi-trad.txt")
    assert len(doc.text) == len(doc.surface)
    # 產 and 産 both sit where 产 sits in the simplified text
    assert doc.surface[doc.text.index("产业")] == "產"
    assert doc.surface[doc.text.index("产值")] == "産"


def test_the_list_of_characters_t2s_changes_matches_the_installed_opencc():
    # the list lets a simplified text skip OpenCC; a stale one would leave traditional characters
    from clusterkg.loaders.read import T2S_CHARS_FILE, t2s_changes

    assert T2S_CHARS_FILE.read_text(encoding="utf-8").replace("\n", "") == "".join(t2s_changes())


def test_a_text_with_one_traditional_character_is_converted():
    doc = read_bytes("徐州市新能源產业发展良好。".encode(), name="one.txt")
    assert doc.text == "徐州市新能源产业发展良好。" and doc.script == "simplified"


def test_full_width_punctuation_is_half_width_in_text_only():
    doc = read_bytes(CHAN_VARIANTS.encode("utf-8"), name="wuxi-trad.txt")
    comma = doc.surface.index("，")
    assert doc.text[comma] == ","


# --------------------------------------------------------------------------- HTML

def test_html_page_gives_only_the_article():
    doc = read_report(SUZHOU_HTML)
    assert doc.text.splitlines() == [
        "苏州生物医药产业集群跑出加速度",
        "今年一季度,苏州生物医药产业产值同比增长9.6%。",
        "市工信局表示,将推动集群内企业加大研发投入。",
    ]


@pytest.mark.parametrize("debris", ["首页", "财经频道", "网站导航", "menu", "广告位招租", "版权所有", "ICP备", "相关阅读"])
def test_html_navigation_scripts_and_footer_are_dropped(debris):
    assert debris not in read_report(SUZHOU_HTML).text


def test_html_metadata_comes_from_the_page():
    meta = read_report(SUZHOU_HTML).meta
    assert meta.title == "苏州生物医药产业集群跑出加速度"
    assert meta.publisher == "苏州日报"
    assert meta.date == date(2024, 5, 6)


def test_html_is_recognised_by_content_without_an_html_suffix():
    doc = read_bytes(SUZHOU_HTML.read_bytes(), name="suzhou-page.txt")
    assert "<" not in doc.text
    assert doc.text.startswith("苏州生物医药产业集群跑出加速度\n")


# --------------------------------------------------------------------------- debris and metadata

@pytest.mark.parametrize("debris", [
    "wx_iot_banner_0318.png", "听新闻", "标签", "责编", "本报记者", "周岚", "来源", "2024-03-18", "陈立",
])
def test_debris_lines_are_dropped(debris):
    assert debris not in read_report(WUXI_IOT).text


def test_stray_number_line_is_dropped():
    assert "1" not in read_report(WUXI_IOT).text.splitlines()


def test_article_text_starts_with_title_and_keeps_every_paragraph():
    lines = read_report(WUXI_IOT).text.splitlines()
    assert lines[0] == "无锡物联网产业集群规模再创新高"
    assert len(lines) == 5
    assert lines[-1].startswith("市工信局印发《无锡市物联网产业集群培育三年行动计划》")


def test_debris_is_read_into_metadata():
    meta = read_report(WUXI_IOT).meta
    assert meta.title == "无锡物联网产业集群规模再创新高"
    assert meta.publisher == "无锡日报"
    assert meta.author == "周岚"
    assert meta.date == date(2024, 3, 18)
    assert meta.editors == ["陈立", "何欣"]


def test_sidecar_metadata_wins_over_the_text(tmp_path):
    report = tmp_path / "wuxi-wulianwang-2024-03-18.txt"
    report.write_bytes(WUXI_IOT.read_bytes())
    (tmp_path / "wuxi-wulianwang-2024-03-18.meta.json").write_text(json.dumps({
        "title": "无锡物联网集群营收超4500亿元",
        "publisher": "无锡新传媒",
        "author": "周岚 吴越",
        "published": "2024-03-19T07:00:00+08:00",
        "url": "https://example.org/wuxi/iot-0319.html",
    }, ensure_ascii=False), encoding="utf-8")
    meta = read_report(report).meta
    assert meta.title == "无锡物联网集群营收超4500亿元"
    assert meta.publisher == "无锡新传媒"
    assert meta.author == "周岚 吴越"
    assert meta.date == date(2024, 3, 19)
    assert meta.url == "https://example.org/wuxi/iot-0319.html"


# --------------------------------------------------------------------------- bad input

def test_empty_file_is_an_input_error(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(InputError, match=r"empty\.txt.*empty"):
        read_report(path)


def test_whitespace_only_file_is_an_input_error(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b"  \n\r\n\t\n")
    with pytest.raises(InputError, match=r"blank\.txt.*empty"):
        read_report(path)


def test_binary_file_is_an_input_error(tmp_path):
    path = tmp_path / "picture.txt"
    path.write_bytes(PNG_HEADER + bytes(range(256)) * 8)
    with pytest.raises(InputError, match=r"picture\.txt.*binary"):
        read_report(path)


def test_missing_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match=r"nowhere\.txt.*no such file"):
        read_report(tmp_path / "nowhere.txt")


def test_folder_is_an_input_error(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    with pytest.raises(InputError, match=r"reports.*folder"):
        read_report(folder)


def test_page_of_debris_only_is_an_input_error():
    with pytest.raises(InputError, match="no article text"):
        read_bytes("听新闻\n1\n标签:\n责编:张三".encode(), name="debris.txt")
