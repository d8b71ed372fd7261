"""Cells → tokens: each cell gets the grammar terminal it matches, runs of values become CELLS."""

from __future__ import annotations

import functools
import re

from giar_parse.model import Diagnostic
from giar_parse.reading.fuzzy import match_label, official_label
from giar_parse.reading.grammar import classifier
from giar_parse.reading.normalise import MAX_LABEL, Cell, fold
from giar_parse.reading.tables.requests import ROWS
from giar_parse.reading.token import Token, make_token
from giar_parse.reading.values import is_value

__all__ = ["tokens"]

_HEADING_PREFIX = "HEADING_"
# rows after which a bare 总计 is the （七）总计 row, not a column header
_REQUEST_ROWS = frozenset(label for label in ROWS if label not in ("REQUEST_TOTAL", "CARRIED_FORWARD"))
# A stray text cell inside a table is dropped only when the table goes on after at most
# this many text cells (value cells between them do not count).
_STRAY_REACH = 4
_STRAY_MAX_LENGTH = 60
# two numbers side by side in one cell: a row of values joined by single spaces
_NUMBERS_TOGETHER = re.compile(r"\d\s+[+\-\d]")
_PIECE = re.compile(r"\S+")

_VALUE, _TEXT = "value", "text"
# a cell inside a table that is dropped (with an info note): a piece of a header word, or a
# placeholder column header a converter made up (数据1, 列2, Column3, Unnamed: 4)
_FRAGMENT = "fragment"
_PLACEHOLDER_HEADER = re.compile(r"(数据|列|字段|Column|column|Unnamed:?_?)\d{1,2}")
# the characters of table 四's header words: a cell made of them only, after that header, is a
# piece of a header word cut apart by the text extraction (其他结 / 果, 尚未审 / 结)
_APPEAL_HEADER_CHARS = frozenset("行政复议诉讼未经直接起后结果维持纠正其他尚审总计")
_APPEAL_HEADER = frozenset({"REVIEW", "LITIGATION", "DIRECT_SUIT", "SUIT_AFTER_REVIEW", "OUTCOME_HEADER"})
_MAX_FRAGMENT = 40
# a run of one-character cells (a header printed one character per line) spells a word
_MAX_SPELLED = 10
# two letters (结 / 果) are too often the pieces of a wrapped label to be read as a word
_MIN_SPELLED = 3


@functools.lru_cache(maxsize=8192)
def _classify(text: str) -> str:
    """The kind of a folded cell: value, a grammar terminal, or text."""
    if is_value(text):
        return _VALUE
    if len(text) > MAX_LABEL:
        return _TEXT
    match = classifier().fullmatch(text)
    return match.lastgroup or _TEXT if match else _TEXT


def _pieces(cell: Cell) -> list[Cell] | None:
    """Cut a cell holding single-space-separated cells (PDF text) into them, where that reads.

    A cell is cut when it ends with a number (``规章 0 0 0``) or when every piece after
    some leading fragments is a table label or header (``自然人 商业 科研``,
    ``果 （二）部分公开…``); otherwise it stays whole (prose).
    """
    found = [(m.start(), m.group()) for m in _PIECE.finditer(cell.raw)]
    if len(found) < 2 or len(cell.raw) > MAX_LABEL * 2:
        return None
    pieces = [Cell(fold(raw), raw, cell.line, cell.column + start) for start, raw in found]
    # a piece that is a cut-off long label counts as a label here
    kinds = [_classify(piece.text) for piece in pieces]
    kinds = [
        "label" if kind == _TEXT and match_label(piece.text) is not None else kind
        for kind, piece in zip(kinds, pieces, strict=True)
    ]
    if kinds[-1] == _VALUE:
        return pieces
    # fragments of a cut-off group label may stand before the labels: 果 （二）部分公开…
    rest = kinds[next(i for i, kind in enumerate(kinds) if kind != _TEXT or i == len(kinds) - 1) :]
    if _TEXT in rest or _VALUE in rest:
        return None
    return pieces


def _expand(cells: list[Cell]) -> list[Cell]:
    out: list[Cell] = []
    for cell in cells:
        raw = cell.raw
        if (" " in raw or "\u3000" in raw) and len(raw) <= MAX_LABEL * 2:
            whole = _classify(cell.text) if not _NUMBERS_TOGETHER.search(raw) else _TEXT
            if whole == _TEXT:
                pieces = _pieces(cell)
                if pieces is not None:
                    out.extend(pieces)
                    continue
        out.append(cell)
    return out


def _is_letter(cell: Cell) -> bool:
    return len(cell.text) == 1 and "\u4e00" <= cell.text <= "\u9fff"


def _is_label(kind: str) -> bool:
    return kind not in (_VALUE, _TEXT) and not kind.startswith(_HEADING_PREFIX)


def _spelled(cells: list[Cell]) -> list[Cell]:
    """Runs of one-character cells that spell a table label or header word become that word."""
    out: list[Cell] = []
    i = 0
    while i < len(cells):
        cell = cells[i]
        if _is_letter(cell) and _classify(cell.text) == _TEXT:
            end = i + 1
            while end < len(cells) and end - i < _MAX_SPELLED and _is_letter(cells[end]):
                end += 1
            for stop in range(end, i + _MIN_SPELLED - 1, -1):
                word = "".join(c.text for c in cells[i:stop])
                if _is_label(_classify(word)):
                    out.append(Cell(word, word, cell.line, cell.column))
                    i = stop
                    break
            else:
                out.append(cell)
                i += 1
            continue
        out.append(cell)
        i += 1
    return out


def _unrepeated(cells: list[Cell]) -> list[Cell]:
    """A label cell repeated on its line (a merged cell copied into every grid cell it covers) is one cell."""
    out: list[Cell] = []
    for cell in cells:
        last = out[-1] if out else None
        if (
            last is not None
            and cell.text
            and last.text == cell.text
            and last.line == cell.line
            and _is_label(_classify(cell.text))
        ):
            continue
        out.append(cell)
    return out


def _is_fragment(text: str, in_table: bool, after_appeal_header: bool) -> bool:
    if in_table and _PLACEHOLDER_HEADER.fullmatch(text):
        return True
    return after_appeal_header and len(text) <= _MAX_FRAGMENT and set(text) <= _APPEAL_HEADER_CHARS


def _kinds(cells: list[Cell], notes: list[Diagnostic]) -> list[str]:
    """Each cell's kind; inside tables, text that is a cut-off or mistyped long label is that label."""
    kinds = [_classify(cell.text) for cell in cells]
    in_table = False
    after_appeal_header = False
    for i, (cell, kind) in enumerate(zip(cells, kinds, strict=True)):
        if kind.startswith(_HEADING_PREFIX):
            in_table = after_appeal_header = False
        elif kind not in (_VALUE, _TEXT):
            in_table = True
            if kind in _APPEAL_HEADER:
                after_appeal_header = True
            elif kind not in ("TOTAL_WORD", "OTHER_WORD"):
                after_appeal_header = False
        elif kind == _TEXT and _is_fragment(cell.text, in_table, after_appeal_header):
            kinds[i] = _FRAGMENT
        elif kind == _TEXT and in_table and len(cell.text) <= MAX_LABEL:
            fuzzy = match_label(cell.text)
            if fuzzy is not None:
                terminal, how = fuzzy
                what = "is cut short" if how == "prefix" else "differs by one character from the official label"
                notes.append(
                    Diagnostic(
                        "label.fuzzy",
                        "info",
                        f"row label {cell.raw!r} {what}; read as {official_label(terminal)}",
                        None,
                        cell.line,
                    )
                )
                kinds[i] = terminal
    return kinds


def _token(kind: str, value: object, cell: Cell) -> Token:
    # Token is a str: give it the raw text, then the payload (str() of a tuple costs)
    return make_token(kind, cell.raw, value, cell.line, cell.column)


def _texts_ahead(kinds: list[str]) -> list[int]:
    """For each cell, the text cells from it up to the next table cell (-1: a heading comes first)."""
    texts_ahead = [-1] * (len(kinds) + 1)
    for i in range(len(kinds) - 1, -1, -1):
        kind = kinds[i]
        if kind.startswith(_HEADING_PREFIX):
            texts_ahead[i] = -1
        elif kind not in (_VALUE, _TEXT):
            texts_ahead[i] = 0
        elif texts_ahead[i + 1] == -1:
            texts_ahead[i] = -1
        else:
            texts_ahead[i] = texts_ahead[i + 1] + (kind == _TEXT)

    return texts_ahead


def tokens(cells: list[Cell]) -> tuple[list[Token], list[Diagnostic]]:
    """Classify cells and group them into the token stream the grammar reads."""
    cells = _unrepeated(_spelled(_expand(cells)))
    notes: list[Diagnostic] = []
    kinds = _kinds(cells, notes)
    texts_ahead = _texts_ahead(kinds)
    out: list[Token] = []
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
        if kind == _FRAGMENT:
            notes.append(
                Diagnostic("text.ignored", "info", f"ignored header piece {cell.raw!r} inside a table", None, cell.line)
            )
            continue
        if kind == _VALUE:
            if in_table:
                run.append(cell)
            elif cell.text:
                out.append(_token("PROSE", cell, cell))
            continue
        flush(cell)
        if kind == _TEXT:
            ahead = texts_ahead[i]
            if in_table and 0 < ahead <= _STRAY_REACH and len(cell.text) <= _STRAY_MAX_LENGTH:
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
