"""Parse tree → plain elements: headings, prose, and the three tables' labelled rows."""

from __future__ import annotations

from typing import Any, NamedTuple

from giar_parse.reading.normalise import Cell
from giar_parse.reading.token import Token

__all__ = ["HEADING_KINDS", "ActiveBlock", "Appeal", "Element", "Heading", "Prose", "Request", "Row", "ToElements"]

#: The section heading terminals of grammar.lark → the kind of section each opens.
HEADING_KINDS = {
    "HEADING_OVERVIEW": "overview",
    "HEADING_ACTIVE": "active_disclosure",
    "HEADING_REQUESTS": "requests",
    "HEADING_APPEALS": "appeals",
    "HEADING_PROBLEMS": "problems",
    "HEADING_OTHER": "other",
}


class Row(NamedTuple):
    """A row label and the value cells printed after it."""

    label: str
    cell: Cell
    cells: tuple[Cell, ...]


class Heading(NamedTuple):
    """A section heading; ``kind`` is the terminal name (``HEADING_OVERVIEW`` …)."""

    kind: str
    cell: Cell


class Prose(NamedTuple):
    """Consecutive prose cells."""

    cells: tuple[Cell, ...]


class ActiveBlock(NamedTuple):
    """One 第二十条第（X）项 block of table 二."""

    #: The caption terminal (``CAPTION_ITEM_1`` …), or ``""`` where the caption was lost.
    caption: str
    cell: Cell | None
    columns: tuple[Token, ...]
    rows: tuple[Row, ...]


class Active(NamedTuple):
    """Table 二."""

    blocks: tuple[ActiveBlock, ...]


class Request(NamedTuple):
    """Table 三: its header cells and rows."""

    header: tuple[Token, ...]
    rows: tuple[Row, ...]


class Appeal(NamedTuple):
    """Table 四: its header cells and the value cells printed after the last of them."""

    header: tuple[Token, ...]
    cells: tuple[Cell, ...]


Element = Heading | Prose | Active | Request | Appeal


def _cells_after(items: list[Token]) -> tuple[Cell, ...]:
    """The values after the first of ``items``: its own, and those of CELLS tokens following it."""
    if len(items) == 1:
        cells: tuple[Cell, ...] = items[0].cells
        return cells
    return tuple(cell for item in items for cell in (item.cells if item.type != "CELLS" else item.value))


class ToElements:
    """Builds :data:`Element` tuples while the LALR parser reduces rules: one method per rule."""

    def start(self, items: list[Element]) -> list[Element]:
        """All elements in document order."""
        return items

    def heading(self, items: list[Token]) -> Heading:
        """A section heading."""
        return Heading(items[0].type, items[0].value)

    def prose(self, items: list[Token]) -> Prose:
        """A run of prose cells (each PROSE token carries a run of them)."""
        if len(items) == 1:
            return Prose(items[0].value)
        return Prose(tuple(cell for item in items for cell in item.value))

    def active_table(self, blocks: list[ActiveBlock]) -> Active:
        """Table 二: its blocks."""
        return Active(tuple(blocks))

    def active_block(self, items: list[Any]) -> ActiveBlock:
        """One 第二十条第（X）项 block: caption, column headers, rows."""
        caption: Token | None = items[0] if isinstance(items[0], Token) else None
        columns: tuple[Token, ...] = ()
        rows: list[Row] = []
        for item in items:
            if isinstance(item, Row):
                rows.append(item)
            elif type(item) is tuple:  # the block header's (a Token or a Row is a tuple too)
                columns = item
        if caption is None:
            return ActiveBlock("", None, columns, tuple(rows))
        return ActiveBlock(caption.type, caption.value, columns, tuple(rows))

    def block_header(self, items: list[Token]) -> tuple[Token, ...]:
        """The column header cells of a table 二 block."""
        return tuple(item for item in items if item.type != "CELLS")

    def active_row(self, items: list[Token]) -> Row:
        """A row label with its value cells (table 二 and 三)."""
        label = items[0]
        return Row(label.type, label.value, label.cells)

    request_row = active_row

    def request_table(self, items: list[Any]) -> Request:
        """Table 三: its header and rows."""
        header: tuple[Token, ...] = ()
        if items and type(items[0]) is tuple:  # the header's (a Row is a tuple too)
            header = items[0]
        return Request(header, tuple(item for item in items if isinstance(item, Row)))

    def request_header(self, items: list[Token]) -> tuple[Token, ...]:
        """The header cells of table 三."""
        return tuple(item for item in items if item.type != "CELLS")

    def appeal_table(self, items: list[Token]) -> Appeal:
        """Table 四: header cells and the values after the last of them."""
        last_header = max(index for index, item in enumerate(items) if item.type != "CELLS")
        header = tuple(item for item in items if item.type != "CELLS")
        return Appeal(header, _cells_after(items[last_header:]))
