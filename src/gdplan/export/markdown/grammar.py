"""The fixed words of gdplan's Markdown layout (docs/formats.md gives the grammar).

Writer and reader both take their vocabulary from here, so the two cannot drift apart.
"""

from __future__ import annotations

from typing import Final

from gdplan.model import Role

FENCE: Final = "---"  # front matter delimiter
BLOCK_SEPARATOR: Final = "\n\n"

NOTICE_HEADER: Final = "**通知**"
DIAGNOSTICS_HEADER: Final = "**诊断**"
QUOTE: Final = "> "
BULLET: Final = "- "
COLON: Final = "："  # between a fact's label and its value
LIST_SEPARATOR: Final = "、"  # between units, between addressees
OPEN_ENDED_MARK: Final = "等"  # closes a unit list that is not exhaustive

MAX_HEADING_DEPTH: Final = 5  # depth 1 is ``##``; depth 5 is ``######``; deeper is a bold line
BOLD: Final = "**"

NOTICE_LABELS: Final[dict[str, str]] = {
    "title": "标题",
    "doc_number": "文号",
    "issuer": "发文机关",
    "addressees": "主送",
    "signature": "署名",
    "date": "日期",
}

ROLE_LABELS: Final[dict[Role, str]] = {
    Role.LEAD: "牵头",
    Role.RESPONSIBLE: "负责",
    Role.IMPLEMENTING: "落实",
    Role.COOPERATING: "配合",
}
CARRIED_LABEL: Final = "下同"
DEADLINE_LABEL: Final = "时限"
CLAUSE_LABEL: Final = "原文"
FORM_LABEL: Final = "形式"
TRUNCATED_LABEL: Final = "截断"
TRUNCATED_VALUE: Final = "原文在此中断"

FACT_ORDER: Final[tuple[str, ...]] = (
    *ROLE_LABELS.values(),
    CARRIED_LABEL,
    DEADLINE_LABEL,
    CLAUSE_LABEL,
    FORM_LABEL,
    TRUNCATED_LABEL,
)

# front matter keys, in the order they are written
FRONT_MATTER_KEYS: Final[tuple[str, ...]] = (
    "schema_version",
    "doc_id",
    "source",
    "year",
    "complete",
    "script",
    "provenance",
)

# The registry's unit fields (schema 1.1) ride in a unit line's attributes, one list item per unit.
UNIT_ATTRS: Final = {
    "id": "unit_id",
    "jurisdiction": "jurisdiction",
    "kind": "kind",
    "canonical": "canonical",
    "column": "column",  # a table's column header, for units read from a table
}
