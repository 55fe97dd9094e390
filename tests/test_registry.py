"""The registry: which body each unit is (jurisdiction, kind, canonical, unit_id).

Every document here is constructed: places, units and years are not the dev corpus's,
except the provincial data bureau's three names, which are general registry data.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from pathlib import Path

import pytest

import gdplan
from gdplan.dataset.build import DatasetOptions, build_dataset
from gdplan.dataset.queries import TASKS_LED_BY_BODY
from gdplan.model import Document, Unit, UnitKind
from gdplan.registry import accepts_prefix, kind_of_stem, registry
from gdplan.registry.data import fold

DOCS = Path(__file__).resolve().parents[1] / "docs" / "dataset.md"


def plan(issuer: str, year: int, clause: str, *, title: str | None = None) -> str:
    title = title or f"{issuer}{year}年重点工作任务"
    return (
        f"{issuer}关于印发{title}的通知\n"
        "各有关单位：\n"
        f"现将《{title}》印发给你们，请认真贯彻执行。\n\n"
        f"{issuer}\n{year}年3月1日\n\n"
        f"{title}\n"
        "一、总体要求\n"
        f"（一）加强统筹。建立机制。（{clause}）\n"
    )


def units_of(text: str) -> dict[str, Unit]:
    doc = gdplan.parse(text)
    return {u.name: u for n in doc.walk() if n.responsibility for u in _all(n.responsibility)}


def _all(duty: gdplan.Responsibility) -> list[Unit]:
    return [*duty.lead, *duty.responsible, *duty.implementing, *duty.cooperating]


def test_one_relative_name_in_plans_of_two_cities_is_two_bodies() -> None:
    a = units_of(plan("赣州市人民政府办公室", 2027, "市林业局牵头，市科技局负责"))
    b = units_of(plan("绍兴市人民政府办公室", 2027, "市林业局牵头，市科技局负责"))
    assert a["市科技局"].unit_id != b["市科技局"].unit_id
    assert (a["市科技局"].jurisdiction, b["市科技局"].jurisdiction) == ("赣州市", "绍兴市")
    assert a["市科技局"].canonical == "赣州市科学技术局"
    assert a["市林业局"].unit_id != a["市科技局"].unit_id


def test_three_forms_of_one_provincial_body_are_one_id() -> None:
    units = units_of(plan("江西省人民政府办公厅", 2027, "省发展改革委、江西省发展和改革委员会、省发改委负责"))
    ids = {units[n].unit_id for n in ("省发展改革委", "江西省发展和改革委员会", "省发改委")}
    assert len(ids) == 1 and None not in ids
    assert {units[n].canonical for n in units} == {"江西省发展和改革委员会"}
    assert units["省发改委"].kind is UnitKind.DEPARTMENT


def test_traditional_script_resolves_as_simplified() -> None:
    simplified = units_of(plan("江西省人民政府办公厅", 2027, "省人力资源社会保障厅牵头，省市场监管局负责"))
    traditional = units_of(plan("江西省人民政府辦公廳", 2027, "省人力資源社會保障廳牽頭，省市場監管局負責"))
    assert simplified["省人力资源社会保障厅"].unit_id == traditional["省人力資源社會保障廳"].unit_id
    assert simplified["省市场监管局"].unit_id == traditional["省市場監管局"].unit_id == "360000/market"


def test_a_documented_rename_keeps_one_id_across_years() -> None:
    old = units_of(plan("湖南省人民政府办公厅", 2023, "省政务服务数据管理局牵头"))["省政务服务数据管理局"]
    new = units_of(plan("湖南省人民政府办公厅", 2024, "省政务服务和数据管理局牵头"))["省政务服务和数据管理局"]
    short = units_of(plan("湖南省人民政府办公厅", 2025, "省政务和数据局牵头"))["省政务和数据局"]
    assert old.unit_id == new.unit_id == short.unit_id == "430000/data"
    assert old.canonical == "湖南省政务服务和数据管理局"  # today's name
    reform = units_of(plan("湖南省人民政府办公厅", 2017, "省环境保护厅牵头，省生态环境厅负责"))
    assert reform["省环境保护厅"].unit_id == reform["省生态环境厅"].unit_id


def test_party_organ_and_department_of_one_level_differ() -> None:
    units = units_of(plan("江西省人民政府办公厅", 2027, "省委宣传部牵头，省教育厅、省委网信办负责"))
    assert units["省委宣传部"].kind is UnitKind.PARTY
    assert units["省委宣传部"].canonical == "中共江西省委宣传部"
    assert units["省教育厅"].kind is UnitKind.DEPARTMENT
    assert units["省委宣传部"].jurisdiction == units["省教育厅"].jurisdiction == "江西省"
    assert kind_of_stem("宣传部") is UnitKind.PARTY and kind_of_stem("教育厅") is UnitKind.DEPARTMENT
    assert accepts_prefix("宣传部", "省委") is True and accepts_prefix("教育厅", "省委") is False
    assert accepts_prefix("宣传部", "省") is False and accepts_prefix("教育厅", "省") is True
    assert accepts_prefix("某某研究会", "省") is None  # not known: the clause reader decides


def test_unknown_unit_gets_null_fields_and_one_info_diagnostic() -> None:
    text = plan("江西省人民政府办公厅", 2027, "市科技局牵头，县林业局负责；市科技局配合")
    doc = gdplan.parse(text)
    unit = next(u for n in doc.items() for u in n.responsibility.lead) if doc else None  # type: ignore[union-attr]
    assert unit is not None and unit.name == "市科技局"
    assert (unit.jurisdiction, unit.kind, unit.canonical, unit.unit_id) == (None, None, None, None)
    notes = [d for d in doc.diagnostics if d.code == "unresolved-unit"]
    assert all(d.level == "info" for d in notes)
    assert sorted(d.message.split("'")[1] for d in notes) == ["县林业局", "市科技局"]  # once per name
    assert gdplan.parse(text, errors="ignore").diagnostics == []


def test_central_agencies_and_collectives() -> None:
    units = units_of(
        plan(
            "江西省人民政府办公厅",
            2027,
            "人民银行江西省分行、国家金融监督管理总局江西监管局、江西海事局、省税务局负责；各设区市人民政府、省有关单位落实",
        )
    )
    assert units["人民银行江西省分行"].unit_id == "360000/pboc"
    assert units["人民银行江西省分行"].canonical == "中国人民银行江西省分行"
    assert units["国家金融监督管理总局江西监管局"].kind is UnitKind.CENTRAL
    assert units["江西海事局"].canonical == "江西海事局"
    assert units["省税务局"].canonical == "国家税务总局江西省税务局"
    assert units["省有关单位"].kind is UnitKind.COLLECTIVE and units["省有关单位"].jurisdiction == "江西省"


def test_registry_is_consistent() -> None:
    """No name points to two bodies at one level; every row is well formed."""
    reg = registry()
    for index in (reg.plain, reg.party):
        for name, forms in index.items():
            by_level: dict[str, set[str]] = defaultdict(set)
            for form in forms:
                for level in form.levels:
                    by_level[level].add(form.id)
            clashes = {level: ids for level, ids in by_level.items() if len(ids) > 1}
            assert not clashes, (name, clashes)
    for form in reg.forms:
        assert form.levels <= {"N", "P", "C", "X"}, form
        assert form.full, form
        assert form.full == fold(form.full)
        if form.since and form.until:
            assert form.since <= form.until, form
    kinds = {f.id: f.kind for f in reg.forms}
    assert all(f.kind is kinds[f.id] or f.id in ("tobacco",) for f in reg.forms)
    for place in reg.places.values():
        assert place.parent is None or place.parent in reg.places, place
    assert [p.name for p in reg.chain(reg.place_names["南沙区"][0])] == ["广东省", "广州市", "南沙区"]


def test_document_units_and_tasks_of() -> None:
    text = plan("江西省人民政府办公厅", 2027, "省发改委牵头，省发展改革委配合")
    text += "（二）强化保障。落实责任。（省财政厅牵头，省发展和改革委员会负责）\n"
    doc = gdplan.parse(text)
    entries = {e.unit.unit_id: e for e in doc.units()}
    drc = entries["360000/drc"]
    assert drc.names == ["省发改委", "省发展改革委", "省发展和改革委员会"]
    assert (drc.lead, drc.cooperating, drc.responsible) == ([[1, 1]], [[1, 1]], [[1, 2]])
    assert [n.path for n in doc.tasks_of("省发展和改革委员会")] == [[1, 1], [1, 2]]
    assert [n.path for n in doc.tasks_of("360000/finance")] == [[1, 2]]
    assert doc.tasks_of("无此单位") == []


def test_dataset_query_finds_the_data_bureau_by_year_under_three_names(tmp_path: Path) -> None:
    assert TASKS_LED_BY_BODY.strip() in DOCS.read_text(encoding="utf-8"), "docs/dataset.md shows it"
    inputs = tmp_path / "in"
    inputs.mkdir()
    names = ("省政务服务数据管理局", "省政务服务和数据管理局", "省政务和数据局")
    for year, name in zip((2023, 2024, 2025), names, strict=True):
        (inputs / f"plan-{year}.txt").write_text(
            plan("福建省人民政府办公厅", year, f"{name}牵头，省财政厅负责"), encoding="utf-8"
        )
    out = tmp_path / "ds"
    assert build_dataset(DatasetOptions(inputs=(inputs,), outdir=out, format="sqlite", quiet=True)) == 0
    db = sqlite3.connect(out / "dataset.sqlite")
    answer = db.execute(TASKS_LED_BY_BODY, {"unit_id": "350000/data"}).fetchall()
    assert [(year, tasks) for year, tasks, _names in answer] == [(2023, 1), (2024, 1), (2025, 1)]
    assert tuple(printed for _y, _t, printed in answer) == names
    row = db.execute(
        "SELECT jurisdiction, unit_kind, canonical, names, first_year, last_year"
        " FROM units WHERE unit_id = ?",
        ("350000/data",),
    ).fetchone()
    assert row[:3] == ("福建省", "department", "福建省政务服务和数据管理局")
    assert all(n in row[3] for n in ("省政务服务数据管理局", "省政务和数据局")) and row[4:] == (2023, 2025)


@pytest.mark.parametrize("key", ["东方红集团", "某某研究会"])
def test_names_without_place_or_form_in_a_plan_without_place_are_unknown(key: str) -> None:
    from gdplan.registry import Context, resolve_name

    assert resolve_name(key, Context()) is None


def test_resolution_is_deterministic_over_a_document() -> None:
    text = plan("江西省人民政府办公厅", 2027, "省发改委牵头，赣州市人民政府、省委宣传部负责")
    first: Document = gdplan.parse(text)
    assert gdplan.to_json(first) == gdplan.to_json(gdplan.parse(text))


def test_units_command_prints_one_row_per_body(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    source = tmp_path / "plan.txt"
    text = plan("江西省人民政府办公厅", 2027, "省发改委牵头，省发展改革委、省委宣传部负责")
    source.write_text(text, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    done = subprocess.run(
        [sys.executable, "-m", "gdplan", "units", str(source), str(missing), "--to", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1 and "missing.txt" in done.stderr
    rows = {r["unit_id"]: r for r in json.loads(done.stdout)}
    assert rows["360000/drc"]["unit"] == "江西省发展和改革委员会"
    assert (rows["360000/drc"]["lead"], rows["360000/drc"]["responsible"]) == (1, 1)
    assert rows["360000/p-prop"]["kind"] == "party"


def test_county_plan_reads_its_own_places_and_prefixes() -> None:
    clause = "区教育局牵头，广州市南沙区发展和改革局、市林业局、省科技厅负责"
    units = units_of(plan("广州市南沙区人民政府办公室", 2027, clause))
    assert (units["区教育局"].jurisdiction, units["区教育局"].unit_id) == ("南沙区", "440115/edu")
    assert units["区教育局"].canonical == "广州市南沙区教育局"
    assert units["广州市南沙区发展和改革局"].unit_id == "440115/drc"
    assert units["市林业局"].unit_id == "440100/forestry"  # the city the district is in
    assert units["省科技厅"].unit_id == "440000/sci"


def test_national_plan_and_municipality() -> None:
    national = units_of(plan("国务院办公厅", 2027, "发展改革委、财政部牵头，国家统计局负责"))
    assert national["发展改革委"].unit_id == "cn/drc" and national["发展改革委"].jurisdiction == "国务院"
    assert national["财政部"].canonical == "财政部"
    city = units_of(plan("天津市人民政府办公厅", 2027, "市科技局牵头，各区人民政府落实"))
    assert city["市科技局"].unit_id == "120000/sci"
    assert city["各区人民政府"].kind is UnitKind.COLLECTIVE


def test_a_place_name_several_places_share_is_not_guessed() -> None:
    from gdplan.registry import Context, resolve_name

    reg = registry()
    assert len(reg.place_names["朝阳区"]) > 1
    assert resolve_name("朝阳区教育局", Context()) is None
    beijing = Context(tuple(reg.chain(reg.places["110000"])))
    found = resolve_name("朝阳区教育局", beijing)
    assert found is not None and found.unit_id == "110105/edu"


def test_kind_of_a_stem_listed_twice_is_left_to_the_text() -> None:
    assert kind_of_stem("外办") is None  # the government's 外事办公室 and the party's 外事委员会办公室
    assert accepts_prefix("外办", "省委") is True and accepts_prefix("外办", "省") is True
    assert kind_of_stem("某某投资集团") is UnitKind.ENTERPRISE
    assert accepts_prefix("某某投资集团", "省") is False
