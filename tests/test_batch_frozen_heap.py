"""A batch keeps what it loaded out of the cyclic collector's way while it runs, and only then."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from gdplan.batch.engine import FrozenHeap, InlineEngine


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
    assert gc.get_freeze_count() == before > 0


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
