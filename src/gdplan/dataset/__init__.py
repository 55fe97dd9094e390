"""Datasets: plan notices → documents, nodes, responsibilities and units tables.

``gdplan dataset INPUT... -o DIR --to jsonl|csv|parquet|sqlite`` runs
:func:`build_dataset`. The tables are defined once, in :mod:`gdplan.dataset.schema`.
"""

from gdplan.dataset.build import (
    DatasetOptions,
    SourceDateEpochError,
    build_dataset,
    parsed_at_from_environment,
)
from gdplan.dataset.manifest import verify
from gdplan.dataset.queries import ITEMS_LED_BY_YEAR, TASKS_LED_BY_BODY
from gdplan.dataset.schema import DATASET_SCHEMA_VERSION, TABLES, Column, Table
from gdplan.dataset.writers import FormatUnavailableError

__all__ = [
    "DATASET_SCHEMA_VERSION",
    "ITEMS_LED_BY_YEAR",
    "TABLES",
    "TASKS_LED_BY_BODY",
    "Column",
    "DatasetOptions",
    "FormatUnavailableError",
    "SourceDateEpochError",
    "Table",
    "build_dataset",
    "parsed_at_from_environment",
    "verify",
]
