"""--to xlsx and dataset --format xlsx, read back with openpyxl and checked against the JSONL rows."""

from __future__ import annotations

import io
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import gdplan
from gdplan.cli import main
from gdplan.dataset import DatasetOptions, build_dataset, verify
from gdplan.export.jsonl import rows
from gdplan.export.xlsx import display_width, to_xlsx
from gdplan.model import Document, Responsibility, Unit

from .conftest import SAMPLES, SEED

openpyxl = pytest.importorskip("openpyxl")

ROLE_COLUMNS = {
    "lead": "牵头单位",
    "responsible": "责任单位",
    "cooperating": "配合单位",
    "implementing": "落实单位",
}
ROLE_NAMES = {"lead": "牵头", "responsible": "负责", "implementing": "落实", "cooperating": "配合"}


def sheet_dicts(book: Any, name: str) -> list[dict[str, Any]]:
    sheet = book[name]
    values = list(sheet.iter_rows(values_only=True))
    header = values[0]
    return [dict(zip(header, row, strict=True)) for row in values[1:]]


def split(cell: Any) -> list[str]:
    return [] if cell is None else str(cell).split("、")


def item_rows(doc: Document) -> list[dict[str, Any]]:
    return [dict(r) for r in rows(doc) if r["kind"] == "item"]


@pytest.fixture(scope="module")
def seed_doc() -> Document:
    return gdplan.parse(SEED)


@pytest.fixture(scope="module")
def seed_book(tmp_path_factory: pytest.TempPathFactory) -> Any:
    out = tmp_path_factory.mktemp("xlsx") / "seed.xlsx"
    assert main(["convert", str(SEED), "--to", "xlsx", "-o", str(out)]) == 0
    return openpyxl.load_workbook(out)


def test_ledger_has_one_row_per_item_with_the_jsonl_units(seed_book: Any, seed_doc: Document) -> None:
    assert seed_book.sheetnames == ["任务台账", "单位任务", "单位汇总", "通知", "说明"]
    ledger = sheet_dicts(seed_book, "任务台账")
    expected = item_rows(seed_doc)
    assert len(ledger) == len(expected) == 50
    for got, want in zip(ledger, expected, strict=True):
        assert got["任务"] == want["title"]
        assert got["序号"] == want["number"]
        assert got["原文条款"] == want["clause"]
        assert got["完成时限"] == want["deadline"]
        assert got["具体内容"] == (want["text"] or None)
        for role, column in ROLE_COLUMNS.items():
            assert split(got[column]) == want[role], (want["title"], role)
            assert got[column] != "[]"


def test_ledger_level_path_and_headings_follow_the_tree(seed_book: Any, seed_doc: Document) -> None:
    ledger = sheet_dicts(seed_book, "任务台账")
    first = next(seed_doc.items())
    heads = [seed_doc.children[0], seed_doc.children[0].children[0]]
    assert ledger[0]["层级"] == "/".join(n.label.rstrip("、．.") for n in [*heads, first])
    assert ledger[0]["层级"].count("/") == 2
    assert [ledger[0]["一级标题"], ledger[0]["二级标题"]] == [h.title for h in heads]
    assert ledger[0]["行号"] == first.line


def test_sheets_have_a_frozen_filtered_header_and_a_print_setup(seed_book: Any) -> None:
    for name in ("任务台账", "单位任务", "单位汇总"):
        sheet = seed_book[name]
        assert sheet.freeze_panes == "A2", name
        last = sheet.cell(row=1, column=sheet.max_column).column_letter
        assert sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}", name
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.print_title_rows == "$1:$1"
        assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
        assert sheet.page_setup.fitToHeight == 0  # as many pages down as needed, one across
    ledger = seed_book["任务台账"]
    assert ledger.cell(row=2, column=6).alignment.wrap_text is True


def test_column_widths_count_chinese_characters_double(seed_book: Any) -> None:
    assert display_width("省科技厅") == 8 and display_width("ABC") == 3 and display_width("5G（共建）") == 10
    widths = seed_book["单位汇总"].column_dimensions
    longest = max(display_width(str(r["单位"])) for r in sheet_dicts(seed_book, "单位汇总"))
    assert widths["A"].width >= min(longest, 28)


def test_unit_tasks_sheet_is_every_unit_item_role_sorted_by_unit(seed_book: Any, seed_doc: Document) -> None:
    tasks = sheet_dicts(seed_book, "单位任务")
    paths = {tuple(r["path"]): r for r in item_rows(seed_doc)}
    ledger = {r["层级"]: r for r in sheet_dicts(seed_book, "任务台账")}
    assert len(ledger) == len(paths)
    expected = Counter(
        (name, ROLE_NAMES[role], r["title"])
        for r in paths.values()
        for role in ROLE_NAMES
        for name in r[role]
    )
    assert Counter((t["单位"], t["角色"], t["任务"]) for t in tasks) == expected
    names = [t["单位"] for t in tasks]
    assert names == sorted(names)
    carried = {(t["单位"], t["任务"]) for t in tasks if t["下同承接"] == "是"}
    assert carried == {(n, r["title"]) for r in paths.values() for n in r["carried"]}


def test_unit_totals_count_items_led_shared_and_cooperated(seed_book: Any, seed_doc: Document) -> None:
    totals = {t["单位"]: t for t in sheet_dicts(seed_book, "单位汇总")}
    items = item_rows(seed_doc)
    names = {n for r in items for role in ROLE_NAMES for n in r[role]}
    assert set(totals) == names
    for name in names:
        mine = [r for r in items if any(name in r[role] for role in ROLE_NAMES)]
        got = totals[name]
        assert got["任务数"] == len(mine)
        assert got["牵头"] == sum(name in r["lead"] for r in mine)
        assert got["共担（不牵头）"] == sum(name not in r["lead"] for r in mine)
        assert got["配合"] == sum(name in r["cooperating"] for r in mine)
        assert got["负责"] == sum(name in r["responsible"] for r in mine)
    loads = [t["任务数"] for t in totals.values()]
    assert loads == sorted(loads, reverse=True)


def test_notice_and_about_sheets(seed_book: Any, seed_doc: Document) -> None:
    notice = {r["项目"]: r["内容"] for r in sheet_dicts(seed_book, "通知")}
    assert seed_doc.notice is not None
    assert notice["标题"] == seed_doc.notice.title
    assert notice["成文日期"] == seed_doc.notice.date
    assert notice["主送机关"] == "、".join(seed_doc.notice.addressees)
    about = {r["项目"]: r["内容"] for r in sheet_dicts(seed_book, "说明")}
    assert about["sha256"] == seed_doc.provenance.sha256
    assert about["导出程序"] == f"gdplan {gdplan.__version__}"
    assert about["数据结构版本 schema_version"] == seed_doc.schema_version
    assert about["来源"] == seed_doc.source


def _hostile(doc: Document) -> Document:
    """A copy: item 1 cut off and led by a formula-like unit, item 2 without responsibility."""
    doc = doc.model_copy(deep=True)
    items = list(doc.items())
    items[0].truncated = True
    items[0].responsibility = Responsibility(
        lead=[Unit(name="=HYPERLINK(\"x\",\"y\")", key="=hyperlink")], clause="=1+1"
    )
    items[1].responsibility = Responsibility(absent="no-clause")  # an item that states no clause at all
    items[2].title = "+市林业局<b>\x01\x0b"
    return doc


def test_input_text_is_never_a_formula_truncation_is_marked_none_is_empty(seed_doc: Document) -> None:
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(_hostile(seed_doc))))
    sheet = book["任务台账"]
    header = [c.value for c in sheet[1]]
    lead = sheet.cell(row=2, column=header.index("牵头单位") + 1)
    assert lead.value == "=HYPERLINK(\"x\",\"y\")" and lead.data_type == "s"
    assert sheet.cell(row=2, column=header.index("原文条款") + 1).data_type == "s"
    assert "截断" in sheet.cell(row=2, column=header.index("备注") + 1).value
    assert sheet.cell(row=4, column=header.index("任务") + 1).value == "+市林业局<b>"
    second = [c.value for c in sheet[3]]
    for column in ROLE_COLUMNS.values():
        assert second[header.index(column)] is None
    assert sheet.max_row == 51


def test_same_document_gives_the_same_bytes(seed_doc: Document) -> None:
    assert to_xlsx(seed_doc) == to_xlsx(gdplan.parse(SEED))


def test_xlsx_is_refused_on_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    for extra in ([], ["-o", "-"]):
        with pytest.raises(SystemExit) as stop:
            main(["convert", str(SEED), "--to", "xlsx", *extra])
        assert stop.value.code == 2
        err = capsys.readouterr().err
        assert "binary" in err and "-o FILE.xlsx" in err


def test_xlsx_into_a_folder_beside_text_formats(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(SAMPLES), "--to", "jsonl,xlsx", "-o", str(out), "-q", "-j", "1"]) == 0
    for sample in SAMPLES.glob("*.txt"):
        book = openpyxl.load_workbook(out / f"{sample.stem}.xlsx")
        jsonl = (out / f"{sample.stem}.jsonl").read_text(encoding="utf-8").splitlines()
        items = [json.loads(line) for line in jsonl if json.loads(line)["kind"] == "item"]
        ledger = sheet_dicts(book, "任务台账")
        assert len(ledger) == len(items)
        assert [split(r["牵头单位"]) for r in ledger] == [i["lead"] for i in items]


def test_dataset_as_one_workbook(tmp_path: Path) -> None:
    ds = tmp_path / "ds"
    assert main(["dataset", str(SAMPLES), "-o", str(ds), "--format", "xlsx", "-q", "-j", "1"]) == 0
    assert sorted(p.name for p in ds.iterdir()) == ["README.md", "dataset.xlsx", "manifest.json"]
    assert verify(ds) == []
    manifest = json.loads((ds / "manifest.json").read_text(encoding="utf-8"))
    book = openpyxl.load_workbook(ds / "dataset.xlsx")
    assert book.sheetnames == ["documents", "nodes", "responsibilities", "units"]
    for name in book.sheetnames:
        sheet = book[name]
        assert sheet.max_row - 1 == manifest["tables"][name]["rows"] > 0
        assert manifest["tables"][name]["file"] == "dataset.xlsx"
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    nodes = sheet_dicts(book, "nodes")
    first = nodes[0]
    assert isinstance(first["ord"], int) and isinstance(first["open_ended"], bool)
    assert json.loads(first["path"]) == [1]
    again = tmp_path / "again"
    build_dataset(DatasetOptions(inputs=(SAMPLES,), outdir=again, format="xlsx", quiet=True))
    assert (again / "dataset.xlsx").read_bytes() == (ds / "dataset.xlsx").read_bytes()
