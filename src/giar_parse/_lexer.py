"""Cells → tokens: each cell gets the grammar terminal it matches, runs of values become CELLS."""

from __future__ import annotations

from lark import Token

from giar_parse._grammar import classifier
from giar_parse._normalise import MAX_LABEL, Cell
from giar_parse._values import is_value
from giar_parse.model import Diagnostic

__all__ = ["TABLE_TERMINALS_2021", "tokens"]

#: Terminals only the 2021 template prints (used to tell the templates apart).
TABLE_TERMINALS_2021 = frozenset(
    {"COLUMN_2021", "ADMINISTRATIVE_NORMATIVE_DOCUMENTS", "NO_CORRECTION", "UNPAID_FEES", "OTHER_HANDLING_OTHER"}
)

_HEADING_PREFIX = "HEADING_"
_REQUEST_ROWS = frozenset(
    {
        "RECEIVED",
        "CARRIED_OVER",
        "DISCLOSED",
        "PARTIALLY_DISCLOSED",
        "STATE_SECRET",
        "PROHIBITED_BY_LAW",
        "SECURITY_STABILITY",
        "THIRD_PARTY",
        "INTERNAL_AFFAIRS",
        "PROCESS_INFORMATION",
        "ENFORCEMENT_FILES",
        "ADMINISTRATIVE_QUERIES",
        "NOT_HELD",
        "NEEDS_CREATION",
        "UNCLEAR",
        "COMPLAINTS",
        "DUPLICATES",
        "PUBLICATIONS",
        "EXCESSIVE",
        "RECONFIRMATION",
        "OTHER_HANDLING",
        "NO_CORRECTION",
        "UNPAID_FEES",
    }
)
# A stray text cell inside a table is dropped only when the table goes on right after it.
_STRAY_REACH_CELLS = 12
_STRAY_MAX_LENGTH = 60

_VALUE, _TEXT = "value", "text"


def _kind(cell: Cell) -> str:
    if is_value(cell.text):
        return _VALUE
    if len(cell.text) > MAX_LABEL:
        return _TEXT
    match = classifier().fullmatch(cell.text)
    return match.lastgroup or _TEXT if match else _TEXT


def _token(kind: str, value: object, cell: Cell) -> Token:
    # Token is a str: give it the raw text, then the payload (str() of a tuple costs)
    token = Token(kind, cell.raw, line=cell.line, column=cell.column)
    token.value = value
    return token


def tokens(cells: list[Cell]) -> tuple[list[Token], list[Diagnostic]]:
    """Classify cells and group them into the token stream the grammar reads."""
    kinds = [_kind(cell) for cell in cells]
    # index of the next table cell, or -1 where a heading comes first
    next_table = [-1] * (len(cells) + 1)
    for i in range(len(cells) - 1, -1, -1):
        kind = kinds[i]
        if kind.startswith(_HEADING_PREFIX):
            next_table[i] = -1
        elif kind not in (_VALUE, _TEXT):
            next_table[i] = i
        else:
            next_table[i] = next_table[i + 1]

    out: list[Token] = []
    notes: list[Diagnostic] = []
    run: list[Cell] = []
    in_table = False
    last_label = ""

    def flush(before: Cell | None = None) -> None:
        # blank cells on the line of the next label come before it: label-column padding
        while before is not None and run and not run[-1].text and run[-1].line == before.line:
            run.pop()
        if run:
            out.append(_token("CELLS", tuple(run), run[0]))
            run.clear()

    for i, (cell, kind) in enumerate(zip(cells, kinds, strict=True)):
        if kind == _VALUE:
            if in_table:
                run.append(cell)
            elif cell.text:
                out.append(_token("PROSE", cell, cell))
            continue
        flush(cell)
        if kind == _TEXT:
            ahead = next_table[i + 1]
            if in_table and ahead != -1 and ahead - i <= _STRAY_REACH_CELLS and len(cell.text) <= _STRAY_MAX_LENGTH:
                notes.append(
                    Diagnostic(
                        "text.ignored",
                        "info",
                        f"ignored text {cell.raw!r} inside a table",
                        None,
                        cell.line,
                    )
                )
                continue
            in_table = False
            out.append(_token("PROSE", cell, cell))
            continue
        if kind.startswith(_HEADING_PREFIX):
            in_table = False
            out.append(_token(kind, cell, cell))
            continue
        # bare 总计 / 其他 after table 三 rows are rows, not column headers
        if kind == "TOTAL_WORD" and last_label in _REQUEST_ROWS:
            kind = "REQUEST_TOTAL"
        elif kind == "OTHER_WORD" and last_label in ("NO_CORRECTION", "UNPAID_FEES"):
            kind = "OTHER_HANDLING_OTHER"
        in_table = True
        last_label = kind
        out.append(_token(kind, cell, cell))
    flush()
    return out, notes
