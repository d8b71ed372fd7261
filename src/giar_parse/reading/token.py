"""The token the lexer hands the grammar: a cell's printed text with its terminal and payload."""

from __future__ import annotations

from typing import Any

__all__ = ["Token", "make_token"]


class Token(str):
    """A token of the cell stream; as a str it is the cell as printed.

    It carries what an LALR driver reads (``type``) and what the reductions build from
    (``value``, ``line``, ``column``); Lark's own driver accepts it too.
    """

    __slots__ = ("cells", "column", "line", "type", "value")

    #: The terminal (``RECEIVED``, ``PROSE`` …).
    type: str
    #: The payload: a :class:`~giar_parse.reading.normalise.Cell`, or a tuple of them for ``PROSE``.
    value: Any
    #: The value cells printed after a table label or header cell, up to the next one (a row's values).
    cells: tuple[Any, ...]
    #: 1-based line in the input.
    line: int
    #: 1-based column in the input.
    column: int


_new_str = str.__new__


def make_token(kind: str, raw: str, value: object, line: int, column: int, cells: tuple[Any, ...] = ()) -> Token:
    """A token whose text is ``raw``, of terminal ``kind``, carrying ``value`` (and the value ``cells`` after it)."""
    token: Token = _new_str(Token, raw)
    token.type = kind
    token.value = value
    token.line = line
    token.column = column
    token.cells = cells
    return token
