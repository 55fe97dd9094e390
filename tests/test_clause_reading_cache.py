"""A clause is read once per distinct text (grammar._read_own_cached): the reading at any place
must equal the plain reading of the whole text there, and what 下同 and the first-listed rule
do to the document's CarryState must happen on every reading, cached or not."""

from __future__ import annotations

import functools
import importlib
import pkgutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gdplan
import gdplan.parser
from gdplan.model import Role
from gdplan.parser import clear_caches
from gdplan.parser.clause import (
    CarryState,
    ClauseLocation,
    ClauseReading,
    carry,
    grammar,
    locate_clause,
    read_clause,
)
from gdplan.parser.text import normalize
from tests.conftest import DEV_CORPUS, SAMPLES


def plain_read_clause(
    text: str, loc: ClauseLocation | None, state: CarryState, *, receive_carried: bool = True
) -> ClauseReading:
    """read_clause as first written: the whole text read where the clause stands, no cache."""
    reading = ClauseReading()
    reader = grammar._Reader(text, reading, loc.role if loc is not None else None)
    if loc is not None:
        reader.read_span(*loc.reads)
        for note in loc.notes:
            reader.read_span(*note)
        if not loc.closed:
            reading.problems.append("the text stops inside the clause")
        silent = not reading.problems and reading.deadline is None and not reader.rule_here
        if silent and not any(reading.roles.values()):
            reading.problems.append("the clause names no unit")
    if reader.rule_carried:
        state.first_listed_leads = True
    if state.first_listed_leads or reader.rule_here:
        carry.first_listed_leads(reading)
    handed = [(role, u) for role, units in reading.roles.items() for u in units if u in reader.to_carry]
    if receive_carried:
        carry.receive(text, reading, state)
    carry.hand_on(text, state, [*handed, *reader.carry_only])
    return reading


def both_ways(text: str, locs: list[ClauseLocation | None]) -> None:
    """Read the clauses in order as one document, cached and plain: same readings, same state."""
    cached, plain = CarryState(), CarryState()
    for loc in locs:
        got = read_clause(text, loc, cached)
        want = plain_read_clause(text, loc, plain)
        assert got == want, text[loc.reads[0] : loc.reads[1]] if loc is not None else None
        assert cached == plain


def located(text: str) -> list[ClauseLocation]:
    """The clause of every line of the text that has one."""
    found = []
    at = 0
    for line in text.split("\n"):
        loc = locate_clause(text, at, at + len(line))
        if loc is not None:
            found.append(loc)
        at += len(line) + 1
    return found


def corpus_texts() -> list[str]:
    paths = sorted(SAMPLES.glob("*.txt")) + sorted((DEV_CORPUS / "raw").glob("*.txt"))
    return [normalize(p.read_bytes().decode("utf-8", "replace")).analysis for p in paths]


def test_every_corpus_clause_reads_as_the_plain_reading_twice() -> None:
    clear_caches()
    texts = corpus_texts()
    for _ in range(2):  # the second round reads every clause from the cache
        for text in texts:
            both_ways(text, [*located(text), None])
    assert sum(len(located(text)) for text in texts) > 100


CLAUSES = [
    "省科技厅牵头,省财政厅、省教育厅配合,2025年底前完成",
    "省发展改革委、科技厅、工业和信息化厅按职责分工负责;各地级以上市人民政府结合实际落实,下同",
    "责任单位排在首位的为牵头单位,下同",
    "由省商务厅会同省财政厅等部门负责",
    "市有关单位(见附件1,下同)",
    "各县(市、区)党委和政府",
]


@given(
    st.lists(st.sampled_from(CLAUSES), min_size=1, max_size=4),
    st.text(alphabet="甲乙。,(", max_size=12),
    st.text(alphabet="甲。", max_size=4),
)
def test_clauses_anywhere_read_as_the_plain_reading(clauses: list[str], before: str, after: str) -> None:
    text = "\n".join(f"{before}推进工作。({clause}){after}" for clause in clauses)
    both_ways(text, [*located(text), None])


def test_a_cached_clause_still_carries_its_units_to_later_nodes() -> None:
    clause = "(省发展改革委牵头;各地级以上市人民政府结合实际落实,下同)"
    for prefix in ("推进创新", "一一一加快建设工作"):  # the second reading comes from the cache
        text = f"{prefix}{clause}\n其他工作。"
        state = CarryState()
        first = read_clause(text, locate_clause(text, 0, len(prefix) + len(clause)), state)
        later = read_clause(text, None, state)
        assert [u.render(text) for u in first.roles[Role.IMPLEMENTING]] == ["各地级以上市人民政府"]
        carried = [(r, u.render(text)) for r, u in later.carried]
        assert carried == [(Role.IMPLEMENTING, "各地级以上市人民政府")]


def test_a_cached_rule_still_sets_the_document_convention() -> None:
    rule = "(责任单位排在首位的为牵头单位,下同)"
    for prefix in ("总则", "总则总则"):
        text = f"{prefix}{rule}\n加强统筹。(省财政厅、省科技厅负责)"
        state = CarryState()
        read_clause(text, locate_clause(text, 0, len(prefix) + len(rule)), state)
        assert state.first_listed_leads
        item = text.index("加强")
        reading = read_clause(text, locate_clause(text, item, len(text)), state)
        assert [u.render(text) for u in reading.roles[Role.LEAD]] == ["省财政厅"]


def test_changing_a_reading_does_not_change_the_next_one() -> None:
    text = "推进创新(省科技厅牵头,省财政厅配合)"
    loc = locate_clause(text, 0, len(text))
    assert loc is not None
    first = read_clause(text, loc, CarryState())
    first.roles[Role.LEAD].clear()
    first.problems.append("changed by the caller")
    again = read_clause(text, loc, CarryState())
    assert [u.render(text) for u in again.roles[Role.LEAD]] == ["省科技厅"] and again.problems == []


def _memo_caches() -> list[functools._lru_cache_wrapper[object]]:
    """Every bounded lru_cache of the parser's modules (unbounded ones hold loaded data)."""
    found = []
    for info in pkgutil.walk_packages(gdplan.parser.__path__, "gdplan.parser."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, functools._lru_cache_wrapper):
                size = value.cache_parameters()["maxsize"]
                if size is not None:
                    found.append(value)
    return found


def test_clear_caches_empties_every_memo_cache_of_the_parser() -> None:
    gdplan.parse(Path(SAMPLES / "gd-2025-digital-seed.txt"))
    caches = _memo_caches()
    assert len(caches) >= 10
    assert sum(c.cache_info().currsize for c in caches) > 0
    clear_caches()
    assert [c for c in caches if c.cache_info().currsize] == []


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_a_parse_after_clear_caches_equals_a_warm_one(path: Path) -> None:
    warm = gdplan.to_json(gdplan.parse(path))
    clear_caches()
    assert gdplan.to_json(gdplan.parse(path)) == warm
