"""One input → its rows in the documents, nodes and responsibilities tables.

Runs in a worker process or Dask task; the result is plain data (picklable), and the same
input always gives the same rows whichever engine ran it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from gdplan.dataset.schema import Row
from gdplan.limits import DEFAULT_MAX_BYTES
from gdplan.model import ROLES, Document, Notice

Script = Literal["original", "simplified"]


@dataclass(frozen=True)
class DatasetJob:
    source: str  # the path as given: named in errors
    path: str  # the same file, absolute: a Dask worker may run in another working directory
    rel: str  # relative to the folder given: the documents.source column
    script: str = "original"
    errors: str = "warn"
    parsed_at: str | None = None
    reader: str | None = None  # --from
    max_bytes: int | None = DEFAULT_MAX_BYTES


@dataclass
class Extracted:
    source: str
    rel: str
    ok: bool
    reason: str | None = None  # "source:line: reason", for standard error
    error_type: str | None = None
    detail: str | None = None  # the reason alone, for the manifest
    line: int | None = None
    document: Row = field(default_factory=dict)
    nodes: list[Row] = field(default_factory=list)
    responsibilities: list[Row] = field(default_factory=list)


def run_dataset_job(job: DatasetJob) -> Extracted:
    """Parse one input and cut it into rows; a bad input gives ok=False with the reason."""
    from gdplan.batch.job import failure

    try:
        from gdplan.limits import Limits
        from gdplan.load import load_document

        doc = load_document(
            Path(job.path),
            reader=job.reader,
            script=job.script,
            errors=job.errors,
            name=job.source,
            limits=Limits().with_max_bytes(job.max_bytes),
        )
        return Extracted(
            job.source,
            job.rel,
            True,
            document=document_row(doc, job.rel, job.parsed_at),
            nodes=node_rows(doc),
            responsibilities=responsibility_rows(doc),
        )
    except Exception as exc:  # one bad input must never stop the others
        result = failure(job.source, exc)
        return Extracted(
            job.source, job.rel, False, result.reason, result.error_type, result.detail, result.line
        )


def document_row(doc: Document, rel: str, parsed_at: str | None) -> Row:
    import gdplan

    notice = doc.notice or Notice()
    nodes = list(doc.walk())
    unit_keys = {
        unit.key
        for node in nodes
        for role in ROLES
        for unit in node.responsibility.units(role)
    }
    return {
        "doc_id": doc.doc_id,
        "source": rel,
        "sha256": doc.provenance.sha256,
        "media_type": doc.provenance.media_type,
        "encoding": doc.provenance.encoding,
        "title": doc.title,
        "year": doc.year,
        "notice_title": notice.title,
        "notice_doc_number": notice.doc_number,
        "notice_issuer": notice.issuer,
        "notice_addressees": list(notice.addressees),
        "notice_signature": notice.signature,
        "notice_date": notice.date,
        "complete": doc.complete,
        "script": doc.script,
        "headings": sum(1 for n in nodes if n.kind == "heading"),
        "items": sum(1 for n in nodes if n.kind == "item"),
        "units": len(unit_keys),
        "diagnostics": len(doc.diagnostics),
        "schema_version": doc.schema_version,
        "gdplan_version": gdplan.__version__,
        "parsed_at": parsed_at,
    }


def node_rows(doc: Document) -> list[Row]:
    """The JSONL rows (their one definition is gdplan.export.jsonl.rows) with each node's ord.

    The rows' unit-id lists stay out: responsibilities.unit_id says it once per unit."""
    from gdplan.dataset.schema import NODES
    from gdplan.export.jsonl import rows

    columns = set(NODES.column_names)
    out: list[Row] = []
    for ord_, row in enumerate(rows(doc)):
        record: Row = {"doc_id": row["doc_id"], "ord": ord_}
        record.update({k: v for k, v in row.items() if k != "doc_id" and k in columns})
        out.append(record)
    return out


def responsibility_rows(doc: Document) -> list[Row]:
    out: list[Row] = []
    for ord_, node in enumerate(doc.walk()):
        duty = node.responsibility
        carried = {unit.key for unit in duty.carried}
        for role in ROLES:
            for position, unit in enumerate(duty.units(role)):
                out.append(
                    {
                        "doc_id": doc.doc_id,
                        "ord": ord_,
                        "path": list(node.path),
                        "kind": node.kind,
                        "role": role.value,
                        "position": position,
                        "unit": unit.name,
                        "unit_key": unit.key,
                        "carried": unit.key in carried,
                        "unit_id": unit.unit_id,
                        "jurisdiction": unit.jurisdiction,
                        "unit_kind": unit.kind.value if unit.kind is not None else None,
                        "canonical": unit.canonical,
                    }
                )
    return out
