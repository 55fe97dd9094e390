"""gdplan's document model: pydantic types shared by every reader and exporter."""

from gdplan.model.document import (
    ROLES,
    SCHEMA_VERSION,
    Absence,
    ClauseForm,
    Diagnostic,
    Document,
    MarkerStyle,
    Node,
    Notice,
    Provenance,
    Responsibility,
    Role,
    Span,
    Unit,
    UnitKind,
    UnitTasks,
)

__all__ = [
    "ROLES",
    "SCHEMA_VERSION",
    "Absence",
    "ClauseForm",
    "Diagnostic",
    "Document",
    "MarkerStyle",
    "Node",
    "Notice",
    "Provenance",
    "Responsibility",
    "Role",
    "Span",
    "Unit",
    "UnitKind",
    "UnitTasks",
]
