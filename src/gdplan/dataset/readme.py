"""README.md of a dataset folder: written for a person who finds the folder in twenty years.

Generated from the table definitions, so it cannot drift from the files beside it. It holds
nothing that changes between runs on the same inputs.
"""

from __future__ import annotations

from dataclasses import dataclass

from gdplan.dataset.queries import ITEMS_LED_BY_YEAR
from gdplan.dataset.schema import DATASET_SCHEMA_VERSION, TABLES, Table

_HOW_TO_READ = {
    "jsonl": (
        "Each table is a `.jsonl` file: UTF-8 text, one JSON object per line, keys in column order. "
        "Any JSON reader works; in Python: "
        "`[json.loads(line) for line in open('nodes.jsonl', encoding='utf-8')]`."
    ),
    "csv": (
        "Each table is a `.csv` file (RFC 4180): UTF-8 with a byte-order mark (so Excel and WPS "
        "read it as UTF-8; in Python open it with `encoding='utf-8-sig'`), CRLF line ends, a header row. "
        'Lists are JSON text (`["省科技厅","省财政厅"]`), booleans `1`/`0`, integers as integers, '
        "and an empty cell is null (in pandas read `year` with `dtype={'year': 'Int64'}`)."
    ),
    "parquet": (
        "Each table is an Apache Parquet file (zstd compressed). Lists are list columns. "
        "Read with pyarrow (`pyarrow.parquet.read_table('nodes.parquet')`), pandas, DuckDB, Spark or R arrow."
    ),
    "sqlite": (
        "All four tables are in `dataset.sqlite`, a SQLite 3 database (https://sqlite.org, "
        "`sqlite3 dataset.sqlite`). Lists are JSON text: use `json_each(lead)` to unpack them; "
        "booleans are 1/0. Indexes cover the year of a document and the unit key and role "
        "of a responsibility."
    ),
    "xlsx": (
        "All four tables are in `dataset.xlsx`, an Excel workbook with one sheet per table "
        "(header row frozen, auto-filter on). Lists are JSON text (`[\"省科技厅\",\"省财政厅\"]`), "
        "booleans TRUE/FALSE, and an empty cell is null. Open it in Excel, LibreOffice or WPS, "
        "or read it with openpyxl or pandas (`pandas.read_excel('dataset.xlsx', sheet_name='nodes')`)."
    ),
}


@dataclass(frozen=True)
class ReadmeFacts:
    format: str
    gdplan_version: str
    parsed_at: str | None
    documents: int
    failed: int
    duplicates: int


def readme_text(facts: ReadmeFacts) -> str:
    parts = [
        "# A dataset of Chinese government plan notices",
        "",
        "This folder holds the numbered tasks of government plan notices (工作要点, 重点工作任务, "
        "分工意见 and the like: documents that list tasks and the units responsible for each), "
        "cut into four tables by gdplan, a program that reads such notices. It was made by "
        f"gdplan {facts.gdplan_version} from {facts.documents} document(s); "
        f"{facts.failed} input(s) could not be read and {facts.duplicates} duplicate(s) were left out "
        "(both are listed with reasons in `manifest.json`).",
        "",
        "## What is here",
        "",
        "- `manifest.json`: the table definitions (columns, types, meanings), row counts, and the "
        "SHA-256 checksum of every other file in this folder.",
        "- `README.md`: this text.",
        f"- The tables, format **{facts.format}**. {_HOW_TO_READ[facts.format]}",
        "",
        "To check that nothing was altered, compare each file's SHA-256 with `manifest.json` "
        f"(for example `sha256sum {_first_file(facts.format)}`, or Python's `hashlib.sha256`).",
        "",
        "## How the tables fit together",
        "",
        "A **document** is one plan notice, identified by `doc_id`: the SHA-256 of its normalized "
        "text, so the same text always has the same id. Its numbered headings and items are "
        "**nodes** (`doc_id`, `ord`), in reading order; `path` gives the position in the outline "
        "(一、 → [1], its （二） → [1, 2]). Each unit named as responsible for a node in some role is a "
        "row of **responsibilities**, and **units** summarizes every distinct unit over all documents. "
        "Units are written as they would stand alone (省发展改革委、科技厅 is two units: 省发展改革委 "
        "and 省科技厅) and compared by `unit_key`, the name folded to simplified script and half width. "
        "`unit_id` says which body a name is (gdplan's registry): one id for 省发改委 and "
        "广东省发展和改革委员会, and across a body's renames; two ids for 市科技局 of two cities; "
        "null where the registry cannot tell. **units** has one row per `unit_id` (and one per "
        "unresolved name) with every printed alias.",
        "",
        "Roles: `lead` 牵头; `responsible` 负责, 按职责分工负责, 分别负责, or a bare list of units; "
        "`implementing` 结合实际落实 (local governments carrying out a task); `cooperating` 配合, 参与. "
        '`carried` marks units that a clause ending in 下同 ("the same below") carried to later items.',
        "",
        "Every cell can be traced back: `documents.source` and `documents.sha256` name the input "
        "file and its exact bytes, and `nodes.span` gives the character offsets of each node in "
        "the decoded text of that file.",
        "",
        "## Dates",
        "",
        _parsed_at_text(facts.parsed_at),
        "",
        "## The tables",
        "",
    ]
    for table in TABLES:
        parts.extend(_table_text(table))
    parts.extend(
        [
            "## An example query",
            "",
            "Which items does a unit (here 省科技厅) lead, by year (SQLite; `:unit_key` is a parameter):",
            "",
            "```sql",
            ITEMS_LED_BY_YEAR.rstrip(),
            "```",
            "",
            f"Dataset schema version {DATASET_SCHEMA_VERSION}. gdplan: https://pypi.org/project/gdplan/",
            "",
        ]
    )
    return "\n".join(parts)


def _first_file(format: str) -> str:
    if format in ("sqlite", "xlsx"):
        return f"dataset.{format}"
    return f"documents.{format}"


def _parsed_at_text(parsed_at: str | None) -> str:
    if parsed_at is None:
        return (
            "The column `documents.parsed_at` is empty (null): this dataset was built to be "
            "reproducible, and a clock time would make two builds from the same inputs differ. "
            "The gdplan version in every row says which program made it."
        )
    return (
        f"The dataset was built at {parsed_at} (UTC), the time recorded in `documents.parsed_at` "
        "(taken from the SOURCE_DATE_EPOCH setting, so a rebuild with the same setting is identical)."
    )


def _table_text(table: Table) -> list[str]:
    lines = [
        f"### {table.name}",
        "",
        f"{table.meaning[0].upper()}{table.meaning[1:]}. Key: {', '.join(table.key)}.",
        "",
        "| column | type | meaning |",
        "|---|---|---|",
    ]
    for column in table.columns:
        kind = f"`{column.base_type}`" + (" or null" if column.nullable else "")
        lines.append(f"| `{column.name}` | {kind} | {column.meaning} |")
    lines.append("")
    return lines
