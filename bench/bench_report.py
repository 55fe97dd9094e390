"""Benchmark of the HTML report: a 100-document report, rendered and opened in headless Chromium.

    python bench/bench_report.py                 # 100 documents, 3 page loads
    python bench/bench_report.py --docs 200 --loads 5 --json

Builds N documents from the seed sample (each with another year and numbered title, so
no two are alike: 50 items and about 50 units each, the size of a real 工作要点), renders
one report of all of them with ``gdplan.report.render_report`` and opens it in the
system's headless Chromium (selenium; the same launcher as the tests, never a downloaded
browser). It prints:

- render: seconds to build the page in Python, and its size;
- open: wall time of ``driver.get(file://…)`` until the load event, median of the loads,
  and the browser's own navigation timing (``domContentLoaded`` and ``loadEventEnd``);
- filter: milliseconds for the page to apply a unit filter over every item (script time
  plus the layout it forces), median of the loads.

Target (issue 11): the 100-document report opens in under 3 s. Exit status: 0 target met,
1 missed, 2 no browser could be had (the reason is printed).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "samples" / "gd-2025-digital-seed.txt"
TARGET_SECONDS = 3.0
sys.path.insert(0, str(REPO))


def documents(n: int) -> list[object]:
    import gdplan

    text = SEED.read_text(encoding="utf-8")
    docs = []
    for i in range(n):
        year = 2000 + i % 50
        variant = text.replace("2025", str(year)).replace("工作要点", f"工作要点（第{i + 1}号）", 1)
        docs.append(gdplan.parse(variant, name=f"bench-{i + 1}.txt"))
    return docs


FILTER_JS = """
const box = document.getElementById('filter');
const t0 = performance.now();
box.value = arguments[0];
box.dispatchEvent(new Event('input'));
return new Promise(resolve => setTimeout(() => {
  document.body.getBoundingClientRect();  // the layout the filter causes
  resolve(performance.now() - t0);
}, 150)).then(ms => ms - 150);
"""

NAV_JS = """
const n = performance.getEntriesByType('navigation')[0];
return [n.domContentLoadedEventEnd, n.loadEventEnd, document.querySelectorAll('li.item').length];
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--loads", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from tests.browser import NoBrowser, chromium

    from gdplan.report import render_report

    docs = documents(args.docs)
    started = time.perf_counter()
    page = render_report(docs)  # type: ignore[arg-type]
    render_s = time.perf_counter() - started
    with tempfile.TemporaryDirectory(prefix="gdplan-bench-report-") as tmp:
        path = Path(tmp) / "report.html"
        path.write_text(page, encoding="utf-8")
        opens: list[float] = []
        dcl: list[float] = []
        load: list[float] = []
        filters: list[float] = []
        items = 0
        try:
            with chromium(1400, 1000) as (driver, _group):
                for _ in range(args.loads):
                    driver.get("about:blank")
                    t0 = time.perf_counter()
                    driver.get(path.as_uri())
                    opens.append(time.perf_counter() - t0)
                    nav = driver.execute_script(NAV_JS)
                    dcl.append(nav[0] / 1000)
                    load.append(nav[1] / 1000)
                    items = int(nav[2])
                    filters.append(float(driver.execute_script(FILTER_JS, "省科技厅")))
        except NoBrowser as exc:
            print(f"bench_report: no browser: {exc}", file=sys.stderr)
            return 2
    result = {
        "documents": args.docs,
        "items": items,
        "html_bytes": len(page.encode("utf-8")),
        "render_s": round(render_s, 3),
        "open_s_median": round(statistics.median(opens), 3),
        "dom_content_loaded_s": round(statistics.median(dcl), 3),
        "load_event_s": round(statistics.median(load), 3),
        "filter_ms_median": round(statistics.median(filters), 1),
        "target_s": TARGET_SECONDS,
    }
    ok = result["open_s_median"] < TARGET_SECONDS
    if args.json:
        print(json.dumps({**result, "pass": ok}))
    else:
        print(f"report of {args.docs} documents, {items} items: {result['html_bytes'] / 1e6:.1f} MB HTML")
        print(f"  render (Python)            {render_s:7.3f} s")
        print(f"  open in Chromium (median)  {result['open_s_median']:7.3f} s   target < {TARGET_SECONDS} s: "
              + ("PASS" if ok else "FAIL"))
        print(f"    DOMContentLoaded         {result['dom_content_loaded_s']:7.3f} s")
        print(f"    load event               {result['load_event_s']:7.3f} s")
        print(f"  filter by a unit (median)  {result['filter_ms_median']:7.1f} ms")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
