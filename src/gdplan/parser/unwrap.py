"""Hard-wrapped text: a copy whose paragraphs were broken into lines of one width.

Text copied out of a PDF or a print (or saved from an editor that wraps) has every
paragraph broken at the right margin: 一、 on one line, the rest of its sentence on the
next, a clause broken inside a unit's name. Such a text shows it: many lines are of
one width, the margin. The line break after a line that reaches the margin is a wrap,
not the end of a paragraph, unless the next line starts one (a numbering marker, an
indent, a blank line) or the line is an addressee line (各区人民政府，市直各单位：).
A page-number line (— 2 —) between a wrapped line and its continuation goes with the
wrap. :func:`wrap_cuts` gives the ranges to cut, which :func:`gdplan.parser.text.normalize`
removes (spans still point into the input).

Width is counted as printed: a Han character or full-width form is two columns, ASCII
one (its GB18030 byte length), so a line with half-width digits is as wide as it looks.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterator

from gdplan.parser.lazy import lazy

# A wrapped copy has at least this many lines at its margin, and this share of its lines.
_MIN_FULL_LINES = 8
_MIN_FULL_SHARE = 0.4
_MAX_MARGIN = 120  # columns: a text with a longer line has its paragraphs on one line each
_MIN_MARGIN = 20
_MARGIN_SLACK = 4  # columns a full line may stop short of the margin (kinsoku, a digit pair)

_LINE = lazy(r"[^\n]*(?:\r\n|\n|$)")
_LONG_LINE = lazy(rf"[^\n]{{{_MAX_MARGIN + 1}}}")
# The start of a paragraph: an indent, or a numbering marker (the families of DOMAIN.md §2, loosely).
_CN_NUM = "一二三四五六七八九十百零〇"
_STARTS_PARAGRAPH = lazy(
    rf"""(?:[\u3000\t]|\x20\x20
      | [{_CN_NUM}]+\s*[、.．]
      | [（(]\s*[{_CN_NUM}\d]+\s*[）)]
      | \d+\s*[、.．﹒](?!\d)
      | [\u2460-\u2473\u2474-\u249b\u3280-\u3289]
      | 第[{_CN_NUM}\d]+[章节条部分篇]
    )""",
    re.X,
)
_PAGE_NUMBER = lazy(r"\s*(?:[-—–―－~]+\s*\d{1,4}\s*[-—–―－~]+|第\s*\d{1,4}\s*页(?:\s*共\s*\d{1,4}\s*页)?)\s*")


def _width(line: str) -> int:
    return len(line.encode("gb18030", "replace"))


def wrap_cuts(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line break that is a hard wrap (with a page-number line it spans).

    Streams over the lines (a few passes, nothing kept per line): a text of many short
    lines must not cost memory per line (tests/test_hostile_input.py).
    """
    # Most texts have a paragraph on one long line: no wrap, and no need to look further.
    if _LONG_LINE.search(text) is not None:
        return []
    filled = widest = 0
    for _, body in _lines(text):
        width = _width(body.rstrip())
        if width:
            filled += 1
            widest = max(widest, width)
    if filled < _MIN_FULL_LINES or widest < _MIN_MARGIN:
        return []
    near = [w for _, body in _lines(text) if (w := _width(body.rstrip())) >= widest - _MARGIN_SLACK]
    margin = int(statistics.median(near))
    if not _MIN_MARGIN <= margin <= _MAX_MARGIN:
        return []
    full = sum(1 for _, body in _lines(text) if _width(body.rstrip()) >= margin - _MARGIN_SLACK)
    if full < max(_MIN_FULL_LINES, _MIN_FULL_SHARE * filled):
        return []
    cuts: list[tuple[int, int]] = []
    window: list[tuple[int, str]] = []  # this line and the two after it
    for line in _lines(text):
        window.append(line)
        if len(window) == 3:
            _cut(window, margin, cuts)
            window.pop(0)
    while len(window) >= 2:
        _cut(window, margin, cuts)
        window.pop(0)
    return cuts


def _cut(window: list[tuple[int, str]], margin: int, cuts: list[tuple[int, int]]) -> None:
    """The cut after ``window[0]`` when it is a wrap."""
    start, body = window[0]
    if _width(body.rstrip()) < margin - _MARGIN_SLACK or _ends_address(body):
        return
    after = 1
    if len(window) > 2 and _PAGE_NUMBER.fullmatch(window[1][1]):
        after = 2  # — 2 — between a wrapped line and its continuation
    following = window[after][1]
    if not following.strip() or _STARTS_PARAGRAPH.match(following):
        return
    cuts.append((start + len(body.rstrip()), window[after][0]))


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(start, text without its line break) of every line."""
    for match in _LINE.finditer(text):
        raw = match.group()
        if raw:
            yield match.start(), raw.rstrip("\r\n")


def _ends_address(body: str) -> bool:
    """各区人民政府，市直各单位： ends its paragraph even when it reaches the margin."""
    stripped = body.rstrip()
    return stripped.endswith((":", "：")) and "。" not in stripped
