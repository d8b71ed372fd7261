"""Table 三 whose values may stand before their row labels.

A PDF extraction that orders text by its baseline (pdfminer.six with ``boxes_flow=None``)
prints a label centred in a tall cell after the values of its row, so every row's values
come before its label and a row of values stands between the table's header and 一、本年新收.
Read the usual way, every label would take the next row's values: each number one printed,
each in the wrong row.

:func:`values_first` is that other reading: the runs of values, in the order printed, each
given to the next row label.  Which of the two readings is the table's is left to its
arithmetic (``requests.request_table``).
"""

from __future__ import annotations

from collections.abc import Sequence

from giar_parse.reading.normalise import Cell
from giar_parse.reading.transformer import Row
from giar_parse.reading.values import count

__all__ = ["leading_row", "values_first"]


def leading_row(lead: Sequence[Cell], width: int) -> bool:
    """Whether ``lead`` (the values after the table's header, before its first row label) may be a row.

    Two to ``width`` counts (blank cells may vanish), not the columns numbered ``1 2 3 …``.
    Whether it is a row is left to the identities the whole table is read by.
    """
    printed = [cell for cell in lead if cell.text]
    counts = [n for n in (count(cell.text) for cell in printed) if n is not None]
    return 2 <= len(printed) <= width and len(counts) == len(printed) and counts != list(range(1, len(counts) + 1))


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
