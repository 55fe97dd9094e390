"""The report as a person sees it: headless system Chromium, driven by selenium.

Skips (saying why) only when no browser can be had here; .ci/run installs Debian's
chromium and chromium-driver, so CI runs it. The screenshot goes to out/report-seed.png.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import gdplan
from gdplan.cli import main

from .browser import NoBrowser, browser_paths, chromium, group_alive
from .conftest import ROOT, SEED
from .test_report import ROLES, expected_counts, jsonl_items

UNIT = "省科技厅"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "seed.html"
    assert main(["report", str(SEED), "-o", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[tuple[Any, int]]:
    try:
        browser_paths()
        with chromium(1400, 1000) as session:
            yield session
    except NoBrowser as exc:
        pytest.skip(f"no headless browser: {exc}")


def visible_items(driver: Any) -> list[str]:
    return list(
        driver.execute_script(
            "return Array.from(document.querySelectorAll('li.item'))"
            ".filter(li => li.checkVisibility()).map(li => li.id);"
        )
    )


def shown_matrix(driver: Any) -> dict[str, dict[str, int]]:
    """The matrix as rendered: each visible row's name, its count cells, and its marks counted."""
    rows = driver.execute_script(
        """
        return Array.from(document.querySelectorAll('table.matrix tbody tr'))
          .filter(tr => tr.checkVisibility())
          .map(tr => [tr.querySelector('th').innerText,
                      Array.from(tr.querySelectorAll('td.n')).map(td => [td.classList[1], td.innerText]),
                      Array.from(tr.querySelectorAll('td:not(.n)')).map(td => td.innerText)]);
        """
    )
    out = {}
    for name, cells, marks in rows:
        out[name] = {key: int(text or 0) for key, text in cells}
        assert sum(1 for m in marks if m.strip()) == out[name]["total"], name
        assert marks.count("●") == out[name]["lead"], name
    return out


def test_matrix_shows_the_counts_of_the_jsonl_rows(browser: tuple[Any, int], report: Path) -> None:
    driver, _group = browser
    driver.get(report.as_uri())
    expected = expected_counts(jsonl_items(gdplan.parse(SEED)))
    assert shown_matrix(driver) == expected
    # Sorting by 牵头 puts the units that lead most first.
    driver.find_element("css selector", 'table.matrix th[data-sort="lead"]').click()
    names = list(shown_matrix(driver))
    leads = [expected[n]["lead"] for n in names]
    assert leads == sorted(leads, reverse=True) and leads[0] > 0


def test_filter_leaves_exactly_the_units_items(browser: tuple[Any, int], report: Path) -> None:
    driver, _group = browser
    driver.get(report.as_uri())
    rows = jsonl_items(gdplan.parse(SEED))
    assert len(visible_items(driver)) == len(rows)
    box = driver.find_element("id", "filter")
    box.send_keys(UNIT)
    mine = {
        "d1-" + "-".join(map(str, r["path"]))
        for r in rows
        if any(UNIT in name for role in ROLES for name in r[role])
    }
    deadline = time.monotonic() + 5
    while set(visible_items(driver)) != mine and time.monotonic() < deadline:
        time.sleep(0.05)
    assert mine and set(visible_items(driver)) == mine
    assert list(shown_matrix(driver)) == [UNIT]
    columns = driver.execute_script(
        "return Array.from(document.querySelectorAll('table.matrix th.col-item'))"
        ".filter(th => th.getBoundingClientRect().width > 0).map(th => th.innerText);"
    )
    assert len(columns) == len(mine)  # only the remaining items' columns
    assert driver.find_element("id", "filter-count").text == f"匹配 {len(mine)} / {len(rows)} 项任务"
    out = ROOT / "out"
    out.mkdir(exist_ok=True)
    height = int(driver.execute_script("return document.documentElement.scrollHeight"))
    driver.set_window_size(1400, min(height, 2400))
    assert driver.save_screenshot(str(out / "report-seed.png"))
    assert (out / "report-seed.png").stat().st_size > 10_000
    box.clear()


def test_the_browser_is_gone_afterwards() -> None:
    try:
        browser_paths()
    except NoBrowser as exc:
        pytest.skip(f"no headless browser: {exc}")
    with chromium() as (driver, group):
        driver.get("about:blank")
        assert group_alive(group)  # chromedriver and Chromium run in the group
    assert group_alive(group) == []


def test_several_documents_link_and_build_their_matrix_when_opened(
    browser: tuple[Any, int], tmp_path: Path
) -> None:
    from .conftest import SAMPLES

    out = tmp_path / "all.html"
    assert main(["report", str(SAMPLES), "-o", str(out)]) == 0
    driver, _group = browser
    driver.get(out.as_uri())
    assert visible_items(driver) == []  # every document starts folded
    docs = [gdplan.parse(p) for p in sorted(SAMPLES.glob("*.txt"))]
    driver.find_element("css selector", '#documents a[href="#d2"]').click()
    second = jsonl_items(docs[1])
    assert {i.split("-")[0] for i in visible_items(driver)} == {"d2"}
    assert len(visible_items(driver)) == len(second)
    fold = driver.find_element("css selector", "#d2 details.fold")
    driver.execute_script("arguments[0].open = true; arguments[0].scrollIntoView();", fold)
    time.sleep(0.2)
    assert shown_matrix(driver) == expected_counts(second)
