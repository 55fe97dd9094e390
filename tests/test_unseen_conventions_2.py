"""More conventions of plans gdplan had not seen, each on a constructed text (other places,
units and years than the dev corpus): every test failed on the code before its rule."""

from __future__ import annotations

import gdplan
from gdplan.model import Document, Node


def _items(doc: Document) -> list[Node]:
    return list(doc.items())  # the leaves, in document order


def _names(units: object) -> list[str]:
    return [u.name for u in units]  # type: ignore[attr-defined]


CLOSING_BRACKET_ITEMS = """某市2027年文化工作要点
一、保护文化遗产
1.加强遗址保护。
1）推进遗址公园建设。（市文旅局牵头，市自然资源局配合）
2）开展非遗传承人认定。（市文旅局负责）
2.发展文化产业。
（1）培育文创企业。
1）建设文创园区。（市商务局负责）
"""


def test_numbers_with_only_a_closing_bracket_are_a_level_of_their_own() -> None:
    doc = gdplan.parse(CLOSING_BRACKET_ITEMS)
    items = _items(doc)
    assert [i.label for i in items] == ["1）", "2）", "1）"]
    assert [i.path for i in items] == [[1, 1, 1], [1, 1, 2], [1, 2, 1, 1]]
    assert _names(items[0].responsibility.lead) == ["市文旅局"]
    assert _names(items[0].responsibility.cooperating) == ["市自然资源局"]
    # 1） under （1）: a family apart from （1）, not its sibling
    assert doc.children[0].children[1].children[0].label == "（1）"


ENCLOSED_NUMBERS = """某市2027年工业工作要点
一、稳增长
⑴推进煤电一体化。（市能源局牵头，市工信局配合）
⑵培育新材料产业。（市工信局负责）
二、调结构
⒈推动产业升级。（市发展改革委负责）
"""


def test_enclosed_number_characters_are_markers() -> None:
    items = _items(gdplan.parse(ENCLOSED_NUMBERS))
    assert [(i.label, i.number, i.path) for i in items] == [
        ("⑴", 1, [1, 1]),
        ("⑵", 2, [1, 2]),
        ("⒈", 1, [2, 1]),
    ]
    assert _names(items[0].responsibility.lead) == ["市能源局"]
    assert _names(items[2].responsibility.responsible) == ["市发展改革委"]


SECTIONS_UNDER_CHAPTERS = """某市现代农业发展规划
第一章　重点任务
第一节　提升粮食产能
一、建设高标准农田。（市农业农村局牵头，市自然资源局配合）
第二节　发展特色产业
二、做强特色种植。（市农业农村局负责）
第二章　保障措施
三、加强组织领导。（市农业农村局负责）
"""


def test_sections_are_a_level_below_chapters() -> None:
    doc = gdplan.parse(SECTIONS_UNDER_CHAPTERS)
    items = _items(doc)
    assert [i.path for i in items] == [[1, 1, 1], [1, 2, 1], [2, 1]]
    assert [h.label.strip() for h in doc.children[0].children] == ["第一节", "第二节"]
    assert _names(items[0].responsibility.cooperating) == ["市自然资源局"]
    # the section line is no part of the item before it: its clause is still the final one
    assert _names(items[0].responsibility.lead) == ["市农业农村局"]


YOUTH_LEAGUE = """某省2027年法治宣传工作要点
一、推进法治宣传教育。（省委宣传部、省司法厅、团省委、省妇联负责）
二、关爱青少年成长。（省民政厅、团省委、妇联配合）
"""


def test_a_youth_league_committee_keeps_its_own_level() -> None:
    first, second = _items(gdplan.parse(YOUTH_LEAGUE))
    assert _names(first.responsibility.responsible) == ["省委宣传部", "省司法厅", "团省委", "省妇联"]
    # 团省委 takes no 省 from 省民政厅; 妇联 after it still does
    assert _names(second.responsibility.cooperating) == ["省民政厅", "团省委", "省妇联"]


ROLE_SENTENCES = """某县2027年民生实事分工方案
一、教育领域
（一）新建幼儿园5所。由县教育局负责，县财政局、县自然资源局配合，2027年8月底前完成。
（二）建设县域医共体。县卫生健康局牵头，县医保局、县财政局配合，2027年底前完成。
（三）改造老旧小区。各乡镇要加强统筹，县住建局负责指导。
"""


def test_a_last_sentence_of_units_and_role_words_is_the_clause() -> None:
    first, second, third = _items(gdplan.parse(ROLE_SENTENCES))
    # 由X负责 is followed by its partners and a time limit, as 由X牵头 is
    assert _names(first.responsibility.lead) == ["县教育局"]
    assert _names(first.responsibility.cooperating) == ["县财政局", "县自然资源局"]
    assert first.responsibility.deadline == "2027年8月底前"
    # without 由: a sentence made only of units closed by role words, and a time limit
    assert _names(second.responsibility.lead) == ["县卫生健康局"]
    assert _names(second.responsibility.cooperating) == ["县医保局", "县财政局"]
    assert second.responsibility.deadline == "2027年底前"
    # a sentence that is no such list names no units
    assert not third.responsibility.lead and not third.responsibility.responsible


PLACES_WITH_THEIR_OWN_LEVELS = """某市2027年教育工作要点
一、新建中小学校。（市教育局牵头；甲州区、乙吉县、丙德县人民政府落实）
"""


def test_a_place_printed_with_another_level_word_keeps_it_with_the_shared_suffix() -> None:
    (item,) = _items(gdplan.parse(PLACES_WITH_THEIR_OWN_LEVELS))
    assert _names(item.responsibility.implementing) == ["甲州区人民政府", "乙吉县人民政府", "丙德县人民政府"]


FIRST_LEADS_OTHERS_TAKE_PART = """某省人民政府关于2027年重点任务分工的通知
各市、州、县人民政府，省政府各部门：
　　现将重点任务分工如下。各项任务中列在首位的为牵头单位，其他为参与单位。
某省人民政府
2027年2月20日
一、扩大内需。（省发展改革委、商务厅、财政厅）
二、深化改革。（省发展改革委）
"""


def test_a_first_leads_rule_that_names_the_others_role_gives_it_to_them() -> None:
    first, second = _items(gdplan.parse(FIRST_LEADS_OTHERS_TAKE_PART))
    assert _names(first.responsibility.lead) == ["省发展改革委"]
    assert _names(first.responsibility.cooperating) == ["省商务厅", "省财政厅"]
    assert not first.responsibility.responsible
    assert _names(second.responsibility.lead) == ["省发展改革委"]


UNITS_LINE_WITH_FULL_STOP = """某市2027年招商工作要点
一、优化招商服务。
市商务局、市营商环境局按职责分工负责。
"""


def test_a_last_line_of_units_leaves_no_stray_full_stop_in_the_text() -> None:
    (item,) = _items(gdplan.parse(UNITS_LINE_WITH_FULL_STOP))
    assert _names(item.responsibility.responsible) == ["市商务局", "市营商环境局"]
    assert item.text == ""
