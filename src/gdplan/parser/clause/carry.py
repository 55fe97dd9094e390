"""下同 ("the same below"): what one clause hands on to every later node of the document.

Besides 下同, a carry sentence (本方案所列任务均需X作为责任单位 / 以下各项工作均需X具体落实,
words in ``data/carry_sentences.toml``) hands its units on: see ``carry_sentence``.

下同 closes one of three things (DOMAIN.md §3):
- a clause with units (…;各地级以上市人民政府结合实际落实,下同): later nodes get those units;
- a rule (责任单位排在首位的为牵头单位,下同): from here on the first unit listed leads;
- a definition (市有关单位(见附件1,下同)): nothing is carried.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterator
from importlib import resources
from typing import NamedTuple

from gdplan.model import Role
from gdplan.parser.clause.scan import trim
from gdplan.parser.clause.types import CarryState, ClauseReading, UnitRef
from gdplan.parser.lazy import lazy

_SAME_BELOW = lazy(r"(?:以)?下同")
# 责任单位排在首位的为牵头单位 / 列第一位为牵头或汇总单位 / 排名第一的单位为牵头单位
_FIRST_LEADS = lazy(
    r"(?:首位|第一位|第一个|排第一|列第一|排名第一|排在最前|列在首位).{0,12}?(?:牵头|汇总)"
    r"|(?:牵头|汇总)单位.{0,8}?(?:首位|第一位|排名第一|列第一)"
)
_DEFINITION = lazy(r"详见|参见|见")


def is_same_below(text: str, start: int, end: int) -> bool:
    """The part is 下同 alone (a comma-separated part of a clause)."""
    if text.find("下同", start, end) < 0:
        return False
    s, e = trim(text, start, end, " \t\r\n\u3000。;,")
    return _SAME_BELOW.fullmatch(text, s, e) is not None


# Every wording of the convention holds one of these (the pattern alone is slow to rule out).
_FIRST_WORDS = lazy(r"首位|第一|最前")


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


# …列在首位的为牵头单位，其他为参与单位: the rule may also name the role of the units after the first.
_OTHERS = lazy(r"(?:其他|其余|其它|其后|其次)[^,;。]{0,6}?为(?P<role>配合|参与|协同|协办|协助|责任)")
_OTHERS_ROLES = {"配合": Role.COOPERATING, "参与": Role.COOPERATING, "协同": Role.COOPERATING,
                 "协办": Role.COOPERATING, "协助": Role.COOPERATING, "责任": Role.RESPONSIBLE}  # fmt: skip


def others_role(text: str, start: int, end: int) -> Role | None:
    """The role a first-leads rule gives the other units listed (其他为参与单位), if it names one."""
    found = _OTHERS.search(text, start, end)
    return None if found is None else _OTHERS_ROLES[found.group("role")]


def first_listed_leads(reading: ClauseReading, others: Role | None = None) -> None:
    """Apply the convention: in a responsible list with no lead, the first unit leads (a
    lone unit too: it is the first listed); the rest take ``others`` when the rule names it."""
    responsible = reading.roles[Role.RESPONSIBLE]
    if reading.roles[Role.LEAD] or not responsible:
        return
    reading.roles[Role.LEAD].append(responsible.pop(0))
    if others is not None and others is not Role.RESPONSIBLE:
        reading.roles[others].extend(responsible)
        responsible.clear()


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


class CarrySentence(NamedTuple):
    units_start: int  # where the units start, after the subject and its linking word
    this_task: bool  # the sentence speaks of all the plan's tasks, the one stating it included


@functools.cache
def _carry_words() -> tuple[re.Pattern[str], frozenset[str], re.Pattern[str]]:
    raw = resources.files(__package__).joinpath("data", "carry_sentences.toml").read_text(encoding="utf-8")
    data = tomllib.loads(raw)

    def alternation(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    subjects = alternation([*data["all_tasks"], *data["following"]])
    lead_in = re.compile(f"(?P<subject>{subjects})(?:{alternation(data['linking'])})")
    not_listed = re.compile(f"(?:{alternation(data['not_listed'])})")
    return lead_in, frozenset(data["following"]), not_listed


def carry_sentence(text: str, start: int, end: int) -> CarrySentence | None:
    """The sentence ``text[start:end]`` opens as a carry sentence (以下各项工作均需…): where its
    units start and whether it speaks of the task that states it too."""
    lead_in, following, _ = _carry_words()
    found = lead_in.match(text, start, end)
    if found is None or found.end() >= end:
        return None
    return CarrySentence(found.end(), found.group("subject") not in following)


def is_not_listed(text: str, start: int, end: int) -> bool:
    """The part is 不再注明 / 以下不再列出 (a carry sentence's close), perhaps with 下同."""
    s, e = trim(text, start, end, " \t\r\n\u3000。;,")
    return _carry_words()[2].fullmatch(text, s, e) is not None


def says_not_listed(text: str, start: int, end: int) -> bool:
    """The sentence holds a carry sentence's close (不再一一列出): it says who shares the tasks."""
    return _carry_words()[2].search(text, start, end) is not None


_FRONT_SENTENCE = lazy(r"[^。;；\n]+")


def front_carry_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The carry sentences (本方案所列任务均需X作为责任单位，以下不再列出) and first-leads rules
    (责任单位排在首位的为牵头单位) printed before the first numbered node, in the preamble or a
    note under the title: they speak of every task of the plan."""
    for found in _FRONT_SENTENCE.finditer(text, start, end):
        s, e = trim(text, found.start(), found.end(), " \t\r\u3000(（注:：")
        if s < e and (carry_sentence(text, s, e) is not None or states_first_leads(text, s, e)):
            yield s, e
