"""The ``gdplan`` command: convert plan notices, build datasets, print the JSON Schema.

    gdplan convert INPUT... [--to FORMAT[,FORMAT...]] [-o OUT] [--from READER]
    gdplan dataset INPUT... -o DIR [--to jsonl|csv|parquet|sqlite|xlsx]
    gdplan units INPUT... [--to table|csv|json]
    gdplan report INPUT... [-o report.html]
    gdplan compare OLD NEW [--to md|json|html] [-o OUT]
    gdplan schema
    gdplan --version

Exit status: 0 when every input converted; 1 when any input failed (one line per failed
input on standard error, naming the file and the reason); 2 for a usage error; 130 on
Ctrl-C, 143 on SIGTERM. Messages go through :mod:`logging` (logger ``gdplan``); this
module puts the one handler on it. Heavy modules load only when a command needs them, so
``--help`` is quick.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import shlex
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

from gdplan import commands as subcommands
from gdplan._version import __version__
from gdplan.commands.options import add_parse_options, add_reader_option

if TYPE_CHECKING:
    from gdplan.batch.formats import OutputFormat

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143

DATASET_FORMATS = ("jsonl", "csv", "parquet", "sqlite", "xlsx")

STDIO = "-"


class UsageError(Exception):
    """The arguments do not make a valid command (exit status 2)."""


class Terminated(KeyboardInterrupt):
    """SIGTERM: stop like Ctrl-C (running files finish whole, the summary is said)."""


_MAIN_EXAMPLES = """\
examples:
  gdplan convert samples/gd-2025-digital-seed.txt --to jsonl    # to standard output
  gdplan convert plan.html -o plan.json                         # --to taken from -o's suffix
  gdplan convert samples/ -o out/ --to json,xml,md,jsonl        # a folder, several formats
  gdplan convert out/plan.md --to xml                           # gdplan's own Markdown/JSON read back
  gdplan dataset samples/ -o dataset/ --to sqlite               # an archive dataset
  gdplan schema > document.schema.json

Run 'gdplan COMMAND --help' for a command's options and more examples.
"""

_CONVERT_EXAMPLES = """\
examples:
  gdplan convert notice.txt --to jsonl              # one input to standard output
  gdplan convert notice.docx -o notice.xml          # one file; --to inferred from .xml
  gdplan convert notices/ -o out/ --to json,md -j 2 # a folder: one output per input and format
  gdplan convert notices/ -o out/ --to all --resume # go on after an interrupted run
  gdplan convert out/notice.md --to json            # read gdplan's own Markdown back
  gdplan convert out/notice.json --to xml           # ... or its JSON
  gdplan convert saved.txt --from html --to md      # force a reader whatever the name says

formats: json, jsonl, xml, md (alias markdown), xlsx, or all. Without --to, -o FILE's suffix
(.json .jsonl .xml .md .xlsx) names the format; --to and a known suffix that disagree are an error.
readers (--from): txt html docx pdf md json. Without --from, .md and .json inputs are read
back as gdplan documents (so is standard input that starts as one), and every other
file is a notice told by its content.
"""

_DATASET_EXAMPLES = """\
examples:
  gdplan dataset notices/ -o dataset/                 # JSON Lines tables (the default)
  gdplan dataset notices/ -o dataset/ --to csv        # CSV that opens in Excel/WPS (UTF-8 BOM)
  gdplan dataset notices/ -o dataset/ --to sqlite -j 2
  gdplan dataset notices/ -o dataset/ --to parquet    # needs pip install 'gdplan[parquet]'

The folder gets documents, nodes, responsibilities and units tables, README.md and
manifest.json (checksums). See docs/dataset.md.
"""

_SCHEMA_EXAMPLES = """\
examples:
  gdplan schema > document.schema.json
  gdplan schema | python -c 'import json, sys; print(json.load(sys.stdin)["title"])'
"""


# ---------------------------------------------------------------------------- the parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gdplan",
        description="Parse Chinese government plan notices into a typed tree and datasets.",
        epilog=_MAIN_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"gdplan {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_convert(commands)
    _add_dataset(commands)
    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of --to json output",
        description="Print the JSON Schema of --to json output.",
        epilog=_SCHEMA_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_verbosity(schema)
    # Subcommands with a module of their own (gdplan.commands): each adds its parser.
    subcommands.add_all(commands)
    return parser


def _add_verbosity(command: argparse.ArgumentParser) -> None:
    group = command.add_mutually_exclusive_group()
    group.add_argument(
        "-q", "--quiet", action="store_true", help="no progress or summary; failures still print"
    )
    group.add_argument(
        "-v", "--verbose", action="store_true", help="say more: a line per input, and why"
    )


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
        help="file names to pick inside folders; repeatable"
        " (default: *.txt *.html *.htm *.mhtml *.mht *.docx *.pdf)",
    )
    command.add_argument(
        "--engine", choices=("local", "dask"), default="local", help="where to run (default: local)"
    )
    command.add_argument(
        "--scheduler", metavar="ADDRESS", help="Dask scheduler address (default: start a local cluster)"
    )


def _add_convert(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    convert = commands.add_parser(
        "convert",
        help="convert plan notices to json, jsonl, xml, md or xlsx",
        description=(
            "Convert plan notices (or gdplan's own .md/.json). One INPUT: writes -o FILE, or standard\n"
            "output without -o (or with -o -). Several INPUTs or a folder: -o DIR, one output per input\n"
            "and format, mirroring the input tree."
        ),
        epilog=_CONVERT_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    convert.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="a file, a folder, or - for standard input"
    )
    convert.add_argument(
        "--to",
        "--format",
        dest="to",
        metavar="FORMAT",
        help="json, jsonl, xml, md, xlsx; several as json,xml,md; or all (default: from -o FILE's suffix)",
    )
    convert.add_argument("-o", "--output", metavar="OUT", help="output file (one input) or folder")
    convert.add_argument(
        "--resume",
        action="store_true",
        help="skip inputs whose outputs exist and whose recorded checksum matches",
    )
    add_reader_option(convert)
    add_parse_options(convert)
    _add_batch_options(convert)
    _add_verbosity(convert)


def _add_dataset(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    dataset = commands.add_parser(
        "dataset",
        help="build the documents / nodes / responsibilities / units tables",
        description="Build a dataset folder: four tables, manifest.json and README.md.",
        epilog=_DATASET_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    dataset.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders")
    dataset.add_argument("-o", "--output", required=True, metavar="DIR", help="the dataset folder")
    dataset.add_argument(
        "--to",
        "--format",
        dest="format",
        default="jsonl",
        choices=DATASET_FORMATS,
        help="table format (default: jsonl); --format is the same option",
    )
    add_reader_option(dataset)
    add_parse_options(dataset)
    _add_batch_options(dataset)
    _add_verbosity(dataset)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


# ---------------------------------------------------------------------------- the commands


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """The message alone, to whatever sys.stderr is when it is written (a live bar may stand in)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)
        self.setFormatter(logging.Formatter("%(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr
        super().emit(record)


def configure_logging(*, verbose: bool = False, quiet: bool = False) -> None:
    """One handler on the ``gdplan`` logger: INFO by default, WARNING with -q, DEBUG with -v."""
    logger = logging.getLogger("gdplan")
    for handler in [h for h in logger.handlers if isinstance(h, _StderrHandler)]:
        logger.removeHandler(handler)
    logger.addHandler(_StderrHandler())
    logger.setLevel(logging.DEBUG if verbose else logging.WARNING if quiet else logging.INFO)
    logger.propagate = False


def _on_signal(signum: int, frame: FrameType | None) -> None:
    """Ctrl-C and SIGTERM: remember it (a job may swallow the exception), then stop like Ctrl-C."""
    from gdplan.batch import stop

    stop.request(signum)
    if signum == signal.SIGTERM:
        # A second SIGTERM (a service manager repeating itself) must not cut the clean-up
        # short: running files finish whole and temporary ones are removed. SIGKILL still works.
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise Terminated()
    raise KeyboardInterrupt()


def resume_command(argv: Sequence[str]) -> str:
    """The command line to run next after an interrupted convert: the same one with --resume."""
    words = list(argv)
    if "--resume" not in words:
        words.append("--resume")
    return shlex.join(["gdplan", *words])


def console() -> int:
    """The ``gdplan`` command (console script, ``python -m gdplan``): :func:`main` on the
    process's own command line, for a process that exits next."""
    return main(exits_after=True)


def main(argv: Sequence[str] | None = None, *, exits_after: bool = False) -> int:
    """Run the command ``argv`` (default ``sys.argv[1:]``) and return its exit status.

    ``exits_after``: the process exits when this returns, so the heap is left frozen
    (:mod:`gdplan.batch.heap`) instead of given back to the collector."""
    parser = build_parser()
    words = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(words)
    configure_logging(verbose=getattr(args, "verbose", False), quiet=getattr(args, "quiet", False))
    from gdplan.batch import stop
    from gdplan.batch.heap import FrozenHeap

    stop.reset()
    previous = {s: signal.signal(s, _on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    heap = FrozenHeap()
    try:
        if args.command == "convert":
            with heap.loading():  # no collection walks what the imports make (batch/heap.py)
                _load_for_convert(args)
            return _convert(args)
        if args.command == "dataset":
            return _dataset(args)
        if args.command == "schema":
            return _schema()
        if args.command in subcommands.NAMES:
            return subcommands.run(args)
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    except UsageError as exc:
        parser.exit(EXIT_USAGE, f"gdplan {args.command}: error: {exc}\n")
    except KeyboardInterrupt as exc:
        _say_interrupted(args, words)
        return EXIT_TERMINATED if isinstance(exc, Terminated) else EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (gdplan … | head): not an error of ours; keep Python quiet on exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILED
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        stop.reset()
        if exits_after:
            # The process exits next: freeze all of the heap, so the collections the
            # interpreter runs as it shuts down do not walk it again (≈70 ms on the seed).
            heap.freeze()
        else:
            heap.release()
    return EXIT_OK  # pragma: no cover - every branch returns


def _say_interrupted(args: argparse.Namespace, words: Sequence[str]) -> None:
    """After the reporter's own line (how far it got): what to run next."""
    if args.command == "convert" and getattr(args, "batch", False):
        hint = f"gdplan: stopped; finished outputs are kept. To go on: {resume_command(words)}"
    elif args.command == "dataset":
        hint = "gdplan: stopped; the dataset folder was left as it was: run the same command again"
    else:
        hint = "gdplan: interrupted"
    print(hint, file=sys.stderr, flush=True)


def _load_for_convert(args: argparse.Namespace) -> None:
    """Import what converting needs: the exporters; for one input that is surely a notice (not
    gdplan's own output read back, see load.parses_notice), the parser and the registry too.
    A batch loads those in its engine. Loading ahead only saves time: a failure here is left
    for the conversion to meet and report."""
    with contextlib.suppress(Exception):
        import gdplan.batch.formats
        import gdplan.load

        if len(args.inputs) != 1 or args.inputs[0] == STDIO:
            return
        source = Path(args.inputs[0])
        if gdplan.load.parses_notice(source, args.reader) and not source.is_dir():
            import gdplan.parser
            from gdplan.registry.data import registry

            registry()


def _convert(args: argparse.Namespace) -> int:
    from gdplan.batch.formats import UnknownFormatError, parse_formats

    inputs = [Path(p) if p != STDIO else None for p in args.inputs]
    output: str | None = args.output
    single = len(inputs) == 1 and (inputs[0] is None or not inputs[0].is_dir())
    to_dir = output not in (None, STDIO) and (output.endswith(("/", os.sep)) or Path(output).is_dir())
    file_output = output if single and not to_dir and output not in (None, STDIO) else None
    try:
        formats = parse_formats(_format_spec(args.to, file_output))
    except UnknownFormatError as exc:
        raise UsageError(str(exc)) from None
    if single and not to_dir:
        if len(formats) > 1:
            raise UsageError("several formats need -o DIR (one file per format)")
        if formats[0].binary and output in (None, STDIO):
            raise UsageError(
                f"{formats[0].name} is a binary format: give -o FILE{formats[0].extension} "
                "(it is never written to standard output)"
            )
        return _convert_one(args, inputs[0], formats[0], output)
    if output in (None, STDIO):
        raise UsageError("several inputs or a folder need -o DIR (one output per input)")
    if STDIO in args.inputs:
        raise UsageError("- (standard input) can only be converted on its own")
    args.batch = True
    return _run_batch(args, [p for p in inputs if p is not None], formats, Path(output))


def _format_spec(to: str | None, output_file: str | None) -> str:
    """--to as given, or the format -o FILE's suffix names; a known suffix that disagrees is an error."""
    from gdplan.batch.formats import FORMATS

    by_suffix = {f.extension: name for name, f in FORMATS.items()}
    by_suffix[".markdown"] = "md"
    suffix = Path(output_file).suffix.lower() if output_file else ""
    implied = by_suffix.get(suffix)
    if to is None:
        if implied is None:
            where = f"-o {output_file} has no known suffix" if output_file else "no -o FILE to take it from"
            raise UsageError(f"give --to FORMAT ({where}; formats: {', '.join(FORMATS)})")
        return implied
    if implied is not None:
        from gdplan.batch.formats import parse_formats

        named = [f.name for f in parse_formats(to)]
        if named != [implied]:
            raise UsageError(
                f"--to {to} but -o {output_file} is named as {implied}: "
                f"drop --to, or name the file {Path(output_file or '').stem}{FORMATS[named[0]].extension}"
            )
    return to


def _convert_one(args: argparse.Namespace, source: Path | None, fmt: OutputFormat, output: str | None) -> int:
    """One input → one file, or standard output. A bad input is one line on stderr, exit 1."""
    from gdplan.batch.atomic import write_bytes_atomic
    from gdplan.batch.formats import render_bytes
    from gdplan.limits import Limits
    from gdplan.load import load_document
    from gdplan.names import printable

    label = "<stdin>" if source is None else printable(str(source))
    try:
        limits = Limits().with_max_bytes(args.max_bytes)
        if source is None:
            data = sys.stdin.buffer.read(args.max_bytes + 1 if args.max_bytes else -1)
            doc = load_document(
                Path(label), reader=args.reader, script=args.script, errors=args.errors, data=data,
                limits=limits,
            )
        else:
            doc = load_document(
                source, reader=args.reader, script=args.script, errors=args.errors, limits=limits
            )
        data = render_bytes(doc, fmt)
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
        from gdplan.batch.job import failure

        result = failure(label, exc)
        logging.getLogger("gdplan").error(f"gdplan: {result.reason}")
        return EXIT_FAILED
    return EXIT_OK


def _run_batch(
    args: argparse.Namespace, inputs: list[Path], formats: Sequence[OutputFormat], outdir: Path
) -> int:
    from gdplan.batch.atomic import OutputFolderError
    from gdplan.batch.engine import EngineUnavailableError
    from gdplan.batch.inputs import NoInputsError
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
    except (EngineUnavailableError, OutputFolderError, NoInputsError) as exc:
        logging.getLogger("gdplan").error(f"gdplan: {exc}")
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
        "reader": args.reader,
        "max_bytes": args.max_bytes,
    }


def _dataset(args: argparse.Namespace) -> int:
    from gdplan.batch.atomic import OutputFolderError
    from gdplan.batch.engine import EngineUnavailableError
    from gdplan.batch.inputs import NoInputsError
    from gdplan.dataset import DatasetOptions, FormatUnavailableError, SourceDateEpochError, build_dataset

    options = DatasetOptions(
        inputs=tuple(Path(p) for p in args.inputs),
        outdir=Path(args.output),
        format=args.format,
        **_batch_options(args),
    )
    try:
        return build_dataset(options)
    except (
        EngineUnavailableError,
        FormatUnavailableError,
        SourceDateEpochError,
        OutputFolderError,
        NoInputsError,
    ) as exc:
        logging.getLogger("gdplan").error(f"gdplan: {exc}")
        return EXIT_FAILED


def _schema() -> int:
    import json

    from gdplan.export import json_schema

    sys.stdout.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
