"""Fast paths equal the plain definitions they replace.

Some hot spots of the parser let compiled patterns find the few positions that matter
instead of walking every character in Python. The definitions below walk every character
and are the meaning; Hypothesis draws strings rich in the characters each scanner looks at.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gdplan.model import MarkerStyle
from gdplan.parser.assemble import _CLOSERS, _OPENERS, _SENTENCE_END, _first_sentence_end
from gdplan.parser.clause import carry, inline, locate, names
from gdplan.parser.clause.roles import LABEL
from gdplan.parser.clause.scan import CLOSERS, OPENERS, top_level
from gdplan.parser.rules import markers

# ---- units_end: where a unit list that the sentence continues ends --------------------------


def plain_units_end(text: str, start: int, end: int) -> tuple[int, int]:
    """units_end as first written: every position of the range, in order."""
    flags = top_level(text, start, end)
    for i in range(start, end):
        if not flags[i - start]:
            continue
        if text[i] in ",;。:":
            return i, i
        if i == start or not text.endswith(names.LOOSE_ORG_ENDINGS, start, i):
            continue
        etc = inline._ETC.match(text, i, end)
        if etc is not None:
            return etc.end(), inline._role_end(text, etc.end(), end)
        if text.startswith(inline._VERBS, i):
            return i, inline._role_end(text, i, end)
    return end, end


# Organisation endings, verbs, 等, separators, brackets and filler.
_UNIT_WORDS = ["局", "厅", "委员会", "办", "中心", "研究", "负责", "牵头", "等", "部门", "会同", "省", "甲"]
_UNIT_CHARS = list(",;。:、" + OPENERS[:3] + CLOSERS[:3])
unit_texts = st.lists(st.sampled_from(_UNIT_WORDS + _UNIT_CHARS), max_size=16).map("".join)


@given(unit_texts, st.integers(0, 3), st.integers(0, 3))
def test_units_end_equals_the_plain_walk(text: str, cut_start: int, cut_end: int) -> None:
    start, end = min(cut_start, len(text)), max(len(text) - cut_end, 0)
    if start > end:
        start, end = end, start
    assert inline.units_end(text, start, end) == plain_units_end(text, start, end)


def test_units_end_on_examples() -> None:
    text = "由省发展改革委会同省财政厅、省科技厅等部门研究提出落实意见"
    start = text.index("会同") + 2
    stop, clause_end = inline.units_end(text, start, len(text))
    assert text[start:stop] == "省财政厅、省科技厅等部门"
    assert (stop, clause_end) == plain_units_end(text, start, len(text))
    # 政策研究室 is not cut at 研究: the cut comes after an organisation ending only
    text = "省政府政策研究室负责"
    assert inline.units_end(text, 0, len(text)) == (len("省政府政策研究室"), len(text))


# ---- the first sentence of a node's text -----------------------------------------------------


def plain_first_sentence_end(text: str, start: int, end: int) -> int | None:
    depth = 0
    for i in range(start, end):
        ch = text[i]
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(depth - 1, 0)
        elif ch in _SENTENCE_END and depth == 0:
            return i
    return None


sentence_texts = st.text(alphabet="甲乙," + _SENTENCE_END + _OPENERS[:4] + _CLOSERS[:4], max_size=24)


@given(sentence_texts, st.integers(0, 3))
def test_first_sentence_end_equals_the_plain_walk(text: str, cut: int) -> None:
    start = min(cut, len(text))
    assert _first_sentence_end(text, start, len(text)) == plain_first_sentence_end(text, start, len(text))


# ---- markers: the rules run only where some label pattern matches ----------------------------


def plain_marker_at(text: str, start: int, end: int) -> tuple[MarkerStyle, int, int] | None:
    for style, rule in markers.MARKER_RULES:
        found = rule(text, start, end)
        if found is not None:
            return style, found[0], found[1]
    return None


# Numerals (Chinese, Arabic, Arabic-Indic, circled), label punctuation, 第 … 章/条/部分.
_LABEL_PIECES = [*"一十二〇、,.()120١①第章条", "部分"]
label_texts = st.lists(st.sampled_from([*_LABEL_PIECES, "加", " "]), min_size=1, max_size=8).map("".join)


@given(label_texts)
def test_marker_at_equals_trying_every_rule(text: str) -> None:
    assert markers.marker_at(text, 0, len(text)) == plain_marker_at(text, 0, len(text))


def test_every_marker_style_has_a_rule_and_a_label_pattern() -> None:
    # table-row markers are made by the table rule from a row's 序号 cell, not by a line rule
    line_styles = set(MarkerStyle) - {MarkerStyle.TABLE_ROW}
    styles = [style for style, _ in markers.MARKER_RULES]
    assert sorted(styles) == sorted(line_styles)
    assert set(markers.LABEL_PATTERNS) == line_styles


# ---- cheap tests that rule a pattern out before it runs -------------------------------------

_RULE_WORDS = [
    *("首位", "第一位", "排名第一", "列在首位", "排在最前"),
    *("牵头", "汇总", "单位", "的", "为", "甲", ","),
]
rule_texts = st.lists(st.sampled_from(_RULE_WORDS), max_size=10).map("".join)


@given(rule_texts)
def test_states_first_leads_equals_the_pattern_alone(text: str) -> None:
    assert carry.states_first_leads(text, 0, len(text)) == (
        carry._FIRST_LEADS.search(text, 0, len(text)) is not None
    )


_LABEL_WORDS = ["责任单位", "牵头单位", "完成时间", ":", " ", "省财政厅", "。", "\n", "(", ")"]
labelled_texts = st.lists(st.sampled_from(_LABEL_WORDS), max_size=10).map("".join)


@given(labelled_texts)
def test_a_text_without_a_colon_holds_no_label(text: str) -> None:
    if ":" not in text:
        assert LABEL.search(text) is None
        assert locate._labelled(text, 0, len(text)) is None
