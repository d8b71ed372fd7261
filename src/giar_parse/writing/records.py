"""Report → tidy rows: one dict per cell of the report's template (the rows of ``--format csv``)."""

from __future__ import annotations

import typing
from collections.abc import Iterator
from typing import Any, Literal

import attrs

from giar_parse.model import (
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    AppealTable,
    Report,
    RequestTable,
)

__all__ = ["POSITION_KEYS", "RECORD_KEYS", "STATUSES", "Status", "to_records"]

#: The keys of every record, in column order; ``provenance=True`` adds ``source_line`` and ``source_column``.
RECORD_KEYS = (
    "file",
    "template",
    "agency",
    "year",
    "errors",
    "warnings",
    "table",
    "row",
    "column",
    "status",
    "value",
    "yuan",
    "raw",
    "diagnostic",
)
#: The keys ``provenance=True`` adds: where the cell starts in the input.
POSITION_KEYS = ("source_line", "source_column")

Status = Literal["read", "blank", "placeholder", "not_read"]
#: A cell's ``status``: a number was read; nothing is printed; a placeholder (``-``, ``无`` …) is
#: printed; the parser could not read or place a value (``diagnostic`` names why).
STATUSES: tuple[Status, ...] = ("read", "blank", "placeholder", "not_read")

_TABLES = ("active", "requests", "appeals")
# every row of cells of a table: (row key, ((column, is money), ...)), in printed order
_Grid = tuple[tuple[str, tuple[tuple[str, bool], ...]], ...]


def _record_type(hint: Any) -> type[Any] | None:
    """The attrs class in ``X | None`` or ``X``; None for anything else."""
    for option in (hint, *typing.get_args(hint)):
        if isinstance(option, type) and attrs.has(option):
            return option
    return None


_GRIDS: dict[tuple[type[Any], str, frozenset[str]], _Grid] = {}


def _grid(cls: type[Any], path: str, skip: frozenset[str] = frozenset()) -> _Grid:
    """(row key, value columns) for every row of ``cls``, groups walked, in printed order."""
    found = _GRIDS.get((cls, path, skip))
    if found is None:
        found = _GRIDS[cls, path, skip] = _walk(cls, path, skip)
    return found


def _walk(cls: type[Any], path: str, skip: frozenset[str]) -> _Grid:
    rows: list[tuple[str, tuple[tuple[str, bool], ...]]] = []
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        kind = _record_type(hints[field.name])
        if kind is None or field.name in skip:
            continue
        key = f"{path}.{field.name}" if path else field.name
        names = attrs.fields_dict(kind)
        if "provenance" in names:  # a row of cells; a money cell keeps its printed text in ``<name>_text``
            columns = tuple((name, f"{name}_text" in names) for name in names if name != "provenance")
            rows.append((key, tuple(column for column in columns if not column[0].endswith("_text"))))
        else:
            rows.extend(_grid(kind, key))
    return tuple(rows)


def _table_grid(report: Report, table: str) -> _Grid:
    """The rows of ``table`` in the report's template; （六） as printed where the report shows which."""
    if table == "active":
        return _grid(ActiveDisclosure2021 if report.template == "2021" else ActiveDisclosure2019, "")
    if table == "appeals":
        return _grid(AppealTable, "")
    requests = report.requests
    parts = requests is not None and requests.other_handling_parts is not None
    single = requests is not None and requests.other_handling is not None
    if not parts and not single:
        parts = report.template == "2021"
    return _grid(RequestTable, "", frozenset({"other_handling" if parts else "other_handling_parts"}))


def _lookup(content: Any, row: str) -> Any:
    for name in row.split("."):
        if content is None:
            return None
        content = getattr(content, name)
    return content


def _covers(path: str | None, cell: str) -> bool:
    """``path`` is the cell's key path or a prefix of it, by whole keys."""
    return path is not None and (cell == path or cell.startswith(path + "."))


def _cells(report: Report, head: dict[str, Any], provenance: bool) -> Iterator[dict[str, Any]]:
    errors = [d.path for d in report.diagnostics if d.severity == "error" and d.path is not None]
    codes = {d.path: d.code for d in reversed(report.diagnostics) if d.severity == "error"}
    for table in _TABLES:
        content = getattr(report, table)
        for row, columns in _table_grid(report, table):
            record = _lookup(content, row)
            cells = record.provenance if record is not None else {}
            for column, money in columns:
                value = getattr(record, column) if record is not None else None
                where = cells.get(column)
                raw = where.raw if where is not None else getattr(record, f"{column}_text", None)
                diagnostic = None
                if value is not None:
                    status: Status = "read"
                else:
                    path = f"{table}.{row}.{column}"
                    diagnostic = next((codes[e] for e in errors if _covers(e, path)), None)
                    if diagnostic is not None or record is None:
                        status = "not_read"
                    else:
                        status = "placeholder" if raw else "blank"
                item = head | {
                    "table": table,
                    "row": row,
                    "column": column,
                    "status": status,
                    "value": None if money else value,
                    "yuan": value if money else None,
                    "raw": raw,
                    "diagnostic": diagnostic,
                }
                if provenance:
                    item["source_line"] = where.line if where is not None else None
                    item["source_column"] = where.column if where is not None else None
                yield item


def to_records(report: Report, *, file: str | None = None, provenance: bool = False) -> list[dict[str, Any]]:
    """Every cell of the report's template as a flat row, one dict per cell, in printed order.

    Always the full grid of the template, so a table or row the parser could not read is
    there too. Keys (:data:`~giar_parse.writing.records.RECORD_KEYS`): ``file`` (``file`` if given, else
    :attr:`Report.source <giar_parse.Report.source>`), ``template``, ``agency``, ``year``,
    ``errors`` and ``warnings`` (the report's diagnostics of that severity), ``table``
    (``active``, ``requests``, ``appeals``), ``row`` (e.g. ``withheld.state_secret``),
    ``column`` (e.g. ``natural_person``), ``status`` (``read``, ``blank``, ``placeholder``
    or ``not_read``), ``value`` (a count, ``int``), ``yuan`` (money, ``Decimal`` yuan),
    ``raw`` (the cell as printed, ``None`` if blank) and ``diagnostic`` (for ``not_read``:
    the code of the error diagnostic whose path is the cell's or a prefix of it).
    ``value`` and ``yuan`` are ``None`` wherever no number is printed — never 0.
    ``provenance=True`` adds ``source_line`` and ``source_column``.

    >>> import giar_parse
    >>> report = giar_parse.parse(giar_parse.sample_text())
    >>> rows = giar_parse.to_records(report, file="sample.txt")
    >>> len(rows)
    198
    >>> {key: rows[0][key] for key in ("file", "row", "column", "status", "value", "raw")}
    {'file': 'sample.txt', 'row': 'regulations', 'column': 'made', 'status': 'read', 'value': 7, 'raw': '7'}
    >>> cut = giar_parse.parse(giar_parse.sample_text().split("四、政府信息公开行政复议")[0])
    >>> {(r["status"], r["diagnostic"]) for r in giar_parse.to_records(cut) if r["table"] == "appeals"}
    {('not_read', 'table.missing')}
    """
    severities = [d.severity for d in report.diagnostics]
    head = {
        "file": file if file is not None else report.source,
        "template": report.template,
        "agency": report.agency,
        "year": report.year,
        "errors": severities.count("error"),
        "warnings": severities.count("warning"),
    }
    return list(_cells(report, head, provenance))
