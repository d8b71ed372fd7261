"""The official arithmetic identities of tables 三 and 四, checked without changing a number.

Each broken identity gives one ``warning`` diagnostic naming the row, column and numbers.
A null cell is read as 0, and the message says so where that mattered.

A table whose identities all hold (most do) is seen to by one quick pass over its cells;
only a table that fails it is checked cell by cell for the messages.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

import attrs

from giar_parse.labels import REQUEST_COLUMNS
from giar_parse.model import AppealTable, Counts, Diagnostic, RequestTable

__all__ = ["check", "check_appeals", "check_requests", "request_rows"]

_Cells = tuple[int | None, ...]

_OUTCOME_PARTS = ("upheld", "corrected", "other", "pending")
_GROUP_LABELS = {"review": "行政复议", "litigation": "未经复议直接起诉", "litigation_after_review": "复议后起诉"}
# read once, not on every check: a row's seven cells (总计 last), table 四's groups, a group's cells (总计 last)
_CELLS = operator.attrgetter(*REQUEST_COLUMNS)
_BLANK_ROW: _Cells = (None,) * len(REQUEST_COLUMNS)
_GROUPS = operator.attrgetter(*_GROUP_LABELS)
_OUTCOME_CELLS = operator.attrgetter(*_OUTCOME_PARTS, "total")
_APPLICANTS = operator.itemgetter(slice(0, len(REQUEST_COLUMNS) - 1))  # a row's cells but its 总计
_NAMES: dict[type, tuple[str, ...]] = {}
_ROWS: dict[type, Callable[[object], tuple[Counts | None, ...]]] = {}


def _names(cls: type) -> tuple[str, ...]:
    """The field names of a group record of table 三, in order (read once per class)."""
    names = _NAMES.get(cls)
    if names is None:
        names = _NAMES[cls] = tuple(field.name for field in attrs.fields(cls))
    return names


def _rows(record: object) -> tuple[Counts | None, ...]:
    """The rows of a group record of table 三, in order (their getter made once per class)."""
    getter = _ROWS.get(type(record))
    if getter is None:
        names = _names(type(record))
        many = operator.attrgetter(*names) if len(names) > 1 else None
        getter = _ROWS[type(record)] = many or (lambda row: tuple(getattr(row, name) for name in names))
    return getter(record)


def _cells(row: Counts | None) -> _Cells:
    """A row's seven cells, 总计 last (all blank for a missing row)."""
    return _BLANK_ROW if row is None else _CELLS(row)


def _show(value: int, null: bool) -> str:
    """A cell in a message: its number, or "blank" where it prints none."""
    return "blank" if null else str(value)


def _null_note(used_null: bool) -> str:
    return " (blank cells read as 0)" if used_null else ""


def _groups(table: RequestTable) -> tuple[str, ...]:
    """The group records of table 三's outcomes: （三）–（五）, and （六） where it is three sub-rows."""
    groups = ("withheld", "unavailable", "not_processed")
    return (*groups, "other_handling_parts") if table.other_handling_parts is not None else groups


def _outcome_records(table: RequestTable) -> list[Counts | None]:
    """The outcome rows （一）–（六） that add up to （七）总计, in order."""
    rows = [table.disclosed, table.partially_disclosed]
    for group in _groups(table):
        rows.extend(_rows(getattr(table, group)))
    if table.other_handling_parts is None:
        rows.append(table.other_handling)
    return rows


def _outcome_paths(table: RequestTable) -> list[str]:
    """The key paths of :func:`_outcome_records`' rows."""
    paths = ["disclosed", "partially_disclosed"]
    for group in _groups(table):
        paths.extend(f"{group}.{name}" for name in _names(type(getattr(table, group))))
    if table.other_handling_parts is None:
        paths.append("other_handling")
    return paths


def request_rows(table: RequestTable) -> Iterator[tuple[str, Counts | None]]:
    """Every row of table 三 the identities use, with its key path (``requests.received`` …)."""
    yield "requests.received", table.received
    yield "requests.carried_over", table.carried_over
    for path, row in zip(_outcome_paths(table), _outcome_records(table), strict=True):
        yield f"requests.{path}", row
    yield "requests.total", table.total
    yield "requests.carried_forward", table.carried_forward


class _Grid(NamedTuple):
    """Table 三's cells, each row's seven: 本年新收, 上年结转, 总计 and 结转下年度, then the outcome rows."""

    ends: list[_Cells]
    outcomes: list[_Cells]

    @classmethod
    def of(cls, table: RequestTable) -> _Grid:
        ends = (table.received, table.carried_over, table.total, table.carried_forward)
        return cls([_cells(row) for row in ends], [_cells(row) for row in _outcome_records(table)])

    def rows(self) -> list[_Cells]:
        """Every row in the order of :func:`request_rows`."""
        received, carried, total, forward = self.ends
        return [received, carried, *self.outcomes, total, forward]


def _sums(rows: Iterable[_Cells]) -> list[int]:
    """Each row's cells added up, blanks read as 0."""
    return list(map(sum, map(filter, itertools.repeat(None), rows)))


def _numbers(cells: Iterable[int | None]) -> list[int]:
    """The cells as numbers, blanks read as 0."""
    return [0 if cell is None else cell for cell in cells]


def _holds(grid: _Grid, summed: bool) -> bool:
    """Whether every identity of table 三 holds with blanks read as 0: then :func:`check_requests` finds nothing.

    ``summed`` says the table prints （七）总计 (the outcome sum is checked only then).  False
    says only that the full check must run: a blank 总计 beside blank parts breaks nothing
    there, but fails here.
    """
    rows = grid.rows()
    if _sums(map(_APPLICANTS, rows)) != _numbers(cells[-1] for cells in rows):
        return False
    received, carried, total, forward = map(_numbers, grid.ends)
    if list(map(operator.add, received, carried)) != list(map(operator.add, total, forward)):
        return False
    return not summed or _sums(zip(*grid.outcomes, strict=True)) == total


def check_requests(table: RequestTable) -> list[Diagnostic]:
    """Flow (一+二 = 三+四), outcome sum and row sum of table 三."""
    grid = _Grid.of(table)
    if _holds(grid, table.total is not None):
        return []
    return [*_broken_columns(grid, table.total is not None), *_broken_rows(grid, table)]


def _broken_columns(grid: _Grid, summed: bool) -> Iterator[Diagnostic]:
    """Each column's flow (一+二 = 三+四) and, where （七）总计 is printed, outcome sum, where broken."""
    for (column, label), printed, parts in zip(
        REQUEST_COLUMNS.items(), zip(*grid.ends, strict=True), zip(*grid.outcomes, strict=True), strict=True
    ):
        if printed.count(None) == len(printed):
            continue
        n1, n2, n3, n4 = (value is None for value in printed)
        received, carried, total, forward = (0 if value is None else value for value in printed)
        if received + carried != total + forward:
            yield Diagnostic(
                "identity.flow",
                "warning",
                f"{label}: 本年新收 + 上年结转 = {_show(received, n1)} + {_show(carried, n2)} = "
                f"{received + carried}, but 总计 + 结转下年度 = {_show(total, n3)} + {_show(forward, n4)} = "
                f"{total + forward}" + _null_note(n1 or n2 or n3 or n4),
                f"requests.total.{column}",
            )
        added = sum(filter(None, parts))
        if summed and added != total and parts.count(None) < len(parts):
            yield Diagnostic(
                "identity.outcome_sum",
                "warning",
                f"{label}: （七）总计 is {_show(total, n3)}, but the outcome rows （一）–（六） add up to "
                f"{added}" + _null_note(n3 or None in parts),
                f"requests.total.{column}",
            )


def _broken_rows(grid: _Grid, table: RequestTable) -> Iterator[Diagnostic]:
    """Each printed row whose six applicant columns do not add up to its 总计."""
    paths: list[str] | None = None
    for index, (*values, total_cell) in enumerate(grid.rows()):
        summed, total = sum(filter(None, values)), (0 if total_cell is None else total_cell)
        if summed == total or values.count(None) == len(values):
            continue  # a missing row is all blank
        paths = paths or [path for path, _ in request_rows(table)]
        yield Diagnostic(
            "identity.row_sum",
            "warning",
            f"{paths[index]}: 总计 is {_show(total, total_cell is None)}, but the six applicant columns add up to "
            f"{summed}" + _null_note(total_cell is None or None in values),
            f"{paths[index]}.total",
        )


def _appeals_hold(table: AppealTable) -> bool:
    """Whether each printed 总计 of table 四 is its four outcomes' sum (then :func:`check_appeals` finds nothing)."""
    for outcomes in _GROUPS(table):
        *parts, total = _OUTCOME_CELLS(outcomes)
        if total is not None and sum(filter(None, parts)) != total:
            return False
    return True


def check_appeals(table: AppealTable) -> list[Diagnostic]:
    """Each 总计 of table 四 equals its four outcomes."""
    return [] if _appeals_hold(table) else list(_broken_appeals(table))


def _broken_appeals(table: AppealTable) -> Iterator[Diagnostic]:
    """Each group of table 四 whose 总计 is not its four outcomes' sum (blank outcomes read as 0)."""
    for (group, label), outcomes in zip(_GROUP_LABELS.items(), _GROUPS(table), strict=True):
        *parts, total = _OUTCOME_CELLS(outcomes)
        if total is None or all(value is None for value in parts):
            continue
        summed = sum(filter(None, parts))
        if summed != total:
            yield Diagnostic(
                "identity.appeal_total",
                "warning",
                f"{label}: 总计 is {total}, but 维持 + 纠正 + 其他 + 尚未审结 add up to {summed}"
                + _null_note(any(value is None for value in parts)),
                f"appeals.{group}.total",
            )


def check(requests: RequestTable | None, appeals: AppealTable | None) -> list[Diagnostic]:
    """All identity checks for the tables present."""
    out: list[Diagnostic] = []
    if requests is not None:
        out.extend(check_requests(requests))
    if appeals is not None:
        out.extend(check_appeals(appeals))
    return out
