"""What one comma-separated part of a clause is: 下同, a label, a time limit, or units [ROLE].

The answer depends on the part's text alone, and the same parts recur (省财政厅配合,
各地级以上市人民政府结合实际落实), so each distinct text is read once. Offsets are into
the part's own text; the grammar shifts them.
"""

from __future__ import annotations

from typing import NamedTuple

from gdplan.model import Role
from gdplan.parser.clause import carry
from gdplan.parser.clause.deadline import deadline_of, labelled_deadline
from gdplan.parser.clause.roles import LabelMatch, label_at, role_at_end
from gdplan.parser.clause.scan import trim
from gdplan.parser.clause.types import Offsets
from gdplan.parser.memo import memo


class PartReading(NamedTuple):
    same_below: bool  # the part is 下同
    label: LabelMatch | None  # 牵头单位: / 完成时间: at the start
    label_deadline: Offsets | None  # the value of a time-limit label
    value: Offsets  # the part without its label (empty: the label names nothing)
    deadline: Offsets | None  # the value states a time limit
    maybe_inline: bool  # 由X… or …会同…: worth reading as an inline clause
    role: Role | None  # the role verb that closes the value
    units: Offsets  # the value before its role verb (the whole value without one)


_CACHED_PART_CHARS = 200


def read_part(text: str) -> PartReading:
    """Read the part ``text`` (trimmed, not empty); short parts, which recur, are read once.

    (A long part is read directly: cached, its text would stay in memory after its document.)
    """
    return _read_part_cached(text) if len(text) <= _CACHED_PART_CHARS else _read_part(text)


def _read_part(text: str) -> PartReading:
    end = len(text)
    if carry.is_same_below(text, 0, end):
        return PartReading(True, None, None, (0, end), None, False, None, (0, end))
    label = label_at(text, 0, end)
    value = (0, end)
    if label is not None:
        if label.deadline:
            when = labelled_deadline(text, label.value_start, end)
            return PartReading(False, label, when, (end, end), None, False, None, (end, end))
        value = trim(text, label.value_start, end)
        if value[0] >= value[1]:
            return PartReading(False, label, None, value, None, False, None, value)
    when = deadline_of(text, *value)
    maybe_inline = text.startswith("由", value[0]) or "会同" in text[value[0] : value[1]]
    found = role_at_end(text, *value)
    if found is None:
        return PartReading(False, label, None, value, when, maybe_inline, None, value)
    units = trim(text, value[0], found.start)
    return PartReading(False, label, None, value, when, maybe_inline, found.role, units)


_read_part_cached = memo(maxsize=4096)(_read_part)
