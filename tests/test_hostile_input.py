"""Hostile or mistaken input: lone surrogates, sizes over the limits, zip bombs, deep HTML, pinyin labels.

Each of these reproduces a failure of issue 9 (5, 6, 7, 8) on the code before the fix.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

import gdplan
from gdplan.parser.text import normalize
from gdplan.read import read_source
from tests.fixtures.read import read_builders as rb

from .test_batch import Done, gdplan_cli

__all__ = ["gdplan_cli"]

PLAN = (
    "一、总体要求\n（一）加强统筹。建立机制。（市林业局牵头，市财政局负责）\n"
    "二、保障措施\n（一）强化落实。\n"
)

# ---------------------------------------------------------------------------- 5. lone surrogates


@pytest.mark.parametrize("bad", ["\ud800", "\udcff", "\udfff"])
def test_a_lone_surrogate_is_an_input_error_naming_its_place(bad: str) -> None:
    text = PLAN.replace("建立", "建" + bad + "立")
    with pytest.raises(gdplan.InputError) as caught:
        gdplan.parse(text)
    assert caught.value.line == 2
    assert f"U+{ord(bad):04X}" in caught.value.reason and "column 10" in caught.value.reason


def test_a_lone_surrogate_in_an_html_str_is_refused_too() -> None:
    with pytest.raises(gdplan.InputError, match="lone surrogate"):
        gdplan.parse("<html><body><p>一、总体\ud83d要求</p></body></html>")


# ---------------------------------------------------------------------------- 6. limits


def test_an_input_over_max_bytes_is_refused_before_it_is_read(tmp_path: Path) -> None:
    from gdplan.limits import Limits

    path = tmp_path / "big.txt"
    path.write_text(PLAN * 2000, encoding="utf-8")  # about 200 KB
    with pytest.raises(gdplan.InputError, match=r"over the limit of 64\.0 KiB"):
        gdplan.parse(path, limits=Limits(max_bytes=64 * 1024))
    with pytest.raises(gdplan.InputError, match="over the limit"):
        gdplan.parse(path.read_bytes(), limits=Limits(max_bytes=64 * 1024))
    with pytest.raises(gdplan.InputError, match="over the limit"):
        gdplan.parse(path.read_text(encoding="utf-8"), limits=Limits(max_bytes=64 * 1024))
    assert gdplan.parse(path, limits=Limits(max_bytes=None)).children


def test_the_default_limit_is_50_mib_and_sizes_parse() -> None:
    from gdplan.limits import Limits, MiB, parse_size

    assert Limits().max_bytes == 50 * MiB
    assert parse_size("50M") == 50 * MiB and parse_size("1.5g") == 3 * (1 << 29)
    assert parse_size("2048") == 2048 and parse_size("0") is None and parse_size("64KiB") == 65536
    with pytest.raises(ValueError, match="not a size"):
        parse_size("lots")


def test_max_bytes_on_the_command_line(gdplan_cli: Callable[..., Done], tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(PLAN * 2000, encoding="utf-8")
    done = gdplan_cli("convert", path, "--to", "json", "-o", tmp_path / "x.json", "--max-bytes", "64K")
    assert done.returncode == 1 and "over the limit of 64.0 KiB" in done.stderr
    assert not (tmp_path / "x.json").exists()
    batch = gdplan_cli("convert", tmp_path, "-o", tmp_path / "out", "--to", "json", "--max-bytes", "64K")
    assert batch.returncode == 1 and "over the limit" in batch.stderr
    ds = gdplan_cli("dataset", path, "-o", tmp_path / "ds", "--max-bytes", "0")
    assert ds.returncode == 0, ds.stderr


def _zip_bomb(inflated: int) -> bytes:
    """A DOCX whose document.xml inflates ``inflated`` bytes of one repeated paragraph."""
    plain = rb.docx_plain(["一、总体要求", "（一）加强统筹。"])
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(plain)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb,
    ):
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                paragraph = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>"
                head, _, tail = data.partition(b"</w:body>")
                data = head + paragraph * (inflated // len(paragraph)) + b"</w:body>" + tail
            bomb.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return out.getvalue()


def test_a_docx_zip_bomb_is_refused_before_inflating() -> None:
    from gdplan.limits import Limits, MiB

    bomb = _zip_bomb(8 << 20)
    assert len(bomb) < 200 * 1024  # tiny on disk
    with pytest.raises(gdplan.InputError, match=r"word/document\.xml inflates \d+ times"):
        gdplan.parse(bomb, name="bomb.docx")
    with pytest.raises(gdplan.InputError, match="would unpack to"):
        gdplan.parse(bomb, name="bomb.docx", limits=Limits(max_unzipped=4 * MiB, max_zip_ratio=None))


def test_memory_of_many_marker_lines_stays_within_20_times_the_input() -> None:
    """Issue 9 measured 12 MB of 一、 lines taking 861 MB to say "not a plan" (about 63 times
    the input here, before tokens were streamed, line offsets kept in arrays and the front
    matter's lines kept as integers rather than objects)."""
    import tracemalloc

    text = "一、\n" * 30_000  # 210 KB of UTF-8
    size = len(text.encode("utf-8"))
    tracemalloc.start()
    try:
        with pytest.raises(gdplan.NotAPlanError):
            gdplan.parse(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak <= 20 * size, f"peak {peak / size:.1f} times the input"


# ---------------------------------------------------------------------------- 7. deep HTML


@pytest.mark.parametrize("depth", [255, 1200, 5000])
def test_html_nested_deep_keeps_every_line(depth: int) -> None:
    page = (
        "<html><body>" + "<div>" * depth + "<p>一、总体要求</p><p>（一）加强统筹。（市林业局牵头）</p>"
        + "</div>" * depth + "<p>二、保障措施</p><p>（一）强化落实。</p></body></html>"
    )  # fmt: skip
    doc = gdplan.parse(page)
    expected = ["一、总体要求", "（一）加强统筹", "二、保障措施", "（一）强化落实"]
    assert [n.label + n.title for n in doc.walk()] == expected
    notes = [d.message for d in doc.diagnostics if d.code == "input"]
    # Past what libxml2 builds as a tree, the page is read as plain text, and a diagnostic says so.
    assert bool(notes) == (depth > 2048), notes


# ---------------------------------------------------------------------------- 8. spans under pinyin noise


def test_every_span_starts_with_its_label_even_under_pinyin() -> None:
    text = "一(yī)、總體要求\n（一）加強統籌。\n二(èr)、保障措施\n1.強(qiáng)化落實。\n"
    doc = gdplan.parse(text)
    source = read_source(text).text
    assert [n.label for n in doc.walk()] == ["一、", "（一）", "二、", "1."]
    for node in doc.walk():
        start, end = node.span
        assert normalize(source[start:end]).clean.startswith(node.label), (node.label, source[start:end])
        assert source[start] == node.label[0]
