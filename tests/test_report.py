"""gdplan report: an offline page, every input text escaped, matrix counts equal to the JSONL rows."""

from __future__ import annotations

import json
import re
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

import gdplan
from gdplan.cli import main
from gdplan.model import Document, Notice, Responsibility, Unit
from gdplan.report import Failure, render_report

from .conftest import SAMPLES, SEED

ROLES = ("lead", "responsible", "implementing", "cooperating")
URL = re.compile(r"https?://|//[a-z0-9.-]+\.[a-z]{2,}/", re.IGNORECASE)


def jsonl_items(doc: Document) -> list[dict[str, Any]]:
    """The item rows of gdplan's own JSON Lines output."""
    return [row for line in gdplan.to_jsonl(doc).splitlines() if (row := json.loads(line))["kind"] == "item"]


def expected_counts(items: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """Per unit name: items in each role and items in any role."""
    out: dict[str, Counter[str]] = {}
    for row in items:
        names = {n for role in ROLES for n in row[role]}
        for name in names:
            tally = out.setdefault(name, Counter())
            tally["total"] += 1
            for role in ROLES:
                tally[role] += name in row[role]
    return {name: {k: tally[k] for k in ("total", *ROLES)} for name, tally in out.items()}


def matrix_counts(page: Any, doc_anchor: str) -> dict[str, dict[str, int]]:
    rows = page.xpath(f'//table[@class="matrix"][@data-doc="{doc_anchor}"]/tbody/tr')
    out = {}
    for tr in rows:
        name = tr.xpath("./th")[0].text_content()
        numbers = tr.xpath('./td[contains(concat(" ", @class, " "), " n ")]')
        cells = {c.get("class").split()[-1]: c.text_content() for c in numbers}
        out[name] = {k: int(cells[k] or 0) for k in ("total", *ROLES)}
        marks = ["" if m == "-" else m for m in tr.get("data-marks")]  # the page builds cells from them
        columns = page.xpath(f'//table[@data-doc="{doc_anchor}"]/thead/tr/th[@class="col-item"]')
        assert len(marks) == len(columns)
        assert sum(1 for m in marks if m) == out[name]["total"]
        assert marks.count("●") == out[name]["lead"]
    return out


@pytest.fixture(scope="module")
def seed() -> Document:
    return gdplan.parse(SEED)


def test_matrix_counts_equal_the_jsonl_rows(seed: Document) -> None:
    page = lxml_html.fromstring(render_report([seed]))
    assert matrix_counts(page, "d1") == expected_counts(jsonl_items(seed))
    cells = page.xpath('//table[@class="matrix"]/tbody/tr/td[contains(@class,"total")]/text()')
    totals = [int(t) for t in cells]
    assert totals == sorted(totals, reverse=True)  # most loaded unit first
    assert len(page.xpath('//li[contains(@class,"item")]')) == len(jsonl_items(seed)) == 50


def test_tree_items_carry_their_units_deadline_and_anchor(seed: Document) -> None:
    page = lxml_html.fromstring(render_report([seed]))
    for row in jsonl_items(seed):
        anchor = "d1-" + "-".join(map(str, row["path"]))
        (li,) = page.xpath(f'//li[@id="{anchor}"]')
        found = li.xpath('.//*[contains(@class,"chip")]')
        chips = {(c.text_content(), c.get("class").split()[1]) for c in found}
        assert chips == {(n, role) for role in ROLES for n in row[role]}
        deadline = li.xpath('.//*[@class="deadline"]')
        assert [d.text_content() for d in deadline] == ([row["deadline"]] if row["deadline"] else [])
    # The chart has one bar per unit, led and shared as the counts say.
    bars = page.xpath('//svg[contains(@class,"chart")]/g[@class="bar"]')
    counts = expected_counts(jsonl_items(seed))
    assert {b.get("data-name") for b in bars} == set(counts)
    for bar in bars:
        led, shared = bar.xpath('./text[@class="bar-value"]')[0].text_content().split(" / ")
        want = counts[bar.get("data-name")]
        assert (int(led), int(shared)) == (want["lead"], want["total"] - want["lead"])


def test_report_of_the_samples_is_offline(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert main(["report", str(SAMPLES), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert not URL.search(text), URL.search(text)
    page = lxml_html.fromstring(text)
    assert not page.xpath("//link | //img | //iframe | //object | //embed | //*[@src]")
    assert not re.search(r"@import|url\(|@font-face", text)
    assert "Content-Security-Policy" in text and "default-src 'none'" in text


def test_templates_name_no_network_resource() -> None:
    folder = resources.files("gdplan.report") / "templates"
    names = sorted(p.name for p in folder.iterdir())
    assert {"report.html.j2", "report.css", "report.js", "tree.html.j2"} <= set(names)
    for name in names:
        assert not URL.search((folder / name).read_text(encoding="utf-8")), name


def test_several_documents_get_a_linked_table(tmp_path: Path) -> None:
    docs = [gdplan.parse(p) for p in sorted(SAMPLES.glob("*.txt"))]
    page = lxml_html.fromstring(render_report(docs))
    rows = page.xpath('//table[@class="documents"]/tbody/tr')
    assert len(rows) == len(docs) == 3
    for i, (tr, doc) in enumerate(zip(rows, docs, strict=True), start=1):
        link = tr.xpath(".//a")[0]
        assert link.get("href") == f"#d{i}" and link.text_content() == doc.title
        assert page.xpath(f'//details[@id="d{i}"]')
        cells = [td.text_content() for td in tr.xpath("./td")]
        assert int(cells[4]) == len(jsonl_items(doc))
        assert int(cells[5]) == len(expected_counts(jsonl_items(doc)))
        assert matrix_counts(page, f"d{i}") == expected_counts(jsonl_items(doc))


HOSTILE = "<script>alert('x')</script>"


def _hostile(doc: Document) -> Document:
    doc = doc.model_copy(deep=True)
    doc.title = "</style></title><img src=x onerror=alert(1)>"
    doc.notice = Notice(issuer="江西省林业局\" onmouseover=\"alert(1)")
    item = next(doc.items())
    assert item.responsibility is not None
    item.responsibility.lead = [Unit(name=HOSTILE, key=HOSTILE)]
    item.responsibility.deadline = "2027年底前<b>"
    item.title = "{{ 7*7 }}<i>赣州市</i>"
    second = list(doc.items())[1]
    second.responsibility = Responsibility(absent="no-clause")  # an item without a clause
    return doc


def test_every_input_text_is_escaped(seed: Document) -> None:
    text = render_report([_hostile(seed)], failures=[Failure("<b>bad</b>.txt", "<script>x</script>")])
    assert HOSTILE not in text and "<script>x" not in text and "<b>" not in text
    assert "&lt;script&gt;alert(" in text
    assert text.count("<script") == 1  # the page's own script
    assert "<img" not in text and "<i>" not in text and " onmouseover=\"alert" not in text
    assert "{{ 7*7 }}&lt;i&gt;赣州市&lt;/i&gt;" in text  # text, not a template
    page = lxml_html.fromstring(text)
    assert page.xpath("//title")[0].text_content() == "</style></title><img src=x onerror=alert(1)>"
    units = {c.text_content() for c in page.xpath('//li[contains(@class,"item")]//button')}
    assert HOSTILE in units  # the name survives as text
    assert len(page.xpath("//script")) == 1


def test_cli_reports_a_bad_input_and_keeps_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "in" / "empty.txt"
    bad.parent.mkdir()
    bad.write_text("", encoding="utf-8")
    (tmp_path / "in" / "plan.txt").write_bytes(SEED.read_bytes())
    out = tmp_path / "r.html"
    assert main(["report", str(tmp_path / "in"), "-o", str(out)]) == 1
    assert str(bad) in capsys.readouterr().err
    page = lxml_html.fromstring(out.read_text(encoding="utf-8"))
    assert len(page.xpath('//li[contains(@class,"item")]')) == 50
    assert "empty.txt" in page.xpath('//section[contains(@class,"failures")]')[0].text_content()


def test_cli_writes_nothing_when_no_plan_could_be_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    out = tmp_path / "r.html"
    assert main(["report", str(bad), "-o", str(out)]) == 1
    assert "no report written" in capsys.readouterr().err
    assert not out.exists() and list(tmp_path.iterdir()) == [bad]


def test_cli_without_output_writes_the_page_to_stdout(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["report", str(SEED)]) == 0
    page = capsysbinary.readouterr().out.decode("utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")


def test_a_report_inside_its_input_folder_is_not_read_back(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "plan.txt").write_bytes(SEED.read_bytes())
    assert main(["report", str(folder), "-o", str(folder)]) == 0  # a folder: FOLDER/report.html
    first = (folder / "report.html").read_text(encoding="utf-8")
    assert main(["report", str(folder), "-o", str(folder / "report.html")]) == 0
    assert (folder / "report.html").read_text(encoding="utf-8") == first


def test_report_reads_gdplan_json_back(tmp_path: Path) -> None:
    """An input gdplan wrote (its JSON) is read back, not refused as a notice."""
    seed_json = tmp_path / "seed.json"
    assert main(["convert", str(SEED), "-o", str(seed_json)]) == 0
    page = tmp_path / "report.html"
    assert main(["report", str(seed_json), "-o", str(page)]) == 0
    assert "数字广东建设2025年工作要点" in page.read_text(encoding="utf-8")
