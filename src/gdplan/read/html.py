"""HTML pages saved from government sites → the document's text, one paragraph a line.

1. Decode: a BOM, else valid UTF-8, else the ``<meta>`` charset (checked for plausibility),
   else the plain-text rules of :mod:`gdplan.read.decode`.
2. Clean: drop what is never the document (scripts, styles, forms' controls, ``<nav>``,
   ``<aside>``, page-level ``<header>``/``<footer>``, hidden elements, elements whose
   class or id says navigation/footer/sidebar, and link-dense blocks such as breadcrumbs
   and "related articles" lists).
3. Find the main block: from ``<body>`` go down into the child that holds most (≥ 75 %) of
   the CJK text, and stop where the text spreads over several children (or at a data
   table): that is the core of the document. Widen it to the largest ancestor with at
   most 30 % more CJK text (the title, the 来源/发布时间 line, a paragraph after a table),
   never past the cell of a layout table (the other cells are the page's other regions).
   If the title is still outside, reach back to the nearest title heading before it
   (``<h1>``-``<h3>`` or a ``title``-classed element), with the lines between.
4. Lines: block elements and ``<br>`` end a line; data tables become ``cell | cell |``
   lines (a flattened table, as the parser expects); layout tables are read as blocks.
"""

from __future__ import annotations

import codecs
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

import lxml.html
from lxml import etree

from gdplan.errors import DecodeError, InputError
from gdplan.read.decode import BIG5, GB18030, Decoded, decode, decode_plausibly
from gdplan.read.lines import clean_line, is_cjk, join_lines, table_row

Element = etree._Element

# ---------------------------------------------------------------------------------------
# decoding
# ---------------------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_CHARSET_ALIASES = {
    "gb2312": GB18030,
    "gbk": GB18030,
    "x-gbk": GB18030,
    "gb_2312-80": GB18030,
    "cp936": GB18030,
    "euc-cn": GB18030,
    "gb18030": GB18030,
    "big5": BIG5,
    "x-x-big5": BIG5,
    "cp950": BIG5,
    "big5-hkscs": "big5hkscs",
    "utf8": "utf-8",
    "utf-8": "utf-8",
}
_LEGACY_CJK = frozenset({GB18030, BIG5, "big5hkscs"})
_UNICODE_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decode_html(data: bytes, source: str) -> Decoded:
    """Bytes of a page → text: BOM, valid UTF-8, the declared charset, then detection."""
    declared = declared_charset(data)
    if declared in _LEGACY_CJK and not data.startswith(_UNICODE_BOMS) and not _is_utf8(data):
        # The page says GBK or Big5: take it at its word when the text is plausible.
        text = decode_plausibly(data, declared)
        if text is not None:
            return Decoded(text, declared)
    try:
        return decode(data, source)
    except DecodeError as detection_error:
        # Detection refused; a charset the page declares (Shift_JIS, KOI8-R …) may still fit.
        if declared is None:
            raise
        try:
            text = data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            raise detection_error from None
        return Decoded(text, declared)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def declared_charset(data: bytes) -> str | None:
    """The Python codec of the charset a ``<meta>`` tag declares in the first 4 KB, if any."""
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    return charset_codec(match.group(1).decode("ascii"))


def charset_codec(name: str | None) -> str | None:
    """The Python codec of a charset name as pages and MIME headers write it, if known."""
    if name is None:
        return None
    name = name.lower()
    if name in _CHARSET_ALIASES:
        return _CHARSET_ALIASES[name]
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


# ---------------------------------------------------------------------------------------
# cleaning
# ---------------------------------------------------------------------------------------

_DROP_TAGS = frozenset(
    {
        "head", "script", "style", "noscript", "template", "nav", "aside", "iframe", "frame",
        "object", "embed", "svg", "canvas", "map", "select", "button", "input", "textarea",
        "option", "audio", "video", "link", "meta",
    }
)  # fmt: skip
_PAGE_FURNITURE_TAGS = frozenset({"header", "footer"})  # dropped unless inside <article>/<main>
_FURNITURE_NAME = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|footer|foot|copyright|sidebar|share|toolbar|pagination)"
    r"(?:$|[\s_-])",
    re.I,
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_LINK_DENSE_TAGS = frozenset({"div", "ul", "ol", "dl", "table", "p", "td", "li", "section", "span", "tr"})
_LINK_DENSITY = 0.6
_TOOLBAR_MAX_TEXT = 10  # 【字体：大 中 小】, 上一篇 下一篇: links with under 10 other characters


# A page may hide its article until a script reveals it (WeChat's js_content starts with
# visibility:hidden): a hidden element holding this share of the page's CJK text is the
# document, not furniture.
_REVEALED_SHARE = 0.6  # more than half: a hidden second copy of a shown article stays dropped


def _clean(root: Element) -> None:
    """Remove every element that is page furniture, in place."""
    for element in _furniture(root):
        _remove(element)


class _PageText:
    """The page's CJK character count, counted once when first asked (few pages hide anything)."""

    def __init__(self, root: Element) -> None:
        self._root = root
        self._total: int | None = None

    def holds_most(self, element: Element) -> bool:
        if self._total is None:
            self._total = _cjk(_text(self._root))
        return self._total > 0 and _cjk(_text(element)) >= _REVEALED_SHARE * self._total


def _furniture(element: Element) -> list[Element]:
    """The outermost furniture elements under ``element`` (not descending into them).

    An explicit stack, not recursion: a page may nest elements thousands deep.
    """
    found: list[Element] = []
    page = _PageText(element)
    stack = [element]
    while stack:
        parent = stack.pop()
        keep = []
        for child in parent:  # (a tag that is no str: a comment, a processing instruction)
            if not isinstance(child.tag, str) or _is_furniture(child, page):
                found.append(child)
            else:
                keep.append(child)
        stack.extend(reversed(keep))
    return found


def _is_furniture(element: Element, page: _PageText) -> bool:
    tag = str(element.tag).lower()
    if tag in _DROP_TAGS:
        return True
    if tag in _PAGE_FURNITURE_TAGS and not any(a.tag in ("article", "main") for a in element.iterancestors()):
        return True
    if element.get("hidden") is not None:
        return True
    if _HIDDEN_STYLE.search(element.get("style", "")) and not page.holds_most(element):
        return True
    names = f"{element.get('class', '')} {element.get('id', '')}"
    if _FURNITURE_NAME.search(names):
        return True
    return tag in _LINK_DENSE_TAGS and _link_dense(element)


def _link_dense(element: Element) -> bool:
    """Mostly links (a menu, a breadcrumb, a related list), or links with a few words (a tool bar)."""
    links = element.findall(".//a")
    if len(links) < 2:
        return False
    total = _visible_length(_text(element))
    linked = sum(_visible_length(_text(a)) for a in links)
    return total > 0 and (linked >= _LINK_DENSITY * total or total - linked < _TOOLBAR_MAX_TEXT)


def _text(element: Element) -> str:
    return "".join(str(piece) for piece in element.itertext())


def _visible_length(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def _remove(element: Element) -> None:
    """Remove ``element`` but keep its tail text (it belongs to the parent)."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail and tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


# ---------------------------------------------------------------------------------------
# the main block
# ---------------------------------------------------------------------------------------

_DESCEND_SHARE = 0.75  # go into a child holding at least this share of the CJK text
_REGION_MAX_GROWTH = 1.3  # widen the core to the largest ancestor with at most 30 % more text
_HEAD_MAX_SHARE = 0.3  # the title and metadata before the block: at most this much of it
_HEAD_MAX_LINES = 12
_TITLE_TAGS = frozenset({"h1", "h2", "h3"})
_TITLE_NAME = re.compile(r"title|biaoti", re.I)


def _cjk_counts(root: Element) -> dict[Element, int]:
    """CJK characters under each element (its text, its children's and their tails)."""
    order: list[Element] = []
    stack = [root]
    while stack:  # pre-order, iteratively: a page may nest elements thousands deep
        element = stack.pop()
        order.append(element)
        stack.extend(c for c in element if isinstance(c.tag, str))
    counts: dict[Element, int] = {}
    for element in reversed(order):  # children before their parent
        total = _cjk(element.text)
        for child in element:
            if isinstance(child.tag, str):
                total += counts[child]
            total += _cjk(child.tail)
        counts[element] = total
    return counts


def _cjk(text: str | None) -> int:
    return sum(1 for ch in text if is_cjk(ch)) if text else 0


def _main_block(body: Element, counts: dict[Element, int]) -> Element:
    """The element that holds the document: its core, widened to what surrounds it closely."""
    core = _core(body, counts)
    region = core
    for ancestor in core.iterancestors():
        # A layout table's cells are the page's regions: the document stays in its cell.
        if ancestor.tag in ("tr", "tbody", "thead", "tfoot", "table"):
            break
        if counts.get(ancestor, 0) > _REGION_MAX_GROWTH * counts[core]:
            break
        region = ancestor
        if ancestor is body:
            break
    return region


def _core(body: Element, counts: dict[Element, int]) -> Element:
    """Go down into the child holding most of the CJK text until the text spreads out."""
    block = body
    while not _is_data_table(block):
        children = [c for c in block if isinstance(c.tag, str)]
        if not children or counts[block] == 0:
            break
        best = max(children, key=lambda c: counts[c])
        if counts[best] < _DESCEND_SHARE * counts[block]:
            break
        block = best
    return block


def _is_title(element: Element) -> bool:
    for node in (element, *element.iterancestors()):
        if not isinstance(node.tag, str) or node.tag in ("body", "html"):
            return False
        if node.tag in _TITLE_TAGS or _TITLE_NAME.search(f"{node.get('class', '')} {node.get('id', '')}"):
            return True
    return False


# ---------------------------------------------------------------------------------------
# lines
# ---------------------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hr", "html", "legend", "li", "main", "ol", "p", "pre",
        "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


@dataclass
class _Line:
    text: str
    owner: Element  # the block element the line came from


@dataclass
class _LineWriter:
    """Collects text into lines, remembering which element each line came from."""

    lines: list[_Line] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    owner: Element | None = None

    def write(self, text: str | None, owner: Element, *, preformatted: bool = False) -> None:
        if not text:
            return
        if not preformatted:
            self._append(_HTML_SPACE.sub(" ", text), owner)
            return
        for i, piece in enumerate(text.split("\n")):
            if i:
                self.end_line()
            self._append(piece, owner)

    def _append(self, text: str, owner: Element) -> None:
        if not text:
            return
        if self.owner is None:
            self.owner = owner
        self.parts.append(text)

    def end_line(self) -> None:
        text = clean_line("".join(self.parts))
        if text and self.owner is not None:
            self.lines.append(_Line(text, self.owner))
        self.parts = []
        self.owner = None

    def add_line(self, text: str, owner: Element) -> None:
        self.end_line()
        if text:
            self.lines.append(_Line(text, owner))


def _write(element: Element, out: _LineWriter, *, preformatted: bool = False) -> None:
    """Write ``element``'s lines: a depth-first walk with an explicit stack (no recursion limit)."""
    todo: list[tuple[Element, bool] | Callable[[], None]] = [(element, preformatted)]
    while todo:
        item = todo.pop()
        if callable(item):
            item()
            continue
        node, pre_above = item
        tag = str(node.tag).lower()
        if tag == "br":
            out.end_line()
            continue
        if tag == "table" and _is_data_table(node):
            out.end_line()
            for row in _rows(node):
                out.add_line(table_row(_cell_text(cell) for cell in _cells(row)), row)
            continue
        block = tag in _BLOCK_TAGS
        pre = pre_above or tag in ("pre", "textarea", "plaintext", "xmp")
        if block:
            out.end_line()
        out.write(node.text, node, preformatted=pre)
        later: list[tuple[Element, bool] | Callable[[], None]] = []
        for child in node:
            if isinstance(child.tag, str):
                later.append((child, pre))
            if child.tail:
                later.append(functools.partial(out.write, child.tail, node, preformatted=pre))
        if block:
            later.append(out.end_line)
        todo.extend(reversed(later))


def _rows(table: Element) -> list[Element]:
    return _elements(table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"))


def _cells(row: Element) -> list[Element]:
    return _elements(row.xpath("./td|./th"))


def _elements(result: object) -> list[Element]:
    return [item for item in result if isinstance(item, etree._Element)] if isinstance(result, list) else []


def _cell_text(cell: Element) -> str:
    out = _LineWriter()
    _write(cell, out)
    out.end_line()
    return " ".join(line.text for line in out.lines)


def _is_data_table(element: Element) -> bool:
    """A table of data (rows of several filled cells), not one that lays out the page."""
    if element.tag != "table" or element.find(".//table") is not None:
        return False
    filled_rows = sum(1 for row in _rows(element) if sum(1 for c in _cells(row) if _text(c).strip()) >= 2)
    return filled_rows >= 2


# ---------------------------------------------------------------------------------------
# the reader
# ---------------------------------------------------------------------------------------

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def html_text(markup: str, source: str) -> str:
    """The document's text in a page: one paragraph a line, tables as ``cell | cell |`` lines."""
    return read_html(markup, source)[0]


def read_html(markup: str, source: str) -> tuple[str, tuple[str, ...]]:
    """The document's text and what reading it dropped or doubted (for diagnostics)."""
    lines, warnings = _document_lines(markup, source)
    return join_lines(line.text for line in lines), warnings


# libxml2 builds a tree at most this deep even with huge_tree; deeper input is cut off.
MAX_TREE_DEPTH = 2048


def _document_lines(markup: str, source: str) -> tuple[list[_Line], tuple[str, ...]]:
    markup = _XML_DECLARATION.sub("", markup.lstrip("\ufeff"), count=1)
    if not markup.strip():
        return [], ()
    # huge_tree: libxml2 otherwise drops, silently, everything nested more than 256 deep.
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        root = lxml.html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"cannot parse the HTML: {exc}", source=source) from None
    if any("Excessive depth" in error.message for error in parser.error_log):
        lines = [_Line(text, root) for text in _flat_lines(markup)]
        return lines, (
            f"the page nests elements more than {MAX_TREE_DEPTH} deep: read as plain text "
            "(every line kept, but page furniture such as menus may remain)",
        )
    body = root.find("body")
    if body is None:
        body = root
    _clean(body)
    block = _main_block(body, _cjk_counts(body))
    out = _LineWriter()
    _write(body, out)
    out.end_line()
    return _select(out.lines, block), ()


_FLAT_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "textarea", "select", "title"})


class _FlatText(HTMLParser):
    """Text of a page too deep for a tree: block tags end lines, cells end with `` | ``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _FLAT_SKIP:
            self._skip += 1
        elif tag == "br" or tag in _BLOCK_TAGS:
            self.end_line()

    def handle_endtag(self, tag: str) -> None:
        if tag in _FLAT_SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in ("td", "th"):
            self._parts.append(" | ")
        elif tag in _BLOCK_TAGS:
            self.end_line()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._parts.append(_HTML_SPACE.sub(" ", data))

    def end_line(self) -> None:
        text = clean_line("".join(self._parts))
        if text:
            self.lines.append(text)
        self._parts = []


def _flat_lines(markup: str) -> list[str]:
    reader = _FlatText()
    reader.feed(markup)
    reader.close()
    reader.end_line()
    return reader.lines


def _select(lines: list[_Line], block: Element) -> list[_Line]:
    """The lines of the main block, reaching back to its title heading when it lacks one."""
    inside = set(block.iter())
    indices = [i for i, line in enumerate(lines) if line.owner in inside]
    if not indices:
        return lines
    first, last = indices[0], indices[-1]
    if any(_is_title(line.owner) for line in lines[first : first + 3]):
        return lines[first : last + 1]
    budget = _HEAD_MAX_SHARE * sum(_cjk(line.text) for line in lines[first : last + 1])
    spent = 0
    for i in range(first - 1, max(first - 1 - _HEAD_MAX_LINES, -1), -1):
        spent += _cjk(lines[i].text)
        if spent > budget:
            break
        if _is_title(lines[i].owner):
            return lines[i : last + 1]
    return lines[first : last + 1]
