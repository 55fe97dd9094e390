"""The README's Python example runs and prints what the README says it prints."""

from __future__ import annotations

import contextlib
import io
import os
import re

from .conftest import ROOT


def test_readme_python_example_prints_its_comments() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    code = re.search(r"```python\n(.*?)```", readme, re.S)
    assert code is not None
    example = code.group(1)
    promised = [line[2:] for line in example.splitlines() if line.startswith("# ")]
    out = io.StringIO()
    cwd = os.getcwd()
    try:
        os.chdir(ROOT)
        with contextlib.redirect_stdout(out):
            exec(compile(example, "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
    printed = out.getvalue().splitlines()
    assert printed[0] == "数字广东建设2025年工作要点 2025 2025-05-15"
    for line in promised:
        assert line in printed, line
