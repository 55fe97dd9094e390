"""``manifest.json``: what the dataset folder holds and how to check it.

Schema version, each table's columns (type and meaning), key and row count, the inputs
that failed or were duplicates, and the SHA-256 of every other file in the folder.
Written last and atomically: a folder whose manifest verifies is whole.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gdplan.batch.atomic import write_text_atomic
from gdplan.dataset.schema import DATASET_SCHEMA_VERSION, TABLES

MANIFEST_FILE = "manifest.json"


@dataclass
class ManifestFacts:
    format: str
    gdplan_version: str
    document_schema_version: str
    parsed_at: str | None
    table_files: dict[str, str]  # table name → file name in the folder
    row_counts: dict[str, int]
    failures: list[dict[str, Any]] = field(default_factory=list)
    duplicates: list[dict[str, Any]] = field(default_factory=list)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def manifest(facts: ManifestFacts, files: list[Path]) -> dict[str, Any]:
    return {
        "dataset_schema_version": DATASET_SCHEMA_VERSION,
        "document_schema_version": facts.document_schema_version,
        "generator": f"gdplan {facts.gdplan_version}",
        "format": facts.format,
        "parsed_at": facts.parsed_at,
        "tables": {
            table.name: {
                "file": facts.table_files[table.name],
                "meaning": table.meaning,
                "key": list(table.key),
                "rows": facts.row_counts.get(table.name, 0),
                "columns": [
                    {"name": c.name, "type": c.base_type, "nullable": c.nullable, "meaning": c.meaning}
                    for c in table.columns
                ],
            }
            for table in TABLES
        },
        "failures": sorted(facts.failures, key=lambda f: str(f["source"])),
        "duplicates": sorted(facts.duplicates, key=lambda d: str(d["source"])),
        "files": {
            path.name: {"sha256": sha256_of(path), "bytes": path.stat().st_size}
            for path in sorted(files, key=lambda p: p.name)
        },
    }


def write_manifest(folder: Path, facts: ManifestFacts, files: list[Path]) -> Path:
    target = folder / MANIFEST_FILE
    text = json.dumps(manifest(facts, files), ensure_ascii=False, indent=2) + "\n"
    write_text_atomic(target, text, fsync=True)
    return target


def verify(folder: Path) -> list[str]:
    """Problems found checking ``folder`` against its manifest (empty: every file verifies)."""
    try:
        data = json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"{MANIFEST_FILE}: unreadable: {exc}"]
    problems = []
    for name, entry in data.get("files", {}).items():
        path = folder / name
        if not path.is_file():
            problems.append(f"{name}: missing")
        elif sha256_of(path) != entry.get("sha256"):
            problems.append(f"{name}: checksum differs from the manifest")
    return problems
