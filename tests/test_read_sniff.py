"""Format detection: content decides, the suffix only hints; foreign files are named."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from gdplan.errors import InputError
from gdplan.read import read_source
from gdplan.read.sniff import Format, detect_format, looks_like_html


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data,expected",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", Format.PDF),
        (b"\x00\x00junk before the header\n%PDF-1.4\n", Format.PDF),
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", Format.HTML),
        (b"  \n<!doctype HTML>\n<html>", Format.HTML),
        (b"<html lang='zh'><head>", Format.HTML),
        (b"\xef\xbb\xbf<!DOCTYPE html>", Format.HTML),
        (b'<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', Format.HTML),
        (b"<!-- saved from url=(0014)about:internet -->\n<html>", Format.HTML),
        ("一、总体要求\n".encode(), Format.TEXT),
        (b"<p>not a page, a fragment</p>", Format.TEXT),
    ],
)
def test_content_decides(data: bytes, expected: Format) -> None:
    assert detect_format(data, "x") is expected


def test_utf16_html_is_html() -> None:
    assert detect_format(b"\xff\xfe" + "<!DOCTYPE html><html>".encode("utf-16-le"), "x") is Format.HTML


def test_docx_is_a_zip_with_the_word_document() -> None:
    assert (
        detect_format(_zip({"word/document.xml": b"<w:document/>", "[Content_Types].xml": b""}), "x")
        is Format.DOCX
    )


@pytest.mark.parametrize(
    "members,message",
    [
        ({"xl/workbook.xml": b""}, "is an Excel workbook"),
        ({"ppt/presentation.xml": b""}, "is a PowerPoint presentation"),
        ({"Doc_0/Document.xml": b"", "OFD.xml": b""}, "is an OFD document"),
        ({"notes.txt": b"x"}, "is a ZIP archive, not a plan notice"),
    ],
)
def test_other_zips_are_named(members: dict[str, bytes], message: str) -> None:
    with pytest.raises(InputError, match=message):
        detect_format(_zip(members), "x")


@pytest.mark.parametrize(
    "data,what",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is a PNG image, not a plan notice"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "is a JPEG image"),
        (b"GIF89a\x01\x00", "is a GIF image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "legacy Office file"),
        (b"{\\rtf1\\ansi", "is an RTF document"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "is a WebP image"),
        (b"\x1f\x8b\x08\x00", "is a gzip archive"),
    ],
)
def test_foreign_files_are_refused_by_name(data: bytes, what: str) -> None:
    with pytest.raises(InputError, match=what):
        detect_format(data, "x")


def test_damaged_zip_is_an_input_error() -> None:
    with pytest.raises(InputError, match="damaged ZIP"):
        detect_format(b"PK\x03\x04" + b"\x00" * 40, "x")


def test_suffix_is_a_hint_for_html_fragments() -> None:
    fragment = "<div><p>一、总体要求</p></div>".encode()
    assert detect_format(fragment, "x", suffix=".txt") is Format.TEXT
    assert detect_format(fragment, "x", suffix=".HTM") is Format.HTML


def test_content_wins_over_the_suffix(tmp_path: Path) -> None:
    fake = tmp_path / "plan.docx"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match="is a PNG image") as caught:
        read_source(fake)
    assert caught.value.source == str(fake)
    page = tmp_path / "plan.txt"
    page.write_text(
        "<!DOCTYPE html><html><body><p>一、总体要求</p><p>（一）加强统筹</p></body></html>", encoding="utf-8"
    )
    source = read_source(page)
    assert source.media_type == Format.HTML.value
    assert source.text == "一、总体要求\n（一）加强统筹\n"


def test_looks_like_html_on_str() -> None:
    assert looks_like_html("\ufeff<!DOCTYPE html>\n<html>")
    assert not looks_like_html("一、总体要求 <html> in the middle")


def test_a_str_page_is_read_as_html() -> None:
    source = read_source("<!DOCTYPE html><html><body><nav><a>首页</a></nav><p>一、总体要求</p></body></html>")
    assert source.media_type == "text/html"
    assert source.text == "一、总体要求\n"


def test_plain_str_is_the_text_itself() -> None:
    source = read_source("一、总体要求\n")
    assert (source.text, source.media_type, source.source) == ("一、总体要求\n", "text/plain", "<string>")


@pytest.mark.parametrize("bad", [12, 3.5, ["a"]])
def test_other_types_are_refused(bad: object) -> None:
    with pytest.raises(InputError, match="cannot read a"):
        read_source(bad)  # type: ignore[arg-type]


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_source(tmp_path / "absent.txt")
    with pytest.raises(InputError, match="is a folder"):
        read_source(tmp_path)
