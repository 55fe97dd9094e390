"""``import gdplan`` stays light, and the package reports the version it was installed as."""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys
from pathlib import Path

import gdplan

HEAVY = ("jieba", "lxml", "opencc")  # load on first use only (see gdplan/__init__.py)

PROBE = f"""
import json, sys
import gdplan
heavy = {HEAVY!r}
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in heavy)))
"""


def test_import_gdplan_loads_no_heavy_dependency(tmp_path: Path) -> None:
    # A fresh interpreter: this test process may already hold them for other tests.
    # Run from an empty folder so only the installed package can be imported.
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stdout)
    assert loaded == [], f"import gdplan loaded {loaded}; import them inside the function that needs them"


def test_version_matches_installed_metadata() -> None:
    installed = importlib.metadata.version("gdplan")
    assert gdplan.__version__ == installed, (
        f"gdplan.__version__ is {gdplan.__version__} but the installed metadata says {installed}: "
        "reinstall (make test does when src/gdplan/_version.py changes)"
    )
