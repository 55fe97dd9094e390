"""The clause package is light to import: jieba loads only when a name needs segmenting."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PROBE = """
import json, sys
import gdplan.parser.clause
print(json.dumps("jieba" in sys.modules))
"""


def test_import_clause_package_does_not_load_jieba(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) is False
