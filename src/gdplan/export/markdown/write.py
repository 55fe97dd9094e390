"""Document → Markdown, one small function per block of the layout (docs/formats.md)."""

from __future__ import annotations

import functools
import json
import operator
from collections.abc import Mapping
from typing import Any

from gdplan.export.markdown import grammar as g
from gdplan.export.markdown.attrs import format_attrs, format_plain_pairs, format_span
from gdplan.export.markdown.escape import escape_block, escape_text, may_escape, reference
from gdplan.model import ROLES, Diagnostic, Document, Node, Notice, Responsibility, Role, Unit

_DEFAULT_FORM = Responsibility.model_fields["form"].default
_ROLE_FIELDS = tuple((role, role.value) for role in ROLES)  # an enum's .value is a slow property
_ROLE_LABELS = {role: g.ROLE_LABELS[role] for role in ROLES}
# what escape_text(name, extra=、) may change in a name (spaces and tabs only at its ends)
_NAME_CHECK = " \t" + g.LIST_SEPARATOR
_ENDS_OPEN = g.OPEN_ENDED_MARK + g.LIST_SEPARATOR


def to_markdown(doc: Document) -> str:
    """The document as Markdown a person can read and :func:`from_markdown` can read back."""
    blocks = [front_matter(doc)]
    if doc.title is not None:
        blocks.append(title_line(doc.title))
    if doc.notice is not None:
        blocks.append(notice_block(doc.notice))
    if doc.preamble is not None:
        blocks.append(escape_block(doc.preamble))
    for index, node in enumerate(doc.children, start=1):
        node_blocks(blocks, node, depth=1, positional_path=[index])
    if doc.diagnostics:
        blocks.append(diagnostics_block(doc.diagnostics))
    return g.BLOCK_SEPARATOR.join(blocks) + "\n"


def front_matter(doc: Document) -> str:
    """What has no place in the reading text, as YAML whose values are JSON."""
    values = doc.model_dump(mode="json", include=set(g.FRONT_MATTER_KEYS))
    lines = [f"{key}: {json.dumps(values[key], ensure_ascii=False)}" for key in g.FRONT_MATTER_KEYS]
    return "\n".join([g.FENCE, *lines, g.FENCE])


def title_line(title: str) -> str:
    return f"# {escape_text(title)}" if title else "#"


def notice_block(notice: Notice) -> str:
    attrs = {"span": format_span(notice.span)} if notice.span is not None else {}
    lines = [g.NOTICE_HEADER + format_attrs(attrs)]
    for field, label in g.NOTICE_LABELS.items():
        value = getattr(notice, field)
        if field == "addressees":
            if value:
                lines.append(_fact(label, _joined(value)))
        elif value is not None:
            lines.append(_fact(label, escape_text(value)))
    return "\n".join(g.QUOTE + line for line in lines)


def node_blocks(blocks: list[str], node: Node, *, depth: int, positional_path: list[int]) -> None:
    """Append the node's heading, its text, its facts; then its children's blocks."""
    blocks.append(heading_line(node, depth=depth, positional_path=positional_path))
    if node.text:
        blocks.append(escape_block(node.text))
    facts = fact_lines(node)
    if facts:
        blocks.append("\n".join(facts))
    for index, child in enumerate(node.children, start=1):
        node_blocks(blocks, child, depth=depth + 1, positional_path=[*positional_path, index])


def heading_line(node: Node, *, depth: int, positional_path: list[int]) -> str:
    """``## 一、 title <!-- … -->``, or a bold line below the sixth heading level."""
    # every value here is a number, a path, a span, a marker style or a kind: none needs escaping
    kind = "" if node.kind == ("heading" if node.children else "item") else f" kind={node.kind}"
    path = "" if node.path == positional_path else " path=" + ".".join(map(str, node.path))
    pairs = (
        f"style={node.style} number={node.number}{kind}{path}"
        f" line={node.line} span={format_span(node.span)}"
    )
    visible = f"{escape_text(node.label, extra=' ')} {escape_text(node.title)}"
    if depth <= g.MAX_HEADING_DEPTH:
        return "#" * (depth + 1) + " " + visible + format_plain_pairs(pairs)
    return g.BOLD + visible + g.BOLD + format_plain_pairs(f"{pairs} depth={depth}")


def fact_lines(node: Node) -> list[str]:
    lines = responsibility_lines(node.responsibility) if node.responsibility.stated else []
    if node.truncated:
        lines.append(_fact(g.TRUNCATED_LABEL, g.TRUNCATED_VALUE))
    return lines


def responsibility_lines(duty: Responsibility) -> list[str]:
    """One line per role with units, then carried units, deadline, clause, form."""
    filled = [(role, units) for role, field in _ROLE_FIELDS if (units := getattr(duty, field))]
    open_role = _open_ended_role(duty, filled)
    lines = []
    for role, units in filled:
        lines.append(_unit_fact(_ROLE_LABELS[role], units, open_ended=role is open_role))
    if duty.open_ended and not filled:
        lines.append(_fact(g.ROLE_LABELS[ROLES[1]], g.OPEN_ENDED_MARK))
    if duty.carried:
        lines.append(_unit_fact(g.CARRIED_LABEL, duty.carried, open_ended=False))
    if duty.deadline is not None:
        lines.append(_fact(g.DEADLINE_LABEL, escape_text(duty.deadline)))
    # a span is two numbers: it never needs escaping
    span = "" if duty.clause_span is None else format_plain_pairs("span=" + format_span(duty.clause_span))
    if duty.clause is not None:
        lines.append(f"{g.BULLET}{g.CLAUSE_LABEL}{g.COLON}{escape_text(duty.clause)}{span}")
        span = ""
    # the form line is written when it says something: a form other than the default, a
    # clause span without a clause, or that there is a (wholly empty) responsibility at all
    if duty.form is not _DEFAULT_FORM or span or not lines:
        lines.append(f"{g.BULLET}{g.FORM_LABEL}{g.COLON}{duty.form}{span}")
    return lines


def _open_ended_role(duty: Responsibility, filled: list[tuple[Role, list[Unit]]]) -> Role | None:
    """Where to print 等: the model keeps only a flag, so put it after the last list this
    node states itself (a list 下同 carried in is printed earlier in the document)."""
    if not duty.open_ended or not filled:
        return None
    stated = [role for role, units in filled if any(not _among(unit, duty.carried) for unit in units)]
    return (stated or [role for role, _ in filled])[-1]


def _among(unit: Unit, units: list[Unit]) -> bool:
    """``unit in units`` by value, as the model's ``==`` compares (same type, same fields), fast."""
    fields = unit.__dict__
    return any(other is unit or (type(other) is type(unit) and other.__dict__ == fields) for other in units)


def diagnostics_block(diagnostics: list[Diagnostic]) -> str:
    lines = [g.DIAGNOSTICS_HEADER]
    for diagnostic in diagnostics:
        where = f"第{diagnostic.line}行 " if diagnostic.line is not None else ""
        code = escape_text(diagnostic.code, extra=" " + g.COLON)
        attrs = {"span": format_span(diagnostic.span)} if diagnostic.span is not None else {}
        message = escape_text(diagnostic.message) + format_attrs(attrs)
        lines.append(f"{g.BULLET}{where}{diagnostic.level} {code}{g.COLON}{message}")
    return "\n".join(g.QUOTE + line for line in lines)


def _fact(label: str, value: str, attrs: Mapping[str, str | list[str]] | None = None) -> str:
    return f"{g.BULLET}{label}{g.COLON}{value}{format_attrs(attrs or {})}"


def _unit_fact(label: str, units: list[Unit], *, open_ended: bool) -> str:
    """``- 负责：A、B等 <!-- key=… -->``."""
    return _unit_line(label, tuple(map(_UNIT_FIELDS, units)), open_ended)


# a unit line is a pure function of its units' fields: a document repeats the same lists
# (下同, one department in many tasks), so each distinct line is built once (lru_cache)
_UNIT_FIELDS = operator.attrgetter("name", "key", *g.UNIT_ATTRS.values())
UnitFields = tuple[Any, ...]  # (name, key, then one value per g.UNIT_ATTRS entry)


@functools.lru_cache(maxsize=4096)
def _unit_line(label: str, units: tuple[UnitFields, ...], open_ended: bool) -> str:
    names = [unit[0] for unit in units]
    value = _joined(names) + (g.OPEN_ENDED_MARK if open_ended else "")
    return _fact(label, value, unit_attrs(units, names))


def unit_attrs(units: tuple[UnitFields, ...], names: list[str]) -> dict[str, str | list[str]]:
    """The attributes of a line of units (``names`` are theirs), one list entry per unit: the
    one place to add a unit's attribute. Keys are written only when one differs from its name."""
    attrs: dict[str, str | list[str]] = {}
    keys = [unit[1] for unit in units]
    if keys != names:
        attrs["key"] = keys
    # the registry's fields and a table's column; "" where null
    for index, attr in enumerate(g.UNIT_ATTRS, start=2):
        values = [unit[index] for unit in units]
        if any(v is not None for v in values):
            attrs[attr] = ["" if v is None else str(v) for v in values]
    return attrs


def _joined(names: list[str]) -> str:
    """Names joined by 、; a 、 inside a name, or a 等 ending one, is written as a reference."""
    joined = g.LIST_SEPARATOR.join(names)
    # the common case, no name needs escaping: none holds a character escape_text may change
    # (、 among them), so a name ends in 等 exactly where 等、 follows in joined + 、
    if may_escape(_NAME_CHECK).search("".join(names)) is None and _ENDS_OPEN not in joined + g.LIST_SEPARATOR:
        return joined
    escaped = []
    for name in names:
        text = escape_text(name, extra=g.LIST_SEPARATOR)
        if text.endswith(g.OPEN_ENDED_MARK):
            text = text[: -len(g.OPEN_ENDED_MARK)] + reference(g.OPEN_ENDED_MARK)
        escaped.append(text)
    return g.LIST_SEPARATOR.join(escaped)
