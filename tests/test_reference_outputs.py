"""Every sample and dev document gives the same outputs as the committed reference.

Speed work must change no output. When a change of the grammar or the model changes them on
purpose, regenerate the reference with ``make reference`` (tools/update_reference.py) and
say why in the commit; ``tools/update_reference.py --dump DIR`` writes the outputs to diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DEV_CORPUS, SAMPLES, dev_raw_params
from tests.reference import DEV_REFERENCE, SAMPLES_REFERENCE, digests, documents, load, outputs

HINT = "outputs changed: if on purpose (grammar/model), run `make reference` and say why in the commit"


def _check(reference: Path, name: str, path: Path) -> None:
    expected = load(reference).get(name)
    assert expected is not None, f"{name} is not in {reference.name}: run `make reference`"
    got = digests(outputs(path, name))
    differing = sorted(fmt for fmt in expected.keys() | got.keys() if expected.get(fmt) != got.get(fmt))
    assert not differing, f"{name}: {', '.join(differing)} differ; {HINT}"


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_sample_outputs_equal_the_reference(path: Path) -> None:
    _check(SAMPLES_REFERENCE, f"samples/{path.name}", path)


@pytest.mark.parametrize("path", dev_raw_params(), ids=lambda p: p.name)
def test_dev_outputs_equal_the_reference(path: Path) -> None:
    _check(DEV_REFERENCE, f"dev/{path.name}", path)


def test_the_reference_names_every_document_and_no_other() -> None:
    assert set(load(SAMPLES_REFERENCE)) == set(documents(SAMPLES, "samples"))
    if (DEV_CORPUS / "raw").is_dir():
        assert set(load(DEV_REFERENCE)) == set(documents(DEV_CORPUS / "raw", "dev"))


def test_a_changed_output_is_seen() -> None:
    """The comparison can fail: one character more in an output changes its digest."""
    name, path = next(iter(documents(SAMPLES, "samples").items()))
    texts = outputs(path, name)
    texts["xml"] += " "
    assert digests(texts)["xml"] != load(SAMPLES_REFERENCE)[name]["xml"]
