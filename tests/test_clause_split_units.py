"""split_units: addressee lists and other bare unit lists, affixes distributed."""

from __future__ import annotations

import opencc
import pytest

from gdplan.parser.clause import split_units

_T2S = opencc.OpenCC("t2s")


def analysis(s: str) -> str:
    """The analysis text as the parser builds it: half width, U+3000 → space, simplified."""
    return str(_T2S.convert(s.translate({c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20})))


def units(line: str) -> list[str]:
    text = analysis(line)
    return [u.render(text) for u in split_units(text, 0, len(text))]


# expected values: the addressees of the dev corpus gold files (folded to simplified)
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("各地级以上市人民政府，省有关单位：", ["各地级以上市人民政府", "省有关单位"]),
        (
            "各地级以上市人民政府,省政府各部门、各直属机构:",
            ["各地级以上市人民政府", "省政府各部门", "省政府各直属机构"],
        ),
        (
            "各县(市、区)人民政府,肇庆高新区、肇庆新区、粤桂合作特别试验区(肇庆)管委会,市政府各有关部门、直属各有关单位:",
            [
                "各县(市、区)人民政府",
                "肇庆高新区管委会",
                "肇庆新区管委会",
                "粤桂合作特别试验区(肇庆)管委会",
                "市政府各有关部门",
                "市政府直属各有关单位",
            ],
        ),
        ("各區人民政府,市政府各委、辦、局,各有關單位:", ["各区人民政府", "市政府各委、办、局", "各有关单位"]),
        (
            "各區、市人民政府,青島西海岸新區管委,市政府各部門,市直各單位:",
            ["各区、市人民政府", "青岛西海岸新区管委", "市政府各部门", "市直各单位"],
        ),
        (
            "各县(市、区)人民政府(管委会),市政府各部门、各直属机构:",
            ["各县(市、区)人民政府(管委会)", "市政府各部门", "市政府各直属机构"],
        ),
        ("國務院各部委、各直屬機構:", ["国务院各部委", "国务院各直属机构"]),
    ],
)
def test_addressees(line: str, expected: list[str]) -> None:
    assert units(line) == expected


def test_offsets_are_absolute_and_pieces_come_from_the_text() -> None:
    text = analysis("通知\n各地级以上市人民政府,省政府各部门、各直属机构:\n正文")
    start = text.index("各地")
    end = text.index("\n正文")
    found = split_units(text, start, end)
    assert [text[s:e] for s, e in found[2].pieces] == ["省政府", "各直属机构"]
    assert found[0].pieces == ((start, start + len("各地级以上市人民政府")),)


def test_suffix_with_a_place_name_found_by_word_segmentation() -> None:
    assert units("广州、深圳、珠海出入境边防检查总站") == [
        "广州出入境边防检查总站",
        "深圳出入境边防检查总站",
        "珠海出入境边防检查总站",
    ]


def test_levels_before_a_shared_government_stay_whole() -> None:
    assert units("省、市人民政府") == ["省、市人民政府"]
    assert units("各地、各部门") == ["各地", "各部门"]
