"""Responsibility clauses: find the clause of a node and read who does what (DOMAIN.md §3).

All offsets are absolute offsets into one string, the document's *analysis text*
(noise removed, simplified script, full-width ASCII folded to half width, U+3000 → space).
Nothing here builds model objects: the parser renders UnitRefs into names in the
script the user asked for.

Public surface (used by gdplan.parser.tree and gdplan.parser.notice):

    locate_clause(text, start, end) -> ClauseLocation | None
    locate_inner_clauses(text, start, end) -> list[ClauseLocation]   # clauses inside the text
    read_clause(text, location, state) -> ClauseReading        # updates state (下同)
    split_units(text, start, end) -> list[UnitRef]             # addressee lists and the like
    CarryState()                                               # one per document

The package is made of small modules, one job each: ``scan`` (brackets), ``roles`` (role
words and labels), ``names`` (what a unit name looks like; place names from ``places.txt``,
made by tools/build_places.py), ``units`` (groups, shared prefixes and suffixes),
``deadline``, ``inline`` (由X会同Y), ``carry`` (下同), ``part`` (what one part of a clause
is), ``locate`` and ``grammar`` (reading a clause).

Speed: whole clauses (省政务和数据局牵头), groups (省发展改革委、科技厅) and parts (省财政厅配合)
recur within and across documents, so each distinct text is read once (a bounded
``gdplan.parser.memo`` cache on the text, offsets relative to it; ``clear_caches`` empties
them); name-level helpers are cached the same way. Scanners let compiled patterns
find brackets and separators instead of walking characters in Python.
"""

from gdplan.parser.clause.carry import (
    carry_sentence,
    front_carry_sentences,
    others_role,
    says_not_listed,
    states_first_leads,
)
from gdplan.parser.clause.grammar import read_clause
from gdplan.parser.clause.locate import locate_clause, locate_inner_clauses
from gdplan.parser.clause.types import CarryState, ClauseLocation, ClauseReading, UnitRef
from gdplan.parser.clause.units import split_units

__all__ = [
    "CarryState",
    "ClauseLocation",
    "ClauseReading",
    "UnitRef",
    "carry_sentence",
    "front_carry_sentences",
    "locate_clause",
    "locate_inner_clauses",
    "others_role",
    "read_clause",
    "says_not_listed",
    "split_units",
    "states_first_leads",
]
