"""Rows whose values the text printed after another row's label.

A PDF extraction that follows the reading order of the page (``pdftotext`` with no option)
may print a table's row labels apart from their values: the labels of the rows under a
tall merged cell (三、本年度办理结果 （一）予以公开, （二）部分公开 …) come out after the
values, so the values of several rows follow one label and the other labels print none.
The values still come in the order of the rows, top to bottom.

:func:`regroup` gives each of those rows its own values, where only one reading is
possible: a row printing exactly ``k`` times the table's width, with no blank cell but the
padding after its values; a window of ``k`` rows next to each other in the template, holding
it, in which every other row prints no value and is printed once; no other such window; and
every group of values keeping its row sum (the last is the sum of the others).  The caller
then checks the whole table against its identities before it keeps the reading.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from giar_parse.reading.normalise import Cell
from giar_parse.reading.transformer import Row
from giar_parse.reading.values import counts

__all__ = ["Regrouped", "regroup"]

Key = tuple[str, ...]


class Regrouped(NamedTuple):
    """One row's values given to the window of rows they belong to."""

    #: The row whose label the values followed.
    source: Key
    #: The rows of the window, in the template's order (``source`` among them).
    window: tuple[Key, ...]


def regroup(copies: dict[Key, list[Row]], order: Sequence[Key], width: int) -> list[Regrouped]:
    """Give the rows of each window their values, in place in ``copies``; the windows so read.

    ``copies`` maps a row's key to the copies of it the text prints; ``order`` lists the
    table's rows in the template's order, ``width`` its number of columns.
    """
    found: list[Regrouped] = []
    for index, key in enumerate(order):
        printed = copies.get(key)
        if printed is None or len(printed) != 1:
            continue
        cells = printed[0].cells
        end = len(cells)
        while end and not cells[end - 1].text:  # blank cells after the values: padding (merged label cells)
            end -= 1
        cells = cells[:end]
        rows, rest = divmod(len(cells), width)
        if rows < 2 or rest or not all(cell.text for cell in cells):
            continue
        windows = [
            tuple(order[start : start + rows])
            for start in range(max(0, index - rows + 1), min(index, len(order) - rows) + 1)
            if all(other == key or _prints_nothing(copies.get(other)) for other in order[start : start + rows])
        ]
        groups = [cells[at : at + width] for at in range(0, len(cells), width)]
        if len(windows) != 1 or not all(_sum_holds(group) for group in groups):
            continue
        for member, group in zip(windows[0], groups, strict=True):
            copies[member] = [copies[member][0]._replace(cells=group)]
        found.append(Regrouped(key, windows[0]))
    return found


def _prints_nothing(printed: list[Row] | None) -> bool:
    """A row printed once, with no value cell after its label."""
    return printed is not None and len(printed) == 1 and not printed[0].cells


def _sum_holds(group: Sequence[Cell]) -> bool:
    """Every value a count, the last the sum of the others."""
    values = counts(cell.text for cell in group)
    return values is not None and sum(values[:-1]) == values[-1]
