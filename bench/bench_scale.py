"""How gdplan scales with the size of one input: time and peak memory at 1 MB and 10 MB.

    python bench/bench_scale.py [--sizes 1,10] [--cases NAME,...] [--json]

Six inputs, each generated at every size (MB of UTF-8):

| case | what it is |
|---|---|
| seed-repeated | the seed, repeated (a plan of many parts) |
| seed-one-line | the seed with its line breaks removed, repeated: one line |
| unmatched-paren | a short plan, then 100k (at 1 MB) unmatched ``（`` each followed by two characters |
| million-markers | ``一、`` lines only (1.4 million at 10 MB): no plan at all |
| one-clause-50k | one item whose responsibility clause names 50k (at 1 MB) units |
| random-cjk | random Han characters with a sentence end and a line break now and then |

For each case and size: wall and CPU time of ``gdplan.parse`` (its own run), and peak
memory (``tracemalloc``, Python allocations, in a second run) divided by the input's size.
Then, per case, the ratio of the largest size's CPU time to the smallest's (CPU, not wall:
on a shared machine the wall clock measures the neighbours; target: 10 MB / 1 MB at most
12, i.e. linear, scaled for other sizes) and the worst
memory / input (target at most 20). An input gdplan refuses (not a plan) still counts: the
time and memory are what it took to say so.

Exit status 0 when every target passes, 1 otherwise. The machine's load shifts the times;
the ratios are the point.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "samples" / "gd-2025-digital-seed.txt"
MB = 1_000_000
TIME_RATIO_TARGET = 12.0  # time at 10 MB / time at 1 MB
MEMORY_TARGET = 20.0  # peak Python memory / input bytes


def _fill(unit: str, size: int, head: str = "") -> str:
    per = len(unit.encode("utf-8"))
    return head + unit * max(1, (size - len(head.encode("utf-8"))) // per)


def seed_repeated(size: int) -> str:
    return _fill(SEED.read_text(encoding="utf-8") + "\n", size)


def seed_one_line(size: int) -> str:
    return _fill(SEED.read_text(encoding="utf-8").replace("\n", ""), size)


PLAN_HEAD = "关于印发2027年工作要点的通知\n一、总体要求\n（一）加强统筹。（市林业局牵头）\n"


def unmatched_paren(size: int) -> str:
    return _fill("（数字", size, PLAN_HEAD + "（二）")


def million_markers(size: int) -> str:
    return _fill("一、\n", size)


def one_clause(size: int) -> str:
    units = []
    total = len(PLAN_HEAD.encode("utf-8"))
    i = 0
    while total < size:
        unit = f"赣州市第{i}工作局"
        units.append(unit)
        total += len(unit.encode("utf-8")) + 3
        i += 1
    return PLAN_HEAD + "（二）强化协同。（" + "、".join(units) + "负责）\n"


def random_cjk(size: int) -> str:
    rng = random.Random(2027)
    chars = []
    n = size // 3
    for i in range(n):
        if i % 97 == 96:
            chars.append("。\n")
        else:
            chars.append(chr(rng.randint(0x4E00, 0x9FA5)))
    return "".join(chars)


CASES: dict[str, Callable[[int], str]] = {
    "seed-repeated": seed_repeated,
    "seed-one-line": seed_one_line,
    "unmatched-paren": unmatched_paren,
    "million-markers": million_markers,
    "one-clause-50k": one_clause,
    "random-cjk": random_cjk,
}


def _parse(text: str) -> str:
    import gdplan

    try:
        doc = gdplan.parse(text)
    except gdplan.GdplanError as exc:
        return type(exc).__name__
    return f"{sum(1 for _ in doc.walk())} nodes"


def measure(text: str) -> tuple[float, float, float, str]:
    """(wall seconds, CPU seconds, peak tracemalloc bytes / input bytes, outcome)."""
    size = len(text.encode("utf-8"))
    gc.collect()
    started, cpu = time.perf_counter(), time.process_time()
    outcome = _parse(text)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    gc.collect()
    tracemalloc.start()
    try:
        _parse(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return seconds, cpu, peak / size, outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,10", help="sizes in MB, comma separated (default 1,10)")
    parser.add_argument("--cases", default=",".join(CASES), help="cases, comma separated (default all)")
    parser.add_argument("--json", action="store_true", help="one JSON object instead of the table")
    args = parser.parse_args(argv)
    sizes = [float(s) for s in args.sizes.split(",")]
    cases = [c for c in args.cases.split(",") if c]
    import gdplan

    gdplan.parse(PLAN_HEAD)  # load the parser, OpenCC and the rest before timing
    rows = []
    verdicts = []
    for case in cases:
        results = []
        for mb in sizes:
            text = CASES[case](int(mb * MB))
            seconds, cpu, memory, outcome = measure(text)
            results.append((mb, cpu, memory))
            rows.append(
                {"case": case, "mb": mb, "seconds": seconds, "cpu_seconds": cpu, "memory_per_input": memory,
                 "outcome": outcome}
            )  # fmt: skip
            if not args.json:
                print(
                    f"{case:16} {mb:5.1f} MB {seconds:8.2f} s wall {cpu:8.2f} s CPU  "
                    f"memory {memory:6.1f} x input  ({outcome})",
                    flush=True,
                )
            del text
        (small_mb, small_s, _), (big_mb, big_s, _) = results[0], results[-1]
        time_ratio = big_s / small_s if small_s > 0 else float("inf")  # CPU: the machine may be shared
        size_ratio = big_mb / small_mb
        worst_memory = max(m for _, _, m in results)
        ok = time_ratio <= TIME_RATIO_TARGET * size_ratio / 10 and worst_memory <= MEMORY_TARGET
        verdicts.append(ok)
        summary = {
            "case": case,
            "time_ratio": time_ratio,
            "size_ratio": size_ratio,
            "memory_per_input": worst_memory,
            "pass": ok,
        }
        rows.append(summary)
        if not args.json:
            print(
                f"{case:16} time {big_mb:g}MB/{small_mb:g}MB = {time_ratio:5.2f} (target <= "
                f"{TIME_RATIO_TARGET * size_ratio / 10:g})  memory/input {worst_memory:5.1f} (target <= "
                f"{MEMORY_TARGET:g})  {'PASS' if ok else 'FAIL'}",
                flush=True,
            )
    if args.json:
        print(json.dumps(rows, indent=2))
    return 0 if all(verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
