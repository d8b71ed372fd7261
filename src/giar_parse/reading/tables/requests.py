"""Table 三 (收到和处理政府信息公开申请情况): labelled rows → RequestTable."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from decimal import Decimal

from giar_parse import checks
from giar_parse.model import (
    Counts,
    NotProcessed,
    OtherHandlingParts,
    ProvenanceMap,
    RequestTable,
    Unavailable,
    Withheld,
)
from giar_parse.reading.normalise import Cell
from giar_parse.reading.tables.above import either_reading, leading_row
from giar_parse.reading.tables.cells import Notes, build, one_copy, prints
from giar_parse.reading.tables.overflow import Regrouped, regroup
from giar_parse.reading.tables.placement import fit, has_trailing_padding, is_lossy
from giar_parse.reading.tables.positions import Grid, is_split
from giar_parse.reading.transformer import Row
from giar_parse.reading.values import count, read

__all__ = ["COLUMNS", "ROWS", "request_table"]

#: The seven applicant columns, in printed order.
COLUMNS = ("natural_person", "business", "research", "public_interest", "legal_services", "other_org", "total")
_SPEC = tuple((name, int) for name in COLUMNS)

#: Row terminal → key path in RequestTable.
ROWS: dict[str, tuple[str, ...]] = {
    "RECEIVED": ("received",),
    "CARRIED_OVER": ("carried_over",),
    "DISCLOSED": ("disclosed",),
    "PARTIALLY_DISCLOSED": ("partially_disclosed",),
    "STATE_SECRET": ("withheld", "state_secret"),
    "PROHIBITED_BY_LAW": ("withheld", "prohibited_by_law"),
    "SECURITY_STABILITY": ("withheld", "security_stability"),
    "THIRD_PARTY": ("withheld", "third_party"),
    "INTERNAL_AFFAIRS": ("withheld", "internal_affairs"),
    "PROCESS_INFORMATION": ("withheld", "process_information"),
    "ENFORCEMENT_FILES": ("withheld", "enforcement_files"),
    "ADMINISTRATIVE_QUERIES": ("withheld", "administrative_queries"),
    "NOT_HELD": ("unavailable", "not_held"),
    "NEEDS_CREATION": ("unavailable", "needs_creation"),
    "UNCLEAR": ("unavailable", "unclear"),
    "COMPLAINTS": ("not_processed", "complaints"),
    "DUPLICATES": ("not_processed", "duplicates"),
    "PUBLICATIONS": ("not_processed", "publications"),
    "EXCESSIVE": ("not_processed", "excessive"),
    "RECONFIRMATION": ("not_processed", "reconfirmation"),
    "OTHER_HANDLING": ("other_handling",),
    "NO_CORRECTION": ("other_handling_parts", "no_correction"),
    "UNPAID_FEES": ("other_handling_parts", "unpaid_fees"),
    "OTHER_HANDLING_OTHER": ("other_handling_parts", "other"),
    "REQUEST_TOTAL": ("total",),
    "CARRIED_FORWARD": ("carried_forward",),
}
_PATHS = {key: "requests." + ".".join(key) for key in ROWS.values()}
_GROUPS = {"withheld": Withheld, "unavailable": Unavailable, "not_processed": NotProcessed}
_PARTS = "other_handling_parts"
_PART_LABELS = frozenset(label for label, key in ROWS.items() if key[0] == _PARTS)
_FLOW_ROWS = frozenset({"received", "carried_over", "total", "carried_forward"})


def request_table(
    rows: Sequence[Row], notes: Notes, lines: Sequence[str] = (), lead: Sequence[Cell] = ()
) -> RequestTable:
    """Build table 三, placing short rows only where the table shows how and its arithmetic agrees.

    ``lines`` is the text the cells were cut from; a row whose values it prints over several
    lines is placed by their x positions under the columns of the table's full rows.
    ``lead`` are the values printed after the table's header, before its first row label:
    where they are a row, the values may stand before their labels (see :mod:`.above`), and
    the table is read whichever way its arithmetic proves, or not at all.
    """
    if not leading_row(lead, len(COLUMNS)):
        return _read(rows, notes, lines)
    has_parts = any(row.label in _PART_LABELS for row in rows)
    takes = [row.label in ROWS and not (row.label == "OTHER_HANDLING" and has_parts) for row in rows]
    return either_reading(rows, lead, takes, lambda chosen, taken: _read(chosen, taken, lines), _holds, notes)


def _holds(table: RequestTable) -> bool:
    """Every row of table 三 is read and every identity holds."""
    return _whole(table) == ([], [])


def _whole(table: RequestTable) -> tuple[list[str], list[str]]:
    """The rows of table 三 not read, and the identities it breaks (two empty lists: the table holds)."""
    return _unread_rows(table), [d.message for d in checks.check_requests(table)]


def _unread_rows(table: RequestTable) -> list[str]:
    """The rows of table 三 not read (or not found): the identities count them as 0 and then prove nothing."""
    return [path for path, row in checks.request_rows(table) if row is None or row == _UNREAD]


def _read(rows: Sequence[Row], notes: Notes, lines: Sequence[str]) -> RequestTable:
    """Table 三 read with each row label taking the values printed after it."""
    shape = _Shape(rows, lines)
    # without sub-rows a （六）其他处理 printing only blank cells is the one row, blank
    has_parts = any(row.label in _PART_LABELS for row in rows)
    copies: dict[tuple[str, ...], list[Row]] = {}
    for row in rows:
        key = ROWS.get(row.label)
        if key is None:
            if prints(row.cells):
                notes.add(
                    "row.unexpected",
                    "warning",
                    f"table 三 group label {row.cell.raw!r} prints values of its own; they are ignored",
                    None,
                    row.cell.line,
                )
            continue
        if key == ("other_handling",) and has_parts and not prints(row.cells):
            continue  # （六）其他处理 heading its three sub-rows
        copies.setdefault(key, []).append(row)
    regrouped = regroup(copies, _order(copies, has_parts), len(COLUMNS))
    found: dict[tuple[str, ...], Counts] = {}
    guessed: dict[tuple[str, ...], Row] = {}
    paired: list[str] = []
    inferred: list[str] = []
    positioned: dict[tuple[str, ...], Row] = {}
    for key, printed in copies.items():
        path = _PATHS[key]
        chosen = one_copy(printed, path, notes)
        if chosen is None:
            found[key] = _unread()
            continue
        found[key], how = _row(chosen, path, shape, notes)
        if how == "positioned":
            positioned[key] = chosen
        elif how:
            guessed[key] = chosen
            (paired if how == "paired" else inferred).append(path)
    if inferred and not _anchored(found, guessed):
        _unproven(found, guessed, notes, inferred)
    _agree(found, guessed, notes, paired, inferred)
    _summarise(notes, paired, inferred)
    _agree_positioned(found, positioned, notes)
    _agree_regrouped(found, regrouped, copies, notes)
    return _assemble(found, notes)


def _order(copies: dict[tuple[str, ...], list[Row]], has_parts: bool) -> list[tuple[str, ...]]:
    """The table's rows top to bottom: （六）'s three sub-rows where it has them, else （六） itself.

    With sub-rows, （六）其他处理 is a row of its own only where it prints values (see ``request_table``).
    """
    return [
        key
        for key in ROWS.values()
        if (key[0] != _PARTS or has_parts) and (key != ("other_handling",) or not has_parts or key in copies)
    ]


def _agree_regrouped(
    found: dict[tuple[str, ...], Counts],
    regrouped: list[Regrouped],
    copies: dict[tuple[str, ...], list[Row]],
    notes: Notes,
) -> None:
    """Keep the rows given values printed after another row's label only where the whole table then holds.

    Every row of the table must be read and every identity hold (row sums, flow, outcome sums):
    the order of the values is the page's, and only the table's arithmetic can show a row missed.
    """
    if not regrouped:
        return
    unread, broken = _whole(_assemble(found, None))
    for group in regrouped:
        source, line = _PATHS[group.source], copies[group.source][0].cell.line
        others = ", ".join(_PATHS[key] for key in group.window if key != group.source)
        printed = f"{source} prints {len(group.window) * len(COLUMNS)} values, 7 for each of {len(group.window)} rows"
        if not (unread or broken):
            notes.add(
                "cells.overflow",
                "warning",
                f"{printed}: its own and those of {others}, the rows next to it in the table, whose labels "
                "the text prints elsewhere with no values; each group keeps its row sum and the table its "
                "identities, so they are read in the order of the rows",
                source,
                line,
            )
            continue
        why = f"{unread[0]} is not read" if unread else f"the table breaks an identity (first: {broken[0]})"
        for key in group.window:
            found[key] = _unread()
        notes.add(
            "cells.disagree",
            "error",
            f"{printed} (with {others}, whose labels print none); {why}, so the reading cannot be checked "
            "and none of them is read",
            source,
            line,
        )


class _Shape:
    """What a row printing fewer values, or over several lines, is placed by: the table's rows with values."""

    def __init__(self, rows: Sequence[Row], lines: Sequence[str]) -> None:
        self._rows = rows
        self._lines = lines

    @functools.cached_property
    def valued(self) -> list[tuple[Cell, ...]]:
        """The value cells of the table's rows that print any."""
        return [row.cells for row in self._rows if row.label in ROWS and prints(row.cells)]

    @functools.cached_property
    def lossy(self) -> bool:
        """Most rows print fewer cells than the table has columns (see ``placement.is_lossy``)."""
        return is_lossy(self.valued, len(COLUMNS))

    @functools.cached_property
    def padded(self) -> bool:
        """Blank cells after a row's last value are padding (see ``placement.has_trailing_padding``)."""
        return has_trailing_padding(self.valued, len(COLUMNS))

    @functools.cached_property
    def grid(self) -> Grid:
        """The x ranges of the columns, for rows printed over several lines."""
        return Grid(self.valued, len(COLUMNS), self._lines)


def _unread() -> Counts:
    return Counts(None, None, None, None, None, None, None)


# a row none of whose values is read (records compare by value)
_UNREAD = _unread()


def _agree(
    found: dict[tuple[str, ...], Counts],
    guessed: dict[tuple[str, ...], Row],
    notes: Notes,
    paired: list[str],
    inferred: list[str],
) -> None:
    """Undo every guessed placement where the table's column identities do not hold with it."""
    if not guessed:
        return
    table = _assemble(found, None)
    unread = _unread_rows(table)
    broken = [d.message for d in checks.check_requests(table) if d.code in ("identity.flow", "identity.outcome_sum")]
    if not broken and not unread:
        return
    why = (
        f"would break {len(broken)} identity(ies) of the table (first: {broken[0]})"
        if broken
        else (f"cannot be checked against the table's identities while {unread[0]} is not read")
    )
    for key, row in guessed.items():
        path = "requests." + ".".join(key)
        found[key] = _unread()
        notes.add(
            "cells.disagree",
            "error",
            f"{path} prints {sum(1 for c in row.cells if c.text)} of 7 values; placed by rule they {why}, "
            "so none is read",
            path,
            row.cell.line,
        )
    paired.clear()
    inferred.clear()


def _row(row: Row, path: str, shape: _Shape, notes: Notes) -> tuple[Counts, str]:
    printed = [cell for cell in row.cells if cell.text]
    if is_split(row.cell, printed):
        return _positioned(row, path, notes, shape.grid)
    if len(printed) == len(COLUMNS):  # every value printed: read by position (as fit places it)
        return build(Counts, _SPEC, printed, path=path, table="三", notes=notes), ""
    placed = fit(row.cells, len(COLUMNS), lossy=shape.lossy, padded=shape.padded)
    if placed.slots is not None:
        return build(Counts, _SPEC, placed.slots, path=path, table="三", notes=notes), ""
    printed = placed.printed
    numbers = [read(cell.text).number for cell in printed]
    if placed.how == "short" and len(printed) == 2 and numbers[0] is not None and numbers[0] == numbers[1]:
        # only 自然人 and 总计 filled (and equal, as the row sum says): the other columns were left blank
        return build(Counts, _SPEC, [printed[0], *[None] * 5, printed[1]], path=path, table="三", notes=notes), "paired"
    if placed.how == "short" and len(printed) == len(COLUMNS) - 1 and _lost_zero(numbers):
        # one 法人或其他组织 column lost; every other one prints 0 and 总计 equals 自然人
        slots = [printed[0], *[None] * 5, printed[-1]]
        first, last = count(printed[0].text), count(printed[-1].text)
        if first is None or last is None:  # not counts: read (and reported) as build reads them
            counts = build(Counts, _SPEC, slots, path=path, table="三", notes=notes, placed=False)
            first, last = counts.natural_person, counts.total
        return Counts(first, 0, 0, 0, 0, 0, last, provenance=ProvenanceMap(COLUMNS, tuple(slots))), "inferred"
    if placed.how == "short" and len(printed) == 2:
        notes.add(
            "cells.disagree",
            "error",
            f"{path} prints 2 of 7 values ({printed[0].raw} and {printed[1].raw}); read as 自然人 and 总计 they "
            "would break the row sum, so neither is read",
            path,
            row.cell.line,
        )
    else:
        notes.add(
            "cells.missing",
            "error",
            f"{path} prints {len(printed)} value(s) for 7 columns; cannot tell which columns they belong to, "
            "so none are read",
            path,
            row.cell.line,
        )
    return build(Counts, _SPEC, [None] * 7, path=path, table="三", notes=notes, placed=False), ""


def _positioned(row: Row, path: str, notes: Notes, grid: Grid) -> tuple[Counts, str]:
    """A row printed over several lines, placed by x position where its own row sum holds."""
    lines = sorted({cell.line for cell in row.cells if cell.text})
    where = f"{path} prints its values over lines {lines[0]}–{lines[-1]}"
    slots = grid.place(row.cells)
    if slots is not None:
        if _row_sum_holds(build(Counts, _SPEC, slots, path=path, table="三", notes=Notes())):
            return build(Counts, _SPEC, slots, path=path, table="三", notes=notes), "positioned"
        notes.add(
            "cells.disagree",
            "error",
            f"{where}; placed under the columns by their x positions they break the row sum (总计 is not the "
            "sum of the applicant columns), so none is read",
            path,
            row.cell.line,
        )
    else:
        notes.add(
            "cells.unaligned",
            "error",
            f"{where}, and their x positions do not place them under the table's columns unambiguously; none is read",
            path,
            row.cell.line,
        )
    return build(Counts, _SPEC, [None] * 7, path=path, table="三", notes=notes, placed=False), ""


def _row_sum_holds(counts: Counts) -> bool:
    """总计 is the sum of the six applicant columns (blank cells as 0, as the checks read them)."""
    applicants = [getattr(counts, column) for column in COLUMNS[:-1]]
    if all(value is None for value in applicants):
        return True
    return sum(value or 0 for value in applicants) == (counts.total or 0)


def _agree_positioned(
    found: dict[tuple[str, ...], Counts], positioned: dict[tuple[str, ...], Row], notes: Notes
) -> None:
    """Keep each row placed by x position unless an identity of the table it takes part in is broken.

    The flow (一+二 = 三+四) takes 本年新收, 上年结转, 总计 and 结转下年度; the outcome sum takes the outcome
    rows and 总计.  A moved value changes every column of its row, so any broken one counts.
    """
    if not positioned:
        return
    broken: dict[str, str] = {}
    for diagnostic in checks.check_requests(_assemble(found, None)):
        broken.setdefault(diagnostic.code, diagnostic.message)
    for key, row in positioned.items():
        path = "requests." + ".".join(key)
        lines = sorted({cell.line for cell in row.cells if cell.text})
        where = f"{path} prints its values over lines {lines[0]}–{lines[-1]}"
        codes = {"identity.flow"} if key[0] in _FLOW_ROWS else set()
        if key[0] not in _FLOW_ROWS or key == ("total",):
            codes.add("identity.outcome_sum")
        touched = [message for code, message in broken.items() if code in codes]
        if touched:
            found[key] = _unread()
            notes.add(
                "cells.disagree",
                "error",
                f"{where}; placed under the columns by their x positions they would break an identity of the "
                f"table (first: {touched[0]}), so none is read",
                path,
                row.cell.line,
            )
            continue
        notes.add(
            "cells.positioned",
            "info",
            f"{where} (a value printed low in its cell); each is read under the column its x position falls in",
            path,
            row.cell.line,
        )


def _anchored(found: dict[tuple[str, ...], Counts], guessed: dict[tuple[str, ...], Row]) -> bool:
    """本年新收 and 上年结转 print all seven values, 0 under each 法人或其他组织 column.

    Then the table's flow (一+二 = 三+四) and outcome sum leave no 法人或其他组织 applicant in
    any row, so a row printing six values with the four between its first and last 0, and
    those equal, lost one of those columns' 0s; without these rows it might as well have lost
    its 自然人 (``0 5 0 0 0 0 5`` prints as ``5 0 0 0 0 5``).
    """
    for key in (("received",), ("carried_over",)):
        row = found.get(key)
        if row is None or key in guessed:
            return False
        values = [getattr(row, column) for column in COLUMNS]
        if None in values or any(values[1:-1]):
            return False
    return True


def _unproven(
    found: dict[tuple[str, ...], Counts], guessed: dict[tuple[str, ...], Row], notes: Notes, inferred: list[str]
) -> None:
    """Leave unread the rows the lost-0 rule would place, where :func:`_anchored` does not prove it."""
    for key, row in list(guessed.items()):
        path = _PATHS[key]
        if path not in inferred:
            continue
        del guessed[key]
        found[key] = _unread()
        notes.add(
            "cells.missing",
            "error",
            f"{path} prints 6 of 7 values; which column the text lost is proven only where 本年新收 and 上年结转 "
            "print all seven, with 0 under 法人或其他组织, and they do not here, so none are read",
            path,
            row.cell.line,
        )
    inferred.clear()


def _lost_zero(numbers: Sequence[Decimal | None]) -> bool:
    """The printed numbers of a row that lost one column: every one between the first and last 0, those equal."""
    return all(n == 0 for n in numbers[1:-1]) and numbers[0] is not None and numbers[0] == numbers[-1]


def _summarise(notes: Notes, paired: list[str], inferred: list[str]) -> None:
    if paired:
        notes.add(
            "cells.assigned",
            "warning",
            f"{len(paired)} row(s) of table 三 print 2 of 7 values; they are read as 自然人 and 总计 "
            f"and the five 法人或其他组织 columns are left null (first: {paired[0]})",
            paired[0],
        )
    if inferred:
        notes.add(
            "cells.inferred",
            "warning",
            f"{len(inferred)} row(s) of table 三 print 6 of 7 values; the first is read as 自然人, the last as 总计, "
            "and since the four between are 0, 总计 equals 自然人 and 本年新收 and 上年结转 print no 法人或其他组织 "
            "applicant, all five 法人或其他组织 columns are read as 0 "
            f"(first: {inferred[0]})",
            inferred[0],
        )


def _assemble(found: dict[tuple[str, ...], Counts], notes: Notes | None) -> RequestTable:
    top: dict[str, object] = {}
    grouped: dict[str, dict[str, Counts]] = {}
    for key, counts in found.items():
        if len(key) == 1:
            top[key[0]] = counts
        else:
            grouped.setdefault(key[0], {})[key[1]] = counts
    for group, cls in _GROUPS.items():
        top[group] = cls(**grouped.get(group, {}))
    has_parts = _PARTS in grouped
    if has_parts:
        top[_PARTS] = OtherHandlingParts(**grouped[_PARTS])
    if notes is not None:
        for key, path in _PATHS.items():
            if key in found or (key[0] == _PARTS) != has_parts:
                continue
            if key == ("other_handling",) and has_parts:
                continue
            notes.add("row.missing", "error", f"table 三 has no row {path}", path)
    return RequestTable(**top)  # type: ignore[arg-type]
