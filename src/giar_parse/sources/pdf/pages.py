"""Pages → one stream of prose lines and tables, a table running over a page break made one.

A table that ends a page and one that starts the next page with the same column
boundaries are one table.  Where the second part starts with the first part's header
rows again, they are dropped.  Where the break cut a row in two (no column has a value on
both sides of the break), the two halves are joined cell by cell; where the break cut only
spanning cells (a group label beside new rows), the empty remainders of those cells are
not fields.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from giar_parse.sources.pdf.grid import GridCell, Table, TextLine, join_lines, prints_value

__all__ = ["Item", "Page", "stitched"]

# outer and inner column boundaries of two parts of one table agree within this (points)
_SAME_COLUMN = 3.0


class Page(NamedTuple):
    """What one page holds: its tables and the text lines outside them."""

    number: int
    has_text: bool
    tables: list[Table]
    lines: list[TextLine]


class Item(NamedTuple):
    """A prose line or a table (possibly over several pages), in reading order."""

    content: TextLine | Table
    #: the page of a prose line; the first page of a table
    page: int
    #: every page a table is on
    pages: list[int]
    #: the page of each of a table's rows
    row_pages: list[int]
    #: the index of a table's first row on its last page
    last_part: int


def _page_items(page: Page) -> list[Item]:
    items = [Item(line, page.number, [page.number], [], 0) for line in page.lines]
    items += [Item(table, page.number, [page.number], [page.number] * len(table.rows), 0) for table in page.tables]
    items.sort(key=lambda item: item.content.bbox[1])
    return items


def _columns(a: Table, b: Table) -> tuple[float, ...]:
    merged: list[float] = []
    for x in sorted((*a.columns, *b.columns)):
        if not merged or x - merged[-1] > _SAME_COLUMN:
            merged.append(x)
    return tuple(merged)


def _texts(row: list[GridCell]) -> list[str]:
    return ["".join(cell.text.split()) for cell in row]


def _without_repeated_header(first: Table, rows: list[list[GridCell]]) -> list[list[GridCell]]:
    skip = 0
    while skip < min(len(first.rows), len(rows)) and _texts(first.rows[skip]) == _texts(rows[skip]):
        skip += 1
    return rows[skip:] if skip < len(rows) else rows


def _bottom_cells(rows: list[list[GridCell]], start: int) -> list[tuple[GridCell, int, int]]:
    """Each cell reaching the bottom of ``rows[start:]`` (one page's part), with its row and index in that row."""
    bottom = max(cell.bbox[3] for row in rows[start:] for cell in row)
    return [
        (cell, r, i)
        for r, row in enumerate(rows[start:], start)
        for i, cell in enumerate(row)
        if bottom - cell.bbox[3] <= _SAME_COLUMN
    ]


def _above(cell: GridCell, bottom: list[tuple[GridCell, int, int]]) -> tuple[int, int] | None:
    """The cell at the bottom of the part above with the same left and right edge as ``cell``."""
    for upper, r, i in bottom:
        if abs(upper.bbox[0] - cell.bbox[0]) <= _SAME_COLUMN and abs(upper.bbox[2] - cell.bbox[2]) <= _SAME_COLUMN:
            return r, i
    return None


def _spans(upper: GridCell) -> bool:
    """True for a cell above the break whose empty remainder below it is not a field: a label, never a value."""
    return bool(upper.text) and not prints_value(upper.text)


def _cut(sides: list[tuple[str, str]]) -> bool:
    """True when the texts above and below the break in each column read as one row cut in two.

    A value is never cut, so no column may hold a value beside anything on the other side;
    and some column must be empty on one side only (what the break left on the other page).
    """
    if any((prints_value(a) and b) or (prints_value(b) and a) for a, b in sides):
        return False
    return any(bool(a) != bool(b) for a, b in sides)


def _joined(upper: Table, last_part: int, lower: Table) -> tuple[Table, int]:
    """``upper`` with ``lower``'s rows after it; returns the table and how many of lower's rows were dropped.

    ``upper.rows[last_part:]`` are the rows on the page before ``lower``'s.
    """
    head = upper.rows  # extended in place
    rows = _without_repeated_header(upper, [list(row) for row in lower.rows])
    dropped = len(lower.rows) - len(rows)
    if rows:
        bottom = _bottom_cells(head, last_part)
        pairs = [(cell, _above(cell, bottom)) for cell in rows[0]]
        matched = all(where is not None for cell, where in pairs if cell.text)
        sides = [(head[where[0]][where[1]].text, cell.text) for cell, where in pairs if where is not None]
        if matched and _cut(sides):
            # one row cut by the break: join its halves
            for cell, where in pairs:
                if where is not None and cell.text:
                    r, i = where
                    old = head[r][i]
                    head[r][i] = old._replace(text=join_lines([old.text, cell.text]))
            rows = rows[1:]
            dropped += 1
        else:
            # new rows beside spanning cells cut by the break: their empty remainders are not fields.
            # Only a label spans rows; an empty cell under a value is a blank cell of the new row.
            rows[0] = [
                cell for cell, where in pairs if cell.text or where is None or not _spans(head[where[0]][where[1]])
            ]
    bbox = (min(upper.bbox[0], lower.bbox[0]), upper.bbox[1], max(upper.bbox[2], lower.bbox[2]), lower.bbox[3])
    head.extend(rows)
    return Table(bbox, _columns(upper, lower), head, upper.ruled and lower.ruled), dropped


def stitched(pages: list[Page]) -> Iterator[Item]:
    """Every page's lines and tables in reading order, a table continued on the next page joined into one."""
    pending: Item | None = None  # a table that ended its page: it may go on
    for page in pages:
        items = _page_items(page)
        if pending is not None:
            first = items[0] if items else None
            if first is not None and isinstance(first.content, Table) and isinstance(pending.content, Table):
                lower = first.content
                # (tables found from word positions have no drawn edges to match: they stay apart)
                if (
                    lower.ruled
                    and pending.content.ruled
                    and abs(lower.columns[0] - pending.content.columns[0]) <= _SAME_COLUMN
                    and (abs(lower.columns[-1] - pending.content.columns[-1]) <= _SAME_COLUMN)
                ):
                    before = len(pending.content.rows)
                    table, dropped = _joined(pending.content, pending.last_part, lower)
                    # (the lists grow in place: a table over every page of a long document stays linear)
                    pending.pages.append(page.number)
                    pending.row_pages.extend([page.number] * (len(lower.rows) - dropped))
                    items[0] = Item(table, pending.page, pending.pages, pending.row_pages, before)
                    pending = None
            if pending is not None:
                yield pending
                pending = None
        if items and isinstance(items[-1].content, Table):
            pending = items.pop()
        yield from items
    if pending is not None:
        yield pending
