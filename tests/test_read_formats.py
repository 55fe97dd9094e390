"""Acceptance: one document as .txt (UTF-8, GB18030), .html, .docx and .pdf gives the same dataset rows.

The rows of ``gdplan.export.jsonl.rows`` are compared without ``span`` and ``doc_id``,
which legitimately differ (they point into, and digest, each format's own text).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import gdplan
from gdplan.export.jsonl import rows
from tests.conftest import dev_raw_params
from tests.fixtures.read import read_builders as rb

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
DEV_RAW = ROOT.parent / "shared" / "corpus" / "dev" / "raw"
DEV = dev_raw_params()

Row = dict[str, Any]


def comparable(path: Path | bytes, name: str) -> dict[str, Any]:
    """The rows, and what the front matter says (a notice without its plan has no rows).

    ``complete`` is left out: a .txt cut off without a final line break reads as cut off,
    while every extracting reader ends its text with one."""
    doc = gdplan.parse(path, name=name)
    notice = doc.notice
    front = {
        "title": doc.title,
        "year": doc.year,
        "notice": None if notice is None else notice.model_dump(exclude={"span"}),
    }
    return {
        "front": front,
        "rows": [{k: v for k, v in row.items() if k not in ("span", "doc_id")} for row in rows(doc)],
    }


def spaceless(value: Any) -> Any:
    """A value with spaces taken out of its strings: a PDF's text layer has no space where a line wrapped."""
    if isinstance(value, str):
        return re.sub(r"\s+", "", value)
    if isinstance(value, list):
        return [spaceless(v) for v in value]
    if isinstance(value, dict):
        return {k: spaceless(v) for k, v in value.items()}
    return value


def _gb18030(path: Path, lines: list[str]) -> bytes:
    return path.read_text(encoding="utf-8").encode("gb18030")


def _html(path: Path, lines: list[str]) -> bytes:
    return rb.html_page(lines, charset="gbk").encode("gb18030")


def _html_legacy(path: Path, lines: list[str]) -> bytes:
    return rb.html_page_legacy(lines).encode("utf-8")


def _docx(path: Path, lines: list[str]) -> bytes:
    return rb.docx_plain(lines)


def _docx_numbered(path: Path, lines: list[str]) -> bytes:
    plan = rb.numbered_plan(lines)
    if plan is None:
        pytest.skip(f"{path.name}: its numbering is not one Word's automatic numbering can print")
    return rb.docx_numbered(plan)


def _pdf(path: Path, lines: list[str]) -> bytes:
    return rb.pdf_document(lines)


def _pdf_flush(path: Path, lines: list[str]) -> bytes:
    return rb.pdf_document(lines, indent=False)


FORMATS: dict[str, tuple[str, Callable[[Path, list[str]], bytes]]] = {
    "gb18030": (".txt", _gb18030),
    "html": (".html", _html),
    "html-legacy": (".htm", _html_legacy),
    "docx": (".docx", _docx),
    "docx-numbered": (".docx", _docx_numbered),
    "pdf": (".pdf", _pdf),
    "pdf-flush": (".pdf", _pdf_flush),
}


def _check(path: Path, fmt: str) -> None:
    suffix, build = FORMATS[fmt]
    expected = comparable(path, path.name)
    assert expected["rows"] or expected["front"]["notice"], f"{path.name}: the .txt gives nothing to compare"
    data = build(path, rb.document_lines(path))
    got = comparable(data, path.stem + suffix)
    if fmt.startswith("pdf"):
        expected, got = spaceless(expected), spaceless(got)
    assert got == expected


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_sample_rows_are_the_same_in_every_format(path: Path, fmt: str) -> None:
    _check(path, fmt)


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("path", DEV, ids=lambda p: getattr(p, "stem", "no-dev-corpus"))
def test_dev_rows_are_the_same_in_every_format(path: Path, fmt: str) -> None:
    _check(path, fmt)


def test_dev_corpus_is_there_or_the_skip_says_so() -> None:
    if not DEV_RAW.is_dir():
        pytest.skip(f"dev corpus not found at {DEV_RAW}: the per-document format tests did not run")
    assert len(DEV) >= 10


@pytest.mark.parametrize(
    "fmt,media_type,encoding",
    [
        ("gb18030", "text/plain", "gb18030"),
        ("html", "text/html", "gb18030"),
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", None),
        ("pdf", "application/pdf", None),
    ],
)
def test_provenance_names_the_format(fmt: str, media_type: str, encoding: str | None) -> None:
    path = ROOT / "samples" / "gd-2025-digital-seed.txt"
    suffix, build = FORMATS[fmt]
    doc = gdplan.parse(build(path, rb.document_lines(path)), name="seed" + suffix)
    assert (doc.provenance.media_type, doc.provenance.encoding) == (media_type, encoding)
    assert doc.source == "seed" + suffix
