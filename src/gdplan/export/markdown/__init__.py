"""Markdown a person reads and gdplan reads back to the same tree (grammar: docs/formats.md).

The writer and the reader load on first use: writing does not compile the reader's patterns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gdplan.export.markdown.read import from_markdown
    from gdplan.export.markdown.write import to_markdown


def __getattr__(name: str) -> Any:
    if name == "from_markdown":
        from gdplan.export.markdown.read import from_markdown

        return from_markdown
    if name == "to_markdown":
        from gdplan.export.markdown.write import to_markdown

        return to_markdown
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["from_markdown", "to_markdown"]
