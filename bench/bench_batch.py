"""Benchmark of batch conversion: documents per second with -j 1 and -j 2, speed-up, peak memory.

    python bench/bench_batch.py                    # N = 500 and 2000, -j 1 and 2, --to json and --to all
    python bench/bench_batch.py --sizes 300 --jobs 1 --to all

Builds a corpus of N documents from the seed sample (each with another year, a numbered
title and altered item sentences, so no two documents are alike and no cache can answer),
then runs ``gdplan convert CORPUS -o OUT --to FORMAT -j J -q`` in a fresh process for each
N and J and measures:

- docs/s: N / wall time of the whole command (start-up included);
- marginal docs/s: (2000 - 500) / (t2000 - t500), the rate once the command is running;
- peak RSS: the largest resident set of any process of the run (parent or worker), from
  ``getrusage(RUSAGE_CHILDREN).ru_maxrss`` in a wrapper process that runs only that command,
  and the gdplan parent's own peak (``VmHWM``, Linux), which would grow if it accumulated;
- docs per CPU-second: N / (user + system time of all its processes), the per-core rate,
  which other load on the machine does not distort.

Each ``--to`` given (default: ``json`` and ``all``) is a series of its own.

Targets: speed-up >= 1.8 on two cores and peak RSS at N=2000 within 10% of N=500 (issue 4);
per core (docs per CPU-second at -j 1, the largest N) >= 250 for ``--to json`` and >= 150
for all four formats (issue 12). The per-core verdicts are printed at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "samples" / "gd-2025-digital-seed.txt"

# Runs one command and reports its wall time, CPU time and peak memory: the largest resident
# set of any of its processes (ru_maxrss), and the parent's own peak (VmHWM, Linux only),
# which is what grows if the parent accumulates results.
_WRAPPER = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
parent_kib = None
while child.poll() is None:
    try:
        with open(f"/proc/{child.pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    parent_kib = max(parent_kib or 0, int(line.split()[1]))
    except OSError:
        pass
    time.sleep(0.05)
seconds = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = usage.ru_utime + usage.ru_stime
print(json.dumps({"status": child.returncode, "seconds": seconds, "cpu": cpu,
                  "peak_kib": usage.ru_maxrss, "parent_kib": parent_kib}))
"""


@dataclass(frozen=True)
class Run:
    n: int
    jobs: int
    seconds: float
    cpu_seconds: float  # user + system time of every process of the run
    peak_mib: float  # the largest process of the run
    parent_mib: float | None  # the gdplan parent process alone

    @property
    def rate(self) -> float:
        return self.n / self.seconds

    @property
    def rate_per_cpu(self) -> float:
        """Documents per CPU-second: what one core does, unaffected by other load on the machine."""
        return self.n / self.cpu_seconds


def variant(text: str, i: int) -> str:
    """Document i: another year, a numbered title, and every task sentence touched."""
    year = 1990 + i % 60
    out = text.replace("2025", str(year)).replace("工作要点", f"工作要点（第{i}号）", 2)
    return out.replace("。（", f"，第{i}批。（")


def build_corpus(folder: Path, n: int) -> None:
    text = SEED.read_text(encoding="utf-8")
    for i in range(n):
        path = folder / f"batch{i // 250:03d}" / f"plan-{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(variant(text, i), encoding="utf-8")


def run_convert(corpus: Path, out: Path, n: int, jobs: int, to: str) -> Run:
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "gdplan", "convert", str(corpus), "-o", str(out), "--to", to]
    command += ["-j", str(jobs), "-q"]
    done = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *command], capture_output=True, text=True, check=True
    )
    report = json.loads(done.stdout)
    if report["status"] != 0:
        raise SystemExit(f"gdplan convert exited {report['status']} on the corpus of {n}: {done.stderr}")
    parent = report["parent_kib"] / 1024 if report["parent_kib"] else None
    return Run(n, jobs, report["seconds"], report["cpu"], report["peak_kib"] / 1024, parent)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="500,2000", help="corpus sizes (default: 500,2000)")
    parser.add_argument("--jobs", default="1,2", help="worker counts (default: 1,2)")
    parser.add_argument(
        "--to", action="append", help="output formats, one series each; repeatable (default: json and all)"
    )
    args = parser.parse_args(argv)
    specs: list[str] = args.to or ["json", "all"]
    load = os.getloadavg()[0]
    if load > 0.5:
        print(
            f"note: load average {load:.1f} before the run: other work competes for the cores, "
            "so wall-clock rates and speed-ups understate; docs per CPU-second do not.",
            flush=True,
        )
    sizes = [int(s) for s in args.sizes.split(",")]
    jobs = [int(j) for j in args.jobs.split(",")]
    per_core: dict[str, Run] = {}
    for spec in specs:
        print(
            f"gdplan batch benchmark: seed-sized documents ({SEED.stat().st_size} bytes), --to {spec}, "
            f"{os.cpu_count()} cores",
            flush=True,
        )
        runs: list[Run] = []
        with tempfile.TemporaryDirectory(prefix="gdplan-bench-") as tmp:
            for n in sizes:
                corpus = Path(tmp) / f"corpus-{n}"
                build_corpus(corpus, n)
                for j in jobs:
                    run = run_convert(corpus, Path(tmp) / "out", n, j, spec)
                    runs.append(run)
                    print(f"  {describe(run)}", flush=True)
                shutil.rmtree(corpus)
        print_table(runs, sizes, jobs)
        per_core[spec] = max((r for r in runs if r.jobs == jobs[0]), key=lambda r: r.n)
        print()
    return print_per_core(per_core)


PER_CORE_TARGETS = {"json": 250.0, "all": 150.0, "json,jsonl,xml,md": 150.0}


def print_per_core(per_core: dict[str, Run]) -> int:
    """Docs per CPU-second of each series against its target; 1 when one fails."""
    status = 0
    for spec, run in per_core.items():
        target = PER_CORE_TARGETS.get(spec)
        verdict = ""
        if target is not None:
            verdict = f"   target >= {target:g}   {'PASS' if run.rate_per_cpu >= target else 'FAIL'}"
            status |= run.rate_per_cpu < target
        print(f"--to {spec:<18} {run.rate_per_cpu:7.1f} docs per CPU-s (N={run.n}, -j {run.jobs}){verdict}")
    return status


def _mib(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}"


def describe(run: Run) -> str:
    return (
        f"N={run.n:>5} -j {run.jobs}: {run.seconds:7.2f} s  {run.rate:7.1f} docs/s  "
        f"{run.rate_per_cpu:6.1f} docs per CPU-s  peak RSS {run.peak_mib:6.1f} MiB "
        f"(parent {_mib(run.parent_mib)} MiB)"
    )


def marginal_rate(small: Run, large: Run) -> float:
    """Documents per second once running: start-up (imports, dictionaries) cancels out."""
    return (
        (large.n - small.n) / (large.seconds - small.seconds)
        if large.seconds > small.seconds
        else float("inf")
    )


def growth(small: float | None, large: float | None) -> str:
    return "n/a" if not small or large is None else f"{(large / small - 1) * 100:+.1f}%"


def print_table(runs: list[Run], sizes: list[int], jobs: list[int]) -> None:
    by = {(r.n, r.jobs): r for r in runs}
    print()
    print("| N | -j | s | docs/s | docs per CPU-s | speed-up vs -j 1 | peak RSS MiB | parent peak MiB |")
    print("|---|---|---|---|---|---|---|---|")
    for n in sizes:
        base = by[(n, jobs[0])]
        for j in jobs:
            run = by[(n, j)]
            print(
                f"| {n} | {j} | {run.seconds:.2f} | {run.rate:.1f} | {run.rate_per_cpu:.1f} | "
                f"{run.rate / base.rate:.2f} | {run.peak_mib:.1f} | {_mib(run.parent_mib)} |"
            )
    if len(sizes) < 2:
        return
    small, large = sizes[0], sizes[-1]
    print()
    marginal = {j: marginal_rate(by[(small, j)], by[(large, j)]) for j in jobs}
    for j in jobs:
        a, b = by[(small, j)], by[(large, j)]
        print(
            f"-j {j}: marginal {marginal[j]:.1f} docs/s ({marginal[j] / j:.1f} per worker); "
            f"N={large} vs N={small}: peak RSS {growth(a.peak_mib, b.peak_mib)}, "
            f"parent peak {growth(a.parent_mib, b.parent_mib)}"
        )
    if len(jobs) > 1:
        print(f"marginal speed-up -j {jobs[-1]} / -j {jobs[0]}: {marginal[jobs[-1]] / marginal[jobs[0]]:.2f}")


if __name__ == "__main__":
    raise SystemExit(main())
