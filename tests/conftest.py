"""Shared locations for the tests: the bundled samples and the team's dev corpus."""

from __future__ import annotations

from pathlib import Path

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


@pytest.fixture
def corpus() -> Path:
    return dev_corpus()
