"""XML in gdplan's vocabulary (namespace :data:`NAMESPACE`, schema ``gdplan.xsd``).

docs/xml.md describes every element. XML 1.0 cannot hold most C0 control characters
(not even as character references), so those few are written as U+FFFD.

The text is built directly as strings, laid out exactly as lxml's ``pretty_print`` lays out
the same tree (two spaces a level; an element with text on one line; an empty one as
``<name/>``); tests/test_export_xml.py checks the two agree. Each element has one builder
below that lists its attributes in order; a unit's attributes are made in one place,
:func:`unit_attributes`.
"""

from __future__ import annotations

import functools
import operator
import re
from importlib import resources
from typing import TYPE_CHECKING

from gdplan.model import ROLES, Diagnostic, Document, Node, Notice, Provenance, Responsibility, Span, Unit

if TYPE_CHECKING:
    from lxml import etree

NAMESPACE = "https://gdplan.dev/ns/1.0"
XSD_RESOURCE = "gdplan.xsd"

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
# what must be escaped (or replaced) in text and in attribute values; most strings hold none
_TEXT_SPECIAL = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ATTR_SPECIAL = re.compile('[&<>"\n\r\t\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]')
# (model field, role attribute): an enum's .value is a slow property, so read it once here
_ROLE_NAMES = tuple((role.value, role.value) for role in ROLES)
# what a <unit> line is made of; a document repeats the same unit many times (下同, one
# department in many tasks), so each distinct line is built once (see _unit_line)
_UNIT_FIELDS = operator.attrgetter("name", "key", "unit_id", "jurisdiction", "kind", "canonical", "column")


def to_xml(doc: Document) -> str:
    """The document as an XML string (with its declaration), valid against :func:`xml_schema`."""
    out: list[str] = [
        _DECLARATION,
        f'<document xmlns="{NAMESPACE}"'
        f"{_attr('schema-version', doc.schema_version)}{_attr('doc-id', doc.doc_id)}"
        f'{_attr("source", doc.source)} complete="{_bool(doc.complete)}"{_attr("script", doc.script)}>\n',
    ]
    _provenance(out, doc.provenance)
    if doc.notice is not None:
        _notice(out, doc.notice)
    _plan(out, doc)
    _diagnostics(out, doc.diagnostics)
    out.append("</document>\n")
    return "".join(out)


@functools.cache
def xml_schema() -> etree.XMLSchema:
    """The XSD shipped with the package, compiled."""
    from lxml import etree

    xsd = resources.files("gdplan.export").joinpath(XSD_RESOURCE).read_bytes()
    return etree.XMLSchema(etree.fromstring(xsd))


# One builder per element, writing its lines into ``out``; ``pad`` is the element's
# indentation. Attributes are written in the order the schema documents them; ``_attr``
# leaves out one whose value is None.

_PAD = "  "


def _provenance(out: list[str], provenance: Provenance) -> None:
    out.append(
        f"{_PAD}<provenance{_attr('source', provenance.source)}{_attr('sha256', provenance.sha256)}"
        f"{_attr('media-type', provenance.media_type)}{_attr('encoding', provenance.encoding)}"
        f"{_attr('generator', provenance.generator)}/>\n"
    )


def _notice(out: list[str], notice: Notice) -> None:
    pad = _PAD * 2
    lines: list[str] = []
    _text_child(lines, pad, "title", notice.title)
    _text_child(lines, pad, "doc-number", notice.doc_number)
    _text_child(lines, pad, "issuer", notice.issuer)
    if notice.addressees:
        lines.append(f"{pad}<addressees>\n")
        for addressee in notice.addressees:
            _text_child(lines, pad + _PAD, "addressee", addressee)
        lines.append(f"{pad}</addressees>\n")
    _text_child(lines, pad, "signature", notice.signature)
    _text_child(lines, pad, "date", notice.date)
    _element(out, _PAD, f"notice{_span(notice.span)}", "notice", lines)


def _plan(out: list[str], doc: Document) -> None:
    pad = _PAD * 2
    lines: list[str] = []
    _text_child(lines, pad, "title", doc.title)
    _text_child(lines, pad, "preamble", doc.preamble)
    for node in doc.children:
        _node(lines, pad, node)
    year = "" if doc.year is None else f' year="{doc.year}"'
    _element(out, _PAD, f"plan{year}", "plan", lines)


def _node(out: list[str], pad: str, node: Node) -> None:
    path = " ".join(map(str, node.path))
    truncated = ' truncated="true"' if node.truncated else ""
    out.append(
        f'{pad}<node kind="{node.kind}" style="{node.style}"{_attr("label", node.label)}'
        f' number="{node.number}" path="{path}" line="{node.line}"{_span(node.span)}{truncated}>\n'
    )
    inner = pad + _PAD
    out.append(f"{inner}<title>{_text(node.title)}</title>\n")  # a node always has its title
    if node.text:
        out.append(f"{inner}<text>{_text(node.text)}</text>\n")
    if node.responsibility.stated:
        _responsibility(out, inner, node.responsibility)
    for child in node.children:
        _node(out, inner, child)
    out.append(f"{pad}</node>\n")


def _responsibility(out: list[str], pad: str, duty: Responsibility) -> None:
    start = (
        f'responsibility form="{duty.form}" open-ended="{_bool(duty.open_ended)}"'
        f"{_attr('deadline', duty.deadline)}"
    )
    carried = duty.carried
    # units compared by value as the model's == compares them (same type, same fields)
    carried_keys = {(type(unit), _UNIT_FIELDS(unit)) for unit in carried}
    inner = pad + _PAD
    lines: list[str] = []
    named: set[tuple[type, tuple[str | None, ...]]] = set()
    for field, role_name in _ROLE_NAMES:
        for unit in getattr(duty, field):
            fields = _UNIT_FIELDS(unit)
            key = (type(unit), fields)
            lines.append(inner + _unit_line(fields, role_name, key in carried_keys))
            named.add(key)
    for unit in carried:  # carried units are also in a role list; keep any that is not
        fields = _UNIT_FIELDS(unit)
        if (type(unit), fields) not in named:
            lines.append(inner + _unit_line(fields, None, True))
    if duty.clause is not None:
        lines.append(f"{inner}<clause{_span(duty.clause_span)}>{_text(duty.clause)}</clause>\n")
    _element(out, pad, start, "responsibility", lines)


def unit_attributes(unit: Unit, role: str | None, *, carried: bool) -> str:
    """The attributes of ``<unit>``, in order: the one place to add a unit's attribute."""
    return _unit_attributes(_UNIT_FIELDS(unit)[1:], role, carried)


@functools.lru_cache(maxsize=4096)
def _unit_line(fields: tuple[str | None, ...], role: str | None, carried: bool) -> str:
    """``<unit …>name</unit>`` and its line break, without the indent: a pure function of
    the unit's fields (``_UNIT_FIELDS``), so a line repeated in a document is built once."""
    name = fields[0]
    assert name is not None
    return f"<unit{_unit_attributes(fields[1:], role, carried)}>{_text(name)}</unit>\n"


def _unit_attributes(fields: tuple[str | None, ...], role: str | None, carried: bool) -> str:
    key, unit_id, jurisdiction, kind, canonical, column = fields
    return (
        _attr("role", role)
        + _attr("key", key)
        + (' carried="true"' if carried else "")
        + _attr("unit-id", unit_id)
        + _attr("jurisdiction", jurisdiction)
        + _attr("kind", kind)  # a StrEnum: it is its value
        + _attr("canonical", canonical)
        + _attr("column", column)
    )


def _diagnostics(out: list[str], diagnostics: list[Diagnostic]) -> None:
    lines: list[str] = []
    for diagnostic in diagnostics:
        line = "" if diagnostic.line is None else f' line="{diagnostic.line}"'
        lines.append(
            f"{_PAD * 2}<diagnostic{_attr('level', diagnostic.level)}{_attr('code', diagnostic.code)}"
            f"{line}{_span(diagnostic.span)}>{_text(diagnostic.message)}</diagnostic>\n"
        )
    _element(out, _PAD, "diagnostics", "diagnostics", lines)


# helpers: XML escaping, and the small pieces every builder uses


def _element(out: list[str], pad: str, start: str, tag: str, lines: list[str]) -> None:
    """An element whose content is ``lines`` (its children): ``<start>`` … ``</tag>``, or
    ``<start/>`` when it has none. ``start`` is the tag with its attributes."""
    if lines:
        out.append(f"{pad}<{start}>\n")
        out.extend(lines)
        out.append(f"{pad}</{tag}>\n")
    else:
        out.append(f"{pad}<{start}/>\n")


def _text_child(out: list[str], pad: str, tag: str, text: str | None) -> None:
    """``<tag>text</tag>`` on its own line; nothing when ``text`` is None."""
    if text is not None:
        out.append(f"{pad}<{tag}>{_text(text)}</{tag}>\n")


def _attr(name: str, value: str | None) -> str:
    """`` name="value"``, escaped; "" when ``value`` is None."""
    if value is None:
        return ""
    if _ATTR_SPECIAL.search(value) is not None:
        value = _safe(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        value = value.replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;")
        value = value.replace("\t", "&#9;")
    return f' {name}="{value}"'


def _text(text: str) -> str:
    """Element text, escaped."""
    if _TEXT_SPECIAL.search(text) is None:
        return text
    text = _safe(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\r", "&#13;")


def _span(span: Span | None) -> str:
    return "" if span is None else f' start="{span[0]}" end="{span[1]}"'


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
