"""Exporters: a Document → JSON, JSON Lines, XML, Markdown, xlsx (and Markdown/JSON back).

Exporters read only :mod:`gdplan.model`. :data:`FORMATS` is what the CLI offers for
``--to``; each entry loads its module on first use, and so do the names below (lxml loads
only for the XSD, XlsxWriter only for xlsx), so ``gdplan convert --to json`` loads no other
exporter. Text formats render ``str``; binary ones (xlsx) render ``bytes``:
:meth:`Exporter.to_bytes` gives the file's bytes for either.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gdplan.model import Document

if TYPE_CHECKING:
    from gdplan.export.json import from_json, json_schema, to_json
    from gdplan.export.jsonl import ROW_KEYS, Row, rows, to_jsonl
    from gdplan.export.markdown import from_markdown, to_markdown
    from gdplan.export.xlsx import to_xlsx
    from gdplan.export.xml import to_xml, xml_schema


@dataclass(frozen=True)
class Exporter:
    """One output format: how to write it, the file suffix, the media type.

    ``write`` returns ``str`` for a text format and ``bytes`` for a binary one (``binary``).
    """

    write: Callable[[Document], str] | Callable[[Document], bytes]
    suffix: str
    media_type: str
    binary: bool = False
    # The file's bytes made directly, for a text format whose writer can skip the str round
    # trip; it must equal what to_bytes makes from ``write``.
    write_bytes: Callable[[Document], bytes] | None = None

    def to_bytes(self, doc: Document) -> bytes:
        """The file's bytes: a text format as UTF-8 ending in a newline, a binary one as written."""
        if self.write_bytes is not None:
            return self.write_bytes(doc)
        out = self.write(doc)
        if isinstance(out, bytes):
            return out
        return (out if out.endswith("\n") or not out else out + "\n").encode("utf-8")


def _write_json(doc: Document) -> str:
    from gdplan.export.json import to_json

    return to_json(doc) + "\n"


def _write_json_bytes(doc: Document) -> bytes:
    from gdplan.export.json import to_json_bytes

    return to_json_bytes(doc)


def _write_jsonl(doc: Document) -> str:
    from gdplan.export.jsonl import to_jsonl

    return to_jsonl(doc)


def _write_xml(doc: Document) -> str:
    from gdplan.export.xml import to_xml

    return to_xml(doc)


def _write_xlsx(doc: Document) -> bytes:
    from gdplan.export.xlsx import to_xlsx

    return to_xlsx(doc)


XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _write_md(doc: Document) -> str:
    from gdplan.export.markdown.write import to_markdown

    return to_markdown(doc)


FORMATS: dict[str, Exporter] = {
    "json": Exporter(_write_json, ".json", "application/json", write_bytes=_write_json_bytes),
    "jsonl": Exporter(_write_jsonl, ".jsonl", "application/jsonl"),
    "xml": Exporter(_write_xml, ".xml", "application/xml"),
    "md": Exporter(_write_md, ".md", "text/markdown; charset=utf-8"),
    "xlsx": Exporter(_write_xlsx, ".xlsx", XLSX_MEDIA_TYPE, binary=True),
}

# the modules that define the public names, loaded when a name is first asked for
_MODULES = {
    "from_json": "json",
    "json_schema": "json",
    "to_json": "json",
    "ROW_KEYS": "jsonl",
    "Row": "jsonl",
    "rows": "jsonl",
    "to_jsonl": "jsonl",
    "from_markdown": "markdown",
    "to_markdown": "markdown",
    "to_xml": "xml",
    "xml_schema": "xml",
    "to_xlsx": "xlsx",
}


def load_all() -> None:
    """Load every exporter now (a batch does, before forking its workers)."""
    for module in ("json", "jsonl", "markdown", "markdown.write", "xml", "xlsx"):
        importlib.import_module(f"{__name__}.{module}")


def __getattr__(name: str) -> Any:
    if name in _MODULES:
        return getattr(importlib.import_module(f"{__name__}.{_MODULES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "FORMATS",
    "ROW_KEYS",
    "Exporter",
    "Row",
    "from_json",
    "from_markdown",
    "json_schema",
    "load_all",
    "rows",
    "to_json",
    "to_jsonl",
    "to_markdown",
    "to_xlsx",
    "to_xml",
    "xml_schema",
]
