"""Text layouts: how the blocks of a rendered report become lines of text."""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Literal, NamedTuple

__all__ = ["PLACEHOLDER", "Block", "Layout", "display_width", "lay_out"]

#: What a blank cell is printed as where a layout cannot show an empty cell.
PLACEHOLDER = "-"
# a longer row label pushes its row to the right instead of widening every row
_MAX_LABEL_WIDTH = 40
_VALUE_LIKE = r"[+\-−]?\d|-$"  # compiled on first use (by re's cache): reading imports this module too


class Layout(enum.Enum):
    """The text forms :func:`giar_parse.render` writes (and :func:`giar_parse.parse` reads).

    Blank cells stay empty where the layout can show an empty cell (``TABS``, ``LINES``,
    ``PIPES``); ``BLANK_LINES`` and ``SPACED`` print them as ``-``, which reads back as
    null (for money, ``amount_text`` then reads ``"-"``).
    """

    #: One table row per line, cells separated by tabs (PDF text tools).
    TABS = "tabs"
    #: One cell per line, table cells indented by a tab (DOCX and HTML dumps).
    LINES = "lines"
    #: One cell per line with a blank line between lines.
    BLANK_LINES = "blank_lines"
    #: Table rows as ``| cell | cell |`` (markdown-like).
    PIPES = "pipes"
    #: Columns padded with runs of spaces (``pdftotext -layout`` style).
    SPACED = "spaced"
    #: Tab-separated rows of a full grid, merged cells repeated into every grid cell they
    #: cover (as python-docx ``row.cells`` and ``pandas.read_html`` give them), so a row
    #: label is repeated and a value spanning three columns printed three times.
    GRID = "grid"
    #: Markdown as converters write it, with ``##`` headings and pipe tables with a ``---`` row.
    MARKDOWN = "markdown"


class Block(NamedTuple):
    """Consecutive lines of one kind: prose lines, a section heading, or table rows."""

    kind: Literal["text", "heading", "table"]
    #: One tuple of cells per row; text and heading rows hold one cell.
    rows: tuple[tuple[str, ...], ...]


def display_width(text: str) -> int:
    """How many terminal columns ``text`` takes: a wide (CJK) or full-width character two, any other one."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _filled(row: Sequence[str]) -> list[str]:
    return [cell or PLACEHOLDER for cell in row]


def _tabs(block: Block) -> list[str]:
    return ["\t".join(row) for row in block.rows]


def _lines(block: Block) -> list[str]:
    if block.kind != "table":
        return [row[0] for row in block.rows]
    return [f"\t{cell}" for row in block.rows for cell in row]


def _blank_lines(block: Block) -> list[str]:
    return [cell for row in block.rows for cell in (_filled(row) if block.kind == "table" else row)]


def _pipes(block: Block) -> list[str]:
    if block.kind != "table":
        return [row[0] for row in block.rows]
    return ["| " + " | ".join(row) + " |" for row in block.rows]


def _has_values(row: Sequence[str]) -> bool:
    return any(re.match(_VALUE_LIKE, cell) for cell in row[1:])


def _spaced(block: Block) -> list[str]:
    """Padded columns, as ``pdftotext -layout`` prints a table.

    In a row with values the label is on the left and the values right-aligned in columns
    counted from the row's end (7 values line up under 7 values); captions and headers
    are their cells two spaces apart.
    """
    if block.kind != "table":
        return [row[0] for row in block.rows]
    rows = [_filled(row) for row in block.rows]
    valued = [row for row in rows if _has_values(row)]
    label_width = min(_MAX_LABEL_WIDTH, max((display_width(row[0]) for row in valued), default=0))
    widths: dict[int, int] = {}
    for row in valued:
        for index, cell in enumerate(reversed(row[1:])):
            widths[index] = max(widths.get(index, 0), display_width(cell))
    lines = []
    for row in rows:
        if not _has_values(row):
            lines.append("  ".join(row))
            continue
        values = row[1:]
        line = row[0] + " " * max(label_width - display_width(row[0]), 0)
        line += "".join(" " * (widths[index] + 2) for index in range(len(values), len(widths)))
        for index, cell in zip(range(len(values) - 1, -1, -1), values, strict=True):
            line += "  " + " " * (widths[index] - display_width(cell)) + cell
        lines.append(line.rstrip())
    return lines


def _grid_row(row: Sequence[str], width: int) -> tuple[str, ...]:
    """``row`` spread over ``width`` grid columns, as a merged-cell-repeating reader gives it."""
    missing = width - len(row)
    if missing <= 0 or re.match(_VALUE_LIKE, row[0]):
        return tuple(row)
    values = row[1:]
    if _has_values(row) and width - 1 > len(values) and (width - 1) % len(values) == 0:
        span = (width - 1) // len(values)
        return (row[0], *(value for value in values for _ in range(span)))
    if _has_values(row):
        return (row[0],) * (missing + 1) + tuple(values)
    return (*row, *[row[-1]] * missing)


def _grid(block: Block) -> list[str]:
    if block.kind != "table":
        return [row[0] for row in block.rows]
    width = max(len(row) for row in block.rows)
    return ["\t".join(_grid_row(row, width)) for row in block.rows]


def _markdown(block: Block) -> list[str]:
    if block.kind == "heading":
        return [f"## {block.rows[0][0]}"]
    if block.kind != "table":
        return [row[0] for row in block.rows]
    lines = _pipes(block)
    width = len(block.rows[0])
    return [lines[0], "|" + "---|" * width, *lines[1:]]


_LAYOUTS: dict[Layout, Callable[[Block], list[str]]] = {
    Layout.TABS: _tabs,
    Layout.LINES: _lines,
    Layout.BLANK_LINES: _blank_lines,
    Layout.PIPES: _pipes,
    Layout.SPACED: _spaced,
    Layout.GRID: _grid,
    Layout.MARKDOWN: _markdown,
}


def lay_out(blocks: Sequence[Block], layout: Layout) -> str:
    """The text of ``blocks`` in ``layout``: blocks apart by an empty line (never a cell)."""
    one = _LAYOUTS[layout]
    gap = "\n" if layout is Layout.BLANK_LINES else ""
    parts = [gap.join(f"{line}\n" for line in one(block)) for block in blocks]
    return "\n".join(parts)
