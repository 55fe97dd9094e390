"""The normalized text → segments: lines, table cells, and sentence runs that carry a marker."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gdplan.model import MarkerStyle
from gdplan.parser.lazy import lazy
from gdplan.parser.rules.markers import ANY_MARKER, INLINE_MARKER_START, marker_at
from gdplan.parser.rules.metadata import read_metadata
from gdplan.parser.text import NormalizedText, trim_space
from gdplan.parser.tokens import Segment

_CELL_SEP = lazy(r"\s*\|\s*")
_SPACED_BAR = lazy(r"\s\|\s")


def segments(nt: NormalizedText) -> Iterator[Segment]:
    text = nt.analysis
    at = 0
    # Noise cuts never remove a line break, so line i of the text is line i of the input.
    # (Found with str.find, not split: a copy of every line would double the memory.)
    number = 0
    # A text that is one line is a copy that lost every line break, however short.
    one_line = text.find("\n", 0, len(text.rstrip())) < 0
    while at <= len(text):
        number += 1
        end = text.find("\n", at)
        if end < 0:
            end = len(text)
        yield from _line_segments(nt, at, end, number, run_together=one_line)
        at = end + 1


def _line_segments(
    nt: NormalizedText, start: int, end: int, line: int, *, run_together: bool = False
) -> Iterator[Segment]:
    text = nt.analysis
    start, end = trim_space(text, start, end)
    if start == end:
        yield Segment(start, end, line)
        return
    if _is_table_row(text, start, end):
        cells = _cells(text, start, end)
        for i, (cs, ce) in enumerate(cells):
            yield Segment(cs, ce, line, cell=i, row_end=i == len(cells) - 1)
        return
    if _is_tab_row(text, start, end):
        cells = _tab_cells(text, start, end)
        for i, (cs, ce) in enumerate(cells):
            yield Segment(cs, ce, line, cell=i, row_end=i == len(cells) - 1)
        return
    yield from _sentence_runs(text, start, end, line, run_together=run_together)


def _is_table_row(text: str, start: int, end: int) -> bool:
    """A table flattened with | separators: `cell | cell |`."""
    bars = text.count("|", start, end)
    looks_like_row = bars >= 2 or (
        bars == 1 and (text[end - 1] == "|" or _SPACED_BAR.search(text, start, end) is not None)
    )
    # 发文字号 | 粤府〔2021〕22号 | is a metadata row, read as metadata
    return looks_like_row and read_metadata(text, start, end) is None


# A row copied from a spreadsheet: cells between tabs (序号⇥工作任务⇥牵头单位).
_TAB_SEP = lazy(r"[ ]*\t[ \t]*")
_TAB_ROW_TABS = 2


def _is_tab_row(text: str, start: int, end: int) -> bool:
    """Two tabs or more between printed characters, and no metadata row: a table row."""
    if text.count("\t", start, end) < _TAB_ROW_TABS:
        return False
    return len(_tab_cells(text, start, end)) > _TAB_ROW_TABS and read_metadata(text, start, end) is None


def _tab_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cells = []
    at = start
    for m in _TAB_SEP.finditer(text, start, end):
        cells.append(trim_space(text, at, m.start()))
        at = m.end()
    cells.append(trim_space(text, at, end))
    return [(s, e) for s, e in cells if e > s]


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cells = []
    at = start
    for m in _CELL_SEP.finditer(text, start, end):
        cells.append(trim_space(text, at, m.start()))
        at = m.end()
    cells.append(trim_space(text, at, end))
    return [(s, e) for s, e in cells if e > s]


# A line this long is a copy that lost its line breaks, not a paragraph.
_RUN_TOGETHER = 500
# Where the parts of a run-together cover notice meet: the title's 通知, the addressees'
# colon, a sentence end, the date, a run of spaces where the signature stood right-aligned.
_NOTICE_BREAK = lazy(r"(?<=通知)(?=[^\s,;:。》])|(?<=[:。])|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|\s{2,}")
# A 文号 (株政办函〔2026〕12号) ends its part: the addressees often follow it directly.
_DOC_NUMBER = lazy(r"[〔\[【(](?:19|20)\d{2}[〕\]】)]\d{1,4}号")


# A run of spaces between two printed characters (U+3000 is a space on the analysis layer).
_SPACE_RUN = lazy(r"(?<=\S)[ \t]{2,}(?=\S)")
# This many runs in one line: the copy lost its line breaks and kept spaces in their place
# (a metadata key printed 标  题 has one run; a heading run on into its body one or two).
_LOST_BREAK_RUNS = 3


def _lost_breaks(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The runs of spaces that stand for lost line breaks, or [] when the line kept its breaks."""
    if text.find("  ", start, end) < 0:
        return []  # the common case
    runs = list(_SPACE_RUN.finditer(text, start, end))
    return runs if len(runs) >= _LOST_BREAK_RUNS else []


def _sentence_runs(
    text: str, start: int, end: int, line: int, *, run_together: bool = False
) -> Iterator[Segment]:
    """Split a line that lost its line breaks where a new numbered part starts, and at
    every run of spaces when the copy kept runs of spaces in place of its breaks.

    After 。 a marker always starts a part. In a very long line a marker may follow any
    character (a heading has no 。), so there only markers that continue the numbering
    are taken.
    """
    long_line = run_together or end - start > _RUN_TOGETHER
    spaced = _lost_breaks(text, start, end)
    if not long_line and not spaced and INLINE_MARKER_START.search(text, start, end) is None:
        yield Segment(start, end, line)  # the common case: the line is one segment (trimmed already)
        return
    cuts = {m.end() for m in INLINE_MARKER_START.finditer(text, start, end)}
    # A copy that kept a run of spaces where each line break was: every run is a break.
    cuts |= {m.start() for m in spaced}
    if long_line:
        cuts |= _numbering_cuts(text, start, end)
        first_marker = min(cuts, default=end)
        # Before the plan: the cover notice's parts (title, addressees, signature, date).
        cuts |= {c for m in _NOTICE_BREAK.finditer(text, start, first_marker) for c in m.span() if c > start}
        cuts |= {m.end() for m in _DOC_NUMBER.finditer(text, start, first_marker)}
    at = start
    for cut in sorted(cuts):
        if at < cut < end:
            yield Segment(*trim_space(text, at, cut), line)
            at = cut
    yield Segment(*trim_space(text, at, end), line)


def _numbering_cuts(text: str, start: int, end: int) -> set[int]:
    """Marker positions that continue the numbering the way the tree builder nests it."""
    open_styles: list[MarkerStyle] = []
    last: dict[MarkerStyle, int] = {}
    cuts = set()
    for m in ANY_MARKER.finditer(text, start, end):
        found = marker_at(text, m.start(), end)
        if found is None:
            continue
        style, number, _ = found
        expected = (last[style] + 1,) if style in open_styles else (1, last.get(style, 0) + 1)
        fits = number in expected
        if not fits:
            continue
        if style in open_styles:
            del open_styles[open_styles.index(style) + 1 :]
        else:
            open_styles.append(style)
        last[style] = number
        cuts.add(m.start())
    return cuts
