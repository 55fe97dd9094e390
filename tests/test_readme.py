"""The README's Python example runs on every notice a user may have, and type-checks.

Its printed output is compared by tests/test_docs.py; here it runs on every sample and dev
document (cut-off ones included: a truncated last item has an empty responsibility, not
None), and it and a script using the whole public API pass ``mypy --strict``.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

import gdplan

from .conftest import ROOT, SAMPLES, SEED, dev_raw_params
from .test_docs import fenced_blocks

README_PATH = "samples/gd-2025-digital-seed.txt"


def readme_example() -> str:
    python = [b.code for b in fenced_blocks(ROOT / "README.md") if b.lang == "python"]
    assert python, "README.md has no ```python block"
    assert README_PATH in python[0], "the README example parses the seed sample"
    return python[0]


def _run_example(path: Path) -> str:
    code = readme_example().replace(f'Path("{README_PATH}")', f"Path({str(path)!r})")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})
    return out.getvalue()


@pytest.mark.parametrize(
    "path",
    [*sorted(p for p in SAMPLES.iterdir() if p.suffix != ".md"), *dev_raw_params()],
    ids=lambda p: p.name if isinstance(p, Path) else str(p),
)
def test_readme_example_runs_on_every_sample_and_dev_document(path: Path) -> None:
    try:
        doc = gdplan.parse(path)
    except gdplan.NotAPlanError as exc:
        pytest.xfail(f"the parser refuses it ({exc.reason}): issue 7's, not the example's")
    printed = _run_example(path).splitlines()
    items = list(doc.items())
    assert printed[0] == repr(doc)
    assert len(printed) == 2 + len(items)  # the repr, the title line, one line per item
    for item in items:
        assert item.responsibility.stated or item.responsibility.absent in ("truncated", "no-clause")


def test_a_cut_off_last_item_has_an_empty_responsibility_saying_why() -> None:
    doc = gdplan.parse(SAMPLES / "sh-2025-open-govt-t.txt")
    last = list(doc.items())[-1]
    assert last.truncated and not doc.complete
    assert last.responsibility.absent == "truncated"
    assert last.responsibility.lead == [] and last.responsibility.is_empty()
    # what the JSON keeps reads back to the same
    assert gdplan.from_json(gdplan.to_json(doc)) == doc
    assert gdplan.from_markdown(gdplan.to_markdown(doc)) == doc


USER_SCRIPT = """
from __future__ import annotations

import io
from pathlib import Path

import gdplan
from gdplan import Document, Node, Responsibility, Role, Unit


def leads(doc: Document) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for node in doc.walk():
        duty: Responsibility = node.responsibility
        for unit in duty.units(Role.LEAD):
            out.setdefault(unit.key, []).append(node.title)
    return out


def first_item(doc: Document) -> Node | None:
    return next(doc.items(), None)


doc = gdplan.parse(Path("SEED"))
with open("SEED", "rb") as binary:
    same = gdplan.parse(binary)
with open("SEED", encoding="utf-8") as text:
    also = gdplan.parse(text)
from_bytes: Document = gdplan.parse(Path("SEED").read_bytes(), name="seed.txt")
units: list[Unit] = [u for n in doc.items() for u in n.responsibility.lead]
absent: str | None = doc.children[0].responsibility.absent
back: Document = gdplan.from_json(gdplan.to_json(doc))
again: Document = gdplan.from_markdown(gdplan.to_markdown(doc))
xml: str = gdplan.to_xml(doc)
rows: str = gdplan.to_jsonl(doc)
item = first_item(doc)
title: str = item.title if item is not None else ""
try:
    gdplan.parse("plan.txt")
except gdplan.GdplanError as exc:
    reason: str = exc.reason
print(leads(doc), same == doc, len(units), absent, back == doc, again == doc, title, io.StringIO)
"""


def test_readme_example_and_a_user_script_pass_mypy_strict(tmp_path: Path) -> None:
    pytest.importorskip("mypy")
    (tmp_path / "readme_example.py").write_text(
        "\n".join(b.code for b in fenced_blocks(ROOT / "README.md") if b.lang == "python"), encoding="utf-8"
    )
    (tmp_path / "user_script.py").write_text(USER_SCRIPT.replace("SEED", str(SEED)), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("MYPYPATH",)}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--cache-dir",
            str(tmp_path / "cache"),
            "readme_example.py",
            "user_script.py",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # and the script does what it says, too
    ran = subprocess.run(
        [sys.executable, "user_script.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert ran.returncode == 0, ran.stderr
