"""Normalization removes copy noise and keeps a map back to every input offset."""

import itertools

from hypothesis import given
from hypothesis import strategies as st

from gdplan.parser.text import normalize


def test_pinyin_removed_and_offsets_kept() -> None:
    original = "一(yī)、實施創新驅動發展戰略\n建設藍(lán)色藥庫"
    nt = normalize(original)
    assert nt.clean == "一、實施創新驅動發展戰略\n建設藍色藥庫"
    assert nt.analysis == "一、实施创新驱动发展战略\n建设蓝色药库"
    at = nt.clean.index("藥")
    assert original[nt.span(at, at + 2)[0] : nt.span(at, at + 2)[1]] == "藥庫"
    assert nt.line_number(at) == 2


def test_abbreviations_in_brackets_are_not_pinyin() -> None:
    nt = normalize("建筑信息模型（BIM）技术，城市(cim)平台")
    assert "（BIM）" in nt.clean and "(cim)" in nt.clean


def test_lost_indent_question_marks_removed() -> None:
    nt = normalize("??一、依法履行政府信息公開職責\n??1.圍繞本市")
    assert nt.clean == "一、依法履行政府信息公開職責\n1.圍繞本市"


def test_layers_share_offsets() -> None:
    nt = normalize("（一）加強協同。\u3000（省政務服務數據管理局牽頭）")
    assert len(nt.clean) == len(nt.simplified) == len(nt.analysis)
    assert nt.analysis.startswith("(一)加强协同。 (省政务服务数据管理局牵头)")
    assert nt.simplified.startswith("（一）加强协同。")


@given(st.text(alphabet="一二（）()yīlán藍?？\n 、。abc", max_size=60))
def test_offset_map_is_monotonic_and_in_range(text: str) -> None:
    nt = normalize(text)
    offsets = [nt.original_offset(i) for i in range(len(nt.clean))]
    assert all(a < b for a, b in itertools.pairwise(offsets))
    assert all(0 <= o < len(text) for o in offsets)
    for i, ch in enumerate(nt.clean):
        assert text[offsets[i]] == ch
