"""One input file → a Document, by the reader its name (or ``--from``) asks for.

A plan notice (.txt, .html, .docx, .pdf) is parsed; a file gdplan wrote itself is read
back: ``.md`` through :func:`gdplan.from_markdown`, ``.json`` through
:func:`gdplan.from_json`. So ``gdplan convert out/plan.md --to jsonl`` gives the rows of
the notice the Markdown was made from. Parsing options (``script``, ``errors``) shape a
parse only: a document read back is as it was written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, cast

from gdplan.errors import ErrorLevel, InputError
from gdplan.limits import DEFAULT_LIMITS, Limits
from gdplan.model import Document
from gdplan.names import printable
from gdplan.read import SourceText

READERS: tuple[str, ...] = ("txt", "html", "docx", "pdf", "md", "json")
"""What ``--from`` accepts: the four notice formats and gdplan's own Markdown and JSON."""

_OWN_SUFFIXES = {".md": "md", ".markdown": "md", ".json": "json"}
_Script = Literal["original", "simplified"]


def reader_for(path: Path, forced: str | None = None) -> str | None:
    """The reader to use: ``forced`` when given, ``md``/``json`` by suffix, else None (sniff the notice).

    A file without a suffix (standard input among them) that starts as gdplan's own Markdown
    or JSON is read back as such (see :func:`load_document`).
    """
    if forced is not None:
        if forced not in READERS:
            raise InputError(
                f"unknown reader {forced!r} (choose from {', '.join(READERS)})", source=str(path)
            )
        return forced
    return _OWN_SUFFIXES.get(path.suffix.lower())


def parses_notice(path: Path, forced: str | None = None) -> bool:
    """Whether :func:`load_document` surely parses ``path`` as a notice (rather than reading
    gdplan's own output back): by the reader forced or by the suffix. A file without a suffix
    is told by its content, so it is not sure; nor is a reader that does not exist."""
    if forced is not None:
        return forced in READERS and forced not in _OWN_SUFFIXES.values()
    return bool(path.suffix) and path.suffix.lower() not in _OWN_SUFFIXES


def load_document(
    path: Path,
    *,
    reader: str | None = None,
    script: str = "original",
    errors: ErrorLevel | str = ErrorLevel.WARN,
    name: str | None = None,
    data: bytes | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Document:
    """Read ``path`` (or ``data``, its bytes, already read) with ``reader`` (see :func:`reader_for`),
    within ``limits``."""
    import gdplan
    from gdplan.read import check_size, file_bytes

    label = name or printable(str(path))
    chosen = reader_for(path, reader)
    raw = data if data is not None else file_bytes(path, label, limits)
    check_size(len(raw), limits, label)
    if chosen is None and not path.suffix:
        chosen = _own_output(raw)  # standard input, or a file without a suffix
    if chosen == "md":
        return gdplan.from_markdown(_utf8(raw, label), name=label)
    if chosen == "json":
        return gdplan.from_json(raw, name=label)
    if chosen is None:
        return gdplan.parse(raw, script=cast(_Script, script), errors=errors, name=label, limits=limits)
    from gdplan.parser import parse_source

    return parse_source(
        _forced_text(raw, label, chosen, limits), script=cast(_Script, script), errors=ErrorLevel(errors)
    )


def _own_output(data: bytes) -> str | None:
    """gdplan's own Markdown (front matter first) or JSON (schema_version first), told by content."""
    head = data[:200].removeprefix(b"\xef\xbb\xbf")
    if head.startswith((b"---\nschema_version:", b"---\r\nschema_version:")):
        return "md"
    if head.lstrip().startswith(b"{") and head.lstrip()[1:].lstrip().startswith(b'"schema_version"'):
        return "json"
    return None


def _utf8(data: bytes, label: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8 text at byte {exc.start}: gdplan writes Markdown as UTF-8", source=label
        ) from None


def _forced_text(data: bytes, label: str, reader: str, limits: Limits) -> SourceText:
    """The notice read by the reader named, whatever its content looks like."""
    import hashlib

    from gdplan.read.decode import decode
    from gdplan.read.sniff import Format

    digest = hashlib.sha256(data).hexdigest()
    if reader == "pdf":
        from gdplan.read.pdf import pdf_text

        return SourceText(pdf_text(data, label), label, Format.PDF.value, None, digest)
    if reader == "docx":
        from gdplan.read.docx import docx_text

        return SourceText(docx_text(data, label, limits), label, Format.DOCX.value, None, digest)
    if reader == "html":
        from gdplan.read.html import decode_html, read_html

        decoded = decode_html(data, label)
        html, notes = read_html(decoded.text, label)
        return SourceText(html, label, Format.HTML.value, decoded.encoding, digest, notes)
    decoded = decode(data, label)
    return SourceText(decoded.text, label, Format.TEXT.value, decoded.encoding, digest)
