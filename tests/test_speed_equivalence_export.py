"""The exporters' fast paths equal the plain definitions they skip.

Markdown escaping walks every character; the writer first asks one compiled pattern whether
any character could change and returns the text as it is when none can. The plain walks
below are the meaning; Hypothesis draws strings rich in what the layout escapes. (The XML
writer is compared with lxml's own output in tests/test_export_xml.py.)
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from hypothesis import given
from hypothesis import strategies as st

from gdplan.export import FORMATS, to_json
from gdplan.export.markdown import escape
from gdplan.export.markdown import grammar as g
from gdplan.export.markdown.attrs import _CLOSE, _OPEN, format_attrs, format_plain_attrs
from gdplan.export.markdown.write import _joined
from gdplan.model import Document, MarkerStyle
from tests.export_documents import documents, rich_document


def plain_escape_text(text: str, *, extra: str = "") -> str:
    """escape_text as first written: every character looked at."""
    body_start = len(text) - len(text.lstrip(" \t"))
    body_end = len(text.rstrip(" \t"))
    out: list[str] = []
    for index, char in enumerate(text):
        at_edge = index < body_start or index >= body_end
        if at_edge or char in escape._ALWAYS_REFERENCED or char in extra:
            out.append(escape.reference(char))
        elif char in escape._ACTIVE:
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def plain_escape_block(text: str) -> str:
    """escape_block as first written: every line escaped on its own."""
    lines = []
    for line in text.split("\n"):
        escaped = plain_escape_text(line)
        if escaped[:1] in ("-", "+", "="):
            escaped = "\\" + escaped
        else:
            match = re.match(r"\d{1,9}[.)]", escaped)
            if match:
                escaped = escaped[: match.end() - 1] + "\\" + escaped[match.end() - 1 :]
        lines.append(escaped)
    return "\n".join(lines)


def plain_joined(names: list[str]) -> str:
    escaped = []
    for name in names:
        text = plain_escape_text(name, extra=g.LIST_SEPARATOR)
        if text.endswith(g.OPEN_ENDED_MARK):
            text = text[: -len(g.OPEN_ENDED_MARK)] + escape.reference(g.OPEN_ENDED_MARK)
        escaped.append(text)
    return g.LIST_SEPARATOR.join(escaped)


def plain_format_attrs(attrs: Mapping[str, str | list[str]]) -> str:
    if not attrs:
        return ""

    def value_text(value: str | list[str]) -> str:
        if isinstance(value, str):
            return plain_escape_text(value, extra=" ")
        return g.LIST_SEPARATOR.join(plain_escape_text(item, extra=" " + g.LIST_SEPARATOR) for item in value)

    pairs = " ".join(f"{name}={value_text(value)}" for name, value in attrs.items())
    return f" {_OPEN}{pairs}{_CLOSE}"


# CJK, the layout's separators, Markdown's active characters, spaces, tabs, controls
_PIECES = [*"省局等、：，。 \t\n\r\x00\x7f\x85\u2028\u3000#*_`[]<>&|~$\\-+=1.)", "甲乙", "等、"]
texts = st.lists(st.sampled_from(_PIECES), max_size=10).map("".join)
extras = st.sampled_from(["", " ", g.LIST_SEPARATOR, " " + g.LIST_SEPARATOR, " " + g.COLON, "\t"])


@given(texts, extras)
def test_escape_text_equals_the_plain_walk(text: str, extra: str) -> None:
    assert escape.escape_text(text, extra=extra) == plain_escape_text(text, extra=extra)


@given(st.lists(st.one_of(texts, st.just("\n"), st.just("12."), st.just("３)")), max_size=6).map("".join))
def test_escape_block_equals_the_plain_walk(text: str) -> None:
    assert escape.escape_block(text) == plain_escape_block(text)


@given(st.lists(texts, min_size=1, max_size=4))
def test_joined_names_equal_the_plain_walk(names: list[str]) -> None:
    assert _joined(names) == plain_joined(names)


@given(st.dictionaries(st.sampled_from(["span", "key", "line", "path"]), st.one_of(texts, st.lists(texts))))
def test_format_attrs_equals_the_plain_walk(attrs: dict[str, str | list[str]]) -> None:
    assert format_attrs(attrs) == plain_format_attrs(attrs)


_plain_values = st.one_of(
    st.integers(-5, 10**6).map(str),
    st.sampled_from([style.value for style in MarkerStyle] + ["heading", "item"]),
    st.lists(st.integers(0, 99), min_size=1, max_size=4).map(lambda path: ".".join(map(str, path))),
    st.tuples(st.integers(0, 10**5), st.integers(0, 10**5)).map(lambda span: f"{span[0]},{span[1]}"),
)


@given(
    st.dictionaries(
        st.sampled_from(["style", "number", "kind", "path", "line", "span", "depth"]), _plain_values
    )
)
def test_plain_attrs_are_what_format_attrs_writes_for_numbers_paths_spans_and_styles(
    attrs: dict[str, str],
) -> None:
    assert format_plain_attrs(attrs) == format_attrs(attrs)


def test_the_fast_paths_leave_plain_text_alone_and_escape_the_rest() -> None:
    assert escape.escape_text("省财政厅") == "省财政厅"
    assert escape.escape_text(" 省财政厅") == "&#32;省财政厅"
    assert _joined(["省财政厅", "省科技厅"]) == "省财政厅、省科技厅"
    assert _joined(["有关单位等", "省科技厅"]) == "有关单位&#31561;、省科技厅"
    assert format_attrs({"key": ["甲 乙", "丙"]}) == " <!-- key=甲&#32;乙、丙 -->"


@given(documents())
def test_json_file_bytes_are_to_json_encoded(doc: Document) -> None:
    # FORMATS["json"] takes pydantic's bytes as they are; the meaning is to_json's text + "\n"
    assert FORMATS["json"].to_bytes(doc) == (to_json(doc) + "\n").encode("utf-8")


def test_json_file_bytes_of_the_rich_document() -> None:
    doc = rich_document()
    assert FORMATS["json"].to_bytes(doc) == (to_json(doc) + "\n").encode("utf-8")
