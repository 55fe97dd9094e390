"""Every node's span points into the decoded input and starts with the node's label."""

from __future__ import annotations

from pathlib import Path

import pytest

import gdplan
from gdplan.parser.text import normalize
from gdplan.read import read_source

from .conftest import SAMPLES, dev_corpus


def _check_spans(path: Path) -> int:
    text = read_source(path).text
    doc = gdplan.parse(path)
    checked = 0
    for node in doc.walk():
        start, end = node.span
        assert 0 <= start < end <= len(text)
        # The label is shown without copy noise (一(yī)、 → 一、); compare the span's clean text.
        assert normalize(text[start:end]).clean.startswith(node.label), (path.name, node.label)
        assert text.count("\n", 0, start) + 1 == node.line
        r = node.responsibility
        if r is not None and r.clause_span is not None and r.clause:
            cs, ce = r.clause_span
            # The clause span covers the clause as printed; copy noise (pinyin) may sit inside it.
            assert text[cs] == r.clause[0] and text[ce - 1] == r.clause[-1]
        checked += 1
    return checked


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_sample_spans(path: Path) -> None:
    assert _check_spans(path) > 0


def test_dev_corpus_spans() -> None:
    raw = dev_corpus() / "raw"
    assert sum(_check_spans(p) for p in sorted(raw.glob("*.txt"))) > 50


def test_span_through_pinyin_noise() -> None:
    text = "一(yī)、實施創新驅動發展戰略\n1.建設崂山實驗室。實施計劃。(牽頭單位:市科技局)\n"
    doc = gdplan.parse(text)
    part = doc.children[0]
    assert part.label == "一、"
    assert text[part.span[0] : part.span[1]].startswith("一(yī)、實施")


def test_line_numbers_count_every_input_line_through_noise() -> None:
    text = (
        "\r\n".join(
            ["??首页 > 通知", "一(yī)、总体", "", "1.加强统筹。(省政务服务数据管理局牵头)", "2.完善机制。"]
        )
        + "\r\n"
    )
    doc = gdplan.parse(text)
    assert [n.line for n in doc.walk()] == [2, 4, 5]
