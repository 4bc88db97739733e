"""Stage 3 — mentions on short reports of our own: counted lists, things that are not
organisations, events with date and venue, documents with their issuer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from conftest import ID

WUXI_HEADER = "无锡集成电路产业集群加快壮大\n2024-06-20 09:00:00  来源:无锡日报\n"
CHANGZHOU_HEADER = "常州新能源产业集群加快发展\n2024-04-02 10:00:00  来源:常州日报\n"


def orgs(x) -> dict[str, str]:
    """Organisations mentioned in the text: label → coarse category."""
    return {e.label: e.category for e in x.entities if e.kind == "org" and e.mentions}


def entity(x, label: str):
    found = [e for e in x.entities if e.label == label]
    assert found, f"no entity labelled {label!r}; entities: {[e.label for e in x.entities]}"
    return found[0]


# --------------------------------------------------------------------------- counted lists

def test_counted_list_gives_one_firm_per_item(extract_text):
    x = extract_text(WUXI_HEADER + "宏图光电、云感科技、芯源微测等3家企业入选省级专精特新企业名单。\n")
    found = orgs(x)
    assert {"宏图光电", "云感科技", "芯源微测"} <= found.keys()
    assert {found[n] for n in ("宏图光电", "云感科技", "芯源微测")} == {"Firm"}


def test_counted_list_does_not_swallow_the_count_or_the_verb(extract_text):
    x = extract_text(WUXI_HEADER + "宏图光电、云感科技、芯源微测等3家企业入选省级专精特新企业名单。\n")
    labels = set(orgs(x))
    assert not any("等" in n or "入选" in n or "3家" in n for n in labels)


def test_each_listed_firm_is_selected_into_the_designation(extract_text):
    x = extract_text(WUXI_HEADER + "宏图光电、云感科技、芯源微测等3家企业入选省级专精特新企业名单。\n")
    selected = {r.subject.label for r in x.facts.relations if r.predicate == "selectedInto"}
    assert selected == {"宏图光电", "云感科技", "芯源微测"}


def test_list_after_an_actor_and_a_verb_keeps_every_item(extract_text):
    x = extract_text(WUXI_HEADER + "市工信局推动芯源微测、宏图光电等龙头企业组建产业联盟。\n")
    found = orgs(x)
    assert found.get("芯源微测") == "Firm"
    assert found.get("宏图光电") == "Firm"


def test_firms_pushed_by_a_bureau_are_not_part_of_it(extract_text):
    x = extract_text(WUXI_HEADER + "市工信局推动芯源微测、宏图光电等龙头企业组建产业联盟。\n")
    part_of = [(r.subject.label, r.object.label) for r in x.facts.relations if r.predicate == "partOf"]
    assert part_of == []


# --------------------------------------------------------------------------- not organisations

def test_local_government_in_general_is_not_an_organisation(extract_text):
    x = extract_text(CHANGZHOU_HEADER + "各专班会同属地政府,梳理年度重点任务。\n")
    assert not any("属地政府" in n or n.endswith("政府") for n in orgs(x))


def test_ge_ju_is_not_a_bureau(extract_text):
    x = extract_text(CHANGZHOU_HEADER + "全市形成了协同推进的良好格局。\n")
    assert not any("格局" in n for n in orgs(x))


def test_data_centre_is_not_an_organisation(extract_text):
    x = extract_text(CHANGZHOU_HEADER + "今年新建数据中心3个,算力规模显著提升。\n")
    assert not any("数据中心" in n for n in orgs(x))


# --------------------------------------------------------------------------- events

EVENT_REPORT = ("合肥新能源汽车产业集群观察\n2024-04-22 08:00:00  来源:合肥日报\n"
                "4月18日,2024新能源汽车产业链合作大会在我市举行,300余家企业参会。\n")


def test_event_is_found_by_its_head_and_verb(extract_text):
    x = extract_text(EVENT_REPORT)
    events = [e for e in x.entities if e.kind == "event"]
    assert len(events) == 1
    assert events[0].label.endswith("新能源汽车产业链合作大会")


def test_event_gets_the_date_of_its_sentence(extract_text):
    x = extract_text(EVENT_REPORT)
    (info,) = x.facts.events
    assert info.date == date(2024, 4, 18)


def test_event_held_in_our_city_is_held_in_the_report_city(extract_text):
    x = extract_text(EVENT_REPORT)
    (info,) = x.facts.events
    assert info.venue is not None
    assert info.venue.iri == ID + "place/hefei"


def test_event_in_a_january_report_on_december_is_dated_last_year(extract_text):
    x = extract_text("常州新能源产业年终盘点\n2024-01-10 08:00:00  来源:常州日报\n"
                     "12月28日,新能源之都产业发展论坛在我市举行。\n")
    (info,) = x.facts.events
    assert info.date == date(2023, 12, 28)
    assert info.venue is not None and info.venue.iri == ID + "place/changzhou"


# --------------------------------------------------------------------------- documents

DOC_REPORT = ("长沙工程机械产业集群再发力\n2023-11-20 08:00:00  来源:长沙晚报\n"
              "市发改委印发《长沙市工程机械产业集群高质量发展行动方案》,明确了未来三年的发展目标。\n")


def test_document_title_is_read_without_its_brackets(extract_text):
    x = extract_text(DOC_REPORT)
    docs = [e for e in x.entities if e.kind == "document"]
    assert [d.label for d in docs] == ["长沙市工程机械产业集群高质量发展行动方案"]
    assert docs[0].category == "PolicyDocument"


def test_document_issuer_comes_from_the_publishing_verb(extract_text):
    x = extract_text(DOC_REPORT)
    issued = [(r.subject.label, r.object.label) for r in x.facts.relations if r.predicate == "issuedBy"]
    assert issued == [("长沙市工程机械产业集群高质量发展行动方案", "长沙市发展和改革委员会")]


def test_document_issued_by_a_named_government(extract_text):
    x = extract_text("苏州生物医药政策出台\n2024-05-06 08:00:00  来源:苏州日报\n"
                     "苏州市人民政府印发《关于加快生物医药产业集群发展的若干措施》,提出十项举措。\n")
    issued = {r.subject.label: r.object.label for r in x.facts.relations if r.predicate == "issuedBy"}
    assert issued == {"关于加快生物医药产业集群发展的若干措施": "苏州市人民政府"}


def test_overlaps_are_resolved_as_by_the_plain_rule_on_random_mentions():
    # the bisecting resolver against the rule it implements, written out as a scan of the chosen
    import random

    from clusterkg.loaders.mentions import _PRIORITY, Mention, resolve_overlaps

    def by_scan(mentions):
        chosen = []
        ranked = sorted(mentions, key=lambda m: (-_PRIORITY[m.kind] if m.kind in ("document", "designation") else 0,
                                                 -m.length, -_PRIORITY[m.kind], m.start))
        for m in ranked:
            clash = next((c for c in chosen if c.start < m.end and m.start < c.end), None)
            if clash is None or clash.kind == "event" and m.kind in ("cluster", "org") and clash.start <= m.start \
                    and m.end <= clash.end and not any(c.start < m.end and m.start < c.end
                                                       for c in chosen if c.kind != "event"):
                chosen.append(m)
        return sorted(chosen, key=lambda m: m.start)

    rng = random.Random(3)
    for _ in range(400):
        mentions = []
        for _ in range(rng.randint(0, 25)):
            s = rng.randint(0, 60)
            mentions.append(Mention(s, s + rng.randint(1, 15), rng.choice(list(_PRIORITY)), "X", "r", "n"))
        assert [(m.start, m.end, m.kind) for m in resolve_overlaps(mentions)] == \
            [(m.start, m.end, m.kind) for m in by_scan(mentions)]


def test_words_are_jiebas_words_for_every_span_before_a_name_head():
    # segment.words comes from jieba-rs; it must cut exactly as the Python jieba's
    # lcut(…, HMM=False) does, on pure Chinese, mixed and ASCII spans alike
    import jieba
    from clusterkg.loaders.mentions import _HEAD_RE
    from clusterkg.loaders.segment import _words
    from conftest import EXAMPLE

    text = EXAMPLE.read_text(encoding="utf-8")
    spans = {text[max(0, m.start() - k):m.start()] for m in _HEAD_RE.finditer(text) for k in range(1, 33)}
    spans |= {"联合ABC科技", "5G基站超1.7万个", "工信部", "集成电路与ICT", "新一代信息技术", "A股上市", "C919大飞机",
              "3D打印", "R&D中心", "5.5G网络", "增长12.5%的", "C++与C#开发", "x-y轴", "GB/T标准", "徐工XCMG",
              "Ａ股　上市", "徐工 XCMG\t集团", "第１９届", "產業集群", "2023年12月25日"}
    assert len(spans) > 500
    for span in spans:
        assert list(_words(span)) == jieba.lcut(span, HMM=False), span


def test_words_are_jiebas_words_on_random_windows_of_every_test_report():
    # windows of every shape the loader can meet: punctuation, digits, Latin letters,
    # full-width forms, traditional characters, line breaks
    import random

    import jieba
    from clusterkg.loaders.segment import _words

    data = Path(__file__).parent / "data"
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(data.rglob("*"))
             if p.suffix in (".txt", ".html")]
    assert len(texts) > 50
    rng = random.Random(11)
    for _ in range(3000):
        t = rng.choice(texts)
        i = rng.randrange(len(t))
        window = t[i:i + rng.randint(1, 60)]
        assert list(_words(window)) == jieba.lcut(window, HMM=False), window


def test_hard_floor_finds_the_last_stop_as_a_scan_from_the_head_would():
    # hard_floor reads the last hard stop with one regex; the plain rule walks left char by char
    import random

    from clusterkg.loaders.segment import HARD_STOPS, hard_floor

    def by_scan(text: str, lo: int, pos: int) -> int:
        i = pos
        while i > lo and text[i - 1] not in HARD_STOPS:
            i -= 1
        return i

    alphabet = list("徐州博康ab1") + sorted(HARD_STOPS)
    rng = random.Random(5)
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        lo, pos = rng.randint(0, len(text)), rng.randint(0, len(text))
        assert hard_floor(text, lo, pos) == by_scan(text, lo, pos), (text, lo, pos)
