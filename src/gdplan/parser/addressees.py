"""The notice's addressee list (主送机关): units as in clauses, plus how 主送 lines coordinate.

An addressee line is read like a unit list (gdplan.parser.clause.split_units: groups at
，/；, units at 、, shared prefixes and suffixes distributed, levels coordinated before one
tail kept whole: 各市、县（市、区）人民政府). One more form is the addressee line's own: bare
affiliations coordinated before one collective tail (各单位, 有关部门), joined by 和 as well as
by 、:

    市直和中央、省属驻市各单位 → 市直各单位, 中央驻市各单位, 省属驻市各单位

和 binds looser than 、: each side of 和 takes the collective tail (各单位); inside a 、 list,
a bare affiliation also takes what its neighbour adds from 驻 on (驻市: stationed in the city).
A side that names a unit by itself (各县（市、区）, 市直有关单位) is left as printed.
"""

from __future__ import annotations

from gdplan.parser.clause import UnitRef, split_units
from gdplan.parser.clause.names import ends_like_org
from gdplan.parser.clause.scan import split_top, trim
from gdplan.parser.lazy import lazy

Offsets = tuple[int, int]

# The collective tail a list ends in: 各单位, 各部门, 有关单位, 相关部门, 各成员单位 …
_COLLECTIVE_TAIL = lazy(r"(?:各|有关|相关)[^\s各、,，;；:：()（）]{1,6}$")
# Where a shared affiliation suffix starts inside the last item of a 、 list: 省属|驻市.
_STATIONED = "驻"
# Affiliations that name a set of bodies and need a collective tail: 市直 (directly under the
# city), 省属 (owned by the province), 中央 / 中直 (central), 驻市 (stationed in the city).
_AFFILIATION = lazy(r"[省市区县州盟旗镇乡]直|[省市区县州]属|中央|中直|驻[省市区县州]")
_SEPARATORS = " \t\r\n\u3000\u00a0:：。;；,，"


def read_addressees(text: str, start: int, end: int) -> list[UnitRef]:
    """The addressees of ``text[start:end]`` (the analysis text of the 主送 line)."""
    start, end = trim(text, start, end, _SEPARATORS)
    units: list[UnitRef] = []
    for group in split_top(text, start, end, ",;，；"):
        s, e = trim(text, *group)
        if s >= e:
            continue
        coordinated = _coordinated_affiliations(text, s, e)
        units.extend(coordinated if coordinated is not None else split_units(text, s, e))
    return units


def _coordinated_affiliations(text: str, start: int, end: int) -> list[UnitRef] | None:
    """市直和中央、省属驻市各单位 → its units; None when the group is not of that form."""
    tail_match = _COLLECTIVE_TAIL.search(text, start, end)
    if tail_match is None or tail_match.start() == start:
        return None
    tail = (tail_match.start(), end)
    sides = [trim(text, *side) for side in split_top(text, start, tail[0], "和")]
    lists = [[trim(text, *item) for item in split_top(text, *side, "、")] for side in sides]
    if any(s >= e for items in lists for s, e in items):
        return None  # an empty side or item (省政府各部门、各直属机构): the unit grammar's case
    if len(sides) > 1 and not all(_stands_before_and(text[slice(*side)]) for side in sides[:-1]):
        return None  # 和 inside a name (工业和信息化局各科室)
    units: list[UnitRef] = []
    changed = len(sides) > 1
    for n, items in enumerate(lists):
        last_side = n == len(lists) - 1
        shared = _stationed_suffix(text, items[-1])
        for k, item in enumerate(items):
            last_item = k == len(items) - 1
            if last_side and last_item:
                units.append(UnitRef((item, tail)))  # printed with the tail
                continue
            if not _is_bare(text[slice(*item)]):
                units.append(UnitRef((item,)))
                continue
            changed = True
            pieces = (item, shared, tail) if shared is not None and not last_item else (item, tail)
            units.append(UnitRef(pieces))
    return units if changed else None


def _stationed_suffix(text: str, item: Offsets) -> Offsets | None:
    """省属驻市 → the offsets of 驻市, which the bare items before it share."""
    at = text.find(_STATIONED, item[0] + 1, item[1])
    return (at, item[1]) if at > 0 else None


def _stands_before_and(name: str) -> bool:
    """What 和 may follow in an addressee group: an affiliation, a 各 collective, a whole unit."""
    return _is_bare(name) or name.startswith("各") or ends_like_org(name, strict=True)


def _is_bare(name: str) -> bool:
    """An affiliation that is no unit on its own: 市直, 中央, 省属 (not 各县, not 市安委会)."""
    return _AFFILIATION.fullmatch(name) is not None
