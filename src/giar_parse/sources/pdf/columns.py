"""Tables drawn without lines: rows of values found from word positions, cells from the values' columns.

A line with two or more pieces (runs of characters a gap apart) ending in values (numbers
or placeholders, right of any label) is a table row.  Consecutive rows whose values fall into
the same columns (every value inside one column, no two in one) are one table; its columns
are the spans its values share.  Each row becomes its label pieces, then one field per
column: the value printed there, or an empty field where none is (a blank cell).  Lines
without values inside the table stay rows of their pieces (headers); a label wrapped over
several lines between two rows joins the row nearest to it.  A run with fewer than two
rows is not a table.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import NamedTuple

from giar_parse.sources.pdf.grid import Box, GridCell, Piece, Table, TextLine, join_lines, prints_value

__all__ = ["Block", "unruled"]

# a value's column: two spans closer than this (points) are one column
_TOLERANCE = 1.0


class Block(NamedTuple):
    """A prose line, or a table found from word positions, in page order."""

    content: TextLine | Table


def _value_pieces(line: TextLine) -> list[Piece]:
    """The values of a row: the run of value pieces at its right end (values are printed right of labels)."""
    if len(line.pieces) < 2:
        return []
    start = len(line.pieces)
    while start > 0 and prints_value(line.pieces[start - 1].text):
        start -= 1
    return list(line.pieces[start:])


def _fits(columns: list[tuple[float, float]], pieces: Sequence[Piece]) -> list[tuple[float, float]] | None:
    """``columns`` widened by the value ``pieces`` of one more row, or None where they do not fit."""
    established = len(columns)
    columns = list(columns)
    used: set[int] = set()
    for piece in pieces:
        x0, x1 = piece.bbox[0], piece.bbox[2]
        hits = [i for i, (c0, c1) in enumerate(columns) if x0 <= c1 + _TOLERANCE and x1 >= c0 - _TOLERANCE]
        if len(hits) > 1 or (hits and hits[0] in used):
            return None
        if hits:
            c0, c1 = columns[hits[0]]
            columns[hits[0]] = (min(c0, x0), max(c1, x1))
            used.add(hits[0])
        else:
            columns.append((x0, x1))
            used.add(len(columns) - 1)
    # a row of another table may fall between this one's columns: most values must hit a column
    if established and 2 * len(used & set(range(established))) < len(pieces):
        return None
    columns.sort()
    # widening may make two columns overlap: then the rows do not share columns
    if any(a[1] + _TOLERANCE >= b[0] for a, b in itertools.pairwise(columns)):
        return None
    return columns


class _Group(NamedTuple):
    """A run of value rows sharing columns."""

    first: int
    last: int
    columns: list[tuple[float, float]]
    #: where the rows' lines start (the table's left edge)
    margin: float


def _groups(lines: list[TextLine]) -> list[_Group]:
    """Runs of value rows sharing columns, with only label or header lines between them."""
    groups: list[_Group] = []
    current: _Group | None = None
    for index, line in enumerate(lines):
        values = _value_pieces(line)
        if not values:
            continue
        if current is not None:
            widened = _fits(current.columns, values)
            margin = min(current.margin, line.bbox[0])
            between = lines[current.last + 1 : index]
            if widened is not None and not any(_crosses(other, widened, margin) for other in between):
                current = _Group(current.first, index, widened, margin)
                continue
            groups.append(current)
        first = _fits([], values)
        current = _Group(index, index, first, line.bbox[0]) if first is not None else None
    if current is not None:
        groups.append(current)
    # a table has two rows of values, or one row of three or more (table 四 has one)
    return [group for group in groups if group.first < group.last or len(_value_pieces(lines[group.first])) >= 3]


def _crosses(line: TextLine, columns: list[tuple[float, float]], margin: float) -> bool:
    """True for a line of prose: one piece from the table's left edge running over the value columns."""
    near_margin = line.bbox[0] <= margin + 2 * _height(line)
    return len(line.pieces) == 1 and near_margin and line.bbox[2] > columns[0][0] + _TOLERANCE


def _row(line: TextLine, columns: list[tuple[float, float]], above: list[Piece], below: list[Piece]) -> list[GridCell]:
    """A value row: its label pieces (label lines wrapped above and below joined in), then one field per column.

    A wrapped line joins the label it lies under or over; a piece right of the labels goes to
    the column it overlaps most (values always lie inside one).
    """
    left = columns[0][0] - _TOLERANCE
    labels = [[piece] for piece in line.pieces if piece.bbox[2] <= left]
    for wrapped in (*above, *below):
        overlaps = [_overlap(wrapped.bbox, group[0].bbox) for group in labels]
        if overlaps and max(overlaps) > 0:
            labels[overlaps.index(max(overlaps))].append(wrapped)
        else:  # a label of its own (a group label printed beside the wrapped lines)
            labels.append([wrapped])
    labels.sort(key=lambda group: group[0].bbox[0])
    cells: list[GridCell] = []
    for group in labels:
        group.sort(key=lambda piece: piece.bbox[1])
        box = (
            min(p.bbox[0] for p in group),
            group[0].bbox[1],
            max(p.bbox[2] for p in group),
            group[-1].bbox[3],
        )
        cells.append(GridCell(join_lines([piece.text for piece in group]), box, 0, 0))
    fields: list[list[Piece]] = [[] for _ in columns]
    for piece in line.pieces:
        if piece.bbox[2] > left:
            overlaps = [_overlap(piece.bbox, (c0, 0.0, c1, 0.0)) for c0, c1 in columns]
            fields[overlaps.index(max(overlaps))].append(piece)
    for index, ((c0, c1), inside) in enumerate(zip(columns, fields, strict=True), start=1):
        box = (c0, line.bbox[1], c1, line.bbox[3])
        if inside:
            box = (inside[0].bbox[0], line.bbox[1], inside[-1].bbox[2], line.bbox[3])
        cells.append(GridCell(" ".join(p.text for p in inside), box, index, index))
    return cells


def _overlap(a: Box, b: Box) -> float:
    """How far two boxes overlap horizontally (negative: how far apart they are)."""
    return min(a[2], b[2]) - max(a[0], b[0])


def _is_label(line: TextLine, left: float) -> bool:
    """A line of label text only: every piece left of the value columns."""
    return line.bbox[2] <= left


def _height(line: TextLine) -> float:
    return line.bbox[3] - line.bbox[1]


def _row_gap(lines: list[TextLine], rows_at: set[int]) -> float | None:
    """The usual space between two rows printed one right after the other."""
    gaps = sorted(lines[i + 1].bbox[1] - lines[i].bbox[3] for i in rows_at if i + 1 in rows_at)
    return gaps[len(gaps) // 2] if gaps else None


def _wraps_into(lines: list[TextLine], i: int, rows_at: set[int], left: float, row_gap: float | None) -> int | None:
    """The row a label line continues: the nearer value row, reached over label lines printed as close.

    A wrapped line is printed in the row's type size, closer to its neighbours than two rows
    are to each other.
    """
    line = lines[i]
    height = _height(line)
    limit = 0.8 * height if row_gap is None else min(0.8 * height, 0.6 * row_gap)

    def is_label(index: int) -> bool:
        return _is_label(lines[index], left)

    def close(a: TextLine, b: TextLine) -> bool:  # b printed right below a, as a wrapped line is
        same_size = abs(_height(a) - _height(b)) <= 0.25 * max(_height(a), _height(b))
        return same_size and b.bbox[1] - a.bbox[3] <= limit

    if not is_label(i):
        return None
    up, down = i - 1, i + 1
    while up >= 0 and up not in rows_at and is_label(up) and close(lines[up], lines[up + 1]):
        up -= 1
    while down < len(lines) and down not in rows_at and is_label(down) and close(lines[down - 1], lines[down]):
        down += 1
    reach_up = up in rows_at and close(lines[up], lines[up + 1])
    reach_down = down in rows_at and close(lines[down - 1], lines[down])
    if reach_up and reach_down:
        gap_up = line.bbox[1] - lines[up].bbox[3]
        gap_down = lines[down].bbox[1] - line.bbox[3]
        return up if gap_up < gap_down else down
    return up if reach_up else down if reach_down else None


def _continues(upper: TextLine, lower: TextLine, row_gap: float | None) -> bool:
    """True when ``lower`` is the wrapped end of the header cells on ``upper``: printed as close, under them."""
    height = _height(upper)
    limit = 0.8 * height if row_gap is None else min(0.8 * height, 0.6 * row_gap)
    if abs(height - _height(lower)) > 0.25 * max(height, _height(lower)) or lower.bbox[1] - upper.bbox[3] > limit:
        return False
    return all(any(_overlap(piece.bbox, cell.bbox) > 0 for cell in upper.pieces) for piece in lower.pieces)


def _joined_header(cells: list[GridCell], lower: TextLine) -> list[GridCell]:
    """The header cells with each piece of their wrapped lower line joined to the cell it is under."""
    cells = list(cells)
    for piece in lower.pieces:
        overlaps = [_overlap(piece.bbox, cell.bbox) for cell in cells]
        at = overlaps.index(max(overlaps))
        cell = cells[at]
        box = (min(cell.bbox[0], piece.bbox[0]), cell.bbox[1], max(cell.bbox[2], piece.bbox[2]), piece.bbox[3])
        cells[at] = GridCell(join_lines([cell.text, piece.text]), box, cell.first, cell.last)
    return cells


def _table(lines: list[TextLine], columns: list[tuple[float, float]]) -> Table:
    left = columns[0][0] - _TOLERANCE
    rows_at = {i for i, line in enumerate(lines) if _value_pieces(line)}
    # a label line (all left of the values) printed close to a row is part of its labels
    wrapped: dict[int, list[int]] = {i: [] for i in rows_at}
    headers: set[int] = set()
    row_gap = _row_gap(lines, rows_at)
    for i in range(len(lines)):
        if i not in rows_at:
            row = _wraps_into(lines, i, rows_at, left, row_gap)
            if row is None:
                headers.add(i)
            else:
                wrapped[row].append(i)
    rows: list[list[GridCell]] = []
    for i, line in enumerate(lines):
        if i in headers:
            if i - 1 in headers and _continues(lines[i - 1], line, row_gap):
                rows[-1] = _joined_header(rows[-1], line)
            else:
                rows.append([GridCell(piece.text, piece.bbox, 0, 0) for piece in line.pieces])
        elif i in rows_at:
            above = [piece for j in wrapped[i] if j < i for piece in lines[j].pieces]
            below = [piece for j in wrapped[i] if j > i for piece in lines[j].pieces]
            rows.append(_row(line, columns, above, below))
    x0 = min(line.bbox[0] for line in lines)
    top, x1, bottom = lines[0].bbox[1], max(line.bbox[2] for line in lines), lines[-1].bbox[3]
    boundaries = (left, *(c1 for _, c1 in columns))
    return Table((x0, top, x1, bottom), (x0, *boundaries), rows, ruled=False)


def unruled(lines: list[TextLine]) -> list[Block]:
    """The page's text lines (outside ruled tables), runs of them that form tables made tables."""
    blocks: list[Block] = []
    done = 0
    for first, last, columns, margin in _groups(lines):
        # header lines directly above the first row (pieces over the value columns) belong to the table
        while first > done and (
            _is_header(lines[first - 1], columns, margin) or _wrapped_label(lines[first - 1], lines[first], columns)
        ):
            first -= 1
        blocks += [Block(line) for line in lines[done:first]]
        blocks.append(Block(_table(lines[first : last + 1], columns)))
        done = last + 1
    blocks += [Block(line) for line in lines[done:]]
    return blocks


def _wrapped_label(line: TextLine, below: TextLine, columns: list[tuple[float, float]]) -> bool:
    """A label line printed right above a line of the table, in its type size (a wrapped label)."""
    if not _is_label(line, columns[0][0] - _TOLERANCE):
        return False
    height, other = _height(line), _height(below)
    return abs(height - other) <= 0.25 * max(height, other) and below.bbox[1] - line.bbox[3] <= 0.8 * height


def _is_header(line: TextLine, columns: list[tuple[float, float]], margin: float) -> bool:
    """A line of column headers: several pieces, or one over the value columns (not prose running into them)."""
    if _crosses(line, columns, margin):
        return False
    return len(line.pieces) >= 2 or line.bbox[0] >= columns[0][0] - 4 * _TOLERANCE
