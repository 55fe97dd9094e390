"""Reading: whatever the user has (a path, bytes, text) → the decoded input text.

Every node's span points into ``SourceText.text``; for HTML, DOCX and PDF that is the
text the reader extracted, one paragraph a line.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from gdplan.errors import InputError
from gdplan.read.decode import decode_bytes


@dataclass(frozen=True)
class SourceText:
    text: str  # the decoded input: spans index into it
    source: str  # the input as given: a path, or <string> / <bytes>
    media_type: str = "text/plain"
    encoding: str | None = None
    sha256: str | None = None  # of the input bytes


def read_source(source: str | bytes | os.PathLike[str], *, name: str | None = None) -> SourceText:
    """Turn a str (the text itself), bytes, or a path into a SourceText."""
    if isinstance(source, str):
        data = source.encode("utf-8")
        return SourceText(source, name or "<string>", "text/plain", None, hashlib.sha256(data).hexdigest())
    if isinstance(source, bytes | bytearray):
        data = bytes(source)
        label = name or "<bytes>"
        text, encoding = decode_bytes(data, label)
        return SourceText(text, label, "text/plain", encoding, hashlib.sha256(data).hexdigest())
    if isinstance(source, os.PathLike):
        return read_path(Path(source), name=name)
    raise InputError(f"cannot read a {type(source).__name__}: give text, bytes or a path", source=name or "<input>")


def read_path(path: Path, *, name: str | None = None) -> SourceText:
    label = name or str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", source=label) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file", source=label) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=label) from None
    text, encoding = decode_bytes(data, label)
    return SourceText(text, label, "text/plain", encoding, hashlib.sha256(data).hexdigest())
