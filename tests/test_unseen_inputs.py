"""Inputs as people have them, that no document of the corpus showed (issue: unseen inputs).

Each test builds its input here from one constructed notice (other province, units and
year than the corpus) the way a tool, a browser or a mirror site leaves it, and checks
that the same rows come out as from the clean text.
"""

from __future__ import annotations

import quopri
from html import escape
from pathlib import Path
from typing import Any

import opencc
import pytest

import gdplan
from gdplan.errors import InputError
from gdplan.export.jsonl import rows
from gdplan.parser.text import fold_key

from .conftest import SAMPLES

PLAN_LINES = [
    "贵州省大数据发展管理局关于印发贵州省数字政府建设2027年工作要点的通知",
    "黔数发〔2027〕8号",
    "各市（州）人民政府，省有关单位：",
    "现将《贵州省数字政府建设2027年工作要点》印发给你们，请认真贯彻执行。",
    "贵州省大数据发展管理局",
    "2027年3月15日",
    "贵州省数字政府建设2027年工作要点",
    "一、夯实数字基础设施",
    "（一）建设全省算力网络。推进算力中心建设。（省大数据局牵头，省发展改革委、通信管理局按职责分工负责）",
    "（二）完善政务云平台。提升承载能力。（省大数据局负责；各市（州）人民政府结合实际落实）",
    "二、提升政务服务效能",
    "（三）推进高效办成一件事。优化办事流程。（省政务服务中心牵头，省有关单位按职责分工负责）",
    "（四）加强卫生健康数据共享。（省卫生健康委牵头，省医保局配合）",
]
PLAN = "".join(line + "\n" for line in PLAN_LINES)


def comparable(doc: gdplan.Document) -> dict[str, Any]:
    """Rows without span and doc_id (they point into, and digest, each input's own text), and
    the front matter; text folded to simplified script and NFKC width."""

    def fold(value: Any) -> Any:
        if isinstance(value, str):
            return fold_key(value)
        if isinstance(value, list):
            return [fold(v) for v in value]
        if isinstance(value, dict):
            return {k: fold(v) for k, v in value.items()}
        return value

    notice = doc.notice
    return fold(
        {
            "title": doc.title,
            "year": doc.year,
            "complete": doc.complete,
            "notice": None if notice is None else notice.model_dump(exclude={"span"}),
            "rows": [{k: v for k, v in row.items() if k not in ("span", "doc_id")} for row in rows(doc)],
        }
    )


def assert_same_plan(doc: gdplan.Document, expected: dict[str, Any]) -> None:
    """The document reads as ``expected`` (a :func:`comparable` of the clean text), but for
    ``complete``: an extracted text (a page, an archive, a .docx) always ends its last line."""
    got = comparable(doc)
    got["complete"] = expected["complete"]
    assert got == expected


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    result = comparable(gdplan.parse(PLAN))
    assert len(result["rows"]) == 6 and result["notice"]["date"] == "2027-03-15"
    return result


# -- site footers: copied with the page, below the last item -----------------------------

FOOTERS = [
    "主办单位：贵州省人民政府办公厅  网站标识码：5200000001  黔ICP备05000001号",
    "黔公网安备 52010202000001号",
    "版权所有：贵州省人民政府  技术支持：某某信息技术有限公司",
    "Copyright © 2027 www.example.gov.cn All Rights Reserved",
    "主办：甘肃省人民政府办公厅 承办：甘肃省大数据中心",
    "网站地图 | 联系我们 | 使用帮助",
    "建议使用1920×1080分辨率、Chrome浏览器浏览本网站",
]


@pytest.mark.parametrize("footer", FOOTERS)
def test_a_site_footer_after_the_last_item_is_not_part_of_it(footer: str, expected: dict[str, Any]) -> None:
    # Before: the footer line ran on into the last item, whose clause then no longer ended
    # it (the item lost its units) and whose text took the footer.
    assert comparable(gdplan.parse(PLAN + footer + "\n")) == expected


def test_a_saved_page_keeps_no_footer_whatever_its_class(tmp_path: Path, expected: dict[str, Any]) -> None:
    body = "".join(f"<p>{escape(line)}</p>\n" for line in PLAN_LINES)
    footer = "".join(f"<p>{escape(line)}</p>" for line in FOOTERS[:4])
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title></head><body>'
        f'<div class="main"><div class="TRS_Editor">{body}</div></div>'
        f'<div class="bottom">{footer}</div></body></html>'
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    assert_same_plan(gdplan.parse(path), expected)


# -- line breaks other than \n ------------------------------------------------------------


NEWLINES = pytest.mark.parametrize(
    "newline",
    ["\r", "\u2028", "\u2029", "\x0b", "\x85"],
    ids=["cr-only", "line-separator", "paragraph-separator", "vertical-tab", "nel"],
)


@NEWLINES
def test_other_line_breaks_are_line_breaks(newline: str) -> None:
    # Before: a lone \r was cut as noise (the whole text became one line) and the others
    # were no line breaks at all: a sample's notice title, signature and plan title were lost.
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text("utf-8")
        assert comparable(gdplan.parse(text.replace("\n", newline))) == comparable(gdplan.parse(text)), (
            path.name
        )


def test_a_classic_mac_file_names_the_lines_of_a_numbering_gap(tmp_path: Path) -> None:
    text = PLAN.replace("（四）", "（六）").replace("\n", "\r")
    path = tmp_path / "mac.txt"
    path.write_bytes(text.encode("gb18030"))
    doc = gdplan.parse(path)
    gaps = [d for d in doc.diagnostics if d.code == "numbering-gap"]
    assert (
        gaps and gaps[0].line == PLAN_LINES.index(next(x for x in PLAN_LINES if x.startswith("（四）"))) + 1
    )


def test_lost_indents_behind_no_break_spaces_or_after_a_lone_cr(expected: dict[str, Any]) -> None:
    lines = ["\xa0\xa0??" + line for line in PLAN_LINES]
    assert comparable(gdplan.parse("\n".join(lines) + "\n")) == expected
    assert comparable(gdplan.parse("\r".join("??" + line for line in PLAN_LINES) + "\r")) == expected


# -- scripts and widths --------------------------------------------------------------------

_FULL_LATIN = {c: c + 0xFEE0 for c in range(ord("a"), ord("z") + 1)}


def test_pinyin_noise_in_full_width_letters_is_removed(expected: dict[str, Any]) -> None:
    noisy = (
        PLAN.replace("夯实", "夯(hāng)实")
        .replace("推进", "推(tuī)进")
        .replace("省大数据局", "省大(dà)数据局")
    )
    assert comparable(gdplan.parse(noisy)) == expected
    assert comparable(gdplan.parse(noisy.translate(_FULL_LATIN))) == expected


def test_hong_kong_forms_give_the_same_units(expected: dict[str, Any]) -> None:
    # s2hk writes 衞 for 卫; t2s left it, so 省衞生健康委 was a unit of its own.
    converted = opencc.OpenCC("s2hk").convert(PLAN)
    assert "衞" in converted
    doc = gdplan.parse(converted)
    assert comparable(doc) == expected
    simplified = gdplan.parse(PLAN)
    keys = [[u.key for u in item.responsibility.lead] for item in doc.items() if item.responsibility]
    assert keys == [
        [u.key for u in item.responsibility.lead] for item in simplified.items() if item.responsibility
    ]


# -- encodings ------------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_utf16_without_a_byte_order_mark(codec: str, newline: str, tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(PLAN.replace("\n", newline).encode(codec))
    source = gdplan.read.read_source(path)
    assert source.encoding == codec
    assert comparable(gdplan.parse(path)) == comparable(gdplan.parse(PLAN.replace("\n", newline)))


def test_utf16_without_a_byte_order_mark_is_told_from_binary_data(tmp_path: Path) -> None:
    import random

    rng = random.Random(7)
    noise = tmp_path / "noise.txt"
    noise.write_bytes(bytes(rng.getrandbits(8) for _ in range(4000)) + b"\x00\x00")
    with pytest.raises(InputError, match=r"noise\.txt"):
        gdplan.parse(noise)
    half = tmp_path / "half.txt"  # Chinese UTF-16 text with a binary tail
    half.write_bytes(PLAN.encode("utf-16-le") + bytes(rng.getrandbits(8) for _ in range(400)))
    with pytest.raises(InputError, match=r"half\.txt"):
        gdplan.parse(half)
    plain = tmp_path / "plain.txt"
    plain.write_bytes(PLAN.encode("utf-16-le"))
    assert gdplan.read.read_source(plain).encoding == "utf-16-le"


# -- web pages saved as one file (MHTML) ----------------------------------------------------


def _page(charset: str) -> str:
    body = "".join(f"<p>{escape(line)}</p>\n" for line in PLAN_LINES)
    return (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        f'<title>x</title></head><body><div class="nav"><a href="/">首页</a> <a href="/z">政务公开</a></div>'
        f'<div class="article">{body}</div></body></html>'
    )


def _mhtml(part_headers: str, payload: str) -> bytes:
    boundary = "----MultipartBoundary--q1w2e3----"
    return (
        "From: <Saved by Blink>\r\n"
        "Snapshot-Content-Location: https://www.example.gov.cn/art/2027/3/20/art_1.html\r\n"
        "Subject: =?utf-8?Q?x?=\r\nMIME-Version: 1.0\r\n"
        f'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="{boundary}"\r\n\r\n'
        f"--{boundary}\r\n{part_headers}\r\n\r\n{payload}\r\n"
        f"--{boundary}\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
        f"Content-Location: https://www.example.gov.cn/logo.png\r\n\r\niVBORw0KGgo=\r\n"
        f"--{boundary}--\r\n"
    ).encode("ascii")


@pytest.mark.parametrize("suffix", [".mhtml", ".mht", ".txt"])
def test_a_browser_mhtml_archive_is_read_as_its_page(
    suffix: str, tmp_path: Path, expected: dict[str, Any]
) -> None:
    # Before: .mhtml was read as plain text (quoted-printable junk), .mht as an HTML fragment.
    payload = quopri.encodestring(_page("utf-8").encode("utf-8")).decode("ascii").replace("\n", "\r\n")
    data = _mhtml("Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable", payload)
    path = tmp_path / f"saved{suffix}"
    path.write_bytes(data)
    source = gdplan.read.read_source(path)
    assert source.media_type == "multipart/related"
    assert_same_plan(gdplan.parse(path), expected)


def test_a_folder_of_saved_archives_is_converted_without_a_glob(tmp_path: Path) -> None:
    # Before: the folder walk looked for *.txt *.html *.htm *.docx *.pdf only, so a folder of
    # pages saved as one file converted nothing ("no input files").
    from gdplan.cli import main

    payload = quopri.encodestring(_page("utf-8").encode("utf-8")).decode("ascii").replace("\n", "\r\n")
    data = _mhtml("Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable", payload)
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "browser.mhtml").write_bytes(data)
    (folder / "word.MHT").write_bytes(data)
    out = tmp_path / "out"
    assert main(["convert", str(folder), "-o", str(out), "--to", "json", "-q"]) == 0
    assert sorted(p.name for p in out.glob("*.json")) == ["browser.json", "word.json"]


def test_a_word_mht_in_gb2312_base64(tmp_path: Path, expected: dict[str, Any]) -> None:
    import base64

    payload = base64.encodebytes(_page("gb2312").encode("gb18030")).decode("ascii").replace("\n", "\r\n")
    data = _mhtml('Content-Type: text/html; charset="gb2312"\r\nContent-Transfer-Encoding: base64', payload)
    path = tmp_path / "notice.mht"
    path.write_bytes(data)
    assert_same_plan(gdplan.parse(path), expected)


def test_an_mhtml_archive_without_a_page_is_refused_by_name(tmp_path: Path) -> None:
    data = _mhtml("Content-Type: text/css", "body { color: black; }")
    path = tmp_path / "styles.mhtml"
    path.write_bytes(data)
    with pytest.raises(InputError, match=r"styles\.mhtml.*without an HTML page"):
        gdplan.parse(path)


# -- PDF: running headers and footers ------------------------------------------------------

_UNITS = ["省大数据局", "省发展改革委", "省工业和信息化厅", "省财政厅", "省自然资源厅"]
LONG_PLAN_LINES = [
    "甘肃省人民政府办公厅关于印发甘肃省数字经济2028年工作要点的通知",
    "各市（州）人民政府，省政府有关部门：",
    "现将《甘肃省数字经济2028年工作要点》印发给你们，请认真贯彻执行。",
    "甘肃省人民政府办公厅",
    "2028年2月10日",
    "甘肃省数字经济2028年工作要点",
    *[
        line
        for part in range(3)
        for line in [
            f"{'一二三'[part]}、推进第{part + 1}类重点任务",
            *[
                f"{part * 10 + n}．实施第{part * 10 + n}项重点工程。统筹推进项目建设，完善工作机制，"
                f"强化要素保障，确保按期取得实效。"
                f"（{_UNITS[n % 5]}牵头，{_UNITS[(n + 1) % 5]}按职责分工负责）"
                for n in range(1, 11)
            ],
        ]
    ],
]


def _pdf(lines: list[str], header: str | None, footer: str | None, *, first_page: bool) -> bytes:
    import io

    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle(
        "body", fontName="STSong-Light", fontSize=14, leading=22.4, wordWrap="CJK",
        firstLineIndent=28, alignment=TA_JUSTIFY,
    )  # fmt: skip
    title = ParagraphStyle(
        "title", parent=body, fontSize=16, leading=28, alignment=TA_CENTER, firstLineIndent=0
    )

    def furniture(canvas: Any, doc: Any) -> None:
        canvas.setFont("STSong-Light", 9)
        if header is not None and (first_page or doc.page > 1):
            canvas.drawString(30, A4[1] - 30, header.format(page=doc.page))
        if footer is not None:
            canvas.drawString(30, 20, footer.format(page=doc.page))

    buffer = io.BytesIO()
    flowables = [Paragraph(escape(lines[0]) + "\u00a0", title)]
    flowables += [Paragraph(escape(line) + "\u00a0", body) for line in lines[1:]]
    SimpleDocTemplate(buffer, pagesize=A4).build(flowables, onFirstPage=furniture, onLaterPages=furniture)
    return buffer.getvalue()


def _spaceless(value: Any) -> Any:
    if isinstance(value, str):
        return "".join(value.split())
    if isinstance(value, list):
        return [_spaceless(v) for v in value]
    if isinstance(value, dict):
        return {k: _spaceless(v) for k, v in value.items() if k != "complete"}
    return value


@pytest.mark.parametrize(
    ("header", "footer", "first_page"),
    [
        ("甘肃省人民政府办公厅文件", None, False),
        (
            "2028/2/20 10:21 甘肃省人民政府办公厅关于印发",
            "https://www.example.gov.cn/art/2028/2/20/art_7.html {page}/4",
            True,
        ),
        (None, "甘肃省数字经济2028年工作要点（第{page}页）", True),
    ],
    ids=["letterhead-after-page-1", "browser-print", "footer-with-page"],
)
def test_pdf_running_headers_and_footers_are_dropped(
    header: str | None, footer: str | None, first_page: bool
) -> None:
    # Before: the header came back inside the paragraph a page break split (or as lines
    # of their own running on into an item: its text took them, its clause was lost).
    pytest.importorskip("pypdfium2")
    pytest.importorskip("reportlab")
    text = "".join(line + "\n" for line in LONG_PLAN_LINES)
    expected = _spaceless(comparable(gdplan.parse(text)))
    assert len(expected["rows"]) == 33
    data = _pdf(LONG_PLAN_LINES, header, footer, first_page=first_page)
    import pypdfium2

    assert len(pypdfium2.PdfDocument(data)) >= 3
    assert _spaceless(comparable(gdplan.parse(data, name="plan.pdf"))) == expected


# -- DOCX packages as other tools write them -----------------------------------------------


def _docx(lines: list[str]) -> bytes:
    import io

    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _rewrite_zip(data: bytes, rename: dict[str, str], replace: dict[bytes, bytes]) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info.filename)
            for old, new in replace.items():
                content = content.replace(old, new)
            target.writestr(rename.get(info.filename, info.filename), content)
    return out.getvalue()


def test_a_docx_whose_main_part_is_not_named_document_xml(tmp_path: Path, expected: dict[str, Any]) -> None:
    # Word Online and some converters write word/document2.xml; [Content_Types].xml and the
    # package relationships say it is the document. Before: "is a ZIP archive, not a plan notice".
    data = _rewrite_zip(
        _docx(PLAN_LINES),
        {
            "word/document.xml": "word/document2.xml",
            "word/_rels/document.xml.rels": "word/_rels/document2.xml.rels",
        },
        {
            b"/word/document.xml": b"/word/document2.xml",
            b'Target="word/document.xml"': b'Target="word/document2.xml"',
        },
    )
    path = tmp_path / "online.docx"
    path.write_bytes(data)
    assert_same_plan(gdplan.parse(path), expected)


def test_a_strict_open_xml_docx_is_refused_with_what_to_do(tmp_path: Path) -> None:
    data = _rewrite_zip(
        _docx(PLAN_LINES),
        {},
        {
            b"http://schemas.openxmlformats.org/wordprocessingml/2006/main": b"http://purl.oclc.org/ooxml/wordprocessingml/main",
            b"http://schemas.openxmlformats.org/officeDocument/2006/relationships": b"http://purl.oclc.org/ooxml/officeDocument/relationships",
        },
    )
    path = tmp_path / "strict.docx"
    path.write_bytes(data)
    with pytest.raises(InputError, match=r"strict\.docx.*Strict Open XML.*Word Document"):
        gdplan.parse(path)


# -- text copied out of a PDF or a print: page numbers between the lines -------------------


@pytest.mark.parametrize("number", ["— 2 —", "- 2 -", "－2－", "第2页 共3页", "第 2 页", "共3页 第2页"])
def test_page_number_lines_in_a_text_copy_are_not_text(number: str, expected: dict[str, Any]) -> None:
    # Before: the page number ran on into the item above it, or became the plan's title.
    lines = [*PLAN_LINES[:9], number, *PLAN_LINES[9:12], number.replace("2", "3"), *PLAN_LINES[12:]]
    assert comparable(gdplan.parse("".join(line + "\n" for line in lines))) == expected


# -- text copied out of a PDF: every paragraph hard-wrapped at the margin -----------------


def _hard_wrapped(lines: list[str], *, columns: int = 56, indent: str = "\u3000\u3000", page: int = 0) -> str:
    """Lines broken at ``columns`` (a Han character two, ASCII one: GB/T 9704's 28 characters
    a line), each paragraph indented, a ``— N —`` page number after every ``page`` lines."""
    out: list[str] = []
    for line in lines:
        current = indent
        for ch in line:
            if len((current + ch).encode("gb18030")) > columns:
                out.append(current)
                current = ""
            current += ch
        out.append(current)
    if page:
        out = [
            x
            for i, line in enumerate(out)
            for x in [line, *([f"— {i // page + 1} —"] if i % page == page - 1 else [])]
        ]
    return "".join(line + "\n" for line in out)


@pytest.mark.parametrize(
    ("indent", "page"),
    [("\u3000\u3000", 0), ("\u3000\u3000", 7), ("  ", 7)],
    ids=["u3000-indent", "u3000-indent-page-numbers", "space-indent-page-numbers"],
)
def test_a_hard_wrapped_copy_gives_the_same_rows(indent: str, page: int) -> None:
    # Before: an item broken over lines lost its clause (the unit list broken inside a
    # name: 省工业和信息 / 化厅), and a title broken at the margin lost its second half.
    clean = "".join(line + "\n" for line in LONG_PLAN_LINES)
    expected = _spaceless(comparable(gdplan.parse(clean)))
    wrapped = _hard_wrapped(LONG_PLAN_LINES, indent=indent, page=page)
    assert max(len(line.encode("gb18030")) for line in wrapped.splitlines()) <= 56
    assert _spaceless(comparable(gdplan.parse(wrapped))) == expected


# -- 。 turned into ASCII "." --------------------------------------------------------------


def test_a_copy_with_ascii_full_stops_reads_the_same_units() -> None:
    # A full-to-half-width converter writes "." for 。: the clause after a "." sentence was
    # read as a unit ("省大数据局负责.各市（州）…"), and a carry sentence was lost.
    lines = [
        *PLAN_LINES[:8],
        "（一）建设全省算力网络。推进算力中心建设。（省大数据局负责。各市（州）人民政府结合实际落实，下同）",
        "（二）完善政务云平台。提升承载能力。（省大数据局牵头，省财政厅负责。）",
        "一．另起一行的说明。",
    ]
    text = "".join(line + "\n" for line in lines)
    expected = gdplan.parse(text)
    dotted = gdplan.parse(text.replace("。", "."))
    for a, b in zip(expected.items(), dotted.items(), strict=True):
        assert a.responsibility is not None and b.responsibility is not None
        for role in ("lead", "responsible", "implementing", "carried"):
            assert [u.name for u in getattr(b.responsibility, role)] == [
                u.name for u in getattr(a.responsibility, role)
            ]
    assert [n.label for n in dotted.walk()] == [n.label for n in expected.walk()]


# -- a page that hides its article until a script shows it ----------------------------------


def _wechat_page(body: str, *, extra: str = "") -> str:
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>重磅！工作要点印发</title></head>'
        '<body id="activity-detail"><div id="js_article" class="rich_media"><div id="page-content">'
        '<h1 class="rich_media_title" id="activity-name">重磅！贵州省数字政府建设2027年工作要点印发</h1>'
        '<div id="meta_content"><span>贵州发布</span> <span id="publish_time">2027-03-20 18:00</span></div>'
        '<div class="rich_media_content" id="js_content" style="visibility: hidden; opacity: 0;">'
        f"{body}</div>"
        f'{extra}<div class="rich_media_tool"><a id="js_view_source">阅读原文</a> <span>阅读 1.2万</span> '
        "<span>在看 36</span></div></div></div></body></html>"
    )


def test_a_wechat_article_saved_before_its_script_ran(expected: dict[str, Any]) -> None:
    # WeChat's js_content starts with visibility:hidden and a script shows it: the reader
    # dropped the whole article as hidden, and the page read as "not a plan".
    body = "".join(
        f'<p style="margin:0;"><span style="font-size:15px;">{escape(line)}</span></p>' for line in PLAN_LINES
    )
    assert_same_plan(gdplan.parse(_wechat_page(body).encode("utf-8"), name="wechat.html"), expected)


def test_a_hidden_second_copy_of_a_shown_article_stays_dropped(expected: dict[str, Any]) -> None:
    body = "".join(f"<p>{escape(line)}</p>" for line in PLAN_LINES)
    page = _wechat_page(body).replace("visibility: hidden; opacity: 0;", "")
    page = page.replace("</body>", f'<div class="print-copy" style="display:none">{body}</div></body>')
    assert_same_plan(gdplan.parse(page.encode("utf-8"), name="page.html"), expected)


def test_a_password_protected_docx_is_named_as_such(tmp_path: Path) -> None:
    # An encrypted .docx is an OLE container (EncryptionInfo, EncryptedPackage streams):
    # it was refused as "a legacy Office file: save it as .docx", which it already is.
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    directory = "EncryptionInfo".encode("utf-16-le") + bytes(50) + "EncryptedPackage".encode("utf-16-le")
    path = tmp_path / "protected.docx"
    path.write_bytes(header + directory + bytes(2048))
    with pytest.raises(InputError, match=r"protected\.docx.*password-protected Office document"):
        gdplan.parse(path)


@pytest.mark.parametrize("tail", ["\x1a", "\r\n\x1a"], ids=["ctrl-z", "crlf-ctrl-z"])
def test_a_dos_end_of_file_mark_is_not_text(tail: str, tmp_path: Path, expected: dict[str, Any]) -> None:
    # DOS tools and old editors end a file with Ctrl-Z: it ran into the last item, which
    # lost its clause, and the document read as cut off.
    path = tmp_path / "dos.txt"
    path.write_bytes((PLAN.replace("\n", "\r\n").rstrip("\r\n") + tail).encode("gb18030"))
    assert comparable(gdplan.parse(path)) == expected


@pytest.mark.parametrize(
    "mark", ["\u200b", "\ufeff", "\u00ad", "\u2060"], ids=["zwsp", "bom", "soft-hyphen", "word-joiner"]
)
def test_zero_width_characters_in_a_text_copy_are_not_text(mark: str) -> None:
    # Pages put zero-width spaces between characters, concatenated files a BOM at a line
    # start: 一\u200b、 was no marker, 省大\u200b数据局 no unit, 行\u200b(yè) no pinyin noise.
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text("utf-8")
        marked = "".join(ch + mark if ch in "一（、省行" else ch for ch in text)
        marked = "\n".join(mark + line for line in marked.split("\n"))
        assert comparable(gdplan.parse(marked)) == comparable(gdplan.parse(text)), path.name


@pytest.mark.parametrize(
    "indent", ["\u2003\u2003", "\u2002\u2002\u2002\u2002", "\u2009"], ids=["em", "en", "thin"]
)
def test_typographic_space_indents_are_indents(indent: str) -> None:
    # A page's &emsp;&emsp; indents, copied as text: a 责任单位： line behind them was read
    # as the item's text (its units lost), and ?? behind them was kept.
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text("utf-8")
        indented = "\n".join(indent + line for line in text.split("\n"))
        assert comparable(gdplan.parse(indented)) == comparable(gdplan.parse(text)), path.name
    lines = [*PLAN_LINES[:8], "（一）建设全省算力网络。推进算力中心建设。", "责任单位：省大数据局、省财政厅"]
    clean = gdplan.parse("".join(line + "\n" for line in lines))
    doc = gdplan.parse("".join(indent + line + "\n" for line in lines))
    assert [u.name for u in next(doc.items()).responsibility.responsible] == ["省大数据局", "省财政厅"]
    assert comparable(doc) == comparable(clean)
