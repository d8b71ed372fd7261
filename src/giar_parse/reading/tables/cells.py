"""Placed cells → one record: numbers read, money scaled to yuan, provenance kept, notes taken."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, TypeVar, cast

from giar_parse.model import Diagnostic, ProvenanceMap, Severity
from giar_parse.reading.normalise import Cell
from giar_parse.reading.transformer import Row
from giar_parse.reading.values import count, read, scale

__all__ = ["MONEY", "Notes", "build", "one_copy", "plain_decimal", "prints"]

#: Marks a money column in a field spec: ``(("projects", int), ("amount", MONEY))``.
MONEY = "money"

R = TypeVar("R")
_TABLE_PATHS = {"二": "active", "三": "requests", "四": "appeals"}
# a row printed more often names this many of its lines
_SHOWN_LINES = 6


def plain_decimal(value: Decimal) -> Decimal:
    """``value`` without trailing zeros and never in exponent form (``9421930.000`` → ``9421930``)."""
    return Decimal(format(value.normalize(), "f"))


class Notes:
    """Diagnostics collected while a report is built, with blank cells counted per table."""

    def __init__(self) -> None:
        self.items: list[Diagnostic] = []
        self.blanks: dict[str, int] = {}

    def add(
        self, code: str, severity: Severity, message: str, path: str | None = None, line: int | None = None
    ) -> None:
        """Record one diagnostic."""
        self.items.append(Diagnostic(code, severity, message, path, line))

    def blank(self, table: str, cells: int = 1) -> None:
        """Count ``cells`` cells of ``table`` that print nothing."""
        self.blanks[table] = self.blanks.get(table, 0) + cells

    def merge(self, other: Notes) -> None:
        """Take in what ``other`` collected (a reading kept after it was compared with another)."""
        self.items.extend(other.items)
        for table, blanks in other.blanks.items():
            self.blank(table, blanks)

    def finish(self) -> list[Diagnostic]:
        """All diagnostics, one summary per table with blank cells appended."""
        for table, blanks in self.blanks.items():
            self.add(
                "cells.blank",
                "info",
                f"{blanks} cell(s) of table {table} print no number and are left null",
                _TABLE_PATHS.get(table),
            )
        self.blanks = {}
        return self.items


def build(
    cls: type[R],
    spec: tuple[tuple[str, object], ...],
    slots: Sequence[Cell | None],
    *,
    path: str,
    table: str,
    notes: Notes,
    unit: str = "",
    placed: bool = True,
) -> R:
    """Make ``cls`` from cells placed on the columns named in ``spec``.

    ``unit`` is the money unit the column header names; a money cell's own unit wins.
    ``placed=False`` means the row's cells could not be placed (already reported).
    The record's fields are those of ``spec`` in order, each money field followed by its
    ``_text``; its provenance is made from the cells when it is looked up.
    """
    names = _names(spec)
    if names is not None:  # counts only: where every printed cell is a count, the record at once
        counts = [None if cell is None else count(cell.text) for cell in slots]
        blanks = slots.count(None)
        if counts.count(None) == blanks:
            if blanks and placed:
                notes.blank(table, blanks)
            return cast(Any, cls)(*counts, provenance=ProvenanceMap(names, tuple(slots)))  # type: ignore[no-any-return]
    values: list[Any] = []
    for (name, kind), cell in zip(spec, slots, strict=True):
        money = kind == MONEY
        if cell is None:
            values.append(None)
            if money:
                values.append(None)
            if placed:
                notes.blank(table)
            continue
        reading = read(cell.text)
        if not money and reading.whole is not None:
            values.append(reading.whole)  # a count, as nearly every cell is
            continue
        where = f"{path}.{name}"
        if reading.number is None:
            notes.add("cells.placeholder", "info", f"{where} prints {cell.raw!r}, read as no number", where, cell.line)
            values.append(None)
            if money:
                values.append(cell.raw)
            continue
        if money:
            values.append(_money(reading.number, reading.unit or unit, where, cell, notes))
            values.append(cell.raw)
        else:
            notes.add("cells.invalid", "error", f"{where} prints {cell.raw!r}, which is not a count", where, cell.line)
            values.append(None)
    provenance = ProvenanceMap(names or [name for name, _ in spec], tuple(slots))
    return cast(Any, cls)(*values, provenance=provenance)  # type: ignore[no-any-return]


@functools.lru_cache(maxsize=64)
def _names(spec: tuple[tuple[str, object], ...]) -> tuple[str, ...] | None:
    """The field names of a spec of counts only; None where it has a money column."""
    if any(kind == MONEY for _, kind in spec):
        return None
    return tuple(name for name, _ in spec)


def _money(number: Decimal, unit: str, where: str, cell: Cell, notes: Notes) -> Decimal:
    factor = scale(unit)
    if factor is None:
        factor = Decimal(1)
        if number != 0:
            notes.add(
                "amount.unit",
                "warning",
                f"{where} prints {cell.raw!r} with no unit in the cell or its column header; read as yuan",
                where,
                cell.line,
            )
    return plain_decimal(number * factor)


def prints(cells: Sequence[Cell]) -> bool:
    """True where any of ``cells`` prints something."""
    for cell in cells:  # noqa: SIM110 (a loop makes no generator)
        if cell.text:
            return True
    return False


def one_copy(printed: Sequence[Row], path: str, notes: Notes) -> Row | None:
    """The copy of a row to read: the one with values; None (with an error) where copies disagree."""
    if len(printed) == 1:
        return printed[0]
    with_values = [row for row in printed if prints(row.cells)]
    chosen = with_values or [printed[0]]
    distinct = {tuple(cell.text for cell in row.cells if cell.text) for row in chosen}
    # the first few lines only: a text repeating the table thousands of times stays linear
    shown = [str(row.cell.line) for row in printed[:_SHOWN_LINES]]
    lines = ", ".join(shown) + (", …" if len(printed) > _SHOWN_LINES else "")
    if len(distinct) > 1:
        notes.add(
            "row.conflict",
            "error",
            f"{path} is printed {len(printed)} times with different values (lines {lines}); none is read",
            path,
            chosen[1].cell.line,
        )
        return None
    for row in printed:
        if row is not chosen[0]:
            notes.add(
                "row.duplicate",
                "warning",
                f"{path} is printed {len(printed)} times (lines {lines}); the copy on line {chosen[0].cell.line} "
                "is read",
                path,
                row.cell.line,
            )
    return chosen[0]
