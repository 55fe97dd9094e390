"""locate_clause: which part of a node's content is its responsibility clause."""

from __future__ import annotations

import opencc
import pytest

from gdplan.model import ClauseForm
from gdplan.parser.clause import ClauseLocation, locate_clause

_T2S = opencc.OpenCC("t2s")


def analysis(s: str) -> str:
    """The analysis text as the parser builds it: half width, U+3000 → space, simplified."""
    return str(_T2S.convert(s.translate({c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20})))


def locate(s: str) -> tuple[str, ClauseLocation | None]:
    text = analysis(s)
    return text, locate_clause(text, 0, len(text))


def cut(text: str, span: tuple[int, int] | None) -> str | None:
    return None if span is None else text[span[0] : span[1]]


# ---- the final parenthetical -------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "body"),
    [
        ("优化实施一批重大旗舰项目。（省工业和信息化厅牵头）", "省工业和信息化厅牵头"),
        ("做好监测。(省商务厅,省供销合作联社)", "省商务厅,省供销合作联社"),  # a bare list of units
        (
            "确保完成年度投资计划。〔市工信局牵头,市发改局、各县(市、区)人民政府按职责分工负责〕",
            "市工信局牵头,市发改局、各县(市、区)人民政府按职责分工负责",
        ),
        ("推进建设。【省政务和数据局牵头】", "省政务和数据局牵头"),
        ("推进建设(省政务和数据局牵头)。", "省政务和数据局牵头"),  # 。 may follow
        ("推进建设。(省政务和数据局牵头) \n\n", "省政务和数据局牵头"),
    ],
)
def test_final_parenthetical_is_the_clause(content: str, body: str) -> None:
    text, loc = locate(content)
    assert loc is not None
    assert loc.form is ClauseForm.BRACKETED
    assert cut(text, loc.body) == analysis(body)
    removed = cut(text, loc.remove)
    assert removed is not None and removed[0] in "(〔【" and removed[-1] in ")〕】"
    assert cut(text, loc.remove) == f"{removed[0]}{analysis(body)}{removed[-1]}"


def test_remove_leaves_the_body_and_its_stop() -> None:
    text, loc = locate("推进产业协同创新。（省工业和信息化厅牵头）")
    assert loc is not None and loc.remove is not None
    assert text[: loc.remove[0]] + text[loc.remove[1] :] == "推进产业协同创新。"


@pytest.mark.parametrize(
    "content",
    [
        "支持超高清视频（共建）、新型储能等创新中心建设。",
        "建设“智慧视听”云产业园（区）和实验室。",
        "加快推进基础地理信息（天地图）",
        "印发《数据管理办法（试行）》。",
        "推进工作(试行)",
        "加强与兄弟省（区、市）合作",
        "组织市有关单位(见附件1,下同)开展自查。",
        "依据《意见》(国发〔2022〕18号)",
        "推进(2023—2025年)",
    ],
)
def test_brackets_that_are_not_clauses(content: str) -> None:
    assert locate(content)[1] is None


def test_brackets_inside_a_sentence_are_not_the_final_one() -> None:
    text, loc = locate("支持超高清视频（共建）等建设。（省工业和信息化厅牵头）")
    assert loc is not None
    assert cut(text, loc.body) == "省工业和信息化厅牵头"


def test_nested_brackets_match_with_depth() -> None:
    text, loc = locate("推进。(市政务服务数据管理局、各县<市、区>政府<管委会>负责)")
    assert loc is not None
    assert cut(text, loc.body) == "市政务服务数据管理局、各县<市、区>政府<管委会>负责"


# ---- labels ----------------------------------------------------------------------------------


def test_label_on_its_own_line_after_a_leader_line() -> None:
    text, loc = locate(
        "地区生产总值增长6%以上。\n\n  分管省领导:林克庆\n\n"
        "  部门分工:省发展改革委牵头,各地、各部门配合。\n\n  "
    )
    assert loc is not None and loc.form is ClauseForm.LABELLED
    assert cut(text, loc.body) == "省发展改革委牵头,各地、各部门配合"
    assert cut(text, loc.remove) == "部门分工:省发展改革委牵头,各地、各部门配合。"
    assert loc.remove is not None and "分管省领导:林克庆" in text[: loc.remove[0]]


def test_label_on_the_item_line() -> None:
    text, loc = locate("生产总值增长6%以上。责任单位:市发改委")
    assert loc is not None and loc.form is ClauseForm.LABELLED
    assert cut(text, loc.body) == "市发改委"
    assert cut(text, loc.scope) == "责任单位:市发改委"


def test_label_on_the_next_line_and_its_continuation() -> None:
    text, loc = locate("推进工作。\n牵头单位:市发改委\n配合单位:市财政局、\n市科技局\n")
    assert loc is not None
    assert cut(text, loc.scope) == "牵头单位:市发改委\n配合单位:市财政局、\n市科技局"


def test_labelled_clause_in_brackets() -> None:
    text, loc = locate("加快成果转化。(牽頭單位:市科技局,參與單位:青島藍谷管理局)")
    assert loc is not None and loc.form is ClauseForm.LABELLED
    assert cut(text, loc.body) == "市科技局,参与单位:青岛蓝谷管理局"
    assert cut(text, loc.scope) == "牵头单位:市科技局,参与单位:青岛蓝谷管理局"
    assert cut(text, loc.remove) == "(牵头单位:市科技局,参与单位:青岛蓝谷管理局)"


def test_square_brackets_with_a_deadline_label() -> None:
    text, loc = locate("做好工作。[责任单位:市发改委;完成时间:2022年6月]")
    assert loc is not None
    assert cut(text, loc.scope) == "责任单位:市发改委;完成时间:2022年6月"


def test_a_leader_line_alone_is_no_clause() -> None:
    assert locate("地区生产总值增长6%以上。\n\n分管省领导:林克庆\n")[1] is None


def test_empty_label_at_a_cut_still_locates() -> None:
    text, loc = locate("进出口实现正增长。\n\n  分管省领导:张新\n\n  部门分工:")
    assert loc is not None
    assert loc.body[0] == loc.body[1]
    assert cut(text, loc.remove) == "部门分工:"


def test_label_with_a_trailing_rule_annotation() -> None:
    text, loc = locate(
        "固定资产投资增长10%。\n\n责任单位:市发改委、市经信局(除标注“分别牵头”外,列第一位为牵头或汇总单位,下同)\n\n"
    )
    assert loc is not None and loc.form is ClauseForm.LABELLED
    assert cut(text, loc.body) == "市发改委、市经信局(除标注“分别牵头”外,列第一位为牵头或汇总单位,下同)"


# ---- other places ----------------------------------------------------------------------------


def test_inline_clause_stays_in_the_sentence() -> None:
    text, loc = locate("關於“嚴守耕地保護紅線”的問題,由國土資源部會同農業部等部門負責落實。")
    assert loc is not None and loc.form is ClauseForm.INLINE
    assert loc.remove is None
    assert cut(text, loc.body) == "由国土资源部会同农业部等部门负责落实"


def test_inline_clause_ends_where_the_sentence_goes_on() -> None:
    text, loc = locate("的问题,由发展改革委会同中央农办、农业部、粮食局等部门研究提出落实意见。")
    assert loc is not None
    assert cut(text, loc.body) == "由发展改革委会同中央农办、农业部、粮食局等部门"


def test_brackets_win_over_an_inline_phrase() -> None:
    text, loc = locate("由省发展改革委牵头推进。(省财政厅负责)")
    assert loc is not None and loc.form is ClauseForm.BRACKETED
    assert cut(text, loc.body) == "省财政厅负责"


@pytest.mark.parametrize(
    "content",
    [
        "紧紧抓住契机,密切配合省政务服务数据管理局落实均衡化发展实施方案和资金管理办法。",
        "由于各地负责的事项不同,需要统筹推进。",
        "由省政府负责同志牵头协调。",
    ],
)
def test_role_words_in_a_body_sentence_are_no_clause(content: str) -> None:
    assert locate(content)[1] is None


def test_table_cell() -> None:
    text, loc = locate("做到應知盡知、應享盡享。 | 廣州市花都區稅務局、區財政局按職能分工落實,各鎮(街) |")
    assert loc is not None and loc.form is ClauseForm.TABLE
    assert cut(text, loc.body) == "广州市花都区税务局、区财政局按职能分工落实,各镇(街)"
    assert cut(text, loc.remove) == " | 广州市花都区税务局、区财政局按职能分工落实,各镇(街) |"


def test_text_cut_inside_the_clause() -> None:
    text, loc = locate("提供运算资源支持。(市政务服务数据管理局、市有关单位、各县<市、区>政府<管委会>负")
    assert loc is not None and not loc.closed
    assert cut(text, loc.body) == "市政务服务数据管理局、市有关单位"
    assert loc.remove is not None and loc.remove[1] == len(text)


def test_rule_in_brackets_after_the_clause_is_read_with_it() -> None:
    text, loc = locate("开展监测。(市发改委、市财政局负责)(责任单位排在首位的为牵头单位,下同)")
    assert loc is not None
    assert cut(text, loc.body) == "市发改委、市财政局负责"
    assert [cut(text, n) for n in loc.notes] == ["责任单位排在首位的为牵头单位,下同"]
    assert cut(text, loc.remove) == "(市发改委、市财政局负责)(责任单位排在首位的为牵头单位,下同)"


def test_offsets_are_absolute() -> None:
    text = analysis("一、总体\n1.推进建设。（省政务和数据局牵头）\n2.其他")
    start = text.index("推进")
    end = text.index("\n2.")
    loc = locate_clause(text, start, end)
    assert loc is not None
    assert text[loc.body[0] : loc.body[1]] == "省政务和数据局牵头"
