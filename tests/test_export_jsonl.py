"""JSON Lines export: one row per numbered node with exactly the CONTRACT's keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gdplan.export import FORMATS, ROW_KEYS, rows, to_jsonl
from gdplan.model import Document
from tests.export_documents import minimal_document, rich_document

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
DEV_RAW = REPO.parent / "shared" / "corpus" / "dev" / "raw"

# CONTRACT.md, "--to jsonl", in its order, with each key's JSON type(s)
CONTRACT_ROW = {
    "doc_id": (str,),
    "kind": (str,),
    "path": (list,),
    "label": (str,),
    "number": (int,),
    "title": (str,),
    "text": (str,),
    "lead": (list,),
    "responsible": (list,),
    "implementing": (list,),
    "cooperating": (list,),
    "carried": (list,),
    "open_ended": (bool,),
    "deadline": (str, type(None)),
    "clause": (str, type(None)),
    "span": (list,),
}
# Schema 1.1 adds, after the CONTRACT keys, each role list's unit ids (position for position).
ID_LISTS = {key + "_ids": (list,) for key in ("lead", "responsible", "implementing", "cooperating")}
ROW = {**CONTRACT_ROW, **ID_LISTS}
NAME_LISTS = ("lead", "responsible", "implementing", "cooperating", "carried")


def lines_of(doc: Document) -> list[dict[str, object]]:
    text = to_jsonl(doc)
    # A notice without its plan has no numbered node: zero rows is an empty file.
    assert text.endswith("\n") if any(True for _ in doc.walk()) else text == ""
    return [json.loads(line) for line in text.splitlines()]


def check_row_shape(row: dict[str, object]) -> None:
    assert list(row) == list(ROW)
    for key, types in ROW.items():
        assert type(row[key]) in types, (key, row[key])
    assert row["kind"] in ("heading", "item")
    assert all(type(n) is int for n in row["path"])  # type: ignore[attr-defined]
    assert len(row["span"]) == 2 and all(type(n) is int for n in row["span"])  # type: ignore[arg-type, attr-defined]
    for key in NAME_LISTS:
        assert all(type(name) is str for name in row[key])  # type: ignore[attr-defined]
    for key in ID_LISTS:
        names = row[key.removesuffix("_ids")]
        assert len(row[key]) == len(names)  # type: ignore[arg-type]
        assert all(type(i) in (str, type(None)) for i in row[key])  # type: ignore[attr-defined]


def test_row_keys_are_the_contract_keys_in_order() -> None:
    assert list(ROW_KEYS)[: len(CONTRACT_ROW)] == list(CONTRACT_ROW)
    assert list(ROW_KEYS) == list(ROW)


def test_every_row_has_exactly_the_contract_keys_and_types() -> None:
    for row in lines_of(rich_document()):
        check_row_shape(row)


def test_one_row_per_numbered_node_in_document_order() -> None:
    doc = rich_document()
    out = lines_of(doc)
    assert [row["path"] for row in out] == [
        [1], [1, 1], [1, 1, 1], [1, 1, 2], [1, 2], [1, 2, 1],
        [2], [2, 1], [2, 1, 1], [2, 1, 2], [2, 1, 2, 1], [2, 1, 2, 1, 1], [2, 1, 2, 1, 1, 1],
    ]  # fmt: skip
    assert [row["kind"] for row in out].count("item") == 5
    assert {row["doc_id"] for row in out} == {"0f" * 32}


def test_an_item_row_holds_names_carried_and_clause() -> None:
    row = next(r for r in lines_of(rich_document()) if r["path"] == [1, 1, 2])
    assert row["label"] == "2．" and row["number"] == 2
    assert row["title"] == "推進數據資源開發利用"
    assert row["lead"] == ["省政務和數據局"]
    assert row["responsible"] == ["省國資委"]
    assert row["implementing"] == ["各地級以上市人民政府"]
    assert row["cooperating"] == ["廣州、深圳數據交易所", "省平等"]
    assert row["carried"] == ["各地級以上市人民政府"]
    assert row["open_ended"] is True
    assert row["deadline"] == "2025年底前"
    assert row["clause"] == "省政務和數據局牵头，省國資委等單位按職責分工負責"
    assert row["span"] == [1200, 1280]
    assert str(row["text"]).startswith("# 不是標題\n")


def test_a_node_without_responsibility_gets_empty_values() -> None:
    row = next(r for r in lines_of(rich_document()) if r["path"] == [2, 1, 1])
    assert [row[k] for k in NAME_LISTS] == [[], [], [], [], []]
    assert (row["open_ended"], row["deadline"], row["clause"]) == (False, None, None)


def test_a_heading_with_its_own_clause_keeps_it() -> None:
    row = next(r for r in lines_of(rich_document()) if r["path"] == [2, 1])
    assert row["kind"] == "heading" and row["lead"] == ["省委網信辦"]


def test_rows_and_lines_agree() -> None:
    doc = rich_document()
    assert [dict(row) for row in rows(doc)] == lines_of(doc)


def test_no_nodes_no_lines() -> None:
    assert to_jsonl(minimal_document()) == ""


def test_cjk_is_not_escaped_and_lines_are_compact() -> None:
    text = to_jsonl(rich_document())
    assert "省政務和數據局" in text and "\\u" not in text
    assert len(text.splitlines()) == 13  # a body's own newlines are escaped inside its string


def test_registry_entry() -> None:
    exporter = FORMATS["jsonl"]
    assert exporter.suffix == ".jsonl"
    assert exporter.write(rich_document()) == to_jsonl(rich_document())


def real_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []


@pytest.mark.parametrize("path", real_files(SAMPLES) + real_files(DEV_RAW), ids=lambda p: p.name)
def test_real_documents_give_contract_rows(path: Path) -> None:
    import gdplan

    doc = gdplan.parse(path)
    out = lines_of(doc)
    assert len(out) == len(list(doc.walk()))
    for row in out:
        check_row_shape(row)
    items = [row for row in out if row["kind"] == "item"]
    assert len(items) == len(list(doc.items()))
