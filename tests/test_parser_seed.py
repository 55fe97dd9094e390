"""The seed notice parses to exactly the hand-made gold tree (tests/fixtures/gold)."""

from __future__ import annotations

import json
from typing import Any

import pytest

import gdplan
from gdplan.model import Document

from .conftest import FIXTURES, SEED


@pytest.fixture(scope="module")
def seed() -> Document:
    return gdplan.parse(SEED)


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / "gold" / "gd-2025-digital-seed.json").read_text("utf-8"))
    return data


def test_counts(seed: Document) -> None:
    assert len(seed.children) == 6
    assert sum(1 for n in seed.walk() if len(n.path) == 2) == 17
    assert len(list(seed.items())) == 50
    assert [n.number for n in seed.items()] == list(range(1, 51))
    assert seed.complete
    assert seed.diagnostics == []


def test_headings(seed: Document, gold: dict[str, Any]) -> None:
    got = [(n.path, n.title) for n in seed.headings()]
    assert got == [(h["path"], h["title"]) for h in gold["headings"]]


def test_items_and_every_role(seed: Document, gold: dict[str, Any]) -> None:
    for node, want in zip(seed.items(), gold["items"], strict=True):
        assert (node.path, node.number, node.title) == (want["path"], want["number"], want["title"])
        r = node.responsibility
        assert r is not None, node.label
        for role in ("lead", "responsible", "implementing", "cooperating"):
            assert [u.name for u in getattr(r, role)] == want[role], (node.label, role)
        assert r.open_ended is want["open_ended"], node.label
        assert r.deadline == want["deadline"]
        assert node.truncated is want["truncated"]


def test_carried_implementing_units(seed: Document) -> None:
    items = list(seed.items())
    assert items[0].responsibility is not None and items[0].responsibility.carried == []
    for node in items[1:]:
        assert node.responsibility is not None
        assert [u.name for u in node.responsibility.carried] == ["各地级以上市人民政府"]


def test_notice(seed: Document, gold: dict[str, Any]) -> None:
    n = seed.notice
    assert n is not None
    want = gold["notice"]
    assert (n.title, n.doc_number, n.addressees, n.signature, n.date) == (
        want["title"], want["doc_number"], want["addressees"], want["signature"], want["date"],
    )  # fmt: skip
    assert n.issuer == "广东省政务服务和数据管理局"
    assert seed.title == gold["plan_title"]
    assert seed.year == gold["year"]


def test_clause_is_kept_as_printed_and_cut_from_the_text(seed: Document) -> None:
    first = next(seed.items())
    assert first.responsibility is not None
    assert first.responsibility.clause == (
        "省发展改革委、科技厅、工业和信息化厅按职责分工负责；各地级以上市人民政府结合实际落实，下同"
    )
    assert "按职责分工负责" not in first.text
    assert first.text.startswith("优化广州、鹏城国家实验室")
    assert first.text.endswith("。")


def test_simplified_script_option_keeps_the_tree() -> None:
    trad = gdplan.parse(
        "一、總體要求\n（一）加強統籌。建立機制。（省政務服務數據管理局牽頭）\n", script="simplified"
    )
    node = trad.children[0].children[0]
    assert node.title == "加强统筹"
    assert node.responsibility is not None
    assert [u.name for u in node.responsibility.lead] == ["省政务服务数据管理局"]
    original = gdplan.parse("一、總體要求\n（一）加強統籌。建立機制。（省政務服務數據管理局牽頭）\n")
    unit = original.children[0].children[0].responsibility.lead[0]  # type: ignore[union-attr]
    assert unit.name == "省政務服務數據管理局"
    assert unit.key == "省政务服务数据管理局"
