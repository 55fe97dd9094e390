"""Normalization: the decoded input → text layers that share one set of offsets.

Copies of a notice carry noise that is not the document: pinyin after characters
(``人(rén)力``), ``??`` where a site lost the two U+3000 of an indent, ``\\r``. Removing
it changes offsets, so the *clean* layer keeps a map back to the input. The other layers
are the clean text converted character for character, so they share its offsets:

- ``clean``: noise removed; script and width as printed (what ``--script original`` shows);
- ``simplified``: clean in simplified script (what ``--script simplified`` shows);
- ``analysis``: simplified, full-width ASCII folded to half width, U+3000/U+00A0 → space;
  every rule of the grammar matches on this layer only.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

import regex

from gdplan.model import Span

if TYPE_CHECKING:
    from collections.abc import Callable

# Full-width ASCII, ideographic and no-break spaces, small tortoise-shell brackets: 1:1 only,
# so offsets survive (NFKC would turn some characters into several).
_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {
    0x3000: 0x20,
    0x00A0: 0x20,
    0xFE5D: 0x3014,  # ﹝ → 〔
    0xFE5E: 0x3015,  # ﹞ → 〕
    0xFF5F: 0x2985,
}

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# Pinyin in brackets right after a Han character; a tone mark tells it from an abbreviation.
_PINYIN = regex.compile(rf"(?<=\p{{Han}})[(（](?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,7}}[)）]")
# "??" (or "？？") standing where a site's two-character U+3000 indent was lost.
_LOST_INDENT = regex.compile(r"(?m)^[ \t]*[?？]{1,4}(?=[^\s?？])")
_NOISE = (_PINYIN, _LOST_INDENT, regex.compile(r"\r"))


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@lru_cache(maxsize=1)
def _t2s() -> _Converter:
    import opencc  # loaded on first parse, not on import gdplan

    converter: _Converter = opencc.OpenCC("t2s")
    return converter


def to_simplified(text: str) -> str:
    """Traditional → simplified, guaranteed to keep the length (so offsets hold)."""
    convert = _t2s().convert
    out = convert(text)
    if len(out) == len(text):
        return out
    # A phrase conversion changed the length somewhere: fall back line by line, then char by char.
    lines = text.split("\n")
    fixed = []
    for line in lines:
        conv = convert(line)
        if len(conv) != len(line):
            conv = "".join(ch if len(c := convert(ch)) != 1 else c for ch in line)
        fixed.append(conv)
    return "\n".join(fixed)


def fold_width(text: str) -> str:
    return text.translate(_WIDTH)


def fold_key(text: str, convert: Callable[[str], str] = to_simplified) -> str:
    """The key a unit or title is matched by across scripts and widths."""
    import unicodedata

    return "".join(unicodedata.normalize("NFKC", convert(text)).split())


@dataclass(frozen=True)
class NormalizedText:
    original: str
    clean: str
    simplified: str
    analysis: str
    to_original: tuple[int, ...]  # len(clean) + 1 offsets into original
    _line_starts: tuple[int, ...]  # offsets in original where each line starts

    def span(self, start: int, end: int) -> Span:
        """Original-input span of clean[start:end]."""
        if end <= start:
            at = self.to_original[start]
            return (at, at)
        return (self.to_original[start], self.to_original[end - 1] + 1)

    def line_number(self, clean_offset: int) -> int:
        """1-based line of the original input where a clean offset stands."""
        return bisect.bisect_right(self._line_starts, self.to_original[clean_offset])

    def layer(self, script: str) -> str:
        return self.simplified if script == "simplified" else self.clean


def normalize(original: str) -> NormalizedText:
    cuts = sorted((m.start(), m.end()) for rx in _NOISE for m in rx.finditer(original))
    kept: list[str] = []
    to_original: list[int] = []
    at = 0
    for start, end in cuts:
        if start < at:  # overlapping matches
            start = at
        if start > at:
            kept.append(original[at:start])
            to_original.extend(range(at, start))
        at = max(at, end)
    kept.append(original[at:])
    to_original.extend(range(at, len(original)))
    to_original.append(len(original))
    clean = "".join(kept)
    simplified = to_simplified(clean)
    analysis = fold_width(simplified)
    line_starts = [0] + [i + 1 for i, ch in enumerate(original) if ch == "\n"]
    return NormalizedText(original, clean, simplified, analysis, tuple(to_original), tuple(line_starts))
