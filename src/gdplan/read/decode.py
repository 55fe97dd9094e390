"""Bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030; never a silent wrong guess."""

from __future__ import annotations

import codecs

from gdplan.errors import DecodeError


def decode_bytes(data: bytes, source: str) -> tuple[str, str]:
    """Return (text, encoding name). Raise DecodeError naming the line when no encoding fits."""
    if not data:
        return "", "utf-8"
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", source), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", source), "utf-16"
    if b"\x00" in data:
        raise DecodeError("binary data (NUL bytes), not text", source=source, line=_line_of(data, data.index(b"\x00")))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # A copy cut off mid-character: only the last 1-3 bytes fail. Keep the text, drop the stub.
    if utf8_error.start >= len(data) - 3 and utf8_error.reason == "unexpected end of data":
        return data[: utf8_error.start].decode("utf-8"), "utf-8"
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        pass
    raise DecodeError(
        f"not UTF-8, UTF-16 or GB18030 text ({utf8_error.reason} at byte {utf8_error.start})",
        source=source,
        line=_line_of(data, utf8_error.start),
    )


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"invalid {encoding} ({exc.reason} at byte {exc.start})", source=source, line=_line_of(data, exc.start)
        ) from None


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1
