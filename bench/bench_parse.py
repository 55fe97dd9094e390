"""How fast gdplan parses and renders the seed, against yardsticks measured in the same run.

    python bench/bench_parse.py [--repeat N] [--process-runs N] [--json]

Parse: ``gdplan.parse(Path(seed))`` in this process (CPU time of the process, so time spent
descheduled by other load does not count). The first call (cold: the parser
modules, OpenCC dictionaries and the like load then) is reported on its own. Then N rounds,
each timing, one after the other, the **floor** (read the bytes, decode them, match one
marker regex on every line: what any parser must at least do), the **naive** line splitter
of bench/naive.py (four marker regexes, the last bracket as the clause: what users write
instead of gdplan) and **gdplan**; interleaving lets a change in machine load hit all three
alike. The medians are reported, and the headline ratio gdplan / naive.

Render: each exporter (json, jsonl, xml, md) on the parsed seed, N rounds interleaved,
medians (the first call of each is made before, so module loading is not counted).

Processes: N rounds of fresh processes, interleaved: ``python -c pass``, ``python -c
"import gdplan"`` and ``gdplan convert seed --to json`` (the console script next to this
interpreter, output to /dev/null); median wall time of each, after one warm-up run of
each that writes the ``.pyc`` files. PYTHONDONTWRITEBYTECODE is dropped for them: a user's
Python caches bytecode.

Exit status: 0 when every target passes, 1 when one fails, 2 when gdplan.parse does
not work at all (the other numbers are still printed).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
import naive

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "samples" / "gd-2025-digital-seed.txt"

NAIVE_RATIO_TARGET = 2.5  # gdplan parse / naive parse, at most
RENDER_TARGET_MS = {"xml": 1.0, "md": 1.0}  # per exporter, at most
IMPORT_OVERHEAD_TARGET_MS = 100.0  # import gdplan minus bare interpreter start, at most
CONVERT_TARGET_MS = 150.0  # gdplan convert seed --to json, a fresh process, at most
FORMATS = ("json", "jsonl", "xml", "md")

# The least a process that returns a pydantic model does: import pydantic, build one model
# class, validate and dump one instance. Any `gdplan convert` with the model on its path pays it.
PYDANTIC_MODEL = (
    "from pydantic import BaseModel\n"
    "class Node(BaseModel):\n    label: str\n    line: int\n"
    "Node(label='1.', line=1).model_dump_json()"
)

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
    parse_cleared_ms: float | None = None
    validate_median_ms: float | None = None
    bound_ratio_naive: float | None = None
    headings: int | None = None
    items: int | None = None
    floor_median_ms: float = 0.0
    marker_lines: int = 0
    naive_median_ms: float = 0.0
    naive_nodes: int = 0
    ratio_floor: float | None = None
    ratio_naive: float | None = None
    ratio_naive_target: float = NAIVE_RATIO_TARGET
    ratio_naive_pass: bool = False
    render_ms: dict[str, float] = field(default_factory=dict)
    render_cleared_ms: dict[str, float] = field(default_factory=dict)
    render_target_ms: dict[str, float] = field(default_factory=lambda: dict(RENDER_TARGET_MS))
    render_pass: bool = False
    process_runs: int = 0
    python_pass_ms: float = 0.0
    import_gdplan_ms: float = 0.0
    import_overhead_ms: float = 0.0
    import_target_ms: float = IMPORT_OVERHEAD_TARGET_MS
    import_pass: bool = False
    pydantic_model_ms: float = 0.0
    convert_ms: float | None = None
    convert_cpu_ms: float | None = None
    convert_target_ms: float = CONVERT_TARGET_MS
    convert_pass: bool = False


def elapsed_ms(call: Callable[[], object]) -> float:
    """CPU time of this process spent in ``call``: time spent descheduled by other load on a
    shared machine does not count (wall time would charge it to whatever ran then)."""
    start = time.process_time_ns()
    call()
    return (time.process_time_ns() - start) / 1e6


def interleaved(
    calls: dict[str, Callable[[], object]],
    rounds: int,
    untimed_after: Mapping[str, Callable[[], object]] | None = None,
) -> dict[str, float]:
    """Median ms of each call, the calls taking turns in every round; ``untimed_after[name]``
    runs right after ``name``, outside the timing (to refill what a cleared-cache call emptied,
    so the warm calls of the next round find the caches as a warm parse would)."""
    after = untimed_after or {}
    times: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(rounds):
        for name, call in calls.items():
            times[name].append(elapsed_ms(call))
            if name in after:
                after[name]()
    return {name: statistics.median(values) for name, values in times.items()}


def text_caches() -> list[Any]:
    """Every bounded ``functools.lru_cache`` in gdplan's loaded modules: the caches keyed by
    text (a clause, a unit name, a unit line). Unbounded ones (``functools.cache``) hold loaded
    data (word lists, the registry) and stay: clearing them would time loading, not parsing."""
    found: dict[int, Any] = {}
    for name, module in list(sys.modules.items()):
        if not (name == "gdplan" or name.startswith("gdplan.")) or module is None:
            continue
        for value in vars(module).values():
            info = getattr(value, "cache_info", None)
            parameters = getattr(value, "cache_parameters", None)
            if callable(info) and callable(parameters) and parameters().get("maxsize") is not None:
                found[id(value)] = value
    return list(found.values())


def clearing(call: Callable[[], object], caches: list[Any]) -> Callable[[], object]:
    """``call`` preceded by emptying ``caches``: a document whose every clause and unit line is new."""

    def cleared() -> object:
        for cache in caches:
            cache.cache_clear()
        return call()

    return cleared


def floor_pass(path: Path) -> int:
    """The least work of a parse: read, decode, one regex match per line."""
    text = path.read_bytes().decode("utf-8")
    match = MARKER.match
    return sum(1 for line in text.splitlines() if match(line))


def measure_parse(report: Report, path: Path) -> None:
    """Fill the parse and render numbers, or parse_error when gdplan.parse does not work yet."""
    report.marker_lines = floor_pass(path)
    report.naive_nodes = naive.count(naive.parse(path))
    calls: dict[str, Callable[[], object]] = {
        "floor": lambda: floor_pass(path),
        "naive": lambda: naive.parse(path),
    }
    try:
        import gdplan

        start = time.process_time_ns()
        doc = gdplan.parse(path)
        report.parse_first_ms = (time.process_time_ns() - start) / 1e6
        renderers: dict[str, Callable[[Any], str]] = {
            "json": gdplan.to_json,
            "jsonl": gdplan.to_jsonl,
            "xml": gdplan.to_xml,
            "md": gdplan.to_markdown,
        }
        for render in renderers.values():
            render(doc)  # loads the exporter's modules (lxml …) outside the timing
        from gdplan.model import Document

        dump = doc.model_dump()
        caches = text_caches()
        calls["gdplan"] = lambda: gdplan.parse(path)
        calls["gdplan cleared"] = clearing(lambda: gdplan.parse(path), caches)
        calls["validate"] = lambda: Document.model_validate(dump)
    except Exception as exc:  # any failure here means "the parser is not usable": say which
        report.parse_error = f"{type(exc).__name__}: {exc}"
        medians = interleaved(calls, report.repeat)
        report.floor_median_ms, report.naive_median_ms = medians["floor"], medians["naive"]
        return
    report.headings = sum(1 for _ in doc.headings())
    report.items = sum(1 for _ in doc.items())
    for fmt in FORMATS:
        calls[fmt] = functools.partial(renderers[fmt], doc)
        calls[fmt + " cleared"] = clearing(functools.partial(renderers[fmt], doc), caches)

    def warm_again() -> None:
        gdplan.parse(path)
        for render in renderers.values():
            render(doc)

    refill = {name: warm_again for name in calls if name.endswith(" cleared")}
    medians = interleaved(calls, report.repeat, refill)
    report.floor_median_ms, report.naive_median_ms = medians["floor"], medians["naive"]
    report.parse_median_ms = medians["gdplan"]
    report.parse_cleared_ms = medians["gdplan cleared"]
    report.validate_median_ms = medians["validate"]
    report.bound_ratio_naive = (medians["floor"] + medians["validate"]) / medians["naive"]
    report.ratio_floor = report.parse_median_ms / report.floor_median_ms
    report.ratio_naive = report.parse_median_ms / report.naive_median_ms
    report.ratio_naive_pass = report.ratio_naive <= NAIVE_RATIO_TARGET
    report.render_ms = {fmt: medians[fmt] for fmt in FORMATS}
    report.render_cleared_ms = {fmt: medians[fmt + " cleared"] for fmt in FORMATS}
    report.render_pass = all(report.render_ms[fmt] <= limit for fmt, limit in RENDER_TARGET_MS.items())


def process_ms(command: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of a fresh process running ``command``, its
    output discarded. CPU time is what other load on the machine distorts least."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter_ns()
    subprocess.run(command, check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, env=env)
    wall = (time.perf_counter_ns() - start) / 1e6
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1e3
    return wall, cpu


def gdplan_command() -> list[str]:
    """The ``gdplan`` console script installed with this interpreter, else ``python -m gdplan``."""
    script = Path(sys.executable).parent / "gdplan"
    if script.is_file():
        return [str(script)]
    found = shutil.which("gdplan")
    return [found] if found else [sys.executable, "-m", "gdplan"]


def measure_processes(report: Report, path: Path, runs: int) -> None:
    commands = {
        "pass": [sys.executable, "-c", "pass"],
        "import": [sys.executable, "-c", "import gdplan"],
        "pydantic": [sys.executable, "-c", PYDANTIC_MODEL],
    }
    if report.parse_error is None:
        commands["convert"] = [*gdplan_command(), "convert", str(path), "--to", "json"]
    for command in commands.values():
        process_ms(command)  # warm-up: writes .pyc files, fills the OS file cache
    times: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):  # interleaved, so drift in machine load hits all alike
        for name, command in commands.items():
            wall, used = process_ms(command)
            times[name].append(wall)
            cpu[name].append(used)
    medians = {name: statistics.median(values) for name, values in times.items()}
    report.process_runs = runs
    report.python_pass_ms = medians["pass"]
    report.import_gdplan_ms = medians["import"]
    report.import_overhead_ms = report.import_gdplan_ms - report.python_pass_ms
    report.import_pass = report.import_overhead_ms <= IMPORT_OVERHEAD_TARGET_MS
    report.pydantic_model_ms = medians["pydantic"]
    if "convert" in medians:
        report.convert_ms = medians["convert"]
        report.convert_cpu_ms = statistics.median(cpu["convert"])
        report.convert_pass = report.convert_ms <= CONVERT_TARGET_MS


def run(path: Path, repeat: int, process_runs: int) -> Report:
    data = path.read_bytes()
    report = Report(
        input=str(path.relative_to(REPO)) if path.is_relative_to(REPO) else str(path),
        bytes=len(data),
        lines=len(data.decode("utf-8").splitlines()),
        repeat=repeat,
        python=f"{platform.python_implementation()} {platform.python_version()}",
    )
    measure_parse(report, path)  # the cold parse comes first: it must not follow a warm-up
    measure_processes(report, path, process_runs)
    return report


def verdict(passed: bool) -> str:
    return "PASS" if passed else "FAIL"


def render(r: Report) -> str:
    rows = [f"gdplan parse bench: {r.input} ({r.bytes:,} bytes, {r.lines} lines), {r.python}", ""]
    rows.append(
        f"floor,  median of {r.repeat:<4}     {r.floor_median_ms:9.3f} ms"
        f"   (read + decode + marker regex on every line; {r.marker_lines} marker lines)"
    )
    rows.append(
        f"naive,  median of {r.repeat:<4}     {r.naive_median_ms:9.3f} ms"
        f"   (bench/naive.py: 4 marker regexes, last bracket as clause; {r.naive_nodes} nodes)"
    )
    if r.parse_error is not None:
        rows.append(f"gdplan                     FAILED: gdplan.parse does not work yet: {r.parse_error}")
    else:
        rows += [
            f"gdplan, median of {r.repeat:<4}     {r.parse_median_ms:9.3f} ms"
            f"   ({r.headings} headings, {r.items} items)",
            f"gdplan, caches cleared     {r.parse_cleared_ms:9.3f} ms"
            "   (every bounded lru_cache emptied first: no clause or name seen before)",
            f"gdplan, first call (cold)  {r.parse_first_ms:9.3f} ms   (parser modules, dictionaries load)",
            f"validate the Document      {r.validate_median_ms:9.3f} ms"
            "   (Document.model_validate of the parsed seed's dump: the model every parse returns)",
            "",
            f"ratio gdplan/naive         {r.ratio_naive:9.2f}      target <= {r.ratio_naive_target:g}"
            f"        {verdict(r.ratio_naive_pass)}",
            f"ratio (floor+validate)/naive {r.bound_ratio_naive:7.2f}"
            "      (the least any parse returning the validated model can reach)",
            f"ratio gdplan/floor         {r.ratio_floor:9.1f}",
            "",
        ]
        for fmt in FORMATS:
            limit = r.render_target_ms.get(fmt)
            target = f"      target <= {limit:g} ms" if limit is not None else ""
            passed = f"     {verdict(r.render_ms[fmt] <= limit)}" if limit is not None else ""
            rows.append(
                f"render {fmt:<6}, median      {r.render_ms[fmt]:9.3f} ms{target}{passed}"
                f"   (caches cleared: {r.render_cleared_ms[fmt]:.3f} ms)"
            )
    rows += [
        "",
        f"python -c pass             {r.python_pass_ms:9.1f} ms   (median of {r.process_runs} processes)",
        f'python -c "import gdplan"  {r.import_gdplan_ms:9.1f} ms   (median of {r.process_runs} processes)',
        f"import overhead            {r.import_overhead_ms:9.1f} ms   target <= {r.import_target_ms:g} ms  "
        + verdict(r.import_pass),
        f"python, one pydantic model {r.pydantic_model_ms:9.1f} ms"
        "   (import pydantic, one model class, validate + dump: the floor of a convert on this machine)",
    ]
    if r.convert_ms is not None:
        rows.append(
            f"gdplan convert --to json   {r.convert_ms:9.1f} ms   target <= {r.convert_target_ms:g} ms  "
            + verdict(r.convert_pass)
            + f"   (fresh process, median of {r.process_runs}; CPU {r.convert_cpu_ms:.1f} ms)"
        )
    return "\n".join(rows)


def exit_status(r: Report) -> int:
    if r.parse_error is not None:
        return 2
    passed = r.ratio_naive_pass and r.render_pass and r.import_pass and r.convert_pass
    return 0 if passed else 1


def positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=positive_int, default=30, help="rounds of in-process timings (30)")
    parser.add_argument("--process-runs", type=positive_int, default=9, help="rounds of fresh processes (9)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    args = parser.parse_args(argv)
    if not SEED.is_file():
        print(f"bench_parse: the seed is missing: {SEED}", file=sys.stderr)
        return 2
    report = run(SEED, args.repeat, args.process_runs)
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
