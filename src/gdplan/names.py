"""File names that are not valid UTF-8, made printable.

On POSIX a file name is bytes; Python decodes one that is not UTF-8 with
``surrogateescape``, so ``b"plan\\xff.txt"`` becomes ``"plan\\udcff.txt"``, which opens the
file but cannot be written as UTF-8 (JSON, XML, Markdown, the terminal). Wherever a name is
*shown or recorded* (a document's ``source``, error messages, ``_errors.jsonl``, the dataset's
``source`` column) gdplan uses :func:`printable`: each byte that is not UTF-8 written as
``\\xNN`` (``plan\\xff.txt``), and any other lone surrogate as ``\\udNNN``. The file itself is
still opened by its real name.
"""

from __future__ import annotations


def printable(name: str) -> str:
    """``name`` with undecodable bytes and lone surrogates escaped; unchanged when it has none."""
    if name.isascii():
        return name
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        pass
    else:
        return name
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that is not an escaped byte
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")
