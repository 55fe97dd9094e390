"""JSON: the whole document, the CONTRACT keys first-class, and its JSON Schema."""

from __future__ import annotations

from typing import Any

from gdplan.export.validate import validated
from gdplan.model import SCHEMA_VERSION, Document

SCHEMA_ID = f"https://gdplan.dev/schema/{SCHEMA_VERSION}/document.json"
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def to_json(doc: Document, *, indent: int | None = 2) -> str:
    """The document as UTF-8 JSON text (CJK kept as is, not ``\\u`` escaped).

    Keys follow the model's field order; spans are ``[start, end]`` arrays. pydantic's own
    serializer writes it (the same text as ``json.dumps`` with ``ensure_ascii=False``, about
    eight times faster); ``indent=None`` gives the compact form.
    """
    return doc.model_dump_json(indent=indent)


def to_json_bytes(doc: Document) -> bytes:
    """The ``--to json`` file: :func:`to_json` as UTF-8 with a final newline.

    Straight from pydantic's serializer, which makes UTF-8 bytes: ``to_json`` decodes them
    to ``str``, and a file would encode them back (≈0.3 ms a seed-sized document).
    """
    return doc.__pydantic_serializer__.to_json(doc, indent=2) + b"\n"


def from_json(text: str | bytes, *, name: str = "<json>") -> Document:
    """Read JSON written by :func:`to_json` back into a :class:`Document`.

    Raises :class:`~gdplan.errors.InputError` naming ``name`` when the text is not
    JSON or not a gdplan document.
    """
    return validated(text, what="JSON document", name=name)


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every :func:`to_json` output satisfies."""
    schema: dict[str, Any] = {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": SCHEMA_ID,
    }
    schema.update(Document.model_json_schema(mode="serialization"))
    return schema
