"""Which body is a unit: its jurisdiction, kind, full name and id (DOMAIN.md §3c).

A pipeline step after clause analysis: :func:`resolve_document` fills the four registry
fields of every :class:`~gdplan.model.Unit` of a parsed document. A name is read as

    [jurisdiction] body         广东省|发展和改革委员会, 省|发改委, 省委|宣传部, 中共惠州市委|组织部
    template                    海关总署{广东}分署, 人民银行{广东省}分行, 团{省}委

where the jurisdiction is a place of the place list (with its parents), a relative prefix
(省 市 区 县) read against the document's own jurisdiction (from its issuer, signature or
titles), or nothing: a name without one belongs to the level its form is used at, the
document's own level first. A body the registry does not list keeps the place it was
named with and gets a kind from its ending (data/endings.tsv), an id
from its printed remainder and no canonical name. A name whose jurisdiction cannot be
told gets nothing, and one info diagnostic.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from gdplan.model import ROLES, Diagnostic, Document, Unit, UnitKind
from gdplan.registry.data import Form, Place, Registry, fold, registry

NATIONAL = "国务院"
"""The jurisdiction of national bodies."""
NATIONAL_CODE = "cn"

# Relative prefixes, longest first, and the level of the document's chain each one names.
_RELATIVE = (("自治区", "P"), ("省", "P"), ("市", "C"), ("区", "X"), ("县", "X"), ("州", "C"))
# Words that open with a level character but are not a prefix: 市场监管局 is not 市|场监管局.
_NOT_PREFIX = ("市场", "区域", "县域", "省级", "市级", "区级", "县级", "省内", "市内", "区块链", "州")
_NATIONAL_OPENERS = ("国家", "国务院", "中央", "中国", "中华", "全国", "最高")
_COLLECTIVE_ENDS = ("单位", "部门", "政府", "机构", "管委会", "党委", "地区", "各地")
_COLLECTIVE_WORDS = ("各", "有关", "相关", "其他", "其它")


@dataclass(frozen=True)
class Context:
    """A document's own jurisdiction: its places top first ([广东省, 惠州市]), or national."""

    chain: tuple[Place, ...] = ()
    national: bool = False

    def at(self, level: str) -> Place | None:
        for place in self.chain:
            if level in place.levels:
                return place
        return None

    @property
    def own(self) -> Place | None:
        return self.chain[-1] if self.chain else None


@dataclass(frozen=True)
class Resolution:
    jurisdiction: str
    kind: UnitKind
    canonical: str | None
    unit_id: str


# -- the document's jurisdiction ---------------------------------------------------------------


def document_context(doc: Document, simplify: Callable[[str], str] = fold) -> Context:
    """The jurisdiction a document speaks for: from its issuer, signature, titles, document number.

    ``simplify`` folds a text field to the script of unit keys (the parser passes its own
    folding, which also turns Traditional into Simplified script).
    """
    notice = doc.notice
    texts = [notice.issuer, notice.signature] if notice is not None else []
    texts += [doc.title, notice.title if notice is not None else None]
    reg = registry()
    for text in texts:
        if not text:
            continue
        key = fold(simplify(text))
        place = _deepest_place_in(reg, key)
        if place is not None:
            return Context(tuple(reg.chain(place)))
        if key.startswith(("国务院", "中共中央", "国家")):
            return Context(national=True)
    number = fold(notice.doc_number) if notice is not None and notice.doc_number else ""
    if number.startswith("国"):
        return Context(national=True)
    if number[:1] in reg.abbreviations:
        return Context((reg.abbreviations[number[:1]],))
    # No cover notice that names a place: the places the plan's own units are named with, when
    # they all agree (广州市花都区税务局 and 花都区 … → 花都区), else the preamble's first place.
    agreed = _agreed_place(reg, doc, simplify)
    if agreed is not None:
        return Context(tuple(reg.chain(agreed)))
    if doc.preamble:
        place = _deepest_place_in(reg, fold(simplify(doc.preamble.split("\n", 1)[0])))
        if place is not None:
            return Context(tuple(reg.chain(place)))
    return Context()


def _agreed_place(reg: Registry, doc: Document, simplify: Callable[[str], str]) -> Place | None:
    named: list[Place] = []
    for node in doc.walk():
        duty = node.responsibility
        for unit in [u for role in ROLES for u in duty.units(role)]:
            size, place = _places_at_start(reg, unit.key, Context())
            if place is not None and size < len(unit.key):
                named.append(place)
    if not named:
        return None
    deepest = max(named, key=lambda p: len(reg.chain(p)))
    return deepest if all(p in reg.chain(deepest) for p in named) else None


def _deepest_place_in(reg: Registry, text: str) -> Place | None:
    """The deepest place a text names (full names anywhere, stems of provinces and cities anywhere,
    stems of counties only at the start), when the places it names agree with each other."""
    found: list[list[Place]] = []
    pos = 0
    while pos < len(text):
        size, places = _longest_place_at(reg, text, pos, stems_of_counties=pos == 0)
        if size:
            found.append(places)
            pos += size
        else:
            pos += 1
    # A place written out in full (安徽省) outweighs a stem (新安 in 新安晚报) when they disagree.
    spelled = [[p for p in places if p.name in text] for places in found]
    if any(spelled):
        found = [places for places in spelled if places]
    if not found:
        return None
    chosen: list[Place] = []
    for candidates in found:
        fitting = [p for p in candidates if all(_related(reg, p, q) for q in chosen)]
        if len(fitting) == 1:
            chosen.append(fitting[0])
        elif len(fitting) > 1 and not chosen:
            top = [p for p in fitting if p.level == min(q.level for q in fitting)]
            if len(top) == 1:
                chosen.append(top[0])
    if not chosen:
        return None
    return max(chosen, key=lambda p: len(reg.chain(p)))


def _related(reg: Registry, a: Place, b: Place) -> bool:
    return a in reg.chain(b) or b in reg.chain(a)


def _longest_place_at(
    reg: Registry, text: str, pos: int, *, stems_of_counties: bool = True
) -> tuple[int, list[Place]]:
    for size in range(min(reg.longest_place, len(text) - pos), 1, -1):
        places = reg.place_names.get(text[pos : pos + size])
        if not places:
            continue
        word = text[pos : pos + size]
        usable = [p for p in places if word == p.name or stems_of_counties or p.level != "X"]
        if usable:
            return size, usable
    return 0, []


# -- one name ----------------------------------------------------------------------------------


@functools.lru_cache(maxsize=8192)
def resolve_name(key: str, context: Context) -> Resolution | None:
    """The body a folded unit name stands for in a document of ``context``; None when unknown."""
    reg = registry()
    key = fold(key)
    party_forced = key.startswith("中共") and len(key) > 2
    name = key[2:] if party_forced else key
    # 各县<市、区>政府<管委会> reads as 各县(市、区)政府: the trailing bracket only qualifies it.
    plain = name.replace("<", "(").replace(">", ")")
    short = _TRAILING_BRACKET.sub("", plain)
    for variant in dict.fromkeys((name, plain, short)):
        for attempt in (_template, _bare_known, _placed, _relative):
            found = attempt(reg, variant, context, party_forced)
            if found is _UNKNOWN:
                return None  # the name says whose it is, but the document cannot tell: no guess
            if isinstance(found, Resolution):
                return found
    found = _bare_unknown(reg, name, context, party_forced)
    return found if isinstance(found, Resolution) else None


_TRAILING_BRACKET = re.compile(r"\([^()]*\)$")


class _Unknown:
    """A reading that knows the name has a jurisdiction it cannot place (市X in a province's plan)."""


_UNKNOWN = _Unknown()


def _template(reg: Registry, name: str, ctx: Context, party: bool) -> Resolution | None:
    for template in reg.templates:
        text = template.place_text(name)
        if text is None:
            continue
        place = _relative_place(text, ctx) if template.mark == "L" else _place_of_text(reg, text, ctx)
        if place is not None:
            return _known(reg, place, template.form)
    return None


def _bare_known(reg: Registry, name: str, ctx: Context, party: bool) -> Resolution | None:
    forms = _lookup(reg, name, party=party)
    if not forms:
        return None
    if ctx.national or name.startswith(_NATIONAL_OPENERS):
        national = [f for f in forms if "N" in f.levels]
        if national:
            return _known(reg, None, national[0])
        if ctx.national:
            return None
    own = ctx.own
    if own is not None:
        at_own = [f for f in forms if f.levels & own.levels]
        if at_own:
            return _known(reg, own, at_own[0])
    levels = {level for f in forms for level in f.levels}
    if levels == {"N"}:
        return _known(reg, None, forms[0])
    for level in ("P", "C", "X"):
        place = ctx.at(level)
        fitting = [f for f in forms if level in f.levels]
        if place is not None and fitting and len(levels) == 1:
            return _known(reg, place, fitting[0])
    return None


def _placed(reg: Registry, name: str, ctx: Context, party: bool) -> Resolution | _Unknown | None:
    """广东省发展和改革委员会, 广州市花都区税务局, 惠州市委宣传部, 广州市 (its government)."""
    size, place = _places_at_start(reg, name, ctx)
    if place is None:
        return _UNKNOWN if size else None  # a place name several places share
    rest = name[size:]
    spelled_out = any(name.startswith(p.name) for p in reg.chain(place))
    near = any(_related(reg, place, q) for q in ctx.chain)
    if not spelled_out and not near and not _lookup(reg, rest) and not rest.startswith("委"):
        return None  # a stem of a far place before an unknown word (东方|红集团) proves nothing
    return _with_place(reg, place, rest, party)


def _relative(reg: Registry, name: str, ctx: Context, party: bool) -> Resolution | _Unknown | None:
    for prefix, _level in _RELATIVE:
        if not name.startswith(prefix) or len(name) == len(prefix):
            continue
        rest = name[len(prefix) :]
        known = bool(_lookup(reg, rest) or (rest.startswith("委") and _lookup(reg, rest[1:], party=True)))
        if not known and (name.startswith(_NOT_PREFIX) or _lookup(reg, name, party=party)):
            return None
        place = _relative_place(prefix, ctx)
        if place is None:
            return _UNKNOWN
        return _with_place(reg, place, rest, party)
    return None


def _bare_unknown(reg: Registry, name: str, ctx: Context, party: bool) -> Resolution | None:
    """A name with no jurisdiction of its own that the registry does not list: the document's."""
    kind = kind_from_ending(name, party)
    if kind is None:
        return None
    if ctx.national or name.startswith(_NATIONAL_OPENERS):
        return Resolution(NATIONAL, kind, None, f"{NATIONAL_CODE}/{name}")
    own = ctx.own
    if own is None:
        return None
    return Resolution(own.name, kind, None, f"{own.code}/{name}")


def _with_place(reg: Registry, place: Place, rest: str, party: bool) -> Resolution | None:
    if not rest:
        return _known(reg, place, reg.plain["人民政府"][0])
    if rest.startswith("委") and len(rest) > 1:
        forms = _lookup(reg, rest[1:], party=True)
        if forms:
            return _known(reg, place, _at_level(forms, place))
        party = True
    forms = _lookup(reg, rest, party=party)
    if forms:
        return _known(reg, place, _at_level(forms, place))
    kind = kind_from_ending(rest, party)
    if kind is None:
        return None
    return Resolution(place.name, kind, None, f"{place.code}/{rest}")


def _lookup(reg: Registry, name: str, *, party: bool = False) -> list[Form]:
    if party:
        return reg.party.get(name, []) or reg.plain.get(name, [])
    return reg.plain.get(name, []) or reg.party.get(name, [])


def _at_level(forms: list[Form], place: Place) -> Form:
    return next((f for f in forms if f.levels & place.levels), forms[0])


def kind_from_ending(name: str, party: bool) -> UnitKind | None:
    """The kind of a body the registry does not list: collective, party (after 委), or by its ending."""
    if _is_collective(name):
        return UnitKind.COLLECTIVE
    if party:
        return UnitKind.PARTY
    for ending, kind in registry().endings:
        if name.endswith(ending) and len(name) > len(ending):
            return kind
    return None


def _is_collective(name: str) -> bool:
    core = name.split("(", 1)[0]
    return core.startswith("各") or (
        any(w in core for w in _COLLECTIVE_WORDS) and core.endswith(_COLLECTIVE_ENDS)
    )


def _relative_place(prefix: str, ctx: Context) -> Place | None:
    level = dict(_RELATIVE)[prefix]
    if prefix == "州":
        own = ctx.at("C")
        return own if own is not None and own.name.endswith("州") else None
    if level == "X":
        own = ctx.own
        return own if own is not None and own.level == "X" else None
    if level == "C":
        city = next((p for p in ctx.chain if p.level == "C"), None)
        return city or next((p for p in ctx.chain if p.municipality), None)
    return ctx.at(level)


def _place_of_text(reg: Registry, text: str, ctx: Context) -> Place | None:
    """A place written out whole: 广东, 广东省, 广州市花都区."""
    size, place = _places_at_start(reg, text, ctx)
    return place if place is not None and size == len(text) else None


def _places_at_start(reg: Registry, name: str, ctx: Context) -> tuple[int, Place | None]:
    """The place chain a name opens with (广州市|花都区|…) and its length; (0, None) when none."""
    pos, chosen = 0, None
    while True:
        size, candidates = _longest_place_at(reg, name, pos)
        if not size:
            break
        if chosen is not None:
            candidates = [p for p in candidates if chosen in reg.chain(p)]
        place = _pick(reg, candidates, ctx)
        if place is None:
            if chosen is None:
                return size, None  # several places have this name, and nothing tells which
            break
        chosen, pos = place, pos + size
    return pos, chosen


def _pick(reg: Registry, candidates: list[Place], ctx: Context) -> Place | None:
    """One of several places of one name: the one inside the document's own, or the only one."""
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        return None
    inside = [p for p in candidates if ctx.chain and any(q in reg.chain(p) for q in ctx.chain[:1])]
    near = [p for p in inside if ctx.own is not None and (ctx.own in reg.chain(p) or p in ctx.chain)]
    for group in (near, inside):
        if len(group) == 1:
            return group[0]
    top = [p for p in candidates if p.level == "P"]
    return top[0] if len(top) == 1 else None


def _known(reg: Registry, place: Place | None, form: Form) -> Resolution:
    code = place.code if place is not None else NATIONAL_CODE
    jurisdiction = place.name if place is not None else NATIONAL
    canonical = None if form.kind is UnitKind.COLLECTIVE else _canonical(reg, place, form)
    return Resolution(jurisdiction, form.kind, canonical, f"{code}/{form.id}")


def _canonical(reg: Registry, place: Place | None, form: Form) -> str:
    """The body's full name today: the current form of the same body at the place's level."""
    levels = place.levels if place is not None else frozenset({"N"})
    if not form.current:
        form = next((f for f in reg.by_id(form.id) if f.current and f.levels & levels), form)
    if place is None:
        return form.full
    if place.level == "X" and place.parent is not None and reg.places[place.parent].level == "C":
        display = reg.places[place.parent].name + place.name
    else:
        display = place.name
    if "{P}" in form.full or "{p}" in form.full:
        stem = place.stems[0] if place.stems else place.name
        return form.full.replace("{P}", display).replace("{p}", stem)
    if form.kind is UnitKind.PARTY:
        return f"中共{display}委{form.full}"
    return display + form.full


# -- a document ----------------------------------------------------------------------------------


def resolve_document(
    doc: Document, *, diagnose: bool = True, simplify: Callable[[str], str] = fold
) -> Document:
    """Fill jurisdiction, kind, canonical and unit_id of every unit of ``doc`` (in place).

    A name that cannot be resolved keeps null fields; with ``diagnose`` each such name gets
    one info diagnostic (``unresolved-unit``), at the line of its first mention.
    """
    context = document_context(doc, simplify)
    cache: dict[str, dict[str, Any] | None] = {}  # key → the four fields; None: unresolved
    reported: set[str] = set()
    notes: list[Diagnostic] = []
    for node in doc.walk():
        duty = node.responsibility
        # the role lists by attribute (Role.value is a slow enum property), then the carried
        for unit in [*duty.lead, *duty.responsible, *duty.implementing, *duty.cooperating, *duty.carried]:
            key = unit.key
            if key in cache:
                values = cache[key]
            else:
                values = cache[key] = _fields(resolve_name(key, context))
            _apply(unit, values)
            if values is None and diagnose and key not in reported:
                reported.add(key)
                notes.append(
                    Diagnostic(
                        level="info",
                        code="unresolved-unit",
                        message=f"unit {unit.name!r}: the registry cannot tell which body this is",
                        line=node.line,
                    )
                )
    doc.diagnostics.extend(notes)
    return doc


_UNRESOLVED: dict[str, Any] = {"jurisdiction": None, "kind": None, "canonical": None, "unit_id": None}


def _fields(found: Resolution | None) -> dict[str, Any] | None:
    """The four fields of a resolution (None when there is none), made once per name."""
    if found is None:
        return None
    return {
        "jurisdiction": found.jurisdiction,
        "kind": found.kind,
        "canonical": found.canonical,
        "unit_id": found.unit_id,
    }


def _apply(unit: Unit, values: dict[str, Any] | None) -> None:
    """Set the four fields. They are plain values of the right types, so this writes them the
    way pydantic's own constructor does, without its per-attribute assignment hook (which
    costs more than the whole resolution on a plan of a few hundred units)."""
    if values is None:
        values = _UNRESOLVED
    unit.__dict__.update(values)
    unit.__pydantic_fields_set__.update(values)
