"""The dataset's four tables: their columns, types and meanings — the one place they are defined.

Types use a small neutral vocabulary that each writer maps to its format:
``string``, ``integer``, ``boolean``, ``list<string>``, ``list<integer>``; a ``?`` suffix
means the value may be null. Column order here is the column order in every file.
"""

from __future__ import annotations

from dataclasses import dataclass

DATASET_SCHEMA_VERSION = "1.1"
"""1.1: responsibilities.unit_id and jurisdiction/kind/canonical; units rows are bodies (unit_id)."""


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # string | integer | boolean | list<string> | list<integer>, '?' = nullable
    meaning: str

    @property
    def nullable(self) -> bool:
        return self.type.endswith("?")

    @property
    def base_type(self) -> str:
        return self.type.rstrip("?")

    @property
    def is_list(self) -> bool:
        return self.base_type.startswith("list<")


@dataclass(frozen=True)
class Table:
    name: str
    meaning: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]  # the columns that identify a row; also its sort order

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


DOCUMENTS = Table(
    "documents",
    "one row per distinct document (same normalized text = same doc_id; "
    "of inputs with the same text, the first in input order is kept)",
    (
        Column("doc_id", "string", "sha256 hex digest of the document's normalized text: its stable id"),
        Column("source", "string", "the input file, as a path relative to the input folder given to gdplan"),
        Column("sha256", "string?", "sha256 hex digest of the input file's bytes"),
        Column("media_type", "string", "what the input was read as: text/plain, text/html, …"),
        Column("encoding", "string?", "the text encoding of the input bytes (utf-8, gb18030, …)"),
        Column("title", "string?", "the plan's own title, e.g. 数字广东建设2025年工作要点"),
        Column("year", "integer?", "the year the plan is for"),
        Column("notice_title", "string?", "title of the cover notice (通知)"),
        Column(
            "notice_doc_number", "string?", "the notice's document number (发文字号), e.g. 粤府办〔2025〕3号"
        ),
        Column("notice_issuer", "string?", "the issuing office"),
        Column("notice_addressees", "list<string>", "the notice's addressees (主送机关), in order"),
        Column("notice_signature", "string?", "the signature (落款)"),
        Column("notice_date", "string?", "the notice's date (成文日期), YYYY-MM-DD"),
        Column("complete", "boolean", "false when the text stops before the document ends"),
        Column("script", "string", "script of the text columns: original (as printed) or simplified"),
        Column("headings", "integer", "number of numbered headings"),
        Column("items", "integer", "number of items (numbered nodes without numbered children)"),
        Column("units", "integer", "number of distinct units named in the document's responsibility clauses"),
        Column(
            "diagnostics",
            "integer",
            "number of oddities gdplan recorded (numbering gaps, unparsed clauses, …)",
        ),
        Column("schema_version", "string", "version of gdplan's document contract"),
        Column("gdplan_version", "string", "version of gdplan that parsed the document"),
        Column(
            "parsed_at",
            "string?",
            "when the dataset was built, ISO 8601 UTC, from SOURCE_DATE_EPOCH; null when that was not set",
        ),
    ),
    ("doc_id",),
)

NODES = Table(
    "nodes",
    "one row per numbered heading or item, in document order (gdplan's JSONL row plus ord)",
    (
        Column("doc_id", "string", "the document (documents.doc_id)"),
        Column("ord", "integer", "position of the node in its document, 0-based, in reading order"),
        Column("kind", "string", "heading, or item (a numbered node with no numbered children)"),
        Column("path", "list<integer>", "ordinal at each level from the top: 一、→[1], its （二）→[1,2]"),
        Column("label", "string", "the marker as printed: 一、 （一） 1．"),
        Column("number", "integer", "the printed number: （四）→4 even when it is the first under 二、"),
        Column("title", "string", "the heading line, or the first sentence of a run-on heading"),
        Column("text", "string", "the node's own body, without its responsibility clause"),
        Column("lead", "list<string>", "units that lead (牵头)"),
        Column("responsible", "list<string>", "units responsible (负责, 按职责分工负责, 分别负责)"),
        Column("implementing", "list<string>", "units implementing locally (结合实际落实)"),
        Column("cooperating", "list<string>", "units cooperating (配合, 参与)"),
        Column(
            "carried", "list<string>", "units that reached this node through 下同 (also in their role list)"
        ),
        Column("open_ended", "boolean", "the unit list ends in 等 / 等单位 / 等有关单位"),
        Column("deadline", "string?", "a time limit stated with the clause: 年内持续推进, 2024年底前"),
        Column("clause", "string?", "the responsibility clause as printed, without brackets"),
        Column("span", "list<integer>", "[start, end) character offsets of the node in the decoded input"),
    ),
    ("doc_id", "ord"),
)

RESPONSIBILITIES = Table(
    "responsibilities",
    "one row per unit named for a node in a role",
    (
        Column("doc_id", "string", "the document (documents.doc_id)"),
        Column("ord", "integer", "the node (nodes.ord within the document)"),
        Column("path", "list<integer>", "the node's path, as in nodes.path"),
        Column("kind", "string", "the node's kind: item or heading"),
        Column("role", "string", "lead, responsible, implementing or cooperating"),
        Column("position", "integer", "position of the unit in that role's list, 0-based"),
        Column("unit", "string", "the unit as it would stand alone (shared prefix or suffix distributed)"),
        Column(
            "unit_key",
            "string",
            "the unit folded (simplified script, half width, no spaces): equal across scripts",
        ),
        Column("carried", "boolean", "the unit reached this node through 下同 rather than its own clause"),
        Column(
            "unit_id",
            "string?",
            "the body the name stands for (registry id, e.g. 440000/drc): equal across scripts,"
            " abbreviations and renames; null when the registry cannot tell",
        ),
        Column("jurisdiction", "string?", "whose body it is: 广东省, 惠州市, 国务院 (national)"),
        Column("unit_kind", "string?", "department, party, congress, court, mass, central, government, …"),
        Column("canonical", "string?", "the body's full standard name where the registry knows it"),
    ),
    ("doc_id", "ord", "role", "position"),
)

UNITS = Table(
    "units",
    "one row per body (unit_id) across the whole dataset, and one per name the registry could not"
    " resolve (unit_id null, by unit_key)",
    (
        Column("unit_id", "string?", "the body (responsibilities.unit_id); null for an unresolved name"),
        Column(
            "unit_key",
            "string",
            "the folded name: of an unresolved name, the name; of a body, its most frequent folded name",
        ),
        Column("jurisdiction", "string?", "whose body it is: 广东省, 惠州市, 国务院 (national)"),
        Column("unit_kind", "string?", "what sort of body: department, party, central, collective, …"),
        Column("canonical", "string?", "the full standard name today, where the registry knows it"),
        Column("name", "string", "the most frequent printed name (ties: the first in code-point order)"),
        Column("names", "list<string>", "every printed alias seen for this body, in code-point order"),
        Column("documents", "integer", "number of documents that name the unit"),
        Column("items", "integer", "number of items naming the unit in any role"),
        Column("lead_items", "integer", "items it leads (牵头)"),
        Column(
            "shared_items",
            "integer",
            "items it shares without leading (responsible, implementing or cooperating)",
        ),
        Column("responsible_items", "integer", "items where it is responsible"),
        Column("implementing_items", "integer", "items where it implements locally"),
        Column("cooperating_items", "integer", "items where it cooperates"),
        Column(
            "first_year", "integer?", "the earliest plan year naming it (null when no such plan has a year)"
        ),
        Column("last_year", "integer?", "the latest plan year naming it"),
    ),
    ("unit_id", "unit_key"),
)

TABLES: tuple[Table, ...] = (DOCUMENTS, NODES, RESPONSIBILITIES, UNITS)

Row = dict[str, object]
"""A row: column name → value (str, int, bool, None, or a list of str / int)."""
