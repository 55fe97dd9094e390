"""gdplan dataset: four tables in every format, manifest checksums, the documented SQL, identical reruns."""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import gdplan
from gdplan.dataset import ITEMS_LED_BY_YEAR, TABLES, DatasetOptions, build_dataset, verify
from gdplan.dataset.extract import node_rows, responsibility_rows
from gdplan.dataset.units import UnitTable
from gdplan.model import Document, Node, Provenance, Responsibility, Unit

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
SEED = SAMPLES / "gd-2025-digital-seed.txt"
DOCS = REPO / "docs" / "dataset.md"
TABLE_NAMES = [t.name for t in TABLES]


def gdplan_cli(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run(
        [sys.executable, "-m", "gdplan", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


def build(inputs: list[Path], out: Path, fmt: str, **kw: object) -> int:
    return build_dataset(DatasetOptions(inputs=tuple(inputs), outdir=out, format=fmt, quiet=True, **kw))  # type: ignore[arg-type]


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


# ---------------------------------------------------------------------------- sqlite


def test_sqlite_dataset_has_four_tables_and_a_verifying_manifest(tmp_path: Path) -> None:
    done = gdplan_cli("dataset", SAMPLES, "-o", tmp_path / "ds", "--format", "sqlite", "-q")
    assert done.returncode == 0, done.stderr
    ds = tmp_path / "ds"
    assert sorted(p.name for p in ds.iterdir()) == ["README.md", "dataset.sqlite", "manifest.json"]
    assert verify(ds) == []
    manifest = json.loads((ds / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest["files"]) == {"README.md", "dataset.sqlite"}
    db = sqlite3.connect(ds / "dataset.sqlite")
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert names == set(TABLE_NAMES)
    for table in TABLE_NAMES:
        count = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        assert count == manifest["tables"][table]["rows"]
        columns = [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
        assert columns == [c["name"] for c in manifest["tables"][table]["columns"]]
    assert manifest["tables"]["documents"]["rows"] == 3
    # The tables agree with the parser: every node of every sample, its JSONL row included.
    for sample in SAMPLES.glob("*.txt"):
        doc = gdplan.parse(sample)
        got = db.execute(
            "SELECT kind, path, title, lead FROM nodes WHERE doc_id = ? ORDER BY ord", (doc.doc_id,)
        )
        want = [(r["kind"], json.dumps(r["path"]), r["title"], r["lead"]) for r in node_rows(doc)]
        assert [(k, p.replace(" ", ""), t, json.loads(lead)) for k, p, t, lead in got] == [
            (k, p.replace(" ", ""), t, lead) for k, p, t, lead in want
        ]
    # A tampered file no longer verifies.
    with open(ds / "README.md", "a", encoding="utf-8") as handle:
        handle.write("edited\n")
    assert verify(ds) == ["README.md: checksum differs from the manifest"]


def test_the_documented_query_runs_and_answers_from_the_responsibility_clauses(tmp_path: Path) -> None:
    assert build([SAMPLES], tmp_path / "ds", "sqlite") == 0
    assert ITEMS_LED_BY_YEAR.strip() in DOCS.read_text(encoding="utf-8"), "docs/dataset.md shows the query"
    db = sqlite3.connect(tmp_path / "ds" / "dataset.sqlite")
    # What the query must find for each unit, computed from the parsed documents directly.
    expected: dict[str, list[tuple[int | None, str]]] = {"省科技厅": []}
    for sample in sorted(SAMPLES.glob("*.txt")):
        doc = gdplan.parse(sample)
        for node in doc.items():
            for unit in node.responsibility.lead if node.responsibility else []:
                expected.setdefault(unit.key, []).append((doc.year, node.title))
    assert sum(len(v) for v in expected.values()) >= 10, "the samples name lead units"
    for unit_key, items in expected.items():
        answer = db.execute(ITEMS_LED_BY_YEAR, {"unit_key": unit_key}).fetchall()
        assert sorted((year, item) for year, _plan, _label, item, _path in answer) == sorted(items), unit_key
        assert [row[0] for row in answer] == sorted(row[0] for row in answer), "by year"
    plan = db.execute("EXPLAIN QUERY PLAN " + ITEMS_LED_BY_YEAR, {"unit_key": "x"}).fetchall()
    assert "responsibilities_unit" in " ".join(str(step) for step in plan), "the unit index serves the query"


def test_two_runs_give_byte_identical_files_in_every_format(tmp_path: Path) -> None:
    formats = ["sqlite", "jsonl", "csv"]
    if _has_pyarrow():
        formats.append("parquet")
    for fmt in formats:
        assert build([SAMPLES], tmp_path / f"a-{fmt}", fmt, jobs=1) == 0
        assert build([SAMPLES], tmp_path / f"b-{fmt}", fmt, jobs=2, engine="local") == 0
        first, second = files_of(tmp_path / f"a-{fmt}"), files_of(tmp_path / f"b-{fmt}")
        assert first.keys() == second.keys()
        for name in first:
            assert first[name] == second[name], f"{fmt}: {name} differs between runs"


def test_parsed_at_comes_from_source_date_epoch_or_is_null(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")
    assert build([SEED], tmp_path / "ds", "jsonl") == 0
    row = json.loads((tmp_path / "ds" / "documents.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert row["parsed_at"] == "2025-01-01T00:00:00Z"
    assert row["source"] == SEED.name
    assert "2025-01-01T00:00:00Z" in (tmp_path / "ds" / "README.md").read_text(encoding="utf-8")
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert build([SEED], tmp_path / "plain", "jsonl") == 0
    plain = json.loads((tmp_path / "plain" / "documents.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert plain["parsed_at"] is None
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH"):
        build([SEED], tmp_path / "bad", "jsonl")


# ---------------------------------------------------------------------------- parquet


def _has_pyarrow() -> bool:
    try:
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        return False
    return True


def test_parquet_dataset_has_four_typed_tables_and_a_verifying_manifest(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    assert build([SAMPLES], tmp_path / "ds", "parquet") == 0
    ds = tmp_path / "ds"
    assert verify(ds) == []
    manifest = json.loads((ds / "manifest.json").read_text(encoding="utf-8"))
    for name in TABLE_NAMES:
        table = pq.read_table(ds / f"{name}.parquet")
        assert table.num_rows == manifest["tables"][name]["rows"]
        assert table.column_names == [c["name"] for c in manifest["tables"][name]["columns"]]
    nodes = pq.read_table(ds / "nodes.parquet").to_pylist()
    seed = gdplan.parse(SEED)
    seed_nodes = [r for r in nodes if r["doc_id"] == seed.doc_id]
    assert [{k: v for k, v in r.items() if k != "ord"} for r in seed_nodes] == [
        {k: v for k, v in r.items() if k != "ord"} for r in node_rows(seed)
    ]


def test_parquet_without_pyarrow_says_how_to_get_it(tmp_path: Path) -> None:
    script = (
        "import sys; sys.modules['pyarrow'] = None; sys.modules['pyarrow.parquet'] = None\n"
        "from gdplan.cli import main; raise SystemExit(main(sys.argv[1:]))"
    )
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            script,
            "dataset",
            str(SEED),
            "-o",
            str(tmp_path / "ds"),
            "--format",
            "parquet",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "pip install 'gdplan[parquet]'" in done.stderr
    assert "Traceback" not in done.stderr


# ---------------------------------------------------------------------------- jsonl / csv


def test_jsonl_and_csv_tables_hold_the_same_rows(tmp_path: Path) -> None:
    assert build([SAMPLES], tmp_path / "j", "jsonl") == 0
    assert build([SAMPLES], tmp_path / "c", "csv") == 0
    for table in TABLES:
        lines = (tmp_path / "j" / f"{table.name}.jsonl").read_text(encoding="utf-8").splitlines()
        rows = [json.loads(line) for line in lines]
        with open(tmp_path / "c" / f"{table.name}.csv", encoding="utf-8-sig", newline="") as handle:
            cells = list(csv.reader(handle))
        assert cells[0] == list(table.column_names)
        assert len(cells) - 1 == len(rows)
        for row, cell_row in zip(rows, cells[1:], strict=True):
            for column, cell in zip(table.columns, cell_row, strict=True):
                value = row[column.name]
                if value is None:
                    assert cell == ""
                elif column.is_list:
                    assert json.loads(cell) == value
                elif column.base_type == "boolean":
                    assert cell == ("1" if value else "0")
                else:
                    assert cell == str(value)


def test_failed_and_duplicate_inputs_are_reported_not_tabled(tmp_path: Path) -> None:
    src = tmp_path / "in"
    shutil.copytree(SAMPLES, src)
    shutil.copy(SEED, src / "zz-copy-of-seed.txt")
    (src / "empty.txt").write_bytes(b"")
    done = gdplan_cli("dataset", src, "-o", tmp_path / "ds", "--format", "jsonl")
    assert done.returncode == 1
    assert f"gdplan: {src / 'empty.txt'}: " in done.stderr
    manifest = json.loads((tmp_path / "ds" / "manifest.json").read_text(encoding="utf-8"))
    assert [f["source"] for f in manifest["failures"]] == ["empty.txt"]
    assert manifest["duplicates"] == [
        {"source": "zz-copy-of-seed.txt", "doc_id": gdplan.parse(SEED).doc_id, "same_as": SEED.name}
    ]
    assert manifest["tables"]["documents"]["rows"] == 3


# ---------------------------------------------------------------------------- rows from a hand-made document


def _unit(name: str) -> Unit:
    return Unit(name=name, key=name)


def _node(
    path: list[int], kind: str, duty: Responsibility | None, children: list[Node] | None = None
) -> Node:
    return Node(
        kind=kind,
        style="arabic-dot",
        label=f"{path[-1]}．",
        number=path[-1],
        path=path,
        title=f"任务{path}",
        responsibility=duty,
        line=1,
        span=(0, 1),
        children=children or [],
    )


def _document(doc_id: str, nodes: list[Node]) -> Document:
    return Document(
        doc_id=doc_id, source="x", year=2024, children=nodes, provenance=Provenance(source="x", generator="t")
    )


def test_responsibility_rows_and_unit_counts_from_a_hand_made_document() -> None:
    a, b, c = _unit("省科技厅"), _unit("省财政厅"), _unit("各地级以上市人民政府")
    item1 = _node([1, 1], "item", Responsibility(lead=[a], responsible=[b], implementing=[c], carried=[c]))
    item2 = _node([1, 2], "item", Responsibility(responsible=[a, b]))
    heading = _node([1], "heading", Responsibility(lead=[b]), [item1, item2])
    doc = _document("d1", [heading])
    rows = responsibility_rows(doc)
    assert [(r["ord"], r["role"], r["position"], r["unit"], r["carried"], r["kind"]) for r in rows] == [
        (0, "lead", 0, "省财政厅", False, "heading"),
        (1, "lead", 0, "省科技厅", False, "item"),
        (1, "responsible", 0, "省财政厅", False, "item"),
        (1, "implementing", 0, "各地级以上市人民政府", True, "item"),
        (2, "responsible", 0, "省科技厅", False, "item"),
        (2, "responsible", 1, "省财政厅", False, "item"),
    ]
    units = UnitTable()
    units.add_document(2024, rows)
    units.add_document(
        2026, responsibility_rows(_document("d2", [_node([1], "item", Responsibility(lead=[a]))]))
    )
    by_key = {str(r["unit_key"]): r for r in units.rows()}
    assert list(by_key) == sorted(by_key)
    keji = by_key["省科技厅"]
    assert (keji["documents"], keji["items"], keji["lead_items"], keji["shared_items"]) == (2, 3, 2, 1)
    assert (keji["first_year"], keji["last_year"]) == (2024, 2026)
    caizheng = by_key["省财政厅"]  # the heading's lead is not an item it leads
    assert (
        caizheng["items"],
        caizheng["lead_items"],
        caizheng["shared_items"],
        caizheng["responsible_items"],
    ) == (
        2,
        0,
        2,
        2,
    )


# ---------------------------------------------------------------------------- dask


def test_dask_local_cluster_builds_the_same_tables_as_the_local_engine(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from gdplan.batch.engine import DaskEngine

    assert build([SAMPLES], tmp_path / "local", "sqlite", jobs=2) == 0
    engine = DaskEngine(None, 1, processes=False)
    options = DatasetOptions(inputs=(SAMPLES,), outdir=tmp_path / "dask", format="sqlite", quiet=True)
    assert build_dataset(options, engine=engine) == 0
    assert files_of(tmp_path / "dask") == files_of(tmp_path / "local")
    local, dask = (
        sqlite3.connect(tmp_path / "local" / "dataset.sqlite"),
        sqlite3.connect(tmp_path / "dask" / "dataset.sqlite"),
    )
    for table in TABLE_NAMES:
        assert (
            local.execute(f"SELECT * FROM {table}").fetchall()
            == dask.execute(f"SELECT * FROM {table}").fetchall()
        )
