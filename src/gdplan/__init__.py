"""gdplan: Chinese government plan notices → a typed tree and datasets.

    >>> from pathlib import Path
    >>> import gdplan
    >>> doc = gdplan.parse(Path("samples/gd-2025-digital-seed.txt"))  # a Path, bytes, open file or text
    >>> doc
    <Document '数字广东建设2025年工作要点' 2025 50 items>
    >>> for item in list(doc.items())[:2]:
    ...     print(item.label, item.title, [u.name for u in item.responsibility.lead])
    1． 实施关键核心技术攻关 []
    2． 推进产业协同创新 ['省工业和信息化厅']
    >>> text = gdplan.to_json(doc)  # also to_jsonl, to_xml, to_markdown
    >>> gdplan.from_json(text) == doc
    True

Every node has a ``responsibility`` (empty, with ``absent`` saying why, when the text
gives none), so no None checks are needed. The package face is a few verbs and the model
types; everything heavy (pydantic, OpenCC, lxml, jieba) loads on first use.
"""

from __future__ import annotations

import os as _os
from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any
from typing import Literal as _Literal

from gdplan._version import __version__
from gdplan.errors import (
    DecodeError,
    ErrorLevel,
    GdplanError,
    InputError,
    NotAPlanError,
    ParseError,
)

if _TYPE_CHECKING:
    from gdplan.compare import Comparison
    from gdplan.limits import Limits
    from gdplan.model import (
        SCHEMA_VERSION,
        Absence,
        ClauseForm,
        Diagnostic,
        Document,
        MarkerStyle,
        Node,
        Notice,
        Provenance,
        Responsibility,
        Role,
        Unit,
    )
    from gdplan.read import Readable

# The model (pydantic) loads on first use, so `import gdplan` (and `gdplan --version`) stays cheap.
_FROM_MODEL = frozenset(
    {
        "SCHEMA_VERSION",
        "Absence",
        "ClauseForm",
        "Diagnostic",
        "Document",
        "MarkerStyle",
        "Node",
        "Notice",
        "Provenance",
        "Responsibility",
        "Role",
        "Unit",
    }
)


def __getattr__(name: str) -> _Any:
    if name in _FROM_MODEL:
        import gdplan.model

        return getattr(gdplan.model, name)
    if name == "Limits":  # dataclasses (and inspect) load on first use too
        from gdplan.limits import Limits

        return Limits
    raise AttributeError(f"module 'gdplan' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)


Script = _Literal["original", "simplified"]


def parse(
    source: str | bytes | _os.PathLike[str] | Readable,
    *,
    script: Script = "original",
    errors: ErrorLevel | str = ErrorLevel.WARN,
    name: str | None = None,
    limits: Limits | None = None,
) -> Document:
    """Parse a plan notice.

    ``source`` is one of:

    - a path (``pathlib.Path`` or any ``os.PathLike``) to a .txt, .html, .docx or .pdf file;
    - the raw bytes of such a file (``bytes``: UTF-8, UTF-16 with BOM or GB18030, detected);
    - an open file object, binary (``open(p, "rb")``) or text (``open(p, encoding=...)``);
    - the text itself (``str``). A ``str`` is never taken for a file name: one that names an
      existing file, or that looks like a file name (one line ending in .txt, .html, .docx,
      .pdf …), is refused with an :class:`InputError` that says to pass ``Path(...)``.

    ``script`` chooses the script of the text fields in the result
    (the analysis always runs on simplified script). ``errors`` says what to do with
    problems in the text: ``ignore``, ``warn`` (record diagnostics, the default) or
    ``raise``. ``name`` is the source name used in errors and provenance. ``limits``
    bounds how much is read (default :data:`gdplan.limits.DEFAULT_LIMITS`: 50 MiB of
    input; see :mod:`gdplan.limits`); an input over a limit is an ``InputError``.
    """
    from gdplan.limits import DEFAULT_LIMITS
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


def from_json(text: str | bytes, *, name: str = "<json>") -> Document:
    """Read JSON written by :func:`to_json` back into a Document (errors name ``name``)."""
    from gdplan.export.json import from_json as _from_json

    return _from_json(text, name=name)


def from_markdown(text: str, *, name: str = "<markdown>") -> Document:
    """Read Markdown written by :func:`to_markdown` back into a Document (errors name ``name``)."""
    from gdplan.export.markdown import from_markdown as _from_markdown

    return _from_markdown(text, name=name)


def compare(old: Document, new: Document) -> Comparison:
    """Pair the items of two plans and say what became of each (same, reworded, merged, split,
    moved, dropped, added), with scores, reasons and unit changes: docs/compare.md. Loads jieba."""
    from gdplan.compare import compare as _compare

    return _compare(old, new)


__all__ = [
    "SCHEMA_VERSION",
    "Absence",
    "ClauseForm",
    "DecodeError",
    "Diagnostic",
    "Document",
    "ErrorLevel",
    "GdplanError",
    "InputError",
    "Limits",
    "MarkerStyle",
    "Node",
    "NotAPlanError",
    "Notice",
    "ParseError",
    "Provenance",
    "Responsibility",
    "Role",
    "Script",
    "Unit",
    "__version__",
    "compare",
    "from_json",
    "from_markdown",
    "parse",
    "to_json",
    "to_jsonl",
    "to_markdown",
    "to_xml",
]
