"""Batch conversion: many inputs → many outputs, in parallel, atomically, resumably.

``gdplan convert DIR... -o OUTDIR --to json,xml`` runs :func:`run_convert`; each input is
one :class:`ConvertJob` that a worker process (or a Dask task) runs on its own.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gdplan.batch.engine import DaskEngine, Engine, InlineEngine, ProcessEngine, default_jobs, make_engine
    from gdplan.batch.inputs import DEFAULT_GLOBS, InputFile, InputSet, input_set
    from gdplan.batch.job import ConvertJob, JobResult, run_convert_job
    from gdplan.batch.run import ConvertOptions, run_convert

# loaded on first use, so converting one file (gdplan.batch.formats, .atomic) loads no engine
_MODULES = {
    **dict.fromkeys(
        ["DaskEngine", "Engine", "InlineEngine", "ProcessEngine", "default_jobs", "make_engine"], "engine"
    ),
    **dict.fromkeys(["DEFAULT_GLOBS", "InputFile", "InputSet", "input_set"], "inputs"),
    **dict.fromkeys(["ConvertJob", "JobResult", "run_convert_job"], "job"),
    **dict.fromkeys(["ConvertOptions", "run_convert"], "run"),
}


def __getattr__(name: str) -> Any:
    if name in _MODULES:
        return getattr(importlib.import_module(f"{__name__}.{_MODULES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DEFAULT_GLOBS",
    "ConvertJob",
    "ConvertOptions",
    "DaskEngine",
    "Engine",
    "InlineEngine",
    "InputFile",
    "InputSet",
    "JobResult",
    "ProcessEngine",
    "default_jobs",
    "input_set",
    "make_engine",
    "run_convert",
    "run_convert_job",
]
