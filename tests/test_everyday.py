"""Everyday use, as a new user meets it (issue 10): one test per complaint, each of which
failed on the code before the fix.

The README example on every document and under mypy is in test_readme.py; every docs
block runs in test_docs.py.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import signal
import subprocess
import sys
import time
import tomllib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

import gdplan
from gdplan import cli

from .conftest import ROOT, SAMPLES, SEED

J = TypeVar("J")
R = TypeVar("R")

OTHER_PLAN = """江西省林业局关于印发赣州市2027年林业工作要点的通知

各县（市、区）林业局：
    现将《赣州市2027年林业工作要点》印发给你们，请认真贯彻落实。

赣州市2027年林业工作要点

一、加强森林资源保护
（一）推进森林防火。完善防火设施。（市林业局牵头，市应急管理局配合）
（二）开展松材线虫病防治。加强监测。（市林业局负责）
二、发展林下经济
（一）培育龙头企业。扶持合作社发展
"""


def gdplan_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(Path(sys.executable).parent / "gdplan"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


# ---------------------------------------------------------------- parse(): cannot be misread


def test_a_str_naming_a_file_is_refused_with_how_to_pass_a_path(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(OTHER_PLAN, encoding="utf-8")
    with pytest.raises(gdplan.InputError) as caught:
        gdplan.parse(str(plan))
    assert f"Path({str(plan)!r})" in str(caught.value)
    with pytest.raises(gdplan.InputError, match=r"Path\('missing\.docx'\)"):
        gdplan.parse("missing.docx")  # looks like a name, no such file: the same hint
    # the text itself still parses, and a Path, a binary and a text file object give the same tree
    by_text = gdplan.parse(OTHER_PLAN, name=str(plan))
    by_path = gdplan.parse(plan)
    with plan.open("rb") as binary:
        by_binary = gdplan.parse(binary)
    with plan.open(encoding="utf-8") as text:
        by_text_file = gdplan.parse(text)
    assert by_path.source == by_binary.source == str(plan)
    rows = gdplan.to_jsonl(by_path)
    assert gdplan.to_jsonl(by_text) == rows == gdplan.to_jsonl(by_binary) == gdplan.to_jsonl(by_text_file)
    assert next(n.title for n in by_path.items()) == "推进森林防火"


def test_something_without_read_is_refused_clearly() -> None:
    with pytest.raises(gdplan.InputError, match="give a Path, bytes, an open file or the text"):
        gdplan.parse(42)  # type: ignore[arg-type]


# ---------------------------------------------------------------- the CLI reads its own outputs


def test_convert_reads_its_own_markdown_and_json_back(tmp_path: Path) -> None:
    md, js = tmp_path / "seed.md", tmp_path / "seed.json"
    assert gdplan_cli("convert", str(SEED), "-o", str(md)).returncode == 0
    assert gdplan_cli("convert", str(SEED), "-o", str(js)).returncode == 0
    want_rows = gdplan_cli("convert", str(SEED), "--to", "jsonl").stdout
    want_xml = gdplan_cli("convert", str(SEED), "--to", "xml").stdout
    from_md = gdplan_cli("convert", str(md), "--to", "jsonl")
    assert from_md.returncode == 0, from_md.stderr
    assert from_md.stdout == want_rows
    from_json = gdplan_cli("convert", str(js), "--to", "xml")
    assert from_json.returncode == 0, from_json.stderr
    assert from_json.stdout == want_xml
    # a folder of them, picked with --glob, converts too
    out = tmp_path / "again"
    folder = gdplan_cli("convert", str(tmp_path), "--glob", "*.md", "-o", str(out), "--to", "jsonl", "-q")
    assert folder.returncode == 0, folder.stderr
    assert (out / "seed.jsonl").read_text(encoding="utf-8") == want_rows


def test_from_forces_a_reader(tmp_path: Path) -> None:
    md = tmp_path / "seed.md"
    assert gdplan_cli("convert", str(SEED), "-o", str(md)).returncode == 0
    odd = tmp_path / "seed.data"
    odd.write_bytes(md.read_bytes())
    forced = gdplan_cli("convert", str(odd), "--from", "md", "--to", "jsonl")
    assert forced.returncode == 0, forced.stderr
    assert forced.stdout == gdplan_cli("convert", str(SEED), "--to", "jsonl").stdout
    # and a .md that is a plan notice, not gdplan's Markdown, parses with --from txt
    notice = tmp_path / "notice.md"
    notice.write_text(OTHER_PLAN, encoding="utf-8")
    assert gdplan_cli("convert", str(notice), "--to", "jsonl").returncode == 1
    as_text = gdplan_cli("convert", str(notice), "--from", "txt", "--to", "jsonl")
    assert as_text.returncode == 0, as_text.stderr
    assert "市林业局" in as_text.stdout
    bad = gdplan_cli("convert", str(notice), "--from", "rtf", "--to", "jsonl")
    assert bad.returncode == 2 and "invalid choice" in bad.stderr


# ---------------------------------------------------------------- the README gets a user going


def test_readme_says_how_to_get_gdplan_on_path_and_lists_every_extra() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "source .venv/bin/activate" in readme
    assert "pip install ." in readme
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    table = [line for line in readme.splitlines() if line.startswith("| `")]
    for extra in extras:
        assert any(line.startswith(f"| `{extra}` |") for line in table), f"extra [{extra}] not in the table"
    assert "    make demo" in readme and "    make test" in readme  # the quick start is unchanged
    assert "## What to do with it" in readme


# ---------------------------------------------------------------- CSV that opens right


def _dataset(tmp_path: Path, fmt: str) -> Path:
    notices = tmp_path / "notices"
    notices.mkdir(exist_ok=True)
    for sample in SAMPLES.glob("*.txt"):
        (notices / sample.name).write_bytes(sample.read_bytes())
    # a plan without a year: the year column has a null, which must not make it float
    (notices / "no-year.txt").write_text(OTHER_PLAN.replace("2027年", ""), encoding="utf-8")
    out = tmp_path / f"ds-{fmt}"
    done = gdplan_cli("dataset", str(notices), "-o", str(out), "--to", fmt, "-q")
    assert done.returncode == 0, done.stderr
    return out


def test_csv_has_a_bom_and_integer_years_read_back_by_csv_and_pandas(tmp_path: Path) -> None:
    out = _dataset(tmp_path, "csv")
    raw = (out / "documents.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfdoc_id,")  # Excel and WPS take UTF-8 only with the BOM
    with open(out / "documents.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    years = sorted(r["year"] for r in rows)
    assert years == ["", "2024", "2025", "2025"]  # integers, never 2025.0; null is an empty cell
    assert {r["title"] for r in rows} >= {"数字广东建设2025年工作要点"}
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_csv(out / "documents.csv", dtype={"year": "Int64"})
    assert next(iter(frame.columns)) == "doc_id"  # the BOM is not part of the first name
    assert str(frame["year"].dtype) == "Int64"
    assert sorted(int(y) for y in frame["year"].dropna()) == [2024, 2025, 2025]
    assert "数字广东建设2025年工作要点" in set(frame["title"])
    nodes = pandas.read_csv(out / "nodes.csv")
    lead = [json.loads(cell) for cell in nodes["lead"]]  # lists are JSON text in CSV (docs/dataset.md)
    assert ["省工业和信息化厅"] in lead


def test_parquet_year_is_an_integer_column(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    pandas = pytest.importorskip("pandas")
    out = _dataset(tmp_path, "parquet")
    frame = pandas.read_parquet(out / "documents.parquet", dtype_backend="numpy_nullable")
    assert str(frame["year"].dtype) == "Int64"
    import pyarrow.parquet as pq

    assert str(pq.read_schema(out / "documents.parquet").field("year").type) == "int64"


# ---------------------------------------------------------------- options: --to, -o, --help


def test_to_is_inferred_from_o_and_a_disagreement_is_an_error(tmp_path: Path) -> None:
    wrong = tmp_path / "x.md"
    done = gdplan_cli("convert", str(SEED), "-o", str(wrong), "--to", "json")
    assert done.returncode == 2
    assert "--to json" in done.stderr and "x.md" in done.stderr
    assert not wrong.exists()
    inferred = tmp_path / "x.xml"
    assert gdplan_cli("convert", str(SEED), "-o", str(inferred)).returncode == 0
    assert inferred.read_text(encoding="utf-8").startswith("<?xml")
    agreeing = tmp_path / "y.md"
    assert gdplan_cli("convert", str(SEED), "-o", str(agreeing), "--to", "markdown").returncode == 0
    neither = gdplan_cli("convert", str(SEED))
    assert neither.returncode == 2 and "give --to" in neither.stderr


def test_dataset_takes_to_and_keeps_format_as_an_alias(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert gdplan_cli("dataset", str(SAMPLES), "-o", str(a), "--to", "csv", "-q").returncode == 0
    assert gdplan_cli("dataset", str(SAMPLES), "-o", str(b), "--format", "csv", "-q").returncode == 0
    assert (a / "nodes.csv").read_bytes() == (b / "nodes.csv").read_bytes()


@pytest.mark.parametrize("command", [[], ["convert"], ["dataset"], ["schema"]])
def test_every_help_shows_examples(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main([*command, "--help"])
    text = capsys.readouterr().out
    assert "examples:" in text
    assert "  gdplan " in text.split("examples:", 1)[1]


# ---------------------------------------------------------------- progress, Ctrl-C, SIGTERM, empty folder


class _StopAfter:
    """An engine that runs ``after`` jobs, then is interrupted as a user or a supervisor would."""

    def __init__(self, after: int, how: str) -> None:
        self.after, self.how = after, how

    def imap_unordered(self, fn: Callable[[J], R], jobs: Iterable[J]) -> Iterator[R]:
        for n, job in enumerate(jobs):
            if n == self.after:
                if self.how == "sigterm":
                    os.kill(os.getpid(), signal.SIGTERM)
                    time.sleep(5)  # the handler raises before this ends
                raise KeyboardInterrupt
            yield fn(job)

    imap = imap_unordered

    def close(self) -> None:
        pass


@pytest.mark.parametrize(("how", "status"), [("ctrl-c", 130), ("sigterm", 143)])
def test_an_interrupted_run_says_how_far_it_got_and_how_to_resume(
    how: str, status: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import gdplan.batch.run

    monkeypatch.setattr(gdplan.batch.run, "make_engine", lambda *a, **k: _StopAfter(1, how))
    out = tmp_path / "out"
    argv = ["convert", str(SAMPLES), "-o", str(out), "--to", "json"]

    def unhandled(signum: int, frame: object) -> None:
        raise AssertionError("gdplan left SIGTERM unhandled (it would have killed the run mid-file)")

    before = signal.signal(signal.SIGTERM, unhandled)  # a SIGTERM gdplan does not handle must not kill pytest
    try:
        assert cli.main(argv) == status
        assert signal.getsignal(signal.SIGTERM) is unhandled  # put back after the run
    finally:
        signal.signal(signal.SIGTERM, before)
    err = capsys.readouterr().err
    assert "interrupted after 1 of 3 inputs: converted 1, failed 0, skipped 0" in err
    resume = cli.resume_command(argv)
    assert resume.endswith("--to json --resume")
    assert resume in err
    assert err.endswith("\n")


def test_an_empty_folder_is_one_error_and_creates_nothing(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    out = tmp_path / "out"
    for command in (
        ["convert", str(empty), "-o", str(out), "--to", "json"],
        ["dataset", str(empty), "-o", str(out)],
    ):
        done = gdplan_cli(*command)
        assert done.returncode == 1
        lines = done.stderr.splitlines()
        assert len(lines) == 1 and "no input files in" in lines[0], done.stderr
        assert not out.exists()


# ---------------------------------------------------------------- the library logs; it never prints


def test_the_library_logs_its_batch_summary_instead_of_printing(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from gdplan.batch.run import ConvertOptions, run_convert

    # as in a program of the user's: no handler of the CLI's on the gdplan logger
    logger = logging.getLogger("gdplan")
    monkeypatch.setattr(logger, "handlers", [])
    monkeypatch.setattr(logger, "propagate", True)

    with caplog.at_level(logging.INFO, logger="gdplan"):
        status = run_convert(ConvertOptions(inputs=(SAMPLES,), outdir=tmp_path / "out", formats=("json",)))
    assert status == 0
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""
    assert any("converted 3, failed 0, skipped 0" in r.getMessage() for r in caplog.records)


def test_verbose_and_quiet(tmp_path: Path) -> None:
    loud = gdplan_cli("convert", str(SAMPLES), "-o", str(tmp_path / "a"), "--to", "json", "-v", "-j", "1")
    assert loud.returncode == 0
    assert f"{SEED}: converted" in loud.stderr and "converted 3" in loud.stderr
    quiet = gdplan_cli("convert", str(SAMPLES), "-o", str(tmp_path / "b"), "--to", "json", "-q", "-j", "1")
    assert quiet.returncode == 0 and quiet.stderr == ""


# ---------------------------------------------------------------- the package face


def test_dir_shows_the_verbs_and_model_types_and_no_helpers() -> None:
    names = dir(gdplan)
    for verb in ("parse", "to_json", "to_jsonl", "to_xml", "to_markdown", "from_markdown", "from_json"):
        assert verb in names and callable(getattr(gdplan, verb))
    for kind in ("Document", "Node", "Unit", "Responsibility", "Role", "Notice", "Diagnostic", "GdplanError"):
        assert kind in names and isinstance(getattr(gdplan, kind), type)
    for helper in ("Any", "os", "Literal", "TYPE_CHECKING", "annotations"):
        assert helper not in names
    assert sorted(gdplan.__all__) == [n for n in names if not n.startswith("__") or n == "__version__"]


def test_reprs_are_short() -> None:
    doc = gdplan.parse(SEED)
    assert repr(doc) == "<Document '数字广东建设2025年工作要点' 2025 50 items>"
    node = doc.children[0]
    assert len(repr(node)) < 100 and node.label in repr(node)
    assert len(repr(next(doc.items()).responsibility)) < 200


def test_help_gdplan_example_is_correct() -> None:
    import doctest

    cwd = os.getcwd()
    try:
        os.chdir(ROOT)
        result = doctest.testmod(gdplan, verbose=False, report=False)
    finally:
        os.chdir(cwd)
    assert result.attempted >= 5 and result.failed == 0


# ---------------------------------------------------------------- docs that match the repository


def test_docs_link_only_pages_in_the_repository_and_promise_nothing_missing() -> None:
    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    assert "../shared" not in index
    model = (ROOT / "docs" / "model.md").read_text(encoding="utf-8")
    assert "year-to-year" not in model
    assert "/work/shared" not in model


def test_dataset_docs_query_by_unit_returns_rows_on_the_samples() -> None:
    dataset_md = (ROOT / "docs" / "dataset.md").read_text(encoding="utf-8")
    from .test_docs import fenced_blocks

    shown = [
        b for b in fenced_blocks(ROOT / "docs" / "dataset.md") if b.expected and "ITEMS_LED_BY_YEAR" in b.code
    ]
    assert shown, "docs/dataset.md runs the lead-by-year query and shows its rows"
    assert any(line.strip() for line in (shown[0].expected or "").splitlines())
    assert "省科技厅" not in dataset_md or "never leads" in dataset_md


def test_the_cli_offers_exactly_the_readers_the_loader_has() -> None:
    from gdplan.commands import options
    from gdplan.load import READERS

    assert options.READERS == READERS  # the options keep their own copy so --help loads no model


def test_progress_lines_label_the_time_left(caplog: pytest.LogCaptureFixture) -> None:
    from gdplan.batch.job import JobResult
    from gdplan.batch.progress import PlainReporter, Tally, duration

    reporter = PlainReporter(every=0.0)
    tally = Tally()
    with caplog.at_level(logging.INFO, logger="gdplan"):
        reporter.start(4)
        result = JobResult("a.txt", "converted")
        tally.add(result)
        reporter.update(result, tally)
    line = caplog.records[-1].getMessage()
    assert line.startswith("progress: 1/4 (0 failed, about ") and line.endswith(" left)")
    assert [duration(s) for s in (12.3, 75, 3700)] == ["12s", "1m15s", "1h01m"]


class _SwallowedStop:
    """-j 1: Ctrl-C arrives inside a job and a library turns it into an ordinary error."""

    def imap_unordered(self, fn: Callable[[J], R], jobs: Iterable[J]) -> Iterator[R]:
        from gdplan.batch import stop
        from gdplan.batch.job import JobResult

        for n, job in enumerate(jobs):
            if n == 1:
                stop.request(signal.SIGINT)  # what cli's handler does before raising
                yield JobResult("x.txt", "failed", "x.txt: internal error (KeyboardInterrupt)")  # type: ignore[misc]
                continue
            yield fn(job)

    imap = imap_unordered

    def close(self) -> None:
        pass


def test_a_ctrl_c_swallowed_inside_a_job_still_stops_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import gdplan.batch.run

    monkeypatch.setattr(gdplan.batch.run, "make_engine", lambda *a, **k: _SwallowedStop())
    out = tmp_path / "out"
    assert cli.main(["convert", str(SAMPLES), "-o", str(out), "--to", "json"]) == 130
    err = capsys.readouterr().err
    assert "interrupted after 1 of 3 inputs: converted 1, failed 0" in err
    assert "internal error" not in err  # the stop is not reported as a failed input


def test_standard_input_holding_gdplan_markdown_or_json_is_read_back(tmp_path: Path) -> None:
    want = gdplan_cli("convert", str(SEED), "--to", "jsonl").stdout
    for fmt in ("md", "json"):
        written = gdplan_cli("convert", str(SEED), "--to", fmt).stdout
        done = subprocess.run(
            [str(Path(sys.executable).parent / "gdplan"), "convert", "-", "--to", "jsonl"],
            input=written,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout == want


def test_a_second_sigterm_does_not_cut_the_clean_up_short() -> None:
    from gdplan.batch import stop

    before = signal.getsignal(signal.SIGTERM)
    try:
        with pytest.raises(cli.Terminated):
            cli._on_signal(signal.SIGTERM, None)
        assert signal.getsignal(signal.SIGTERM) == signal.SIG_IGN
    finally:
        signal.signal(signal.SIGTERM, before)
        stop.reset()
