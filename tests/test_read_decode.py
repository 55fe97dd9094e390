"""Decoding bytes: every accepted encoding gives the same text; junk is refused with its place."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from gdplan.errors import DecodeError, InputError
from gdplan.read import read_source
from gdplan.read.decode import decode, is_plausible_text

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
SEED = ROOT / "samples" / "gd-2025-digital-seed.txt"
TRADITIONAL = ROOT / "samples" / "sh-2025-open-govt-t.txt"
DEV_RAW = ROOT.parent / "shared" / "corpus" / "dev" / "raw"


def dev_documents() -> list[Path]:
    if not DEV_RAW.is_dir():
        pytest.skip(f"dev corpus not found at {DEV_RAW}")
    return sorted(DEV_RAW.glob("*.txt"))


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_utf8_is_read_as_is(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    decoded = decode(text.encode("utf-8"), "x")
    assert (decoded.text, decoded.encoding) == (text, "utf-8")


def test_utf8_bom_is_dropped() -> None:
    decoded = decode(codecs.BOM_UTF8 + seed_text().encode("utf-8"), "x")
    assert decoded.text == seed_text()
    assert decoded.encoding == "utf-8-sig"


@pytest.mark.parametrize(
    "codec,bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)]
)
def test_utf16_with_bom(codec: str, bom: bytes) -> None:
    decoded = decode(bom + seed_text().encode(codec), "x")
    assert decoded.text == seed_text()
    assert decoded.encoding == "utf-16"


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_gb18030_gives_the_same_text(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    decoded = decode(text.encode("gb18030"), "x")
    assert (decoded.text, decoded.encoding) == (text, "gb18030")


def test_gb18030_of_every_dev_document() -> None:
    for path in dev_documents():
        text = path.read_text(encoding="utf-8")
        assert decode(text.encode("gb18030"), path.name).text == text, path.name


def test_gbk_and_gb2312_bytes_read_as_gb18030() -> None:
    text = "各地级以上市人民政府，省有关单位：\n一、加快培育数字化发展引擎\n"
    for codec in ("gbk", "gb2312"):
        assert decode(text.encode(codec), "x").text == text


def test_big5_traditional_text_is_not_misread_as_gb18030() -> None:
    text = TRADITIONAL.read_text(encoding="utf-8")
    data = text.encode("cp950", "replace")
    # The trap: Big5 bytes decode as GB18030 without any error, into junk.
    assert not is_plausible_text(data.decode("gb18030"))
    decoded = decode(data, "x")
    assert decoded.encoding == "cp950"
    assert decoded.text == text.encode("cp950", "replace").decode("cp950")
    assert "上海市人民政府辦公廳" in decoded.text


def test_png_header_is_refused() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256))
    with pytest.raises(DecodeError, match="binary data"):
        decode(png, "logo.png")
    with pytest.raises(InputError, match="is a PNG image, not a plan notice") as caught:
        read_source(png, name="logo.png")
    assert caught.value.source == "logo.png"


def test_random_bytes_are_refused() -> None:
    rng = random.Random(20250515)
    data = bytes(rng.randrange(256) for _ in range(4096))
    with pytest.raises(DecodeError):
        decode(data, "noise.bin")


def test_random_bytes_without_nul_are_refused_by_plausibility() -> None:
    rng = random.Random(7)
    for _ in range(20):
        data = bytes(rng.randrange(1, 256) for _ in range(2048))
        with pytest.raises(DecodeError, match=r"not text in a supported encoding|damaged"):
            decode(data, "noise.bin")


def test_nul_byte_names_its_line() -> None:
    data = "第一行\n第二行\n第三\x00行\n".encode()
    with pytest.raises(DecodeError, match="NUL") as caught:
        decode(data, "a.txt")
    assert caught.value.line == 3
    assert caught.value.source == "a.txt"


def test_lone_ff_in_utf8_is_damaged_utf8_at_its_line() -> None:
    lines = seed_text().splitlines(keepends=True)
    data = "".join(lines[:9]).encode() + b"\xff" + "".join(lines[9:]).encode()
    with pytest.raises(DecodeError, match="damaged UTF-8: invalid byte 0xFF") as caught:
        decode(data, "seed.txt")
    assert caught.value.line == 10
    assert str(caught.value).startswith("seed.txt:10: ")


def test_lone_ff_in_short_utf8_text() -> None:
    data = "一、加快培育数字化发展引擎".encode() + b"\xff"
    with pytest.raises(DecodeError, match="damaged UTF-8"):
        decode(data, "x")


def test_damaged_gb18030_is_reported_at_its_line() -> None:
    lines = seed_text().splitlines(keepends=True)
    data = "".join(lines[:20]).encode("gb18030") + b"\xff" + "".join(lines[20:]).encode("gb18030")
    with pytest.raises(DecodeError, match="damaged GB18030") as caught:
        decode(data, "seed.txt")
    assert caught.value.line == 21


@pytest.mark.parametrize("cut", [1, 2])
def test_utf8_cut_mid_character_keeps_the_text(cut: int) -> None:
    text = seed_text().rstrip()
    data = text.encode("utf-8")
    assert len(text[-1].encode("utf-8")) == 3
    decoded = decode(data[:-cut], "x")
    assert decoded.text == text[:-1]
    assert decoded.dropped_tail == 3 - cut
    source = read_source(data[:-cut], name="cut.txt")
    assert source.text == text[:-1]
    assert source.warnings and "cut-off character" in source.warnings[0]


def test_gb18030_cut_mid_character_keeps_the_text() -> None:
    text = seed_text().rstrip()
    decoded = decode(text.encode("gb18030")[:-1], "x")
    assert decoded.text == text[:-1]


def test_utf16_cut_mid_code_unit_keeps_the_text() -> None:
    text = seed_text().rstrip()
    decoded = decode(codecs.BOM_UTF16_LE + text.encode("utf-16-le")[:-1], "x")
    assert decoded.text == text[:-1]


def test_a_bad_byte_before_the_end_is_not_a_cut() -> None:
    data = "一、加快培育数字化发展引擎".encode()
    with pytest.raises(DecodeError):
        decode(data[:-4] + data[-2:], "x")  # a character broken three bytes before the end


def test_empty_input_is_not_a_decode_error() -> None:
    assert decode(b"", "x").text == ""
    assert read_source(b"").text == ""


def test_short_gb_and_big5_strings() -> None:
    assert decode("中文内容".encode("gb18030"), "x").text == "中文内容"
    assert decode("數字政府改革建設工作要點".encode("cp950"), "x").text == "數字政府改革建設工作要點"


def test_plausibility_accepts_real_text() -> None:
    for path in SAMPLES:
        assert is_plausible_text(path.read_text(encoding="utf-8")), path.name
