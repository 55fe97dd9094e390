"""Reading: whatever the user has (a path, bytes, text) → the decoded input text.

Every node's span points into ``SourceText.text``; for HTML, DOCX and PDF that is the
text the reader extracted: one paragraph a line, no blank lines, in reading order, tables
as ``cell | cell |`` lines. See docs/inputs.md.

The format is told by content (:mod:`gdplan.read.sniff`); the readers of HTML
(:mod:`.html`, and :mod:`.mhtml` for pages saved as one file), DOCX (:mod:`.docx`) and PDF
(:mod:`.pdf`) load on first use.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from gdplan.errors import InputError
from gdplan.limits import DEFAULT_LIMITS, Limits, too_large
from gdplan.names import printable
from gdplan.read.decode import decode
from gdplan.read.sniff import Format, detect_format, looks_like_html


@dataclass(frozen=True)
class SourceText:
    text: str  # the decoded input: spans index into it
    source: str  # the input as given: a path, or <string> / <bytes>
    media_type: str = "text/plain"
    encoding: str | None = None  # the text encoding of the bytes; None for DOCX, PDF and str input
    sha256: str | None = None  # of the input bytes
    warnings: tuple[str, ...] = ()  # what the reader dropped or doubted, for diagnostics


@runtime_checkable
class Readable(Protocol):
    """An open file object, binary or text: anything with ``read()``."""

    def read(self) -> str | bytes: ...


# A str this short, on one line, ending like this, was meant as a file name.
_FILE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".mhtml", ".mht", ".docx", ".pdf", ".md", ".json")
_NAME_LIKE_MAX = 260


def read_source(
    source: str | bytes | os.PathLike[str] | Readable,
    *,
    name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> SourceText:
    """Turn a str (the text itself), bytes, a path or an open file into a SourceText (within
    ``limits``)."""
    name = printable(name) if name is not None else None
    if isinstance(source, str):
        _refuse_file_name(source, name)
        return read_string(source, name=name, limits=limits)
    if isinstance(source, bytes | bytearray | memoryview):
        label = name or "<bytes>"
        return read_bytes(bytes(source), label, suffix=Path(name).suffix if name else "", limits=limits)
    if isinstance(source, os.PathLike):
        return read_path(Path(source), name=name, limits=limits)
    if isinstance(source, Readable):
        return _read_file_object(source, name, limits)
    raise InputError(
        f"cannot read a {type(source).__name__}: give a Path, bytes, an open file or the text",
        source=name or "<input>",
    )


def _refuse_file_name(text: str, name: str | None) -> None:
    """A str is the text itself; one that is plainly a file name is a mistake worth naming."""
    candidate = text.strip()
    if not candidate or "\n" in candidate or len(candidate) > _NAME_LIKE_MAX:
        return
    exists = False
    with contextlib.suppress(OSError, ValueError):
        exists = Path(candidate).is_file()
    if exists or candidate.lower().endswith(_FILE_SUFFIXES):
        what = "names a file" if exists else "looks like a file name (no such file here)"
        raise InputError(
            f"the string {candidate!r} {what}, but a str is read as the text itself: "
            f"pass Path({candidate!r}) to read the file",
            source=name or "<string>",
        )


def _read_file_object(handle: Readable, name: str | None, limits: Limits) -> SourceText:
    label = name or _handle_name(handle)
    try:
        data = handle.read()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=label) from None
    if isinstance(data, str):
        return read_string(data, name=label, limits=limits)
    if isinstance(data, bytes | bytearray | memoryview):
        return read_bytes(bytes(data), label, suffix=Path(label).suffix, limits=limits)
    raise InputError(f"read() gave a {type(data).__name__}, not text or bytes", source=label)


def _handle_name(handle: object) -> str:
    raw = getattr(handle, "name", None)
    return raw if isinstance(raw, str) and raw else "<file>"


def read_string(text: str, *, name: str | None = None, limits: Limits = DEFAULT_LIMITS) -> SourceText:
    """A str is the text itself; one that starts as an HTML page is read as HTML."""
    label = name or "<string>"
    check_size(len(text), limits, label)  # a lower bound of the UTF-8 size: refuse before encoding
    check_text(text, label)
    encoded = text.encode("utf-8")
    check_size(len(encoded), limits, label)
    digest = hashlib.sha256(encoded).hexdigest()
    del encoded
    if looks_like_html(text):
        from gdplan.read.html import read_html

        html, notes = read_html(text, label)
        return SourceText(html, label, Format.HTML.value, None, digest, notes)
    return SourceText(text, label, Format.TEXT.value, None, digest)


_SURROGATE = re.compile("[\ud800-\udfff]")


def check_text(text: str, label: str) -> None:
    """Refuse a str holding a lone surrogate (``"\\ud800"``): it is not text and no output
    format can hold it. The error names the line, the column and the code point.

    (Decoded bytes never hold one: the decoders are strict. A str gets one from a
    ``surrogateescape`` decoding or from slicing a UTF-16 string in the middle of a pair.)
    """
    match = _SURROGATE.search(text)
    if match is None:
        return
    at = match.start()
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    raise InputError(
        f"lone surrogate U+{ord(match.group()):04X} at character {at} (column {column}): "
        "not text; decode the bytes strictly or pass the bytes themselves",
        source=label,
        line=line,
    )


def check_size(size: int, limits: Limits, label: str) -> None:
    if limits.max_bytes is not None and size > limits.max_bytes:
        raise InputError(too_large(size, limits.max_bytes), source=label)


def read_path(path: Path, *, name: str | None = None, limits: Limits = DEFAULT_LIMITS) -> SourceText:
    label = printable(name or str(path))  # shown and recorded: escaped if not UTF-8
    return read_bytes(file_bytes(path, label, limits), label, suffix=path.suffix, limits=limits)


def file_bytes(path: Path, label: str, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes of a file, or an InputError naming it and why it cannot be read.

    The size is checked before reading (a file over ``limits.max_bytes`` is never loaded),
    and the read stops one byte past the limit in case the file grew meanwhile.
    """
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            check_size(size, limits, label)
            if limits.max_bytes is None:
                return handle.read()
            data = handle.read(limits.max_bytes + 1)
            check_size(len(data), limits, label)
            return data
    except FileNotFoundError:
        raise InputError("no such file", source=label) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file", source=label) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=label) from None


def read_bytes(data: bytes, label: str, *, suffix: str = "", limits: Limits = DEFAULT_LIMITS) -> SourceText:
    """The bytes of a file in any supported format → its text."""
    check_size(len(data), limits, label)
    digest = hashlib.sha256(data).hexdigest()
    fmt = detect_format(data, label, suffix=suffix)
    if fmt is Format.PDF:
        from gdplan.read.pdf import pdf_text

        return SourceText(pdf_text(data, label), label, fmt.value, None, digest)
    if fmt is Format.DOCX:
        from gdplan.read.docx import docx_text

        return SourceText(docx_text(data, label, limits), label, fmt.value, None, digest)
    if fmt is Format.HTML or fmt is Format.MHTML:
        from gdplan.read.html import decode_html, read_html

        if fmt is Format.MHTML:
            from gdplan.read.mhtml import mhtml_page

            decoded = mhtml_page(data, label)
        else:
            decoded = decode_html(data, label)
        text, notes = read_html(decoded.text, label)
    else:
        decoded = decode(data, label)
        text, notes = decoded.text, ()
    warnings = notes + (
        (f"the last {decoded.dropped_tail} bytes are a cut-off character: dropped",)
        if decoded.dropped_tail
        else ()
    )
    return SourceText(text, label, fmt.value, decoded.encoding, digest, warnings)


__all__ = ["Format", "Readable", "SourceText", "read_bytes", "read_path", "read_source", "read_string"]
