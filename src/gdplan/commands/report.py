"""``gdplan report INPUT... [-o report.html]``: one offline HTML page for one or many plans.

Files and folders as for ``convert`` (folders are walked for *.txt *.html *.htm *.docx
*.pdf, or --glob). An input that cannot be read is named on standard error and in the
page; the others are still reported, and the exit status is 1. The page is written
atomically (a reader never sees half of it), or to standard output without -o.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from gdplan.commands.options import add_parse_options, add_reader_option, load

STDIO = "-"


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = commands.add_parser(
        "report",
        help="one offline HTML page: plan tree, responsibility matrix, unit chart, unit filter",
        description=(
            "Write one self-contained HTML report (no network needed) for one or many plan notices: "
            "the plan as a collapsible tree, a units x items responsibility matrix, a bar chart of "
            "items led and shared per unit, and a filter by unit. Without -o, to standard output."
        ),
    )
    report.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders")
    report.add_argument(
        "-o", "--output", metavar="FILE", help="the HTML file (a folder: FILE/report.html; default: stdout)"
    )
    report.add_argument("--title", help="the page title (default: the plan's title, or a count)")
    report.add_argument(
        "--glob",
        action="append",
        metavar="PATTERN",
        help="file names to pick inside folders; repeatable (default: *.txt *.html *.htm *.docx *.pdf)",
    )
    add_reader_option(report)
    add_parse_options(report)


def run(args: argparse.Namespace) -> int:
    from gdplan.batch.atomic import write_text_atomic
    from gdplan.batch.inputs import DEFAULT_GLOBS, input_set
    from gdplan.batch.job import failure
    from gdplan.report import Failure, render_report

    output: str | None = args.output
    inputs = input_set([Path(p) for p in args.inputs], globs=tuple(args.glob or DEFAULT_GLOBS))
    target = None
    if output not in (None, STDIO):
        target = Path(output) / "report.html" if Path(output).is_dir() else Path(output)
    docs: list[Any] = []
    failures: list[Failure] = []
    for found in inputs:
        if target is not None and found.path.resolve() == target.resolve():
            continue  # an earlier report inside an input folder is not an input
        label = str(found.path)
        try:
            docs.append(load(found.path, args, name=label))
        except Exception as exc:  # a bad input is a message, never a traceback
            if os.environ.get("GDPLAN_DEBUG"):
                raise
            result = failure(label, exc)
            print(f"gdplan: {result.reason}", file=sys.stderr)
            failures.append(Failure(label, result.detail or result.reason or "unreadable"))
    if not docs:
        looked = " ".join(args.glob or DEFAULT_GLOBS)
        print(
            "gdplan: no plan could be read, no report written"
            + ("" if failures else f" (no input files found; looked for {looked})"),
            file=sys.stderr,
        )
        return 1
    page = render_report(docs, title=args.title, failures=failures)
    if output in (None, STDIO):
        sys.stdout.buffer.write(page.encode("utf-8"))
        sys.stdout.buffer.flush()
    else:
        assert target is not None
        try:
            write_text_atomic(target, page)
        except OSError as exc:
            print(f"gdplan: cannot write {output}: {exc.strerror or exc}", file=sys.stderr)
            return 1
    return 1 if failures else 0
