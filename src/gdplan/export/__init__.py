"""Exporters: a Document → JSON, JSON Lines, XML, Markdown (and Markdown/JSON back).

Exporters read only :mod:`gdplan.model`. :data:`FORMATS` is what the CLI offers for
``--to``; each entry loads its module on first use, and so do the names below (lxml loads
only for the XSD), so ``gdplan convert --to json`` loads no other exporter.
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
    from gdplan.export.xml import to_xml, xml_schema


@dataclass(frozen=True)
class Exporter:
    """One output format: how to write it, the file suffix, the media type."""

    write: Callable[[Document], str]
    suffix: str
    media_type: str


def _write_json(doc: Document) -> str:
    from gdplan.export.json import to_json

    return to_json(doc) + "\n"


def _write_jsonl(doc: Document) -> str:
    from gdplan.export.jsonl import to_jsonl

    return to_jsonl(doc)


def _write_xml(doc: Document) -> str:
    from gdplan.export.xml import to_xml

    return to_xml(doc)


def _write_md(doc: Document) -> str:
    from gdplan.export.markdown.write import to_markdown

    return to_markdown(doc)


FORMATS: dict[str, Exporter] = {
    "json": Exporter(_write_json, ".json", "application/json"),
    "jsonl": Exporter(_write_jsonl, ".jsonl", "application/jsonl"),
    "xml": Exporter(_write_xml, ".xml", "application/xml"),
    "md": Exporter(_write_md, ".md", "text/markdown; charset=utf-8"),
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
}


def load_all() -> None:
    """Load every exporter now (a batch does, before forking its workers)."""
    for module in ("json", "jsonl", "markdown", "markdown.write", "xml"):
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
    "to_xml",
    "xml_schema",
]
