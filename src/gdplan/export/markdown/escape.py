"""Escaping text so that Markdown shows it as it is, and reading it back exactly.

Two mechanisms, both CommonMark: a backslash before ASCII punctuation that Markdown
would act on, and numeric character references (``&#32;``) for what a backslash cannot
protect: spaces and tabs at the ends of a line (Markdown strips them), line breaks inside
one-line fields, control characters, and separators of the layout (``、`` between units)
that occur inside a value. A renderer shows every reference as its character.
"""

from __future__ import annotations

import functools
import html.entities
import re

# ASCII characters Markdown (CommonMark + GFM tables, strikethrough, math) may act on
# anywhere in a line; ``&`` is escaped so that every bare ``&`` starts a reference.
_ACTIVE = frozenset("\\`*_[]<>#&|~$")
# characters that are never written literally: line structure and invisible controls
_ALWAYS_REFERENCED = frozenset(
    [chr(c) for c in range(0x20) if c != 0x09] + ["\x7f", "\x85", "\u2028", "\u2029"]
)
_LINE_END_SPACE = " \t"
_ORDERED_LIST_START = re.compile(r"\d{1,9}[.)]")
_BLOCK_START = frozenset("-+=")  # list bullets, setext underlines
# what escape_line may change in a line of a block: a character anywhere (a line break
# separates lines and is not one), and what it changes at a line's start or end
_BLOCK_MAY_ESCAPE = re.compile(
    "[" + "".join(re.escape(char) for char in sorted((_ACTIVE | _ALWAYS_REFERENCED) - {"\n"})) + "]"
)
# (searched in "\n" + text, so that every line follows a line break: a literal the search
# skips to fast; a digit starts an ordered list only with [.)] after it, so this says "maybe")
_LINE_START_MAY_ESCAPE = re.compile(r"\n[ \t\-+=\d]")
_LINE_END_MAY_ESCAPE = re.compile(r"[ \t](?:\n|\Z)")


_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])|&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")


def reference(char: str) -> str:
    """``char`` as a numeric character reference."""
    return f"&#{ord(char)};"


def escape_text(text: str, *, extra: str = "") -> str:
    """One-line field: every Markdown-active character and every char in ``extra`` protected."""
    if may_escape(extra).search(text) is None and not (
        text and (text[0] in _LINE_END_SPACE or text[-1] in _LINE_END_SPACE)
    ):
        return text  # the common case: nothing to protect
    body_start = len(text) - len(text.lstrip(_LINE_END_SPACE))
    body_end = len(text.rstrip(_LINE_END_SPACE))
    out: list[str] = []
    for index, char in enumerate(text):
        at_edge = index < body_start or index >= body_end  # Markdown strips these
        if at_edge or char in _ALWAYS_REFERENCED or char in extra:
            out.append(reference(char))
        elif char in _ACTIVE:
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


@functools.cache
def may_escape(extra: str) -> re.Pattern[str]:
    """Any character escape_text may change wherever it stands (a space or tab changes only at
    the ends of the text, unless ``extra`` names it): a text without one is written as it is."""
    chars = sorted(_ACTIVE | _ALWAYS_REFERENCED | set(extra))
    return re.compile("[" + "".join(re.escape(char) for char in chars) + "]")


def escape_line(line: str) -> str:
    """A line of a text block: also keep it from starting a list, quote or heading."""
    escaped = escape_text(line)
    if escaped[:1] in _BLOCK_START:
        return "\\" + escaped
    match = _ORDERED_LIST_START.match(escaped)
    if match:
        end = match.end() - 1
        return escaped[:end] + "\\" + escaped[end:]
    return escaped


def escape_block(text: str) -> str:
    """A multi-line text (a body, the preamble): one escaped line per line, blank lines kept."""
    if (
        _BLOCK_MAY_ESCAPE.search(text) is None
        and _LINE_START_MAY_ESCAPE.search("\n" + text) is None
        and _LINE_END_MAY_ESCAPE.search(text) is None
    ):
        return text  # the common case: no line has anything to protect
    return "\n".join(escape_line(line) for line in text.split("\n"))


def unescape(raw: str) -> str:
    """Undo :func:`escape_text` (and read any CommonMark escape or character reference)."""
    return _UNESCAPE.sub(_unescape_one, raw)


def _unescape_one(match: re.Match[str]) -> str:
    if match.group(1) is not None:
        return match.group(1)
    name = match.group(2)
    if name.startswith(("#x", "#X")):
        return _code_point(int(name[2:], 16), match.group(0))
    if name.startswith("#"):
        return _code_point(int(name[1:]), match.group(0))
    return html.entities.html5.get(name + ";", match.group(0))


def _code_point(value: int, written: str) -> str:
    return chr(value) if value <= 0x10FFFF else written


def find_unescaped(raw: str, char: str) -> int:
    """Index of the first ``char`` in ``raw`` that is not backslash-escaped, or -1."""
    index = 0
    while index < len(raw):
        if raw[index] == "\\":
            index += 2
            continue
        if raw[index] == char:
            return index
        index += 1
    return -1
