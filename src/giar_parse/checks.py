"""The official arithmetic identities of tables 三 and 四, checked without changing a number.

Each broken identity gives one ``warning`` diagnostic naming the row, column and numbers.
A null cell is read as 0, and the message says so where that mattered.
"""

from __future__ import annotations

import operator
from collections.abc import Iterator

import attrs

from giar_parse.labels import REQUEST_COLUMNS
from giar_parse.model import AppealTable, Counts, Diagnostic, Outcomes, RequestTable

__all__ = ["check", "check_appeals", "check_requests", "request_rows"]


_APPLICANTS = tuple(REQUEST_COLUMNS)[:-1]
_OUTCOME_PARTS = ("upheld", "corrected", "other", "pending")
# read once, not on every check: the cell getters of table 三's columns
_COLUMN_CELLS = tuple(operator.attrgetter(column) for column in REQUEST_COLUMNS)
_applicant_cells = operator.attrgetter(*_APPLICANTS)
_GROUP_LABELS = {"review": "行政复议", "litigation": "未经复议直接起诉", "litigation_after_review": "复议后起诉"}


def _value(row: Counts | Outcomes | None, column: str) -> tuple[int, bool]:
    """The cell as a number for arithmetic, and whether it was null."""
    value = getattr(row, column) if row is not None else None
    return (0, True) if value is None else (value, False)


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    """The field names of a group record of table 三, in order (read once per class)."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(field.name for field in attrs.fields(cls))
    return names


def _show(value: int, null: bool) -> str:
    """A cell in a message: its number, or "blank" where it prints none."""
    return "blank" if null else str(value)


def _null_note(used_null: bool) -> str:
    return " (blank cells read as 0)" if used_null else ""


def _outcome_rows(table: RequestTable) -> Iterator[tuple[str, Counts | None]]:
    """The outcome rows （一）–（六） that add up to （七）总计, with their key paths."""
    yield "disclosed", table.disclosed
    yield "partially_disclosed", table.partially_disclosed
    groups: tuple[str, ...] = ("withheld", "unavailable", "not_processed")
    groups += ("other_handling_parts",) if table.other_handling_parts is not None else ()
    for group in groups:
        record = getattr(table, group)
        for name in _field_names(type(record)):
            yield f"{group}.{name}", getattr(record, name)
    if table.other_handling_parts is None:
        yield "other_handling", table.other_handling


def request_rows(table: RequestTable) -> Iterator[tuple[str, Counts | None]]:
    """Every row of table 三 the identities use, with its key path (``requests.received`` …)."""
    yield "requests.received", table.received
    yield "requests.carried_over", table.carried_over
    for path, row in _outcome_rows(table):
        yield f"requests.{path}", row
    yield "requests.total", table.total
    yield "requests.carried_forward", table.carried_forward


def check_requests(table: RequestTable) -> list[Diagnostic]:
    """Flow (一+二 = 三+四), outcome sum and row sum of table 三."""
    out: list[Diagnostic] = []
    outcome_rows = [row for _, row in _outcome_rows(table)]
    rows = (table.received, table.carried_over, table.total, table.carried_forward)
    for (column, label), cell in zip(REQUEST_COLUMNS.items(), _COLUMN_CELLS, strict=True):
        printed = [None if row is None else cell(row) for row in rows]
        if all(value is None for value in printed):
            continue
        n1, n2, n3, n4 = (value is None for value in printed)
        received, carried, total, forward = (0 if value is None else value for value in printed)
        if received + carried != total + forward:
            out.append(
                Diagnostic(
                    "identity.flow",
                    "warning",
                    f"{label}: 本年新收 + 上年结转 = {_show(received, n1)} + {_show(carried, n2)} = "
                    f"{received + carried}, but 总计 + 结转下年度 = {_show(total, n3)} + {_show(forward, n4)} = "
                    f"{total + forward}" + _null_note(n1 or n2 or n3 or n4),
                    f"requests.total.{column}",
                )
            )
        parts = [None if row is None else cell(row) for row in outcome_rows]
        if table.total is not None and any(value is not None for value in parts):
            summed = sum(value for value in parts if value is not None)
            if summed != total:
                out.append(
                    Diagnostic(
                        "identity.outcome_sum",
                        "warning",
                        f"{label}: （七）总计 is {_show(total, n3)}, but the outcome rows （一）–（六） add up to "
                        f"{summed}" + _null_note(n3 or any(value is None for value in parts)),
                        f"requests.total.{column}",
                    )
                )
    for path, row in request_rows(table):
        if row is None:
            continue
        values = _applicant_cells(row)
        if all(value is None for value in values):
            continue
        total_null = row.total is None
        total = 0 if row.total is None else row.total
        summed = sum(value for value in values if value is not None)
        if summed != total:
            out.append(
                Diagnostic(
                    "identity.row_sum",
                    "warning",
                    f"{path}: 总计 is {_show(total, total_null)}, but the six applicant columns add up to {summed}"
                    + _null_note(total_null or any(value is None for value in values)),
                    f"{path}.total",
                )
            )
    return out


def check_appeals(table: AppealTable) -> list[Diagnostic]:
    """Each 总计 of table 四 equals its four outcomes."""
    out: list[Diagnostic] = []
    for group, label in _GROUP_LABELS.items():
        outcomes: Outcomes = getattr(table, group)
        values = [_value(outcomes, name) for name in _OUTCOME_PARTS]
        if outcomes.total is None or all(null for _, null in values):
            continue
        summed = sum(v for v, _ in values)
        if summed != outcomes.total:
            out.append(
                Diagnostic(
                    "identity.appeal_total",
                    "warning",
                    f"{label}: 总计 is {outcomes.total}, but 维持 + 纠正 + 其他 + 尚未审结 add up to {summed}"
                    + _null_note(any(null for _, null in values)),
                    f"appeals.{group}.total",
                )
            )
    return out


def check(requests: RequestTable | None, appeals: AppealTable | None) -> list[Diagnostic]:
    """All identity checks for the tables present."""
    out: list[Diagnostic] = []
    if requests is not None:
        out.extend(check_requests(requests))
    if appeals is not None:
        out.extend(check_appeals(appeals))
    return out
