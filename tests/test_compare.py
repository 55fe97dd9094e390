"""gdplan.compare: each relation on small constructed plans, order independence, the JSON
Schema, unit identity, the assignment, the renderers and the command."""

from __future__ import annotations

import itertools
import json
import random
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

import gdplan
from gdplan.cli import main
from gdplan.compare import Comparison, Relation, compare, comparison_schema, unit_identity
from gdplan.compare.assign import max_assignment
from gdplan.compare.render import to_html, to_json, to_markdown
from gdplan.model import Document, Unit
from tests.conftest import DEV_CORPUS, SEED

# ---------------------------------------------------------------------------- constructed plans
# A made-up 2027 forestry plan of 江西省 (no dev corpus strings): sections, items, units.
SECTIONS = {
    "推进森林资源保护": [
        "加强森林防火。建设智能防火监测网络，完善护林员巡护制度，开展林区火源管控专项行动。（省林业局牵头，省应急管理厅按职责分工负责）",
        "开展松材线虫病防治。实施疫木清理和飞机防治，建设疫情监测样地，推广生物防治技术。（省林业局牵头）",
        "保护古树名木。完成古树名木普查建档，设立保护标志，落实日常养护责任。（省林业局、省住房城乡建设厅按职责分工负责）",
    ],
    "发展林业产业": [
        "培育油茶产业。新造油茶林二十万亩，改造低产油茶林，建设油茶加工园区和品牌。（省林业局牵头，省农业农村厅配合）",
        "发展森林旅游。打造森林康养基地，推出生态旅游精品线路，完善景区步道和驿站设施。（省文化和旅游厅牵头，省林业局配合）",
        "推进竹产业升级。支持竹材精深加工企业技术改造，开发竹制日用品替代塑料制品。（省工业和信息化厅牵头）",
    ],
    "深化林业改革": [
        "深化集体林权制度改革。推进林权流转交易平台建设，开展林权抵押贷款试点，发展家庭林场和合作社。（省林业局牵头，省财政厅、省地方金融管理局按职责分工负责）",
        "完善生态补偿机制。提高公益林补偿标准，探索跨流域横向生态补偿，建立碳汇交易制度。（省财政厅牵头，省生态环境厅按职责分工负责）",
    ],
}

MARKS = "一二三四五六七八九十"


def plan(sections: dict[str, list[str]], *, year: int = 2027, province: str = "江西省") -> str:
    lines = [f"{province}林业发展{year}年工作要点", f"为推进{province}林业高质量发展，现制定工作要点如下。"]
    number = 0
    for k, (heading, items) in enumerate(sections.items()):
        lines.append(f"{MARKS[k]}、{heading}")
        for item in items:
            number += 1
            lines.append(f"{number}．{item}")
    return "\n".join(lines) + "\n"


def parse(sections: dict[str, list[str]], name: str, **kw: object) -> Document:
    return gdplan.parse(plan(sections, **kw), name=name)  # type: ignore[arg-type]


def edited(**changes: list[str]) -> dict[str, list[str]]:
    out = {h: list(items) for h, items in SECTIONS.items()}
    out.update(changes)
    return out


def relations(c: Comparison) -> list[str]:
    return [p.relation.value for p in c.pairs]


def by_title(c: Comparison) -> set[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return {(p.relation.value, tuple(r.title for r in p.old), tuple(r.title for r in p.new)) for p in c.pairs}


@pytest.fixture(scope="module")
def old() -> Document:
    return parse(SECTIONS, "old.txt")


def test_identical_documents_give_only_same(old: Document) -> None:
    c = compare(old, parse(SECTIONS, "copy.txt"))
    assert set(relations(c)) == {"same"}
    assert len(c.pairs) == 8
    assert all(p.old_path == p.new_path and p.score == 1.0 for p in c.pairs)
    assert c.summary.continued == 8 and c.summary.new == 0 and c.summary.dropped == 0
    assert c.summary.lead_changes == 0


def test_gdplan_compare_stays_callable_after_the_package_is_imported(old: Document) -> None:
    import gdplan.compare as package  # makes the attribute gdplan.compare the package

    first = gdplan.compare(old, old)
    second = gdplan.compare(old, old)
    assert first == second == package.compare(old, old)


def test_the_seed_against_itself_is_all_same() -> None:
    doc = gdplan.parse(SEED)
    c = compare(doc, doc)
    assert {p.relation for p in c.pairs} == {Relation.SAME}
    assert len(c.pairs) == len(list(doc.items()))


def test_script_and_punctuation_width_do_not_count_as_rewording() -> None:
    traditional = SEED.parent / "sh-2025-open-govt-t.txt"
    as_printed = gdplan.parse(traditional)
    simplified = gdplan.parse(traditional, script="simplified")
    assert next(as_printed.items()).title != next(simplified.items()).title
    assert {p.relation for p in compare(as_printed, simplified).pairs} == {Relation.SAME}


def test_reworded(old: Document) -> None:
    items = list(SECTIONS["推进森林资源保护"])
    items[1] = "做好松材线虫病防控。推进疫木清理和飞机防治，完善疫情监测样地建设。（省林业局牵头）"
    c = compare(old, parse(edited(推进森林资源保护=items), "new.txt"))
    pair = next(p for p in c.pairs if p.old_path == [1, 2])
    assert pair.relation is Relation.REWORDED
    assert pair.new_path == [1, 2]
    assert 0.3 <= pair.score < 1.0
    assert pair.wording_changed and "global assignment" in pair.reason
    assert relations(c).count("same") == 7


def test_dropped_and_added(old: Document) -> None:
    items = list(SECTIONS["发展林业产业"])
    items[2] = (
        "建设林业大数据平台。汇聚森林资源、林权、灾害监测数据，开发移动巡护应用。"
        "（省林业局牵头，省大数据中心配合）"
    )
    c = compare(old, parse(edited(发展林业产业=items), "new.txt"))
    dropped = c.by_relation("dropped")
    added = c.by_relation("added")
    assert [p.old_path for p in dropped] == [[2, 3]] and dropped[0].new_path is None
    assert [p.new_path for p in added] == [[2, 3]] and added[0].old_path is None
    assert dropped[0].score < c.threshold and "no new item" in dropped[0].reason
    assert c.summary.new == 1 and c.summary.dropped == 1 and c.summary.continued == 7


def test_merged(old: Document) -> None:
    merged = (
        "加强森林防火和病虫害防治。建设智能防火监测网络，完善护林员巡护制度，开展林区火源管控专项行动。"
        "实施松材线虫病疫木清理和飞机防治，建设疫情监测样地，推广生物防治技术。（省林业局牵头，省应急管理厅按职责分工负责）"
    )
    items = [merged, SECTIONS["推进森林资源保护"][2]]
    c = compare(old, parse(edited(推进森林资源保护=items), "new.txt"))
    pair = c.by_relation("merged")
    assert len(pair) == 1
    assert pair[0].old_path == [[1, 1], [1, 2]] and pair[0].new_path == [1, 1]
    assert len(pair[0].old) == 2 and len(pair[0].new) == 1
    assert not c.by_relation("dropped")


def test_split(old: Document) -> None:
    items = list(SECTIONS["深化林业改革"])
    items[0:1] = [
        "推进林权流转。建设林权流转交易平台，发展家庭林场和合作社。（省林业局牵头）",
        "开展林权抵押贷款试点。推动金融机构开展林权抵押贷款试点。（省地方金融管理局、省财政厅按职责分工负责）",
    ]
    c = compare(old, parse(edited(深化林业改革=items), "new.txt"))
    pair = c.by_relation("split")
    assert len(pair) == 1
    assert pair[0].old_path == [3, 1] and pair[0].new_path == [[3, 1], [3, 2]]
    assert not c.by_relation("added")


def test_moved(old: Document) -> None:
    protect = list(SECTIONS["推进森林资源保护"])
    industry = list(SECTIONS["发展林业产业"])
    moved = protect.pop(2)  # 保护古树名木 goes to the industry section
    industry.insert(1, moved)
    c = compare(old, parse(edited(推进森林资源保护=protect, 发展林业产业=industry), "new.txt"))
    pair = c.by_relation("moved")
    assert [(p.old_path, p.new_path) for p in pair] == [([1, 3], [2, 2])]
    assert "推进森林资源保护 → 发展林业产业" in pair[0].reason
    assert not pair[0].wording_changed
    assert set(relations(c)) == {"same", "moved"}


def test_the_only_item_of_a_heading_that_is_gone_has_moved(old: Document) -> None:
    # 深化林业改革 loses its sections' items to 发展林业产业 and disappears; the industry
    # heading continues the industry heading, so the reform items moved.
    sections = edited(发展林业产业=SECTIONS["发展林业产业"] + SECTIONS["深化林业改革"])
    del sections["深化林业改革"]
    c = compare(old, parse(sections, "new.txt"))
    assert [(p.old_path, p.new_path) for p in c.by_relation("moved")] == [([3, 1], [2, 4]), ([3, 2], [2, 5])]
    assert relations(c).count("same") == 6


def test_units_changed_and_lead_change_counted(old: Document) -> None:
    items = list(SECTIONS["发展林业产业"])
    before, after = "（省文化和旅游厅牵头，省林业局配合）", "（省林业局牵头，赣州市人民政府配合）"
    items[1] = items[1].replace(before, after)
    c = compare(old, parse(edited(发展林业产业=items), "new.txt"))
    pair = next(p for p in c.pairs if p.old_path == [2, 2])
    assert pair.relation is Relation.SAME  # the wording is the same; the units changed
    assert pair.lead_changed
    changes = {ch.role: (ch.added, ch.removed) for ch in pair.units}
    assert changes["lead"] == (["省林业局"], ["省文化和旅游厅"])
    assert changes["cooperating"] == (["赣州市人民政府"], ["省林业局"])
    assert c.summary.lead_changes == 1


def test_order_does_not_matter(old: Document) -> None:
    new_sections = edited()
    new_sections["推进森林资源保护"][1] = "做好松材线虫病防控。推进疫木清理和飞机防治。（省林业局牵头）"
    forward = compare(old, parse(new_sections, "new.txt"))
    shuffled = {h: list(reversed(items)) for h, items in reversed(list(new_sections.items()))}
    backward = compare(old, parse(shuffled, "shuffled.txt"))
    assert by_title(forward) == by_title(backward)
    assert len(by_title(forward)) == 8


def test_a_second_year_of_another_province_pairs_by_meaning() -> None:
    # The same tasks in another order under another province name and year: all continue.
    a = parse(SECTIONS, "a.txt", year=2027, province="江西省")
    b = parse({h: list(reversed(v)) for h, v in SECTIONS.items()}, "b.txt", year=2028, province="江西省")
    c = compare(a, b)
    assert set(relations(c)) == {"same"}
    assert {(tuple(p.old_path or []), tuple(p.new_path or [])) for p in c.pairs} >= {((1, 1), (1, 3))}


# ---------------------------------------------------------------------------- unit identity


def test_unit_identity_is_the_key_without_a_unit_id() -> None:
    assert unit_identity(Unit(name="省林业局", key="省林业局")) == "省林业局"


def test_a_renamed_lead_body_is_not_a_lead_change_when_the_registry_knows_the_rename() -> None:
    # 省经信委 (the name until the 2018 reform) and 省工业和信息化厅 are one body in the registry.
    old_sections = {k: list(v) for k, v in SECTIONS.items()}
    old_sections["发展林业产业"][2] = old_sections["发展林业产业"][2].replace("省工业和信息化厅", "省经信委")
    before = parse(old_sections, "old.txt", year=2017)
    after = parse(SECTIONS, "new.txt")
    old_item = next(n for n in before.items() if n.path == [2, 3])
    new_item = next(n for n in after.items() if n.path == [2, 3])
    assert [u.name for u in old_item.responsibility.lead] == ["省经信委"]
    assert old_item.responsibility.lead[0].unit_id is not None
    assert old_item.responsibility.lead[0].unit_id == new_item.responsibility.lead[0].unit_id
    pair = next(p for p in compare(before, after).pairs if p.old_path == [2, 3])
    assert not pair.lead_changed
    assert not [ch for ch in pair.units if ch.role == "lead"]


def test_without_the_registry_a_renamed_lead_body_is_a_lead_change(old: Document) -> None:
    new = parse(SECTIONS, "new.txt").model_copy(deep=True)
    item = next(n for n in new.items() if n.path == [1, 2])
    assert item.responsibility is not None
    item.responsibility.lead = [Unit(name="省林业和草原局", key="省林业和草原局")]
    pair = next(p for p in compare(old, new).pairs if p.old_path == [1, 2])
    assert pair.lead_changed


# ---------------------------------------------------------------------------- assignment


def test_max_assignment_equals_brute_force() -> None:
    rng = random.Random(2027)
    for _ in range(60):
        rows, cols = rng.randint(1, 5), rng.randint(1, 5)
        w = [[rng.choice([0.0, rng.random()]) for _ in range(cols)] for _ in range(rows)]
        got = max_assignment(w)
        assert len({i for i, _ in got}) == len(got) == len({j for _, j in got})
        best = 0.0
        for perm in itertools.permutations(range(max(rows, cols)), min(rows, cols)):
            if rows <= cols:
                pairs = zip(range(rows), perm, strict=False)
            else:
                pairs = zip(perm, range(cols), strict=False)
            best = max(best, sum(w[i][j] for i, j in pairs if i < rows and j < cols))
        assert sum(w[i][j] for i, j in got) == pytest.approx(best)


def test_global_assignment_is_not_greedy() -> None:
    # Greedy would give row 0 column 0 (0.9) and leave row 1 with 0.1; the best total pairs crosswise.
    assert max_assignment([[0.9, 0.8], [0.85, 0.1]]) == [(0, 1), (1, 0)]


# ---------------------------------------------------------------------------- outputs


@pytest.fixture(scope="module")
def mixed(old: Document) -> Comparison:
    protect = list(SECTIONS["推进森林资源保护"])
    protect[0:2] = [
        "加强森林防火和病虫害防治。建设智能防火监测网络，完善护林员巡护制度，开展林区火源管控专项行动。"
        "实施松材线虫病疫木清理和飞机防治，建设疫情监测样地。（省林业局牵头）"
    ]
    reform = list(SECTIONS["深化林业改革"])
    reform[0:1] = [
        "推进林权流转。建设林权流转交易平台，发展家庭林场和合作社。（省林业局牵头）",
        "开展林权抵押贷款试点。推动金融机构开展林权抵押贷款试点。（省地方金融管理局按职责分工负责）",
    ]
    reform.append("推进<林业>碳汇 & “森林银行”建设。建立林业碳汇项目库。（省林业局牵头）")
    return compare(old, parse(edited(推进森林资源保护=protect, 深化林业改革=reform), "new.txt"))


def test_json_validates_against_the_published_schema(mixed: Comparison) -> None:
    assert {"merged", "split", "added"} <= set(relations(mixed))
    data = json.loads(to_json(mixed))
    jsonschema.validate(data, comparison_schema())
    for pair in data["pairs"]:
        assert {"old_path", "new_path", "relation", "score", "reason", "units"} <= set(pair)
    broken = dict(data, pairs=[dict(data["pairs"][0], relation="renamed")])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, comparison_schema())


def test_markdown_has_the_summary_first_and_marks_changed_words(mixed: Comparison) -> None:
    md = to_markdown(mixed)
    head = md.split("| relation |")[0]
    s = mixed.summary
    assert f"{s.continued} continued, {s.new} new, {s.dropped} dropped, {s.lead_changes} lead changes" in head
    assert "~~" in md and "**" in md
    # An unchanged pair shows its titles only; the reader is looking for changes.
    assert "完善生态补偿机制" in md and "提高公益林补偿标准" not in md and "(text unchanged)" in md
    assert md.count("\n| ") == len(mixed.pairs) + 1  # header + one row per pair


def test_html_is_self_contained_and_escapes_every_input_text(mixed: Comparison) -> None:
    page = to_html(mixed)
    assert "<林业>" not in page and "&lt;林业&gt;" in page
    assert "& “" not in page and "&amp; “" in page
    assert "://" not in page and "<script" not in page and "<link" not in page
    assert "<del>" in page and "<ins>" in page and "<style>" in page


# ---------------------------------------------------------------------------- laziness and the command

PROBE = """
import json, sys
from pathlib import Path
import gdplan
doc = gdplan.parse(Path(sys.argv[1]))
import gdplan.compare
before = "jieba" in sys.modules
gdplan.compare.compare(doc, doc)
print(json.dumps([before, "jieba" in sys.modules]))
"""


def test_jieba_loads_only_when_a_comparison_runs(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(SEED)], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [False, True]


def test_cli_writes_json_html_and_markdown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(plan(SECTIONS), encoding="utf-8")
    b.write_text(plan(edited(深化林业改革=SECTIONS["深化林业改革"][:1])), encoding="utf-8")
    assert main(["compare", str(a), str(b), "--to", "json", "-o", str(tmp_path / "c.json")]) == 0
    out = capsys.readouterr().out
    assert "7 continued, 0 new, 1 dropped, 0 lead changes" in out
    data = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, comparison_schema())
    assert main(["compare", str(a), str(b), "--to", "html", "-o", str(tmp_path / "c.html")]) == 0
    assert (tmp_path / "c.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    capsys.readouterr()
    assert main(["compare", str(a), str(b)]) == 0
    assert capsys.readouterr().out.startswith("# Comparison:")


def test_cli_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "--schema"]) == 0
    assert json.loads(capsys.readouterr().out) == comparison_schema()


def test_cli_bad_input_is_one_line_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.txt"
    assert main(["compare", str(SEED), str(missing), "-o", str(tmp_path / "out.md")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "missing.txt" in err[0] and "Traceback" not in err[0]
    assert not (tmp_path / "out.md").exists()


def test_cli_needs_two_inputs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(SEED)]) == 2
    assert "OLD and NEW" in capsys.readouterr().err


def test_cli_prints_a_readable_summary_for_the_2024_2025_dev_pair() -> None:
    raw = DEV_CORPUS / "raw"
    old, new = raw / "gd-2024-digital-s.txt", raw / "gd-2025-digital-seed.txt"
    if not old.exists() or not new.exists():
        pytest.skip(f"dev corpus not found at {raw} (it sits beside the clone in CI only)")
    done = subprocess.run(
        [sys.executable, "-m", "gdplan", "compare", str(old), str(new)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    head = done.stdout.splitlines()[:6]
    assert head[0].startswith("# Comparison: ")
    assert any("(2 items)" in line for line in head) and any("(50 items)" in line for line in head)
    assert any("1 continued, 49 new, 1 dropped, 1 lead changes" in line for line in head)


# ---------------------------------------------------------------------------- the gold files

GOLD = Path(__file__).resolve().parents[1] / "bench" / "compare_gold"


def test_the_edited_copies_are_what_make_copies_writes() -> None:
    done = subprocess.run(
        [sys.executable, str(GOLD / "make_copies.py"), "--check"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("gold_file", sorted(GOLD.glob("edit-*.gold.json")), ids=lambda p: p.name)
def test_every_item_is_in_exactly_one_gold_link(gold_file: Path) -> None:
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    root = GOLD.parents[1]
    old, new = gdplan.parse(root / gold["old"]), gdplan.parse(root / gold["new"])
    old_seen = [tuple(p) for pair in gold["pairs"] for p in pair["old"]]
    new_seen = [tuple(p) for pair in gold["pairs"] for p in pair["new"]]
    assert sorted(old_seen) == sorted(tuple(n.path) for n in old.items())
    assert sorted(new_seen) == sorted(tuple(n.path) for n in new.items())


def test_the_command_reads_gdplan_markdown_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """OLD may be gdplan's own Markdown: the same plan compared with its notice is all `same`."""
    seed_md = tmp_path / "seed.md"
    assert main(["convert", str(SEED), "-o", str(seed_md)]) == 0
    capsys.readouterr()
    out = tmp_path / "cmp.json"
    assert main(["compare", str(seed_md), str(SEED), "--to", "json", "-o", str(out)]) == 0
    pairs = json.loads(out.read_text(encoding="utf-8"))["pairs"]
    assert pairs and {p["relation"] for p in pairs} == {"same"}
