"""A row label printed together with its row's first value, as one cell: ``行政规范性文件77``.

Some PDF text extractors (pypdf, PyMuPDF) join a table's label cell and the value beside it
when nothing but a small gap stands between them, and may put a group's enumerator before
its first sub-row (``（四）1.本机关不掌握相关政府信息31``).  Such a cell is cut apart only where
what remains is a row label whole (no wording variant, no typo) and the number is a value a
cell prints: a count never starts with 0 unless it is 0, so ``规章00`` (two values run
together) stays one cell and is not read.
"""

from __future__ import annotations

import functools
import re

from giar_parse.reading.normalise import fold
from giar_parse.reading.tables.active import ROWS_2019, ROWS_2021
from giar_parse.reading.tables.requests import ROWS
from giar_parse.reading.terminals import terminal_of
from giar_parse.reading.values import is_value

__all__ = ["Piece", "unglued"]

#: A piece of a cell: (folded text, as printed, offset in the cell).
Piece = tuple[str, str, int]

_ROW_LABELS = frozenset((*ROWS, *ROWS_2019, *ROWS_2021))
# the value at the end of the cell: digits, with thousands separators or a decimal point
_VALUE = re.compile(r"[0-9０-９][0-9０-９,，.．]*$")
_GROUP = re.compile(r"[(（][一二三四五六七][)）](?=[0-9０-９])")
_LEADING_ZERO = re.compile(r"0[0-9]")


@functools.lru_cache(maxsize=1024)
def unglued(raw: str) -> tuple[Piece, ...] | None:
    """The pieces of a cell (as printed) that is a row label with a value or a group's enumerator.

    None where the cell is no such thing.

    >>> unglued("行政规范性文件77")
    (('行政规范性文件', '行政规范性文件', 0), ('77', '77', 7))
    >>> unglued("规章00") is None, unglued("全年共收到申请81") is None
    (True, True)
    """
    group = _GROUP.match(raw)
    start = group.end() if group else 0
    value = _VALUE.search(raw, start)
    if group is None and value is None:
        return None
    end = value.start() if value else len(raw)
    label = raw[start:end]
    folded = fold(label)
    if not folded or label[-1].isspace() or terminal_of(folded) not in _ROW_LABELS:
        return None
    pieces = [(folded, label, start)]
    if group is not None:
        pieces.insert(0, (fold(group[0]), group[0], 0))
    if value is not None:
        number = fold(value[0])
        if not is_value(number) or _LEADING_ZERO.match(number):
            return None
        pieces.append((number, value[0], end))
    return tuple(pieces)
