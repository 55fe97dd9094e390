"""Keeping what a command loaded out of the cyclic garbage collector's way.

Loading gdplan (pydantic and its schemas, the parser's grammars, the registry) makes tens of
thousands of objects that live as long as the process. The collector walks each of them
again whenever a collection reaches its generation: ≈25 ms of a cold ``gdplan convert`` and
half of a batch's collector time per document. :func:`gc.freeze` moves every object that
exists now to a generation that is never collected; :meth:`FrozenHeap.release` puts them
back, so garbage frozen with them is collected after the command instead of during it.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


class FrozenHeap:
    """The heap frozen from the first :meth:`freeze` to :meth:`release`.

    Each :meth:`freeze` adds what was made since. A heap that was already frozen (by an outer
    FrozenHeap, or someone else) is only added to: its owner unfreezes it.
    """

    def __init__(self) -> None:
        self._owner = False

    def freeze(self) -> None:
        if not gc.get_freeze_count():
            self._owner = True
        gc.freeze()

    def release(self) -> None:
        if self._owner:
            gc.unfreeze()
            self._owner = False

    @contextlib.contextmanager
    def loading(self) -> Iterator[None]:
        """Run the block (imports) with the collector off, then freeze what it loaded: what
        the imports make all lives on, so collecting during them only walks it again and again."""
        enabled = gc.isenabled()
        gc.disable()
        try:
            yield
        finally:
            if enabled:
                gc.enable()
        self.freeze()
