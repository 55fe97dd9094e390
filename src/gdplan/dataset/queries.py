"""SQL the documentation promises works on ``dataset.sqlite`` (a test runs each one)."""

from __future__ import annotations

ITEMS_LED_BY_YEAR = """\
SELECT d.year, d.title AS plan, n.label, n.title AS item, n.path
FROM responsibilities AS r
JOIN nodes AS n ON n.doc_id = r.doc_id AND n.ord = r.ord
JOIN documents AS d ON d.doc_id = r.doc_id
WHERE r.unit_key = :unit_key AND r.role = 'lead' AND r.kind = 'item'
ORDER BY d.year, d.source, n.ord;
"""
"""Which items does a unit lead, by year: ``{"unit_key": "省科技厅"}``."""

UNITS_BY_LEAD = """\
SELECT unit_key, name, lead_items, shared_items, documents
FROM units
ORDER BY lead_items DESC, unit_key
LIMIT 20;
"""
"""The units that lead the most items."""

TASKS_LED_BY_BODY = """\
SELECT d.year, COUNT(*) AS tasks, GROUP_CONCAT(DISTINCT r.unit) AS printed_as
FROM responsibilities AS r
JOIN documents AS d ON d.doc_id = r.doc_id
WHERE r.unit_id = :unit_id AND r.role = 'lead' AND r.kind = 'item'
GROUP BY d.year
ORDER BY d.year;
"""
"""Tasks a body leads, by year, whatever it was called: ``{"unit_id": "440000/data"}``."""
