"""How much input gdplan reads: bounds that keep a hostile or mistaken input from taking
the machine's memory, each overridable.

=====================  ===========  ===========================================================
limit                  default      what it bounds
=====================  ===========  ===========================================================
``max_bytes``          50 MiB       an input: a file's size (checked before reading it), the
                                    bytes given, or the UTF-8 size of a str
``max_unzipped``       256 MiB      a DOCX: the sum of its members' uncompressed sizes, as the
                                    zip directory declares them (checked before inflating)
``max_zip_ratio``      100          a DOCX member over 1 MiB may inflate at most this many times
                                    its compressed size (a zip bomb inflates thousands of times)
=====================  ===========  ===========================================================

Python's zipfile never inflates a member past its declared size (a member that holds
more fails its checksum), so checking the declared sizes bounds what a DOCX can take.
``None`` switches a limit off. From the command line: ``--max-bytes 200M`` (suffixes K, M,
G: binary units; ``0`` means no limit). From Python: ``gdplan.parse(path,
limits=Limits(max_bytes=200 * MiB))``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MiB = 1 << 20
DEFAULT_MAX_BYTES = 50 * MiB
DEFAULT_MAX_UNZIPPED = 256 * MiB
DEFAULT_MAX_ZIP_RATIO = 100.0
ZIP_RATIO_FLOOR = 1 * MiB  # members smaller than this may compress as well as they like


@dataclass(frozen=True)
class Limits:
    max_bytes: int | None = DEFAULT_MAX_BYTES
    max_unzipped: int | None = DEFAULT_MAX_UNZIPPED
    max_zip_ratio: float | None = DEFAULT_MAX_ZIP_RATIO

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_unzipped", "max_zip_ratio"):
            value = getattr(self, name)
            if value is not None and value <= 0:
                raise ValueError(f"{name} must be positive or None (no limit), not {value!r}")

    def with_max_bytes(self, max_bytes: int | None) -> Limits:
        """These limits with another ``max_bytes``; the DOCX limit grows with it (never shrinks)."""
        unzipped = self.max_unzipped
        if max_bytes is None:
            unzipped = None
        elif unzipped is not None:
            unzipped = max(unzipped, 5 * max_bytes)
        return Limits(max_bytes, unzipped, self.max_zip_ratio)


DEFAULT_LIMITS = Limits()
NO_LIMITS = Limits(None, None, None)


def size_text(size: int) -> str:
    """1234567 → '1.2 MiB' (for messages)."""
    if size < 1024:
        return f"{size} bytes"
    value = size / 1024
    for unit in ("KiB", "MiB"):
        if value < 1024:
            return f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GiB"


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*$", re.I)


def parse_size(text: str) -> int | None:
    """``--max-bytes`` text → bytes: ``50M``, ``1.5G``, ``200000``, ``0`` (no limit → None)."""
    match = _SIZE.match(text)
    if match is None:
        raise ValueError(f"not a size: {text!r} (examples: 50M, 1G, 200000; 0 for no limit)")
    number, unit = float(match.group(1)), match.group(2).lower()
    size = int(number * {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}[unit])
    return size or None


def too_large(size: int, limit: int, what: str = "the input") -> str:
    return (
        f"{what} is {size_text(size)}, over the limit of {size_text(limit)} "
        "(raise it with --max-bytes or gdplan.parse(..., limits=Limits(max_bytes=...)))"
    )
