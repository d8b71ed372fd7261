"""Placing a row's printed cells onto the table's columns.

Text extraction loses the grid: blank cells vanish, merged label cells leave empty
padding, one column may go missing.  A row whose cell count matches the table is read
by position; a shorter row is placed only where the table as a whole says how (see
``fit``), and every such decision is reported in a diagnostic.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from giar_parse.reading.normalise import Cell

__all__ = ["Fit", "fit", "has_trailing_padding", "is_lossy"]

Slot = Cell | None


class Fit(NamedTuple):
    """A row's cells placed on columns; ``slots`` is None when they could not be placed."""

    #: One entry per column: the cell printed there, or None (nothing printed).
    slots: list[Slot] | None
    #: ``"grid"`` (by position), ``"spanned"`` (values repeated over merged columns), ``"short"``
    #: (fewer printed cells than columns) or ``"extra"``.
    how: str
    #: The printed (non-blank) cells of the row.
    printed: list[Cell]


def _trimmed(cells: Sequence[Cell], width: int) -> list[Cell]:
    run = list(cells)
    while len(run) > width and not run[-1].text:
        run.pop()
    while len(run) > width and not run[0].text:
        run.pop(0)
    return run


def _trimmed_length(cells: Sequence[Cell], width: int) -> int:
    """``len(_trimmed(cells, width))``, without the copy."""
    start, end = 0, len(cells)
    while end - start > width and not cells[end - 1].text:
        end -= 1
    while end - start > width and not cells[start].text:
        start += 1
    return end - start


def is_lossy(rows: Sequence[Sequence[Cell]], width: int) -> bool:
    """True when most rows of a table print fewer cells than it has columns."""
    counted = [_trimmed_length(row, width) for row in rows if row]
    short = sum(1 for n in counted if n < width)
    return short * 2 > len(counted)


def has_trailing_padding(rows: Sequence[Sequence[Cell]], width: int) -> bool:
    """True when some row prints every column and still has blank cells after them.

    Those blanks are placeholders of merged label cells (one cell per line, seed 001), so a
    blank after a row's last number is padding in this table, not an empty last column.
    """
    return any(row and not row[-1].text and sum(1 for cell in row if cell.text) == width for row in rows)


def _spanned(printed: Sequence[Cell], width: int, grid: int) -> list[Slot] | None:
    """Each value once where every one is printed once per grid column its merged cell spans."""
    span, rest = divmod(len(printed), width)
    if rest or span < 2 or span * width > grid:
        return None
    groups = [printed[i * span : (i + 1) * span] for i in range(width)]
    if any(len({cell.text for cell in group}) != 1 for group in groups):
        return None
    return [group[0] for group in groups]


def fit(cells: Sequence[Cell], width: int, *, lossy: bool = False, padded: bool = False, grid: int = 0) -> Fit:
    """Place ``cells`` (the run after a row label) on ``width`` columns.

    Blank cells count as cells only where the row then has exactly ``width`` of them,
    and not in a ``lossy`` table, where a leading blank is padding from a merged label,
    nor after the last number in a ``padded`` table.  In a table ``grid`` columns wide, a
    row whose every value is repeated once per grid column its merged cell spans is read
    with each value once (``how == "spanned"``).
    """
    # trimming drops blank cells only, so the printed cells are the row's
    printed = [cell for cell in cells if cell.text]
    if len(printed) == width:
        return Fit(list(printed), "grid", printed)
    run = _trimmed(cells, width)
    if padded:
        while run and not run[-1].text:
            run.pop()
    if len(printed) > width and grid:
        spanned = _spanned(printed, width, grid)
        if spanned is not None:
            return Fit(spanned, "spanned", printed)
    if len(run) > width:
        return Fit(None, "extra", printed)
    if len(run) == width and not (lossy and not run[0].text):
        return Fit([cell if cell.text else None for cell in run], "grid", printed)
    return Fit(None, "short", printed)
