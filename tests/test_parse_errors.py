"""Bad input gets a clear error naming the source and why; never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

import gdplan
from gdplan import DecodeError, ErrorLevel, GdplanError, InputError, NotAPlanError, ParseError


def test_empty(tmp_path: Path) -> None:
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    with pytest.raises(NotAPlanError, match=r"empty\.txt: empty input"):
        gdplan.parse(p)


def test_whitespace_only_text() -> None:
    with pytest.raises(NotAPlanError, match="empty input"):
        gdplan.parse(" \n\u3000\n")


def test_random_text_is_not_a_plan(tmp_path: Path) -> None:
    p = tmp_path / "letter.txt"
    p.write_text("今天天气很好，我们去公园散步。\n然后回家吃饭。\n", encoding="utf-8")
    with pytest.raises(NotAPlanError, match=r"letter\.txt: no numbered structure"):
        gdplan.parse(p)


def test_binary_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "image.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError) as info:
        gdplan.parse(p)
    assert "image.txt" in str(info.value)


def test_undecodable_names_the_line(tmp_path: Path) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes("一、总体\n（一）加强统筹。\n".encode() + b"\xff\xfe\xfa\xfb\xfc\x80\x81 tail\n")
    with pytest.raises(DecodeError) as info:
        gdplan.parse(p)
    assert info.value.line == 3
    assert "bad.txt:3" in str(info.value)


def test_missing_file() -> None:
    with pytest.raises(InputError, match="no such file"):
        gdplan.parse(Path("/nonexistent/plan.txt"))


def test_errors_are_one_family() -> None:
    for cls in (InputError, DecodeError, NotAPlanError, ParseError):
        assert issubclass(cls, GdplanError)


def test_error_level_raise_stops_at_first_problem() -> None:
    text = "一、甲\n三、丙\n"
    assert gdplan.parse(text).diagnostics  # warn: recorded
    assert gdplan.parse(text, errors="ignore").diagnostics == []
    with pytest.raises(ParseError, match=r"<string>:2: numbering-gap"):
        gdplan.parse(text, errors=ErrorLevel.RAISE)


def test_truncated_document_is_flagged() -> None:
    doc = gdplan.parse(
        "一、总体\n（一）加强统筹。建立机制。（省政务服务数据管理局牵头）\n（二）完善体系。推进“粤政易”平"
    )
    assert not doc.complete
    last = doc.children[0].children[-1]
    assert last.truncated
    # (省… in a text without a province: the registry adds an info note, see test_registry.py)
    problems = [d for d in doc.diagnostics if d.code != "unresolved-unit"]
    assert [d.code for d in problems] == ["truncated"]
    assert problems[0].line == 3


def test_copy_cut_mid_character_is_kept_and_reported() -> None:
    text = "一、总体\n（一）加强统筹。建立机制。（省政务服务数据管理局牵头）\n（二）完善体系。推进"
    data = text.encode()[:-1]
    doc = gdplan.parse(data)
    problems = [d for d in doc.diagnostics if d.code != "unresolved-unit"]
    assert [(d.level, d.code) for d in problems] == [("info", "input"), ("warning", "truncated")]
    assert doc.children[0].children[1].truncated
