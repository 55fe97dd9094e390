"""The DOCX reader: paragraphs in order, tables as pipe lines, Word's numbering as printed labels."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from gdplan.errors import InputError
from gdplan.read import read_bytes
from gdplan.read.docx import docx_text
from gdplan.read.numformat import (
    chinese_counting,
    chinese_counting_thousand,
    chinese_legal_simplified,
    format_number,
    ideograph_digital,
)
from gdplan.read.wordnum import WordNumbering
from tests.fixtures.read import read_builders as rb

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
SEED = ROOT / "samples" / "gd-2025-digital-seed.txt"
DEV_RAW = ROOT.parent / "shared" / "corpus" / "dev" / "raw"
W = rb.W_NS


def squeeze(lines: list[str]) -> list[str]:
    return [re.sub(r"[ \t\xa0]+", " ", line) for line in lines]


def document_xml(docx: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return archive.read("word/document.xml").decode("utf-8")


# --- whole documents ---------------------------------------------------------------------


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_plain_docx_gives_the_lines_back(path: Path) -> None:
    lines = rb.document_lines(path)
    source = read_bytes(rb.docx_plain(lines), "plan.docx")
    assert source.media_type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert source.text.splitlines() == squeeze(lines)


def test_numbered_docx_renders_words_labels() -> None:
    lines = rb.document_lines(SEED)
    plan = rb.numbered_plan(lines)
    assert plan is not None
    data = rb.docx_numbered(plan)
    xml = document_xml(data)
    # The labels are not in the text runs: Word generates them from numbering.xml.
    assert "一、加快培育" not in xml and "（四）提升数字产业" not in xml and "50．推动数字化合作" not in xml
    assert "<w:t>加快培育数字化发展引擎</w:t>" in xml
    assert docx_text(data, "seed.docx").splitlines() == lines


def test_numbered_dev_documents() -> None:
    if not DEV_RAW.is_dir():
        pytest.skip(f"dev corpus not found at {DEV_RAW}")
    built = 0
    for path in sorted(DEV_RAW.glob("*.txt")):
        lines = rb.document_lines(path)
        plan = rb.numbered_plan(lines)
        if plan is None:
            continue  # numbering Word cannot print (pipe tables, markers behind noise)
        built += 1
        assert docx_text(rb.docx_numbered(plan), path.name).splitlines() == squeeze(lines), path.name
    assert built >= 5


def test_headers_hidden_and_deleted_text_are_dropped() -> None:
    lines = ["关于印发工作要点的通知", "一、总体要求", "（一）加强统筹"]
    data = rb.with_extra_chrome(rb.docx_plain(lines))
    assert "隐藏文字" in document_xml(data) and "删除文字" in document_xml(data)
    assert docx_text(data, "x").splitlines() == lines


def test_table_rows_become_pipe_lines_and_merged_cells_are_left_out() -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("任务分工")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [
            ["工作任务", "具体要求", "责任单位"],
            ["（一）加强信息公开。", "1.加大公开力度。", "区发展改革局"],
            ["", "2.建立反馈机制。", "区财政局"],
        ]
    ):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(1, 0).merge(table.cell(2, 0))  # a vertically merged first column
    document.add_paragraph("二、保障措施")
    buffer = io.BytesIO()
    document.save(buffer)
    assert docx_text(buffer.getvalue(), "x").splitlines() == [
        "任务分工",
        "工作任务 | 具体要求 | 责任单位 |",
        "（一）加强信息公开。 | 1.加大公开力度。 | 区发展改革局 |",
        "2.建立反馈机制。 | 区财政局 |",
        "二、保障措施",
    ]


def test_layout_table_is_read_as_paragraphs() -> None:
    import docx

    document = docx.Document()
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = "某某市人民政府办公室文件"
    cell.add_paragraph("某府办〔2024〕1号")
    document.add_paragraph("一、总体要求")
    buffer = io.BytesIO()
    document.save(buffer)
    assert docx_text(buffer.getvalue(), "x").splitlines() == [
        "某某市人民政府办公室文件",
        "某府办〔2024〕1号",
        "一、总体要求",
    ]


def test_line_break_inside_a_paragraph_is_a_new_line() -> None:
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph("广东省政务服务和数据管理局")
    paragraph.add_run().add_break()
    paragraph.add_run("2025年5月15日")
    buffer = io.BytesIO()
    document.save(buffer)
    assert docx_text(buffer.getvalue(), "x").splitlines() == ["广东省政务服务和数据管理局", "2025年5月15日"]


def test_damaged_docx_is_an_input_error() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<not-xml")
    with pytest.raises(InputError, match="cannot open the DOCX"):
        read_bytes(buffer.getvalue(), "broken.docx")


# --- number formats ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "n,expected",
    [
        (1, "一"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (19, "十九"),
        (20, "二十"),
        (21, "二十一"),
        (99, "九十九"),
    ],
)
def test_chinese_counting(n: int, expected: str) -> None:
    assert chinese_counting(n) == expected


@pytest.mark.parametrize(
    "n,expected",
    [
        (10, "十"),
        (15, "十五"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (1001, "一千零一"),
        (1010, "一千零一十"),
    ],
)
def test_chinese_counting_thousand(n: int, expected: str) -> None:
    assert chinese_counting_thousand(n) == expected


def test_other_formats() -> None:
    assert ideograph_digital(10) == "一〇"
    assert chinese_legal_simplified(11) == "壹拾壹"
    assert format_number(3, "decimalEnclosedCircle") == "③"
    assert format_number(21, "decimalEnclosedCircle") == "21"
    assert format_number(2, "decimalEnclosedParen") == "⑵"
    assert format_number(4, "decimalFullWidth") == "４"
    assert format_number(28, "upperLetter") == "BB"
    assert format_number(14, "lowerRoman") == "xiv"
    assert format_number(2, "ideographTraditional") == "乙"
    assert format_number(7, "someFutureFormat") == "7"


# --- numbering counters ------------------------------------------------------------------

_THREE_LEVELS = """
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>{restart1}
  <w:lvlText w:val="（%2）"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>{restart2}<w:lvlText w:val="%3．"/></w:lvl>
"""


def numbering(
    abstract_levels: str,
    nums: str = '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
    styles: str = "",
) -> WordNumbering:
    xml = (
        f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0">{abstract_levels}</w:abstractNum>'
        f"{nums}</w:numbering>"
    )
    styles_xml = f'<w:styles xmlns:w="{W}">{styles}</w:styles>'
    return WordNumbering.from_xml(etree.fromstring(xml), etree.fromstring(styles_xml))


def labels(numbers: WordNumbering, sequence: list[tuple[str, int]]) -> list[str]:
    out = []
    for num_id, ilvl in sequence:
        label = numbers.next_label(num_id, ilvl)
        out.append(label.text if label else "")
    return out


def test_lower_levels_restart_by_default() -> None:
    numbers = numbering(_THREE_LEVELS.format(restart1="", restart2=""))
    sequence = [("1", 0), ("1", 1), ("1", 2), ("1", 2), ("1", 1), ("1", 2), ("1", 0), ("1", 1), ("1", 2)]
    assert labels(numbers, sequence) == [
        "一、",
        "（一）",
        "1．",
        "2．",
        "（二）",
        "1．",
        "二、",
        "（一）",
        "1．",
    ]


def test_lvl_restart_zero_runs_on_across_parents() -> None:
    numbers = numbering(
        _THREE_LEVELS.format(restart1='<w:lvlRestart w:val="0"/>', restart2='<w:lvlRestart w:val="0"/>')
    )
    sequence = [("1", 0), ("1", 1), ("1", 2), ("1", 2), ("1", 0), ("1", 1), ("1", 2)]
    assert labels(numbers, sequence) == ["一、", "（一）", "1．", "2．", "二、", "（二）", "3．"]


def test_lvl_restart_one_restarts_only_after_the_top_level() -> None:
    numbers = numbering(_THREE_LEVELS.format(restart1="", restart2='<w:lvlRestart w:val="1"/>'))
    sequence = [("1", 0), ("1", 1), ("1", 2), ("1", 1), ("1", 2), ("1", 0), ("1", 1), ("1", 2)]
    assert labels(numbers, sequence) == ["一、", "（一）", "1．", "（二）", "2．", "二、", "（一）", "1．"]


def test_nums_sharing_an_abstract_continue_unless_restarted() -> None:
    nums = """<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
    <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
    <w:num w:numId="3"><w:abstractNumId w:val="0"/>
      <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"""
    numbers = numbering(_THREE_LEVELS.format(restart1="", restart2=""), nums)
    assert labels(numbers, [("1", 0), ("1", 0), ("2", 0), ("3", 0), ("3", 0)]) == [
        "一、",
        "二、",
        "三、",
        "一、",
        "二、",
    ]


def test_is_lgl_prints_decimal_and_a_start_value() -> None:
    levels = """
    <w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="chineseCounting"/>
      <w:lvlText w:val="第%1章"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/>
      <w:lvlText w:val="%1.%2"/></w:lvl>"""
    assert labels(numbering(levels), [("1", 0), ("1", 1), ("1", 1)]) == ["第三章", "3.1", "3.2"]


def test_bullets_and_unknown_lists_give_no_label() -> None:
    levels = '<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>'
    numbers = numbering(levels)
    assert numbers.next_label("1", 0) is None
    assert numbers.next_label("99", 0) is None
    assert numbers.next_label("1", 5) is None


def test_numbering_through_a_paragraph_style() -> None:
    styles = """
    <w:style w:type="paragraph" w:styleId="Plan1">
      <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="Plan2"><w:basedOn w:val="Plan1"/></w:style>"""
    levels = _THREE_LEVELS.format(restart1="", restart2="").replace(
        '<w:lvl w:ilvl="1"><w:start w:val="1"/>',
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:pStyle w:val="Plan2"/>',
    )
    numbers = numbering(levels, styles=styles)

    def paragraph(style: str, numpr: str = "") -> etree._Element:
        return etree.fromstring(f'<w:p xmlns:w="{W}"><w:pPr><w:pStyle w:val="{style}"/>{numpr}</w:pPr></w:p>')

    first = numbers.paragraph_label(paragraph("Plan1"))
    second = numbers.paragraph_label(paragraph("Plan2"))  # level bound to the style by w:pStyle
    off = numbers.paragraph_label(paragraph("Plan1", '<w:numPr><w:numId w:val="0"/></w:numPr>'))
    assert (first and first.text, second and second.text, off) == ("一、", "（一）", None)
