"""The report: parsed plans → one self-contained, offline HTML page.

:func:`render_report` lays out one or many documents (see :mod:`gdplan.report.view` for
what is shown) with the Jinja2 templates in ``templates/`` (package data). The page needs
nothing from a network: its CSS and script are inline, it uses the system's fonts, its
chart is an inline SVG, and a Content-Security-Policy forbids it to load anything.
Autoescaping is on, so every text from the input reaches the page as text.

Imports the model (and the ledger view of it), never the command line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from gdplan._version import __version__
from gdplan.model import Document

if TYPE_CHECKING:
    import jinja2


@dataclass(frozen=True)
class Failure:
    """An input that could not be read, shown in the report with its reason."""

    source: str
    reason: str


@cache
def _environment() -> jinja2.Environment:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("gdplan.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_report(
    docs: Sequence[Document], *, title: str | None = None, failures: Sequence[Failure] = ()
) -> str:
    """The HTML page for ``docs`` (in the order given)."""
    from gdplan.report.view import SYMBOLS, document_view

    views = [document_view(doc, i) for i, doc in enumerate(docs, start=1)]
    units = sorted({name for view in views for item in view.items for name in item.unit_names})
    if title is None:
        title = views[0].title if len(views) == 1 else f"{len(views)} 份计划的任务分工"
    template = _environment().get_template("report.html.j2")
    page = template.render(
        title=title,
        documents=views,
        failures=list(failures),
        units=units,
        total_items=sum(len(v.items) for v in views),
        total_units=len({row.key for v in views for row in v.matrix}),
        symbols={role.value: symbol for role, symbol in SYMBOLS.items()},
        mark_roles={symbol: role.value for role, symbol in SYMBOLS.items()},
        version=__version__,
    )
    return _drop_layout_whitespace(page)


_RAW_BLOCK = re.compile(r"(<(script|style)\b.*?</\2>)", re.DOTALL)
_BETWEEN_TAGS = re.compile(r">\s+<")


def _drop_layout_whitespace(page: str) -> str:
    """Remove the template's indentation between tags (outside <style> and <script>).

    Each run of it is a text node in the browser: a hundred-document page has tens of
    thousands. Whitespace inside a text is untouched (input text is escaped, so every
    ``>`` and ``<`` in the page belongs to a tag); the CSS spaces elements, not blanks.
    """
    parts = _RAW_BLOCK.split(page)
    out: list[str] = []
    # split() with two groups yields: text, whole block, tag name, text, …
    for i in range(0, len(parts), 3):
        out.append(_BETWEEN_TAGS.sub("><", parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)


__all__ = ["Failure", "render_report"]
