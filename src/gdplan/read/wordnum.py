"""Word's automatic numbering: the label (``一、`` ``（一）`` ``1．``) Word prints before a paragraph.

A numbered paragraph has ``w:numPr`` (``w:numId`` + ``w:ilvl``), directly or through its
paragraph style. ``numbering.xml`` maps the numId to a ``w:num``, which names an
``w:abstractNum`` whose ``w:lvl`` entries give, per level, the start value, the number
format (``w:numFmt``) and the label template (``w:lvlText``, ``%1`` = level 1's counter).

Counters, as Word keeps them:

- one set of counters per abstract numbering, shared by every ``w:num`` that uses it
  (a new ``w:num`` restarts a list only through ``w:lvlOverride/w:startOverride``);
- using a level restarts the levels below it, unless a lower level's ``w:lvlRestart``
  says otherwise (``0``: never restart; ``N``: restart only after level N or above);
- ``w:isLgl`` prints every counter of the label in decimal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from gdplan.read.numformat import format_number

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
Element = etree._Element


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML tag: ``w("p")`` → ``{…/main}p``."""
    return f"{{{W}}}{tag}"


def wval(element: Element | None, attribute: str = "val") -> str | None:
    """The ``w:val`` (or another w: attribute) of an element, None when absent."""
    return None if element is None else element.get(w(attribute))


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


@dataclass(frozen=True)
class Level:
    """One ``w:lvl``: how a level counts and prints."""

    start: int = 1
    fmt: str = "decimal"
    text: str = ""  # lvlText: the template, %1..%9 standing for the counters
    restart: int | None = None  # lvlRestart; None = restart after any higher level
    legal: bool = False  # isLgl: print every counter in decimal
    suffix: str = "tab"  # what follows the label: tab, space or nothing
    style: str | None = None  # a paragraph style bound to this level (w:pStyle)

    @classmethod
    def from_xml(cls, lvl: Element) -> Level:
        fmt = lvl.find(w("numFmt"))
        if fmt is None:  # Word 2010 wraps new formats in mc:AlternateContent; take the fallback
            found = lvl.findall(f".//{w('numFmt')}")
            fmt = found[-1] if found else None
        legal = lvl.find(w("isLgl"))
        restart = lvl.find(w("lvlRestart"))
        return cls(
            start=_int(wval(lvl.find(w("start"))), 1),
            fmt=wval(fmt) or "decimal",
            text=wval(lvl.find(w("lvlText"))) or "",
            restart=None if restart is None else _int(wval(restart), 0),
            legal=legal is not None and wval(legal) not in ("0", "false", "off"),
            suffix=wval(lvl.find(w("suff"))) or "tab",
            style=wval(lvl.find(w("pStyle"))),
        )


def _levels(parent: Element) -> dict[int, Level]:
    return {_int(lvl.get(w("ilvl")), 0): Level.from_xml(lvl) for lvl in parent.findall(w("lvl"))}


@dataclass(frozen=True)
class Num:
    """One ``w:num``: an abstract numbering, with start values or levels overridden."""

    abstract_id: str
    start_overrides: dict[int, int]
    level_overrides: dict[int, Level]


@dataclass
class Label:
    """A label as Word prints it, and what separates it from the paragraph text."""

    text: str
    suffix: str  # "tab", "space" or "nothing"


_PLACEHOLDER = re.compile(r"%([1-9])")


@dataclass
class WordNumbering:
    """The numbering definitions of a document and the counters while reading it in order."""

    abstracts: dict[str, dict[int, Level]] = field(default_factory=dict)
    nums: dict[str, Num] = field(default_factory=dict)
    style_numbering: dict[str, tuple[str | None, int | None]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    @classmethod
    def from_xml(cls, numbering: Element | None, styles: Element | None) -> WordNumbering:
        """Read ``numbering.xml`` and ``styles.xml`` (either may be missing)."""
        result = cls()
        if styles is not None:
            result.style_numbering = _style_numbering(styles)
        if numbering is None:
            return result
        links: dict[str, str] = {}  # style name → abstractNum that defines the list style
        pointers: dict[str, str] = {}  # abstractNum → list style it only points to
        for abstract in numbering.findall(w("abstractNum")):
            abstract_id = abstract.get(w("abstractNumId"), "")
            result.abstracts[abstract_id] = _levels(abstract)
            if (link := wval(abstract.find(w("styleLink")))) is not None:
                links[link] = abstract_id
            if (pointer := wval(abstract.find(w("numStyleLink")))) is not None:
                pointers[abstract_id] = pointer
        for num in numbering.findall(w("num")):
            abstract_id = wval(num.find(w("abstractNumId"))) or ""
            abstract_id = links.get(pointers.get(abstract_id, ""), abstract_id)
            starts: dict[int, int] = {}
            overrides: dict[int, Level] = {}
            for override in num.findall(w("lvlOverride")):
                ilvl = _int(override.get(w("ilvl")), 0)
                if (start := override.find(w("startOverride"))) is not None:
                    starts[ilvl] = _int(wval(start), 1)
                if (lvl := override.find(w("lvl"))) is not None:
                    overrides[ilvl] = Level.from_xml(lvl)
            result.nums[num.get(w("numId"), "")] = Num(abstract_id, starts, overrides)
        return result

    def paragraph_label(self, paragraph: Element) -> Label | None:
        """The label of a paragraph (advancing the counters), or None when it is not numbered."""
        found = self._numbering_of(paragraph)
        if found is None:
            return None
        num_id, ilvl = found
        return self.next_label(num_id, ilvl)

    def next_label(self, num_id: str, ilvl: int) -> Label | None:
        """Count one paragraph at ``ilvl`` of list ``num_id`` and render its label."""
        num = self.nums.get(num_id)
        if num is None or num.abstract_id not in self.abstracts:
            return None
        levels = self.abstracts[num.abstract_id] | num.level_overrides
        level = levels.get(ilvl)
        if level is None:
            return None
        counters = self.counters.setdefault(num.abstract_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for overridden in num.start_overrides:
                counters.pop(overridden, None)

        def start(k: int) -> int:
            return num.start_overrides.get(k, levels[k].start if k in levels else 1)

        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start(ilvl)
        for deeper in [k for k in counters if k > ilvl]:
            if _restarts(levels.get(deeper, Level()), ilvl):
                del counters[deeper]
        if level.fmt == "bullet":
            return None  # a bullet, not a number: nothing the parser could use

        def render(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            value = counters.get(k, start(k))
            fmt = "decimal" if level.legal else (levels[k].fmt if k in levels else "decimal")
            return "" if fmt == "none" else format_number(value, fmt)

        text = _PLACEHOLDER.sub(render, level.text)
        return Label(text, level.suffix) if text.strip() else None

    def _numbering_of(self, paragraph: Element) -> tuple[str, int] | None:
        """(numId, ilvl) of a paragraph: its own w:numPr over its style's."""
        ppr = paragraph.find(w("pPr"))
        numpr = ppr.find(w("numPr")) if ppr is not None else None
        style_id = wval(ppr.find(w("pStyle"))) if ppr is not None else None
        num_id = wval(numpr.find(w("numId"))) if numpr is not None else None
        ilvl_text = wval(numpr.find(w("ilvl"))) if numpr is not None else None
        style_num, style_ilvl = self.style_numbering.get(style_id or "", (None, None))
        num_id = num_id if num_id is not None else style_num
        if num_id is None or num_id == "0":
            return None
        if ilvl_text is not None:
            return num_id, _int(ilvl_text, 0)
        if style_ilvl is not None:
            return num_id, style_ilvl
        return num_id, self._level_bound_to(num_id, style_id)

    def _level_bound_to(self, num_id: str, style_id: str | None) -> int:
        num = self.nums.get(num_id)
        if num is None or style_id is None:
            return 0
        for ilvl, level in self.abstracts.get(num.abstract_id, {}).items():
            if level.style == style_id:
                return ilvl
        return 0


def _restarts(level: Level, used: int) -> bool:
    """Whether using level ``used`` (0-based) restarts ``level``'s counter."""
    if level.restart is None:
        return True
    return level.restart > 0 and used < level.restart


def _style_numbering(styles: Element) -> dict[str, tuple[str | None, int | None]]:
    """Paragraph style → (numId, ilvl) it gives, following w:basedOn."""
    own: dict[str, tuple[str | None, int | None]] = {}
    based_on: dict[str, str] = {}
    for style in styles.findall(w("style")):
        style_id = style.get(w("styleId"), "")
        if (parent := wval(style.find(w("basedOn")))) is not None:
            based_on[style_id] = parent
        numpr = style.find(f"{w('pPr')}/{w('numPr')}")
        if numpr is not None:
            ilvl = wval(numpr.find(w("ilvl")))
            own[style_id] = (wval(numpr.find(w("numId"))), _int(ilvl, 0) if ilvl is not None else None)
    resolved: dict[str, tuple[str | None, int | None]] = {}
    for style_id in {*own, *based_on}:
        current: str | None = style_id
        seen: set[str] = set()
        while current is not None and current not in seen:
            seen.add(current)
            if current in own:
                resolved[style_id] = own[current]
                break
            current = based_on.get(current)
    return resolved
