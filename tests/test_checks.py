"""checks: the quick pass over a table whose identities hold gives what the cell-by-cell check gives."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

from giar_parse import AppealTable, Counts, Diagnostic, Outcomes, RequestTable, checks, strategies
from giar_parse.labels import REQUEST_COLUMNS

# --- the identities cell by cell, as checks.py read them before its quick pass ---------------------


def _note(used_null: bool) -> str:
    return " (blank cells read as 0)" if used_null else ""


def _show(value: int, null: bool) -> str:
    return "blank" if null else str(value)


def reference_requests(table: RequestTable) -> list[Diagnostic]:
    out = []
    rows = list(checks.request_rows(table))
    ends = (table.received, table.carried_over, table.total, table.carried_forward)
    outcomes = [row for path, row in rows[2:-2]]
    for column, label in REQUEST_COLUMNS.items():
        printed = [None if row is None else getattr(row, column) for row in ends]
        if all(value is None for value in printed):
            continue
        n1, n2, n3, n4 = (value is None for value in printed)
        received, carried, total, forward = (0 if value is None else value for value in printed)
        if received + carried != total + forward:
            message = (
                f"{label}: 本年新收 + 上年结转 = {_show(received, n1)} + {_show(carried, n2)} = {received + carried}, "
                f"but 总计 + 结转下年度 = {_show(total, n3)} + {_show(forward, n4)} = {total + forward}"
            )
            out.append(
                Diagnostic(
                    "identity.flow", "warning", message + _note(n1 or n2 or n3 or n4), f"requests.total.{column}"
                )
            )
        parts = [None if row is None else getattr(row, column) for row in outcomes]
        if table.total is not None and any(value is not None for value in parts):
            summed = sum(value for value in parts if value is not None)
            if summed != total:
                message = (
                    f"{label}: （七）总计 is {_show(total, n3)}, but the outcome rows （一）–（六） add up to {summed}"
                )
                note = _note(n3 or any(value is None for value in parts))
                out.append(Diagnostic("identity.outcome_sum", "warning", message + note, f"requests.total.{column}"))
    for path, row in rows:
        if row is None:
            continue
        values = [getattr(row, column) for column in list(REQUEST_COLUMNS)[:-1]]
        if all(value is None for value in values):
            continue
        total = 0 if row.total is None else row.total
        summed = sum(value for value in values if value is not None)
        if summed != total:
            message = (
                f"{path}: 总计 is {_show(total, row.total is None)}, but the six applicant columns add up to {summed}"
            )
            note = _note(row.total is None or any(value is None for value in values))
            out.append(Diagnostic("identity.row_sum", "warning", message + note, f"{path}.total"))
    return out


def reference_appeals(table: AppealTable) -> list[Diagnostic]:
    out = []
    labels = {"review": "行政复议", "litigation": "未经复议直接起诉", "litigation_after_review": "复议后起诉"}
    for group, label in labels.items():
        outcomes: Outcomes = getattr(table, group)
        values = [getattr(outcomes, name) for name in ("upheld", "corrected", "other", "pending")]
        if outcomes.total is None or all(value is None for value in values):
            continue
        summed = sum(value or 0 for value in values)
        if summed != outcomes.total:
            message = f"{label}: 总计 is {outcomes.total}, but 维持 + 纠正 + 其他 + 尚未审结 add up to {summed}"
            out.append(
                Diagnostic(
                    "identity.appeal_total", "warning", message + _note(None in values), f"appeals.{group}.total"
                )
            )
    return out


# --- tables drawn whole, then with rows dropped and cells blanked or nudged -----------------------

_CELL = st.sampled_from(["keep", "keep", "keep", "blank", "zero", "nudge"])


def _cell(value: int | None, change: str) -> int | None:
    return {"keep": value, "blank": None, "zero": 0, "nudge": (value or 0) + 1}[change]


def _spoil(draw: Any, row: Counts | None) -> Counts | None:
    """The row dropped, shifted (one applicant and the 总计 both one more) or with cells changed."""
    way = draw(st.sampled_from(["drop", "shift", "cells"]))
    if way == "drop" or row is None:
        return None
    if way == "shift":  # the row adds up, its column does not
        column = draw(st.sampled_from(list(REQUEST_COLUMNS)[:-1]))
        return attrs.evolve(row, **{name: (getattr(row, name) or 0) + 1 for name in (column, "total")})
    return attrs.evolve(row, **{column: _cell(getattr(row, column), draw(_CELL)) for column in REQUEST_COLUMNS})


def _change(table: RequestTable, path: str, change: Callable[[Counts | None], Counts | None]) -> RequestTable:
    """The table with the row at ``path`` (``received``, ``withheld.third_party`` …) changed."""
    group, _, name = path.rpartition(".")
    if not group:
        return attrs.evolve(table, **{name: change(getattr(table, name))})
    record = getattr(table, group)
    return attrs.evolve(table, **{group: attrs.evolve(record, **{name: change(getattr(record, name))})})


def _moved(row: Counts | None, column: str, by: int) -> Counts | None:
    return None if row is None else attrs.evolve(row, **{column: (getattr(row, column) or 0) + by})


@st.composite
def spoilt_requests(draw: Any) -> RequestTable:
    """A table of strategies.request_tables with rows spoilt, so that one identity at a time may break.

    Up to three rows are dropped, shifted or changed cell by cell; or one applicant moves
    from one outcome row to another (the column adds up, the two rows do not).
    """
    table = draw(strategies.request_tables(blank_rate=draw(st.sampled_from([0.0, 0.3, 1.0]))))
    paths = [path.removeprefix("requests.") for path, _ in checks.request_rows(table)]
    if draw(st.booleans()):
        giver, taker = draw(st.lists(st.sampled_from(paths[2:-2]), min_size=2, max_size=2, unique=True))
        column = draw(st.sampled_from(list(REQUEST_COLUMNS)[:-1]))
        return _change(
            _change(table, giver, lambda row: _moved(row, column, -1)), taker, lambda row: _moved(row, column, 1)
        )
    for path in draw(st.lists(st.sampled_from(paths), min_size=1, max_size=3)):
        table = _change(table, path, lambda row: _spoil(draw, row))
    return table


@st.composite
def spoilt_appeals(draw: Any) -> AppealTable:
    table = draw(strategies.appeal_tables(blank_rate=draw(st.sampled_from([0.0, 0.3, 1.0]))))
    groups = {}
    for name in ("review", "litigation", "litigation_after_review"):
        group = getattr(table, name)
        cells = {
            cell: _cell(getattr(group, cell), draw(_CELL))
            for cell in ("upheld", "corrected", "other", "pending", "total")
        }
        groups[name] = group if draw(st.booleans()) else attrs.evolve(group, **cells)
    return attrs.evolve(table, **groups)


@given(spoilt_requests())
def test_table_three_is_checked_as_cell_by_cell(table: RequestTable) -> None:
    assert checks.check_requests(table) == reference_requests(table)


@given(spoilt_appeals())
def test_table_four_is_checked_as_cell_by_cell(table: AppealTable) -> None:
    assert checks.check_appeals(table) == reference_appeals(table)


def test_a_blank_total_beside_blank_parts_breaks_nothing() -> None:
    # the quick pass reads the blank 总计 as 0 and fails; the cell-by-cell check finds nothing
    table = RequestTable(received=Counts(total=3), total=Counts(total=3))
    assert checks.check_requests(table) == reference_requests(table) == []
    appeals = AppealTable(review=Outcomes(total=5))
    assert checks.check_appeals(appeals) == reference_appeals(appeals) == []
