"""The same document in the copies people actually have parses to the same rows.

Each variant is made here from a bundled sample the way mirror sites and tools mangle
it: another script, ASCII punctuation, lost line breaks, CRLF, indents turned into
U+3000 or ``??``, pinyin after characters, web furniture around it, other encodings.
Rows are compared with text folded (script, width, white space) and without spans,
which legitimately move.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import opencc
import pytest

import gdplan
from gdplan.export.jsonl import rows
from gdplan.model import Document
from gdplan.parser.text import fold_key

from .conftest import SAMPLES, SEED

_S2T = opencc.OpenCC("s2t").convert
_HALF = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_PINYIN = {"数": "shù", "字": "zì", "广": "guǎng", "东": "dōng", "一": "yī", "发": "fā"}


def _canon(doc: Document) -> list[dict[str, Any]]:
    def fold(value: Any) -> Any:
        if isinstance(value, str):
            return fold_key(value)
        if isinstance(value, list):
            return [fold(v) for v in value]
        return value

    return [{k: fold(v) for k, v in row.items() if k not in ("span", "doc_id")} for row in rows(doc)]


def _frame(doc: Document) -> tuple[Any, ...]:
    n = doc.notice
    notice = None if n is None else (n.title, n.doc_number, n.addressees, n.signature, n.date)
    return (fold_key(str(notice)), fold_key(str(doc.title)), doc.year, doc.complete)


def _with_pinyin(text: str) -> str:
    return "".join(ch + (f"({_PINYIN[ch]})" if ch in _PINYIN else "") for ch in text)


def _with_furniture(text: str) -> str:
    head = (
        "简体版 繁體版 信息无障碍\n首页 > 政务公开 > 通知公告\n"
        "发布时间：2025-06-01 09:30:00 来源：本网\n【打印】 【关闭】\n"
    )
    return head + text + "\n【打印】 【关闭】\n上一篇：关于开展检查的通知\n"


TEXT_VARIANTS: dict[str, Callable[[str], str]] = {
    "traditional": _S2T,
    "ascii-punctuation": lambda t: t.translate(_HALF),
    "traditional-ascii": lambda t: _S2T(t).translate(_HALF),
    "one-line": lambda t: t.replace("\n", ""),
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "u3000-indent": lambda t: "\n".join("\u3000\u3000" + line for line in t.split("\n")),
    "question-mark-indent": lambda t: "\n".join(
        ("??" + line) if line.strip() else line for line in t.split("\n")
    ),
    "pinyin": _with_pinyin,
    "web-furniture": _with_furniture,
}

BYTE_VARIANTS: dict[str, Callable[[str], bytes]] = {
    "gb18030": lambda t: t.encode("gb18030"),
    "utf-8-bom": lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
    "utf-16-le": lambda t: t.encode("utf-16"),
    "utf-16-be": lambda t: b"\xfe\xff" + t.encode("utf-16-be"),
}


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text("utf-8")


@pytest.mark.parametrize("name", sorted(TEXT_VARIANTS))
def test_text_variant_gives_the_same_rows(name: str, seed_text: str) -> None:
    base = gdplan.parse(seed_text)
    variant = gdplan.parse(TEXT_VARIANTS[name](seed_text))
    assert _canon(variant) == _canon(base)
    assert _frame(variant) == _frame(base)


@pytest.mark.parametrize("name", sorted(BYTE_VARIANTS))
def test_byte_variant_gives_the_same_rows(name: str, seed_text: str, tmp_path: Path) -> None:
    path = tmp_path / f"seed-{name}.txt"
    path.write_bytes(BYTE_VARIANTS[name](seed_text))
    base = gdplan.parse(seed_text)
    variant = gdplan.parse(path)
    assert _canon(variant) == _canon(base)
    assert _frame(variant) == _frame(base)


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_every_sample_survives_traditional_and_lost_line_breaks(path: Path) -> None:
    text = path.read_text("utf-8")
    base = _canon(gdplan.parse(text))
    assert _canon(gdplan.parse(_S2T(text))) == base
    assert _canon(gdplan.parse(text.replace("\n", ""))) == base


def test_unit_keys_match_across_scripts(seed_text: str) -> None:
    simplified = gdplan.parse(seed_text)
    traditional = gdplan.parse(_S2T(seed_text))
    for a, b in zip(simplified.items(), traditional.items(), strict=True):
        assert a.responsibility is not None and b.responsibility is not None
        assert [u.key for u in a.responsibility.lead] == [u.key for u in b.responsibility.lead]
    names = [u.name for n in traditional.items() for u in n.responsibility.lead]  # type: ignore[union-attr]
    assert "省工業和信息化廳" in names  # the printed name keeps the copy's script
