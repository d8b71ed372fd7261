"""Table 四 (行政复议、行政诉讼): the row of 15 values → AppealTable."""

from __future__ import annotations

from collections.abc import Sequence

from giar_parse import checks
from giar_parse.model import AppealTable, Outcomes
from giar_parse.reading.normalise import Cell
from giar_parse.reading.tables.cells import Notes, build
from giar_parse.reading.tables.placement import fit
from giar_parse.reading.tables.positions import in_x_order, is_split
from giar_parse.reading.transformer import Appeal
from giar_parse.reading.values import read

__all__ = ["GROUPS", "OUTCOMES", "appeal_table"]

#: The three groups of five columns, in printed order.
GROUPS = ("review", "litigation", "litigation_after_review")
#: The five columns of each group, in printed order.
OUTCOMES = ("upheld", "corrected", "other", "pending", "total")
_SPEC = tuple((name, int) for name in OUTCOMES)
_WIDTH = len(GROUPS) * len(OUTCOMES)


def appeal_table(table: Appeal, notes: Notes, lines: Sequence[str] = ()) -> AppealTable | None:
    """Build table 四 by position; a row printing only the three 总计 cells is read as those.

    Values printed over several lines of padded text are read in the order of their x positions.
    """
    # a blank cell on a header line pads the header grid; it is not a value
    header_lines = {token.line for token in table.header}
    line = table.header[0].line if table.header else None
    if is_split(None, table.cells):
        return _positioned(table, notes, lines, line)
    cells = [cell for cell in table.cells if cell.text or cell.line not in header_lines]
    placed = fit(cells, _WIDTH)
    slots = placed.slots
    # three values read as the three 总计 columns agree with 总计 = 维持 + 纠正 + 其他 + 尚未审结 (the
    # other cells blank) only where all three are 0, and only where the text shows the outcome
    # cells left blank: a text that lost cells prints three 0s of any columns the same way
    if (
        slots is None
        and placed.how == "short"
        and len(placed.printed) == len(GROUPS)
        and all(read(cell.text).number == 0 for cell in placed.printed)
        and _blank_outcomes(cells)
    ):
        totals = iter(placed.printed)
        slots = [next(totals) if name == "total" else None for _ in GROUPS for name in OUTCOMES]
        notes.add(
            "cells.assigned",
            "warning",
            "table 四 prints 3 of 15 values, all 0; they are read as the three 总计 columns",
            "appeals",
            line,
        )
    if slots is None:
        if not placed.printed:
            notes.add("table.missing", "error", "table 四 has a header but no values", "appeals", line)
            return None
        notes.add(
            "cells.missing",
            "error",
            f"table 四 prints {len(placed.printed)} value(s) for 15 columns; cannot tell which columns "
            "they belong to, so none are read",
            "appeals",
            placed.printed[0].line,
        )
        slots = [None] * _WIDTH
    return _assemble(slots, notes, placed=placed.slots is not None or any(slots))


def _blank_outcomes(cells: Sequence[Cell]) -> bool:
    """Blank cells stand before each of the three values: a group's four outcome cells left blank.

    One of a group's four may stand on the header's last line (the grid's row starts there), so
    three will do.
    """
    runs: list[int] = []
    blanks = 0
    for cell in cells:
        if cell.text:
            runs.append(blanks)
            blanks = 0
        else:
            blanks += 1
    return len(runs) == len(GROUPS) and all(len(OUTCOMES) - 2 <= run <= len(OUTCOMES) - 1 for run in runs)


def _assemble(slots: Sequence[Cell | None], notes: Notes | None, *, placed: bool) -> AppealTable:
    groups = {
        group: build(
            Outcomes,
            _SPEC,
            slots[i * len(OUTCOMES) : (i + 1) * len(OUTCOMES)],
            path=f"appeals.{group}",
            table="四",
            notes=notes or Notes(),
            placed=placed,
        )
        for i, group in enumerate(GROUPS)
    }
    return AppealTable(**groups)


def _positioned(table: Appeal, notes: Notes, lines: Sequence[str], line: int | None) -> AppealTable:
    """Table 四 printed over several lines: its values in x order, where each 总计 then holds."""
    printed = [cell for cell in table.cells if cell.text]
    spread = sorted({cell.line for cell in printed})
    where = f"table 四 prints its values over lines {spread[0]}–{spread[-1]}"
    ordered = in_x_order(printed, _WIDTH, lines)
    if ordered is None:
        notes.add(
            "cells.unaligned",
            "error",
            f"{where}, and their x positions do not give one value per column; none is read",
            "appeals",
            line,
        )
        return _assemble([None] * _WIDTH, notes, placed=False)
    broken = checks.check_appeals(_assemble(ordered, None, placed=True))
    if broken:
        notes.add(
            "cells.disagree",
            "error",
            f"{where}; read in the order of their x positions they would break an identity of the table "
            f"(first: {broken[0].message}), so none is read",
            "appeals",
            line,
        )
        return _assemble([None] * _WIDTH, notes, placed=False)
    notes.add(
        "cells.positioned",
        "info",
        f"{where} (a value printed low in its cell); they are read in the order of their x positions",
        "appeals",
        line,
    )
    return _assemble(ordered, notes, placed=True)
