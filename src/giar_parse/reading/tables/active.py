"""Table 二 (主动公开政府信息情况): labelled rows → the template's ActiveDisclosure record."""

from __future__ import annotations

import re
from collections.abc import Sequence

from giar_parse.model import (
    ActiveDisclosure,
    ActiveDisclosure2019,
    ActiveDisclosure2021,
    Decisions,
    DocumentCounts,
    DocumentCounts2021,
    FeeAmount,
    FeeItems,
    ItemCounts,
    Procurement,
    Template,
)
from giar_parse.reading.normalise import Cell
from giar_parse.reading.tables.cells import MONEY, Notes, build, one_copy
from giar_parse.reading.tables.placement import fit
from giar_parse.reading.tables.positions import Grid, is_split
from giar_parse.reading.transformer import ActiveBlock, Row

__all__ = ["ROWS_2019", "ROWS_2021", "active_disclosure"]

_DOCUMENTS_2019 = (DocumentCounts, (("made", int), ("published", int), ("total", int)))
_ITEMS_2019 = (ItemCounts, (("previous", int), ("change", int), ("decisions", int)))
_DOCUMENTS_2021 = (DocumentCounts2021, (("issued", int), ("repealed", int), ("in_force", int)))
_DECISIONS_2021 = (Decisions, (("decisions", int),))

#: Row terminal → (field of ActiveDisclosure2019, record class, column spec).
ROWS_2019: dict[str, tuple[str, type, tuple[tuple[str, object], ...]]] = {
    "REGULATIONS": ("regulations", *_DOCUMENTS_2019),
    "NORMATIVE_DOCUMENTS": ("normative_documents", *_DOCUMENTS_2019),
    "ADMINISTRATIVE_NORMATIVE_DOCUMENTS": ("normative_documents", *_DOCUMENTS_2019),
    "LICENSING": ("licensing", *_ITEMS_2019),
    "OTHER_SERVICES": ("other_services", *_ITEMS_2019),
    "PENALTIES": ("penalties", *_ITEMS_2019),
    "COERCION": ("coercion", *_ITEMS_2019),
    "FEES": ("fees", FeeItems, (("previous", int), ("change", int))),
    "PROCUREMENT": ("procurement", Procurement, (("projects", int), ("amount", MONEY))),
}

#: Row terminal → (field of ActiveDisclosure2021, record class, column spec).
ROWS_2021: dict[str, tuple[str, type, tuple[tuple[str, object], ...]]] = {
    "REGULATIONS": ("regulations", *_DOCUMENTS_2021),
    "NORMATIVE_DOCUMENTS": ("normative_documents", *_DOCUMENTS_2021),
    "ADMINISTRATIVE_NORMATIVE_DOCUMENTS": ("normative_documents", *_DOCUMENTS_2021),
    "LICENSING": ("licensing", *_DECISIONS_2021),
    "PENALTIES": ("penalties", *_DECISIONS_2021),
    "COERCION": ("coercion", *_DECISIONS_2021),
    "FEES": ("fees", FeeAmount, (("amount", MONEY),)),
}

# the widest row of table 二 (its grid): a merged cell spans at most this many columns
_GRID = 3
_HEADER_UNIT = re.compile(r"(万元|亿元|元)")


def _header_unit(block: ActiveBlock, template: Template) -> str:
    for token in block.columns:
        match = _HEADER_UNIT.search(token.value.text)
        if match:
            return match.group(1)
    # the 2021 template's fee column is defined in 万元
    return "万元" if template == "2021" else ""


def active_disclosure(
    blocks: Sequence[ActiveBlock], template: Template, notes: Notes, lines: Sequence[str] = ()
) -> ActiveDisclosure:
    """Build table 二 from its blocks, reporting missing, unexpected and unreadable rows.

    ``lines`` is the text the cells were cut from; a row whose values it prints over several
    lines is placed by their x positions under the columns of the table's full rows.
    """
    rows_spec = ROWS_2021 if template == "2021" else ROWS_2019
    table_rows = [row.cells for block in blocks for row in block.rows]
    grids = {len(spec): Grid(table_rows, len(spec), lines) for _, _, spec in rows_spec.values()}
    values: dict[str, object] = {}
    copies: dict[str, list[tuple[Row, str]]] = {}
    for block in blocks:
        unit = _header_unit(block, template)
        for row in _rows(block, rows_spec, notes):
            if row.label not in rows_spec:
                notes.add(
                    "row.unexpected",
                    "warning",
                    f"table 二 row {row.cell.raw!r} is not part of the {template} template; its values are ignored",
                    None,
                    row.cell.line,
                )
                continue
            copies.setdefault(rows_spec[row.label][0], []).append((row, unit))
    for printed in copies.values():
        _add_row(printed, rows_spec, values, notes, grids)
    for name, _cls, _spec in rows_spec.values():
        if name not in values:
            values[name] = None
            notes.add("row.missing", "error", f"table 二 has no row active.{name}", f"active.{name}")
    record = ActiveDisclosure2021 if template == "2021" else ActiveDisclosure2019
    return record(**values)  # type: ignore[arg-type]


def _rows(
    block: ActiveBlock, rows_spec: dict[str, tuple[str, type, tuple[tuple[str, object], ...]]], notes: Notes
) -> Sequence[Row]:
    """The block's rows; with no values where a row of them stands between its column header and its first row.

    Values there stand before their row labels (a PDF read by baseline prints a label centred
    in its cell after the row's values): read the usual way, each label would take the next
    row's values, and table 二 has no arithmetic to tell, so none of the block's rows is read.
    """
    lead = [cell for cell in block.columns[-1].cells if cell.text] if block.columns else []
    if not lead or not block.rows or block.rows[0].label not in rows_spec:
        return block.rows
    if len(lead) != len(rows_spec[block.rows[0].label][2]):  # not a row of values (values a stray text cut off)
        return block.rows
    notes.add(
        "cells.disagree",
        "error",
        f"table 二 prints {' '.join(cell.raw for cell in lead)!r} between a column header and its first row "
        f"({block.rows[0].cell.raw!r}): its values may stand before their row labels, which nothing in the "
        "table can tell, so none of that block's rows is read",
        None,
        lead[0].line,
    )
    return [row._replace(cells=()) for row in block.rows]


def _add_row(
    copies: list[tuple[Row, str]],
    rows_spec: dict[str, tuple[str, type, tuple[tuple[str, object], ...]]],
    values: dict[str, object],
    notes: Notes,
    grids: dict[int, Grid],
) -> None:
    name, cls, spec = rows_spec[copies[0][0].label]
    path = f"active.{name}"
    units = {id(row): unit for row, unit in copies}
    row = one_copy([row for row, _ in copies], path, notes)
    if row is None:
        values[name] = build(cls, spec, [None] * len(spec), path=path, table="二", notes=notes, placed=False)
        return
    unit = units[id(row)]
    printed = [cell for cell in row.cells if cell.text]
    if is_split(row.cell, printed):
        slots = _positioned(row, grids[len(spec)], path, notes)
        values[name] = build(
            cls, spec, slots or [None] * len(spec), path=path, table="二", notes=notes, unit=unit, placed=bool(slots)
        )
        return
    if len(printed) == len(spec):  # every value printed: read by position (as fit places it)
        values[name] = build(cls, spec, printed, path=path, table="二", notes=notes, unit=unit)
        return
    placed = fit(row.cells, len(spec), grid=_GRID)
    slots = placed.slots
    if placed.how == "spanned":
        notes.add(
            "cells.spanned",
            "info",
            f"{path} prints each of its values {len(placed.printed) // len(spec)} times, once per grid column "
            "its merged cell spans; read once",
            path,
            row.cell.line,
        )
    if slots is None:
        notes.add(
            "cells.missing",
            "error",
            f"{path} prints {len(placed.printed)} value(s) for {len(spec)} column(s); "
            "cannot tell which columns they belong to, so none are read",
            path,
            row.cell.line,
        )
    values[name] = build(
        cls, spec, slots or [None] * len(spec), path=path, table="二", notes=notes, unit=unit, placed=bool(slots)
    )


def _positioned(row: Row, grid: Grid, path: str, notes: Notes) -> list[Cell | None] | None:
    """A row printed over several lines, placed by x position (or None, with an error)."""
    lines = sorted({cell.line for cell in row.cells if cell.text})
    slots = grid.place(row.cells)
    if slots is None:
        notes.add(
            "cells.unaligned",
            "error",
            f"{path} prints its values over lines {lines[0]}–{lines[-1]}, and their x positions do not place "
            "them under the table's columns unambiguously; none is read",
            path,
            row.cell.line,
        )
        return None
    notes.add(
        "cells.positioned",
        "info",
        f"{path} prints its values over lines {lines[0]}–{lines[-1]} (a value printed low in its cell); "
        "each is read under the column its x position falls in",
        path,
        row.cell.line,
    )
    return slots
