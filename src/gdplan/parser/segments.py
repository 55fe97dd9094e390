"""The normalized text → segments: lines, table cells, and sentence runs that carry a marker."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from gdplan.parser.rules.markers import INLINE_MARKER_START
from gdplan.parser.rules.metadata import read_metadata
from gdplan.parser.text import NormalizedText
from gdplan.parser.tokens import Segment

_CELL_SEP = regex.compile(r"\s*\|\s*")
_SPACED_BAR = regex.compile(r"\s\|\s")


def segments(nt: NormalizedText) -> Iterator[Segment]:
    text = nt.analysis
    at = 0
    for line in text.split("\n"):
        start, end = at, at + len(line)
        at = end + 1
        yield from _line_segments(nt, start, end)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _line_segments(nt: NormalizedText, start: int, end: int) -> Iterator[Segment]:
    text = nt.analysis
    start, end = _trim(text, start, end)
    line = nt.line_number(start)
    if start == end:
        yield Segment(start, end, line)
        return
    if _is_table_row(text, start, end):
        cells = _cells(text, start, end)
        for i, (cs, ce) in enumerate(cells):
            yield Segment(cs, ce, line, cell=i, row_end=i == len(cells) - 1)
        return
    yield from _sentence_runs(text, start, end, line)


def _is_table_row(text: str, start: int, end: int) -> bool:
    """A table flattened with | separators: `cell | cell |`."""
    if read_metadata(text, start, end) is not None:  # 发文字号 | 粤府〔2021〕22号 | is a metadata row
        return False
    bars = text.count("|", start, end)
    return bars >= 2 or (
        bars == 1 and (text[end - 1] == "|" or _SPACED_BAR.search(text, start, end) is not None)
    )


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cells = []
    at = start
    for m in _CELL_SEP.finditer(text, start, end):
        cells.append(_trim(text, at, m.start()))
        at = m.end()
    cells.append(_trim(text, at, end))
    return [(s, e) for s, e in cells if e > s]


def _sentence_runs(text: str, start: int, end: int, line: int) -> Iterator[Segment]:
    """Split a line that lost its line breaks where a new numbered part starts after 。."""
    at = start
    for m in INLINE_MARKER_START.finditer(text, start, end):
        if m.end() > at and m.end() < end:
            yield Segment(*_trim(text, at, m.start()), line)
            at = m.end()
    yield Segment(*_trim(text, at, end), line)
