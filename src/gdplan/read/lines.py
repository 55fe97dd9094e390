"""What every extracting reader (HTML, DOCX, PDF) writes the same way.

The extracted text is one paragraph a line, no blank lines, each line stripped of
surrounding whitespace, and a table row is one ``cell | cell |`` line: the flattened
form the parser knows from copies of tables (DOMAIN.md §3).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# ASCII whitespace and no-break spaces inside a line collapse to one space; U+3000 (the
# ideographic space of indents and of spaced-out words like 时　效) is kept.
_INNER_SPACE = re.compile(r"[ \t\r\n\f\v\xa0\u2000-\u200a\u202f\u205f]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def clean_line(text: str) -> str:
    """One extracted line: zero-width characters removed, spaces collapsed, ends stripped."""
    return _INNER_SPACE.sub(" ", _ZERO_WIDTH.sub("", text)).strip()


def table_row(cells: Iterable[str]) -> str:
    """A table row as one line: ``cell | cell |``; empty cells (merged or blank) are left out."""
    filled = [cleaned for cell in cells if (cleaned := clean_line(cell))]
    return " ".join(f"{cell} |" for cell in filled)


def join_lines(lines: Iterable[str]) -> str:
    """The extracted text: non-empty lines, each ended by a newline."""
    kept = [cleaned for line in lines if (cleaned := clean_line(line))]
    return "".join(line + "\n" for line in kept)


def is_cjk(ch: str) -> bool:
    """A Han character (the unified ideographs, their extensions and compatibility forms)."""
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3134F
    )
