"""The invisible part of a line: ``<!-- name=value … -->`` at its end.

What a reader needs to rebuild the tree but a person does not need to see (marker
style, printed number, spans, unit keys) rides in an HTML comment, which every Markdown
renderer hides. Values are escaped like text, with spaces as references, so a space
always separates two attributes.
"""

from __future__ import annotations

from collections.abc import Mapping

from gdplan.export.markdown.escape import escape_text, find_unescaped, may_escape, unescape
from gdplan.export.markdown.grammar import LIST_SEPARATOR
from gdplan.model import Span

_OPEN = "<!-- "
_CLOSE = " -->"
# every character _format_value may escape in a value or a list item: none of them, no escape
_PLAIN_CHECK = " \t" + LIST_SEPARATOR


class AttrsError(ValueError):
    """A line's attribute comment does not follow the layout."""


def format_attrs(attrs: Mapping[str, str | list[str]]) -> str:
    """`` <!-- a=1 b=2 -->`` (with its leading space), or "" when there is nothing to say."""
    if not attrs:
        return ""
    values = [item for value in attrs.values() for item in ((value,) if isinstance(value, str) else value)]
    if not may_escape(_PLAIN_CHECK).search("".join(values)):  # the common case: nothing to escape
        pairs = " ".join(
            f"{name}={value if isinstance(value, str) else LIST_SEPARATOR.join(value)}"
            for name, value in attrs.items()
        )
    else:
        pairs = " ".join(f"{name}={_format_value(value)}" for name, value in attrs.items())
    return f" {_OPEN}{pairs}{_CLOSE}"


def format_plain_attrs(attrs: Mapping[str, str]) -> str:
    """:func:`format_attrs` for values that never need escaping, by their type: numbers,
    spans, paths, marker styles, kinds. No check runs (a heading line has five of them)."""
    if not attrs:
        return ""
    return format_plain_pairs(" ".join([f"{name}={value}" for name, value in attrs.items()]))


def format_plain_pairs(pairs: str) -> str:
    """`` <!-- pairs -->`` for ``name=value`` pairs already joined by spaces, none needing
    escaping (a heading line builds its pairs directly: it is written for every node)."""
    return f" {_OPEN}{pairs}{_CLOSE}"


def _format_value(value: str | list[str]) -> str:
    if isinstance(value, str):
        return escape_text(value, extra=" ")
    return LIST_SEPARATOR.join(escape_text(item, extra=" " + LIST_SEPARATOR) for item in value)


def split_attrs(raw: str) -> tuple[str, dict[str, str]]:
    """Split a raw line into its visible part and its attributes (values still escaped:
    read them with :func:`attr_text` or :func:`attr_list`)."""
    start = find_unescaped(raw, "<")
    if start < 0:
        return raw, {}
    comment = raw[start:]
    if not (comment.startswith(_OPEN) and comment.endswith(_CLOSE)) or raw[start - 1 : start] != " ":
        raise AttrsError(f"expected ' {_OPEN}name=value …{_CLOSE}' at the end of the line, got {comment!r}")
    attrs: dict[str, str] = {}
    for pair in comment[len(_OPEN) : -len(_CLOSE)].split(" "):
        name, equals, value = pair.partition("=")
        if not equals or not name:
            raise AttrsError(f"attribute {pair!r} is not name=value")
        if name in attrs:
            raise AttrsError(f"attribute {name!r} given twice")
        attrs[name] = value
    return raw[: start - 1], attrs


def attr_text(raw: str) -> str:
    return unescape(raw)


def attr_list(raw: str) -> list[str]:
    return [unescape(item) for item in raw.split(LIST_SEPARATOR)]


def format_span(span: Span) -> str:
    return f"{span[0]},{span[1]}"


def parse_span(raw: str) -> Span:
    value = unescape(raw)
    start, comma, end = value.partition(",")
    try:
        if comma:
            return int(start), int(end)
    except ValueError:
        pass
    raise AttrsError(f"span {value!r} is not start,end")


def parse_int(name: str, raw: str) -> int:
    value = unescape(raw)
    try:
        return int(value)
    except ValueError:
        raise AttrsError(f"{name} {value!r} is not an integer") from None
