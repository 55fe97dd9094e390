"""The ``gdplan`` command: convert plan notices, build datasets, print the JSON Schema.

    gdplan convert INPUT... --to FORMAT[,FORMAT...] [-o OUT]
    gdplan dataset INPUT... -o DIR --format jsonl|csv|parquet|sqlite
    gdplan schema
    gdplan --version

Exit status: 0 when every input converted; 1 when any input failed (one line per failed
input on standard error, naming the file and the reason); 2 for a usage error; 130 on
Ctrl-C; 143 on SIGTERM. Heavy modules load only when a command needs them, so ``--help`` is quick.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gdplan._version import __version__

if TYPE_CHECKING:
    from gdplan.batch.formats import OutputFormat

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

STDIO = "-"


class UsageError(Exception):
    """The arguments do not make a valid command (exit status 2)."""


# ---------------------------------------------------------------------------- the parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gdplan",
        description="Parse Chinese government plan notices into a typed tree and datasets.",
    )
    parser.add_argument("--version", action="version", version=f"gdplan {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_convert(commands)
    _add_dataset(commands)
    commands.add_parser(
        "schema",
        help="print the JSON Schema of --to json output",
        description="Print the JSON Schema of --to json output.",
    )
    return parser


def _add_parse_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--script",
        choices=("original", "simplified"),
        default="original",
        help="script of the text fields: as printed (default) or converted to simplified",
    )
    command.add_argument(
        "--errors",
        choices=("ignore", "warn", "raise"),
        default="warn",
        help="problems in the text: ignore them, record them as diagnostics (default), or fail the input",
    )
    command.add_argument(
        "--max-bytes",
        type=_size,
        default="50M",
        metavar="SIZE",
        help="refuse an input larger than SIZE (default 50M; suffixes K, M, G; 0: no limit)",
    )


def _size(text: str) -> int | None:
    from gdplan.limits import parse_size

    try:
        return parse_size(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _add_batch_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "-j",
        "--jobs",
        type=_positive_int,
        default=None,
        metavar="N",
        help="worker processes (default: the cores)",
    )
    command.add_argument(
        "--glob",
        action="append",
        metavar="PATTERN",
        help="file names to pick inside folders; repeatable (default: *.txt *.html *.htm *.docx *.pdf)",
    )
    command.add_argument(
        "--engine", choices=("local", "dask"), default="local", help="where to run (default: local)"
    )
    command.add_argument(
        "--scheduler", metavar="ADDRESS", help="Dask scheduler address (default: start a local cluster)"
    )
    command.add_argument(
        "-q", "--quiet", action="store_true", help="no progress or summary; failures still print"
    )


def _add_convert(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    convert = commands.add_parser(
        "convert",
        help="convert plan notices to json, jsonl, xml or md",
        description=(
            "Convert plan notices. One INPUT: writes -o FILE, or standard output without -o (or with -o -). "
            "Several INPUTs or a folder: -o DIR, one output per input and format, mirroring the input tree."
        ),
    )
    convert.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="a file, a folder, or - for standard input"
    )
    convert.add_argument(
        "--to", required=True, metavar="FORMAT", help="json, jsonl, xml, md; several as json,xml,md; or all"
    )
    convert.add_argument("-o", "--output", metavar="OUT", help="output file (one input) or folder")
    convert.add_argument(
        "--resume",
        action="store_true",
        help="skip inputs whose outputs exist and whose recorded checksum matches",
    )
    _add_parse_options(convert)
    _add_batch_options(convert)


def _add_dataset(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    dataset = commands.add_parser(
        "dataset",
        help="build the documents / nodes / responsibilities / units tables",
        description="Build a dataset folder: four tables, manifest.json and README.md.",
    )
    dataset.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders")
    dataset.add_argument("-o", "--output", required=True, metavar="DIR", help="the dataset folder")
    dataset.add_argument(
        "--format",
        default="jsonl",
        choices=("jsonl", "csv", "parquet", "sqlite"),
        help="table format (default: jsonl)",
    )
    _add_parse_options(dataset)
    _add_batch_options(dataset)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


# ---------------------------------------------------------------------------- the commands


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from gdplan.batch.signals import exit_status, terminate_as_interrupt

    try:
        with terminate_as_interrupt():  # SIGTERM stops a run as Ctrl-C does (exit 143, not 130)
            if args.command == "convert":
                return _convert(args)
            if args.command == "dataset":
                return _dataset(args)
            if args.command == "schema":
                return _schema()
            parser.print_help(sys.stderr)
            return EXIT_USAGE
    except UsageError as exc:
        parser.exit(EXIT_USAGE, f"gdplan {args.command}: error: {exc}\n")
    except KeyboardInterrupt as exc:
        print("gdplan: interrupted", file=sys.stderr)
        return exit_status(exc)
    except BrokenPipeError:
        # The reader went away (gdplan … | head): not an error of ours; keep Python quiet on exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILED
    return EXIT_OK  # pragma: no cover - every branch returns


def _convert(args: argparse.Namespace) -> int:
    from gdplan.batch.formats import UnknownFormatError, parse_formats

    try:
        formats = parse_formats(args.to)
    except UnknownFormatError as exc:
        raise UsageError(str(exc)) from None
    inputs = [Path(p) if p != STDIO else None for p in args.inputs]
    output: str | None = args.output
    single = len(inputs) == 1 and (inputs[0] is None or not inputs[0].is_dir())
    to_dir = output not in (None, STDIO) and (output.endswith(("/", os.sep)) or Path(output).is_dir())
    if single and not to_dir:
        if len(formats) > 1:
            raise UsageError("several formats need -o DIR (one file per format)")
        return _convert_one(args, inputs[0], formats[0], output)
    if output in (None, STDIO):
        raise UsageError("several inputs or a folder need -o DIR (one output per input)")
    if STDIO in args.inputs:
        raise UsageError("- (standard input) can only be converted on its own")
    return _run_batch(args, [p for p in inputs if p is not None], formats, Path(output))


def _convert_one(args: argparse.Namespace, source: Path | None, fmt: OutputFormat, output: str | None) -> int:
    """One input → one file, or standard output. A bad input is one line on stderr, exit 1."""
    import gdplan
    from gdplan.batch.atomic import write_bytes_atomic
    from gdplan.batch.formats import render_text
    from gdplan.batch.job import failure

    label = "<stdin>" if source is None else str(source)
    try:
        limits = gdplan.Limits().with_max_bytes(args.max_bytes)
        if source is None:
            data = sys.stdin.buffer.read(args.max_bytes + 1 if args.max_bytes else -1)
            doc = gdplan.parse(data, script=args.script, errors=args.errors, name=label, limits=limits)
        else:
            doc = gdplan.parse(source, script=args.script, errors=args.errors, limits=limits)
        data = render_text(doc, fmt).encode("utf-8")
        if output in (None, STDIO):
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            write_bytes_atomic(Path(output), data)
    except (BrokenPipeError, KeyboardInterrupt):
        raise
    except Exception as exc:  # a bad input is a message, never a traceback
        if os.environ.get("GDPLAN_DEBUG"):
            raise
        result = failure(label, exc)
        print(f"gdplan: {result.reason}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _run_batch(
    args: argparse.Namespace, inputs: list[Path], formats: Sequence[OutputFormat], outdir: Path
) -> int:
    from gdplan.batch.atomic import OutputFolderError
    from gdplan.batch.engine import EngineUnavailableError
    from gdplan.batch.run import ConvertOptions, run_convert

    options = ConvertOptions(
        inputs=tuple(inputs),
        outdir=outdir,
        formats=tuple(f.name for f in formats),
        resume=args.resume,
        **_batch_options(args),
    )
    try:
        return run_convert(options)
    except (EngineUnavailableError, OutputFolderError) as exc:
        print(f"gdplan: {exc}", file=sys.stderr)
        return EXIT_FAILED


def _batch_options(args: argparse.Namespace) -> dict[str, Any]:
    """The options convert and dataset share: workers, file selection, engine, parsing."""
    from gdplan.batch.engine import default_jobs
    from gdplan.batch.inputs import DEFAULT_GLOBS

    return {
        "jobs": args.jobs or default_jobs(),
        "globs": tuple(args.glob or DEFAULT_GLOBS),
        "engine": args.engine,
        "scheduler": args.scheduler,
        "script": args.script,
        "errors": args.errors,
        "quiet": args.quiet,
        "max_bytes": args.max_bytes,
    }


def _dataset(args: argparse.Namespace) -> int:
    from gdplan.batch.atomic import OutputFolderError
    from gdplan.batch.engine import EngineUnavailableError
    from gdplan.dataset import DatasetOptions, FormatUnavailableError, SourceDateEpochError, build_dataset

    options = DatasetOptions(
        inputs=tuple(Path(p) for p in args.inputs),
        outdir=Path(args.output),
        format=args.format,
        **_batch_options(args),
    )
    try:
        return build_dataset(options)
    except (EngineUnavailableError, FormatUnavailableError, SourceDateEpochError, OutputFolderError) as exc:
        print(f"gdplan: {exc}", file=sys.stderr)
        return EXIT_FAILED


def _schema() -> int:
    import json

    from gdplan.export import json_schema

    sys.stdout.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
