"""The samples the demo, the tests and the bench use are present and their sources named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
SOURCES = SAMPLES / "SOURCES.md"
DEV_RAW = REPO.parent / "shared" / "corpus" / "dev" / "raw"
SEED = "gd-2025-digital-seed.txt"  # bench/bench_parse.py parses this one


def sample_files() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if p.is_file() and p != SOURCES)


def names_in_sources() -> set[str]:
    """The files SOURCES.md describes: the first cell of each table row, in backticks."""
    return set(re.findall(r"^\|\s*`([^`]+)`\s*\|", SOURCES.read_text(encoding="utf-8"), flags=re.MULTILINE))


def test_samples_and_sources_exist() -> None:
    assert SOURCES.is_file(), "samples/SOURCES.md is missing"
    assert (SAMPLES / SEED).is_file(), f"samples/{SEED} is missing (the bench parses it)"
    assert all(p.stat().st_size > 0 for p in sample_files())


def test_every_sample_is_named_in_sources() -> None:
    unnamed = [p.name for p in sample_files() if p.name not in names_in_sources()]
    assert unnamed == [], f"samples not described in samples/SOURCES.md: {unnamed}"


def test_every_file_named_in_sources_exists() -> None:
    missing = sorted(n for n in names_in_sources() if not (SAMPLES / n).is_file())
    assert missing == [], f"SOURCES.md names files that are not in samples/: {missing}"


@pytest.mark.parametrize("name", [p.name for p in sample_files()])
def test_sample_is_an_exact_copy_of_its_dev_document(name: str) -> None:
    original = DEV_RAW / name
    if not DEV_RAW.is_dir():
        pytest.skip(f"the dev corpus is not beside the repository ({DEV_RAW})")
    assert original.is_file(), f"samples/{name} has no dev document of the same name in {DEV_RAW}"
    assert (SAMPLES / name).read_bytes() == original.read_bytes(), f"samples/{name} differs from {original}"
