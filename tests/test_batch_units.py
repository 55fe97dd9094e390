"""Batch conversion pieces that need no parser: input discovery, atomic writes, resume records, formats."""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest

from gdplan.batch.atomic import TEMP_MARK, atomic_writer, exclusive_folder, write_text_atomic
from gdplan.batch.formats import UnknownFormatError, parse_formats
from gdplan.batch.inputs import input_set
from gdplan.batch.job import run_convert_job
from gdplan.batch.record import DoneRecord, is_done, write_record


def _touch(path: Path, text: str = "x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------- inputs


def test_a_folder_is_walked_recursively_in_sorted_order_and_mirrored(tmp_path: Path) -> None:
    src = tmp_path / "in"
    for rel in ["b.txt", "a.htm", "sub/z.pdf", "sub/deeper/c.docx", "notes.csv", ".hidden.txt", ".git/x.txt"]:
        _touch(src / rel)
    found = list(input_set([src]))
    assert [str(f.rel) for f in found] == ["a.htm", "b.txt", "sub/z.pdf", "sub/deeper/c.docx"]
    assert [str(f.output_stem) for f in found] == ["a", "b", "sub/z", "sub/deeper/c"]
    assert found[0].path == src / "a.htm"


def test_glob_picks_files_inside_folders_but_a_named_file_is_always_read(tmp_path: Path) -> None:
    src = tmp_path / "in"
    _touch(src / "a.txt")
    _touch(src / "b.md")
    named = _touch(tmp_path / "in" / "c.data")
    found = list(input_set([src, named], globs=["*.MD"]))
    assert [str(f.rel) for f in found] == ["b.md", "c.data"]


def test_same_stem_in_one_folder_keeps_the_suffix_so_outputs_do_not_collide(tmp_path: Path) -> None:
    src = tmp_path / "in"
    _touch(src / "plan.txt")
    _touch(src / "plan.html")
    _touch(src / "other.txt")
    stems = sorted(str(f.output_stem) for f in input_set([src]))
    assert stems == ["other", "plan.html", "plan.txt"]


def test_output_folder_inside_the_input_folder_is_not_read_back(tmp_path: Path) -> None:
    src = tmp_path / "in"
    _touch(src / "a.txt")
    _touch(src / "out" / "a.txt")
    assert [str(f.rel) for f in input_set([src], exclude=src / "out")] == ["a.txt"]


def test_each_argument_is_mirrored_into_the_output_folder(tmp_path: Path) -> None:
    a, b = tmp_path / "x" / "a", tmp_path / "y" / "b"
    _touch(a / "sub" / "f.txt")
    _touch(b / "g.txt")
    lone = _touch(tmp_path / "elsewhere" / "h.html")
    found = list(input_set([a, b, lone]))
    assert [(str(f.rel), str(f.output_stem)) for f in found] == [
        ("sub/f.txt", "sub/f"),
        ("g.txt", "g"),
        ("h.html", "h"),
    ]


def test_two_arguments_whose_outputs_would_collide_fail_the_second(tmp_path: Path) -> None:
    from gdplan.batch.run import ConvertOptions, convert_jobs

    first, second = _touch(tmp_path / "a" / "plan.txt"), _touch(tmp_path / "b" / "plan.txt")
    options = ConvertOptions(
        inputs=(tmp_path / "a", tmp_path / "b"), outdir=tmp_path / "out", formats=("json",)
    )
    jobs = list(convert_jobs(input_set(options.inputs), options))
    assert [j.clashes_with for j in jobs] == [None, str(first)]
    result = run_convert_job(jobs[1])
    assert result.status == "failed"
    assert result.reason is not None and result.reason.startswith(f"{second}: its outputs would overwrite")


# ---------------------------------------------------------------------------- atomic writes


def test_atomic_writer_leaves_the_old_file_whole_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_writer(target) as handle:
        handle.write(b"half of the new")
        raise RuntimeError("crash in the middle")
    assert target.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["out.json"]


def test_atomic_write_replaces_and_creates_folders(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "out.md"
    write_text_atomic(target, "新内容\n")
    assert target.read_text(encoding="utf-8") == "新内容\n"
    assert os.listdir(target.parent) == ["out.md"]


def test_holding_a_folder_clears_old_temps_and_keeps_a_second_run_out(tmp_path: Path) -> None:
    stale = _touch(tmp_path / "sub" / f".a.json{TEMP_MARK}12345-abcd")
    keep = _touch(tmp_path / "a.json")
    with exclusive_folder(tmp_path):
        assert not stale.exists()
        assert keep.exists()
        # Another process cannot take the folder while this run holds it.
        probe = (
            "import sys; from pathlib import Path\n"
            "from gdplan.batch.atomic import exclusive_folder, OutputFolderError\n"
            "try:\n    with exclusive_folder(Path(sys.argv[1])): pass\n"
            "except OutputFolderError as e: print(e); sys.exit(3)"
        )
        other = subprocess.run([sys.executable, "-c", probe, str(tmp_path)], capture_output=True, text=True)
        assert other.returncode == 3
        assert "another gdplan run" in other.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "sub"]  # the lock file is gone too
    with exclusive_folder(tmp_path):  # and the folder is free again
        pass


# ---------------------------------------------------------------------------- resume records


def test_a_record_vouches_only_for_the_same_bytes_options_and_whole_outputs(tmp_path: Path) -> None:
    stem = PurePosixPath("sub/plan")
    out = tmp_path / "sub" / "plan.json"
    _touch(out, "{}\n")
    options = {"script": "original", "errors": "warn"}
    write_record(tmp_path, stem, DoneRecord("abc", options, {"plan.json": 3}, "0"))
    names = ["plan.json"]
    assert is_done(tmp_path, stem, input_sha256="abc", options=options, output_names=names)
    assert not is_done(tmp_path, stem, input_sha256="abd", options=options, output_names=names)
    assert not is_done(
        tmp_path, stem, input_sha256="abc", options={**options, "script": "simplified"}, output_names=names
    )
    assert not is_done(tmp_path, stem, input_sha256="abc", options=options, output_names=[*names, "plan.xml"])
    out.write_text("{}", encoding="utf-8")  # size differs from the record: not trusted
    assert not is_done(tmp_path, stem, input_sha256="abc", options=options, output_names=names)
    out.unlink()
    assert not is_done(tmp_path, stem, input_sha256="abc", options=options, output_names=names)


def test_an_unreadable_record_means_convert_again(tmp_path: Path) -> None:
    record = tmp_path / ".gdplan" / "done" / "plan.json"
    _touch(record, "{not json")
    assert not is_done(tmp_path, PurePosixPath("plan"), input_sha256="a", options={}, output_names=[])


# ---------------------------------------------------------------------------- formats


def test_formats_parse_lists_aliases_and_all() -> None:
    assert [f.name for f in parse_formats("json,xml, md,json")] == ["json", "xml", "md"]
    assert [f.name for f in parse_formats("markdown")] == ["md"]
    assert [f.extension for f in parse_formats("all")] == [".json", ".jsonl", ".xml", ".md", ".xlsx"]
    with pytest.raises(UnknownFormatError, match="yaml"):
        parse_formats("json,yaml")


# ---------------------------------------------------------------------------- engines and progress


def test_dask_engine_without_dask_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from gdplan.batch import engine

    def missing() -> object:
        raise ImportError("no module named distributed")

    monkeypatch.setattr(engine, "_distributed", missing)
    with pytest.raises(engine.EngineUnavailableError, match=r"pip install 'gdplan\[dask\]'"):
        engine.make_engine("dask", jobs=1)


@pytest.mark.parametrize("jobs", [1, 2])
def test_ordered_map_keeps_job_order_and_unordered_loses_nothing(jobs: int) -> None:
    from gdplan.batch.engine import make_engine

    engine = make_engine("local", jobs=jobs)
    try:
        assert list(engine.imap(abs, range(0, -40, -1))) == list(range(40))
        assert sorted(engine.imap_unordered(abs, range(0, -40, -1))) == list(range(40))
    finally:
        engine.close()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_a_bar_and_a_pipe_gets_plain_lines_failures_in_both(
    caplog: pytest.LogCaptureFixture,
) -> None:
    from gdplan.batch.job import JobResult
    from gdplan.batch.progress import PlainReporter, RichReporter, Tally, make_reporter

    failed = JobResult("a.txt", "failed", "a.txt:3: bad numbering")
    for stream, kind in ((_Terminal(), RichReporter), (io.StringIO(), PlainReporter)):
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="gdplan"):
            reporter = make_reporter(quiet=False, stream=stream)
            assert isinstance(reporter, kind)
            tally = Tally()
            reporter.start(2)
            for result in (JobResult("b.txt", "converted"), failed):
                tally.add(result)
                reporter.update(result, tally)
            reporter.finish(tally, tally.summary())
        said = [r.getMessage() for r in caplog.records]
        assert "gdplan: a.txt:3: bad numbering" in said
        assert any("converted 1, failed 1, skipped 0" in m for m in said)
        if kind is RichReporter:
            assert "time left" in stream.getvalue()  # the ETA column is labelled
        else:
            assert stream.getvalue() == ""  # the library logs; it never prints
    caplog.clear()
    assert isinstance(make_reporter(quiet=True, stream=_Terminal()), PlainReporter)
    with caplog.at_level(logging.INFO, logger="gdplan"):
        reporter = make_reporter(quiet=True, stream=io.StringIO())
        reporter.update(failed, Tally())
        reporter.finish(Tally(), "summary")
    assert [r.getMessage() for r in caplog.records] == ["gdplan: a.txt:3: bad numbering"]
