"""Groups and parts are read once per distinct text: the results must not depend on where
the text stands, nor on what a caller did with an earlier result."""

from __future__ import annotations

from gdplan.model import Role
from gdplan.parser.clause import CarryState, locate_clause, read_clause
from gdplan.parser.clause.units import read_group

GROUP = "省发展改革委、科技厅、工业和信息化厅等"


def test_a_group_read_at_two_places_gives_units_at_each_place() -> None:
    text = f"甲:{GROUP};乙乙乙:{GROUP}"
    first_at = text.index(GROUP)
    second_at = text.index(GROUP, first_at + 1)
    first = read_group(text, first_at, first_at + len(GROUP))
    second = read_group(text, second_at, second_at + len(GROUP))
    names = ["省发展改革委", "省科技厅", "省工业和信息化厅"]
    assert [u.render(text) for u in first.units] == names
    assert [u.render(text) for u in second.units] == names
    assert all(s >= second_at for u in second.units for s, _ in u.pieces[1:])
    assert first.open_ended and second.open_ended


def test_changing_a_result_does_not_change_the_next_one() -> None:
    text = GROUP
    reading = read_group(text, 0, len(text))
    reading.units.clear()
    reading.problems.append("changed by the caller")
    again = read_group(text, 0, len(text))
    assert len(again.units) == 3 and again.problems == []


def test_drop_odd_is_applied_to_a_group_read_before_without_it() -> None:
    text = "省财政厅、确保按时"
    kept = read_group(text, 0, len(text))
    dropped = read_group(text, 0, len(text), drop_odd=True)
    assert [u.render(text) for u in kept.units] == ["省财政厅", "省确保按时"]  # the prefix is shared
    assert [u.render(text) for u in dropped.units] == ["省财政厅"]
    assert kept.problems == dropped.problems != []


def test_the_same_clause_in_two_documents_reads_the_same() -> None:
    clause = "(省科技厅牵头,省财政厅、省教育厅配合,2025年底前完成)"
    for text in (f"推进创新{clause}", f"一一一一一一加快建设工作{clause}"):
        loc = locate_clause(text, 0, len(text))
        assert loc is not None
        reading = read_clause(text, loc, CarryState())
        rendered = {r: [u.render(text) for u in us] for r, us in reading.roles.items() if us}
        assert rendered == {Role.LEAD: ["省科技厅"], Role.COOPERATING: ["省财政厅", "省教育厅"]}
        assert reading.deadline is not None
        assert text[reading.deadline[0] : reading.deadline[1]] == "2025年底前"
