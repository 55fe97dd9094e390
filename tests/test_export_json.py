"""JSON export: the CONTRACT keys, the JSON Schema it satisfies, and the way back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from gdplan.errors import InputError
from gdplan.export import FORMATS, from_json, json_schema, to_json
from gdplan.model import Document
from tests.conftest import dev_raw_params
from tests.export_documents import minimal_document, rich_document

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
DEV_RAW = REPO.parent / "shared" / "corpus" / "dev" / "raw"

NOTICE_KEYS = {"title", "doc_number", "issuer", "addressees", "signature", "date"}


def validator() -> jsonschema.Draft202012Validator:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_contract_keys_have_their_types_and_values() -> None:
    out = json.loads(to_json(rich_document()))
    assert out["schema_version"] == "1.1"
    assert out["doc_id"] == "0f" * 32
    assert out["source"] == "samples/數字廣東-2025.txt"
    assert out["title"] == "數字廣東建設2025年工作要點"
    assert out["year"] == 2025
    assert set(out["notice"]) >= NOTICE_KEYS
    assert out["notice"]["addressees"] == ["各地級以上市人民政府", "省有關單位"]
    assert out["notice"]["date"] == "2025-05-15"
    assert out["notice"]["doc_number"] == "粵政數〔2025〕12號"
    assert [d["code"] for d in out["diagnostics"]] == ["numbering-gap", "truncated"]
    assert out["diagnostics"][0]["line"] == 30


def test_absent_parts_are_null_not_missing() -> None:
    out = json.loads(to_json(minimal_document()))
    assert out["title"] is None and out["year"] is None and out["notice"] is None
    assert out["diagnostics"] == [] and out["children"] == []


def test_tree_is_written_with_spans_as_pairs() -> None:
    out = json.loads(to_json(rich_document()))
    first_item = out["children"][0]["children"][0]["children"][0]
    assert first_item["label"] == "1．"
    assert first_item["span"] == [1100, 1180]
    unit = first_item["responsibility"]["responsible"][1]
    assert {k: unit[k] for k in ("name", "key")} == {"name": "省科技廳", "key": "省科技厅"}
    assert {unit[k] for k in ("jurisdiction", "kind", "canonical", "unit_id")} == {None}  # not resolved here


def test_cjk_is_written_as_is_in_utf8() -> None:
    text = to_json(rich_document())
    assert "數字廣東" in text and "\\u" not in text


def test_indent_none_gives_one_line() -> None:
    assert "\n" not in to_json(rich_document(), indent=None)
    assert to_json(rich_document()).count("\n") > 50


@pytest.mark.parametrize("make", [rich_document, minimal_document])
def test_output_satisfies_its_own_schema(make: Any) -> None:
    errors = list(validator().iter_errors(json.loads(to_json(make()))))
    assert errors == []


@pytest.mark.parametrize(
    "break_it",
    [
        lambda d: d["children"][0].update(kind="chapter"),
        lambda d: d["children"][0].update(span=[1]),
        lambda d: d["children"][0].pop("label"),
        lambda d: d.update(extra="field"),
        lambda d: d["notice"].update(addressees="省有關單位"),
    ],
)
def test_schema_rejects_broken_documents(break_it: Any) -> None:
    out = json.loads(to_json(rich_document()))
    break_it(out)
    assert list(validator().iter_errors(out)) != []


def test_schema_names_its_dialect_and_id() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith("/document.json")


@pytest.mark.parametrize("make", [rich_document, minimal_document])
def test_from_json_gives_back_the_same_document(make: Any) -> None:
    doc = make()
    assert from_json(to_json(doc)) == doc
    assert from_json(to_json(doc, indent=None).encode("utf-8")) == doc


@pytest.mark.parametrize("text", ["not json", "{}", '{"doc_id": 1}', "[]"])
def test_from_json_rejects_what_is_not_a_document(text: str) -> None:
    with pytest.raises(InputError) as caught:
        from_json(text, name="broken.json")
    assert caught.value.source == "broken.json"
    assert "broken.json" in str(caught.value)


def test_registry_writes_json_with_a_final_newline() -> None:
    exporter = FORMATS["json"]
    assert (exporter.suffix, exporter.media_type) == (".json", "application/json")
    out = exporter.write(rich_document())
    assert out.endswith("}\n") and json.loads(out)["doc_id"] == "0f" * 32


# ---- real documents -------------------------------------------------------------------


def parsed(path: Path) -> Document:
    import gdplan

    return gdplan.parse(path)


def real_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []


@pytest.mark.parametrize("path", real_files(SAMPLES), ids=lambda p: p.name)
def test_samples_export_schema_valid_json_that_reads_back(path: Path) -> None:
    doc = parsed(path)
    out = to_json(doc)
    assert list(validator().iter_errors(json.loads(out))) == []
    assert from_json(out) == doc


@pytest.mark.parametrize("path", dev_raw_params(), ids=lambda p: getattr(p, "name", "no-dev-corpus"))
def test_dev_corpus_exports_schema_valid_json(path: Path) -> None:
    doc = parsed(path)
    out = to_json(doc)
    assert list(validator().iter_errors(json.loads(out))) == []
    assert from_json(out) == doc


def test_dev_corpus_is_there_or_skipped() -> None:
    if not DEV_RAW.is_dir():
        pytest.skip(f"dev corpus not found at {DEV_RAW}: its documents are not exported here")
    assert real_files(DEV_RAW), f"{DEV_RAW} holds no .txt"


def test_fast_serializer_writes_what_json_dumps_would() -> None:
    import json as stdlib_json
    from pathlib import Path

    import gdplan
    from gdplan.export.json import to_json

    doc = gdplan.parse(Path(__file__).resolve().parents[1] / "samples" / "gd-2025-digital-seed.txt")
    assert to_json(doc) == stdlib_json.dumps(doc.model_dump(mode="json"), ensure_ascii=False, indent=2)
    assert stdlib_json.loads(to_json(doc, indent=None)) == doc.model_dump(mode="json")
