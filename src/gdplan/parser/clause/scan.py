"""Bracket-aware scanning of the analysis text: splitting, trimming, matching.

Every function takes the string and a ``[start, end)`` range and returns offsets into the
same string, so callers keep absolute offsets without copying text.
"""

from __future__ import annotations

import functools
import re

from gdplan.parser.clause.types import Offsets
from gdplan.parser.lazy import lazy

# Full-width forms are folded to ASCII in the analysis text; they are listed anyway so a
# caller that skips the folding still splits correctly. 《》 count so a title never splits.
OPENERS = "(（〔[【<＜《〈"
CLOSERS = ")）〕]】>＞》〉"
PAIR = dict(zip(CLOSERS, OPENERS, strict=True))
SPACE = " \t\r\n\u3000\u00a0"


def trim(text: str, start: int, end: int, chars: str = SPACE) -> Offsets:
    """The range without leading and trailing ``chars``."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


_BRACKET = lazy("[" + re.escape(OPENERS + CLOSERS) + "]")


@functools.cache  # one pattern per set of separators the code splits at (a handful)
def _splitter(seps: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(OPENERS + CLOSERS + seps) + "]")


def split_top(text: str, start: int, end: int, seps: str) -> list[Offsets]:
    """Split at the characters of ``seps`` that stand outside every bracket (untrimmed)."""
    # Only brackets and separators matter: let the regex engine skip everything else.
    parts: list[Offsets] = []
    depth = 0
    begin = start
    for m in _splitter(seps).finditer(text, start, end):
        ch = m.group()
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            depth = max(depth - 1, 0)
        elif depth == 0:
            i = m.start()
            parts.append((begin, i))
            begin = i + 1
    parts.append((begin, end))
    return parts


def top_level(text: str, start: int, end: int) -> list[bool]:
    """For each position of the range: True when it stands outside every bracket."""
    flags = [True] * (end - start)
    depth = 0
    inside_from = 0
    for m in _BRACKET.finditer(text, start, end):
        i = m.start() - start
        if m.group() in OPENERS:
            if depth == 0:
                inside_from = i + 1  # the opener itself stands outside
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                flags[inside_from:i] = [False] * (i - inside_from)  # the closer stands outside
    if depth > 0:
        flags[inside_from:] = [False] * (len(flags) - inside_from)
    return flags


def inner_spans(text: str, start: int, end: int) -> list[Offsets]:
    """The insides of the outermost bracket groups of the range (a group left open runs to
    ``end``): the positions that ``top_level`` flags False, as ranges."""
    spans: list[Offsets] = []
    depth = 0
    inside_from = 0
    for m in _BRACKET.finditer(text, start, end):
        if m.group() in OPENERS:
            if depth == 0:
                inside_from = m.end()
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                spans.append((inside_from, m.start()))
    if depth > 0:
        spans.append((inside_from, end))
    return spans


def is_top(spans: list[Offsets], pos: int) -> bool:
    """``pos`` stands outside every bracket, given the range's ``inner_spans``."""
    return not any(s <= pos < e for s, e in spans)


def has_bracket(text: str, start: int, end: int) -> bool:
    return _BRACKET.search(text, start, end) is not None


def open_of(text: str, close: int, lo: int) -> int | None:
    """The opener that matches the closer at ``close``, searching back to ``lo``."""
    stack: list[str] = []
    # only brackets matter: collect them in C, walk them backwards
    for m in reversed(list(_BRACKET.finditer(text, lo, close + 1))):
        ch = m.group()
        if ch in CLOSERS:
            stack.append(PAIR[ch])
        elif stack and (stack[-1] == ch or ch not in "<＜"):
            # the same kind, or a different kind of opener: tolerate a mismatched pair (…〕
            stack.pop()
            if not stack:
                return m.start()
    return None


def close_of(text: str, open_: int, hi: int) -> int | None:
    """The closer that matches the opener at ``open_``, searching forward to ``hi``."""
    depth = 0
    for m in _BRACKET.finditer(text, open_, hi):
        if m.group() in OPENERS:
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return m.start()
    return None


def strip_trailing_groups(text: str, start: int, end: int) -> int:
    """End of the range once bracket groups at its end are cut: 各镇(街) → 各镇."""
    while end > start and text[end - 1] in CLOSERS:
        opener = open_of(text, end - 1, start)
        if opener is None or opener == start:
            break
        end = opener
    return end


def unclosed_opener(text: str, start: int, end: int) -> int | None:
    """The outermost opener left open at the end of the range (a text cut inside brackets)."""
    stack: list[int] = []
    for m in _BRACKET.finditer(text, start, end):
        if m.group() in OPENERS:
            stack.append(m.start())
        elif stack:
            stack.pop()
    return stack[0] if stack else None
