"""Batch conversion: many inputs → many outputs, in parallel, atomically, resumably.

``gdplan convert DIR... -o OUTDIR --to json,xml`` runs :func:`run_convert`; each input is
one :class:`ConvertJob` that a worker process (or a Dask task) runs on its own.
"""

from gdplan.batch.engine import DaskEngine, Engine, InlineEngine, ProcessEngine, default_jobs, make_engine
from gdplan.batch.inputs import DEFAULT_GLOBS, InputFile, InputSet, input_set
from gdplan.batch.job import ConvertJob, JobResult, run_convert_job
from gdplan.batch.run import ConvertOptions, run_convert

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
