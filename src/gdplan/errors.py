"""Errors gdplan raises: every one names the source and, where it can, the line."""

from __future__ import annotations

from enum import StrEnum


class ErrorLevel(StrEnum):
    """What to do with a problem in the text (not with unreadable input, which always raises).

    IGNORE: record nothing; WARN: record a diagnostic and go on (default);
    RAISE: stop with a ParseError at the first problem.
    """

    IGNORE = "ignore"
    WARN = "warn"
    RAISE = "raise"


class GdplanError(Exception):
    """Base of every error gdplan raises on purpose."""

    def __init__(self, reason: str, *, source: str = "<input>", line: int | None = None) -> None:
        from gdplan.names import printable

        self.reason = reason
        self.source = source = printable(source)  # a file name that is not UTF-8, escaped
        self.line = line
        where = source if line is None else f"{source}:{line}"
        super().__init__(f"{where}: {reason}")


class InputError(GdplanError):
    """The input cannot be read at all (missing file, unsupported format)."""


class DecodeError(InputError):
    """The bytes are not text in any encoding gdplan accepts."""


class NotAPlanError(GdplanError):
    """The text was read but holds no plan: no numbered structure at all."""


class ParseError(GdplanError):
    """A problem in the text, raised only with errors=ErrorLevel.RAISE."""
