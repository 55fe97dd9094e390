"""Normalization: the decoded input → text layers that share one set of offsets.

Copies of a notice carry noise that is not the document: pinyin after characters
(``人(rén)力``), ``??`` where a site lost the two U+3000 of an indent, the ``\\r`` of a
``\\r\\n``, a DOS end-of-file Ctrl-Z, zero-width characters. Removing it changes
offsets, so the *clean* layer keeps a map back to the input. Other line breaks (a lone
``\\r``, ``\\v``, U+2028 …) become ``\\n`` one for one. The other layers are the clean
text converted character for character, so they share its offsets:

- ``clean``: noise removed; script and width as printed (what ``--script original`` shows);
- ``simplified``: clean in simplified script (what ``--script simplified`` shows);
- ``analysis``: simplified, full-width ASCII folded to half width, U+3000/U+00A0 and the
  typographic spaces (em, en, thin … U+2000-U+200A) → space,
  a "." that ends a Chinese sentence read as 。; every rule of the grammar matches on this
  layer only.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import TYPE_CHECKING, Protocol

import regex

from gdplan.model import Span
from gdplan.parser.lazy import lazy
from gdplan.parser.unwrap import wrap_cuts

if TYPE_CHECKING:
    pass

# Full-width ASCII, ideographic and no-break spaces, small tortoise-shell brackets: 1:1 only,
# so offsets survive (NFKC would turn some characters into several).
_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {
    0x3000: 0x20,
    0x00A0: 0x20,
    # the typographic spaces of a page's &emsp;/&ensp;/&thinsp; indents, copied as text
    **dict.fromkeys([*range(0x2000, 0x200B), 0x202F, 0x205F], 0x20),
    0xFE5D: 0x3014,  # ﹝ → 〔
    0xFE5E: 0x3015,  # ﹞ → 〕
    0xFF5F: 0x2985,
}

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


# The noise patterns use \p{Han}, which takes the regex module a millisecond or more to
# compile, and most texts have none of this noise: each is compiled when first needed.
@cache
def _pinyin() -> regex.Pattern[str]:
    """Pinyin in brackets right after a Han character; a tone mark tells it from an abbreviation.
    Its letters may be full width (a copy that widened every Latin letter: ``经(ｊīｎｇ)``)."""
    letters = f"a-zａ-ｚü{_TONED}{_ZERO_WIDTH_CHARS}"  # zero-width characters may stand anywhere
    return regex.compile(
        rf"(?<=\p{{Han}}[{_ZERO_WIDTH_CHARS}]*)[(（](?=[{letters}]*[{_TONED}])[{letters}]{{1,12}}[)）]"
    )


@cache
def _lost_indent() -> regex.Pattern[str]:
    """ "??" (or "？？") standing where a site's two-character U+3000 indent was lost: at a line
    start (after any line break, behind spaces or no-break spaces), or before a paragraph of
    a copy that also lost its line breaks."""
    return regex.compile(
        r"(?:(?m:^)|(?<=[\r\x0b\x85\u2028\u2029]))"
        rf"[ \t\xa0\u2000-\u200a\u202f\u205f\u3000{_ZERO_WIDTH_CHARS}]*[?？]{{1,4}}(?=[^\s?？])"
        r"|(?<=[\p{Han}\p{P}])[?？]{2}(?=[\p{Han}\d(（])"
    )


_CR = lazy(r"\r(?=\n)")  # the \r of a \r\n: cut; a lone \r is a line break of its own
# Ctrl-Z (SUB), the end-of-file mark DOS tools and old editors append to a text file: no
# text (it ran into the last item, which then no longer ended in its clause).
_SUB = lazy("\x1a")
# Zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, a BOM inside the text, soft hyphen),
# which pages put between characters and concatenated files between lines: they split
# markers and unit names (省大\u200b数据局). The extracting readers drop them too (read/lines.py).
_ZERO_WIDTH = lazy(f"[{_ZERO_WIDTH_CHARS}]")
# Line breaks other than \n, each turned into \n one for one (offsets hold): a lone \r (old
# Mac files), \v (a manual line break copied out of Word), NEL, and U+2028/U+2029 (text that
# went through JavaScript or JSON).
_OTHER_BREAKS = "\r\x0b\x85\u2028\u2029"
_OTHER_BREAK = lazy(f"[{_OTHER_BREAKS}]")
_AS_NEWLINE = str.maketrans(dict.fromkeys(_OTHER_BREAKS, "\n"))
# (pattern, a cheap test that it can match at all): most texts have none of this noise.
# Simple character classes use the stdlib re, which scans them several times faster.
_NOISE: tuple[tuple[Callable[[], regex.Pattern[str] | re.Pattern[str]], re.Pattern[str]], ...] = (
    (_pinyin, lazy(f"[{_TONED}]")),
    (_lost_indent, lazy(r"[?？]")),
    (lambda: _CR, _CR),
    (lambda: _SUB, _SUB),
    (lambda: _ZERO_WIDTH, _ZERO_WIDTH),
)


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@cache  # loaded data, not a cache of texts: gdplan.parser.clear_caches leaves it
def _t2s() -> _Converter:
    import opencc  # loaded on first parse, not on import gdplan

    # hk2s: t2s after folding the Hong Kong variant forms (衞, 綫, 啓 …) that a copy converted
    # with regional wording (s2hk) carries and t2s leaves as they are; on every other
    # character it is t2s.
    converter: _Converter = opencc.OpenCC("hk2s")
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


_WIDTH_CHARS = {chr(k): chr(v) for k, v in _WIDTH.items()}
_WIDE = lazy("[" + "".join(re.escape(ch) for ch in _WIDTH_CHARS) + "]")


def fold_width(text: str) -> str:
    # str.replace per distinct character beats str.translate(dict) several times over here.
    for ch in set(_WIDE.findall(text)):
        text = text.replace(ch, _WIDTH_CHARS[ch])
    return text


def fold_key(text: str, *, simplified: bool = False) -> str:
    """The key a unit or title is matched by across scripts and widths.

    ``simplified=True`` when ``text`` is already in simplified script (the analysis layer).
    """
    return "".join(unicodedata.normalize("NFKC", text if simplified else to_simplified(text)).split())


def trim_space(text: str, start: int, end: int) -> tuple[int, int]:
    """The range ``text[start:end]`` without leading and trailing white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@dataclass(frozen=True)
class NormalizedText:
    original: str
    clean: str
    analysis: str
    # Where noise was cut: clean offset of each cut, and how many input characters were
    # removed up to and including it. Offsets between cuts shift by the same amount.
    # (arrays of machine integers, not tuples of int objects: 8 bytes an entry instead of 40)
    _cut_at: Sequence[int]
    _cut_shift: Sequence[int]
    _line_starts: Sequence[int]  # offsets in original where each line starts

    def original_offset(self, clean_offset: int) -> int:
        i = bisect.bisect_right(self._cut_at, clean_offset)
        return clean_offset + (self._cut_shift[i - 1] if i else 0)

    def span(self, start: int, end: int) -> Span:
        """Original-input span of clean[start:end]."""
        if not self._cut_at:  # the common case: nothing was cut, the offsets are the input's
            return (start, end) if end > start else (start, start)
        if end <= start:
            at = self.original_offset(start)
            return (at, at)
        return (self.original_offset(start), self.original_offset(end - 1) + 1)

    def line_number(self, clean_offset: int) -> int:
        """1-based line of the original input where a clean offset stands."""
        return bisect.bisect_right(self._line_starts, self.original_offset(clean_offset))

    @cached_property
    def simplified(self) -> str:
        return to_simplified(self.clean)

    def layer(self, script: str) -> str:
        return self.simplified if script == "simplified" else self.clean


_NEWLINE = lazy(r"\r\n|[\n\r\x0b\x85\u2028\u2029]")

# A copy that turned every 。 into ASCII "." (a full-to-half-width converter): a "." between
# Chinese text (after a Han character or a closing bracket; before the end of the line, more
# Chinese or a bracket) ends a sentence, and the grammar reads it as 。 in the analysis layer. Not
# after a digit (1. and 3.5 are a marker and a number), not in a Latin word (www.gov.cn),
# and not after a line's leading Chinese numeral (一. is a marker).
_HALF_STOP = lazy(
    r"(?<=[\u4e00-\u9fff)\]」』”》])\.(?=[ \t]*(?:$|\n)|[\u4e00-\u9fff(「『“《)\]」』”》])", re.M
)
_NUMERAL_MARKER = lazy(r"[ \t]*[一二三四五六七八九十百零〇]+")


def _sentence_stops(analysis: str) -> str:
    if "." not in analysis:
        return analysis
    stops = [
        m.start()
        for m in _HALF_STOP.finditer(analysis)
        if not _NUMERAL_MARKER.fullmatch(analysis, analysis.rfind("\n", 0, m.start()) + 1, m.start())
    ]
    if not stops:
        return analysis
    chars = list(analysis)
    for at in stops:
        chars[at] = "。"
    return "".join(chars)


def normalize(original: str) -> NormalizedText:
    cuts = sorted(
        [
            *(
                (m.start(), m.end())
                for rx, maybe in _NOISE
                if maybe.search(original)
                for m in rx().finditer(original)
            ),
            *wrap_cuts(original),
        ]
    )
    kept: list[str] = []
    cut_at = array("q")
    cut_shift = array("q")
    at = removed = 0
    for start, end in cuts:
        start = max(start, at)  # overlapping matches
        if end <= start:
            continue
        kept.append(original[at:start])
        removed += end - start
        cut_at.append(start - (removed - (end - start)))
        cut_shift.append(removed)
        at = end
    kept.append(original[at:])
    clean = "".join(kept)
    if _OTHER_BREAK.search(clean):
        clean = clean.translate(_AS_NEWLINE)
    analysis = _sentence_stops(to_simplified(fold_width(clean)))  # OpenCC leaves ASCII alone
    line_starts = array("q", [0])
    line_starts.extend(m.end() for m in _NEWLINE.finditer(original))
    return NormalizedText(original, clean, analysis, cut_at, cut_shift, line_starts)
