"""The one document type every reader fills and every exporter reads.

The model imports nothing else of gdplan: parsers build it, exporters walk it.
Offsets (``span``) are character offsets into the *decoded input* (the text of a
.txt after decoding, or the text a reader extracted from HTML, DOCX or PDF), so
``decoded_input[node.span[0]:node.span[1]]`` is the node as it was printed.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1.1"
"""1.1: units carry jurisdiction, kind, canonical and unit_id (the registry's reading of the name)."""

Span = tuple[int, int]
"""Start and end character offsets into the decoded input (end exclusive)."""


def _empty_list() -> list[Any]:
    """The default of every list field. A Python function rather than the builtin ``list``:
    pydantic reads each default factory's signature, and a builtin's is parsed from its text
    signature with :mod:`tokenize`, whose patterns then compile (≈12 ms of a cold start)."""
    return []


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Role(StrEnum):
    """What a unit does for a task (DOMAIN.md §3)."""

    LEAD = "lead"  # 牵头
    RESPONSIBLE = "responsible"  # 负责 / 按职责分工负责 / 分别负责 / a bare unit list
    IMPLEMENTING = "implementing"  # 结合实际落实 / 落实
    COOPERATING = "cooperating"  # 配合 / 参与 / 参加 / 会同


ROLES: tuple[Role, ...] = (Role.LEAD, Role.RESPONSIBLE, Role.IMPLEMENTING, Role.COOPERATING)


class ClauseForm(StrEnum):
    """How the text states responsibility."""

    BRACKETED = "bracketed"  # （省XX牵头，省YY按职责分工负责）
    LABELLED = "labelled"  # 责任单位：XX / 牵头单位：XX；配合单位：YY / 部门分工：…
    INLINE = "inline"  # 由XX会同YY负责落实, inside the sentence
    TABLE = "table"  # a table cell holding the units
    CARRIED = "carried"  # nothing stated here; only what 下同 carried


class UnitKind(StrEnum):
    """What sort of body a unit is (DOMAIN.md §3c)."""

    DEPARTMENT = "department"  # a government department or office: 省发展改革委, 市科技局
    PARTY = "party"  # a party organ: 省委宣传部, 市委编办
    CONGRESS = "congress"  # people's congress or CPPCC and their offices: 省人大常委会办公厅
    COURT = "court"  # a court or procuratorate: 省法院, 市检察院
    MASS = "mass"  # a mass organisation: 省总工会, 团省委, 省妇联
    CENTRAL = "central"  # a central agency in the region: 广东海事局, 省税务局, 人民银行广东省分行
    GOVERNMENT = "government"  # a local government or zone committee: 惠州市人民政府, 高新区管委会
    ENTERPRISE = "enterprise"  # a (state-owned) enterprise: 广东电网公司, XX集团
    COLLECTIVE = "collective"  # several bodies at once: 各地级以上市人民政府, 省有关单位, 市直各单位
    OTHER = "other"  # anything else the registry can place: 省大数据中心, 省供销合作联社


class Unit(_Model):
    """A responsible unit, written out as it would stand alone.

    ``name`` and ``key`` are read from the text; the other four are the registry's reading of
    which body the name is (gdplan.registry), null where it cannot tell.
    """

    name: str = Field(description="the name as printed, shared prefix or suffix distributed")
    key: str = Field(
        description="folded name (simplified script, half width, no spaces): equal across scripts"
    )
    jurisdiction: str | None = Field(
        None, description="whose body it is: 广东省, 惠州市, 国务院 (national); null when unknown"
    )
    kind: UnitKind | None = Field(None, description="what sort of body it is; null when unknown")
    canonical: str | None = Field(
        None, description="the full standard name (广东省发展和改革委员会) where the registry knows it"
    )
    unit_id: str | None = Field(
        None,
        description="the body's id: equal across scripts, abbreviations and renames, distinct per"
        " jurisdiction (440000/drc); null when the name cannot be resolved",
    )
    column: str | None = Field(
        None, description="the table column the unit was read from (its header as printed), if any"
    )


Absence = Literal["no-clause", "truncated"]
"""Why a node states no responsibility: it has no clause, or the text stops before one."""


class Responsibility(_Model):
    """Who does a task, read from its responsibility clause (and what 下同 carried to it).

    Every node has one. When the text gives the node none, every list is empty and
    :attr:`absent` says why: ``"no-clause"`` (the node states none, as most headings) or
    ``"truncated"`` (the text is cut off inside the node, before any clause).
    """

    lead: list[Unit] = Field(default_factory=_empty_list)
    responsible: list[Unit] = Field(default_factory=_empty_list)
    implementing: list[Unit] = Field(default_factory=_empty_list)
    cooperating: list[Unit] = Field(default_factory=_empty_list)
    carried: list[Unit] = Field(
        default_factory=_empty_list,
        description="units that reached this node through 下同 (also in their role list)",
    )
    open_ended: bool = Field(False, description="a unit list ends in 等 / 等单位 / 等有关单位 / 等部门")
    deadline: str | None = Field(
        None, description="a time limit stated with the clause: 年内持续推进, 2024年底前"
    )
    clause: str | None = Field(None, description="the clause as printed, without its brackets")
    clause_span: Span | None = None
    form: ClauseForm = ClauseForm.BRACKETED
    absent: Absence | None = Field(
        None,
        description="why the node states no responsibility (no-clause, truncated); null when it states one",
    )

    @property
    def stated(self) -> bool:
        """The text gives this node a responsibility (a clause, or units 下同 carried to it)."""
        return self.absent is None

    def units(self, role: Role) -> list[Unit]:
        return list(getattr(self, role.value))

    def is_empty(self) -> bool:
        return not any(getattr(self, r.value) for r in ROLES)

    def __repr__(self) -> str:
        if self.absent is not None:
            return f"<Responsibility absent={self.absent!r}>"
        roles = " ".join(f"{r.value}={[u.name for u in self.units(r)]}" for r in ROLES if self.units(r))
        return f"<Responsibility {roles or 'no units'}>"

    __str__ = __repr__


class MarkerStyle(StrEnum):
    """A family of numbering markers; levels come from the order a document uses them."""

    CN_DUN = "cn-dun"  # 一、
    CN_PAREN = "cn-paren"  # （一） (一)
    ARABIC_DOT = "arabic-dot"  # 1． 1.
    ARABIC_DUN = "arabic-dun"  # 1、
    ARABIC_PAREN = "arabic-paren"  # （1） (1)
    CIRCLED = "circled"  # ①
    CHAPTER = "chapter"  # 第一章 第一部分
    ARTICLE = "article"  # 第一条
    TABLE_ROW = "table-row"  # a table row: its 序号 cell (3), or no label when rows are not numbered


class Node(_Model):
    """A numbered heading or item. An item is a numbered node with no numbered children."""

    kind: Literal["heading", "item"]
    style: MarkerStyle
    label: str = Field(description="the marker as printed: 一、 （一） 1．")
    number: int = Field(description="the printed number: （四） → 4 even when first under 二、")
    path: list[int] = Field(description="ordinal at each level from the top")
    title: str = Field(description="heading line, or the first sentence of a run-on heading")
    text: str = Field(
        "", description="the node's own body after its title, without the responsibility clause"
    )
    responsibility: Responsibility = Field(
        default_factory=lambda: Responsibility(absent="no-clause"),
        description="always present: empty, with absent saying why, when the text gives none",
    )
    truncated: bool = Field(False, description="the text stops inside this node")
    line: int = Field(description="1-based line of the marker in the decoded input")
    span: Span
    children: list[Node] = Field(default_factory=_empty_list)

    @model_validator(mode="before")
    @classmethod
    def _fill_responsibility(cls, data: Any) -> Any:
        """No responsibility given (or null, as gdplan 1.0 JSON wrote it) → an empty one saying why."""
        if isinstance(data, dict) and data.get("responsibility") is None:
            absent = "truncated" if data.get("truncated") else "no-clause"
            data = {**data, "responsibility": Responsibility(absent=absent)}
        return data

    def walk(self) -> Iterator[Node]:
        """This node and every node below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def __repr__(self) -> str:
        below = f" {len(self.children)} children" if self.children else ""
        return f"<Node {self.kind} {self.label}{self.title[:30]!r} path={self.path}{below}>"

    __str__ = __repr__


class Notice(_Model):
    """The cover notice (公文 frame) that wraps a plan."""

    title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    addressees: list[str] = Field(default_factory=_empty_list)
    signature: str | None = None
    date: str | None = Field(None, description="成文日期 as YYYY-MM-DD")
    span: Span | None = None


class Diagnostic(_Model):
    """Something odd in the input, with where it is."""

    level: Literal["info", "warning", "error"] = "warning"
    code: str = Field(description="numbering-gap, numbering-repeat, truncated, unparsed-clause, …")
    message: str
    line: int | None = None
    span: Span | None = None


class Provenance(_Model):
    """Where the document came from and what made it."""

    source: str = Field(description="the input as given (a path, or <string>/<bytes>)")
    sha256: str | None = Field(None, description="sha256 of the input bytes")
    media_type: str = "text/plain"
    encoding: str | None = None
    generator: str = Field(description="gdplan and its version")


class Document(_Model):
    """A parsed plan notice: the cover notice, the plan and its numbered tree."""

    schema_version: str = SCHEMA_VERSION
    doc_id: str = Field(description="hex digest of the normalized text")
    source: str
    title: str | None = Field(None, description="the plan's own title")
    year: int | None = None
    complete: bool = Field(True, description="false when the text is cut off before the document ends")
    script: Literal["original", "simplified"] = "original"
    notice: Notice | None = None
    preamble: str | None = None
    children: list[Node] = Field(default_factory=_empty_list)
    diagnostics: list[Diagnostic] = Field(default_factory=_empty_list)
    provenance: Provenance

    def walk(self) -> Iterator[Node]:
        """Every numbered node, in document order."""
        for child in self.children:
            yield from child.walk()

    def items(self) -> Iterator[Node]:
        """Every item (a numbered node with no numbered children), in document order."""
        return (n for n in self.walk() if n.kind == "item")

    def headings(self) -> Iterator[Node]:
        """Every numbered heading, in document order."""
        return (n for n in self.walk() if n.kind == "heading")

    def units(self) -> list[UnitTasks]:
        """Each distinct unit (by unit_id, else by key) with the paths of its tasks by role.

        Units come in order of first mention; ``unit`` is the first mention, ``names`` every
        printed form. Headings with a clause of their own count as tasks too.
        """
        found: dict[str, UnitTasks] = {}
        for node in self.walk():
            for role in ROLES:
                for unit in node.responsibility.units(role):
                    entry = found.get(_identity(unit))
                    if entry is None:
                        entry = found[_identity(unit)] = UnitTasks(unit=unit)
                    if unit.name not in entry.names:
                        entry.names.append(unit.name)
                    paths = entry.paths(role)
                    if node.path not in paths:
                        paths.append(list(node.path))
        return list(found.values())

    def tasks_of(self, name_or_id: str) -> list[Node]:
        """The nodes (in document order) naming a unit in any role.

        ``name_or_id`` is a unit_id (440000/drc), or a name as printed or folded: a name finds
        every node naming the same body (its unit_id), or the same folded name when unresolved.
        """
        wanted = {name_or_id}
        for node in self.walk():
            for unit in _all_units(node):
                if name_or_id in (unit.name, unit.key, unit.unit_id):
                    wanted.add(_identity(unit))
        return [node for node in self.walk() if any(_identity(u) in wanted for u in _all_units(node))]

    def __repr__(self) -> str:
        items = sum(1 for _ in self.items())
        cut = " cut off" if not self.complete else ""
        return f"<Document {self.title!r} {self.year} {items} items{cut}>"

    __str__ = __repr__


class UnitTasks(_Model):
    """One distinct unit of a document and the paths of the nodes it is named for, by role."""

    # not on the parse path (only Document.units() makes these): its schema is built on first use
    model_config = ConfigDict(extra="forbid", validate_assignment=False, defer_build=True)

    unit: Unit
    names: list[str] = Field(
        default_factory=_empty_list, description="every printed form, in order of first use"
    )
    lead: list[list[int]] = Field(default_factory=_empty_list)
    responsible: list[list[int]] = Field(default_factory=_empty_list)
    implementing: list[list[int]] = Field(default_factory=_empty_list)
    cooperating: list[list[int]] = Field(default_factory=_empty_list)

    def paths(self, role: Role) -> list[list[int]]:
        paths: list[list[int]] = getattr(self, role.value)
        return paths


def _identity(unit: Unit) -> str:
    return unit.unit_id if unit.unit_id is not None else "key:" + unit.key


def _all_units(node: Node) -> list[Unit]:
    return [u for role in ROLES for u in node.responsibility.units(role)]
