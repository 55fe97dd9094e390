"""PDF → the document's text from its text layer (pypdfium2, the ``gdplan[pdf]`` extra).

A page prints a paragraph over several lines; the parser needs it back on one. A line is
joined to the next when the page wrapped it, which the geometry tells:

- the line reaches the right edge of the page's text block (within 2 characters), and
- the next line starts at the left edge (no first-line indent, not centred or
  right-aligned), is set in the same font size, and does not start with a numbering
  marker (一、 （一） 1． …), and
- the line is not an addressee line (a colon after no full stop: 各区人民政府，市直各单位：).

When the text layer gives no usable geometry, the text tells instead: a line that does not
end a sentence (。！？；：…) is joined to a next line that does not start with a marker.
Either way, a paragraph does not end inside a bracket: a line that leaves a （ or 〔 open is
joined to the next line unless that line starts with a marker (a responsibility clause
wrapped over a line break stays one clause, whatever the geometry says).
docs/inputs.md has the measurements behind this choice.

Geometry is measured on the characters' loose boxes (their advance widths, from the PDF's
font metrics), not on the ink: a viewer that substitutes a system font for a non-embedded
CJK font draws a full-width （ or “ with its ink in the right half of the box, which would
move a wrapped line's start off the left edge.

Dropped: page numbers (a first or last line of a page that is only a number such as
``— 3 —`` or ``第3页 共5页``), running headers and footers (the same first or last line on
several pages but for its numbers, in a size other than the body's), empty lines. Not
handled: scanned pages (no text layer: InputError), multi-column layouts, tables (their
cells come out one per line).
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from gdplan.errors import InputError
from gdplan.read.lines import clean_line, join_lines

# A numbering marker at the start of a line: the families of DOMAIN.md §2, loosely.
_CN_NUM = "一二三四五六七八九十百零〇"
_PINYIN = r"(?:[(（][a-zü\u00e0-\u01dc]{1,7}[)）])?"  # 一(yī)、: pinyin noise after a numeral
MARKER = re.compile(
    rf"""^\s*(?:
        [{_CN_NUM}]+{_PINYIN}\s*[、.．]
      | [（(]\s*[{_CN_NUM}\d]+\s*[）)]
      | \d+\s*[、.．﹒․·・･‧](?!\d)
      | [\u2460-\u2473\u2474-\u249b\u3280-\u3289]
      | 第[{_CN_NUM}\d]+[章节条部分篇]
    )""",
    re.X,
)
_SENTENCE_END = frozenset("。！？；：!?;:…")
_PAGE_NUMBER = re.compile(
    r"^[-—–－―\s]*\d{1,4}[-—–－―\s]*$|^第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?$|^\d+\s*/\s*\d+$"
)

# Tolerances, in character widths.
_RIGHT_EDGE_SLACK = 2.0  # a wrapped line may stop short: a half-width digit, a kinsoku shift
_HANGING_SLACK = 3.0  # lines ending this close to the rightmost one count as full
_LEFT_EDGE_SLACK = 0.5
_SIZE_TOLERANCE = 0.1
_FULL_PAGE_LINES = 5  # a page with fewer lines borrows the text-block edges of the others


@dataclass(frozen=True)
class PdfLine:
    """A printed line: its text and, when known, where it starts and ends on the page."""

    text: str
    page: int
    left: float | None = None
    right: float | None = None
    size: float | None = None  # the font size most of its characters have


def pdf_text(data: bytes, source: str) -> str:
    """The text of a PDF's text layer, one paragraph a line."""
    lines = pdf_lines(data, source)
    if not any(line.text for line in lines):
        raise InputError(
            "the PDF has no text layer (a scanned image?): gdplan cannot read it without OCR", source=source
        )
    return join_lines(paragraphs(drop_running_lines(drop_page_numbers(lines))))


def pdf_lines(data: bytes, source: str) -> list[PdfLine]:
    """Every printed line of every page, in the order of the text layer."""
    try:
        import pypdfium2 as pdfium
    except ImportError:
        raise InputError("reading PDF needs pypdfium2: pip install gdplan[pdf]", source=source) from None
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = "it is password-protected" if "password" in str(exc).lower() else str(exc)
        raise InputError(f"cannot open the PDF: {reason}", source=source) from None
    try:
        lines: list[PdfLine] = []
        for index in range(len(document)):
            page = document[index]
            lines.extend(_page_lines(page.get_textpage(), index))
        return lines
    finally:
        document.close()


def _page_lines(textpage: Any, page: int) -> Iterator[PdfLine]:
    from pypdfium2.raw import FPDFText_GetFontSize

    text: str = textpage.get_text_range()
    # Geometry needs text offsets equal to pdfium's character indices.
    with_geometry = len(text) == textpage.count_chars()
    for start, end in _line_ranges(text):
        raw = text[start:end]
        if not with_geometry:
            yield PdfLine(raw, page)
            continue
        printed = [i for i in range(start, end) if not text[i].isspace()]
        if not printed:
            yield PdfLine(raw, page)
            continue
        boxes = [textpage.get_charbox(i, loose=True) for i in printed]  # advance boxes, not ink
        size = statistics.median(FPDFText_GetFontSize(textpage.raw, i) for i in printed)
        yield PdfLine(raw, page, min(b[0] for b in boxes), max(b[2] for b in boxes), size)


def _line_ranges(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in re.finditer(r"\r\n|\r|\n", text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def drop_page_numbers(lines: Sequence[PdfLine]) -> list[PdfLine]:
    """Lines without the page numbers printed as a page's first or last line."""
    kept = [PdfLine(clean_line(line.text), line.page, line.left, line.right, line.size) for line in lines]
    kept = [line for line in kept if line.text]
    edges = set()
    for i, line in enumerate(kept):
        if i == 0 or kept[i - 1].page != line.page or i == len(kept) - 1 or kept[i + 1].page != line.page:
            edges.add(i)
    return [line for i, line in enumerate(kept) if not (i in edges and _PAGE_NUMBER.match(line.text))]


_RUNNING_BAND = 2  # a running header or footer is among a page's first or last two lines
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


def drop_running_lines(lines: Sequence[PdfLine]) -> list[PdfLine]:
    """Lines without the running headers and footers: one of a page's first (or last) two
    lines that is among the first (or last) two lines of other pages too, the same text but
    for its numbers (``某某市人民政府办公室文件``; a browser's ``2027/3/20 10:21 关于印发…``
    and ``https://… 2/5``), set in a size other than the body's. Without this a header came
    back inside the paragraph that a page break split.

    It must stand at the edge of at least two pages and of half the pages (a page may start
    without it). Only lines of another size than the body text are running lines: a plan's
    own lines can repeat at page edges too (a wrapped clause's tail, 按职责分工负责）), and
    they are set in the body's size. Without font sizes nothing is dropped.
    """
    pages: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        pages.setdefault(line.page, []).append(i)
    sizes = [line.size for line in lines if line.size is not None]
    if len(pages) < 2 or not sizes:
        return list(lines)
    body = PdfLine("", 0, size=statistics.median(sizes))
    needed = max(2, len(pages) // 2)
    dropped: set[int] = set()
    for band in (slice(0, _RUNNING_BAND), slice(-_RUNNING_BAND, None)):
        by_key: dict[str, dict[int, int]] = {}
        for page, indices in pages.items():
            for at in indices[band]:
                size = lines[at].size
                if size is not None and not _same_size(lines[at], body):
                    # keyed by size too: the notice title on page 1 is not the smaller header repeating it
                    key = f"{_running_key(lines[at].text)}@{round(size)}"
                    by_key.setdefault(key, {}).setdefault(page, at)
        for found in by_key.values():
            if len(found) >= needed:
                dropped.update(found.values())
    return [line for i, line in enumerate(lines) if i not in dropped]


def _running_key(text: str) -> str:
    return _SPACES.sub("", _DIGITS.sub("#", text))


def paragraphs(lines: Sequence[PdfLine]) -> list[str]:
    """Join the lines a page wrapped; one paragraph a line."""
    if not lines:
        return []
    geometric = all(line.left is not None and line.right is not None for line in lines)
    wrapped = _wrapped_by_geometry(lines) if geometric else _wrapped_by_text(lines)
    out: list[str] = [lines[0].text]
    for i in range(1, len(lines)):
        if wrapped[i - 1] or (_leaves_bracket_open(out[-1]) and not MARKER.match(lines[i].text)):
            out[-1] = _glue(out[-1], lines[i].text)
        else:
            out.append(lines[i].text)
    return out


# The brackets responsibility clauses use; a page's 【打印】【字体: buttons leave 【 open.
_OPENING = "（(〔"
_CLOSING = "）)〕"


def _leaves_bracket_open(text: str) -> bool:
    """The text opens a bracket it does not close and has begun its content:
    （省林业局牵头，省发展改革委、 — not a page's 字体:【 whose bracket ends the line."""
    opened: list[int] = []
    for i, ch in enumerate(text):
        if ch in _OPENING:
            opened.append(i)
        elif ch in _CLOSING and opened:
            opened.pop()
    return bool(opened) and len(text) - opened[0] > 2


def _wrapped_by_text(lines: Sequence[PdfLine]) -> list[bool]:
    """Line i continues on line i+1: it does not end a sentence, the next has no marker."""
    return [
        i + 1 < len(lines) and lines[i].text[-1] not in _SENTENCE_END and not MARKER.match(lines[i + 1].text)
        for i in range(len(lines))
    ]


def _wrapped_by_geometry(lines: Sequence[PdfLine]) -> list[bool]:
    """Line i continues on line i+1: it fills the line to the right edge, the next starts at the left edge."""
    width = _char_width(lines)
    edges = _page_edges(lines, width)
    result = []
    for i, line in enumerate(lines):
        if i + 1 == len(lines):
            result.append(False)
            break
        following = lines[i + 1]
        left_edge, _ = edges[following.page]
        _, right_edge = edges[line.page]
        assert line.right is not None and following.left is not None
        result.append(
            line.right >= right_edge - _RIGHT_EDGE_SLACK * width
            and following.left <= left_edge + _LEFT_EDGE_SLACK * width
            and _same_size(line, following)
            and not MARKER.match(following.text)
            and not _ends_address(line.text)
        )
    return result


def _ends_address(text: str) -> bool:
    """各区人民政府，市直各单位： — the addressee line ends its paragraph, even when it
    fills the line and the body below starts flush (no first-line indent)."""
    return text.endswith((":", "：")) and "。" not in text


def _same_size(line: PdfLine, following: PdfLine) -> bool:
    """Both lines in one font size (a title set larger is not its next line's paragraph)."""
    if line.size is None or following.size is None or max(line.size, following.size) <= 0:
        return True
    return abs(line.size - following.size) <= _SIZE_TOLERANCE * max(line.size, following.size)


def _page_edges(lines: Sequence[PdfLine], width: float) -> dict[int, tuple[float, float]]:
    """The left and right edge of each page's text block.

    The left edge is where the lines start at the least. The right edge is the median end
    of the lines that end near the rightmost one: CJK typesetting lets closing punctuation
    hang past the margin, so the rightmost end alone overstates the block.
    A page with few lines (the last page: a signature, a date) cannot show its block's
    edges; it takes the median edges of the fuller pages.
    """
    pages: dict[int, list[PdfLine]] = {}
    for line in lines:
        pages.setdefault(line.page, []).append(line)
    edges = {page: _block_edges(page_lines, width) for page, page_lines in pages.items()}
    full = [edges[page] for page, page_lines in pages.items() if len(page_lines) >= _FULL_PAGE_LINES]
    if not full:
        return edges
    typical = (statistics.median(e[0] for e in full), statistics.median(e[1] for e in full))
    return {page: edges[page] if len(pages[page]) >= _FULL_PAGE_LINES else typical for page in pages}


def _block_edges(lines: Sequence[PdfLine], width: float) -> tuple[float, float]:
    lefts = [line.left for line in lines if line.left is not None]
    rights = [line.right for line in lines if line.right is not None]
    rightmost = max(rights)
    return min(lefts), statistics.median(r for r in rights if r >= rightmost - _HANGING_SLACK * width)


def _char_width(lines: Sequence[PdfLine]) -> float:
    """A typical character width: the median width per character of the longer lines."""
    widths = [
        (line.right - line.left) / len(line.text)
        for line in lines
        if line.left is not None and line.right is not None and len(line.text) >= 10
    ]
    return statistics.median(widths) if widths else 10.0


def _glue(head: str, tail: str) -> str:
    # Latin words wrapped at a space get the space back; CJK text and digits join directly.
    if head[-1:].isascii() and head[-1:].isalpha() and tail[:1].isascii() and tail[:1].isalpha():
        return f"{head} {tail}"
    return head + tail
