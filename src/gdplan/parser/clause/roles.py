"""The words that give units a role: role verbs (牵头, 按职责分工负责, …) and labels (责任单位:)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

from gdplan.model import Role
from gdplan.parser.lazy import lazy

# A role verb closes a group of units: 省发展改革委牵头 / 各地级以上市人民政府结合实际落实.
ROLE_WORDS: dict[str, Role] = {
    "牵头": Role.LEAD,
    "牵头负责": Role.LEAD,
    "分别牵头": Role.LEAD,
    "共同牵头": Role.LEAD,
    "牵头落实": Role.LEAD,
    "负责": Role.RESPONSIBLE,
    "分别负责": Role.RESPONSIBLE,
    "共同负责": Role.RESPONSIBLE,
    "负责落实": Role.RESPONSIBLE,
    "按职责负责": Role.RESPONSIBLE,
    "按职能负责": Role.RESPONSIBLE,
    "按职责分工负责": Role.RESPONSIBLE,
    "按职能分工负责": Role.RESPONSIBLE,
    "按职责分工落实": Role.RESPONSIBLE,
    "按职能分工落实": Role.RESPONSIBLE,
    "按职责落实": Role.RESPONSIBLE,
    "按职能落实": Role.RESPONSIBLE,
    "分工负责": Role.RESPONSIBLE,
    "作为责任单位": Role.RESPONSIBLE,
    "作为牵头单位": Role.LEAD,
    "作为配合单位": Role.COOPERATING,
    "落实": Role.IMPLEMENTING,
    "结合实际落实": Role.IMPLEMENTING,
    "结合实际抓好落实": Role.IMPLEMENTING,
    "具体落实": Role.IMPLEMENTING,
    "抓好落实": Role.IMPLEMENTING,
    "组织实施": Role.IMPLEMENTING,
    "结合实际组织实施": Role.IMPLEMENTING,
    "配合": Role.COOPERATING,
    "配合落实": Role.COOPERATING,
    "参与": Role.COOPERATING,
    "参加": Role.COOPERATING,
    "协助": Role.COOPERATING,
    "协同": Role.COOPERATING,
}

# Labels name the role of the units that follow: 牵头单位:X;配合单位:Y (data/labels.toml).
def _read_labels() -> tuple[dict[str, Role | None], tuple[str, ...]]:
    raw = resources.files(__package__).joinpath("data", "labels.toml").read_text(encoding="utf-8")
    data = tomllib.loads(raw)
    labels: dict[str, Role | None] = {}
    for role in (Role.LEAD, Role.RESPONSIBLE, Role.COOPERATING):
        for word in data[role.value]["labels"]:
            labels[word] = role
            if word.endswith("单位"):  # every 单位 label also stands with 部门
                labels.setdefault(word[: -len("单位")] + "部门", role)
    # the value states its own roles with verbs: 部门分工:省发展改革委牵头,各地、各部门配合。
    for word in data["verbs"]["labels"]:
        labels[word] = None
    return labels, tuple(data["deadline"]["labels"])


UNIT_LABELS, DEADLINE_LABELS = _read_labels()


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_ROLE_AT_END = lazy(f"(?:{_alternation(ROLE_WORDS)})$")
_ROLE_AT_SEPARATOR = lazy(f"(?:{_alternation(ROLE_WORDS)})(?=\\s*(?:[,;。]|$))")
LABEL = lazy(f"(?P<label>{_alternation([*UNIT_LABELS, *DEADLINE_LABELS])})\\s*:")


@dataclass(frozen=True)
class RoleMatch:
    role: Role
    start: int  # where the role verb starts: the units end here
    end: int


def role_at_end(text: str, start: int, end: int) -> RoleMatch | None:
    """The role verb that closes ``text[start:end]``, longest first (按职责分工负责 over 负责)."""
    found = _ROLE_AT_END.search(text, start, end)
    if found is None:
        return None
    return RoleMatch(ROLE_WORDS[found.group()], found.start(), found.end())


def has_closing_role(text: str, start: int, end: int) -> bool:
    """A role verb stands at the end of some clause part (before , ; 。 or the end)."""
    return _ROLE_AT_SEPARATOR.search(text, start, end) is not None


@dataclass(frozen=True)
class LabelMatch:
    name: str
    role: Role | None  # None: the value carries its own role verbs
    deadline: bool
    start: int
    value_start: int  # just after the colon


def label_at(text: str, pos: int, end: int) -> LabelMatch | None:
    """The label that starts at ``pos`` (spaces skipped), if any."""
    while pos < end and text[pos] in " \t\u3000":
        pos += 1
    found = LABEL.match(text, pos, end)
    if found is None:
        return None
    name = found.group("label")
    return LabelMatch(name, UNIT_LABELS.get(name), name in DEADLINE_LABELS, found.start(), found.end())
