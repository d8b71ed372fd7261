"""Page geometry → tables: characters placed into the cells of a grid, and text lines outside grids.

Works on plain tuples (no PDF library here): a character is its text and box, a grid cell
is its box.  Every character is placed once (sorted, then bisected), so a page costs
O(n log n) in its characters.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from giar_parse.reading.normalise import fold
from giar_parse.reading.values import is_value

__all__ = [
    "Box",
    "Char",
    "GridCell",
    "Piece",
    "Table",
    "TextLine",
    "cell_grid",
    "join_lines",
    "prints_value",
    "text_lines",
]

#: (x0, top, x1, bottom) in PDF points from the page's top left corner.
Box = tuple[float, float, float, float]

# two boundaries closer than this (points) are one ruling line
_SNAP = 2.0


class Char(NamedTuple):
    """One printed character."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float


class Piece(NamedTuple):
    """A run of characters on one line with no gap wider than a character between them."""

    text: str
    bbox: Box


class TextLine(NamedTuple):
    """Characters printed on one baseline, left to right, with the box around them."""

    text: str
    bbox: Box
    #: the line cut at every gap wider than a character (where a space is put in ``text``)
    pieces: tuple[Piece, ...]


class GridCell(NamedTuple):
    """One cell of a table: its text, box, and the grid columns it spans (``first`` to ``last``)."""

    text: str
    bbox: Box
    first: int
    last: int


class Table(NamedTuple):
    """A table found on a page: its rows of cells (a spanning cell only in the row where it starts)."""

    bbox: Box
    #: the x positions of the grid's column boundaries, left to right
    columns: tuple[float, ...]
    rows: list[list[GridCell]]
    #: True where the table was drawn with ruling lines, False where found from word positions
    ruled: bool


def text_lines(chars: Iterable[Char]) -> list[TextLine]:
    """The characters grouped into lines (top to bottom), each line's characters left to right.

    Two characters are on one line when their vertical extents overlap by more than half the
    smaller one; a gap wider than a character's size between two of them becomes a space.
    """
    lines: list[list[Char]] = []
    for char in sorted(chars, key=lambda c: (c.top, c.x0)):
        if lines:
            last = lines[-1]
            top, bottom = min(c.top for c in last[-3:]), max(c.bottom for c in last[-3:])
            overlap = min(bottom, char.bottom) - max(top, char.top)
            if overlap > 0.5 * min(bottom - top, char.bottom - char.top, char.size or 1.0):
                last.append(char)
                continue
        lines.append([char])
    out: list[TextLine] = []
    for line in lines:
        line.sort(key=lambda c: c.x0)
        pieces = _pieces(line)
        if pieces:
            box = (
                pieces[0].bbox[0],
                min(p.bbox[1] for p in pieces),
                pieces[-1].bbox[2],
                max(p.bbox[3] for p in pieces),
            )
            out.append(TextLine(" ".join(p.text for p in pieces), box, tuple(pieces)))
    return out


def _box(chars: Sequence[Char]) -> Box:
    return (chars[0].x0, min(c.top for c in chars), chars[-1].x1, max(c.bottom for c in chars))


def _pieces(line: Sequence[Char]) -> list[Piece]:
    """The line cut where the gap between two printed characters (spaces are gaps) is wider than one."""
    pieces: list[Piece] = []
    run: list[Char] = []
    spaced = False  # a space was printed since the run's last character
    text = ""
    for char in line:
        if char.text == " ":
            spaced = True
            continue
        if run and char.x0 - run[-1].x1 > max(char.size, 1.0):
            pieces.append(Piece(text, _box(run)))
            run, text = [], ""
        elif run and spaced:
            text += " "
        run.append(char)
        text += char.text
        spaced = False
    if run:
        pieces.append(Piece(text, _box(run)))
    return pieces


def join_lines(lines: Sequence[str]) -> str:
    """The lines of one cell as one text: wrapped CJK joins without a space, Latin words with one."""
    text = ""
    for line in lines:
        if text and line and text[-1].isascii() and text[-1].isalnum() and line[0].isascii() and line[0].isalnum():
            text += " "
        text += line
    return text


def _boundaries(values: Iterable[float]) -> list[float]:
    snapped: list[float] = []
    for value in sorted(values):
        if not snapped or value - snapped[-1] > _SNAP:
            snapped.append(value)
    return snapped


def _index(boundaries: Sequence[float], value: float) -> int:
    """The index of the boundary nearest to ``value``."""
    at = bisect.bisect_left(boundaries, value)
    if at == len(boundaries) or (at > 0 and value - boundaries[at - 1] < boundaries[at] - value):
        at -= 1
    return at


def cell_grid(boxes: Sequence[Box], chars: Sequence[Char]) -> tuple[Table, list[Char]]:
    """The table whose cells are ``boxes``, every character inside a cell placed in it.

    Returns the table and the characters that fell into none of its cells.  A character
    belongs to the cell holding its centre.
    """
    columns = _boundaries([b[0] for b in boxes] + [b[2] for b in boxes])
    tops = _boundaries([b[1] for b in boxes])
    # the cells by row top then x, for placing characters: row → sorted (x0, x1, bottom, index)
    by_row: list[list[tuple[float, float, float, int]]] = [[] for _ in tops]
    for index, box in enumerate(boxes):
        by_row[_index(tops, box[1])].append((box[0], box[2], box[3], index))
    for candidates in by_row:
        candidates.sort()
    # a character can sit in a cell that starts in any row above it: check rows from nearest up
    placed: list[list[Char]] = [[] for _ in boxes]
    outside: list[Char] = []
    for char in chars:
        x, y = (char.x0 + char.x1) / 2, (char.top + char.bottom) / 2
        home = _find(by_row, tops, x, y)
        if home is None:
            outside.append(char)
        else:
            placed[home].append(char)
    rows: list[list[GridCell]] = [[] for _ in tops]
    for index, box in enumerate(boxes):
        text = join_lines([line.text for line in text_lines(placed[index])])
        first, last = _index(columns, box[0]), _index(columns, box[2]) - 1
        rows[_index(tops, box[1])].append(GridCell(text, box, first, max(first, last)))
    for row in rows:
        row.sort(key=lambda cell: cell.first)
    bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
    return Table(bbox, tuple(columns), [row for row in rows if row], ruled=True), outside


def _find(by_row: list[list[tuple[float, float, float, int]]], tops: list[float], x: float, y: float) -> int | None:
    start = bisect.bisect_right(tops, y) - 1
    for row_index in range(start, -1, -1):
        row = by_row[row_index]
        at = bisect.bisect_right(row, (x, float("inf"), 0.0, 0)) - 1
        if at >= 0:
            x0, x1, bottom, index = row[at]
            if x0 <= x <= x1 and y <= bottom:
                return index
    return None


def prints_value(text: str) -> bool:
    """True for a number (an amount perhaps with its unit) or a placeholder, as the reading stage reads values."""
    folded = fold(text)
    return bool(folded) and is_value(folded)
