"""The PDF reader: the text layer back in paragraphs, page numbers dropped, clear errors."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from gdplan.errors import InputError
from gdplan.read import read_bytes
from gdplan.read.pdf import PdfLine, drop_page_numbers, paragraphs, pdf_text
from tests.fixtures.read import read_builders as rb

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
SEED = ROOT / "samples" / "gd-2025-digital-seed.txt"
DEV_RAW = ROOT.parent / "shared" / "corpus" / "dev" / "raw"


def spaceless(lines: list[str]) -> list[str]:
    """Lines without spaces: a space where a PDF line wrapped is not in the text layer."""
    return ["".join(line.split()) for line in lines]


def test_chinese_comes_back_from_the_cid_font() -> None:
    data = rb.pdf_document(
        ["关于印发工作要点的通知", "一、加快培育数字化发展引擎", "（一）打造数字技术创新高地"]
    )
    assert read_bytes(data, "x.pdf").text.splitlines() == [
        "关于印发工作要点的通知",
        "一、加快培育数字化发展引擎",
        "（一）打造数字技术创新高地",
    ]


@pytest.mark.parametrize("indent", [True, False], ids=["indented", "flush"])
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_wrapped_paragraphs_are_joined(path: Path, indent: bool) -> None:
    lines = rb.document_lines(path)
    data = rb.pdf_document(lines, indent=indent)
    source = read_bytes(data, "plan.pdf")
    assert source.media_type == "application/pdf"
    assert spaceless(source.text.splitlines()) == spaceless(lines)
    assert "— 1 —" not in source.text  # page numbers dropped


def test_dev_documents_as_pdf() -> None:
    if not DEV_RAW.is_dir():
        pytest.skip(f"dev corpus not found at {DEV_RAW}")
    for path in sorted(DEV_RAW.glob("*.txt")):
        lines = rb.document_lines(path)
        assert spaceless(pdf_text(rb.pdf_document(lines), path.name).splitlines()) == spaceless(lines), (
            path.name
        )


def test_seed_spans_several_pages() -> None:
    import pypdfium2

    data = rb.pdf_document(rb.document_lines(SEED))
    assert len(pypdfium2.PdfDocument(data)) > 3  # the joins cross page breaks


def test_missing_pypdfium2_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    data = rb.pdf_document(["一、总体要求"])
    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # import now raises ImportError
    with pytest.raises(InputError, match=r"pip install gdplan\[pdf\]") as caught:
        read_bytes(data, "plan.pdf")
    assert caught.value.source == "plan.pdf"


def test_pdf_without_text_layer_is_refused() -> None:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.rect(100, 100, 200, 300, fill=1)  # a scanned page has pictures, not text
    page.showPage()
    page.save()
    with pytest.raises(InputError, match="no text layer"):
        read_bytes(buffer.getvalue(), "scan.pdf")


def test_password_protected_pdf_is_refused() -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, encrypt=StandardEncryption("secret", canPrint=0))
    page.drawString(100, 700, "plan")
    page.showPage()
    page.save()
    with pytest.raises(InputError, match="cannot open the PDF: it is password-protected"):
        read_bytes(buffer.getvalue(), "locked.pdf")


def test_damaged_pdf_is_an_input_error() -> None:
    with pytest.raises(InputError, match="cannot open the PDF"):
        read_bytes(b"%PDF-1.4\nthis is not a PDF body", "broken.pdf")


# --- joining lines: the rules on hand-made lines (page 0, text block from x=100 to x=400)


def line(text: str, left: float = 100, right: float = 400, size: float = 10, page: int = 0) -> PdfLine:
    return PdfLine(text, page, left, right, size)


def test_a_full_line_joins_a_flush_next_line() -> None:
    lines = [
        line("　为全面贯彻落实党的二十大精神，认真落实", left=120),
        line("省委全会意见，现制定工作要点如下。", right=270),
    ]
    assert paragraphs(lines) == ["　为全面贯彻落实党的二十大精神，认真落实省委全会意见，现制定工作要点如下。"]


def test_a_line_ending_a_sentence_at_the_edge_still_joins() -> None:
    lines = [line("推动成果中试熟化，首批布局建设不少于三十。"), line("深入实施广东强芯工程。", right=210)]
    assert paragraphs(lines) == ["推动成果中试熟化，首批布局建设不少于三十。深入实施广东强芯工程。"]


@pytest.mark.parametrize(
    "following",
    [
        line("（二）深化数据要素市场化配置改革", right=260),  # a numbering marker
        line("2．推进产业协同创新。", right=210),
        line("一(yī)、实施创新驱动发展战略", right=250),  # a marker behind pinyin noise
        line("各地级以上市人民政府：", left=120, right=230),  # indented: a new paragraph
        line("数字广东建设2025年工作要点", left=180, right=320),  # centred
        line("省委全会意见，现制定工作要点如下。", size=14, right=300),  # another font size
    ],
)
def test_no_join_before_a_new_paragraph(following: PdfLine) -> None:
    assert (
        len(
            paragraphs([line("1．实施关键核心技术攻关。优化广州、鹏城国家实验室央地协同管理机制"), following])
        )
        == 2
    )


def test_a_short_line_ends_its_paragraph() -> None:
    lines = [line("一、加快培育数字化发展引擎", right=230), line("这一行从左边开始，但上一行没有排满。")]
    assert len(paragraphs(lines)) == 2


def test_a_line_within_two_characters_of_the_edge_counts_as_full() -> None:
    lines = [line("含有半角数字2025的行会短一点", right=385), line("接续的文字。", right=160)]
    assert paragraphs(lines) == ["含有半角数字2025的行会短一点接续的文字。"]


def test_latin_words_keep_their_space() -> None:
    lines = [line("支持龙头企业加强AI手机、AI"), line("PC等新兴产业技术研发。", right=240)]
    assert paragraphs(lines) == ["支持龙头企业加强AI手机、AI PC等新兴产业技术研发。"]


def test_without_geometry_the_text_decides() -> None:
    lines = [
        PdfLine("1．实施关键核心技术攻关。优化广州、鹏城", 0),
        PdfLine("国家实验室央地协同管理机制。", 0),
        PdfLine("2．推进产业协同创新：", 0),
        PdfLine("完善协同创新体系。", 0),
    ]
    assert paragraphs(lines) == [
        "1．实施关键核心技术攻关。优化广州、鹏城国家实验室央地协同管理机制。",
        "2．推进产业协同创新：",
        "完善协同创新体系。",
    ]


def test_page_numbers_at_page_edges_are_dropped() -> None:
    lines = [
        line("- 1 -", page=0),
        line("正文第一页", page=0),
        line("— 2 —", page=0),
        line("第2页 共3页", page=1),
        line("12", page=1),
        line("正文", page=1),
        line("3/3", page=1),
    ]
    assert [kept.text for kept in drop_page_numbers(lines)] == ["正文第一页", "12", "正文"]


# --- a clause a page wraps over a line break stays one clause (issue 7, point 10)


def test_a_line_that_leaves_a_clause_bracket_open_joins_the_next() -> None:
    # The first line stops short of the edge (the geometry says: paragraph ends), but a
    # paragraph does not end inside a bracket.
    lines = [
        line("1．推进林下经济发展。（赣州市林业局牵头，市发展改革委、", right=330),
        line("市财政局按职责分工负责）", left=114, right=240),
        line("2．推进国土绿化。（市林业局负责）", right=260),
    ]
    assert paragraphs(lines) == [
        "1．推进林下经济发展。（赣州市林业局牵头，市发展改革委、市财政局按职责分工负责）",
        "2．推进国土绿化。（市林业局负责）",
    ]


def test_an_open_bracket_does_not_swallow_a_numbered_line_or_a_page_button() -> None:
    lines = [
        line("1．推进林下经济发展。（赣州市林业局牵头，", right=300),
        line("2．推进国土绿化。", right=200),
        line("【打印】【字体:", right=180),
        line("赣州市林业局2027年工作要点", left=160, right=330),
    ]
    assert len(paragraphs(lines)) == 4


def test_an_addressee_line_ends_its_paragraph_even_when_full() -> None:
    lines = [
        line("各县（市、区）人民政府，市直和中央、省属驻市各单位："),
        line("现将工作要点印发给你们。", right=220),
    ]
    assert len(paragraphs(lines)) == 2


def _rows(source: Path | bytes, name: str) -> list[dict[str, object]]:
    """The JSONL rows without span and doc_id (they index and digest each format's own text),
    spaces taken out: the PDF text layer has no space where a line wrapped."""
    import gdplan
    from gdplan.export.jsonl import rows

    doc = gdplan.parse(source, name=name)
    return [
        {k: "".join(str(v).split()) for k, v in row.items() if k not in ("span", "doc_id")}
        for row in rows(doc)
    ]


@pytest.mark.parametrize(
    "layout",
    [{}, {"indent": False}, {"justify": False}, {"font_size": 12}, {"font_size": 16}],
    ids=["default", "flush", "ragged", "small", "large"],
)
def test_the_seed_as_pdf_gives_the_rows_of_its_txt(layout: dict[str, object]) -> None:
    data = rb.pdf_document(rb.document_lines(SEED), **layout)  # type: ignore[arg-type]
    assert _rows(data, "seed.pdf") == _rows(SEED, SEED.name)


WRAPPED_CLAUSES = [
    "赣州市林业局2027年林业工作要点",
    "一、加强森林资源保护",
    "（一）落实林长制。全面推行林长制，压紧压实各级林长责任，健全林长巡林、林长会议和督查考核制度，"
    "推动林长制从全面建立向全面见效转变。（赣州市林业局牵头，市委组织部、市委宣传部，市发展改革委、"
    "财政局、自然资源局、生态环境局按职责分工负责；各县（市、区）人民政府结合实际落实，下同）",
    "（二）加强森林防火。健全森林防火责任体系，加强火源管控和隐患排查，提升预警监测和扑救能力。"
    "（市应急管理局、林业局牵头，市公安局、气象局、赣州森林消防支队等单位按职责分工负责，2027年底前完成）",
    "二、推进国土绿化",
    "（三）开展造林绿化。科学开展国土绿化，持续推进重点区域造林绿化工程，提升城乡绿化美化水平，"
    "建设一批森林乡村和绿美示范点。（市林业局负责，年内持续推进）",
]


@pytest.mark.parametrize("indent", [True, False], ids=["indented", "flush"])
def test_clauses_a_pdf_wraps_are_read_as_from_the_text(indent: bool, tmp_path: Path) -> None:
    txt = tmp_path / "plan.txt"
    txt.write_text("\n".join(WRAPPED_CLAUSES) + "\n", encoding="utf-8")
    data = rb.pdf_document(WRAPPED_CLAUSES, indent=indent)
    assert pdf_text(data, "plan.pdf").count("\n") == len(WRAPPED_CLAUSES)  # the wraps were joined
    got, want = _rows(data, "plan.pdf"), _rows(txt, txt.name)
    assert got == want
    assert any(row["lead"] == "['赣州市林业局']" for row in want)  # the clause was read at all
