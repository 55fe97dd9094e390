"""Exporters: a Document → JSON, JSON Lines, XML, Markdown, xlsx (and Markdown/JSON back).

Exporters read only :mod:`gdplan.model`. :data:`FORMATS` is what the CLI offers for
``--to``; each entry loads its module on first use, so lxml loads only for XML and
XlsxWriter only for xlsx. Text formats render ``str``; binary ones (xlsx) render
``bytes``: :meth:`Exporter.to_bytes` gives the file's bytes for either.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gdplan.export.json import from_json, json_schema, to_json
from gdplan.export.jsonl import ROW_KEYS, Row, rows, to_jsonl
from gdplan.export.markdown import from_markdown, to_markdown
from gdplan.model import Document

if TYPE_CHECKING:
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

    def to_bytes(self, doc: Document) -> bytes:
        """The file's bytes: a text format as UTF-8 ending in a newline, a binary one as written."""
        out = self.write(doc)
        if isinstance(out, bytes):
            return out
        return (out if out.endswith("\n") or not out else out + "\n").encode("utf-8")


def _write_json(doc: Document) -> str:
    return to_json(doc) + "\n"


def _write_xml(doc: Document) -> str:
    from gdplan.export.xml import to_xml

    return to_xml(doc)


def _write_xlsx(doc: Document) -> bytes:
    from gdplan.export.xlsx import to_xlsx

    return to_xlsx(doc)


XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

FORMATS: dict[str, Exporter] = {
    "json": Exporter(_write_json, ".json", "application/json"),
    "jsonl": Exporter(to_jsonl, ".jsonl", "application/jsonl"),
    "xml": Exporter(_write_xml, ".xml", "application/xml"),
    "md": Exporter(to_markdown, ".md", "text/markdown; charset=utf-8"),
    "xlsx": Exporter(_write_xlsx, ".xlsx", XLSX_MEDIA_TYPE, binary=True),
}


def __getattr__(name: str) -> Any:
    if name in ("to_xml", "xml_schema"):
        from gdplan.export import xml

        return getattr(xml, name)
    if name == "to_xlsx":
        from gdplan.export import xlsx

        return xlsx.to_xlsx
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "FORMATS",
    "ROW_KEYS",
    "Exporter",
    "Row",
    "from_json",
    "from_markdown",
    "json_schema",
    "rows",
    "to_json",
    "to_jsonl",
    "to_markdown",
    "to_xlsx",
    "to_xml",
    "xml_schema",
]
