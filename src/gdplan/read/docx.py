"""DOCX → the document's text, one paragraph a line (python-docx opens the package).

Kept: the body's paragraphs and tables in order (also inside content controls); Word's
automatic numbering rendered as the label it prints (``一、`` ``（一）`` ``1．``, see
:mod:`gdplan.read.wordnum`); a line break inside a paragraph (``w:br``) as a new line;
tracked insertions; hyperlink and field-result text. A table of data becomes one
``cell | cell |`` line per row (vertically merged continuation cells left out); a table
that only lays out the page (no two rows with two filled cells) is read as paragraphs.

Dropped: page headers and footers, footnotes, comments, text boxes, tracked deletions,
field codes, hidden text (``w:vanish``), bullets.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from collections.abc import Iterator

from lxml import etree

from gdplan.errors import InputError
from gdplan.limits import DEFAULT_LIMITS, ZIP_RATIO_FLOOR, Limits, size_text
from gdplan.read.lines import clean_line, join_lines, table_row
from gdplan.read.wordnum import Element, Label, WordNumbering, w, wval

_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
# Subtrees whose text is not the paragraph's: properties, field codes, deleted text,
# the fallback copy of alternate content, text boxes, note and comment references.
_SKIP = frozenset(
    {
        w("pPr"), w("rPr"), w("instrText"), w("delInstrText"), w("delText"), w("del"), w("fldData"),
        w("txbxContent"), w("footnoteReference"), w("endnoteReference"), w("commentReference"),
        f"{{{_MC}}}Fallback",
    }
)  # fmt: skip
_LINE_BREAKS = frozenset({w("br"), w("cr")})
_SPACES = frozenset({w("tab"), w("ptab")})


def docx_text(data: bytes, source: str, limits: Limits = DEFAULT_LIMITS) -> str:
    """The text of a DOCX file: one paragraph a line, tables as ``cell | cell |`` lines."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    check_zip(data, source, limits)
    if _is_strict(data):
        raise InputError(
            "is a Strict Open XML document, which gdplan cannot read: "
            "save it in Word as a Word Document (*.docx)",
            source=source,
        )
    try:
        document = docx.Document(io.BytesIO(data))
        numbering_part = _numbering_element(document)
        styles = document.styles.element
    except (
        ValueError,
        KeyError,
        zipfile.BadZipFile,
        etree.XMLSyntaxError,
        PackageNotFoundError,
    ) as exc:
        raise InputError(f"cannot open the DOCX file: {exc}", source=source) from None
    numbering = WordNumbering.from_xml(numbering_part, styles)
    return join_lines(_block_lines(document.element.body, numbering))


def check_zip(data: bytes, source: str, limits: Limits) -> None:
    """Refuse a package that would inflate past the limits, before inflating anything.

    The zip directory declares each member's sizes; zipfile never inflates a member past
    its declared size (more fails the CRC check), so the declared sizes bound the memory.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(f"cannot open the DOCX file: {exc}", source=source) from None
    total = sum(m.file_size for m in members)
    if limits.max_unzipped is not None and total > limits.max_unzipped:
        raise InputError(
            f"the DOCX file would unpack to {size_text(total)}, over the limit of "
            f"{size_text(limits.max_unzipped)} (a zip bomb? raise --max-bytes if it is genuine)",
            source=source,
        )
    if limits.max_zip_ratio is None:
        return
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > ZIP_RATIO_FLOOR and ratio > limits.max_zip_ratio:
            raise InputError(
                f"the DOCX member {member.filename} inflates {ratio:.0f} times "
                f"({size_text(member.compress_size)} → {size_text(member.file_size)}): "
                "a zip bomb, not a document",
                source=source,
            )


# Word's "Strict Open XML Document" writes the ISO 29500 strict namespaces, which python-docx
# does not know: its package relationships name the main part in this namespace.
_STRICT_RELATIONSHIPS = b"http://purl.oclc.org/ooxml/officeDocument/relationships"


def _is_strict(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        try:
            info = archive.getinfo("_rels/.rels")
        except KeyError:
            return False
        return info.file_size < (1 << 20) and _STRICT_RELATIONSHIPS in archive.read(info)


def _numbering_element(document: object) -> Element | None:
    """numbering.xml's root, or None when the document has no numbering part."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    part = document.part  # type: ignore[attr-defined]
    for rel in part.rels.values():
        if rel.reltype == RT.NUMBERING and not rel.is_external:
            element: Element = rel.target_part.element
            return element
    return None


def _blocks(container: Element) -> Iterator[Element]:
    """Paragraphs and tables of a container in order, looking into content controls."""
    for child in container:
        if child.tag in (w("p"), w("tbl")):
            yield child
        elif child.tag == w("sdt"):
            content = child.find(w("sdtContent"))
            if content is not None:
                yield from _blocks(content)
        elif child.tag == w("customXml"):
            yield from _blocks(child)


def _block_lines(container: Element, numbering: WordNumbering) -> Iterator[str]:
    for block in _blocks(container):
        if block.tag == w("p"):
            yield from _paragraph_lines(block, numbering)
        else:
            yield from _table_lines(block, numbering)


def _paragraph_lines(paragraph: Element, numbering: WordNumbering) -> list[str]:
    label = numbering.paragraph_label(paragraph)
    lines = _paragraph_text(paragraph).split("\n")
    if label is not None:
        lines[0] = _with_label(label, clean_line(lines[0]))
    return lines


def _with_label(label: Label, text: str) -> str:
    # A tab or space after 一、 or （一） is layout, not text: the parser reads 一、加快… as printed.
    if label.suffix == "nothing" or not text or unicodedata.category(label.text[-1]).startswith("P"):
        return label.text + text
    return f"{label.text} {text}"


def _paragraph_text(paragraph: Element) -> str:
    parts: list[str] = []
    _collect(paragraph, parts)
    return "".join(parts)


def _collect(element: Element, parts: list[str]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == w("t"):
            parts.append(child.text or "")
        elif tag in _LINE_BREAKS:
            parts.append("\n")
        elif tag in _SPACES:
            parts.append(" ")
        elif tag == w("noBreakHyphen"):
            parts.append("-")
        elif tag == w("r") and _hidden(child):
            continue
        else:
            _collect(child, parts)


def _hidden(run: Element) -> bool:
    vanish = run.find(f"{w('rPr')}/{w('vanish')}")
    return vanish is not None and wval(vanish) not in ("0", "false", "off")


def _table_lines(table: Element, numbering: WordNumbering) -> list[str]:
    rows = [[_cell_lines(cell, numbering) for cell in _cells(row)] for row in _rows(table)]
    if _is_data_table(rows):
        return [table_row(" ".join(lines) for lines in cells) for cells in rows]
    return [line for cells in rows for lines in cells for line in lines]


def _rows(table: Element) -> list[Element]:
    return [row for row in table.iter(w("tr")) if _owning_table(row) is table]


def _cells(row: Element) -> list[Element]:
    cells = [cell for cell in row.iter(w("tc")) if _owning_row(cell) is row]
    return [cell for cell in cells if not _merge_continuation(cell)]


def _owning_table(row: Element) -> Element | None:
    return next((a for a in row.iterancestors(w("tbl"))), None)


def _owning_row(cell: Element) -> Element | None:
    return next((a for a in cell.iterancestors(w("tr"))), None)


def _merge_continuation(cell: Element) -> bool:
    """A cell that continues a vertical merge: its text is the cell above's, already read."""
    vmerge = cell.find(f"{w('tcPr')}/{w('vMerge')}")
    return vmerge is not None and wval(vmerge) in (None, "continue")


def _cell_lines(cell: Element, numbering: WordNumbering) -> list[str]:
    return [cleaned for line in _block_lines(cell, numbering) if (cleaned := clean_line(line))]


def _is_data_table(rows: list[list[list[str]]]) -> bool:
    """Rows of several filled cells; a table with at most one such row only lays out text."""
    return sum(1 for cells in rows if sum(1 for lines in cells if lines) >= 2) >= 2
