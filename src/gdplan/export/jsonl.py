"""JSON Lines: one row per numbered node, the CONTRACT's dataset table.

:func:`rows` is the one place that defines a row; the dataset builders reuse it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Literal, TypedDict

from gdplan.model import Document, Node, Unit


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
    lead_ids: list[str | None]
    responsible_ids: list[str | None]
    implementing_ids: list[str | None]
    cooperating_ids: list[str | None]


ROW_KEYS: tuple[str, ...] = tuple(Row.__annotations__)
"""The row's keys: CONTRACT order, then (schema 1.1) the unit_id of each unit of each role list,
position for position (null where the registry cannot tell which body a name is)."""

# json.dumps(row, ensure_ascii=False), without building an encoder for every row
_encode = json.JSONEncoder(ensure_ascii=False).encode


def rows(doc: Document) -> Iterator[Row]:
    """Every numbered node of ``doc`` as a row, in document order."""
    for node in doc.walk():
        yield node_row(doc.doc_id, node)


def node_row(doc_id: str, node: Node) -> Row:
    """One node as a row; a node without responsibility gets empty lists, false and null."""
    duty = node.responsibility
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
        lead_ids=_ids(duty.lead),
        responsible_ids=_ids(duty.responsible),
        implementing_ids=_ids(duty.implementing),
        cooperating_ids=_ids(duty.cooperating),
    )


def to_jsonl(doc: Document) -> str:
    """The rows as JSON Lines: one compact UTF-8 object per line, each line ending in ``\\n``."""
    return "".join([_encode(row) + "\n" for row in rows(doc)])


def _names(units: list[Unit]) -> list[str]:
    return [unit.name for unit in units]


def _ids(units: list[Unit]) -> list[str | None]:
    return [unit.unit_id for unit in units]
