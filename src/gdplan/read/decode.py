"""Bytes → text: UTF-8 (with or without BOM), UTF-16/32 with BOM, GB18030, or Big5.

Never a silent wrong guess. The order of the checks is what makes that true:

1. a byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
2. NUL bytes without a BOM mean binary data, unless the bytes are UTF-16 written without
   a BOM: exactly one byte order decodes them into plausible, mostly Chinese text;
3. valid UTF-8 is UTF-8 (legacy CJK text is essentially never valid UTF-8 by chance);
   UTF-8 that is valid but for a handful of bytes is *damaged UTF-8*, reported at the
   first bad byte, not re-read as GB18030 junk;
4. otherwise the legacy CJK encodings are tried strictly, and a decoding is only accepted
   when the text it gives is *plausible* (no private-use, kana, Cyrillic or control
   characters beyond a trace): Big5 bytes "decode" as GB18030 without an error, but into
   kana and private-use junk, and random bytes decode into control characters.
   When both GB18030 and Big5 give plausible text, charset-normalizer's language model
   breaks the tie.

A copy cut off inside its last character (the last 1-3 bytes of a UTF-8 or UTF-16 file) is
kept with the broken tail dropped; the parser reports the truncation.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

from gdplan.errors import DecodeError

# Python codec names for the legacy encodings we accept, in the order we try them.
GB18030 = "gb18030"  # a superset of GBK and GB2312
BIG5 = "cp950"  # Big5 with the Microsoft extensions every Big5 page in practice uses

# UTF-8 with at least this many valid multi-byte characters per invalid byte is *damaged
# UTF-8*, not another encoding. GB18030 text read as UTF-8 has about one chance-valid
# character per 15 invalid bytes (measured on the dev corpus), far below.
_DAMAGED_UTF8_MIN_RATIO = 10
# Share of non-ASCII characters that may be implausible in accepted text.
_IMPLAUSIBLE_MAX_SHARE = 0.01

# How Python's decoders say "the data ended inside a character" (UTF-8, UTF-16, the CJK codecs).
_CUT_REASONS = frozenset({"unexpected end of data", "truncated data", "incomplete multibyte sequence"})

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 first: its little-endian BOM begins with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)


@dataclass(frozen=True)
class Decoded:
    """The decoded text, the encoding that gave it, and what was dropped on the way."""

    text: str
    encoding: str
    dropped_tail: int = 0  # bytes of a character cut off at the very end


def decode_bytes(data: bytes, source: str) -> tuple[str, str]:
    """Return (text, encoding name). Raise DecodeError naming the line when no encoding fits."""
    decoded = decode(data, source)
    return decoded.text, decoded.encoding


def decode(data: bytes, source: str) -> Decoded:
    """Decode ``data`` by the rules in this module's docstring."""
    if not data:
        return Decoded("", "utf-8")
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return _decode_unit(data[len(bom) :], codec, label, source, skipped=len(bom))
    if b"\x00" in data:
        unmarked = _utf16_unmarked(data)
        if unmarked is not None:
            return unmarked
        at = data.index(b"\x00")
        raise DecodeError(
            f"binary data, not text (NUL byte at byte {at})", source=source, line=line_of(data, at)
        )
    return _decode_unmarked(data, source)


def _decode_unmarked(data: bytes, source: str) -> Decoded:
    utf8 = _try_utf8(data, source)
    if utf8 is not None:
        return utf8
    candidates = {
        codec: text for codec in (GB18030, BIG5) if (text := decode_plausibly(data, codec)) is not None
    }
    if len(candidates) == 2:
        codec = _tie_break(data)
        return Decoded(candidates[codec], codec)
    if not candidates:
        raise _undecodable(data, source)
    ((codec, text),) = candidates.items()
    return Decoded(text, codec)


def _undecodable(data: bytes, source: str) -> DecodeError:
    """The error for bytes no rule accepts: damaged GB18030 text, or not text at all."""
    try:
        data.decode(GB18030)
    except UnicodeDecodeError as exc:
        head = data[: exc.start]
        if sum(1 for byte in head if byte >= 0x80) >= 20 and decode_plausibly(head, GB18030) is not None:
            return DecodeError(
                f"damaged GB18030 text: invalid byte 0x{data[exc.start]:02X} at byte {exc.start}",
                source=source,
                line=line_of(data, exc.start),
            )
    at = _first_non_utf8(data)
    return DecodeError(
        "not text in a supported encoding (UTF-8, UTF-16, GB18030, Big5): binary data? "
        f"first byte that is not UTF-8: 0x{data[at]:02X} at byte {at}",
        source=source,
        line=line_of(data, at),
    )


def _first_non_utf8(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start
    return 0


def _try_utf8(data: bytes, source: str) -> Decoded | None:
    """UTF-8 text, UTF-8 cut mid-character at the end, or None when the bytes are not UTF-8.

    Raises DecodeError for UTF-8 that is damaged in a few places (a lone 0xFF, say).
    """
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        error = exc
    if _is_cut_tail(data, error):
        return Decoded(data[: error.start].decode("utf-8"), "utf-8", dropped_tail=len(data) - error.start)
    valid, bad = _utf8_census(data)
    if valid >= _DAMAGED_UTF8_MIN_RATIO * bad:
        raise DecodeError(
            f"damaged UTF-8: invalid byte 0x{data[error.start]:02X} at byte {error.start} ({error.reason})",
            source=source,
            line=line_of(data, error.start),
        )
    return None


def _is_cut_tail(data: bytes, error: UnicodeDecodeError) -> bool:
    # Only the last 1-3 bytes fail, and they fail because the data ends, not because they
    # are invalid: a character cut in half by a copy that stopped early.
    return error.start >= len(data) - 3 and error.end == len(data) and error.reason in _CUT_REASONS


def _utf8_census(data: bytes) -> tuple[int, int]:
    """(valid multi-byte characters, invalid bytes) of ``data`` read as UTF-8."""
    valid = bad = 0
    for ch in data.decode("utf-8", "surrogateescape"):
        if "\udc80" <= ch <= "\udcff":
            bad += 1
        elif ch >= "\x80":
            valid += 1
    return valid, bad


def _utf16_unmarked(data: bytes) -> Decoded | None:
    """UTF-16 written without a byte-order mark (``iconv -t UTF-16LE``, some exporters), or None.

    Chinese text in UTF-16 has NUL bytes (in every ASCII character: line breaks, digits,
    brackets; and in 一 U+4E00 and the like), so it lands here. Read in its own byte order
    it decodes strictly into plausible, *mostly Chinese* text; read in the other order its
    ASCII turns into U+0A00, U+3100 … and its U+XX00 characters into controls and Latin-1.
    Random bytes decode into Hangul, Yi and other scripts as readily as into Han. Exactly
    one byte order must fit; a last odd byte is a character cut off at the end.
    """
    cut = len(data) % 2
    body = data[: len(data) - cut]
    fits = []
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = body.decode(codec)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text and is_plausible_text(text) and _mostly_chinese(text):
            fits.append(Decoded(text, codec, dropped_tail=cut))
    return fits[0] if len(fits) == 1 else None


# Non-ASCII characters of Chinese text: Han, CJK punctuation and full-width forms, general
# punctuation (“ ” … —), and the Latin letters of pinyin.
_CHINESE_SHARE_MIN = 0.9


def _mostly_chinese(text: str) -> bool:
    non_ascii = chinese = 0
    for ch in text:
        if ch < "\x80":
            continue
        non_ascii += 1
        code = ord(ch)
        if (
            0x4E00 <= code <= 0x9FFF
            or 0x3000 <= code <= 0x303F
            or 0xFF00 <= code <= 0xFFEF
            or 0x2000 <= code <= 0x206F
            or 0x3400 <= code <= 0x4DBF
            or code <= 0x024F
        ):
            chinese += 1
    return non_ascii > 0 and chinese >= _CHINESE_SHARE_MIN * non_ascii


def _decode_unit(data: bytes, codec: str, label: str, source: str, *, skipped: int) -> Decoded:
    """Decode the bytes after a BOM; keep a copy cut inside its last character."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        if not _is_cut_tail(data, exc):
            at = skipped + exc.start
            raise DecodeError(
                f"invalid {label.upper()} ({exc.reason} at byte {at})",
                source=source,
                line=_unit_line(data, exc.start, codec),
            ) from None
        return Decoded(data[: exc.start].decode(codec), label, dropped_tail=len(data) - exc.start)
    if "\x00" in text:
        at = text.index("\x00")
        raise DecodeError(
            f"binary data, not text (NUL character after a {label.upper()} byte-order mark)",
            source=source,
            line=text.count("\n", 0, at) + 1,
        )
    return Decoded(text, label)


def _unit_line(data: bytes, offset: int, codec: str) -> int:
    return data[:offset].decode(codec, "replace").count("\n") + 1


def decode_plausibly(data: bytes, codec: str) -> str | None:
    """The text when ``data`` decodes strictly in ``codec`` into plausible Chinese text.

    A copy cut inside its last character is kept, the broken tail dropped.
    """
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        if not _is_cut_tail(data, exc):
            return None
        text = data[: exc.start].decode(codec)
    return text if is_plausible_text(text) else None


def is_plausible_text(text: str) -> bool:
    """True when almost no character is one that a misread decoding produces.

    Chinese plan notices are Han characters, CJK and ASCII punctuation, digits and Latin
    letters (pinyin with tone marks included). A wrong legacy decoding yields private-use
    characters, kana, Cyrillic, unassigned code points or control characters.
    """
    non_ascii = 0
    implausible = 0
    for ch in text:
        if ch < "\x80":
            if ch < " " and ch not in "\t\n\r\f\v\x1a":
                implausible += 1
            continue
        non_ascii += 1
        if _implausible(ch):
            implausible += 1
    return implausible <= _IMPLAUSIBLE_MAX_SHARE * non_ascii


def _implausible(ch: str) -> bool:
    category = unicodedata.category(ch)
    if category in ("Cc", "Co", "Cn", "Cs"):  # controls, private use, unassigned, surrogates
        return True
    code = ord(ch)
    return 0x3040 <= code <= 0x30FF or 0xFF66 <= code <= 0xFF9F or 0x0400 <= code <= 0x04FF  # kana, Cyrillic


def _tie_break(data: bytes) -> str:
    """GB18030 or Big5, when both decode into plausible text: ask charset-normalizer."""
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5", "cp950"]).best()
    if best is not None and best.encoding in ("big5", "cp950", "big5hkscs"):
        return BIG5
    return GB18030


def line_of(data: bytes, offset: int) -> int:
    """1-based line of a byte offset."""
    return data.count(b"\n", 0, offset) + 1
