"""Cells → tokens: each cell gets the grammar terminal it matches; a table row is one token with its values."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from giar_parse.model import Diagnostic
from giar_parse.reading.fuzzy import match_label, official_label
from giar_parse.reading.glued import Piece, unglued
from giar_parse.reading.normalise import MAX_LABEL, MAX_SPACED, Cell, fold, holds_space
from giar_parse.reading.tables.requests import ROWS
from giar_parse.reading.terminals import terminal_of
from giar_parse.reading.token import Token, make_token
from giar_parse.reading.transformer import HEADING_KINDS
from giar_parse.reading.values import is_value

__all__ = ["tokens"]

_new_cell = tuple.__new__

_HEADINGS = frozenset(HEADING_KINDS)
# header words that keep a table 四 header going (总计, 其他)
_HEADER_WORDS = frozenset(("TOTAL_WORD", "OTHER_WORD"))
# rows after which a bare 总计 is the （七）总计 row, not a column header
_REQUEST_ROWS = frozenset(label for label in ROWS if label not in ("REQUEST_TOTAL", "CARRIED_FORWARD"))
# A stray text cell inside a table is dropped only when the table goes on after at most
# this many text cells (value cells between them do not count).
_STRAY_REACH = 4
_STRAY_MAX_LENGTH = 60
# two numbers side by side in one cell: a row of values joined by single spaces
_NUMBERS_TOGETHER = re.compile(r"\d\s+[+\-\d]")
_PIECE = re.compile(r"\S+")
_DIGITS = frozenset("0123456789")

_VALUE, _TEXT = "value", "text"
# a cell inside a table that is dropped (with an info note): a piece of a header word, or a
# placeholder column header a converter made up (数据1, 列2, Column3, Unnamed: 4)
_FRAGMENT = "fragment"
# a label cell repeated on its line (a merged cell copied into every grid cell): read once
_REPEAT = "repeat"
_DROPPED = frozenset((_FRAGMENT, _REPEAT))
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
    return terminal_of(text) or _TEXT


def _piece_kind(text: str) -> str:
    """A piece's kind, a cut-off long label counting as a label."""
    kind = _classify(text)
    return "label" if kind == _TEXT and match_label(text) is not None else kind


def _pieces(cell: Cell) -> list[Cell] | None:
    """Cut a cell holding single-space-separated cells (PDF text) into them, where that reads.

    A cell is cut when it ends with a number (``规章 0 0 0``) or when every piece after
    some leading fragments is a table label or header (``自然人 商业 科研``,
    ``果 （二）部分公开…``); otherwise it stays whole (prose).
    """
    cut = _cut(cell.raw)
    return None if cut is None else _cells_of(cell, cut)


def _cells_of(cell: Cell, pieces: Sequence[Piece]) -> list[Cell]:
    """The cells a cell is cut into: ``pieces`` of its text, each (folded, as printed, offset)."""
    line, column = cell.line, cell.column
    return [_new_cell(Cell, (text, raw, line, column + start)) for text, raw, start in pieces]


@functools.lru_cache(maxsize=4096)
def _cut(raw: str) -> tuple[Piece, ...] | None:
    """The pieces of a cell as :func:`_pieces` cuts it: (folded, as printed, offset); None where it stays whole."""
    ends = raw.rsplit(None, 1)
    if len(ends) < 2 or len(raw) > MAX_SPACED:
        return None
    last = _piece_kind(fold(ends[1]))
    if last == _TEXT:
        return None  # prose (the last piece is never among the leading fragments)
    pieces = tuple((fold(m[0]), m[0], m.start()) for m in _PIECE.finditer(raw))
    if last == _VALUE:
        return pieces
    kinds = [_piece_kind(text) for text, _, _ in pieces]
    # fragments of a cut-off group label may stand before the labels: 果 （二）部分公开…
    rest = kinds[next(i for i, kind in enumerate(kinds) if kind != _TEXT or i == len(kinds) - 1) :]
    if _TEXT in rest or _VALUE in rest:
        return None
    return pieces


def _expand(cells: list[Cell], spaced: Sequence[int]) -> None:
    """Cut the cells at ``spaced`` (the ones holding a space) into pieces where they read so, in place.

    In place, so that a whole cell cut into pieces is let go of at once.
    """
    for index in reversed(spaced):
        cell = cells[index]
        if _classify(cell.text) == _TEXT or _NUMBERS_TOGETHER.search(cell.raw):
            pieces = _pieces(cell)
            if pieces is not None:
                cells[index : index + 1] = pieces


def _spaced(cells: list[Cell]) -> list[int]:
    """The indices of the cells holding a space (as :func:`~giar_parse.reading.normalise.cut` gives them)."""
    return [index for index, cell in enumerate(cells) if holds_space(cell.raw)]


def _is_letter(cell: Cell) -> bool:
    return len(cell.text) == 1 and "\u4e00" <= cell.text <= "\u9fff"


def _is_label(kind: str) -> bool:
    return kind not in (_VALUE, _TEXT) and kind not in _HEADINGS


def _spelled(cells: list[Cell], starts: Sequence[int]) -> list[Cell]:
    """``cells`` with the words that runs of one-character cells spell (a table label or header) made whole.

    ``starts`` are where the runs of at least ``_MIN_SPELLED`` such cells start (as
    :func:`_classified` finds them); the cells between them are kept as they are.
    """
    out: list[Cell] = []
    done = 0
    for start in starts:
        end = start
        while end < len(cells) and _is_letter(cells[end]):
            end += 1
        out += cells[done:start]
        out += _spelled_run(cells[start:end])
        done = end
    out += cells[done:]
    return out


def _spelled_run(cells: list[Cell]) -> list[Cell]:
    """A run of one-character cells, each stretch of up to ``_MAX_SPELLED`` that spells a label made one cell."""
    out: list[Cell] = []
    i = 0
    while i < len(cells):
        cell = cells[i]
        if _classify(cell.text) == _TEXT:
            end = min(len(cells), i + _MAX_SPELLED)
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


def _is_fragment(text: str, in_table: bool, after_appeal_header: bool) -> bool:
    if in_table and _PLACEHOLDER_HEADER.fullmatch(text):
        return True
    return after_appeal_header and len(text) <= _MAX_FRAGMENT and set(text) <= _APPEAL_HEADER_CHARS


def _fuzzy_note(cell: Cell, terminal: str, how: str) -> Diagnostic:
    what = "is cut short" if how == "prefix" else "differs by one character from the official label"
    return Diagnostic(
        "label.fuzzy", "info", f"row label {cell.raw!r} {what}; read as {official_label(terminal)}", None, cell.line
    )


def _classified(cells: list[Cell], notes: list[Diagnostic]) -> tuple[list[str], list[int], list[Cell]]:
    """The cells' kinds, in one pass; where runs of three or more one-character cells start; the glued cells.

    A label cell repeated on its line (a merged cell copied into every grid cell) is read once
    (the copies are of kind ``_REPEAT``), and inside tables text that is a cut-off or mistyped
    long label becomes that label, a piece of a header word a fragment.  A cell inside a
    table that is a row label with its first value (``行政规范性文件77``, see :mod:`.glued`)
    is returned to be cut apart.
    """
    kinds: list[str] = []
    glued: list[Cell] = []
    letters: list[int] = []  # where three or more one-character cells in a row start: they may spell a word
    streak = 0
    in_table = after_appeal_header = False
    last: Cell | None = None
    for cell in cells:
        text = cell.text
        if len(text) == 1 and "\u4e00" <= text <= "\u9fff":
            streak += 1
            if streak == _MIN_SPELLED:
                letters.append(len(kinds) + 1 - _MIN_SPELLED)
        else:
            streak = 0
        kind = _classify(text)
        if kind == _VALUE:
            pass
        elif kind == _TEXT:
            if _is_fragment(text, in_table, after_appeal_header):
                kind = _FRAGMENT
            elif in_table and len(text) <= MAX_LABEL:
                if unglued(cell.raw) is not None:
                    glued.append(cell)  # read again once cut apart
                else:
                    fuzzy = match_label(text)
                    if fuzzy is not None:
                        kind = fuzzy[0]
                        notes.append(_fuzzy_note(cell, *fuzzy))
        elif kind in _HEADINGS:
            in_table = after_appeal_header = False
        else:  # a table label or header
            if last is not None and text and last.text == text and last.line == cell.line:
                kinds.append(_REPEAT)  # the same label again on its line
                continue
            in_table = True
            if text[-1] in _DIGITS and unglued(cell.raw) is not None:
                glued.append(cell)  # a label whose pattern ends in .* took in the value after it
            if kind in _APPEAL_HEADER:
                after_appeal_header = True
            elif kind not in _HEADER_WORDS:
                after_appeal_header = False
        kinds.append(kind)
        last = cell
    return kinds, letters, glued


def _unglue(cells: list[Cell], glued: list[Cell]) -> list[Cell]:
    """``cells`` with each of ``glued`` cut into its pieces (see :func:`.glued.unglued`)."""
    cut = {id(cell) for cell in glued}
    out: list[Cell] = []
    for cell in cells:
        pieces = unglued(cell.raw) if id(cell) in cut else None
        if pieces is None:
            out.append(cell)
        else:
            out += _cells_of(cell, pieces)
    return out


def _stray(kinds: list[str], start: int) -> bool:
    """True where the text cell at ``start`` is followed by the table within ``_STRAY_REACH`` text cells.

    Value cells do not count; a heading or the end of the text first means it is not.
    """
    count = 0
    for index in range(start, len(kinds)):
        kind = kinds[index]
        if kind == _TEXT:
            count += 1
            if count > _STRAY_REACH:
                return False
        elif kind in _HEADINGS:
            return False
        elif kind not in (_VALUE, _REPEAT):
            return True
    return False


def _stream(cells: list[Cell], kinds: list[str], notes: list[Diagnostic]) -> list[Token]:
    """Group classified cells into the token stream the grammar reads (see :func:`tokens`)."""
    out: list[Token] = []
    run: list[Cell] = []
    prose: list[Cell] = []
    label: tuple[str, Cell] | None = None  # the table cell whose values are being gathered
    in_table = False
    last_label = ""
    for index, cell in enumerate(cells):
        kind = kinds[index]
        if kind == _VALUE:
            if in_table:
                run.append(cell)
            elif cell.text:
                prose.append(cell)
            continue
        if kind in _DROPPED:
            if kind == _FRAGMENT:
                notes.append(_ignored(cell, "header piece"))
            continue
        stray = kind == _TEXT and in_table and _is_stray(cell, kinds, index)
        # the values gathered so far end here: blank cells on this line are label-column padding
        while run and not run[-1].text and run[-1].line == cell.line:
            run.pop()
        if label is not None and (run or not stray):
            out.append(_labelled(label, run))
            label = None
        elif run:  # values after a stray text that ended their row's: no row's
            out.append(_token("CELLS", tuple(run), run[0]))
            run.clear()
        if stray:
            notes.append(_ignored(cell, "text"))
            continue
        if kind == _TEXT:
            in_table = False
            prose.append(cell)
            continue
        if prose:
            out.append(_token("PROSE", tuple(prose), prose[0]))
            prose.clear()
        if kind in _HEADINGS:
            in_table = False
            out.append(_token(kind, cell, cell))
            continue
        in_table = True
        last_label = _row_word(kind, last_label)
        label = last_label, cell
    if label is not None:
        out.append(_labelled(label, run))
    elif run:
        out.append(_token("CELLS", tuple(run), run[0]))
    if prose:
        out.append(_token("PROSE", tuple(prose), prose[0]))
    return out


def _ignored(cell: Cell, what: str) -> Diagnostic:
    return Diagnostic("text.ignored", "info", f"ignored {what} {cell.raw!r} inside a table", None, cell.line)


def _row_word(kind: str, last_label: str) -> str:
    """Bare 总计 / 其他 after table 三 rows are rows, not column headers."""
    if kind == "TOTAL_WORD" and last_label in _REQUEST_ROWS:
        return "REQUEST_TOTAL"
    if kind == "OTHER_WORD" and last_label in ("NO_CORRECTION", "UNPAID_FEES"):
        return "OTHER_HANDLING_OTHER"
    return kind


def _is_stray(cell: Cell, kinds: list[str], index: int) -> bool:
    """A short text cell inside a table that the table goes on after (see :func:`_stray`)."""
    return len(cell.text) <= _STRAY_MAX_LENGTH and _stray(kinds, index)


def _labelled(label: tuple[str, Cell], run: list[Cell]) -> Token:
    """The token of a table cell carrying the values gathered after it (``run``, then emptied)."""
    kind, cell = label
    token = make_token(kind, cell, cell.line, cell.column, tuple(run))
    run.clear()
    return token


def _token(kind: str, value: object, cell: Cell) -> Token:
    return make_token(kind, value, cell.line, cell.column)


def tokens(cells: list[Cell], spaced: Sequence[int] | None = None) -> tuple[list[Token], list[Diagnostic]]:
    """Classify cells (a list this takes over) and group them into the token stream the grammar reads.

    Every table label or header cell is a token of its terminal carrying the value cells
    printed after it (``Token.cells``: a row is one token), every heading a token,
    consecutive prose cells one ``PROSE`` token (its value the tuple of cells).  A short
    text cell inside a table is dropped with a note where the table goes on after it; the
    values after it are the row's where the row had none before it, else a ``CELLS`` token
    of their own (which only a header takes).  A cell of single-space-separated cells (PDF
    text) is cut into them first; ``spaced`` lists the cells holding a space, where known.
    A row label printed together with its first value (``行政规范性文件77``) is cut apart.
    """
    notes: list[Diagnostic] = []
    _expand(cells, _spaced(cells) if spaced is None else spaced)
    kinds, letters, glued = _classified(cells, notes)
    if glued:  # a row label printed with its first value: read again, cut apart
        cells, notes = _unglue(cells, glued), []
        kinds, letters, _ = _classified(cells, notes)
    if letters:  # a header printed one character per cell: its words first, where they spell any
        spelled = _spelled(cells, letters)
        if len(spelled) != len(cells):
            cells, notes = spelled, []
            kinds, _, _ = _classified(cells, notes)
    return _stream(cells, kinds, notes), notes
