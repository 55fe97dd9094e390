"""What --resume trusts: one small record per converted input, written after its outputs.

``OUTDIR/.gdplan/done/<output stem>.json`` holds the input's sha256, the options that
shape the outputs, and the name and size of every output. It is written atomically and
only after every output is in place, so its presence means the whole input is done; a run
killed in between simply converts that input again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from gdplan.batch.atomic import write_text_atomic

STATE_DIR = ".gdplan"


@dataclass(frozen=True)
class DoneRecord:
    input_sha256: str
    options: dict[str, str]  # script, errors, gdplan version: what makes other output of one input
    outputs: dict[str, int]  # output file name (in its folder) → size in bytes
    gdplan_version: str

    def to_json(self) -> str:
        return json.dumps(
            {
                "input_sha256": self.input_sha256,
                "options": self.options,
                "outputs": self.outputs,
                "gdplan_version": self.gdplan_version,
            },
            ensure_ascii=True,  # an output name that is not UTF-8 (escaped bytes) survives as \udcNN
            sort_keys=True,
        )


def record_path(outdir: Path, output_stem: PurePosixPath) -> Path:
    return outdir / STATE_DIR / "done" / (str(output_stem) + ".json")


def write_record(outdir: Path, output_stem: PurePosixPath, record: DoneRecord) -> None:
    write_text_atomic(record_path(outdir, output_stem), record.to_json() + "\n")


def read_record(outdir: Path, output_stem: PurePosixPath) -> DoneRecord | None:
    try:
        raw = json.loads(record_path(outdir, output_stem).read_text(encoding="utf-8"))
        return DoneRecord(
            input_sha256=str(raw["input_sha256"]),
            options={str(k): str(v) for k, v in raw["options"].items()},
            outputs={str(k): int(v) for k, v in raw["outputs"].items()},
            gdplan_version=str(raw["gdplan_version"]),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # missing or unreadable: convert again


def is_done(
    outdir: Path,
    output_stem: PurePosixPath,
    *,
    input_sha256: str,
    options: dict[str, str],
    output_names: list[str],
) -> bool:
    """True when a record vouches for exactly these outputs of exactly these input bytes."""
    record = read_record(outdir, output_stem)
    if record is None or record.input_sha256 != input_sha256 or record.options != options:
        return False
    folder = (outdir / output_stem).parent
    for name in output_names:
        size = record.outputs.get(name)
        target = folder / name
        if size is None or not target.is_file() or target.stat().st_size != size:
            return False
    return True
