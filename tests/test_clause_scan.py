"""The bracket scanners equal their plain character-by-character definitions.

scan.py walks brackets with compiled patterns for speed; the definitions below walk every
character and are the meaning. Hypothesis draws strings rich in brackets and separators.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gdplan.parser.clause import scan
from gdplan.parser.clause.scan import CLOSERS, OPENERS, PAIR

ALPHABET = "甲乙、,;。 " + OPENERS + CLOSERS
texts = st.text(alphabet=ALPHABET, max_size=24)


def plain_top_level(text: str, start: int, end: int) -> list[bool]:
    flags = []
    depth = 0
    for i in range(start, end):
        ch = text[i]
        if ch in OPENERS:
            flags.append(depth == 0)
            depth += 1
        elif ch in CLOSERS and depth > 0:
            depth -= 1
            flags.append(depth == 0)
        else:
            flags.append(depth == 0)
    return flags


def plain_split_top(text: str, start: int, end: int, seps: str) -> list[tuple[int, int]]:
    parts, depth, begin = [], 0, start
    for i in range(start, end):
        ch = text[i]
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            depth = max(depth - 1, 0)
        elif ch in seps and depth == 0:
            parts.append((begin, i))
            begin = i + 1
    parts.append((begin, end))
    return parts


def plain_open_of(text: str, close: int, lo: int) -> int | None:
    stack: list[str] = []
    for i in range(close, lo - 1, -1):
        ch = text[i]
        if ch in CLOSERS:
            stack.append(PAIR[ch])
        elif ch in OPENERS and stack and (stack[-1] == ch or ch not in "<＜"):
            stack.pop()
            if not stack:
                return i
    return None


def plain_close_of(text: str, open_: int, hi: int) -> int | None:
    depth = 0
    for i in range(open_, hi):
        if text[i] in OPENERS:
            depth += 1
        elif text[i] in CLOSERS:
            depth -= 1
            if depth == 0:
                return i
    return None


def plain_unclosed_opener(text: str, start: int, end: int) -> int | None:
    stack: list[int] = []
    for i in range(start, end):
        if text[i] in OPENERS:
            stack.append(i)
        elif text[i] in CLOSERS and stack:
            stack.pop()
    return stack[0] if stack else None


@st.composite
def ranges(draw: st.DrawFn) -> tuple[str, int, int]:
    text = draw(texts)
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return text, start, end


@given(ranges())
def test_top_level_and_inner_spans(case: tuple[str, int, int]) -> None:
    text, start, end = case
    flags = plain_top_level(text, start, end)
    assert scan.top_level(text, start, end) == flags
    spans = scan.inner_spans(text, start, end)
    assert [scan.is_top(spans, i) for i in range(start, end)] == flags


@given(ranges(), st.sampled_from(["、", ",;", "|", ";。；"]))
def test_split_top(case: tuple[str, int, int], seps: str) -> None:
    assert scan.split_top(*case, seps) == plain_split_top(*case, seps)


@given(ranges())
def test_matching_brackets(case: tuple[str, int, int]) -> None:
    text, start, end = case
    assert scan.unclosed_opener(text, start, end) == plain_unclosed_opener(text, start, end)
    if end > start:
        assert scan.open_of(text, end - 1, start) == plain_open_of(text, end - 1, start)
        assert scan.close_of(text, start, end) == plain_close_of(text, start, end)
