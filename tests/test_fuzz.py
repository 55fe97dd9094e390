"""Fuzzing: mutated plan notices never make gdplan fail in an unplanned way.

Each example takes a real document (the bundled samples; the dev corpus too when it sits
beside the clone) and mutates it: slices deleted, duplicated or moved, lines shuffled,
characters inserted from an alphabet of what trips parsers (markers, brackets, pinyin,
``??``, table bars, full-width forms, surrogate-free odd code points), the bytes cut or
re-encoded. Then:

- only ``GdplanError`` subclasses escape ``gdplan.parse``;
- a document that parses exports JSON that ``json.loads`` reads, XML that is well formed,
  and Markdown that ``from_markdown`` reads back to an equal document;
- every node's span starts with its label as printed (the span's text with the copy noise
  the parser cuts, such as pinyin, cut).

Bounded for ``make test``: a fixed number of examples, derandomized (the same examples on
every run: CI is never flaky), no example database, no deadline.
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import gdplan
from gdplan.parser.text import normalize
from gdplan.read import read_source

from .conftest import DEV_CORPUS, SAMPLES


def _documents() -> list[str]:
    paths = sorted(SAMPLES.glob("*.txt"))
    raw = DEV_CORPUS / "raw"
    if raw.is_dir():  # the corpus sits beside the clone in CI only: the samples always run
        paths += sorted(raw.glob("*.txt"))[::3]
    return [p.read_text(encoding="utf-8") for p in paths]


DOCUMENTS = _documents()
FUZZ = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# What trips a parser of these notices: markers of every style, brackets that do not close,
# pinyin noise, lost indents, table bars, clause words, odd white space and code points.
NOISE = [
    "一、", "二、", "十一、", "（一）", "（二）", "(三)", "1.", "2．", "3、", "（1）", "①", "第一章",
    "第二条",
    "（", "）", "(", ")", "《", "》", "〔", "〕", "(yī)", "（èr）", "??", "？？", " | ", "|", "\u3000",
    "\n", "\r\n", "\n\n", "。", "；", "：", "、", "牵头", "负责", "配合", "（市林业局牵头，", "分别负责）",
    "下同", "附件：", "2027年", "\ufeff", "\u200b", "\x0c", "\t", "\U00020000", "\ufffd", "<p>", "&amp;",
]  # fmt: skip


@st.composite
def mutated_text(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(DOCUMENTS))
    for _ in range(draw(st.integers(1, 6))):
        n = len(text)
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, min(n, a + 400)))
        kind = draw(st.sampled_from(["delete", "duplicate", "insert", "move", "shuffle", "truncate"]))
        if kind == "delete":
            text = text[:a] + text[b:]
        elif kind == "duplicate":
            text = text[:b] + text[a:b] + text[b:]
        elif kind == "insert":
            pieces = draw(st.lists(st.sampled_from(NOISE) | st.text(max_size=3), min_size=1, max_size=8))
            text = text[:a] + "".join(pieces) + text[a:]
        elif kind == "move":
            piece = text[a:b]
            rest = text[:a] + text[b:]
            at = draw(st.integers(0, len(rest)))
            text = rest[:at] + piece + rest[at:]
        elif kind == "shuffle":
            lines = text.split("\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        else:
            text = text[:b]
    return text


def _check(source: str | bytes, name: str) -> None:
    try:
        doc = gdplan.parse(source, name=name)
    except gdplan.GdplanError:
        return  # refused cleanly: that is allowed
    data = json.loads(gdplan.to_json(doc))
    assert data["doc_id"] == doc.doc_id
    etree.fromstring(gdplan.to_xml(doc).encode("utf-8"))  # well formed, or it raises
    assert gdplan.from_markdown(gdplan.to_markdown(doc)) == doc
    text = read_source(source, name=name).text
    for node in doc.walk():
        start, end = node.span
        assert 0 <= start < end <= len(text)
        assert normalize(text[start:end]).clean.startswith(node.label), (node.label, text[start : start + 20])


@FUZZ
@given(mutated_text())
def test_mutated_text_parses_or_is_refused_cleanly(text: str) -> None:
    _check(text, "fuzz.txt")


@FUZZ
@given(mutated_text(), st.sampled_from(["utf-8", "gb18030", "utf-16", "big5"]), st.integers(0, 8))
def test_mutated_bytes_parse_or_are_refused_cleanly(text: str, encoding: str, cut: int) -> None:
    data = text.encode(encoding, "replace")
    _check(data[: len(data) - cut] if cut else data, "fuzz.txt")


@FUZZ
@given(mutated_text(), st.integers(0, 40))
def test_mutated_html_parses_or_is_refused_cleanly(text: str, depth: int) -> None:
    body = "".join(f"<p>{line}</p>" for line in text.split("\n"))
    page = "<html><body>" + "<div>" * depth + body + "</div>" * depth + "</body></html>"
    _check(page.encode("utf-8"), "fuzz.html")


def test_the_fuzz_corpus_is_there() -> None:
    assert len(DOCUMENTS) >= len(list(Path(SAMPLES).glob("*.txt"))) >= 3
