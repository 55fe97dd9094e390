"""``gdplan compare OLD NEW [--to md|json|html] [-o OUT]``: what changed between two plans.

OLD and NEW are any files gdplan reads (gdplan's own .md and .json too). Without ``-o`` the
comparison goes to standard output; with ``-o`` it is written atomically and the summary is
printed.
``gdplan compare --schema`` prints the JSON Schema of ``--to json``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from gdplan.commands.options import add_parse_options, add_reader_option, load

FORMATS = ("md", "json", "html")


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = commands.add_parser(
        "compare",
        help="compare two plans: continued, new, reworded, merged, split, moved, dropped tasks",
        description=(
            "Pair the items of two plans by meaning and say what became of each "
            "(docs/compare.md). Writes -o OUT, or standard output."
        ),
    )
    command.add_argument("old", nargs="?", metavar="OLD", help="the older plan (any file gdplan reads)")
    command.add_argument("new", nargs="?", metavar="NEW", help="the newer plan")
    command.add_argument("--to", choices=FORMATS, default="md", help="output format (default: md)")
    command.add_argument("-o", "--output", metavar="OUT", help="output file (default: standard output)")
    command.add_argument(
        "--schema", action="store_true", help="print the JSON Schema of --to json output and exit"
    )
    add_reader_option(command)
    add_parse_options(command)


def run(args: argparse.Namespace) -> int:
    from gdplan.compare import comparison_schema

    if args.schema:
        sys.stdout.write(json.dumps(comparison_schema(), ensure_ascii=False, indent=2) + "\n")
        return 0
    if not args.old or not args.new:
        print("gdplan compare: error: OLD and NEW are required (or --schema)", file=sys.stderr)
        return 2
    return _compare(args)


def _compare(args: argparse.Namespace) -> int:
    from gdplan.batch.atomic import write_bytes_atomic
    from gdplan.batch.job import failure
    from gdplan.compare import compare
    from gdplan.compare.render import summary_lines, to_html, to_json, to_markdown

    docs = []
    for path in (args.old, args.new):
        try:
            docs.append(load(Path(path), args))
        except Exception as exc:  # a bad input is a message, never a traceback
            if os.environ.get("GDPLAN_DEBUG"):
                raise
            print(f"gdplan: {failure(path, exc).reason}", file=sys.stderr)
            return 1
    comparison = compare(docs[0], docs[1])
    render = {"md": to_markdown, "json": lambda c: to_json(c) + "\n", "html": to_html}[args.to]
    data = render(comparison).encode("utf-8")
    output: str | None = args.output
    try:
        if output in (None, "-"):
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            write_bytes_atomic(Path(output), data)
            print("\n".join(summary_lines(comparison)))
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        print(f"gdplan: {failure(str(output), exc).reason}", file=sys.stderr)
        return 1
    return 0
