"""Placing a row's values by their x position, where space-padded text printed them over several lines.

In ``pdftotext -layout`` text a value printed low in its cell comes out on the line after its
row, at the x position of its column; the order of the cells then no longer says which column a
value is in.  The columns' x ranges are taken from the table's full rows (every value printed on
one line), measured two ways: in characters (what ``pdftotext -layout`` keeps: a CJK glyph is one
character wherever it stands) and in display width (East Asian wide characters count two, as in
text padded for a terminal).  The full rows are cut into runs that keep one grid (a table going
on over a page break starts a new one at other x positions); a row is placed by the runs next to
it, under the measure by which most full rows keep to a grid.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from giar_parse.reading.normalise import Cell

__all__ = ["Grid", "in_x_order", "is_split"]

Slot = Cell | None
Band = tuple[int, int]

#: A value may stand this many characters outside its column's range and still be under it.
_SLACK = 1
#: At least this many full rows must show the columns before a value is placed by them.
_MIN_ROWS = 2
_MEASURES = ("chars", "display")


def is_split(label: Cell | None, cells: Sequence[Cell]) -> bool:
    """True where a row's values stand on more than one line of a row-per-line text.

    A text with one cell per line (a Word or web page dump) prints every value on its own
    line; that is no sign of a value printed low, so a row counts as split only where one of
    its lines holds two of its cells.  ``cells`` are in text order, after ``label``.
    """
    printed = [cell for cell in cells if cell.text]
    lines = [cell.line for cell in printed]
    if len(lines) < 2 or lines[0] == lines[-1]:
        return False
    # the label's line holding a value too (it is the first line), or a line holding two values;
    # a value printed right after the label, with no gap, was joined to it by the extraction
    # (see reading.glued): it stands in no column of its own
    beside = label is not None and label.line == lines[0] and printed[0].column != label.column + len(label.raw)
    return beside or len(set(lines)) < len(lines)


def _apart(bands: Sequence[Band]) -> bool:
    """True where neighbouring columns keep a clear margin between them."""
    return all(start - end >= 2 * _SLACK for (_, end), (start, _) in itertools.pairwise(bands))


def _fits(row: Sequence[Band], bands: Sequence[Band]) -> bool:
    """True where each value of ``row`` stays clear of the columns on either side of its own."""
    for k, (start, end) in enumerate(row):
        if k > 0 and start < bands[k - 1][1] + 2 * _SLACK:
            return False
        if k + 1 < len(bands) and end > bands[k + 1][0] - 2 * _SLACK:
            return False
    return True


def _union(bands: Sequence[Band], row: Sequence[Band]) -> list[Band]:
    return [(min(a, c), max(b, d)) for (a, b), (c, d) in zip(bands, row, strict=True)]


class _Run:
    """Consecutive full rows printed on one grid: their lines and the columns' ``[start, end)``."""

    def __init__(self, line: int, row: Sequence[Band]) -> None:
        self.lines = [line]
        self.bands = list(row)
        self._rows = [row]

    def take(self, line: int, row: Sequence[Band]) -> bool:
        """Add ``row`` where it keeps to this grid."""
        bands = _union(self.bands, row)
        if not (_fits(row, self.bands) and _apart(bands)):
            return False
        self.lines.append(line)
        self.bands = bands
        self._rows.append(row)
        return True

    @property
    def spread(self) -> int:
        """How far the rows' values stray from one alignment in their columns (0: each starts, or ends, at one x)."""
        out = 0
        for column in zip(*self._rows, strict=True):
            starts, ends = [start for start, _ in column], [end for _, end in column]
            out += min(max(starts) - min(starts), max(ends) - min(ends))
        return out


def _runs(rows: Sequence[tuple[int, Sequence[Band]]]) -> list[_Run]:
    """``rows`` (line, spans) cut into runs of one grid; a lone row that fits neither neighbour is dropped."""
    runs: list[_Run] = []
    for index, (line, row) in enumerate(rows):
        if runs and runs[-1].take(line, row):
            continue
        after = rows[index + 1][1] if index + 1 < len(rows) else None
        if runs and after is not None and _fits(after, runs[-1].bands):
            continue  # an outlier between two rows of the same grid
        runs.append(_Run(line, row))
    return [run for run in runs if len(run.lines) >= _MIN_ROWS]


class Grid:
    """The x ranges of a table's value columns, as its full rows print them."""

    def __init__(self, rows: Sequence[Sequence[Cell]], width: int, lines: Sequence[str]) -> None:
        """Columns of ``width`` values from ``rows`` (each a row's cells after its label)."""
        self.width = width
        self._lines = lines
        self._rows = rows
        self._known: dict[str, list[_Run]] | None = None
        #: True where one full row alone shows the columns (then only rows printing every value are placed).
        self.single = False

    @property
    def runs(self) -> dict[str, list[_Run]]:
        """Per measure kept (``"chars"``, ``"display"``): the runs of full rows on one grid.

        Only the measure by which most full rows keep to a grid (rows in runs, less one per run) is
        kept; where they tie, the one in which each column's values keep closer to one alignment
        (left or right); both where that ties too.
        """
        if self._known is None:
            full = [p for p in ([c for c in row if c.text] for row in self._rows) if self._is_full(p)]
            full.sort(key=lambda row: row[0].line)
            found = {
                m: _runs([(row[0].line, [self._span(cell, m) for cell in row]) for row in full]) for m in _MEASURES
            }
            found = {m: runs for m, runs in found.items() if runs}
            if not found and len(full) == 1:
                # the table's one full row (规章 beside 行政规范性文件): its columns, for rows printing every value
                self.single = True
                found = {m: [_Run(full[0][0].line, [self._span(cell, m) for cell in full[0]])] for m in _MEASURES}
            covered = {m: sum(len(run.lines) for run in runs) - len(runs) for m, runs in found.items()}
            best = max(covered.values(), default=0)
            kept = {m: runs for m, runs in found.items() if covered[m] == best}
            # where both keep as many rows, the one in which they align exactly is how the text is padded
            # (counted in the other, values after labels of other lengths stand a little apart)
            spread = {m: sum(run.spread for run in runs) for m, runs in kept.items()}
            least = min(spread.values(), default=0)
            self._known = {m: runs for m, runs in kept.items() if spread[m] == least}
        return self._known

    def _is_full(self, printed: Sequence[Cell]) -> bool:
        return len(printed) == self.width and len({cell.line for cell in printed}) == 1

    def _span(self, cell: Cell, measure: str) -> Band:
        start = cell.column - 1
        if measure == "chars":
            return start, start + len(cell.raw)
        from giar_parse.writing.layouts import display_width  # noqa: PLC0415 (only for a row printed low)

        line = self._lines[cell.line - 1] if 0 < cell.line <= len(self._lines) else ""
        x = display_width(line[:start]) if len(line) >= start else start
        return x, x + display_width(cell.raw)

    def place(self, cells: Sequence[Cell]) -> list[Slot] | None:
        """The row's printed cells under the columns their x positions fall in, or None.

        The columns are those of the run of full rows the row stands in, or of the runs just before
        and just after it (at a page break); where the table has one full row only, those of that
        row, for a row printing every value.  None
        where no run shows them, where a value falls under no column or under two, where two
        values fall under one column, or where the runs or measures place the row differently.
        """
        printed = [cell for cell in cells if cell.text]
        if not printed or not self.runs or (self.single and len(printed) != self.width):
            return None
        line = min(cell.line for cell in printed)
        results = []
        for measure, runs in self.runs.items():
            around = [run for run in runs if run.lines[0] < line < run.lines[-1]]
            before = [run for run in runs if run.lines[-1] < line][-1:]
            after = [run for run in runs if run.lines[0] > line][:1]
            results += [self._place(printed, measure, run.bands) for run in around or before + after]
        # a row between two runs (at a page break) keeps to one of them, and text aligned in one
        # measure fits that one: the runs and measures that place the row must agree
        placed = [result for result in results if result is not None]
        if not placed:
            return None
        if any(result != placed[0] for result in placed):
            return None
        return placed[0]

    def _place(self, printed: Sequence[Cell], measure: str, bands: Sequence[Band]) -> list[Slot] | None:
        slots: list[Slot] = [None] * self.width
        for cell in printed:
            start, end = self._span(cell, measure)
            under = [k for k, (low, high) in enumerate(bands) if start < high + _SLACK and end > low - _SLACK]
            if len(under) != 1 or slots[under[0]] is not None:
                return None
            slots[under[0]] = cell
        return slots


def in_x_order(cells: Sequence[Cell], width: int, lines: Sequence[str]) -> list[Cell] | None:
    """A one-row table's ``width`` values over several lines, in the order of their x positions.

    Only where no line prints a wide character before its values (so characters and display
    width measure alike) and each value keeps a clear margin to the next; else None.
    """
    from giar_parse.writing.layouts import display_width  # noqa: PLC0415 (only for a table printed low)

    printed = [cell for cell in cells if cell.text]
    if len(printed) != width:
        return None
    for cell in printed:
        line = lines[cell.line - 1] if 0 < cell.line <= len(lines) else ""
        if display_width(line[: cell.column - 1]) != cell.column - 1:
            return None
    ordered = sorted(printed, key=lambda cell: cell.column)
    for before, after in itertools.pairwise(ordered):
        if after.column - (before.column + len(before.raw)) < 2 * _SLACK:
            return None
    return ordered
