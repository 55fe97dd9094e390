"""Markdown a person reads and gdplan reads back to the same tree (grammar: docs/formats.md)."""

from gdplan.export.markdown.read import from_markdown
from gdplan.export.markdown.write import to_markdown

__all__ = ["from_markdown", "to_markdown"]
