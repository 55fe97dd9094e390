"""The XML exporter as first written, with lxml's tree and ``pretty_print``: the meaning.

gdplan.export.xml builds the same text directly as strings (three times faster);
tests/test_export_xml.py checks that both give the same text for any document.
"""

from __future__ import annotations

import re

from lxml import etree

from gdplan.export.xml import NAMESPACE
from gdplan.model import ROLES, Diagnostic, Document, Node, Notice, Provenance, Responsibility, Span, Unit

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NSMAP: dict[str | None, str] = {None: NAMESPACE}  # the default namespace, no prefix
_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


def to_xml(doc: Document) -> str:
    """The document as lxml builds it and pretty-prints it."""
    root = etree.Element(_qname("document"), nsmap=_NSMAP)  # type: ignore[arg-type]  # stubs lack None keys
    _set(root, "schema-version", doc.schema_version)
    _set(root, "doc-id", doc.doc_id)
    _set(root, "source", doc.source)
    _set(root, "complete", _bool(doc.complete))
    _set(root, "script", doc.script)
    _provenance(root, doc.provenance)
    if doc.notice is not None:
        _notice(root, doc.notice)
    _plan(root, doc)
    _diagnostics(root, doc.diagnostics)
    return _DECLARATION + etree.tostring(root, encoding="unicode", pretty_print=True)


# one builder per element


def _provenance(parent: etree._Element, provenance: Provenance) -> None:
    element = _element(parent, "provenance")
    _set(element, "source", provenance.source)
    _set(element, "sha256", provenance.sha256)
    _set(element, "media-type", provenance.media_type)
    _set(element, "encoding", provenance.encoding)
    _set(element, "generator", provenance.generator)


def _notice(parent: etree._Element, notice: Notice) -> None:
    element = _element(parent, "notice")
    _set_span(element, notice.span)
    _child(element, "title", notice.title)
    _child(element, "doc-number", notice.doc_number)
    _child(element, "issuer", notice.issuer)
    if notice.addressees:
        addressees = _element(element, "addressees")
        for addressee in notice.addressees:
            _child(addressees, "addressee", addressee)
    _child(element, "signature", notice.signature)
    _child(element, "date", notice.date)


def _plan(parent: etree._Element, doc: Document) -> None:
    element = _element(parent, "plan")
    if doc.year is not None:
        _set(element, "year", str(doc.year))
    _child(element, "title", doc.title)
    _child(element, "preamble", doc.preamble)
    for node in doc.children:
        _node(element, node)


def _node(parent: etree._Element, node: Node) -> None:
    element = _element(parent, "node")
    _set(element, "kind", node.kind)
    _set(element, "style", node.style.value)
    _set(element, "label", node.label)
    _set(element, "number", str(node.number))
    _set(element, "path", " ".join(str(ordinal) for ordinal in node.path))
    _set(element, "line", str(node.line))
    _set_span(element, node.span)
    if node.truncated:
        _set(element, "truncated", "true")
    _child(element, "title", node.title)
    if node.text:
        _child(element, "text", node.text)
    if node.responsibility.stated:
        _responsibility(element, node.responsibility)
    for child in node.children:
        _node(element, child)


def _responsibility(parent: etree._Element, duty: Responsibility) -> None:
    element = _element(parent, "responsibility")
    _set(element, "form", duty.form.value)
    _set(element, "open-ended", _bool(duty.open_ended))
    _set(element, "deadline", duty.deadline)
    named: list[Unit] = []
    for role in ROLES:
        for unit in duty.units(role):
            _unit(element, unit, role.value, carried=unit in duty.carried)
            named.append(unit)
    for unit in duty.carried:  # carried units are also in a role list; keep any that is not
        if unit not in named:
            _unit(element, unit, None, carried=True)
    if duty.clause is not None:
        clause = _child(element, "clause", duty.clause)
        _set_span(clause, duty.clause_span)


def _unit(parent: etree._Element, unit: Unit, role: str | None, *, carried: bool) -> None:
    element = _element(parent, "unit")
    _set(element, "role", role)
    _set(element, "key", unit.key)
    if carried:
        _set(element, "carried", "true")
    _set(element, "unit-id", unit.unit_id)
    _set(element, "jurisdiction", unit.jurisdiction)
    _set(element, "kind", unit.kind.value if unit.kind is not None else None)
    _set(element, "canonical", unit.canonical)
    _set(element, "column", unit.column)
    element.text = _safe(unit.name)


def _diagnostics(parent: etree._Element, diagnostics: list[Diagnostic]) -> None:
    element = _element(parent, "diagnostics")
    for diagnostic in diagnostics:
        item = _child(element, "diagnostic", diagnostic.message)
        _set(item, "level", diagnostic.level)
        _set(item, "code", diagnostic.code)
        if diagnostic.line is not None:
            _set(item, "line", str(diagnostic.line))
        _set_span(item, diagnostic.span)


# helpers


def _qname(local: str) -> str:
    return f"{{{NAMESPACE}}}{local}"


def _element(parent: etree._Element, local: str) -> etree._Element:
    return etree.SubElement(parent, _qname(local))


def _child(parent: etree._Element, local: str, text: str | None) -> etree._Element:
    """Append ``<local>text</local>``; nothing when ``text`` is None (returns the parent then)."""
    if text is None:
        return parent
    element = _element(parent, local)
    element.text = _safe(text)
    return element


def _set(element: etree._Element, name: str, value: str | None) -> None:
    if value is not None:
        element.set(name, _safe(value))


def _set_span(element: etree._Element, span: Span | None) -> None:
    if span is not None:
        _set(element, "start", str(span[0]))
        _set(element, "end", str(span[1]))


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
