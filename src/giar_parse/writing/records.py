"""Report → tidy rows: one dict per table cell (the rows of ``--format csv``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from giar_parse.model import Report

__all__ = ["RECORD_KEYS", "to_records"]

#: The keys of every record, in column order; ``provenance=True`` adds the last two.
RECORD_KEYS = ("file", "template", "agency", "year", "table", "row", "column", "value", "raw")
POSITION_KEYS = ("source_line", "source_column")

_TABLES = ("active", "requests", "appeals")


def _rows(record: Any, path: str) -> Iterator[tuple[str, Any]]:
    """(row key, row record) for every printed row under ``record``; groups are walked."""
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if value is None or not attrs.has(type(value)):
            continue
        key = f"{path}.{field.name}" if path else field.name
        if hasattr(value, "provenance"):
            yield key, value
        else:
            yield from _rows(value, key)


def to_records(report: Report, *, file: str | None = None, provenance: bool = False) -> list[dict[str, Any]]:
    """The report's table cells as flat rows, one dict per cell, in printed order.

    Keys: ``file`` (as given), ``template``, ``agency``, ``year``, ``table`` (``active``,
    ``requests``, ``appeals``), ``row`` (e.g. ``withheld.state_secret``), ``column``
    (e.g. ``natural_person``), ``value`` (``int``, ``Decimal`` yuan, or ``None`` where no
    number is printed — never 0) and ``raw`` (the cell as printed, ``None`` if blank).
    ``provenance=True`` adds ``source_line`` and ``source_column``.  A table or row the
    report lacks gives no rows (its diagnostics say why).

    >>> import giar_parse
    >>> rows = giar_parse.to_records(giar_parse.parse(giar_parse.sample_text()), file="sample.txt")
    >>> len(rows)
    198
    >>> {key: rows[0][key] for key in ("file", "table", "row", "column", "value", "raw")}
    {'file': 'sample.txt', 'table': 'active', 'row': 'regulations', 'column': 'made', 'value': 7, 'raw': '7'}
    """
    out: list[dict[str, Any]] = []
    for table in _TABLES:
        content = getattr(report, table)
        if content is None:
            continue
        for row, record in _rows(content, ""):
            cells = record.provenance
            for field in attrs.fields(type(record)):
                if field.name == "provenance" or field.name.endswith("_text"):
                    continue
                where = cells.get(field.name)
                raw = where.raw if where is not None else getattr(record, f"{field.name}_text", None)
                item: dict[str, Any] = {
                    "file": file,
                    "template": report.template,
                    "agency": report.agency,
                    "year": report.year,
                    "table": table,
                    "row": row,
                    "column": field.name,
                    "value": getattr(record, field.name),
                    "raw": raw,
                }
                if provenance:
                    item["source_line"] = where.line if where is not None else None
                    item["source_column"] = where.column if where is not None else None
                out.append(item)
    return out
