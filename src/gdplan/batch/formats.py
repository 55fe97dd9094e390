"""Output formats the command line knows: name → file extension and the function that renders its bytes.

The one registry is the exporters' (``gdplan.export.FORMATS``); this module adds what the
command line needs on top: parsing ``--to json,xml``, aliases, and ``all``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gdplan.export import FORMATS as EXPORTERS
from gdplan.model import Document


@dataclass(frozen=True)
class OutputFormat:
    name: str  # as given to --to
    extension: str  # with the dot
    render: Callable[[Document], bytes]  # the file's bytes (text formats: UTF-8, ending in a newline)
    binary: bool = False  # not text: never written to standard output


FORMATS: dict[str, OutputFormat] = {
    name: OutputFormat(name, exporter.suffix, exporter.to_bytes, exporter.binary)
    for name, exporter in EXPORTERS.items()
}
ALIASES = {"markdown": "md"}


class UnknownFormatError(ValueError):
    """--to named a format gdplan does not write."""


def parse_formats(spec: str) -> tuple[OutputFormat, ...]:
    """``"json,xml"`` → the formats, in the order given, each once; ``all`` means every format."""
    names: list[str] = []
    for raw in spec.split(","):
        name = ALIASES.get(raw.strip().lower(), raw.strip().lower())
        if not name:
            continue
        if name == "all":
            names.extend(FORMATS)
            continue
        if name not in FORMATS:
            known = ", ".join([*FORMATS, "all"])
            raise UnknownFormatError(f"unknown format {raw.strip()!r} (choose from {known})")
        names.append(name)
    if not names:
        raise UnknownFormatError("no format given")
    return tuple(FORMATS[n] for n in dict.fromkeys(names))


def render_bytes(doc: Document, fmt: OutputFormat) -> bytes:
    """The document in one format, as the bytes of its file (files and stdout alike)."""
    return fmt.render(doc)


def render_text(doc: Document, fmt: OutputFormat) -> str:
    """A text format's output as ``str``, ending in a newline (a binary format has none)."""
    if fmt.binary:
        raise ValueError(f"{fmt.name} is a binary format: use render_bytes")
    return fmt.render(doc).decode("utf-8")
