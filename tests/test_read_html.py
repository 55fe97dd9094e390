"""The HTML reader: the document's lines out of a saved government page, chrome left behind."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gdplan.read import read_bytes, read_source
from gdplan.read.html import declared_charset, decode_html, html_text
from tests.fixtures.read import read_builders as rb

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
SEED = ROOT / "samples" / "gd-2025-digital-seed.txt"
DEV_RAW = ROOT.parent / "shared" / "corpus" / "dev" / "raw"

# Lines of the page that are not the document (the expected lines hold none of them).
CHROME = [
    "某某省人民政府门户网站",
    "站内搜索",
    ">首页<",
    "您当前的位置",
    "【打印本页】",
    "【关闭窗口】",
    "相关阅读",
    "优化政务服务提升行政效能的实施意见",
    "网站标识码",
    "统计代码",
    "line-height",
]


def squeeze(lines: list[str]) -> list[str]:
    """HTML collapses runs of spaces; compare the lines as a browser shows them."""
    return [re.sub(r"[ \t\xa0]+", " ", line) for line in lines]


def dev_documents() -> list[Path]:
    if not DEV_RAW.is_dir():
        pytest.skip(f"dev corpus not found at {DEV_RAW}")
    return sorted(DEV_RAW.glob("*.txt"))


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_page_gives_title_info_line_and_document(path: Path) -> None:
    lines = rb.document_lines(path)
    page = rb.html_page(lines)
    assert all(chrome in page for chrome in CHROME)  # the page has chrome to leave behind
    text = read_bytes(page.encode("utf-8"), "page.html").text
    assert text.splitlines() == squeeze(rb.expected_html_lines(lines))


def test_dev_documents_as_pages() -> None:
    for path in dev_documents():
        lines = rb.document_lines(path)
        text = html_text(rb.html_page(lines), path.name)
        assert text.splitlines() == squeeze(rb.expected_html_lines(lines)), path.name


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_legacy_layout_page(path: Path) -> None:
    lines = rb.document_lines(path)
    page = rb.html_page_legacy(lines)
    assert all(
        chrome in page for chrome in ["门户网站", "机构概况", "政务服务热线：12345", "【字体：", "版权所有："]
    )
    text = read_bytes(page.encode("utf-8"), "old.html").text
    assert text.splitlines() == squeeze(rb.expected_legacy_lines(lines))


def test_gbk_page_declared_in_meta() -> None:
    lines = rb.document_lines(SEED)
    data = rb.html_page(lines, charset="gb2312").encode("gb18030")
    source = read_bytes(data, "page.htm")
    assert source.encoding == "gb18030"
    assert source.media_type == "text/html"
    assert source.text.splitlines() == rb.expected_html_lines(lines)


def test_big5_page_declared_in_meta() -> None:
    lines = [
        line.encode("cp950", "replace").decode("cp950")
        for line in rb.document_lines(ROOT / "samples" / "sh-2025-open-govt-t.txt")
    ]
    # Characters Big5 lacks (the simplified chrome) are written as character references.
    data = rb.html_page(lines, charset="big5").encode("cp950", "xmlcharrefreplace")
    source = read_bytes(data, "page.htm")
    assert source.encoding == "cp950"
    assert source.text.splitlines() == rb.expected_html_lines(lines)


def test_valid_utf8_wins_over_a_wrong_meta_charset() -> None:
    data = rb.html_page(["一、总体要求", "（一）加强统筹"], charset="gb2312").encode("utf-8")
    assert decode_html(data, "x").encoding == "utf-8"


def test_declared_charset_is_read_from_either_meta_form() -> None:
    assert declared_charset(b'<meta charset="GBK">') == "gb18030"
    assert (
        declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />')
        == "gb18030"
    )
    assert declared_charset(b"<meta charset=big5>") == "cp950"
    assert declared_charset(b"<meta charset=utf-8>") == "utf-8"
    assert declared_charset(b"<meta charset=no-such-codec>") is None
    assert declared_charset(b"<p>no meta</p>") is None


def test_data_table_rows_become_pipe_lines() -> None:
    page = """<html><body><div class="content">
    <p>2022年政务公开工作要点任务分工</p>
    <table><tr><th>工作任务</th><th>具体要求</th><th>责任单位</th></tr>
    <tr><td rowspan="2">（一）加强信息公开。</td><td>1.加大公开力度。</td><td>区发展改革局</td></tr>
    <tr><td>2.建立反馈机制。</td><td><p>区政务服务</p><p>数据管理局</p></td></tr>
    <tr><td colspan="3">二、以公开助力优化营商环境</td></tr></table></div></body></html>"""
    assert html_text(page, "x").splitlines() == [
        "2022年政务公开工作要点任务分工",
        "工作任务 | 具体要求 | 责任单位 |",
        "（一）加强信息公开。 | 1.加大公开力度。 | 区发展改革局 |",
        "2.建立反馈机制。 | 区政务服务 数据管理局 |",  # the rowspan cell is not repeated
        "二、以公开助力优化营商环境 |",
    ]


def test_line_structure_of_br_div_and_pre() -> None:
    page = """<html><body>
    <div>一、总体要求<br/>（一）加强统筹<br><span>1．建立机制。</span></div>
    <div><div>二、重点任务</div><span>（二）</span><b>推进改革</b></div>
    <pre>三、保障措施
    （三）加强领导</pre></body></html>"""
    assert html_text(page, "x").splitlines() == [
        "一、总体要求",
        "（一）加强统筹",
        "1．建立机制。",
        "二、重点任务",
        "（二）推进改革",
        "三、保障措施",
        "（三）加强领导",
    ]


def test_hidden_and_scripted_content_is_dropped() -> None:
    page = """<html><head><style>p{color:red}</style></head><body>
    <p>一、总体要求</p><p style="display: none">隐藏的段落</p><p hidden>另一段隐藏</p>
    <script>document.write("脚本文字")</script><noscript>请启用脚本</noscript>
    <p>（一）加强统筹</p><!-- 注释里的文字 --></body></html>"""
    assert html_text(page, "x").splitlines() == ["一、总体要求", "（一）加强统筹"]


def test_whitespace_is_collapsed_and_indents_stripped() -> None:
    page = (
        "<html><body><p>&nbsp;&nbsp;　　一、总体\n   要求&nbsp;</p>"
        "<p>\u3000\u3000（一）加强\u200b统筹</p></body></html>"
    )
    assert html_text(page, "x").splitlines() == ["一、总体 要求", "（一）加强统筹"]


def test_article_header_is_kept_but_page_header_dropped() -> None:
    page = """<html><body><header>站点名称</header><article><header><h1>关于印发工作要点的通知</h1></header>
    <p>一、总体要求，全面推进各项工作落实落地见效。</p><p>（一）加强统筹协调推进机制建设。</p></article>
    <footer>版权所有</footer></body></html>"""
    assert html_text(page, "x").splitlines() == [
        "关于印发工作要点的通知",
        "一、总体要求，全面推进各项工作落实落地见效。",
        "（一）加强统筹协调推进机制建设。",
    ]


def test_xhtml_with_xml_declaration() -> None:
    page = '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>一、总体要求</p></body></html>'
    assert read_source(page.encode("utf-8"), name="a.xhtml").text == "一、总体要求\n"


def test_empty_page_gives_empty_text() -> None:
    assert html_text("<html><body></body></html>", "x") == ""
    assert html_text("", "x") == ""
