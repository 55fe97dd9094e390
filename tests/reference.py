"""The outputs a speed change must not alter: every document's JSON, JSONL, XML and Markdown.

A reference file maps each document (``samples/<file>`` or ``dev/<file>``) to the sha256 of
each of its outputs, or to the error the parser raised on it. Only a deliberate change of
the grammar or the model regenerates it: ``make reference`` (tools/update_reference.py).
The dev corpus sits beside the clone only in CI, so its part is a file of its own.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import gdplan
from gdplan import Document, GdplanError

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "tests" / "fixtures" / "reference"
SAMPLES_REFERENCE = REFERENCE / "samples.json"
DEV_REFERENCE = REFERENCE / "dev.json"

# Every exporter the CLI offers for a document, and the simplified-script JSON (OpenCC runs then).
RENDERERS: dict[str, Callable[[Document], str]] = {
    "json": gdplan.to_json,
    "jsonl": gdplan.to_jsonl,
    "xml": gdplan.to_xml,
    "md": gdplan.to_markdown,
}


def outputs(path: Path, name: str) -> dict[str, str]:
    """Every output of the document at ``path`` (parsed under ``name``, so the outputs do not
    depend on where the clone lives), or ``{"error": "Class: message"}``."""
    try:
        doc = gdplan.parse(path.read_bytes(), name=name)
        simplified = gdplan.parse(path.read_bytes(), name=name, script="simplified")
    except GdplanError as exc:
        return {"error": f"{type(exc).__name__}: {exc}"}
    texts = {fmt: render(doc) for fmt, render in RENDERERS.items()}
    texts["json-simplified"] = gdplan.to_json(simplified)
    return texts


def digests(texts: dict[str, str]) -> dict[str, str]:
    """sha256 of each output; an error message is kept as it is (it is short and says more)."""
    return {
        fmt: text if fmt == "error" else hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        for fmt, text in texts.items()
    }


def documents(folder: Path, prefix: str) -> dict[str, Path]:
    """The documents of a folder by reference name: ``prefix/<file name>``."""
    return {f"{prefix}/{path.name}": path for path in sorted(folder.glob("*.txt"))}


def load(reference: Path) -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, str]] = json.loads(reference.read_text(encoding="utf-8"))
    return data


def dump(reference: Path, table: dict[str, dict[str, str]]) -> None:
    reference.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(table, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    reference.write_text(text, encoding="utf-8")
