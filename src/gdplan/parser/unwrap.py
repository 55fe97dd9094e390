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

from gdplan.parser.lazy import lazy

# A wrapped copy has at least this many lines at its margin, and this share of its lines.
_MIN_FULL_LINES = 8
_MIN_FULL_SHARE = 0.4
_MAX_MARGIN = 120  # columns: a text with a longer line has its paragraphs on one line each
_MIN_MARGIN = 20
_MARGIN_SLACK = 4  # columns a full line may stop short of the margin (kinsoku, a digit pair)

_LINE = lazy(r"[^\n]*(?:\r\n|\n|$)")
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
    """(start, end) of every line break that is a hard wrap (with a page-number line it spans)."""
    # Most texts have a paragraph on one long line: no wrap, and no need to look further.
    if len(text) > _MAX_MARGIN and max(map(len, text.split("\n"))) > _MAX_MARGIN:
        return []
    lines = [(m.start(), m.group()) for m in _LINE.finditer(text) if m.group()]
    if len(lines) < _MIN_FULL_LINES:
        return []
    bodies = [(start, raw.rstrip("\r\n")) for start, raw in lines]
    widths = [_width(body.rstrip()) for _, body in bodies]
    filled = [w for w in widths if w]
    if len(filled) < _MIN_FULL_LINES:
        return []
    margin = _margin(filled)
    if margin is None:
        return []
    full = [w >= margin - _MARGIN_SLACK for w in widths]
    if sum(full) < max(_MIN_FULL_LINES, _MIN_FULL_SHARE * len(filled)):
        return []
    cuts = []
    for i, (start, body) in enumerate(bodies[:-1]):
        if not full[i] or _ends_address(body):
            continue
        after = i + 1
        if _PAGE_NUMBER.fullmatch(bodies[after][1]) and after + 1 < len(bodies):
            after += 1  # — 2 — between a wrapped line and its continuation
        following = bodies[after][1]
        if not following.strip() or _STARTS_PARAGRAPH.match(following):
            continue
        cuts.append((start + len(body.rstrip()), bodies[after][0]))
    return cuts


def _margin(widths: list[int]) -> int | None:
    """The wrap width: the median of the widths near the widest line, when it is a plausible margin."""
    widest = max(widths)
    margin = int(statistics.median(w for w in widths if w >= widest - _MARGIN_SLACK))
    return margin if _MIN_MARGIN <= margin <= _MAX_MARGIN else None


def _ends_address(body: str) -> bool:
    """各区人民政府，市直各单位： ends its paragraph even when it reaches the margin."""
    stripped = body.rstrip()
    return stripped.endswith((":", "：")) and "。" not in stripped
