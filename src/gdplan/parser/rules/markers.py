"""Numbering markers, one small rule per style (GB/T 9704 levels and their common variants).

Each rule looks at the start of a segment of the analysis text (half-width, simplified)
and returns (number, end of label) or None.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from gdplan.model import MarkerStyle
from gdplan.parser.lazy import lazy
from gdplan.parser.numerals import CIRCLED, CN_NUMERAL_CHARS, circled_to_int, cn_to_int

MarkerRule = Callable[[str, int, int], tuple[int, int] | None]

_CN = f"[{CN_NUMERAL_CHARS}]{{1,4}}"
_CN_DUN = lazy(rf"({_CN})[、,.]")  # 一、 (a few copies print 一, or 一.)
_CN_PAREN = lazy(rf"[(]({_CN})[)]\s*")  # （一） (一)
# The dot after an Arabic number as copies print it: . (．folds to it), ﹒ small full stop,
# ․ one dot leader, · ・ ･ middle dots, ‧ hyphenation point.
_DOT = "[.\ufe52\u2024\u00b7\u30fb\uff65\u2027]"
# ⒈ ⒉ (U+2488…): a number and its full stop in one character.
_ARABIC_DOT = lazy(rf"(?:(\d{{1,3}}){_DOT}(?!\d)|([\u2488-\u249b]))\s*")  # 1． 1. 1﹒ ⒈ — not 2.3%
_ARABIC_DUN = lazy(r"(\d{1,3})、")  # 1、
# ⑴ ⑵ (U+2474…) are (1) (2) in one character; 1） 1) with only the closing bracket are a
# family of their own (a level apart from （1）, see marker_family).
_ARABIC_PAREN = lazy(r"(?:[(](\d{1,3})[)]|(\d{1,3})[)]|([\u2474-\u2487]))\s*")  # （1） (1) 1） ⑴
_CIRCLED = lazy(rf"([{CIRCLED}])\s*")  # ①
_CHAPTER = lazy(rf"第({_CN})(章|部分|节|篇)\s*")  # 第一章 第一部分; 第一节, 第一篇: families apart
_ARTICLE = lazy(rf"第({_CN})条\s*")  # 第一条

# The label of each style: its rule matches this first, then checks what the label says.
LABEL_PATTERNS: dict[MarkerStyle, re.Pattern[str]] = {
    MarkerStyle.CN_DUN: _CN_DUN,
    MarkerStyle.CN_PAREN: _CN_PAREN,
    MarkerStyle.ARABIC_DOT: _ARABIC_DOT,
    MarkerStyle.ARABIC_DUN: _ARABIC_DUN,
    MarkerStyle.ARABIC_PAREN: _ARABIC_PAREN,
    MarkerStyle.CIRCLED: _CIRCLED,
    MarkerStyle.CHAPTER: _CHAPTER,
    MarkerStyle.ARTICLE: _ARTICLE,
}
# Where none of the labels matches, no rule can: one match spares the rules on lines that
# are not markers (a web copy's furniture and metadata, the cover notice).
_ANY_LABEL = lazy("|".join(f"(?:{pattern.pattern})" for pattern in LABEL_PATTERNS.values()))


def _numeral_rule(pattern: re.Pattern[str], to_int: Callable[[str], int]) -> MarkerRule:
    def rule(text: str, start: int, end: int) -> tuple[int, int] | None:
        m = pattern.match(text, start, end)
        if m is None or m.end() >= end:  # a bare label with nothing after it is not a node
            return None
        try:
            number = to_int(next(g for g in m.groups() if g is not None))
        except ValueError:
            return None
        return (number, m.end()) if number > 0 else None

    return rule


def _arabic(numeral: str) -> int:
    """1 / 12, or one of the enclosed numbers ⑴…⒇ (U+2474) and ⒈…⒛ (U+2488)."""
    if len(numeral) == 1 and "\u2474" <= numeral <= "\u249b":
        return (ord(numeral) - 0x2474) % 20 + 1
    return int(numeral)


def _is_han(ch: str) -> bool:
    return len(ch) == 1 and ("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch >= "\U00020000")


_cn_dun_label = _numeral_rule(_CN_DUN, cn_to_int)


def _cn_dun_rule(text: str, start: int, end: int) -> tuple[int, int] | None:
    m = _CN_DUN.match(text, start, end)
    # "一," and "一." only count when a heading follows, not "一,二" enumerations.
    if m is None or (text[m.end() - 1] != "、" and not _is_han(text[m.end() : m.end() + 1])):
        return None
    return _cn_dun_label(text, start, end)


MARKER_RULES: tuple[tuple[MarkerStyle, MarkerRule], ...] = (
    (MarkerStyle.CN_DUN, _cn_dun_rule),
    (MarkerStyle.CN_PAREN, _numeral_rule(_CN_PAREN, cn_to_int)),
    (MarkerStyle.ARABIC_PAREN, _numeral_rule(_ARABIC_PAREN, _arabic)),
    (MarkerStyle.ARABIC_DOT, _numeral_rule(_ARABIC_DOT, _arabic)),
    (MarkerStyle.ARABIC_DUN, _numeral_rule(_ARABIC_DUN, int)),
    (MarkerStyle.CIRCLED, _numeral_rule(_CIRCLED, circled_to_int)),
    (MarkerStyle.CHAPTER, _numeral_rule(_CHAPTER, cn_to_int)),
    (MarkerStyle.ARTICLE, _numeral_rule(_ARTICLE, cn_to_int)),
)

# Where a marker may start inside a line that lost its line breaks: after a sentence end.
# The match ends where the marker starts.
# Only Chinese-numeral markers: 1. and ① after 。 are as often enumerations inside an item
# (①加强基础研究；②推进应用研究) as new items.
INLINE_MARKER_START = lazy(rf"[。;!?]\s*(?=(?:{_CN}、|[(]{_CN}[)]|第{_CN}[章条]))")


# Any marker anywhere: candidates for splitting a line that lost all its line breaks.
ANY_MARKER = lazy(rf"{_CN}、|[(]{_CN}[)]|(?<!\d)\d{{1,3}}{_DOT}(?!\d)|[{CIRCLED}]|第{_CN}[章条]")


# Within one style, labels that real plans use as levels of their own: 第一篇 > 第一章 > 第一节,
# and 1） beside （1）. The family keeps them apart in the tree; the style stays the model's.
_CHAPTER_FAMILIES = {"节": "section", "篇": "volume"}


def marker_family(style: MarkerStyle, text: str, start: int, end: int) -> str:
    """The family of the label ``text[start:end]`` within its style ("" for the usual one)."""
    if style is MarkerStyle.ARABIC_PAREN and text[start] != "(" and not "\u2474" <= text[start] <= "\u2487":
        return "closing-bracket"  # 1） 1)
    if style is MarkerStyle.CHAPTER:
        m = _CHAPTER.match(text, start, end)
        if m is not None:
            return _CHAPTER_FAMILIES.get(m.group(2), "")
    return ""


def may_start_marker(text: str, start: int, end: int) -> bool:
    """False when no marker can start at ``start``: no style's label matches there."""
    return _ANY_LABEL.match(text, start, end) is not None


def marker_at(text: str, start: int, end: int) -> tuple[MarkerStyle, int, int] | None:
    """The marker that starts at `start`, as (style, number, end of label)."""
    if not may_start_marker(text, start, end):
        return None
    for style, rule in MARKER_RULES:
        found = rule(text, start, end)
        if found is not None:
            return style, found[0], found[1]
    return None
