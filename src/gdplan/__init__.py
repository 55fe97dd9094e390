"""gdplan: Chinese government plan notices → a typed tree and datasets.

    >>> import gdplan
    >>> doc = gdplan.parse(Path("notice.txt"))     # a path, bytes, or the text itself (str)
    >>> for item in doc.items(): print(item.path, item.title, [u.name for u in item.responsibility.lead])
    >>> gdplan.to_json(doc); gdplan.to_jsonl(doc); gdplan.to_xml(doc); gdplan.to_markdown(doc)

The package face is a few verbs; everything heavy (OpenCC, lxml, jieba) loads on first use.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Literal

from gdplan._version import __version__
from gdplan.errors import (
    DecodeError,
    ErrorLevel,
    GdplanError,
    InputError,
    NotAPlanError,
    ParseError,
)
from gdplan.limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from gdplan.model import SCHEMA_VERSION, Document, Node, Notice, Responsibility, Role, Unit

# The model (pydantic) loads on first use, so `import gdplan` (and `gdplan --version`) stays cheap.
_FROM_MODEL = frozenset({"SCHEMA_VERSION", "Document", "Node", "Notice", "Responsibility", "Role", "Unit"})


def __getattr__(name: str) -> Any:
    if name in _FROM_MODEL:
        import gdplan.model

        return getattr(gdplan.model, name)
    raise AttributeError(f"module 'gdplan' has no attribute {name!r}")


Source = str | bytes | os.PathLike[str]
Script = Literal["original", "simplified"]


def parse(
    source: Source,
    *,
    script: Script = "original",
    errors: ErrorLevel | str = ErrorLevel.WARN,
    name: str | None = None,
    limits: Limits | None = None,
) -> Document:
    """Parse a plan notice.

    ``source`` is the text itself (``str``), the raw bytes of a file (``bytes``: UTF-8,
    UTF-16 with BOM or GB18030, detected), or a path (``pathlib.Path``) to a .txt, .html,
    .docx or .pdf file. ``script`` chooses the script of the text fields in the result
    (the analysis always runs on simplified script). ``errors`` says what to do with
    problems in the text: ``ignore``, ``warn`` (record diagnostics, the default) or
    ``raise``. ``name`` is the source name used in errors and provenance. ``limits``
    bounds how much is read (default :data:`gdplan.limits.DEFAULT_LIMITS`: 50 MiB of
    input; see :mod:`gdplan.limits`); an input over a limit is an ``InputError``.
    """
    from gdplan.parser import parse_source
    from gdplan.read import read_source

    src = read_source(source, name=name, limits=limits or DEFAULT_LIMITS)
    return parse_source(src, script=script, errors=ErrorLevel(errors))


def to_json(doc: Document, *, indent: int | None = 2) -> str:
    """The document as JSON: the contract keys and the whole tree."""
    from gdplan.export.json import to_json as _to_json

    return _to_json(doc, indent=indent)


def to_jsonl(doc: Document) -> str:
    """One JSON line per numbered node (the CONTRACT's dataset rows)."""
    from gdplan.export.jsonl import to_jsonl as _to_jsonl

    return _to_jsonl(doc)


def to_xml(doc: Document) -> str:
    """The document as XML in gdplan's vocabulary (schema: gdplan/export/gdplan.xsd)."""
    from gdplan.export.xml import to_xml as _to_xml

    return _to_xml(doc)


def to_markdown(doc: Document) -> str:
    """The plan as readable Markdown; :func:`from_markdown` reads it back to the same tree."""
    from gdplan.export.markdown import to_markdown as _to_markdown

    return _to_markdown(doc)


def from_markdown(text: str, *, name: str = "<markdown>") -> Document:
    """Read Markdown written by :func:`to_markdown` back into a Document (errors name ``name``)."""
    from gdplan.export.markdown import from_markdown as _from_markdown

    return _from_markdown(text, name=name)


__all__ = [
    "SCHEMA_VERSION",
    "DecodeError",
    "Document",
    "ErrorLevel",
    "GdplanError",
    "InputError",
    "Limits",
    "Node",
    "NotAPlanError",
    "Notice",
    "ParseError",
    "Responsibility",
    "Role",
    "Unit",
    "__version__",
    "from_markdown",
    "parse",
    "to_json",
    "to_jsonl",
    "to_markdown",
    "to_xml",
]
