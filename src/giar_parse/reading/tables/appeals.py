"""Table 四 (行政复议、行政诉讼): the row of 15 values → AppealTable."""

from __future__ import annotations

from giar_parse.model import AppealTable, Outcomes
from giar_parse.reading.tables.cells import Notes, build
from giar_parse.reading.tables.placement import fit
from giar_parse.reading.transformer import Appeal
from giar_parse.reading.values import read

__all__ = ["GROUPS", "OUTCOMES", "appeal_table"]

#: The three groups of five columns, in printed order.
GROUPS = ("review", "litigation", "litigation_after_review")
#: The five columns of each group, in printed order.
OUTCOMES = ("upheld", "corrected", "other", "pending", "total")
_SPEC = tuple((name, int) for name in OUTCOMES)
_WIDTH = len(GROUPS) * len(OUTCOMES)


def appeal_table(table: Appeal, notes: Notes) -> AppealTable | None:
    """Build table 四 by position; a row printing only the three 总计 cells is read as those."""
    # a blank cell on a header line pads the header grid; it is not a value
    header_lines = {token.line for token in table.header}
    placed = fit([cell for cell in table.cells if cell.text or cell.line not in header_lines], _WIDTH)
    slots = placed.slots
    line = table.header[0].line if table.header else None
    # three values read as the three 总计 columns agree with 总计 = 维持 + 纠正 + 其他 + 尚未审结 (the
    # other cells blank) only where all three are 0
    if (
        slots is None
        and placed.how == "short"
        and len(placed.printed) == len(GROUPS)
        and all(read(cell.text).number == 0 for cell in placed.printed)
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
    groups = {
        group: build(
            Outcomes,
            _SPEC,
            slots[i * len(OUTCOMES) : (i + 1) * len(OUTCOMES)],
            path=f"appeals.{group}",
            table="四",
            notes=notes,
            placed=placed.slots is not None or any(slots),
        )
        for i, group in enumerate(GROUPS)
    }
    return AppealTable(**groups)
