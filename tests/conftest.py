"""Shared locations for the tests: the bundled samples and the team's dev corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
FIXTURES = ROOT / "tests" / "fixtures"
DEV_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
SEED = SAMPLES / "gd-2025-digital-seed.txt"


def dev_corpus() -> Path:
    """The dev corpus beside the clone, or skip: a user's own clone does not have it."""
    if not (DEV_CORPUS / "raw").is_dir():
        pytest.skip(f"dev corpus not found at {DEV_CORPUS} (it sits beside the clone in CI only)")
    return DEV_CORPUS


def dev_raw_params() -> list[Any]:
    """Parameters for a test over every dev document: the files, or one skipped case saying why."""
    raw = DEV_CORPUS / "raw"
    if raw.is_dir():
        return sorted(raw.glob("*.txt"))
    reason = f"dev corpus not found at {raw} (it sits beside the clone in CI only)"
    return [pytest.param(None, id="no-dev-corpus", marks=pytest.mark.skip(reason=reason))]


@pytest.fixture
def corpus() -> Path:
    return dev_corpus()
