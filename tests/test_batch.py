"""Batch conversion end to end: all formats, _errors.jsonl, --resume after SIGKILL."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import gdplan
from gdplan.batch.atomic import TEMP_MARK
from gdplan.batch.formats import FORMATS, render_bytes
from gdplan.cli import main

from . import procs

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
SEED = SAMPLES / "gd-2025-digital-seed.txt"
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
ALL = ("json", "jsonl", "xml", "md", "xlsx")


class Done:
    """What a run of ``gdplan ARGS`` in this process left: exit status and standard error."""

    def __init__(self, returncode: int, stderr: str) -> None:
        self.returncode, self.stderr = returncode, stderr


@pytest.fixture
def gdplan_cli(capfd: pytest.CaptureFixture[str]) -> Callable[..., Done]:
    def run(*args: str | Path) -> Done:
        capfd.readouterr()
        status = main([str(a) for a in args])
        sys.stderr.flush()
        return Done(status, capfd.readouterr().err)

    return run


def assert_valid(path: Path, fmt: str) -> None:
    """An output is whole: it parses as its format (a cut-off file would not)."""
    if fmt == "xlsx":
        import zipfile

        with zipfile.ZipFile(path) as book:  # a cut-off zip has no central directory
            assert book.testzip() is None and "xl/workbook.xml" in book.namelist()
        return
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n"), path
    if fmt == "json":
        assert "doc_id" in json.loads(text)
    elif fmt == "jsonl":
        assert all("path" in json.loads(line) for line in text.splitlines())
    elif fmt == "xml":
        from lxml import etree

        etree.fromstring(text.encode("utf-8"))
    else:
        assert text.strip()


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if TEMP_MARK in p.name]


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    shutil.copytree(SAMPLES, folder)
    (folder / "bad").mkdir()
    (folder / "bad" / "empty.txt").write_bytes(b"")
    (folder / "bad" / "image.txt").write_bytes(PNG_HEADER)
    (folder / "gb").mkdir()
    (folder / "gb" / "seed-gb18030.txt").write_bytes(SEED.read_text(encoding="utf-8").encode("gb18030"))
    return folder


def test_a_folder_converts_to_every_format_and_lists_the_bad_inputs(
    gdplan_cli: Callable[..., Done], mixed_folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    done = gdplan_cli("convert", mixed_folder, "-o", out, "--to", "json,xml,md,jsonl,xlsx", "-j", "2")
    assert done.returncode == 1, done.stderr
    good = [p.relative_to(mixed_folder) for p in mixed_folder.rglob("*.txt") if p.parent.name != "bad"]
    assert len(good) == 4
    for rel in good:
        for fmt in ALL:
            target = out / rel.with_suffix(FORMATS[fmt].extension)
            assert target.is_file(), target
            assert_valid(target, fmt)
    errors = [json.loads(line) for line in (out / "_errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(Path(e["source"]).name for e in errors) == ["empty.txt", "image.txt"]
    assert all(e["reason"] and e["source"] in e["reason"] for e in errors)
    assert not (out / "bad").exists() or not any((out / "bad").iterdir())
    # The GB18030 copy is the seed's text: same document id as the UTF-8 original.
    seed = json.loads((out / "gd-2025-digital-seed.json").read_text(encoding="utf-8"))
    gb = json.loads((out / "gb" / "seed-gb18030.json").read_text(encoding="utf-8"))
    assert gb["doc_id"] == seed["doc_id"]
    assert "converted 4, failed 2, skipped 0" in done.stderr
    assert temp_files(out) == []


def test_outputs_equal_the_single_file_conversion(gdplan_cli: Callable[..., Done], tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert gdplan_cli("convert", SAMPLES, "-o", out, "--to", "all", "-j", "2", "-q").returncode == 0
    for sample in SAMPLES.glob("*.txt"):
        doc = gdplan.parse(SAMPLES / sample.name)
        for fmt in ALL:
            expected = render_bytes(doc, FORMATS[fmt])
            assert (out / (sample.stem + FORMATS[fmt].extension)).read_bytes() == expected


def test_resume_skips_what_is_done_and_redoes_what_changed(
    gdplan_cli: Callable[..., Done], tmp_path: Path
) -> None:
    src = tmp_path / "in"
    shutil.copytree(SAMPLES, src)
    out = tmp_path / "out"
    assert gdplan_cli("convert", src, "-o", out, "--to", "json,md", "-q").returncode == 0
    before = {p: p.stat().st_mtime_ns for p in out.glob("*.json")}
    again = gdplan_cli("convert", src, "-o", out, "--to", "json,md", "--resume")
    assert again.returncode == 0
    assert "converted 0, failed 0, skipped 3" in again.stderr
    assert {p: p.stat().st_mtime_ns for p in out.glob("*.json")} == before
    changed = src / "zhaoqing-2024-digecon-s.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("2024", "2023"), encoding="utf-8")
    third = gdplan_cli("convert", src, "-o", out, "--to", "json,md", "--resume")
    assert "converted 1, failed 0, skipped 2" in third.stderr
    assert json.loads((out / "zhaoqing-2024-digecon-s.json").read_text(encoding="utf-8"))["year"] == 2023
    # Another format is other output: nothing can be skipped.
    assert "converted 3" in gdplan_cli("convert", src, "-o", out, "--to", "json,xml", "--resume").stderr


def _generated_corpus(folder: Path, n: int) -> list[Path]:
    """n variants of a short sample: other years and numbered titles, so no two are the same document."""
    text = (SAMPLES / "zhaoqing-2024-digecon-s.txt").read_text(encoding="utf-8")
    made = []
    for i in range(n):
        variant = text.replace("2024", str(2000 + i % 40)).replace("工作要点", f"工作要点（第{i}批）")
        path = folder / f"part{i % 3}" / f"plan-{i:04d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(variant, encoding="utf-8")
        made.append(path)
    return made


def test_sigkill_half_way_then_resume_finishes_with_every_output_whole(
    gdplan_cli: Callable[..., Done], tmp_path: Path
) -> None:
    procs.need_proc()
    src = tmp_path / "in"
    inputs = _generated_corpus(src, 300)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "gdplan", "convert", str(src), "-o", str(out), "--to", "all", "-j", "2"]
    run = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    records = out / ".gdplan" / "done"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(records.rglob("*.json"))) < 10 and run.poll() is None:
        time.sleep(0.02)
    os.killpg(run.pid, signal.SIGKILL)  # the run and its workers, mid-write
    run.wait()
    # Every process of the run, not only the parent, must be gone before the next run may
    # take the folder: a dying worker still holds the lock for a moment.
    assert procs.wait_for_group(run.pid) == []
    assert run.returncode == -signal.SIGKILL, (
        "the run finished before it could be killed: make the corpus larger"
    )
    finished = len(list(records.rglob("*.json")))
    assert 10 <= finished < len(inputs)
    # Killed mid-write, yet every output in place is whole: only temporary files can be partial.
    for output in out.rglob("plan-*.*"):
        if TEMP_MARK not in output.name and ".gdplan" not in output.parts:
            assert_valid(output, next(f for f in ALL if output.suffix == FORMATS[f].extension))

    resumed = gdplan_cli("convert", src, "-o", out, "--to", "all", "-j", "2", "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert f"skipped {finished}" in resumed.stderr
    assert temp_files(out) == []
    for path in inputs:
        rel = path.relative_to(src)
        for fmt in ALL:
            assert_valid(out / rel.with_suffix(FORMATS[fmt].extension), fmt)
    for path in inputs[::37]:  # and they are the right bytes, not merely well formed
        doc = gdplan.parse(path)
        for fmt in ALL:
            target = out / path.relative_to(src).with_suffix(FORMATS[fmt].extension)
            assert target.read_bytes() == render_bytes(doc, FORMATS[fmt])


def test_dask_local_cluster_writes_the_same_outputs_as_the_local_engine(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from gdplan.batch.engine import DaskEngine
    from gdplan.batch.run import ConvertOptions, run_convert

    def options(out: Path) -> ConvertOptions:
        return ConvertOptions(inputs=(SAMPLES,), outdir=out, formats=ALL, quiet=True)

    assert run_convert(options(tmp_path / "local")) == 0
    assert run_convert(options(tmp_path / "dask"), engine=DaskEngine(None, 1, processes=False)) == 0
    local = {
        p.relative_to(tmp_path / "local"): p.read_bytes()
        for p in (tmp_path / "local").rglob("*.*")
        if p.is_file()
    }
    dask = {
        p.relative_to(tmp_path / "dask"): p.read_bytes()
        for p in (tmp_path / "dask").rglob("*.*")
        if p.is_file()
    }
    outputs = {k for k in local if k.parts[0] != ".gdplan"}
    assert len(outputs) == 3 * len(ALL) + 1  # every sample in every format, and _errors.jsonl
    assert local == dask


def test_resume_converts_again_after_a_gdplan_upgrade(
    gdplan_cli: Callable[..., Done], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    assert gdplan_cli("convert", SAMPLES, "-o", out, "--to", "json", "-j", "1").returncode == 0
    assert (
        "skipped 3" in gdplan_cli("convert", SAMPLES, "-o", out, "--to", "json", "-j", "1", "--resume").stderr
    )
    monkeypatch.setattr(gdplan, "__version__", "99.0")
    assert (
        "converted 3"
        in gdplan_cli("convert", SAMPLES, "-o", out, "--to", "json", "-j", "1", "--resume").stderr
    )
