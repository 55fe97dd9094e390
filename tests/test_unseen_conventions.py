"""Conventions of plans gdplan had not seen, each on a constructed text (other places, units
and years than the dev corpus): every test failed on the code before its rule."""

from __future__ import annotations

import gdplan
from gdplan.model import Document, Node


def _items(doc: Document) -> list[Node]:
    return list(doc.items())  # the leaves, in document order


def _names(units: object) -> list[str]:
    return [u.name for u in units]  # type: ignore[attr-defined]


LABELLED_LAST = """某州2031年水利工作任务分工方案

一、加强水源建设
1. 新建小型水库3座。
牵头部门：州水利局
配合部门：州财政局、州自然资源局
"""


def test_a_plan_that_ends_on_a_labelled_line_is_not_cut_off() -> None:
    doc = gdplan.parse(LABELLED_LAST)
    last = _items(doc)[-1]
    assert _names(last.responsibility.cooperating) == ["州财政局", "州自然资源局"]
    assert not last.truncated
    assert doc.complete


def test_a_labelled_line_cut_inside_its_list_still_is() -> None:
    cut = LABELLED_LAST.rstrip("\n").removesuffix("州自然资源局") + "州"
    doc = gdplan.parse(cut)
    assert _items(doc)[-1].truncated
    assert not doc.complete


ASCII_STOPS = """某州2031年科技工作要点
一、强化平台建设
(一)建设重点实验室.推进实验室挂牌运行,投入1.5亿元.(州科技局牵头,州财政局配合)
(二)完善科技金融.
"""


def test_an_ascii_full_stop_after_han_text_ends_the_title() -> None:
    doc = gdplan.parse(ASCII_STOPS)
    first, second = _items(doc)
    assert first.title == "建设重点实验室"
    assert first.text.startswith("推进实验室挂牌运行") and "1.5亿元" in first.text
    assert _names(first.responsibility.lead) == ["州科技局"]
    assert second.title == "完善科技金融"
    assert not second.truncated  # it ends on a full stop, if an ASCII one


GROUPED_TABLE_CELLS = """序号
重点工作
具体措施
牵头单位
配合单位
完成时限

1
水网建设
建设引调水工程
州水利局
州发展改革委、州财政局
2031年底

2

整治病险水库
州水利局
州应急管理局
2031年9月
"""

GROUPED_TABLE_PIPES = """序号 | 重点工作 | 具体措施 | 牵头单位 | 配合单位 | 完成时限
1 | 水网建设 | 建设引调水工程 | 州水利局 | 州发展改革委、州财政局 | 2031年底
2 |  | 整治病险水库 | 州水利局 | 州应急管理局 | 2031年9月
"""


def test_a_table_with_a_group_column_and_a_measure_column_reads_each_rows_units() -> None:
    for text in (GROUPED_TABLE_CELLS, GROUPED_TABLE_PIPES):
        first, second = _items(gdplan.parse(text))
        assert "建设引调水工程" in first.title + first.text  # the measure is task text, not a time limit
        assert _names(first.responsibility.lead) == ["州水利局"]
        assert _names(first.responsibility.cooperating) == ["州发展改革委", "州财政局"]
        assert first.responsibility.deadline == "2031年底"
        # the merged group cell is left out: the row starts on its measure, its units stay units
        assert second.title == "整治病险水库"
        assert _names(second.responsibility.cooperating) == ["州应急管理局"]
        assert second.responsibility.deadline == "2031年9月"


SAME_BELOW_AFTER_A_LEAD = """某州2031年城镇更新工作要点
一、老旧小区改造
（一）改造老旧小区80个。（州住房城乡建设局牵头，甲县、乙县人民政府负责，下同）
（二）完善配套设施。（州发展改革委牵头，州自然资源局配合）
"""


def test_same_below_after_a_lead_carries_the_group_it_closes_not_the_lead() -> None:
    first, second = _items(gdplan.parse(SAME_BELOW_AFTER_A_LEAD))
    assert _names(first.responsibility.lead) == ["州住房城乡建设局"]
    assert _names(second.responsibility.carried) == ["甲县人民政府", "乙县人民政府"]
    assert _names(second.responsibility.lead) == ["州发展改革委"]
    assert _names(second.responsibility.responsible) == ["甲县人民政府", "乙县人民政府"]


OTHER_LABEL_BETWEEN = """某州2031年交通工作要点
一、路网建设
1.推进国道改扩建。
责任单位：州交通运输局、各县（市）人民政府
责任领导：李四
完成时间：2031年12月
2.完善农村公路。
牵头单位：州交通运输局
完成标志：通过验收
配合单位：州财政局
"""


def test_a_label_about_something_else_between_label_lines_keeps_the_units() -> None:
    first, second = _items(gdplan.parse(OTHER_LABEL_BETWEEN))
    assert _names(first.responsibility.responsible) == ["州交通运输局", "各县（市）人民政府"]
    assert first.responsibility.deadline == "2031年12月"
    assert _names(second.responsibility.lead) == ["州交通运输局"]
    assert _names(second.responsibility.cooperating) == ["州财政局"]
    for item in (first, second):
        r = item.responsibility
        units = _names([*r.lead, *r.responsible, *r.cooperating])
        assert not any("李四" in n or "验收" in n for n in units)  # the other label's value is no unit


def _clause_units(clause: str) -> list[str]:
    doc = gdplan.parse(f"某州2031年工作要点\n一、任务\n（一）做好工作。（{clause}）\n")
    return _names(doc.children[0].children[0].responsibility.responsible)


def test_places_printed_without_their_level_word_take_it_with_the_shared_suffix() -> None:
    assert _clause_units("郑州、开封、洛阳市人民政府负责") == [
        "郑州市人民政府",
        "开封市人民政府",
        "洛阳市人民政府",
    ]
    assert _clause_units("江北、南岸区人民政府负责") == ["江北区人民政府", "南岸区人民政府"]
    # a place that prints its level keeps it; a suffix after no level word adds none
    assert _clause_units("平遥县、祁县人民政府负责") == ["平遥县人民政府", "祁县人民政府"]
    assert _clause_units("大连、青岛出入境边防检查总站负责") == [
        "大连出入境边防检查总站",
        "青岛出入境边防检查总站",
    ]


UNLISTED_TASK_HEADER = """某州2031年重点改革任务清单
序号 | 改革任务 | 责任单位 | 完成时限
一、经济体制改革 | | |
1 | 深化国资国企改革 | 州国资委 | 2031年底
2 | 推进要素市场化配置 | 州发展改革委、州自然资源局 | 2031年10月
二、社会领域改革 | | |
3 | 深化医药卫生体制改革 | 州卫生健康委 | 持续推进
"""


def test_a_task_column_named_by_its_ending_makes_a_header() -> None:
    doc = gdplan.parse(UNLISTED_TASK_HEADER)
    items = _items(doc)
    assert [i.title for i in items] == ["深化国资国企改革", "推进要素市场化配置", "深化医药卫生体制改革"]
    assert _names(items[1].responsibility.responsible) == ["州发展改革委", "州自然资源局"]
    assert items[2].responsibility.deadline == "持续推进"
    assert [len(part.children) for part in doc.children] == [2, 1]
    assert doc.complete


INLINE_LEAD_AND_PARTNERS = """某州2031年城镇工作要点
一、城市品质
（一）实施城市更新。由州住房城乡建设局牵头，州发展改革委、州财政局配合，年内完成。
（二）推进排水管网改造。由州水务局牵头，加快推进管网建设。
"""


def test_inline_lead_followed_by_partner_parts_reads_the_partners() -> None:
    first, second = _items(gdplan.parse(INLINE_LEAD_AND_PARTNERS))
    assert _names(first.responsibility.lead) == ["州住房城乡建设局"]
    assert _names(first.responsibility.cooperating) == ["州发展改革委", "州财政局"]
    # a part that is no units with a role word ends the clause
    assert _names(second.responsibility.lead) == ["州水务局"]
    assert not second.responsibility.cooperating and not second.responsibility.responsible


JOINT_NOTICE = """中共某州委办公室　某州人民政府办公室
印发《关于2031年乡村振兴重点工作的分工方案》的通知

各县（市）党委和人民政府，州级各部门：
　　《关于2031年乡村振兴重点工作的分工方案》已经州委、州政府同意，现印发给你们。

中共某州委办公室　　　　某州人民政府办公室
2031年2月26日

关于2031年乡村振兴重点工作的分工方案

一、保障粮食安全
1．稳定粮食生产。（州农业农村局牵头，州财政局配合）
"""


def test_a_joint_notice_wrapped_after_its_issuers_names_them() -> None:
    notice = gdplan.parse(JOINT_NOTICE).notice
    assert notice is not None
    assert notice.title is not None and notice.title.startswith("中共某州委办公室")
    assert notice.title.endswith("印发《关于2031年乡村振兴重点工作的分工方案》的通知")
    # the 关于 inside 《》 is the plan's, not where the issuer ends
    assert notice.issuer == "中共某州委办公室、某州人民政府办公室"
    assert notice.signature == "中共某州委办公室、某州人民政府办公室"


def test_a_department_after_each_places_department_is_each_places_too() -> None:
    assert _clause_units("各县（市）发展改革委、财政局负责") == ["各县（市）发展改革委", "各县（市）财政局"]
    assert _clause_units("各旗县区教育局、人力资源社会保障局负责") == [
        "各旗县区教育局",
        "各旗县区人力资源社会保障局",
    ]
    # after their governments, or a kind of units, a department keeps its own name
    assert _clause_units("各县（市）人民政府、州财政局负责") == ["各县（市）人民政府", "州财政局"]
    assert _clause_units("各县区有关部门、州财政局负责") == ["各县区有关部门", "州财政局"]


def test_the_addressees_distribute_each_places_too() -> None:
    text = JOINT_NOTICE.replace(
        "各县（市）党委和人民政府，州级各部门：", "各县（市）发展改革局、财政局，州直有关单位："
    )
    notice = gdplan.parse(text).notice
    assert notice is not None
    assert notice.addressees == ["各县（市）发展改革局", "各县（市）财政局", "州直有关单位"]


def test_a_places_party_committee_and_government_are_two_units() -> None:
    assert _clause_units("各县（市）党委和政府负责") == ["各县（市）党委", "各县（市）政府"]
    assert _clause_units("各旗县区党委和人民政府负责") == ["各旗县区党委", "各旗县区人民政府"]
    assert _clause_units("州工业和信息化局负责") == ["州工业和信息化局"]  # 和 inside a name


LABELS_SIDE_BY_SIDE = """某州2031年安全生产重点工作
1、落实安全责任。责任单位：州应急管理局  完成时限：2031年3月
2、开展隐患排查。牵头单位：州应急管理局　配合单位：州消防救援支队、州公安局
"""


def test_labels_printed_side_by_side_on_one_line_are_read_apart() -> None:
    first, second = _items(gdplan.parse(LABELS_SIDE_BY_SIDE))
    assert _names(first.responsibility.responsible) == ["州应急管理局"]
    assert first.responsibility.deadline == "2031年3月"
    assert _names(second.responsibility.lead) == ["州应急管理局"]
    assert _names(second.responsibility.cooperating) == ["州消防救援支队", "州公安局"]


CARRY_IN_AN_ITEMS_TEXT = """某州2031年民生工作方案
一、就业
（一）开展技能培训。以下各项任务均需各县（市）人民政府具体落实，不再一一列出。（州人力资源社会保障局负责）
（二）支持创业。（州人力资源社会保障局、州财政局负责）
（三）稳定岗位。各项工作都要狠抓落实，州财政局加强资金保障。（州人力资源社会保障局负责）
（四）援助就业困难人员。（州民政局负责）
"""


def test_a_carry_sentence_in_an_items_text_reaches_the_tasks_after_it() -> None:
    first, second, third, fourth = _items(gdplan.parse(CARRY_IN_AN_ITEMS_TEXT))
    assert not first.responsibility.carried  # 以下…: the tasks after it
    assert _names(second.responsibility.carried) == ["各县（市）人民政府"]
    assert _names(second.responsibility.implementing) == ["各县（市）人民政府"]
    # a body sentence that does not close as a carry sentence carries nothing
    assert _names(fourth.responsibility.carried) == ["各县（市）人民政府"]
    assert _names(fourth.responsibility.responsible) == ["州民政局"]
    assert _names(third.responsibility.responsible) == ["州人力资源社会保障局"]


TAB_TABLE = "某州2031年营商环境任务清单\n" + "\n".join(
    "\t".join(row)
    for row in (
        ("序号", "任务内容", "牵头单位", "配合单位", "完成时限"),
        ("1", "推行证照联办", "州市场监管局", "州政务服务局", "2031年6月"),
        ("2", "优化不动产登记", "州自然资源局", "州税务局、州住房城乡建设局", "2031年9月"),
    )
)


def test_a_table_copied_from_a_spreadsheet_with_tabs_is_read_by_its_columns() -> None:
    first, second = _items(gdplan.parse(TAB_TABLE + "\n"))
    assert first.title == "推行证照联办"
    assert _names(first.responsibility.lead) == ["州市场监管局"]
    assert _names(second.responsibility.cooperating) == ["州税务局", "州住房城乡建设局"]
    assert second.responsibility.deadline == "2031年9月"


def test_a_signature_and_date_apart_by_tabs_are_no_table_row() -> None:
    signed = "中共某州委办公室　　　　某州人民政府办公室\n2031年2月26日"
    text = JOINT_NOTICE.replace(signed, "某州人民政府办公室\t\t2031年2月26日")
    notice = gdplan.parse(text).notice
    assert notice is not None and notice.date == "2031-02-26"


A_CLOSING_PARAGRAPH = """某州2031年就业工作要点
一、主要任务
1．开展补贴性培训。（责任单位：州人社局）
二、保障措施
加强组织领导。
各单位要加强统筹协调，确保任务落实
"""


def test_a_last_line_that_merely_ends_on_a_role_verb_is_text_not_units() -> None:
    doc = gdplan.parse(A_CLOSING_PARAGRAPH)
    measures = doc.children[1]
    assert "确保任务落实" in measures.text
    r = measures.responsibility
    assert not [*r.lead, *r.responsible, *r.implementing, *r.cooperating]


def test_a_period_is_a_time_limit_in_a_clause() -> None:
    item = "（一）抓好项目。（州发展改革局牵头，州财政局配合，全年）"
    doc = gdplan.parse(f"某州2031年工作要点\n一、任务\n{item}\n")
    r = doc.children[0].children[0].responsibility
    assert r.deadline == "全年"
    assert _names(r.cooperating) == ["州财政局"]
    assert not [d for d in doc.diagnostics if d.code == "unparsed-clause"]


def test_a_bracket_that_opens_with_another_label_still_gives_its_unit_labels() -> None:
    item = "（一）开展产业链招商。（牵头领导：赵副州长；牵头单位：州商务局；配合单位：州发展改革委）"
    doc = gdplan.parse(f"某州2031年招商工作要点\n一、任务\n{item}\n")
    node = doc.children[0].children[0]
    assert _names(node.responsibility.lead) == ["州商务局"]
    assert _names(node.responsibility.cooperating) == ["州发展改革委"]
    assert "赵副州长" not in node.text
    # a bracket of that other label alone is no clause
    alone = gdplan.parse("某州2031年招商工作要点\n一、任务\n（一）开展招商。（牵头领导：赵副州长）\n")
    r = alone.children[0].children[0].responsibility
    assert not [*r.lead, *r.responsible, *r.cooperating]


def test_units_then_huitong_without_you_is_an_inline_clause() -> None:
    item = "（一）完善招商政策。州商务局会同州财政局、州税务局负责研究制定。"
    node = gdplan.parse(f"某州2031年招商工作要点\n一、任务\n{item}\n").children[0].children[0]
    assert _names(node.responsibility.lead) == ["州商务局"]
    assert _names(node.responsibility.cooperating) == ["州财政局", "州税务局"]
    # 会同 after words that are no units is no clause
    other = "（一）完善政策。加强与周边地区会同推进。"
    node = gdplan.parse(f"某州2031年招商工作要点\n一、任务\n{other}\n").children[0].children[0]
    assert not node.responsibility.lead


def test_etc_with_a_count_closes_an_open_list() -> None:
    assert _clause_units("州发展改革委、州财政局等10个部门负责") == ["州发展改革委", "州财政局"]
    item = "（一）做好工作。（州发展改革委等三个部门负责）"
    doc = gdplan.parse(f"某州2031年工作要点\n一、任务\n{item}\n")
    r = doc.children[0].children[0].responsibility
    assert _names(r.responsible) == ["州发展改革委"] and r.open_ended
