"""What a command loaded is kept out of the cyclic collector's way while it runs, and only then
(gdplan.batch.heap: a batch after its first document or warm-up, a convert after its imports)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from gdplan.batch.engine import InlineEngine
from gdplan.batch.heap import FrozenHeap

SEED = Path(__file__).resolve().parents[1] / "samples" / "gd-2025-digital-seed.txt"


@pytest.fixture(autouse=True)
def _thawed() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_inline_engine_freezes_after_the_first_job_and_thaws_on_close() -> None:
    engine = InlineEngine()
    seen: list[int] = []

    def job(n: int) -> int:
        seen.append(gc.get_freeze_count())
        return n

    assert list(engine.imap_unordered(job, range(3))) == [0, 1, 2]
    assert seen[0] == 0 and seen[1] > 0 and seen[2] > 0
    engine.close()
    assert gc.get_freeze_count() == 0


def test_a_single_job_freezes_nothing() -> None:
    engine = InlineEngine()
    assert list(engine.imap(lambda n: gc.get_freeze_count(), [7])) == [0]
    engine.close()
    assert gc.get_freeze_count() == 0


def test_a_heap_frozen_by_someone_else_stays_frozen() -> None:
    gc.freeze()
    before = gc.get_freeze_count()
    heap = FrozenHeap()
    heap.freeze()
    heap.release()
    assert gc.get_freeze_count() >= before > 0


def test_an_inner_freeze_adds_and_the_owner_thaws_everything() -> None:
    outer, inner = FrozenHeap(), FrozenHeap()
    outer.freeze()
    frozen = gc.get_freeze_count()
    made = [[n] for n in range(1000)]  # containers: tracked by the collector
    inner.freeze()
    assert gc.get_freeze_count() >= frozen + len(made)
    inner.release()
    assert gc.get_freeze_count() > 0
    outer.release()
    assert gc.get_freeze_count() == 0


def test_loading_turns_the_collector_off_for_the_block_only() -> None:
    heap = FrozenHeap()
    with heap.loading():
        assert not gc.isenabled()
    assert gc.isenabled() and gc.get_freeze_count() > 0
    heap.release()
    assert gc.get_freeze_count() == 0


def test_loading_leaves_a_disabled_collector_disabled() -> None:
    heap = FrozenHeap()
    gc.disable()
    try:
        with heap.loading():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
        heap.release()


def test_convert_leaves_the_collector_as_it_found_it(tmp_path: Path) -> None:
    from gdplan.cli import main

    out = tmp_path / "seed.json"
    assert main(["convert", str(SEED), "-o", str(out), "-q"]) == 0
    assert out.read_bytes().startswith(b"{")
    assert gc.isenabled() and gc.get_freeze_count() == 0


@pytest.mark.parametrize(
    ("name", "reader", "surely"),
    [
        ("plan.txt", None, True),
        ("plan.HTML", None, True),
        ("plan.md", None, False),
        ("plan.json", None, False),
        ("plan", None, False),  # told by content
        ("plan.md", "txt", True),
        ("plan.txt", "md", False),
        ("plan.txt", "nonsense", False),
    ],
)
def test_parses_notice_only_when_sure(name: str, reader: str | None, surely: bool) -> None:
    from gdplan.load import parses_notice

    assert parses_notice(Path(name), reader) is surely


def test_cyclic_garbage_made_before_the_freeze_is_collected_after_release() -> None:
    class Cycle:
        me: object

    def make() -> None:
        cycle = Cycle()
        cycle.me = cycle

    heap = FrozenHeap()
    gc.collect()
    make()
    heap.freeze()
    assert gc.collect() == 0  # frozen with the rest while the run lasts
    heap.release()
    assert gc.collect() > 0


def test_the_command_itself_exits_with_the_heap_frozen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # console() is the gdplan command: the process exits next, and a frozen heap spares the
    # collections the interpreter runs as it shuts down; main() from Python gives it back.
    from gdplan.cli import console, main

    out = tmp_path / "seed.json"
    monkeypatch.setattr("sys.argv", ["gdplan", "convert", str(SEED), "-o", str(out), "-q"])
    try:
        assert main() == 0
        assert gc.isenabled() and gc.get_freeze_count() == 0
        assert console() == 0
        assert gc.isenabled() and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_the_command_in_a_fresh_process_writes_what_main_writes(tmp_path: Path) -> None:
    import subprocess
    import sys

    from gdplan.cli import main

    by_main, by_command = tmp_path / "main.json", tmp_path / "command.json"
    assert main(["convert", str(SEED), "-o", str(by_main), "-q"]) == 0
    done = subprocess.run(
        [sys.executable, "-m", "gdplan", "convert", str(SEED), "-o", str(by_command)],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0 and done.stderr == b""
    assert by_command.read_bytes() == by_main.read_bytes()
