"""Which files a run reads, and where each one's outputs go.

A folder argument stands for every matching file below it (walked recursively, in sorted
order so runs are repeatable); a file argument stands for itself, whatever its name. Each
argument is mirrored into the output folder: a file's outputs go to its top, a folder's
files keep their path below that folder (as ``cp -r FOLDER/. OUTDIR`` would place them).
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

DEFAULT_GLOBS: tuple[str, ...] = ("*.txt", "*.html", "*.htm", "*.mhtml", "*.mht", "*.docx", "*.pdf")


@dataclass(frozen=True)
class InputFile:
    path: Path  # as the user gave it (argument joined with the walked part): shown in messages
    rel: PurePosixPath  # relative to the folder given (a file given: its name): the dataset's source column
    output_stem: PurePosixPath  # where the outputs go below OUTDIR, before each format's extension


@dataclass(frozen=True)
class InputSet:
    """The arguments of one run, resolved: iterate it as often as needed (it walks lazily)."""

    arguments: tuple[Path, ...]
    globs: tuple[str, ...] = DEFAULT_GLOBS
    exclude: Path | None = None  # an output folder inside an input folder is not read back

    def __iter__(self) -> Iterator[InputFile]:
        for argument in self.arguments:
            if argument.is_dir():
                yield from self._walk(argument)
            else:
                rel = PurePosixPath(argument.name)
                yield InputFile(argument, rel, _strip_suffix(rel))

    def count(self) -> int:
        return sum(1 for _ in self)

    def _walk(self, folder: Path) -> Iterator[InputFile]:
        exclude = self.exclude.resolve() if self.exclude else None
        for dirpath, dirnames, filenames in os.walk(folder):
            here = Path(dirpath)
            # Sorted, hidden folders skipped, the output folder skipped: same files, same order, every run.
            dirnames[:] = sorted(
                d
                for d in dirnames
                if not d.startswith(".") and (exclude is None or (here / d).resolve() != exclude)
            )
            chosen = sorted(n for n in filenames if not n.startswith(".") and _matches(n, self.globs))
            for stem_clash, name in _flag_stem_clashes(chosen):
                path = here / name
                rel = _relative(path, folder)
                # plan.txt and plan.html in one folder: their outputs are plan.txt.json and plan.html.json.
                yield InputFile(path, rel, rel if stem_clash else _strip_suffix(rel))


def _strip_suffix(rel: PurePosixPath) -> PurePosixPath:
    return rel.with_suffix("") if rel.suffix else rel


def _flag_stem_clashes(names: Sequence[str]) -> Iterator[tuple[bool, str]]:
    stems: dict[str, int] = {}
    for name in names:
        stem = os.path.splitext(name)[0]
        stems[stem] = stems.get(stem, 0) + 1
    for name in names:
        yield stems[os.path.splitext(name)[0]] > 1, name


def _matches(name: str, globs: Sequence[str]) -> bool:
    lowered = name.lower()
    return any(fnmatch.fnmatchcase(lowered, g.lower()) for g in globs)


def _relative(path: Path, folder: Path) -> PurePosixPath:
    return PurePosixPath(path.relative_to(folder).as_posix())


class NoInputsError(ValueError):
    """The arguments name no file to read (an empty folder, or no name matching the globs)."""


def require_inputs(inputs: InputSet) -> int:
    """How many files ``inputs`` holds; :class:`NoInputsError` when none."""
    total = inputs.count()
    if total == 0:
        where = " ".join(str(a) for a in inputs.arguments)
        raise NoInputsError(f"no input files in {where} (looked for {' '.join(inputs.globs)})")
    return total


def input_set(
    arguments: Sequence[Path], *, globs: Sequence[str] = DEFAULT_GLOBS, exclude: Path | None = None
) -> InputSet:
    return InputSet(tuple(arguments), tuple(globs), exclude)
