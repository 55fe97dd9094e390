"""Markdown written by :func:`to_markdown` → the same Document (docs/formats.md, "Reading back")."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from gdplan.errors import InputError
from gdplan.export.markdown import grammar as g
from gdplan.export.markdown.attrs import (
    AttrsError,
    attr_list,
    attr_text,
    parse_int,
    parse_span,
    split_attrs,
)
from gdplan.export.markdown.blocks import Block, gap_text, group_blocks
from gdplan.export.markdown.escape import unescape
from gdplan.export.validate import validated
from gdplan.model import ClauseForm, Document, Role

T = TypeVar("T")

_DIAGNOSTIC = re.compile(r"(?:第(-?\d+)行 )?(info|warning|error) ([^：]*)：(.*)")
_ROLE_BY_LABEL = {label: role for role, label in g.ROLE_LABELS.items()}
_FACT_ATTRS: dict[str, set[str]] = {
    **{label: {"key", "column"} for label in (*g.ROLE_LABELS.values(), g.CARRIED_LABEL)},
    g.CLAUSE_LABEL: {"span"},
    g.FORM_LABEL: {"span"},  # the clause span, when there is no clause line to carry it
}
_NOTICE_FIELD_BY_LABEL = {label: name for name, label in g.NOTICE_LABELS.items()}


class _LayoutError(Exception):
    def __init__(self, reason: str, line: int) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


def from_markdown(text: str, *, name: str = "<markdown>") -> Document:
    """Read Markdown written by :func:`to_markdown` back into a :class:`Document`.

    Raises :class:`~gdplan.errors.InputError` naming ``name`` and the line when the text
    does not follow the layout.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    try:
        fields, body_start = _front_matter(lines)
        fields.update(_Body(group_blocks(lines[body_start:], body_start + 1)).read())
    except _LayoutError as exc:
        raise InputError(f"not gdplan Markdown: {exc.reason}", source=name, line=exc.line) from None
    return validated(fields, what="document", name=name)


def _front_matter(lines: list[str]) -> tuple[dict[str, Any], int]:
    """The fields in the front matter, and the index of the first line after it."""
    if lines[0] != g.FENCE:
        raise _LayoutError(f"expected front matter opening with {g.FENCE!r}", 1)
    fields: dict[str, Any] = {}
    for index in range(1, len(lines)):
        line = lines[index]
        if line == g.FENCE:
            return fields, index + 1
        key, colon, value = line.partition(": ")
        if not colon or key not in g.FRONT_MATTER_KEYS or key in fields:
            raise _LayoutError(f"front matter line {line!r} is not 'KEY: JSON' with a known key", index + 1)
        try:
            fields[key] = json.loads(value)
        except json.JSONDecodeError as exc:
            raise _LayoutError(f"front matter value of {key} is not JSON: {exc.msg}", index + 1) from None
    raise _LayoutError(f"front matter is not closed by {g.FENCE!r}", len(lines))


@dataclass
class _Draft:
    """A node read so far; kind and path are settled once its children are known."""

    depth: int
    fields: dict[str, Any]
    kind: str | None
    path: list[int] | None
    children: list[_Draft] = field(default_factory=list)

    def finish(self, positional_path: list[int]) -> dict[str, Any]:
        path = self.path if self.path is not None else positional_path
        children = [child.finish([*positional_path, i]) for i, child in enumerate(self.children, start=1)]
        kind = self.kind or ("heading" if self.children else "item")
        return {**self.fields, "kind": kind, "path": path, "children": children}


class _Body:
    """Reads the blocks after the front matter, in the order the writer puts them."""

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self.index = 0
        self._gap_line = 1  # first line of the last text gap taken, for errors

    def read(self) -> dict[str, Any]:
        fields: dict[str, Any] = {"title": None, "notice": None, "diagnostics": []}
        preamble = self._gap()
        if self._next_is("title"):
            self._no_text(preamble)
            fields["title"] = self._title(self._take())
            preamble = self._gap()
        if self._next_is("quote") and self._peek_header() == g.NOTICE_HEADER:
            self._no_text(preamble)
            fields["notice"] = self._notice(self._take())
            preamble = self._gap()
        fields["preamble"] = preamble
        fields["children"] = self._nodes()
        if self._next_is("quote") and self._peek_header() == g.DIAGNOSTICS_HEADER:
            fields["diagnostics"] = self._diagnostics(self._take())
            self._no_text(self._gap())
        if self.index < len(self.blocks):
            block = self.blocks[self.index]
            raise _LayoutError(f"unexpected {block.kind} line {block.lines[0]!r}", block.line)
        return fields

    # the cursor

    def _next_is(self, kind: str) -> bool:
        return self.index < len(self.blocks) and self.blocks[self.index].kind == kind

    def _take(self) -> Block:
        block = self.blocks[self.index]
        self.index += 1
        return block

    def _gap(self) -> str | None:
        if not self._next_is("text"):
            return None
        block = self._take()
        self._gap_line = block.line + 1
        return gap_text(block.lines)

    def _no_text(self, text: str | None) -> None:
        if text is not None:
            raise _LayoutError("text where the layout has none (between two blocks)", self._gap_line)

    def _peek_header(self) -> str:
        first = self.blocks[self.index].lines[0]
        visible, _ = _split(first.removeprefix(g.QUOTE), self.blocks[self.index].line)
        return visible

    # the blocks

    def _title(self, block: Block) -> str:
        return unescape(block.lines[0][2:])

    def _notice(self, block: Block) -> dict[str, Any]:
        notice: dict[str, Any] = {}
        _, attrs = _split(block.lines[0].removeprefix(g.QUOTE), block.line)
        _only_span(attrs, block.line)
        if "span" in attrs:
            notice["span"] = _attr(parse_span, attrs["span"], block.line)
        for number, label, raw in _quoted_facts(block):
            name = _NOTICE_FIELD_BY_LABEL.get(label)
            if name is None or name in notice:
                raise _LayoutError(f"notice line {label!r} is unknown or repeated", number)
            notice[name] = attr_list(raw) if name == "addressees" else unescape(raw)
        return notice

    def _diagnostics(self, block: Block) -> list[dict[str, Any]]:
        diagnostics = []
        for offset, line in enumerate(block.lines[1:], start=1):
            number = block.line + offset
            visible, attrs = _split(line.removeprefix(g.QUOTE + g.BULLET), number)
            match = _DIAGNOSTIC.fullmatch(visible)
            if not line.startswith(g.QUOTE + g.BULLET) or match is None:
                raise _LayoutError("a diagnostic is '> - [第N行 ]LEVEL CODE：MESSAGE'", number)
            diagnostic: dict[str, Any] = {
                "level": match[2],
                "code": unescape(match[3]),
                "message": unescape(match[4]),
                "line": int(match[1]) if match[1] is not None else None,
            }
            _only_span(attrs, number)
            if "span" in attrs:
                diagnostic["span"] = _attr(parse_span, attrs["span"], number)
            diagnostics.append(diagnostic)
        return diagnostics

    def _nodes(self) -> list[dict[str, Any]]:
        top: list[_Draft] = []
        open_nodes: list[_Draft] = []  # the last node at each depth above the cursor
        while self._next_is("node"):
            block = self._take()
            draft = _node(block)
            if draft.depth > len(open_nodes) + 1:
                raise _LayoutError(
                    f"a node of depth {draft.depth} under one of depth {len(open_nodes)}", block.line
                )
            del open_nodes[draft.depth - 1 :]
            (open_nodes[-1].children if open_nodes else top).append(draft)
            open_nodes.append(draft)
            text = self._gap()
            draft.fields["text"] = text or ""
            if self._next_is("fact"):
                _facts(self._take(), draft)
                self._no_text(self._gap())
        return [draft.finish([index]) for index, draft in enumerate(top, start=1)]


def _node(block: Block) -> _Draft:
    line = block.lines[0]
    if line.startswith(g.BOLD):
        visible, attrs = _split(line[len(g.BOLD) :], block.line)
        if not visible.endswith(g.BOLD) or "depth" not in attrs:
            raise _LayoutError("a bold node line is '**LABEL TITLE** <!-- … depth=N -->'", block.line)
        visible = visible[: -len(g.BOLD)]
        depth = _attr(lambda raw: parse_int("depth", raw), attrs.pop("depth"), block.line)
    else:
        hashes = len(line) - len(line.lstrip("#"))
        visible, attrs = _split(line[hashes + 1 :], block.line)
        depth = hashes - 1
    label, _, title = visible.partition(" ")
    for required in ("style", "number", "line", "span"):
        if required not in attrs:
            raise _LayoutError(f"a node line needs the attribute {required}", block.line)
    fields: dict[str, Any] = {
        "style": attr_text(attrs.pop("style")),
        "label": unescape(label),
        "number": _attr(lambda raw: parse_int("number", raw), attrs.pop("number"), block.line),
        "title": unescape(title),
        "line": _attr(lambda raw: parse_int("line", raw), attrs.pop("line"), block.line),
        "span": _attr(parse_span, attrs.pop("span"), block.line),
    }
    kind = attr_text(attrs.pop("kind")) if "kind" in attrs else None
    path = None
    if "path" in attrs:
        raw_path = attrs.pop("path")
        path = [_attr(lambda raw: parse_int("path", raw), part, block.line) for part in raw_path.split(".")]
    if attrs:
        raise _LayoutError(f"unknown node attributes {sorted(attrs)}", block.line)
    return _Draft(depth=depth, fields=fields, kind=kind, path=path)


def _facts(block: Block, draft: _Draft) -> None:
    """The fact lines under a node: its responsibility and the truncation mark."""
    duty: dict[str, Any] = {}
    seen: set[str] = set()
    for offset, line in enumerate(block.lines):
        number = block.line + offset
        visible, attrs = _split(line[len(g.BULLET) :], number)
        label, colon, raw = visible.partition(g.COLON)
        if not colon or label not in g.FACT_ORDER or label in seen:
            raise _LayoutError(f"fact line {line!r} is not '- LABEL：VALUE' with a known new label", number)
        seen.add(label)
        unknown = set(attrs) - _FACT_ATTRS.get(label, set())
        if unknown:
            raise _LayoutError(f"unknown attributes {sorted(unknown)} on a {label} line", number)
        if label == g.TRUNCATED_LABEL:
            draft.fields["truncated"] = True
        elif label in _ROLE_BY_LABEL or label == g.CARRIED_LABEL:
            _unit_fact(duty, label, raw, attrs, number)
        elif label == g.DEADLINE_LABEL:
            duty["deadline"] = unescape(raw)
        elif label == g.CLAUSE_LABEL:
            duty["clause"] = unescape(raw)
        elif label == g.FORM_LABEL:
            duty["form"] = _attr(ClauseForm, unescape(raw), number)
        if "span" in attrs:
            if "clause_span" in duty:
                raise _LayoutError("the clause span is given twice", number)
            duty["clause_span"] = _attr(parse_span, attrs["span"], number)
    if duty:
        draft.fields["responsibility"] = duty


def _unit_fact(duty: dict[str, Any], label: str, raw: str, attrs: dict[str, str], number: int) -> None:
    """``A、B等 <!-- key=… -->`` → units; a bare 等 at the end marks the list open-ended."""
    role = _ROLE_BY_LABEL.get(label)
    if role is not None and raw.endswith(g.OPEN_ENDED_MARK):
        duty["open_ended"] = True
        raw = raw[: -len(g.OPEN_ENDED_MARK)]
        names = attr_list(raw) if raw else []
    else:
        names = attr_list(raw)
    keys = attr_list(attrs["key"]) if "key" in attrs else names
    if len(keys) != len(names):
        raise _LayoutError(f"{len(names)} units but {len(keys)} keys", number)
    columns: list[str | None] = [c or None for c in attr_list(attrs["column"])] if "column" in attrs else []
    if columns and len(columns) != len(names):
        raise _LayoutError(f"{len(names)} units but {len(columns)} columns", number)
    field_name = role.value if isinstance(role, Role) else "carried"
    units: list[dict[str, Any]] = [{"name": name, "key": key} for name, key in zip(names, keys, strict=True)]
    for unit, column in zip(units, columns, strict=False):
        if column is not None:
            unit["column"] = column
    duty[field_name] = units


def _quoted_facts(block: Block) -> list[tuple[int, str, str]]:
    """``> - LABEL：VALUE`` lines after a quote block's header: (line, label, raw value)."""
    facts = []
    for offset, line in enumerate(block.lines[1:], start=1):
        number = block.line + offset
        if not line.startswith(g.QUOTE + g.BULLET):
            raise _LayoutError("expected '> - LABEL：VALUE'", number)
        label, colon, raw = line[len(g.QUOTE + g.BULLET) :].partition(g.COLON)
        if not colon:
            raise _LayoutError("expected '> - LABEL：VALUE'", number)
        facts.append((number, label, raw))
    return facts


def _only_span(attrs: dict[str, str], line: int) -> None:
    if set(attrs) - {"span"}:
        raise _LayoutError(f"unknown attributes {sorted(set(attrs) - {'span'})}", line)


def _split(raw: str, line: int) -> tuple[str, dict[str, str]]:
    try:
        return split_attrs(raw)
    except AttrsError as exc:
        raise _LayoutError(str(exc), line) from None


def _attr(parse: Callable[[str], T], raw: str, line: int) -> T:
    try:
        return parse(raw)
    except ValueError as exc:
        raise _LayoutError(str(exc), line) from None
