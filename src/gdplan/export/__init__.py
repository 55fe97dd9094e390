"""Exporters: a Document → JSON, JSON Lines, XML, Markdown (and Markdown/JSON back).

Exporters read only :mod:`gdplan.model`. :data:`FORMATS` is what the CLI offers for
``--to``; each entry loads its module on first use (lxml loads only for the XSD).
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
    from gdplan.export.xml import to_xml, xml_schema


@dataclass(frozen=True)
class Exporter:
    """One output format: how to write it, the file suffix, the media type."""

    write: Callable[[Document], str]
    suffix: str
    media_type: str


def _write_json(doc: Document) -> str:
    return to_json(doc) + "\n"


def _write_xml(doc: Document) -> str:
    from gdplan.export.xml import to_xml

    return to_xml(doc)


FORMATS: dict[str, Exporter] = {
    "json": Exporter(_write_json, ".json", "application/json"),
    "jsonl": Exporter(to_jsonl, ".jsonl", "application/jsonl"),
    "xml": Exporter(_write_xml, ".xml", "application/xml"),
    "md": Exporter(to_markdown, ".md", "text/markdown; charset=utf-8"),
}


def __getattr__(name: str) -> Any:
    if name in ("to_xml", "xml_schema"):
        from gdplan.export import xml

        return getattr(xml, name)
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
    "to_xml",
    "xml_schema",
]
