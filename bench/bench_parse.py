"""How fast gdplan parses the seed, against a floor measured in the same run.

    python bench/bench_parse.py [--repeat N] [--import-runs N] [--json]

Parse: ``gdplan.parse(Path(seed))`` run in this process; the first call (cold: the parser
modules, OpenCC dictionaries and the like load then) is reported on its own, then the
median of N more calls. Floor: what any parser of this file must at least do, timed the
same way: read the bytes, decode them, and match one marker regex on every line. The
ratio parse/floor is machine-independent enough to carry a target.

Import: median wall time of fresh ``python -c "import gdplan"`` processes next to
``python -c pass``; the difference is what ``import gdplan`` costs a user's program.

Exit status: 0 when every target passes, 1 when one fails, 2 when gdplan.parse does
not work at all (the other numbers are still printed).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import regex

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "samples" / "gd-2025-digital-seed.txt"

RATIO_TARGET = 8.0  # parse time / floor time, at most
IMPORT_OVERHEAD_TARGET_MS = 100.0  # import gdplan minus bare interpreter start, at most

# Markers of the three levels the seed uses: 一、 （一） 1．
MARKER = regex.compile(r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[．.、])")


@dataclass
class Report:
    input: str
    bytes: int
    lines: int
    repeat: int
    python: str
    parse_error: str | None = None
    parse_first_ms: float | None = None
    parse_median_ms: float | None = None
    headings: int | None = None
    items: int | None = None
    floor_median_ms: float = 0.0
    marker_lines: int = 0
    ratio: float | None = None
    ratio_target: float = RATIO_TARGET
    ratio_pass: bool = False
    import_runs: int = 0
    python_pass_ms: float = 0.0
    import_gdplan_ms: float = 0.0
    import_overhead_ms: float = 0.0
    import_target_ms: float = IMPORT_OVERHEAD_TARGET_MS
    import_pass: bool = False


def elapsed_ms(call: Callable[[], object]) -> float:
    start = time.perf_counter_ns()
    call()
    return (time.perf_counter_ns() - start) / 1e6


def median_ms(call: Callable[[], object], repeat: int) -> float:
    return statistics.median(elapsed_ms(call) for _ in range(repeat))


def floor_pass(path: Path) -> int:
    """The least work of a parse: read, decode, one regex match per line."""
    text = path.read_bytes().decode("utf-8")
    match = MARKER.match
    return sum(1 for line in text.splitlines() if match(line))


def measure_parse(report: Report, path: Path) -> None:
    """Fill the parse numbers, or parse_error when gdplan.parse does not work yet."""
    try:
        import gdplan

        start = time.perf_counter_ns()
        doc = gdplan.parse(path)
        report.parse_first_ms = (time.perf_counter_ns() - start) / 1e6
    except Exception as exc:  # any failure here means "the parser is not usable": say which
        report.parse_error = f"{type(exc).__name__}: {exc}"
        return
    report.headings = sum(1 for _ in doc.headings())
    report.items = sum(1 for _ in doc.items())
    report.parse_median_ms = median_ms(lambda: gdplan.parse(path), report.repeat)


def process_ms(code: str) -> float:
    """Wall time of a fresh interpreter running ``code`` (same interpreter as this one).

    PYTHONDONTWRITEBYTECODE is dropped so the warm-up caches bytecode as a user's Python
    does; with it set, every run would recompile gdplan's modules (about +70 ms).
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter_ns()
    subprocess.run([sys.executable, "-c", code], check=True, stdin=subprocess.DEVNULL, env=env)
    return (time.perf_counter_ns() - start) / 1e6


def measure_import(report: Report, runs: int) -> None:
    process_ms("import gdplan")  # warm-up: writes .pyc files, fills the OS file cache
    bare: list[float] = []
    loaded: list[float] = []
    for _ in range(runs):  # interleaved, so drift in machine load hits both alike
        bare.append(process_ms("pass"))
        loaded.append(process_ms("import gdplan"))
    report.import_runs = runs
    report.python_pass_ms = statistics.median(bare)
    report.import_gdplan_ms = statistics.median(loaded)
    report.import_overhead_ms = report.import_gdplan_ms - report.python_pass_ms
    report.import_pass = report.import_overhead_ms <= IMPORT_OVERHEAD_TARGET_MS


def run(path: Path, repeat: int, import_runs: int) -> Report:
    data = path.read_bytes()
    report = Report(
        input=str(path.relative_to(REPO)) if path.is_relative_to(REPO) else str(path),
        bytes=len(data),
        lines=len(data.decode("utf-8").splitlines()),
        repeat=repeat,
        python=f"{platform.python_implementation()} {platform.python_version()}",
    )
    measure_parse(report, path)  # first: the cold parse must not follow any warm-up
    report.marker_lines = floor_pass(path)
    report.floor_median_ms = median_ms(lambda: floor_pass(path), repeat)
    if report.parse_median_ms is not None:
        report.ratio = report.parse_median_ms / report.floor_median_ms
        report.ratio_pass = report.ratio <= RATIO_TARGET
    measure_import(report, import_runs)
    return report


def verdict(passed: bool) -> str:
    return "PASS" if passed else "FAIL"


def render(r: Report) -> str:
    rows = [f"gdplan parse bench: {r.input} ({r.bytes:,} bytes, {r.lines} lines), {r.python}", ""]
    if r.parse_error is not None:
        rows.append(f"parse                      FAILED: gdplan.parse does not work yet: {r.parse_error}")
    else:
        rows += [
            f"parse, first call (cold)   {r.parse_first_ms:9.3f} ms",
            f"parse, median of {r.repeat:<4}      {r.parse_median_ms:9.3f} ms"
            f"   ({r.headings} headings, {r.items} items)",
        ]
    rows.append(
        f"floor, median of {r.repeat:<4}      {r.floor_median_ms:9.3f} ms"
        f"   (read + decode + marker regex on every line; {r.marker_lines} marker lines)"
    )
    ratio = "      n/a" if r.ratio is None else f"{r.ratio:9.1f}"
    rows += [
        f"ratio parse/floor          {ratio}      target <= {r.ratio_target:g}        "
        + verdict(r.ratio_pass),
        "",
        f"python -c pass             {r.python_pass_ms:9.1f} ms   (median of {r.import_runs} processes)",
        f'python -c "import gdplan"  {r.import_gdplan_ms:9.1f} ms   (median of {r.import_runs} processes)',
        f"import overhead            {r.import_overhead_ms:9.1f} ms   target <= {r.import_target_ms:g} ms  "
        + verdict(r.import_pass),
    ]
    return "\n".join(rows)


def exit_status(r: Report) -> int:
    if r.parse_error is not None:
        return 2
    return 0 if r.ratio_pass and r.import_pass else 1


def positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=positive_int, default=30, help="warm parses and floor passes (30)")
    parser.add_argument(
        "--import-runs", type=positive_int, default=9, help="fresh processes per import timing (9)"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    args = parser.parse_args(argv)
    if not SEED.is_file():
        print(f"bench_parse: the seed is missing: {SEED}", file=sys.stderr)
        return 2
    report = run(SEED, args.repeat, args.import_runs)
    if args.json:
        payload: dict[str, Any] = asdict(report)
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(render(report))
    if report.parse_error is not None:
        print(f"bench_parse: gdplan.parse does not work yet ({report.parse_error})", file=sys.stderr)
    return exit_status(report)


if __name__ == "__main__":
    raise SystemExit(main())
