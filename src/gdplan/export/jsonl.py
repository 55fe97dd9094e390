"""JSON Lines: one row per numbered node, the CONTRACT's dataset table.

:func:`rows` is the one place that defines a row; the dataset builders reuse it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Literal, TypedDict

from gdplan.model import Document, Node, Responsibility, Unit


class Row(TypedDict):
    """One numbered node as a flat record (keys and types fixed by CONTRACT.md)."""

    doc_id: str
    kind: Literal["heading", "item"]
    path: list[int]
    label: str
    number: int
    title: str
    text: str
    lead: list[str]
    responsible: list[str]
    implementing: list[str]
    cooperating: list[str]
    carried: list[str]
    open_ended: bool
    deadline: str | None
    clause: str | None
    span: list[int]


ROW_KEYS: tuple[str, ...] = tuple(Row.__annotations__)
"""The row's keys in CONTRACT order."""

_NO_RESPONSIBILITY = Responsibility()
# json.dumps(row, ensure_ascii=False), without building an encoder for every row
_encode = json.JSONEncoder(ensure_ascii=False).encode


def rows(doc: Document) -> Iterator[Row]:
    """Every numbered node of ``doc`` as a row, in document order."""
    for node in doc.walk():
        yield node_row(doc.doc_id, node)


def node_row(doc_id: str, node: Node) -> Row:
    """One node as a row; a node without responsibility gets empty lists, false and null."""
    duty = node.responsibility or _NO_RESPONSIBILITY
    return Row(
        doc_id=doc_id,
        kind=node.kind,
        path=list(node.path),
        label=node.label,
        number=node.number,
        title=node.title,
        text=node.text,
        lead=_names(duty.lead),
        responsible=_names(duty.responsible),
        implementing=_names(duty.implementing),
        cooperating=_names(duty.cooperating),
        carried=_names(duty.carried),
        open_ended=duty.open_ended,
        deadline=duty.deadline,
        clause=duty.clause,
        span=[node.span[0], node.span[1]],
    )


def to_jsonl(doc: Document) -> str:
    """The rows as JSON Lines: one compact UTF-8 object per line, each line ending in ``\\n``."""
    return "".join([_encode(row) + "\n" for row in rows(doc)])


def _names(units: list[Unit]) -> list[str]:
    return [unit.name for unit in units]
