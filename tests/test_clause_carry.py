"""下同: units, rules and definitions handed on to later nodes."""

from __future__ import annotations

import opencc

from gdplan.model import Role
from gdplan.parser.clause import CarryState, ClauseReading, locate_clause, read_clause

_T2S = opencc.OpenCC("t2s")


def analysis(s: str) -> str:
    """The analysis text as the parser builds it: half width, U+3000 → space, simplified."""
    return str(_T2S.convert(s.translate({c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20})))


def read_nodes(*contents: str) -> tuple[str, list[ClauseReading], CarryState]:
    """Read the nodes of one document in order, with one CarryState, as the tree builder does."""
    text = "\n".join(analysis(c) for c in contents)
    state = CarryState()
    readings = []
    start = 0
    for content in contents:
        end = start + len(analysis(content))
        loc = locate_clause(text, start, end)
        readings.append(read_clause(text, loc, state))
        start = end + 1
    return text, readings, state


def names(text: str, reading: ClauseReading, role: Role) -> list[str]:
    return [u.render(text) for u in reading.roles[role]]


def carried(text: str, reading: ClauseReading) -> list[tuple[str, str]]:
    return [(role.value, u.render(text)) for role, u in reading.carried]


SEED_ITEM_1 = (
    "实施关键核心技术攻关。（省发展改革委、科技厅、工业和信息化厅按职责分工负责；"
    "各地级以上市人民政府结合实际落实，下同）"
)


def test_same_below_carries_only_its_own_clause() -> None:
    text, (first, second, third), state = read_nodes(
        SEED_ITEM_1, "推进产业协同创新。（省工业和信息化厅牵头）", "其他工作。"
    )
    # the stating node has them as stated, not as carried
    assert names(text, first, Role.IMPLEMENTING) == ["各地级以上市人民政府"]
    assert first.carried == []
    # later nodes get the implementing units, not the departments of the first clause
    assert names(text, second, Role.LEAD) == ["省工业和信息化厅"]
    assert names(text, second, Role.IMPLEMENTING) == ["各地级以上市人民政府"]
    assert names(text, second, Role.RESPONSIBLE) == []
    assert carried(text, second) == [("implementing", "各地级以上市人民政府")]
    # a node without a clause of its own still receives what was carried
    assert carried(text, third) == [("implementing", "各地级以上市人民政府")]
    assert [(r.value, u.render(text)) for r, u in state.units] == [("implementing", "各地级以上市人民政府")]


def test_a_carried_unit_stated_again_is_not_added_twice() -> None:
    text, (_, second), _ = read_nodes(
        SEED_ITEM_1, "推进。（省政务和数据局牵头，各地级以上市人民政府结合实际落实）"
    )
    assert names(text, second, Role.IMPLEMENTING) == ["各地级以上市人民政府"]
    assert second.carried == []


def test_receive_carried_false_for_headings() -> None:
    text = analysis(SEED_ITEM_1 + "\n（二）深化改革（省政务和数据局牵头）")
    state = CarryState()
    first_end = len(analysis(SEED_ITEM_1))
    read_clause(text, locate_clause(text, 0, first_end), state)
    heading = read_clause(text, locate_clause(text, first_end + 1, len(text)), state, receive_carried=False)
    assert heading.carried == []
    assert names(text, heading, Role.IMPLEMENTING) == []


def test_rule_first_listed_leads_from_the_stating_clause_on() -> None:
    text, readings, state = read_nodes(
        "推进。(市政务服务数据管理局、市有关单位、各县<市、区>政府<管委会>负责。责任单位排在首位的为牵头单位,下同)",
        "加强管理。(市政务服务数据管理局、市有关单位负责)",
        "开展监测。(市政务服务数据管理局负责)",
    )
    first, second, third = readings
    assert state.first_listed_leads
    assert names(text, first, Role.LEAD) == ["市政务服务数据管理局"]
    assert names(text, first, Role.RESPONSIBLE) == ["市有关单位", "各县<市、区>政府<管委会>"]
    assert names(text, second, Role.LEAD) == ["市政务服务数据管理局"]
    assert names(text, second, Role.RESPONSIBLE) == ["市有关单位"]
    # a lone unit is the first listed too: it leads (SCHEMA.md)
    assert names(text, third, Role.LEAD) == ["市政务服务数据管理局"]
    assert names(text, third, Role.RESPONSIBLE) == []
    # a rule carries no units
    assert state.units == []
    assert all(r.carried == [] for r in readings)


def test_rule_in_a_labelled_line_and_explicit_leads() -> None:
    text, readings, _ = read_nodes(
        "研发投入强度达到2.3%。\n责任单位:市科技局",
        "固定资产投资增长10%。\n责任单位:市发改委、市经信局、市科技局(除标注“分别牵头”外,列第一位为牵头或汇总单位,下同)",
        "社会消费品零售总额增长5%。\n责任单位:市商务局",
        "城乡居民收入增速保持全省领先。\n责任单位:市人力社保局、市农业农村局分别牵头",
        "招引项目。\n责任单位:市双招双引办、市发改委,各县(市、区)政府、丽水开发区管委会",
    )
    before, rule, single, both, groups = readings
    assert names(text, before, Role.RESPONSIBLE) == ["市科技局"]
    assert names(text, rule, Role.LEAD) == ["市发改委"]
    assert names(text, rule, Role.RESPONSIBLE) == ["市经信局", "市科技局"]
    assert names(text, single, Role.LEAD) == ["市商务局"]  # after the rule, a lone unit leads
    assert names(text, single, Role.RESPONSIBLE) == []
    assert names(text, both, Role.LEAD) == ["市人力社保局", "市农业农村局"]
    assert names(text, groups, Role.LEAD) == ["市双招双引办"]
    assert names(text, groups, Role.RESPONSIBLE) == ["市发改委", "各县(市、区)政府", "丽水开发区管委会"]


def test_rule_sentence_is_not_a_unit_group() -> None:
    text, (reading,), _ = read_nodes("推进。(市发改委、市财政局负责。责任单位排在首位的为牵头单位,下同)")
    every = [u.render(text) for units in reading.roles.values() for u in units]
    assert every == ["市发改委", "市财政局"]


def test_rule_in_separate_brackets_after_the_clause() -> None:
    text, (first, second), state = read_nodes(
        "开展监测。(市发改委、市财政局负责)(责任单位排在首位的为牵头单位,下同)",
        "推进。(市科技局、市财政局负责)",
    )
    assert state.first_listed_leads
    assert names(text, first, Role.LEAD) == ["市发改委"]
    assert names(text, second, Role.LEAD) == ["市科技局"]


def test_definition_carries_nothing() -> None:
    text, (first, second), state = read_nodes(
        "推进工作。(市发改委、市有关单位(见附件1,下同)按职责分工负责)", "开展监测。(市科技局负责)"
    )
    assert names(text, first, Role.RESPONSIBLE) == ["市发改委", "市有关单位"]
    assert state.units == [] and not state.first_listed_leads
    assert second.carried == []
    assert names(text, second, Role.RESPONSIBLE) == ["市科技局"]


def test_definition_inside_a_sentence_carries_nothing() -> None:
    _, (first, second), state = read_nodes("组织市有关单位(见附件1,下同)开展自查。", "推进。(市科技局负责)")
    assert state.units == []
    assert not any(first.roles.values())
    assert second.carried == []


def test_same_below_as_a_sentence_of_its_own_closes_the_sentence_before() -> None:
    text, (_, second), _ = read_nodes(
        "推进。（省发展改革委牵头；各地级以上市人民政府结合实际落实。下同）", "开展试点。（省财政厅牵头）"
    )
    assert carried(text, second) == [("implementing", "各地级以上市人民政府")]
