"""Every fenced block in README.md and docs/*.md: ```python and ```sh blocks run, and what
they print is compared with the ```text output block that follows them, where there is one.

The convention (docs/development.md, "Docs that run"):

- ```python runs with this interpreter, ```sh in bash (-e, -o pipefail) with .venv/bin first
  on PATH. Both run in a scratch copy of the repository root (its files linked, not
  copied), so relative paths (samples/, out/, ds/) mean what they mean from the root and
  whatever a block writes lands in a temporary folder. Blocks of one page share that
  folder, in page order; a python block runs after the page's earlier python blocks (their
  output discarded), so it may use the names they defined.
- A ```text output block right after a runnable block (only blank lines between) is what
  it prints to standard output: every line of it must appear, in that order, among the
  printed lines; ``…`` in a line stands for any text.
- Every other fence names its language (```text, ```json, ```xml, ```markdown, ```sql …):
  an untagged fence fails, so nothing illustrative can be mistaken for a runnable example.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
RUNNABLE = ("python", "sh")
OUTPUT_INFO = "text output"
SKIP_IN_WORKSPACE = {".git", ".venv", "out", "ds", "dataset", ".mypy_cache", ".ruff_cache", ".pytest_cache"}
TIMEOUT = 300

_OPEN = re.compile(r"^(?P<fence>`{3,}|~{3,})(?P<info>[^`]*)$")


@dataclass(frozen=True)
class Block:
    page: Path
    line: int  # of the opening fence, 1-based
    info: str
    code: str
    expected: str | None = None  # the text output block that follows, if any

    @property
    def lang(self) -> str:
        return self.info.split()[0] if self.info.split() else ""

    def where(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def fenced_blocks(page: Path) -> list[Block]:
    lines = page.read_text(encoding="utf-8").splitlines()
    found: list[tuple[int, str, str, int]] = []  # (line, info, code, line after the close)
    i = 0
    while i < len(lines):
        opening = _OPEN.match(lines[i])
        if opening is None:
            i += 1
            continue
        fence = opening["fence"]
        body: list[str] = []
        j = i + 1
        while j < len(lines) and not (
            lines[j].startswith(fence[0] * len(fence)) and not lines[j].strip(fence[0]).strip()
        ):
            body.append(lines[j])
            j += 1
        found.append((i + 1, opening["info"].strip(), "\n".join(body) + "\n", j + 1))
        i = j + 1
    blocks: list[Block] = []
    skip_next = False
    for k, (line, info, code, after) in enumerate(found):
        if skip_next:
            skip_next = False
            continue
        expected = None
        if info.split()[:1] and info.split()[0] in RUNNABLE and k + 1 < len(found):
            nxt_line, nxt_info, nxt_code, _ = found[k + 1]
            between = lines[after : nxt_line - 1]
            if nxt_info == OUTPUT_INFO and all(not s.strip() for s in between):
                expected = nxt_code
                skip_next = True
        blocks.append(Block(page, line, info, code, expected))
    return blocks


ALL_BLOCKS = [b for page in PAGES for b in fenced_blocks(page)]


def _workspace(tmp: Path) -> Path:
    """A stand-in for the repository root: its entries linked, so writes land in ``tmp``."""
    root = tmp / "repo"
    root.mkdir()
    for entry in ROOT.iterdir():
        if entry.name not in SKIP_IN_WORKSPACE:
            (root / entry.name).symlink_to(entry)
    return root


def _run(argv: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env.pop("GDPLAN_DEBUG", None)
    process = subprocess.Popen(
        argv,
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, err = process.communicate(timeout=TIMEOUT)
    finally:
        # The whole process group goes with it: nothing a block started outlives the test.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    return subprocess.CompletedProcess(argv, process.returncode, out, err)


def _matches(expected: str, printed: str) -> str | None:
    """None when every expected line appears in order among the printed ones; else the first missing."""
    lines = [line.rstrip() for line in printed.splitlines()]
    at = 0
    for want in (w.rstrip() for w in expected.splitlines()):
        if not want:
            continue
        pattern = re.compile(".*".join(re.escape(part) for part in want.split("…")) + r"\Z")
        while at < len(lines) and not pattern.match(lines[at]):
            at += 1
        if at == len(lines):
            return want
        at += 1
    return None


def test_every_fence_names_its_language() -> None:
    untagged = [b.where() for b in ALL_BLOCKS if not b.lang]
    assert not untagged, f"tag these fences (```text, ```json … for what must not run): {untagged}"


def test_output_blocks_follow_a_runnable_block() -> None:
    stray = [b.where() for b in ALL_BLOCKS if b.info == OUTPUT_INFO]
    assert not stray, f"a ```{OUTPUT_INFO} block must follow a ```python or ```sh block: {stray}"


def test_the_docs_have_runnable_examples() -> None:
    assert sum(1 for b in ALL_BLOCKS if b.lang == "python") >= 3
    assert sum(1 for b in ALL_BLOCKS if b.lang == "sh") >= 5


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_runnable_blocks_run_and_print_what_the_docs_show(page: Path, tmp_path: Path) -> None:
    blocks = [b for b in fenced_blocks(page) if b.lang in RUNNABLE]
    if not blocks:
        pytest.skip(f"{page.name} has no runnable block")
    root = _workspace(tmp_path)
    earlier_python: list[str] = []
    for n, block in enumerate(blocks):
        if block.lang == "python":
            script = tmp_path / f"block{n}.py"
            prelude = ""
            if earlier_python:
                # The page's earlier python blocks run first (exec keeps their names); their output is theirs.
                earlier = "\n".join(earlier_python)
                prelude = (
                    "import contextlib as _c, io as _io\n"
                    "with _c.redirect_stdout(_io.StringIO()):\n"
                    f"    exec(compile({earlier!r}, 'earlier blocks', 'exec'))\n"
                )
            script.write_text(prelude + block.code, encoding="utf-8")
            done = _run([sys.executable, str(script)], root)
            earlier_python.append(block.code)
        else:
            script = tmp_path / f"block{n}.sh"
            script.write_text("set -euo pipefail\n" + block.code, encoding="utf-8")
            done = _run(["bash", str(script)], root)
        assert done.returncode == 0, (
            f"{block.where()} exited {done.returncode}\n--- code\n{block.code}"
            f"--- stderr\n{done.stderr[-3000:]}"
        )
        if block.expected is not None:
            missing = _matches(block.expected, done.stdout)
            assert missing is None, (
                f"{block.where()} did not print {missing!r}\n--- printed\n{done.stdout[-3000:]}"
            )
