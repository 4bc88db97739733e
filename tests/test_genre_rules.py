"""Rules for phrasings of the genre, each on examples of its own (invented firms, other cities):
names with a place in brackets, county governments the reference data does not list, two
founders joined by 与, short names of firms named in full, 位于…的 and 旗下, lead firms in
quotes or called the cluster's, lists whose name holds 龙头企业, joined members, releases dated
in a clause of their own, joint hosts."""

from __future__ import annotations

from datetime import date

HEADER = "泰安高端装备产业集群加快壮大\n2024-06-20 09:00:00  来源:泰安日报\n"


def orgs(x) -> dict[str, str]:
    return {e.label: e.category for e in x.entities if e.kind == "org" and e.mentions}


def clusters_of(x) -> set[str]:
    return {e.label for e in x.entities if e.kind == "cluster"}


def relations(x) -> set[tuple[str, str, str]]:
    return {(r.subject.label, r.predicate, r.object.label) for r in x.facts.relations}


# --------------------------------------------------------------------------- names

def test_a_place_in_brackets_stays_inside_the_firm_name(extract_text):
    x = extract_text(HEADER + "博格华纳(泰安)传动有限公司、凯斯（中国）有限公司等6家企业落户。\n")
    found = orgs(x)
    assert "博格华纳(泰安)传动有限公司" in found and "凯斯(中国)有限公司" in found
    assert "传动有限公司" not in found and "有限公司" not in found


def test_an_unlisted_county_keeps_its_name_before_the_government(extract_text):
    x = extract_text(HEADER + "论坛由市工业和信息化局、宁阳县人民政府主办,肥城市人民政府承办。\n")
    found = orgs(x)
    assert {"宁阳县人民政府", "肥城市人民政府"} <= found.keys()
    assert "县人民政府" not in found


def test_districts_and_counties_in_general_are_not_a_body(extract_text):
    x = extract_text(HEADER + "各区县政府要抓好落实。\n")
    assert not any("政府" in n for n in orgs(x))


def test_two_founders_joined_by_yu_are_two_names(extract_text):
    x = extract_text(HEADER + "泰山重工集团有限公司与中国农业大学共建的山东省农机装备工程技术研究中心获批。\n")
    found = orgs(x)
    assert "中国农业大学" in found
    assert not any("与" in n for n in found)
    assert ("山东省农机装备工程技术研究中心", "foundedBy", "中国农业大学") in relations(x)


def test_learned_society_and_joint_institute_heads(extract_text):
    x = extract_text(HEADER + "山东农业大学与泰山重工集团共建的智能农机联合研究院揭牌,中国农业机械学会参会。\n")
    found = orgs(x)
    assert found.get("智能农机联合研究院") == "ResearchInstitute"
    assert found.get("中国农业机械学会") == "OtherOrganization"
    assert ("智能农机联合研究院", "foundedBy", "泰山重工集团") in relations(x)


def test_a_firm_named_in_full_is_found_again_by_its_short_name(extract_text):
    x = extract_text(HEADER + "山东岱岳精工机械股份有限公司是骨干企业。岱岳精工与山东科技大学签署合作协议。\n")
    firm = next(e for e in x.entities if e.label == "山东岱岳精工机械股份有限公司")
    assert "岱岳精工" in firm.surfaces
    assert ("山东岱岳精工机械股份有限公司", "collaboratesWith", "山东科技大学") in relations(x)


def test_a_generic_core_is_not_taken_for_a_short_name(extract_text):
    x = extract_text(HEADER + "泰安市工程机械有限公司扩产。全市工程机械产业增长5%。\n")
    assert not any(m.rule == "short-name" for m in x.mentions)


# --------------------------------------------------------------------------- located in, owned by

def test_located_in_the_place_before_the_name(extract_text):
    x = extract_text(HEADER + "总部位于泰安高新区的泰山重工集团有限公司是骨干企业。"
                              "设在泰安高新区的国家农机装备创新中心揭牌。\n")
    rels = relations(x)
    assert ("泰山重工集团有限公司", "locatedIn", "泰安高新区") in rels
    assert ("国家农机装备创新中心", "locatedIn", "泰安高新区") in rels


def test_located_in_a_district_the_reference_data_does_not_list(extract_text):
    x = extract_text(HEADER + "位于岱岳区的泰安华美电子有限公司入选名单。\n")
    assert ("泰安华美电子有限公司", "locatedIn", "岱岳区") in relations(x)


def test_a_subsidiary_named_after_qixia_is_part_of_its_group(extract_text):
    x = extract_text(HEADER + "泰山重工集团作为骨干企业,旗下泰安泰重液压有限公司产值增长12%。\n")
    assert ("泰安泰重液压有限公司", "partOf", "泰山重工集团") in relations(x)
    assert "旗下泰安泰重液压有限公司" not in orgs(x)


# --------------------------------------------------------------------------- lead firms, lists

def test_lead_firm_in_quotes_and_of_the_cluster_just_named(extract_text):
    x = extract_text(HEADER + "泰安高端装备产业集群上半年营收增长6%。高端装备集群亩均效益提升。"
                              "四是向下游延伸产业链。泰山重工集团有限公司作为集群“链主”企业,带动作用明显。\n")
    assert ("泰山重工集团有限公司", "leadFirmOf", "高端装备") in relations(x)
    assert not any("延伸" in c for c in clusters_of(x))


def test_a_list_named_for_lead_firms_makes_nobody_a_lead_firm(extract_text):
    x = extract_text(HEADER + "泰安高端装备产业集群增长6%。岱岳食品、泰山乳业两家企业入选第九批农业产业化国家重点龙头企业名单。\n")
    assert not any(p == "leadFirmOf" for _, p, _ in relations(x))
    assert any(p == "selectedInto" for _, p, _ in relations(x))


def test_firms_confirmed_as_a_designation_are_selected_into_it(extract_text):
    x = extract_text(HEADER + "泰山重工、岱岳精工、泰安华美电子有限公司等9家企业被确定为首批集群“链主”企业。\n")
    selected = {s for s, p, _ in relations(x) if p == "selectedInto"}
    assert {"泰山重工", "岱岳精工", "泰安华美电子有限公司"} <= selected


def test_a_cluster_used_as_a_product_qualifier_is_not_a_cluster_mention(extract_text):
    x = extract_text("泰安新材料产业加快发展\n2024-06-20 09:00:00  来源:泰安日报\n泰安钢铁公司开发工程机械用特种钢材。\n")
    assert not any(m.kind == "cluster" and x.document.text[m.start:m.end] == "工程机械" for m in x.mentions)


# --------------------------------------------------------------------------- alliances, events

def test_alliance_led_by_a_firm_and_members_joining_in_the_next_clause(extract_text):
    x = extract_text(HEADER + "今年以来,由泰山重工集团牵头的泰安市高端装备零部件产业联盟正式成立,"
                              "泰安华美电子有限公司、山东岱岳精工机械股份有限公司等30家企业首批加入。\n")
    rels = relations(x)
    assert ("泰安市高端装备零部件产业联盟", "foundedBy", "泰山重工集团") in rels
    assert ("泰安华美电子有限公司", "memberOf", "泰安市高端装备零部件产业联盟") in rels
    assert ("山东岱岳精工机械股份有限公司", "memberOf", "泰安市高端装备零部件产业联盟") in rels


def test_a_release_dated_in_its_own_clause_is_an_event_of_both_issuers(extract_text):
    x = extract_text(HEADER + "围绕共性技术难题,5月16日,市工信局、市科技局联合发布“2024年泰安市高端装备关键核心技术攻关榜单”。\n")
    events = [e for e in x.facts.events if e.entity.label.endswith("发布")]
    assert len(events) == 1
    assert events[0].date == date(2024, 5, 16)
    assert {o.label for o in events[0].organizers} == {"泰安市工业和信息化局", "泰安市科学技术局"}


def test_every_body_before_chengban_hosts_the_event(extract_text):
    x = extract_text(HEADER + "6月8日,2024泰安高端装备产业发展大会在泰安国际会展中心举行,由泰安市人民政府主办,"
                              "泰安市工业和信息化局、肥城市人民政府承办。\n")
    hosts = {o for s, p, o in relations(x) if p == "organizedBy"}
    assert {"泰安市人民政府", "泰安市工业和信息化局", "肥城市人民政府"} <= hosts


# --------------------------------------------------------------------------- aliases, lists, debris

def test_a_name_the_report_defines_stands_for_the_full_name(extract_text):
    x = extract_text(HEADER + "泰安机械科学研究总院有限公司(以下简称“泰机院”)实力雄厚。由泰机院牵头的泰安市农机产业联盟成立。\n")
    assert ("泰安市农机产业联盟", "foundedBy", "泰安机械科学研究总院有限公司") in relations(x)
    assert "泰机院" not in orgs(x)


def test_a_university_by_its_short_form(extract_text):
    x = extract_text(HEADER + "山东农业大学实力雄厚。由高新区管委会与山农大共建的泰安农机装备创新中心揭牌。\n")
    assert ("泰安农机装备创新中心", "foundedBy", "山东农业大学") in relations(x)


def test_a_research_institute_by_its_short_form(extract_text):
    x = extract_text(HEADER + "市政府与中国科学院泰安精密机械研究所签约,支持泰安精机所牵头建设泰安市精密装备创新联合体。\n")
    assert ("泰安市精密装备创新联合体", "foundedBy", "中国科学院泰安精密机械研究所") in relations(x)


def test_firms_in_a_published_list_of_a_clusters_lead_firms(extract_text):
    x = extract_text(HEADER + "泰安高端装备产业集群增长6%。会上公布了首批8家高端装备“链主”企业名单,"
                              "泰安华美电子有限公司、泰山重工集团有限公司等入选。\n")
    rels = relations(x)
    assert ("泰安华美电子有限公司", "leadFirmOf", "高端装备") in rels
    assert any(p == "selectedInto" and s == "泰山重工集团有限公司" for s, p, _ in rels)


def test_selected_into_a_list_published_by_a_named_body(extract_text):
    x = extract_text(HEADER + "泰安华美电子有限公司入选省工业和信息化厅公布的“2024年山东省智能工厂名单”。\n")
    assert any(s == "泰安华美电子有限公司" and p == "selectedInto" and "智能工厂" in o for s, p, o in relations(x))


def test_a_list_in_corner_brackets_is_a_document(extract_text):
    x = extract_text(HEADER + "工信部發布「2024年度智能製造優秀場景名單」,泰山重工入選。\n")
    docs = {e.label for e in x.entities if e.kind == "document"}
    assert "2024年度智能制造优秀场景名单" in docs


def test_a_rig_called_a_platform_is_not_an_organisation(extract_text):
    x = extract_text(HEADER + "泰山重工交付深水半潜式钻井平台和海上风电安装平台,没有平台支撑难以为继。\n")
    assert not any(n.endswith("平台") for n in orgs(x))


def test_a_firm_name_never_swallows_the_firm_before_yu(extract_text):
    x = extract_text(HEADER + "泰山重工与博格华纳传动(中国)有限公司签署合作协议。\n")
    assert not any("与" in n for n in orgs(x))


def test_related_news_and_reprint_lines_are_not_the_article(extract_text):
    x = extract_text(HEADER + "泰安高端装备产业集群增长6%。\n产值继续提高。\n订单不断增加。\n本文转载自泰安日报\n"
                              "相关新闻\n·泰安智能传感器产业营收增长10.2%\n")
    assert "智能传感器" not in x.document.text and "转载" not in x.document.text


def test_a_cluster_named_bare_as_a_subject_is_placed_in_its_system(extract_text):
    x = extract_text("泰安智能装备产业集群规模扩大\n2024-06-20 09:00:00  来源:泰安日报\n"
                     "泰安智能装备产业集群增长6%。智能装备是泰安“3+5”现代化产业体系中的主导产业。\n")
    assert ("智能装备", "partOf", "3+5现代化产业体系") in relations(x)


def test_hosts_named_after_the_event_sentence_with_guidance_first(extract_text):
    x = extract_text(HEADER + "6月8日,2024泰安高端装备产业发展大会在泰安国际会展中心举行。"
                              "大会由省工业和信息化厅指导,市政府主办,市工信局、宁阳县人民政府共同承办。\n")
    hosts = {o for s, p, o in relations(x) if p == "organizedBy"}
    assert {"泰安市人民政府", "泰安市工业和信息化局", "宁阳县人民政府"} <= hosts


def test_a_short_name_of_several_words_and_one_inside_a_known_name(extract_text):
    x = extract_text(HEADER + "泰山通用重工汽车股份有限公司产销两旺。由泰山通用重工牵头的泰安市重卡产业联盟成立。\n")
    assert ("泰安市重卡产业联盟", "foundedBy", "泰山通用重工汽车股份有限公司") in relations(x)


def test_the_issuer_of_a_list_a_firm_is_selected_into(extract_text):
    x = extract_text(HEADER + "泰安华美电子有限公司入选山东省工业和信息化厅公布的2025年度山东省制造业头雁企业名单。\n")
    assert any(p == "issuedBy" and o == "山东省工业和信息化厅" for _, p, o in relations(x))


# --------------------------------------------------------------------------- back-references, lists by cluster

def test_gongsi_opening_a_clause_is_the_firm_the_report_is_about(extract_text):
    x = extract_text(HEADER + "走进泰安华美电子有限公司,生产线满负荷运转。这家企业是泰山控股集团有限公司旗下的核心企业。"
                              "去年,公司与山东科技大学签署合作协议。公司牵头成立泰安市电子信息产业联盟。\n")
    rels = relations(x)
    assert ("泰安华美电子有限公司", "partOf", "泰山控股集团有限公司") in rels
    assert ("泰安华美电子有限公司", "collaboratesWith", "山东科技大学") in rels
    assert ("泰安市电子信息产业联盟", "foundedBy", "泰安华美电子有限公司") in rels
    firm = next(e for e in x.entities if e.label == "泰安华美电子有限公司")
    assert "公司" not in firm.surfaces  # a back-reference is not one of its names


def test_a_consortium_founded_by_the_bodies_after_its_name(extract_text):
    x = extract_text(HEADER + "泰安市农机装备创新联合体日前揭牌。该联合体由泰山重工集团有限公司牵头,"
                              "联合山东农业大学、泰安华美电子有限公司共同组建。\n")
    founders = {o for s, p, o in relations(x) if p == "foundedBy" and s == "泰安市农机装备创新联合体"}
    assert founders == {"泰山重工集团有限公司", "山东农业大学", "泰安华美电子有限公司"}


def test_lines_of_a_lead_firm_list_by_cluster(extract_text):
    x = extract_text("泰安市工业和信息化局关于公布2025年度集群“链主”企业名单的通知\n2025-11-28 10:00:00  来源:泰安市工业和信息化局\n"
                     "确定泰山重工集团有限公司等4家企业为2025年度集群“链主”企业。\n"
                     "1.高端装备集群:泰山重工集团有限公司、泰安华美精工有限公司\n"
                     "2.新材料集群:泰安碳谷新材料有限公司、山东岱岳化工股份有限公司\n")
    rels = relations(x)
    assert ("泰安华美精工有限公司", "leadFirmOf", "高端装备") in rels
    assert ("山东岱岳化工股份有限公司", "leadFirmOf", "新材料") in rels
    assert any(s == "泰山重工集团有限公司" and p == "selectedInto" for s, p, _ in rels)
    assert "确定泰山重工集团有限公司" not in orgs(x)


def test_partners_of_an_agreement_listed_after_yu(extract_text):
    x = extract_text(HEADER + "泰安高新区管委会分别与京东物流、顺丰控股签署战略合作协议。\n")
    assert {"京东物流", "顺丰控股"} <= orgs(x).keys()


def test_a_quoted_brand_before_a_platform_name(extract_text):
    x = extract_text(HEADER + "由泰安数智港科技有限公司运营的“泰易通”物流公共信息平台接入企业500家。\n")
    assert ("“泰易通”物流公共信息平台", "operatedBy", "泰安数智港科技有限公司") in {
        (x.document.surface[m.start:m.end], r.predicate, r.object.label)
        for r in x.facts.relations for m in r.subject.mentions}


def test_firms_with_one_core_and_different_places_stay_apart(extract_text):
    x = extract_text(HEADER + "作为集群“链主”企业,泰安时代动力科技有限公司是宁德时代动力科技股份有限公司(以下简称“宁德时代”)"
                              "在泰安设立的全资子公司。\n")
    assert {"泰安时代动力科技有限公司", "宁德时代动力科技股份有限公司"} <= orgs(x).keys()
    assert ("泰安时代动力科技有限公司", "partOf", "宁德时代动力科技股份有限公司") in relations(x)


# --------------------------------------------------------------------------- held-out set 4's lessons

def test_a_short_form_begins_a_word(extract_text):
    x = extract_text(HEADER + "泰安市智能农机制造业创新中心揭牌。全市新增市级制造业创新中心2个,创新平台的集聚成效明显。\n")
    found = orgs(x)
    assert "泰安市智能农机制造业创新中心" in found
    assert not any(n.startswith("造业") for n in found) and "创新平台" not in found


def test_a_firms_design_centre_is_one_platform(extract_text):
    x = extract_text(HEADER + "3个市级工业设计中心为:山东泰岳农机有限公司工业设计中心、泰安宏达精密铸造有限公司工业设计中心。\n")
    found = orgs(x)
    assert found.get("山东泰岳农机有限公司工业设计中心") == "InnovationPlatform"
    assert found.get("泰安宏达精密铸造有限公司工业设计中心") == "InnovationPlatform"
    assert "工业设计中心" not in found


def test_an_attached_file_is_a_document(extract_text):
    x = extract_text(HEADER + "现将名单公布如下。\n附件:2025年度泰安市市级创新平台认定名单.pdf\n")
    docs = {e.label for e in x.entities if e.kind == "document"}
    assert "2025年度泰安市市级创新平台认定名单" in docs
    assert not any("创新平台" in n for n in orgs(x))


def test_a_count_of_clusters_is_not_part_of_a_name(extract_text):
    x = extract_text(HEADER + "高端装备、新材料、现代农业三大产业集群合计实现营业收入980亿元。三大产业集群增长较快。\n")
    clusters = clusters_of(x)
    assert "现代农业" in clusters
    assert not any("三大" in c for c in clusters)


def test_a_verb_before_a_cluster_named_elsewhere_is_cut(extract_text):
    x = extract_text(HEADER + "新材料产业集群产值增长8%。创新中心由泰山重工牵头组建,服务新材料产业集群。服务机器人产业集群产值增长5%。\n")
    clusters = clusters_of(x)
    assert "服务新材料" not in clusters
    assert "服务机器人" in clusters  # never named without 服务: the industry itself


def test_a_period_before_a_cluster_is_not_part_of_its_name(extract_text):
    x = extract_text(HEADER + "附表 1—5月农机装备产业集群主要指标\n")
    clusters = clusters_of(x)
    assert "农机装备" in clusters and not any(c.startswith("月") for c in clusters)


def test_a_cluster_named_with_jiqun_alone(extract_text):
    x = extract_text(HEADER + "泰安与济宁共同培育的泰济农机装备和智能制造集群,此前已入选国家先进制造业集群。企业集群效应显现。\n")
    clusters = clusters_of(x)
    assert any("农机装备和智能制造" in c for c in clusters)
    assert not any(c.startswith("企业") for c in clusters)


def test_single_character_adverbs_inside_unknown_names(extract_text):
    x = extract_text(HEADER + "龙头企业正岱集团股份有限公司与山东鸢都精工传动有限公司签署合作协议。公司也将扩产。\n")
    found = orgs(x)
    assert "正岱集团股份有限公司" in found and "山东鸢都精工传动有限公司" in found
    assert "岱集团股份有限公司" not in found and "精工传动有限公司" not in found


def test_a_list_item_repeating_a_defined_short_name(extract_text):
    x = extract_text(HEADER + "泰山智造系统股份有限公司(以下简称“泰山智造”)是链主企业。联盟成员达到47家,泰山智造、山东科技大学都是首批成员。\n")
    found = orgs(x)
    assert found.get("泰山智造系统股份有限公司") == "Firm"
    assert "泰山智造" not in found  # the same firm, not a university of its own


def test_founders_in_the_sentence_after_a_list_item(extract_text):
    x = extract_text(HEADER + "——泰安市智能农机制造业创新中心。由泰山重工集团有限公司牵头,联合山东农业大学等5家单位共同组建。\n")
    rels = relations(x)
    assert ("泰安市智能农机制造业创新中心", "foundedBy", "泰山重工集团有限公司") in rels
    assert ("泰安市智能农机制造业创新中心", "foundedBy", "山东农业大学") in rels


def test_the_host_before_a_venue_and_a_demonstrative_event(extract_text):
    x = extract_text(HEADER + "6月18日,市工业和信息化局在泰安高新区召开全市农机装备产业推进会。今天召开这次大会,意义重大。\n")
    ev = [i for i in x.facts.events if "推进会" in i.entity.label]
    assert ev and [o.label for o in ev[0].organizers] == ["泰安市工业和信息化局"]
    assert ev[0].venue is not None and "高新区" in ev[0].venue.label
    assert not any("这次" in e.label for e in x.entities if e.kind == "event")


def test_party_committee_and_information_offices(extract_text):
    x = extract_text(HEADER + "市委办公室、市政府办公室联合印发《泰安市农机装备产业集群培育方案》。泰安市人民政府新闻办公室举行发布会。\n")
    found = orgs(x)
    assert found.get("泰安市委办公室") == "GovernmentBody"
    assert found.get("泰安市人民政府新闻办公室") == "GovernmentBody"
    assert "办公室" not in found


def test_a_short_name_whose_core_is_too_short(extract_text):
    x = extract_text(HEADER + "链主企业泰捷科技股份有限公司营收增长12%。由泰捷科技牵头,联合泰山学院等20家单位组建的泰安市农机装备产业创新联盟今年发布团体标准3项。\n")
    assert ("泰安市农机装备产业创新联盟", "foundedBy", "泰捷科技股份有限公司") in relations(x)
    assert ("泰安市农机装备产业创新联盟", "foundedBy", "泰山学院") in relations(x)


def test_the_company_after_you_is_the_firm_the_report_is_about(extract_text):
    x = extract_text(HEADER + "山东泰岳农机有限公司前三季度交付农机1.2万台。由该公司牵头组建的泰安市智能农机产业联盟吸纳成员40家。\n")
    assert ("泰安市智能农机产业联盟", "foundedBy", "山东泰岳农机有限公司") in relations(x)


# --------------------------------------------------------------------------- notices of recognised clusters

def test_a_numbered_list_item_keeps_no_mark_in_the_cluster_name(extract_text):
    x = extract_text(HEADER + "二、省级集群(2个)\n1．肥城市盐化工新材料产业集群\n2．宁阳县绿色建材产业集群\n")
    clusters = clusters_of(x)
    assert "肥城市盐化工新材料" in clusters and "宁阳县绿色建材" in clusters
    assert not any(c.startswith((".", "．")) for c in clusters)


def test_the_body_promoting_a_listed_cluster(extract_text):
    x = extract_text(HEADER + "1．新泰市输变电装备产业集群\n促进机构：新泰市输变电装备产业发展促进中心\n"
                     "2．东平县农机零部件产业集群\n促进机构：东平县农机零部件行业协会\n")
    rels = relations(x)
    assert orgs(x).get("新泰市输变电装备产业发展促进中心") == "OtherOrganization"
    assert ("新泰市输变电装备", "supportedBy", "新泰市输变电装备产业发展促进中心") in rels
    assert ("东平县农机零部件", "supportedBy", "东平县农机零部件行业协会") in rels


def test_an_ordinal_before_a_programme_is_not_a_cluster(extract_text):
    x = extract_text(HEADER + "泰安高端装备产业集群入选名单,成为我市第三个国家级中小企业特色产业集群。\n")
    assert not any("第三个" in c or "中小企业" in c for c in clusters_of(x))


def test_about_clusters_is_not_a_cluster(extract_text):
    x = extract_text(HEADER + "下文节选讲话中有关产业集群的段落。\n")
    assert not any("有关" in c for c in clusters_of(x))


def test_each_item_of_a_counted_list_of_clusters(extract_text):
    x = extract_text(HEADER + "纺织服装、绿色化工、食品加工三个百亿级产业集群分别增长6%、8%和5%。\n")
    clusters = clusters_of(x)
    assert {"纺织服装", "绿色化工", "食品加工"} <= clusters
    assert not any("三个" in c for c in clusters)


def test_a_list_that_does_not_match_its_count_names_no_cluster_before_it(extract_text):
    x = extract_text(HEADER + "坚持稳中求进、以进促稳,汽车零部件、智能农机两大产业集群提质增效。\n")
    clusters = clusters_of(x)
    assert "智能农机" in clusters and "汽车零部件" in clusters
    assert not any("以进促稳" in c for c in clusters)


# --------------------------------------------------------------------------- names

def test_an_old_regional_name_begins_a_firm_name(extract_text):
    x = extract_text(HEADER + "总投资30亿元的山东三秦精密轴承有限公司项目落户泰安高新区。\n")
    found = orgs(x)
    assert "山东三秦精密轴承有限公司" in found and "精密轴承有限公司" not in found


def test_partners_joined_by_a_dash_name_one_joint_lab(extract_text):
    x = extract_text(HEADER + "山东岱岳精工机械股份有限公司新设“山东科技大学—岱岳精工智能农机联合实验室”。这个实验室由公司与山东科技大学共建。\n")
    assert "山东科技大学—岱岳精工智能农机联合实验室" in orgs(x)
    assert ("山东科技大学—岱岳精工智能农机联合实验室", "foundedBy", "山东科技大学") in relations(x)


def test_a_short_name_joined_to_an_institute_by_yu(extract_text):
    x = extract_text(HEADER + "山东岱岳精工机械股份有限公司是骨干企业。岱岳精工与冶金工艺研究院联合揭榜。\n")
    found = orgs(x)
    assert "冶金工艺研究院" in found
    assert not any(n.startswith("岱岳精工与") for n in found)


def test_a_verb_split_by_segmentation_stays_out_of_the_name(extract_text):
    x = extract_text(HEADER + "山东农业大学与泰山学院签约,共建昌泰智能农机联合研究院。\n")
    found = orgs(x)
    assert "昌泰智能农机联合研究院" in found and "建昌泰智能农机联合研究院" not in found


def test_a_matchmaking_platform_keeps_its_verb(extract_text):
    x = extract_text(HEADER + "由泰安链通数字科技有限公司运营的泰安农机产业链供需对接平台上线。\n")
    assert found_platform(x)
    assert ("泰安农机产业链供需对接平台", "operatedBy", "泰安链通数字科技有限公司") in relations(x)


def found_platform(x) -> bool:
    return orgs(x).get("泰安农机产业链供需对接平台") == "InnovationPlatform"


# --------------------------------------------------------------------------- alliances

def test_the_holders_of_an_alliances_council_seats_are_members(extract_text):
    x = extract_text(HEADER + "今天上午,泰安市智能农机产业联盟成立大会在泰安高新区举行。\n"
                     "大会选举产生第一届理事会。山东泰岳农机有限公司当选理事长单位,山东农业大学、泰山学院2家单位当选副理事长单位,"
                     "泰安市农机产业促进中心为秘书长单位。\n")
    rels = relations(x)
    assert "泰安市智能农机产业联盟" in orgs(x)
    for member in ("山东泰岳农机有限公司", "山东农业大学", "泰山学院", "泰安市农机产业促进中心"):
        assert (member, "memberOf", "泰安市智能农机产业联盟") in rels


def test_a_body_named_with_and_without_shi_is_one(extract_text):
    x = extract_text(HEADER + "泰安智能农机产业联盟成立。泰安市智能农机产业联盟吸纳成员40家。\n")
    found = orgs(x)
    assert "泰安市智能农机产业联盟" in found and "泰安智能农机产业联盟" not in found


# --------------------------------------------------------------------------- events

def test_any_ceremony_held_somewhere_is_an_event_and_its_hosts_follow(extract_text):
    x = extract_text(HEADER + "5月8日,泰安市智能农机产业创新联合体揭牌仪式在泰安高新区举行。"
                     "仪式由泰安市科学技术局、泰安高新区管委会共同主办。\n")
    events = {e.entity.label: e for e in x.facts.events}
    assert "泰安市智能农机产业创新联合体揭牌仪式" in events
    hosts = {o.label for o in events["泰安市智能农机产业创新联合体揭牌仪式"].organizers}
    assert "泰安市科学技术局" in hosts


def test_industries_listed_before_deng_jiqun_are_clusters(extract_text):
    x = extract_text(HEADER + "泰安市已认定市级创新联合体8家,覆盖农机装备、新型材料、生物医药等集群。"
                     "全市智能家电、食品加工等产业集群加快发展。\n")
    clusters = clusters_of(x)
    assert {"农机装备", "新型材料", "生物医药", "智能家电", "食品加工"} <= clusters
    assert not any(c.startswith("覆盖") for c in clusters)


def test_an_industry_called_one_of_the_clusters_is_one(extract_text):
    x = extract_text(HEADER + "农机装备产业是泰安市重点培育的先进制造业集群之一,带动配套企业200余家。\n")
    clusters = clusters_of(x)
    assert "农机装备" in clusters


def test_only_a_verb_of_building_gives_back_its_last_character():
    from clusterkg.loaders.segment import left_edge

    kept = "推动共同济大学附属研究院"  # 共|同济大学: 共同 is no verb of building
    assert kept[left_edge(kept, 0, kept.index("研究院")):] == "同济大学附属研究院"


# --------------------------------------------------------------------------- notices and lists of platforms

NOTICE = ("关于2026年度泰安市重点产业创新平台拟认定名单的公示\n"
          "2026-03-02 10:00:00  来源:泰安市工业和信息化局\n"
          "经企业申报和专家评审,拟认定以下平台,现予以公示。\n"
          "1.岱岳农机装备协同创新平台(运营单位:泰安岱岳智农科技有限公司;服务集群:农机装备产业集群)\n"
          "2.“泰芯云”工业互联网平台(建设运营单位:山东泰芯数字技术有限公司)\n"
          "3.肥城盐穴储能创新中心(依托单位:肥城盐能科技有限公司)\n"
          "单个平台最高补助200万元。\n"
          "泰安市工业和信息化局\n"
          "2026年3月2日\n")


def test_a_role_in_brackets_after_a_platform_names_its_operator(extract_text):
    rel = relations(extract_text(NOTICE))
    assert ("岱岳农机装备协同创新平台", "operatedBy", "泰安岱岳智农科技有限公司") in rel
    assert ("泰芯云工业互联网平台", "operatedBy", "山东泰芯数字技术有限公司") in rel
    assert ("肥城盐穴储能创新中心", "operatedBy", "肥城盐能科技有限公司") in rel
    # the cluster a platform serves is not its operator
    assert not any(p == "operatedBy" and "集群" in o for _s, p, o in rel)


def test_a_notice_whose_title_is_a_line_is_a_document_signed_by_its_issuer(extract_text):
    x = extract_text(NOTICE)
    docs = {e.label for e in x.entities if e.kind == "document"}
    assert "关于2026年度泰安市重点产业创新平台拟认定名单的公示" in docs
    assert ("关于2026年度泰安市重点产业创新平台拟认定名单的公示", "issuedBy", "泰安市工业和信息化局") in relations(x)


def test_a_notice_line_inside_a_sentence_is_not_a_document(extract_text):
    x = extract_text(HEADER + "市工信局发布了关于开展智能工厂申报工作的通知,企业踊跃申报。\n")
    assert not any(e.label.startswith("关于") for e in x.entities if e.kind == "document")


def test_a_single_platform_is_nobody_in_particular(extract_text):
    assert "单个平台" not in orgs(extract_text(NOTICE))


def test_a_meeting_held_after_a_bracketed_venue_is_an_event(extract_text):
    x = extract_text(HEADER + "5月8日,泰安—济宁农机装备产业协作大会在泰安高新技术产业开发区(以下简称“泰安高新区”)举行,"
                              "大会由泰安市人民政府主办。\n"
                              "5月9日,全市农机装备产业链运行调度会在岱岳区召开,会议由市工信局主办。\n")
    events = {e.entity.label: e.date for e in x.facts.events}
    assert events.get("泰安—济宁农机装备产业协作大会") == date(2024, 5, 8)
    assert events.get("全市农机装备产业链运行调度会") == date(2024, 5, 9)
    assert ("泰安—济宁农机装备产业协作大会", "organizedBy", "泰安市人民政府") in relations(x)


def test_a_platform_run_by_a_subsidiary_is_operated_by_it_and_the_subsidiary_is_part_of_the_builder(extract_text):
    rel = relations(extract_text(HEADER + "泰山重工集团有限公司搭建的“农机云”工业互联网平台,由其全资子公司泰安农云数字科技有限公司"
                                          "运营,已服务企业210家。\n"))
    assert ("农机云工业互联网平台", "operatedBy", "泰安农云数字科技有限公司") in rel
    assert ("泰安农云数字科技有限公司", "partOf", "泰山重工集团有限公司") in rel


def test_a_firm_that_runs_a_platform_operates_it(extract_text):
    rel = relations(extract_text(HEADER + "泰安智农数字科技有限公司负责运营“链上农机”产业互联网平台,目前已接入企业96家。\n"))
    assert ("链上农机产业互联网平台", "operatedBy", "泰安智农数字科技有限公司") in rel


def test_traditional_style_texts_corner_quotes_short_names_and_guilds(extract_text):
    x = extract_text("泰安農機聚落持續擴張\n2024/06/20 09:00　記者／泰安報導\n"
                     "山東泰安高端農機產業集群（下稱泰安農機聚落）持續擴張。"
                     "論壇由泰安市人民政府與臺灣區機械工業同業公會共同主辦。\n"
                     "泰安農機聚落的「鏈主」泰山智耕機械有限公司前三季營收52億元人民幣。\n"
                     "「農機智聯」工業互聯網平臺由泰安高新區管委會營運。\n")
    found = orgs(x)
    assert found.get("台湾区机械工业同业公会") == "Alliance"
    assert "泰山智耕机械有限公司" in found and not any("链主" in n for n in found)
    assert not any(n.startswith(("下称", "简称")) for n in found)
    assert any(n.endswith("农机智联工业互联网平台") for n in found)
    cluster = next(e for e in x.entities if e.kind == "cluster")
    assert ("泰山智耕机械有限公司", "leadFirmOf", cluster.label) in relations(x)


def test_tiers_of_size_and_figures_are_not_industries(extract_text):
    x = extract_text(HEADER + "全市已形成2个千亿级、5个五百亿级产业集群。化工新材料营业收入占集群比重达到31.2%。"
                              "在全国同类产业集群中居第3位。\n")
    assert not any("亿级" in c or "营业收入" in c or "同类" in c for c in clusters_of(x))


# --------------------------------------------------------------------------- events (held-out 9's gaps)

def test_a_meeting_named_after_held_de_is_an_event(extract_text):
    x = extract_text(HEADER + "记者从6月3日召开的肥城市2024年项目建设推进大会获悉,全市新开工项目58个。\n"
                              "6月5日,市政协召开智能农机产业重点提案办理协商会。\n")
    events = {e.entity.label: e.date for e in x.facts.events}
    assert events.get("肥城市2024年项目建设推进大会") == date(2024, 6, 3)
    assert events.get("智能农机产业重点提案办理协商会") == date(2024, 6, 5)


def test_a_conference_centre_is_a_venue_not_a_meeting(extract_text):
    x = extract_text(HEADER + "记者从6月12日在泰安会议展览中心举行的2024泰山智能装备(济南)推介会上获悉,"
                              "现场签约项目12个。\n")
    events = {e.entity.label for e in x.facts.events}
    assert events == {"2024泰山智能装备(济南)推介会"}


def test_a_headline_naming_a_meeting_in_fewer_words_names_the_same_meeting(extract_text):
    x = extract_text("泰安农机装备产业链年度推进会召开\n2024-06-20 09:00:00  来源:泰安日报\n"
                     "6月18日,泰安市农机装备产业链“链长制”工作年度推进会在岱岳区召开。\n")
    events = [e for e in x.entities if e.kind == "event"]
    assert len(events) == 1
    assert "泰安农机装备产业链年度推进会" in events[0].surfaces
    assert [ev.date for ev in x.facts.events if ev.entity is events[0]] == [date(2024, 6, 18)]


def test_meetings_that_share_a_head_stay_apart_when_neither_name_holds_the_other(extract_text):
    x = extract_text(HEADER + "6月18日,全市农机装备产业链推进会在岱岳区召开。6月19日,全市新材料产业链推进会在泰山区召开。\n")
    assert len([e for e in x.entities if e.kind == "event"]) == 2


def test_verbs_and_symbols_before_a_head_are_not_part_of_the_name(extract_text):
    x = extract_text(HEADER + "◆新平台◆\n泰安岱工检测技术有限公司负责运营泰山智能农机公共检测服务平台。\n"
                              "联盟秘书处设于泰安高新区智能装备产业园,部分市政协委员参加调研。\n"
                              "对使用平台服务的中小企业给予补贴。\n")
    found = orgs(x)
    assert {"泰安岱工检测技术有限公司", "泰山智能农机公共检测服务平台"} <= found.keys()
    assert not [n for n in found if n.startswith(("◆", "负责", "运营", "秘书处", "部分", "使用"))], found


def test_a_service_centre_with_a_specific_name_is_an_organisation(extract_text):
    x = extract_text(HEADER + "由泰安市农机产业服务中心运营的“农机通”平台已接入企业120家。\n")
    assert orgs(x).get("泰安市农机产业服务中心") == "OtherOrganization"


def test_selected_le_into_a_list(extract_text):
    x = extract_text(HEADER + "泰安岱工检测技术有限公司等3家企业入选了山东省专精特新中小企业名单。\n")
    assert ("泰安岱工检测技术有限公司", "selectedInto", "山东省专精特新中小企业") in relations(x)


def test_signings_job_fairs_and_quoted_press_conferences_are_events(extract_text):
    x = extract_text(HEADER + "6月15日,泰安市2024年二季度重大项目集中开工暨签约活动在泰安高新区举行。\n"
                              "6月1日,由泰安高新区管委会主办、泰安众才人力资源有限公司承办的“泰山英才·智能装备人才专场招聘会”"
                              "在泰安会展中心举行。\n"
                              "6月10日,市政府新闻办召开“5+3”产业集群培育新闻发布会。\n"
                              "今年以来,全市共举办产业链推介活动18场。\n")
    events = {e.entity.label: e.date for e in x.facts.events}
    assert events.get("泰安市2024年二季度重大项目集中开工暨签约活动") == date(2024, 6, 15)
    assert events.get("泰山英才·智能装备人才专场招聘会") == date(2024, 6, 1)  # labels drop the quotes
    assert events.get("5+3产业集群培育新闻发布会") == date(2024, 6, 10)
    assert len(events) == 3, events


# --------------------------------------------------------------------------- finance bodies, campuses

def test_banks_branches_and_named_funds_are_organisations(extract_text):
    x = extract_text(HEADER + "中国工商银行泰安分行、泰安市商业银行与泰山重工集团有限公司签署协议,"
                              "中国人民银行泰安市分行给予指导。岱岳区属国企泰安泰山投资集团有限公司设立规模10亿元的"
                              "岱岳区“双十”产业引导基金。政府引导基金和政策性银行也积极参与。\n")
    found = orgs(x)
    assert found.get("中国工商银行泰安分行") == "Firm" and found.get("泰安市商业银行") == "Firm"
    assert found.get("中国人民银行泰安市分行") == "GovernmentBody"  # the central bank's branch
    assert found.get("岱岳区双十产业引导基金") == "OtherOrganization"  # labels drop the quotes
    assert "泰安泰山投资集团有限公司" in found  # 区属国企 is not part of the name
    assert "政府引导基金" not in found and "政策性银行" not in found


def test_a_fund_is_operated_by_the_firm_that_manages_it(extract_text):
    x = extract_text(HEADER + "规模30亿元的泰安农机产业母基金由泰安岱宗产业基金管理有限公司管理。"
                              "泰安泰山投资集团有限公司下属的泰安泰山私募基金管理有限公司,管理着规模20亿元的"
                              "岱岳区“双十”产业引导基金。\n")
    rels = relations(x)
    assert ("泰安农机产业母基金", "operatedBy", "泰安岱宗产业基金管理有限公司") in rels
    assert ("岱岳区双十产业引导基金", "operatedBy", "泰安泰山私募基金管理有限公司") in rels
    assert ("泰安泰山私募基金管理有限公司", "partOf", "泰安泰山投资集团有限公司") in rels  # 下属 like 旗下


def test_a_zone_committees_company_is_part_of_it(extract_text):
    x = extract_text(HEADER + "泰安高新技术产业开发区管理委员会下属的泰安高新区科技发展有限公司负责运营检测平台。\n")
    assert ("泰安高新区科技发展有限公司", "partOf", "泰安高新技术产业开发区管理委员会") in relations(x)


def test_a_campus_in_brackets_is_part_of_a_universitys_name(extract_text):
    x = extract_text(HEADER + "泰山重工与山东农业大学(泰安)(以下简称“山农大(泰安)”)签署协议。"
                              "山农大(泰安)今年向集群输送毕业生300人。\n")
    uni = [e for e in x.entities if e.kind == "org" and e.category == "University"]
    assert [e.label for e in uni] == ["山东农业大学(泰安)"]
    assert len(uni[0].mentions) == 3  # the name, its defined short name and the short name's use


def test_hosts_named_before_a_short_name_in_brackets_still_host(extract_text):
    x = extract_text(HEADER + "6月5日,2025泰安农机装备产业发展大会在泰安国际会展中心开幕。大会由泰安市人民政府主办,"
                              "泰安市工业和信息化局(以下简称“市工信局”)、泰安高新技术产业开发区管理委员会"
                              "(以下简称“泰安高新区管委会”)承办。\n")
    rels = relations(x)
    for host in ("泰安市人民政府", "泰安市工业和信息化局", "泰安高新技术产业开发区管理委员会"):
        assert ("泰安农机装备产业发展大会", "organizedBy", host) in rels, host


def test_medical_products_administrations_are_government_bodies(extract_text):
    x = extract_text(HEADER + "集群企业新获国家药品监督管理局三类注册证12张,山东省药品监督管理局(以下简称“省药监局”)"
                              "给予支持,省药监局还将开展服务。\n")
    found = orgs(x)
    assert found.get("国家药品监督管理局") == "GovernmentBody"
    assert found.get("山东省药品监督管理局") == "GovernmentBody"


def test_a_congress_session_is_named_to_its_session_and_its_headline_short_name_is_the_same(extract_text):
    x = extract_text("岱岳区十届人大四次会议开幕\n2024-01-09 09:00:00  来源:泰安日报\n"
                     "1月8日上午,泰安市岱岳区第十届人民代表大会第四次会议在区人民会堂开幕。"
                     "此前一天,政协泰安市岱岳区第九届委员会第四次会议已在同一会场开幕。\n")
    events = {e.entity.label: e.date for e in x.facts.events}
    assert events.keys() == {"泰安市岱岳区第十届人民代表大会第四次会议", "政协泰安市岱岳区第九届委员会第四次会议"}, events
    assert events["泰安市岱岳区第十届人民代表大会第四次会议"] == date(2024, 1, 8)


def test_located_through_a_short_name_in_brackets_and_a_headquarters(extract_text):
    x = extract_text(HEADER + "岱宗氢能科技有限公司总部位于泰安高新技术产业开发区。"
                              "位于泰安经济技术开发区(以下简称“泰安经开区”)的泰安鑫泰合金材料有限公司获评专精特新企业。\n")
    rels = relations(x)
    assert ("岱宗氢能科技有限公司", "locatedIn", "泰安高新技术产业开发区") in rels
    assert ("泰安鑫泰合金材料有限公司", "locatedIn", "泰安经济技术开发区") in rels
    # the place (and its short name) only say where the firm is: they were not selected
    assert {r for r in rels if r[1] == "selectedInto"} == {("泰安鑫泰合金材料有限公司", "selectedInto", "专精特新企业")}


def test_the_owner_before_qixia_de_is_not_what_was_selected(extract_text):
    x = extract_text(HEADER + "泰山重工集团有限公司旗下的泰安泰山液压有限公司入选山东省专精特新中小企业名单。\n")
    selected = {r[0] for r in relations(x) if r[1] == "selectedInto"}
    assert selected == {"泰安泰山液压有限公司"}


def test_two_bodies_that_convene_a_meeting_both_host_it(extract_text):
    x = extract_text(HEADER + "3月10日,市委、市政府召开全市农机装备产业链“双链长”工作推进会。\n")
    hosts = {r[2] for r in relations(x) if r[1] == "organizedBy"}
    assert hosts == {"中共泰安市委员会", "泰安市人民政府"}


def test_new_members_listed_among_are_members_of_the_alliance(extract_text):
    x = extract_text(HEADER + "泰安农机装备产业联盟今年以来新增会员单位14家,泰安岱宗农机有限公司、"
                              "泰安鲁泰液压有限公司等位列其中,会员总数达到105家。\n")
    rels = relations(x)
    assert ("泰安岱宗农机有限公司", "memberOf", "泰安农机装备产业联盟") in rels
    assert ("泰安鲁泰液压有限公司", "memberOf", "泰安农机装备产业联盟") in rels


def test_a_list_published_by_a_body_is_issued_by_it_and_those_on_it_are_selected(extract_text):
    x = extract_text(HEADER + "8月,工信部公布2025年度中小企业特色产业集群名单,泰安高新区农机装备产业集群榜上有名。"
                              "本月初,山东省工业和信息化厅公布2025年度山东省制造业单项冠军企业名单,泰安岱宗农机有限公司、"
                              "泰安鲁泰液压有限公司等4家泰安企业上榜。\n")
    rels = relations(x)
    assert ("2025年度中小企业特色产业集群名单", "issuedBy", "工业和信息化部") in rels
    assert ("2025年度山东省制造业单项冠军企业名单", "issuedBy", "山东省工业和信息化厅") in rels
    for firm in ("泰安岱宗农机有限公司", "泰安鲁泰液压有限公司"):  # a place between the count and 企业
        assert (firm, "selectedInto", "2025年度山东省制造业单项冠军企业名单") in rels
    clusters = {r[0] for r in rels if r[1] == "selectedInto" and r[2] == "2025年度中小企业特色产业集群名单"}
    assert len(clusters) == 1 and next(iter(clusters)) in clusters_of(x)  # 榜上有名 after the name


def test_a_firm_named_in_the_clause_before_is_what_was_selected(extract_text):
    x = extract_text(HEADER + "位于泰安经济技术开发区的泰安澜泊生物科技有限公司,今年入选山东省专精特新中小企业名单。"
                              "泰安华晟陶瓷科技有限公司、泰安齐泰橡胶有限公司入选今年第一批山东省“瞪羚”企业名单。\n")
    rels = relations(x)
    assert ("泰安澜泊生物科技有限公司", "selectedInto", "山东省专精特新中小企业") in rels
    # the year says when; it is not part of the list's name
    assert ("泰安华晟陶瓷科技有限公司", "selectedInto", "第一批山东省瞪羚企业") in rels
    assert not any(r[2].startswith("今年") for r in rels)


def test_a_firms_project_that_settles_in_a_zone_locates_the_firm_there(extract_text):
    x = extract_text(HEADER + "泰安宛光精密光学股份有限公司(以下简称“宛光光学”)今年营收增长。总投资36亿元的宛光光学"
                              "车载光学产业园项目选址泰安高新区。2018年扎根泰安经济技术开发区的泰安汉诺农业装备有限公司"
                              "产量增长。\n")
    rels = relations(x)
    assert ("泰安宛光精密光学股份有限公司", "locatedIn", "泰安高新区") in rels
    assert ("泰安汉诺农业装备有限公司", "locatedIn", "泰安经济技术开发区") in rels
    assert not any(n.endswith("产业园") for n in orgs(x))  # …产业园项目 is a project
    assert not any(n.startswith("年") for n in orgs(x))


def test_members_taken_in_listed_or_joining_an_alliance(extract_text):
    x = extract_text(HEADER + "泰安专用车产业联盟今年吸收成员单位23家,成员总数达到97家,泰安宏擎液压科技有限公司、"
                              "泰安卓安消防装备有限公司均在其列。泰安光电产业联盟新接纳泰安镜联光电有限公司等12家成员单位。"
                              "泰安跃步新材料科技有限公司等企业今年成为泰安市运动鞋服产业促进会会员单位。"
                              "泰安现代煤化工产业联盟现有会员企业92家,今年泰安清源煤制油有限公司等17家企业加盟。\n")
    rels = relations(x)
    for member, alliance in (("泰安宏擎液压科技有限公司", "泰安专用车产业联盟"), ("泰安卓安消防装备有限公司", "泰安专用车产业联盟"),
                             ("泰安镜联光电有限公司", "泰安光电产业联盟"),
                             ("泰安跃步新材料科技有限公司", "泰安市运动鞋服产业促进会"),
                             ("泰安清源煤制油有限公司", "泰安现代煤化工产业联盟")):
        assert (member, "memberOf", alliance) in rels, member


def test_thousands_separators_keep_a_number_whole(extract_text):
    x = extract_text(HEADER + "今年前三季度,泰安现代煤化工产业集群实现产值1,862亿元人民币,同比增长8.4%。\n")
    values = [(str(ob.quantity.value), ob.quantity.unit) for ob in x.facts.observations]
    assert values == [("1862", "亿元"), ("8.4", "%")]


def test_lead_firms_called_the_clusters_lead_goose_pilot_or_head(extract_text):
    x = extract_text(HEADER + "作为泰安高端装备产业集群的“领头雁”,泰安燊泰重型装备有限公司1—10月实现营业收入92.7亿元。"
                              "安全应急产业集群的领航企业泰安安盾应急装备股份有限公司今年营收增长。"
                              "作为新能源产业集群的头部企业,泰安华鼎新能源科技有限公司营收增长。\n")
    leads = {(r[0], r[2]) for r in relations(x) if r[1] == "leadFirmOf"}
    assert leads == {("泰安燊泰重型装备有限公司", "高端装备"), ("泰安安盾应急装备股份有限公司", "安全应急"),
                     ("泰安华鼎新能源科技有限公司", "新能源")}, leads


def test_operators_that_run_manage_or_are_entrusted_with_a_base(extract_text):
    x = extract_text(HEADER + "泰安光电产业联盟今年成立。由泰安高新区管委会出资组建的泰安光电中试服务有限公司,"
                              "负责运营泰安光电中试基地。泰安高新区管委会投资建设的泰安煤化工中试基地,委托泰安榆科中试服务"
                              "有限公司托管运营。\n")
    rels = relations(x)
    assert ("泰安光电中试基地", "operatedBy", "泰安光电中试服务有限公司") in rels
    assert ("泰安煤化工中试基地", "operatedBy", "泰安榆科中试服务有限公司") in rels
    # 由A组建的B opens a sentence that names B itself: A did not found the alliance before it
    assert not any(r[0] == "泰安光电产业联盟" for r in rels)


def test_a_university_after_yu_is_a_name_of_its_own(extract_text):
    x = extract_text(HEADER + "泰安跃步新材料科技有限公司(以下简称“跃步新材”)今年营收增长。跃步新材与华侨大学签署合作协议。\n")
    assert "华侨大学" in orgs(x) and not any("与" in n for n in orgs(x))
    assert ("泰安跃步新材料科技有限公司", "collaboratesWith", "华侨大学") in relations(x)


def test_generic_platforms_counted_chains_and_related_news_are_not_facts(extract_text):
    x = extract_text(HEADER + "实行“链长制”,一条产业链一个工作专班。\n省级中试验证平台和共性平台建设加快。\n"
                              "境内外上市公司达到12家。\n相关资讯:\n晋江鞋服产业集群营收增长5.8%\n")
    assert not orgs(x)
    assert clusters_of(x) <= {"高端装备"}  # the headline's cluster only
    assert not x.facts.observations[1:]  # 12家 only; the related headline's figure is furniture


def test_solvers_who_take_up_a_challenge_list_in_other_words(extract_text):
    x = extract_text(HEADER + "市工信局发布《2025年泰安市产业集群关键核心技术攻关榜单》。东南大学、南京工业大学等31家单位"
                              "成功摘榜。聊城大学等9家单位应榜。山东体育学院、齐鲁工业大学等5家单位竞得其中7项。\n")
    solvers = {r[0] for r in relations(x) if r[1] == "participatesIn"}
    assert solvers == {"东南大学", "南京工业大学", "聊城大学", "山东体育学院", "齐鲁工业大学"}, solvers


def test_hosts_named_as_the_hosting_parties_or_co_hosts(extract_text):
    x = extract_text(HEADER + "11月19日,2025泰安新能源汽车产业链协同发展大会在泰安国际会展中心开幕。本届大会的主办方为"
                              "泰安市人民政府、济宁市人民政府,承办方为泰安市工业和信息化局,中国汽车工业协会为指导单位。\n"
                              "9月5日,2025泰安石化新材料产业发展大会在泰安开幕。大会由山东省工业和信息化厅与泰安市人民政府合办,"
                              "泰安绿色化工高新区管委会具体承办。推进会由泰安市商务局牵头举办。\n")
    hosts = {(r[0], r[2]) for r in relations(x) if r[1] == "organizedBy"}
    assert hosts == {("泰安新能源汽车产业链协同发展大会", "泰安市人民政府"), ("泰安新能源汽车产业链协同发展大会", "济宁市人民政府"),
                     ("泰安新能源汽车产业链协同发展大会", "泰安市工业和信息化局"),
                     ("泰安石化新材料产业发展大会", "山东省工业和信息化厅"), ("泰安石化新材料产业发展大会", "泰安市人民政府"),
                     ("泰安石化新材料产业发展大会", "泰安绿色化工高新区管委会")}, hosts  # the 推进会 is another meeting


def test_founders_who_set_up_build_jointly_or_sign_to_build(extract_text):
    x = extract_text(HEADER + "由泰安庐陵精密电路股份有限公司联合泰山学院设立的山东省高密度互连电路板工程研究中心投入运行。"
                              "泰安旭岚储能科技有限公司系泰安旭岚控股集团有限公司的全资子公司。"
                              "泰山学院与泰安泓川矿山装备有限公司签约共建的矿山应急救援装备联合研究中心揭牌。\n")
    rels = relations(x)
    for founder in ("泰安庐陵精密电路股份有限公司", "泰山学院"):  # 互连 is part of the name
        assert ("山东省高密度互连电路板工程研究中心", "foundedBy", founder) in rels
    assert ("泰安旭岚储能科技有限公司", "partOf", "泰安旭岚控股集团有限公司") in rels  # 系…的全资子公司
    for founder in ("泰山学院", "泰安泓川矿山装备有限公司"):
        assert ("矿山应急救援装备联合研究中心", "foundedBy", founder) in rels


def test_an_operator_named_after_the_platform(extract_text):
    x = extract_text(HEADER + "由泰安宏岳工程机械股份有限公司牵头组建的山东省智能施工装备技术创新中心于9月获批,运营主体为"
                              "泰安智建装备研究院有限公司。山东省氟硅精细化学品重点实验室由泰安衢晟氟硅新材料股份有限公司与"
                              "浙江大学衢州研究院联建,日常运行由泰安衢晟新材料研究院有限公司负责。泰山智能矿山装备研究院,"
                              "运营由泰安泓智科技服务有限公司承担。\n")
    rels = relations(x)
    assert ("山东省智能施工装备技术创新中心", "operatedBy", "泰安智建装备研究院有限公司") in rels
    assert ("山东省氟硅精细化学品重点实验室", "operatedBy", "泰安衢晟新材料研究院有限公司") in rels
    assert ("山东省氟硅精细化学品重点实验室", "foundedBy", "浙江大学衢州研究院") in rels  # 联建
    assert ("泰山智能矿山装备研究院", "operatedBy", "泰安泓智科技服务有限公司") in rels


def test_placed_attached_and_parent_named_organisations(extract_text):
    x = extract_text(HEADER + "泰安市智能农机产业公共服务中心设于泰安高新区,由泰安岱联农装有限公司托管运营。"
                              "泰安农机装备技术研究院挂靠山东农业大学。泰安岱联农装有限公司的母公司为山东岱联装备集团有限公司,"
                              "其控股子公司泰安岳峰液压有限公司进驻泰安经济技术开发区。"
                              "市国资委所属泰安岱宗投资集团有限公司出资设立泰安市农机装备产业发展基金,"
                              "基金管理人为泰安岱宗私募基金管理有限公司。\n")
    found, rels = orgs(x), relations(x)
    assert "泰安高新区" in found and "泰安经济技术开发区" in found  # 设于, 进驻 are not part of the names
    assert "泰安市农机装备产业发展基金" in found and "泰安岱宗私募基金管理有限公司" in found
    assert ("泰安市智能农机产业公共服务中心", "locatedIn", "泰安高新区") in rels
    assert ("泰安农机装备技术研究院", "partOf", "山东农业大学") in rels  # 挂靠
    assert ("泰安岱联农装有限公司", "partOf", "山东岱联装备集团有限公司") in rels  # 的母公司为
    assert ("泰安岳峰液压有限公司", "locatedIn", "泰安经济技术开发区") in rels  # 进驻
    assert ("泰安岱宗投资集团有限公司", "partOf", "泰安市国有资产监督管理委员会") in rels  # 所属
    assert ("泰安市农机装备产业发展基金", "operatedBy", "泰安岱宗私募基金管理有限公司") in rels
    assert not any(c.startswith("农机装备") and c != "农机装备" for c in clusters_of(x))


def test_cluster_names_without_verbs_ranks_counts_of_places_or_a_place_alone(extract_text):
    x = extract_text(HEADER + "泰安输变电装备产业集群与新能源电池产业集群加速融合。三是深化产业链协作。"
                              "全力支持泰安建设世界级输变电装备产业集群。截至6月底,三市新能源电池产业链规上企业达到620家。"
                              "6月18日,岱岳区产业集群银企对接日活动举行。\n")
    found = clusters_of(x)
    assert {"输变电装备", "新能源电池"} <= found
    assert not [c for c in found if "与" in c or "深化" in c or "世界级" in c or "三市" in c]
    assert not [c for c in found if c.endswith("区") or c in ("产业集群", "")]
    assert any(e.kind == "event" and e.label == "岱岳区产业集群银企对接日活动" for e in x.entities)


def test_solvers_of_a_list_whose_title_holds_jiebang_and_each_clause_its_own(extract_text):
    x = extract_text(HEADER + "6月,市科技局发布“输变电装备关键技术攻关揭榜挂帅项目榜单”,共发布技术需求8项,泰山学院、"
                              "山东科技大学等5家单位成功揭榜。今年8月,泰安市科学技术局发布“2025年度农机装备关键技术攻关需求清单”,"
                              "列出攻关项目12项,山东农业大学揭榜其中2项,泰山科技学院揭榜1项。\n")
    rels = relations(x)
    for solver in ("泰山学院", "山东科技大学"):
        assert (solver, "participatesIn", "输变电装备关键技术攻关揭榜挂帅项目榜单") in rels
    assert not any(p == "participatesIn" and s == "泰安市科学技术局" for s, p, _ in rels)
    for solver in ("山东农业大学", "泰山科技学院"):  # a 需求清单 taken up is a challenge list too
        assert (solver, "participatesIn", "2025年度农机装备关键技术攻关需求清单") in rels


def test_operators_in_a_clause_after_the_founders_or_relied_on(extract_text):
    x = extract_text(HEADER + "泰安市输变电产业研究院由泰安市人民政府与山东科技大学共建,由泰安岱研科技有限公司负责运营。"
                              "泰安市农机公共技术服务平台由泰安经济技术开发区管理委员会投资建设,交由泰安经开发展集团有限公司运营。"
                              "山东省输变电工程技术研究中心依托泰安岱源电气股份有限公司建设,今年新获专利46件。"
                              "泰山内燃机技术创新中心由泰安岱柴集团有限公司牵头建设,泰安岱动科技研究院有限公司负责中心的日常运营。\n")
    rels = relations(x)
    assert ("泰安市输变电产业研究院", "operatedBy", "泰安岱研科技有限公司") in rels
    assert ("泰安市农机公共技术服务平台", "operatedBy", "泰安经开发展集团有限公司") in rels  # 交由 is not in the name
    assert ("山东省输变电工程技术研究中心", "operatedBy", "泰安岱源电气股份有限公司") in rels
    assert ("泰山内燃机技术创新中心", "operatedBy", "泰安岱动科技研究院有限公司") in rels


def test_a_meeting_is_hosted_by_those_named_several_sentences_after_it(extract_text):
    x = extract_text(HEADER + "记者从6月18日在泰安举行的2025泰安输变电装备产业发展大会上获悉,上半年集群产值增长15%。"
                              "其中二季度产值增长18%。集群规上企业达到210家。"
                              "大会由泰安市人民政府、中国电器工业协会主办,泰安市工业和信息化局承办。\n")
    rels = relations(x)
    for host in ("泰安市人民政府", "中国电器工业协会", "泰安市工业和信息化局"):
        assert ("2025泰安输变电装备产业发展大会", "organizedBy", host) in rels or \
            ("泰安输变电装备产业发展大会", "organizedBy", host) in rels


def test_firms_located_by_building_entering_or_as_this_firm(extract_text):
    x = extract_text(HEADER + "泰安岱宏重工股份有限公司建在泰安经济技术开发区的塔式起重机智能工厂今年投产。"
                              "泰安瑞丰氟材料有限公司今年进驻泰安高新技术产业开发区。"
                              "泰安储能谷新能源科技有限公司总投资20亿元的大型储能系统项目9月签约落户泰安经济技术开发区。"
                              "泰安永氟新材料股份有限公司营收增长。该公司投资15亿元建设的含氟精细化学品项目落户泰安高新区。"
                              "泰安恒驰液压科技有限公司总经理刘振华说。这家坐落在泰山科技园的企业去年成为一级供应商。\n")
    rels = relations(x)
    assert ("泰安岱宏重工股份有限公司", "locatedIn", "泰安经济技术开发区") in rels
    assert ("泰安瑞丰氟材料有限公司", "locatedIn", "泰安高新技术产业开发区") in rels
    assert ("泰安储能谷新能源科技有限公司", "locatedIn", "泰安经济技术开发区") in rels
    assert ("泰安永氟新材料股份有限公司", "locatedIn", "泰安高新区") in rels
    assert ("泰安恒驰液压科技有限公司", "locatedIn", "泰山科技园") in rels


def test_names_with_a_trade_word_jieba_tags_as_a_function_word_or_after_a_zone(extract_text):
    x = extract_text(HEADER + "湖北鼎新电路股份有限公司与黄石鼎新精密电子有限公司签约。前三季度公司营收增长12%。"
                              "走进泰安高新技术产业开发区山东岱虹光电科技股份有限公司的生产线。"
                              "山东省输变电中试基地(泰安)由泰安高新区管委会建设。\n")
    found = orgs(x)
    assert {"湖北鼎新电路股份有限公司", "黄石鼎新精密电子有限公司", "山东岱虹光电科技股份有限公司",
            "泰安高新技术产业开发区", "山东省输变电中试基地(泰安)"} <= found.keys()
    assert not [o for o in found if o.startswith(("电路", "前三季度", "泰安高新技术产业开发区山东"))]


def test_firms_listed_as_the_clusters_lead_firms_lead_it(extract_text):
    x = extract_text(HEADER + "泰安岱康药业股份有限公司(以下简称“岱康药业”)、泰安睿珺生物科技有限公司等3家企业被列为集群链主企业。\n")
    rels = relations(x)
    for firm in ("泰安岱康药业股份有限公司", "泰安睿珺生物科技有限公司"):
        assert (firm, "leadFirmOf", "高端装备") in rels


def test_a_programme_tag_before_a_meeting_and_prefixes_of_cluster_names(extract_text):
    x = extract_text(HEADER + "【泰安新闻】输变电装备产业链供需对接会举行\n"
                              "【导语】今天,2025泰安输变电装备产业链供需对接会在泰山科技园举行。"
                              "前三季度,开发区新型电力装备产业集群实现开票销售563.8亿元。加快打造千亿元输变电装备产业集群。"
                              "这是我市继2023年节能环保产业集群之后第二个入选的集群。\n")
    events = [e.label for e in x.entities if e.kind == "event"]
    assert events and not [e for e in events if "【" in e or "】" in e]
    found = clusters_of(x)
    assert {"新型电力装备", "输变电装备", "节能环保"} <= found
    assert not [c for c in found if c.startswith(("开发区", "千亿", "继", "年"))]
    home = clusters_of(extract_text(HEADER + "我区新型电力装备产业集群跑出加速度。\n"))
    assert "新型电力装备" in home and not [c for c in home if c.startswith("我区")]


def test_lead_firms_respectively_as_front_runners_and_selections_newly_passed_or_stored(extract_text):
    x = extract_text(HEADER + "泰安岱宏机械股份有限公司(以下简称“岱宏机械”)、山东泰芯微电子有限公司分别担任高端装备、"
                              "新一代信息技术产业集群的链主企业。泰安岱源电气股份有限公司是全市输变电装备产业集群的领跑企业。"
                              "作为全区农机装备产业集群的“排头兵”，泰安岱农重工有限公司上半年营收增长9%。"
                              "泰安泰丰新材料科技有限公司、泰安华岳模具有限公司2家企业通过国家级工业设计中心认定。"
                              "泰安岱华电子有限公司、泰安岱恒精工有限公司等3家企业今年新晋国家级专精特新“小巨人”企业。"
                              "日前,市工信局公布市级“专精特新”企业培育库首批名单,泰安岱拓机器人有限公司等5家企业首批入库。\n")
    rels = relations(x)
    assert ("泰安岱宏机械股份有限公司", "leadFirmOf", "高端装备") in rels
    assert ("山东泰芯微电子有限公司", "leadFirmOf", "新一代信息技术") in rels
    assert ("泰安岱宏机械股份有限公司", "leadFirmOf", "新一代信息技术") not in rels
    assert ("泰安岱源电气股份有限公司", "leadFirmOf", "输变电装备") in rels
    assert ("泰安岱农重工有限公司", "leadFirmOf", "农机装备") in rels  # not 全区农机装备
    for firm in ("泰安泰丰新材料科技有限公司", "泰安华岳模具有限公司"):
        assert (firm, "selectedInto", "国家级工业设计中心") in rels
    for firm in ("泰安岱华电子有限公司", "泰安岱恒精工有限公司"):
        assert (firm, "selectedInto", "国家级专精特新小巨人企业") in rels
    assert ("泰安岱拓机器人有限公司", "selectedInto", "市级专精特新企业培育库首批名单") in rels


def test_founders_after_this_base_members_of_the_alliance_named_before_and_funds_founded(extract_text):
    x = extract_text(HEADER + "平台建设方面,泰安化工新材料中试基地建成投用,该基地由泰安高新区管委会与山东农业大学共建。"
                              "泰安新型显示产业联盟目前有会员单位96家。今年,泰山学院、泰安职业技术学院加入联盟。"
                              "泰安鼎新电路股份有限公司还担任泰安市印制电路板产业联盟理事长单位。"
                              "由泰安市财政局与泰安虹显光电科技股份有限公司共同出资设立的泰安市新型显示产业投资基金总规模20亿元。\n")
    rels = relations(x)
    for founder in ("泰安高新区管委会", "山东农业大学"):
        assert ("泰安化工新材料中试基地", "foundedBy", founder) in rels
    for member in ("泰山学院", "泰安职业技术学院"):
        assert (member, "memberOf", "泰安新型显示产业联盟") in rels
    assert ("泰安鼎新电路股份有限公司", "memberOf", "泰安市印制电路板产业联盟") in rels
    for founder in ("泰安市财政局", "泰安虹显光电科技股份有限公司"):
        assert ("泰安市新型显示产业投资基金", "foundedBy", founder) in rels


def test_schools_training_with_firms_collaborate_and_both_parties_found_what_they_build(extract_text):
    x = extract_text(HEADER + "泰安职业技术学院与泰安芯澄材料股份有限公司开设集成电路订单班。"
                              "泰山学院与泰安岱源电气股份有限公司联合培养技术人才。"
                              "去年11月,山东大学与泰安芯澄材料股份有限公司签署战略合作协议,双方共建泰安宽禁带半导体材料联合实验室。\n")
    rels = relations(x)
    assert ("泰安职业技术学院", "collaboratesWith", "泰安芯澄材料股份有限公司") in rels
    assert ("泰山学院", "collaboratesWith", "泰安岱源电气股份有限公司") in rels
    for founder in ("山东大学", "泰安芯澄材料股份有限公司"):
        assert ("泰安宽禁带半导体材料联合实验室", "foundedBy", founder) in rels
    plan = extract_text(HEADER + "泰安高新区管委会与山东大学签署合作协议,双方将共建泰安医疗器械创新研究院。\n")
    assert not [r for r in relations(plan) if r[1] == "foundedBy"]  # 将共建: a plan, not yet founded


def test_an_issuer_named_with_its_short_name_an_owner_that_founds_nothing_and_industries_of_firms(extract_text):
    x = extract_text(HEADER + "今年5月,泰安市科学技术局(以下简称“市科技局”)发布《泰安市2025年度“揭榜挂帅”项目榜单》。"
                              "市国资委所属泰安汇泉产业投资集团有限公司出资设立泰安集群产业母基金。"
                              "日前,区工信局公布区级“专精特新”企业培育库首批名单,泰安泓川矿山装备有限公司等5家高端装备企业首批入库。"
                              "由泰安光伏产业技术研究院运营的光伏组件公共检测平台今年出具报告5200余份。\n")
    found = {(r.subject.label, r.predicate, r.object.label): r for r in x.facts.relations}
    issued = found.get(("泰安市2025年度“揭榜挂帅”项目榜单", "issuedBy", "泰安市科学技术局"))
    assert issued is not None and issued.object_surface == "泰安市科学技术局"  # not its short name
    assert ("泰安集群产业母基金", "foundedBy", "泰安汇泉产业投资集团有限公司") in found
    assert not [k for k in found if k[0] == "泰安集群产业母基金" and k[1] == "foundedBy" and "国有资产" in k[2]]
    assert not [k for k in found if k[1] == "selectedInto" and k[0] == "高端装备"]
    assert ("光伏组件公共检测平台", "operatedBy", "泰安光伏产业技术研究院") in found


def test_subsidiaries_set_up_held_or_controlled_and_industry_colleges_founded(extract_text):
    x = extract_text(HEADER + "泰安荆储能源科技股份有限公司下设的泰安荆储回收科技有限公司去年回收电池2.3万吨。"
                              "泰安宛光精密光学股份有限公司持股51%的泰安宛光激光科技有限公司今年出货量突破200万套。"
                              "泰安莆鞋集团有限公司控股的泰安莆鞋智能制造有限公司建成生产线。"
                              "泰山学院与泰安闽龙专用汽车股份有限公司联合创办的专用车产业学院今年招收学生320人。\n")
    rels = relations(x)
    assert ("泰安荆储回收科技有限公司", "partOf", "泰安荆储能源科技股份有限公司") in rels
    assert ("泰安宛光激光科技有限公司", "partOf", "泰安宛光精密光学股份有限公司") in rels
    assert ("泰安莆鞋智能制造有限公司", "partOf", "泰安莆鞋集团有限公司") in rels
    for founder in ("泰山学院", "泰安闽龙专用汽车股份有限公司"):
        assert ("专用车产业学院", "foundedBy", founder) in rels


def test_cities_jieba_tags_as_function_words_begin_names_and_names_keep_their_conjunctions(extract_text):
    # 大连 and 大同 are an adverb and a time word to jieba; 大|同 holds the conjunction 同
    x = extract_text(HEADER + "推动大连泰岳重工装备有限公司扩产,大同泰嘉氢能科技有限公司投产。"
                              "大会上,晋商银行大同分行与泰安氢能产业联盟签署战略合作协议。\n")
    found = orgs(x)
    assert {"大连泰岳重工装备有限公司", "大同泰嘉氢能科技有限公司", "晋商银行大同分行"} <= found.keys()
    assert not {"泰岳重工装备有限公司", "泰嘉氢能科技有限公司", "晋商银行"} & found.keys()
    assert ("晋商银行大同分行", "collaboratesWith", "泰安氢能产业联盟") in relations(x)


def test_its_subsidiary_belongs_to_the_firm_its_sentence_points_back_to(extract_text):
    x = extract_text(HEADER + "泰安岱宗动力科技股份有限公司作为集群链主企业,上半年营业收入增长12%。"
                              "该公司总部位于泰安高新区,其控股子公司泰安岱宗电控有限公司建成投产。"
                              "泰安汶河化工有限公司一季度产值增长8%,其全资子公司泰安汶河新材料有限公司入驻化工产业园。"
                              "泰安鲁岳液压科技股份有限公司是集群链主企业。公司全资子公司泰安鲁岳铸造有限公司年产铸件5万吨。\n")
    found = {(r.subject.label, r.predicate, r.object.label): r for r in x.facts.relations}
    back = found.get(("泰安岱宗电控有限公司", "partOf", "泰安岱宗动力科技股份有限公司"))
    assert back is not None and back.object_surface == "该公司"
    assert ("泰安汶河新材料有限公司", "partOf", "泰安汶河化工有限公司") in found
    assert ("泰安鲁岳铸造有限公司", "partOf", "泰安鲁岳液压科技股份有限公司") in found
    assert "公司全资子公司" not in orgs(x)


def test_another_lead_firm_of_the_cluster_members_who_newly_joined_and_a_bare_alliance_as_party(extract_text):
    x = extract_text(HEADER + "泰安氢能产业集群加快发展。泰安泰氢能源科技有限公司是集群链主企业。"
                              "泰安晋氢装备制造有限公司作为集群另一家链主企业,上半年营业收入11.8亿元。"
                              "泰安氢能产业联盟由泰安泰氢能源科技有限公司牵头成立,今年新加入的成员包括泰安岱氢检测有限公司等4家企业。"
                              "交通银行泰安分行与联盟签署战略合作协议。\n")
    found = {(r.subject.label, r.predicate, r.object.label): r for r in x.facts.relations}
    second = [r for k, r in found.items() if k[0] == "泰安晋氢装备制造有限公司" and k[1] == "leadFirmOf"]
    assert second and second[0].object_surface == "集群"  # the words of its sentence
    assert ("泰安岱氢检测有限公司", "memberOf", "泰安氢能产业联盟") in found
    assert ("交通银行泰安分行", "collaboratesWith", "泰安氢能产业联盟") in found


def test_provincial_titles_granted_a_lab_after_what_built_it_a_district_named_by_a_direction_and_hong_kong_operators(extract_text):
    x = extract_text(HEADER + "依托山东农业大学建设的泰安市智能农机重点实验室今年获批山东省重点实验室。"
                              "泰安岱岳装备股份有限公司作为集群链主企业,1—5月销量增长12.8%,去年入选山东省制造业单项冠军企业名单。"
                              "推进会由市工业和信息化局主办,东区人民政府承办。"
                              "泰安农机装备创新中心由山东农业大学与泰安岱岳装备股份有限公司共建,交由泰安智造科技服务有限公司营运。\n")
    rels = relations(x)
    assert ("泰安市智能农机重点实验室", "selectedInto", "山东省重点实验室") in rels
    assert not [r for r in rels if r[0] == "山东农业大学" and r[1] == "selectedInto"]  # it only built the lab
    assert "山东省重点实验室" not in orgs(x)  # a title, not a lab
    assert [r for r in rels if r[0] == "泰安岱岳装备股份有限公司" and r[1] == "selectedInto"]
    assert "东区人民政府" in orgs(x)
    assert ("泰安农机装备创新中心", "operatedBy", "泰安智造科技服务有限公司") in rels  # 营运: Hong Kong usage


def test_a_zone_bureau_is_one_body_and_a_lead_firm_of_this_cluster_keeps_its_words(extract_text):
    x = extract_text(HEADER + "推进会由泰安高新区经济发展局承办。"
                              "龙头厂商泰安岱岳装备股份有限公司是该集群的链主企业,前三季营收增长一成。\n")
    found = orgs(x)
    assert found.get("泰安高新区经济发展局") == "GovernmentBody"
    assert "经济发展局" not in found
    assert "泰安岱岳装备股份有限公司" in found and not any(n.startswith("厂商") for n in found)
    lead = [r for r in x.facts.relations if r.predicate == "leadFirmOf"]
    assert lead and lead[0].object_surface == "该集群"


def test_a_bare_alliance_founded_after_its_council_seat_and_a_project_run_by_a_wholly_owned_subsidiary(extract_text):
    x = extract_text(HEADER + "此外,泰安岱锐工具股份有限公司担任泰安市五金工具产业联盟理事长单位,"
                              "联盟由泰安岱锐工具股份有限公司联合泰安鼎泰园林机械有限公司等42家企业发起成立。"
                              "泰安汶源电路股份有限公司10月发布《关于投资建设扩产项目的公告》,"
                              "拟由全资子公司泰安汶源精密电子有限公司实施该项目。\n")
    rels = relations(x)
    for founder in ("泰安岱锐工具股份有限公司", "泰安鼎泰园林机械有限公司"):
        assert ("泰安市五金工具产业联盟", "foundedBy", founder) in rels
    assert ("泰安汶源精密电子有限公司", "partOf", "泰安汶源电路股份有限公司") in rels
