"""read_clause: roles, groups, shared prefixes and suffixes, 等, time limits (DOMAIN.md §3)."""

from __future__ import annotations

import opencc
import pytest

from gdplan.model import Role
from gdplan.parser.clause import CarryState, ClauseReading, locate_clause, read_clause

_T2S = opencc.OpenCC("t2s")


def analysis(s: str) -> str:
    """The analysis text as the parser builds it: half width, U+3000 → space, simplified."""
    return str(_T2S.convert(s.translate({c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20})))


def read(content: str, state: CarryState | None = None) -> tuple[str, ClauseReading]:
    text = analysis(content)
    loc = locate_clause(text, 0, len(text))
    assert loc is not None, f"no clause in {content!r}"
    return text, read_clause(text, loc, state or CarryState())


def roles(content: str) -> dict[str, list[str]]:
    text, reading = read(content)
    return {role.value: [u.render(text) for u in units] for role, units in reading.roles.items() if units}


# ---- role words ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("clause", "role"),
    [
        ("省发展改革委牵头", "lead"),
        ("省发展改革委牵头负责", "lead"),
        ("省发展改革委、省财政厅分别牵头", "lead"),
        ("省发展改革委负责", "responsible"),
        ("省发展改革委按职责分工负责", "responsible"),
        ("省发展改革委按职责负责", "responsible"),
        ("省发展改革委分别负责", "responsible"),
        ("省发展改革委按职能分工落实", "responsible"),
        ("省发展改革委按职责分工落实", "responsible"),
        ("各地级以上市人民政府结合实际落实", "implementing"),
        ("各地级以上市人民政府落实", "implementing"),
        ("各地级以上市人民政府组织实施", "implementing"),
        ("省发展改革委配合", "cooperating"),
        ("省发展改革委参与", "cooperating"),
        ("省发展改革委参加", "cooperating"),
        ("省发展改革委协助", "cooperating"),
        ("省发展改革委,省财政厅", "responsible"),  # no role word
    ],
)
def test_role_words(clause: str, role: str) -> None:
    found = roles(f"推进。（{clause}）")
    assert list(found) == [role]


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("牵头单位", "lead"),
        ("牵头部门", "lead"),
        ("牵头责任单位", "lead"),
        ("责任单位", "responsible"),
        ("相关责任单位", "responsible"),
        ("主要责任单位", "responsible"),
        ("配合单位", "cooperating"),
        ("参与单位", "cooperating"),
        ("协办单位", "cooperating"),
    ],
)
def test_labels(label: str, role: str) -> None:
    assert roles(f"推进工作。\n{label}:市发改委、市财政局") == {role: ["市发改委", "市财政局"]}


def test_two_labels_separated_by_semicolon() -> None:
    found = roles("推进工作。\n牵头单位:市发改委;配合单位:市财政局、市科技局")
    assert found == {"lead": ["市发改委"], "cooperating": ["市财政局", "市科技局"]}


def test_labels_on_consecutive_lines() -> None:
    found = roles("推进工作。\n牵头单位:市发改委\n配合单位:市财政局")
    assert found == {"lead": ["市发改委"], "cooperating": ["市财政局"]}


def test_role_word_inside_a_label_value_wins() -> None:
    found = roles("推进。\n责任单位:市人力社保局、市农业农村局分别牵头")
    assert found == {"lead": ["市人力社保局", "市农业农村局"]}


def test_department_division_label_uses_the_verb_grammar() -> None:
    found = roles("增长6%以上。\n部门分工:省发展改革委牵头,各地、各部门配合。")
    assert found == {"lead": ["省发展改革委"], "cooperating": ["各地", "各部门"]}


def test_inline_lead_and_partners() -> None:
    found = roles("的问题,由发展改革委会同中央农办、农业部、粮食局等部门研究提出落实意见。")
    assert found == {"lead": ["发展改革委"], "cooperating": ["中央农办", "农业部", "粮食局"]}
    text, reading = read("的问题,由国土资源部会同农业部等部门负责落实。")
    assert reading.open_ended
    assert [u.render(text) for u in reading.roles[Role.COOPERATING]] == ["农业部"]


def test_inline_lead_alone() -> None:
    assert roles("这项工作由省发展改革委牵头。") == {"lead": ["省发展改革委"]}


def test_hui_tong_inside_brackets() -> None:
    assert roles("推进。（省发展改革委会同省财政厅负责）") == {
        "lead": ["省发展改革委"],
        "cooperating": ["省财政厅"],
    }


# ---- groups ----------------------------------------------------------------------------------


def test_groups_in_front_of_one_role_word_share_it() -> None:
    found = roles("发展。（省工业和信息化厅牵头，省委宣传部，省文化和旅游厅、广电局、体育局按职责分工负责）")
    assert found == {
        "lead": ["省工业和信息化厅"],
        "responsible": ["省委宣传部", "省文化和旅游厅", "省广电局", "省体育局"],
    }


def test_two_lead_groups() -> None:
    assert roles("推进。（省委社会工作部，省政务和数据局牵头）") == {
        "lead": ["省委社会工作部", "省政务和数据局"]
    }


def test_groups_after_the_last_role_word_are_responsible() -> None:
    found = roles("做到應知盡知。 | 廣州市花都區稅務局、區財政局按職能分工落實,各鎮(街) |")
    assert found == {"responsible": ["广州市花都区税务局", "区财政局", "各镇(街)"]}


def test_semicolon_separates_clauses() -> None:
    found = roles("推进。（省发展改革委、科技厅按职责分工负责；各地级以上市人民政府结合实际落实）")
    assert found == {"responsible": ["省发展改革委", "省科技厅"], "implementing": ["各地级以上市人民政府"]}


def test_full_stop_inside_a_clause_separates_sentences() -> None:
    found = roles("推进。（省发展改革委牵头。省财政厅配合）")
    assert found == {"lead": ["省发展改革委"], "cooperating": ["省财政厅"]}


def test_units_with_brackets_inside_split_only_at_depth_zero() -> None:
    found = roles("推进。〔市工信局牵头,市发改局、市科技局、各县(市、区)人民政府按职责分工负责〕")
    assert found == {"lead": ["市工信局"], "responsible": ["市发改局", "市科技局", "各县(市、区)人民政府"]}
    found = roles("推进。(市政务服务数据管理局、市有关单位、各县<市、区>政府<管委会>负责)")
    assert found == {"responsible": ["市政务服务数据管理局", "市有关单位", "各县<市、区>政府<管委会>"]}


# ---- shared prefix ---------------------------------------------------------------------------


def test_prefix_is_shared_within_a_group() -> None:
    found = roles("推进。（省发展改革委、科技厅、工业和信息化厅按职责分工负责）")
    assert found == {"responsible": ["省发展改革委", "省科技厅", "省工业和信息化厅"]}


def test_longest_jurisdiction_prefix() -> None:
    assert roles("推进。（省委网信办、宣传部负责）") == {"responsible": ["省委网信办", "省委宣传部"]}


def test_prefix_never_crosses_a_comma() -> None:
    found = roles(
        "推进。（人民银行广东省分行牵头，省委金融办，国家金融监督管理总局广东监管局、中国证监会广东监管局按职责分工负责）"
    )
    assert found == {
        "lead": ["人民银行广东省分行"],
        "responsible": ["省委金融办", "国家金融监督管理总局广东监管局", "中国证监会广东监管局"],
    }


def test_followers_with_their_own_jurisdiction_keep_their_form() -> None:
    found = roles("推进。（省公安厅、交通运输厅、政务和数据局，海关总署广东分署、广东海事局按职责分工负责）")
    assert found == {
        "responsible": ["省公安厅", "省交通运输厅", "省政务和数据局", "海关总署广东分署", "广东海事局"]
    }
    found = roles("推进。（省财政厅、人民银行广东省分行、海关总署广东分署、广东海事局负责）")
    assert found == {"responsible": ["省财政厅", "人民银行广东省分行", "海关总署广东分署", "广东海事局"]}


def test_market_regulator_is_not_a_city_unit() -> None:
    found = roles("推进。（省自然资源厅、农业农村厅、市场监管局按职责分工负责）")
    assert found == {"responsible": ["省自然资源厅", "省农业农村厅", "省市场监管局"]}


def test_prefix_before_ge_goes_to_followers_with_ge() -> None:
    assert roles("推进。（省政府各部门、各直属机构负责）") == {
        "responsible": ["省政府各部门", "省政府各直属机构"]
    }


def test_ge_units_stand_alone() -> None:
    assert roles("推进。（各地、各部门配合）") == {"cooperating": ["各地", "各部门"]}
    assert roles("推进。 | 區直各單位、各鎮(街) |") == {"responsible": ["区直各单位", "各镇(街)"]}


# ---- shared suffix and coordinated heads ------------------------------------------------------


def test_suffix_is_shared_by_bare_places() -> None:
    found = roles("推进。(省公安厅,广州、深圳、珠海出入境边防检查总站按职责分工负责)")
    assert found == {
        "responsible": [
            "省公安厅",
            "广州出入境边防检查总站",
            "深圳出入境边防检查总站",
            "珠海出入境边防检查总站",
        ]
    }


def test_suffix_after_a_bracketed_place() -> None:
    found = roles("推进。(肇庆高新区、肇庆新区、粤桂合作特别试验区(肇庆)管委会负责)")
    assert found == {"responsible": ["肇庆高新区管委会", "肇庆新区管委会", "粤桂合作特别试验区(肇庆)管委会"]}


def test_coordinated_heads_stay_one_unit() -> None:
    assert roles("推进。（市政府各委、办、局负责）") == {"responsible": ["市政府各委、办、局"]}
    assert roles("推进。（各区、市人民政府负责）") == {"responsible": ["各区、市人民政府"]}


# ---- 等 ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("etc", ["等", "等单位", "等有关单位", "等部门"])
def test_etc_is_dropped_and_makes_the_list_open(etc: str) -> None:
    text, reading = read(f"推进。（省政务和数据局牵头，省国资委{etc}按职责分工负责）")
    assert reading.open_ended
    assert [u.render(text) for u in reading.roles[Role.RESPONSIBLE]] == ["省国资委"]


def test_etc_in_the_middle_of_a_list() -> None:
    text, reading = read("做好。 | 區財政局、廣州市花都區稅務局等部門、各鎮(街) |")
    assert reading.open_ended
    assert [u.render(text) for u in reading.roles[Role.RESPONSIBLE]] == [
        "区财政局",
        "广州市花都区税务局",
        "各镇(街)",
    ]


def test_no_etc_no_open_list() -> None:
    assert not read("推进。（省政务和数据局牵头，各有关单位按职责分工负责）")[1].open_ended


# ---- time limits -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tail", "deadline"),
    [
        ("年内持续推进", "年内持续推进"),
        ("持续推进", "持续推进"),
        ("长期坚持", "长期坚持"),
        ("2024年底前完成", "2024年底前"),
        ("6月底前", "6月底前"),
    ],
)
def test_deadline_in_the_clause(tail: str, deadline: str) -> None:
    text, reading = read(f"推进。（国务院各部门分别负责，{tail}）")
    assert reading.deadline is not None
    assert text[reading.deadline[0] : reading.deadline[1]] == deadline
    assert [u.render(text) for u in reading.roles[Role.RESPONSIBLE]] == ["国务院各部门"]


def test_labelled_deadline() -> None:
    text, reading = read("做好工作。[责任单位:市发改委、市财政局;完成时间:2022年6月]")
    assert reading.deadline is not None
    assert text[reading.deadline[0] : reading.deadline[1]] == "2022年6月"
    assert [u.render(text) for u in reading.roles[Role.RESPONSIBLE]] == ["市发改委", "市财政局"]


def test_no_deadline() -> None:
    assert read("推进。（省工业和信息化厅牵头）")[1].deadline is None


# ---- traditional input, problems, offsets -----------------------------------------------------


def test_traditional_input_converted() -> None:
    found = roles("加大支持力度。(省政務服務數據管理局,相關地市政府牽頭)")
    assert found == {"lead": ["省政务服务数据管理局", "相关地市政府"]}


def test_empty_label_at_a_cut_gives_no_units_and_a_problem() -> None:
    _, reading = read("进出口实现正增长。\n\n分管省领导:张新\n\n部门分工:")
    assert not any(reading.roles.values())
    assert reading.problems


def test_cut_inside_a_label_value_reports_the_stub() -> None:
    _, reading = read("不少于2个。\n\n责任单位:市")
    assert not any(reading.roles.values())
    assert any("市" in p for p in reading.problems)


def test_pieces_point_into_the_text() -> None:
    text, reading = read("推进。（省发展改革委、科技厅按职责分工负责）")
    second = reading.roles[Role.RESPONSIBLE][1]
    assert [text[s:e] for s, e in second.pieces] == ["省", "科技厅"]


# ---- wider forms -------------------------------------------------------------------------------


def test_role_in_brackets_after_one_unit() -> None:
    found = roles("推进。\n责任单位:市发改委(牵头)、市财政局、市科技局")
    assert found == {"lead": ["市发改委"], "responsible": ["市财政局", "市科技局"]}


def test_conjunction_between_whole_names_splits_them() -> None:
    found = roles("推进。(省发展改革委和省财政厅牵头,省公安厅及交通运输厅配合)")
    assert found == {"lead": ["省发展改革委", "省财政厅"], "cooperating": ["省公安厅", "省交通运输厅"]}


def test_conjunction_inside_a_name_does_not_split_it() -> None:
    found = roles("推进(住房和城乡建设部、自然资源部负责)")
    assert found == {"responsible": ["住房和城乡建设部", "自然资源部"]}
    found = roles("推进。(省工业和信息化厅、文化和旅游厅负责)")
    assert found == {"responsible": ["省工业和信息化厅", "省文化和旅游厅"]}


def test_short_labels() -> None:
    assert roles("推进。\n牵头:省发展改革委;配合:省财政厅") == {
        "lead": ["省发展改革委"],
        "cooperating": ["省财政厅"],
    }


def test_a_span_of_years_is_a_deadline() -> None:
    text, reading = read("推进。(省发展改革委牵头,2023—2025年)")
    assert reading.deadline is not None
    assert text[reading.deadline[0] : reading.deadline[1]] == "2023—2025年"


def test_an_abbreviation_note_is_no_clause() -> None:
    text = analysis("建立工作机制(以下简称省数据局)")
    assert locate_clause(text, 0, len(text)) is None
