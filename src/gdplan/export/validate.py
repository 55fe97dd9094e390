"""Reading a document back (JSON, Markdown): model validation errors as gdplan errors."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from gdplan.errors import InputError
from gdplan.model import Document


def validated(data: str | bytes | dict[str, Any], *, what: str, name: str) -> Document:
    """A Document from JSON text or a dict; an InputError naming the source and the first bad field."""
    try:
        if isinstance(data, dict):
            return Document.model_validate(data)
        return Document.model_validate_json(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "document"
        raise InputError(f"not a gdplan {what}: {where}: {first['msg']}", source=name) from None
