"""下同 ("the same below"): what one clause hands on to every later node of the document.

下同 closes one of three things (DOMAIN.md §3):
- a clause with units (…;各地级以上市人民政府结合实际落实,下同): later nodes get those units;
- a rule (责任单位排在首位的为牵头单位,下同): from here on the first unit listed leads;
- a definition (市有关单位(见附件1,下同)): nothing is carried.
"""

from __future__ import annotations

import re

from gdplan.model import Role
from gdplan.parser.clause.scan import trim
from gdplan.parser.clause.types import CarryState, ClauseReading, UnitRef

_SAME_BELOW = re.compile(r"(?:以)?下同")
# 责任单位排在首位的为牵头单位 / 列第一位为牵头或汇总单位 / 排名第一的单位为牵头单位
_FIRST_LEADS = re.compile(
    r"(?:首位|第一位|第一个|排第一|列第一|排名第一|排在最前|列在首位).{0,12}?(?:牵头|汇总)"
    r"|(?:牵头|汇总)单位.{0,8}?(?:首位|第一位|排名第一|列第一)"
)
_DEFINITION = re.compile(r"详见|参见|见")


def is_same_below(text: str, start: int, end: int) -> bool:
    """The part is 下同 alone (a comma-separated part of a clause)."""
    if text.find("下同", start, end) < 0:
        return False
    s, e = trim(text, start, end, " \t\r\n\u3000。;,")
    return _SAME_BELOW.fullmatch(text, s, e) is not None


# Every wording of the convention holds one of these (the pattern alone is slow to rule out).
_FIRST_WORDS = re.compile(r"首位|第一|最前")


def states_first_leads(text: str, start: int, end: int) -> bool:
    """The sentence states the convention that the first unit listed leads."""
    return (
        _FIRST_WORDS.search(text, start, end) is not None
        and _FIRST_LEADS.search(text, start, end) is not None
    )


def is_definition(text: str, start: int, end: int) -> bool:
    """(见附件1,下同): a pointer that defines a name and carries nothing."""
    s, _ = trim(text, start, end)
    return _DEFINITION.match(text, s, end) is not None or "附件" in text[start:end]


def first_listed_leads(reading: ClauseReading) -> None:
    """Apply the convention: in a responsible list with no lead, the first unit leads."""
    responsible = reading.roles[Role.RESPONSIBLE]
    if reading.roles[Role.LEAD] or len(responsible) < 2:
        return
    reading.roles[Role.LEAD].append(responsible.pop(0))


def receive(text: str, reading: ClauseReading, state: CarryState) -> None:
    """Add what earlier 下同 clauses carry, unless this node states the unit itself."""
    if not state.units:
        return
    stated = {unit.render(text) for units in reading.roles.values() for unit in units}
    for role, unit in state.units:
        name = unit.render(text)
        if name in stated:
            continue
        stated.add(name)
        reading.roles[role].append(unit)
        reading.carried.append((role, unit))


def hand_on(text: str, state: CarryState, units: list[tuple[Role, UnitRef]]) -> None:
    """Record units that a 下同 clause carries to later nodes (each (role, name) once)."""
    if not units:
        return
    known = {(role, unit.render(text)) for role, unit in state.units}
    for role, unit in units:
        key = (role, unit.render(text))
        if key not in known:
            known.add(key)
            state.units.append((role, unit))
