"""Which reader a file needs, told by its content (magic bytes, markup); the suffix is a hint.

Content wins over the name: a ``.txt`` that is really a PDF is read as a PDF, and a
``.docx`` that is really a PNG is refused as a PNG. The suffix only decides what content
cannot: an HTML fragment without ``<html>`` in a ``.html`` file.
"""

from __future__ import annotations

import io
import re
import zipfile
from enum import StrEnum

from gdplan.errors import InputError


class Format(StrEnum):
    TEXT = "text/plain"
    HTML = "text/html"
    DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    PDF = "application/pdf"
    MHTML = "multipart/related"  # a web page saved as one file (.mhtml, .mht)


_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", ".mht", ".mhtml"})

# Formats we recognise but cannot read: (magic bytes at offset 0, what it is, what to do).
_FOREIGN_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x00\x00\x01\x00", "an icon image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Office file (.doc/.xls/.wps): save it as .docx"),
    (b"{\\rtf", "an RTF document: save it as .docx or .txt"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"\x7fELF", "an executable program"),
    (b"%!PS", "a PostScript file"),
    (b"AT&TFORM", "a DjVu document"),
    (b"\x1aE\xdf\xa3", "a video file"),
    (b"OggS", "an audio file"),
    (b"ID3", "an audio file"),
    (b"fLaC", "an audio file"),
)

# Zip members that identify a format; the first match names the file.
_ZIP_KINDS: tuple[tuple[str, str], ...] = (
    ("xl/workbook.xml", "an Excel workbook (.xlsx): save the sheet as .docx, .html or .txt"),
    ("ppt/presentation.xml", "a PowerPoint presentation (.pptx)"),
    ("OFD.xml", "an OFD document: gdplan cannot read OFD; export it as PDF"),
    ("content.xml", "an OpenDocument file (.odt): save it as .docx"),
)

_HTML_START = re.compile(
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S
)


def detect_format(data: bytes, source: str, *, suffix: str = "") -> Format:
    """The format of ``data``; InputError for a known format that is not a plan notice."""
    if _is_pdf(data):
        return Format.PDF
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_format(data, source)
    foreign = _foreign(data)
    if foreign is not None:
        raise InputError(f"is {foreign}, not a plan notice", source=source)
    if looks_like_mhtml(data):
        return Format.MHTML
    if looks_like_html(data) or suffix.lower() in _HTML_SUFFIXES:
        return Format.HTML
    return Format.TEXT


def looks_like_html(data: bytes | str) -> bool:
    """True when the text starts as an HTML page does (after a BOM, an XML declaration, comments)."""
    head = data[:1024]
    if isinstance(head, str):
        head = head.lstrip("\ufeff").encode("utf-8", "replace")
    head = _ascii_view(head)
    return _HTML_START.match(head) is not None


# A MIME message's headers: "Name: value" lines (continued by indented lines), one of them
# MIME-Version or a multipart Content-Type. Browsers start with From:/Snapshot-Content-Location:,
# Word with MIME-Version:.
_HEADER_LINE = re.compile(rb"[A-Za-z][A-Za-z0-9-]*:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*\r?\n")
_MIME_MARK = re.compile(rb"^(?:MIME-Version:|Content-Type:\s*multipart/)", re.I | re.M)
_MULTIPART = re.compile(rb"multipart/", re.I)


def looks_like_mhtml(data: bytes) -> bool:
    """True when ``data`` starts with the MIME headers of a multipart message (a saved web archive)."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf\r\n\t ")
    at = 0
    while (match := _HEADER_LINE.match(head, at)) is not None:
        at = match.end()
    headers = head[:at]
    return _MIME_MARK.search(headers) is not None and _MULTIPART.search(headers) is not None


def _ascii_view(head: bytes) -> bytes:
    """The first bytes as ASCII-compatible bytes, so a UTF-16 page is sniffed too."""
    if head.startswith(b"\xef\xbb\xbf"):
        return head[3:]
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[2:].decode(codec, "replace").encode("utf-8", "replace")
    return head


def _is_pdf(data: bytes) -> bool:
    # The PDF header may follow up to 1 KB of junk (the spec's implementation note).
    return b"%PDF-" in data[:1024]


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An encrypted .docx/.xlsx is an OLE container holding this stream (its name in UTF-16).
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def _foreign(data: bytes) -> str | None:
    if data.startswith(_OLE) and _ENCRYPTED_PACKAGE in data:
        return "a password-protected Office document: save it without a password, then try again"
    for magic, what in _FOREIGN_MAGIC:
        if data.startswith(magic):
            return what
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "a WebP image"
    if data.startswith(b"RIFF"):
        return "an audio or video file"
    if data.startswith(b"BM") and len(data) >= 6 and int.from_bytes(data[2:6], "little") == len(data):
        return "a BMP image"
    if data[4:8] == b"ftyp":
        return "a video or image file (ISO media)"
    if data.startswith(b"MZ") and b"\x00" in data[:64]:
        return "an executable program"
    return None


# The content type of a Word document's main part, as [Content_Types].xml declares it. Word
# Online and some converters name the part word/document2.xml; the type still says what it is.
_WORD_MAIN_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_CONTENT_TYPES = "[Content_Types].xml"
_CONTENT_TYPES_MAX = 1 << 20  # a real one is a few KB


def _declares_word_document(archive: zipfile.ZipFile, names: set[str]) -> bool:
    if _CONTENT_TYPES not in names or archive.getinfo(_CONTENT_TYPES).file_size > _CONTENT_TYPES_MAX:
        return False
    return _WORD_MAIN_TYPE in archive.read(_CONTENT_TYPES)


def _zip_format(data: bytes, source: str) -> Format:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names or _declares_word_document(archive, names):
                return Format.DOCX
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(f"is a damaged ZIP/DOCX file ({exc})", source=source) from None
    for member, what in _ZIP_KINDS:
        if member in names or any(name.endswith("/" + member) for name in names):
            raise InputError(f"is {what}, not a plan notice", source=source)
    raise InputError(
        "is a ZIP archive, not a plan notice: unpack it and give the files inside", source=source
    )
