"""Table 三 whose values may stand before their row labels.

A PDF extraction that orders text by its baseline (pdfminer.six with ``boxes_flow=None``)
prints a label centred in a tall cell after the values of its row, so every row's values
come before its label and a row of values stands between the table's header and 一、本年新收.
Read the usual way, every label would take the next row's values: each number one printed,
each in the wrong row.

:func:`values_first` is that other reading: the runs of values, in the order printed, each
given to the next row label.  Which of the two readings is the table's is left to its
arithmetic (:func:`either_reading`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from giar_parse.reading.normalise import Cell
from giar_parse.reading.tables.cells import Notes
from giar_parse.reading.transformer import Row
from giar_parse.reading.values import counts

__all__ = ["either_reading", "leading_row", "values_first"]

T = TypeVar("T")


def leading_row(lead: Sequence[Cell], width: int) -> bool:
    """Whether ``lead`` (the values after the table's header, before its first row label) may be a row.

    Two to ``width`` counts (blank cells may vanish), not the columns numbered ``1 2 3 …``.
    Whether it is a row is left to the identities the whole table is read by.
    """
    values = counts(cell.text for cell in lead if cell.text)
    return values is not None and 2 <= len(values) <= width and values != list(range(1, len(values) + 1))


def values_first(rows: Sequence[Row], lead: Sequence[Cell], takes_values: Sequence[bool]) -> list[Row] | None:
    """``rows`` with each run of values given to the next row that takes values; None where they do not pair.

    ``lead`` is the run before the first row; ``takes_values[i]`` says whether ``rows[i]`` is a
    row of values (not a group label such as （三）不予公开).  Each run printing a value, in
    order, goes to one such row, in order; there must be as many of each.
    """
    runs = [tuple(lead), *(row.cells for row in rows)]
    printing = [run for run in runs if any(cell.text for cell in run)]
    if len(printing) != sum(takes_values):
        return None
    given = iter(printing)
    return [row._replace(cells=next(given) if takes else ()) for row, takes in zip(rows, takes_values, strict=True)]


def either_reading(
    rows: Sequence[Row],
    lead: Sequence[Cell],
    takes_values: Sequence[bool],
    read: Callable[[Sequence[Row], Notes], T],
    holds: Callable[[T], bool],
    notes: Notes,
) -> T:
    """The table read whichever way its arithmetic proves: values before their labels, or after; or no row.

    ``read`` builds the table from rows (its notes into the Notes given), ``holds`` says whether
    every row of it is read and every identity holds.  The values before the labels are tried
    first (``lead`` is a row of values, :func:`leading_row`); where neither reading holds, every
    row is read with no values, and one error says why.
    """
    where = lead[0].line
    values = " ".join(cell.raw for cell in lead if cell.text)
    first = values_first(rows, lead, takes_values)
    shifted = None if first is None else _holding(first, read, holds)
    if shifted is not None:
        notes.merge(shifted[1])
        notes.add(
            "cells.before_label",
            "warning",
            "table 三 prints its values before their row labels (a row of values stands between its header and "
            "一、本年新收): each label is read with the values printed before it, the one reading with which every "
            "row is read and every identity of the table holds",
            "requests",
            where,
        )
        return shifted[0]
    usual = _holding(rows, read, holds)
    if usual is not None:
        notes.merge(usual[1])
        notes.add(
            "layout.unexpected",
            "warning",
            f"{values!r} stands between table 三's header and its first row; it is no row's and was skipped",
            None,
            where,
        )
        return usual[0]
    notes.add(
        "cells.disagree",
        "error",
        f"table 三 prints a row of values ({values}) between its header and its first row label, so its values "
        "may stand before their labels; neither reading (each label with the values after it, or with those "
        "before it) reads every row with every identity holding, so no row of the table is read",
        "requests",
        where,
    )
    return read([row._replace(cells=()) for row in rows], Notes())


def _holding(
    rows: Sequence[Row], read: Callable[[Sequence[Row], Notes], T], holds: Callable[[T], bool]
) -> tuple[T, Notes] | None:
    """The table read from ``rows``, with its notes, where it holds; else None."""
    taken = Notes()
    table = read(rows, taken)
    return (table, taken) if holds(table) else None
