"""Batch runs under faults: a killed parent, SIGTERM, a mistyped path, odd file names, a full disk.

Each test here reproduces one failure of issue 9 and fails on the code before the fix.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import gdplan
from gdplan.batch.atomic import TEMP_MARK, OutputFolderError, exclusive_folder
from gdplan.batch.formats import FORMATS
from gdplan.dataset.manifest import verify

from . import procs
from .test_batch import ALL, SAMPLES, SEED, Done, _generated_corpus, assert_valid, gdplan_cli, temp_files

__all__ = ["gdplan_cli"]  # the fixture, imported for the tests below

GDPLAN = [sys.executable, "-m", "gdplan"]


def _start_and_wait_for_records(src: Path, out: Path, *more: str) -> tuple[object, Path]:
    run = procs.start_in_own_group(
        [*GDPLAN, "convert", str(src), "-o", str(out), "--to", "all", "-j", "2", *more]
    )
    records = out / ".gdplan" / "done"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(records.rglob("*.json"))) < 10 and run.poll() is None:
        time.sleep(0.02)
    assert run.poll() is None, "the run finished before it could be killed: make the corpus larger"
    return run, records


# ---------------------------------------------------------------------------- 1. workers die with the parent


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_killing_the_parent_leaves_no_process_and_resume_finishes(
    sig: signal.Signals, gdplan_cli: Callable[..., Done], tmp_path: Path
) -> None:
    procs.need_proc()
    src = tmp_path / "in"
    inputs = _generated_corpus(src, 300)
    out = tmp_path / "out"
    run, records = _start_and_wait_for_records(src, out)
    assert isinstance(run, __import__("subprocess").Popen)
    try:
        os.kill(run.pid, sig)  # the parent only: its workers must not outlive it
        _, stderr = run.communicate(timeout=120)
        left = procs.wait_for_group(run.pid, timeout=30)
        assert left == [], f"processes of the killed run still alive: {left}"
    finally:
        procs.kill_group(run.pid)
    if sig == signal.SIGTERM:
        # Like Ctrl-C: the running files finish, nothing partial is left, exit 128 + 15.
        assert run.returncode == 143, stderr
        assert b"interrupted" in stderr
        assert temp_files(out) == []
    else:
        assert run.returncode == -signal.SIGKILL
    for output in out.rglob("plan-*.*"):
        if TEMP_MARK not in output.name and ".gdplan" not in output.parts:
            assert_valid(output, next(f for f in ALL if output.suffix == FORMATS[f].extension))
    finished = len(list(records.rglob("*.json")))
    # The folder is free at once: no "another gdplan run is writing here".
    resumed = gdplan_cli("convert", src, "-o", out, "--to", "all", "-j", "2", "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert f"skipped {finished}" in resumed.stderr
    assert temp_files(out) == []
    assert len(list(records.rglob("*.json"))) == len(inputs)


# ---------------------------------------------------------------------------- 9. the lock


def test_a_lock_file_removed_while_a_run_waited_is_not_held_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run opens the lock file; the run holding it finishes (removes and unlocks it); the
    first run then locks the removed file. A third run must not get the folder as well."""
    import gdplan.batch.atomic as atomic

    folder = tmp_path / "out"
    first = exclusive_folder(folder)
    first.__enter__()
    real_try_lock = atomic._try_lock
    released = []

    def release_first_then_lock(handle: object) -> bool:
        if not released:
            released.append(True)
            first.__exit__(None, None, None)  # the holder finishes between our open and our lock
        return real_try_lock(handle)  # type: ignore[arg-type]

    monkeypatch.setattr(atomic, "_try_lock", release_first_then_lock)
    with exclusive_folder(folder):
        monkeypatch.setattr(atomic, "_try_lock", real_try_lock)
        with pytest.raises(OutputFolderError, match="another gdplan run"), exclusive_folder(folder):
            pass
    assert released


def test_a_lock_held_by_a_dead_run_is_taken_and_a_live_one_is_refused(tmp_path: Path) -> None:
    from gdplan.batch.atomic import FolderLock

    folder = tmp_path / "out"
    held = FolderLock(folder)
    held.acquire()
    try:
        assert (folder / ".gdplan-lock").read_text() == str(os.getpid())
        with pytest.raises(OutputFolderError, match=rf"pid {os.getpid()}"):
            FolderLock(folder).acquire()
    finally:
        held.release()
    assert not (folder / ".gdplan-lock").exists()
    with exclusive_folder(folder):
        pass


# ---------------------------------------------------------------------------- 2. a dataset is never emptied


def test_a_mistyped_input_never_replaces_a_good_dataset(
    gdplan_cli: Callable[..., Done], tmp_path: Path
) -> None:
    ds = tmp_path / "ds"
    assert gdplan_cli("dataset", SAMPLES, "-o", ds, "--format", "sqlite", "-q").returncode == 0
    before = {p.name: p.read_bytes() for p in ds.iterdir()}
    done = gdplan_cli("dataset", tmp_path / "raws", "-o", ds, "--format", "sqlite")
    assert done.returncode == 1
    assert "no such file" in done.stderr
    assert f"the dataset in {ds} is left as it was" in done.stderr
    assert {p.name: p.read_bytes() for p in ds.iterdir()} == before
    assert verify(ds) == []
    assert [p.name for p in tmp_path.iterdir() if TEMP_MARK in p.name] == []  # no staging folder left


def test_a_dataset_of_only_bad_inputs_writes_nothing(gdplan_cli: Callable[..., Done], tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    done = gdplan_cli("dataset", tmp_path / "empty.txt", "-o", tmp_path / "ds")
    assert done.returncode == 1
    assert "no dataset written" in done.stderr
    assert not (tmp_path / "ds").exists()


def test_a_dataset_interrupted_half_way_leaves_the_old_one(
    gdplan_cli: Callable[..., Done], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ds = tmp_path / "ds"
    assert gdplan_cli("dataset", SAMPLES, "-o", ds, "-q").returncode == 0
    before = {p.name: p.read_bytes() for p in ds.iterdir()}
    import gdplan.dataset.build as build

    real = build._Assembler.add
    calls = []

    def interrupt_on_second(self: object, extracted: object) -> object:
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(self, extracted)  # type: ignore[arg-type]

    monkeypatch.setattr(build._Assembler, "add", interrupt_on_second)
    assert gdplan_cli("dataset", SAMPLES, "-o", ds, "-j", "1").returncode == 130
    assert {p.name: p.read_bytes() for p in ds.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir() if TEMP_MARK in p.name] == []


def test_convert_to_a_file_never_replaces_it_when_the_input_fails(
    gdplan_cli: Callable[..., Done], tmp_path: Path
) -> None:
    target = tmp_path / "plan.json"
    target.write_text("{}\n", encoding="utf-8")
    done = gdplan_cli("convert", tmp_path / "missing.txt", "--to", "json", "-o", target)
    assert done.returncode == 1 and "no such file" in done.stderr
    assert target.read_text(encoding="utf-8") == "{}\n"


# ---------------------------------------------------------------------------- 3. names that are not UTF-8

BAD_NAME = os.fsdecode(b"plan-\xff\xfe.txt")


def _non_utf8_folder(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    try:
        shutil.copy(SEED, src / BAD_NAME)
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system does not take file names that are not UTF-8")
    shutil.copy(SEED, src / "ok.txt")
    (src / "empty.txt").write_bytes(b"")
    return src


def test_a_file_name_that_is_not_utf8_is_converted_like_any_other(
    gdplan_cli: Callable[..., Done], tmp_path: Path
) -> None:
    src = _non_utf8_folder(tmp_path)
    out = tmp_path / "out"
    done = gdplan_cli("convert", src, "-o", out, "--to", "json,md", "-j", "1")
    assert done.returncode == 1  # empty.txt
    assert "converted 2, failed 1" in done.stderr
    assert "Traceback" not in done.stderr
    converted = json.loads((out / os.fsdecode(b"plan-\xff\xfe.json")).read_text(encoding="utf-8"))
    assert converted["source"] == str(src / "plan-\\xff\\xfe.txt")
    errors = [json.loads(line) for line in (out / "_errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [Path(e["source"]).name for e in errors] == ["empty.txt"]
    assert gdplan_cli("convert", src, "-o", out, "--to", "json,md", "--resume").stderr.count("skipped 2")


def test_parse_of_a_non_utf8_path_exports_in_every_format(tmp_path: Path) -> None:
    src = _non_utf8_folder(tmp_path)
    doc = gdplan.parse(src / BAD_NAME)
    assert doc.source.endswith("plan-\\xff\\xfe.txt")
    assert json.loads(gdplan.to_json(doc))["source"] == doc.source
    assert gdplan.from_markdown(gdplan.to_markdown(doc)) is not None
    gdplan.to_xml(doc)
    gdplan.to_jsonl(doc)


def test_a_non_utf8_name_is_tabled_escaped_in_a_dataset(
    gdplan_cli: Callable[..., Done], tmp_path: Path
) -> None:
    src = _non_utf8_folder(tmp_path)
    (src / "ok.txt").unlink()
    ds = tmp_path / "ds"
    done = gdplan_cli("dataset", src, "-o", ds)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    rows = [json.loads(line) for line in (ds / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["source"] for r in rows] == ["plan-\\xff\\xfe.txt"]


# ---------------------------------------------------------------------------- 4. a full disk, _errors.jsonl


def test_a_full_disk_is_one_line_per_input_then_a_clean_stop(
    gdplan_cli: Callable[..., Done], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gdplan.batch.job as job

    src = tmp_path / "in"
    _generated_corpus(src, 12)
    out = tmp_path / "out"
    written = []

    def full_after_three(target: Path, data: bytes, *, fsync: bool = False) -> None:
        if len(written) >= 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))
        written.append(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    monkeypatch.setattr(job, "write_bytes_atomic", full_after_three)
    done = gdplan_cli("convert", src, "-o", out, "--to", "json", "-j", "1")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if "No space left on device" in line]
    # One line for the input that hit it, then the summary saying why the run stopped.
    assert len(lines) == 2 and lines[0].startswith("gdplan: ") and "plan-0009.txt" in lines[0]
    assert "converted 3, failed 1" in done.stderr and "stopped early" in done.stderr
    errors = (out / "_errors.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(errors) == 1 and "No space left on device" in json.loads(errors[0])["reason"]


def test_errors_are_appended_one_line_at_a_time_not_rewritten(
    gdplan_cli: Callable[..., Done], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gdplan.batch.errors_log as errors_log

    src = tmp_path / "in"
    src.mkdir()
    for i in range(20):
        (src / f"bad-{i:02d}.txt").write_bytes(b"")
    rewrites = []
    real = errors_log.write_text_atomic
    monkeypatch.setattr(errors_log, "write_text_atomic", lambda *a, **k: (rewrites.append(1), real(*a, **k)))
    done = gdplan_cli("convert", src, "-o", tmp_path / "out", "--to", "json", "-j", "1")
    assert "failed 20" in done.stderr
    assert len(rewrites) <= 1  # the final sort, not one rewrite per failure
    lines = (tmp_path / "out" / "_errors.jsonl").read_text(encoding="utf-8").splitlines()
    assert [Path(json.loads(line)["source"]).name for line in lines] == [
        f"bad-{i:02d}.txt" for i in range(20)
    ]


def test_a_full_disk_while_logging_errors_stops_cleanly(
    gdplan_cli: Callable[..., Done], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gdplan.batch.errors_log as errors_log

    src = tmp_path / "in"
    src.mkdir()
    for i in range(5):
        (src / f"bad-{i}.txt").write_bytes(b"")

    def no_space(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(errors_log, "write_text_atomic", no_space)
    monkeypatch.setattr(errors_log.ErrorLog, "add", lambda self, result: OSError(errno.ENOSPC, "No space"))
    done = gdplan_cli("convert", src, "-o", tmp_path / "out", "--to", "json", "-j", "1")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "stopped early: cannot write" in done.stderr
    assert "failed 1" in done.stderr  # no input starts after the disk is full


def _staged_rows(folder: Path) -> bool:
    """True once a dataset build beside ``folder/ds`` has written rows into its staging folder."""
    try:
        return any(p.stat().st_size for d in folder.glob(f".ds{TEMP_MARK}*") for p in d.iterdir())
    except OSError:  # the build finished (or moved a file) meanwhile
        return False


def test_killing_a_dataset_build_leaves_the_old_dataset_and_no_process(
    gdplan_cli: Callable[..., Done], tmp_path: Path
) -> None:
    procs.need_proc()
    ds = tmp_path / "ds"
    assert gdplan_cli("dataset", SAMPLES, "-o", ds, "-q").returncode == 0
    before = {p.name: p.read_bytes() for p in ds.iterdir()}
    src = tmp_path / "in"
    _generated_corpus(src, 1500)
    run = procs.start_in_own_group([*GDPLAN, "dataset", str(src), "-o", str(ds), "-j", "2"])
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and run.poll() is None and not _staged_rows(tmp_path):
            time.sleep(0.02)
        assert run.poll() is None, "the build finished before it could be killed: make the corpus larger"
        os.kill(run.pid, signal.SIGKILL)
        run.communicate(timeout=60)
        assert procs.wait_for_group(run.pid, timeout=30) == []
    finally:
        procs.kill_group(run.pid)
    after = {p.name: p.read_bytes() for p in ds.iterdir() if p.name != ".gdplan-lock"}  # unlocked
    assert after == before
    # The next build clears the dead run's staging folder and the lock is free at once.
    assert gdplan_cli("dataset", SAMPLES, "-o", ds, "-q").returncode == 0
    assert [p.name for p in tmp_path.iterdir() if TEMP_MARK in p.name] == []
