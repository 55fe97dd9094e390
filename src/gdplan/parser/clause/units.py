"""Units of a group: split at 、, keep coordinated heads whole, distribute shared affixes.

A group is what stands between two commas of a clause (省文化和旅游厅、广电局、体育局). Its
units share a prefix written once (省), or a suffix written once (广州、深圳、珠海出入境边防
检查总站); each unit comes back as pieces of the text so it can be rendered in any script.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from gdplan.model import Role
from gdplan.parser.clause import kinds, names
from gdplan.parser.clause.roles import ROLE_WORDS, UNIT_LABELS
from gdplan.parser.clause.scan import (
    CLOSERS,
    OPENERS,
    close_of,
    inner_spans,
    is_top,
    open_of,
    split_top,
    strip_trailing_groups,
    trim,
)
from gdplan.parser.clause.types import Offsets, UnitRef
from gdplan.parser.lazy import lazy
from gdplan.parser.memo import memo

# 等 / 等单位 / 等有关单位 / 等部门 after a unit, or a kind of units after 等 (X等市直有关单位,
# 市财政局等市级相关单位, X等10个部门): the list is not exhaustive, and the unit is X.
_ETC = lazy(
    r"等(?:[省市区县州]级|[省市区县州]直|[省市区县]属|中央驻[省市区县]|驻[省市区县]|中央|各|全[省市区县])?"
    r"(?:(?:\d+|[一二三四五六七八九十两]+)(?:个|家))?"  # X等10个部门: a count of them
    r"(?:有关|相关|其他|其它)?(?:单位|部门|机构|方面|企业)?$"
)
# Levels that coordinate before a shared government tail: 各区、市人民政府 / 省、市人民政府.
_LEVEL_CHARS = "省市区县镇乡街"
_SHARED_TAILS = ("人民政府", "政府", "党委", "管委会")
# Administrative levels written in a row before one tail: 各省、自治区、直辖市人民政府.
_LEVEL_WORDS = (
    "计划单列市", "自治区", "直辖市", "自治州", "自治县", "省", "市", "区", "县", "州", "旗", "盟",
)  # fmt: skip
# 省发展改革委和省财政厅: a conjunction joins two whole names (工业和信息化厅 is one name).
_CONJUNCTION = lazy(r"以及|和|及|与")


@dataclass
class GroupReading:
    units: list[UnitRef] = field(default_factory=list)
    marked: list[Role | None] = field(default_factory=list)  # 市发改委(牵头): the unit's own role
    open_ended: bool = False
    problems: list[str] = field(default_factory=list)


@dataclass
class _Unit:
    own: Offsets  # the unit's own text (several parts when coordinated: 市政府各委、办、局)
    parts: int = 1
    pieces: list[Offsets] = field(default_factory=list)  # set when an affix is distributed


def read_group(text: str, start: int, end: int, *, drop_odd: bool = False, shift: int = 0) -> GroupReading:
    """The units of one comma-separated group, affixes distributed.

    ``drop_odd``: leave out (and report) names that do not read like an organisation, for
    groups that no role word or label vouches for. ``shift`` is added to every offset
    (``text`` is a copy of the document's text from there).
    """
    group = text[start:end]
    # The same groups recur: read each short one once. A long one (a clause naming thousands
    # of units) is read directly: cached, it would stay in memory after its document.
    found = _read_group_text(group) if len(group) <= _CACHED_GROUP_CHARS else _read_group_uncached(group)
    units: list[UnitRef] = []
    marked: list[Role | None] = []
    problems = list(found.problems)
    at = start + shift
    for unit in found.units:
        if unit.problem is not None:
            problems.append(unit.problem)
        if unit.no_unit or (unit.odd and drop_odd):
            continue
        units.append(UnitRef(tuple([(s + at, e + at) for s, e in unit.pieces])))
        marked.append(unit.role)
    return GroupReading(units, marked, found.open_ended, problems)


class _FoundUnit(NamedTuple):
    pieces: tuple[Offsets, ...]  # offsets into the group's text
    role: Role | None  # 市发改委(牵头): the unit's own role
    problem: str | None
    no_unit: bool  # one character or none: never a unit
    odd: bool  # does not read like an organisation


class _FoundGroup(NamedTuple):
    units: tuple[_FoundUnit, ...]
    open_ended: bool
    problems: tuple[str, ...]  # empty units; each unit's own problem follows in ``units``


_CACHED_GROUP_CHARS = 200


def _read_group_uncached(text: str) -> _FoundGroup:
    """read_group on a group of its own (offsets into ``text``), for any ``drop_odd``."""
    plain = _plain_parts(text)
    parts, marked, open_ended, problems = (plain, {}, False, []) if plain is not None else _cut_parts(text)
    units = _coordinate(text, parts)
    _distribute_suffix(text, units)
    units = _distribute_tails(text, units)
    _distribute_prefix(text, units)
    found: list[_FoundUnit] = []
    for unit in units:
        pieces = tuple(unit.pieces) if unit.pieces else (unit.own,)
        name = "".join([text[s:e] for s, e in pieces])
        core = name[: strip_trailing_groups(name, 0, len(name))]
        role = marked.get(unit.own[0])
        if len(core) <= 1:
            found.append(_FoundUnit(pieces, role, f"“{name}” reads as no unit", no_unit=True, odd=False))
        elif not names.looks_like_unit(core):
            problem = f"“{name}” does not read like an organisation"
            found.append(_FoundUnit(pieces, role, problem, no_unit=False, odd=True))
        else:
            found.append(_FoundUnit(pieces, role, None, no_unit=False, odd=False))
    return _FoundGroup(tuple(found), open_ended, tuple(problems))


_read_group_text = memo(maxsize=4096)(_read_group_uncached)

def _cut_parts(text: str) -> tuple[list[Offsets], dict[int, Role], bool, list[str]]:
    """The parts of a group between 、: 等 cut off, a role mark (牵头) taken, 和 split.

    Returns the parts, the role marks by part start, whether the list ends in 等, and the
    problems (empty parts).
    """
    problems: list[str] = []
    open_ended = False
    parts: list[Offsets] = []
    marked: dict[int, Role] = {}
    for raw in split_top(text, 0, len(text), "、"):
        s, e = trim(text, *raw)
        s, e, etc = _cut_etc(text, s, e)
        s, e, mark = _cut_role_mark(text, s, e)
        open_ended |= etc
        if s >= e:
            if not etc:
                problems.append(f"an empty unit in “{text.strip()}”")
            continue
        for part in _split_conjunction(text, s, e):
            parts.append(part)
            if mark is not None:
                marked[part[0]] = mark
    return parts, marked, open_ended, problems


# What a part may need cut or split: spaces, brackets, 等, a conjunction.
_NOT_PLAIN = lazy(r"[\s" + re.escape(OPENERS + CLOSERS) + "等和及与]")


def _plain_parts(text: str) -> list[Offsets] | None:
    """The parts of a group that has nothing to cut (省发展改革委、科技厅), or None."""
    if not text or _NOT_PLAIN.search(text) is not None:
        return None
    parts: list[Offsets] = []
    begin = 0
    for piece in text.split("、"):
        if not piece:
            return None  # an empty part: _cut_parts reports it
        parts.append((begin, begin + len(piece)))
        begin += len(piece) + 1
    return parts


def split_units(text: str, start: int, end: int) -> list[UnitRef]:
    """The units of a list such as an addressee line (各地级以上市人民政府,省政府各部门、各直属机构:)."""
    start, end = trim(text, start, end, " \t\r\n\u3000\u00a0:：。;；,，")
    units: list[UnitRef] = []
    for group in split_top(text, start, end, ",;，；"):
        s, e = trim(text, *group)
        if s < e:
            units.extend(read_group(text, s, e).units)
    return units


def _cut_etc(text: str, start: int, end: int) -> tuple[int, int, bool]:
    if text.find("等", start, end) < 0:
        return start, end, False
    found = _ETC.search(text, start, end)
    if found is None:
        return start, end, False
    s, e = trim(text, start, found.start())
    return s, e, True


def _cut_role_mark(text: str, start: int, end: int) -> tuple[int, int, Role | None]:
    """市发改委(牵头): a role in brackets after one unit of the list."""
    if end - start < 3 or text[end - 1] not in CLOSERS:
        return start, end, None
    opener = open_of(text, end - 1, start)
    if opener is None or opener == start:
        return start, end, None
    inner = text[opener + 1 : end - 1].strip()
    role = ROLE_WORDS.get(inner) or UNIT_LABELS.get(inner)
    if role is None:
        return start, end, None
    s, e = trim(text, start, opener)
    return s, e, role


def _split_conjunction(text: str, start: int, end: int) -> list[Offsets]:
    """Split 省发展改革委和省财政厅 where both sides are whole names (not 工业和信息化厅)."""
    inside: list[Offsets] | None = None  # bracket groups, found once a conjunction is
    for found in _CONJUNCTION.finditer(text, start, end):
        if inside is None:
            inside = inner_spans(text, start, end)
        if not is_top(inside, found.start()):
            continue
        left = trim(text, start, found.start())
        right = trim(text, found.end(), end)
        left_name, right_name = text[slice(*left)], text[slice(*right)]
        if (
            len(left_name) >= 3
            and names.ends_like_org(left_name, strict=True)
            and (names.looks_like_unit(right_name, strict=True) or right_name.startswith("各"))
        ) or _body_and_body(left_name, right_name):
            return [left, *_split_conjunction(text, *right)]
    return [(start, end)]


def _body_and_body(left: str, right: str) -> bool:
    """各县区党委和政府: a place's body, 和, a bare body word (the tails rule gives it the place)."""
    return right in _PLACE_TAILS and left.endswith(_PLACE_TAILS) and len(left) > len(right)


def _core(text: str, span: Offsets) -> str:
    """The name without trailing bracket groups: 各镇(街) → 各镇."""
    return text[span[0] : strip_trailing_groups(text, *span)]


def _coordinate(text: str, parts: list[Offsets]) -> list[_Unit]:
    """Join parts that cannot stand alone with their neighbours: 市政府各委、办、局 / 各区、市人民政府."""
    if len(parts) == 1:
        return [_Unit(parts[0])]  # nothing to join (about half of all groups)
    units: list[_Unit] = []
    i = 0
    while i < len(parts):
        core = _core(text, parts[i])
        head = core[1:] if core.startswith("各") else core
        levels_end = _levels_before_tail(text, parts, i)
        if levels_end is not None:
            units.append(_Unit((parts[i][0], parts[levels_end][1]), parts=levels_end - i + 1))
            i = levels_end + 1
            continue
        if len(head) == 1 and i + 1 < len(parts) and _shares_tail(text[slice(*parts[i + 1])]):
            units.append(_Unit((parts[i][0], parts[i + 1][1]), parts=2))
            i += 2
            continue
        if len(core) == 1 and units and _coordinates_with(text, core, units[-1]):
            last = units[-1]
            last.own = (last.own[0], parts[i][1])
            last.parts += 1
        else:
            units.append(_Unit(parts[i]))
        i += 1
    return units


def _levels_before_tail(text: str, parts: list[Offsets], i: int) -> int | None:
    """各省、自治区、直辖市人民政府: bare level words, then a level word with the tail they share.

    Returns the index of the part that carries the tail, or None.
    """
    j = i
    while j < len(parts):
        core = _core(text, parts[j])
        head = core[1:] if core.startswith("各") and j == i else core
        if head in _LEVEL_WORDS:
            j += 1
            continue
        if j == i:
            return None  # the first part is not a bare level word (most groups stop here)
        level = next((w for w in _LEVEL_WORDS if head.startswith(w)), None)
        # 各市、县(市、区)人民政府: the last level may carry its own bracket before the tail.
        if level is not None and head[_skip_groups(head, len(level)) :].startswith(_SHARED_TAILS):
            return j
        return None
    return None


def _coordinates_with(text: str, head: str, previous: _Unit) -> bool:
    """委、办、局: a one-character organisation word after a name that ends in one too."""
    return names.ends_like_org(head) and names.ends_like_org(_core(text, previous.own))


def _shares_tail(follower: str) -> bool:
    """区、市人民政府: the follower is one level character and a government tail both share."""
    return (
        len(follower) > 1
        and follower[0] in _LEVEL_CHARS
        and follower[1:].startswith(_SHARED_TAILS)
        and not follower.startswith("各")
    )


def _is_bare_place(text: str, unit: _Unit) -> bool:
    name = _core(text, unit.own)
    return unit.parts == 1 and len(name) >= 2 and not name.startswith("各") and not names.ends_like_org(name)


def _distribute_suffix(text: str, units: list[_Unit]) -> None:
    """广州、深圳、珠海出入境边防检查总站: each bare place before a unit takes that unit's suffix."""
    if len(units) < 2:
        return  # a suffix is shared by two units at least
    run: list[_Unit] = []
    for unit in units:
        if _is_bare_place(text, unit):
            run.append(unit)
            continue
        if run and unit.parts == 1 and names.ends_like_org(_core(text, unit.own)):
            suffix = _suffix_of(text, unit, [_core(text, u.own) for u in run])
            if suffix is not None:
                level = _level_before(text, unit, suffix)
                for bare in run:
                    # 郑州、开封、洛阳市人民政府: a place printed without the level word takes it too
                    if level is None or _has_level(_core(text, bare.own), text[level]):
                        bare.pieces = [bare.own, suffix]
                    else:
                        bare.pieces = [bare.own, (level, suffix[1])]
        run = []


# Bodies of one place, written once after it: 各县区党委、政府 → 各县区党委, 各县区政府.
_PLACE_TAILS = ("人民政府", "政府", "党委", "党工委", "管委会", "工委", "人大常委会", "政协")


def _distribute_tails(text: str, units: list[_Unit]) -> list[_Unit]:
    """A bare body word (政府, 管委会) after a place's body takes that place: 各县区党委、政府 →
    各县区政府; after places that shared the body's suffix it goes to each of them too:
    甲高新区、乙经开区党工委、管委会 → 甲高新区党工委, 甲高新区管委会, 乙经开区党工委, 乙经开区管委会."""
    if len(units) < 2 or not any(_core(text, u.own) in _PLACE_TAILS for u in units[1:]):
        return units
    out: list[_Unit] = []
    place: Offsets | None = None  # the place part of the last body named (各县区 of 各县区党委)
    sharing: list[_Unit] = []  # bare places that took that body's suffix
    for unit in units:
        name = _core(text, unit.own)
        if name in _PLACE_TAILS and place is not None and not unit.pieces:
            for bare in sharing:
                extra = _Unit(bare.own, pieces=[bare.own, unit.own])
                out.insert(out.index(bare) + 1 + _following_tails(out, bare), extra)
            unit.pieces = [place, unit.own]
            out.append(unit)
            continue
        out.append(unit)
        place, sharing = _place_of(text, unit), [u for u in out[:-1] if _shares_suffix_of(u, unit)]
    return out


def _place_of(text: str, unit: _Unit) -> Offsets | None:
    """The place part of a body's name: 各县区 of 各县区党委; None when it ends in no body word."""
    if unit.pieces or unit.parts != 1:
        return None
    s, e = unit.own
    name = text[s:e]
    tail = next((t for t in _PLACE_TAILS if name.endswith(t) and len(name) > len(t)), None)
    if tail is None or not kinds.is_local_government(name[: -len(tail)]):
        return None
    return s, e - len(tail)


def _shares_suffix_of(bare: _Unit, body: _Unit) -> bool:
    """``bare`` took the suffix of ``body``: its second piece is the end of ``body``'s name."""
    return len(bare.pieces) == 2 and bare.pieces[1][1] == body.own[1] and bare.pieces[1][0] > body.own[0]


def _following_tails(out: list[_Unit], bare: _Unit) -> int:
    """How many tail units were inserted right after ``bare`` already."""
    i = out.index(bare) + 1
    n = 0
    while i + n < len(out) and out[i + n].own == bare.own:
        n += 1
    return n


def _suffix_of(text: str, unit: _Unit, places: list[str]) -> Offsets | None:
    """What follows the place name that ``unit`` starts with, or None when it cannot tell."""
    s, e = unit.own
    name = text[s:e]
    endings = {z for z in names.ZONE_ENDINGS for p in places if p.endswith(z)}
    place_end = 0
    if endings and all(p.endswith(tuple(endings)) for p in places):
        # the structure shows it: 肇庆高新区、…、粤桂合作特别试验区(肇庆)管委会 → after 区(肇庆)
        at = min((i for z in endings if (i := name.find(z, 1)) >= 0), default=-1)
        if at >= 0:
            ending = next(z for z in endings if name.startswith(z, at))
            place_end = _skip_groups(name, at + len(ending))
    else:
        place_end = names.leading_place_length(name)
    if not 0 < place_end < len(name):
        return None
    suffix = trim(text, s + place_end, e)
    if not names.looks_like_unit(text[suffix[0] : suffix[1]]):
        return None
    return suffix


def _has_level(place: str, level: str) -> bool:
    """The place is printed with a level word of its own: 原州区 (、西吉县人民政府), 祁县 (before
    平遥县…). A two-character place ending in another level's word is a stem (通州 → 通州区)."""
    return place.endswith(level) or (len(place) >= 3 and names.is_level_word(place[-1]))


def _level_before(text: str, unit: _Unit, suffix: Offsets) -> int | None:
    """Where the level word (市, 区, 县 …) that closes the place of ``unit`` stands, right before
    its shared ``suffix``; None when the place ends in none (珠海|出入境边防检查总站)."""
    at = suffix[0] - 1
    if at - unit.own[0] < 2 or not names.is_level_word(text[at]):
        return None
    return at


def _skip_groups(name: str, pos: int) -> int:
    """Position after the bracket groups that start at ``pos``: 试验区|(肇庆)|管委会."""
    while pos < len(name) and name[pos] in OPENERS:
        close = close_of(name, pos, len(name))
        if close is None:
            break
        pos = close + 1
    return pos


def _distribute_prefix(text: str, units: list[_Unit]) -> None:
    """省发展改革委、科技厅 → 省科技厅; 省政府各部门、各直属机构 → 省政府各直属机构.

    The prefix goes where it fits (DOMAIN.md §3b): a party prefix (省委网信办、宣传部) to party
    organs, the government's (省) to the departments of the same list; no jurisdiction
    prefix to enterprises, banks or associations. A prefix written with 各 / 有关 keeps
    it: 市政府各工作部门、直属机构 → 市政府各直属机构; 各乡镇人民政府、街道办事处 → 各街道办事处.
    """
    if len(units) < 2:
        return
    first_start, first_end = units[0].own
    first = text[first_start:first_end]
    # 省政府各部门: what stands before 各 / 有关, when it is an organisation of its own
    each_at, each_word = _each_word(first)
    each_prefix = first[:each_at] if each_at > 0 else ""
    if not names.looks_like_unit(each_prefix, strict=True):
        each_prefix = ""
    jurisdiction = names.jurisdiction_prefix(first)
    government = _government_of(jurisdiction)
    each_local = first.startswith("各") and kinds.is_local_government(first)
    each_place = _each_place_of_department(first)
    for unit in units[1:]:
        if unit.pieces:  # took a shared suffix already
            continue
        name = text[unit.own[0] : unit.own[1]]
        if each_prefix and name.startswith(_GENERIC_STARTS) and not _each_word(name)[1]:
            unit.pieces = [(first_start, first_start + each_at + len(each_word)), unit.own]
        elif each_prefix and name.startswith(("各", "有关", *_GENERIC_STARTS)):
            unit.pieces = [(first_start, first_start + len(each_prefix)), unit.own]
        elif each_local and name.startswith(_LOCAL_LEVELS) and kinds.is_local_government(name):
            unit.pieces = [(first_start, first_start + 1), unit.own]
        elif each_place and _takes_each_place(name):
            unit.pieces = [(first_start, first_start + each_place), unit.own]
        elif jurisdiction and not names.has_own_jurisdiction(name) and not kinds.is_non_government(name):
            prefix = jurisdiction if kinds.is_party_organ(name) else government
            if prefix:
                unit.pieces = [(first_start, first_start + len(prefix)), unit.own]


# 各县(市、区) / 各旗县区 / 各地级以上市: the places a department of each local government is of.
_EACH_PLACE = lazy(r"各(?:地级以上市|省辖市|设区的?市|[省市县区州盟旗乡镇]{1,4})(?:\([^()]*\))?")


def _each_place_of_department(first: str) -> int:
    """各县(市、区)发展改革委: the length of the 各 + places part when a department follows it
    (not their governments, 各县区人民政府, nor a kind of units, 各县区有关部门); else 0."""
    m = _EACH_PLACE.match(first)
    if m is None:
        return 0
    rest = first[m.end() :]
    if (
        len(rest) < 2
        or not names.ends_like_org(rest)
        or rest.startswith(("各", "有关", "相关", *_GENERIC_STARTS))
        or kinds.is_local_government(first)
        or any(rest.startswith(t) for t in _PLACE_TAILS)
    ):
        return 0
    return m.end()


def _takes_each_place(name: str) -> bool:
    """A department named without its place (财政局 after 各县区发展改革局) is each place's too."""
    return (
        not name.startswith(("各", "有关", "相关"))
        and names.ends_like_org(name)
        and not names.has_own_jurisdiction(name)
        and not kinds.is_non_government(name)
        and not kinds.is_local_government(name)
        and not any(name.startswith(t) for t in _PLACE_TAILS)
    )


# Names of a kind, not of one body, that share a 各 / 有关 prefix: 直属机构, 工作部门.
_GENERIC_STARTS = ("直属", "工作部门", "部门", "单位", "机构", "派出机构", "议事协调机构")
# Township levels that share a distributive 各 with the local governments before them.
_LOCAL_LEVELS = ("街道", "乡镇", "镇", "乡", "村", "社区")


def _each_word(name: str) -> tuple[int, str]:
    """Where 各 or 有关 stands in the name (not at its start), and which: (-1, "") when neither."""
    for word in ("各", "有关"):
        at = name.find(word, 1)
        if at > 0:
            return at, word
    return -1, ""


def _government_of(jurisdiction: str) -> str:
    """The government's prefix of a party prefix: 省委 → 省, 自治区党委 → 自治区."""
    if jurisdiction.endswith("党委"):
        return jurisdiction[: -len("党委")]
    if len(jurisdiction) == 2 and jurisdiction.endswith("委"):
        return jurisdiction[:1]
    return jurisdiction
