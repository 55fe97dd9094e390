"""Command-line options several commands share: how an input is read and parsed."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gdplan.model import Document

READERS = ("txt", "html", "docx", "pdf", "md", "json")  # gdplan.load.READERS, without loading it


def add_parse_options(command: argparse.ArgumentParser) -> None:
    """--script, --errors and --max-bytes: what every command that parses notices takes."""
    command.add_argument(
        "--script",
        choices=("original", "simplified"),
        default="original",
        help="script of the text fields: as printed (default) or converted to simplified",
    )
    command.add_argument(
        "--errors",
        choices=("ignore", "warn", "raise"),
        default="warn",
        help="problems in the text: ignore them, record them as diagnostics (default), or fail the input",
    )
    command.add_argument(
        "--max-bytes",
        type=size,
        default="50M",
        metavar="SIZE",
        help="refuse an input larger than SIZE (default 50M; suffixes K, M, G; 0: no limit)",
    )


def add_reader_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--from",
        dest="reader",
        choices=READERS,
        metavar="READER",
        help="read every input as this: txt html docx pdf md json (default: by name and content)",
    )


def size(text: str) -> int | None:
    """A --max-bytes value: 50M, 512K, 0 (no limit)."""
    from gdplan.limits import parse_size

    try:
        return parse_size(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def load(path: Path, args: argparse.Namespace, *, name: str | None = None) -> Document:
    """One input as the parse options (and --from, when the command has it) say."""
    from gdplan.limits import Limits
    from gdplan.load import load_document

    return load_document(
        path,
        reader=getattr(args, "reader", None),
        script=args.script,
        errors=args.errors,
        name=name,
        limits=Limits().with_max_bytes(args.max_bytes),
    )
